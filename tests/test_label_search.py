"""label-search scans one search text per subject (id:graph-names) before it tests labels: that
first step must never lose a label. The oracle is every preferred and alternative label of the
entity graph, tested in Python."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.namespace import GRAPH_ENTITIES
from kg.querypack import run_by_name

SKOS = "http://www.w3.org/2004/02/skos/core#"
KINDS = {SKOS + "prefLabel": "preferred", SKOS + "altLabel": "alternative"}


@pytest.fixture(scope="module")
def labels(real_built):
    store = ox.Store.read_only(str(real_built.store))
    return [
        (q.subject.value, q.object.value, q.object.language, KINDS[q.predicate.value])
        for q in store.quads_for_pattern(None, None, None, ox.NamedNode(str(GRAPH_ENTITIES)))
        if q.predicate.value in KINDS
    ]


TEXTS = ["traite", "TRAITE", "Office", "onu", "é", "É", "'", "(2012)", "des Nations", "zzz"]


@pytest.mark.parametrize("text", TEXTS)
def test_label_search_finds_every_label_that_holds_the_text(real_built, labels, text):
    result = run_by_name(real_built.queries_dir, real_built.store, "label-search", [f"text={text}"], "en")
    found = [tuple(cell.value for cell in row) for row in result]
    expected = {row for row in labels if text.lower() in row[1].lower()}
    assert len(found) == len(set(found)) and set(found) == expected
    assert len(expected) > 0 or text == "zzz"


def test_a_store_without_search_texts_is_told_to_rebuild(real_built, tmp_path):
    import shutil

    from kg.errors import ValidationError
    from kg.namespace import ATKG
    from kg.resultlabels import run_labelled

    old = tmp_path / "store"
    shutil.copytree(real_built.store, old)
    store = ox.Store(str(old))
    for quad in list(store.quads_for_pattern(None, ox.NamedNode(str(ATKG.searchText)), None, None)):
        store.remove(quad)
    assert not list(store.quads_for_pattern(None, ox.NamedNode(str(ATKG.searchText)), None, None))
    del store
    with pytest.raises(ValidationError) as caught:
        run_labelled(real_built.queries_dir, old, "label-search", ["text=traite"])
    assert str(caught.value) == (
        "label-search: this store has no search texts (atkg:searchText in id:graph-names), so the "
        "question cannot be answered: it was built before they existed; run `atkg build` again "
        "(and `atkg publish` for a remote store)"
    )
    # a search that finds nothing in a store that has them is an answer, not an error
    assert run_labelled(real_built.queries_dir, real_built.store, "label-search", ["text=zzz"]).cells == []
