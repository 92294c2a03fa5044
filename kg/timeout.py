"""Running a query under a time limit: pyoxigraph cannot interrupt a query (oxigraph #1926).

The query runs in a child Python process that opens the store read-only, serialises the answer
(W3C SPARQL results JSON, or N-Triples for graphs) to its stdout and exits. The parent reads it
with a deadline; past it, the child is killed and reaped, so nothing is left behind (no process,
no temporary file: the answer only ever travels through the pipe). Errors the child meets (a
missing store, a syntax error) come back as the same KgError the parent would have raised.

Analyst queries always run this way, even without a time limit: a query that overflows the
engine's stack, or needs more memory than the child may take (kg.guard.limit_memory), then kills
the child, and the user gets one error line instead of a crashed command.

A remote endpoint needs no child: the HTTP request itself carries the time limit.

The child is kept light, since every named question pays for its start (0.5 s of imports on a
busy machine, where the query itself may take milliseconds): it starts without ``site`` (``-S``:
no scan of the installed packages' metadata) and imports only pyoxigraph and the standard
library; what it would otherwise import kg.store, kg.guard and rdflib for (the prefixes, the
graphs ``FROM`` names, the memory limit) the parent sends as one JSON line before the query.
Rows come back as SPARQL TSV (each term in N-Triples syntax, lossless), about half the bytes of
the JSON results and quicker to write and read.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox

from kg import errors
from kg.errors import QueryTimeout

__all__ = ["DEFAULT_TIMEOUT", "run_limited", "timeout_message", "crash_message"]

DEFAULT_TIMEOUT = 30.0
_KINDS = {"solutions", "boolean", "graph"}


def crash_message(signal_number: int) -> str:
    if signal_number == 6:  # SIGABRT: the engine could not allocate memory (kg.guard.limit_memory)
        from kg.guard import memory_limit

        return (
            "the query engine stopped on this query: it needed more than the "
            f"{memory_limit() // 2**20} MB of memory a query may use; narrow it"
        )
    return (
        f"the query engine crashed on this query (signal {signal_number}); "
        "simplify the query (fewer nested groups or expressions)"
    )


def timeout_message(seconds: float) -> str:
    return (
        f"query stopped: it ran longer than {seconds:g} s; narrow it, "
        "or give more time with --timeout SECONDS (0: no limit)"
    )


def run_limited(location: str, sparql: str, seconds: float | None, tsv: bool = False):
    """The pyoxigraph result of ``sparql`` on the store at ``location``, or QueryTimeout after
    ``seconds`` (None: no limit; the query still runs in the child, which a crash takes down).
    With ``tsv``, SELECT solutions come as their SPARQL TSV bytes (kg.tsvanswer reads them)."""
    if location.startswith(("http://", "https://")):
        from kg.store import RemoteStore

        result = RemoteStore(location, timeout=seconds or 3600).query(sparql)
        if tsv and isinstance(result, ox.QuerySolutions):
            return result.serialize(format=ox.QueryResultsFormat.TSV)
        return result
    header = _header(location, sparql)
    child = subprocess.Popen(
        [sys.executable, "-S", "-m", "kg.timeout", location],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_child_environment(),
    )
    try:
        out, err = child.communicate(header + sparql.encode("utf-8"), timeout=seconds)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()  # reap it and close the pipes
        raise QueryTimeout(timeout_message(seconds)) from None
    except BaseException:  # Ctrl-C in the parent: take the child down too
        child.kill()
        child.communicate()
        raise
    return _decode(out, err, child.returncode, tsv)


def _header(location: str, sparql: str) -> bytes:
    """What the child needs besides the query, as one JSON line: the prefixes queries may use, the
    graphs ``FROM``/``FROM NAMED`` name (Store.query ignores them in the text), the memory cap.
    A damaged store directory is put right here (kg.storedir.recover), where writing is allowed."""
    from kg.guard import dataset, memory_limit
    from kg.prefixes import PREFIXES
    from kg.storedir import recover

    recover(Path(location))
    graphs = dataset(sparql)
    scope = None if graphs is None else {"default": list(graphs.default), "named": list(graphs.named)}
    plan = {"prefixes": dict(PREFIXES), "dataset": scope, "memory": memory_limit()}
    return json.dumps(plan).encode("utf-8") + b"\n"


def _child_environment() -> dict[str, str]:
    """The parent's environment, with the folders of kg and pyoxigraph on PYTHONPATH (the child
    starts without ``site``, which would add the installed packages)."""
    folders = [str(Path(__file__).resolve().parent.parent), str(Path(ox.__file__).resolve().parent.parent)]
    if os.environ.get("PYTHONPATH"):
        folders.append(os.environ["PYTHONPATH"])
    return {**os.environ, "PYTHONPATH": os.pathsep.join(folders)}


def _decode(out: bytes, err: bytes, returncode: int, tsv: bool = False):
    kind, _, payload = out.partition(b"\n")
    if returncode < 0:  # killed by a signal: the engine overflowed its stack or ran out of memory
        raise errors.ValidationError(crash_message(-returncode))
    if returncode != 0 or kind.decode(errors="replace") not in _KINDS:
        name, _, message = err.decode("utf-8", errors="replace").strip().partition(": ")
        error_class = getattr(errors, name, None)
        if isinstance(error_class, type) and issubclass(error_class, errors.KgError):
            raise error_class(message)
        last = (err.decode(errors="replace").strip().splitlines() or [""])[-1]
        raise errors.ValidationError(f"query failed in the child process (exit {returncode}): {last[-300:]}")
    if kind == b"graph":
        return iter(list(ox.parse(payload, format=ox.RdfFormat.N_TRIPLES)))
    if kind == b"boolean":
        return ox.parse_query_results(payload, format=ox.QueryResultsFormat.JSON)
    return payload if tsv else ox.parse_query_results(payload, format=ox.QueryResultsFormat.TSV)


def _open(location: str, plan: dict):
    """The store and the query's keyword arguments, as kg.store.open_store and EmbeddedStore.query
    make them (same messages), without importing them (rdflib comes with them)."""
    path = Path(location)
    if not (path / "CURRENT").exists():
        raise errors.UsageError(f"{path}: no built store here (run `atkg build` first)")
    try:
        store = ox.Store.read_only(str(path))
    except OSError as error:
        raise errors.UsageError(
            f"{path}: cannot open the store ({error}); rebuild it with `atkg build`"
        ) from None
    scope = plan["dataset"]
    if scope is None:
        arguments: dict = {"use_default_graph_as_union": True}
    else:
        arguments = {
            "default_graph": [ox.NamedNode(g) for g in scope["default"]],
            "named_graphs": [ox.NamedNode(g) for g in scope["named"]],
        }
    return store, {"prefixes": plan["prefixes"], **arguments}


def _child(location: str) -> int:
    """Run the query read from stdin (after the parent's JSON line) on the store; answer on
    stdout, error as ``Class: message`` on stderr."""
    import resource

    plan = json.loads(sys.stdin.buffer.readline())
    try:  # past this, the engine's allocation fails and the child aborts (kg.guard.limit_memory)
        resource.setrlimit(resource.RLIMIT_DATA, (plan["memory"], plan["memory"]))
    except (ValueError, OSError):
        pass
    sparql = sys.stdin.buffer.read().decode("utf-8")
    out = sys.stdout.buffer
    try:
        store, arguments = _open(location, plan)
        try:
            result = store.query(sparql, **arguments)
            if isinstance(result, ox.QueryBoolean):
                payload = b"boolean\n" + result.serialize(format=ox.QueryResultsFormat.JSON)
            elif isinstance(result, ox.QuerySolutions):
                payload = b"solutions\n" + result.serialize(format=ox.QueryResultsFormat.TSV)
            else:
                payload = b"graph\n" + (ox.serialize(result, format=ox.RdfFormat.N_TRIPLES) or b"")
        except SyntaxError as error:
            raise errors.ValidationError(f"SPARQL syntax {error}") from None
        except (OSError, RuntimeError, ValueError) as error:
            raise errors.ValidationError(f"query failed: {error}") from None
    except errors.KgError as error:
        sys.stderr.write(f"{type(error).__name__}: {error.message}\n")
        return 3
    out.write(payload)
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1]))
