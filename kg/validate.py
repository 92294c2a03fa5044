"""Is the graph true to its rules? SHACL shapes, the OWL reasoner, and lint checks.

Three kinds of findings, each a ``kg.build.Finding`` printed on one line:

- the ``queries/checks/*-violation.rq`` queries (the build runs them too: any row is an error) and
  the ``queries/checks/lint/*-violation.rq`` ones, in the spirit of ROBOT's report, which only
  ``atkg validate`` runs because they flag what may be work in progress (an orphan entity);
- the SHACL shapes of ``ontology/shapes.ttl`` (pyshacl), on the union of all graphs;
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
    """Rows of ``queries/checks/lint/*-violation.rq``: what a review should look at."""
    folder = workspace.checks_dir / "lint"
    return run_checks(workspace, quads, folder) if folder.is_dir() else []


def validate_workspace(workspace: Workspace, reason: bool = True) -> ValidationReport:
    """Every check on the workspace's sources: the checks, lint, SHACL and (optionally) HermiT."""
    report = ValidationReport()
    started = time.perf_counter()
    asserted = load_sources(workspace)
    quads = asserted + inferred_quads(asserted)
    report.seconds["load"] = time.perf_counter() - started

    started = time.perf_counter()
    report.findings += run_checks(workspace, quads) + lint_findings(workspace, quads)
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
    """Refuse (ValidationError) an edit whose result has a finding the data did not have before."""
    if before == after:
        return
    base = ontology + _provenance(workspace)
    old = base + sorted(before, key=str)
    new = base + sorted(after, key=str)
    old += inferred_quads(old)
    new += inferred_quads(new)
    added = set(run_checks(workspace, new)) - set(run_checks(workspace, old))
    touched = _touched(before ^ after, after | before)
    if touched:
        shapes_after = shacl_on(workspace, ontology, after, touched)
        if shapes_after:
            added |= set(shapes_after) - set(shacl_on(workspace, ontology, before, touched))
    if added:
        shown = sorted(added)
        listed = "; ".join(str(f) for f in shown[:10])
        more = f"; and {len(shown) - 10} more" if len(shown) > 10 else ""
        raise ValidationError(f"edit refused, files left as they were: {listed}{more}")


def _touched(changed: set[Quad], everything: Iterable[Quad]) -> set:
    """Nodes an edit can make violate a shape: those in changed quads, and the nodes whose
    description points at them (an observation whose measure lost its type)."""
    from rdflib import Literal

    nodes = {t for q in changed for t in (q[0], q[2]) if not isinstance(t, Literal)}
    nodes |= {q[0] for q in everything if q[2] in nodes}
    return nodes


def shacl_on(workspace: Workspace, ontology: list[Quad], curated: set[Quad], focus: set) -> list[Finding]:
    """SHACL findings on the focus nodes only, over ontology + curated data + inferences."""
    from pyshacl import validate
    from rdflib import Graph

    data = Graph()
    quads = ontology + list(curated)
    for s, p, o, _ in quads + inferred_quads(quads):
        data.add((s, p, o))
    present = {s for s, _, _, _ in curated}
    focus_nodes = sorted(n for n in focus if n in present)
    if not focus_nodes:
        return []
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
