"""Members listed in a sentence: "Il se compose des entités suivantes: A, B et C", "le Groupe [...],
notamment A, B", "Ce groupe comprend des représentants de A et de B", "Les représentants des
entités suivantes étaient présents aux réunions du Groupe: A, B".

A list trigger names the body (the mechanism, alliance or initiative before the trigger, in the
sentence or, for "Il"/"Le Groupe", the one the passage spoke of) and every agent named after it up
to the end of the sentence (or a semicolon) is a member. When the body is an event ("Le Forum a
rassemblé des représentants de A et B"), the agents are its participants. Members also "font partie
du Groupe" (or "en font partie: A, B", of the body the passage is about), are "actif au sein des
instances comme A et B", or formed it ("le centre, fruit de la collaboration entre A et B").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Listed", "listed_members", "agents_between", "BODIES", "FORMED_BY"]

BODIES = {
    "atkg:CoordinationMechanism",
    "atkg:Initiative",
    "org:OrganizationalCollaboration",
    "atkg:IntergovernmentalOrganization",
    "atkg:RegionalOrganization",
    "org:Organization",
    "atkg:GovernmentBody",
    "atkg:Partnership",
}
_MEMBERS = re.compile(
    r"\b(?:se\s+compos\w*|(?:est|sont|était|étaient)\s+compos[ée]e?s?|compos[ée]e?s?)\s+"
    r"(?:actuellement\s+|notamment\s+|principalement\s+|essentiellement\s+)?(?:de|des|du|d[’'])"
    r"|\b(?:comprend|comprennent|comprenait|rassembl\w+|regroup\w+|réuni[st]?|réunissent|réunissait|associe|associent)\b"
    r"|\bdont\s+les\s+membres\s+sont|\bmembres\s+sont\b",
    re.I,
)
_FOLLOWING = re.compile(
    r"\b(?:entités|organisations|organismes|institutions|membres|partenaires)\s+suivant(?:e)?s\b[^:.;]{0,120}:",
    re.I,
)
_PART_OF = re.compile(
    r"\b(?P<en>en\s+)?(?:font|fait|faisaient|faisait)\s+(?:également\s+|aussi\s+|désormais\s+)?partie"
    r"(?(en)\s*:|\s+d[eu’']?s?)",
    re.I,
)
_WITHIN = re.compile(
    r"\b(?:actif|active|actifs|actives|siège|siègent|représentée?s?)\s+au\s+sein\s+d[eu’']\s*s?", re.I
)
FORMED_BY = re.compile(
    r"\b(?:fruit|résultat|issue?)\s+d[eu’']\s*(?:la\s+|l[’']\s*|une?\s+)?(?:collaboration|coopération"
    r"|partenariat|association)\s+entre\b",
    re.I,
)
_EXAMPLES = re.compile(r"^\s*\)?\s*,?\s*(?:notamment|à\s+savoir|y\s+compris)\b", re.I)
_ATTENDED = re.compile(r"\bprésent\w*\s+aux?\b|\bparticip\w*\s+aux?\b|\bpris\s+part\s+aux?\b", re.I)


@dataclass(frozen=True)
class Listed:
    member: str
    body: str
    predicate: str  # org:memberOf, or atkg:participant (body -> member) for an event
    confidence: float


def agents_between(items: Sequence, start: int, end: int, body: str) -> list[str]:
    """The agents named between ``start`` and ``end``, each once, in reading order, except ``body``
    (the members of a list, the parties of a partnership)."""
    out: list[str] = []
    for item in items:
        if start <= item.start and item.end <= end and item.agent and item.slug != body:
            if item.slug not in out:
                out.append(item.slug)
    return out


def _end(sentence: str, start: int) -> int:
    stop = re.search(r";", sentence[start:])
    return start + stop.start() if stop else len(sentence)


def listed_members(sentence: str, items: Sequence, context: Sequence) -> list[Listed]:
    """Memberships (and event participants) a sentence lists; ``items`` are the sentence's
    top-level names (facts.Item), ``context`` those of the passage's earlier sentences."""
    out: list[Listed] = []
    items = sorted(items, key=lambda i: i.start)

    def body_before(position: int, kinds: set[str]):
        named = [i for i in items if i.end <= position and i.type in kinds]
        if named:
            return named[-1]
        if re.match(r"\s*(?:\d+\.\s*)?(?:Il|Elle|Ils|Elles|Celui-ci|Celle-ci)\b", sentence):
            # the pronoun stands for what the passage is about: the first body it named
            earlier = [i for i in context if i.type in kinds]
            return earlier[0] if earlier else None
        return None

    kinds = BODIES | {"atkg:Event"}
    for match in _MEMBERS.finditer(sentence):
        body = body_before(match.start(), kinds)
        if body is None:
            continue
        clause = sentence[body.end : match.start()]
        if len(clause) > 90 or re.search(r"[;]|\bqui\b|\bdont\b", clause):
            continue  # the trigger belongs to another clause than the body's
        members = agents_between(items, match.end(), _end(sentence, match.end()), body.slug)
        event = body.type == "atkg:Event"
        for member in members:
            if event:
                out.append(Listed(member, body.slug, "atkg:participant", 0.5))
            else:
                out.append(Listed(member, body.slug, "org:memberOf", 0.55))
    for match in _FOLLOWING.finditer(sentence):
        head = sentence[: match.end()]
        attended = _ATTENDED.search(head)
        body = next(
            (i for i in reversed(items) if i.end <= match.end() and i.type in BODIES),
            None,
        )
        if body is None:
            earlier = [i for i in context if i.type in BODIES]
            body = earlier[-1] if earlier and (attended or match.start() < 40) else None
        members = agents_between(items, match.end(), _end(sentence, match.end()), body.slug if body else "")
        for member in members if body is not None else []:
            out.append(Listed(member, body.slug, "org:memberOf", 0.55 if attended else 0.6))
        # "étaient présents aux trois réunions": the members attended the meetings last named
        meetings = [i for i in [*context, *items] if i.type == "atkg:Event" and i.end <= match.start()]
        if attended and meetings:
            for member in members:
                out.append(Listed(member, meetings[-1].slug, "atkg:participant", 0.5))
    for match in _PART_OF.finditer(sentence):
        # "Les cinq commissions régionales du Secrétariat en font également partie: A, B": the
        # body the passage is about (its first); "A et B font partie du Groupe": the body after
        if match.group("en"):
            earlier = [i for i in context if i.type in BODIES]
            if not earlier:
                continue
            body, start = earlier[0], match.end()
            end = _end(sentence, start)
        else:
            body = next((i for i in items if i.start >= match.end() and i.type in BODIES), None)
            if body is None or body.start - match.end() > 6:
                continue
            start = max((m.end() for m in re.finditer(r"[;:]", sentence[: match.start()])), default=0)
            end = match.start()
        members = agents_between(items, start, end, body.slug)
        out += [Listed(member, body.slug, "org:memberOf", 0.55) for member in members]
    for match in _WITHIN.finditer(sentence):
        # "l'ONUDC demeurera actif au sein des instances interinstitutions comme UN.GIFT et le Groupe"
        member = next((i for i in reversed(items) if i.end <= match.start() and i.agent), None)
        if member is None or len(sentence[member.end : match.start()]) > 30:
            continue
        listed_to = _end(sentence, match.end())
        for body in (i for i in items if i.start >= match.end() and i.type in BODIES):
            if body.start < listed_to and body.slug != member.slug:
                out.append(Listed(member.slug, body.slug, "org:memberOf", 0.5))
    for match in FORMED_BY.finditer(sentence):
        # "le centre d'expertise, fruit de la collaboration entre A, B et C": what they formed
        body = next((i for i in reversed(items) if i.end <= match.start() and i.type in BODIES), None)
        if body is None or len(sentence[body.end : match.start()]) > 12:
            continue
        for member in agents_between(items, match.end(), _end(sentence, match.end()), body.slug):
            out.append(Listed(member, body.slug, "org:memberOf", 0.5))
    for body in items:
        if body.type not in BODIES:
            continue
        after = sentence[body.end : body.end + 40]
        if _EXAMPLES.match(after):
            start = body.end + _EXAMPLES.match(after).end()
            members = agents_between(items, start, _end(sentence, start), body.slug)
            first = next((i for i in items if i.start >= start), None)
            if first is None or first.start - start > 12:
                continue  # "notamment une série de programmes [...]": not a list of members
            for member in members:
                out.append(Listed(member, body.slug, "org:memberOf", 0.5))
    return out
