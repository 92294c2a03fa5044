"""Commands that check the curation against the sources: coverage, check-provenance, conflicts."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from kg.cli.common import Options, reports_errors
from kg.formats import OutputFormat

FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]


def register(app: typer.Typer) -> None:
    app.command("coverage")(coverage)
    app.command("check-provenance")(check_provenance)
    app.command("conflicts")(conflicts)


@reports_errors
def coverage(
    ctx: typer.Context,
    uncovered: Annotated[
        bool, typer.Option("--uncovered", help="List only passages that cite nothing.")
    ] = False,
    document: Annotated[
        Optional[str], typer.Option("--doc", help="Only this document (001 or its file name).")
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 if an uncovered passage names an actor or a figure.")
    ] = False,
    format: FormatOption = OutputFormat.table,
) -> None:
    """How many facts cite each paragraph; the paragraphs that cite nothing, with what they name.

    Example: atkg coverage --uncovered --doc 003
    """
    from kg.build import load_sources
    from kg.corpus import document_key
    from kg.coverage import passage_coverage
    from kg.errors import UsageError
    from kg.output import render_rows

    options: Options = ctx.obj
    workspace = options.resolve()
    rows = passage_coverage(load_sources(workspace), workspace.corpus_dir)
    if document is not None:
        try:
            key = document_key(document, workspace.corpus_dir)
        except KeyError:
            raise UsageError(
                f"--doc {document}: no such document (000 to 004 or a corpus file name)"
            ) from None
        rows = [r for r in rows if r.passage.startswith(f"passage-{key}-")]
    shown = [r for r in rows if r.facts == 0] if uncovered else rows
    table = [(r.passage, r.line, r.facts, " ".join(r.names), " ".join(r.figures)) for r in shown]
    typer.echo(render_rows(["passage", "line", "facts", "names", "figures"], table, format), nl=False)
    covered = sum(1 for r in rows if r.facts)
    pending = [r for r in rows if r.needs_curation]
    typer.echo(
        f"{covered} of {len(rows)} passages cite at least one fact; "
        f"{len(pending)} uncovered passage(s) name an actor or a figure",
        err=True,
    )
    if strict and pending:
        raise typer.Exit(1)


@reports_errors
def check_provenance(ctx: typer.Context, format: FormatOption = OutputFormat.table) -> None:
    """Does each fact's passage mention every entity of the fact? Lists the facts that fail.

    Matching is accent-, case- and OCR-tolerant; a fact whose subject carries an
    atkg:provenanceNote in that passage is accepted with its recorded reason. Exit 1 on findings.

    Example: atkg check-provenance --format csv
    """
    from kg.build import load_sources
    from kg.citations import check_citations
    from kg.output import render_rows
    from kg.provenance import passage_texts

    options: Options = ctx.obj
    workspace = options.resolve()
    quads = load_sources(workspace)
    findings = check_citations(quads, passage_texts(workspace.corpus_dir))
    facts = sum(1 for q in quads if str(q[3]).startswith("https://w3id.org/atkg/id/passage-"))
    if findings:
        rows = [(f.passage, f.subject, f.predicate, f.entity, f.reason) for f in findings]
        typer.echo(
            render_rows(["passage", "subject", "property", "entity", "problem"], rows, format), nl=False
        )
    typer.echo(f"{facts} facts checked, {len(findings)} citation problem(s)", err=True)
    if findings:
        raise typer.Exit(1)


@reports_errors
def conflicts(ctx: typer.Context, format: FormatOption = OutputFormat.table) -> None:
    """Claims the sources make differently, and what kind of difference each is.

    Each row is one value with the passages that state it and, for lists (founders, parties,
    members), those that leave it out. kind: contradiction (same claim, same time, different
    value), time (a membership list as of different dates), completeness (missing from a list
    its passage says is not exhaustive), precision (the same date at two precisions).

    Example: atkg conflicts --format csv
    """
    from kg.build import load_sources
    from kg.conflicts import count_by_kind, find_conflicts
    from kg.output import render_rows

    options: Options = ctx.obj
    found = find_conflicts(load_sources(options.resolve()))
    rows = [
        (c.kind, c.subject, c.property, c.value, " ".join(c.sources), " ".join(c.missing_from)) for c in found
    ]
    headers = ["kind", "subject", "property", "value", "stated in", "not in"]
    typer.echo(render_rows(headers, rows, format), nl=False)
    counts = count_by_kind(found)
    typer.echo(", ".join(f"{n} {kind}" for kind, n in counts.items()) + " (rows by kind)", err=True)
