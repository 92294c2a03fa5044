"""View figures: time to write every view of the seed graph, file sizes, and time until a synthetic
5,000- and 20,000-node view is drawn in headless Chromium (Debian's /usr/bin/chromium).

Run: .venv/bin/python benchmarks/bench_views.py   (prints figures; asserts nothing)
Targets (issue 5): all seed views in under 10 s; the 5,000-node view drawn in under 3 s.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def seed_workspace() -> Path:
    target = Path(tempfile.mkdtemp()) / "seed"
    for folder in ("ontology", "corpus", "queries"):
        shutil.copytree(ROOT / folder, target / folder)
    shutil.copytree(ROOT / "tests" / "data" / "seed", target / "kg" / "data")
    subprocess.run(
        [sys.executable, "-m", "kg", "--workspace", str(target), "build"], check=True, capture_output=True
    )
    return target


def seed_views(workspace: Path, repeat: int = 3) -> tuple[float, Path]:
    """Median wall time of `atkg views` (a fresh process: imports, store, seven views, index)."""
    times = []
    out = workspace / "views"
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "kg", "--workspace", str(workspace), "views", "--out", str(out)],
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - started)
    return statistics.median(times), out


def drawn_seconds(browser, path: Path, repeat: int = 3) -> float:
    """Median time from navigation start to the page's first drawing (its data-drawn flag)."""
    times = []
    for _ in range(repeat):
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(path.as_uri(), wait_until="commit")
        page.wait_for_selector("body[data-drawn=true]", state="attached", timeout=120_000)
        times.append(page.evaluate("() => window.atkg.drawnAt") / 1000)  # ms since navigation start
        page.close()
    return statistics.median(times)


def main() -> None:
    from playwright.sync_api import sync_playwright

    from viz.page import render_view
    from viz.synthetic import synthetic_view

    workspace = seed_workspace()
    seconds, out = seed_views(workspace)
    print(f"atkg views, seed graph (7 views + index, fresh process)  {seconds:6.2f} s   (target < 10 s)")
    for path in sorted(out.iterdir()):
        print(f"  {path.name:20s} {path.stat().st_size / 1024:8.0f} KB")
    folder = Path(tempfile.mkdtemp())
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS
        )
        for nodes in (5_000, 20_000):
            started = time.perf_counter()
            view = synthetic_view(nodes)
            built = time.perf_counter()
            html = render_view(view)
            rendered = time.perf_counter()
            path = folder / f"synthetic-{nodes}.html"
            path.write_text(html, encoding="utf-8")
            drawn = drawn_seconds(browser, path)
            target = "   (target < 3 s)" if nodes == 5_000 else ""
            print(
                f"synthetic {nodes:6d} nodes, {len(view.edges):6d} edges: layout {built - started:5.2f} s, "
                f"render {rendered - built:5.2f} s, {len(html) / 2**20:5.1f} MB, "
                f"drawn in Chromium {drawn:5.2f} s{target}"
            )
        browser.close()
    shutil.rmtree(folder)
    shutil.rmtree(workspace.parent)


if __name__ == "__main__":
    main()
