"""Is the graph true to its rules? SHACL shapes, the OWL reasoner, and lint checks.

Three kinds of findings, each a ``kg.build.Finding`` printed on one line:

- the ``queries/checks/*-violation.rq`` queries (the build runs them too: any row is an error) and
  the ``queries/checks/lint/*-violation.rq`` ones, in the spirit of ROBOT's report, which only
  ``atkg validate`` runs because they flag what may be work in progress (an orphan entity; with
  them, ``untranslated-term``: an ontology term without its label and definition in fr and en);
- the SHACL shapes of ``ontology/shapes.ttl`` (pyshacl), on the union of all graphs;
- the curation checks of ``kg.curation.checks`` (domain, range and class membership with the
  subclass closure, self-membership, and the ``check-provenance`` citation test), which the
  build also runs;
- HermiT (owlready2): consistency and unsatisfiable classes (``kg.reason``).

``check_edit`` is the cheaper gate every write passes: the edited quads must add no finding to
those the data already had (the curators' files may be mid-edit; an edit is refused only for
what *it* breaks). The checks run on the whole graph (Oxigraph, a few ms each); SHACL runs only
on the nodes the edit touched and the nodes pointing at them, because pySHACL over the whole
union costs about a second.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.build import Finding, inferred_quads, load_sources, run_checks, shacl_findings, shacl_report_findings
from kg.errors import ValidationError
from kg.rdfio import Quad
from kg.workspace import Workspace

__all__ = ["ValidationReport", "validate_workspace", "lint_findings", "check_edit", "shacl_on"]

# rdflib logs a warning with a traceback for every ill-typed literal it meets ("2012-02-30"^^xsd:date);
# the malformed-date check reports those as one line each, so the traceback is noise to a user.
logging.getLogger("rdflib.term").setLevel(logging.ERROR)


@dataclass
class ValidationReport:
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def clean(self) -> bool:
        return not self.findings

    def groups(self) -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = {}
        for finding in sorted(self.findings):
            out.setdefault(finding.check, []).append(finding)
        return out


def lint_findings(workspace: Workspace, quads: list[Quad]) -> list[Finding]:
    """Rows of ``queries/checks/lint/*-violation.rq``, and ontology terms not yet in both languages
    (``kg.curation.terms``): what a review should look at."""
    from kg.curation.terms import untranslated_term_findings

    folder = workspace.checks_dir / "lint"
    found = run_checks(workspace, quads, folder) if folder.is_dir() else []
    return found + untranslated_term_findings(quads)


def validate_workspace(workspace: Workspace, reason: bool = True) -> ValidationReport:
    """Every check on the workspace's sources: the checks, lint, SHACL and (optionally) HermiT."""
    from kg.curation.journal import recover_if_needed

    report = ValidationReport()
    started = time.perf_counter()
    recover_if_needed(workspace)
    asserted = load_sources(workspace)
    quads = asserted + inferred_quads(asserted)
    report.seconds["load"] = time.perf_counter() - started

    started = time.perf_counter()
    report.findings += run_checks(workspace, quads) + lint_findings(workspace, quads)
    report.findings += curation_check_findings(workspace, quads)
    report.seconds["checks"] = time.perf_counter() - started

    started = time.perf_counter()
    report.findings += shacl_findings(workspace, quads)
    report.seconds["shacl"] = time.perf_counter() - started

    if reason:
        from kg.reason import reasoner_findings

        started = time.perf_counter()
        findings, notes = reasoner_findings(asserted)
        report.findings += findings
        report.notes += notes
        report.seconds["reasoner"] = time.perf_counter() - started
    report.findings = sorted(set(report.findings))
    return report


def curation_check_findings(workspace: Workspace, quads: list[Quad]) -> list[Finding]:
    """Domain, range, self-membership and citation findings of the whole graph (build and validate)."""
    from kg.curation.checks import curation_findings
    from kg.namespace import GRAPH_ONTOLOGY

    ontology = [q for q in quads if q[3] == GRAPH_ONTOLOGY]
    return curation_findings(ontology, quads, _passage_texts(workspace))


# ---- the gate every edit passes ---------------------------------------------------------------

_BASE: dict[Path, list[Quad]] = {}


def _provenance(workspace: Workspace) -> list[Quad]:
    """The generated provenance graph without passage texts (no check or shape reads them)."""
    from kg.namespace import ATKG
    from kg.provenance import provenance_quads

    key = workspace.corpus_dir.resolve()
    if key not in _BASE:
        _BASE[key] = [q for q in provenance_quads(workspace.corpus_dir) if q[1] != ATKG.text]
    return _BASE[key]


def check_edit(workspace: Workspace, ontology: list[Quad], before: set[Quad], after: set[Quad]) -> None:
    """Refuse (ValidationError) an edit whose result has a finding the data did not have before.

    Every check runs on the result first; only when that finds something does it run on the data
    as it was, so an edit of clean data pays for one pass of each check, limited to what it touched
    where the check allows (SHACL, domain/range, citations, labels).
    """
    if before == after:
        return
    from kg.curation.checks import citation_findings, fact_findings, label_findings
    from kg.curation.schema import Schema

    changed = before ^ after
    touched = _touched(changed, after | before)
    schema = Schema.from_quads(ontology)
    graphs = {q[3] for q in changed}
    texts = _passage_texts(workspace)
    base = ontology + _provenance(workspace)

    def findings(quads: set[Quad], with_labels: bool) -> set[Finding]:
        ordered = sorted(quads, key=str)
        whole = base + ordered
        out = set(run_checks(workspace, whole + inferred_quads(whole)))
        out |= set(fact_findings(schema, ordered, touched))
        out |= set(citation_findings(ordered, texts, graphs))
        out |= set(shacl_on(workspace, ontology, quads, touched))
        if with_labels:
            out |= set(label_findings(before, after, touched))
        return out

    added = findings(after, True)
    if added:
        added -= findings(before, False)
    if added:
        shown = sorted(added)
        listed = "; ".join(str(f) for f in shown[:5])
        more = f"; and {len(shown) - 5} more" if len(shown) > 5 else ""
        raise ValidationError(f"edit refused, files left as they were: {listed}{more}")


_TEXTS: dict[Path, dict] = {}


def _passage_texts(workspace: Workspace) -> dict:
    from kg.provenance import passage_texts

    key = workspace.corpus_dir.resolve()
    if key not in _TEXTS:
        _TEXTS[key] = passage_texts(workspace.corpus_dir)
    return _TEXTS[key]


def _touched(changed: set[Quad], everything: Iterable[Quad]) -> set:
    """Nodes an edit can make violate a shape: those in changed quads, and the nodes whose
    description points at them (an observation whose measure lost its type)."""
    from rdflib import Literal

    nodes = {t for q in changed for t in (q[0], q[2]) if not isinstance(t, Literal)}
    nodes |= {q[0] for q in everything if q[2] in nodes}
    return nodes


def shacl_on(workspace: Workspace, ontology: list[Quad], curated: set[Quad], focus: set) -> list[Finding]:
    """SHACL findings on the focus nodes only, over the ontology and the descriptions of the focus
    nodes and of the nodes they point to, in the curated data and the provenance graph (all the
    shapes look at: a focus node's values and their classes)."""
    from pyshacl import validate
    from rdflib import Graph

    present = {s for s, _, _, _ in curated}
    focus_nodes = sorted(n for n in focus if n in present)
    if not focus_nodes:
        return []
    by_subject: dict = {}
    for quad in list(curated) + _provenance(workspace):
        by_subject.setdefault(quad[0], []).append(quad)
    near = set(focus_nodes) | {q[2] for n in focus_nodes for q in by_subject.get(n, ())}
    data = Graph()
    quads = ontology + [q for n in near for q in by_subject.get(n, ())]
    for s, p, o, _ in quads + inferred_quads(quads):
        data.add((s, p, o))
    shapes = _shapes(workspace)
    conforms, report, _ = validate(
        data, shacl_graph=shapes, inference="none", advanced=True, focus_nodes=focus_nodes
    )
    return [] if conforms else shacl_report_findings(report)


_SHAPES: dict[tuple[Path, float], object] = {}


def _shapes(workspace: Workspace):
    from rdflib import Graph

    key = (workspace.shapes, workspace.shapes.stat().st_mtime)
    if key not in _SHAPES:
        _SHAPES[key] = Graph().parse(workspace.shapes, format="turtle")
    return _SHAPES[key]
