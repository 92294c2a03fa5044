"""Latency of `atkg serve` over HTTP on the real graph: /id/<slug> and a named query under 20
concurrent clients, and a cheap query while 2 runaway queries are being cut at the time limit.

Run: .venv/bin/python benchmarks/bench_endpoint.py   (prints figures; asserts nothing)
A real server process on a free loopback port (4 query workers, --timeout 5), the real curated data
built into a scratch store, plain urllib clients in threads.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CLIENTS = 20
SECONDS = 8.0
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
CHEAP = "ASK { id:unodc org:memberOf id:icat }"


def fetch(url: str, accept: str, data: bytes | None = None) -> int:
    headers = {"Accept": accept}
    if data is not None:
        headers["Content-Type"] = "application/sparql-query"
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers), timeout=60) as r:
            r.read()
            return r.status
    except urllib.error.HTTPError as error:
        error.read()
        return error.code


def load(call, clients: int = CLIENTS, seconds: float = SECONDS) -> tuple[list[float], int]:
    """Latencies of ``call()`` from ``clients`` threads for ``seconds``; and the failures."""
    latencies: list[float] = []
    failures = [0]
    stop = time.monotonic() + seconds

    def client() -> None:
        while time.monotonic() < stop:
            started = time.perf_counter()
            status = call()
            latencies.append(time.perf_counter() - started)
            if status != 200:
                failures[0] += 1

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, failures[0]


def percentiles(latencies: list[float]) -> str:
    ordered = sorted(latencies)
    p50 = statistics.median(ordered) * 1000
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000
    return f"p50 {p50:6.1f} ms   p99 {p99:6.1f} ms   max {ordered[-1] * 1000:6.1f} ms"


def named_query_text(workspace, name: str) -> str:
    from kg.names import Resolver
    from kg.querypack import bind_values, find_query, inject_values, load_pack
    from kg.store import open_store

    query = find_query(load_pack(workspace.queries_dir), name)
    resolver = Resolver.from_store(open_store(workspace.store))
    return inject_values(query.text, [bind_values(query, {}, resolver.resolve, "en")])


def main() -> None:
    from kg.build import build
    from tests.conftest import make_workspace
    from tests.test_serve import Server

    scratch = Path(tempfile.mkdtemp(prefix="atkg-bench-endpoint-"))
    server = None
    try:
        workspace = make_workspace(scratch / "real")
        build(workspace)
        server = Server(workspace, scratch, timeout="5")
        base = server.base
        print(f"atkg serve on the real graph, 4 workers, {CLIENTS} concurrent clients, {SECONDS:g} s per run")

        latencies, failures = load(lambda: fetch(base + "/id/unodc", "text/turtle"))
        rate = len(latencies) / SECONDS
        print(
            f"/id/unodc (Turtle)          {percentiles(latencies)}   {rate:6.0f} req/s  failures {failures}"
        )

        text = named_query_text(workspace, "members-of-mechanism").encode()
        latencies, failures = load(lambda: fetch(base + "/query", "application/sparql-results+json", text))
        rate = len(latencies) / SECONDS
        print(
            f"members-of-mechanism (JSON) {percentiles(latencies)}   {rate:6.0f} req/s  failures {failures}"
        )

        cut: list[tuple[int, float]] = []

        def runaway() -> None:
            started = time.perf_counter()
            status = fetch(base + "/query?" + urllib.parse.urlencode({"query": RUNAWAY}), "application/json")
            cut.append((status, time.perf_counter() - started))

        runaways = [threading.Thread(target=runaway) for _ in range(2)]
        for thread in runaways:
            thread.start()
        time.sleep(0.5)
        cheap: list[float] = []
        url = base + "/query?" + urllib.parse.urlencode({"query": CHEAP})
        while any(thread.is_alive() for thread in runaways):
            started = time.perf_counter()
            fetch(url, "application/json")
            cheap.append(time.perf_counter() - started)
            time.sleep(0.05)
        print(
            f"cheap ASK while 2 runaway queries run  {percentiles(cheap)}   ({len(cheap)} queries); "
            f"runaways answered {sorted(s for s, _ in cut)} after {', '.join(f'{t:.1f} s' for _, t in cut)}"
        )
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
