"""Find the known names in a passage: longest match first, tolerant of accents, case and OCR.

Long names are looked for in the text with its spaces removed, so a name survives OCR that split
or glued its words (``lalutte international e``, ``latraite``); names of six letters or fewer
(acronyms, short country names) must match whole words, and acronyms must be in capitals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.ingest.gazetteer import Gazetteer, Name
from kg.ingest.textkey import Keyed, keyed

__all__ = ["Mention", "find_mentions"]

_SHORT = 6


@dataclass(frozen=True)
class Mention:
    start: int  # character offsets in the passage text
    end: int
    text: str  # the surface form, as written
    name: Name

    @property
    def slug(self) -> str:
        return self.name.slug


def find_mentions(text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Non-overlapping mentions in reading order; where names overlap, the longest wins."""
    doc = keyed(text)
    found: list[tuple[int, int, Name]] = []
    for key, names in gazetteer.names.items():
        short = len(key) <= _SHORT
        position = doc.key.find(key)
        while position != -1:
            end = position + len(key)
            if _acceptable(doc, position, end, names[0], short) and _stands(text, doc, end, names[0]):
                found.append((position, end, names[0]))
            position = doc.key.find(key, position + 1)
    found.sort(key=lambda m: (-(m[1] - m[0]), m[0], m[2].rank, m[2].slug))
    taken: list[tuple[int, int]] = []
    mentions: list[Mention] = []
    for start, end, name in found:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        first, last = doc.offsets[start], doc.offsets[end - 1] + 1
        mentions.append(Mention(first, last, text[first:last], name))
    return sorted(mentions, key=lambda m: m.start)


_CONTINUES = re.compile(
    r"\s*(?:sur|de|du|des|d[’']|pour|contre|régionale?s?|nationale?s?|international(?:e|es|aux)?|mondiale?s?|"
    r"ministérielle?s?|spéciale?s?|interinstitutions)\b",
    re.I,
)


def _stands(text: str, doc: Keyed, end: int, name: Name) -> bool:
    """A proper name starts with a capital; a generic one ("Atelier régional") is not a mention
    when the text goes on naming something longer ("Atelier régional sur l'identification...")."""
    if name.proper:
        first = doc.offsets[end - len(name.key)]
        if not text[first].isupper():
            return False
    if name.generic:
        return not _CONTINUES.match(text, doc.offsets[end - 1] + 1)
    return True


def _acceptable(doc: Keyed, start: int, end: int, name: Name, short: bool) -> bool:
    at_start = start in doc.starts
    at_end = end in doc.ends
    if short or name.rank == 3:
        if not (at_start and at_end):
            return False
    elif not (at_start or at_end):
        return False  # a long name inside one word on both sides is another word
    if name.acronym:
        lower = sum(not u for u in doc.upper[start:end])
        return lower <= 1
    return True
