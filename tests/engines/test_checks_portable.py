"""Every check (queries/checks, queries/checks/lint) gives the same rows whether or not the
default graph is the union of the named graphs: run both ways on a dataset breaking each one."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.namespace import PREFIXES
from tests.conftest import ROOT

BROKEN = """
@prefix id: <https://w3id.org/atkg/id/> .
@prefix atkg: <https://w3id.org/atkg/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
id:graph-ontology {
  atkg:Agreement a owl:Class .
  atkg:party a owl:ObjectProperty .
  atkg:oldParty a owl:ObjectProperty ; owl:deprecated true ; dcterms:isReplacedBy atkg:party .
  atkg:GovernmentBody a owl:Class .
}
id:graph-entities {
  id:alpha a atkg:GovernmentBody ; skos:prefLabel "Alpha"@en, "Alpha"@fr ; atkg:party id:beta .
  id:beta a atkg:GovernmentBody ; skos:prefLabel "Alpha"@en .
  id:lonely a atkg:GovernmentBody ; skos:prefLabel "Lonely"@en, "Seul"@fr .
}
id:graph-provenance { id:passage-000-1 a atkg:Passage . }
id:passage-000-1 {
  id:deal a atkg:Agreement ; atkg:party id:alpha, id:ghost ; atkg:oldParty id:beta ;
    atkg:madeUp id:beta ; dcterms:date "2012-13"^^xsd:gYearMonth .
  _:someone atkg:party id:deal .
}
id:passage-999-1 { id:alpha atkg:party id:beta . }
id:graph-elsewhere { id:alpha atkg:party id:beta . }
"""
CHECKS = sorted((ROOT / "queries" / "checks").glob("**/*-violation.rq"))


@pytest.fixture(scope="module")
def broken_store():
    store = ox.Store()
    store.load(BROKEN.encode(), format=ox.RdfFormat.TRIG)
    return store


@pytest.mark.parametrize("path", CHECKS, ids=lambda p: str(p.relative_to(ROOT / "queries" / "checks")))
def test_a_check_finds_the_same_rows_with_or_without_the_union_default_graph(broken_store, path):
    text = path.read_text(encoding="utf-8")

    def rows(union: bool):
        result = broken_store.query(text, prefixes=PREFIXES, use_default_graph_as_union=union)
        return sorted(tuple(str(row[v]) for v in result.variables) for row in result)

    found = rows(True)
    assert found, f"{path.name} finds nothing in the broken dataset: the comparison would prove nothing"
    assert rows(False) == found
