"""Every view opened from file:// in headless Chromium: drawn, counted, clicked, hovered, shot.

The graph each page is checked against is the ViewGraph it was rendered from; screenshots go to
the test's temporary directory (``pytest --basetemp DIR`` keeps them somewhere to look at).
"""

from __future__ import annotations

import re

import pytest

from kg.store import open_store
from kg.textmatch import fold
from tests.views_fixture import HOSTILE_LABELS, views_built  # noqa: F401  (a fixture)
from viz.facts import load_facts
from viz.graphs import VIEW_NAMES, build_view
from viz.page import render_view
from viz.publish import render_views
from viz.synthetic import synthetic_view

DRAWN = "body[data-drawn=true]"  # set by the page on its first drawing (a selector: no eval under the CSP)
DOM_POSITION = """id => {
  const network = window.atkg.network;
  const point = network.canvasToDOM(network.getPositions([id])[id]);
  const box = document.getElementById("network").getBoundingClientRect();
  return [box.left + point.x, box.top + point.y];
}"""


@pytest.fixture(scope="module")
def rendered(views_built, tmp_path_factory):  # noqa: F811
    """Every page of the fixture written to disk, with the view each was rendered from."""
    out = tmp_path_factory.mktemp("pages")
    pages = render_views(load_facts(open_store(views_built.store), "en"))
    for page in pages:
        (out / page.file).write_text(page.html, encoding="utf-8")
    return {page.file.removesuffix(".html"): (out / page.file, page.view) for page in pages}


def assert_nothing_escaped(page, recorded) -> None:
    page.wait_for_timeout(200)  # let any late request or error surface
    assert recorded.errors == []
    assert recorded.dialogs == []
    assert recorded.blocked == []
    assert [u for u in recorded.requests if not u.startswith("file://")] == []


LABEL_BOXES = """() => {
  const network = atkg.network, scale = network.getScale();
  const ctx = document.createElement("canvas").getContext("2d");
  ctx.font = atkg.font;
  const px = atkg.data.labelFont, timeline = atkg.data.axis !== null;
  return atkg.labelled.map(id => {
    const node = atkg.data.nodes.find(n => n.id === id);
    const p = network.canvasToDOM(network.getPositions([id])[id]);
    const w = ctx.measureText(node.name).width;
    const r = timeline ? Math.max(node.size * scale, 4) : node.size * scale;  // marks keep 4 px
    return timeline ? [p.x + r + 3, p.y - px * 0.65, p.x + r + 3 + w, p.y + px * 0.65, id]
                    : [p.x - w / 2, p.y + r + 2, p.x + w / 2, p.y + r + 2 + px * 1.3, id];
  });
}"""


def overlapping(boxes) -> list[tuple[str, str]]:
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                found.append((a[4], b[4]))
    return found


def click_node(page, node_id: str) -> None:
    x, y = page.evaluate(DOM_POSITION, node_id)
    page.mouse.click(x, y)


@pytest.mark.parametrize("name", VIEW_NAMES)
def test_view_draws_labels_apart_opens_panels_and_never_runs_data(name, rendered, open_page, tmp_path):
    path, view = rendered[name]
    page, recorded = open_page(path)
    page.wait_for_selector(DRAWN, state="attached", timeout=30_000)
    counts = page.evaluate("""() => [atkg.nodes.length, atkg.edges.length,
        atkg.network.body.nodeIndices.length, atkg.network.body.edgeIndices.length]""")
    shown = {n.id for n in view.nodes if view.depth is None or n.depth <= view.depth}
    drawn_edges = [e for e in view.edges if e.source in shown and e.target in shown]
    assert counts == [len(view.nodes), len(view.edges), len(shown), len(drawn_edges)]

    # At the default zoom the most central node is labelled, and no two drawn labels overlap.
    boxes = page.evaluate(LABEL_BOXES)
    assert len(boxes) >= min(5, len(view.nodes))
    assert max(view.nodes, key=lambda n: (n.size, n.id)).id in {b[4] for b in boxes} or view.axis
    assert overlapping(boxes) == []
    # Zoomed in on the busiest node, labels still never overlap.
    page.evaluate("() => { atkg.network.moveTo({scale: atkg.network.getScale() * 3}); atkg.placeLabels(); }")
    assert overlapping(page.evaluate(LABEL_BOXES)) == []
    page.evaluate("() => { atkg.network.fit({animation: false}); atkg.placeLabels(); }")

    # Click a node whose label (or, on the timeline, one of whose ends) is hostile: the panel
    # names it as text, and nothing runs.
    hostile_names = {label for labels in HOSTILE_LABELS.values() for label in labels.values()}
    target = next(n for n in view.nodes if set(n.label.split(" → ")) & hostile_names)
    click_node(page, target.id)
    panel = page.wait_for_selector("#panel", state="visible", timeout=5_000)
    assert page.inner_text("#panel h2") == target.label
    assert panel.evaluate("p => p.querySelectorAll('img, svg, script, iframe').length") == 0
    assert page.evaluate("() => atkg.panel") == {"node": target.id}
    # Hover it: the tooltip shows its title as text.
    x, y = page.evaluate(DOM_POSITION, target.id)
    page.mouse.move(x + 300, y + 300)
    page.mouse.move(x, y)
    tooltip = page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
    assert [line.strip() for line in tooltip.inner_text().splitlines()] == [
        line.strip() for line in target.title.splitlines()
    ]
    assert page.evaluate("() => document.querySelectorAll('img, svg, iframe, object, embed').length") == 0
    assert page.evaluate("() => document.scripts.length") == 3
    page.screenshot(path=str(tmp_path / f"{name}.png"))
    assert_nothing_escaped(page, recorded)


def test_a_click_on_ilo_quotes_the_paragraph_that_makes_it_a_member_of_icat(rendered, open_page, views_built):  # noqa: F811
    from kg.provenance import passage_iri, passage_texts

    paragraph = passage_texts(views_built.corpus_dir)[passage_iri("000", "11")]
    path, view = rendered["mechanisms"]
    page, recorded = open_page(path)
    page.wait_for_selector(DRAWN, state="attached", timeout=30_000)
    click_node(page, "ilo")
    page.wait_for_selector("#panel", state="visible", timeout=5_000)
    assert page.inner_text("#panel h2") == "ILO"
    assert page.get_attribute("#panel a.entity-link", "href") == "../id/ilo.html"
    fact = page.locator("#panel li", has_text="International Labour Organization — Member of — Inter-Agency")
    source = fact.locator("details[data-passage=passage-000-11]")
    assert source.locator("summary").inner_text() == "Document 000, paragraph 11"
    if source.get_attribute("open") is None:  # folded when the node has many facts
        source.locator("summary").click()
    assert source.locator("blockquote").is_visible()
    assert source.locator("blockquote").inner_text() == paragraph
    assert source.locator("blockquote").get_attribute("lang") == "fr"
    title = load_facts(open_store(views_built.store), "en").document_title("doc-000")
    assert title.startswith("Improving the coordination of efforts against trafficking in persons")
    assert source.locator(".doc-title").inner_text() == title

    # The ILO–ICAT edge: its panel opens with the same paragraph quoted, already unfolded.
    edge = next(i for i, e in enumerate(view.edges) if (e.source, e.target) == ("ilo", "icat"))
    x, y = page.evaluate(
        """id => { const n = atkg.network, e = atkg.data.edges[id];
          const [a, b] = [n.getPositions([e.from])[e.from], n.getPositions([e.to])[e.to]];
          const p = n.canvasToDOM({x: a.x * 0.6 + b.x * 0.4, y: a.y * 0.6 + b.y * 0.4});
          const box = document.getElementById("network").getBoundingClientRect();
          return [box.left + p.x, box.top + p.y]; }""",
        edge,
    )
    page.evaluate("() => atkg.network.setOptions({edges: {smooth: false}})")
    page.mouse.click(x, y)
    assert page.evaluate("() => atkg.panel") == {"edge": f"e{edge}"}
    assert page.locator("#panel blockquote").first.inner_text() == paragraph
    assert_nothing_escaped(page, recorded)


def test_french_search_finds_the_ilo_by_oit_and_says_when_nothing_matches(views_built, open_page, tmp_path):  # noqa: F811
    base = load_facts(open_store(views_built.store), "fr")
    view = build_view(base, "mechanisms")
    path = tmp_path / "mechanisms-fr.html"
    path.write_text(render_view(view), encoding="utf-8")
    page, recorded = open_page(path)
    page.wait_for_selector(DRAWN, state="attached", timeout=30_000)
    page.fill("#node-search", "OIT")
    assert page.get_attribute("#search-results li:first-child button", "data-id") == "ilo"
    # ILO's acronym matches exactly, so it comes first; then names with a word starting "oit", and
    # no name where "oit" is inside a word ("droits")
    matches = page.evaluate("() => atkg.matches")
    assert matches[0] == "ilo" and page.inner_text("#search-status") == f"{len(matches)} résultat(s)"
    words = {
        n.id: {w for name in (n.label, *n.names) for w in re.split(r"[^\w]+", fold(name))} for n in view.nodes
    }
    assert sorted(matches) == sorted(i for i, ws in words.items() if any(w.startswith("oit") for w in ws))
    inside = [i for i, ws in words.items() if any("oit" in w[1:] for w in ws) and i not in matches]
    assert inside, "the fixture has a name with 'oit' inside a word"
    page.press("#node-search", "Enter")
    assert page.inner_text("#panel h2") == "BIT"
    assert page.inner_text("#panel a.entity-link") == "Page de l'entité"
    page.fill("#node-search", "travail")  # a word of the French name only
    assert "ilo" in page.evaluate("() => atkg.matches")
    page.fill("#node-search", "Labour")  # a word of the English name only
    assert "ilo" in page.evaluate("() => atkg.matches")
    page.fill("#node-search", "zzz-nothing")
    assert page.inner_text("#search-status") == "Aucun résultat"
    assert page.locator("#search-results li").count() == 0
    assert_nothing_escaped(page, recorded)


def test_filters_hide_and_show_all_brings_everything_back(rendered, open_page):
    path, view = rendered["mechanisms"]
    page, recorded = open_page(path)
    page.wait_for_selector(DRAWN, state="attached", timeout=30_000)
    assert page.evaluate("() => atkg.visible") == {"nodes": len(view.nodes), "edges": len(view.edges)}
    page.uncheck("input.filter-node[value='atkg:CoordinationMechanism']")
    mechanisms = sorted(n.id for n in view.nodes if n.kind == "atkg:CoordinationMechanism")
    assert page.evaluate("() => atkg.hidden()") == mechanisms
    assert page.evaluate("() => atkg.visible") == {"nodes": len(view.nodes) - len(mechanisms), "edges": 0}
    assert set(page.evaluate("() => atkg.labelled")).isdisjoint(mechanisms)
    page.click("#filter-reset")
    page.uncheck("input.filter-edge[value='org:memberOf']")
    kept = sum(e.kind != "org:memberOf" for e in view.edges)
    assert page.evaluate("() => atkg.visible") == {"nodes": len(view.nodes), "edges": kept}
    assert page.inner_text("#shown") == (
        f"{len(view.nodes)} / {len(view.nodes)} nodes, {kept} / {len(view.edges)} edges"
    )
    page.click("#filter-reset")
    assert page.evaluate("() => atkg.visible") == {"nodes": len(view.nodes), "edges": len(view.edges)}
    assert_nothing_escaped(page, recorded)


def test_ego_depth_control_shows_the_second_ring(rendered, open_page):
    path, view = rendered["ego"]
    page, recorded = open_page(path)
    page.wait_for_selector(DRAWN, state="attached", timeout=30_000)
    one = {n.id for n in view.nodes if n.depth <= 1}
    assert page.evaluate("() => atkg.visible.nodes") == len(one)
    assert len(page.evaluate("() => atkg.labelled")) <= 60
    page.select_option("#ego-depth", "2")
    assert page.evaluate("() => atkg.visible.nodes") == len(view.nodes)
    assert_nothing_escaped(page, recorded)


def test_timeline_year_range_matches_the_python_filter(rendered, views_built, open_page, tmp_path):  # noqa: F811
    path, view = rendered["timeline"]
    page, recorded = open_page(path)
    page.wait_for_selector(DRAWN, state="attached", timeout=30_000)
    assert (
        page.get_attribute("#year-from", "min") == "2010" and page.get_attribute("#year-to", "max") == "2012"
    )
    page.eval_on_selector("#year-from", "e => { e.value = '2012'; e.dispatchEvent(new Event('input')); }")
    narrowed = build_view(load_facts(open_store(views_built.store), "en"), "timeline", years=(2012, 2012))
    assert page.evaluate("() => atkg.visible") == {"nodes": len(narrowed.nodes), "edges": 0}
    assert page.inner_text("#year-from-value") == "2012"
    page.screenshot(path=str(tmp_path / "timeline-2012.png"))
    assert_nothing_escaped(page, recorded)


def test_index_page_is_static_and_escaped(rendered, open_page, tmp_path):
    path, _ = rendered["index"]
    page, recorded = open_page(path)
    assert page.evaluate("() => document.scripts.length") == 0
    assert page.locator("table.views tbody tr").count() == len(VIEW_NAMES)
    assert page.locator("table.matrix tbody tr").count() == 12
    assert HOSTILE_LABELS["ngo-hostile"]["en"] in page.inner_text("table.matrix")
    assert page.evaluate("() => document.querySelectorAll('img, svg').length") == 0
    page.click("text=Coordination mechanisms and their members")
    page.wait_for_selector(DRAWN, state="attached", timeout=30_000)
    page.screenshot(path=str(tmp_path / "after-link.png"))
    page.go_back()
    page.screenshot(path=str(tmp_path / "index.png"), full_page=True)
    assert_nothing_escaped(page, recorded)


def test_a_large_view_is_drawn_at_once_without_physics(open_page, tmp_path):
    view = synthetic_view(3000)
    assert not view.physics
    path = tmp_path / "large.html"
    path.write_text(render_view(view), encoding="utf-8")
    page, recorded = open_page(path)
    page.wait_for_selector(DRAWN, state="attached", timeout=30_000)
    assert page.evaluate(
        "() => [atkg.network.body.nodeIndices.length, atkg.network.body.edgeIndices.length]"
    ) == [3000, len(view.edges)]
    assert page.evaluate("() => atkg.data.options.physics.enabled") is False
    page.screenshot(path=str(tmp_path / "large.png"))
    assert_nothing_escaped(page, recorded)


def test_zoomed_in_every_label_that_fits_on_screen_is_drawn(rendered, open_page):
    path, view = rendered["mechanisms"]
    page, recorded = open_page(path)
    page.wait_for_selector(DRAWN, state="attached", timeout=30_000)
    page.evaluate("() => { atkg.network.moveTo({scale: atkg.network.getScale() * 3}); atkg.placeLabels(); }")
    every = page.evaluate(LABEL_BOXES.replace("atkg.labelled.map", "atkg.data.nodes.map(d => d.id).map"))
    width, height = page.evaluate(
        "() => [atkg.network.body.container.clientWidth, atkg.network.body.container.clientHeight]"
    )
    fits = sorted(b[4] for b in every if b[0] >= 0 and b[1] >= 0 and b[2] <= width and b[3] <= height)
    assert len(fits) >= 5 and sorted(page.evaluate("() => atkg.labelled")) == fits
    assert_nothing_escaped(page, recorded)
