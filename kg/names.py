"""Turning what people type (an acronym, a label in French or English, an ISO code, a slug, an
IRI) into the one individual they mean, or saying clearly why it cannot.

Three steps, the first that finds something wins: the exact slug, IRI or ISO code; then every
label, acronym and variant in both languages, folded for case, accents and punctuation ("oit",
"OIT" and "Organisation internationale du Travail" all find ``id:ilo``; "UNGIFT" finds "UN.GIFT");
then, only to explain a failure, fuzzy matching (rapidfuzz) ranks suggestions that name each
candidate's type and label. A name that fits several individuals is an error listing them. A
merged entity's old slug answers for the entity it was merged into (``dcterms:isReplacedBy``).

Against a store the lookup is indexed, never a scan of all labels: ``atkg build`` and the bulk
loader write ``id:graph-names`` (``?entity atkg:nameKey "folded name"``, :func:`write_name_index`)
and ``StoreResolver`` asks for one key at a time; the whole key list is read only on the failure
path, to rank suggestions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from kg.errors import UsageError
from kg.namespace import ATKG, GRAPH_ENTITIES, GRAPH_PROVENANCE, ID, PREFIXES, shorten
from kg.rdfio import Quad
from kg.textmatch import fold

__all__ = [
    "Resolver",
    "StoreResolver",
    "expand_curie",
    "name_keys",
    "name_index",
    "name_quads",
    "write_name_index",
    "GRAPH_NAMES",
    "slug",
]

GRAPH_NAMES = ID["graph-names"]
_LABEL_PREDICATES = (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
_NAME_PREDICATES = (*_LABEL_PREDICATES, ATKG.iso3166Alpha3, ATKG.iso3166Alpha2)
_SEARCHED = (str(SKOS.prefLabel), str(SKOS.altLabel))  # the labels queries/label-search.rq searches


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


def name_keys(text: str) -> list[str]:
    """The folded forms a name is found by: words (``un gift``) and squashed (``ungift``).

    >>> name_keys("UN.GIFT"), name_keys("Organisation internationale du Travail")[0]
    (['un gift', 'ungift'], 'organisation internationale du travail')
    """
    words = fold(text).strip()
    squashed = words.replace(" ", "")
    return [k for k in dict.fromkeys((words, squashed)) if k]


def _is_individual(node: object) -> bool:
    return isinstance(node, URIRef) and str(node).startswith(str(ID))


# What the index is made of, read by three lookups the engine answers from its indexes (a graph
# and a predicate): labels and codes (of the entities, and of the documents and passages in the
# provenance graph: "Document 003, paragraph 38", "Document 003, paragraphe 38", a symbol such as
# "A/63/90"), slugs of typed individuals, and the old slugs of merged ones. The same names the
# scan of a store's labels (``Resolver.from_store``) knows; passages and documents also answer to
# their slugs, which the provenance graph types. Filtering and folding happen in Python, row by
# row: the engine's string functions cost more than they save here.
_NAMED_GRAPHS = (GRAPH_ENTITIES, GRAPH_PROVENANCE)


def _labels_query(graphs: tuple[URIRef, ...] = ()) -> str:
    """Every label and ISO code (``?e ?p ?label``) stated in ``graphs``, with the graph (``?g``);
    with none, in the store's default graph (the union of its graphs on an embedded store: the
    scan of a store of unknown layout, :meth:`Resolver.from_store`)."""
    predicates = " ".join(f"<{p}>" for p in _NAME_PREDICATES)
    if not graphs:
        return f"SELECT ?e ?p ?label WHERE {{ VALUES ?p {{ {predicates} }} ?e ?p ?label }}"
    values = " ".join(f"<{g}>" for g in graphs)
    pattern = f"VALUES ?g {{ {values} }} GRAPH ?g {{ ?e ?p ?label }}"
    return f"SELECT ?e ?p ?label ?g WHERE {{ VALUES ?p {{ {predicates} }} {pattern} }}"


_NAME_TYPED_QUERY = "SELECT DISTINCT ?e WHERE { GRAPH id:graph-entities { ?e a ?type } }"
# merge redirects only: a successor organisation (typed, described) keeps its own names
_REPLACED_QUERY = """
SELECT ?old ?e WHERE {
  GRAPH id:graph-entities { ?old dcterms:isReplacedBy ?e FILTER NOT EXISTS { ?old a ?type } }
}"""


def _name_texts(store, search_texts: dict[str, list[str]] | None = None) -> Iterator[tuple[object, str]]:
    """(individual, text it is found by) pairs of an Oxigraph store, streamed; with
    ``search_texts``, also collects the preferred and alternative labels of every subject of
    the entity graph there (the labels ``label-search`` searches), from the same rows."""
    import pyoxigraph as ox

    prefix = str(ID)
    entities, searched = str(GRAPH_ENTITIES), _SEARCHED
    for e, p, label, g in store.query(_labels_query(_NAMED_GRAPHS)):
        if not (isinstance(e, ox.NamedNode) and isinstance(label, ox.Literal)):
            continue
        if search_texts is not None and p.value in searched and g.value == entities:
            search_texts.setdefault(e.value, []).append(label.value)
        if e.value.startswith(prefix):
            yield e, label.value
    for (e,) in store.query(_NAME_TYPED_QUERY, prefixes=PREFIXES):
        if isinstance(e, ox.NamedNode) and e.value.startswith(prefix):
            yield e, e.value.removeprefix(prefix)
    for old, e in store.query(_REPLACED_QUERY, prefixes=PREFIXES):
        if isinstance(e, ox.NamedNode):
            yield e, old.value.removeprefix(prefix)


def search_text(labels: Iterable[str]) -> str:
    """One subject's labels as the text ``label-search`` scans first: distinct, sorted, one per
    line. Why: the engine reads a label's text from disk before it can test it, and the entity
    graph has three times more labels than labelled subjects; the labels of the subjects whose
    text holds the words are then tested one by one, so the answer stays the same.

    >>> search_text(["Office des Nations Unies", "ONUDC", "ONUDC"])
    'ONUDC\\nOffice des Nations Unies'
    """
    return "\n".join(sorted(set(labels)))


def _index_entries(store) -> Iterator[tuple[str, str, str]]:
    """(subject, predicate IRI, text) of every ``id:graph-names`` statement of a store: the
    folded keys, then the search texts."""
    texts: dict[str, list[str]] = {}
    key, searched = str(ATKG.nameKey), str(ATKG.searchText)
    for node, text in _name_texts(store, texts):
        for folded in name_keys(text):
            yield node.value, key, folded
    for subject in sorted(texts):
        yield subject, searched, search_text(texts.pop(subject))


def name_index(store) -> Iterator:
    """The ``id:graph-names`` quads of an Oxigraph store (``pyoxigraph.Quad``), streamed from its
    labels: every folded label, code and slug of every individual, and the old slugs of merged
    ones under the entity that stays (``atkg:nameKey``), then each labelled subject's search text
    (``atkg:searchText``, :func:`search_text`). Duplicates are left to the store, which keeps a set."""
    import pyoxigraph as ox

    graph = ox.NamedNode(str(GRAPH_NAMES))
    for subject, predicate, text in _index_entries(store):
        yield ox.Quad(ox.NamedNode(subject), ox.NamedNode(predicate), ox.Literal(text), graph)


def write_name_index(store) -> int:
    """(Re)write ``id:graph-names`` of an Oxigraph store from its labels; the number of name keys.

    How every store atkg queries gets its indexed lookups: ``atkg build`` calls it before writing
    the store, and the bulk loader after loading a graph written elsewhere (an export, a synthetic
    graph), so the index always matches the labels of the store it sits in."""
    import pyoxigraph as ox

    from kg.splitload import load_chunks

    graph = ox.NamedNode(str(GRAPH_NAMES))
    if next(iter(store.quads_for_pattern(None, None, None, graph)), None) is not None:
        store.remove_graph(graph)  # an imported index may be stale: derive it again
    load_chunks(store, _name_index_nquads(store))
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH_NAMES}> {{ ?e <{ATKG.nameKey}> ?k }} }}"
    return int(next(iter(store.query(count)))[0].value)


def _name_index_nquads(store, chunk_lines: int = 200_000) -> Iterator[bytes]:
    """:func:`name_index` as N-Quads text, in chunks of whole lines.

    Text rather than pyoxigraph quads: making a ``Quad`` per key and ``bulk_extend`` took 17 s
    for the 1.3M keys of 1.6M quads, the text and two loaders 8 s. A folded key (letters, digits,
    single spaces) needs no escaping in a literal; a search text is written by pyoxigraph (``str``
    of a ``Literal`` escapes it); an IRI read from the store is already valid N-Quads in ``<>``."""
    import pyoxigraph as ox

    key, end = str(ATKG.nameKey), f" <{GRAPH_NAMES}> .\n"
    lines: list[str] = []
    for subject, predicate, text in _index_entries(store):
        literal = f'"{text}"' if predicate == key else str(ox.Literal(text))
        lines.append(f"<{subject}> <{predicate}> {literal}{end}")
        if len(lines) >= chunk_lines:
            yield "".join(lines).encode()
            lines = []
    if lines:
        yield "".join(lines).encode()


def name_quads(quads: Iterable[Quad]) -> list[Quad]:
    """The ``id:graph-names`` index of a graph given as rdflib quads, sorted (what
    :func:`write_name_index` writes, for a graph that is not in a store yet)."""
    import pyoxigraph as ox

    from kg.rdfio import from_ox, to_ox

    store = ox.Store()
    store.extend(ox.Quad(*map(to_ox, quad)) for quad in quads)
    return sorted(
        {tuple(map(from_ox, (q.subject, q.predicate, q.object, q.graph_name))) for q in name_index(store)}
    )


@dataclass
class Resolver:
    """An index from folded names to the individuals that carry them."""

    by_name: dict[str, set[URIRef]] = field(default_factory=lambda: defaultdict(set))
    pref_labels: dict[URIRef, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    known: set[URIRef] = field(default_factory=set)
    replaced: dict[URIRef, URIRef] = field(default_factory=dict)  # merged IRI -> the one that stays
    types: dict[URIRef, set[URIRef]] = field(default_factory=lambda: defaultdict(set))

    def add(self, node: URIRef, predicate: URIRef, label: str, language: str | None = None) -> None:
        if not _is_individual(node):
            return
        self.known.add(node)
        for key in name_keys(label):
            self.by_name[key].add(node)
        if predicate == SKOS.prefLabel and language:
            self.pref_labels[node][language] = label

    @classmethod
    def from_quads(cls, quads: Iterable[Quad]) -> Resolver:
        resolver = cls()
        for s, p, o, _ in quads:
            if not isinstance(s, URIRef):
                continue
            if p in _NAME_PREDICATES:
                if isinstance(o, Literal):
                    resolver.add(s, p, str(o), o.language)
            elif p == RDF.type and _is_individual(s):
                resolver.known.add(s)
                resolver.types[s].add(o)
            elif p == DCTERMS.isReplacedBy and isinstance(o, URIRef) and _is_individual(s):
                resolver.replaced[s] = o
        # a redirect is an IRI left by a merge, with no description; an organisation succeeded by
        # another (UNIFEM -> UN-Women) keeps its type and labels and still answers for itself
        resolver.replaced = {s: o for s, o in resolver.replaced.items() if s not in resolver.types}
        return resolver

    @classmethod
    def from_store(cls, store) -> Resolver:
        """Every label of a store, scanned (the fallback for a store built without graph-names)."""
        import pyoxigraph as ox

        resolver = cls()
        for node, predicate, label in store.query(_labels_query()):
            if isinstance(node, ox.NamedNode) and isinstance(label, ox.Literal):  # add() keeps id: only
                resolver.add(URIRef(node.value), URIRef(predicate.value), label.value, label.language)
        for row in store.query(
            'SELECT DISTINCT ?s WHERE { ?s a ?t FILTER STRSTARTS(STR(?s), "https://w3id.org/atkg/id/") }'
        ):
            resolver.known.add(URIRef(row["s"].value))
        for old, node in store.query(_REPLACED_QUERY):
            resolver.replaced[URIRef(old.value)] = URIRef(node.value)
        return resolver

    def current(self, node: URIRef) -> URIRef:
        """The IRI that stands for ``node`` now: a merged entity's answers go to the one it was
        merged into (``dcterms:isReplacedBy`` on an IRI with no description, followed to its end)."""
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
        for key in name_keys(name):
            found = self.by_name.get(key)
            if found:
                return sorted({self.current(n) for n in found})
        return []

    def resolve(self, name: str, what: str = "entity") -> URIRef:
        """The one individual ``name`` means; a UsageError naming candidates otherwise."""
        found = self.candidates(name)
        if len(found) == 1:
            return found[0]
        raise UsageError(self.explain(name, what, found))

    def explain(self, name: str, what: str, found: list[URIRef]) -> str:
        shown = " ".join(name.split())  # the error stays on one line whatever was typed
        if found:
            listed = ", ".join(f"{slug(n)} ({self.label(n)})" for n in found)
            return f"{what} '{shown}' is ambiguous: it could be {listed}; give the slug"
        near = self.suggest(name)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        return f"{what} '{shown}' not found{hint}"

    def ranked(self, name: str, limit: int = 3) -> list[URIRef]:
        """The individuals whose names are closest to ``name`` (rapidfuzz), best first: acronyms
        by Jaro-Winkler (a shared first letter counts: "GMM" is nearer "GMG" than "MMR"), longer
        names by edit distance over characters and over sorted words."""
        from rapidfuzz import process

        needle = fold(name).strip()
        if len(needle) < 2 or not self.by_name:
            return []
        short = len(needle.replace(" ", "")) <= 5
        scorer, cutoff = (_acronym_score, 80) if short else (_words_score, 70)
        hits = process.extract(needle, list(self.by_name), scorer=scorer, limit=40, score_cutoff=cutoff)
        best: dict[URIRef, float] = {}
        for key, score, _ in hits:
            for node in self.by_name[key]:
                node = self.current(node)
                best[node] = max(best.get(node, 0.0), score)
        top = max(best.values(), default=0.0)
        near = [n for n in best if best[n] >= top - 10]  # only those about as close as the closest
        return sorted(near, key=lambda n: (-best[n], slug(n)))[:limit]

    def describe(self, node: URIRef) -> str:
        kinds = ", ".join(sorted(shorten(t) for t in self.types.get(node, ())))
        return f"{slug(node)} ({kinds + ', ' if kinds else ''}{self.label(node)})"

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """ "Did you mean" hints, best first: slug (type, label)."""
        return [self.describe(n) for n in self.ranked(name, limit)]


def _acronym_score(a: str, b: str, **_: object) -> float:
    from rapidfuzz.distance import JaroWinkler

    return JaroWinkler.normalized_similarity(a, b) * 100


def _words_score(a: str, b: str, **_: object) -> float:
    from rapidfuzz import fuzz

    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b), fuzz.token_set_ratio(a, b) - 10)


class StoreResolver:
    """Names resolved against a built store by indexed lookups in ``id:graph-names``."""

    def __init__(self, store) -> None:
        self.store = store
        self._indexed: bool | None = None  # does the store have graph-names? asked once

    def _rows(self, text: str) -> list:
        return list(self.store.query(text))

    def _has_index(self) -> bool:
        if self._indexed is None:
            probe = f"SELECT ?e WHERE {{ GRAPH <{GRAPH_NAMES}> {{ ?e ?p ?k }} }} LIMIT 1"
            self._indexed = bool(self._rows(probe))
        return self._indexed

    def _with_key(self, key: str) -> list[URIRef]:
        import pyoxigraph as ox

        pattern = f"?e <{ATKG.nameKey}> {ox.Literal(key)}"
        rows = self._rows(f"SELECT DISTINCT ?e WHERE {{ GRAPH <{GRAPH_NAMES}> {{ {pattern} }} }}")
        return sorted(URIRef(r["e"].value) for r in rows)

    def _exists(self, node: URIRef) -> bool:
        """An individual with names, or a passage or document (named by its slug alone)."""
        named = f"GRAPH <{GRAPH_NAMES}> {{ <{node}> <{ATKG.nameKey}> ?k }}"
        cited = f"GRAPH <{GRAPH_PROVENANCE}> {{ <{node}> a ?k }}"
        return bool(self._rows(f"SELECT ?k WHERE {{ {{ {named} }} UNION {{ {cited} }} }} LIMIT 1"))

    def _replacement(self, node: URIRef) -> URIRef:
        for _ in range(10):
            pattern = f"<{node}> <{DCTERMS.isReplacedBy}> ?o FILTER NOT EXISTS {{ <{node}> a ?type }}"
            rows = self._rows(f"SELECT ?o WHERE {{ GRAPH <{GRAPH_ENTITIES}> {{ {pattern} }} }} LIMIT 1")
            if not rows:
                return node
            node = URIRef(rows[0]["o"].value)
        return node

    def candidates(self, name: str) -> list[URIRef]:
        name = name.strip()
        iri = expand_curie(name)
        if iri is None and name and all(c.isalnum() or c in "-_." for c in name):
            iri = ID[name]
        if iri is not None and not any(c in '<>"{}|^`\\' or c.isspace() for c in iri):
            current = self._replacement(iri)
            if self._exists(current):
                return [current]
            if expand_curie(name) is not None:
                return []
        for key in name_keys(name):
            found = self._with_key(key)
            if found:
                return found
        return []

    def resolve(self, name: str, what: str = "entity") -> URIRef:
        if not self._has_index():
            return Resolver.from_store(self.store).resolve(name, what)  # built before graph-names
        found = self.candidates(name)
        if len(found) == 1:
            return found[0]
        return self._fail(name, what, found)

    def _fail(self, name: str, what: str, found: list[URIRef]):
        """The failure path: labels and types of the few candidates, all keys for suggestions."""
        resolver = Resolver()
        if not found:
            for row in self._rows(
                f"SELECT ?e ?k WHERE {{ GRAPH <{GRAPH_NAMES}> {{ ?e <{ATKG.nameKey}> ?k }} }}"
            ):
                resolver.by_name[row["k"].value].add(URIRef(row["e"].value))
        nodes = found or resolver.ranked(name)
        if nodes:
            values = " ".join(f"<{n}>" for n in nodes)
            graphs = f"VALUES ?g {{ <{GRAPH_ENTITIES}> <{GRAPH_PROVENANCE}> }}"  # passages: provenance
            for row in self._rows(
                f"SELECT ?e ?p ?o WHERE {{ VALUES ?e {{ {values} }} {graphs} GRAPH ?g {{ ?e ?p ?o }} "
                f"VALUES ?p {{ <{SKOS.prefLabel}> <{RDF.type}> }} }}"
            ):
                node, term = URIRef(row["e"].value), row["o"]
                if row["p"].value == str(RDF.type):
                    resolver.types[node].add(URIRef(term.value))
                elif term.language:
                    resolver.pref_labels[node][term.language] = term.value
        raise UsageError(resolver.explain(name, what, found))


def slug(node: URIRef) -> str:
    return str(node).removeprefix(str(ID))
