"""Running a query under a time limit: pyoxigraph cannot interrupt a query (oxigraph #1926).

The query runs in a child Python process that opens the store read-only, serialises the answer
(SPARQL TSV for solutions, JSON for a boolean, N-Triples for graphs) to its stdout and exits.
The parent reads it with a deadline; past it, the child is killed and reaped, so nothing is left
behind (no process, no temporary file: the answer only ever travels through the pipe). Errors
the child meets (a missing store, a syntax error) come back as the same KgError the parent would
have raised.

Analyst queries always run this way, even without a time limit: a query that overflows the
engine's stack, or needs more memory than the child may take (kg.guard.limit_memory), then kills
the child, and the user gets one error line instead of a crashed command.

A remote endpoint needs no child: the HTTP request itself carries the time limit.

The child is kept light, since every named question pays for its start (0.5 s of imports on a
busy machine, where the query itself may take milliseconds): it starts without ``site`` (``-S``:
no scan of the installed packages' metadata) and imports only pyoxigraph and the standard
library; what it would otherwise import kg.store, kg.guard and rdflib for (the prefixes, the
graphs ``FROM`` names, the memory limit) the parent sends as a few lines before the query.
Rows come back as SPARQL TSV (each term in N-Triples syntax, lossless), about half the bytes of
the JSON results and quicker to write and read.
"""

from __future__ import annotations

import os
import sys
import time

import pyoxigraph as ox

from kg import errors
from kg.errors import QueryTimeout

__all__ = ["DEFAULT_TIMEOUT", "Running", "run_limited", "start_limited", "timeout_message", "crash_message"]

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
    return start_limited(location, sparql).result(seconds, tsv)


def start_limited(location: str, sparql: str) -> Running:
    """The child started on ``sparql`` (its Python and pyoxigraph loading while the caller does
    something else); :meth:`Running.result` waits for the answer."""
    return Running(location, sparql)


# what a pipe holds before a write blocks (Linux): a query this size goes to the child at its start
_PIPE_BUFFER = 65536

# what the child runs: "kg.timeout" in its command line names it (tests look for it), without
# runpy, which ``-m`` would import
_CHILD = "import sys; from kg.timeout import _child; sys.exit(_child(sys.argv[1]))"


class Running:
    """A query started in its child process (nothing yet for a remote endpoint)."""

    def __init__(self, location: str, sparql: str) -> None:
        self.location, self.sparql, self.child = location, sparql, None
        self.started = time.monotonic()  # the limit counts from here, not from the first wait
        if location.startswith(("http://", "https://")):
            return
        import subprocess

        self.input = _header(location, sparql) + sparql.encode("utf-8")
        self.child = subprocess.Popen(
            [sys.executable, "-S", "-c", _CHILD, location],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_child_environment(),
        )
        if len(self.input) <= _PIPE_BUFFER:  # the query starts now: a write this size never blocks
            try:
                self.child.stdin.write(self.input)
                self.child.stdin.close()
            except BrokenPipeError:
                pass  # the child is gone: its exit status and stderr say why
            self.child.stdin, self.input = None, None  # communicate() then only reads

    def result(self, seconds: float | None, tsv: bool = False):
        """The answer (see :func:`run_limited`), or QueryTimeout ``seconds`` after the query
        started: the time the caller spent meanwhile (opening its own store) counts."""
        if self.child is None:
            from kg.store import RemoteStore

            result = RemoteStore(self.location, timeout=seconds or 3600).query(self.sparql)
            if tsv and isinstance(result, ox.QuerySolutions):
                return result.serialize(format=ox.QueryResultsFormat.TSV)
            return result
        import subprocess

        if self.input is not None:  # a query larger than the pipe is sent only now
            self.started = time.monotonic()
        left = None if seconds is None else max(seconds - (time.monotonic() - self.started), 0.0)
        if left == 0.0 and self.child.poll() is not None:
            left = None  # it answered in time, and is only read late
        try:
            out, err = self.child.communicate(self.input, timeout=left)
        except subprocess.TimeoutExpired:
            self.stop()
            raise QueryTimeout(timeout_message(seconds)) from None
        except BaseException:  # Ctrl-C in the parent: take the child down too
            self.stop()
            raise
        return _decode(out, err, self.child.returncode, tsv)

    def stop(self) -> None:
        """Kill the child and reap it (its pipes closed): nothing is left behind."""
        if self.child is not None:
            self.child.kill()
            self.child.communicate()


def _header(location: str, sparql: str) -> bytes:
    """What the child needs besides the query, as lines ended by an empty one (``key<TAB>value``:
    no JSON to import in the child): the memory cap, the prefixes queries may use, and the graphs
    ``FROM``/``FROM NAMED`` name (Store.query ignores them in the text).
    A damaged store directory is put right here (kg.storedir.recover), where writing is allowed."""
    from pathlib import Path

    from kg.guard import dataset, memory_limit
    from kg.prefixes import PREFIXES
    from kg.storedir import recover

    recover(Path(location))
    graphs = dataset(sparql)
    lines = [f"memory\t{memory_limit()}", *(f"prefix\t{p}\t{iri}" for p, iri in PREFIXES.items())]
    if graphs is not None:  # a valid IRI holds no tab nor line break (an invalid one fails in the child)
        lines += [
            "dataset",
            *(f"default\t{g}" for g in graphs.default),
            *(f"named\t{g}" for g in graphs.named),
        ]
    return ("\n".join(lines) + "\n\n").encode("utf-8")


def _child_environment() -> dict[str, str]:
    """The parent's environment, with the folders of kg and pyoxigraph on PYTHONPATH (the child
    starts without ``site``, which would add the installed packages)."""
    from pathlib import Path

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
    if not os.path.exists(os.path.join(location, "CURRENT")):
        from pathlib import Path

        raise errors.UsageError(f"{Path(location)}: no built store here (run `atkg build` first)")
    try:
        store = ox.Store.read_only(location)
    except (OSError, RuntimeError) as error:  # as kg.store._read_only: RocksDB's "Corruption: ..."
        from pathlib import Path

        raise errors.UsageError(
            f"{Path(location)}: cannot open the store ({error}); rebuild it with `atkg build`"
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


def _read_plan(stream) -> dict:
    """The lines :func:`_header` wrote, up to the empty line."""
    plan: dict = {"memory": None, "prefixes": {}, "dataset": None}
    for line in iter(stream.readline, b"\n"):
        if not line:  # the parent went away
            break
        key, _, rest = line.decode("utf-8").rstrip("\n").partition("\t")
        if key == "memory":
            plan["memory"] = int(rest)
        elif key == "prefix":
            name, _, iri = rest.partition("\t")
            plan["prefixes"][name] = iri
        elif key == "dataset":
            plan["dataset"] = {"default": [], "named": []}
        elif key in ("default", "named"):
            plan["dataset"][key].append(rest)
    return plan


def _child(location: str) -> int:
    """Run the query read from stdin (after the parent's plan) on the store; answer on stdout,
    error as ``Class: message`` on stderr."""
    import resource

    plan = _read_plan(sys.stdin.buffer)
    try:  # past this, the engine's allocation fails and the child aborts (kg.guard.limit_memory)
        resource.setrlimit(resource.RLIMIT_DATA, (plan["memory"], plan["memory"]))
    except (TypeError, ValueError, OSError):
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
