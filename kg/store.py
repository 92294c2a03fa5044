"""The one door to the SPARQL store.

Callers ask questions in SPARQL and get pyoxigraph results back, whatever is behind the door:
the embedded on-disk Oxigraph store a build writes (the default), or a remote SPARQL 1.1
endpoint (``--store http://...``), whose answers are parsed into the same result objects.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pyoxigraph as ox

from kg.errors import UsageError, ValidationError
from kg.prefixes import PREFIXES

if TYPE_CHECKING:
    from kg.rdfio import Quad

__all__ = [
    "GraphStore",
    "EmbeddedStore",
    "DeferredStore",
    "RemoteStore",
    "open_store",
    "write_store",
    "memory_store",
]


class GraphStore(Protocol):
    """What every store offers: SPARQL queries over the union of graphs, and its quads."""

    location: str

    def query(self, sparql: str, substitutions: Mapping[str, object] | None = None): ...

    def quads(self) -> Iterator[Quad]: ...


class EmbeddedStore:
    def __init__(self, store: ox.Store, location: str = ":memory:") -> None:
        self._store = store
        self.location = location

    def query(self, sparql: str, substitutions: Mapping[str, object] | None = None, graphs=None):
        """``graphs`` (a ``kg.guard.Dataset``), when given, is the dataset, whatever the text says:
        the SPARQL Protocol's ``default-graph-uri``/``named-graph-uri`` override ``FROM``."""
        from kg.guard import dataset

        subs = {}
        if substitutions:
            from kg.rdfio import to_ox

            subs = {ox.Variable(k): to_ox(v) for k, v in substitutions.items()}
        if graphs is None:
            graphs = dataset(sparql)  # Store.query ignores FROM in the text: hand the graphs over
        if graphs is None:
            scope: dict = {"use_default_graph_as_union": True}
        else:
            scope = {
                "default_graph": [ox.NamedNode(g) for g in graphs.default],
                "named_graphs": [ox.NamedNode(g) for g in graphs.named],
            }
        try:
            return self._store.query(sparql, substitutions=subs or None, prefixes=PREFIXES, **scope)
        except SyntaxError as error:
            raise ValidationError(f"SPARQL syntax {error}") from None
        except (OSError, RuntimeError, ValueError) as error:
            raise ValidationError(f"query failed: {error}") from None

    def quads(self) -> Iterator[Quad]:
        from kg.rdfio import from_ox

        for quad in self._store:
            yield (
                from_ox(quad.subject),
                from_ox(quad.predicate),
                from_ox(quad.object),
                from_ox(quad.graph_name),
            )

    def __len__(self) -> int:
        return len(self._store)

    def objects_by_graph(self, subject: str, predicate: str) -> dict[str, list]:
        """The pyoxigraph objects of ``subject predicate ?o``, by the IRI of the graph stating
        each ("" for the default graph): one index lookup for every graph, where a lookup per graph
        costs one each (7 us each at 1.6M quads, even when nothing is found)."""
        found: dict[str, list] = {}
        for quad in self._store.quads_for_pattern(ox.NamedNode(subject), ox.NamedNode(predicate), None, None):
            found.setdefault(getattr(quad.graph_name, "value", ""), []).append(quad.object)
        return found


class RemoteStore:
    """A SPARQL 1.1 Protocol endpoint (Virtuoso's ``/sparql``, Oxigraph server's ``/query``...).

    Queries are sent as they are: plain patterns there see whatever the server's default graph is
    (empty, the union of the graphs, or one graph), which is why our queries name their graphs.
    Answers are normalised here, the one place that knows engines differ in what they send back:
    Virtuoso's ``nodeID://b10026`` blank nodes become valid labels, its ``typed-literal`` JSON
    entries plain literals, and an answer the server cut at its row cap (Virtuoso's
    ``ResultSetMaxRows``, flagged by ``X-SPARQL-MaxRows``) is an error rather than a silent half.
    """

    def __init__(self, endpoint: str, timeout: float = 60) -> None:
        self.location = endpoint
        self.timeout = timeout

    def query(self, sparql: str, substitutions: Mapping[str, object] | None = None):
        from kg.remote import credentials, request

        if substitutions:
            from kg.rdfio import to_ox
            from kg.sparql import inject_values

            sparql = inject_values(sparql, [{k: to_ox(v) for k, v in substitutions.items()}])
        declared = set(re.findall(r"PREFIX\s+([^\s:]*):", sparql, flags=re.IGNORECASE))
        prologue = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items() if p not in declared)
        response = request(
            "POST",
            self.location,
            urllib.parse.urlencode({"query": prologue + sparql}).encode(),
            {
                "Accept": "application/sparql-results+json, application/n-triples;q=0.9",
                "Content-Type": "application/x-www-form-urlencoded",
            },
            self.timeout,
            credentials(),
        )
        capped = {k.lower(): v for k, v in response.headers.items()}.get("x-sparql-maxrows")
        if capped:
            raise ValidationError(
                f"{self.location}: the server cut the answer at {capped} rows "
                "(raise its cap: Virtuoso's ResultSetMaxRows in virtuoso.ini)"
            )
        if response.content_type == "application/sparql-results+json":
            return ox.parse_query_results(_portable_json(response.body), format=ox.QueryResultsFormat.JSON)
        if response.content_type == "application/sparql-results+xml":
            return ox.parse_query_results(response.body, format=ox.QueryResultsFormat.XML)
        if response.content_type == "text/turtle":
            return iter(ox.parse(response.body, format=ox.RdfFormat.TURTLE))
        return iter(ox.parse(response.body, format=ox.RdfFormat.N_TRIPLES))

    def quads(self) -> Iterator[Quad]:
        """Our graphs' quads, each once: only graphs named under ``id:`` (not the engine's own
        system graphs, nor a union default graph that would repeat every triple)."""
        from kg.rdfio import from_ox

        result = self.query(
            "SELECT DISTINCT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
            f'FILTER (STRSTARTS(STR(?g), "{PREFIXES["id"]}")) }}'
        )
        for row in result:
            yield (from_ox(row["s"]), from_ox(row["p"]), from_ox(row["o"]), from_ox(row["g"]))


_BNODE_LABEL = re.compile(r"[^A-Za-z0-9_]")


def _portable_json(payload: bytes) -> bytes:
    """W3C SPARQL JSON results with engine quirks undone (see RemoteStore)."""
    import json

    document = json.loads(payload)
    for binding in document.get("results", {}).get("bindings", []):
        for cell in binding.values():
            if cell.get("type") == "bnode":
                label = cell["value"].removeprefix("nodeID://").removeprefix("_:")
                cell["value"] = _BNODE_LABEL.sub("_", label) or "b"
            elif cell.get("type") == "typed-literal":
                cell["type"] = "literal"
    return json.dumps(document).encode()


def memory_store(quads: Iterable[Quad]) -> EmbeddedStore:
    from kg.rdfio import to_ox

    store = ox.Store()
    store.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g)) for s, p, o, g in quads)
    return EmbeddedStore(store)


class DeferredStore(EmbeddedStore):
    """An embedded store whose directory is checked but opened on first use (or :meth:`open`):
    `atkg query run` opens it while the child that runs its query starts, not before."""

    def __init__(self, path: Path) -> None:
        import threading

        self.location = str(path)
        self._opened: ox.Store | None = None
        self._opening = threading.Lock()  # queries run side by side (kg.sidebyside) open it once

    @property
    def _store(self) -> ox.Store:  # type: ignore[override]
        if self._opened is None:
            with self._opening:
                if self._opened is None:
                    self._opened = _read_only(Path(self.location))
        return self._opened

    def open(self) -> None:
        self._store  # noqa: B018 (opened for its side effect)


def open_store(location: Path | str, deferred: bool = False) -> GraphStore:
    """Open the built store read-only (or a remote endpoint given as an http(s) URL); with
    ``deferred``, check it is there now and open it on first use (:class:`DeferredStore`)."""
    text = str(location)
    if text.startswith(("http://", "https://")):
        return RemoteStore(text)
    path = Path(location)
    from kg.storedir import recover

    recover(path)  # a build killed between its two renames left PATH.old: put it back
    if not (path / "CURRENT").exists():
        raise UsageError(f"{path}: no built store here (run `atkg build` first)")
    return DeferredStore(path) if deferred else EmbeddedStore(_read_only(path), str(path))


def _read_only(path: Path) -> ox.Store:
    try:
        return ox.Store.read_only(str(path))
    except (OSError, RuntimeError) as error:  # RuntimeError: RocksDB's "Corruption: ..." of a damaged store
        raise UsageError(f"{path}: cannot open the store ({error}); rebuild it with `atkg build`") from None


def write_store(path: Path, quads: Iterable[Quad]) -> None:
    """Write a fresh store beside ``path`` and swap it in, so a failure leaves the old one whole.

    ``path`` must be missing, empty, or a store we wrote (kg.storedir): anything else is refused.
    """
    from kg.rdfio import to_ox
    from kg.storedir import swap_in

    def write(staging: Path) -> None:
        store = ox.Store(str(staging))
        try:
            store.bulk_extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g)) for s, p, o, g in quads)
            store.flush()
            store.optimize()
        finally:
            del store

    swap_in(Path(path), write)
