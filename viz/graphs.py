"""The views as projections of a :class:`~viz.facts.FactBase`: which ties each one draws.

Each view function turns facts into ties (``source``, ``target``, kind), remembering the facts
behind every tie so its tooltip can cite their passages. :func:`build_view` is the one entry point;
it applies the year range, then :class:`_Draft` sizes the nodes by degree centrality and lays
them out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import combinations

from kg.errors import UsageError
from kg.textmatch import fold
from viz.facts import Fact, FactBase, year_of
from viz.layout import PHYSICS_LIMIT, layout, rings
from viz.model import Axis, FactRow, LegendEntry, Source, ViewEdge, ViewGraph, ViewNode
from viz.sample import sample_ties
from viz.style import STYLED_CLASSES, community_color, edge_color, node_style
from viz.text import text

__all__ = ["VIEW_NAMES", "build_view", "default_center", "view_from_ties"]

VIEW_NAMES = ("mechanisms", "partnerships", "countries", "ego", "timeline", "comembership", "funding")
_MEMBERSHIP = ("org:memberOf", "atkg:chairs", "atkg:coordinates", "atkg:observerOf")
_MECHANISM = "atkg:CoordinationMechanism"

Years = tuple[int | None, int | None]


@dataclass
class _Tie:
    facts: set[Fact] = field(default_factory=set)
    via: set[str] = field(default_factory=set)
    years: set[int] = field(default_factory=set)


class _Draft:
    """Ties collected by a view, filtered by year as they come in."""

    def __init__(self, base: FactBase, years: Years = (None, None)) -> None:
        self.base = base
        self.years = years
        self.ties: dict[tuple[str, str, str], _Tie] = {}
        self.extra_nodes: set[str] = set()

    def in_range(self, year: int | None) -> bool:
        low, high = self.years
        return year is None or ((low is None or year >= low) and (high is None or year <= high))

    def add(
        self,
        source: str,
        target: str,
        kind: str,
        facts: Iterable[Fact],
        via: str | None = None,
        symmetric: bool = False,
    ) -> None:
        facts = list(facts)
        dated = [y for y in (self.base.year(f) for f in facts) if y is not None]
        year = min(dated) if dated else None
        if source == target or not self.in_range(year):
            return
        if symmetric and target < source:
            source, target = target, source
        tie = self.ties.setdefault((source, target, kind), _Tie())
        tie.facts.update(facts)
        if via:
            tie.via.add(via)
        if year is not None:
            tie.years.add(year)


class _FactTable:
    """The facts a page's panels show, numbered in the order first asked for, with their sources."""

    def __init__(self, base: FactBase) -> None:
        self.base = base
        self.index: dict[Fact, int] = {}
        self.rows: list[FactRow] = []
        self.sources: dict[str, Source] = {}

    def ids(self, facts: Iterable[Fact]) -> list[int]:
        base, found = self.base, []
        for fact in sorted(set(facts)):
            if fact not in self.index:
                s, p, o = fact
                passages = tuple(base.facts.get(fact, ()))
                self.index[fact] = len(self.rows)
                self.rows.append(FactRow(s, base.label(s), base.term_label(p), o, base.label(o), passages))
                for passage in passages:
                    if passage not in self.sources:
                        doc, paragraph = base.passage_doc.get(passage, ("", ""))
                        self.sources[passage] = Source(
                            base.passages.get(passage, passage),
                            base.document_title(doc),
                            base.passage_text.get(passage, ""),
                            doc,
                            paragraph,
                        )
            found.append(self.index[fact])
        return found


def styled_kind(base: FactBase, kind: str) -> str:
    """The class whose shape and colour ``kind`` takes: itself or its nearest styled ancestor."""
    return base.nearest_known(kind, STYLED_CLASSES)


def _kind_label(base: FactBase, kind: str) -> str:
    return base.term_label(kind) if ":" in kind else text(base.lang, f"kind.{kind}")


def _colon(base: FactBase) -> str:
    """ ": " in English, " : " in French (a space before the colon)."""
    return text(base.lang, "colon")


def _node_title(base: FactBase, node: str) -> str:
    lines = [base.label(node), f"{text(base.lang, 'type')}{_colon(base)}{base.term_label(base.kind(node))}"]
    labels = base.pref_labels.get(node, {})
    lines.append(
        f"{text(base.lang, 'labels')}{_colon(base)}"
        + " | ".join(f"{lang}: {labels[lang]}" for lang in sorted(labels))
    )
    also = sorted({a for values in base.alt_labels.get(node, {}).values() for a in values})
    if also:
        lines.append(f"{text(base.lang, 'also')}{_colon(base)}" + ", ".join(also))
    year = base.node_year(node)
    if year is not None:
        lines.append(f"{text(base.lang, 'year')}{_colon(base)}{year}")
    lines.append(f"id: {node}")
    return "\n".join(lines)


def _edge_title(base: FactBase, source: str, target: str, kind: str, tie: _Tie, directed: bool) -> str:
    arrow = "→" if directed else "—"
    lines = [f"{_kind_label(base, kind)}{_colon(base)}{base.label(source)} {arrow} {base.label(target)}"]
    if tie.via:
        lines.append(
            f"{text(base.lang, 'via')}{_colon(base)}" + "; ".join(sorted(base.label(v) for v in tie.via))
        )
    if tie.years:
        first, last = min(tie.years), max(tie.years)
        lines.append(
            f"{text(base.lang, 'year')}{_colon(base)}{first}" + (f"–{last}" if last != first else "")
        )
    sources = base.sources(sorted(tie.facts))
    if sources:
        lines.append(f"{text(base.lang, 'sources')}{_colon(base).rstrip()}")
        lines += [f"  {s}" for s in sources]
    return "\n".join(lines)


def view_from_ties(
    name: str,
    title: str,
    description: str,
    lang: str,
    nodes: list[ViewNode],
    edges: list[ViewEdge],
    *,
    node_legend: list[LegendEntry],
    edge_legend: list[LegendEntry],
    directed: bool = False,
    year_filter: bool = False,
    emphasis_label: str = "",
    seed: int = 1,
) -> ViewGraph:
    """A finished view: sizes by degree centrality, seeded positions, physics only when small.

    Also the door for synthetic graphs (the benchmark), which have no FactBase behind them.
    """
    neighbours: dict[str, set[str]] = defaultdict(set)
    for edge in edges:
        neighbours[edge.source].add(edge.target)
        neighbours[edge.target].add(edge.source)
    top = max((len(v) for v in neighbours.values()), default=0) or 1
    for node in nodes:
        node.size = round(8 + 30 * len(neighbours.get(node.id, ())) / top, 2)
    positions = layout(
        [n.id for n in nodes],
        [(e.source, e.target) for e in edges],
        seed=seed,
        labels={n.id: (n.label, n.size) for n in nodes},
    )
    for node in nodes:
        node.x, node.y = positions[node.id]
    return ViewGraph(
        name=name,
        title=title,
        description=description,
        lang=lang,
        nodes=nodes,
        edges=edges,
        node_legend=node_legend,
        edge_legend=edge_legend,
        directed=directed,
        year_filter=year_filter,
        emphasis_label=emphasis_label,
        physics=False and len(nodes) <= PHYSICS_LIMIT,
    )


def _finish(
    draft: _Draft,
    name: str,
    title: str,
    description: str,
    *,
    directed: bool = False,
    year_filter: bool = False,
    emphasis: set[str] | None = None,
    emphasis_label: str = "",
    node_kinds: dict[str, str] | None = None,
    kind_legend: dict[str, LegendEntry] | None = None,
    depths: dict[str, int] | None = None,
) -> ViewGraph:
    base = draft.base
    table = _FactTable(base)
    ids = sorted({n for s, t, _ in draft.ties for n in (s, t)} | draft.extra_nodes)
    description, ids, ties = sample_ties(base.lang, description, ids, draft.ties)
    node_kinds = node_kinds or {}
    nodes = [
        ViewNode(
            id=n,
            label=base.short_label(n),
            kind=node_kinds.get(n, base.kind(n)),
            title=_node_title(base, n),
            emphasis=n in (emphasis or set()),
            year=base.node_year(n),
            names=base.names(n),
            link=n,
            facts=table.ids(base.facts_of(n)),
            depth=(depths or {}).get(n),
        )
        for n in ids
    ]
    edges = [
        ViewEdge(
            source=s,
            target=t,
            kind=k,
            title=_edge_title(base, s, t, k, tie, directed),
            count=len(tie.via) or len(tie.facts),
            year=min(tie.years) if tie.years else None,
            facts=table.ids(tie.facts),
        )
        for (s, t, k), tie in sorted(ties.items())
    ]
    if kind_legend is None:
        kinds = sorted({n.kind for n in nodes})
        node_legend = sorted(
            (LegendEntry(k, base.term_label(k), *node_style(styled_kind(base, k))) for k in kinds),
            key=lambda e: (fold(e.label), e.key),
        )
    else:
        node_legend = [kind_legend[k] for k in sorted(kind_legend) if any(n.kind == k for n in nodes)]
    edge_kinds = sorted({e.kind for e in edges})
    edge_legend = [
        LegendEntry(k, _kind_label(base, k), edge_color(k, edge_kinds), "line") for k in edge_kinds
    ]
    view = view_from_ties(
        name,
        title,
        description,
        base.lang,
        nodes,
        edges,
        node_legend=node_legend,
        edge_legend=edge_legend,
        directed=directed,
        year_filter=year_filter,
        emphasis_label=emphasis_label,
    )
    view.facts, view.sources = table.rows, table.sources
    return view


def _title(base: FactBase, name: str, **values: object) -> tuple[str, str]:
    return text(base.lang, f"{name}.title", **values), text(base.lang, f"{name}.description", **values)


# -- the views ---------------------------------------------------------------------------------


def mechanisms_view(base: FactBase, years: Years = (None, None)) -> ViewGraph:
    draft = _Draft(base, years)
    for fact in base.labelled_facts():
        member, predicate, group = fact
        if predicate in _MEMBERSHIP and base.is_a(group, _MECHANISM):
            draft.add(member, group, predicate, [fact])
    groups: dict[str, set[str]] = defaultdict(set)
    for member, group, _ in draft.ties:
        groups[member].add(group)
    several = {m for m, g in groups.items() if len(g) > 1}
    return _finish(
        draft,
        "mechanisms",
        *_title(base, "mechanisms"),
        emphasis=several,
        emphasis_label=text(base.lang, "several"),
    )


def _participants(
    base: FactBase, predicates: tuple[str, ...], of_class: str
) -> dict[str, dict[str, list[Fact]]]:
    """For each individual of ``of_class``: its agents through ``predicates``, with the facts."""
    found: dict[str, dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    for fact in base.labelled_facts():
        thing, predicate, agent = fact
        if predicate in predicates and base.is_a(thing, of_class) and base.is_agent(agent):
            found[thing][agent].append(fact)
    return found


def partnerships_view(base: FactBase, years: Years = (None, None)) -> ViewGraph:
    draft = _Draft(base, years)
    groupings = (
        ("agreement", ("atkg:party",), "atkg:Agreement"),
        ("programme", ("atkg:partner", "atkg:launchedBy"), "atkg:JointProgramme"),
        ("event", ("atkg:organizedBy", "atkg:hostedBy"), "atkg:Event"),
    )
    for kind, predicates, cls in groupings:
        for thing, agents in sorted(_participants(base, predicates, cls).items()):
            for a, b in combinations(sorted(agents), 2):
                draft.add(a, b, kind, agents[a] + agents[b], via=thing, symmetric=True)
    for fact in base.labelled_facts():
        funded, predicate, funder = fact
        if predicate == "atkg:fundedBy" and base.is_agent(funded) and base.is_agent(funder):
            draft.add(funder, funded, "funding", [fact], symmetric=True)
    return _finish(draft, "partnerships", *_title(base, "partnerships"))


def countries_view(base: FactBase, years: Years = (None, None)) -> ViewGraph:
    draft = _Draft(base, years)
    touching = ("atkg:JointProgramme", "atkg:Event", "atkg:Agreement", "atkg:Campaign")

    def place(node: str) -> bool:
        return base.is_a(node, "atkg:Country") or base.is_a(node, "atkg:Region")

    for fact in base.labelled_facts():
        s, p, o = fact
        if place(o) and any(base.is_a(s, cls) for cls in touching):
            draft.add(s, o, p, [fact])
        elif p == "atkg:ratified" and place(s):
            draft.add(s, o, p, [fact])
        elif p == "atkg:includesCountry" and place(s) and place(o):
            draft.add(s, o, p, [fact])
    return _finish(draft, "countries", *_title(base, "countries"))


def _adjacency(base: FactBase) -> dict[str, set[str]]:
    adjacent: dict[str, set[str]] = defaultdict(set)
    for s, _, o in base.labelled_facts():
        adjacent[s].add(o)
        adjacent[o].add(s)
    return adjacent


def default_center(base: FactBase) -> str:
    """The actor with the most neighbours (ties broken by slug): the ego view of ``atkg views``."""
    adjacent = _adjacency(base)
    agents = [n for n in adjacent if base.is_agent(n)]
    if not agents:
        raise UsageError("the graph has no actor with facts: nothing to centre the ego view on")
    return min(agents, key=lambda n: (-len(adjacent[n]), n))


EGO_RINGS = 2
"""The ego page holds at least this many rings, so its depth control has somewhere to go."""


def ego_view(base: FactBase, center: str, depth: int = 1, years: Years = (None, None)) -> ViewGraph:
    """The neighbourhood of ``center``: ``depth`` rings shown, at least :data:`EGO_RINGS` held."""
    if not base.is_labelled(center):
        raise UsageError(f"entity '{center}' has no labels in the graph: it cannot centre the ego view")
    if depth < 1:
        raise UsageError(f"--depth must be 1 or more, not {depth}")
    held = max(depth, EGO_RINGS)
    adjacent = _adjacency(base)
    distance = {center: 0}
    frontier = [center]
    for step in range(1, held + 1):
        frontier = sorted({n for f in frontier for n in adjacent.get(f, ()) if n not in distance})
        distance.update((n, step) for n in frontier)
    draft = _Draft(base, years)
    draft.extra_nodes.add(center)
    for fact in base.labelled_facts():
        if fact[0] in distance and fact[2] in distance:
            draft.add(fact[0], fact[2], fact[1], [fact])
    label = base.label(center)
    view = _finish(
        draft,
        "ego",
        *_title(base, "ego", center=label, depth=depth),
        directed=True,
        emphasis={center},
        emphasis_label=label,
        depths=distance,
    )
    view.depth, view.max_depth = depth, max((d for d in distance.values()), default=0)
    drawn = {n.id: n for n in view.nodes}
    positions = rings(
        {n: d for n, d in distance.items() if n in drawn},
        [(e.source, e.target) for e in view.edges],
        {n.id: (n.kind, fold(n.label), n.id) for n in view.nodes},
        {n.id: (n.label, n.size) for n in view.nodes},
    )
    for node in view.nodes:
        node.x, node.y = positions[node.id]
    return view


_YEAR_WIDTH = 160.0
"""Pixels per year on the timeline at zoom 1."""
_ROW = 30.0
_LANE_GAP = 50.0


def _fraction_of_year(date: str) -> float | None:
    """``2012-04-16`` -> 2012.29...; a bare year sits at its start.

    >>> _fraction_of_year("2012"), round(_fraction_of_year("2012-07-01"), 2)
    (2012.0, 2012.5)
    """
    year = year_of(date)
    if year is None:
        return None
    parts = date.strip()[:10].split("-")
    month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1
    day = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 1
    return year + (month - 1) / 12 + (day - 1) / 365


def timeline_view(base: FactBase, years: Years = (None, None)) -> ViewGraph:
    """Dated ties on a time axis: x is the date, one lane (row band) per kind of tie.

    Each tie is one mark, labelled with its two ends; within a lane, marks whose labels would
    collide move to a new row, so the layout itself keeps labels apart.
    """
    draft = _Draft(base, years)
    for fact in base.labelled_facts():
        if base.year(fact) is not None:
            draft.add(fact[0], fact[2], fact[1], [fact])
    table = _FactTable(base)
    items = []
    for (s, t, k), tie in sorted(draft.ties.items()):
        dates = sorted(d for f in tie.facts for d in (base.fact_dates.get(f) or base.dates.get(f[0], [])))
        when = min((w for w in map(_fraction_of_year, dates) if w is not None), default=None)
        if when is None:
            continue
        items.append((when, k, s, t, tie, dates[0]))
    kinds = sorted({k for _, k, *_ in items}, key=lambda k: (fold(_kind_label(base, k)), k))
    first = min((int(w) for w, *_ in items), default=0)
    last = max((int(w) for w, *_ in items), default=0)
    nodes, lanes, top = [], [], 0.0
    for kind in kinds:
        rows_end: list[float] = []
        lane_items = sorted((i for i in items if i[1] == kind), key=lambda i: (i[0], i[2], i[3]))
        placed = []
        for when, _, s, t, tie, date in lane_items:
            x = round((when - first) * _YEAR_WIDTH, 1)
            label = f"{base.short_label(s)} → {base.short_label(t)}"
            width = 7.5 * len(label) + 24
            row = next((r for r, end in enumerate(rows_end) if end < x), len(rows_end))
            if row == len(rows_end):
                rows_end.append(0.0)
            rows_end[row] = x + width
            placed.append((x, row, s, t, tie, date, label))
        lanes.append((top, _kind_label(base, kind)))
        for x, row, s, t, tie, date, label in placed:
            nodes.append(
                ViewNode(
                    id=f"tie-{len(nodes):04d}",
                    label=label,
                    kind=kind,
                    title=f"{date}\n" + _edge_title(base, s, t, kind, tie, True),
                    year=min(tie.years),
                    size=7.0,
                    x=x,
                    y=round(top + _ROW * (row + 1), 1),
                    names=sorted(set(base.names(s)) | set(base.names(t))),
                    facts=table.ids(tie.facts),
                )
            )
        top += _ROW * (len(rows_end) + 1) + _LANE_GAP
    edge_kinds = list(kinds)
    legend = [LegendEntry(k, _kind_label(base, k), edge_color(k, edge_kinds), "dot") for k in kinds]
    title, description = _title(base, "timeline")
    ticks = (
        tuple((round((y - first) * _YEAR_WIDTH, 1), str(y)) for y in range(first, last + 2)) if items else ()
    )
    return ViewGraph(
        name="timeline",
        title=title,
        description=description,
        lang=base.lang,
        nodes=nodes,
        edges=[],
        node_legend=legend,
        edge_legend=[],
        year_filter=True,
        facts=table.rows,
        sources=table.sources,
        axis=Axis(ticks, tuple(lanes)),
    )


def _communities(pairs: dict[tuple[str, str], int], nodes: list[str]) -> list[list[str]]:
    """Louvain communities (seeded), largest first, then by first member: stable numbering."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(pairs.items()))
    found = nx.community.louvain_communities(graph, weight="weight", seed=7) if nodes else []
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))


def comembership_view(base: FactBase, years: Years = (None, None)) -> ViewGraph:
    membership = _Draft(base, years)
    for fact in base.labelled_facts():
        member, predicate, group = fact
        if predicate in _MEMBERSHIP[:3] and base.is_a(group, _MECHANISM) and base.is_agent(member):
            membership.add(member, group, "member", [fact])
    members: dict[str, dict[str, set[Fact]]] = defaultdict(lambda: defaultdict(set))
    for (member, group, _), tie in membership.ties.items():
        members[group][member] |= tie.facts
    draft = _Draft(base)
    for group in sorted(members):
        for a, b in combinations(sorted(members[group]), 2):
            draft.add(
                a, b, "shared", sorted(members[group][a] | members[group][b]), via=group, symmetric=True
            )
    nodes = sorted({n for s, t, _ in draft.ties for n in (s, t)})
    pairs = {(s, t): len(tie.via) for (s, t, _), tie in draft.ties.items()}
    kinds: dict[str, str] = {}
    legend: dict[str, LegendEntry] = {}
    for index, community in enumerate(_communities(pairs, nodes)):
        key = f"community-{index + 1:03d}"
        actors = text(base.lang, "actors", n=len(community))
        label = f"{text(base.lang, 'community', n=index + 1)}{_colon(base)}{actors}"
        legend[key] = LegendEntry(key, label, community_color(index), "dot")
        kinds.update((n, key) for n in community)
    return _finish(draft, "comembership", *_title(base, "comembership"), node_kinds=kinds, kind_legend=legend)


def funding_view(base: FactBase, years: Years = (None, None)) -> ViewGraph:
    draft = _Draft(base, years)
    for fact in base.labelled_facts():
        funded, predicate, funder = fact
        if predicate == "atkg:fundedBy":
            draft.add(funder, funded, "funding", [fact])
    return _finish(draft, "funding", *_title(base, "funding"), directed=True)


_BUILDERS: dict[str, Callable[..., ViewGraph]] = {
    "mechanisms": mechanisms_view,
    "partnerships": partnerships_view,
    "countries": countries_view,
    "timeline": timeline_view,
    "comembership": comembership_view,
    "funding": funding_view,
}


def build_view(
    base: FactBase, name: str, *, center: str | None = None, depth: int = 1, years: Years = (None, None)
) -> ViewGraph:
    """The view ``name`` of the facts; ``center`` (a slug) and ``depth`` for the ego view only.

    ``years`` (first, last; either None) leaves out ties dated outside the range; undated ties stay.
    """
    low, high = years
    if low is not None and high is not None and low > high:
        raise UsageError(f"--from {low} is after --to {high}")
    if name == "ego":
        return ego_view(base, center or default_center(base), depth, years)
    if name not in _BUILDERS:
        raise UsageError(f"no view named '{name}': choose one of {', '.join(VIEW_NAMES)}")
    return _BUILDERS[name](base, years)
