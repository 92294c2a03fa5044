"""Network measures SPARQL cannot give: centrality, brokers, overlap, communities, paths.

The coordination network is built from the store, explicitly:

- nodes are actors (anything a fact below names: organisations, mechanisms, countries that fund)
  and carry ``kind`` = ``mechanism`` for an atkg:CoordinationMechanism or any subclass of it
  (rdfs:subClassOf* over the ontology), ``actor`` otherwise;
- an actor is linked to a mechanism it is a member of (``memberOf``: org:memberOf, or a member or
  founder membership), chairs (``chairs``), coordinates (``coordinates``) or observes
  (``observerOf``);
- two actors are linked when they are parties to the same agreement (``agreement``), partners in
  the same programme, campaign or initiative (``partner``), co-organisers of the same event
  (``co-organiser``), or one funds the other (``fundedBy``: a funding edge, never a membership).

Measures read the relations, not just the edges: a mechanism's members (``overlap``) are the
actors with a ``memberOf`` tie to it, as in the mechanism-overlap query; an actor's mechanisms
(``brokers``) are those it is a member of, chairs or coordinates, in that direction (the UN.GIFT
Steering Committee coordinates UN.GIFT: UN.GIFT is not inside it).

Each edge keeps the facts behind it (``Tie``: the relation, the agreement/programme/event it goes
through, the passages stating it); its ``weight`` is the number of such facts. Nodes and edges are
added in sorted order, so every measure (and Louvain with its fixed seed) gives the same answer
on the same data. The measures are small pure functions on a networkx graph, testable on
hand-made graphs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass
from functools import partial
from itertools import combinations

import networkx as nx
from pyoxigraph import NamedNode

from kg.errors import UsageError, ValidationError
from kg.passageorder import passage_order

__all__ = [
    "Tie",
    "graph_from_ties",
    "coordination_graph",
    "centrality",
    "betweenness",
    "betweenness_header",
    "eigenvector",
    "brokers",
    "mechanism_overlap",
    "communities",
    "shortest_path",
    "path_hops",
    "count_shortest_paths",
    "MEASURES",
    "analyze",
    "passage_order",
]

ID = "https://w3id.org/atkg/id/"

# Ties stated directly (a predicate, a membership with its role, a funding) in a passage graph.
# The predicates and roles are given as VALUES so the engine looks each up in its index.
_TIES_QUERY = """
SELECT DISTINCT ?a ?relation ?b ?passage WHERE {
  {
    VALUES (?p ?relation) {
      (org:memberOf "memberOf") (atkg:chairs "chairs") (atkg:coordinates "coordinates")
      (atkg:observerOf "observerOf")
    }
    GRAPH ?passage { ?a ?p ?b }
  } UNION {
    VALUES (?role ?relation) {
      (atkg:MemberRole "memberOf") (atkg:FounderRole "memberOf") (atkg:ChairRole "chairs")
      (atkg:CoordinatorRole "coordinates") (atkg:ObserverRole "observerOf")
    }
    GRAPH ?passage { ?membership org:role ?role ; org:member ?a ; org:organization ?b }
  } UNION {
    GRAPH ?passage { ?a atkg:fundedBy ?b }
    # as a FILTER EXISTS: Virtuoso 7 loses this branch's rows when the type pattern is joined
    FILTER EXISTS {
      GRAPH ?type_graph { ?a a ?class } GRAPH id:graph-ontology { ?class rdfs:subClassOf* foaf:Agent }
    }
    BIND ("fundedBy" AS ?relation)
  }
  GRAPH id:graph-provenance { ?passage a atkg:Passage }
}"""
# Rows whose ends are not two different IRIs are dropped in Python (coordination_graph): a FILTER
# there decodes both ends of every row (a quarter of the time at 1.6M quads); so for the parties.
# Who takes part in an agreement, programme or event, and where it is said: the pairs of parties
# are made in Python (a self-join in the engine compares every pair of strings: 3 s at 1.6M quads).
_SHARED_QUERY = """
SELECT DISTINCT ?via ?relation ?a ?passage WHERE {
  VALUES (?p ?relation) {
    (atkg:party "agreement") (atkg:partner "partner") (atkg:organizedBy "co-organiser")
  }
  GRAPH ?passage { ?via ?p ?a }
  GRAPH id:graph-provenance { ?passage a atkg:Passage }
}"""
# The classes of agents (foaf:Agent and below) and of coordination mechanisms
# (atkg:CoordinationMechanism or any subclass of it, e.g. a task force a maintainer adds).
_CLASSES_QUERY = """
SELECT ?class ?kind WHERE {
  { GRAPH id:graph-ontology { ?class rdfs:subClassOf* foaf:Agent } BIND ("agent" AS ?kind) }
  UNION {
    GRAPH id:graph-ontology { ?class rdfs:subClassOf* atkg:CoordinationMechanism }
    BIND ("mechanism" AS ?kind)
  }
}"""
# Every node typed with one of some classes (given as VALUES: the agent and mechanism classes),
# whatever graph says so: one scan per class, where asking for each node's types was a lookup per
# node (0.55 s against 0.4 s for 18,690 nodes at 1.6M quads).
_TYPED_QUERY = """
SELECT DISTINCT ?node ?class WHERE {
  VALUES ?class { %s }
  GRAPH ?type_graph { ?node a ?class }
}"""
# The labels in one language of some nodes (given as VALUES, a few thousand at a time); the
# language is an inlined literal (Virtuoso 7 leaves a label bound through VALUES unbound). Nodes
# without a label in that language are asked again in the other (the shapes require both, so only
# hand-made graphs have any): one label row per node, not two.
_LABELS_QUERY = """
SELECT ?node ?label WHERE {
  VALUES ?node { %s }
  GRAPH id:graph-entities { ?node skos:prefLabel ?label FILTER (LANG(?label) = "%s") }
}"""
_NODES_PER_QUERY = 2000
# Ties that make an actor part of a mechanism (brokers); members alone make overlap (as
# org:memberOf in the mechanism-overlap query). Funders, partners, observers are other ties.
MEMBERSHIP = ("memberOf", "chairs", "coordinates")
SYMMETRIC = ("agreement", "partner", "co-organiser")  # ties through a shared agreement, programme, event


@dataclass(frozen=True, order=True)
class Tie:
    """One fact linking two nodes: ``source relation target`` (through ``via``), and its passages."""

    source: str
    relation: str
    target: str
    via: str = ""
    passages: tuple[str, ...] = ()


def _tie_order(tie: Tie) -> tuple:
    return (tie.source, tie.relation, tie.target, tie.via, tie.passages)


def graph_from_ties(
    ties: Iterable[Tie], mechanisms: Iterable[str] = (), labels: dict[str, str] | None = None
) -> nx.Graph:
    """An undirected graph of the ties; nodes in ``mechanisms`` get kind ``mechanism``.

    >>> g = graph_from_ties([Tie("ilo", "memberOf", "icat"), Tie("iom", "memberOf", "icat")], ["icat"])
    >>> sorted(g.nodes(data="kind"))
    [('icat', 'mechanism'), ('ilo', 'actor'), ('iom', 'actor')]
    >>> g.edges["ilo", "icat"]["weight"]
    1
    """
    return _graph_of(sorted(set(ties), key=_tie_order), mechanisms, labels)


def _graph_of(ties: Sequence[Tie], mechanisms: Iterable[str], labels: dict[str, str] | None) -> nx.Graph:
    """:func:`graph_from_ties` of ties already distinct and in order."""
    mechanisms = set(mechanisms)
    labels = labels or {}
    graph = nx.Graph()
    graph.add_nodes_from(
        (node, {"kind": "mechanism" if node in mechanisms else "actor", "label": labels.get(node, node)})
        for node in sorted({t.source for t in ties} | {t.target for t in ties})
    )
    # each edge's facts in tie order, the edge added the way its first tie runs (as add_edge per
    # tie would: the same adjacency order), all in one call
    facts: dict[tuple[str, str], list[Tie]] = {}
    for tie in ties:
        stated = facts.get((tie.source, tie.target)) or facts.get((tie.target, tie.source))
        if stated is None:
            facts[tie.source, tie.target] = stated = []
        stated.append(tie)
    graph.add_edges_from((a, b, {"facts": stated, "weight": len(stated)}) for (a, b), stated in facts.items())
    return graph


def coordination_graph(store, lang: str = "en") -> nx.Graph:
    """The coordination network of the store (see the module docstring for what links what); each
    agent's ``label`` is its label in ``lang``, else in the other language, else its slug.

    Its queries run side by side (kg.sidebyside): on two cores the ties, the parties and the node
    kinds take the time of the longest."""
    from kg.sidebyside import side_by_side

    if lang not in ("en", "fr"):  # it is written into the label query
        raise UsageError(f"language {lang!r}: fr or en")
    grouped: dict[tuple[str, str, str, str], set[str]] = {}
    iris: dict[str, str] = {}

    def add(a: str, relation: str, b: str, via: str, *passages: str) -> None:
        slug_a, slug_b = a.removeprefix(ID), b.removeprefix(ID)
        for slug, iri in ((slug_a, a), (slug_b, b)):
            if iris.get(slug, iri) >= iri:  # two IRIs of one slug (<urn:x>, id:urn:x): the least,
                iris[slug] = iri  # whatever order the rows come in
        grouped.setdefault((slug_a, relation, slug_b, via), set()).update(passages)

    classes = _classes(store)  # first: the kinds query asks for these classes
    reads = side_by_side(
        lambda read: read(),
        [partial(_tie_rows, store), partial(_party_rows, store), partial(_typed, store, classes)],
    )
    with closing(reads):
        for a, relation, b, passage in next(reads):
            add(a, relation, b, "", passage)
        parties: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for via, relation, a, passage in next(reads):
            parties.setdefault((via, relation), []).append((a, passage))
        for (via, relation), named in parties.items():
            for (a, passage), (b, other) in combinations(named, 2):
                if a > b:
                    (a, passage), (b, other) = (b, other), (a, passage)
                if a < b:  # as ?a < ?b: each pair once, a party never with itself
                    add(a, relation, b, via.removeprefix(ID), passage, other)
        order: dict[str, tuple] = {}  # each passage's sort key, made once (a passage backs many ties)
        for passages in grouped.values():
            for passage in passages:
                if passage not in order:
                    order[passage] = passage_order(passage)
        # distinct keys, so in key order the ties are in Tie order
        ties = [
            Tie(a, relation, b, via, tuple(sorted(grouped[a, relation, b, via], key=order.__getitem__)))
            for a, relation, b, via in sorted(grouped)
        ]
        mechanisms, labels = _kinds(store, sorted(iris.values()), lang, classes, next(reads))
    return _graph_of(ties, mechanisms, labels)


def _cells(store, query: str) -> list[dict[str, str]]:
    """The rows of ``query`` as cells (terms in N-Triples syntax, kg.tsvanswer), by column: the
    engine writes the whole answer as text with the GIL let go (other queries run meanwhile)."""
    from kg.tsvanswer import term_cells

    columns, rows = term_cells(store.query(query))
    return [dict(zip(columns, cells, strict=True)) for cells in rows]


def _tie_rows(store) -> list[tuple[str, str, str, str]]:
    """(a, relation, b, passage slug) of the ties stated directly, between two different IRIs."""
    from kg.tsvanswer import cell_value, is_iri_cell

    return [
        (
            row["a"][1:-1],
            cell_value(row["relation"]),
            row["b"][1:-1],
            cell_value(row["passage"]).removeprefix(ID),
        )
        for row in _cells(store, _TIES_QUERY)
        if is_iri_cell(row["a"]) and is_iri_cell(row["b"]) and row["a"] != row["b"]  # same text: same term
    ]


def _party_rows(store) -> list[tuple[str, str, str, str]]:
    """(agreement/programme/event, relation, party, passage slug) for parties that are IRIs."""
    from kg.tsvanswer import cell_value, is_iri_cell

    return [
        (
            cell_value(row["via"]),
            cell_value(row["relation"]),
            row["a"][1:-1],
            cell_value(row["passage"]).removeprefix(ID),
        )
        for row in _cells(store, _SHARED_QUERY)
        if is_iri_cell(row["a"])  # a party, not a literal or blank node
    ]


def _classes(store) -> dict[str, set[str]]:
    """The IRIs of the agent classes and of the mechanism classes (a blank node class cannot be
    asked for by name)."""
    classes: dict[str, set[str]] = {"agent": set(), "mechanism": set()}
    for row in store.query(_CLASSES_QUERY):
        if type(row["class"]) is NamedNode:
            classes[row["kind"].value].add(row["class"].value)
    return classes


def _typed(store, classes: dict[str, set[str]]) -> dict[str, set[str]]:
    """IRI -> its agent and mechanism classes, for everything typed with one."""
    types: dict[str, set[str]] = {}
    if classes["agent"] | classes["mechanism"]:
        values = " ".join(f"<{c}>" for c in sorted(classes["agent"] | classes["mechanism"]))
        for row in _cells(store, _TYPED_QUERY % values):
            types.setdefault(row["node"][1:-1], set()).add(row["class"][1:-1])
    return types


def _labels_in(store, nodes: Sequence[str], language: str) -> list[tuple[str, str]]:
    from kg.tsvanswer import cell_value

    values = " ".join(f"<{n}>" for n in nodes)
    return [
        (row["node"][1:-1], cell_value(row["label"]))
        for row in _cells(store, _LABELS_QUERY % (values, language))
    ]


def _kinds(
    store, nodes: Sequence[str], lang: str, classes: dict[str, set[str]], types: dict[str, set[str]]
) -> tuple[set[str], dict[str, str]]:
    """Which of ``nodes`` are mechanisms, and the label (in ``lang`` first) of those that are
    agents, their labels asked for :data:`_NODES_PER_QUERY` at a time, side by side."""
    from kg.sidebyside import side_by_side

    agents = [iri for iri in nodes if types.get(iri, set()) & classes["agent"]]
    found: dict[str, str] = {}
    for language in (lang, "fr" if lang == "en" else "en"):
        unnamed = [iri for iri in agents if iri not in found]  # the second pass: still unnamed
        starts = range(0, len(unnamed), _NODES_PER_QUERY)
        batches = [unnamed[start : start + _NODES_PER_QUERY] for start in starts]
        for rows in side_by_side(partial(_labels_in, store, language=language), batches):
            for node, label in rows:
                if node not in found or label < found[node]:
                    found[node] = label
    mechanisms = {_slug_of(iri) for iri in agents if types[iri] & classes["mechanism"]}
    return mechanisms, {_slug_of(iri): label for iri, label in found.items()}


def _slug_of(iri: str) -> str:
    return iri.removeprefix(ID)


# Above this many nodes, exact betweenness (a shortest-path search from every node: 3 s at 900
# nodes, 30 s and more at 18,000) gives way to networkx's estimate from a seeded sample of
# sources, and the column says so; the curated graph (under 100 nodes) keeps exact values.
EXACT_BETWEENNESS_NODES = 500
BETWEENNESS_SOURCES = 256
BETWEENNESS_SEED = 42


def betweenness(graph: nx.Graph) -> dict[str, float]:
    """Normalised betweenness: exact, or estimated from ``BETWEENNESS_SOURCES`` seeded sources
    on a graph of more than ``EXACT_BETWEENNESS_NODES`` nodes (see :func:`betweenness_header`):
    the estimate of ``nx.betweenness_centrality(graph, k, seed)``, computed on numpy arrays."""
    if graph.number_of_nodes() <= EXACT_BETWEENNESS_NODES:
        return nx.betweenness_centrality(graph)
    return _sampled_betweenness(graph, BETWEENNESS_SOURCES, BETWEENNESS_SEED)


def _sampled_betweenness(graph: nx.Graph, k: int, seed: int) -> dict[str, float]:
    """Brandes' algorithm from the ``k`` sources networkx would draw with ``seed`` (unweighted,
    endpoints excluded, normalised and rescaled for sampling as networkx 3.6 does), one
    breadth-first level at a time on arrays: 30x faster than networkx's Python loops."""
    import random

    import numpy as np

    nodes = list(graph)
    count = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    sources = [index[s] for s in random.Random(seed).sample(nodes, k)]
    ends = np.array([(index[u], index[v]) for u, v in graph.edges() if u != v], dtype=np.int64)
    ends = ends.reshape(-1, 2)
    tail = np.concatenate([ends[:, 0], ends[:, 1]])
    head = np.concatenate([ends[:, 1], ends[:, 0]])
    order = np.argsort(tail, kind="stable")
    tail, head = tail[order], head[order]
    first = np.zeros(count + 1, dtype=np.int64)  # node i's neighbours: head[first[i]:first[i + 1]]
    np.cumsum(np.bincount(tail, minlength=count), out=first[1:])
    total = np.zeros(count)
    for source in sources:
        depth = np.full(count, -1, dtype=np.int64)
        paths = np.zeros(count)  # sigma: shortest paths from the source
        depth[source], paths[source] = 0, 1.0
        frontier, levels, level = np.array([source], dtype=np.int64), [], 0
        while frontier.size:
            starts = first[frontier]
            degrees = first[frontier + 1] - starts
            edges = int(degrees.sum())
            if not edges:
                break
            parents = np.repeat(frontier, degrees)
            offsets = np.arange(edges) - np.repeat(np.cumsum(degrees) - degrees, degrees)
            children = head[np.repeat(starts, degrees) + offsets]
            depth[children[depth[children] < 0]] = level + 1
            reached = np.flatnonzero(depth == level + 1)  # sorted, each once (as np.unique)
            onward = depth[children] == level + 1
            parents, children = parents[onward], children[onward]
            paths += np.bincount(children, weights=paths[parents], minlength=count)
            levels.append((parents, children))
            frontier, level = reached, level + 1
        delta = np.zeros(count)  # dependency of the source on each node, deepest level first
        for parents, children in reversed(levels):
            share = paths[parents] * (1 + delta[children]) / paths[children]
            delta += np.bincount(parents, weights=share, minlength=count)
        delta[source] = 0.0
        total += delta
    pairs = count - 2  # (n - 1) - 1: targets other than the node itself, endpoints excluded
    chosen = set(sources)
    return {node: float(total[i]) / ((k - 1 if i in chosen else k) * pairs) for i, node in enumerate(nodes)}


def betweenness_header(graph: nx.Graph, lang: str = "en") -> str:
    """The betweenness column's name in ``lang``, saying when the values are an estimate.

    >>> betweenness_header(nx.path_graph(3)), betweenness_header(nx.path_graph(3), "fr")
    ('betweenness', "centralité d'intermédiarité")
    """
    from kg.headings import betweenness_heading

    nodes = graph.number_of_nodes()
    if nodes <= EXACT_BETWEENNESS_NODES:
        return betweenness_heading(lang, nodes)
    return betweenness_heading(lang, nodes, BETWEENNESS_SOURCES, BETWEENNESS_SEED)


def eigenvector(graph: nx.Graph) -> dict[str, float]:
    """Eigenvector centrality as networkx computes it (power iteration on A + I, unweighted,
    tolerance 1e-9 per node); on a large graph the same iteration runs on numpy arrays: a network
    of near-identical parts converges slowly (1,100 iterations at 18,000 nodes: 220 s in Python)."""
    if graph.number_of_nodes() <= EXACT_BETWEENNESS_NODES:
        return nx.eigenvector_centrality(graph, max_iter=10_000, tol=1e-9)
    import numpy as np

    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    ends = np.array([(index[u], index[v]) for u, v in graph.edges()], dtype=np.int64).reshape(-1, 2)
    twice = ends[:, 0] != ends[:, 1]  # each way along an edge, once along a loop
    source = np.concatenate([ends[:, 0], ends[twice, 1]])
    target = np.concatenate([ends[:, 1], ends[twice, 0]])
    count = len(nodes)
    x = np.full(count, 1.0 / count)
    for _ in range(10_000):
        last = x
        x = last + np.bincount(target, weights=last[source], minlength=count)
        x = x / (np.linalg.norm(x) or 1.0)
        if np.abs(x - last).sum() < count * 1e-9:
            return {node: float(value) for node, value in zip(nodes, x, strict=True)}
    raise nx.PowerIterationFailedConvergence(10_000)


def centrality(graph: nx.Graph) -> list[tuple[str, str, int, float, float, float]]:
    """Each node's kind, number of neighbours, and degree, betweenness and eigenvector centrality
    (networkx, normalised), most central (by betweenness, then degree) first.

    Examples
    --------
    A star: the hub lies on every shortest path between the leaves.

    >>> star = graph_from_ties([Tie("hub", "agreement", leaf) for leaf in ("a", "b", "c")])
    >>> [(n, k, d, round(b, 3)) for n, k, d, _, b, _ in centrality(star)]
    [('hub', 'actor', 3, 1.0), ('a', 'actor', 1, 0.0), ('b', 'actor', 1, 0.0), ('c', 'actor', 1, 0.0)]
    """
    if graph.number_of_nodes() == 0:
        return []
    degree = nx.degree_centrality(graph)
    between = betweenness(graph)
    central = eigenvector(graph)
    rows = [
        (n, graph.nodes[n].get("kind", "actor"), graph.degree(n), degree[n], between[n], central[n])
        for n in graph.nodes
    ]
    return sorted(rows, key=lambda r: (-round(r[4], 9), -r[2], r[0]))


def _mechanisms_of(graph: nx.Graph, node: str, relations: Sequence[str]) -> list[str]:
    """The mechanisms ``node`` has a tie of one of ``relations`` to, itself the subject of it."""
    return sorted(
        other
        for other in graph.neighbors(node)
        if graph.nodes[other].get("kind") == "mechanism"
        and any(
            t.source == node and t.target == other and t.relation in relations
            for t in graph.edges[node, other]["facts"]
        )
    )


def brokers(graph: nx.Graph) -> list[tuple[str, int, str, float]]:
    """Actors that are members of, chair or coordinate two or more mechanisms: who can carry
    information between them. Each row: actor, number of mechanisms, the mechanisms, betweenness;
    most mechanisms first. Funding, partnership and the mechanism's own ties to the actor do not count.

    >>> g = graph_from_ties([Tie("ilo", "memberOf", "icat"), Tie("ilo", "memberOf", "gmg"),
    ...                      Tie("iom", "memberOf", "icat"), Tie("sc", "coordinates", "gift"),
    ...                      Tie("gift", "partner", "sc"), Tie("gift", "memberOf", "icat")],
    ...                     ["icat", "gmg", "sc"])
    >>> brokers(g)
    [('ilo', 2, 'gmg, icat', 0.4)]
    """
    between = betweenness(graph) if graph.number_of_nodes() else {}
    rows = []
    for node, kind in graph.nodes(data="kind"):
        if kind == "mechanism":
            continue
        linked = _mechanisms_of(graph, node, MEMBERSHIP)
        if len(linked) >= 2:
            rows.append((node, len(linked), ", ".join(linked), round(between[node], 4)))
    return sorted(rows, key=lambda r: (-r[1], -r[3], r[0]))


def mechanism_overlap(graph: nx.Graph) -> list[tuple[str, str, int, int, float]]:
    """For each pair of mechanisms sharing a member: shared members, members of either, and the
    Jaccard index (shared / either); highest first. Members are the actors with a ``memberOf`` tie
    to the mechanism (not its funders, partners or observers), as org:memberOf in mechanism-overlap.

    >>> ties = [Tie(a, "memberOf", "m1") for a in "abc"] + [Tie(a, "memberOf", "m2") for a in "bcd"]
    >>> g = graph_from_ties(ties + [Tie("m1", "fundedBy", "e")], ["m1", "m2"])
    >>> mechanism_overlap(g)
    [('m1', 'm2', 2, 4, 0.5)]
    """
    members: dict[str, set[str]] = {n: set() for n, kind in graph.nodes(data="kind") if kind == "mechanism"}
    for node, kind in graph.nodes(data="kind"):
        if kind != "mechanism":
            for mechanism in _mechanisms_of(graph, node, ("memberOf",)):
                members[mechanism].add(node)
    rows = []
    for first, second in combinations(sorted(members), 2):
        shared = members[first] & members[second]
        if shared:
            either = members[first] | members[second]
            rows.append((first, second, len(shared), len(either), round(len(shared) / len(either), 4)))
    return sorted(rows, key=lambda r: (-r[4], -r[2], r[0], r[1]))


def communities(graph: nx.Graph, seed: int = 42) -> list[list[str]]:
    """Louvain communities (weighted by the number of facts), with a fixed seed so the answer is
    reproducible; largest first, members sorted.

    >>> pairs = ["ab", "bc", "ac", "xy", "yz", "xz", "cx"]
    >>> two = graph_from_ties([Tie(p[0], "agreement", p[1]) for p in pairs])
    >>> communities(two)
    [['a', 'b', 'c'], ['x', 'y', 'z']]
    """
    if graph.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c))


def shortest_path(graph: nx.Graph, source: str, target: str, lang: str = "en") -> list[str]:
    """The nodes of a shortest path from ``source`` to ``target`` (fewest hops); when there is
    none, a :class:`ValidationError` saying so in ``lang``.

    >>> shortest_path(graph_from_ties([Tie("a", "agreement", "b"), Tie("b", "partner", "c")]), "a", "c")
    ['a', 'b', 'c']
    """
    french = lang == "fr"
    for node in (source, target):
        if node not in graph:
            raise ValidationError(
                f"{node} n'a aucun lien dans le réseau de coordination"
                if french
                else f"{node} has no tie in the coordination network"
            )
    try:
        return nx.shortest_path(graph, source, target)
    except nx.NetworkXNoPath:
        raise ValidationError(
            f"aucun chemin entre {source} et {target} dans le réseau de coordination"
            if french
            else f"no path between {source} and {target} in the coordination network"
        ) from None


def path_hops(graph: nx.Graph, path: Sequence[str]) -> list[tuple[int, str, str, str, str, str]]:
    """One row per fact along the path, in the order travelled: step, from, relation, to, via,
    passages. A directed fact stated the other way round (``ilo memberOf icat`` walked from ICAT to
    the ILO) shows its relation as its SPARQL inverse, ``^memberOf``; shared agreements,
    partnerships and co-organised events have no direction.

    >>> g = graph_from_ties([Tie("ilo", "memberOf", "icat"), Tie("ilo", "memberOf", "gmg")], ["icat", "gmg"])
    >>> [r[:4] for r in path_hops(g, ["icat", "ilo", "gmg"])]
    [(1, 'icat', '^memberOf', 'ilo'), (2, 'ilo', 'memberOf', 'gmg')]
    """
    rows = []
    for step, (here, there) in enumerate(zip(path, path[1:], strict=False), start=1):
        for tie in graph.edges[here, there]["facts"]:
            forward = tie.source == here or tie.relation in SYMMETRIC
            relation = tie.relation if forward else f"^{tie.relation}"
            rows.append((step, here, relation, there, tie.via, ", ".join(tie.passages)))
    return rows


def count_shortest_paths(graph: nx.Graph, source: str, target: str) -> int:
    """How many different shortest paths join the two nodes (``path`` shows one of them).

    >>> square = graph_from_ties([Tie("a", "partner", "b"), Tie("b", "partner", "d"),
    ...                           Tie("a", "partner", "c"), Tie("c", "partner", "d")])
    >>> count_shortest_paths(square, "a", "d")
    2
    """
    return sum(1 for _ in nx.all_shortest_paths(graph, source, target))


MEASURES = ("centrality", "brokers", "overlap", "communities", "path")


def analyze(
    store,
    measure: str,
    *,
    seed: int = 42,
    source: str | None = None,
    target: str | None = None,
    top: int | None = None,
    lang: str = "en",
    estimate_note: bool = True,
) -> tuple[list[str], list[tuple]]:
    """What `atkg analyze MEASURE` prints: headers and rows, computed on the store's network, in
    ``lang`` (headings, kinds, relations and labels; slugs and numbers are the same in both).
    Without ``estimate_note`` the betweenness column is named plainly, so a program reading CSV or
    JSON finds the same key whether the values were estimated (above 500 nodes) or not."""
    from kg.headings import analyze_headings, betweenness_heading, kind_word, relation_word

    if measure not in MEASURES:
        raise UsageError(f"unknown measure '{measure}' (one of {', '.join(MEASURES)})")
    if lang not in ("en", "fr"):
        raise UsageError(f"--lang {lang}: use fr or en")
    if measure == "path" and (not source or not target):
        raise UsageError("path needs two actors, e.g. atkg analyze path UNODC Frontex")
    graph = coordination_graph(store, lang)
    named = betweenness_header(graph, lang) if estimate_note else betweenness_heading(lang, len(graph))
    headers = analyze_headings(measure, lang, named)
    if measure == "centrality":
        rows = [
            (n, graph.nodes[n]["label"], kind_word(k, lang), d, dc, b, e)
            for n, k, d, dc, b, e in centrality(graph)
        ]
    elif measure == "brokers":
        rows = brokers(graph)
    elif measure == "overlap":
        rows = mechanism_overlap(graph)
    elif measure == "communities":
        rows = [(i, len(c), ", ".join(c)) for i, c in enumerate(communities(graph, seed), start=1)]
    else:
        from kg.names import StoreResolver

        resolver = StoreResolver(store)  # an indexed lookup (id:graph-names), not a scan of labels
        start = resolver.resolve(source, "actor").removeprefix(ID)
        end = resolver.resolve(target, "actor").removeprefix(ID)
        hops = path_hops(graph, shortest_path(graph, start, end, lang))
        total = count_shortest_paths(graph, start, end)
        rows = [(step, a, relation_word(r, lang), b, *rest, total) for step, a, r, b, *rest in hops]
    return headers, rows[:top] if top else rows
