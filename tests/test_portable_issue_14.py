"""The SPARQL of issue 14 names its graphs, so it answers the same on a store without a union
default graph (a standard SPARQL endpoint, Virtuoso): compared here on the real built graph."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.names import Resolver
from kg.namespace import PREFIXES
from kg.network import coordination_graph
from kg.querypack import bind_values, find_query, load_pack, run_named
from kg.stats import graph_stats
from kg.store import open_store


class NoUnionStore:
    """The built store as a standard endpoint sees it: the default graph is empty."""

    def __init__(self, path) -> None:
        self._store = ox.Store.read_only(str(path))

    def query(self, sparql: str, substitutions=None):
        return self._store.query(sparql, use_default_graph_as_union=False, prefixes=PREFIXES)


@pytest.fixture(scope="module")
def stores(real_built):
    return open_store(real_built.store), NoUnionStore(real_built.store)


def _rows(result) -> list[tuple]:
    names = [v.value for v in result.variables]
    return [tuple(None if row[n] is None else row[n].value for n in names) for row in result]


CASES = [
    ("members-of-mechanism", {"mechanism": "ICAT"}),
    ("members-of-mechanism", {"mechanism": "ICAT", "as_of": "2008"}),
    ("conflicting-claims", {}),
]


@pytest.mark.parametrize(("name", "params"), CASES)
def test_named_queries_answer_without_a_union_default_graph(real_built, stores, name, params):
    union, strict = stores
    query = find_query(load_pack(real_built.queries_dir), name)
    terms = bind_values(query, params, Resolver.from_store(union).resolve, "en")
    expected = _rows(run_named(query, terms, union.query))
    assert expected
    assert _rows(run_named(query, terms, strict.query)) == expected


def test_network_and_stats_answer_without_a_union_default_graph(stores):
    union, strict = stores
    first, second = coordination_graph(union), coordination_graph(strict)
    assert sorted(first.edges) == sorted(second.edges)
    assert dict(first.nodes(data="kind")) == dict(second.nodes(data="kind"))
    assert graph_stats(strict) == graph_stats(union)
