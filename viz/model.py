"""A view as plain data: nodes, edges, legend and text, ready to lay out and render.

Kept free of pyvis and of the store so views can be built, compared and counted in tests, and
so the benchmark can hand a synthetic graph of 20,000 nodes to the same renderer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["ViewNode", "ViewEdge", "LegendEntry", "ViewGraph", "Source", "FactRow", "Axis"]


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
    names: list[str] = field(default_factory=list)
    """Every label, acronym and variant in both languages: what the search box matches."""
    link: str | None = None
    """Slug of the entity page (``../id/<slug>.html``); None for nodes that are not entities."""
    facts: list[int] = field(default_factory=list)
    """Indices into :attr:`ViewGraph.facts` shown in the node's panel."""
    depth: int | None = None
    """Ego view: ties between the node and the centre."""


@dataclass
class ViewEdge:
    source: str
    target: str
    kind: str
    title: str
    count: int = 1
    """How many ties the edge stands for: its width."""
    year: int | None = None
    facts: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Source:
    """A paragraph that states facts: where it is and what it says (the French text)."""

    citation: str
    """Document and paragraph, in the view's language ("Document 000, paragraph 11")."""
    title: str
    """The document's title in the view's language."""
    text: str
    """The paragraph, in French as the document has it."""
    doc: str
    paragraph: str


@dataclass(frozen=True)
class FactRow:
    """One fact as the panel shows it: both ends labelled, the relation named, its sources."""

    subject: str
    subject_label: str
    relation: str
    object: str
    object_label: str
    sources: tuple[str, ...]
    """Passage slugs, keys of :attr:`ViewGraph.sources`."""


@dataclass(frozen=True)
class Axis:
    """The timeline's axes: year ticks along x, one lane per kind of tie along y."""

    ticks: tuple[tuple[float, str], ...]
    lanes: tuple[tuple[float, str], ...]


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
    facts: list[FactRow] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    axis: Axis | None = None
    max_depth: int | None = None
    """Ego view: the deepest ring the page holds (its depth control goes up to it)."""
    depth: int | None = None
    """Ego view: the depth shown when the page opens."""

    def neighbours(self, node: str) -> set[str]:
        """Nodes one edge away from ``node`` (either direction)."""
        out = {e.target for e in self.edges if e.source == node}
        return out | {e.source for e in self.edges if e.target == node}
