"""The site `atkg serve` shows, kept in step with the store it serves.

The endpoint answers SPARQL from whatever store the last build swapped in; its pages would go
stale unless they follow. A stamp beside the pages records the store generation (from the store's
marker) and the language they were written from; a page set whose stamp differs is written again.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

from kg.errors import KgError

__all__ = ["STAMP", "SiteKeeper", "keep_site_current", "read_stamp", "refresh_site"]

STAMP = ".atkg-site.json"


def read_stamp(out: Path) -> dict | None:
    try:
        return json.loads((out / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def refresh_site(workspace, store_path: Path, out: Path, lang: str) -> bool:
    """Write the site into ``out`` unless it was written from this store generation and language."""
    from kg.fileio import atomic_write_text
    from kg.site.write import write_site
    from kg.store import open_store
    from kg.storedir import generation

    wanted = {"generation": generation(Path(store_path)), "lang": lang}
    if wanted["generation"] is not None and read_stamp(out) == wanted:
        return False
    write_site(workspace, open_store(store_path), out, lang)
    atomic_write_text(out / STAMP, json.dumps(wanted, sort_keys=True) + "\n")
    return True


class SiteKeeper(threading.Thread):
    """Rewrites the site whenever a build swaps in a new store, while the server runs."""

    def __init__(
        self,
        workspace,
        store_path: Path,
        out: Path,
        lang: str,
        announce: Callable[[str], None] | None = None,
        interval: float = 2.0,
    ) -> None:
        super().__init__(name="atkg-site-keeper", daemon=True)
        self.args = (workspace, Path(store_path), Path(out), lang)
        self.announce = announce
        self.interval = interval
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(self.interval):
            try:
                if refresh_site(*self.args) and self.announce:
                    self.announce(f"The store was rebuilt: site rewritten in {self.args[2]}")
            except KgError as error:  # a build half-way through its swap: try again next time
                if self.announce:
                    self.announce(f"Site not rewritten yet: {error}")

    def stop(self) -> None:
        self.stopped.set()


def keep_site_current(
    workspace, store_path: Path, out: Path, lang: str, announce: Callable[[str], None] | None = None
) -> SiteKeeper:
    """Bring the site up to date now, then keep it so in the background; the running keeper."""
    if refresh_site(workspace, store_path, out, lang) and announce:
        announce(f"Site written in {out} ({lang})")
    keeper = SiteKeeper(workspace, store_path, out, lang, announce)
    keeper.start()
    return keeper
