"""benchmarks/bench_virtuoso.py's library part on a real Virtuoso 7, at 2x the curated data: the
synthetic graph goes in through Virtuoso's own bulk loader, and every named question answers there
with as many rows as on the embedded store loaded with the same file."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from benchmarks.bench_virtuoso import (
    ask_every_question,
    bulk_load,
    embedded_store,
    has_names_index,
    start_for,
    write_names_index,
)
from benchmarks.synthetic import write_synthetic
from kg.querypack import load_pack
from tests.conftest import ROOT

QUERIES = ROOT / "queries"


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    """The 2x synthetic graph and the names index derived for it (synthetic.py writes none)."""
    folder = tmp_path_factory.mktemp("bench-virtuoso")
    nquads, names = folder / "atkg-2x.nq", folder / "atkg-2x.names.nq"
    count = write_synthetic(ROOT, 2, nquads)
    assert not has_names_index(nquads)
    write_names_index(nquads, names)
    assert has_names_index(names)
    return folder, [nquads, names], count


def test_names_index_is_the_one_the_build_writes(real_built, tmp_path):
    """Copy 0 of the synthetic graph is the built graph: its derived index is the built one."""
    nquads, names = tmp_path / "atkg-1x.nq", tmp_path / "names.nq"
    write_synthetic(ROOT, 1, nquads)
    write_names_index(nquads, names)
    built = ox.Store.read_only(str(real_built.store))
    expected = {
        str(q)
        for q in built.quads_for_pattern(
            None, None, None, ox.NamedNode("https://w3id.org/atkg/id/graph-names")
        )
    }
    derived = {str(q) for q in ox.parse(path=str(names), format=ox.RdfFormat.N_QUADS)}
    assert derived == expected
    assert len(derived) > 1000


def test_every_named_question_answers_on_virtuoso_as_on_the_embedded_store(graph):
    folder, files, count = graph
    server = start_for(folder / "virtuoso-db", (folder,), memory_gb=0.25, timeout=60)
    try:
        load = bulk_load(server, *files)
        virtuoso = ask_every_question(server.query_url, QUERIES, timeout=60)
    finally:
        server.stop()
    names_count = sum(1 for _ in files[1].open())
    assert load.file_quads == count + names_count
    assert load.held_quads == load.file_quads  # not Virtuoso's own graphs, every quad once
    assert [(a.name, a.status, a.message) for a in virtuoso] == [(n, "OK", "") for n in load_pack(QUERIES)]

    embedded_store(files, folder / "embedded")
    embedded = ask_every_question(str(folder / "embedded"), QUERIES, timeout=60)
    assert {a.name: a.rows for a in virtuoso} == {a.name: a.rows for a in embedded}
    assert all(a.rows for a in embedded)  # every question has an answer at 2x: the comparison bites
