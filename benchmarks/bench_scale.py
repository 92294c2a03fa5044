"""Scale figures: load, every named question, every `analyze` measure and one view, at N x the data.

Run: .venv/bin/python benchmarks/bench_scale.py [--sizes 10,100] [--repeat 3] [--work DIR]
(prints figures and a Markdown table for the README; asserts nothing).

For each size the synthetic graph of ``benchmarks/synthetic.py`` (N copies of the curated graph,
seeded) is written as N-Quads, bulk-loaded into a fresh on-disk store with the violation checks run
over it (``kg.bulkload.load_nquads``), then every measurement runs in a child process of its own, so
peak memory (max RSS) is per task and a task that runs past ``--timeout`` is stopped and reported
as such instead of stalling the run:

- load: quads/s of the bulk load, the checks' time, peak RSS;
- each named question as `atkg query run` runs it (``kg.resultlabels.run_labelled``: name
  resolution, the child process and the labels beside its entities included), median of
  ``--repeat`` runs, and the query engine's own time for the same text;
- each `atkg analyze` measure (``kg.network.analyze``), once;
- the `mechanisms` view written as `atkg view` writes it (``viz.publish.write_view``).

Virtuoso: the engine comparison (same questions on Virtuoso Open Source) is the engine harness's
job (tests/engines); this script says whether ``virtuoso-t`` is on the machine and skips it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SLOW = 5.0  # seconds: a query slower than this is run once, not --repeat times
ENTITY_DEFAULTS_NOTE = "entity parameters take each query's default (UNODC, ICAT...)"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(action, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - started)
        if times[-1] > SLOW:
            break
    return statistics.median(times), result


# ---- child tasks (each prints one JSON object) ------------------------------------------------


def task_load(args: dict) -> dict:
    from kg.bulkload import load_nquads

    report = load_nquads(Path(args["nquads"]), Path(args["store"]), ROOT / "queries" / "checks")
    return {
        "quads": report.quads,
        "load_s": report.load_seconds,
        "index_s": report.index_seconds,
        "name_keys": report.name_keys,
        "optimize_s": report.optimize_seconds,
        "check_s": report.check_seconds,
        "peak_mb": _peak_mb(),
    }


def _rows_of(answer) -> list:
    return answer.rows if hasattr(answer, "rows") else list(answer)


def task_queries(args: dict) -> dict:
    from kg.querypack import bind_values, inject_values, load_pack
    from kg.resultlabels import run_labelled
    from kg.store import open_store

    queries = Path(args["queries"])
    store = open_store(args["store"])
    repeat = args["repeat"]
    out: dict = {"queries": {}}
    resolvers: list = []

    def resolve(value: str, what: str):
        if not resolvers:  # what `atkg query run` uses: indexed lookups in id:graph-names
            from kg.names import StoreResolver

            resolvers.append(StoreResolver(store))
        return resolvers[0].resolve(value, what)

    for name, query in load_pack(queries).items():
        figures = {}
        if not args.get("engine_only"):
            command = lambda name=name: _rows_of(run_labelled(queries, args["store"], name))  # noqa: E731
            seconds, result = _timed(command, repeat)
            figures.update(atkg_s=seconds, rows=len(result))
        # the engine alone: the same text with the parameters bound to the IRIs atkg resolved
        text = inject_values(query.text, [dict(bind_values(query, {}, resolve, "en"))])
        engine, result = _timed(lambda text=text: list(store.query(text)), repeat)
        figures.update(engine_s=engine, rows=len(result))
        out["queries"][name] = figures
    from kg.names import StoreResolver

    # as `atkg query run` resolves a parameter: a fresh resolver, indexed lookups (id:graph-names);
    # the label of the last copy, renamed ("UNODC 209" at 210x), and an acronym of copy 0
    last = f"UNODC {args['factor'] - 1}" if args.get("factor", 1) > 1 else "UNODC"
    out["lookup"] = {}
    for name in (last, "ONUDC"):
        seconds, found = _timed(lambda name=name: StoreResolver(store).resolve(name, "bench"), max(repeat, 5))
        out["lookup"][name] = {"seconds": seconds, "found": str(found)}
    out["lookup"]["total_s"] = max(v["seconds"] for v in out["lookup"].values())
    out["peak_mb"] = _peak_mb()
    return out


def task_analyze(args: dict) -> dict:
    from kg.network import analyze
    from kg.store import open_store

    store = open_store(args["store"])
    options = {"source": "UNODC", "target": "Frontex"} if args["measure"] == "path" else {}
    started = time.perf_counter()
    _, rows = analyze(store, args["measure"], **options)
    return {"seconds": time.perf_counter() - started, "rows": len(rows), "peak_mb": _peak_mb()}


def task_view(args: dict) -> dict:
    from kg.store import open_store
    from viz.publish import write_view

    store = open_store(args["store"])
    out = Path(args["out"])
    started = time.perf_counter()
    page = write_view(store, "mechanisms", out)
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "nodes": len(page.view.nodes),
        "edges": len(page.view.edges),
        "bytes": (out / page.file).stat().st_size,
        "peak_mb": _peak_mb(),
    }


TASKS = {"load": task_load, "queries": task_queries, "analyze": task_analyze, "view": task_view}


def run_task(task: str, args: dict, timeout: float) -> dict:
    """Run one task in a fresh Python process; {"timeout": s} or {"error": ...} when it fails."""
    command = [sys.executable, __file__, "--task", task, "--args", json.dumps(args)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"timeout": timeout}
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


# ---- driver -----------------------------------------------------------------------------------


def measure_size(factor: int, work: Path, options) -> dict:
    from benchmarks.synthetic import write_synthetic

    nquads = work / f"atkg-{factor}x-seed{options.seed}.nq"
    if not nquads.exists():
        started = time.perf_counter()
        count = write_synthetic(ROOT, factor, nquads, options.seed)
        print(f"  wrote {nquads.name}: {count:,} quads in {time.perf_counter() - started:.1f} s", flush=True)
    store = work / f"store-{factor}x"
    shutil.rmtree(store, ignore_errors=True)
    result: dict = {"factor": factor}
    result["load"] = run_task("load", {"nquads": str(nquads), "store": str(store)}, options.timeout)
    print(f"  load: {json.dumps(result['load'])}", flush=True)
    if "quads" not in result["load"] or "queries" not in options.tasks:
        return result
    args = {"store": str(store), "queries": str(options.queries), "repeat": options.repeat, "factor": factor}
    args["engine_only"] = options.engine_only
    result["queries"] = run_task("queries", args, options.timeout * 4)
    for name, figures in sorted(result["queries"].get("queries", {}).items()):
        atkg = f"atkg {figures['atkg_s'] * 1000:9.1f} ms   " if "atkg_s" in figures else ""
        print(
            f"  {name:32} {atkg}engine {figures['engine_s'] * 1000:9.1f} ms   {figures['rows']} rows",
            flush=True,
        )
    print(f"  lookup: {json.dumps(result['queries'].get('lookup', result['queries']))}", flush=True)
    from kg.network import MEASURES

    result["analyze"] = {}
    for measure in MEASURES:
        args = {"store": str(store), "measure": measure}
        result["analyze"][measure] = run_task("analyze", args, options.analyze_timeout or options.timeout)
        print(f"  analyze {measure}: {json.dumps(result['analyze'][measure])}", flush=True)
    with tempfile.TemporaryDirectory() as out:
        result["view"] = run_task("view", {"store": str(store), "out": out}, options.timeout)
    print(f"  view mechanisms: {json.dumps(result['view'])}", flush=True)
    if not options.keep:
        shutil.rmtree(store, ignore_errors=True)
    return result


def _seconds(figure: dict, key: str = "seconds") -> str:
    if "timeout" in figure:
        return f"> {figure['timeout']:.0f} s (stopped)"
    if "error" in figure:
        return "error: " + figure["error"][:60]
    value = figure[key]
    if value < 0.01:
        return f"{value * 1000:.1f} ms"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.1f} s"


def markdown(results: list[dict]) -> str:
    """The README's Scale table: one column per size ("not run" where only the load was)."""
    ok = [r for r in results if "quads" in r["load"]]
    header = "| figure | " + " | ".join(f"{r['factor']}x ({r['load']['quads']:,} quads)" for r in ok) + " |"
    lines = [header, "|---|" + "---|" * len(ok)]

    def row(label: str, cells) -> None:
        lines.append(f"| {label} | " + " | ".join(cells) + " |")

    def cell(r: dict, figure) -> str:
        if "queries" not in r:
            return "not run"
        return figure(r)

    def load(r: dict, key: str, figure) -> str:
        return figure(r["load"]) if key in r["load"] else "not measured"

    row(
        "bulk load (quads/s, time)",
        [f"{r['load']['quads'] / r['load']['load_s']:,.0f} ({_seconds(r['load'], 'load_s')})" for r in ok],
    )
    row(
        "name index (keys, time)",
        [load(r, "index_s", lambda f: f"{f['name_keys']:,} ({_seconds(f, 'index_s')})") for r in ok],
    )
    row(
        "store compaction (optimize)",
        [load(r, "optimize_s", lambda f: _seconds(f, "optimize_s")) for r in ok],
    )
    row("load peak RSS", [f"{r['load']['peak_mb']:,.0f} MiB" for r in ok])
    row("violation checks over the store", [_seconds(r["load"], "check_s") for r in ok])

    def lookup(r: dict) -> str:
        figures = r["queries"]
        if "lookup" not in figures:
            return _seconds(figures)
        return _seconds(figures["lookup"], "total_s") if "total_s" in figures["lookup"] else "not measured"

    row("name lookup (indexed, `StoreResolver`, slowest of 2)", [cell(r, lookup) for r in ok])
    names = sorted({n for r in ok for n in r.get("queries", {}).get("queries", {})})
    for name in names:

        def query(r: dict, name: str = name) -> str:
            figures = r["queries"].get("queries", {}).get(name)
            if figures is None:
                return _seconds(r["queries"]) if "queries" not in r["queries"] else ""
            if "atkg_s" not in figures:
                return _seconds(figures, "engine_s")
            return f"{_seconds(figures, 'atkg_s')} ({_seconds(figures, 'engine_s')})"

        row(f"`{name}`", [cell(r, query) for r in ok])
    for measure in sorted({m for r in ok for m in r.get("analyze", {})}):
        row(
            f"`analyze {measure}`",
            [
                cell(r, lambda r, m=measure: _seconds(r["analyze"][m]) if "analyze" in r else "not run")
                for r in ok
            ],
        )

    def view(r: dict) -> str:
        if "view" not in r:
            return "not run"
        figures = r["view"]
        if "nodes" not in figures:
            return _seconds(figures)
        return f"{_seconds(figures)} ({figures['nodes']:,} nodes, {figures['bytes'] / 1e6:.1f} MB)"

    row("`view mechanisms` (nodes, file)", [cell(r, view) for r in ok])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100", help="copies of the curated graph, comma-separated")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--repeat", type=int, default=3, help="runs per named question (median)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before a task is stopped")
    parser.add_argument(
        "--analyze-timeout", type=float, help="seconds per analyze measure (default: --timeout)"
    )
    parser.add_argument("--work", type=Path, help="where graphs and stores go (default: a temp dir)")
    parser.add_argument("--queries", type=Path, default=ROOT / "queries")
    parser.add_argument("--keep", action="store_true", help="keep the stores")
    parser.add_argument("--engine-only", action="store_true", help="time the query engine only")
    parser.add_argument(
        "--load-only", dest="tasks", action="store_const", const=("load",), default=("load", "queries")
    )
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument("--report", type=Path, nargs="+", help="print the table of earlier --json files")
    parser.add_argument("--task", help=argparse.SUPPRESS)
    parser.add_argument("--args", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.task:
        print(json.dumps(TASKS[options.task](json.loads(options.args))))
        return 0
    if options.report:
        print(markdown([r for path in options.report for r in json.loads(path.read_text())]))
        return 0
    work = options.work or Path(tempfile.mkdtemp(prefix="atkg-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}; work dir {work}")
    virtuoso = shutil.which("virtuoso-t")
    print(
        f"Virtuoso: {'virtuoso-t found at ' + virtuoso if virtuoso else 'virtuoso-t not installed'}; "
        "skipped here (Virtuoso figures come from the engine harness, tests/engines)"
    )
    results = []
    for factor in (int(s) for s in options.sizes.split(",")):
        print(f"\n{factor}x the curated data ({ENTITY_DEFAULTS_NOTE})", flush=True)
        results.append(measure_size(factor, work, options))
        if options.json:
            options.json.write_text(json.dumps(results, indent=1))
    print("\nMarkdown (README, Scale): each named question as `atkg query run` (engine alone)\n")
    print(markdown(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
