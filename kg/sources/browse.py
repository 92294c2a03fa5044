"""What ``atkg corpus list`` and ``atkg corpus show`` print: the catalog and how each text split."""

from __future__ import annotations

from kg.corpus import Passage, SourceText, document_key, load_corpus
from kg.errors import UsageError
from kg.workspace import Workspace

__all__ = ["document_rows", "find_document", "document_passages"]


def document_rows(workspace: Workspace) -> list[tuple[str, str, str, str, str, int, str, str]]:
    """(id, file, date, language, symbol, passages, paragraphs, title) per document."""
    return [
        (
            key,
            source.info.file,
            source.info.date,
            source.info.language,
            source.info.identifier or "",
            len(source.passages),
            source.info.paragraphs,
            source.info.title,
        )
        for key, source in sorted(load_corpus(workspace.corpus_dir).items())
    ]


def find_document(workspace: Workspace, name: str) -> SourceText:
    corpus = load_corpus(workspace.corpus_dir)
    try:
        return corpus[document_key(name, workspace.corpus_dir)]
    except KeyError:
        known = ", ".join(sorted(corpus))
        raise UsageError(f"document '{name}': not in the corpus (known: {known})") from None


def document_passages(workspace: Workspace, name: str, paragraph: str | None = None) -> list[Passage]:
    """The document's passages in reading order, or the one labelled ``paragraph``."""
    source = find_document(workspace, name)
    if paragraph is None:
        return list(source.passages)
    passage = source.get(paragraph)
    if passage is None:
        raise UsageError(f"--para '{paragraph}': document {source.info.key} has no such passage")
    return [passage]
