"""What the views draw, read from the store once, in a handful of SPARQL queries.

Every view is a different projection of the same few things: the labelled individuals, their
most specific type, the facts linking two of them (with the passages that state each fact) and
the dates that place a fact in time. Reading them once into a :class:`FactBase` lets ``atkg
views`` draw seven views from one pass over the store, and lets each view be a pure function that
tests can check without a browser.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from kg.errors import UsageError
from kg.passageorder import passage_order  # the order of the network and the export too

__all__ = ["FactBase", "load_facts", "ID_NS", "ATKG_NS", "short", "year_of"]

ID_NS = "https://w3id.org/atkg/id/"
ATKG_NS = "https://w3id.org/atkg/ontology#"
_NAMESPACES = (
    ("", ID_NS),
    ("atkg:", ATKG_NS),
    ("org:", "http://www.w3.org/ns/org#"),
    ("foaf:", "http://xmlns.com/foaf/0.1/"),
    ("dcterms:", "http://purl.org/dc/terms/"),
    ("skos:", "http://www.w3.org/2004/02/skos/core#"),
    ("time:", "http://www.w3.org/2006/time#"),
    ("prov:", "http://www.w3.org/ns/prov#"),
)

# Every pattern names its graph (portable to endpoints without a union default graph). The
# queries about facts keep to passage graphs, so inferred triples (id:graph-inferred) never show
# as if a document stated them.
_LABELS = """
SELECT ?s ?p ?label WHERE {
  VALUES ?p { skos:prefLabel skos:altLabel }
  GRAPH id:graph-entities { ?s ?p ?label }
  FILTER (isIRI(?s) && STRSTARTS(STR(?s), STR(id:)))
}"""
_TYPES = """
SELECT DISTINCT ?s ?type WHERE {
  GRAPH ?g { ?s a ?type }
  FILTER (?g != id:graph-provenance && ?g != id:graph-ontology)
  FILTER (isIRI(?s) && STRSTARTS(STR(?s), STR(id:)))
}"""
_CLASS_TREE = """
SELECT ?class ?super WHERE {
  GRAPH id:graph-ontology { ?class rdfs:subClassOf ?super FILTER isIRI(?super) }
}"""
_TERM_LABELS = """
SELECT ?term ?label WHERE { GRAPH id:graph-ontology { ?term rdfs:label ?label } }"""
_FACTS = """
SELECT ?s ?p ?o ?g WHERE {
  GRAPH id:graph-provenance { ?g a atkg:Passage }
  GRAPH ?g { ?s ?p ?o }
  FILTER (isIRI(?s) && isIRI(?o) && ?p != rdf:type && STRSTARTS(STR(?o), STR(id:)))
}"""
_DATES = """
SELECT ?s ?date WHERE {
  VALUES ?p { dcterms:date atkg:startDate atkg:launchDate }
  GRAPH id:graph-provenance { ?g a atkg:Passage }
  GRAPH ?g { ?s ?p ?date }
}"""
_RATIFICATIONS = """
SELECT DISTINCT ?state ?instrument ?date WHERE {
  GRAPH id:graph-provenance { ?g a atkg:Passage }
  GRAPH ?g {
    ?r a atkg:Ratification ; atkg:ratifyingState ?state ; atkg:instrument ?instrument ; dcterms:date ?date .
  }
}"""
_MEMBERSHIP_STARTS = """
SELECT DISTINCT ?member ?organization ?role ?date WHERE {
  GRAPH id:graph-provenance { ?g a atkg:Passage }
  GRAPH ?g {
    ?m a org:Membership ; org:member ?member ; org:organization ?organization ; org:role ?role ;
       org:memberDuring ?interval .
  }
  GRAPH ?h { ?interval atkg:startDate ?date }
}"""
_PASSAGES = """
SELECT ?passage ?doc ?paragraph ?text ?label WHERE {
  GRAPH id:graph-provenance {
    ?passage a atkg:Passage ; atkg:inDocument ?doc ; atkg:paragraph ?paragraph ; atkg:text ?text ;
      skos:prefLabel ?label .
  }
}"""
_DOCUMENTS = """
SELECT ?doc ?title ?identifier WHERE {
  GRAPH id:graph-provenance {
    ?doc a atkg:SourceDocument ; dcterms:title ?title .
    OPTIONAL { ?doc dcterms:identifier ?identifier }
  }
}"""

_ROLE_PREDICATE = {
    "atkg:MemberRole": "org:memberOf",
    "atkg:FounderRole": "org:memberOf",
    "atkg:ChairRole": "atkg:chairs",
    "atkg:CoordinatorRole": "atkg:coordinates",
    "atkg:ObserverRole": "atkg:observerOf",
}

Fact = tuple[str, str, str]
"""(subject slug, predicate CURIE, object slug)."""


def short(iri: str) -> str:
    """An IRI as the views name it: individuals by slug, terms as CURIEs.

    >>> short("https://w3id.org/atkg/id/unodc"), short("http://www.w3.org/ns/org#memberOf")
    ('unodc', 'org:memberOf')
    """
    for prefix, namespace in _NAMESPACES:
        if iri.startswith(namespace):
            return prefix + iri[len(namespace) :]
    return iri


def year_of(date: str) -> int | None:
    """The year of an xsd:date, gYearMonth or gYear lexical form (None if it has none).

    >>> year_of("2012-04"), year_of("2008-02-13"), year_of("c. 2010")
    (2012, 2008, None)
    """
    head = date.strip()[:4]
    return int(head) if len(head) == 4 and head.isdigit() else None


@dataclass
class FactBase:
    """The labelled individuals of the graph and the facts between them, in one language."""

    lang: str
    pref_labels: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    alt_labels: dict[str, dict[str, list[str]]] = field(default_factory=lambda: defaultdict(dict))
    types: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    superclasses: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    term_labels: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    facts: dict[Fact, list[str]] = field(default_factory=dict)
    dates: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    fact_dates: dict[Fact, list[str]] = field(default_factory=lambda: defaultdict(list))
    passages: dict[str, str] = field(default_factory=dict)
    """Passage slug -> citation in the chosen language ("Document 000, paragraph 11 (A/63/…)")."""
    passage_text: dict[str, str] = field(default_factory=dict)
    """Passage slug -> the paragraph's French text."""
    passage_doc: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Passage slug -> (document slug, paragraph label)."""
    doc_titles: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    _by_node: dict[str, list[Fact]] | None = field(default=None, repr=False)

    # -- individuals -------------------------------------------------------------------------
    def is_labelled(self, node: str) -> bool:
        return node in self.pref_labels

    def label(self, node: str, lang: str | None = None) -> str:
        labels = self.pref_labels.get(node, {})
        lang = lang or self.lang
        return labels.get(lang) or labels.get("en") or labels.get("fr") or node

    def short_label(self, node: str) -> str:
        """The label drawn on the canvas: the acronym of a long name, in the chosen language.

        An acronym is an altLabel of at most 12 characters, without spaces, starting with a
        capital; the one with the most capitals wins ("ONUDC" over "Office").
        """
        full = self.label(node)
        if len(full) <= 20:
            return full
        acronyms = [
            a
            for a in self.alt_labels.get(node, {}).get(self.lang, [])
            if len(a) <= 12 and " " not in a and a[:1].isupper()
        ]
        if acronyms:
            return min(acronyms, key=lambda a: (-sum(c.isupper() for c in a), len(a), a))
        return full if len(full) <= 40 else full[:38] + "…"

    def ancestors(self, cls: str) -> set[str]:
        seen: set[str] = set()
        todo = [cls]
        while todo:
            for parent in self.superclasses.get(todo.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        return seen

    def names(self, node: str) -> list[str]:
        """Every prefLabel and altLabel of ``node`` in both languages (what search matches)."""
        found = set(self.pref_labels.get(node, {}).values())
        found.update(a for values in self.alt_labels.get(node, {}).values() for a in values)
        return sorted(found)

    def nearest_known(self, cls: str, known) -> str:
        """``cls`` itself if ``known`` has it, else its nearest ancestor (rdfs:subClassOf) that is.

        A class a maintainer adds (``atkg:TaskForce`` under ``atkg:CoordinationMechanism``) then
        draws like its parent without anyone editing the styles. Ties broken by name.
        """
        frontier, seen = [cls], {cls}
        while frontier:
            hits = sorted(c for c in frontier if c in known)
            if hits:
                return hits[0]
            frontier = sorted({p for c in frontier for p in self.superclasses.get(c, ()) if p not in seen})
            seen.update(frontier)
        return cls

    def kind(self, node: str) -> str:
        """The node's most specific type (most ancestors; ties by name), as a CURIE."""
        types = sorted(self.types.get(node, ()))
        if not types:
            return "owl:Thing"
        return max(types, key=lambda t: (len(self.ancestors(t)), t))

    def is_a(self, node: str, cls: str) -> bool:
        return any(t == cls or cls in self.ancestors(t) for t in self.types.get(node, ()))

    def is_agent(self, node: str) -> bool:
        return self.is_a(node, "foaf:Agent")

    def term_label(self, term: str) -> str:
        labels = self.term_labels.get(term, {})
        name = term.split(":", 1)[-1]
        found = labels.get(self.lang) or labels.get("en") or name
        return found[:1].upper() + found[1:]

    # -- facts -------------------------------------------------------------------------------
    def labelled_facts(self) -> list[Fact]:
        """Facts whose two ends are labelled individuals (not memberships, intervals, figures)."""
        return [f for f in self.facts if self.is_labelled(f[0]) and self.is_labelled(f[2])]

    def year(self, fact: Fact) -> int | None:
        """When a fact happened: its own date (ratification, membership period) or its subject's."""
        dates = self.fact_dates.get(fact) or self.dates.get(fact[0], [])
        years = [y for y in (year_of(d) for d in dates) if y is not None]
        return min(years) if years else None

    def node_year(self, node: str) -> int | None:
        years = [y for y in (year_of(d) for d in self.dates.get(node, [])) if y is not None]
        return min(years) if years else None

    def facts_of(self, node: str) -> list[Fact]:
        """Labelled facts with ``node`` at either end, in fact order."""
        if self._by_node is None:
            index: dict[str, list[Fact]] = defaultdict(list)
            for fact in self.labelled_facts():
                index[fact[0]].append(fact)
                if fact[2] != fact[0]:
                    index[fact[2]].append(fact)
            self._by_node = index
        return self._by_node.get(node, [])

    def document_title(self, doc: str) -> str:
        titles = self.doc_titles.get(doc, {})
        return titles.get(self.lang) or titles.get("fr") or doc

    def sources(self, facts: list[Fact]) -> list[str]:
        """Readable citations of the passages stating any of ``facts``, in document order."""
        passages = sorted({p for f in facts for p in self.facts.get(f, ())}, key=passage_order)
        return [self.passages.get(p, p) for p in passages]


def load_facts(store, lang: str = "en") -> FactBase:
    """Read what the views need from a store (embedded or remote) in one language."""
    if lang not in ("fr", "en"):
        raise UsageError(f"language '{lang}' is not available: use fr or en")
    base = FactBase(lang)
    answers = _answers(store, _QUERIES)
    for row in answers[_LABELS]:
        node, label = short(row["s"].value), row["label"]
        language = label.language or ""
        if row["p"].value.endswith("prefLabel"):
            base.pref_labels[node][language] = label.value
        else:
            base.alt_labels[node].setdefault(language, []).append(label.value)
    for row in answers[_TYPES]:
        base.types[short(row["s"].value)].add(short(row["type"].value))
    for row in answers[_CLASS_TREE]:
        base.superclasses[short(row["class"].value)].add(short(row["super"].value))
    for row in answers[_TERM_LABELS]:
        if row["label"].language:
            base.term_labels[short(row["term"].value)][row["label"].language] = row["label"].value
    facts: dict[Fact, set[str]] = defaultdict(set)
    for row in answers[_FACTS]:
        fact = (short(row["s"].value), short(row["p"].value), short(row["o"].value))
        if fact[1] == "org:hasMember":  # one direction only: the member points to the group
            fact = (fact[2], "org:memberOf", fact[0])
        facts[fact].add(short(row["g"].value))
    base.facts = {f: sorted(facts[f], key=passage_order) for f in sorted(facts)}
    for row in answers[_DATES]:
        base.dates[short(row["s"].value)].append(row["date"].value)
    for row in answers[_RATIFICATIONS]:
        fact = (short(row["state"].value), "atkg:ratified", short(row["instrument"].value))
        base.fact_dates[fact].append(row["date"].value)
    for row in answers[_MEMBERSHIP_STARTS]:
        predicate = _ROLE_PREDICATE.get(short(row["role"].value), "org:memberOf")
        fact = (short(row["member"].value), predicate, short(row["organization"].value))
        base.fact_dates[fact].append(row["date"].value)
    for row in answers[_DOCUMENTS]:
        doc = short(row["doc"].value)
        base.doc_titles[doc][row["title"].language or ""] = row["title"].value
        if row["identifier"] is not None:
            base.doc_titles[doc]["identifier"] = row["identifier"].value
    for row in answers[_PASSAGES]:
        if row["label"].language != lang:
            continue
        passage, doc = short(row["passage"].value), short(row["doc"].value)
        citation = row["label"].value
        identifier = base.doc_titles.get(doc, {}).get("identifier")
        base.passages[passage] = citation + (f" ({identifier})" if identifier else "")
        base.passage_text[passage] = row["text"].value
        base.passage_doc[passage] = (doc, row["paragraph"].value)
    for values in (*base.dates.values(), *base.fact_dates.values()):
        values.sort()
    return base


_QUERIES = (
    _LABELS,
    _TYPES,
    _CLASS_TREE,
    _TERM_LABELS,
    _FACTS,
    _DATES,
    _RATIFICATIONS,
    _MEMBERSHIP_STARTS,
    _DOCUMENTS,
    _PASSAGES,
)


def _answers(store, queries) -> dict[str, object]:
    """Each query's rows, the queries run side by side (kg.sidebyside): each answer is written by
    the engine as SPARQL TSV (lossless, and compact: at 1.6M quads the peak rises by 75 MB, where
    the rows as objects took 500 MB more), read back here in the order above (27.5 s -> 17.8 s
    for a view of 5,000 nodes)."""
    import pyoxigraph as ox

    from kg.sidebyside import side_by_side

    tsv = ox.QueryResultsFormat.TSV
    payloads = side_by_side(lambda query: store.query(query).serialize(format=tsv), queries)
    return {
        query: ox.parse_query_results(payload, format=tsv)
        for query, payload in zip(queries, payloads, strict=True)
    }
