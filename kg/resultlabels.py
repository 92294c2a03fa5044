"""Labels beside the entities of a query's answer, and the text behind ``--with-sources``.

A named query answers with IRIs; a reader wants names. :func:`label_result` adds, after every
column holding individuals (``id:`` IRIs), a ``<column>_label`` column in the chosen language
(unless the query has one already), and, after the ``document`` and ``paragraph`` columns that
``--with-sources`` adds, ``document_title`` and ``paragraph_text`` (the paragraph's French text,
whole). Tables then show labels in place of IRIs and shorten long text (:func:`table_rows`).

Labels and texts are read with queries that name their graphs (portable to any endpoint), for
the IRIs of the answer only (a ``VALUES`` block of at most :data:`CHUNK` IRIs per query): reading
every label of the store took seconds at a million quads and timed out over HTTP at eight million.

The answer is handled as SPARQL TSV cells (kg.tsvanswer: each term as N-Triples text), from the
query's child to the printed table or file: at 1.6M quads, building a pyoxigraph term per cell,
then reading it back, cost more than the labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from operator import itemgetter

import pyoxigraph as ox

from kg.output import term_text
from kg.prefixes import PREFIXES
from kg.tsvanswer import (
    cell_term,
    cell_value,
    fold_lists,
    is_iri_cell,
    literal_cell,
    read_tsv,
    term_cells,
    to_solutions,
)

__all__ = ["LabelledResult", "label_result", "run_labelled", "table_rows"]

ID = PREFIXES["id"]
SKOS_PREF_LABEL = PREFIXES["skos"] + "prefLabel"
LABEL_GRAPHS = (ID + "graph-entities", ID + "graph-provenance")
_LABELS = """
SELECT ?s ?label WHERE {
  # one graph per branch: with the graph a VALUES variable, Oxigraph read every label for each
  # block of IRIs (15 s per 1,000 IRIs at 1.6M quads, 75 ms this way)
  { GRAPH id:graph-entities { ?s skos:prefLabel ?label } }
  UNION { GRAPH id:graph-provenance { ?s skos:prefLabel ?label } }
}"""
_SOURCES = """
SELECT ?doc ?title ?paragraph ?text WHERE {
  GRAPH id:graph-provenance {
    ?doc a atkg:SourceDocument ; dcterms:title ?title .
    OPTIONAL { ?passage atkg:inDocument ?doc ; atkg:paragraph ?paragraph ; atkg:text ?text }
  }
}"""
CHUNK = 1000
"""IRIs per label query: a VALUES block this size is one indexed lookup per IRI on every engine."""
TSV = ox.QueryResultsFormat.TSV
TABLE_TEXT = 60
"""Characters of a paragraph (and of a document title) a table shows."""


@dataclass
class LabelledResult:
    columns: list[str]
    cells: list[list[str]]
    """The rows as SPARQL TSV cells (kg.tsvanswer: N-Triples text, "" unbound), in ``columns``
    order."""
    labels: dict[str, str]
    """Entity IRI -> label in the chosen language (for tables)."""
    added: set[str]
    """Columns this module added."""
    payload: bytes | None = None
    """The cells as the SPARQL TSV text they were read from, when nothing changed them."""

    def solutions(self) -> ox.QuerySolutions:
        """The rows as fresh pyoxigraph solutions (csv, tsv and json are written from these)."""
        if self.payload is not None:
            return ox.parse_query_results(self.payload, format=TSV)
        return to_solutions(self.columns, self.cells)

    @cached_property
    def rows(self) -> list[list[object | None]]:
        """pyoxigraph terms (or None: unbound), one list per row, in ``columns`` order: read on
        first use (`query run` prints from the cells, and never reads them)."""
        return [list(solution) for solution in self.solutions()]


def run_labelled(
    queries_dir,
    location,
    name: str,
    pairs=(),
    lang: str = "en",
    with_sources: bool = False,
    timeout: float | None = None,
):
    """What `atkg query run` prints, before formatting: the answer of the named question
    (:func:`kg.querypack.run_by_name`) with its labels and sources; an ASK or CONSTRUCT answer as
    it is. One function, so the benchmarks time what a user waits for.

    Without sources, the answer stays the child's TSV text (kg.tsvanswer) until its labels are
    in: its lists folded and its label columns added on the cells as text, then read once."""
    from kg.querypack import bind_named, collapse_lists, inject_values, run_named
    from kg.store import DeferredStore, open_store
    from kg.timeout import run_limited, start_limited

    # once, for the names of the parameters and of the answer; opened when first needed
    store = open_store(location, deferred=True)
    query, terms, limit = bind_named(queries_dir, location, name, pairs, lang, timeout, store)
    if with_sources:
        execute = lambda text: run_limited(str(location), text, limit)  # noqa: E731
        result = run_named(query, terms, execute, with_sources)
        return _checked(query, store, label_result(store, result, lang, with_sources))
    running = start_limited(str(location), inject_values(query.text, [dict(terms)]))
    if isinstance(store, DeferredStore):  # opened while the child starts
        try:
            store.open()
        except BaseException:
            running.stop()
            raise
    answer = running.result(limit, tsv=True)
    if not isinstance(answer, bytes):  # ASK or CONSTRUCT
        return collapse_lists(answer, query.lists) if query.lists else answer
    columns, rows = read_tsv(answer)
    if query.lists:
        labelled = label_cells(store, columns, fold_lists(columns, rows, query.lists), lang)
    else:
        labelled = label_cells(store, columns, rows, lang, payload=answer)
    return _checked(query, store, labelled)


def _checked(query, store, result: LabelledResult) -> LabelledResult:
    from kg.querypack import check_needs

    if not result.cells:
        check_needs(query, store)  # empty because the store lacks an index the query reads?
    return result


def label_result(store, result, lang: str, with_sources: bool = False) -> LabelledResult:
    """``result`` (SELECT solutions) with label columns, and source text if ``with_sources``."""
    return label_cells(store, *term_cells(result), lang, with_sources)


def label_cells(
    store,
    columns: list[str],
    raw: list[list[str]],
    lang: str,
    with_sources: bool = False,
    payload: bytes | None = None,
) -> LabelledResult:
    """:func:`label_result` of an answer as TSV cells (kg.tsvanswer: N-Triples text, "" unbound);
    ``payload``, the TSV text they were read from, is kept when no column is added."""
    entity = "<" + ID  # the cell of an individual's IRI starts so
    # a column's cells as one text, searched at C speed (no cell holds a line break)
    entity_columns = [
        i
        for i, c in enumerate(columns)
        if not (with_sources and c == "document")
        and f"\n{entity}" in "\n" + "\n".join(map(itemgetter(i), raw))
    ]
    wanted = {
        cell[1:-1] for i in entity_columns for cell in set(map(itemgetter(i), raw)) if cell.startswith(entity)
    }
    # a label the query gives beside an entity, in the chosen language, is the one shown (a named
    # thing has exactly one per language: shapes.ttl); the others are looked up
    given: dict[str, tuple[str, str]] = {}
    tagged = f'"@{lang}'  # the end of a literal's cell in the chosen language
    for i in entity_columns:
        if f"{columns[i]}_label" in columns:
            at = columns.index(f"{columns[i]}_label")
            for cell, label in zip(map(itemgetter(i), raw), map(itemgetter(at), raw), strict=True):
                if not (label.endswith(tagged) and is_iri_cell(cell)):
                    continue
                iri, value = cell[1:-1], cell_value(label)
                known = given.get(iri)
                if known is None or value < known[0]:
                    given[iri] = (value, lang)
    labels = _labels(store, lang, wanted - given.keys()) if wanted - given.keys() else {}
    labels.update(given)
    document_index = columns.index("document") if with_sources and "document" in columns else None
    documents = (
        {cell_value(r[document_index]) for r in raw if is_iri_cell(r[document_index])}
        if document_index is not None
        else set()
    )
    titles, texts = _sources(store, lang, documents) if with_sources else ({}, {})
    out_columns: list[str] = []
    plan: list[tuple[int, str]] = []
    for i, c in enumerate(columns):
        out_columns.append(c)
        plan.append((i, ""))
        extra = None
        if i in entity_columns and f"{c}_label" not in columns:
            extra = (f"{c}_label", "label")
        elif with_sources and c == "document":
            extra = ("document_title", "title")
        elif with_sources and c == "paragraph":
            extra = ("paragraph_text", "text")
        if extra and extra[0] not in columns:
            out_columns.append(extra[0])
            plan.append((i, extra[1]))

    def title_of(cell: str, r: list[str]) -> str:
        title = titles.get(cell_value(cell))
        return literal_cell(*title) if title else ""

    def text_of(cell: str, r: list[str]) -> str:
        doc = r[document_index] if document_index is not None else ""
        text = texts.get((cell_value(doc), cell_value(cell))) if doc else None
        return literal_cell(text, "fr") if text is not None else ""

    # the cell of each entity's label, for the columns given one; an unlabelled individual shows
    # its slug
    label_of = {
        cell: literal_cell(*labels[cell[1:-1]])
        if cell[1:-1] in labels
        else literal_cell(cell[len(entity) : -1])
        for i, what in plan
        if what == "label"
        for cell in {r[i] for r in raw}
        if cell.startswith(entity)
    }
    added_cell = {"label": lambda cell, r: label_of.get(cell, ""), "title": title_of, "text": text_of}
    steps = [(i, added_cell[what] if what else None) for i, what in plan]
    if len(plan) != len(columns):  # else nothing added (the query labels its entities itself)
        raw, payload = (
            [[r[i] if add is None or not r[i] else add(r[i], r) for i, add in steps] for r in raw],
            None,
        )
    added = set(out_columns) - set(columns)
    shown = {k: v[0] for k, v in labels.items()}
    return LabelledResult(out_columns, raw, shown, added, payload)


def _rows(store, query: str, variable: str, iris: set[str]):
    """The rows of ``query`` with ``?variable`` bound to ``iris``, :data:`CHUNK` IRIs per query."""
    from kg.sparql import inject_values

    ordered = sorted(iris)
    for start in range(0, len(ordered), CHUNK):
        rows = [{variable: ox.NamedNode(iri)} for iri in ordered[start : start + CHUNK]]
        yield from store.query(inject_values(query, rows))


def _labels(store, lang: str, iris: set[str]) -> dict[str, tuple[str, str]]:
    """IRI -> (label, language) for ``iris``: the chosen language, else English, else French.

    On the embedded store, an indexed lookup per IRI of the answer only (reading every label
    took 9 s at 1.6M quads, whatever the answer): the entity graph's labels first, the provenance graph's
    only when the chosen language was not found there (a named thing has exactly one label per
    language: shapes.ttl). On an endpoint, a query per :data:`CHUNK` IRIs of the answer (reading
    every label timed out over HTTP at 8M quads on Virtuoso)."""
    rank = {"fr": 2, "en": 1} | {lang: 0}
    best: dict[str, tuple[int, str, str]] = {}

    def consider(subject: str, label) -> None:
        if isinstance(label, ox.Literal):
            language = label.language or ""
            key = (rank.get(language, 3), label.value, language)
            if subject not in best or key < best[subject]:
                best[subject] = key

    if hasattr(store, "objects_by_graph"):
        entities, provenance = LABEL_GRAPHS
        for subject in sorted(iris):
            # one lookup for both graphs: half the time for what has no label (an observation)
            found = store.objects_by_graph(subject, SKOS_PREF_LABEL)
            for label in found.get(entities, ()):
                consider(subject, label)
            if best.get(subject, (1,))[0] != 0:
                for label in found.get(provenance, ()):
                    consider(subject, label)
    else:
        for row in _rows(store, _LABELS, "s", iris):
            consider(row["s"].value, row["label"])
    return {s: (v[1], v[2]) for s, v in best.items()}


def _sources(store, lang: str, documents: set[str]):
    titles: dict[str, tuple[str, str]] = {}
    texts: dict[tuple[str, str], str] = {}
    for row in _rows(store, _SOURCES, "doc", documents):
        doc, title = row["doc"].value, row["title"]
        if title.language == lang or doc not in titles:
            titles[doc] = (title.value, title.language or "")
        if row["paragraph"] is not None:
            texts[(doc, row["paragraph"].value)] = row["text"].value
    return titles, texts


def _short(text: str, limit: int = TABLE_TEXT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def table_rows(result: LabelledResult, lang: str = "en") -> tuple[list[str], list[list[str]]]:
    """What a table shows: each entity by its label (no IRI, no separate label column),
    the document by its title, paragraph text shortened; columns headed in ``lang``
    (:func:`kg.headings.column_title`), and the words a query answers with (a role, a kind of tie)
    in ``lang`` (:func:`kg.headings.cell_word`). Read from the answer's cells (no term is built):
    each as :func:`kg.output.term_text` shows its term."""
    from kg.headings import cell_word, column_title

    columns, labels = result.columns, result.labels
    keep = [
        i
        for i, c in enumerate(columns)
        if not (c.endswith("_label") and c[: -len("_label")] in columns) and c not in ("document_title",)
    ]
    headers = [column_title(columns[i], lang) for i in keep]
    title_at = columns.index("document_title") if "document_title" in columns else None

    def shown(cell: str, column: str, row: list[str]) -> str:
        if not cell:  # unbound
            return ""
        if column != "document" and is_iri_cell(cell) and cell[1:-1] in labels:
            return labels[cell[1:-1]]
        if column == "document" and title_at is not None:
            title = row[title_at]
            return _short(cell_value(title), 40) if title else _cell_text(cell)
        if column == "paragraph_text":
            return _short(cell_value(cell))
        if _is_literal(cell) and not _tagged(cell):  # a word the query wrote
            return cell_word(column, cell_value(cell), lang)
        return _cell_text(cell)

    rows = [[shown(row[i], columns[i], row) for i in keep] for row in result.cells]
    return headers, rows


def _is_literal(cell: str) -> bool:
    """A literal's cell: quoted, or a number or boolean written bare."""
    return cell[0] == '"' or cell[0] not in "<_"


def _tagged(cell: str) -> bool:
    """A literal with a language tag (after its closing quote: no tag nor datatype holds one)."""
    return cell[0] == '"' and cell[cell.rindex('"') + 1 : cell.rindex('"') + 2] == "@"


def _cell_text(cell: str) -> str:
    """:func:`kg.output.term_text` of the cell's term."""
    if _is_literal(cell):
        return cell_value(cell)
    if is_iri_cell(cell):
        return term_text(ox.NamedNode(cell[1:-1]))
    if cell.startswith("_:"):
        return cell
    return term_text(cell_term(cell))
