"""``index.html``: the views listed with their sizes, plus two static overviews.

The overviews need no script at all: a mechanism-by-agency membership matrix and a table of
agreements and events by date, both from the same :class:`~viz.facts.FactBase` as the views.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from viz.facts import FactBase
from viz.text import TEXT

__all__ = ["PageInfo", "membership_matrix", "dated_agreements_and_events", "render_index"]

_ROLE_LETTER = {"org:memberOf": "M", "atkg:chairs": "C", "atkg:coordinates": "K", "atkg:observerOf": "O"}
_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


@dataclass(frozen=True)
class PageInfo:
    name: str
    file: str
    title: str
    description: str
    nodes: int
    edges: int
    bytes: int


@dataclass(frozen=True)
class Matrix:
    mechanisms: list[tuple[str, str]]
    """(slug, label) of each column."""
    rows: list[tuple[str, str, list[str]]]
    """(slug, label, cell per column: role letters, "" when not a member)."""


def membership_matrix(base: FactBase) -> Matrix:
    """Which agency sits in which coordination mechanism, in what role.

    Rows are the actors (any ``foaf:Agent``) with at least one membership, busiest first.
    """
    cells: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for member, predicate, group in base.labelled_facts():
        if (
            predicate in _ROLE_LETTER
            and base.is_a(group, "atkg:CoordinationMechanism")
            and base.is_agent(member)
        ):
            cells[member][group].add(_ROLE_LETTER[predicate])
    groups = sorted(
        {g for row in cells.values() for g in row},
        key=lambda g: (-sum(g in row for row in cells.values()), base.short_label(g), g),
    )
    members = sorted(cells, key=lambda m: (-len(cells[m]), base.label(m).casefold(), m))
    rows = [(m, base.label(m), ["".join(sorted(cells[m].get(g, ()))) for g in groups]) for m in members]
    return Matrix([(g, base.short_label(g)) for g in groups], rows)


@dataclass(frozen=True)
class DatedThing:
    date: str
    slug: str
    label: str
    kind: str
    who: str


def dated_agreements_and_events(base: FactBase) -> list[DatedThing]:
    """Agreements (by signing date) and events (by start date), earliest first, with who took part."""
    who: dict[str, set[str]] = defaultdict(set)
    for s, p, o in base.labelled_facts():
        if p in ("atkg:party", "atkg:organizedBy", "atkg:hostedBy"):
            who[s].add(o)
    found = []
    for node, dates in base.dates.items():
        if not base.is_labelled(node) or not dates:
            continue
        if base.is_a(node, "atkg:Agreement") or base.is_a(node, "atkg:Event"):
            names = sorted(base.short_label(a) for a in who.get(node, ()))
            found.append(
                DatedThing(
                    min(dates), node, base.label(node), base.term_label(base.kind(node)), ", ".join(names)
                )
            )
    return sorted(found, key=lambda t: (t.date, t.label, t.slug))


def render_index(base: FactBase, pages: list[PageInfo]) -> str:
    """The index page, static HTML (no script), every data string escaped by the template."""
    from viz.page import jinja_environment

    template = jinja_environment().get_template("index.html")
    return template.render(
        lang=base.lang,
        words=TEXT[base.lang],
        csp=_CSP,
        pages=pages,
        matrix=membership_matrix(base),
        timeline=dated_agreements_and_events(base),
    )
