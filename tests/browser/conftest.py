"""A real headless Chromium (Debian's, never a downloaded one) driven by Playwright.

Every page runs with request and console recorders: the tests assert that nothing leaves
``file://`` and nothing is logged as an error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Recorded:
    """What a page did besides drawing: requests, console errors, dialogs (alert, confirm...)."""

    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def _guard(route, recorded: Recorded) -> None:
    url = route.request.url
    if url.startswith("file://"):
        route.continue_()
    else:
        recorded.blocked.append(url)
        route.abort()


@pytest.fixture
def open_page(browser):
    """Open a file in a fresh page; returns (page, Recorded)."""
    contexts = []

    def opener(path: Path, width: int = 1400, height: int = 900):
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        recorded = Recorded()
        page.on("request", lambda request: recorded.requests.append(request.url))
        page.on(
            "console",
            lambda message: recorded.errors.append(message.text) if message.type == "error" else None,
        )
        page.on("pageerror", lambda error: recorded.errors.append(str(error)))

        def dialog(d) -> None:
            recorded.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)
        page.route("**/*", lambda route: _guard(route, recorded))
        page.goto(path.resolve().as_uri())
        return page, recorded

    yield opener
    for context in contexts:
        context.close()
