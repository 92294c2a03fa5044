"""Split the source documents into citable passages.

Every fact cites a passage, so the passage labels must be the paragraph numbers a reader sees
printed in the document. The texts are page-by-page extractions (one is OCR'd), so numbered
paragraphs are interrupted by page headers, footers and footnote blocks; this module undoes that.

Labels: ``"12"`` for a numbered paragraph, ``"block-3"`` for the third blank-line block of a text
that prints no numbers, ``"summary-1"`` for the summary of 000,
``"preamble-7"`` for the unnumbered preamble paragraphs of the resolution 002, ``"fn-3"`` for a
footnote (``"fn-star"`` for the ``*`` footnote that carries the document symbol).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import ValidationError

__all__ = [
    "Passage",
    "SourceText",
    "DocumentInfo",
    "document_infos",
    "load_corpus",
    "parse_document",
    "document_key",
]


@dataclass(frozen=True)
class DocumentInfo:
    """What the corpus catalog (``corpus/documents.toml``) says about a document; the text itself
    says nothing reliable about its title or date."""

    key: str
    file: str
    title_fr: str | None
    title_en: str | None
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD: the precision the document gives
    identifier: str | None
    front: str = ""  # how unnumbered text before paragraph 1 is labelled: "summary", "preamble" or ""
    language: str = "fr"
    paragraphs: str = "numbered"  # or "blank-line" for texts that print no paragraph numbers

    @property
    def year(self) -> str:
        return self.date[:4]

    @property
    def title(self) -> str:
        """The title in the document's own language (the other one when only that is known)."""
        own = self.title_fr if self.language == "fr" else self.title_en
        return own or self.title_fr or self.title_en or ""


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
    r"^\s*(?:\d{1,3}|E/CN\.15/2008/6|CTOC/COP/\d{4}/\d+|A/RES/\S+|(?:\d{1,3}\s+)?V\.\d{2}-\d+.*|\d{2}-\d{5}.*"
    r"|https?://\S+|[*#]+)\s*$"
)


def document_key(name: str, corpus_dir: Path | None = None) -> str:
    """Accept ``001``, ``1`` or the file name and return the three-digit key.

    The key must be a document of ``corpus_dir`` (default: any corpus this process has read, and
    the project's own), else ``KeyError``.
    """
    stem = Path(name).name.split("_", 1)[0]
    if not stem.isdigit() or len(stem) > 3:
        raise KeyError(name)
    key = f"{int(stem):03d}"
    folders = [corpus_dir] if corpus_dir is not None else [*_SEEN, DEFAULT_CORPUS]
    for folder in folders:
        try:
            if key in load_corpus(folder):
                return key
        except ValidationError:
            continue
    raise KeyError(name)


_NOTE_GAP = 3  # at most this many note numbers lost to OCR between two notes read


def parse_document(info: DocumentInfo, text: str) -> SourceText:
    """Passages of one document, in reading order."""
    if info.paragraphs == "blank-line":
        return parse_blocks(info, text)
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
        if _PAGE_NOISE.match(line) or (info.identifier and line.strip() == info.identifier):
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
            # notes are numbered in order: a number that skips ahead ("25 avril 2012." wrapping
            # onto its own line) continues the open note rather than starting one
            if number == "*" or (
                number
                and last_footnote < int(number)
                and (not last_footnote or int(number) <= last_footnote + _NOTE_GAP)
            ):
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


def parse_blocks(info: DocumentInfo, text: str) -> SourceText:
    """Passages of a text that prints no paragraph numbers: its blank-line separated blocks,
    labelled ``block-1``, ``block-2``... (page headers and footers dropped)."""
    source = SourceText(info)
    count = 0
    for match in re.finditer(r"(?:^[^\n]*\S[^\n]*(?:\n|$))+", text, re.M):
        lines = [
            line.strip()
            for line in match.group(0).splitlines()
            if not _PAGE_NOISE.match(line) and not (info.identifier and line.strip() == info.identifier)
        ]
        body = re.sub(r"\s+", " ", " ".join(lines)).strip()
        if body:
            count += 1
            line_no = text.count("\n", 0, match.start()) + 1
            source.passages.append(Passage(info.key, f"block-{count}", line_no, body))
    return source


def has_numbered_paragraphs(info: DocumentInfo, text: str) -> bool:
    """Does the numbered-paragraph parser find at least paragraphs 1 and 2 in ``text``?"""
    labels = {p.label for p in parse_document(info, text).passages}
    return {"1", "2"} <= labels


class Corpus(dict):
    """The parsed documents keyed by three-digit key (a plain dict, but typed for readers)."""


DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / "corpus"
_SEEN: list[Path] = []
_CACHE: dict[tuple[Path, tuple], Corpus] = {}


def document_infos(corpus_dir: Path) -> dict[str, DocumentInfo]:
    """The catalog's documents, keyed by three-digit key (checked against the folder)."""
    from kg.sources.catalog import read_catalog

    return {
        entry["id"]: DocumentInfo(
            key=entry["id"],
            file=entry["file"],
            title_fr=entry.get("title_fr"),
            title_en=entry.get("title_en"),
            date=entry["date"],
            identifier=entry.get("symbol"),
            front=entry.get("front", ""),
            language=entry["language"],
            paragraphs=entry.get("paragraphs", "numbered"),
        )
        for entry in read_catalog(corpus_dir)
    }


def _stamp(corpus_dir: Path) -> tuple:
    """What the parse depends on: the catalog and the texts (name, size, modification time)."""
    return tuple(
        (p.name, p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(corpus_dir.glob("*"))
        if p.suffix in (".txt", ".toml")
    )


def load_corpus(corpus_dir: Path) -> Corpus:
    """Every document of the corpus folder, parsed, keyed by its three-digit key.

    Cached per folder until its catalog or a text changes (``atkg corpus add`` in the same
    process sees the new document).
    """
    corpus_dir = Path(corpus_dir).resolve()
    key = (corpus_dir, _stamp(corpus_dir))
    if key not in _CACHE:
        documents = Corpus()
        for doc_key, info in document_infos(corpus_dir).items():
            text = (corpus_dir / info.file).read_text(encoding="utf-8")
            documents[doc_key] = parse_document(info, text)
        _CACHE[key] = documents
        if corpus_dir not in _SEEN:
            _SEEN.append(corpus_dir)
    return _CACHE[key]


def main() -> None:  # pragma: no cover - a reading aid for curators
    import sys

    docs = load_corpus(DEFAULT_CORPUS)
    wanted = sys.argv[1:] or list(docs)
    for key in wanted:
        for passage in docs[document_key(key)].passages:
            print(f"[{passage.slug}] (line {passage.line}) {passage.text}\n")


if __name__ == "__main__":  # pragma: no cover
    main()
