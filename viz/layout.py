"""Node positions computed in Python, seeded, so a page draws at once and the same graph gives
the same file.

Small graphs get a force-directed layout (Fruchterman–Reingold, pure Python: the project has no
numpy); the browser may polish them with physics. Above :data:`FORCE_LIMIT` nodes the quadratic
force layout gets slow, so each connected component gets a radial tree layout instead (linear
time: the most connected node in the centre, each ring wide enough for its nodes), components
packed in rows, and the page turns physics off (:data:`PHYSICS_LIMIT`): vis-network's physics
took minutes to settle a few thousand nodes (known-pitfalls.md).
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Iterable, Sequence

__all__ = ["layout", "FORCE_LIMIT", "PHYSICS_LIMIT", "SPACING"]

FORCE_LIMIT = 150
PHYSICS_LIMIT = 300
SPACING = 90.0
"""Pixels between neighbouring nodes, at vis-network's zoom 1."""

Position = tuple[float, float]


def layout(nodes: Sequence[str], edges: Iterable[tuple[str, str]], seed: int = 1) -> dict[str, Position]:
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
        raw = _force_directed(nodes, adjacent, random.Random(seed))
    else:
        raw = _radial_components(nodes, adjacent)
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in raw.items()}


def _force_directed(
    nodes: list[str], adjacent: dict[str, set[str]], rng: random.Random, iterations: int = 200
) -> dict[str, Position]:
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = sorted({(min(index[a], index[b]), max(index[a], index[b])) for a in nodes for b in adjacent[a]})
    k = 1.0 / math.sqrt(n)
    xs = [rng.random() for _ in range(n)]
    ys = [rng.random() for _ in range(n)]
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        dx_all = [0.0] * n
        dy_all = [0.0] * n
        for i in range(n):
            xi, yi = xs[i], ys[i]
            for j in range(i + 1, n):
                dx, dy = xi - xs[j], yi - ys[j]
                d2 = dx * dx + dy * dy or 1e-9
                force = k * k / d2
                dx_all[i] += dx * force
                dy_all[i] += dy * force
                dx_all[j] -= dx * force
                dy_all[j] -= dy * force
        for i, j in pairs:
            dx, dy = xs[i] - xs[j], ys[i] - ys[j]
            force = math.sqrt(dx * dx + dy * dy) / k
            dx_all[i] -= dx * force
            dy_all[i] -= dy * force
            dx_all[j] += dx * force
            dy_all[j] += dy * force
        for i in range(n):
            # A weak pull to the centre keeps separate components on screen.
            dx_all[i] -= (xs[i] - 0.5) * 2 * k
            dy_all[i] -= (ys[i] - 0.5) * 2 * k
            length = math.hypot(dx_all[i], dy_all[i])
            if length > 0:
                step = min(length, temperature) / length
                xs[i] += dx_all[i] * step
                ys[i] += dy_all[i] * step
        temperature -= cooling
    scale = SPACING / k
    cx, cy = sum(xs) / n, sum(ys) / n
    return {node: ((xs[i] - cx) * scale, (ys[i] - cy) * scale) for node, i in index.items()}


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
