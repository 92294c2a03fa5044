"""``atkg ingest`` and ``atkg review``: the machine proposes, the maintainer decides."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from kg.cli.common import Options, reports_errors

review_app = typer.Typer(
    help="List, accept, reject and edit the candidates `atkg ingest` proposed.", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.add_typer(review_app, name="review")


@reports_errors
def ingest(
    ctx: typer.Context,
    document: Annotated[str, typer.Argument(help="Document id (005) or file name.")],
) -> None:
    """Read a document and write candidate entities and facts to kg/review/<ID>.json.

    Nothing enters the curated data until accepted with `atkg review accept`.
    Example: atkg ingest 005 && atkg review list 005
    """
    from kg.ingest.pipeline import ingest_document

    options: Options = ctx.obj
    workspace = options.resolve()
    summary = ingest_document(workspace, document)
    shown = summary.path.relative_to(workspace.root)
    typer.echo(
        f"{shown}: {summary.known} known-entity mentions, {summary.new} new entities, "
        f"{summary.facts} facts proposed"
        + (f" ({summary.kept} earlier decisions kept)" if summary.kept else "")
    )


@review_app.command("list")
@reports_errors
def review_list(
    ctx: typer.Context,
    document: Annotated[str, typer.Argument(help="Document id.")],
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    status: Annotated[
        Optional[str], typer.Option("--status", help="Only pending, accepted or rejected.")
    ] = None,
) -> None:
    """The candidates of a document's queue (json: one array, as stored)."""
    import json

    from kg.errors import UsageError
    from kg.ingest.queue import STATUSES
    from kg.ingest.review import list_candidates
    from kg.output import render_rows

    if format not in ("table", "json"):
        raise UsageError(f"--format '{format}': give table or json")
    if status is not None and status not in STATUSES:
        raise UsageError(f"--status '{status}': give {', '.join(STATUSES)}")
    options: Options = ctx.obj
    candidates = list_candidates(options.resolve(), document, status)
    if format == "json":
        typer.echo(json.dumps(candidates, ensure_ascii=False, indent=2, sort_keys=True))
        return
    from kg.formats import OutputFormat

    rows = [
        (
            c["id"],
            c["passage"],
            c["status"],
            f"{c['confidence']:.2f}",
            (c["entity"] or f"NEW {c['proposed_slug']} ({c['type']})") + f" «{c['text']}»"
            if c["kind"] == "entity"
            else f"{c['subject']} {c['predicate']} {c['object']}",
            c.get("reason", ""),
        )
        for c in candidates
    ]
    typer.echo(
        render_rows(["id", "passage", "status", "conf", "proposal", "reason"], rows, OutputFormat.table),
        nl=False,
    )


@review_app.command("accept")
@reports_errors
def review_accept(
    ctx: typer.Context,
    document: Annotated[str, typer.Argument(help="Document id.")],
    candidates: Annotated[Optional[list[str]], typer.Argument(help="Candidate ids (e-..., f-...).")] = None,
    every: Annotated[bool, typer.Option("--all", help="Every pending candidate.")] = False,
    min_confidence: Annotated[
        Optional[float],
        typer.Option("--min-confidence", help="Every pending candidate at least this confident."),
    ] = None,
) -> None:
    """Write candidates into the curated data through the edit layer (validated, atomic).

    A candidate the edit layer refuses stays pending with the reason; the others are accepted.
    Exit 1 if any was refused.
    """
    from kg.errors import UsageError
    from kg.ingest.review import accept

    if candidates and (every or min_confidence is not None):
        raise UsageError("give candidate ids, or --all / --min-confidence, not both")
    options: Options = ctx.obj
    outcome = accept(options.resolve(), document, candidates or None, every, min_confidence)
    for line in outcome.summary:
        typer.echo(f"accepted {line}")
    for candidate_id, reason in sorted(outcome.refused.items()):
        typer.echo(f"refused {candidate_id}: {reason}", err=True)
    typer.echo(
        f"{len(outcome.accepted)} accepted, {len(outcome.refused)} refused (left pending with the reason)"
    )
    if outcome.refused:
        raise typer.Exit(1)


@review_app.command("reject")
@reports_errors
def review_reject(
    ctx: typer.Context,
    document: Annotated[str, typer.Argument(help="Document id.")],
    candidates: Annotated[list[str], typer.Argument(help="Candidate ids.")],
) -> None:
    """Mark candidates rejected (kept in the queue so a re-ingest does not propose them afresh)."""
    from kg.ingest.review import reject

    options: Options = ctx.obj
    done = reject(options.resolve(), document, candidates)
    typer.echo(f"rejected {' '.join(done)}")


@review_app.command("edit")
@reports_errors
def review_edit(
    ctx: typer.Context,
    document: Annotated[str, typer.Argument(help="Document id.")],
    candidate: Annotated[str, typer.Argument(help="Candidate id.")],
    slug: Annotated[Optional[str], typer.Option("--slug", help="Entity: the slug to mint.")] = None,
    type_name: Annotated[
        Optional[str], typer.Option("--type", help="Entity: its class, e.g. atkg:Fund.")
    ] = None,
    label_fr: Annotated[Optional[str], typer.Option("--label-fr", help="Entity: French label.")] = None,
    label_en: Annotated[Optional[str], typer.Option("--label-en", help="Entity: English label.")] = None,
    subject: Annotated[Optional[str], typer.Option("--subject", help="Fact: subject slug.")] = None,
    predicate: Annotated[Optional[str], typer.Option("--predicate", help="Fact: property.")] = None,
    object_: Annotated[Optional[str], typer.Option("--object", help="Fact: object slug or value.")] = None,
) -> None:
    """Correct a pending candidate before accepting it (a new slug follows into the queue's facts)."""
    import json

    from kg.ingest.review import edit_candidate

    options: Options = ctx.obj
    changes = {
        "slug": slug,
        "type": type_name,
        "label_fr": label_fr,
        "label_en": label_en,
        "subject": subject,
        "predicate": predicate,
        "object": object_,
    }
    changed = edit_candidate(options.resolve(), document, candidate, changes)
    typer.echo(json.dumps(changed, ensure_ascii=False, indent=2, sort_keys=True))
