"""The one order of passage slugs, shared by the network's ties, the export's edges and the views.

A module of its own so the views can sort their citations without importing networkx.
"""

from __future__ import annotations

import re

__all__ = ["passage_order"]


def passage_order(passage: str) -> tuple:
    """The one order of passage slugs, shared by the network's ties (``analyze path``) and the
    export's edges: by document, numbered paragraphs first, then footnotes, preambles and
    summaries by name; numbers compare as numbers (2 before 10, footnote 2 before footnote 10)
    and a synthetic copy's passage follows its original.

    >>> sorted(["passage-003-fn-10", "passage-003-fn-2", "passage-003-12", "passage-002-40",
    ...         "passage-003-2", "passage-003-12-x1", "passage-002-preamble-3"], key=passage_order)
    ['passage-002-40', 'passage-002-preamble-3', 'passage-003-2', 'passage-003-12', \
'passage-003-12-x1', 'passage-003-fn-2', 'passage-003-fn-10']
    """
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", passage))
