"""Competency questions: SPARQL over the built graph, answers compared as sets of short names."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef

from kg.namespace import ID, PREFIXES

ROOT = Path(__file__).resolve().parents[2]
HEADER = "\n".join(f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items())


def _short(term) -> str:
    if isinstance(term, URIRef):
        return str(term).removeprefix(str(ID))
    if isinstance(term, Literal):
        return str(term)
    return str(term)


@pytest.fixture(scope="session")
def ask() -> Callable[[str], set[tuple[str, ...]]]:
    """Run a SELECT over the union of all graphs; rows come back as tuples of short names
    (IRIs in id: lose the prefix, literals become their lexical form)."""
    dataset = Dataset(default_union=True)
    for path in sorted((ROOT / "kg" / "data").glob("*.trig")):
        dataset.parse(path, format="trig")

    def run(query: str) -> set[tuple[str, ...]]:
        result = dataset.query(HEADER + "\n" + query)
        return {tuple(_short(value) for value in row) for row in result}

    return run
