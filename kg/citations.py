"""Check that every fact's passage really mentions what the fact is about.

A wrong citation is the most likely curation error and the most damaging one ("says who?"), so
each fact is checked against the text of the passage it sits in: every named entity of the fact
must be mentioned there by one of its labels, unless the fact's subject carries an
``atkg:provenanceNote`` explaining the indirect reference.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from kg.namespace import ATKG, ID, ORG, TIME
from kg.textmatch import mentions

__all__ = ["CitationFinding", "check_citations", "MINTED_PREFIXES"]

# Nodes that exist only to qualify a fact (a membership, an interval, a figure) carry no labels:
# the check looks through them to the entities they connect.
MINTED_PREFIXES = ("membership-", "interval-", "obs-", "ratification-")
_STRUCTURAL = {RDF.type, ORG.role, ATKG.measure, ATKG.provenanceNote}


@dataclass(frozen=True, order=True)
class CitationFinding:
    passage: str
    subject: str
    predicate: str
    entity: str
    reason: str

    def __str__(self) -> str:
        return f"{self.passage}: {self.subject} {self.predicate} ...: {self.reason} ({self.entity})"


def _is_minted(node: URIRef) -> bool:
    return str(node).startswith(str(ID)) and str(node)[len(str(ID)) :].startswith(MINTED_PREFIXES)


def entity_labels(dataset: Dataset) -> dict[URIRef, set[str]]:
    """Every label (pref, alt, hidden; any language) of every individual, across all graphs."""
    labels: dict[URIRef, set[str]] = {}
    for predicate in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
        for subject, _, label, _ in dataset.quads((None, predicate, None, None)):
            if isinstance(subject, URIRef) and isinstance(label, Literal):
                labels.setdefault(subject, set()).add(str(label))
    return labels


def check_citations(
    dataset: Dataset,
    passage_texts: Mapping[URIRef, str],
    labels: Mapping[URIRef, Iterable[str]] | None = None,
) -> list[CitationFinding]:
    """Facts whose passage does not mention one of their entities, sorted for stable output."""
    labels = entity_labels(dataset) if labels is None else labels
    findings: set[CitationFinding] = set()
    for graph in dataset.graphs():
        name = graph.identifier
        if name not in passage_texts:
            continue
        text = passage_texts[name]
        noted = set(graph.subjects(ATKG.provenanceNote, None))
        for subject, predicate, obj in graph:
            if predicate in _STRUCTURAL or subject in noted:
                continue
            for node in (subject, obj):
                if not isinstance(node, URIRef) or not str(node).startswith(str(ID)):
                    continue
                if _is_minted(node) or node in noted:
                    continue
                names = labels.get(node)
                short = lambda n: str(n).removeprefix(str(ID))  # noqa: E731
                if not names:
                    reason = "entity has no label"
                elif any(mentions(text, label) for label in names):
                    continue
                else:
                    reason = "passage does not mention it"
                findings.add(
                    CitationFinding(short(name), short(subject), _qname(predicate), short(node), reason)
                )
    return sorted(findings)


def _qname(predicate: URIRef) -> str:
    for prefix, namespace in (("atkg:", ATKG), ("org:", ORG), ("time:", TIME)):
        if str(predicate).startswith(str(namespace)):
            return prefix + str(predicate)[len(str(namespace)) :]
    return str(predicate)
