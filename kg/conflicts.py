"""Where the sources disagree: the graph keeps every claim, this module points at the differences.

Two kinds of disagreement are reported. A single-valued property (a date, a figure's value) with
different values in different passages; and a list (the founders of an initiative, the parties to
an agreement, the members of a mechanism) that two passages give differently.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rdflib import URIRef
from rdflib.namespace import DCTERMS

from kg.namespace import ATKG, ID, ORG, shorten
from kg.rdfio import Quad

__all__ = ["Conflict", "find_conflicts", "SINGLE_VALUED", "LISTS"]

SINGLE_VALUED = (
    DCTERMS.date,
    ATKG.startDate,
    ATKG.endDate,
    ATKG.launchDate,
    ATKG.value,
    ATKG.unit,
    ATKG.period,
)
# property -> whether the list belongs to the subject (founders of X) or to the object (members of X)
LISTS = {ATKG.launchedBy: "subject", ATKG.party: "subject", ORG.memberOf: "object"}
_MIN_LIST = {ATKG.launchedBy: 2, ATKG.party: 2, ORG.memberOf: 3}


@dataclass(frozen=True, order=True)
class Conflict:
    subject: str
    property: str
    value: str
    sources: tuple[str, ...]  # passages stating this value
    missing_from: tuple[str, ...]  # passages giving the same list without it (lists only)


def find_conflicts(quads: list[Quad]) -> list[Conflict]:
    passage = str(ID["passage-"])
    facts = [q for q in quads if str(q[3]).startswith(passage)]
    conflicts: list[Conflict] = []

    values: dict[tuple, dict[object, set]] = defaultdict(lambda: defaultdict(set))
    for s, p, o, g in facts:
        if p in SINGLE_VALUED:
            values[(s, p)][o].add(g)
    for (s, p), by_value in values.items():
        if len(by_value) > 1:
            for value, graphs in by_value.items():
                conflicts.append(
                    Conflict(shorten(s), shorten(p), str(value), tuple(sorted(map(shorten, graphs))), ())
                )

    lists: dict[tuple, dict[URIRef, set]] = defaultdict(lambda: defaultdict(set))
    for s, p, o, g in facts:
        if p in LISTS:
            owner, item = (s, o) if LISTS[p] == "subject" else (o, s)
            lists[(owner, p)][g].add(item)
    for (owner, p), by_passage in lists.items():
        stated = {g: items for g, items in by_passage.items() if len(items) >= _MIN_LIST[p]}
        if len(stated) < 2 or len({frozenset(items) for items in stated.values()}) == 1:
            continue
        every = set().union(*stated.values())
        label = "members" if LISTS[p] == "object" else shorten(p)
        for item in every:
            having = tuple(sorted(shorten(g) for g, items in stated.items() if item in items))
            lacking = tuple(sorted(shorten(g) for g, items in stated.items() if item not in items))
            if lacking:
                conflicts.append(Conflict(shorten(owner), label, shorten(item), having, lacking))
    return sorted(conflicts)
