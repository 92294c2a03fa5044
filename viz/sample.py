"""Large graphs drawn as a readable sample, with a note saying so, never a million nodes.

Why: a view of a graph grown to hundreds of thousands of actors cannot be drawn (pyvis and the
browser give up long before) nor read. Past :data:`NODE_LIMIT` nodes a view keeps its most
connected nodes (ties counted in the view, ties broken by id, so the same graph gives the same
sample) and the ties among them, and its description says what was left out and how to narrow it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TypeVar

from viz.text import text

__all__ = ["NODE_LIMIT", "sample_ties"]

NODE_LIMIT = 5000
"""Nodes a view draws at most: about 3 s to draw in Chromium here (README, Network views)."""

Tie = TypeVar("Tie")


def sample_ties(
    lang: str,
    description: str,
    ids: Sequence[str],
    ties: Mapping[tuple[str, str, str], Tie],
    limit: int | None = None,
) -> tuple[str, list[str], dict[tuple[str, str, str], Tie]]:
    """``(description, ids, ties)`` unchanged when small enough, else the sample and its note.

    >>> ties = {("a", "b", "k"): 1, ("a", "c", "k"): 1, ("d", "e", "k"): 1}
    >>> sample_ties("en", "View.", ["a", "b", "c", "d", "e"], ties, limit=3)[1:]
    (['a', 'b', 'c'], {('a', 'b', 'k'): 1, ('a', 'c', 'k'): 1})
    """
    limit = NODE_LIMIT if limit is None else limit  # read at call time: tests lower it
    if len(ids) <= limit:
        return description, list(ids), dict(ties)
    degree: Counter[str] = Counter()
    for source, target, _ in ties:
        degree[source] += 1
        degree[target] += 1
    keep = set(sorted(ids, key=lambda node: (-degree[node], node))[:limit])
    kept = {key: tie for key, tie in ties.items() if key[0] in keep and key[1] in keep}
    note = text(lang, "sampled", total=len(ids), total_ties=len(ties), shown=len(keep), shown_ties=len(kept))
    return f"{description} {note}", [node for node in ids if node in keep], kept
