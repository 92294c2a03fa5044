"""``atkg site``: the whole static site rendered in memory, then swapped into place at once.

The folder is replaced as a whole (written beside it, then renamed), so a reader never sees half a
site, a failure leaves the old one untouched, and an entity that left the graph leaves no page
behind. A folder that is not empty and holds no ``index.html`` is refused: it is not ours to
replace.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kg.errors import UsageError

__all__ = ["SiteSummary", "render_site", "write_site"]


@dataclass(frozen=True)
class SiteSummary:
    out: Path
    entities: int
    documents: int
    views: int
    files: int
    bytes: int


def render_site(store, lang: str) -> dict[str, str]:
    """Every file of the site (relative path -> HTML), for one language."""
    from kg.conflicts import find_conflicts
    from kg.site.data import read_site_data
    from kg.site.pages import SitePages, file_name
    from viz.facts import load_facts
    from viz.publish import render_views

    if lang not in ("fr", "en"):
        raise UsageError(f"language '{lang}' is not available: use fr or en")
    quads = list(store.quads())
    data = read_site_data(quads)
    conflicts = find_conflicts(quads)
    views = render_views(load_facts(store, lang))
    infos = [
        (p.file, p.view.title, p.view.description, len(p.view.nodes)) for p in views if p.view is not None
    ]
    pages = SitePages(data, lang, conflicts, infos)
    files = {"index.html": pages.home(), "ontology.html": pages.ontology()}
    for page in views:
        files[f"views/{page.file}"] = page.html
    for slug in data.entities:
        files[f"id/{file_name(slug)}"] = pages.entity(slug)
    for slug in sorted(data.documents):
        files[f"doc/{file_name(slug)}"] = pages.document(slug)
    return files


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out}: exists and is not a directory")
    if out.is_dir() and any(out.iterdir()) and not (out / "index.html").is_file():
        raise UsageError(
            f"--out {out}: the folder is not empty and holds no index.html; "
            "atkg site replaces its folder whole, so give it a new or empty one"
        )


def write_site(workspace, store, out_dir: Path, lang: str = "en") -> SiteSummary:
    """Write the site for ``lang`` into ``out_dir`` (replaced whole); return what was written.

    ``workspace`` is where the store came from; the site needs nothing else from it today, but
    callers (``atkg site``, ``atkg serve``) pass it so the site can grow (corpus files, queries).
    """
    out = Path(out_dir)
    _check_out(out)
    files = render_site(store, lang)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        for relative, html in sorted(files.items()):
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(html, encoding="utf-8")
        os.chmod(staging, 0o755)
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old.", dir=out.parent))
            os.rename(out, old / "site")
            os.rename(staging, out)
            shutil.rmtree(old)
        else:
            os.rename(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return SiteSummary(
        out=out,
        entities=sum(1 for f in files if f.startswith("id/")),
        documents=sum(1 for f in files if f.startswith("doc/")),
        views=sum(1 for f in files if f.startswith("views/") and f != "views/index.html"),
        files=len(files),
        bytes=sum(len(h.encode("utf-8")) for h in files.values()),
    )
