"""Median time of every named query on the seed graph, and of each `atkg analyze` measure.

Run: .venv/bin/python benchmarks/bench_queries.py   (prints figures; asserts nothing)
Queries run in-process on the built on-disk store (parameters bound, defaults used); the
"with --timeout" column runs the same query in the time-limited child process, so the difference
is the cost of the limit (a Python start plus a store open).
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def median_seconds(action, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    from kg.build import build
    from kg.network import MEASURES, analyze
    from kg.querypack import load_pack, run_by_name
    from kg.store import open_store
    from tests.conftest import DATA, make_workspace

    scratch = Path(tempfile.mkdtemp(prefix="atkg-bench-"))
    try:
        workspace = make_workspace(scratch / "seed", DATA / "seed")
        build(workspace)
        print(f"Named queries on the seed graph ({len(open_store(workspace.store))} quads), median of 7 runs")
        print(f"{'query':32} {'in-process ms':>14} {'with --timeout ms':>18}")
        for name in load_pack(workspace.queries_dir):

            def run(timeout=None, name=name):
                result = run_by_name(workspace.queries_dir, workspace.store, name, timeout=timeout)
                list(result)

            here, limited = median_seconds(run), median_seconds(lambda run=run: run(30), 3)
            print(f"{name:32} {here * 1000:14.1f} {limited * 1000:18.1f}")
        store = open_store(workspace.store)
        print("\nNetwork measures on the seed graph (graph built from the store each time), median of 7 runs")
        for measure in MEASURES:
            options = {"source": "UNODC", "target": "Frontex"} if measure == "path" else {}

            def measured(measure=measure, options=options):
                return analyze(store, measure, **options)

            seconds = median_seconds(measured)
            print(f"analyze {measure:24} {seconds * 1000:14.1f} ms")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
