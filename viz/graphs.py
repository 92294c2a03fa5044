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
from viz.facts import Fact, FactBase
from viz.layout import PHYSICS_LIMIT, layout
from viz.model import LegendEntry, ViewEdge, ViewGraph, ViewNode
from viz.sample import sample_ties
from viz.style import community_color, edge_color, node_style
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


def _kind_label(base: FactBase, kind: str) -> str:
    return base.term_label(kind) if ":" in kind else text(base.lang, f"kind.{kind}")


def _node_title(base: FactBase, node: str) -> str:
    lines = [base.label(node), f"{text(base.lang, 'type')}: {base.term_label(base.kind(node))}"]
    labels = base.pref_labels.get(node, {})
    lines.append(
        f"{text(base.lang, 'labels')}: " + " | ".join(f"{lang}: {labels[lang]}" for lang in sorted(labels))
    )
    also = sorted({a for values in base.alt_labels.get(node, {}).values() for a in values})
    if also:
        lines.append(f"{text(base.lang, 'also')}: " + ", ".join(also))
    year = base.node_year(node)
    if year is not None:
        lines.append(f"{text(base.lang, 'year')}: {year}")
    lines.append(f"id: {node}")
    return "\n".join(lines)


def _edge_title(base: FactBase, source: str, target: str, kind: str, tie: _Tie, directed: bool) -> str:
    arrow = "→" if directed else "—"
    lines = [f"{_kind_label(base, kind)}: {base.label(source)} {arrow} {base.label(target)}"]
    if tie.via:
        lines.append(f"{text(base.lang, 'via')}: " + "; ".join(sorted(base.label(v) for v in tie.via)))
    if tie.years:
        first, last = min(tie.years), max(tie.years)
        lines.append(f"{text(base.lang, 'year')}: {first}" + (f"–{last}" if last != first else ""))
    sources = base.sources(sorted(tie.facts))
    if sources:
        lines.append(f"{text(base.lang, 'sources')}:")
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
    positions = layout([n.id for n in nodes], [(e.source, e.target) for e in edges], seed=seed)
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
        physics=len(nodes) <= PHYSICS_LIMIT,
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
) -> ViewGraph:
    base = draft.base
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
        )
        for (s, t, k), tie in sorted(ties.items())
    ]
    if kind_legend is None:
        kinds = sorted({n.kind for n in nodes})
        node_legend = sorted(
            (LegendEntry(k, base.term_label(k), *node_style(k)) for k in kinds),
            key=lambda e: (fold(e.label), e.key),
        )
    else:
        node_legend = [kind_legend[k] for k in sorted(kind_legend) if any(n.kind == k for n in nodes)]
    edge_kinds = sorted({e.kind for e in edges})
    edge_legend = [
        LegendEntry(k, _kind_label(base, k), edge_color(k, edge_kinds), "line") for k in edge_kinds
    ]
    return view_from_ties(
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


def ego_view(base: FactBase, center: str, depth: int = 1, years: Years = (None, None)) -> ViewGraph:
    if not base.is_labelled(center):
        raise UsageError(f"entity '{center}' has no labels in the graph: it cannot centre the ego view")
    if depth < 1:
        raise UsageError(f"--depth must be 1 or more, not {depth}")
    adjacent = _adjacency(base)
    distance = {center: 0}
    frontier = [center]
    for step in range(1, depth + 1):
        frontier = sorted({n for f in frontier for n in adjacent.get(f, ()) if n not in distance})
        distance.update((n, step) for n in frontier)
    draft = _Draft(base, years)
    draft.extra_nodes.add(center)
    for fact in base.labelled_facts():
        if fact[0] in distance and fact[2] in distance:
            draft.add(fact[0], fact[2], fact[1], [fact])
    label = base.label(center)
    return _finish(
        draft,
        "ego",
        *_title(base, "ego", center=label, depth=depth),
        directed=True,
        emphasis={center},
        emphasis_label=label,
    )


def timeline_view(base: FactBase, years: Years = (None, None)) -> ViewGraph:
    draft = _Draft(base, years)
    for fact in base.labelled_facts():
        if base.year(fact) is not None:
            draft.add(fact[0], fact[2], fact[1], [fact])
    return _finish(draft, "timeline", *_title(base, "timeline"), directed=True, year_filter=True)


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
        label = f"{text(base.lang, 'community', n=index + 1)}: {text(base.lang, 'actors', n=len(community))}"
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
