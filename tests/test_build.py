"""atkg build: from curated files to a checked store, never leaving a broken one behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import build, inferred_quads, load_sources
from kg.errors import DataSyntaxError, ValidationError
from kg.export import ExportFormat, export_text
from kg.namespace import GRAPH_INFERRED, ID, ORG
from kg.store import open_store

DATA = Path(__file__).resolve().parent / "data"


def _store_files(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.iterdir()) if p.is_file()}


def test_build_from_scratch_counts_graphs_and_classes(seed_workspace):
    report = build(seed_workspace)
    assert report.graphs["graph-entities"] == 181
    assert report.graphs["passages of document 000"] == 20
    assert report.graphs["passages of document 001"] == 12
    assert report.graphs["graph-inferred"] == 18
    assert report.classes["atkg:Country"] == 1
    assert report.classes["atkg:MemorandumOfUnderstanding"] == 1
    assert report.classes["atkg:Passage"] == 329
    assert (seed_workspace.store / "CURRENT").exists()


def test_rebuild_replaces_the_store_and_keeps_answers(seed_workspace):
    build(seed_workspace)
    first = export_text(open_store(seed_workspace.store), ExportFormat.nquads)
    build(seed_workspace)
    second = export_text(open_store(seed_workspace.store), ExportFormat.nquads)
    assert first == second
    leftovers = sorted(p.name for p in seed_workspace.store.parent.iterdir())
    assert leftovers == ["lock", "store", "store.lock"]  # the workspace and store locks stay


def test_inverse_memberships_go_to_the_inferred_graph_only():
    quads = [(ID.ilo, ORG.memberOf, ID.icat, ID["passage-000-11"])]
    assert inferred_quads(quads) == [(ID.icat, ORG.hasMember, ID.ilo, GRAPH_INFERRED)]


def test_union_query_sees_every_named_graph(seed_built):
    store = open_store(seed_built.store)
    rows = store.query("SELECT ?m WHERE { id:icat org:hasMember ?m } ORDER BY ?m")
    members = [row["m"].value.removeprefix(str(ID)) for row in rows]
    assert members == ["ilo", "interpol", "iom", "ohchr", "unfpa", "unhcr", "unicef", "unifem", "unodc"]
    graphs = store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { id:ilo org:memberOf id:icat } }")
    assert [row["g"].value for row in graphs] == [str(ID["passage-000-11"])]


def test_malformed_trig_names_file_and_line_and_leaves_the_store(seed_workspace, cli):
    build(seed_workspace)
    before = _store_files(seed_workspace.store)
    broken = seed_workspace.data_dir / "doc-001.trig"
    broken.write_text(broken.read_text() + "\nid:passage-001-13 {\n    id:unodc atkg:party \n}\n")
    with pytest.raises(DataSyntaxError) as caught:
        build(seed_workspace)
    assert str(caught.value) == "kg/data/doc-001.trig:20: } is not a valid RDF object"
    result = cli("--workspace", seed_workspace.root, "build")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "Error: kg/data/doc-001.trig:20: } is not a valid RDF object"
    assert "Traceback" not in result.stderr + result.stdout
    assert _store_files(seed_workspace.store) == before


def test_shape_violation_refuses_the_build_and_names_the_entity(seed_workspace):
    build(seed_workspace)
    before = _store_files(seed_workspace.store)
    extra = seed_workspace.data_dir / "extra.trig"
    extra.write_text(
        "@prefix atkg: <https://w3id.org/atkg/ontology#> .\n@prefix id: <https://w3id.org/atkg/id/> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        'id:graph-entities { id:lonely a atkg:NonGovernmentalOrganization ; skos:prefLabel "Seule"@fr . }\n'
    )
    with pytest.raises(ValidationError) as caught:
        build(seed_workspace)
    assert "shacl: lonely prefLabel: needs exactly one skos:prefLabel in @fr and one in @en" in str(
        caught.value
    )
    assert _store_files(seed_workspace.store) == before


def test_fact_in_the_entity_graph_is_refused(seed_workspace):
    extra = seed_workspace.data_dir / "extra.trig"
    extra.write_text(
        "@prefix org: <http://www.w3.org/ns/org#> .\n@prefix id: <https://w3id.org/atkg/id/> .\n"
        "id:graph-entities { id:unodc org:memberOf id:gmg . }\n"
    )
    with pytest.raises(ValidationError) as caught:
        build(seed_workspace)
    assert "fact-outside-passage: graph-entities unodc http://www.w3.org/ns/org#memberOf gmg" in str(
        caught.value
    )


def test_passage_that_does_not_exist_is_refused(seed_workspace):
    extra = seed_workspace.data_dir / "extra.trig"
    extra.write_text(
        "@prefix org: <http://www.w3.org/ns/org#> .\n@prefix id: <https://w3id.org/atkg/id/> .\n"
        "id:passage-001-99 { id:unodc org:memberOf id:gmg . }\n"
    )
    with pytest.raises(ValidationError) as caught:
        build(seed_workspace)
    assert "unknown-passage: passage-001-99" in str(caught.value)


def test_triples_outside_named_graphs_are_refused(seed_workspace):
    extra = seed_workspace.data_dir / "extra.trig"
    extra.write_text(
        "<https://w3id.org/atkg/id/a> <https://w3id.org/atkg/id/b> <https://w3id.org/atkg/id/c> .\n"
    )
    with pytest.raises(DataSyntaxError) as caught:
        build(seed_workspace)
    assert str(caught.value).startswith("kg/data/extra.trig:1: 1 triple(s) outside any named graph")


def test_sources_include_ontology_curated_and_provenance(seed_workspace):
    graphs = {str(q[3]).removeprefix(str(ID)) for q in load_sources(seed_workspace)}
    assert {"graph-ontology", "graph-entities", "graph-provenance", "passage-000-11"} <= graphs


def test_the_real_curated_data_builds(real_built):
    assert (real_built.store / "CURRENT").exists()


def test_seed_fixture_is_what_the_readme_says():
    assert sorted(p.name for p in (DATA / "seed").glob("*.trig")) == [
        "countries.trig",
        "doc-000.trig",
        "doc-001.trig",
        "entities.trig",
    ]
