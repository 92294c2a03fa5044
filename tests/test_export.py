"""atkg export: every graph, every format, byte-identical across runs and across a round trip."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from kg.export import ExportFormat, export_text
from kg.rdfio import parse_rdf
from kg.store import memory_store, open_store

FORMATS = {"nquads": "nquads", "trig": "trig", "jsonld": "jsonld"}


@pytest.mark.parametrize("fmt", ["nquads", "trig", "jsonld"])
def test_export_reimport_export_gives_the_same_quads(seed_built, fmt):
    first = export_text(open_store(seed_built.store), ExportFormat(fmt))
    reimported = memory_store(parse_rdf(first, fmt))
    second = export_text(reimported, ExportFormat(fmt))
    assert second == first
    original = ox.Dataset(
        ox.parse(
            export_text(open_store(seed_built.store), ExportFormat.nquads).encode(),
            format=ox.RdfFormat.N_QUADS,
        )
    )
    again = ox.Dataset(
        ox.parse(export_text(reimported, ExportFormat.nquads).encode(), format=ox.RdfFormat.N_QUADS)
    )
    original.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    again.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    assert sorted(map(str, original)) == sorted(map(str, again))


def test_export_holds_every_graph(seed_built):
    dataset = Dataset()
    dataset.parse(data=export_text(open_store(seed_built.store), ExportFormat.trig), format="trig")
    names = {str(g.identifier).removeprefix("https://w3id.org/atkg/id/") for g in dataset.graphs()}
    assert {
        "graph-ontology",
        "graph-entities",
        "graph-provenance",
        "graph-inferred",
        "passage-000-11",
        "passage-000-13",
        "passage-001-12",
    } <= names


def test_turtle_is_the_union(seed_built):
    from rdflib import BNode, Graph

    store = open_store(seed_built.store)
    graph = Graph().parse(data=export_text(store, ExportFormat.turtle), format="turtle")
    dataset = Dataset()
    dataset.parse(data=export_text(store, ExportFormat.nquads), format="nquads")
    union = {
        (s, p, o) for s, p, o, _ in dataset.quads() if not isinstance(s, BNode) and not isinstance(o, BNode)
    }
    named = {t for t in graph if not isinstance(t[0], BNode) and not isinstance(t[2], BNode)}
    assert named == union


def test_rebuild_exports_byte_identical(seed_workspace, cli):
    root = seed_workspace.root
    assert cli("--workspace", root, "build").exit_code == 0
    first = {
        f: cli("--workspace", root, "export", "--format", f).stdout
        for f in ["nquads", "trig", "jsonld", "turtle"]
    }
    assert cli("--workspace", root, "build").exit_code == 0
    for fmt, text in first.items():
        assert cli("--workspace", root, "export", "--format", fmt).stdout == text


def test_export_to_a_file(seed_built, cli, tmp_path):
    target = tmp_path / "out" / "kg.nq"
    result = cli("--workspace", seed_built.root, "export", "--format", "nquads", "--output", target)
    assert result.exit_code == 0 and result.stdout == ""
    assert target.read_text() == export_text(open_store(seed_built.store), ExportFormat.nquads)


# --- the coordination network for other tools (Gephi, yEd, Cytoscape) ------------------------


def _read_back(fmt: str, text: str, tmp_path):
    import networkx as nx

    path = tmp_path / f"network.{fmt}"
    path.write_text(text, encoding="utf-8")
    return nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_the_network_reads_back_in_networkx_with_every_attribute(seed_built, cli, tmp_path, fmt):
    from kg.export import flat_network
    from kg.network import coordination_graph

    store = open_store(seed_built.store)
    result = cli("--workspace", seed_built.root, "export", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    network = _read_back(fmt, result.stdout, tmp_path)
    built = coordination_graph(store)
    assert set(network.nodes) == set(built.nodes)
    assert {frozenset(e) for e in network.edges} == {frozenset(e) for e in built.edges}
    icat = network.nodes["icat"]
    assert (icat["type"], icat["label_en"], icat["label_fr"]) == (
        "mechanism",
        "Inter-Agency Coordination Group against Trafficking in Persons",
        "Groupe interinstitutions de coopération contre la traite des personnes",
    )
    edge = network.edges["frontex", "unodc"]
    assert (edge["relation"], int(edge["weight"]), edge["via"], edge["passages"]) == (
        "agreement",
        1,
        "agreement-unodc-frontex-2012",
        "passage-001-12",
    )
    flat = flat_network(store)
    for node, data in flat.nodes(data=True):
        assert {k: network.nodes[node].get(k, "") for k in ("type", "label_en", "label_fr")} == {
            k: data[k] for k in ("type", "label_en", "label_fr")
        }


def test_the_network_csv_is_gephis_edge_list(seed_built, cli):
    import csv
    import io

    result = cli("--workspace", seed_built.root, "export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == [
        "Source", "Target", "Type", "Weight", "Relation", "Via", "Passages", "Source label", "Target label"
    ]  # fmt: skip
    frontex = [r for r in rows if {r["Source"], r["Target"]} == {"frontex", "unodc"}]
    assert frontex == [
        {
            "Source": "frontex",
            "Target": "unodc",
            "Type": "Undirected",
            "Weight": "1",
            "Relation": "agreement",
            "Via": "agreement-unodc-frontex-2012",
            "Passages": "passage-001-12",
            "Source label": "European Agency for the Management of Operational Cooperation at the External "
            "Borders of the Member States of the European Union",
            "Target label": "United Nations Office on Drugs and Crime",
        }
    ]


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "csv"])
def test_network_exports_are_byte_identical_across_runs(seed_built, cli, fmt):
    first = cli("--workspace", seed_built.root, "export", "--format", fmt).stdout
    assert first and cli("--workspace", seed_built.root, "export", "--format", fmt).stdout == first


def test_the_export_lists_an_edges_passages_in_the_networks_order(real_built):
    """One order (kg.network.passage_order) for the ties `analyze path` shows and the export's edges."""
    from kg.export import flat_network
    from kg.network import coordination_graph, passage_order

    store = open_store(real_built.store)
    network, flat = coordination_graph(store), flat_network(store)
    compared = 0
    for source, target, data in network.edges(data=True):
        facts = data["facts"]
        assert all(list(f.passages) == sorted(f.passages, key=passage_order) for f in facts)
        if len(facts) == 1:
            assert flat.edges[source, target]["passages"] == ", ".join(facts[0].passages)
            compared += len(facts[0].passages) > 1
    assert compared > 10
