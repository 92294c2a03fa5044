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

from rdflib import URIRef

from kg.errors import DataSyntaxError, ValidationError
from kg.namespace import GRAPH_INFERRED, GRAPH_ONTOLOGY, ORG, shorten
from kg.provenance import provenance_quads
from kg.rdfio import DEFAULT_GRAPH, Quad, parse_rdf
from kg.store import memory_store, write_store
from kg.workspace import Workspace

__all__ = ["BuildReport", "build", "load_sources", "inferred_quads", "run_checks", "Finding"]

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
    store = memory_store(quads)
    findings = []
    for path in sorted((folder or workspace.checks_dir).glob("*-violation.rq")):
        name = path.name.removesuffix("-violation.rq")
        for row in store.query(path.read_text(encoding="utf-8")):
            cells = [_short(row[i]) for i in range(len(row))]
            findings.append(Finding(name, " ".join(c for c in cells if c)))
    return sorted(findings)


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


def build(workspace: Workspace, progress: Progress | None = None) -> BuildReport:
    """Read, check and write the store, holding the workspace lock: concurrent builds queue."""
    from kg.lock import workspace_lock
    from kg.storedir import check_replaceable

    check_replaceable(workspace.store)  # refuse a path we do not own before any work
    with workspace_lock(workspace, timeout=300):
        return _build(workspace, progress)


def _build(workspace: Workspace, progress: Progress | None = None) -> BuildReport:
    started = time.perf_counter()
    say = progress or (lambda _: None)
    from kg.curation.journal import recover_if_needed

    recover_if_needed(workspace)  # an edit a crash interrupted is finished before reading
    asserted = load_sources(workspace, say)
    say("materialising inferences")
    quads = asserted + inferred_quads(asserted)
    say("running the checks")
    findings = run_checks(workspace, quads)
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
    from kg.names import name_quads

    quads += name_quads(quads)  # id:graph-names: names resolve by an indexed lookup
    write_store(workspace.store, quads)
    report = BuildReport(workspace.store, len(set(quads)), seconds=time.perf_counter() - started)
    report.graphs = graph_counts(quads)
    report.classes = class_counts(quads)
    return report


def graph_counts(quads: Iterable[Quad]) -> dict[str, int]:
    """Triples per graph, the passage graphs summed per source document."""
    counts: Counter[str] = Counter()
    for _, _, _, g in set(quads):
        name = _short(g)
        if name.startswith("passage-"):
            name = "passages of document " + name.split("-")[1]
        counts[name] += 1
    return dict(sorted(counts.items()))


def class_counts(quads: Iterable[Quad]) -> dict[str, int]:
    from rdflib.namespace import RDF

    members: dict[str, set] = {}
    for s, p, o, g in quads:
        if p == RDF.type and g != GRAPH_ONTOLOGY:
            members.setdefault(shorten(o), set()).add(s)
    return {k: len(v) for k, v in sorted(members.items())}
