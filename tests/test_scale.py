"""Scale machinery: the synthetic graph generator, the bulk N-Quads loader, the streaming build.

The figures themselves come from ``benchmarks/bench_scale.py``; these tests pin what the figures
rest on: the synthetic graph is reproducible, is our data (it loads and passes every check and
shape), and the bulk paths give the same store as the rdflib path did.
"""

from __future__ import annotations

import importlib.util
import io
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import inferred_quads, load_sources, load_sources_store, materialise_inferences, shacl_findings
from kg.bulkload import load_nquads
from kg.errors import DataSyntaxError, UsageError, ValidationError
from kg.names import GRAPH_NAMES, Resolver, StoreResolver
from kg.namespace import ATKG, GRAPH_INFERRED, GRAPH_ONTOLOGY
from kg.rdfio import to_ox
from kg.store import EmbeddedStore, open_store

ROOT = Path(__file__).resolve().parent.parent
ID = "https://w3id.org/atkg/id/"


def _synthetic():
    spec = importlib.util.spec_from_file_location("synthetic", ROOT / "benchmarks" / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def synthetic():
    return _synthetic()


@pytest.fixture(scope="module")
def template(synthetic):
    return synthetic.make_template(synthetic.base_quads(ROOT))


def _text(synthetic, template, factor: int, seed: int) -> str:
    out = io.StringIO()
    synthetic.write_synthetic_to(template, factor, out, seed)
    return out.getvalue()


def _canonical(quads) -> set[str]:
    dataset = ox.Dataset(quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return {str(q) for q in dataset}


def test_one_copy_is_exactly_the_built_curated_graph(synthetic, template, real_built):
    one = _text(synthetic, template, 1, seed=1)
    built = open_store(real_built.store)
    # the name index (id:graph-names) is derived from labels (build, bulk load): a copy leaves it out
    expected = {ox.Quad(*map(to_ox, quad)) for quad in built.quads() if quad[3] != GRAPH_NAMES}
    assert len(one.splitlines()) == len(expected) > 8000
    assert _canonical(ox.parse(one.encode(), format=ox.RdfFormat.N_QUADS)) == _canonical(expected)


def test_same_seed_same_bytes_other_seed_other_bridges(synthetic, template, real_built):
    first = _text(synthetic, template, 3, seed=7)
    assert _text(synthetic, template, 3, seed=7) == first
    other = _text(synthetic, template, 3, seed=8)
    assert other != first
    # the seed only moves the bridges: all else is the replicated curated graph
    bridges = set(first.splitlines()) ^ set(other.splitlines())
    assert bridges and all("org#memberOf" in b or "org#hasMember" in b for b in bridges)
    per_copy = template.per_copy_count
    graphs = [q[3] for q in open_store(real_built.store).quads() if q[3] != GRAPH_NAMES]
    shared = graphs.count(GRAPH_ONTOLOGY)
    assert (template.shared_count, per_copy) == (shared, len(graphs) - shared)
    lines = first.splitlines()
    assert len(lines) == len(set(lines))  # N-Quads with no duplicate
    assert per_copy * 3 + shared < len(lines) <= per_copy * 3 + shared + 2 * 2 * synthetic.BRIDGES_PER_COPY


def test_copies_are_renamed_individuals_and_labels(synthetic, template):
    text = _text(synthetic, template, 3, seed=7)
    assert (
        f'<{ID}icat-x2> <http://www.w3.org/2004/02/skos/core#altLabel> "ICAT 2"@en <{ID}graph-entities> .\n'
        in text
    )
    assert (
        f"<{ID}ilo-x1> <http://www.w3.org/ns/org#memberOf> <{ID}icat-x1> <{ID}passage-000-11-x1> .\n" in text
    )
    assert f"<{ID}graph-entities-x" not in text and "ontology#Country-x" not in text


def test_the_synthetic_graph_loads_and_passes_every_check_and_shape(
    synthetic, template, tmp_path, real_built
):
    source = tmp_path / "two.nq"
    count = synthetic.write_synthetic(ROOT, 2, source, seed=3)
    report = load_nquads(source, tmp_path / "store", real_built.checks_dir)
    assert (report.quads, report.findings) == (count, [])
    store = open_store(tmp_path / "store")
    assert shacl_findings(real_built, (ox.Quad(*map(to_ox, q)) for q in store.quads())) == []
    # copy 1 answers like the curated graph, renamed
    members = "SELECT DISTINCT ?m WHERE { GRAPH ?p { ?m org:memberOf <%s> } } ORDER BY ?m"
    original = [r["m"].value for r in store.query(members % (ID + "icat"))]
    copied = [r["m"].value for r in store.query(members % (ID + "icat-x1"))]
    curated = [m for m in original if not re.search(r"-x\d+$", m)]  # the others: bridges
    renamed = {m + "-x1" for m in curated}
    assert len(curated) == 17 and renamed <= set(copied)
    assert all(m.endswith("-x2") for m in set(copied) - renamed)  # bridges come from later copies only


def _name_keys(store) -> set[tuple[str, str]]:
    rows = store.query(f"SELECT ?e ?k WHERE {{ GRAPH <{GRAPH_NAMES}> {{ ?e <{ATKG.nameKey}> ?k }} }}")
    return {(r["e"].value, r["k"].value) for r in rows}


def test_a_loaded_graph_carries_the_name_index_a_build_writes(synthetic, tmp_path, real_built, monkeypatch):
    source = tmp_path / "two.nq"
    synthetic.write_synthetic(ROOT, 2, source, seed=3)
    report = load_nquads(source, tmp_path / "store", real_built.checks_dir)
    store = open_store(tmp_path / "store")
    loaded = _name_keys(store)
    assert report.name_keys == len(loaded) and report.index_seconds > 0
    # copy 0 is the curated graph: its keys are exactly those `atkg build` wrote for it
    built = _name_keys(open_store(real_built.store))
    assert {pair for pair in loaded if not re.search(r"-x\d+$", pair[0])} == built
    assert {e for e, _ in loaded - built} == {e + "-x1" for e, _ in built}  # copy 1: every individual
    # copy 1's renamed labels answer through the index, never the scan of every label
    monkeypatch.setattr(Resolver, "from_store", None)
    resolver = StoreResolver(store)
    assert (ID + "unodc-x1", "unodc 1") in loaded
    assert str(resolver.resolve("UNODC 1")) == ID + "unodc-x1"
    assert str(resolver.resolve("onudc 1")) == ID + "unodc-x1"
    assert str(resolver.resolve("Organisation internationale du Travail 1")) == ID + "ilo-x1"
    assert str(resolver.resolve("UNODC")) == ID + "unodc"
    # passages and documents answer to their slugs (the provenance graph types them) and labels
    assert str(resolver.resolve("passage-001-12-x1")) == ID + "passage-001-12-x1"
    assert (ID + "passage-001-12", "document 001 paragraph 12") in loaded
    assert str(resolver.resolve("Document 001, paragraphe 12 1")) == ID + "passage-001-12-x1"
    with pytest.raises(UsageError, match="^entity 'UNODC 7' not found"):
        resolver.resolve("UNODC 7")


def test_an_imported_name_index_is_derived_again(tmp_path):
    """An export carries id:graph-names; the loader rewrites it from the labels it loads."""
    source = tmp_path / "one.nq"
    entities, label = f"<{ID}graph-entities>", "<http://www.w3.org/2004/02/skos/core#prefLabel>"
    source.write_text(
        f'<{ID}a> {label} "Alpha Group"@en {entities} .\n'
        f"<{ID}a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{ATKG}Organization> {entities} .\n"
        f'<{ID}a> <{ATKG.nameKey}> "stale key" <{GRAPH_NAMES}> .\n'
    )
    report = load_nquads(source, tmp_path / "store")
    keys = _name_keys(open_store(tmp_path / "store"))
    assert keys == {(ID + "a", "alpha group"), (ID + "a", "alphagroup"), (ID + "a", "a")}
    assert report.name_keys == 3


def test_load_refuses_a_graph_with_findings_and_leaves_nothing(tmp_path, real_built):
    source = tmp_path / "bad.nq"
    source.write_text(f"<{ID}ghost> <http://www.w3.org/ns/org#memberOf> <{ID}icat> <{ID}passage-000-11> .\n")
    with pytest.raises(ValidationError) as caught:
        load_nquads(source, tmp_path / "store", real_built.checks_dir)
    assert str(caught.value).splitlines()[0] == f"load refused: 3 problem(s) in {source}"
    assert "  undefined-reference: ghost passage-000-11" in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.nq"]


def test_load_names_a_syntax_error_and_refuses_an_existing_target(tmp_path):
    source = tmp_path / "broken.nq"
    source.write_text(f"<{ID}a> <{ID}b> .\n<{ID}a> <{ID}b> <{ID}c> <{ID}g> .\n")
    with pytest.raises(DataSyntaxError) as caught:
        load_nquads(source, tmp_path / "store")
    assert str(caught.value) == (
        f"{source}: Parser error at line 1 column 59: "
        "The object of a triple must be an IRI, a blank node or a literal"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.nq"]
    (tmp_path / "store").mkdir()
    with pytest.raises(UsageError, match="already exists; load into a new directory"):
        load_nquads(source, tmp_path / "store")


def test_streamed_inferences_equal_the_python_ones(real_built):
    store = load_sources_store(real_built)
    materialise_inferences(store)
    streamed = {str(q) for q in store.quads_for_pattern(None, None, None, to_ox(GRAPH_INFERRED))}
    asserted = load_sources(real_built)
    expected = {str(ox.Quad(*map(to_ox, q))) for q in inferred_quads(asserted)}
    assert streamed == expected and len(expected) == 58
    assert len(EmbeddedStore(store)) == len(set(asserted)) + len(expected)


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        ("en", "This graph has 110 nodes and {ties} ties, too many to draw: shown are the 60 most connected"),
        ("fr", "Ce graphe compte 110 nœuds et {ties} liens, trop pour les dessiner : seuls les 60 nœuds"),
    ],
)
def test_a_view_too_large_to_draw_is_sampled_with_a_note(
    synthetic, tmp_path, real_built, monkeypatch, lang, note
):
    import viz.sample
    from viz.facts import load_facts
    from viz.graphs import build_view

    source = tmp_path / "two.nq"
    synthetic.write_synthetic(ROOT, 2, source, seed=3)
    load_nquads(source, tmp_path / "store")
    base = load_facts(open_store(tmp_path / "store"), lang)
    whole = build_view(base, "mechanisms")
    assert len(whole.nodes) == 110 and "--center" not in whole.description  # 55 per copy
    monkeypatch.setattr(viz.sample, "NODE_LIMIT", 60)
    view = build_view(base, "mechanisms")
    assert len(view.nodes) == 60
    assert view.description.startswith(whole.description + " " + note.format(ties=len(whole.edges)))
    kept = {n.id for n in view.nodes}
    assert view.edges and all(e.source in kept and e.target in kept for e in view.edges)
    degree = {n.id: len(whole.neighbours(n.id)) for n in whole.nodes}
    assert min(degree[n] for n in kept) >= max(degree[n] for n in degree if n not in kept)
