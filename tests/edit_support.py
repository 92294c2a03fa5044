"""Helpers shared by the edit tests: a canonical seed workspace and byte snapshots of its files."""

from __future__ import annotations

import shutil

from kg.curated import format_files
from kg.workspace import Workspace


def canonical(workspace: Workspace) -> Workspace:
    """The workspace with its curated files in canonical form (what every edit writes), and an
    empty edit log (formatting the fixture is not one of the test's edits)."""
    format_files(workspace)
    shutil.rmtree(workspace.root / ".atkg" / "journal", ignore_errors=True)
    return workspace


def snapshot(workspace: Workspace) -> dict[str, bytes]:
    """Every curated file and the ontology, byte for byte."""
    files = sorted(workspace.data_dir.glob("*")) + [workspace.ontology]
    return {str(p.relative_to(workspace.root)): p.read_bytes() for p in files if p.is_file()}


def data_text(workspace: Workspace, name: str) -> str:
    return (workspace.data_dir / name).read_text(encoding="utf-8")


def ws_args(workspace: Workspace) -> list[str]:
    return ["--workspace", str(workspace.root)]
