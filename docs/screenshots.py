"""The README's two screenshots, taken with headless Chromium from a site of the built store.

Run from the workspace (after `atkg build`): .venv/bin/python docs/screenshots.py
Writes docs/view-panel.png (the mechanisms view, the ILO's panel open on the paragraph that makes
it a member of ICAT) and docs/entity-page.png (the ILO's entity page, one source unfolded).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from playwright.sync_api import sync_playwright

    from kg.site import write_site
    from kg.store import open_store
    from kg.workspace import find_workspace

    workspace = find_workspace(ROOT)
    out = Path(tempfile.mkdtemp()) / "site"
    write_site(workspace, open_store(workspace.store), out, "en")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 860})
        page.goto((out / "views" / "mechanisms.html").as_uri())
        page.wait_for_selector("body[data-drawn=true]", state="attached")
        page.evaluate("() => atkg.selectNode('ilo', false)")
        source = page.locator("#panel details[data-passage=passage-000-11]").first
        if source.get_attribute("open") is None:
            source.locator("summary").click()
        source.scroll_into_view_if_needed()
        page.screenshot(path=str(ROOT / "docs" / "view-panel.png"))
        page.goto((out / "id" / "ilo.html").as_uri())
        page.locator("details[data-passage=passage-000-11]").first.locator("summary").click()
        page.screenshot(path=str(ROOT / "docs" / "entity-page.png"))
        browser.close()


if __name__ == "__main__":
    main()
