"""Shared fixtures: throw-away workspaces and built stores, so no test touches the real ones."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


def make_workspace(target: Path, data_files: dict[str, str] | Path | None = None) -> Workspace:
    """A workspace with the real ontology, shapes, checks, queries and corpus, and the given
    curated files (a folder to copy, or name -> text); default: the real curated data."""
    for folder in ("ontology", "corpus", "queries"):
        shutil.copytree(ROOT / folder, target / folder)
    data_dir = target / "kg" / "data"
    data_dir.mkdir(parents=True)
    if data_files is None:
        data_files = ROOT / "kg" / "data"
    if isinstance(data_files, Path):
        for path in sorted(data_files.glob("*.trig")):
            shutil.copy(path, data_dir / path.name)
    else:
        for name, text in data_files.items():
            (data_dir / name).write_text(text, encoding="utf-8")
    return Workspace(target)


@pytest.fixture
def workspace_factory(tmp_path: Path) -> Callable[..., Workspace]:
    counter = iter(range(1000))

    def factory(data_files: dict[str, str] | Path | None = None) -> Workspace:
        return make_workspace(tmp_path / f"ws{next(counter)}", data_files)

    return factory


@pytest.fixture
def seed_workspace(workspace_factory) -> Workspace:
    """A fresh workspace holding the seed fixture (tests/data/seed), not yet built."""
    return workspace_factory(DATA / "seed")


@pytest.fixture(scope="session")
def seed_built(tmp_path_factory) -> Workspace:
    """The seed fixture, built once per session; read-only for tests."""
    from kg.build import build

    workspace = make_workspace(tmp_path_factory.mktemp("seed"), DATA / "seed")
    build(workspace)
    return workspace


@pytest.fixture(scope="session")
def real_built(tmp_path_factory) -> Workspace:
    """The real curated data, built once per session into a temporary store; read-only."""
    from kg.build import build

    workspace = make_workspace(tmp_path_factory.mktemp("real"))
    build(workspace)
    return workspace


@pytest.fixture
def cli() -> Callable[..., object]:
    """Run `atkg ARGS` in-process; returns the click Result (stdout and stderr apart)."""
    from kg.cli import app

    runner = CliRunner()

    def run(*args: str, input: str | None = None):
        return runner.invoke(app, [str(a) for a in args], input=input)

    return run


# Ingest reads the real curated graph with spaCy's French pipeline: both made once per session
# (the model takes seconds to load), read-only for tests.
@pytest.fixture(scope="session")
def curated_quads() -> frozenset:
    from kg.curated import CuratedData

    return frozenset(CuratedData.load(Workspace(ROOT)).quads())


@pytest.fixture(scope="session")
def gazetteer(curated_quads):
    """The names ingest knows: the whole curated graph."""
    from kg.ingest.gazetteer import Gazetteer

    return Gazetteer.from_quads(curated_quads)


@pytest.fixture(scope="session")
def nlp():
    from kg.ingest.nlp import load_nlp

    return load_nlp()
