"""The site of the fixture opened page by page in headless Chromium: nothing runs, nothing leaves.

Every page (home, entities, documents, ontology, views) is loaded from file:// with every request
outside file:// blocked and recorded; the hostile labels of tests/data/views must stay text.
"""

from __future__ import annotations

import pytest

from kg.site import write_site
from kg.store import open_store
from tests.browser.conftest import Recorded, _guard
from tests.views_fixture import HOSTILE_LABELS, views_built  # noqa: F401  (a fixture)

DRAWN = "body[data-drawn=true]"


@pytest.fixture(scope="module")
def site_fr(views_built, tmp_path_factory):  # noqa: F811
    out = tmp_path_factory.mktemp("site") / "site"
    write_site(views_built, open_store(views_built.store), out, "fr")
    return out


def test_every_page_of_the_site_is_inert_and_offline(site_fr, browser):
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    page = context.new_page()
    recorded = Recorded()
    page.on("request", lambda request: recorded.requests.append(request.url))
    page.on("console", lambda m: recorded.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: recorded.errors.append(str(error)))
    page.on("dialog", lambda d: (recorded.dialogs.append(d.message), d.dismiss()))
    page.route("**/*", lambda route: _guard(route, recorded))
    files = sorted(p for p in site_fr.rglob("*.html"))
    assert len(files) == 63
    for path in files:
        page.goto(path.as_uri())
        if path.parent.name == "views" and path.name != "index.html":
            page.wait_for_selector(DRAWN, state="attached", timeout=30_000)
        assert page.evaluate("() => document.querySelectorAll('img, iframe, object, embed').length") == 0, (
            path
        )
    page.goto((site_fr / "id" / "ngo-hostile.html").as_uri())
    assert page.inner_text("h1") == HOSTILE_LABELS["ngo-hostile"]["fr"]
    page.wait_for_timeout(200)
    assert recorded.dialogs == [] and recorded.errors == [] and recorded.blocked == []
    assert [u for u in recorded.requests if not u.startswith("file://")] == []
    context.close()


def test_home_search_finds_the_ilo_by_oit_and_a_view_links_its_page(site_fr, open_page):
    page, recorded = open_page(site_fr / "index.html")
    page.fill("#search", "OIT")
    first = page.locator("#search-results li a").first
    assert first.get_attribute("href") == "id/ilo.html"
    assert first.inner_text() == "Organisation internationale du Travail"
    # "oit" inside a word ("droits") is no match: the Human Rights Council is not listed
    found = page.eval_on_selector_all("#search-results li a", "links => links.map(a => a.textContent)")
    index = page.evaluate("() => JSON.parse(document.getElementById('search-index').textContent)")
    assert "Conseil des droits de l'homme" in [entry[1] for entry in index]
    assert "Conseil des droits de l'homme" not in found
    page.fill("#search", "zzz-rien")
    assert page.inner_text("#search-status") == "Aucun résultat"

    # From the mechanisms view, the ILO's panel links its entity page, which opens.
    page.goto((site_fr / "views" / "mechanisms.html").as_uri())
    page.wait_for_selector(DRAWN, state="attached", timeout=30_000)
    page.evaluate("() => atkg.selectNode('ilo', true)")
    page.click("#panel a.entity-link")
    page.wait_for_load_state()
    assert page.url.endswith("/id/ilo.html")
    assert page.inner_text("h1") == "Organisation internationale du Travail"
    page.wait_for_timeout(200)
    assert recorded.errors == [] and recorded.dialogs == [] and recorded.blocked == []
