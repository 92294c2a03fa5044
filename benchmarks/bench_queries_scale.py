"""Every named question on a given store directory: rows and the engine's median time.

Run: .venv/bin/python benchmarks/bench_queries_scale.py STORE [--repeat 3] [--json F] [--only a,b]
(prints a table, and a Markdown one for the README with --markdown; asserts nothing).

STORE is any on-disk store (a built workspace's, or one bulk-loaded from ``benchmarks/synthetic.py``
N-Quads by ``kg.bulkload.load_nquads``); it is opened read-only, so several runs may share it.
Each question runs as ``kg.querypack`` runs it: parameters bound with their defaults (entity names
resolved once, before timing), and the time is the engine's alone (query text in, every row read
out as pyoxigraph terms), median of ``--repeat`` runs; the row count is after folding the
``lists:`` columns, as `atkg query run` prints them; a run slower than ``--slow``
seconds is not repeated. The CPU column is the process's CPU time for the same runs: the engine
works on one core, so on a loaded machine it says what the time would be on a quiet one.
``--answers DIR`` writes each answer as sorted N-Triples-like lines, so two runs (before and
after a rewrite) can be compared with ``diff -r``.

``--labelled`` times each question as `atkg query run` computes it before printing
(``kg.resultlabels.run_labelled``, as ``benchmarks/bench_scale.py`` does: name resolution, the child
that runs the query, lists folded, labels, the rows read as terms), median of ``--repeat`` runs in
this process, beside the engine alone on the same text and the difference.

``--cli`` times each question as a user runs it instead: the whole ``atkg --store STORE query run
NAME`` command in a process of its own (start-up, name resolution, the child process that runs the
query, labels, the printed table), median wall time of ``--repeat`` runs, and the CPU time of the
command and its child. ``--code DIR`` runs the command from another checkout of the code (e.g. one
``git archive`` extracted), to compare before and after on the same store.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _cell(term) -> str:
    return "UNDEF" if term is None else str(term)


class _Rows(list):
    """Solutions already read, with their variables, as ``collapse_lists`` takes them."""

    def __init__(self, variables, solutions) -> None:
        super().__init__(solutions)
        self.variables = variables


def measure(store_dir: Path, queries_dir: Path, repeat: int, slow: float, only: set[str] | None, answers):
    import pyoxigraph as ox

    from kg.names import StoreResolver
    from kg.querypack import bind_values, collapse_lists, inject_values, load_pack
    from kg.store import EmbeddedStore

    # the store as `atkg query run` sees it (its prefixes, its dataset), opened read-only directly
    store = EmbeddedStore(ox.Store.read_only(str(store_dir)), str(store_dir))
    resolver = StoreResolver(store)
    resolved: dict[str, object] = {}

    def resolve(value: str, what: str):
        if value not in resolved:
            resolved[value] = resolver.resolve(value, what)
        return resolved[value]

    figures: dict[str, dict] = {}
    for name, query in load_pack(queries_dir).items():
        if only and name not in only:
            continue
        started = time.perf_counter()
        text = inject_values(query.text, [dict(bind_values(query, {}, resolve, "en"))])
        resolving = time.perf_counter() - started
        times, cpu, rows = [], [], []
        for _ in range(repeat):
            started, started_cpu = time.perf_counter(), time.process_time()
            result = store.query(text)
            solutions = list(result)  # every row decoded: what a caller gets
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
            if times[-1] > slow:
                break
        folded = collapse_lists(_Rows(result.variables, solutions), query.lists) if query.lists else None
        columns = [v.value for v in result.variables]
        rows = [tuple(_cell(row[c]) for c in columns) for row in (folded or solutions)]
        figures[name] = {
            "rows": len(rows),
            "seconds": statistics.median(times),
            "cpu_seconds": statistics.median(cpu),
            "runs": len(times),
        }
        if resolving > 0.05:
            figures[name]["resolve_s"] = resolving
        if answers is not None:
            lines = sorted(" ".join(row) for row in rows)
            (answers / f"{name}.txt").write_text(
                "\n".join([" ".join(columns), *lines]) + "\n", encoding="utf-8"
            )
        figure = figures[name]
        print(
            f"{name:30} {len(rows):>8,} rows {figure['seconds']:9.3f} s {figure['cpu_seconds']:9.3f} s cpu",
            flush=True,
        )
    return figures


def measure_labelled(store_dir: Path, queries_dir: Path, repeat: int, only: set[str] | None):
    from kg.names import StoreResolver
    from kg.querypack import bind_values, inject_values, load_pack
    from kg.resultlabels import run_labelled
    from kg.store import open_store

    store = open_store(store_dir)
    resolver = StoreResolver(store)
    figures: dict[str, dict] = {}
    for name, query in load_pack(queries_dir).items():
        if only and name not in only:
            continue
        times, engine = [], []
        for _ in range(repeat):
            started = time.perf_counter()
            answer = run_labelled(queries_dir, str(store_dir), name)
            rows = len(answer.rows) if hasattr(answer, "rows") else len(list(answer))
            times.append(time.perf_counter() - started)
        text = inject_values(query.text, [dict(bind_values(query, {}, resolver.resolve, "en"))])
        for _ in range(repeat):
            started = time.perf_counter()
            list(store.query(text))
            engine.append(time.perf_counter() - started)
        figure = {
            "rows": rows,
            "seconds": statistics.median(times),
            "engine_seconds": statistics.median(engine),
        }
        figures[name] = figure
        extra = figure["seconds"] - figure["engine_seconds"]
        print(
            f"{name:30} {rows:>8,} rows {figure['seconds']:9.3f} s "
            f"engine {figure['engine_seconds']:9.3f} s (+{extra:.3f} s)",
            flush=True,
        )
    return figures


def measure_cli(store_dir: Path, queries_dir: Path, repeat: int, only: set[str] | None, code: Path | None):
    import resource
    import subprocess

    from kg.querypack import load_pack

    env = dict(os.environ)
    if code is not None:  # that checkout's kg first on the path (the child inherits it)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(code), env.get("PYTHONPATH")]))
    command = [sys.executable, "-m", "kg", "--store", str(store_dir), "query", "run"]
    figures: dict[str, dict] = {}
    for name in load_pack(queries_dir):
        if only and name not in only:
            continue
        times, cpu = [], []
        for _ in range(repeat):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            done = subprocess.run([*command, name], capture_output=True, env=env, cwd=code or ROOT)
            times.append(time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            if done.returncode != 0:
                sys.exit(f"Error: {name}: exit {done.returncode}: {done.stderr.decode()[-300:]}")
        lines = done.stdout.count(b"\n")
        wall, used = statistics.median(times), statistics.median(cpu)
        figures[name] = {"lines": lines, "seconds": wall, "cpu_seconds": used}
        print(f"{name:30} {lines:>8,} lines {wall:9.3f} s {used:9.3f} s cpu", flush=True)
    return figures


def _seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.1f} s"


def _before(figure: dict) -> str:
    cpu = f", {_seconds(figure['cpu_seconds'])}" if "cpu_seconds" in figure else ""
    return f"{_seconds(figure['seconds'])}{cpu}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--queries", type=Path, default=ROOT / "queries")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--slow", type=float, default=30.0, help="seconds: a slower run is not repeated")
    parser.add_argument("--only", default="", help="comma-separated query names")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--answers", type=Path, help="write each answer, sorted, into this directory")
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    parser.add_argument("--before", type=Path, help="a --json of an earlier run: its times as a column")
    parser.add_argument("--cli", action="store_true", help="time the whole `atkg query run` command")
    parser.add_argument("--labelled", action="store_true", help="time kg.resultlabels.run_labelled")
    parser.add_argument("--code", type=Path, help="with --cli: run the command from this checkout")
    options = parser.parse_args()
    if not (options.store / "CURRENT").exists():
        sys.exit(f"Error: {options.store}: no store here")
    if options.answers:
        options.answers.mkdir(parents=True, exist_ok=True)
    only = {n.strip() for n in options.only.split(",") if n.strip()} or None
    load = os.getloadavg()
    print(f"store {options.store}; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    if options.labelled:
        figures = measure_labelled(options.store.resolve(), options.queries, options.repeat, only)
    elif options.cli:
        figures = measure_cli(options.store.resolve(), options.queries, options.repeat, only, options.code)
    else:
        figures = measure(options.store, options.queries, options.repeat, options.slow, only, options.answers)
    import pyoxigraph as ox

    count = len(ox.Store.read_only(str(options.store)))
    report = {"store": str(options.store), "quads": count, "load_average": load, "queries": figures}
    print(f"{count:,} quads; {sum(f['seconds'] > 1 for f in figures.values())} questions over 1 s")
    if options.markdown:
        before = json.loads(options.before.read_text())["queries"] if options.before else {}
        extra, rule = (" before |", "---:|") if before else ("", "")
        counted, timed = ("lines", "median (command)") if options.cli else ("rows", "median (engine)")
        last = "CPU"
        if options.labelled:
            timed, last = "median (`run_labelled`)", "engine alone"
        print(f"\n| question | {counted} | {timed} | {last} |{extra}\n|---|---:|---:|---:|{rule}")
        for name, figure in figures.items():
            size = figure.get("rows", figure.get("lines"))
            other = figure["engine_seconds"] if options.labelled else figure["cpu_seconds"]
            cells = f"{size:,} | {_seconds(figure['seconds'])} | {_seconds(other)}"
            if before:
                old = before.get(name)
                cells += " | " + (_before(old) if old else "")
            print(f"| `{name}` | {cells} |")
    if options.json:
        options.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
