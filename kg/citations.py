"""Check that every fact's passage really mentions what the fact is about.

A wrong citation is the most likely curation error and the most damaging one ("says who?"), so
each fact is checked against the text of the passage it sits in: every named entity of the fact
must be mentioned there by one of its labels, unless the fact's subject carries an
``atkg:provenanceNote`` in that passage explaining the indirect reference.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

from kg.namespace import ATKG, ID, ORG, shorten
from kg.rdfio import Quad
from kg.textmatch import LabelMatcher

__all__ = ["CitationFinding", "check_citations", "entity_labels", "MINTED_PREFIXES", "is_minted"]

# Nodes that exist only to qualify a fact (a membership, an interval, a figure) carry no labels:
# the check looks through them to the entities they connect.
MINTED_PREFIXES = ("membership-", "interval-", "obs-", "ratification-")
_STRUCTURAL = {RDF.type, ORG.role, ATKG.measure, ATKG.provenanceNote}
# Agreements are described ("un accord de travail signé en avril 2012"), not named: like minted
# nodes they are looked through, and the check falls on their parties, dates and subjects.
DESCRIBED_TYPES = {
    ATKG.Agreement,
    ATKG.MemorandumOfUnderstanding,
    ATKG.WorkingArrangement,
    ATKG.CooperationAgreement,
    ATKG.Partnership,
    ATKG.Observation,
    ATKG.Ratification,
}


@dataclass(frozen=True, order=True)
class CitationFinding:
    passage: str
    subject: str
    predicate: str
    entity: str
    reason: str

    def __str__(self) -> str:
        return f"{self.passage}: {self.subject} {self.predicate} -> {self.entity}: {self.reason}"


def is_minted(node: object) -> bool:
    text = str(node)
    return text.startswith(str(ID)) and text[len(str(ID)) :].startswith(MINTED_PREFIXES)


def entity_labels(quads: Iterable[Quad]) -> dict[URIRef, set[str]]:
    """Every label (pref, alt, hidden; any language) of every individual, across all graphs."""
    labels: dict[URIRef, set[str]] = defaultdict(set)
    for subject, predicate, label, _ in quads:
        if predicate in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel) and isinstance(label, Literal):
            labels[subject].add(str(label))
    return labels


def check_citations(quads: Iterable[Quad], passage_texts: Mapping[URIRef, str]) -> list[CitationFinding]:
    """Facts whose passage does not mention one of their entities, sorted for stable output."""
    quads = list(quads)
    labels = entity_labels(quads)
    described = {s for s, p, o, _ in quads if p == RDF.type and o in DESCRIBED_TYPES}
    by_graph: dict[URIRef, list[Quad]] = defaultdict(list)
    for quad in quads:
        if quad[3] in passage_texts:
            by_graph[quad[3]].append(quad)
    findings: set[CitationFinding] = set()
    for graph, facts in by_graph.items():
        matcher = LabelMatcher(passage_texts[graph])
        noted = {s for s, p, _, _ in facts if p == ATKG.provenanceNote}
        for subject, predicate, obj, _ in facts:
            if predicate in _STRUCTURAL or subject in noted:
                continue
            for node in (subject, obj):
                if not isinstance(node, URIRef) or not str(node).startswith(str(ID)) or is_minted(node):
                    continue
                if node in described:
                    continue
                if node in noted:  # the passage names it indirectly, and says how
                    continue
                names = labels.get(node)
                if names and any(matcher.mentions(label) for label in names):
                    continue
                reason = "passage does not mention it" if names else "entity has no label"
                findings.add(
                    CitationFinding(
                        shorten(graph), shorten(subject), shorten(predicate), shorten(node), reason
                    )
                )
    return sorted(findings)
