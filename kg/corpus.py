"""Split the source documents into citable passages.

Every fact cites a passage, so the passage labels must be the paragraph numbers a reader sees
printed in the document. The texts are page-by-page extractions (one is OCR'd), so numbered
paragraphs are interrupted by page headers, footers and footnote blocks; this module undoes that.

Labels: ``"12"`` for a numbered paragraph, ``"summary-1"`` for the summary of 000,
``"preamble-7"`` for the unnumbered preamble paragraphs of the resolution 002, ``"fn-3"`` for a
footnote (``"fn-star"`` for the ``*`` footnote that carries the document symbol).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

__all__ = ["Passage", "SourceText", "DOCUMENTS", "load_corpus", "parse_document", "document_key"]


@dataclass(frozen=True)
class DocumentInfo:
    """What the corpus README says about a document; the text itself says nothing reliable."""

    key: str
    file: str
    title_fr: str
    title_en: str
    year: str
    identifier: str | None
    front: str  # how unnumbered text before paragraph 1 is labelled: "summary", "preamble" or ""


DOCUMENTS: dict[str, DocumentInfo] = {
    d.key: d
    for d in (
        DocumentInfo(
            "000",
            "000_f11ac5bb5fdc60e4.txt",
            "Amélioration de la coordination des efforts déployés pour lutter contre la traite "
            "des personnes : rapport du Secrétaire général",
            "Improving the coordination of efforts against trafficking in persons: "
            "report of the Secretary-General",
            "2008",
            None,
            "summary",
        ),
        DocumentInfo(
            "001",
            "001_6dceaf7ad839cf46.txt",
            "Activités de l'Office des Nations Unies contre la drogue et le crime visant à "
            "promouvoir et appuyer l'application du Protocole relatif à la traite des personnes",
            "Activities of the United Nations Office on Drugs and Crime to promote and support "
            "the implementation of the Trafficking in Persons Protocol",
            "2012",
            "CTOC/COP/2012/2",
            "",
        ),
        DocumentInfo(
            "002",
            "002_468a052283718da7.txt",
            "Amélioration de la coordination de l'action contre la traite des personnes",
            "Improving the coordination of efforts against trafficking in persons",
            "2013",
            None,
            "preamble",
        ),
        DocumentInfo(
            "003",
            "003_dbd2d65b83fb4f4b.txt",
            "Renforcement de la coopération internationale en vue de prévenir et de combattre la "
            "traite des personnes et d'en protéger les victimes : rapport du Secrétaire général",
            "Strengthening international cooperation in preventing and combating trafficking in "
            "persons and protecting victims of such trafficking: report of the Secretary-General",
            "2008",
            "E/CN.15/2008/6",
            "",
        ),
        DocumentInfo(
            "004",
            "004_190ddffc86ec3d81.txt",
            "Rapport sur les activités de l'Initiative mondiale des Nations Unies contre la "
            "traite des êtres humains (UN.GIFT)",
            "Report on the activities of the United Nations Global Initiative to Fight Human "
            "Trafficking (UN.GIFT)",
            "2010",
            None,
            "",
        ),
    )
}


@dataclass(frozen=True)
class Passage:
    doc: str
    label: str
    line: int  # 1-based line where the passage starts in the source file
    text: str

    @property
    def slug(self) -> str:
        """The local name of the passage IRI (``passage-001-12``)."""
        return f"passage-{self.doc}-{self.label}"


@dataclass
class SourceText:
    info: DocumentInfo
    passages: list[Passage] = field(default_factory=list)

    def get(self, label: str) -> Passage | None:
        return next((p for p in self.passages if p.label == label), None)


_RULE = re.compile(r"^_{5,}\s*$")
_PARAGRAPH = re.compile(r"^\s*(\d{1,3})\s?[.,]\s+\S")
_FOOTNOTE = re.compile(r"^\s*(\d{1,3}|\*)\s+(?![.,])\S")
_HEADING = re.compile(r"^\s*(?:[IVX]+|[A-H]|\d{1,2})?\s?\.\s+\S")
_SECTION = re.compile(r"^\s*(?:[IVX]+|[A-H])\.\s+[A-ZÉÀ]")
_PAGE_NOISE = re.compile(
    r"^\s*(?:\d{1,3}|E/CN\.15/2008/6|CTOC/COP/\d{4}/\d+|A/RES/\S+|V\.\d{2}-\d+.*|\d{2}-\d{5}.*"
    r"|https?://\S+|[*#]+)\s*$"
)


def document_key(name: str) -> str:
    """Accept ``001``, ``1`` or the file name and return the three-digit key."""
    stem = Path(name).name.split("_", 1)[0]
    if stem.isdigit() and f"{int(stem):03d}" in DOCUMENTS:
        return f"{int(stem):03d}"
    raise KeyError(name)


def parse_document(info: DocumentInfo, text: str) -> SourceText:
    """Passages of one document, in reading order."""
    source = SourceText(info)
    chunks: dict[str, tuple[int, list[str]]] = {}
    order: list[str] = []

    def start(label: str, line_no: int) -> str:
        if label not in chunks:
            chunks[label] = (line_no, [])
            order.append(label)
        return label

    lines = text.splitlines()
    expected = 1
    front_count = 0
    current: str | None = None
    in_heading = False
    in_footnotes = False
    footnote: str | None = None
    last_footnote = 0
    blank_before = True
    front_started = info.front == "summary"
    for index, raw in enumerate(lines, start=1):
        line = raw.rstrip()
        if not line.strip():
            blank_before = True
            in_heading = False
            continue
        if _RULE.match(line):
            in_footnotes, footnote = True, None
            continue
        if _PAGE_NOISE.match(line):
            continue
        paragraph = _PARAGRAPH.match(line)
        if paragraph and int(paragraph.group(1)) == expected:
            current = start(str(expected), index)
            expected += 1
            in_footnotes = in_heading = False
            chunks[current][1].append(line.strip())
            blank_before = False
            continue
        if in_footnotes:
            note = _FOOTNOTE.match(line)
            number = note.group(1) if note else None
            if number == "*" or (number and int(number) > last_footnote):
                if number != "*":
                    last_footnote = int(number)
                footnote = start("fn-star" if number == "*" else f"fn-{number}", index)
                chunks[footnote][1].append(line.strip())
                continue
            if footnote and not line.startswith(" "):
                chunks[footnote][1].append(line.strip())
                continue
            in_footnotes, footnote = False, None
            blank_before = bool(_HEADING.match(line))  # a section heading may follow the notes
            if info.front == "preamble" and expected == 1 and line.lstrip()[0].isupper():
                blank_before = True  # a preamble paragraph may start right after a footnote block
        if expected == 1:
            action = _front_matter(info, line, blank_before, current is not None, front_started)
            if action == "open":
                front_started = True
                current = None
                continue
            if action == "new":
                front_count += 1
                current = start(f"{info.front}-{front_count}", index)
            elif action == "skip":
                current = None
        elif _SECTION.match(line) or (blank_before and _HEADING.match(line)):
            in_heading = True
        if in_heading:
            blank_before = False
            continue
        if current is not None and not current.startswith("fn-"):
            chunks[current][1].append(line.strip())
        blank_before = False
    for label in order:
        line_no, parts = chunks[label]
        body = re.sub(r"\s+", " ", " ".join(parts)).strip()
        if body:
            source.passages.append(Passage(info.key, label, line_no, body))
    return source


def _front_matter(info: DocumentInfo, line: str, blank_before: bool, inside: bool, opened: bool) -> str:
    """Where a line before paragraph 1 belongs: "open" (the zone starts after it), "new"
    (it starts a passage), "more" (it continues the current one) or "skip"."""
    stripped = line.strip()
    if info.front == "summary":
        if stripped.startswith("Résumé"):
            return "open"
        if not opened or _HEADING.match(line):
            return "skip"
        return "more" if inside else "new"
    if info.front == "preamble":
        # The resolution's title comes before "L'Assemblée générale,"; the preamble after it.
        if re.match(r"L[’']Assemblée générale,", stripped):
            return "open"
        if not opened:
            return "skip"
        if blank_before and stripped[0].isupper():
            return "new"
        return "more" if inside else "new"
    return "skip"


@cache
def load_corpus(corpus_dir: Path) -> dict[str, SourceText]:
    """Every document of the corpus folder, parsed, keyed by its three-digit key."""
    documents = {}
    for key, info in DOCUMENTS.items():
        text = (corpus_dir / info.file).read_text(encoding="utf-8")
        documents[key] = parse_document(info, text)
    return documents


def main() -> None:  # pragma: no cover - a reading aid for curators
    import sys

    corpus_dir = Path(__file__).resolve().parent.parent / "corpus"
    docs = load_corpus(corpus_dir)
    wanted = sys.argv[1:] or list(docs)
    for key in wanted:
        for passage in docs[document_key(key)].passages:
            print(f"[{passage.slug}] (line {passage.line}) {passage.text}\n")


if __name__ == "__main__":  # pragma: no cover
    main()
