"""`atkg publish`: the built graph into another triple store (SPARQL 1.1 Graph Store Protocol)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from kg.cli.common import Options, reports_errors


def register(app: typer.Typer) -> None:
    app.command("publish")(publish)


@reports_errors
def publish(
    ctx: typer.Context,
    store: Annotated[
        Optional[str],
        typer.Option(
            "--store",
            help="Graph Store Protocol endpoint to write to (Virtuoso: "
            "http://HOST:8890/sparql-graph-crud-auth; Oxigraph server: http://HOST:7878/store).",
        ),
    ] = None,
) -> None:
    """Put every graph of the built store into a remote triple store, one PUT per named graph.

    Publishing again replaces each graph rather than adding to it. Credentials come from the
    environment variables ATKG_STORE_USER and ATKG_STORE_PASSWORD, never from the command line.
    Afterwards query the remote store with `atkg --store http://HOST:8890/sparql query run ...`.

    Example: ATKG_STORE_USER=dba ATKG_STORE_PASSWORD=... atkg publish --store http://127.0.0.1:8890/sparql-graph-crud-auth
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from kg.errors import UsageError
    from kg.publish import publish as run_publish
    from kg.remote import credentials
    from kg.store import open_store

    options: Options = ctx.obj
    target = store or options.store
    if not target or not target.startswith(("http://", "https://")):
        raise UsageError("publish needs --store URL, the Graph Store Protocol endpoint of the remote store")
    login = credentials()
    workspace = Options(options.workspace, None).resolve()
    source = open_store(workspace.store)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=_stderr_console(), transient=True) as bar:
        task = bar.add_task("publishing graphs", total=None)

        def advance(done: int, total: int, graph: str) -> None:
            bar.update(task, completed=done, total=total)

        report = run_publish(source, target, login, advance)
    typer.echo(
        f"Published {report.graphs} graphs ({report.triples} triples) to {target} in {report.seconds:.2f} s"
    )


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True, markup=False, highlight=False)
