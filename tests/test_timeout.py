"""Time limits on analyst SPARQL: a genuinely slow query is stopped, with a message and exit 1."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import QueryTimeout, UsageError, ValidationError
from kg.timeout import run_limited, timeout_message

# A cross product of every triple with itself, three times: billions of rows on the seed store.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
STOPPED = (
    "Error: query stopped: it ran longer than 1 s; narrow it, "
    "or give more time with --timeout SECONDS (0: no limit)\n"
)


def children_running(location: Path) -> list[str]:
    """Command lines of live processes still running a query on this store."""
    found = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if "kg.timeout" in cmdline and str(location) in cmdline:
                found.append(cmdline)
    return found


def test_a_slow_query_is_stopped_and_leaves_nothing_behind(seed_built):
    started = time.perf_counter()
    with pytest.raises(QueryTimeout) as error:
        run_limited(str(seed_built.store), SLOW, 1)
    assert 1 <= time.perf_counter() - started < 5
    assert str(error.value) == timeout_message(1)
    assert children_running(seed_built.store) == []


def test_a_quick_query_comes_back_whole(seed_built):
    result = run_limited(str(seed_built.store), "SELECT ?m WHERE { ?m org:memberOf id:gmg } ORDER BY ?m", 10)
    assert [row["m"].value.rsplit("/", 1)[1] for row in result][:3] == ["ilo", "iom", "ohchr"]
    assert bool(run_limited(str(seed_built.store), "ASK { id:unodc org:memberOf id:icat }", 10)) is True
    triples = list(
        run_limited(
            str(seed_built.store),
            "CONSTRUCT { id:icat atkg:fundedBy ?f } WHERE { id:icat atkg:fundedBy ?f }",
            10,
        )
    )
    assert [t.object for t in triples] == [ox.NamedNode("https://w3id.org/atkg/id/country-BLR")]


def test_errors_in_the_child_come_back_as_themselves(seed_built, tmp_path):
    with pytest.raises(ValidationError, match="^SPARQL syntax"):
        run_limited(str(seed_built.store), "SELECT WHERE {", 10)
    with pytest.raises(UsageError) as error:
        run_limited(str(tmp_path), "ASK {}", 10)
    assert str(error.value) == f"{tmp_path}: no built store here (run `atkg build` first)"


def test_sparql_timeout_on_the_cli(seed_built, cli):
    result = cli("--workspace", seed_built.root, "sparql", SLOW, "--timeout", "1")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", STOPPED)
    assert children_running(seed_built.store) == []
    quick = cli(
        "--workspace", seed_built.root, "sparql", "ASK { id:unodc org:memberOf id:icat }", "--timeout", "0"
    )
    assert (quick.exit_code, quick.stdout) == (0, "true\n")
    negative = cli("--workspace", seed_built.root, "sparql", "ASK {}", "--timeout", "-1")
    assert (negative.exit_code, negative.stderr) == (
        2,
        "Error: --timeout -1: give a number of seconds (0: no limit)\n",
    )


def test_query_run_timeout_on_the_cli(seed_built, seed_workspace, cli):
    # a fresh workspace for the extra query file; the store is the session's built seed
    slow = seed_workspace.queries_dir / "zz-slow-for-test.rq"
    slow.write_text(
        "# title: Slow\n# description: A cross product.\n# example: atkg query run zz-slow-for-test\n" + SLOW
    )
    result = cli(
        "--workspace",
        seed_workspace.root,
        "--store",
        seed_built.store,
        "query",
        "run",
        "zz-slow-for-test",
        "--timeout",
        "1",
    )
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", STOPPED)
    assert children_running(seed_built.store) == []


TRICKY = """SELECT ?iri ?blank ?text ?french ?number ?date ?none WHERE {
  VALUES (?iri ?text ?french ?number ?date) {
    (id:icat "tab\\there, newline\\nthere, \\"quoted\\", back\\\\slash, ünïcødé 🙂"
     "traite des êtres humains"@fr 42 "2010-01-01"^^xsd:date)
    (<http://example.org/a?b=c#d> "" "x"@en-GB -1.5e3 "2010"^^xsd:gYear)
  }
  BIND (BNODE() AS ?blank)
} ORDER BY ?iri"""


def test_rows_cross_from_the_child_term_for_term(seed_built):
    # the child sends rows as SPARQL TSV: every kind of term must come back as itself
    from kg.store import open_store

    expected = open_store(seed_built.store).query(TRICKY)
    got = run_limited(str(seed_built.store), TRICKY, 10)
    assert [v.value for v in got.variables] == [v.value for v in expected.variables]
    got_rows, expected_rows = list(got), list(expected)
    assert len(got_rows) == len(expected_rows) == 2
    for got_row, expected_row in zip(got_rows, expected_rows, strict=True):
        for name in ("iri", "text", "french", "number", "date", "none"):
            assert got_row[name] == expected_row[name]
        assert isinstance(got_row["blank"], ox.BlankNode)


def test_the_graphs_from_names_are_the_dataset_in_the_child(seed_built):
    # the child does not parse FROM itself: the parent hands the graphs over with the query
    from kg.store import open_store

    store = str(seed_built.store)
    described = "SELECT ?c FROM id:graph-entities WHERE { id:icat a ?c } ORDER BY ?c"
    expected = [row["c"] for row in open_store(store).query(described)]
    assert expected == [ox.NamedNode("https://w3id.org/atkg/ontology#CoordinationMechanism")]
    assert [row["c"] for row in run_limited(store, described, 10)] == expected
    # memberships are stated in passage graphs: none in the entity graph, some in the union
    members = "SELECT ?m {} WHERE {{ ?m org:memberOf id:icat }}"
    assert list(run_limited(store, members.format("FROM id:graph-entities"), 10)) == []
    assert len(list(run_limited(store, members.format(""), 10))) > 0
    with pytest.raises(UsageError, match="^FROM on line 1 names no graph"):
        run_limited(store, "SELECT * FROM WHERE { ?s ?p ?o }", 10)


def test_the_child_starts_light(seed_built):
    # what every named question pays for: no site scan, no rdflib, only pyoxigraph and the stdlib
    import subprocess
    import sys

    from kg.timeout import _child_environment, _header

    query = "ASK { id:unodc org:memberOf id:icat }"
    done = subprocess.run(
        [sys.executable, "-S", "-X", "importtime", "-m", "kg.timeout", str(seed_built.store)],
        input=_header(str(seed_built.store), query) + query.encode(),
        capture_output=True,
        env=_child_environment(),
        check=True,
    )
    assert done.stdout.split(b"\n", 1)[0] == b"boolean"
    imported = {line.split("|")[-1].strip() for line in done.stderr.decode().splitlines() if "|" in line}
    assert "pyoxigraph" in imported
    assert not {m for m in imported if m.split(".")[0] in ("rdflib", "site", "typer")}
    assert "kg.store" not in imported and "kg.guard" not in imported


def test_a_question_without_a_name_to_resolve_runs_without_rdflib(real_built):
    # the command's own start-up: the store, the guard and the child's header need only the
    # prefixes (kg/prefixes.py); rdflib (~0.1 s) comes only with name resolution
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "kg", "--store", str(real_built.store)]
        + ["query", "run", "facts-per-document", "--format", "csv"],
        capture_output=True,
        cwd=Path(__file__).resolve().parent.parent,
        check=True,
    )
    assert done.stdout.decode().splitlines()[0].startswith("document,")
    imported = {line.split("|")[-1].strip() for line in done.stderr.decode().splitlines() if "|" in line}
    assert "kg.querypack" in imported and "kg.store" in imported
    assert not {m for m in imported if m.split(".")[0] == "rdflib"}


def test_the_plan_reaches_the_child_as_the_parent_wrote_it(seed_built):
    """The memory cap, the prefixes and the FROM graphs travel as tab-separated lines (no JSON to
    import in the child), ended by an empty line; the query follows untouched."""
    import io

    from kg.guard import memory_limit
    from kg.prefixes import PREFIXES
    from kg.timeout import _header, _read_plan

    store = str(seed_built.store)
    scoped = "SELECT * FROM id:graph-entities FROM NAMED id:graph-provenance WHERE { ?s ?p ?o }"
    stream = io.BytesIO(_header(store, scoped) + scoped.encode())
    assert _read_plan(stream) == {
        "memory": memory_limit(),
        "prefixes": PREFIXES,
        "dataset": {
            "default": ["https://w3id.org/atkg/id/graph-entities"],
            "named": ["https://w3id.org/atkg/id/graph-provenance"],
        },
    }
    assert stream.read() == scoped.encode()
    plain = io.BytesIO(_header(store, "ASK {}"))
    assert _read_plan(plain) == {"memory": memory_limit(), "prefixes": PREFIXES, "dataset": None}


def test_a_started_query_stopped_leaves_nothing_behind(seed_built):
    from kg.timeout import start_limited

    running = start_limited(str(seed_built.store), SLOW)
    deadline = time.perf_counter() + 10
    while not children_running(seed_built.store) and time.perf_counter() < deadline:
        time.sleep(0.01)  # a process just started shows an empty command line for a moment
    assert len(children_running(seed_built.store)) == 1
    running.stop()
    assert children_running(seed_built.store) == []
    quick = start_limited(str(seed_built.store), "ASK { id:unodc org:memberOf id:icat }")
    assert bool(quick.result(10)) is True


def test_the_time_limit_counts_from_the_start_of_the_query(seed_built):
    """What the caller does while the child runs (opening its own store, resolving labels) is
    part of the time the user waits: past the limit, the wait for the answer stops at once."""
    from kg.timeout import start_limited

    running = start_limited(str(seed_built.store), SLOW)
    time.sleep(1.5)
    waited = time.perf_counter()
    with pytest.raises(QueryTimeout) as error:
        running.result(1)
    assert time.perf_counter() - waited < 0.9
    assert str(error.value) == STOPPED.removeprefix("Error: ").rstrip("\n")
    assert children_running(seed_built.store) == []
    # the query itself starts with its child: a quick one is answered however late it is read
    quick = start_limited(str(seed_built.store), "ASK { id:unodc org:memberOf id:icat }")
    time.sleep(1.5)
    assert bool(quick.result(1)) is True
    # a query larger than a pipe holds is sent when the answer is asked for, and answered
    large = "ASK { id:unodc org:memberOf id:icat }\n#" + "x" * 70_000
    assert bool(start_limited(str(seed_built.store), large).result(10)) is True


def test_a_deferred_store_is_checked_at_once_and_opened_on_first_use(seed_built, tmp_path):
    from kg.store import DeferredStore, open_store

    with pytest.raises(UsageError) as error:
        open_store(tmp_path, deferred=True)
    assert str(error.value) == f"{tmp_path}: no built store here (run `atkg build` first)"
    store = open_store(seed_built.store, deferred=True)
    assert isinstance(store, DeferredStore) and store._opened is None
    assert bool(store.query("ASK { id:unodc org:memberOf id:icat }")) is True
    assert store._opened is not None
    assert open_store("http://127.0.0.1:9/sparql", deferred=True).location == "http://127.0.0.1:9/sparql"
