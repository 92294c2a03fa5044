"""Where a named question gives a label beside an entity (``?x`` and ``?x_label``), the label is
there: every entity of the curated graph has one in each language (ontology/shapes.ttl).

The engine tests compare engines with each other, so a label every engine loses (a FILTER on the
language scoped where ``?lang`` is unbound) passes them; this test does not.
"""

from __future__ import annotations

import re

import pytest

from kg.querypack import bind_values, load_pack, run_named
from kg.store import open_store
from tests.conftest import ROOT

PACK = load_pack(ROOT / "queries")
ID = "https://w3id.org/atkg/id/"
# the questions whose SELECT names a ?<column>_label
LABELLED = sorted(name for name, query in PACK.items() if re.search(r"SELECT[^{]*\?\w+_label\b", query.text))


@pytest.fixture(scope="module")
def real_store(real_built):
    return open_store(real_built.store)


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("name", LABELLED)
def test_a_label_the_query_gives_is_bound_for_every_entity(real_store, name, lang):
    from kg.names import StoreResolver

    query = PACK[name]
    terms = bind_values(query, {}, StoreResolver(real_store).resolve, lang)
    result = run_named(query, terms, real_store.query)
    columns = [v.value for v in result.variables]
    pairs = [(c, f"{c}_label") for c in columns if f"{c}_label" in columns]
    assert pairs, f"{name} gives no <column>_label column"
    rows = [dict(zip(columns, row, strict=True)) for row in result]
    assert rows, f"{name} answers nothing on the real data"
    unlabelled = [
        (row[column].value, label)
        for row in rows
        for column, label in pairs
        if row[column] is not None and row[column].value.startswith(ID) and row[label] is None
    ]
    assert unlabelled == []
    languages = {row[label].language for row in rows for _, label in pairs if row[label] is not None}
    assert languages == {lang}
