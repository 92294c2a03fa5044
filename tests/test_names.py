"""Name resolution: exact, then folded labels in both languages, then ranked fuzzy suggestions;
against a built store by indexed lookups in id:graph-names; merged slugs keep answering."""

from __future__ import annotations

import pytest
from rdflib import Literal

from kg.build import build
from kg.edit import Session
from kg.errors import UsageError
from kg.names import GRAPH_NAMES, StoreResolver, name_quads
from kg.namespace import ATKG, ID
from kg.querypack import run_by_name
from kg.store import open_store
from tests.edit_support import canonical, ws_args

NAMES = [
    ("ilo", ID.ilo),
    ("OIT", ID.ilo),
    ("oit", ID.ilo),
    ("BIT", ID.ilo),
    ("organisation internationale du travail", ID.ilo),
    ("International Labour Organization", ID.ilo),
    ("id:ilo", ID.ilo),
    ("https://w3id.org/atkg/id/ilo", ID.ilo),
    ("ONUDC", ID.unodc),
    ("Office des Nations Unies contre la drogue et le crime", ID.unodc),
    ("UN.GIFT", ID.ungift),
    ("UNGIFT", ID.ungift),
    ("BLR", ID["country-BLR"]),
    ("Bélarus", ID["country-BLR"]),
    ("belarus", ID["country-BLR"]),
]

FAILURES = [
    (
        "GMM",
        "entity 'GMM' not found; did you mean gmg (atkg:CoordinationMechanism, Global Migration Group)?",
    ),
    (
        "interpool",
        "entity 'interpool' not found; did you mean interpol (atkg:IntergovernmentalOrganization, "
        "International Criminal Police Organization)?",
    ),
    (
        "Organisation internationale du travial",
        "entity 'Organisation internationale du travial' not found; did you mean ilo (atkg:UNEntity, "
        "International Labour Organization)?",
    ),
    ("Nowhere Group", "entity 'Nowhere Group' not found"),
]


@pytest.fixture(scope="module")
def seed_session(tmp_path_factory):
    from tests.conftest import DATA, make_workspace

    return Session.open(make_workspace(tmp_path_factory.mktemp("names"), DATA / "seed"))


@pytest.mark.parametrize(("name", "node"), NAMES)
def test_names_resolve_in_files_and_in_the_store(seed_session, seed_built, name, node):
    assert seed_session.resolver.resolve(name) == node
    assert StoreResolver(open_store(seed_built.store)).resolve(name) == node


@pytest.mark.parametrize(("name", "message"), FAILURES)
def test_failures_suggest_ranked_names_with_type_and_label(seed_session, seed_built, name, message):
    with pytest.raises(UsageError) as in_files:
        seed_session.resolver.resolve(name)
    with pytest.raises(UsageError) as in_store:
        StoreResolver(open_store(seed_built.store)).resolve(name)
    assert str(in_files.value) == str(in_store.value) == message


def test_the_build_writes_the_names_graph(seed_built, seed_session):
    index = name_quads(seed_session.data.quads())
    keys = {str(q[2]) for q in index if q[0] == ID.ilo and q[1] == ATKG.nameKey}
    assert keys == {
        "ilo",
        "oit",
        "bit",
        "bureau international du travail",
        "bureauinternationaldutravail",
        "international labour organization",
        "internationallabourorganization",
        "organisation internationale du travail",
        "organisationinternationaledutravail",
    }
    store = open_store(seed_built.store)
    rows = store.query(
        f"SELECT ?k WHERE {{ GRAPH <{GRAPH_NAMES}> {{ <{ID.ilo}> <{ATKG.nameKey}> ?k }} }} ORDER BY ?k"
    )
    assert [r["k"].value for r in rows] == sorted(keys)
    assert all(q[2] == Literal(str(q[2])) for q in index)
    # label-search's first step: one text per labelled subject, its labels distinct and sorted
    search = "\n".join(
        [
            "BIT",
            "Bureau international du Travail",
            "ILO",
            "International Labour Organization",
            "OIT",
            "Organisation internationale du Travail",
        ]
    )
    assert [str(q[2]) for q in index if q[0] == ID.ilo and q[1] == ATKG.searchText] == [search]
    rows = store.query(f"SELECT ?t WHERE {{ GRAPH <{GRAPH_NAMES}> {{ <{ID.ilo}> <{ATKG.searchText}> ?t }} }}")
    assert [r["t"].value for r in rows] == [search]


def test_french_acronyms_resolve_in_named_questions(seed_built):
    result = run_by_name(seed_built.queries_dir, seed_built.store, "mechanisms-of-actor", ["actor=OIT"], "en")
    english = run_by_name(
        seed_built.queries_dir, seed_built.store, "mechanisms-of-actor", ["actor=ILO"], "en"
    )
    rows = [tuple(str(getattr(c, "value", "")) for c in row) for row in result]
    assert rows == [tuple(str(getattr(c, "value", "")) for c in row) for row in english]
    assert len(rows) == 2


def test_a_merged_slug_keeps_answering(seed_workspace, cli):
    ws = canonical(seed_workspace)
    assert cli(*ws_args(ws), "entity", "merge", "unifem", "un-women").exit_code == 0
    build(ws)
    store = open_store(ws.store)
    assert StoreResolver(store).resolve("unifem") == ID["un-women"]
    assert StoreResolver(store).resolve("id:unifem") == ID["un-women"]
    assert StoreResolver(store).resolve("UNIFEM") == ID["un-women"]
    assert Session.open(ws).resolver.resolve("unifem") == ID["un-women"]
    refused = cli(
        *ws_args(ws), "entity", "add", "unifem", "--type", "UNEntity", "--label-fr", "a", "--label-en", "b"
    )
    assert (refused.exit_code, refused.stderr) == (
        2,
        "Error: entity 'unifem' already exists; edit it with `atkg entity edit unifem`\n",
    )


def test_a_successor_organisation_still_answers_for_itself(seed_workspace):
    """Succession (UNIFEM -> UN-Women, a described entity) is not a merge redirect."""
    ws = canonical(seed_workspace)
    with (ws.data_dir / "entities.trig").open("a", encoding="utf-8") as out:
        out.write("id:graph-entities { id:unifem dcterms:isReplacedBy id:un-women . }\n")
    build(ws)
    assert Session.open(ws).resolver.resolve("unifem") == ID.unifem
    assert Session.open(ws).resolver.resolve("UNIFEM") == ID.unifem
    assert StoreResolver(open_store(ws.store)).resolve("unifem") == ID.unifem
    assert StoreResolver(open_store(ws.store)).resolve("id:unifem") == ID.unifem


# Passages and documents by their labels (kg.provenance writes them in both languages), as the
# scan of a store's labels (Resolver.from_store) always found them; through the index, no scan.
SOURCE_NAMES = [
    ("Document 003, paragraph 38", ID["passage-003-38"]),
    ("Document 003, paragraphe 38", ID["passage-003-38"]),
    ("document 003 paragraphe 38", ID["passage-003-38"]),
    ("Document 002, préambule 10", ID["passage-002-preamble-10"]),
    ("Document 002, preamble 10", ID["passage-002-preamble-10"]),
    ("Document 000, résumé 1", ID["passage-000-summary-1"]),
    ("Document 003, footnote 6", ID["passage-003-fn-6"]),
    ("Document 003, note 6", ID["passage-003-fn-6"]),
    ("Document 004, footnote *", ID["passage-004-fn-star"]),
    ("passage-003-38", ID["passage-003-38"]),
    ("Document 003", ID["doc-003"]),
    ("E/CN.15/2008/6", ID["doc-003"]),
    ("CTOC/COP/2012/2", ID["doc-001"]),
    ("doc-001", ID["doc-001"]),
]


@pytest.mark.parametrize(("name", "node"), SOURCE_NAMES)
def test_passages_and_documents_resolve_by_their_labels_through_the_index(
    seed_built, name, node, monkeypatch
):
    from kg.names import Resolver

    store = open_store(seed_built.store)
    assert Resolver.from_store(store).resolve(name) == node  # the scan of every label
    monkeypatch.setattr(Resolver, "from_store", None)  # the index alone answers
    assert StoreResolver(store).resolve(name) == node


def test_the_names_graph_keys_passages_and_documents(seed_built):
    store = open_store(seed_built.store)
    rows = store.query(
        f"SELECT ?e ?k WHERE {{ VALUES ?e {{ <{ID['passage-003-38']}> <{ID['doc-003']}> }} "
        f"GRAPH <{GRAPH_NAMES}> {{ ?e <{ATKG.nameKey}> ?k }} }} ORDER BY ?e ?k"
    )
    assert [(r["e"].value.removeprefix(str(ID)), r["k"].value) for r in rows] == [
        ("doc-003", "document 003"),
        ("doc-003", "document003"),
        ("doc-003", "e cn 15 2008 6"),
        ("doc-003", "ecn1520086"),
        ("passage-003-38", "document 003 paragraph 38"),
        ("passage-003-38", "document 003 paragraphe 38"),
        ("passage-003-38", "document003paragraph38"),
        ("passage-003-38", "document003paragraphe38"),
    ]


def test_a_misspelt_passage_label_is_suggested_with_its_type_and_label(seed_built):
    with pytest.raises(UsageError) as in_store:
        StoreResolver(open_store(seed_built.store)).resolve("Document 003, paragraf 38", "passage")
    assert str(in_store.value) == (
        "passage 'Document 003, paragraf 38' not found; did you mean passage-003-38 "
        "(atkg:Passage, Document 003, paragraph 38), passage-003-3 (atkg:Passage, Document 003, "
        "paragraph 3), passage-003-8 (atkg:Passage, Document 003, paragraph 8)?"
    )


def test_the_index_and_the_scan_know_the_same_names(seed_built):
    """Both read labels through kg.names._labels_query (named graphs for the index, the union for
    the scan): every folded label the scan finds is a key of the index; the index adds the slugs."""
    from kg.names import Resolver, name_keys

    store = open_store(seed_built.store)
    scan = {(key, str(node)) for key, nodes in Resolver.from_store(store).by_name.items() for node in nodes}
    rows = store.query(f"SELECT ?e ?k WHERE {{ GRAPH <{GRAPH_NAMES}> {{ ?e <{ATKG.nameKey}> ?k }} }}")
    index = {(r["k"].value, r["e"].value) for r in rows}
    slugs = {(key, node) for key, node in index if key in name_keys(node.removeprefix(str(ID)))}
    assert len(scan) > 1000 and scan <= index and index - scan <= slugs
