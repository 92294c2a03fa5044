"""Store -> HTML files: every view plus ``index.html``, or one view, written atomically.

Pages are all rendered before any file is written, so a failure (an unknown centre, a store that
cannot be read) leaves the output folder as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.errors import UsageError
from viz.facts import FactBase, load_facts, short
from viz.graphs import VIEW_NAMES, Years, build_view, default_center
from viz.index import PageInfo, render_index
from viz.model import ViewGraph
from viz.page import render_view

__all__ = ["Page", "render_views", "write_views", "write_view", "resolve_center"]


@dataclass(frozen=True)
class Page:
    file: str
    html: str
    view: ViewGraph | None = None

    def info(self) -> PageInfo:
        assert self.view is not None
        return PageInfo(
            self.view.name,
            self.file,
            self.view.title,
            self.view.description,
            len(self.view.nodes),
            len(self.view.edges),
            len(self.html.encode("utf-8")),
        )


def resolve_center(store, base: FactBase, name: str) -> str:
    """The slug of the entity a user named (acronym, label, ISO code, slug or IRI)."""
    from kg.names import StoreResolver

    slug = short(str(StoreResolver(store).resolve(name, "entity")))
    if not base.is_labelled(slug):
        raise UsageError(f"entity '{name}' has no labels in the graph: it cannot centre the ego view")
    return slug


def render_views(base: FactBase, center: str | None = None, depth: int = 1) -> list[Page]:
    """Every view, then the index listing them (its sizes are those of the rendered pages)."""
    center = center or default_center(base)
    pages = []
    for name in VIEW_NAMES:
        view = build_view(base, name, center=center, depth=depth)
        pages.append(Page(f"{name}.html", render_view(view), view))
    index = render_index(base, [p.info() for p in pages])
    return pages + [Page("index.html", index)]


def _out_dir(out: Path) -> Path:
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out}: exists and is not a directory")
    return out


def _write(out: Path, pages: list[Page]) -> None:
    from kg.fileio import atomic_write_text

    for page in pages:
        atomic_write_text(out / page.file, page.html)


def write_views(store, out: Path, lang: str = "en") -> list[Page]:
    """Write every view and ``index.html`` into ``out``; returns the pages written."""
    out = _out_dir(out)
    pages = render_views(load_facts(store, lang))
    _write(out, pages)
    return pages


def write_view(
    store,
    name: str,
    out: Path,
    lang: str = "en",
    *,
    center: str | None = None,
    depth: int | None = None,
    years: Years = (None, None),
) -> Page:
    """Write the view ``name`` as ``out/<name>.html``; ``center``/``depth`` only for ``ego``."""
    if name not in VIEW_NAMES:
        raise UsageError(f"no view named '{name}': choose one of {', '.join(VIEW_NAMES)}")
    if name != "ego" and (center is not None or depth is not None):
        raise UsageError("--center and --depth apply to the ego view only")
    if name == "ego" and center is None:
        raise UsageError("the ego view needs --center ENTITY (an acronym, label, ISO code or slug)")
    if depth is not None and depth < 1:
        raise UsageError(f"--depth must be 1 or more, not {depth}")
    out = _out_dir(out)
    base = load_facts(store, lang)
    slug = resolve_center(store, base, center) if center is not None else None
    view = build_view(base, name, center=slug, depth=depth or 1, years=years)
    page = Page(f"{name}.html", render_view(view), view)
    _write(out, [page])
    return page
