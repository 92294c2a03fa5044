"""The labels `atkg query run` shows come from lookups of the answer's own entities on the embedded
store (not a read of every label), and agree with what an endpoint's one label query gives."""

from __future__ import annotations

import pyoxigraph as ox

from kg.resultlabels import label_result
from kg.store import EmbeddedStore

ID = "https://w3id.org/atkg/id/"
PREF = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
ENTITIES, PROVENANCE = ox.NamedNode(ID + "graph-entities"), ox.NamedNode(ID + "graph-provenance")


def _store() -> ox.Store:
    store = ox.Store()
    labels = [
        ("unodc", "UNODC", "en", ENTITIES),
        ("unodc", "ONUDC", "fr", ENTITIES),
        ("only-french", "Seulement en français", "fr", ENTITIES),
        ("doc-000", "The report", "en", PROVENANCE),
        ("doc-000", "Le rapport", "fr", PROVENANCE),
        ("elsewhere", "In a passage graph only", "en", ox.NamedNode(ID + "passage-000-1")),
    ]
    for slug, text, lang, graph in labels:
        store.add(ox.Quad(ox.NamedNode(ID + slug), PREF, ox.Literal(text, language=lang), graph))
    return store


class _Endpoint:
    """The store as an endpoint is used: queries only (no indexed lookup)."""

    def __init__(self, store: EmbeddedStore) -> None:
        self.store = store

    def query(self, sparql: str):
        return self.store.query(sparql)


ANSWER = """SELECT ?x ?y ?y_label WHERE {
  VALUES (?x ?y ?y_label) {
    (id:unodc id:unodc "the query's own label"@fr)
    (id:only-french id:doc-000 UNDEF)
    (id:doc-000 id:elsewhere UNDEF)
    (id:nowhere UNDEF UNDEF)
  }
}"""


def test_labels_are_looked_up_for_the_answer_and_agree_with_the_query_path():
    embedded = EmbeddedStore(_store())
    shown = {}
    for store in (embedded, _Endpoint(embedded)):
        for lang in ("fr", "en"):
            result = label_result(store, embedded.query(ANSWER), lang)
            rows = [[t and t.value for t in r] for r in result.rows]
            shown[type(store).__name__, lang] = (result.labels, rows)
    assert shown["EmbeddedStore", "fr"] == shown["_Endpoint", "fr"]
    assert shown["EmbeddedStore", "en"] == shown["_Endpoint", "en"]
    labels, rows = shown["EmbeddedStore", "fr"]
    # the chosen language, else English; the answer's own label column in that language is used
    assert labels == {
        ID + "unodc": "the query's own label",
        ID + "only-french": "Seulement en français",
        ID + "doc-000": "Le rapport",
    }
    assert rows[0] == [ID + "unodc", "the query's own label", ID + "unodc", "the query's own label"]
    # no label in the entity or provenance graph: the slug
    assert rows[3] == [ID + "nowhere", "nowhere", None, None]
    labels_en, _ = shown["EmbeddedStore", "en"]
    assert labels_en[ID + "unodc"] == "UNODC" and labels_en[ID + "only-french"] == "Seulement en français"
    assert ID + "elsewhere" not in labels_en


def test_one_lookup_gives_a_subjects_objects_in_every_graph():
    store = EmbeddedStore(_store())
    found = store.objects_by_graph(ID + "unodc", PREF.value)
    assert list(found) == [ENTITIES.value]  # in the store's index order: the labels are ranked after
    assert set(found[ENTITIES.value]) == {
        ox.Literal("UNODC", language="en"),
        ox.Literal("ONUDC", language="fr"),
    }
    assert store.objects_by_graph(ID + "elsewhere", PREF.value) == {
        ID + "passage-000-1": [ox.Literal("In a passage graph only", language="en")]
    }
    assert store.objects_by_graph(ID + "nowhere", PREF.value) == {}
