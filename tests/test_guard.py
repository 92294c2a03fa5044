"""Issue 13 items 2, 4 and 7: one gate for every analyst query (size, nesting, SERVICE, FROM,
time limits), through the real CLI, with a real loopback listener proving nothing leaves."""

from __future__ import annotations

import socket
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import UsageError, ValidationError
from kg.guard import MAX_NESTING, MAX_QUERY_BYTES, check_timeout, dataset, guard_query
from kg.timeout import crash_message, run_limited

NESTED = "SELECT * WHERE { FILTER(" + "(" * 6000 + "1" + ")" * 6000 + ") }"
NESTING_ERROR = (
    f"Error: the query nests brackets more than {MAX_NESTING} deep (line 1); "
    "the engine cannot take that much nesting: simplify the query\n"
)
SERVICE_ERROR = (
    "Error: SERVICE is refused (line 1): queries run on this graph only and never send a request "
    "outside the machine\n"
)


@pytest.fixture
def sparql(seed_built, cli):
    def run(*args):
        return cli("--workspace", seed_built.root, "sparql", *args)

    return run


@pytest.mark.parametrize("timeout", ["30", "0"])
def test_six_thousand_nested_brackets_are_refused_before_the_engine(sparql, timeout):
    result = sparql(NESTED, "--timeout", timeout)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", NESTING_ERROR)


def test_a_crash_in_the_engine_takes_down_the_child_only(seed_built):
    # below the gate: the engine itself overflows, and the caller gets one clean error
    with pytest.raises(ValidationError) as caught:
        run_limited(str(seed_built.store), NESTED, None)
    assert str(caught.value) == crash_message(11)  # a stack overflow: SIGSEGV


HUNGRY = "SELECT (COUNT(*) AS ?n) WHERE { SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?a ?d }"


def test_a_memory_hungry_query_stops_at_the_memory_limit(seed_built):
    import os
    import subprocess
    import sys
    import time

    started = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kg",
            "--workspace",
            str(seed_built.root),
            "sparql",
            HUNGRY,
            "--timeout",
            "120",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "ATKG_QUERY_MEMORY_MB": "256"},
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        "Error: the query engine stopped on this query: it needed more than the 256 MB of memory a "
        "query may use; narrow it\n",
    )
    assert time.perf_counter() - started < 60


def test_size_limit(sparql):
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * MAX_QUERY_BYTES
    result = sparql(big)
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: the query is {len(big)} bytes long; the limit is {MAX_QUERY_BYTES} bytes\n",
    )


class Listener:
    """A loopback TCP listener that records every connection made to it."""

    def __init__(self) -> None:
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen()
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while self.running:
            try:
                connection, _ = self.server.accept()
            except OSError:
                continue
            self.connections += 1
            connection.close()

    def close(self) -> int:
        self.running = False
        self.thread.join()
        self.server.close()
        return self.connections


@pytest.fixture
def listener():
    listening = Listener()
    yield listening
    listening.close()


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { service silent <http://127.0.0.1:{port}/> { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE <file:///etc/passwd> { ?s ?p ?o } }",
    ],
)
def test_service_is_refused_and_no_request_leaves(sparql, listener, query):
    result = sparql(query.replace("{port}", str(listener.port)), "--timeout", "5")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", SERVICE_ERROR)
    assert listener.close() == 0


def test_service_as_a_variable_or_a_string_is_fine(sparql):
    result = sparql("SELECT ?service WHERE { BIND('SERVICE <http://x/>' AS ?service) }", "--format", "csv")
    assert (result.exit_code, result.stdout.splitlines()) == (0, ["service", "SERVICE <http://x/>"])


def test_from_is_honoured_not_ignored(sparql):
    count = "SELECT (COUNT(*) AS ?n) {from} WHERE {{ ?s ?p ?o }}"
    one_graph = sparql(count.format(from_="", **{"from": "FROM id:passage-001-12"}), "--format", "csv")
    by_graph = sparql(
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH id:passage-001-12 { ?s ?p ?o } }", "--format", "csv"
    )
    everything = sparql(count.format(**{"from": ""}), "--format", "csv")
    assert one_graph.stdout == by_graph.stdout
    assert int(one_graph.stdout.split()[1]) > 0
    assert int(everything.stdout.split()[1]) > 10 * int(one_graph.stdout.split()[1])
    # FROM NAMED only: the default graph is empty, GRAPH ?g sees the named graph only
    named = sparql(
        "SELECT DISTINCT ?g FROM NAMED <https://w3id.org/atkg/id/passage-001-12> "
        "WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }",
        "--format",
        "csv",
    )
    assert named.stdout.splitlines() == ["g", "https://w3id.org/atkg/id/passage-001-12"]


def test_dataset_reading():
    assert dataset("PREFIX ex: <http://ex/> SELECT * FROM ex:a FROM NAMED ex:b { ?s ?p ?o }") == (
        dataset("SELECT * FROM <http://ex/a> FROM NAMED <http://ex/b> { ?s ?p ?o }")
    )
    assert dataset("SELECT ?from WHERE { ?from ?p ex:from }") is None
    with pytest.raises(UsageError, match=r"^FROM nope:a: the prefix 'nope:' is not declared$"):
        guard_query("SELECT * FROM nope:a { ?s ?p ?o }")


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "-1"])
def test_timeout_must_be_a_finite_number(sparql, value):
    result = sparql("ASK {}", "--timeout", value)
    shown = f"{float(value):g}"
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: --timeout {shown}: give a number of seconds (0: no limit)\n",
    )
    assert check_timeout(0) is None


def test_a_query_file_in_the_pack_passes_the_same_gate(seed_built, seed_workspace, cli, listener):
    (seed_workspace.queries_dir / "zz-service.rq").write_text(
        "# title: Out\n# description: Asks elsewhere.\n# example: atkg query run zz-service\n"
        f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/> {{ ?s ?p ?o }} }}\n"
    )
    result = cli(
        "--workspace", seed_workspace.root, "--store", seed_built.store, "query", "run", "zz-service"
    )
    assert (result.exit_code, result.stderr) == (2, SERVICE_ERROR.replace("(line 1)", "(line 4)"))
    assert listener.close() == 0


def test_non_utf8_query_text(sparql):
    result = sparql("SELECT * WHERE { ?s ?p '\udcff' }")
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: QUERY: not valid UTF-8 text (byte 0xff); give text in UTF-8\n",
    )
    # the library's own gate says the same to callers that are not the CLI (the endpoint, tests)
    with pytest.raises(UsageError) as caught:
        guard_query("SELECT * WHERE { ?s ?p '\udcff' }")
    assert str(caught.value) == "the query is not valid UTF-8 text (byte 0xff at character 25)"


@settings(max_examples=300, deadline=None, database=None)
@given(
    st.text(alphabet=st.sampled_from(list("SERVICEFROMNAMED<>{}()[]'\"#?:. \nxid")), max_size=60) | st.text()
)
def test_the_gate_answers_or_refuses_never_fails(text):
    try:
        guard_query(text)
    except UsageError:
        pass
