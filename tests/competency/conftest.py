"""Competency questions: SPARQL over the built real graph, answers compared as sets of short names."""

from __future__ import annotations

from collections.abc import Callable

import pyoxigraph as ox
import pytest

from kg.store import open_store

ID = "https://w3id.org/atkg/id/"


def _short(term) -> str:
    if isinstance(term, ox.NamedNode):
        return term.value.removeprefix(ID)
    return "None" if term is None else term.value  # unbound (OPTIONAL) reads as "None"


@pytest.fixture(scope="session")
def ask(real_built) -> Callable[[str], set[tuple[str, ...]]]:
    """Run a SELECT on the store `atkg build` made of the real curated data (union default
    graph, usual prefixes predeclared); rows come back as tuples of short names (IRIs in id: lose
    the prefix, literals become their lexical form)."""
    store = open_store(real_built.store)

    def run(query: str) -> set[tuple[str, ...]]:
        result = store.query(query)
        names = [v.value for v in result.variables]
        return {tuple(_short(row[name]) for name in names) for row in result}

    return run
