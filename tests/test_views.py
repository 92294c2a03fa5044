"""The views as data (which ties each view draws), as HTML (escaped, self-contained, deterministic)
and through the CLI. Expected ties come from tests/data/seed + tests/data/views, read by hand."""

from __future__ import annotations

import html as html_text
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import UsageError
from kg.store import open_store
from tests.views_fixture import HOSTILE_LABELS, views_built  # noqa: F401  (a fixture)
from viz.facts import load_facts
from viz.graphs import VIEW_NAMES, build_view, default_center
from viz.index import dated_agreements_and_events, membership_matrix
from viz.layout import FORCE_LIMIT, layout
from viz.page import render_view, script_json
from viz.publish import render_views, write_view

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def facts(views_built):  # noqa: F811
    return load_facts(open_store(views_built.store), "en")


@pytest.fixture(scope="module")
def facts_fr(views_built):  # noqa: F811
    return load_facts(open_store(views_built.store), "fr")


def ties(view) -> set[tuple[str, str, str, int]]:
    return {(e.source, e.target, e.kind, e.count) for e in view.edges}


def data_block(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="atkg-data">(.*?)</script>', html, re.S)
    assert match, "no data block"
    return json.loads(match.group(1))


# -- which ties each view draws ----------------------------------------------------------------


def test_mechanisms_view_links_members_to_mechanisms_and_marks_those_in_several(facts):
    view = build_view(facts, "mechanisms")
    icat = {"ilo", "interpol", "iom", "ngo-hostile", "ohchr", "unfpa", "unhcr", "unicef", "unifem", "unodc"}
    gmg = {"ilo", "iom", "ohchr", "undp", "unesco", "unfpa", "unhcr", "unicef", "unodc"}
    expected = {(m, "icat", "org:memberOf", 1) for m in icat} | {(m, "gmg", "org:memberOf", 1) for m in gmg}
    expected |= {
        ("iom", "icat-working-group", "org:memberOf", 1),
        ("ngo-hostile", "icat-working-group", "org:memberOf", 1),
        ("unodc", "icat-working-group", "atkg:chairs", 1),
    }
    assert ties(view) == expected
    assert {n.id for n in view.nodes if n.emphasis} == {
        "ilo",
        "iom",
        "ngo-hostile",
        "ohchr",
        "unfpa",
        "unhcr",
        "unicef",
        "unodc",
    }
    assert view.emphasis_label == "member of several mechanisms"
    assert [e.label for e in view.edge_legend] == ["Chairs", "Member of"]


def test_partnerships_view_ties_actors_by_kind_of_tie(facts):
    view = build_view(facts, "partnerships")
    assert ties(view) == {
        ("country-BLR", "icat", "funding", 1),
        ("country-BLR", "ngo-hostile", "funding", 1),
        ("frontex", "unodc", "agreement", 1),
        ("icat-working-group", "ngo-hostile", "event", 1),
        ("iom", "ngo-hostile", "programme", 1),
        ("iom", "unodc", "agreement", 1),
        ("iom", "unodc", "programme", 1),
        ("ngo-hostile", "unodc", "programme", 1),
        ("unodc", "unwto", "agreement", 1),
    }
    assert [(e.key, e.label) for e in view.edge_legend] == [
        ("agreement", "agreement"),
        ("event", "co-organised event"),
        ("funding", "funding"),
        ("programme", "joint programme"),
    ]
    frontex = next(e for e in view.edges if e.source == "frontex")
    assert frontex.title == (
        "agreement: European Agency for the Management of Operational Cooperation at the External Borders of "
        "the Member States of the European Union — United Nations Office on Drugs and Crime\n"
        "Through: UNODC–Frontex working arrangement (2012)\nYear: 2012\nSources:\n"
        "  Document 001, paragraph 12 (CTOC/COP/2012/2)"
    )


def test_countries_view_shows_programmes_events_and_ratifications(facts):
    view = build_view(facts, "countries")
    assert ties(view) == {
        ("country-GRC", "instrument-tip-protocol", "atkg:ratified", 1),
        ("country-VNM", "instrument-tip-protocol", "atkg:ratified", 1),
        ("event-briefing-geneva-2011", "country-CHE", "atkg:location", 1),
        ("programme-hostile", "country-BLR", "atkg:fundedBy", 1),
        ("programme-hostile", "country-RWA", "atkg:implementedIn", 1),
    }
    assert {e.target: e.year for e in view.edges if e.kind == "atkg:ratified"} == {
        "instrument-tip-protocol": 2012
    }
    assert sorted((e.source, e.year) for e in view.edges if e.kind == "atkg:ratified") == [
        ("country-GRC", 2011),
        ("country-VNM", 2012),
    ]


def test_ego_view_is_the_neighbourhood_to_the_given_depth(facts):
    one = build_view(facts, "ego", center="ngo-hostile", depth=1)
    assert (one.depth, one.max_depth) == (1, 2)  # the page holds a second ring for its depth control
    assert sorted(n.id for n in one.nodes if n.depth <= 1) == [
        "country-BLR",
        "event-briefing-geneva-2011",
        "icat",
        "icat-working-group",
        "ngo-hostile",
        "programme-hostile",
    ]
    assert [n.id for n in one.nodes if n.emphasis] == ["ngo-hostile"]
    two = build_view(facts, "ego", center="ngo-hostile", depth=2)
    assert {n.id for n in two.nodes} == {n.id for n in one.nodes}
    assert {"unodc", "iom", "country-RWA", "country-CHE", "interpol"} <= {n.id for n in two.nodes}
    assert "gmg" not in {n.id for n in two.nodes}  # three ties away, through ILO or UNODC
    assert {n.id: n.depth for n in two.nodes}["unodc"] == 2
    assert default_center(facts) == "icat"  # 10 members and a funder


def test_ego_view_refuses_an_unlabelled_centre_and_a_bad_depth(facts):
    with pytest.raises(
        UsageError, match="^entity 'membership-unodc-icat-working-group-chair-2010' has no labels"
    ):
        build_view(facts, "ego", center="membership-unodc-icat-working-group-chair-2010")
    with pytest.raises(UsageError, match=r"^--depth must be 1 or more, not 0$"):
        build_view(facts, "ego", center="unodc", depth=0)


def test_timeline_puts_dated_ties_on_a_time_axis_in_lanes_by_kind(facts):
    view = build_view(facts, "timeline")
    assert view.year_filter and view.edges == [] and len(view.nodes) == 17
    assert sorted({n.year for n in view.nodes}) == [2010, 2011, 2012]
    assert [label for _, label in view.axis.ticks] == ["2010", "2011", "2012", "2013"]
    assert [label for _, label in view.axis.lanes] == [
        "Chairs",
        "Funded by",
        "Implemented in",
        "Location",
        "Organized by",
        "Partner",
        "Party",
        "Ratified",
    ]
    tick = dict((label, x) for x, label in view.axis.ticks)
    # x is the date: each mark sits between its year's tick and the next one.
    for node in view.nodes:
        assert tick[str(node.year)] <= node.x < tick[str(node.year + 1)]
    # one lane per kind: the marks of a lane lie inside its band
    tops = [top for top, _ in view.axis.lanes] + [float("inf")]
    for node in view.nodes:
        band = next(i for i in range(len(tops) - 1) if tops[i] <= node.y < tops[i + 1])
        assert view.node_legend[band].key == node.kind
    ratified = [n for n in view.nodes if n.kind == "atkg:ratified"]
    assert sorted((n.year, n.label) for n in ratified) == [
        (2011, "Greece → Protocol to Prevent, Suppress and Puni…"),
        (2012, "Viet Nam → Protocol to Prevent, Suppress and Puni…"),
    ]
    # the six parties of three 2012 agreements, all dated 2012: stacked in rows, never on one spot
    party = [(n.x, n.y) for n in view.nodes if n.kind == "atkg:party"]
    assert len(party) == len(set(party)) == 6
    narrowed = build_view(facts, "timeline", years=(2012, 2012))
    assert {n.year for n in narrowed.nodes} == {2012} and len(narrowed.nodes) == 7
    with pytest.raises(UsageError, match="^--from 2013 is after --to 2012$"):
        build_view(facts, "timeline", years=(2013, 2012))


def test_year_range_leaves_undated_ties_in_other_views(facts):
    view = build_view(facts, "partnerships", years=(2012, None))
    assert {e.kind for e in view.edges} == {"agreement", "funding"}  # funding of ICAT/NGO is undated


def test_comembership_counts_shared_mechanisms_and_colours_communities(facts):
    view = build_view(facts, "comembership")
    counts = {(e.source, e.target): e.count for e in view.edges}
    assert len(view.nodes) == 12 and len(view.edges) == 60
    assert counts[("iom", "unodc")] == 3
    assert counts[("interpol", "unifem")] == 1
    assert counts[("ngo-hostile", "unodc")] == 2
    assert all(n.kind.startswith("community-") for n in view.nodes)
    legend_total = sum(int(re.search(r": (\d+) actor", e.label).group(1)) for e in view.node_legend)
    assert legend_total == 12
    # Louvain, seeded: the same partition every run.
    assert view.node_legend == build_view(facts, "comembership").node_legend


def test_funding_view_points_from_funder_to_funded(facts):
    view = build_view(facts, "funding")
    assert view.directed
    assert ties(view) == {
        ("country-BLR", t, "funding", 1) for t in ("icat", "ngo-hostile", "programme-hostile")
    }


def test_labels_follow_the_language(facts_fr):
    view = build_view(facts_fr, "mechanisms")
    labels = {n.id: n.label for n in view.nodes}
    assert labels["unodc"] == "ONUDC" and labels["ilo"] == "BIT" and labels["gmg"] == "GMG"
    assert labels["ngo-hostile"] == HOSTILE_LABELS["ngo-hostile"]["fr"]
    assert view.title == "Mécanismes de coordination et leurs membres"
    assert [e.label for e in view.edge_legend] == ["Préside", "Membre de"]


def test_unknown_view_name_is_a_usage_error(facts):
    with pytest.raises(UsageError, match="^no view named 'bogus': choose one of mechanisms, partnerships"):
        build_view(facts, "bogus")


# -- the index's static overviews ------------------------------------------------------------


def test_membership_matrix(facts):
    matrix = membership_matrix(facts)
    assert matrix.mechanisms == [
        ("icat", "ICAT"),
        ("gmg", "GMG"),
        ("icat-working-group", "ICAT working group"),
    ]
    assert [(slug, cells) for slug, _, cells in matrix.rows] == [
        ("iom", ["M", "M", "M"]),
        ("unodc", ["M", "M", "C"]),
        ("ngo-hostile", ["M", "", "M"]),
        ("ilo", ["M", "M", ""]),
        ("ohchr", ["M", "M", ""]),
        ("unhcr", ["M", "M", ""]),
        ("unicef", ["M", "M", ""]),
        ("unfpa", ["M", "M", ""]),
        ("interpol", ["M", "", ""]),
        ("unifem", ["M", "", ""]),
        ("undp", ["", "M", ""]),
        ("unesco", ["", "M", ""]),
    ]


def test_agreements_and_events_by_date(facts):
    assert [(t.date, t.slug, t.who) for t in dated_agreements_and_events(facts)] == [
        ("2011-06", "event-briefing-geneva-2011", "</script><script>alert(1)</script>, ICAT working group"),
        ("2012-04", "agreement-unodc-frontex-2012", "Frontex, UNODC"),
        ("2012-04", "agreement-unodc-iom-2012", "IOM, UNODC"),
        ("2012-04", "agreement-unodc-unwto-2012", "UNODC, UNWTO"),
    ]


# -- the HTML ---------------------------------------------------------------------------------


def test_script_json_cannot_close_the_script_element():
    text = script_json({"a": "</script><script>alert(1)</script>", "b": "x\u2028y\u2029&"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"a": "</script><script>alert(1)</script>", "b": "x\u2028y\u2029&"}


@pytest.mark.parametrize("name", VIEW_NAMES)
def test_page_is_self_contained_and_escapes_hostile_labels(facts, name):
    view = build_view(facts, name)
    html = render_view(view)
    # Three scripts, all inline: the data block, vis-network, ours. Nothing else loads anything.
    assert re.findall(r"\n<script[^>]*>", html) == [
        '\n<script type="application/json" id="atkg-data">',
        "\n<script>",
        "\n<script>",
    ]
    assert len(re.findall(r"</script", html, re.I)) == 3
    assert "sourceMappingURL" not in html
    markup = re.sub(r"(<script[^>]*>).*?(</script>)", r"\1\2", html, flags=re.S)
    assert not re.search(r"<(link|img|iframe|object|embed|svg)\b", markup, re.I)
    assert not re.search(r"\b(src|href)\s*=", markup, re.I)
    assert not re.search(r"url\(|@import|@font-face", markup, re.I)
    assert "default-src 'none'; script-src 'sha256-" in html_text.unescape(markup)
    assert "\u2028" not in html and "\u2029" not in html
    # Every hostile label of the view reaches the page only as JSON data, intact.
    payload = data_block(html)
    if name == "timeline":  # its marks are ties, named by their two ends
        payloads = {label["en"] for label in HOSTILE_LABELS.values()}
        assert any(part in payloads for n in payload["nodes"] for part in n["name"].split(" → "))
    else:
        hostile = [n for n in payload["nodes"] if n["id"] in HOSTILE_LABELS]
        assert hostile, f"the {name} view of the fixture has no hostile node to test"
        for node in hostile:
            assert node["name"] == HOSTILE_LABELS[node["id"]]["en"]
            assert node["title"].startswith(HOSTILE_LABELS[node["id"]]["en"] + "\nType: ")
            assert HOSTILE_LABELS[node["id"]]["fr"] in node["names"]  # search matches both languages
    assert "alert(" not in markup
    assert [n["id"] for n in payload["nodes"]] == [n.id for n in view.nodes]
    assert len(payload["edges"]) == len(view.edges)


def test_the_page_has_title_description_legend_search_and_filter(facts):
    html = render_view(build_view(facts, "mechanisms"))
    assert "<h1>Coordination mechanisms and their members</h1>" in html
    assert '<p class="description">Each coordination mechanism linked to its members' in html
    assert '<input id="node-search" type="search"' in html and '<ul id="search-results">' in html
    # filters start with everything shown: every type and kind checked
    assert html.count('class="filter-node"') == html.count('class="filter-node" value=') > 0
    assert len(re.findall(r'class="filter-(node|edge)" value="[^"]*" checked>', html)) == len(
        re.findall(r'class="filter-(node|edge)"', html)
    )
    assert (
        '<input type="checkbox" class="filter-node" value="atkg:CoordinationMechanism" checked>'
        '<span class="swatch diamond" style="background: #d62728"></span>Coordination mechanism</label>'
    ) in html
    assert '<span class="swatch emphasis"></span>member of several mechanisms</li>' in html


def test_index_escapes_data_and_links_every_view(facts):
    pages = render_views(facts)
    assert [p.file for p in pages] == [f"{n}.html" for n in VIEW_NAMES] + ["index.html"]
    index = pages[-1].html
    for page in pages[:-1]:
        assert f'<a href="{page.file}">{page.view.title}</a>' in index
        assert (
            f'<td class="num">{len(page.view.nodes)}</td><td class="num">{len(page.view.edges)}</td>' in index
        )
    assert "<script" not in index
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in index
    assert "<img" not in index
    # matrix rows and dated things link their entity pages (as `atkg site` lays them out)
    assert '<a href="../id/ilo.html">International Labour Organization</a></th>' in index
    assert '<a href="../id/agreement-unodc-iom-2012.html">UNODC–IOM cooperation agreement (2012)</a>' in index


def test_pages_are_deterministic_across_processes(views_built, tmp_path):  # noqa: F811
    """Same graph, same bytes: two processes with different hash seeds write identical files."""
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-m", "kg", "--workspace", str(views_built.root), "views", "--out", str(out)],
            check=True,
            capture_output=True,
            env=env,
            cwd=ROOT,
        )
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert sorted(outputs[0]) == sorted(f"{n}.html" for n in (*VIEW_NAMES, "index"))
    assert outputs[0] == outputs[1]


# -- layout -----------------------------------------------------------------------------------


def test_layout_is_seeded_and_large_graphs_get_distinct_positions():
    small = layout(["a", "b", "c", "d"], [("a", "b"), ("b", "c")], seed=3)
    assert small == layout(["a", "b", "c", "d"], [("a", "b"), ("b", "c")], seed=3)
    assert len(set(small.values())) == 4
    n = FORCE_LIMIT * 4
    nodes = [f"n{i}" for i in range(n)]
    edges = [(f"n{i}", f"n{i // 3}") for i in range(1, n)] + [("x", "y")]
    big = layout(nodes + ["x", "y"], edges)
    assert len(big) == n + 2 and len(set(big.values())) == n + 2


# -- the CLI ----------------------------------------------------------------------------------


def test_cli_views_writes_every_view_and_the_index(cli, views_built, tmp_path):  # noqa: F811
    out = tmp_path / "views"
    result = cli("--workspace", views_built.root, "views", "--out", out)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    counts = {
        "mechanisms": (15, 22),
        "partnerships": (8, 9),
        "countries": (8, 5),
        "ego": (19, 32),  # two rings held; the page opens on the first
        "timeline": (17, 0),  # ties drawn as marks on a time axis
        "comembership": (12, 60),
        "funding": (4, 3),
    }
    expected = [
        f"{n}.html  {counts[n][0]} nodes, {counts[n][1]} edges, {(out / f'{n}.html').stat().st_size} bytes"
        for n in VIEW_NAMES
    ]
    expected += [
        f"index.html  {(out / 'index.html').stat().st_size} bytes",
        f"Open {(out / 'index.html').resolve()} in a browser",
    ]
    assert lines == expected
    assert result.stderr == ""


def test_cli_view_ego_in_french(cli, views_built, tmp_path):  # noqa: F811
    out = tmp_path / "one"
    result = cli(
        "--workspace",
        views_built.root,
        "view",
        "ego",
        "--center",
        "ONUDC",
        "--depth",
        "1",
        "--lang",
        "fr",
        "--out",
        out,
    )
    assert result.exit_code == 0, result.stderr
    size = (out / "ego.html").stat().st_size
    assert result.stdout == f"ego.html  24 nodes, 37 edges, {size} bytes\n"
    html = (out / "ego.html").read_text(encoding="utf-8")
    # no article to guess ("de l'Office"): a colon reads right whatever the name
    assert "<h1>Voisinage : Office des Nations Unies contre la drogue et le crime</h1>" in html
    assert '<option value="1" selected>1</option><option value="2">2</option></select>' in html
    assert sorted(os.listdir(out)) == ["ego.html"]


def test_cli_view_timeline_with_a_year_range(cli, views_built, tmp_path):  # noqa: F811
    result = cli(
        "--workspace",
        views_built.root,
        "view",
        "timeline",
        "--from",
        "2012",
        "--to",
        "2012",
        "--out",
        tmp_path,
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("timeline.html  7 nodes, 0 edges, ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["view", "ego"], "the ego view needs --center ENTITY (an acronym, label, ISO code or slug)"),
        (["view", "mechanisms", "--center", "UNODC"], "--center and --depth apply to the ego view only"),
        (["view", "ego", "--center", "nosuchthing"], "entity 'nosuchthing' not found"),
        (["view", "ego", "--center", "UNODC", "--depth", "0"], "--depth must be 1 or more, not 0"),
        (["view", "timeline", "--from", "2013", "--to", "2012"], "--from 2013 is after --to 2012"),
    ],
)
def test_cli_view_usage_errors(cli, views_built, tmp_path, args, message):  # noqa: F811
    out = tmp_path / "out"
    result = cli("--workspace", views_built.root, *args, "--out", out)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"Error: {message}\n")
    assert not out.exists()


def test_cli_view_rejects_an_unknown_view(cli, views_built, tmp_path):  # noqa: F811
    result = cli("--workspace", views_built.root, "view", "bogus", "--out", tmp_path)
    assert result.exit_code == 2
    assert (
        "'bogus' is not one of 'mechanisms', 'partnerships', 'countries', 'ego', 'timeline'" in result.stderr
    )


def test_cli_views_out_must_be_a_folder(cli, views_built, tmp_path):  # noqa: F811
    target = tmp_path / "file.txt"
    target.write_text("keep me", encoding="utf-8")
    result = cli("--workspace", views_built.root, "views", "--out", target)
    assert (result.exit_code, result.stderr) == (2, f"Error: --out {target}: exists and is not a directory\n")
    assert target.read_text(encoding="utf-8") == "keep me"


def test_cli_views_needs_a_built_store(cli, seed_workspace, tmp_path):
    result = cli("--workspace", seed_workspace.root, "views", "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"Error: {seed_workspace.root / '.atkg' / 'store'}: no built store here (run `atkg build` first)\n"
    )
    assert not (tmp_path / "out").exists()


def test_write_view_leaves_existing_files_alone_on_failure(views_built, tmp_path):  # noqa: F811
    page = tmp_path / "ego.html"
    page.write_text("old", encoding="utf-8")
    with pytest.raises(UsageError):
        write_view(open_store(views_built.store), "ego", tmp_path, center="nosuchthing")
    assert page.read_text(encoding="utf-8") == "old"


def test_a_new_subclass_is_drawn_like_its_nearest_styled_ancestor():
    from viz.facts import FactBase
    from viz.graphs import styled_kind
    from viz.page import render_view as render

    base = FactBase("en")
    base.superclasses["atkg:TaskForce"].add("atkg:CoordinationMechanism")
    base.superclasses["atkg:LocalTaskForce"].add("atkg:TaskForce")
    base.superclasses["atkg:CoordinationMechanism"].add("org:OrganizationalCollaboration")
    base.term_labels["atkg:LocalTaskForce"]["en"] = "local task force"
    for slug, label, cls in (
        ("tf", "Task force", "atkg:LocalTaskForce"),
        ("unodc", "UNODC", "atkg:UNEntity"),
    ):
        base.pref_labels[slug]["en"] = label
        base.types[slug].add(cls)
    base.superclasses["atkg:UNEntity"].add("foaf:Agent")
    base.facts = {("unodc", "org:memberOf", "tf"): ["passage-000-11"]}
    assert styled_kind(base, "atkg:LocalTaskForce") == "atkg:CoordinationMechanism"
    assert styled_kind(base, "atkg:Unknown") == "atkg:Unknown"
    view = build_view(base, "mechanisms")  # a mechanism through its superclasses
    legend = {e.key: e for e in view.node_legend}
    assert (legend["atkg:LocalTaskForce"].label, legend["atkg:LocalTaskForce"].color) == (
        "Local task force",
        "#d62728",
    )
    assert legend["atkg:LocalTaskForce"].shape == "diamond"
    node = next(n for n in data_block(render(view))["nodes"] if n["id"] == "tf")
    assert (node["shape"], node["color"]["background"]) == ("diamond", "#d62728")


def test_panels_carry_each_fact_with_its_french_paragraph(facts, views_built):  # noqa: F811
    from kg.provenance import passage_iri, passage_texts

    view = build_view(facts, "mechanisms")
    payload = data_block(render_view(view))
    ilo = next(n for n in payload["nodes"] if n["id"] == "ilo")
    assert ilo["link"] == "ilo" and "OIT" in ilo["names"] and "BIT" in ilo["names"]
    rows = [payload["facts"][i] for i in ilo["facts"]]
    member = next(r for r in rows if (r[0], r[2], r[3]) == ("ilo", "Member of", "icat"))
    assert member[1] == "International Labour Organization" and member[5] == ["passage-000-11"]
    citation, title, text, doc, paragraph = payload["sources"]["passage-000-11"]
    assert (citation, doc, paragraph) == ("Document 000, paragraph 11", "doc-000", "11")
    assert text == passage_texts(views_built.corpus_dir)[passage_iri("000", "11")]
    assert text.startswith("11. Le Groupe a tenu deux réunions à New York en 2007.")
    edge = next(e for e in payload["edges"] if (e["from"], e["to"]) == ("ilo", "icat"))
    assert [payload["facts"][i][5] for i in edge["facts"]] == [["passage-000-11"]]


@pytest.mark.parametrize("name", ["mechanisms", "ego", "timeline"])
def test_a_french_page_says_nothing_in_english(facts_fr, name):
    from viz.text import TEXT

    english = [
        en
        for key, en in TEXT["en"].items()
        if en != TEXT["fr"][key] and "{" not in en and len(en) > 4 and key != "colon"
    ]
    html = render_view(build_view(facts_fr, name))
    page = re.sub(r"<script[^>]*>.*?</script>", "", html, flags=re.S)
    shown = html_text.unescape(re.sub(r"<[^>]+>", " ", page))
    words = data_block(html)["words"]
    for text_ in [shown, *words.values()]:
        assert [e for e in english if re.search(rf"\b{re.escape(e)}\b", text_)] == [], text_[:200]
    assert words["noMatch"] == "Aucun résultat" and words["entityPage"] == "Page de l'entité"
    # legend, kinds of tie and relations from the ontology's French labels
    payload = data_block(html)
    relations = {f[2] for f in payload["facts"]}
    assert "Membre de" in relations or name == "timeline"
    assert "Member of" not in relations
