"""What the site shows, read once from the store's quads and grouped by page.

The site walks every graph by name (entities, provenance, ontology, each passage graph) rather
than asking SPARQL of a union default graph, so it reads the same from the embedded store and
from any endpoint that hands out its quads. Inferred triples (``id:graph-inferred``) are left
out: a page says only what a paragraph says.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from kg.namespace import GRAPH_ENTITIES, GRAPH_ONTOLOGY, GRAPH_PROVENANCE, PREFIXES, shorten

__all__ = [
    "SiteData",
    "Fact",
    "Value",
    "Passage",
    "Document",
    "Term",
    "read_site_data",
    "slug_of",
    "sort_key",
]

RDF_TYPE = PREFIXES["rdf"] + "type"
RDFS = PREFIXES["rdfs"]
SKOS = PREFIXES["skos"]
OWL = PREFIXES["owl"]
ATKG = PREFIXES["atkg"]
ID = PREFIXES["id"]
DCTERMS = PREFIXES["dcterms"]
PREF, ALT, HIDDEN = SKOS + "prefLabel", SKOS + "altLabel", SKOS + "hiddenLabel"


@dataclass(frozen=True, order=True)
class Value:
    """An RDF term as a page shows it: an entity slug to link, or a literal to print."""

    slug: str | None
    text: str
    lang: str = ""
    datatype: str = ""


@dataclass(frozen=True, order=True)
class Fact:
    subject: str
    predicate: str
    """CURIE."""
    object: Value
    passage: str


@dataclass
class Passage:
    slug: str
    doc: str
    label: str
    line: int
    text: str
    citation: dict[str, str] = field(default_factory=dict)


@dataclass
class Document:
    slug: str
    key: str
    titles: dict[str, str] = field(default_factory=dict)
    identifier: str = ""
    year: str = ""
    passages: list[str] = field(default_factory=list)


@dataclass
class Term:
    """A class or property of the ontology."""

    curie: str
    kind: str
    """"class", "object property", "datatype property" or "property"."""
    labels: dict[str, str] = field(default_factory=dict)
    comments: dict[str, str] = field(default_factory=dict)
    parents: set[str] = field(default_factory=set)
    domains: set[str] = field(default_factory=set)
    ranges: set[str] = field(default_factory=set)


@dataclass
class SiteData:
    pref: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    alt: dict[str, dict[str, set[str]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))
    types: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    identity: dict[str, set[tuple[str, Value]]] = field(default_factory=lambda: defaultdict(set))
    """Other statements of the entities graph (ISO codes, identifiers): no passage states them."""
    facts: list[Fact] = field(default_factory=list)
    passages: dict[str, Passage] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    terms: dict[str, Term] = field(default_factory=dict)
    named: dict[str, dict[str, str]] = field(default_factory=dict)
    """Labels of the ontology's individuals (roles: atkg:ChairRole -> chair / président)."""
    entities: list[str] = field(default_factory=list)

    def label(self, slug: str, lang: str) -> str:
        labels = self.pref.get(slug, {})
        return labels.get(lang) or labels.get("en") or labels.get("fr") or slug

    def term_label(self, curie: str, lang: str) -> str:
        term = self.terms.get(curie)
        labels = term.labels if term else self.named.get(curie, {})
        return labels.get(lang) or labels.get("en") or curie.split(":", 1)[-1]

    def acronyms(self, slug: str) -> list[str]:
        return sorted({a for values in self.alt.get(slug, {}).values() for a in values})


def slug_of(iri: str) -> str | None:
    """The slug of an individual's IRI (None for anything else)."""
    return iri[len(ID) :] if iri.startswith(ID) else None


def sort_key(slug: str) -> tuple:
    """Natural order: paragraph 2 before paragraph 10."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in slug.split("-"))


def _value(term) -> Value:
    from rdflib import Literal

    if isinstance(term, Literal):
        return Value(None, str(term), term.language or "", shorten(term.datatype) if term.datatype else "")
    text = str(term)
    slug = slug_of(text)
    return Value(slug, slug or shorten(term))


def read_site_data(quads) -> SiteData:
    """Group the store's quads into what the pages need; everything sorted, so pages are stable."""
    from rdflib import BNode

    data = SiteData()
    passage_prefix = ID + "passage-"
    provenance: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    ontology: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    raw_facts = []
    for s, p, o, g in quads:
        graph, subject, predicate = str(g), str(s), str(p)
        if isinstance(s, BNode):
            continue
        if graph == str(GRAPH_PROVENANCE):
            provenance[subject][predicate].append(o)
        elif graph == str(GRAPH_ONTOLOGY):
            ontology[subject][predicate].append(o)
        elif graph == str(GRAPH_ENTITIES):
            slug = slug_of(subject)
            if slug is None:
                continue
            if predicate == PREF:
                data.pref[slug][o.language or ""] = str(o)
            elif predicate == ALT:
                data.alt[slug][o.language or ""].add(str(o))
            elif predicate == HIDDEN:
                continue
            elif predicate == RDF_TYPE:
                data.types[slug].add(shorten(o))
            else:
                data.identity[slug].add((shorten(p), _value(o)))
        elif graph.startswith(passage_prefix):
            slug = slug_of(subject)
            if slug is None:
                continue
            if predicate == RDF_TYPE:
                data.types[slug].add(shorten(o))
            raw_facts.append(Fact(slug, shorten(p), _value(o), graph[len(ID) :]))
    data.facts = sorted(set(raw_facts), key=lambda f: (f.subject, f.predicate, f.object, sort_key(f.passage)))
    _read_provenance(data, provenance)
    _read_ontology(data, ontology)
    mentioned = set(data.pref) | {f.subject for f in data.facts}
    mentioned |= {f.object.slug for f in data.facts if f.object.slug}
    data.entities = sorted(m for m in mentioned if m not in data.passages and m not in data.documents)
    return data


def _read_provenance(data: SiteData, provenance) -> None:
    for subject, props in provenance.items():
        slug = slug_of(subject)
        if slug is None:
            continue
        kinds = {str(t) for t in props.get(RDF_TYPE, [])}
        labels = {o.language: str(o) for o in props.get(PREF, [])}
        if ATKG + "SourceDocument" in kinds:
            document = data.documents.setdefault(slug, Document(slug, slug.removeprefix("doc-")))
            document.titles = {o.language: str(o) for o in props.get(DCTERMS + "title", [])}
            document.identifier = next((str(o) for o in props.get(DCTERMS + "identifier", [])), "")
            document.year = next((str(o) for o in props.get(DCTERMS + "date", [])), "")
        elif ATKG + "Passage" in kinds:
            doc = slug_of(str(props[ATKG + "inDocument"][0]))
            data.passages[slug] = Passage(
                slug,
                doc or "",
                str(props[ATKG + "paragraph"][0]),
                int(props[ATKG + "line"][0]) if props.get(ATKG + "line") else 0,
                str(props[ATKG + "text"][0]) if props.get(ATKG + "text") else "",
                labels,
            )
    for passage in sorted(data.passages.values(), key=lambda p: (p.doc, p.line, sort_key(p.slug))):
        if passage.doc in data.documents:
            data.documents[passage.doc].passages.append(passage.slug)


def _read_ontology(data: SiteData, ontology) -> None:
    kinds = {
        OWL + "Class": "class",
        OWL + "ObjectProperty": "object property",
        OWL + "DatatypeProperty": "datatype property",
        OWL + "AnnotationProperty": "annotation property",
    }
    for subject, props in ontology.items():
        declared = [kinds[str(t)] for t in props.get(RDF_TYPE, []) if str(t) in kinds]
        if not declared:
            if props.get(RDFS + "label"):
                data.named[shorten(subject)] = {o.language or "": str(o) for o in props[RDFS + "label"]}
            continue
        term = Term(shorten(subject), sorted(declared)[0])
        term.labels = {o.language or "": str(o) for o in props.get(RDFS + "label", [])}
        comments = props.get(SKOS + "definition", []) + props.get(RDFS + "comment", [])
        for o in comments:
            term.comments.setdefault(o.language or "", str(o))
        term.parents = _iris(props.get(RDFS + "subClassOf", []) + props.get(RDFS + "subPropertyOf", []))
        term.domains = _iris(props.get(RDFS + "domain", []))
        term.ranges = _iris(props.get(RDFS + "range", []))
        data.terms[term.curie] = term


def _iris(values) -> set[str]:
    """Named terms only: restrictions and unions (blank nodes) are not shown on the page."""
    from rdflib import URIRef

    return {shorten(v) for v in values if isinstance(v, URIRef)}
