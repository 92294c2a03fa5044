"""Commands of the views group: `atkg views` (all views + index.html) and `atkg view NAME`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli.common import Options, reports_errors


class Language(StrEnum):
    fr = "fr"
    en = "en"


class ViewName(StrEnum):
    mechanisms = "mechanisms"
    partnerships = "partnerships"
    countries = "countries"
    ego = "ego"
    timeline = "timeline"
    comembership = "comembership"
    funding = "funding"


OutOption = Annotated[
    Path, typer.Option("--out", "-o", help="Folder to write the HTML files into (created if missing).")
]
LangOption = Annotated[Language, typer.Option("--lang", help="Language of labels and page text.")]
StoreOption = Annotated[
    Optional[str], typer.Option("--store", help="Store location (overrides the global --store).")
]


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("views")(views)
    app.command("view")(view)


def _summary(page) -> str:
    info = page.info()
    return f"{info.file}  {info.nodes} nodes, {info.edges} edges, {info.bytes} bytes"


@reports_errors
def views(
    ctx: typer.Context, out: OutOption, lang: LangOption = Language.en, store: StoreOption = None
) -> None:
    """Write every network view and an index.html into a folder; each file opens offline.

    Views: mechanisms, partnerships, countries, ego (centred on the best-connected actor),
    timeline, comembership, funding. Click a node or a tie for its facts and the paragraphs that
    state them; entity links point to ../id/<slug>.html, as `atkg site` lays them out.
    Example: atkg views --out out/views --lang fr
    """
    from kg.store import open_store
    from viz.publish import write_views

    options: Options = ctx.obj.with_store(store)
    workspace = options.resolve()
    pages = write_views(open_store(options.store_location(workspace)), out, lang.value)
    for page in pages:
        typer.echo(
            _summary(page) if page.view is not None else f"{page.file}  {len(page.html.encode())} bytes"
        )
    typer.echo(f"Open {(Path(out) / 'index.html').resolve()} in a browser")


@reports_errors
def view(
    ctx: typer.Context,
    name: Annotated[ViewName, typer.Argument(help="Which view.", case_sensitive=False)],
    out: OutOption,
    lang: LangOption = Language.en,
    center: Annotated[
        Optional[str],
        typer.Option(
            "--center", help="ego only: the entity at the centre (acronym, label, ISO code or slug)."
        ),
    ] = None,
    depth: Annotated[
        Optional[int], typer.Option("--depth", help="ego only: how many ties away to go (default 1).")
    ] = None,
    year_from: Annotated[
        Optional[int],
        typer.Option("--from", help="Leave out ties dated before this year (undated ties stay)."),
    ] = None,
    year_to: Annotated[
        Optional[int], typer.Option("--to", help="Leave out ties dated after this year (undated ties stay).")
    ] = None,
    store: StoreOption = None,
) -> None:
    """Write one network view as OUT/NAME.html.

    Example: atkg view ego --center UNODC --depth 2 --out out/views

    Example: atkg view timeline --from 2008 --to 2012 --out out/views --lang fr
    """
    from kg.store import open_store
    from viz.publish import write_view

    options: Options = ctx.obj.with_store(store)
    workspace = options.resolve()
    page = write_view(
        open_store(options.store_location(workspace)),
        name.value,
        out,
        lang.value,
        center=center,
        depth=depth,
        years=(year_from, year_to),
    )
    typer.echo(_summary(page))
