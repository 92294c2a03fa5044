"""The `atkg` command: a thin layer that parses, calls one library function and prints.

Heavy libraries (rdflib, pyshacl, owlready2, networkx, pyvis) are imported inside the commands
that need them, so `atkg --help` stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli import common

app = typer.Typer(
    name="atkg",
    help="atkg: the anti-trafficking knowledge graph. Build, query and curate a graph of who "
    "coordinates with whom against human trafficking, every fact citing its paragraph.",
    rich_markup_mode=None,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def main(
    ctx: typer.Context,
    workspace: Annotated[
        Optional[Path],
        typer.Option(
            "--workspace",
            "-w",
            help="Workspace directory (default: found upwards from the current one, or $ATKG_WORKSPACE).",
        ),
    ] = None,
    store: Annotated[
        Optional[str],
        typer.Option(
            "--store",
            help="Store location (default: <workspace>/.atkg/store); an http(s) URL means a SPARQL endpoint.",
        ),
    ] = None,
) -> None:
    ctx.obj = common.Options(workspace, store)


# One module per group of commands; each adds its commands to the app.
from kg.cli import corpus, curation, edit, graph, ingest, nary, publish, query, site, views  # noqa: E402

for _module in (graph, curation, query, views, edit, nary, publish, site, corpus, ingest):
    _module.register(app)
