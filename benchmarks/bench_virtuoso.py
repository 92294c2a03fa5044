"""Virtuoso at scale: bulk-load N copies of the curated graph, then ask every named question.

Run: .venv/bin/python benchmarks/bench_virtuoso.py 1000 [--nquads FILE] [--work DIR] [--markdown]
(prints figures; asserts nothing; tests/engines/test_bench_virtuoso.py runs the library part at 2x).

Why: the issue's target at scale for other engines is "at 8M quads on Virtuoso, every named question
answers", and the engine tests prove equal answers on the 8k-quad curated graph only. This script
writes (or takes) the synthetic graph of ``benchmarks/synthetic.py``, starts Virtuoso Open Source 7
(``virtuoso-t``) on loopback with a database folder of its own (``tests/engines/servers.py``, the
code the engine tests start it with; buffers sized by ``--memory-gb``), loads the N-Quads with
Virtuoso's own bulk loader (``ld_add`` + ``rdf_loader_run()`` + ``checkpoint`` through ``isql``),
then runs every named question through atkg's remote-store path (``kg.resultlabels.run_labelled``
with the endpoint URL: what ``atkg --store http://.../sparql query run NAME`` does, labels
included), each under ``--timeout`` seconds (Virtuoso's MaxQueryExecutionTime, and the HTTP
request's), plus ``atkg stats`` and the ``analyze`` measures of ``--analyze``. With ``--compare``
the same questions run on the embedded store loaded with the same file, and row counts are
compared. Virtuoso is stopped and its folder removed at the
end, on Ctrl-C too, unless ``--keep``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.engines.servers import Server, start_virtuoso  # noqa: E402

ID = "https://w3id.org/atkg/id/"
BULK_DEFAULT_GRAPH = ID + "graph-bulk-default"  # ld_add wants one; every N-Quads line names its own
PAGE = 8192  # bytes per Virtuoso buffer
GRACE = 30  # seconds an HTTP request waits past Virtuoso's own time limit

__all__ = [
    "Answer",
    "LoadFigures",
    "ask_every_question",
    "bulk_load",
    "embedded_store",
    "has_names_index",
    "held_quads",
    "isql",
    "markdown",
    "start_for",
    "virtuoso_buffers",
    "write_names_index",
]


@dataclass
class Answer:
    """One named question on one store: rows, seconds, and OK / timeout / partial / error."""

    name: str
    rows: int | None
    seconds: float
    status: str
    message: str = ""


@dataclass
class LoadFigures:
    file_quads: int
    held_quads: int
    load_seconds: float
    checkpoint_seconds: float

    @property
    def quads_per_second(self) -> float:
        return self.file_quads / self.load_seconds if self.load_seconds else 0.0


@dataclass
class Run:
    factor: int | None
    nquads: str
    load: LoadFigures
    answers: list[Answer]
    embedded: dict[str, int | None] = field(default_factory=dict)  # name -> rows (--compare)
    stats: dict = field(default_factory=dict)
    analyze: dict = field(default_factory=dict)
    load_average: tuple[float, float, float] = (0.0, 0.0, 0.0)
    memory_gb: float = 0.0
    timeout: float = 0.0
    queries: str = ""
    label: str = ""  # a column heading note (--label), e.g. which query files


# ---- Virtuoso ------------------------------------------------------------------------------------


def virtuoso_buffers(memory_gb: float) -> tuple[int, int]:
    """NumberOfBuffers and MaxDirtyBuffers for ``memory_gb`` of page cache (Virtuoso's own guidance:
    buffers of 8 KB over about two thirds of the memory given; dirty buffers three quarters of them)."""
    buffers = max(10_000, int(memory_gb * 2**30 * 2 / 3 / PAGE))
    return buffers, buffers * 3 // 4


def start_for(db: Path, data_folders: tuple[Path, ...], memory_gb: float, timeout: float) -> Server:
    buffers, dirty = virtuoso_buffers(memory_gb)
    return start_virtuoso(
        db,
        max_rows=100_000_000,  # an answer is never cut here: the question answers in full or not at all
        buffers=buffers,
        dirty_buffers=dirty,
        allowed=tuple(folder.resolve() for folder in data_folders),
        max_seconds=max(1, int(timeout)),
    )


def isql(server: Server, sql: str, timeout: float | None = None) -> str:
    """Run ``sql`` as dba through Virtuoso's isql client; its output, or RuntimeError on an error."""
    binary = shutil.which("isql-vt") or shutil.which("isql")
    if binary is None:
        raise RuntimeError("isql-vt is not installed: `make system` installs virtuoso-opensource")
    user, password = server.login or ("dba", "dba")
    done = subprocess.run(
        [binary, f"127.0.0.1:{server.sql_port}", user, password, f"exec={sql}"],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    output = done.stdout + done.stderr
    if done.returncode != 0 or "*** Error" in output:
        raise RuntimeError(f"isql: {output.strip()[-1000:]}")
    return output


def _count_lines(path: Path) -> int:
    count = 0
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 24):
            count += chunk.count(b"\n")
    return count


GRAPH_NAMES_END = f"<{ID}graph-names> .\n".encode()


def has_names_index(nquads: Path) -> bool:
    """Whether the file holds ``id:graph-names`` (what `atkg build` derives from the labels)."""
    with nquads.open("rb") as stream:
        return any(line.endswith(GRAPH_NAMES_END) for line in stream)


def write_names_index(nquads: Path, out: Path) -> int:
    """``id:graph-names`` for the graph in ``nquads``, as `atkg build` derives it (kg.names.name_quads),
    written as N-Quads to ``out``; its quad count. Only the quads that index reads are kept in memory.

    Why: ``benchmarks/synthetic.py`` writes no names index, and without it every entity parameter
    is resolved by reading every label of the store (the fallback for stores built before the
    index), which is not what a published graph costs."""
    import pyoxigraph as ox

    from kg.names import _NAME_PREDICATES, name_quads
    from kg.namespace import GRAPH_ENTITIES
    from kg.rdfio import from_ox, to_ox

    wanted = {str(p) for p in _NAME_PREDICATES}
    structural = {"http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://purl.org/dc/terms/isReplacedBy"}
    kept = []
    for quad in ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS):
        predicate = quad.predicate.value
        if predicate in wanted or (predicate in structural and quad.graph_name.value == str(GRAPH_ENTITIES)):
            kept.append(tuple(map(from_ox, (quad.subject, quad.predicate, quad.object, quad.graph_name))))
    index = name_quads(kept)
    partial = out.with_name(out.name + ".partial")
    with partial.open("w", encoding="utf-8", newline="\n") as stream:
        stream.writelines(f"{ox.Quad(*map(to_ox, quad))} .\n" for quad in index)
    partial.replace(out)
    return len(index)


def bulk_load(server: Server, *files: Path) -> LoadFigures:
    """Virtuoso's bulk loader on N-Quads files (which must lie in a DirsAllowed folder), then a
    checkpoint so the load is on disk; an error the loader recorded in its list is raised."""
    started = time.perf_counter()
    added = " ".join(f"ld_add('{path.resolve()}', '{BULK_DEFAULT_GRAPH}');" for path in files)
    isql(server, f"{added} rdf_loader_run();")
    loaded = time.perf_counter()
    isql(server, "checkpoint;")
    checkpointed = time.perf_counter()
    errors = isql(server, "SELECT ll_file, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL;")
    if "0 Rows." not in errors:
        raise RuntimeError(f"the bulk loader reported an error: {errors.strip()[-1000:]}")
    return LoadFigures(
        file_quads=sum(_count_lines(path) for path in files),
        held_quads=held_quads(server.query_url),
        load_seconds=loaded - started,
        checkpoint_seconds=checkpointed - loaded,
    )


def held_quads(endpoint: str, timeout: float = 600) -> int:
    """The quads in our graphs (IRIs under id:), as `atkg stats` counts them: not Virtuoso's own
    system graphs (virtrdf:...)."""
    from kg.store import RemoteStore

    result = RemoteStore(endpoint, timeout=timeout).query(
        f'SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (STRSTARTS(STR(?g), "{ID}")) }}'
    )
    return int(next(iter(result))["n"].value)


# ---- the questions ---------------------------------------------------------------------------------


@contextmanager
def _watch_responses() -> Iterator[list[dict]]:
    """Every HTTP answer's headers while inside (kg.remote.request, the one function RemoteStore
    sends through, is wrapped, not replaced): Virtuoso cut at MaxQueryExecutionTime answers 200 with
    what it had and says so only in ``X-SQL-State: S1TAT``, which atkg does not read."""
    import kg.remote

    seen: list[dict] = []
    original = kg.remote.request

    def watched(*args, **kwargs):
        response = original(*args, **kwargs)
        seen.append({k.lower(): v for k, v in response.headers.items()})
        return response

    kg.remote.request = watched
    try:
        yield seen
    finally:
        kg.remote.request = original


def ask_every_question(
    location: str, queries_dir: Path, timeout: float, report: Callable[[Answer], None] | None = None
) -> list[Answer]:
    """Every named question of ``queries_dir`` with its default parameters, as `atkg query run`
    runs it on ``location`` (an endpoint URL or a built store folder), each under ``timeout`` s."""
    from kg.errors import KgError
    from kg.querypack import load_pack
    from kg.resultlabels import run_labelled

    answers = []
    for name in load_pack(queries_dir):
        started = time.perf_counter()
        with _watch_responses() as responses:
            try:
                answer = run_labelled(queries_dir, location, name, timeout=timeout)
                rows = len(answer.rows) if hasattr(answer, "rows") else len(list(answer))
                status, message = "OK", ""
            except KgError as error:
                rows, status, message = None, "error", error.message
        seconds = time.perf_counter() - started
        cut = [h for h in responses if h.get("x-sql-state", "").startswith("S1T")]
        if cut:
            status, message = "partial", f"{cut[0]['x-sql-state']}: {cut[0].get('x-sql-message', '')}"
        elif status == "error" and ("timed out" in message or "ran longer" in message):
            status = "timeout"
        answer = Answer(name, rows, seconds, status, message[:300])
        if report:
            report(answer)
        answers.append(answer)
    return answers


def _child(action: Callable[[], object], pipe) -> None:
    try:
        pipe.send(("ok", action()))
    except BaseException as error:  # everything goes back to the parent as text
        pipe.send(("error", f"{type(error).__name__}: {getattr(error, 'message', error)}"))


def time_limited(action: Callable[[], object], seconds: float) -> dict:
    """``action()`` in a forked child under ``seconds``: {"seconds", "value"} / {"timeout"} / {"error"}."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(action, send))
    started = time.perf_counter()
    process.start()
    try:
        if not receive.poll(seconds):
            return {"timeout": seconds}
        kind, value = receive.recv()
        elapsed = time.perf_counter() - started
        return {"seconds": elapsed, "value": value} if kind == "ok" else {"error": value}
    finally:
        if process.is_alive():
            process.kill()
        process.join()


def _stats(endpoint: str, timeout: float) -> dict:
    from kg.stats import graph_stats
    from kg.store import RemoteStore

    stats = graph_stats(RemoteStore(endpoint, timeout=timeout))
    return {"quads": sum(n for _, n in stats.by_graph), "classes": len(stats.by_class)}


def _analyze(endpoint: str, measure: str, timeout: float) -> dict:
    from kg.network import analyze
    from kg.store import RemoteStore

    options = {"source": "UNODC", "target": "Frontex"} if measure == "path" else {}
    _, rows = analyze(RemoteStore(endpoint, timeout=timeout), measure, **options)
    return {"rows": len(rows)}


# ---- the run ------------------------------------------------------------------------------------------


def _seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.1f} s"


def _print_answer(answer: Answer) -> None:
    rows = "-" if answer.rows is None else f"{answer.rows:,}"
    note = f"  {answer.message}" if answer.message else ""
    print(
        f"  {answer.name:32} {rows:>9} rows {_seconds(answer.seconds):>9}  {answer.status}{note}", flush=True
    )


def embedded_store(files: list[Path], store: Path) -> None:
    """The embedded store atkg builds, loaded with ``files`` by Oxigraph's bulk loader."""
    import pyoxigraph as ox

    from kg.bulkload import load_nquads

    load_nquads(files[0], store)
    if files[1:]:
        writable = ox.Store(str(store))
        for path in files[1:]:
            writable.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
        writable.flush()
        del writable


def _embedded_rows(files: list[Path], work: Path, queries: Path, timeout: float) -> dict[str, int | None]:
    store = work / "embedded"
    shutil.rmtree(store, ignore_errors=True)
    started = time.perf_counter()
    embedded_store(files, store)
    print(f"  embedded store loaded in {_seconds(time.perf_counter() - started)}", flush=True)
    try:
        answers = ask_every_question(str(store), queries, timeout, _print_answer)
    finally:
        shutil.rmtree(store, ignore_errors=True)
    return {a.name: a.rows for a in answers}


def run(options) -> Run:
    work = options.work
    nquads = options.nquads
    if nquads is None:
        from benchmarks.synthetic import write_synthetic

        nquads = work / f"atkg-{options.factor}x-seed{options.seed}.nq"
        if not nquads.exists():
            started = time.perf_counter()
            count = write_synthetic(ROOT, options.factor, nquads, options.seed)
            print(f"wrote {nquads}: {count:,} quads in {_seconds(time.perf_counter() - started)}", flush=True)
    files = [nquads]
    if not options.reuse and not has_names_index(nquads):  # a reused database holds its index
        names = work / f"{nquads.stem}.names.nq"
        if names.exists() and names.stat().st_mtime >= nquads.stat().st_mtime:
            print(f"{nquads.name} has no id:graph-names: loading it with {names} (derived earlier)")
        else:
            started = time.perf_counter()
            count = write_names_index(nquads, names)
            print(
                f"{nquads.name} has no id:graph-names (the build's name index): derived {count:,} quads "
                f"into {names} in {_seconds(time.perf_counter() - started)}, loaded with it",
                flush=True,
            )
        files.append(names)
    db = work / "virtuoso-db"
    if db.exists() and not options.reuse:
        raise SystemExit(f"Error: {db} already exists (kept by --keep?): remove it, or give --reuse")
    if options.reuse and not (db / "virtuoso.db").exists():
        raise SystemExit(f"Error: --reuse: no database kept in {db} (run once with --keep)")
    buffers, dirty = virtuoso_buffers(options.memory_gb)
    print(
        f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; Virtuoso database {db} "
        f"(NumberOfBuffers {buffers:,}, MaxDirtyBuffers {dirty:,}); "
        f"per-question timeout {options.timeout:g} s",
        flush=True,
    )
    server = start_for(db, tuple({path.parent for path in files}), options.memory_gb, options.timeout)
    try:
        print(f"Virtuoso up: {server.query_url} (SQL port {server.sql_port})", flush=True)
        if options.reuse:  # loaded by an earlier run: nothing to time
            held = held_quads(server.query_url)
            load = LoadFigures(sum(_count_lines(path) for path in files), held, 0.0, 0.0)
        else:
            load = bulk_load(server, *files)
        print(
            f"bulk load: {load.file_quads:,} quads in {_seconds(load.load_seconds)} "
            f"({load.quads_per_second:,.0f} quads/s), checkpoint {_seconds(load.checkpoint_seconds)}; "
            f"Virtuoso holds {load.held_quads:,} quads in our graphs",
            flush=True,
        )
        print(f"named questions ({options.queries}) on Virtuoso, default parameters:", flush=True)
        # the HTTP request waits a little longer than the server's MaxQueryExecutionTime, so that a
        # question stopped by Virtuoso says so in Virtuoso's words (S1T00 "Transaction timed out")
        client = options.timeout + GRACE
        answers = ask_every_question(server.query_url, options.queries, client, _print_answer)
        result = Run(
            options.factor,
            str(nquads),
            load,
            answers,
            load_average=os.getloadavg(),
            memory_gb=options.memory_gb,
            timeout=options.timeout,
            queries=str(options.queries),
            label=options.label,
        )
        url, limit = server.query_url, client
        result.stats = time_limited(lambda: _stats(url, limit), limit * 3)
        print(f"atkg stats: {json.dumps(result.stats)}", flush=True)
        for measure in options.analyze:
            result.analyze[measure] = time_limited(lambda m=measure: _analyze(url, m, limit), limit * 3)
            print(f"analyze {measure}: {json.dumps(result.analyze[measure])}", flush=True)
    finally:
        server.stop()
        if not options.keep:
            shutil.rmtree(db, ignore_errors=True)
    if options.compare:
        print("the same questions on the embedded store (pyoxigraph), same file:", flush=True)
        result.embedded = _embedded_rows(files, work, options.queries, options.timeout)
        for answer in answers:
            if result.embedded.get(answer.name) != answer.rows:
                print(
                    f"  MISMATCH {answer.name}: Virtuoso {answer.rows} rows, "
                    f"embedded {result.embedded.get(answer.name)}",
                    flush=True,
                )
    return result


def _reason(message: str) -> str:
    """The engine's words without the URL and error codes around them, for a table cell."""
    message = message.split(" Error ", 1)[-1] if " Error " in message else message.split(": ", 1)[-1]
    return message.split(". ", 1)[0].split(";")[0][:90].replace("|", "/")


def markdown(runs: list[dict]) -> str:
    """The README table: one column per run (rows, seconds on Virtuoso; status when not OK)."""

    def head(r: dict) -> str:
        size = f"{r['factor']}x, " if r.get("factor") else ""
        label = f" ({r['label']})" if r.get("label") else ""
        return f"{size}{r['load']['held_quads']:,} quads{label}"

    lines = [
        "| figure | " + " | ".join(head(r) for r in runs) + " |",
        "|---|" + "---|" * len(runs),
    ]

    def row(label: str, cells: list[str]) -> None:
        lines.append(f"| {label} | " + " | ".join(cells) + " |")

    def load(r: dict) -> str:
        figures = r["load"]
        if not figures["load_seconds"]:
            return "loaded by an earlier run"
        rate = figures["file_quads"] / figures["load_seconds"]
        checkpoint = _seconds(figures["checkpoint_seconds"])
        return f"{rate:,.0f} quads/s ({_seconds(figures['load_seconds'])} + checkpoint {checkpoint})"

    row("bulk load (`ld_add` + `rdf_loader_run`)", [load(r) for r in runs])
    names = sorted({a["name"] for r in runs for a in r["answers"]})
    for name in names:

        def cell(r: dict, name: str = name) -> str:
            answer = next((a for a in r["answers"] if a["name"] == name), None)
            if answer is None:
                return ""
            if answer["status"] != "OK":
                return f"{answer['status']} after {_seconds(answer['seconds'])}: {_reason(answer['message'])}"
            return f"{answer['rows']:,} rows, {_seconds(answer['seconds'])}"

        row(f"`{name}`", [cell(r) for r in runs])

    def measured(figure: dict, run: dict) -> str:
        if "timeout" in figure:
            return f"> {figure['timeout']:.0f} s (stopped)"
        if "error" in figure and "timed out" in figure["error"]:
            return f"stopped: one of its queries ran past {run['timeout']:.0f} s"
        if "error" in figure:
            return "error: " + _reason(figure["error"])
        return _seconds(figure["seconds"])

    row("`atkg stats`", [measured(r["stats"], r) if r.get("stats") else "not run" for r in runs])
    for measure in sorted({m for r in runs for m in r.get("analyze", {})}):
        cells = [
            measured(r["analyze"][measure], r) if measure in r.get("analyze", {}) else "not run" for r in runs
        ]
        row(f"`analyze {measure}`", cells)
    row("load average (1 min) at the end", [f"{r['load_average'][0]:.1f}" for r in runs])
    return "\n".join(lines)


def _interrupt(signum, frame) -> None:  # SIGTERM ends the run like Ctrl-C: Virtuoso stopped, folder removed
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    from kg.network import MEASURES

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "factor", type=int, nargs="?", help="copies of the curated graph (default 10; with --nquads: a label)"
    )
    parser.add_argument("--nquads", type=Path, help="an N-Quads file to load instead of writing one")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--work", type=Path, help="where the graph and the database go (default: a temp dir)")
    parser.add_argument("--queries", type=Path, default=ROOT / "queries", help="folder of named questions")
    parser.add_argument("--timeout", type=float, default=300, help="seconds per question")
    parser.add_argument("--memory-gb", type=float, default=3.0, help="Virtuoso's page cache")
    parser.add_argument("--analyze", default="overlap", help="measures to run, comma-separated ('' for none)")
    parser.add_argument("--compare", action="store_true", help="also run the questions on the embedded store")
    parser.add_argument("--keep", action="store_true", help="keep Virtuoso's database folder")
    parser.add_argument("--reuse", action="store_true", help="start on the database --keep kept (no load)")
    parser.add_argument("--label", default="", help="a note for the table's column heading")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument("--markdown", action="store_true", help="print the README table at the end")
    parser.add_argument("--report", type=Path, nargs="+", help="print the table of earlier --json files")
    options = parser.parse_args(argv)
    if options.report:
        print(markdown([r for path in options.report for r in json.loads(path.read_text())]))
        return 0
    options.analyze = [m for m in options.analyze.split(",") if m]
    unknown = [m for m in options.analyze if m not in MEASURES]
    if unknown:
        parser.error(f"--analyze: unknown measure {unknown[0]!r} (one of {', '.join(MEASURES)})")
    if options.nquads is not None and not options.nquads.is_file():
        parser.error(f"--nquads: {options.nquads} is not a file")
    if options.nquads is None and options.factor is None:
        options.factor = 10
    temporary = options.work is None
    options.work = options.work or Path(tempfile.mkdtemp(prefix="atkg-virtuoso-"))
    options.work.mkdir(parents=True, exist_ok=True)
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even where the shell ignored it (a `&` job)
    try:
        result = run(options)
    except KeyboardInterrupt:
        print("interrupted: Virtuoso stopped" + ("" if options.keep else ", its folder removed"), flush=True)
        return 130
    finally:
        if temporary and not options.keep:
            shutil.rmtree(options.work, ignore_errors=True)
    document = asdict(result)
    if options.json:
        options.json.write_text(json.dumps([document], indent=1))
    failed = [a for a in result.answers if a.status != "OK"]
    print(f"{len(result.answers) - len(failed)} of {len(result.answers)} named questions answered")
    if options.markdown:
        print("\nMarkdown (README, Using another triple store):\n")
        print(markdown([document]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
