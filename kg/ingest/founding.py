"""When a body, programme or campaign was set up: "créé en 2002", "lancée en mars 2008",
"depuis sa création en septembre 2001", "la création, en 2005, du centre d'expertise".

The date, at the precision printed, is the ``atkg:launchDate`` of the thing named right before
the participle (or right after the noun "création"/"lancement"/"mise en place").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.ingest.dates import first_date

__all__ = ["launch_dates", "FOUNDED"]

FOUNDED = {
    "atkg:CoordinationMechanism",
    "atkg:GovernmentBody",
    "atkg:JointProgramme",
    "atkg:Campaign",
    "atkg:Initiative",
    "atkg:Fund",
    "atkg:ActionPlan",
    "org:Organization",
    "org:OrganizationalCollaboration",
    "atkg:Partnership",
    "atkg:AcademicInstitution",
    "atkg:NonGovernmentalOrganization",
}
_DATE = r"(?:(?:le\s+)?(?:1er|\d{1,2})\s+)?(?:[a-zéû]+\s+)?(?:19|20)\d\d"
_PARTICIPLE = re.compile(
    r"\b(?:créée?s?|lancée?s?|mise?s?\s+en\s+place|instituée?s?|fondée?s?|constituée?s?|inaugurée?s?)"
    rf"\s*,?\s+(?:en|le|au\s+cours\s+de|à\s+la\s+fin\s+de)\s+(?:l[’']année\s+)?({_DATE})",
    re.I,
)
_NOUN = re.compile(
    rf"\b(?:création|lancement|mise\s+en\s+place)\s*,?\s+(?:en|le)\s+({_DATE})\s*,?\s+(?:d[eu]s?\b|de\s+l[’'])",
    re.I,
)
# "UN.GIFT a lancé, le 1er mars 2010, un mécanisme", "avoir créé en 2005 14 groupes": the active
# verb's agent is before it, what it set up after the date
_ACTIVE = re.compile(r"\b(?:a|ont|avait|avaient|avoir)\s+$", re.I)
# "En 2010, un groupe de travail a été créé pour [...]": the date opens the sentence
_BARE = re.compile(
    r"\b(?:a|ont)\s+été\s+(?:créée?s?|lancée?s?|mise?s?\s+en\s+place|instituée?s?|fondée?s?|constituée?s?)\b"
    r"(?!\s*,?\s+(?:en|le|au\s+cours\s+de|à\s+la\s+fin\s+de)\s)",
    re.I,
)
_OPENING = re.compile(rf"^\s*(?:\d+\.\s*)?(?:En|Le)\s+({_DATE})\s*,", re.I)
_SINCE = re.compile(rf"\bdepuis\s+(?:sa|son|leur)\s+(?:création|lancement)\s+(?:en|le)\s+({_DATE})", re.I)


def launch_dates(sentence: str, items: Sequence) -> list[tuple[str, str, float]]:
    """(thing, date, confidence) for every setting-up date the sentence prints."""
    items = sorted(items, key=lambda i: i.start)
    out: list[tuple[str, str, float]] = []
    things = [i for i in items if i.type in FOUNDED]
    for match in _PARTICIPLE.finditer(sentence):
        when = first_date(match.group(1))
        if _ACTIVE.search(sentence[max(0, match.start() - 10) : match.start()]):
            after = [i for i in things if i.start >= match.end() and i.start - match.end() <= 40]
            if after and when:
                out.append((after[0].slug, when, 0.55))
            continue
        before = [i for i in things if i.end <= match.start() and match.start() - i.end <= 60]
        if before and when:
            out.append((before[-1].slug, when, 0.55))
    opening = _OPENING.match(sentence)
    when = first_date(opening.group(1)) if opening else None
    for match in _BARE.finditer(sentence) if opening else ():
        before = [i for i in things if opening.end() <= i.start and i.end <= match.start()]
        if before and when and match.start() - before[-1].end <= 30:
            out.append((before[-1].slug, when, 0.5))
    for match in _NOUN.finditer(sentence):
        after = [i for i in things if i.start >= match.end() and i.start - match.end() <= 10]
        when = first_date(match.group(1))
        if after and when:
            out.append((after[0].slug, when, 0.55))
    for match in _SINCE.finditer(sentence):
        after = [i for i in things if i.start >= match.end() and i.start - match.end() <= 20]
        before = [i for i in things if i.end <= match.start()]
        thing = after[:1] or before[-1:]
        when = first_date(match.group(1))
        if thing and when:
            out.append((thing[0].slug, when, 0.5))
    return out
