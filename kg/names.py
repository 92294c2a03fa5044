"""Turning what people type (an acronym, a label in French or English, an ISO code, a slug, an
IRI) into the one individual they mean, or saying clearly why it cannot.

Matching is accent- and case-insensitive, so "oit", "OIT" and "Organisation internationale du
travail" all find ``id:ilo``; a name that fits several individuals is an error listing them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from kg.errors import UsageError
from kg.namespace import ATKG, ID, PREFIXES
from kg.rdfio import Quad
from kg.textmatch import fold

__all__ = ["Resolver", "expand_curie"]

_REPLACED_QUERY = """
SELECT ?s ?o WHERE {
  GRAPH <https://w3id.org/atkg/id/graph-entities> { ?s <http://purl.org/dc/terms/isReplacedBy> ?o }
}"""
_LABEL_PREDICATES = (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
_LABELS_QUERY = """
SELECT ?s ?p ?label WHERE {
  VALUES ?p { skos:prefLabel skos:altLabel skos:hiddenLabel atkg:iso3166Alpha3 atkg:iso3166Alpha2 }
  ?s ?p ?label FILTER (isIRI(?s) && STRSTARTS(STR(?s), "https://w3id.org/atkg/id/"))
}"""


def expand_curie(text: str) -> URIRef | None:
    """``atkg:party`` -> full IRI; ``<http://...>`` or ``http://...`` as is; else None."""
    if not text or any(c.isspace() for c in text):
        return None
    if text.startswith("<") and text.endswith(">"):
        return URIRef(text[1:-1])
    if text.startswith(("http://", "https://")):
        return URIRef(text)
    prefix, colon, local = text.partition(":")
    if colon and prefix in PREFIXES:
        return URIRef(PREFIXES[prefix] + local)
    return None


@dataclass
class Resolver:
    """An index from folded names to the individuals that carry them."""

    by_name: dict[str, set[URIRef]] = field(default_factory=lambda: defaultdict(set))
    pref_labels: dict[URIRef, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    known: set[URIRef] = field(default_factory=set)
    replaced: dict[URIRef, URIRef] = field(default_factory=dict)  # merged IRI -> the one that stays

    def add(self, node: URIRef, predicate: URIRef, label: str, language: str | None = None) -> None:
        if not str(node).startswith(str(ID)):
            return
        self.known.add(node)
        self.by_name[fold(label).strip()].add(node)
        if predicate == SKOS.prefLabel and language:
            self.pref_labels[node][language] = label

    @classmethod
    def from_quads(cls, quads: Iterable[Quad]) -> Resolver:
        resolver = cls()
        for s, p, o, _ in quads:
            if not isinstance(s, URIRef):
                continue
            if p in _LABEL_PREDICATES or p in (ATKG.iso3166Alpha3, ATKG.iso3166Alpha2):
                if isinstance(o, Literal):
                    resolver.add(s, p, str(o), o.language)
            elif p == RDF.type and str(s).startswith(str(ID)):
                resolver.known.add(s)
            elif p == DCTERMS.isReplacedBy and isinstance(o, URIRef) and str(s).startswith(str(ID)):
                resolver.replaced[s] = o
        return resolver

    @classmethod
    def from_store(cls, store) -> Resolver:
        resolver = cls()
        for row in store.query(_LABELS_QUERY):
            label = row["label"]
            resolver.add(URIRef(row["s"].value), URIRef(row["p"].value), label.value, label.language)
        for row in store.query(
            'SELECT DISTINCT ?s WHERE { ?s a ?t FILTER STRSTARTS(STR(?s), "https://w3id.org/atkg/id/") }'
        ):
            resolver.known.add(URIRef(row["s"].value))
        for row in store.query(_REPLACED_QUERY):
            resolver.replaced[URIRef(row["s"].value)] = URIRef(row["o"].value)
        return resolver

    def current(self, node: URIRef) -> URIRef:
        """The IRI that stands for ``node`` now: a merged entity's answers go to the one it was
        merged into (``dcterms:isReplacedBy``, followed to its end)."""
        seen = {node}
        while node in self.replaced and self.replaced[node] not in seen:
            node = self.replaced[node]
            seen.add(node)
        return node

    def label(self, node: URIRef, language: str = "en") -> str:
        labels = self.pref_labels.get(node, {})
        return labels.get(language) or labels.get("en") or labels.get("fr") or slug(node)

    def candidates(self, name: str) -> list[URIRef]:
        """Every individual the name could mean, exact matches only, sorted."""
        name = name.strip()
        iri = expand_curie(name)
        if iri is not None:
            iri = self.current(iri)
            return [iri] if iri in self.known else []
        if ID[name] in self.replaced:
            return [self.current(ID[name])]
        if ID[name] in self.known:
            return [ID[name]]
        if ID[f"country-{name.upper()}"] in self.known and len(name) == 3:
            return [ID[f"country-{name.upper()}"]]
        return sorted(self.by_name.get(fold(name).strip(), set()))

    def resolve(self, name: str, what: str = "entity") -> URIRef:
        """The one individual ``name`` means; a UsageError naming candidates otherwise."""
        found = self.candidates(name)
        shown = " ".join(name.split())  # the error stays on one line whatever was typed
        if len(found) == 1:
            return found[0]
        if found:
            listed = ", ".join(f"{slug(n)} ({self.label(n)})" for n in found)
            raise UsageError(f"{what} '{shown}' is ambiguous: it could be {listed}; give the slug")
        near = self.suggest(name)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        raise UsageError(f"{what} '{shown}' not found{hint}")

    def suggest(self, name: str, limit: int = 5) -> list[str]:
        """Slugs whose names contain the folded query, for "did you mean" hints."""
        needle = fold(name).strip()
        if len(needle) < 2:
            return []
        hits = sorted({slug(n) for key, nodes in self.by_name.items() if needle in key for n in nodes})
        if not hits:  # a typo ("icatt"): the closest names instead
            import difflib

            close = difflib.get_close_matches(needle, list(self.by_name), n=limit, cutoff=0.75)
            hits = sorted({slug(n) for key in close for n in self.by_name[key]})
        return hits[:limit]


def slug(node: URIRef) -> str:
    return str(node).removeprefix(str(ID))
