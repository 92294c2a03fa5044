"""Proposed slugs for new entities, following kg/data/README.md (lower-case ASCII, hyphens)."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["slugify", "propose_slug", "TYPE_PREFIX", "FUNCTION_WORDS"]

TYPE_PREFIX = {
    "atkg:JointProgramme": "programme-",
    "atkg:Event": "event-",
    "atkg:Campaign": "campaign-",
    "atkg:Publication": "pub-",
    "atkg:ActionPlan": "plan-",
    "atkg:LegalInstrument": "instrument-",
    "atkg:Region": "region-",
    "atkg:Award": "award-",
}
FUNCTION_WORDS = frozenset(
    "de des du la le les l d et pour contre sur en aux au à a dans par un une".split()
)  # French words that join the parts of a name
_STOP = FUNCTION_WORDS | {"the", "of", "and", "for", "on", "in", "to", "personnes"}


def slugify(text: str, words: int = 6) -> str:
    """``Commission nationale de lutte contre la traite`` -> ``commission-nationale-lutte-traite``."""
    plain = unicodedata.normalize("NFKD", text.replace("œ", "oe").replace("Œ", "Oe"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    tokens = [t for t in re.split(r"[^a-z0-9]+", plain) if t and t not in _STOP]
    return "-".join(tokens[:words])


def propose_slug(label: str, type_name: str, acronym: str | None, year: str | None) -> str:
    """Acronym when there is one, else the label's content words; with the type's prefix, and the
    year for events."""
    base = slugify(acronym.replace(".", ""), 3) if acronym else slugify(label)
    prefix = TYPE_PREFIX.get(type_name, "")
    slug = base if base.startswith(prefix) else prefix + base
    if type_name == "atkg:Event" and year and not slug.endswith(year):
        slug += f"-{year}"
    return slug
