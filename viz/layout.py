"""Node positions computed in Python, seeded, so a page draws at once and the same graph gives
the same file.

Sparse graphs up to :data:`FORCE_LIMIT` nodes get networkx's ForceAtlas2 (seeded; it keeps hubs
apart and components together), rescaled so neighbours sit about :data:`SPACING` apart, then
nodes are nudged until no two labels overlap at zoom 1 (labels drawn below nodes at
:data:`LABEL_FONT` pixels, the page's own label drawing). The browser draws these positions as
they are: physics stays off, so what a test measures is what a reader sees.

Above :data:`FORCE_LIMIT` nodes the quadratic force layout gets slow, so each connected
component gets a radial tree layout instead (linear
time: the most connected node in the centre, each ring wide enough for its nodes), components
packed in rows, and the page turns physics off (:data:`PHYSICS_LIMIT`): vis-network's physics
took minutes to settle a few thousand nodes (known-pitfalls.md).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

__all__ = ["layout", "rings", "FORCE_LIMIT", "PHYSICS_LIMIT", "SPACING", "LABEL_FONT", "label_box"]

FORCE_LIMIT = 600
LABEL_FONT = 13.0
"""Label font size in screen pixels (the page keeps it constant whatever the zoom)."""
CHAR_WIDTH = 0.62 * LABEL_FONT
"""A generous average glyph width of the sans-serif label font, for boxes computed in Python."""
PHYSICS_LIMIT = 300
SPACING = 90.0
"""Pixels between neighbouring nodes, at vis-network's zoom 1."""

Position = tuple[float, float]


def label_box(x: float, y: float, label: str, size: float) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of a label drawn centred below a node of radius ``size`` at zoom 1."""
    half = (CHAR_WIDTH * len(label) + 6) / 2
    top = y + size + 2
    return (x - half, top, x + half, top + LABEL_FONT * 1.3)


def layout(
    nodes: Sequence[str],
    edges: Iterable[tuple[str, str]],
    seed: int = 1,
    labels: dict[str, tuple[str, float]] | None = None,
) -> dict[str, Position]:
    """Positions for ``nodes`` (pixels, centred near 0,0), rounded so files compare byte for byte.

    >>> pos = layout(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> sorted(pos) == ["a", "b", "c"] and pos == layout(["a", "b", "c"], [("a", "b"), ("b", "c")])
    True
    """
    nodes = sorted(set(nodes))
    adjacent: dict[str, set[str]] = {n: set() for n in nodes}
    for a, b in edges:
        if a != b and a in adjacent and b in adjacent:
            adjacent[a].add(b)
            adjacent[b].add(a)
    if len(nodes) <= FORCE_LIMIT:
        raw = _packed_components(nodes, adjacent, seed, labels or {})
    else:
        raw = _radial_components(nodes, adjacent)
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in raw.items()}


def rings(
    depths: dict[str, int],
    edges: Iterable[tuple[str, str]],
    order: dict[str, tuple],
    labels: dict[str, tuple[str, float]],
) -> dict[str, Position]:
    """An ego layout: the centre in the middle, each ring of neighbours on its own circle.

    Ring 1 goes round in ``order`` (so nodes of one type sit together); each further node sits
    near the mean angle of its neighbours one ring in, and the rings are wide enough that
    neighbours along a circle are :data:`SPACING` apart; then labels are separated.
    """
    adjacent: dict[str, set[str]] = defaultdict(set)
    for a, b in edges:
        adjacent[a].add(b)
        adjacent[b].add(a)
    by_ring: dict[int, list[str]] = defaultdict(list)
    for node, depth in depths.items():
        by_ring[depth].append(node)
    angle: dict[str, float] = {}
    positions: dict[str, Position] = {}
    radius = 0.0
    for ring in sorted(by_ring):
        members = by_ring[ring]
        if ring == 0:
            for node in members:
                angle[node], positions[node] = 0.0, (0.0, 0.0)
            continue
        if ring == 1:
            members = sorted(members, key=lambda n: order.get(n, (n,)))
        else:

            def inner(n: str, ring: int = ring) -> float:
                seen = [angle[m] for m in adjacent[n] if m in angle and depths.get(m) == ring - 1]
                if not seen:
                    return 0.0
                return math.atan2(sum(math.sin(a) for a in seen), sum(math.cos(a) for a in seen)) % (
                    2 * math.pi
                )

            members = sorted(members, key=lambda n: (inner(n), order.get(n, (n,))))
        radius = max(radius + SPACING * 2, len(members) * SPACING / (2 * math.pi))
        for i, node in enumerate(members):
            a = 2 * math.pi * i / len(members) - math.pi / 2
            angle[node] = a % (2 * math.pi)
            positions[node] = (radius * math.cos(a), radius * math.sin(a))
    separated = _separate_labels(positions, labels)
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in separated.items()}


def _force_directed(nodes: list[str], adjacent: dict[str, set[str]], seed: int) -> dict[str, Position]:
    import networkx as nx

    n = len(nodes)
    if n == 0:
        return {}
    if n <= 3:  # a dot, a pair or a short chain: a line needs no simulation
        return {
            node: (i * SPACING, 0.0) for i, node in enumerate(sorted(nodes, key=lambda v: -len(adjacent[v])))
        }
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(sorted((a, b) for a in nodes for b in adjacent[a] if a < b))
    raw = nx.forceatlas2_layout(graph, seed=seed, max_iter=120, gravity=2.0, scaling_ratio=2.0)
    pos = {node: (float(raw[node][0]), float(raw[node][1])) for node in nodes}
    # Scale so that the median distance to the nearest node is SPACING.
    nearest = []
    for a in nodes:
        ax, ay = pos[a]
        nearest.append(min(math.hypot(ax - pos[b][0], ay - pos[b][1]) for b in nodes if b != a))
    nearest.sort()
    unit = nearest[len(nearest) // 2] or 1.0
    scale = SPACING / unit
    cx = sum(p[0] for p in pos.values()) / n
    cy = sum(p[1] for p in pos.values()) / n
    return {node: ((x - cx) * scale, (y - cy) * scale) for node, (x, y) in pos.items()}


def _packed_components(
    nodes: list[str], adjacent: dict[str, set[str]], seed: int, labels: dict[str, tuple[str, float]]
) -> dict[str, Position]:
    """Each connected component laid out on its own, labels separated, then packed in rows.

    Laid out together, small components drift far from the main one and the page's fit zooms
    out until nothing is legible; packing their bounding boxes (labels included) keeps them close.
    """
    placed = []
    for part in _components(nodes, adjacent):
        local = _force_directed(part, {n: adjacent[n] for n in part}, seed)
        if labels:
            local = _separate_labels(local, labels)
        boxes = [_node_and_label(n, xy, labels) for n, xy in local.items()]
        left, top = min(b[0] for b in boxes), min(b[1] for b in boxes)
        right, bottom = max(b[2] for b in boxes), max(b[3] for b in boxes)
        placed.append(({n: (x - left, y - top) for n, (x, y) in local.items()}, right - left, bottom - top))
    area = sum((w + SPACING) * (h + SPACING) for _, w, h in placed)
    row_width = max(max((w for _, w, _ in placed), default=0.0), math.sqrt(area) * 1.3)
    positions: dict[str, Position] = {}
    x = y = row_height = 0.0
    for local, w, h in placed:
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height + SPACING / 2, 0.0
        for node, (px, py) in local.items():
            positions[node] = (x + px, y + py)
        x += w + SPACING / 2
        row_height = max(row_height, h)
    width = max((p[0] for p in positions.values()), default=0)
    height = max((p[1] for p in positions.values()), default=0)
    return {n: (px - width / 2, py - height / 2) for n, (px, py) in positions.items()}


def _node_and_label(node: str, xy: Position, labels: dict[str, tuple[str, float]]):
    label, size = labels.get(node, ("", 8.0))
    left, top, right, bottom = label_box(xy[0], xy[1], label, size)
    return (min(left, xy[0] - size), xy[1] - size, max(right, xy[0] + size), bottom)


def _separate_labels(
    pos: dict[str, Position], labels: dict[str, tuple[str, float]], rounds: int = 60
) -> dict[str, Position]:
    """Nudge nodes apart until no two label boxes (with their nodes) overlap at zoom 1.

    Each round sweeps the boxes sorted by left edge and pushes every overlapping pair apart
    along the axis where they overlap least, half each; deterministic (sorted, no randomness).
    """
    xy = {n: list(p) for n, p in pos.items()}
    order = sorted(xy)
    gap = 4.0
    for _ in range(rounds):
        boxes = sorted((*_node_and_label(n, (xy[n][0], xy[n][1]), labels), n) for n in order)
        moved = False
        for i, (l1, t1, r1, b1, a) in enumerate(boxes):
            for l2, t2, r2, b2, b in boxes[i + 1 :]:
                if l2 >= r1 + gap:
                    break
                if t2 >= b1 + gap or t1 >= b2 + gap:
                    continue
                dx = min(r1, r2) - max(l1, l2) + gap
                dy = min(b1, b2) - max(t1, t2) + gap
                if dy <= dx:
                    sign = 1.0 if (xy[b][1], b) >= (xy[a][1], a) else -1.0
                    xy[a][1] -= sign * dy / 2
                    xy[b][1] += sign * dy / 2
                else:
                    sign = 1.0 if (xy[b][0], b) >= (xy[a][0], a) else -1.0
                    xy[a][0] -= sign * dx / 2
                    xy[b][0] += sign * dx / 2
                moved = True
        if not moved:
            break
    return {n: (p[0], p[1]) for n, p in xy.items()}


def _components(nodes: list[str], adjacent: dict[str, set[str]]) -> list[list[str]]:
    seen: set[str] = set()
    found = []
    for start in nodes:
        if start in seen:
            continue
        seen.add(start)
        part, todo = [start], [start]
        while todo:
            for other in adjacent[todo.pop()]:
                if other not in seen:
                    seen.add(other)
                    part.append(other)
                    todo.append(other)
        found.append(sorted(part))
    return sorted(found, key=lambda c: (-len(c), c[0]))


def _radial_tree(part: list[str], adjacent: dict[str, set[str]]) -> tuple[dict[str, Position], float]:
    """A BFS tree from the best-connected node; angles shared out by subtree size."""
    root = min(part, key=lambda n: (-len(adjacent[n]), n))
    parent = {root: root}
    order = [root]
    children: dict[str, list[str]] = defaultdict(list)
    depth = {root: 0}
    for node in order:  # grows while iterating: a breadth-first walk
        for other in sorted(adjacent[node]):
            if other not in parent:
                parent[other] = node
                depth[other] = depth[node] + 1
                children[node].append(other)
                order.append(other)
    weight = {n: 1 for n in order}
    for node in reversed(order[1:]):
        weight[parent[node]] += weight[node]
    per_ring: dict[int, int] = defaultdict(int)
    for node in order:
        per_ring[depth[node]] += 1
    radius = {0: 0.0}
    for ring in range(1, max(per_ring) + 1):
        radius[ring] = max(radius[ring - 1] + SPACING * 1.5, per_ring[ring] * SPACING / (2 * math.pi))
    wedge = {root: (0.0, 2 * math.pi)}
    positions = {}
    for node in order:
        start, end = wedge[node]
        middle = (start + end) / 2
        positions[node] = (radius[depth[node]] * math.cos(middle), radius[depth[node]] * math.sin(middle))
        cursor = start
        for child in children[node]:
            share = (end - start) * weight[child] / (weight[node] - 1)
            wedge[child] = (cursor, cursor + share)
            cursor += share
    return positions, radius[max(per_ring)] + SPACING


def _radial_components(nodes: list[str], adjacent: dict[str, set[str]]) -> dict[str, Position]:
    """Each component as a radial tree, packed left to right in rows about as wide as all are tall."""
    placed = [_radial_tree(part, adjacent) for part in _components(nodes, adjacent)]
    row_width = math.sqrt(sum((2 * r) ** 2 for _, r in placed))
    positions: dict[str, Position] = {}
    x = y = row_height = 0.0
    for local, r in placed:
        if x > 0 and x + 2 * r > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in local.items():
            positions[node] = (x + r + px, y + r + py)
        x += 2 * r
        row_height = max(row_height, 2 * r)
    width = max((p[0] for p in positions.values()), default=0)
    height = max((p[1] for p in positions.values()), default=0)
    return {n: (px - width / 2, py - height / 2) for n, (px, py) in positions.items()}
