"""Curated files -> checked, queryable store.

The build reads everything, derives what the vocabulary promises (inverse memberships), checks
the result (violation queries, SHACL shapes), and only then swaps the new store in: a build that
fails for any reason leaves the previous store exactly as it was.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from kg.errors import DataSyntaxError, ValidationError
from kg.namespace import GRAPH_INFERRED, GRAPH_ONTOLOGY, ORG, shorten
from kg.provenance import provenance_quads
from kg.rdfio import DEFAULT_GRAPH, Quad, from_ox, iter_ox, parse_rdf, to_ox
from kg.store import EmbeddedStore, memory_store, write_store
from kg.workspace import Workspace

__all__ = [
    "BuildReport",
    "build",
    "load_sources",
    "load_sources_store",
    "inferred_quads",
    "materialise_inferences",
    "run_checks",
    "store_findings",
    "Finding",
]

Progress = Callable[[str], None]


@dataclass(frozen=True, order=True)
class Finding:
    check: str
    detail: str

    def __str__(self) -> str:
        return f"{self.check}: {self.detail}"


@dataclass
class BuildReport:
    store: Path
    quads: int
    graphs: dict[str, int] = field(default_factory=dict)
    classes: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def load_curated(workspace: Workspace) -> list[Quad]:
    """Quads of every curated TriG file; a triple outside a named graph is an error."""
    quads: list[Quad] = []
    for path in workspace.data_files():
        shown = str(path.relative_to(workspace.root))
        parsed = parse_rdf(path, "trig", name=shown)
        stray = [q for q in parsed if q[3] == DEFAULT_GRAPH]
        if stray:
            raise DataSyntaxError(
                f"{shown}:1: {len(stray)} triple(s) outside any named graph "
                f"(first: {stray[0][0]} {stray[0][1]}); put facts in their passage's graph"
            )
        quads += parsed
    return quads


def load_sources(workspace: Workspace, progress: Progress | None = None) -> list[Quad]:
    """Ontology + curated data + generated provenance: everything asserted."""
    say = progress or (lambda _: None)
    say("reading the ontology")
    ontology = parse_rdf(
        workspace.ontology,
        "turtle",
        name=str(workspace.ontology.relative_to(workspace.root)),
        graph=GRAPH_ONTOLOGY,
    )
    say("reading the curated data")
    curated = load_curated(workspace)
    say("reading the corpus")
    return ontology + curated + provenance_quads(workspace.corpus_dir)


def inferred_quads(asserted: Iterable[Quad]) -> list[Quad]:
    """The inferences the vocabulary promises to materialise: both membership directions.

    >>> from rdflib import URIRef as U
    >>> quads = [(U("x:ilo"), ORG.memberOf, U("x:icat"), U("x:g"))]
    >>> [(str(s), str(p).split("#")[1], str(o)) for s, p, o, _ in inferred_quads(quads)]
    [('x:icat', 'hasMember', 'x:ilo')]
    """
    triples = {(s, p, o) for s, p, o, g in asserted if g != GRAPH_INFERRED}
    out: set[Quad] = set()
    for s, p, o in triples:
        if p == ORG.memberOf and (o, ORG.hasMember, s) not in triples:
            out.add((o, ORG.hasMember, s, GRAPH_INFERRED))
        elif p == ORG.hasMember and (o, ORG.memberOf, s) not in triples:
            out.add((o, ORG.memberOf, s, GRAPH_INFERRED))
    return sorted(out)


def run_checks(workspace: Workspace, quads: list[Quad], folder: Path | None = None) -> list[Finding]:
    """Rows of every ``*-violation.rq`` of ``folder`` (default ``queries/checks``): each row is a problem."""
    return store_findings(memory_store(quads), folder or workspace.checks_dir)


def store_findings(store: EmbeddedStore, folder: Path) -> list[Finding]:
    """The rows of every ``*-violation.rq`` of ``folder``, asked of a store already loaded: the
    checks are SPARQL, so they run where the quads are instead of on Python copies of them."""
    from concurrent.futures import ThreadPoolExecutor

    from kg.sidebyside import threads_for_queries

    def findings_of(path: Path) -> list[Finding]:
        name = path.name.removesuffix("-violation.rq")
        found = []
        for row in store.query(path.read_text(encoding="utf-8")):
            cells = [_short(row[i]) for i in range(len(row))]
            found.append(Finding(name, " ".join(c for c in cells if c)))
        return found

    # several checks at a time: the engine runs each query on one core and lets go of the GIL
    # while it evaluates; one thread more than the cores, so none idles when a short check ends
    # (over 1.6M quads on 2 cores: 80 s one by one, 52 s on two threads, 42 s on three)
    # a pool, not kg.sidebyside: its exit waits for every running check, so nothing still reads
    # the staging store when a caller (kg.bulkload) removes it after an error or Ctrl-C
    with ThreadPoolExecutor(max_workers=threads_for_queries()) as pool:
        found = pool.map(findings_of, sorted(folder.glob("*-violation.rq")))
        return sorted(finding for findings in found for finding in findings)


def _short(term) -> str:
    if term is None:
        return ""
    value = getattr(term, "value", str(term))
    return value.removeprefix("https://w3id.org/atkg/id/")


def shacl_findings(workspace: Workspace, quads: list[Quad]) -> list[Finding]:
    """pyshacl over the union of all graphs (ontology included, for the class tree)."""
    from pyshacl import validate
    from rdflib import Graph

    data = Graph()
    for s, p, o, _ in quads:
        if isinstance(p, ox.NamedNode):  # streamed from an Oxigraph store
            s, p, o = from_ox(s), from_ox(p), from_ox(o)
        data.add((s, p, o))
    # parse it ourselves first: a syntax error then names shapes.ttl and the line, as for data files
    parse_rdf(workspace.shapes, "turtle", name=str(workspace.shapes.relative_to(workspace.root)))
    shapes = Graph().parse(workspace.shapes, format="turtle")
    conforms, report, _ = validate(data, shacl_graph=shapes, inference="none", advanced=True)
    return [] if conforms else shacl_report_findings(report)


def shacl_report_findings(report) -> list[Finding]:
    """One finding per violation of a pyshacl report: "focus path: message"."""
    from rdflib import Literal
    from rdflib.namespace import SH

    findings = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        where = _short(report.value(result, SH.focusNode))
        path = report.value(result, SH.resultPath)
        if isinstance(path, URIRef):
            where += " " + str(path).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        message = report.value(result, SH.resultMessage)
        text = str(message) if isinstance(message, Literal) else "violates a shape"
        findings.append(Finding("shacl", f"{where}: {text}"))
    return sorted(set(findings))


_INFER = """
PREFIX org: <http://www.w3.org/ns/org#>
INSERT { GRAPH <%s> { ?x ?inverse ?y } } WHERE {
  { GRAPH ?g { ?y org:memberOf ?x } BIND (org:hasMember AS ?inverse) }
  UNION
  { GRAPH ?g { ?y org:hasMember ?x } BIND (org:memberOf AS ?inverse) }
  FILTER (?g != <%s> && !isLiteral(?x))
  FILTER NOT EXISTS { GRAPH ?h { ?x ?inverse ?y } FILTER (?h != <%s>) }
}
""" % ((GRAPH_INFERRED,) * 3)


def load_sources_store(workspace: Workspace, progress: Progress | None = None) -> ox.Store:
    """What :func:`load_sources` reads, streamed into an in-memory Oxigraph store: each parsed quad
    goes straight to the store's bulk loader, never through an rdflib term (the corpus's provenance,
    a few thousand quads, is the exception)."""
    say = progress or (lambda _: None)
    store = ox.Store()
    say("reading the ontology")
    ontology = to_ox(GRAPH_ONTOLOGY)
    shown = str(workspace.ontology.relative_to(workspace.root))
    store.bulk_extend(
        ox.Quad(q.subject, q.predicate, q.object, ontology)
        for q in iter_ox(workspace.ontology, "turtle", shown)
    )
    say("reading the curated data")
    for path in workspace.data_files():
        shown = str(path.relative_to(workspace.root))
        stray: list[ox.Quad] = []
        store.bulk_extend(_named_only(iter_ox(path, "trig", shown), stray))
        if stray:
            first = stray[0]
            raise DataSyntaxError(
                f"{shown}:1: {len(stray)} triple(s) outside any named graph "
                f"(first: {from_ox(first.subject)} {from_ox(first.predicate)}); "
                "put facts in their passage's graph"
            )
    say("reading the corpus")
    store.bulk_extend(ox.Quad(*map(to_ox, quad)) for quad in provenance_quads(workspace.corpus_dir))
    return store


def _named_only(quads: Iterable[ox.Quad], stray: list[ox.Quad]) -> Iterable[ox.Quad]:
    for quad in quads:
        if isinstance(quad.graph_name, ox.DefaultGraph):
            stray.append(quad)
        else:
            yield quad


def materialise_inferences(store: ox.Store) -> None:
    """:func:`inferred_quads` as one SPARQL update over the store: both membership directions."""
    store.update(_INFER)


def build(workspace: Workspace, progress: Progress | None = None) -> BuildReport:
    """Read, check and write the store, holding the workspace lock: concurrent builds queue."""
    from kg.lock import workspace_lock
    from kg.storedir import check_replaceable

    check_replaceable(workspace.store)  # refuse a path we do not own before any work
    with workspace_lock(workspace, timeout=300, task="a build"):
        return _build(workspace, progress)


def _build(workspace: Workspace, progress: Progress | None = None) -> BuildReport:
    started = time.perf_counter()
    say = progress or (lambda _: None)
    from kg.curation.journal import recover_if_needed

    recover_if_needed(workspace)  # an edit a crash interrupted is finished before reading
    store = load_sources_store(workspace, say)
    say("materialising inferences")
    materialise_inferences(store)
    say("running the checks")
    findings = store_findings(EmbeddedStore(store), workspace.checks_dir)
    # pyshacl and the curation checks read rdflib terms: convert the graph once for both
    quads = [
        (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), from_ox(q.graph_name)) for q in store
    ]
    say("validating against the SHACL shapes")
    findings += shacl_findings(workspace, quads)
    say("checking domains, ranges and citations")
    from kg.validate import curation_check_findings

    findings += curation_check_findings(workspace, quads)
    if findings:
        lines = "\n".join(f"  {f}" for f in findings[:50])
        more = f"\n  ... and {len(findings) - 50} more" if len(findings) > 50 else ""
        raise ValidationError(
            f"build refused: {len(findings)} problem(s); the store was left as it was\n{lines}{more}"
        )
    say("writing the store")
    from kg.names import write_name_index

    write_name_index(store)  # id:graph-names, the indexed name lookups
    write_store(workspace.store, store)
    report = BuildReport(workspace.store, len(store), seconds=time.perf_counter() - started)
    report.graphs = graph_counts(store)
    report.classes = class_counts(store)
    return report


def graph_counts(store: ox.Store) -> dict[str, int]:
    """Triples per graph, the passage graphs summed per source document."""
    counts: Counter[str] = Counter()
    rows = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    for row in rows:
        name = _short(row["g"])
        if name.startswith("passage-"):
            name = "passages of document " + name.split("-")[1]
        counts[name] += int(row["n"].value)
    return dict(sorted(counts.items()))


def class_counts(store: ox.Store) -> dict[str, int]:
    """Individuals per class (the ontology's own typing left out)."""
    rows = store.query(
        "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?c } "
        f"FILTER (?g != <{GRAPH_ONTOLOGY}>) }} GROUP BY ?c"
    )
    return {k: v for k, v in sorted((shorten(r["c"].value), int(r["n"].value)) for r in rows)}
