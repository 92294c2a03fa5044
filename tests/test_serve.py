"""`atkg serve`: a REAL server process on a free loopback port (our own, kg.endpoint), queried over
HTTP: the SPARQL 1.1 Protocol, content negotiation on /id/<slug>, refusals, hostile queries,
runaway queries, signals (checked by PID), concurrency, bind failure and a rebuilt store."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from xml.etree import ElementTree

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef

from tests.engines.servers import free_port
from tests.test_guard import NESTED, Listener

ID = "https://w3id.org/atkg/id/"
QUERY = "SELECT ?m WHERE { ?m org:memberOf id:gmg } ORDER BY ?m"  # no PREFIX lines: predeclared
MEMBERS = ["ilo", "iom", "ohchr", "undp", "unesco", "unfpa", "unhcr", "unicef", "unodc"]
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
CHEAP = "ASK { id:unodc org:memberOf id:icat }"
SITE_INDEX = "<!DOCTYPE html><title>Site home</title><p>fixture home</p>\n"
SITE_UNODC = "<!DOCTYPE html><title>UNODC</title><p>fixture entity page</p>\n"


class Server:
    """`python -m kg ... serve` as a child process, its stderr in a file."""

    def __init__(
        self, workspace, tmp: Path, *extra: str, store: Path | None = None, timeout: str = "5", memory_mb=None
    ):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = tmp / f"serve-{self.port}.log"
        args = [sys.executable, "-m", "kg", "--workspace", str(workspace.root)]
        if store is not None:
            args += ["--store", str(store)]
        args += ["serve", "--port", str(self.port), "--timeout", timeout, *extra]
        with open(self.log, "w") as log:
            env = {**os.environ, "ATKG_QUERY_MEMORY_MB": str(memory_mb)} if memory_mb else None
            self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=log, env=env)
        deadline = time.monotonic() + 30
        while "Serving " not in self.log.read_text():
            assert self.process.poll() is None, self.log.read_text()
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.05)

    def stop(self, sig: int = signal.SIGTERM) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        return self.process.wait(timeout=20)


def tree(pid: int) -> list[int]:
    """``pid`` and every live descendant, from /proc."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != "Z":
                parents[int(entry)] = int(fields[1])
    found, frontier = [pid] if pid in parents else [], [pid]
    while frontier:
        children = [child for child, parent in parents.items() if parent in frontier]
        found += children
        frontier = children
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    (folder / "id").mkdir()
    (folder / "index.html").write_text(SITE_INDEX)
    (folder / "id" / "unodc.html").write_text(SITE_UNODC)
    return folder


@pytest.fixture(scope="module")
def server(seed_built, site, tmp_path_factory):
    log = tmp_path_factory.mktemp("log")
    running = Server(seed_built, log, "--site", str(site), timeout="3", memory_mb=256)
    yield running
    running.stop()


def request(
    base: str, path: str, accept: str | None = None, data: bytes | None = None, method=None, **headers
):
    if accept:
        headers["Accept"] = accept
    req = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def get(base: str, query: str, accept: str) -> tuple[str, bytes]:
    status, headers, body = request(base, "/query?" + urllib.parse.urlencode({"query": query}), accept)
    assert status == 200, body
    return headers.get_content_type(), body


def post(base: str, query: str, accept: str) -> tuple[str, bytes]:
    status, headers, body = request(
        base, "/query", accept, query.encode(), **{"Content-Type": "application/sparql-query"}
    )
    assert status == 200, body
    return headers.get_content_type(), body


def post_form(base: str, query: str, accept: str) -> tuple[str, bytes]:
    form = urllib.parse.urlencode({"query": query}).encode()
    status, headers, body = request(
        base, "/query", accept, form, **{"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert status == 200, body
    return headers.get_content_type(), body


@pytest.mark.parametrize("send", [get, post, post_form])
def test_every_results_format_parses_back(server, send):
    kind, body = send(server.base, QUERY, "application/sparql-results+json")
    assert kind == "application/sparql-results+json"
    assert [b["m"]["value"].removeprefix(ID) for b in json.loads(body)["results"]["bindings"]] == MEMBERS
    kind, body = send(server.base, QUERY, "application/sparql-results+xml")
    assert kind == "application/sparql-results+xml"
    uris = ElementTree.fromstring(body).iter("{http://www.w3.org/2005/sparql-results#}uri")
    assert [u.text.removeprefix(ID) for u in uris] == MEMBERS
    kind, body = send(server.base, QUERY, "text/csv")
    assert kind == "text/csv"
    assert list(csv.reader(io.StringIO(body.decode()))) == [["m"]] + [[ID + m] for m in MEMBERS]
    kind, body = send(server.base, QUERY, "text/tab-separated-values")
    assert kind == "text/tab-separated-values"
    rows = ox.parse_query_results(body, format=ox.QueryResultsFormat.TSV)
    assert [r["m"].value.removeprefix(ID) for r in rows] == MEMBERS


def test_the_readme_example_runs_without_prefix_lines(server):
    query = "SELECT ?member ?passage WHERE { GRAPH ?passage { ?member org:memberOf id:icat } }"
    _, body = get(server.base, query, "application/sparql-results+json")
    members = sorted({b["member"]["value"].removeprefix(ID) for b in json.loads(body)["results"]["bindings"]})
    assert members == ["ilo", "interpol", "iom", "ohchr", "unfpa", "unhcr", "unicef", "unifem", "unodc"]


@pytest.mark.parametrize("send", [get, post])
def test_construct_as_turtle_and_n_triples(server, send):
    query = "CONSTRUCT { ?a atkg:party ?b } WHERE { ?a atkg:party ?b }"
    for accept, rdf_format in (("text/turtle", "turtle"), ("application/n-triples", "nt")):
        kind, body = send(server.base, query, accept)
        assert kind == accept
        graph = Graph().parse(data=body.decode(), format=rdf_format)
        assert (URIRef(ID + "agreement-unodc-unwto-2012"), None, URIRef(ID + "unwto")) in graph
        assert len(graph) == 6


def test_the_default_graph_is_the_union_and_from_is_honoured(server):
    _, body = get(server.base, "ASK { id:icat ?p ?o }", "application/sparql-results+json")
    assert json.loads(body)["boolean"] is True
    _, body = get(server.base, "ASK FROM id:graph-inferred { id:icat rdfs:label ?o }", "application/json")
    assert json.loads(body)["boolean"] is False


GRAPHS_OF_ICAT = "SELECT DISTINCT ?g WHERE { GRAPH ?g { id:icat ?p ?o } } ORDER BY ?g"


def _graphs(body: bytes) -> list[str]:
    return [row["g"]["value"] for row in json.loads(body)["results"]["bindings"]]


def test_protocol_graph_parameters_make_the_dataset_and_override_from(server):
    """default-graph-uri / named-graph-uri (SPARQL 1.1 Protocol 2.1.4) are the dataset, over FROM."""
    entities, nowhere = ID + "graph-entities", "http://example.org/no-such-graph"

    def ask(query: str, **graphs: str) -> bool:
        fields = {"query": query} | {key.replace("_", "-"): value for key, value in graphs.items()}
        status, _, body = request(server.base, "/query?" + urllib.parse.urlencode(fields), "application/json")
        assert status == 200, body
        return json.loads(body)["boolean"]

    assert ask("ASK { id:icat ?p ?o }", default_graph_uri=entities) is True
    assert ask("ASK { id:icat ?p ?o }", default_graph_uri=nowhere) is False
    assert ask(f"ASK FROM <{nowhere}> {{ id:icat ?p ?o }}", default_graph_uri=entities) is True
    fields = urllib.parse.urlencode(
        [("query", GRAPHS_OF_ICAT), ("named-graph-uri", entities), ("named-graph-uri", nowhere)]
    )
    status, _, body = request(
        server.base,
        "/query",
        "application/json",
        fields.encode(),
        **{"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert status == 200, body
    assert _graphs(body) == [entities]
    _, body = get(server.base, GRAPHS_OF_ICAT, "application/json")
    assert len(_graphs(body)) > 1  # without the parameter, every graph that states something of ICAT


def test_a_protocol_graph_that_is_not_an_iri_is_refused(server):
    fields = urllib.parse.urlencode({"query": "ASK {}", "default-graph-uri": "no iri\u0007"})
    status, _, body = request(server.base, "/query?" + fields, "application/json")
    assert (status, body) == (400, b"Error: default-graph-uri: 'no iri?' is not an absolute IRI\n")


def test_updates_are_refused(server):
    refused = "Error: SPARQL Update is refused: the store is read-only: change the curated data with "
    insert = b"INSERT DATA { <http://a> <http://b> <http://c> }"
    status, _, body = request(
        server.base, "/update", None, insert, **{"Content-Type": "application/sparql-update"}
    )
    assert (status, body.decode().startswith(refused)) == (403, True)
    status, _, body = request(
        server.base, "/query", None, insert, **{"Content-Type": "application/sparql-update"}
    )
    assert (status, body.decode().startswith(refused)) == (403, True)
    form = urllib.parse.urlencode({"update": insert.decode()}).encode()
    status, _, body = request(
        server.base, "/query", None, form, **{"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert (status, body.decode().startswith(refused)) == (403, True)
    status, _, body = request(server.base, "/query?" + urllib.parse.urlencode({"query": insert.decode()}))
    assert status == 400
    assert body.decode().startswith("Error: SPARQL Update (INSERT) is refused: the store is read-only")
    _, answer = get(
        server.base, "ASK { <http://a> <http://b> <http://c> }", "application/sparql-results+json"
    )
    assert json.loads(answer)["boolean"] is False


@pytest.mark.parametrize("method", ["PUT", "POST", "DELETE"])
def test_the_graph_store_protocol_is_refused(server, method):
    data = b"<http://a> <http://b> <http://c> ." if method != "DELETE" else None
    for path in ("/store?default", "/store?graph=" + urllib.parse.quote(ID + "graph-entities")):
        status, _, body = request(
            server.base, path, None, data, method, **{"Content-Type": "application/n-triples"}
        )
        assert status == 405
        assert body.decode().startswith("Error: the Graph Store Protocol is not offered")


def test_the_query_page_shows_the_named_questions_and_asks_nothing_outside(server, seed_built):
    from kg.querypack import load_pack

    status, headers, body = request(server.base, "/sparql", "text/html")
    html = body.decode()
    assert (status, headers.get_content_type()) == (200, "text/html")
    pack = load_pack(seed_built.queries_dir)
    assert len(pack) > 5
    for named in pack.values():
        assert f"<strong>{_escape(named.title)}</strong>" in html
    assert "connect-src 'self'" in headers["Content-Security-Policy"]
    assert 'src="http' not in html and "yasgui" not in html.lower() and "//cdn" not in html
    status, headers, script = request(server.base, "/_endpoint/query.js")
    assert (status, headers.get_content_type()) == (200, "text/javascript")
    assert b"http" not in script
    # a browser at /query with no query is sent to the page
    status, _, body = request(server.base, "/query", "text/html,application/xhtml+xml")
    assert status == 200 and b"Named questions" in body


def _escape(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


def test_id_content_negotiation(server, seed_built, site):
    status, headers, body = request(server.base, "/id/unodc", "text/html,application/xhtml+xml,*/*;q=0.8")
    assert (status, headers.get_content_type(), body.decode()) == (200, "text/html", SITE_UNODC)
    # the site's own relative links name the file: /id/unodc.html is that file, for any client
    status, headers, body = request(server.base, "/id/unodc.html")
    assert (status, headers.get_content_type(), body.decode()) == (200, "text/html", SITE_UNODC)
    store = ox.Store.read_only(str(seed_built.store))
    expected = {
        (URIRef(ID + "unodc"), URIRef(r["p"].value), _rdflib(r["o"]))
        for r in store.query(f"SELECT DISTINCT ?p ?o WHERE {{ GRAPH ?g {{ <{ID}unodc> ?p ?o }} }}")
    }
    assert len(expected) > 5
    for accept, rdf_format in (
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
    ):
        status, headers, body = request(server.base, "/id/unodc", accept)
        assert (status, headers.get_content_type()) == (200, accept)
        assert set(Graph().parse(data=body.decode(), format=rdf_format)) == expected
        assert request(server.base, "/id/unodc", accept)[2] == body  # deterministic


def _rdflib(term):
    from kg.rdfio import from_ox

    return from_ox(term)


def test_unknown_slug_is_a_helpful_404(server):
    status, headers, body = request(server.base, "/id/unodcx", "text/html")
    html = body.decode()
    assert (status, headers.get_content_type()) == (404, "text/html")
    assert "No entity “unodcx”" in html
    assert '<li><a href="unodc">unodc</a></li>' in html
    assert '<a href="../">home page</a>' in html and '<a href="../sparql">query page</a>' in html
    status, headers, body = request(server.base, "/id/unodcx", "text/turtle")
    assert (status, body) == (
        404,
        b"Error: no entity unodcx in the graph (https://w3id.org/atkg/id/unodcx)\n",
    )
    status, _, body = request(server.base, "/id/%3Cscript%3E", "text/html")
    assert status == 404 and b"<script>" not in body and b"&lt;script&gt;" in body


def test_static_site_and_nothing_outside_it(server):
    status, headers, body = request(server.base, "/", "text/html")
    assert (status, body.decode()) == (200, SITE_INDEX)
    assert headers["X-Content-Type-Options"] == "nosniff"
    with socket.create_connection(("127.0.0.1", server.port)) as raw:
        raw.sendall(b"GET /../../../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        answer = b""
        while chunk := raw.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 404") and b"root:" not in answer
    status, _, _ = request(server.base, "/%2e%2e/%2e%2e/etc/passwd")
    assert status == 404


def test_nested_brackets_do_not_take_the_server_down(server):
    form = urllib.parse.urlencode({"query": NESTED}).encode()
    status, _, body = request(
        server.base, "/query", None, form, **{"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert status == 400
    assert body.decode().startswith("Error: the query nests brackets more than 200 deep")
    assert get(server.base, CHEAP, "application/json")[1] == b'{"head":{},"boolean":true}'


def test_an_oversized_body_is_refused_and_not_read_whole(server):
    body = b"SELECT * WHERE { ?s ?p ?o } #" + b"x" * (4 * 256 * 1024)
    status, _, answer = request(
        server.base, "/query", None, body, **{"Content-Type": "application/sparql-query"}
    )
    assert (status, answer) == (
        413,
        b"Error: the request body is too large: a query is at most 262144 bytes\n",
    )
    assert get(server.base, CHEAP, "application/json")[1] == b'{"head":{},"boolean":true}'


def test_service_makes_no_request(server):
    listener = Listener()
    query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}"
    status, _, body = request(server.base, "/query?" + urllib.parse.urlencode({"query": query}))
    assert status == 400
    assert body.decode().startswith("Error: SERVICE is refused")
    time.sleep(0.3)
    assert listener.close() == 0


def test_a_runaway_query_is_cut_while_a_cheap_one_still_answers(server):
    workers_before = set(tree(server.process.pid)) - {server.process.pid}
    outcome: dict = {}

    def runaway():
        started = time.perf_counter()
        outcome["answer"] = request(server.base, "/query?" + urllib.parse.urlencode({"query": RUNAWAY}))
        outcome["seconds"] = time.perf_counter() - started

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.5)
    started = time.perf_counter()
    assert get(server.base, CHEAP, "application/json")[1] == b'{"head":{},"boolean":true}'
    assert time.perf_counter() - started < 1.0
    thread.join(timeout=30)
    status, _, body = outcome["answer"]
    assert status == 503
    assert body.decode() == (
        "Error: query stopped: it ran longer than 3 s; narrow it, or give more time with "
        "atkg serve --timeout SECONDS (0: no limit)\n"
    )
    assert 3 <= outcome["seconds"] < 6
    time.sleep(1.5)  # the replacement worker starts
    workers_after = set(tree(server.process.pid)) - {server.process.pid}
    assert len(workers_after) == len(workers_before) == 4
    killed = workers_before - workers_after
    assert len(killed) == 1 and not any(alive(pid) for pid in killed)


def test_a_memory_hungry_query_stops_one_worker_at_its_memory_limit(server):
    from tests.test_guard import HUNGRY

    status, _, body = request(server.base, "/query?" + urllib.parse.urlencode({"query": HUNGRY}))
    assert (status, body.decode()) == (
        500,
        "Error: the query engine stopped on this query: it needed more than the 256 MB of memory a "
        "query may use; narrow it\n",
    )
    assert get(server.base, CHEAP, "application/json")[1] == b'{"head":{},"boolean":true}'


def test_twenty_concurrent_clients_for_ten_seconds(server):
    errors: list = []
    counts = [0] * 20
    stop = time.monotonic() + 10

    def client(index: int) -> None:
        while time.monotonic() < stop:
            try:
                if index % 2:
                    kind, body = get(server.base, QUERY, "text/csv")
                    assert body.decode().splitlines()[1] == ID + "ilo"
                else:
                    status, _, body = request(server.base, "/id/icat", "application/n-triples")
                    assert status == 200 and b"<https://w3id.org/atkg/id/icat>" in body
                counts[index] += 1
            except Exception as error:  # noqa: BLE001 - every failure is collected and reported
                errors.append(repr(error))

    threads = [threading.Thread(target=client, args=(i,)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert all(count > 0 for count in counts)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_the_whole_process_tree(seed_built, tmp_path, sig):
    running = Server(seed_built, tmp_path)
    pids = tree(running.process.pid)
    assert len(pids) == 5  # the server and its 4 workers
    assert running.stop(sig) == 0
    deadline = time.monotonic() + 5
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [pid for pid in pids if alive(pid)] == []
    assert "Traceback" not in running.log.read_text()


def test_workers_die_with_a_killed_server(seed_built, tmp_path):
    running = Server(seed_built, tmp_path)
    pids = tree(running.process.pid)
    assert len(pids) == 5
    assert running.stop(signal.SIGKILL) == -signal.SIGKILL
    deadline = time.monotonic() + 5
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [pid for pid in pids if alive(pid)] == []


def test_a_port_in_use_is_reported_before_serving(seed_built):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "kg", "--workspace", str(seed_built.root), "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert (result.returncode, result.stderr) == (
        2,
        f"Error: cannot listen on 127.0.0.1:{port}: Address already in use\n",
    )


def test_a_rebuilt_store_is_served_without_restart(seed_built, tmp_path):
    from kg.store import open_store, write_store

    store = tmp_path / "store"
    quads = list(open_store(seed_built.store).quads())
    write_store(store, quads)
    running = Server(seed_built, tmp_path, store=store)
    try:
        assert json.loads(get(running.base, CHEAP, "application/json")[1])["boolean"] is True
        write_store(store, [q for q in quads if "icat" not in str(q[2])])
        assert json.loads(get(running.base, CHEAP, "application/json")[1])["boolean"] is False
    finally:
        running.stop()


def test_no_site_yet_gives_a_page_saying_what_to_run(seed_built, tmp_path):
    running = Server(seed_built, tmp_path, "--site", str(tmp_path / "nothing"))
    try:
        status, _, body = request(running.base, "/", "text/html")
        assert status == 200
        assert b"run <code>atkg site</code>" in body and b'<a href="sparql">query page</a>' in body
    finally:
        running.stop()


def test_serve_refuses_a_missing_store(cli, seed_workspace):
    result = cli("--workspace", seed_workspace.root, "serve", "--port", "1")
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: {seed_workspace.store}: no built store here (run `atkg build` first)\n",
    )


def test_a_crashing_query_kills_a_worker_only(seed_built):
    """Below the gate: a query the engine cannot survive takes one worker down; it is replaced."""
    from kg.endpoint.pool import WorkerPool

    async def scenario():
        pool = WorkerPool(seed_built.store, size=1, timeout=20)
        pool.start()
        pool.attach()
        try:
            first = pool.pids()
            crashed = await pool.run({"kind": "query", "text": NESTED, "accept": None})
            await asyncio.sleep(0)
            answer = await pool.run({"kind": "query", "text": CHEAP, "accept": "application/json"})
            return first, crashed, answer, pool.pids()
        finally:
            pool.stop()

    outcome: list = []  # a thread of its own: another test's browser may own this thread's event loop
    runner = threading.Thread(target=lambda: outcome.append(asyncio.run(scenario())))
    runner.start()
    runner.join(timeout=60)
    first, crashed, answer, after = outcome[0]
    assert crashed.status == 500 and crashed.error.startswith("the query engine crashed on this query")
    assert answer.body == b'{"head":{},"boolean":true}'
    assert after != first and not alive(first[0])


def test_beyond_the_waiting_line_the_pool_answers_busy_at_once(seed_built):
    """Bounded concurrency: 1 worker busy, 1 request waiting, the next is refused without waiting."""
    from kg.endpoint.pool import Busy, WorkerPool

    async def scenario():
        pool = WorkerPool(seed_built.store, size=1, timeout=2, queue=1)
        pool.start()
        pool.attach()
        try:
            running = asyncio.ensure_future(pool.run({"kind": "query", "text": RUNAWAY, "accept": None}))
            await asyncio.sleep(0.2)
            waiting = asyncio.ensure_future(pool.run({"kind": "query", "text": CHEAP, "accept": None}))
            await asyncio.sleep(0.2)
            started = time.perf_counter()
            try:
                await pool.run({"kind": "query", "text": CHEAP, "accept": None})
                refused = None
            except Busy as error:
                refused = (str(error), time.perf_counter() - started)
            return refused, (await running).status, (await waiting).status
        finally:
            pool.stop()

    outcome: list = []
    runner = threading.Thread(target=lambda: outcome.append(asyncio.run(scenario())))
    runner.start()
    runner.join(timeout=60)
    (message, seconds), first, second = outcome[0]
    assert message == "the endpoint is busy: every query worker is taken and the line is full; try again"
    assert seconds < 0.1
    assert (first, second) == (503, 200)  # the runaway was cut; the waiting query then ran


def test_the_default_site_is_written_from_the_store_and_follows_a_rebuild(seed_built, tmp_path):
    """Without --site, serve writes the site from the store it serves (after binding, before
    "Serving") and writes it again when a build swaps in a new store, without a restart."""
    from kg.site.current import read_stamp
    from kg.store import open_store, write_store
    from kg.storedir import generation

    store = tmp_path / "store"
    quads = list(open_store(seed_built.store).quads())
    write_store(store, quads)
    site = seed_built.root / ".atkg" / "site"
    running = Server(seed_built, tmp_path, store=store)
    try:
        assert read_stamp(site) == {"generation": generation(store), "lang": "en"}
        status, headers, body = request(running.base, "/id/icat", "text/html")
        assert (status, headers.get_content_type()) == (200, "text/html")
        assert body == (site / "id" / "icat.html").read_bytes()
        assert b"Inter-Agency Coordination Group against Trafficking in Persons" in body
        write_store(store, [q for q in quads if q[0] != URIRef(ID + "icat")])
        deadline = time.monotonic() + 60
        while (read_stamp(site) or {}).get("generation") != generation(store):
            assert time.monotonic() < deadline, running.log.read_text()
            time.sleep(0.2)
        # ICAT lost its own description (labels, type): its page no longer names it
        assert (
            b"Inter-Agency Coordination Group against Trafficking in Persons"
            not in request(running.base, "/id/icat", "text/html")[2]
        )
        assert "The store was rebuilt: site rewritten in" in running.log.read_text()
    finally:
        running.stop()
