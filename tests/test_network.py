"""Network measures on small graphs with known answers, on the query-pack fixture and the real graph.

Expected numbers on the small graphs come from the definitions: in a path a-b-c the middle node
lies on the only shortest path between the ends (betweenness 1, normalised); a star's hub has
degree centrality 1; Jaccard is |shared| / |either|.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest

from kg.errors import ValidationError
from kg.network import (
    Tie,
    analyze,
    brokers,
    centrality,
    communities,
    coordination_graph,
    count_shortest_paths,
    graph_from_ties,
    mechanism_overlap,
    path_hops,
    shortest_path,
)
from kg.prefixes import PREFIXES
from kg.store import open_store
from tests.querypack_support import built_querypack


@pytest.fixture(scope="module")
def querypack(tmp_path_factory):
    return built_querypack(tmp_path_factory)


@pytest.fixture(scope="module")
def network(querypack):
    return coordination_graph(open_store(querypack.store))


def test_doctests_of_the_module():
    import doctest

    import kg.network

    assert doctest.testmod(kg.network).failed == 0


def test_centrality_on_a_path():
    graph = graph_from_ties([Tie("a", "agreement", "b"), Tie("b", "agreement", "c")])
    rows = {row[0]: row for row in centrality(graph)}
    assert rows["b"][2:5] == (2, 1.0, 1.0)
    assert rows["a"][2:5] == (1, 0.5, 0.0)
    assert rows["b"][5] == pytest.approx(2**-0.5, abs=1e-6)  # eigenvector of a 3-path: (1/2, 1/√2, 1/2)
    assert rows["a"][5] == pytest.approx(0.5, abs=1e-6)


def test_brokers_overlap_and_communities_on_known_graphs():
    ties = [Tie(a, "memberOf", "m1") for a in ("a", "b", "c")] + [
        Tie(a, "memberOf", "m2") for a in ("c", "d")
    ]
    graph = graph_from_ties(ties, ["m1", "m2"])
    assert brokers(graph) == [("c", 2, "m1, m2", round(nx.betweenness_centrality(graph)["c"], 4))]
    assert mechanism_overlap(graph) == [("m1", "m2", 1, 4, 0.25)]
    assert communities(graph_from_ties([]), 1) == []
    assert communities(graph, seed=7) == communities(graph, seed=7)


def test_path_hops_carry_facts_and_passages():
    graph = graph_from_ties(
        [
            Tie("a", "agreement", "b", "agreement-a-b", ("passage-001-12",)),
            Tie("c", "memberOf", "b", "", ("passage-000-11", "passage-000-13")),
        ]
    )
    # hops in the order travelled, a -> b -> c: "c memberOf b" walked from b is ^memberOf
    assert path_hops(graph, shortest_path(graph, "a", "c")) == [
        (1, "a", "agreement", "b", "agreement-a-b", "passage-001-12"),
        (2, "b", "^memberOf", "c", "", "passage-000-11, passage-000-13"),
    ]
    assert path_hops(graph, shortest_path(graph, "c", "a")) == [
        (1, "c", "memberOf", "b", "", "passage-000-11, passage-000-13"),
        (2, "b", "agreement", "a", "agreement-a-b", "passage-001-12"),
    ]
    assert count_shortest_paths(graph, "a", "c") == 1
    lonely = graph_from_ties([Tie("a", "agreement", "b"), Tie("x", "agreement", "y")])
    with pytest.raises(ValidationError, match="^no path between a and x in the coordination network$"):
        shortest_path(lonely, "a", "x")
    with pytest.raises(ValidationError, match="^nobody has no tie in the coordination network$"):
        shortest_path(lonely, "a", "nobody")


def test_the_fixture_network_is_built_as_documented(network):
    facts = sorted(t for _, _, d in network.edges(data=True) for t in d["facts"])
    assert Tie("country-BLR", "fundedBy", "icat") not in facts
    assert Tie("icat", "fundedBy", "country-BLR", "", ("passage-000-11",)) in facts
    assert Tie("unodc", "chairs", "gmg", "", ("passage-001-11",)) in facts
    assert (
        Tie("iom", "co-organiser", "unodc", "event-albania-consular-workshop-2011", ("passage-001-38",))
        in facts
    )
    assert Tie("iom", "partner", "unodc", "programme-ungift-rwanda", ("passage-001-10",)) in facts
    assert Tie("stop-the-traffik", "partner", "ungift", "campaign-start-freedom", ("passage-004-9",)) in facts
    assert {n for n, k in network.nodes(data="kind") if k == "mechanism"} == {
        "icat",
        "gmg",
        "ungift-steering-committee",
    }
    assert (
        "programme-ungift-serbia" not in network
    )  # a programme is not an actor: its funders do not link to it


def test_fixture_overlap_and_brokers(network):
    # ICAT: 9 members (Belarus funds it: not a member); GMG: 9 members; steering committee: 6 founders
    assert mechanism_overlap(network) == [
        ("gmg", "icat", 7, 11, 0.6364),
        ("gmg", "ungift-steering-committee", 5, 10, 0.5),
        ("icat", "ungift-steering-committee", 5, 10, 0.5),
    ]
    assert [(a, n) for a, n, _, _ in brokers(network)] == [
        ("unicef", 3),
        ("unodc", 3),
        ("ilo", 3),
        ("iom", 3),
        ("unhcr", 3),
        ("ohchr", 2),
        ("unfpa", 2),
    ]


def test_fixture_communities_are_stable(network):
    assert communities(network, 42) == [
        [
            "country-ARE",
            "country-AUS",
            "country-AUT",
            "country-CAN",
            "stop-the-traffik",
            "undp",
            "ungift",
            "unifem",
        ],
        ["gmg", "ilo", "ohchr", "osce", "unesco", "ungift-steering-committee", "unhcr", "unicef"],
        ["country-BLR", "icat", "interpol", "unfpa"],
        ["frontex", "iom", "unodc", "unwto"],
    ]


def test_path_on_the_cli(querypack, cli):
    result = cli("--workspace", querypack.root, "analyze", "path", "ONUDC", "Frontex", "--format", "csv")
    assert list(csv.reader(io.StringIO(result.stdout))) == [
        ["step", "from", "relation", "to", "via", "passages", "shortest_paths"],
        ["1", "unodc", "agreement", "frontex", "agreement-unodc-frontex-2012", "passage-001-12", "1"],
    ]
    longer = cli(
        "--workspace", querypack.root, "analyze", "path", "Frontex", "Stop the Traffik", "--format", "json"
    )
    hops = json.loads(longer.stdout)
    assert [(h["step"], h["from"], h["relation"], h["to"]) for h in hops] == [
        (1, "frontex", "agreement", "unodc"),
        (2, "unodc", "chairs", "gmg"),
        (2, "unodc", "memberOf", "gmg"),
        (3, "gmg", "^memberOf", "undp"),
        (4, "undp", "^fundedBy", "ungift"),
        (5, "ungift", "partner", "stop-the-traffik"),
    ]
    assert {h["shortest_paths"] for h in hops} == {5}
    unknown = cli("--workspace", querypack.root, "analyze", "path", "UNODC", "Atlantis")
    assert (unknown.exit_code, unknown.stderr) == (2, "Error: actor 'Atlantis' not found\n")


def test_other_measures_on_the_cli(querypack, cli):
    table = cli("--workspace", querypack.root, "analyze", "overlap").stdout
    assert table.splitlines()[2].split() == ["gmg", "icat", "7", "11", "0.6364"]
    top = json.loads(
        cli("--workspace", querypack.root, "analyze", "centrality", "--top", "2", "--format", "json").stdout
    )
    assert [row["node"] for row in top] == ["ungift", "icat"]
    brokers_csv = cli("--workspace", querypack.root, "analyze", "brokers", "--format", "csv").stdout
    assert brokers_csv.splitlines()[1] == 'unicef,3,"gmg, icat, ungift-steering-committee",0.2399'
    groups = cli(
        "--workspace", querypack.root, "analyze", "communities", "--format", "tsv"
    ).stdout.splitlines()
    assert groups[0] == "community\tsize\tmembers" and len(groups) == 5


def test_measures_on_the_real_graph(real_built):
    graph = coordination_graph(open_store(real_built.store))
    rows = centrality(graph)
    assert len(rows) == graph.number_of_nodes()
    assert all(0 <= b <= 1 and 0 <= e <= 1 for *_, b, e in rows)
    found = communities(graph)
    assert sorted(n for c in found for n in c) == sorted(graph.nodes)
    assert communities(graph) == found
    for _, _, shared, either, jaccard in mechanism_overlap(graph):
        assert 0 < shared <= either and jaccard == round(shared / either, 4)
    headers, _ = analyze(open_store(real_built.store), "brokers")
    assert headers == ["actor", "mechanisms", "linked", "betweenness"]


# --- issue 14: membership, funding and direction ---------------------------------------------


def test_real_overlap_agrees_with_the_mechanism_overlap_query(real_built):
    """Belarus funds ICAT (000 §11, 003 §86): a funding edge, not a member, so ICAT/GMG share
    9 members out of 26 in both `analyze overlap` and the mechanism-overlap question."""
    from kg.querypack import run_by_name

    result = run_by_name(
        real_built.queries_dir, real_built.store, "mechanism-overlap", ["first=ICAT", "second=GMG"]
    )
    sides = [row["membership"].value for row in result]
    _, rows = analyze(open_store(real_built.store), "overlap")
    (icat_gmg,) = [r for r in rows if {r[0], r[1]} == {"icat", "gmg"}]
    assert icat_gmg[2:4] == (sides.count("both"), len(sides)) == (9, 26)


def test_real_brokers_keep_ungift_out_of_its_own_steering_committee(real_built):
    """000 §17, 004 §84: the Steering Committee coordinates UN.GIFT; UN.GIFT is no member of it."""
    _, rows = analyze(open_store(real_built.store), "brokers")
    assert "ungift" not in {r[0] for r in rows}
    assert ("unodc", 6) in {(r[0], r[1]) for r in rows}


def test_real_path_icat_to_gmg_in_the_order_travelled(real_built):
    headers, rows = analyze(open_store(real_built.store), "path", source="ICAT", target="GMG")
    assert headers[-1] == "shortest_paths"
    assert [r[:4] for r in rows] == [(1, "icat", "^memberOf", "ilo"), (2, "ilo", "memberOf", "gmg")]
    assert {r[-1] for r in rows} == {9}


def test_a_subclass_of_coordination_mechanism_is_a_mechanism(workspace_factory):
    seed = Path(__file__).resolve().parent / "data" / "seed"
    files = {p.name: p.read_text() for p in seed.glob("*.trig")}
    files["task-force.trig"] = """@prefix atkg: <https://w3id.org/atkg/ontology#> .
@prefix id: <https://w3id.org/atkg/id/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
id:graph-entities { id:task-force a atkg:TaskForce ;
    skos:prefLabel "Task force"@en , "Équipe spéciale"@fr . }
id:passage-000-11 { id:ilo org:memberOf id:task-force .
    id:task-force atkg:provenanceNote "A fictitious task force, for the test only."@en . }
"""
    workspace = workspace_factory(files)
    with workspace.ontology.open("a", encoding="utf-8") as ontology:
        ontology.write(
            "\natkg:TaskForce a owl:Class ; rdfs:subClassOf atkg:CoordinationMechanism ;"
            ' rdfs:label "task force"@en , "équipe spéciale"@fr .\n'
        )
    from kg.build import build

    build(workspace)
    graph = coordination_graph(open_store(workspace.store))
    assert graph.nodes["task-force"]["kind"] == "mechanism"
    assert "task-force" in [r[2] for r in brokers(graph) if r[0] == "ilo"][0].split(", ")


# --- issue 10: at scale ------------------------------------------------------------------------


def test_a_large_network_estimates_betweenness_from_seeded_sources_and_says_so(real_built, monkeypatch):
    import kg.network

    graph = coordination_graph(open_store(real_built.store))
    exact = analyze(open_store(real_built.store), "centrality")
    assert exact[0][5] == "betweenness"
    nodes = graph.number_of_nodes()
    monkeypatch.setattr(kg.network, "EXACT_BETWEENNESS_NODES", nodes - 1)
    monkeypatch.setattr(kg.network, "BETWEENNESS_SOURCES", 20)
    headers, rows = analyze(open_store(real_built.store), "centrality")
    assert headers[5] == f"betweenness (estimated from 20 of {nodes} sources, seed 42)"
    # networkx's own estimate from the same seeded sources, computed on numpy arrays
    estimate = nx.betweenness_centrality(graph, k=20, seed=42)
    assert {r[0]: r[5] for r in rows} == pytest.approx(estimate, abs=1e-12)
    assert estimate != pytest.approx(nx.betweenness_centrality(graph), abs=1e-3)
    assert analyze(open_store(real_built.store), "centrality") == (headers, rows)  # seeded: stable
    # eigenvector: the same power iteration on numpy arrays, the same values
    assert {r[0]: r[6] for r in rows} == pytest.approx({r[0]: r[6] for r in exact[1]}, abs=1e-12)
    brokers_headers, _ = analyze(open_store(real_built.store), "brokers")
    assert brokers_headers[3] == headers[5]


# --- both languages, whole: headings, notes, kinds, relations, labels ---------------------------

HEADINGS = {
    "centrality": (
        "node,label,kind,neighbours,degree,betweenness,eigenvector",
        "nœud,libellé,type,voisins,centralité de degré,centralité d'intermédiarité,"
        "centralité de vecteur propre",
    ),
    "brokers": (
        "actor,mechanisms,linked,betweenness",
        "acteur,nombre de mécanismes,mécanismes,centralité d'intermédiarité",
    ),
    "overlap": (
        "mechanism,other,shared,either,jaccard",
        "mécanisme,autre mécanisme,membres communs,membres de l'un ou de l'autre,indice de Jaccard",
    ),
    "communities": ("community,size,members", "communauté,taille,membres"),
    "path": (
        "step,from,relation,to,via,passages,shortest_paths",
        "étape,de,relation,à,par,passages,plus courts chemins",
    ),
}


@pytest.mark.parametrize("measure", sorted(HEADINGS))
def test_every_measure_is_headed_in_the_language_asked(querypack, cli, measure):
    actors = ["ONUDC", "Frontex"] if measure == "path" else []
    for lang, expected in zip(("en", "fr"), HEADINGS[measure], strict=True):
        result = cli(
            "--workspace", querypack.root, "analyze", measure, *actors, "--format", "csv", "--lang", lang
        )
        assert result.exit_code == 0, result.stderr
        assert result.stdout.splitlines()[0] == expected
    default = cli("--workspace", querypack.root, "analyze", measure, *actors, "--format", "csv")
    assert default.stdout.splitlines()[0] == HEADINGS[measure][0]


def test_french_centrality_gives_french_kinds_and_labels(querypack, cli):
    rows = json.loads(
        cli(
            "--workspace",
            querypack.root,
            "analyze",
            "centrality",
            "--top",
            "2",
            "--format",
            "json",
            "--lang",
            "fr",
        ).stdout
    )
    assert [(r["nœud"], r["type"]) for r in rows] == [("ungift", "acteur"), ("icat", "mécanisme")]
    assert rows[1]["libellé"] == "Groupe interinstitutions de coopération contre la traite des personnes"
    english = json.loads(
        cli("--workspace", querypack.root, "analyze", "centrality", "--top", "2", "--format", "json").stdout
    )
    assert [(r["kind"], r["label"]) for r in english][1] == (
        "mechanism",
        "Inter-Agency Coordination Group against Trafficking in Persons",
    )
    assert [r["betweenness"] for r in english] == [r["centralité d'intermédiarité"] for r in rows]


def test_a_french_path_names_its_relations_in_french(querypack, cli):
    def hops(*lang):
        args = ("analyze", "path", "Frontex", "Stop the Traffik", "--format", "json", *lang)
        return [list(h.values()) for h in json.loads(cli("--workspace", querypack.root, *args).stdout)]

    french = {"agreement": "accord", "chairs": "préside", "memberOf": "membre de"}
    french |= {"^memberOf": "a pour membre", "^fundedBy": "finance", "partner": "partenaire"}
    english = hops()
    assert {h[2] for h in english} == set(french)
    assert hops("--lang", "fr") == [[*h[:2], french[h[2]], *h[3:]] for h in english]


def test_a_french_table_counts_its_rows_in_french(querypack, cli):
    table = cli("--workspace", querypack.root, "analyze", "overlap", "--lang", "fr").stdout.splitlines()
    assert table[0].split("  ")[0] == "mécanisme"
    assert table[-1] == f"({len(table) - 3} lignes)"
    top = cli("--workspace", querypack.root, "analyze", "overlap", "--top", "1", "--lang", "fr").stdout
    assert top.splitlines()[-1] == "(1 ligne)"
    english = cli("--workspace", querypack.root, "analyze", "overlap", "--top", "1").stdout
    assert english.splitlines()[-1] == "(1 row)"


def test_no_path_is_said_in_the_language_asked():
    graph = graph_from_ties([Tie("a", "agreement", "b"), Tie("x", "partner", "y")])
    with pytest.raises(ValidationError, match="^aucun chemin entre a et x dans le réseau de coordination$"):
        shortest_path(graph, "a", "x", "fr")
    with pytest.raises(ValidationError, match="^nobody n'a aucun lien dans le réseau de coordination$"):
        shortest_path(graph, "a", "nobody", "fr")


def test_an_estimated_betweenness_says_so_in_french(real_built, monkeypatch):
    import kg.network

    nodes = coordination_graph(open_store(real_built.store)).number_of_nodes()
    monkeypatch.setattr(kg.network, "EXACT_BETWEENNESS_NODES", nodes - 1)
    monkeypatch.setattr(kg.network, "BETWEENNESS_SOURCES", 20)
    headers, _ = analyze(open_store(real_built.store), "brokers", lang="fr")
    assert headers == [
        "acteur",
        "nombre de mécanismes",
        "mécanismes",
        f"centralité d'intermédiarité (estimée à partir de 20 des {nodes} sources, graine 42)",
    ]


def test_csv_and_json_name_an_estimated_betweenness_as_an_exact_one(real_built, monkeypatch, cli):
    """A program reading `analyze --format json` finds `betweenness` whatever the network's size;
    only the table says the values were estimated."""
    import kg.network

    nodes = coordination_graph(open_store(real_built.store)).number_of_nodes()
    monkeypatch.setattr(kg.network, "EXACT_BETWEENNESS_NODES", nodes - 1)
    monkeypatch.setattr(kg.network, "BETWEENNESS_SOURCES", 20)
    plain, rows = analyze(open_store(real_built.store), "brokers", estimate_note=False)
    noted, same_rows = analyze(open_store(real_built.store), "brokers")
    assert plain == ["actor", "mechanisms", "linked", "betweenness"]
    assert noted[3] == f"betweenness (estimated from 20 of {nodes} sources, seed 42)"
    assert rows == same_rows
    store = ("--store", str(real_built.store))
    listed = json.loads(cli(*store, "analyze", "centrality", "--top", "1", "--format", "json").stdout)
    assert list(listed[0]) == ["node", "label", "kind", "neighbours", "degree", "betweenness", "eigenvector"]
    french = cli(*store, "analyze", "brokers", "--format", "csv", "--lang", "fr").stdout
    assert french.splitlines()[0] == "acteur,nombre de mécanismes,mécanismes,centralité d'intermédiarité"
    table = cli(*store, "analyze", "brokers", "--top", "1").stdout
    assert table.splitlines()[0].split("  ")[-1].strip() == noted[3]


def test_a_node_without_a_label_in_the_language_asked_is_named_in_the_other(querypack):
    """Labels are read in the language asked, then, for the agents still unnamed, in the other:
    ICAT with its French label taken away is named in English in a French network."""
    import pyoxigraph as ox

    from kg.store import EmbeddedStore

    built = open_store(querypack.store)
    copy = ox.Store()
    icat = "https://w3id.org/atkg/id/icat"
    pref = "http://www.w3.org/2004/02/skos/core#prefLabel"
    copy.extend(
        q
        for q in ox.Store.read_only(str(querypack.store))
        if not (q.subject.value == icat and q.predicate.value == pref and q.object.language == "fr")
    )
    french = coordination_graph(EmbeddedStore(copy), "fr")
    assert french.nodes["icat"]["label"] == "Inter-Agency Coordination Group against Trafficking in Persons"
    assert french.nodes["ungift"]["label"] == coordination_graph(built, "fr").nodes["ungift"]["label"]
    assert french.nodes["ungift"]["label"] != coordination_graph(built, "en").nodes["ungift"]["label"]


def test_a_language_other_than_fr_or_en_is_refused_before_it_reaches_a_query(network, querypack):
    from kg.errors import UsageError

    with pytest.raises(UsageError) as refused:
        coordination_graph(open_store(querypack.store), 'de") } #')
    assert str(refused.value) == "language 'de\") } #': fr or en"


def _with(querypack, trig: str):
    """The query-pack store, in memory, with ``trig`` added."""
    import pyoxigraph as ox

    from kg.store import EmbeddedStore

    copy = ox.Store()
    copy.extend(ox.Store.read_only(str(querypack.store)))
    prefixes = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items())
    copy.load(input=(prefixes + trig).encode(), format=ox.RdfFormat.TRIG)
    return EmbeddedStore(copy)


def test_a_blank_node_class_of_agents_leaves_the_network_as_it_was(querypack):
    """The kinds are asked for by class name, so a class without one (a blank node under
    foaf:Agent) is left out instead of breaking the query; the network is unchanged."""
    before = coordination_graph(open_store(querypack.store))
    after = coordination_graph(_with(querypack, "id:graph-ontology { _:anon rdfs:subClassOf foaf:Agent . }"))
    assert list(after.nodes(data=True)) == list(before.nodes(data=True))
    assert list(after.edges(data=True)) == list(before.edges(data=True))


def test_two_iris_of_one_slug_name_the_node_by_the_least(querypack):
    """<urn:x> and id:urn:x are both the node "urn:x": it takes the least IRI (the namespace's),
    its kind and label, whatever order the engine gives the rows in."""
    store = _with(
        querypack,
        """id:graph-entities { id:urn:x a org:Organization ; skos:prefLabel "X in the namespace"@en . }
        id:passage-001-1 { <urn:x> org:memberOf id:icat . id:urn:x org:memberOf id:icat . }""",
    )
    graph = coordination_graph(store)
    assert graph.nodes["urn:x"] == {"kind": "actor", "label": "X in the namespace"}
