"""How much of the corpus the graph covers, and which paragraphs still say things it does not hold.

A passage is covered when its graph holds at least one fact. An uncovered passage matters when
it names something the graph knows (an actor, agreement, programme, event, instrument...) or
states a figure: those are the ones a maintainer still has to curate.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rdflib import URIRef

from kg.citations import entity_labels, is_minted
from kg.corpus import load_corpus
from kg.namespace import ID
from kg.provenance import passage_iri
from kg.rdfio import Quad
from kg.textmatch import LabelMatcher

__all__ = ["PassageCoverage", "passage_coverage", "figures_in"]

# Numbers that are not figures: years, dates' days, resolution and document symbols, note calls.
_SYMBOL = re.compile(r"\b[A-Z]+(?:/[\w.]+)+|\b\d+/\d+\b|\b(?:19|20)\d\d\b")
_DATE = re.compile(
    r"\b\d{1,2}(?:er)?\s+(?:au\s+\d{1,2}\s+)?(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|"
    r"septembre|octobre|novembre|décembre|decembre)\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"(?<![\w/.])\d{1,3}(?:[  .]\d{3})*(?:,\d+)?(?![\w/])")
_WORDS = {
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "douze",
    "quinze",
    "vingt",
    "trente",
    "quarante",
    "cinquante",
    "cent",
    "mille",
    "million",
    "millions",
}


@dataclass(frozen=True)
class PassageCoverage:
    passage: str
    line: int
    facts: int
    names: tuple[str, ...]
    figures: tuple[str, ...]

    @property
    def needs_curation(self) -> bool:
        return self.facts == 0 and bool(self.names or self.figures)


def figures_in(text: str) -> list[str]:
    """Numbers in a passage that state a quantity (not a year, a date, a symbol or a note call).

    >>> figures_in("12. En 2011, 150 États parties (résolution 61/180, A/RES/64/178) le 30 juillet 2010")
    ['150']
    >>> figures_in("plus de 80 000 téléchargements, 2 500 dollars")
    ['80 000', '2 500']
    """
    body = re.sub(r"^\s*(?:\d{1,3}\s?[.,]?|\*)\s", " ", text)  # the paragraph or note number itself
    body = _DATE.sub(" ", _SYMBOL.sub(" ", body))
    found = []
    for match in _NUMBER.finditer(body):
        before = body[max(0, match.start() - 1) : match.start()]
        if before.isalpha():  # a note call glued to a word: "Millénaire1"
            continue
        found.append(match.group().replace("\u202f", " ").replace("\xa0", " "))
    return found


def passage_coverage(quads: list[Quad], corpus_dir: Path) -> list[PassageCoverage]:
    """Every passage of the corpus with its fact count, the entities it names and its figures."""
    facts = Counter(q[3] for q in quads if str(q[3]).startswith(str(ID["passage-"])))
    labels = {
        node: names
        for node, names in entity_labels(quads).items()
        if str(node).startswith(str(ID))
        and not is_minted(node)
        and not str(node).startswith((str(ID["passage-"]), str(ID["doc-"])))
    }
    rows = []
    for key, source in load_corpus(corpus_dir).items():
        for passage in source.passages:
            node: URIRef = passage_iri(key, passage.label)
            count = facts.get(node, 0)
            names: tuple[str, ...] = ()
            figures: tuple[str, ...] = ()
            if count == 0:
                matcher = LabelMatcher(passage.text)
                names = tuple(
                    sorted(
                        str(n).removeprefix(str(ID))
                        for n, ls in labels.items()
                        if any(matcher.mentions(x) for x in ls)
                    )
                )
                figures = tuple(figures_in(passage.text))
            rows.append(PassageCoverage(passage.slug, passage.line, count, names, figures))
    return rows
