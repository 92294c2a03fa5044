"""``atkg corpus add``: a new report enters the corpus as a text file plus a catalog entry.

Everything is checked before anything is written (the text decodes, it is not already there, the
id is free, the metadata hold, the parser finds passages), and the two writes are atomic, so a
refused document leaves ``corpus/`` exactly as it was.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from kg.corpus import DocumentInfo, Passage, document_infos, has_numbered_paragraphs, parse_document
from kg.errors import UsageError, ValidationError
from kg.fileio import atomic_write_text
from kg.sources.catalog import CATALOG, LANGUAGES, check_date, read_catalog, render_catalog
from kg.workspace import Workspace

__all__ = ["AddedDocument", "add_document", "next_free_id"]


@dataclass(frozen=True)
class AddedDocument:
    info: DocumentInfo
    passages: list[Passage]
    read_as: str  # utf-8, cp1252, latin-1 or pdf
    notes: list[str]  # what was guessed or fallen back on, to tell the maintainer


def next_free_id(keys) -> str:
    """The number after the highest document id in ``keys``."""
    return f"{max((int(k) for k in keys), default=-1) + 1:03d}"


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def add_document(
    workspace: Workspace,
    path: Path,
    doc_id: str | None = None,
    title: str | None = None,
    date: str | None = None,
    symbol: str | None = None,
    language: str = "fr",
) -> AddedDocument:
    """Copy ``path`` into the corpus as ``NNN_<hash>.txt`` and record it in the catalog."""
    from kg.lock import workspace_lock
    from kg.sources.reading import read_source_text

    corpus_dir = workspace.corpus_dir
    if language not in LANGUAGES:
        raise UsageError(f"--lang '{language}': not one of {', '.join(LANGUAGES)}")
    if doc_id is not None:
        if not re.fullmatch(r"\d{1,3}", doc_id):
            raise UsageError(f"--id '{doc_id}': give a number of at most three digits, e.g. 005")
        doc_id = f"{int(doc_id):03d}"
    if date is not None:
        try:
            check_date(date, "--date")
        except ValidationError as error:
            raise UsageError(error.message) from None
    if symbol is not None and not symbol.strip():
        raise UsageError("--symbol: give the symbol the document prints, e.g. A/63/215")
    text, read_as = read_source_text(path)
    with workspace_lock(workspace, task="a corpus add"):
        entries = read_catalog(corpus_dir)
        infos = document_infos(corpus_dir)
        if doc_id is None:
            doc_id = next_free_id(infos)
        elif doc_id in infos:
            raise UsageError(f"--id {doc_id}: document {doc_id} already exists ({infos[doc_id].file})")
        normalised = _normalise(text)
        for info in infos.values():
            if _normalise((corpus_dir / info.file).read_text(encoding="utf-8")) == normalised:
                raise ValidationError(f"{path}: already in the corpus as document {info.key} ({info.file})")
        notes: list[str] = []
        if date is None:
            years = re.findall(r"\b(19[4-9]\d|20\d\d)\b", text)
            if not years:
                raise UsageError(f"{path}: no year printed in the text; give --date YYYY[-MM[-DD]]")
            date = max(years)
            notes.append(f"date {date} guessed from the latest year the text prints (give --date to fix)")
        if title is None:
            title = Path(path).stem.replace("_", " ")
            notes.append(f"title '{title}' taken from the file name (give --title to fix)")
        name = f"{doc_id}_{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}.txt"
        info = DocumentInfo(
            key=doc_id,
            file=name,
            title_fr=title if language == "fr" else None,
            title_en=title if language == "en" else None,
            date=date,
            identifier=symbol.strip() if symbol else None,
            language=language,
        )
        if not has_numbered_paragraphs(info, text):
            info = DocumentInfo(**{**info.__dict__, "paragraphs": "blank-line"})
            notes.append(
                "no numbered paragraphs found: passages are the blank-line separated blocks "
                "(labels block-1, block-2, ...)"
            )
        passages = parse_document(info, text).passages
        if not passages:
            raise ValidationError(f"{path}: the parser finds no paragraph in the text")
        entry = {
            "id": doc_id,
            "file": name,
            "title_fr": info.title_fr or "",
            "title_en": info.title_en or "",
            "date": date,
            "symbol": info.identifier or "",
            "language": language,
            "paragraphs": info.paragraphs,
        }
        catalog = render_catalog([*entries, entry])
        target = corpus_dir / name
        atomic_write_text(target, text)
        try:
            atomic_write_text(corpus_dir / CATALOG, catalog)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
    return AddedDocument(info, passages, read_as, notes)
