"""A query worker: one child process holding the store open read-only, answering one request at a
time on its stdin/stdout. The server kills it when a query outlives its time limit, and a query
that overflows the engine's stack takes down this process only; either way the server starts a new
one. It reopens the store whenever a build has swapped a new one in (the marker's generation).

Frames are a 4-byte big-endian length and that many bytes: a request is one JSON frame; an answer
is a JSON header frame (status, content type, error) and a body frame.
"""

from __future__ import annotations

import json
import os
import signal
import struct
import sys
from pathlib import Path
from typing import BinaryIO

__all__ = ["read_frame", "write_frame"]

_LENGTH = struct.Struct(">I")


def read_frame(stream: BinaryIO) -> bytes | None:
    """The next frame, or None at end of stream."""
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        return None
    size = _LENGTH.unpack(head)[0]
    body = stream.read(size)
    return body if len(body) == size else None


def write_frame(stream: BinaryIO, payload: bytes) -> None:
    stream.write(_LENGTH.pack(len(payload)) + payload)


class _Answerer:
    def __init__(self, store: Path) -> None:
        self.path = store
        self.store = None
        self.generation: str | None = None

    def _open(self):
        from kg.store import open_store
        from kg.storedir import generation

        current = generation(self.path)
        if self.store is None or current != self.generation or current is None:
            self.store = open_store(self.path)
            self.generation = current
        return self.store

    def answer(self, request: dict) -> tuple[dict, bytes]:
        from kg.endpoint.negotiate import GRAPH_TYPES, RESULT_TYPES, choose
        from kg.errors import KgError

        try:
            store = self._open()
        except KgError as error:
            return {"status": 503, "error": error.message}, b""
        kind = request["kind"]
        if kind == "describe":
            return self._describe(store, request["iri"], choose(request.get("accept"), list(GRAPH_TYPES)))
        if kind == "subjects":
            rows = store.query(
                "SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s a ?type } "
                "FILTER(STRSTARTS(STR(?s), 'https://w3id.org/atkg/id/')) }"
            )
            return {"status": 200, "type": "text/plain"}, "\n".join(
                sorted(r["s"].value for r in rows)
            ).encode()
        graphs = None
        if "default" in request or "named" in request:
            from kg.guard import Dataset

            graphs = Dataset(tuple(request.get("default", ())), tuple(request.get("named", ())))
        try:
            result = store.query(request["text"], graphs=graphs)
        except KgError as error:
            return {"status": 400, "error": error.message}, b""
        import pyoxigraph as ox

        if isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
            media = choose(request.get("accept"), list(RESULT_TYPES)) or "application/sparql-results+json"
            return {"status": 200, "type": media}, result.serialize(format=RESULT_TYPES[media])
        media = choose(request.get("accept"), list(GRAPH_TYPES)) or "text/turtle"
        return {"status": 200, "type": media}, _graph_bytes(list(result), media)

    def _describe(self, store, iri: str, media: str | None) -> tuple[dict, bytes]:
        import pyoxigraph as ox

        subject = ox.NamedNode(iri)
        rows = store.query(f"SELECT DISTINCT ?p ?o WHERE {{ GRAPH ?g {{ <{iri}> ?p ?o }} }}")
        triples = sorted({ox.Triple(subject, row["p"], row["o"]) for row in rows}, key=_order)
        if not triples:
            return {"status": 404, "error": f"no entity <{iri}> in the graph"}, b""
        media = media or "text/turtle"
        return {"status": 200, "type": media}, _graph_bytes(triples, media)


def _order(triple) -> tuple[str, str]:
    return (triple.predicate.value, str(triple.object))


def _graph_bytes(triples: list, media: str) -> bytes:
    import pyoxigraph as ox

    from kg.endpoint.negotiate import GRAPH_TYPES
    from kg.namespace import PREFIXES

    rdf_format = GRAPH_TYPES[media]
    prefixes = PREFIXES if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
    return ox.serialize(triples, format=rdf_format, prefixes=prefixes) or b""


def _die_with_parent(parent: int) -> None:
    """Ask the kernel to kill us if the server dies, even by SIGKILL (Linux prctl PR_SET_PDEATHSIG)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        sys.exit(0)


def main(store: str, parent: int) -> int:
    _die_with_parent(parent)
    from kg.guard import limit_memory

    limit_memory()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the server decides
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but frames on the pipe
    answerer = _Answerer(Path(store))
    import kg.store  # noqa: F401  (imports done before we say we are ready)

    write_frame(sink, b"ready")
    sink.flush()
    while True:
        frame = read_frame(source)
        if frame is None:
            return 0
        try:
            header, body = answerer.answer(json.loads(frame))
        except Exception as error:  # noqa: BLE001  any failure is one answer, never a dead worker
            header, body = {"status": 500, "error": f"{type(error).__name__}: {error}"}, b""
        write_frame(sink, json.dumps(header).encode())
        write_frame(sink, body)
        sink.flush()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
