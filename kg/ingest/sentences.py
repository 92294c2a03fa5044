"""Sentences of a passage, by punctuation (spaCy's parser is not loaded: ingest does not need it)."""

from __future__ import annotations

import re

__all__ = ["sentences"]

_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[«\"]?\s*[A-ZÉÈÀÂÎÔÇ])")
_NOT_AN_END = re.compile(r"(?:^\s*\d{1,3}|\b(?:M|Mme|MM|art|p|al|cf|etc|no|n°|[A-Z]))\.$")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: a full stop then a capital, except after a paragraph number or an
    abbreviation (spaCy's own splitter stumbles on French quotes and OCR noise).

    >>> t = "11. La Campagne « Non à la traite » a été lancée. Elle vise M. Dupont."
    >>> [t[a:b] for a, b in sentences(t)]
    ['11. La Campagne « Non à la traite » a été lancée.', 'Elle vise M. Dupont.']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if _NOT_AN_END.search(text[start : match.start()]):
            continue
        spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans
