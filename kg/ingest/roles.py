"""Chairs, coordinators and founders, with the period the text gives: "L'ONUDC préside le Groupe
mondial sur la migration pendant la deuxième moitié de l'année 2012", "l'OIT assure la
coordination du Groupe depuis 2010", "Il a été créé par les représentants du HCR, de l'ONUDC".

Each is the truthy fact (``atkg:chairs``, ``atkg:coordinates``, ``org:memberOf``) with the role
and period the edit layer turns into an ``org:Membership`` node and its ``time:Interval``
(kg/data/README.md, "Membership with a role or a period").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.ingest.dates import period_range

__all__ = ["Role", "roles", "role_period", "founders", "in_capacity"]

BODIES = {
    "atkg:CoordinationMechanism",
    "atkg:Initiative",
    "org:OrganizationalCollaboration",
    "atkg:Partnership",
    "atkg:Event",
    "atkg:JointProgramme",
}
_ACTIVE = [
    (
        re.compile(
            r"\b(?:préside|président|présidait|présidaient|copréside|coprésident|a\s+(?:co)?présidé|ont\s+(?:co)?présidé"
            r"|assur\w+\s+(?:actuellement\s+|également\s+)?la\s+(?:co-?)?présidence\s+(?:d[eu]|de\s+la|de\s+l[’']))",
            re.I,
        ),
        "atkg:chairs",
        "chair",
    ),
    (
        re.compile(
            r"\b(?:coordonne|coordonnent|coordonnait|a\s+coordonné|ont\s+coordonné"
            r"|assur\w+\s+(?:actuellement\s+|également\s+)?la\s+coordination\s+(?:d[eu]|de\s+la|de\s+l[’']))",
            re.I,
        ),
        "atkg:coordinates",
        "coordinator",
    ),
]
_HALF = re.compile(
    r"\b(?:pendant|durant|au\s+cours\s+de)?\s*(?:la\s+)?(?P<which>première|premier|deuxième|deuxiéme|second|seconde)"
    r"\s+(?:moitié|semestre)\s+(?:de\s+l[’']\s*année\s+|de\s+)?(?P<year>(?:19|20)\d\d)"
    r"|\b(?:au|le)\s+(?P<which2>premier|second|deuxième)\s+semestre\s+(?:de\s+)?(?P<year2>(?:19|20)\d\d)",
    re.I,
)
_FOUNDED = re.compile(r"\b(?:créée?s?|fondée?s?|constituée?s?|instituée?s?)\s+(?:en\s+\S+\s+)?par\b", re.I)


@dataclass(frozen=True)
class Role:
    member: str
    predicate: str
    body: str
    role: str
    start: str | None
    end: str | None
    confidence: float


def role_period(text: str) -> tuple[str | None, str | None]:
    """The period a role is held, at the precision printed.

    >>> role_period("pendant la deuxième moitié de l'année 2012")
    ('2012-07', '2012-12')
    >>> role_period("depuis 2010"), role_period("de 2007 à 2009"), role_period("en 2008")
    (('2010', None), ('2007', '2009'), (None, None))
    """
    half = _HALF.search(text)
    if half:
        which = (half.group("which") or half.group("which2")).lower()
        year = half.group("year") or half.group("year2")
        return (f"{year}-01", f"{year}-06") if which.startswith("premi") else (f"{year}-07", f"{year}-12")
    span = period_range(text)
    return span if span else (None, None)


def roles(sentence: str, items: Sequence, context: Sequence = ()) -> list[Role]:
    """Chairs and coordinators an active verb states, and founders of a body "créé par" agents."""
    items = sorted(items, key=lambda i: i.start)
    out: list[Role] = []
    for pattern, predicate, role in _ACTIVE:
        for match in pattern.finditer(sentence):
            body = next((i for i in items if i.start >= match.end() and i.type in BODIES), None)
            if body is None or body.start - match.end() > 25:
                continue
            clause = max((m.end() for m in re.finditer(r"[;:]", sentence[: match.start()])), default=0)
            agents = [i for i in items if clause <= i.start and i.end <= match.start() and i.agent]
            if not agents or match.start() - agents[-1].end > 40:
                continue
            start, end = role_period(sentence[body.end : body.end + 80])
            out.append(Role(agents[-1].slug, predicate, body.slug, role, start, end, 0.6))
    return out


def founders(sentence: str, body, agents: Sequence) -> list[Role]:
    """ "[Le Comité] a été créé par les représentants du HCR, de l'ONUDC": founding members."""
    if body is None or body.type not in ("atkg:CoordinationMechanism", "org:OrganizationalCollaboration"):
        return []
    if not _FOUNDED.search(sentence):
        return []
    return [
        Role(a.slug, "org:memberOf", body.slug, "founder", None, None, 0.5)
        for a in agents
        if a.slug != body.slug
    ]


# "l'ONUDC, en sa qualité de coordonnateur du Groupe", "agissant en sa qualité de gestionnaire du
# Fonds", "en tant que gestionnaire du Fonds": the capacity an agent acts in
_CAPACITY = re.compile(
    r"\b(?:en\s+(?:sa|leur)\s+qualité\s+de|en\s+tant\s+que)\s+(coordonn?ateur|gestionnaire)s?\s+"
    r"(?:d[eu]s?\b|de\s+la\b|de\s+l[’'])",
    re.I,
)


def in_capacity(sentence: str, items: Sequence) -> list[tuple[str, str, str, float]]:
    """(subject, predicate, object, confidence): the body an agent coordinates, the fund it manages,
    "en sa qualité de coordonnateur du Groupe"; the agent is the one named just before, or the
    sentence's subject ("L'ONUDC est un acteur clef [...] mais aussi en tant que gestionnaire du Fonds")."""
    items = sorted(items, key=lambda i: i.start)
    out = []
    for match in _CAPACITY.finditer(sentence):
        thing = next((i for i in items if i.start >= match.end()), None)
        if thing is None or thing.start - match.end() > 3:
            continue
        clause = max((m.end() for m in re.finditer(r"[;:]", sentence[: match.start()])), default=0)
        agents = [i for i in items if clause <= i.start and i.end <= match.start() and i.agent]
        if agents and match.start() - agents[-1].end <= 40:
            agent = agents[-1]
        elif agents and re.match(
            r"^\s*(?:\d+\.\s*)?(?:Le|La|Les|L[’'])?\s*$", sentence[clause : agents[0].start]
        ):
            agent = agents[0]
        else:
            continue
        if match.group(1).lower().startswith("coord") and thing.type in BODIES:
            out.append((agent.slug, "atkg:coordinates", thing.slug, 0.6))
        elif match.group(1).lower() == "gestionnaire" and thing.type == "atkg:Fund":
            out.append((thing.slug, "atkg:managedBy", agent.slug, 0.6))
    return out
