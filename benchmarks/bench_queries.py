"""Median time of every named query on the seed graph, and of each `atkg analyze` measure.

Run: .venv/bin/python benchmarks/bench_queries.py   (prints figures; asserts nothing)
Queries run in-process on the built on-disk store (parameters bound, defaults used); the
"with --timeout" column runs the same query in the time-limited child process, so the difference
is the cost of the limit (a Python start plus a store open).

With ``--store DIR`` (any built or bulk-loaded store, e.g. 210 copies of the data), each named
question runs as `atkg query run` runs it on that store (``kg.querypack.run_by_name``: entity
names resolved through ``id:graph-names``, the query in its child process), median of
``--repeat`` runs, beside the time of resolving its entity parameters alone.
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


def atkg_path(store_dir: Path, repeat: int) -> None:
    """Every named question through `atkg query run`'s library function on ``store_dir``."""
    from kg.names import StoreResolver
    from kg.querypack import load_pack, run_by_name
    from kg.store import open_store

    store = open_store(store_dir)
    queries = ROOT / "queries"
    print(f"`atkg query run` on {store_dir} ({len(store):,} quads), median of {repeat} runs")
    print(f"{'query':32} {'rows':>8} {'run ms':>10} {'resolve ms':>11}")
    for name, query in load_pack(queries).items():
        rows: list = []

        def run(name=name, rows=rows):
            rows[:] = list(run_by_name(queries, store_dir, name))

        seconds = median_seconds(run, repeat)
        entities = [p.default for p in query.parameters if p.kind == "entity" and p.default]
        resolve = median_seconds(lambda e=entities: [StoreResolver(store).resolve(v) for v in e], repeat)
        shown = f"{resolve * 1000:11.1f}" if entities else f"{'-':>11}"
        print(f"{name:32} {len(rows):8,} {seconds * 1000:10.1f} {shown}", flush=True)


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="time `atkg query run` on this store instead")
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    if options.store:
        atkg_path(options.store, options.repeat)
        return
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
