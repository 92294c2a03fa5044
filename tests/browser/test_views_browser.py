"""Every view opened from file:// in headless Chromium: drawn, counted, clicked, hovered, shot.

The graph each page is checked against is the ViewGraph it was rendered from; screenshots go to
the test's temporary directory (``pytest --basetemp DIR`` keeps them somewhere to look at).
"""

from __future__ import annotations

import pytest

from kg.store import open_store
from tests.views_fixture import HOSTILE_LABELS, views_built  # noqa: F401  (a fixture)
from viz.facts import load_facts
from viz.graphs import VIEW_NAMES, build_view
from viz.page import render_view
from viz.publish import render_views
from viz.style import DIM
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


@pytest.mark.parametrize("name", VIEW_NAMES)
def test_view_draws_highlights_and_never_runs_data(name, rendered, open_page, tmp_path):
    path, view = rendered[name]
    page, recorded = open_page(path)
    page.wait_for_selector(DRAWN, state="attached", timeout=30_000)
    counts = page.evaluate("""() => [atkg.nodes.length, atkg.edges.length,
        atkg.network.body.nodeIndices.length, atkg.network.body.edgeIndices.length]""")
    assert counts == [len(view.nodes), len(view.edges)] * 2
    page.evaluate("() => atkg.network.stopSimulation()")  # hold still, so the mouse finds the nodes

    # Select the best-connected node from the menu: it and its neighbours keep their colours.
    hub = min(view.nodes, key=lambda n: (-len(view.neighbours(n.id)), n.id))
    page.select_option("#node-select", hub.id)
    expected = sorted(view.neighbours(hub.id) | {hub.id})
    assert page.evaluate("() => atkg.highlighted") == expected
    colours = page.evaluate("() => Object.fromEntries(atkg.nodes.get().map(n => [n.id, n.color.background]))")
    assert {n for n, c in colours.items() if c != DIM} == set(expected)

    # Click a node with a hostile label on the canvas: its neighbourhood lights up instead.
    hostile = next(n for n in view.nodes if n.id in HOSTILE_LABELS)
    x, y = page.evaluate(DOM_POSITION, hostile.id)
    page.mouse.click(x, y)
    assert page.evaluate("() => atkg.highlighted") == sorted(view.neighbours(hostile.id) | {hostile.id})

    # Hover it: the tooltip shows its labels as text, and nothing runs.
    page.mouse.move(x + 300, y + 300)
    page.mouse.move(x, y)
    tooltip = page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
    assert [line.strip() for line in tooltip.inner_text().splitlines()] == hostile.title.splitlines()
    assert tooltip.evaluate("t => Array.from(t.querySelectorAll('*')).every(e => e.tagName === 'BR')")
    assert page.evaluate("() => document.querySelectorAll('img, svg, iframe, object, embed').length") == 0
    assert page.evaluate("() => document.scripts.length") == 3
    page.screenshot(path=str(tmp_path / f"{name}.png"))
    assert_nothing_escaped(page, recorded)


def test_filter_menu_hides_and_shows(rendered, open_page):
    path, view = rendered["mechanisms"]
    page, recorded = open_page(path)
    page.wait_for_selector(DRAWN, state="attached", timeout=30_000)
    page.select_option("#filter-what", "nodes")
    page.select_option("#filter-value", "atkg:CoordinationMechanism")
    page.click("#filter-apply")
    assert page.evaluate("() => atkg.visible") == {"nodes": 3, "edges": 0}
    page.select_option("#filter-what", "edges")
    page.select_option("#filter-value", "atkg:chairs")
    page.click("#filter-apply")
    assert page.evaluate("() => atkg.visible") == {"nodes": len(view.nodes), "edges": 1}
    assert (
        page.inner_text("#shown")
        == f"{len(view.nodes)} / {len(view.nodes)} nodes, 1 / {len(view.edges)} edges"
    )
    page.click("#filter-reset")
    assert page.evaluate("() => atkg.visible") == {"nodes": len(view.nodes), "edges": len(view.edges)}
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
    assert page.evaluate("() => atkg.visible") == {"nodes": len(narrowed.nodes), "edges": len(narrowed.edges)}
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
