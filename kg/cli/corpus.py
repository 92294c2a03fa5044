"""``atkg corpus add|list|show``: add a report to the corpus without touching code."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli.common import Options, reports_errors
from kg.formats import OutputFormat

corpus_app = typer.Typer(
    help="Add source documents and see how they split into passages.", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    app.add_typer(corpus_app, name="corpus")


@corpus_app.command("add")
@reports_errors
def add(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A .txt (UTF-8 or Windows-1252) or a .pdf with a text layer.")],
    doc_id: Annotated[
        Optional[str], typer.Option("--id", help="Three-digit id (default: next free).")
    ] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="Title in the document's language.")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    symbol: Annotated[Optional[str], typer.Option("--symbol", help="UN symbol the text prints.")] = None,
    lang: Annotated[str, typer.Option("--lang", help="Language of the text: fr or en.")] = "fr",
) -> None:
    """Copy FILE into corpus/ and record it in corpus/documents.toml; in the graph at the next build.

    Example: atkg corpus add rapport.pdf --title "Rapport du SG" --date 2011-07 --symbol A/66/194
    """
    from kg.sources.adding import add_document

    options: Options = ctx.obj
    workspace = options.resolve()
    added = add_document(workspace, file, doc_id, title, date, symbol, lang)
    info = added.info
    typer.echo(
        f"added document {info.key}: corpus/{info.file} ({added.read_as}, {len(added.passages)} passages, "
        f"{info.paragraphs} paragraphs)"
    )
    for note in added.notes:
        typer.echo(f"note: {note}")
    typer.echo(f"next: `atkg build`, then cite it as --source {info.key}:{added.passages[0].label}")


@corpus_app.command("list")
@reports_errors
def list_documents(
    ctx: typer.Context,
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.table,
) -> None:
    """The documents of the corpus: id, file, date, language, symbol, passages, title."""
    from kg.output import render_rows
    from kg.sources.browse import document_rows

    options: Options = ctx.obj
    rows = document_rows(options.resolve())
    header = ["id", "file", "date", "language", "symbol", "passages", "paragraphs", "title"]
    typer.echo(render_rows(header, rows, format), nl=False)


@corpus_app.command("show")
@reports_errors
def show(
    ctx: typer.Context,
    document: Annotated[str, typer.Argument(help="Document id (005) or file name.")],
    para: Annotated[
        Optional[str], typer.Option("--para", help="Only this passage label (12, fn-3, block-2).")
    ] = None,
) -> None:
    """How a document was split: each passage with its label (the DOC:PARA that facts cite) and line."""
    from kg.sources.browse import document_passages

    options: Options = ctx.obj
    for passage in document_passages(options.resolve(), document, para):
        typer.echo(f"[{passage.doc}:{passage.label}] (line {passage.line}) {passage.text}\n")
