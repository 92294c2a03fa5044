"""The workspace the view tests draw: the seed fixture plus tests/data/views (hostile labels)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.workspace import Workspace
from tests.conftest import DATA, make_workspace

HOSTILE_LABELS = {
    "ngo-hostile": {"en": "</script><script>alert(1)</script>", "fr": "<img src=x onerror=alert(1)>"},
    "programme-hostile": {"en": "<img src=x onerror=alert(2)>", "fr": "</script><script>alert(2)</script>"},
}


def view_data_files() -> dict[str, str]:
    files = {}
    for folder in (DATA / "seed", DATA / "views"):
        for path in sorted(folder.glob("*.trig")):
            files[path.name] = path.read_text(encoding="utf-8")
    return files


def build_views_workspace(target: Path) -> Workspace:
    from kg.build import build

    workspace = make_workspace(target, view_data_files())
    build(workspace)
    return workspace


@pytest.fixture(scope="session")
def views_built(tmp_path_factory) -> Workspace:
    """The seed + views fixture, built once per session; read-only for tests."""
    return build_views_workspace(tmp_path_factory.mktemp("views"))
