"""The endpoint's query page in a real Chromium, against a real `atkg serve`: an example goes into
the box, a query runs and its rows show as text; hostile strings stay inert; no request leaves the
server's origin."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Recorded
from tests.test_serve import Server


@pytest.fixture(scope="module")
def served(seed_built, tmp_path_factory):
    running = Server(seed_built, tmp_path_factory.mktemp("log"))
    yield running
    running.stop()


@pytest.fixture
def page_at(browser, served):
    contexts = []

    def opener(path: str):
        context = browser.new_context()
        contexts.append(context)
        page = context.new_page()
        recorded = Recorded()
        page.on("console", lambda m: recorded.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: recorded.errors.append(str(error)))
        page.on("dialog", lambda d: (recorded.dialogs.append(d.message), d.dismiss()))

        def guard(route) -> None:
            if route.request.url.startswith(served.base + "/"):
                recorded.requests.append(route.request.url)
                route.continue_()
            else:
                recorded.blocked.append(route.request.url)
                route.abort()

        page.route("**/*", guard)
        page.goto(served.base + path)
        return page, recorded

    yield opener
    for context in contexts:
        context.close()


def test_the_default_query_runs_and_shows_rows(page_at):
    page, recorded = page_at("/sparql")
    page.click("button[type=submit]")
    page.wait_for_selector("#results table")
    members = set(
        page.eval_on_selector_all(
            "#results tbody tr td:first-child", "cells => cells.map(c => c.textContent)"
        )
    )
    assert "https://w3id.org/atkg/id/ilo" in members and "https://w3id.org/atkg/id/unodc" in members
    assert page.text_content("#status").endswith(" s")
    assert recorded.blocked == [] and recorded.errors == []


def test_an_example_goes_into_the_box(page_at, seed_built):
    from kg.querypack import load_pack

    page, recorded = page_at("/sparql")
    first = next(iter(load_pack(seed_built.queries_dir).values()))
    page.click("details:first-of-type summary")
    page.click("details:first-of-type button[data-example]")
    assert page.input_value("#query") == first.text
    assert recorded.blocked == [] and recorded.errors == []


def test_hostile_strings_stay_text_and_errors_show(page_at):
    page, recorded = page_at("/sparql")
    payload = "<img src=x onerror=alert(1)><script>alert(2)</script>"
    page.fill("#query", f"SELECT ?x WHERE {{ BIND('{payload}' AS ?x) }}")
    page.click("button[type=submit]")
    page.wait_for_selector("#results table")
    assert page.text_content("#results tbody td") == payload
    assert page.query_selector("#results img") is None
    page.fill("#query", "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    page.click("button[type=submit]")
    page.wait_for_selector("#results .error")
    assert page.text_content("#results .error").startswith("Error: SERVICE is refused")
    assert recorded.dialogs == [] and recorded.blocked == []
