"""Text folded for matching, with a map back to the original characters.

Labels and passages are compared on a *key*: lower case, no accents, letters and digits only,
and the OCR confusions of our corpus undone character for character (``I'ONUDC`` -> ``l'onudc``,
``OlM`` = ``OIM``, ``Cceur`` / ``ceuvre`` = ``cœur`` / ``œuvre``). Each key character remembers
the offset it came from, so a match in the key is a span in the text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

__all__ = ["Keyed", "keyed", "label_key"]

_LIGATURES = {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"}


def _plain(char: str) -> str:
    """One character without accents, lower case (ligatures spread over two)."""
    if char in _LIGATURES:
        return _LIGATURES[char]
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@dataclass(frozen=True)
class Keyed:
    """``key``: the letters and digits of the text, folded; ``offsets[i]``: where ``key[i]``
    starts in the text; ``starts`` / ``ends``: key positions where a word starts / ends."""

    key: str
    offsets: list[int]
    starts: frozenset[int]
    ends: frozenset[int]
    upper: list[bool]  # was the original character upper case (for acronyms)


def keyed(text: str) -> Keyed:
    chars: list[str] = []
    offsets: list[int] = []
    upper: list[bool] = []
    starts: set[int] = set()
    ends: set[int] = set()
    previous_alnum = False
    for index, char in enumerate(text):
        if char == "|" and text[index + 1 : index + 2] in ("'", "’"):
            char = "l"  # "|’Office": OCR read the elided article l' as a bar
        plain = _plain(char) if char.isalnum() else ""
        plain = "".join(c for c in plain if c.isalnum())
        if not plain:
            if previous_alnum:
                ends.add(len(chars))
            previous_alnum = False
            continue
        if not previous_alnum:
            starts.add(len(chars))
        for c in plain:
            chars.append(c)
            offsets.append(index)
            upper.append(char.isupper())
        previous_alnum = True
    if previous_alnum:
        ends.add(len(chars))
    key = _mend("".join(chars), starts)
    return Keyed(key, offsets, frozenset(starts), frozenset(ends), upper)


def _mend(key: str, starts: set[int]) -> str:
    """Undo OCR confusions one character for one: l/I -> i, 0 -> o, c -> o before "eu" (``ceuvre``
    and ``cceur`` for ``œuvre`` and ``cœur``; ``œ`` itself already reads ``oe``)."""
    out = list(key.replace("l", "i").replace("0", "o"))
    for i in range(len(out) - 2):
        if out[i] == "c" and out[i + 1] == "e" and out[i + 2] == "u" and (i in starts or out[i - 1] == "c"):
            out[i] = "o"
    return "".join(out)


def label_key(label: str) -> str:
    """The key of a label, as ``keyed(label).key``."""
    return keyed(label).key
