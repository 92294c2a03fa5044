"""Counts that tell a maintainer what the graph holds and where it comes from."""

from __future__ import annotations

from dataclasses import dataclass

from kg.output import term_text
from kg.store import GraphStore

__all__ = ["GraphStats", "graph_stats", "ProseShare", "prose_share"]

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
      GRAPH <https://w3id.org/atkg/id/graph-provenance> { ?p atkg:inDocument ?doc }
    } GROUP BY ?doc }
  GRAPH <https://w3id.org/atkg/id/graph-provenance> { ?doc atkg:sourceFile ?file }
  OPTIONAL {
    GRAPH <https://w3id.org/atkg/id/graph-provenance> { ?g atkg:inDocument ?doc }
    GRAPH ?g { ?s ?pred ?o }
  }
} GROUP BY ?doc ?file ?passages ORDER BY ?doc"""

# A fact unit is what one passage says about one subject (its triples in that passage's graph,
# types and provenance notes aside). It is prose-only when all it says is a dcterms:description:
# nothing an analyst can query by link. Explicit graphs, so any SPARQL 1.1 store answers alike.
_FACT_UNITS = """
PREFIX atkg: <https://w3id.org/atkg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT (COUNT(*) AS ?units) (SUM(?prose) AS ?prose_only) WHERE {
  { SELECT ?s ?g (MIN(?description) AS ?prose) WHERE {
      GRAPH <https://w3id.org/atkg/id/graph-provenance> { ?g a atkg:Passage }
      GRAPH ?g { ?s ?p ?o }
      FILTER (?p NOT IN (rdf:type, atkg:provenanceNote))
      # 1 for a description, 0 otherwise, bound before grouping: an IF around the aggregate
      # stops Virtuoso 7.2.5's compiler (SQ156 "Bad dfe in sqlo_place_exp")
      BIND (IF(?p = dcterms:description, 1, 0) AS ?description)
    } GROUP BY ?s ?g }
}"""


@dataclass(frozen=True)
class ProseShare:
    """Fact units (subject, passage) and how many of them are only a description."""

    units: int
    prose_only: int

    @property
    def percent(self) -> float:
        return round(100 * self.prose_only / self.units, 1) if self.units else 0.0


@dataclass
class GraphStats:
    by_class: list[tuple[str, int]]
    by_graph: list[tuple[str, int]]
    by_document: list[tuple[str, str, int, int, int]]  # doc, file, facts, passages cited, passages
    prose: ProseShare


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
    return GraphStats(by_class, by_graph, by_document, prose_share(store))


def prose_share(store: GraphStore) -> ProseShare:
    """How many fact units the passage graphs hold, and how many say nothing but a description."""
    (row,) = list(store.query(_FACT_UNITS))
    return ProseShare(_int(row["units"]), _int(row["prose_only"]))
