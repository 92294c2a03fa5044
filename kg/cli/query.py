"""Commands for analysts: the named query pack (`query`), network measures (`analyze`), `serve`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli.common import Options, reports_errors
from kg.formats import Language, OutputFormat

query_app = typer.Typer(
    help="Named questions in queries/*.rq, run by name with plain-language parameters.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
analyze_app = typer.Typer(
    help="Network measures over the coordination network (actors, mechanisms and the ties between them).",
    no_args_is_help=True,
    rich_markup_mode=None,
)

StoreOption = Annotated[
    Optional[str], typer.Option("--store", help="Store location (overrides the global --store).")
]
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]
TimeoutOption = Annotated[
    float, typer.Option("--timeout", help="Stop the query after this many seconds (0: no limit).")
]


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.add_typer(query_app, name="query")
    app.add_typer(analyze_app, name="analyze")
    app.command("serve")(serve)


@query_app.command("list")
@reports_errors
def list_queries(
    ctx: typer.Context,
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="table or json.")
    ] = OutputFormat.table,
) -> None:
    """List the named queries with their titles (json: descriptions and parameters too).

    Example: atkg query list --format json
    """
    from kg.errors import UsageError
    from kg.output import render_rows
    from kg.querypack import load_pack

    pack = load_pack(ctx.obj.resolve().queries_dir)
    if format == OutputFormat.json:
        typer.echo(json.dumps([q.as_dict() for q in pack.values()], ensure_ascii=False, indent=2))
    elif format == OutputFormat.table:
        rows = [
            (q.name, q.title, " ".join(f"{p.name}={p.default}" for p in q.parameters)) for q in pack.values()
        ]
        typer.echo(render_rows(["name", "title", "parameters (defaults)"], rows, format), nl=False)
    else:
        raise UsageError("atkg query list: --format is table or json")


@query_app.command("show")
@reports_errors
def show_query(ctx: typer.Context, name: Annotated[str, typer.Argument(help="The query's name.")]) -> None:
    """Print a named query: its header (title, description, parameters, example) and its SPARQL.

    Example: atkg query show members-of-mechanism
    """
    from kg.querypack import find_query, load_pack

    typer.echo(find_query(load_pack(ctx.obj.resolve().queries_dir), name).text, nl=False)


@query_app.command("run")
@reports_errors
def run_query(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The query's name (see atkg query list).")],
    param: Annotated[
        Optional[list[str]], typer.Option("--param", "-p", help="NAME=VALUE; repeat for each parameter.")
    ] = None,
    format: FormatOption = OutputFormat.table,
    lang: Annotated[
        Language, typer.Option("--lang", help="Language of labels and of a table's headings.")
    ] = Language.en,
    with_sources: Annotated[
        bool, typer.Option("--with-sources", help="Add the document and paragraph behind each row.")
    ] = False,
    timeout: TimeoutOption = 30.0,
    store: StoreOption = None,
) -> None:
    """Run a named query. Entity parameters take an acronym, a label (fr or en), a slug or an IRI.

    Formats are those of atkg sparql (json: W3C SPARQL results JSON). Entities show as their
    labels in --lang (table) or get a <column>_label column beside their IRI (csv, tsv, json);
    a table heads its columns in --lang, csv, tsv and json keep the query's variable names;
    --with-sources adds the document (and its title) and the paragraph (and its text).

    Example: atkg query run members-of-mechanism --param mechanism=ICAT --param as_of=2010-01-01
    """
    from kg.output import render_result, render_table
    from kg.resultlabels import LabelledResult, run_labelled, table_rows

    options: Options = ctx.obj.with_store(store)
    workspace = options.resolve()
    location = options.store_location(workspace)
    labelled = run_labelled(
        workspace.queries_dir, location, name, param or [], lang.value, with_sources, timeout
    )
    if not isinstance(labelled, LabelledResult):
        typer.echo(render_result(labelled, format), nl=False)
        return
    if format == OutputFormat.table:
        typer.echo(render_table(*table_rows(labelled, lang.value), lang.value), nl=False)
    else:
        typer.echo(render_result(labelled.solutions(), format), nl=False)


def _analyze(
    ctx: typer.Context, store: str | None, measure: str, format: OutputFormat, lang: Language, **options
) -> None:
    from kg.network import analyze
    from kg.output import render_rows
    from kg.store import open_store

    settings: Options = ctx.obj.with_store(store)
    workspace = settings.resolve()
    location = settings.store_location(workspace)
    # a table says when betweenness is estimated; csv, tsv and json keep one key for the column
    estimate_note = format == OutputFormat.table
    headers, rows = analyze(
        open_store(location), measure, lang=lang.value, estimate_note=estimate_note, **options
    )
    typer.echo(render_rows(headers, rows, format, lang.value), nl=False)


TopOption = Annotated[Optional[int], typer.Option("--top", min=1, help="Only the first N rows.")]
LangOption = Annotated[
    Language,
    typer.Option("--lang", help="Language of headings, kinds, relations and labels (fr or en)."),
]


@analyze_app.command("centrality")
@reports_errors
def centrality(
    ctx: typer.Context,
    top: TopOption = None,
    format: FormatOption = OutputFormat.table,
    lang: LangOption = Language.en,
    store: StoreOption = None,
) -> None:
    """Degree, betweenness and eigenvector centrality of every actor and mechanism.

    Example: atkg analyze centrality --top 10 --lang fr
    """
    _analyze(ctx, store, "centrality", format, lang, top=top)


@analyze_app.command("brokers")
@reports_errors
def brokers(
    ctx: typer.Context,
    top: TopOption = None,
    format: FormatOption = OutputFormat.table,
    lang: LangOption = Language.en,
    store: StoreOption = None,
) -> None:
    """Actors that link two or more mechanisms, with their betweenness.

    Example: atkg analyze brokers --format csv
    """
    _analyze(ctx, store, "brokers", format, lang, top=top)


@analyze_app.command("overlap")
@reports_errors
def overlap(
    ctx: typer.Context,
    top: TopOption = None,
    format: FormatOption = OutputFormat.table,
    lang: LangOption = Language.en,
    store: StoreOption = None,
) -> None:
    """Membership overlap (Jaccard index) between every two mechanisms that share a member.

    Example: atkg analyze overlap
    """
    _analyze(ctx, store, "overlap", format, lang, top=top)


@analyze_app.command("communities")
@reports_errors
def communities(
    ctx: typer.Context,
    seed: Annotated[int, typer.Option("--seed", help="Louvain random seed.")] = 42,
    format: FormatOption = OutputFormat.table,
    lang: LangOption = Language.en,
    store: StoreOption = None,
) -> None:
    """Communities of the coordination network (Louvain, seeded: the same answer every run).

    Example: atkg analyze communities --seed 42
    """
    _analyze(ctx, store, "communities", format, lang, seed=seed)


@analyze_app.command("path")
@reports_errors
def path(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(help="The first actor (acronym, label, slug or IRI).")],
    target: Annotated[str, typer.Argument(help="The second actor.")],
    format: FormatOption = OutputFormat.table,
    lang: LangOption = Language.en,
    store: StoreOption = None,
) -> None:
    """The shortest path between two actors, each hop with its facts and their source passages.

    Example: atkg analyze path UNODC Frontex
    """
    _analyze(ctx, store, "path", format, lang, source=source, target=target)


@reports_errors
def serve(
    ctx: typer.Context,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (default: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 7878,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Stop a query after this many seconds (0: no limit).")
    ] = 30.0,
    site: Annotated[
        Optional[Path],
        typer.Option(
            "--site",
            help="Serve this folder as the site, as it is (default: <workspace>/.atkg/site, written "
            "from the store and rewritten whenever a build swaps in a new one).",
        ),
    ] = None,
    lang: Annotated[
        str, typer.Option("--lang", help="Language of the default site's pages: fr or en.")
    ] = "en",
    store: StoreOption = None,
) -> None:
    """Serve the graph over HTTP: the site at /, entities at /id/<slug>, SPARQL at /query.

    /query speaks the SPARQL 1.1 Protocol (GET and POST; JSON, XML, CSV, TSV, Turtle, N-Triples by
    Accept) with the prefixes and time limit of atkg sparql; /sparql is a query page whose examples
    are the named questions; /id/<slug> answers a browser with the entity's page and an RDF client
    with Turtle, N-Triples or JSON-LD. Read-only: updates and the Graph Store Protocol are refused;
    SERVICE is refused. A rebuilt store is served without a restart. SIGTERM or Ctrl-C stops it
    and every worker process.

    Example: atkg serve --port 7878   (then open http://127.0.0.1:7878/)
    """
    from kg.endpoint.server import serve as run_server
    from kg.errors import UsageError
    from kg.guard import check_timeout

    options: Options = ctx.obj.with_store(store)
    workspace = options.resolve()
    location = options.store_location(workspace)
    if isinstance(location, str):
        raise UsageError(f"atkg serve serves a local store, not {location}")
    limit = check_timeout(timeout)
    if lang not in ("fr", "en"):
        raise UsageError(f"--lang {lang}: use fr or en")
    announce = lambda line: typer.echo(line, err=True)  # noqa: E731
    prepare = None
    if site is None:
        from functools import partial

        from kg.site.current import keep_site_current

        site = workspace.root / ".atkg" / "site"
        prepare = partial(keep_site_current, workspace, location, site, lang, announce)
    raise typer.Exit(
        run_server(
            location, host, port, limit, announce, site=site, queries=workspace.queries_dir, prepare=prepare
        )
    )
