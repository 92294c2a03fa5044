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

from kg.ingest.dates import MONTHS, first_date, period_range

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
# other ways UN reports say who chairs a body: "le Groupe mondial sur la migration, que l'OIM a présidé
# de janvier à juin 2013", "la présidence du Groupe a été assurée par l'OIT", "l'assemblée a élu la
# Fondation Horizon Libre à la présidence du Réseau pour la période 2014-2016", "Il est coprésidé,
# pour la période 2013-2015, par la Thaïlande et le Viet Nam"
_DET = r"(?:l[’']\s*|la\s+|le\s+|les\s+)?"  # an article before a name
_WHOM = re.compile(rf"^\s*,?\s*(?:que\s+|qu[’']\s*){_DET}$", re.I)
_CHAIRED = re.compile(r"^\s*(?:a|ont|avait|avaient)\s+(?:co)?présidée?s?\b", re.I)
_PRESIDENCY_OF = re.compile(r"\b(?:la\s+)?(?:co-?)?présidence\s+(?:d[eu]|de\s+la|de\s+l[’'])\s*$", re.I)
# "[la présidence du Groupe a été assurée par l'OIT]; depuis mars 2014, elle est exercée par"
_BY = rf"\s+(?:assurée|exercée)\s+(?:conjointement\s+)?par\s+{_DET}"
_THEN_HELD_BY = re.compile(rf";(?P<period>[^;]{{0,40}}?)\belle\s+(?:est|a\s+été|sera){_BY}", re.I)
_HELD_BY = re.compile(rf"^\s*(?:a\s+été|est|était|sera|avait\s+été){_BY}", re.I)
_ELECTED_TO = re.compile(
    r"^\s*,?\s*(?:(?:a|ont)\s+été\s+)?(?:élue?s?|nommée?s?|désignée?s?)?\s*à\s+la\s+(?:co-?)?présidence\s+"
    r"(?:d[eu]|de\s+la|de\s+l[’'])\s*$",
    re.I,
)
_ELECTED = re.compile(r"\b(?:élue?s?|élit|élisent|nommée?s?|désignée?s?)\b[^,;]{0,25}$", re.I)
_PASSIVE_CHAIR = re.compile(
    r"\b(?:co)?présidée?s?\s*,\s*(?P<period>[^,;]{4,50}),\s*(?:conjointement\s+)?par\b", re.I
)
_AND = re.compile(rf"^\s*(?:,|et|,\s*et|ainsi\s+que)\s*{_DET}$", re.I)
_MONTHS = "|".join(sorted(MONTHS, key=len, reverse=True))
# "de janvier à juin 2013", "pour la période 2013-2015", "jusqu'en décembre 2014"
_MONTHS_OF_YEAR = re.compile(
    rf"\b(?:de|d[’'])\s*(?P<m1>{_MONTHS})\s+(?:à|au)\s+(?P<m2>{_MONTHS})\s+(?P<year>(?:19|20)\d\d)\b", re.I
)
_YEARS = re.compile(r"\bpériode\s+(?:de\s+)?(?P<y1>(?:19|20)\d\d)\s*[-–]\s*(?P<y2>(?:19|20)\d\d)\b", re.I)
_UNTIL = re.compile(r"\bjusqu[’']\s*(?:en|au|à)\s+(?P<until>[^,;.]{4,30})", re.I)
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
    >>> role_period("de janvier à juin 2013"), role_period("pour la période 2013-2015")
    (('2013-01', '2013-06'), ('2013', '2015'))
    >>> role_period("jusqu'en décembre 2014")
    (None, '2014-12')
    """
    half = _HALF.search(text)
    if half:
        which = (half.group("which") or half.group("which2")).lower()
        year = half.group("year") or half.group("year2")
        return (f"{year}-01", f"{year}-06") if which.startswith("premi") else (f"{year}-07", f"{year}-12")
    months = _MONTHS_OF_YEAR.search(text)
    if months:
        year = months.group("year")
        return (
            f"{year}-{MONTHS[months.group('m1').lower()]:02d}",
            f"{year}-{MONTHS[months.group('m2').lower()]:02d}",
        )
    years = _YEARS.search(text)
    if years:
        return years.group("y1"), years.group("y2")
    span = period_range(text)
    if span:
        return span
    until = _UNTIL.search(text)
    return (None, first_date(until.group("until"))) if until else (None, None)


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
    out += _other_chairs(sentence, items, context)
    return out


def _listed(items: Sequence, first, sentence: str) -> list:
    """``first`` and the agents listed right after it ("le HCDH et ONU-Femmes")."""
    out = [first]
    for item in items:
        if item.start >= out[-1].end and item.agent and _AND.match(sentence[out[-1].end : item.start]):
            out.append(item)
        elif item.start >= out[-1].end:
            break
    return out


def _other_chairs(sentence: str, items: Sequence, context: Sequence) -> list[Role]:
    """Chairs stated by a relative clause, "la présidence du X [...] assurée par", "élu à la présidence
    de", or a passive with the period between commas (see the comment on _WHOM)."""
    out: list[Role] = []
    bodies = [i for i in items if i.type in BODIES]
    for body in bodies:
        after = [i for i in items if i.start >= body.end]
        agent = after[0] if after else None
        if agent is not None and agent.agent and _WHOM.match(sentence[body.end : agent.start]):
            verb = _CHAIRED.match(sentence[agent.end :])
            if verb:  # "le Groupe mondial sur la migration, que l'OIM a présidé de janvier à juin 2013"
                start, end = role_period(sentence[agent.end + verb.end() : agent.end + verb.end() + 60])
                out.append(Role(agent.slug, "atkg:chairs", body.slug, "chair", start, end, 0.6))
        before = [i for i in items if i.end <= body.start]
        if before and before[-1].agent and _ELECTED_TO.match(sentence[before[-1].end : body.start]):
            agent = before[-1]
            elected = re.search(
                r"\b(?:élue?s?|nommée?s?|désignée?s?)\b", sentence[agent.end : body.start], re.I
            )
            if elected or _ELECTED.search(sentence[: agent.start]):
                start, end = role_period(sentence[body.end : body.end + 60])
                out.append(Role(agent.slug, "atkg:chairs", body.slug, "chair", start, end, 0.6))
        held = _HELD_BY.match(sentence[body.end :])
        if held and _PRESIDENCY_OF.search(sentence[max(0, body.start - 30) : body.start]):
            first = next((i for i in after if i.start == body.end + held.end()), None)
            if first is not None and first.agent:
                clause = max((m.end() for m in re.finditer(r"[;:]", sentence[: body.start])), default=0)
                start, end = role_period(sentence[clause : body.start])
                for agent in _listed(after, first, sentence):
                    out.append(Role(agent.slug, "atkg:chairs", body.slug, "chair", start, end, 0.6))
            then = _THEN_HELD_BY.search(sentence, body.end + held.end())
            first = next((i for i in after if then and i.start == then.end()), None)
            if first is not None and first.agent:
                start, end = role_period(then.group("period"))
                for agent in _listed(after, first, sentence):
                    out.append(Role(agent.slug, "atkg:chairs", body.slug, "chair", start, end, 0.6))
    pronoun = re.match(r"\s*(?:\d+\.\s*)?(?:Il|Elle)\s", sentence)
    for match in _PASSIVE_CHAIR.finditer(sentence):
        # "Il est coprésidé, pour la période 2013-2015, par la Thaïlande et le Viet Nam"
        first = next((i for i in items if i.start >= match.end()), None)
        if first is None or not first.agent or first.start - match.end() > 5:
            continue
        named = [i for i in bodies if i.end <= match.start()]
        body = (
            named[-1] if named else next((c for c in context if c.type in BODIES), None) if pronoun else None
        )
        if body is None:
            continue
        start, end = role_period(match.group("period"))
        for agent in _listed(items, first, sentence):
            out.append(Role(agent.slug, "atkg:chairs", body.slug, "chair", start, end, 0.6))
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
