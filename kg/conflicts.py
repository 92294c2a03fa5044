"""Where the sources disagree: the graph keeps every claim, this module points at the differences
and says what kind of difference each is.

Two shapes of disagreement are found. A single-valued property (a date, a figure's value) with
different values in different passages; and a list (the founders of an initiative, the parties to
an agreement, the members of a mechanism) that two passages give differently. Each row gets a kind:

- ``contradiction``: the same claim, for the same time, with a different value (UN.GIFT launched
  in March 2007 by 004 §2, in March 2008 by 000 §14);
- ``precision``: two dates of which one is the other at a coarser precision (2013 and 2013-10-03):
  compatible;
- ``completeness``: an item missing from a list its passage marks as not exhaustive
  (``atkg:listNotExhaustive``, "notamment"): compatible;
- ``time``: a membership list stated as of different dates (the documents' ``atkg:asOf``): the
  membership changed, nobody contradicts anybody.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import URIRef
from rdflib.namespace import DCTERMS

from kg.namespace import ATKG, ID, ORG, shorten
from kg.rdfio import Quad

__all__ = ["Conflict", "KINDS", "find_conflicts", "count_by_kind", "SINGLE_VALUED", "LISTS"]

KINDS = ("contradiction", "time", "completeness", "precision")  # most serious first
DATES = (DCTERMS.date, ATKG.startDate, ATKG.endDate, ATKG.launchDate, ATKG.period)
SINGLE_VALUED = (*DATES, ATKG.value, ATKG.unit)
# property -> whether the list belongs to the subject (founders of X) or to the object (members of X)
LISTS = {ATKG.launchedBy: "subject", ATKG.party: "subject", ORG.memberOf: "object"}
# the property naming the same list from its owner, as atkg:listNotExhaustive gives it
_OWNER_VIEW = {ATKG.launchedBy: ATKG.launchedBy, ATKG.party: ATKG.party, ORG.memberOf: ORG.hasMember}
_MIN_LIST = {ATKG.launchedBy: 2, ATKG.party: 2, ORG.memberOf: 3}
_CHANGES_OVER_TIME = {ORG.memberOf}  # founders and parties are fixed once; members come and go


@dataclass(frozen=True, order=True)
class Conflict:
    subject: str
    property: str
    value: str
    sources: tuple[str, ...]  # passages stating this value
    missing_from: tuple[str, ...]  # passages giving the same list without it (lists only)
    kind: str = field(default="contradiction", compare=True)


def _period(date: str) -> tuple[str, str]:
    """First and last day a date covers at its precision, as sortable text ("2008": 01-01 to 12-31)."""
    if len(date) == 4:
        return f"{date}-01-01", f"{date}-12-31"
    if len(date) == 7:
        return f"{date}-01", f"{date}-31"
    return date, date


def _same_time(first: set[str], second: set[str]) -> bool:
    """Whether two sets of as-of dates overlap (a passage without a date may speak of any time)."""
    if not first or not second:
        return True
    return any(
        _period(a)[0] <= _period(b)[1] and _period(b)[0] <= _period(a)[1] for a in first for b in second
    )


def find_conflicts(quads: list[Quad]) -> list[Conflict]:
    """Every disagreement between passages, with its kind, most serious kind first."""
    passage = str(ID["passage-"])
    facts = [q for q in quads if str(q[3]).startswith(passage)]
    document_of = {s: o for s, p, o, _ in quads if p == ATKG.inDocument}
    as_of: dict[URIRef, set[str]] = defaultdict(set)
    for s, p, o, _ in facts:
        if p == ATKG.asOf:
            as_of[s].add(str(o))
    not_exhaustive = {(s, o, g) for s, p, o, g in facts if p == ATKG.listNotExhaustive}
    conflicts: list[Conflict] = []

    values: dict[tuple, dict[object, set]] = defaultdict(lambda: defaultdict(set))
    for s, p, o, g in facts:
        if p in SINGLE_VALUED:
            values[(s, p)][o].add(g)
    for (s, p), by_value in values.items():
        if len(by_value) < 2:
            continue
        for value, graphs in by_value.items():
            others = [str(v) for v in by_value if v != value]
            compatible = p in DATES and all(
                o.startswith(str(value)) or str(value).startswith(o) for o in others
            )
            kind = "precision" if compatible else "contradiction"
            conflicts.append(
                Conflict(shorten(s), shorten(p), str(value), tuple(sorted(map(shorten, graphs))), (), kind)
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
        label = "members" if LISTS[p] == "object" else shorten(p)
        for item in set().union(*stated.values()):
            having = [g for g, items in stated.items() if item in items]
            lacking = [g for g, items in stated.items() if item not in items]
            if not lacking:
                continue
            dates = lambda graphs: {d for g in graphs for d in as_of.get(document_of.get(g), ())}  # noqa: E731
            if all((owner, _OWNER_VIEW[p], g) in not_exhaustive for g in lacking):
                kind = "completeness"
            elif p in _CHANGES_OVER_TIME and not _same_time(dates(having), dates(lacking)):
                kind = "time"
            else:
                kind = "contradiction"
            conflicts.append(
                Conflict(
                    shorten(owner),
                    label,
                    shorten(item),
                    tuple(sorted(map(shorten, having))),
                    tuple(sorted(map(shorten, lacking))),
                    kind,
                )
            )
    return sorted(conflicts, key=lambda c: (KINDS.index(c.kind), c))


def count_by_kind(conflicts: list[Conflict]) -> dict[str, int]:
    """How many rows of each kind, in the order of KINDS (zeros included)."""
    return {kind: sum(1 for c in conflicts if c.kind == kind) for kind in KINDS}
