"""Putting the built graph into another triple store, through the SPARQL 1.1 Graph Store Protocol.

One ``PUT`` per named graph (``?graph=<iri>``, N-Triples body): a PUT replaces the graph, so
publishing again gives the same store, never a doubled one. Virtuoso's ``/sparql-graph-crud-auth``
and Oxigraph server's ``/store`` both speak the protocol. Graphs the store holds that the build no
longer has (a passage whose facts were all removed) are left alone: the protocol cannot list them.
"""

from __future__ import annotations

import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass

import pyoxigraph as ox

from kg.errors import UsageError
from kg.rdfio import DEFAULT_GRAPH, to_ox
from kg.store import GraphStore

__all__ = ["PublishReport", "publish", "graph_url"]

Progress = Callable[[int, int, str], None]  # graphs done, graphs in all, the graph just sent


@dataclass(frozen=True)
class PublishReport:
    endpoint: str
    graphs: int
    triples: int
    seconds: float


def graph_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store Protocol address of one graph (None: the default graph).

    >>> graph_url("http://127.0.0.1:8890/sparql-graph-crud-auth", "https://w3id.org/atkg/id/graph-entities")
    'http://127.0.0.1:8890/sparql-graph-crud-auth?graph=https%3A%2F%2Fw3id.org%2Fatkg%2Fid%2Fgraph-entities'
    >>> graph_url("http://127.0.0.1:7878/store", None)
    'http://127.0.0.1:7878/store?default'
    """
    query = "default" if graph is None else urllib.parse.urlencode({"graph": graph})
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"


def publish(
    source: GraphStore,
    endpoint: str,
    login: tuple[str, str] | None = None,
    progress: Progress | None = None,
    timeout: float = 120,
) -> PublishReport:
    """PUT every graph of ``source`` to the Graph Store Protocol ``endpoint``.

    Quads are streamed a graph at a time (the stores hand them over grouped by graph); should a
    graph come back later in the stream, that part is POSTed (added), so the result is the same.
    """
    from kg.remote import request

    if not endpoint.startswith(("http://", "https://")):
        raise UsageError(
            f"--store {endpoint}: publish needs the http(s) URL of a Graph Store Protocol endpoint"
        )
    started = time.perf_counter()
    total = _graph_count(source)
    sent: set[str | None] = set()
    triples = 0

    def send(name: str | None, batch: list[ox.Triple]) -> None:
        body = ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES)
        method = "POST" if name in sent else "PUT"
        request(
            method, graph_url(endpoint, name), body, {"Content-Type": "application/n-triples"}, timeout, login
        )
        sent.add(name)
        if progress is not None:
            progress(len(sent), max(total, len(sent)), name or "(default graph)")

    current: str | None = None
    batch: list[ox.Triple] = []
    for s, p, o, g in source.quads():
        name = None if g == DEFAULT_GRAPH else str(g)
        if batch and name != current:
            send(current, batch)
            batch = []
        current = name
        batch.append(ox.Triple(to_ox(s), to_ox(p), to_ox(o)))
        triples += 1
    if batch:
        send(current, batch)
    return PublishReport(endpoint, len(sent), triples, time.perf_counter() - started)


def _graph_count(source: GraphStore) -> int:
    """How many graphs there are to send (for the progress bar): the named ones, and the default
    graph when it holds anything."""
    named = source.query("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    default = source.query("ASK { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }")
    return int(next(iter(named))["n"].value) + (1 if bool(default) else 0)
