"""OWL reasoning with HermiT (through owlready2): consistency, unsatisfiable classes, inferences.

owlready2 cannot read Turtle, so the ontology and the asserted data go to it as N-Triples
written by rdflib. HermiT only accepts literals of the OWL 2 datatype map, which has neither
``xsd:date`` nor ``xsd:gYear`` / ``xsd:gYearMonth`` (it stops with UnsupportedDatatypeException
on the first one): those date triples are left out of what HermiT sees, and the report says how
many. Nothing in the ontology's axioms depends on a date value; SHACL and the malformed-date
check validate them instead. Passage texts are left out too (long literals no axiom reads).

The inferences kept are the class memberships HermiT entails for our individuals (realisation
plus every named superclass) and the property values it adds, minus what is asserted. They go
to ``id:graph-inferred``, never into an asserted graph.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, XSD

from kg.build import Finding
from kg.errors import KgError
from kg.namespace import ATKG, GRAPH_INFERRED, ID
from kg.rdfio import Quad

__all__ = ["ReasonerRun", "run_hermit", "reasoner_findings", "reason_store"]

UNSUPPORTED_DATATYPES = frozenset({XSD.date, XSD.gYear, XSD.gYearMonth})


@dataclass
class ReasonerRun:
    consistent: bool
    unsatisfiable: list[str] = field(default_factory=list)
    inferred: list[Quad] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    error: str | None = None


def _hermit_input(quads: Iterable[Quad]) -> tuple[str, int]:
    """N-Triples of what HermiT can reason on, and how many date triples were left out."""
    from rdflib import Graph

    graph = Graph()
    skipped = 0
    for s, p, o, g in quads:
        if g == GRAPH_INFERRED or p == ATKG.text:
            continue
        if isinstance(o, Literal) and o.datatype in UNSUPPORTED_DATATYPES:
            skipped += 1
            continue
        graph.add((s, p, o))
    return graph.serialize(format="nt", encoding="utf-8").decode("utf-8"), skipped


def run_hermit(quads: Iterable[Quad]) -> ReasonerRun:
    """Reason on the asserted quads (ontology + data); never raises for what the data says."""
    import owlready2
    from owlready2 import OwlReadyInconsistentOntologyError, World, sync_reasoner_hermit

    quads = list(quads)
    text, skipped = _hermit_input(quads)
    notes = []
    if skipped:
        notes.append(
            f"{skipped} date triple(s) (xsd:date, xsd:gYear, xsd:gYearMonth) not sent to HermiT: "
            "outside the OWL 2 datatype map"
        )
    handle, path = tempfile.mkstemp(suffix=".nt", prefix="atkg-hermit-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        world = World()
        world.get_ontology(f"file://{path}").load(format="ntriples")
        try:
            sync_reasoner_hermit(world, infer_property_values=True, debug=0)
        except OwlReadyInconsistentOntologyError:
            return ReasonerRun(False, notes=notes)
        except owlready2.OwlReadyJavaError as error:
            message = str(error).strip().splitlines()
            detail = next((line for line in message if "Exception" in line), message[-1] if message else "")
            raise KgError(f"HermiT could not run: {detail.strip()}") from None
        unsatisfiable = sorted(_iri(c) for c in world.inconsistent_classes() if _iri(c) != str(OWL.Nothing))
        return ReasonerRun(True, unsatisfiable, _inferences(world, quads), notes)
    finally:
        os.unlink(path)


def _iri(entity) -> str:
    return getattr(entity, "iri", str(entity))


def _inferences(world, asserted: list[Quad]) -> list[Quad]:
    from owlready2 import Thing, ThingClass

    have = {(s, p, o) for s, p, o, _ in asserted}
    out: set[Quad] = set()
    for individual in world.search(iri=f"{ID}*"):
        if not isinstance(individual, Thing):
            continue
        node = URIRef(individual.iri)
        classes = set()
        for cls in individual.is_a:
            if isinstance(cls, ThingClass):
                classes |= {c for c in cls.ancestors() if isinstance(c, ThingClass)}
        for cls in classes:
            term = URIRef(cls.iri)
            if term != OWL.Thing and (node, RDF.type, term) not in have:
                out.add((node, RDF.type, term, GRAPH_INFERRED))
    inferred = world.get_ontology("http://inferrences/")
    for s, p, o in _triples(world, inferred):
        if isinstance(s, URIRef) and str(s).startswith(str(ID)) and (s, p, o) not in have:
            out.add((s, p, o, GRAPH_INFERRED))
    return sorted(out)


def _triples(world, ontology):
    """(s, p, o) of one owlready2 ontology, resources only (HermiT adds no literal values here)."""
    for triple in ontology.get_triples():
        s, p, o = triple[:3]
        if isinstance(o, int) and o > 0 and len(triple) == 3 or (len(triple) == 4 and triple[3] is None):
            yield (
                URIRef(world._unabbreviate(s)),
                URIRef(world._unabbreviate(p)),
                URIRef(world._unabbreviate(o)),
            )


def reasoner_findings(asserted: list[Quad]) -> tuple[list[Finding], list[str]]:
    """Findings of ``atkg validate``: an inconsistent graph, unsatisfiable classes."""
    run = run_hermit(q for q in asserted if not _is_provenance_text(q))
    findings = []
    if not run.consistent:
        findings.append(
            Finding(
                "reasoner",
                "the ontology and data are inconsistent (HermiT); "
                "look for two organisations on one membership or an org:identifier shared",
            )
        )
    findings += [Finding("reasoner", f"unsatisfiable class {iri}") for iri in run.unsatisfiable]
    return findings, run.notes


def _is_provenance_text(quad: Quad) -> bool:
    return quad[1] == ATKG.text


def reason_store(store_path) -> tuple[ReasonerRun, int]:
    """Reason on a built store and rebuild it with the inferences in the inferred graph.

    The asserted graphs are read from the store (so what is reasoned on is what was built and
    checked), the build's own inferences are recomputed, HermiT's are added, and the store is
    written beside the old one and swapped in (``kg.store.write_store``): a failure leaves the
    old store whole. Returns the run and how many triples the inferred graph now holds.
    """
    from kg.build import inferred_quads
    from kg.errors import ValidationError
    from kg.store import open_store, write_store

    store = open_store(store_path)
    quads = list(store.quads())
    del store
    asserted = [q for q in quads if q[3] != GRAPH_INFERRED]
    run = run_hermit(asserted)
    if not run.consistent:
        raise ValidationError(
            "the ontology and data are inconsistent (HermiT): nothing written; "
            "run `atkg validate` to see the findings"
        )
    builds = inferred_quads(asserted)
    inferred = sorted(set(builds) | set(run.inferred))
    write_store(store_path, asserted + inferred)
    return run, len({(s, p, o) for s, p, o, _ in inferred})
