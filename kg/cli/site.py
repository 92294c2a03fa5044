"""`atkg site`: the static, offline, linked site of the graph (home, entities, documents, ontology, views)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli.common import Options, reports_errors


class Language(StrEnum):
    fr = "fr"
    en = "en"


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("site")(site)


@reports_errors
def site(
    ctx: typer.Context,
    out: Annotated[
        Path,
        typer.Option("--out", "-o", help="Folder to write the site into (replaced whole; new or empty)."),
    ],
    lang: Annotated[Language, typer.Option("--lang", help="Language of labels and page text.")] = Language.en,
    store: Annotated[
        Optional[str], typer.Option("--store", help="Store location (overrides the global --store).")
    ] = None,
) -> None:
    """Write the browsable site: a page per entity and per document, the ontology, the views.

    Every fact cites its document and paragraph, with the French text quoted. The folder opens
    offline from index.html (byte-identical on rerun). Example: atkg site --out out/site --lang fr
    """
    from kg.site import write_site
    from kg.store import open_store

    options: Options = ctx.obj.with_store(store)
    workspace = options.resolve()
    summary = write_site(workspace, open_store(options.store_location(workspace)), out, lang.value)
    typer.echo(
        f"{summary.files} files, {summary.bytes} bytes: {summary.entities} entity pages, "
        f"{summary.documents} document pages, {summary.views} views, ontology.html"
    )
    typer.echo(f"Open {(Path(out) / 'index.html').resolve()} in a browser")
