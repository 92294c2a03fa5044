"""Network measures SPARQL cannot give: centrality, brokers, overlap, communities, paths.

The coordination network is built from the store, explicitly:

- nodes are actors (anything a fact below names: organisations, mechanisms, countries that fund)
  and carry ``kind`` = ``mechanism`` for an atkg:CoordinationMechanism, ``actor`` otherwise;
- an actor is linked to a mechanism it is a member of, chairs or coordinates
  (``org:memberOf``, ``atkg:chairs``, ``atkg:coordinates``, also through founder memberships);
- two actors are linked when they are parties to the same agreement (``agreement``), partners in
  the same programme, campaign or initiative (``partner``), co-organisers of the same event
  (``co-organiser``), or one funds the other (``fundedBy``).

Each edge keeps the facts behind it (``Tie``: the relation, the agreement/programme/event it goes
through, the passages stating it); its ``weight`` is the number of such facts. Nodes and edges are
added in sorted order, so every measure (and Louvain with its fixed seed) gives the same answer
on the same data. The measures are small pure functions on a networkx graph, testable on
hand-made graphs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

import networkx as nx

from kg.errors import UsageError, ValidationError

__all__ = [
    "Tie",
    "graph_from_ties",
    "coordination_graph",
    "centrality",
    "brokers",
    "mechanism_overlap",
    "communities",
    "shortest_path",
    "path_hops",
    "MEASURES",
    "analyze",
]

ID = "https://w3id.org/atkg/id/"

_TIES_QUERY = """
SELECT DISTINCT ?a ?relation ?b ?via ?passage ?other WHERE {
  {
    GRAPH ?passage { ?a ?p ?b }
    FILTER (?p IN (org:memberOf, atkg:chairs, atkg:coordinates))
    BIND (IF(?p = org:memberOf, "memberOf", STRAFTER(STR(?p), "#")) AS ?relation)
  } UNION {
    GRAPH ?passage { ?membership org:member ?a ; org:organization ?b }
    BIND ("memberOf" AS ?relation)
  } UNION {
    VALUES ?p { atkg:party atkg:partner atkg:organizedBy }  # a FILTER IN here took 10 s, VALUES 0.1 s
    GRAPH ?passage { ?via ?p ?a } GRAPH ?other { ?via ?p ?b }
    GRAPH id:graph-provenance { ?other a atkg:Passage }
    FILTER (STR(?a) < STR(?b))
    BIND (IF(?p = atkg:party, "agreement", IF(?p = atkg:partner, "partner", "co-organiser")) AS ?relation)
  } UNION {
    GRAPH ?passage { ?a atkg:fundedBy ?b }
    # as a FILTER EXISTS: Virtuoso 7 loses this branch's rows when the type pattern is joined
    FILTER EXISTS {
      GRAPH ?type_graph { ?a a ?class } GRAPH id:graph-ontology { ?class rdfs:subClassOf* foaf:Agent }
    }
    BIND ("fundedBy" AS ?relation)
  }
  GRAPH id:graph-provenance { ?passage a atkg:Passage }
  FILTER (isIRI(?a) && isIRI(?b) && ?a != ?b)
}"""
_KINDS_QUERY = """
SELECT ?node ?mechanism ?label WHERE {
  GRAPH ?type_graph { ?node a ?class } GRAPH id:graph-ontology { ?class rdfs:subClassOf* foaf:Agent }
  BIND (IF(EXISTS { GRAPH ?g { ?node a atkg:CoordinationMechanism } }, "true", "false") AS ?mechanism)
  OPTIONAL { GRAPH id:graph-entities { ?node skos:prefLabel ?label FILTER (LANG(?label) = "en") } }
}"""


@dataclass(frozen=True, order=True)
class Tie:
    """One fact linking two nodes: ``source relation target`` (through ``via``), and its passages."""

    source: str
    relation: str
    target: str
    via: str = ""
    passages: tuple[str, ...] = ()


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
    ties = sorted(set(ties))
    mechanisms = set(mechanisms)
    labels = labels or {}
    graph = nx.Graph()
    for node in sorted({t.source for t in ties} | {t.target for t in ties}):
        graph.add_node(
            node, kind="mechanism" if node in mechanisms else "actor", label=labels.get(node, node)
        )
    for tie in ties:
        if graph.has_edge(tie.source, tie.target):
            graph.edges[tie.source, tie.target]["facts"].append(tie)
        else:
            graph.add_edge(tie.source, tie.target, facts=[tie])
    for _, _, data in graph.edges(data=True):
        data["weight"] = len(data["facts"])
    return graph


def coordination_graph(store) -> nx.Graph:
    """The coordination network of the store (see the module docstring for what links what)."""
    grouped: dict[tuple[str, str, str, str], set[str]] = {}
    for row in store.query(_TIES_QUERY):
        via = _slug(row["via"]) if row["via"] is not None else ""
        key = (_slug(row["a"]), row["relation"].value, _slug(row["b"]), via)
        passages = grouped.setdefault(key, set())
        passages.add(_slug(row["passage"]))
        if row["other"] is not None:
            passages.add(_slug(row["other"]))
    ties = [
        Tie(a, relation, b, via, tuple(sorted(passages, key=_passage_order)))
        for (a, relation, b, via), passages in grouped.items()
    ]
    mechanisms, labels = set(), {}
    for row in store.query(_KINDS_QUERY):
        node = _slug(row["node"])
        if row["mechanism"].value == "true":
            mechanisms.add(node)
        if row["label"] is not None:
            labels[node] = row["label"].value
    return graph_from_ties(ties, mechanisms, labels)


def _slug(term) -> str:
    return term.value.removeprefix(ID)


def _passage_order(passage: str) -> tuple:
    parts = passage.removeprefix("passage-").split("-", 1)
    rest = parts[1] if len(parts) > 1 else ""
    return (parts[0], not rest.isdigit(), int(rest) if rest.isdigit() else 0, rest)


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
    betweenness = nx.betweenness_centrality(graph)
    eigenvector = nx.eigenvector_centrality(graph, max_iter=10_000, tol=1e-9)
    rows = [
        (n, graph.nodes[n].get("kind", "actor"), graph.degree(n), degree[n], betweenness[n], eigenvector[n])
        for n in graph.nodes
    ]
    return sorted(rows, key=lambda r: (-round(r[4], 9), -r[2], r[0]))


def brokers(graph: nx.Graph) -> list[tuple[str, int, str, float]]:
    """Actors linked to two or more mechanisms: who can carry information between them. Each row:
    actor, number of mechanisms, the mechanisms, betweenness; most mechanisms first.

    >>> g = graph_from_ties([Tie("ilo", "memberOf", "icat"), Tie("ilo", "memberOf", "gmg"),
    ...                      Tie("iom", "memberOf", "icat")], ["icat", "gmg"])
    >>> brokers(g)
    [('ilo', 2, 'gmg, icat', 0.6667)]
    """
    betweenness = nx.betweenness_centrality(graph) if graph.number_of_nodes() else {}
    rows = []
    for node, kind in graph.nodes(data="kind"):
        if kind == "mechanism":
            continue
        linked = sorted(n for n in graph.neighbors(node) if graph.nodes[n].get("kind") == "mechanism")
        if len(linked) >= 2:
            rows.append((node, len(linked), ", ".join(linked), round(betweenness[node], 4)))
    return sorted(rows, key=lambda r: (-r[1], -r[3], r[0]))


def mechanism_overlap(graph: nx.Graph) -> list[tuple[str, str, int, int, float]]:
    """For each pair of mechanisms sharing a member: shared members, members of either, and the
    Jaccard index (shared / either); highest first. Members are actor neighbours of a mechanism.

    >>> ties = [Tie(a, "memberOf", "m1") for a in "abc"] + [Tie(a, "memberOf", "m2") for a in "bcd"]
    >>> g = graph_from_ties(ties, ["m1", "m2"])
    >>> mechanism_overlap(g)
    [('m1', 'm2', 2, 4, 0.5)]
    """
    members = {
        n: {m for m in graph.neighbors(n) if graph.nodes[m].get("kind") != "mechanism"}
        for n, kind in graph.nodes(data="kind")
        if kind == "mechanism"
    }
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


def shortest_path(graph: nx.Graph, source: str, target: str) -> list[str]:
    """The nodes of a shortest path from ``source`` to ``target`` (fewest hops).

    >>> shortest_path(graph_from_ties([Tie("a", "agreement", "b"), Tie("b", "partner", "c")]), "a", "c")
    ['a', 'b', 'c']
    """
    for node in (source, target):
        if node not in graph:
            raise ValidationError(f"{node} has no tie in the coordination network")
    try:
        return nx.shortest_path(graph, source, target)
    except nx.NetworkXNoPath:
        raise ValidationError(f"no path between {source} and {target} in the coordination network") from None


def path_hops(graph: nx.Graph, path: Sequence[str]) -> list[tuple[int, str, str, str, str, str]]:
    """One row per fact along the path: step, from, relation, to, via, passages (as stated)."""
    rows = []
    for step, (here, there) in enumerate(zip(path, path[1:], strict=False), start=1):
        for tie in graph.edges[here, there]["facts"]:
            rows.append((step, tie.source, tie.relation, tie.target, tie.via, ", ".join(tie.passages)))
    return rows


MEASURES = ("centrality", "brokers", "overlap", "communities", "path")


def analyze(
    store,
    measure: str,
    *,
    seed: int = 42,
    source: str | None = None,
    target: str | None = None,
    top: int | None = None,
) -> tuple[list[str], list[tuple]]:
    """What `atkg analyze MEASURE` prints: headers and rows, computed on the store's network."""
    graph = coordination_graph(store)
    if measure == "centrality":
        headers = ["node", "label", "kind", "neighbours", "degree", "betweenness", "eigenvector"]
        rows = [(n, graph.nodes[n]["label"], k, d, dc, b, e) for n, k, d, dc, b, e in centrality(graph)]
    elif measure == "brokers":
        headers, rows = ["actor", "mechanisms", "linked", "betweenness"], brokers(graph)
    elif measure == "overlap":
        headers, rows = ["mechanism", "other", "shared", "either", "jaccard"], mechanism_overlap(graph)
    elif measure == "communities":
        headers = ["community", "size", "members"]
        rows = [(i, len(c), ", ".join(c)) for i, c in enumerate(communities(graph, seed), start=1)]
    elif measure == "path":
        if not source or not target:
            raise UsageError("path needs two actors, e.g. atkg analyze path UNODC Frontex")
        from kg.names import Resolver

        resolver = Resolver.from_store(store)
        start = resolver.resolve(source, "actor").removeprefix(ID)
        end = resolver.resolve(target, "actor").removeprefix(ID)
        headers = ["step", "from", "relation", "to", "via", "passages"]
        rows = path_hops(graph, shortest_path(graph, start, end))
    else:
        raise UsageError(f"unknown measure '{measure}' (one of {', '.join(MEASURES)})")
    return headers, rows[:top] if top else rows
