"""Commands on the whole graph: build, sparql, export, stats."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli.common import Options, reports_errors, write_output
from kg.formats import ExportFormat, OutputFormat

StoreOption = Annotated[
    Optional[str],
    typer.Option("--store", help="Store location (overrides the global --store)."),
]


def register(app: typer.Typer) -> None:
    app.command("build")(build)
    app.command("sparql")(sparql)
    app.command("export")(export)
    app.command("stats")(stats)


@reports_errors
def build(ctx: typer.Context, store: StoreOption = None) -> None:
    """Build the store from the ontology, the curated data and the corpus; check it; swap it in.

    Example: atkg build --store /tmp/atkg-store
    """
    from kg.build import build as run_build
    from kg.output import render_rows

    options: Options = ctx.obj.with_store(store)
    if options.store and options.store.startswith(("http://", "https://")):
        from kg.errors import UsageError

        raise UsageError(
            f"--store {options.store}: build writes a local store; build without --store, then "
            "`atkg publish --store URL` puts the graph into a remote store"
        )
    workspace = options.resolve()
    report = run_build(workspace, progress=lambda step: typer.echo(f"... {step}", err=True))
    typer.echo(f"Built {workspace.store} in {report.seconds:.2f} s: {report.quads} quads")
    typer.echo("\nTriples per graph")
    typer.echo(render_rows(["graph", "triples"], list(report.graphs.items()), OutputFormat.table), nl=False)
    typer.echo("\nIndividuals per class")
    typer.echo(
        render_rows(["class", "individuals"], list(report.classes.items()), OutputFormat.table), nl=False
    )


@reports_errors
def sparql(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="A SPARQL query, or the path of a .rq/.sparql file.")],
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.table,
    store: StoreOption = None,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Stop the query after this many seconds (0: no limit).")
    ] = 30.0,
) -> None:
    """Run a read-only SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) on the store.

    Queries without GRAPH see the union of all graphs (FROM / FROM NAMED choose graphs). json is
    the W3C SPARQL results JSON, csv/tsv the W3C CSV/TSV results; CONSTRUCT and DESCRIBE print
    Turtle. A query running longer than --timeout seconds is stopped (exit 1). Refused before
    running: updates, SERVICE (nothing leaves the machine), more than 256 KiB or 200 nested
    brackets.

    Example: atkg sparql "SELECT ?m WHERE { ?m org:memberOf id:icat }" --format csv
    """
    from kg.output import render_result
    from kg.sparql import read_query_text, run_query_at

    options: Options = ctx.obj.with_store(store)
    workspace = options.resolve()
    result = run_query_at(options.store_location(workspace), read_query_text(query), timeout)
    typer.echo(render_result(result, format), nl=False)


@reports_errors
def export(
    ctx: typer.Context,
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Serialisation.")
    ] = ExportFormat.trig,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
    store: StoreOption = None,
) -> None:
    """Export every graph (ontology, entities, passages, provenance, inferred), reproducibly.

    turtle flattens all graphs into their union. gexf, graphml and csv write the coordination
    network instead (nodes with type and fr/en labels; edges with relations, weight, passages):
    open the .gexf in Gephi with File > Open. Example: atkg export --format nquads -o kg.nq
    """
    from kg.export import export_text
    from kg.store import open_store

    options: Options = ctx.obj.with_store(store)
    workspace = options.resolve()
    write_output(export_text(open_store(options.store_location(workspace)), format), output)


@reports_errors
def stats(
    ctx: typer.Context,
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.table,
    store: StoreOption = None,
) -> None:
    """Counts by class, triples by graph, facts per source document, and the share of prose-only facts.

    Example: atkg stats --format csv
    """
    from kg.output import render_rows
    from kg.stats import graph_stats
    from kg.store import open_store

    options: Options = ctx.obj.with_store(store)
    workspace = options.resolve()
    figures = graph_stats(open_store(options.store_location(workspace)))
    typer.echo("Individuals per class")
    typer.echo(render_rows(["class", "individuals"], figures.by_class, format), nl=False)
    typer.echo("\nTriples per graph")
    typer.echo(render_rows(["graph", "triples"], figures.by_graph, format), nl=False)
    typer.echo("\nFacts per source document")
    typer.echo(
        render_rows(["document", "file", "facts", "passages cited", "passages"], figures.by_document, format),
        nl=False,
    )
    typer.echo("\nFact units (what one passage says of one subject) that are only a description")
    prose = [(figures.prose.units, figures.prose.prose_only, f"{figures.prose.percent:.1f}")]
    typer.echo(render_rows(["fact units", "prose-only", "percent"], prose, format), nl=False)
