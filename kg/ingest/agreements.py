"""Partnerships a sentence states without the word "accord": who works together, read as an
atkg:Partnership node with its parties (the n-ary pattern of kg/data/README.md).

French UN reports state a standing partnership in three ways the signed-agreement rule of
kg.ingest.facts does not read:
- "une coordination et une coopération étroites entre A, B et C": the parties follow "entre";
- "A collabore avec [...]. Les entités partenaires sont notamment B, C et D": the list, plus the
  body the passage is about (its first agent), which is the one they are partners of;
- "mettre en place, avec A et B, un partenariat stratégique": a partnership set up rather than
  signed (kg.ingest.facts reads it with its other agreement types, ``SET_UP`` below).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.ingest.memberships import FORMED_BY, agents_between

__all__ = ["Stated", "stated_partnerships", "SET_UP", "is_place"]

# a partnership is set up, established or forged; an agreement is signed or concluded
SET_UP = re.compile(
    r"\b(?:mettre|mis|mise|mises)\s+en\s+place\b|\bétabli[rest]?\b|\bnou[ée]e?s?\b|\binstaur[ée]e?s?\b"
    r"|\bforg[ée]e?s?\b",
    re.I,
)
_COOPERATION_BETWEEN = re.compile(
    r"\b(?:coordination|coopération|collaboration|partenariat)s?\s+(?:\w+\s+){0,4}?entre\s+", re.I
)
_PARTNERS_ARE = re.compile(
    r"\b(?:entités|organisations|organismes|institutions)\s+partenaires\s+(?:\S+\s+){0,3}?sont\s+", re.I
)
# where a list of parties ends: a new clause, a purpose, a subject matter
_END = re.compile(r";|\.\s|\b(?:sur|pour|afin|dans|qui|dont|en\s+vue|concernant)\b", re.I)
_PLACE = re.compile(r"\b(?:en|au|aux|dans|à)\s*(?:l[’']\s*)?$", re.I)


@dataclass(frozen=True)
class Stated:
    parties: list[str]
    confidence: float


def is_place(sentence: str, item) -> bool:
    """A State named as where something happens ("Les activités de UN.GIFT en Inde"), or by its
    adjective ("des sociétés de presse néerlandaises"): not a party."""
    return item.country and (
        sentence[item.start : item.start + 1].islower() or bool(_PLACE.search(sentence[: item.start]))
    )


def _parties(sentence: str, items: Sequence, start: int) -> list[str]:
    # "le Fonds des Nations Unies pour l'enfance": a word inside a name does not end the list
    stops = (m.start() for m in _END.finditer(sentence, start))
    end = next((s for s in stops if not any(i.start <= s < i.end for i in items)), len(sentence))
    return agents_between([i for i in items if not is_place(sentence, i)], start, end, "")


def stated_partnerships(sentence: str, items: Sequence, context: Sequence = ()) -> list[Stated]:
    """The partnerships ``sentence`` states between the agents in ``items`` (sentence offsets);
    ``context``: what the passage's earlier sentences named, first first."""
    out: list[Stated] = []
    for match in _COOPERATION_BETWEEN.finditer(sentence):
        if FORMED_BY.search(sentence, max(0, match.start() - 30), match.end()):
            continue  # "fruit de la collaboration entre A et B": a body they formed (memberships)
        parties = _parties(sentence, items, match.end())
        if len(parties) >= 2:
            out.append(Stated(parties, 0.5))
    listed = _PARTNERS_ARE.search(sentence)
    if listed:
        parties = _parties(sentence, items, listed.end())
        # the body they are partners of: the one the passage (or this sentence) opened with
        owner = [i.slug for i in [*context, *items] if i.agent and i.end <= listed.start()][:1]
        parties = owner + [p for p in parties if p not in owner]
        if len(parties) >= 2:
            out.append(Stated(parties, 0.5))
    return out
