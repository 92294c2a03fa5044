"""Where the knowledge graph lives: the curated sources and the built store.

A workspace is the directory holding ``ontology/atkg.ttl`` and the curated data under
``kg/data/``. The CLI finds it from the current directory upwards, as git finds a repository, so
maintainers can run ``atkg`` anywhere inside a checkout.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kg.errors import UsageError

__all__ = ["Workspace", "find_workspace"]


@dataclass(frozen=True)
class Workspace:
    root: Path
    store_override: Path | None = None

    @property
    def ontology(self) -> Path:
        return self.root / "ontology" / "atkg.ttl"

    @property
    def shapes(self) -> Path:
        return self.root / "ontology" / "shapes.ttl"

    @property
    def data_dir(self) -> Path:
        return self.root / "kg" / "data"

    @property
    def corpus_dir(self) -> Path:
        return self.root / "corpus"

    @property
    def queries_dir(self) -> Path:
        return self.root / "queries"

    @property
    def checks_dir(self) -> Path:
        return self.root / "queries" / "checks"

    @property
    def store(self) -> Path:
        return self.store_override or self.root / ".atkg" / "store"

    def data_files(self) -> list[Path]:
        """Curated TriG files in a fixed order, so every build reads them the same way."""
        return sorted(self.data_dir.glob("*.trig"))


def _is_workspace(path: Path) -> bool:
    return (path / "ontology" / "atkg.ttl").is_file() and (path / "kg" / "data").is_dir()


def find_workspace(explicit: Path | None = None, store: Path | None = None) -> Workspace:
    """The workspace named by ``--workspace``/``ATKG_WORKSPACE``, else the nearest one upwards."""
    if explicit is None and os.environ.get("ATKG_WORKSPACE"):
        explicit = Path(os.environ["ATKG_WORKSPACE"])
    if explicit is not None:
        root = explicit.expanduser().resolve()
        if not _is_workspace(root):
            raise UsageError(f"{explicit}: not an atkg workspace (no ontology/atkg.ttl and kg/data/)")
        return Workspace(root, store.resolve() if store else None)
    here = Path.cwd().resolve()
    for candidate in (here, *here.parents):
        if _is_workspace(candidate):
            return Workspace(candidate, store.resolve() if store else None)
    raise UsageError(f"{here}: no atkg workspace here or above (give --workspace DIR or set ATKG_WORKSPACE)")
