"""Synthetic views of any size, for the benchmark and the big-graph browser test.

A seeded preferential-attachment graph (a few hubs, many leaves, like the real coordination
network) with real node classes, so the page is the one users get, only bigger.
"""

from __future__ import annotations

import random

from viz.graphs import view_from_ties
from viz.model import LegendEntry, ViewEdge, ViewGraph, ViewNode
from viz.style import node_style

__all__ = ["synthetic_view"]

_KINDS = (
    "atkg:UNEntity",
    "atkg:NonGovernmentalOrganization",
    "atkg:Country",
    "atkg:CoordinationMechanism",
    "atkg:JointProgramme",
    "atkg:Event",
)


def synthetic_view(nodes: int, seed: int = 1) -> ViewGraph:
    """``nodes`` nodes and about 1.5 edges per node; the same arguments give the same view.

    >>> view = synthetic_view(50)
    >>> len(view.nodes), len(view.edges) == len(synthetic_view(50).edges)
    (50, True)
    """
    rng = random.Random(seed)
    ends: list[int] = [0]
    pairs: set[tuple[int, int]] = set()
    for i in range(1, nodes):
        for _ in range(1 if rng.random() < 0.5 else 2):
            j = rng.choice(ends) if rng.random() < 0.8 else rng.randrange(i)
            pairs.add((min(i, j), max(i, j)))
            ends += [i, j]
    view_nodes = []
    for i in range(nodes):
        kind = _KINDS[rng.randrange(len(_KINDS))]
        view_nodes.append(
            ViewNode(id=f"n{i:05d}", label=f"node {i}", kind=kind, title=f"node {i}\nType: {kind}")
        )
    edges = [ViewEdge(f"n{a:05d}", f"n{b:05d}", "tie", f"tie n{a} — n{b}") for a, b in sorted(pairs)]
    legend = [LegendEntry(k, k.split(":")[1], *node_style(k)) for k in sorted(_KINDS)]
    return view_from_ties(
        "synthetic",
        f"Synthetic graph of {nodes} nodes",
        "A seeded preferential-attachment graph.",
        "en",
        view_nodes,
        edges,
        node_legend=legend,
        edge_legend=[LegendEntry("tie", "tie", "#999999", "line")],
    )
