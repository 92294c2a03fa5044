"""A view as plain data: nodes, edges, legend and text, ready to lay out and render.

Kept free of pyvis and of the store so views can be built, compared and counted in tests, and
so the benchmark can hand a synthetic graph of 20,000 nodes to the same renderer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["ViewNode", "ViewEdge", "LegendEntry", "ViewGraph"]


@dataclass
class ViewNode:
    id: str
    label: str
    kind: str
    """Legend key of the node (a class CURIE, or a community name)."""
    title: str
    """Tooltip, plain text (shown as text, never as HTML)."""
    emphasis: bool = False
    year: int | None = None
    size: float = 10.0
    x: float = 0.0
    y: float = 0.0


@dataclass
class ViewEdge:
    source: str
    target: str
    kind: str
    title: str
    count: int = 1
    """How many ties the edge stands for: its width."""
    year: int | None = None


@dataclass(frozen=True)
class LegendEntry:
    key: str
    label: str
    color: str
    shape: str = "dot"


@dataclass
class ViewGraph:
    name: str
    title: str
    description: str
    lang: str
    nodes: list[ViewNode] = field(default_factory=list)
    edges: list[ViewEdge] = field(default_factory=list)
    node_legend: list[LegendEntry] = field(default_factory=list)
    edge_legend: list[LegendEntry] = field(default_factory=list)
    directed: bool = False
    year_filter: bool = False
    """Whether the page offers a year range (ties carrying a date)."""
    emphasis_label: str = ""
    """What an emphasised (thick-bordered) node means, for the legend; empty: none are."""
    physics: bool = False

    def neighbours(self, node: str) -> set[str]:
        """Nodes one edge away from ``node`` (either direction)."""
        out = {e.target for e in self.edges if e.source == node}
        return out | {e.source for e in self.edges if e.target == node}
