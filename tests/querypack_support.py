"""The query-pack fixture (tests/data/querypack), built once per test session for every module."""

from __future__ import annotations

from pathlib import Path

from kg.workspace import Workspace

QUERYPACK_DATA = Path(__file__).resolve().parent / "data" / "querypack"
_BUILT: dict[str, Workspace] = {}


def built_querypack(tmp_path_factory) -> Workspace:
    """Build the fixture workspace on first use; later calls get the same (read-only) workspace."""
    if "querypack" not in _BUILT:
        from kg.build import build
        from tests.conftest import make_workspace

        workspace = make_workspace(tmp_path_factory.mktemp("querypack"), QUERYPACK_DATA)
        build(workspace)
        _BUILT["querypack"] = workspace
    return _BUILT["querypack"]
