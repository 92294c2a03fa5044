"""What the ontology says about classes and properties, read once per edit without a reasoner.

A maintainer's edit must be checked in well under a second, so the RDFS part of the ontology is
compiled into plain dictionaries: every class with all its superclasses (the ``rdfs:subClassOf``
closure), every property with the classes its subjects and objects must belong to (``rdfs:domain``
and ``rdfs:range``, ``owl:unionOf`` lists read as alternatives, inherited along
``rdfs:subPropertyOf``). HermiT stays in ``atkg validate`` for what needs real reasoning.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS

from kg.rdfio import Quad

__all__ = ["Schema"]

_CLASS_KINDS = (OWL.Class, RDFS.Class)
_EVERYTHING = frozenset({OWL.Thing, RDFS.Resource})
_PROPERTY_KINDS = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)


@dataclass
class Schema:
    classes: set[URIRef] = field(default_factory=set)
    object_properties: set[URIRef] = field(default_factory=set)
    properties: set[URIRef] = field(default_factory=set)
    parents: dict[URIRef, set[URIRef]] = field(default_factory=lambda: defaultdict(set))
    domains: dict[URIRef, list[frozenset[URIRef]]] = field(default_factory=lambda: defaultdict(list))
    ranges: dict[URIRef, list[frozenset[URIRef]]] = field(default_factory=lambda: defaultdict(list))
    deprecated: dict[URIRef, URIRef | None] = field(default_factory=dict)
    individuals: set[URIRef] = field(default_factory=set)
    _up: dict[URIRef, frozenset[URIRef]] = field(default_factory=dict)

    @classmethod
    def from_quads(cls, quads: Iterable[Quad]) -> Schema:
        schema = cls()
        triples: dict = defaultdict(list)
        typed: dict[URIRef, set] = defaultdict(set)
        super_properties: dict[URIRef, set[URIRef]] = defaultdict(set)
        replaced: dict[URIRef, URIRef] = {}
        for s, p, o, _ in quads:
            triples[(s, p)].append(o)
            if p == RDF.type:
                typed[s].add(o)
            elif p == RDFS.subClassOf and isinstance(o, URIRef):
                schema.parents[s].add(o)
            elif p == RDFS.subPropertyOf and isinstance(o, URIRef):
                super_properties[s].add(o)
            elif p == DCTERMS.isReplacedBy:
                replaced[s] = o
            elif p == OWL.deprecated and isinstance(o, Literal) and o.eq(Literal(True)):
                schema.deprecated.setdefault(s, None)
        for node, kinds in typed.items():
            if not isinstance(node, URIRef):
                continue
            if kinds & set(_CLASS_KINDS):
                schema.classes.add(node)
            elif kinds & set(_PROPERTY_KINDS):
                schema.properties.add(node)
                if OWL.ObjectProperty in kinds:
                    schema.object_properties.add(node)
            else:
                schema.individuals.add(node)
        for term in schema.deprecated:
            schema.deprecated[term] = replaced.get(term)

        def alternatives(value) -> frozenset[URIRef]:
            if isinstance(value, BNode):
                members = triples.get((value, OWL.unionOf))
                return frozenset(_rdf_list(triples, members[0])) if members else frozenset()
            return frozenset({value})

        for prop in schema.properties:
            lineage = _closure(prop, super_properties)
            for ancestor in lineage:
                schema.domains[prop] += [alternatives(d) for d in triples.get((ancestor, RDFS.domain), [])]
                schema.ranges[prop] += [alternatives(r) for r in triples.get((ancestor, RDFS.range), [])]
        return schema

    def superclasses(self, cls: URIRef) -> frozenset[URIRef]:
        """The class itself and every class above it."""
        if cls not in self._up:
            self._up[cls] = frozenset(_closure(cls, self.parents))
        return self._up[cls]

    def closure(self, types: Iterable[URIRef]) -> set[URIRef]:
        out: set[URIRef] = set()
        for cls in types:
            out |= self.superclasses(cls)
        return out

    def subclasses(self, cls: URIRef) -> set[URIRef]:
        """The class itself and every class below it."""
        return {c for c in self.classes | {cls} if cls in self.superclasses(c)}

    def is_a(self, types: Iterable[URIRef], required: frozenset[URIRef]) -> bool:
        """Is a thing of these types in one of the required classes? Everything is an owl:Thing."""
        return bool(required & _EVERYTHING) or bool(self.closure(types) & required)

    def compatible(self, first: Iterable[URIRef], second: Iterable[URIRef]) -> bool:
        """Can one thing be both? Yes when, for each pair of classes, one is under the other."""
        first, second = set(first), set(second)
        if not first or not second:
            return True
        return all(a in self.superclasses(b) or b in self.superclasses(a) for a in first for b in second)


def _closure(start: URIRef, edges: dict[URIRef, set[URIRef]]) -> set[URIRef]:
    seen = {start}
    todo = [start]
    while todo:
        for nxt in edges.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def _rdf_list(triples: dict, head) -> list:
    items = []
    while head is not None and head != RDF.nil:
        first = triples.get((head, RDF.first))
        if first:
            items.append(first[0])
        rest = triples.get((head, RDF.rest))
        head = rest[0] if rest else None
    return items
