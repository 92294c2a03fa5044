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
"""

from __future__ import annotations

import subprocess
import sys

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


def run_limited(location: str, sparql: str, seconds: float | None):
    """The pyoxigraph result of ``sparql`` on the store at ``location``, or QueryTimeout after
    ``seconds`` (None: no limit; the query still runs in the child, which a crash takes down)."""
    if location.startswith(("http://", "https://")):
        from kg.store import RemoteStore

        return RemoteStore(location, timeout=seconds or 3600).query(sparql)
    child = subprocess.Popen(
        [sys.executable, "-m", "kg.timeout", location],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        out, err = child.communicate(sparql.encode("utf-8"), timeout=seconds)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()  # reap it and close the pipes
        raise QueryTimeout(timeout_message(seconds)) from None
    except BaseException:  # Ctrl-C in the parent: take the child down too
        child.kill()
        child.communicate()
        raise
    return _decode(out, err, child.returncode)


def _decode(out: bytes, err: bytes, returncode: int):
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
    return ox.parse_query_results(payload, format=ox.QueryResultsFormat.JSON)


def _child(location: str) -> int:
    """Run the query read from stdin on the store; answer on stdout, error as ``Class: message``."""
    from kg.guard import limit_memory
    from kg.store import open_store

    limit_memory()
    sparql = sys.stdin.buffer.read().decode("utf-8")
    out = sys.stdout.buffer
    try:
        result = open_store(location).query(sparql)
        if isinstance(result, ox.QueryBoolean):
            payload = b"boolean\n" + result.serialize(format=ox.QueryResultsFormat.JSON)
        elif isinstance(result, ox.QuerySolutions):
            payload = b"solutions\n" + result.serialize(format=ox.QueryResultsFormat.JSON)
        else:
            payload = b"graph\n" + (ox.serialize(result, format=ox.RdfFormat.N_TRIPLES) or b"")
    except errors.KgError as error:
        sys.stderr.write(f"{type(error).__name__}: {error.message}\n")
        return 3
    out.write(payload)
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1]))
