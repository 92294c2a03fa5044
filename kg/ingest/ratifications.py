"""Ratifications and accessions: "la Grèce, Haïti et le Maroc ayant ratifié le Protocole en 2011 et
le Burundi en 2012", "Le Bénin a adhéré à la Convention en 2004".

Each State gets the truthy ``atkg:ratified`` fact and, when a year is printed, the documented
node ``ratification-<ISO3>-<instrument slug without instrument->`` with its State, instrument and
date (kg/data/README.md, "Legal instrument and ratification"). The date of a State is the first
date printed after it (the instrument's, for the States listed before the verb).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.ingest.dates import first_date

__all__ = ["ratifications"]

_TRIGGER = re.compile(
    r"\b(?:a|ont|ayant|avait|avaient|avoir)\s+(?:\S+\s+){0,2}?(?:ratifié|adhéré\s+(?:à|au|aux)|accédé\s+(?:à|au))"
    r"|\bratifient\b|\badhèrent\b",
    re.I,
)
_INSTRUMENTS = {"atkg:LegalInstrument"}


def ratifications(sentence: str, items: Sequence) -> list[tuple[str, str, str | None]]:
    """(State slug, instrument slug, date or None) for every ratification the sentence states."""
    items = sorted(items, key=lambda i: i.start)
    out: list[tuple[str, str, str | None]] = []
    for match in _TRIGGER.finditer(sentence):
        instrument = next((i for i in items if i.start >= match.end() and i.type in _INSTRUMENTS), None)
        if instrument is None or instrument.start - match.end() > 30:
            continue
        clause = max((m.end() for m in re.finditer(r"[;:.]\s", sentence[: match.start()])), default=0)
        before = [i for i in items if i.country and clause <= i.start and i.end <= match.start()]
        end = next((m.start() for m in re.finditer(r"[;]", sentence[instrument.end :])), None)
        end = len(sentence) if end is None else instrument.end + end
        after = [i for i in items if i.country and instrument.end <= i.start < end]
        for state in before:
            out.append((state.slug, instrument.slug, first_date(sentence[instrument.end : end])))
        for state in after:
            out.append((state.slug, instrument.slug, first_date(sentence[state.end : end])))
    return out
