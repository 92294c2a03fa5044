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
