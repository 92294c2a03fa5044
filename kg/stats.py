"""Counts that tell a maintainer what the graph holds and where it comes from."""

from __future__ import annotations

from dataclasses import dataclass

from kg.output import term_text
from kg.store import GraphStore

__all__ = ["GraphStats", "graph_stats"]

_BY_CLASS = """
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {
  GRAPH ?g { ?s a ?class } FILTER (?g != <https://w3id.org/atkg/id/graph-ontology>)
  FILTER (STRSTARTS(STR(?g), "https://w3id.org/atkg/id/"))  # not a remote engine's system graphs
} GROUP BY ?class ORDER BY ?class"""
_BY_GRAPH_KIND = """
SELECT ?kind (COUNT(*) AS ?n) WHERE {
  GRAPH ?g { ?s ?p ?o } FILTER (STRSTARTS(STR(?g), "https://w3id.org/atkg/id/"))
  BIND (IF(STRSTARTS(STR(?g), "https://w3id.org/atkg/id/passage-"), "passage graphs", STR(?g)) AS ?kind)
} GROUP BY ?kind ORDER BY ?kind"""
_BY_DOCUMENT = """
PREFIX atkg: <https://w3id.org/atkg/ontology#>
SELECT ?doc ?file (COUNT(*) AS ?facts) (COUNT(DISTINCT ?g) AS ?cited) ?passages WHERE {
  { SELECT ?doc (COUNT(?p) AS ?passages) WHERE {
      GRAPH <https://w3id.org/atkg/id/graph-provenance> { ?p atkg:inDocument ?doc } } GROUP BY ?doc }
  GRAPH <https://w3id.org/atkg/id/graph-provenance> { ?doc atkg:sourceFile ?file }
  OPTIONAL {
    GRAPH <https://w3id.org/atkg/id/graph-provenance> { ?g atkg:inDocument ?doc } GRAPH ?g { ?s ?pred ?o }
  }
} GROUP BY ?doc ?file ?passages ORDER BY ?doc"""


@dataclass
class GraphStats:
    by_class: list[tuple[str, int]]
    by_graph: list[tuple[str, int]]
    by_document: list[tuple[str, str, int, int, int]]  # doc, file, facts, passages cited, passages


def _int(term) -> int:
    return int(term.value) if term is not None else 0


def graph_stats(store: GraphStore) -> GraphStats:
    by_class = [
        (term_text(r["class"]).replace("http://www.w3.org/ns/org#", "org:"), _int(r["n"]))
        for r in store.query(_BY_CLASS)
    ]
    by_graph = [
        (
            term_text(r["kind"])
            if r["kind"].value.startswith("passage")
            else r["kind"].value.removeprefix("https://w3id.org/atkg/id/"),
            _int(r["n"]),
        )
        for r in store.query(_BY_GRAPH_KIND)
    ]
    by_document = []
    for r in store.query(_BY_DOCUMENT):
        cited = _int(r["cited"])
        facts = _int(r["facts"]) if cited else 0
        by_document.append((term_text(r["doc"]), r["file"].value, facts, cited, _int(r["passages"])))
    return GraphStats(by_class, by_graph, by_document)
