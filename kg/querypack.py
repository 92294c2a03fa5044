"""The analyst query pack: named questions in ``queries/*.rq``, run by name with plain parameters.

Each file starts with a header of ``#`` comment lines, the single source of truth for the CLI and
the docs::

    # title: Members of a mechanism
    # description: Who belongs to a coordination mechanism, in which role and over which
    #   period (continuation lines are indented).
    # param: mechanism | entity | ICAT | the coordination mechanism
    # param: as_of | date | | keep memberships that may be in force on this date
    # sources: ?member org:memberOf ?mechanism
    # example: atkg query run members-of-mechanism --param mechanism=ICAT --param as_of=2010-01-01
    # lists: parties

``lists:`` names columns the query returns one value per row for; the runner folds them into
one sorted ", "-joined cell per row (see ``collapse_lists``: GROUP_CONCAT is not portable).
``needs: PATTERN | what it is`` names an index ``atkg build`` writes that the query reads first
(``label-search``: the search texts): an empty answer from a store without it is an error saying
to rebuild, not "nothing found" (:func:`check_needs`).

A parameter is ``name | kind | default | description``; kinds are ``entity`` (an acronym, a label
in either language, a slug or an IRI, resolved through the labels), ``date`` (YYYY-MM-DD, YYYY-MM
or YYYY), ``year``, ``text`` and ``language`` (fr or en). An empty default leaves the variable
unbound. Every query also sees ``?lang``, the language of label columns (``--lang``).

Values are never pasted into query text as text: each becomes an RDF term (an IRI the resolver
found, or a typed literal whose quotes and backslashes pyoxigraph escapes) in a ``VALUES`` block
put first in the outermost group, where every pattern and filter of the query sees it, on the
embedded store and on a remote endpoint alike. A query may instead say where a parameter's block
goes, with a comment line ``# VALUES ?mechanism`` (one or more parameters) inside a group: each
such line becomes ``VALUES (?mechanism) { (<iri>) }`` and the parameter is not bound first. An
engine does not push a value bound outside into a subquery or into the branches of a UNION
(Oxigraph 0.5 evaluates them whole and joins after: 15 s for `members-of-mechanism` at 1.6M
quads), so a query that restricts a subquery or a UNION by a parameter binds it there (44 ms);
the query's author keeps the answer the same, e.g. by projecting the variable out of the subquery.

``sources:`` is a graph pattern over the row's variables; ``--with-sources`` looks it up inside
each passage graph and adds the document and paragraph behind each row.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.errors import UsageError, ValidationError
from kg.sparql import inject_values as _inject_first

__all__ = [
    "KINDS",
    "Parameter",
    "NamedQuery",
    "parse_header",
    "load_pack",
    "find_query",
    "parse_param_pairs",
    "bind_values",
    "inject_values",
    "run_named",
    "run_by_name",
    "check_needs",
    "bind_named",
    "sources_query",
    "collapse_lists",
    "attach_sources",
    "SOURCE_COLUMNS",
]

KINDS = ("entity", "date", "year", "text", "language")
LANGUAGES = ("fr", "en")
SOURCE_COLUMNS = ("document", "paragraph")
_XSD = "http://www.w3.org/2001/XMLSchema#"
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*$")
_FIELDS = ("title", "description", "param", "sources", "example", "lists", "needs")
# a line of the body saying where a VALUES block for some parameters goes
_SLOT = re.compile(r"^([ \t]*)# VALUES((?:[ \t]+\?[A-Za-z_][A-Za-z0-9_]*)+)[ \t]*$", re.MULTILINE)

# Masks for finding the query's first brace: IRIs, strings and comments may hold braces.


@dataclass(frozen=True)
class Parameter:
    name: str
    kind: str
    default: str
    description: str


@dataclass
class NamedQuery:
    name: str
    path: Path
    title: str
    description: str
    parameters: list[Parameter] = field(default_factory=list)
    sources: str | None = None
    example: str = ""
    text: str = ""
    lists: tuple[str, ...] = ()
    needs: tuple[str, str] | None = None  # (a graph pattern the store must match, what it is)

    def parameter(self, name: str) -> Parameter:
        for parameter in self.parameters:
            if parameter.name == name:
                return parameter
        known = ", ".join(p.name for p in self.parameters) or "none"
        raise UsageError(f"query {self.name} has no parameter '{name}' (it takes: {known})")

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "parameters": [
                {"name": p.name, "kind": p.kind, "default": p.default, "description": p.description}
                for p in self.parameters
            ],
            "example": self.example,
        }


def parse_header(text: str, name: str, shown: str | None = None) -> NamedQuery:
    """The header of one ``.rq`` file; a malformed one is an error naming ``file:line``."""
    shown = shown or f"{name}.rq"
    fields: dict[str, list[tuple[int, str]]] = {}
    last: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#"):
            break
        body = line[1:]
        if body.startswith("   ") and last is not None:  # continuation of the previous field
            first, previous = fields[last][-1]
            fields[last][-1] = (first, f"{previous} {body.strip()}".strip())
            continue
        key, colon, value = body.strip().partition(":")
        if not colon or key not in _FIELDS:
            if body.strip():
                raise ValidationError(
                    f"{shown}:{number}: unknown header line; expected one of "
                    f"{', '.join(f + ':' for f in _FIELDS)}"
                )
            last = None
            continue
        if key != "param" and key in fields:
            raise ValidationError(f"{shown}:{number}: '{key}:' given twice")
        fields.setdefault(key, []).append((number, value.strip()))
        last = key
    for required in ("title", "description", "example"):
        if not fields.get(required) or not fields[required][0][1]:
            raise ValidationError(f"{shown}:1: the header has no '{required}:' line")
    parameters = [_parse_parameter(value, f"{shown}:{number}") for number, value in fields.get("param", [])]
    names = [p.name for p in parameters]
    for duplicate in sorted({n for n in names if names.count(n) > 1}):
        raise ValidationError(f"{shown}: parameter '{duplicate}' declared twice")
    for slot in _SLOT.finditer(text):
        unknown = [v for v in _slot_variables(slot) if v not in names and v != "lang"]
        if unknown:
            number = text.count("\n", 0, slot.start()) + 1
            raise ValidationError(f"{shown}:{number}: '# VALUES' names ?{unknown[0]}, which is no parameter")
    sources = fields["sources"][0][1] if fields.get("sources") else None
    lists = tuple(fields["lists"][0][1].replace(",", " ").split()) if fields.get("lists") else ()
    needs = None
    if fields.get("needs"):
        number, value = fields["needs"][0]
        pattern, bar, what = (part.strip() for part in value.partition("|"))
        if not (pattern and bar and what):
            raise ValidationError(f"{shown}:{number}: 'needs:' is 'graph pattern | what it is'")
        needs = (pattern, what)
    return NamedQuery(
        name,
        Path(shown),
        fields["title"][0][1],
        fields["description"][0][1],
        parameters,
        sources,
        fields["example"][0][1],
        text,
        lists,
        needs,
    )


def check_needs(query: NamedQuery, store) -> None:
    """For an empty answer: is it empty because the store lacks what the query reads first (an
    index ``atkg build`` writes, which a store built by an older atkg does not have)? Then it is
    an error that says so, not "nothing found". Asked only when the answer is empty: one ASK."""
    if query.needs is None:
        return
    pattern, what = query.needs
    if not bool(store.query(f"ASK {{ {pattern} }}")):
        raise ValidationError(
            f"{query.name}: this store has no {what}, so the question cannot be answered: "
            "it was built before they existed; run `atkg build` again (and `atkg publish` for a remote store)"
        )


def _parse_parameter(value: str, where: str) -> Parameter:
    parts = [part.strip() for part in value.split("|")]
    if len(parts) != 4:
        raise ValidationError(f"{where}: a parameter is 'name | kind | default | description'")
    name, kind, default, description = parts
    if not _NAME.match(name) or name == "lang":
        raise ValidationError(
            f"{where}: '{name}' is not a usable parameter name (letters, digits, _; not 'lang')"
        )
    if kind not in KINDS:
        raise ValidationError(f"{where}: kind '{kind}' is not one of {', '.join(KINDS)}")
    if default and kind != "entity":
        _literal(kind, name, default)  # a default that would not bind is a header error
    return Parameter(name, kind, default, description)


def load_pack(queries_dir: Path) -> dict[str, NamedQuery]:
    """Every named query at the top of ``queries/``, by name (the file name without ``.rq``)."""
    pack = {}
    for path in sorted(queries_dir.glob("*.rq")):
        name = path.name.removesuffix(".rq")
        pack[name] = parse_header(path.read_text(encoding="utf-8"), name, str(path))
        pack[name].path = path
    return pack


def find_query(pack: Mapping[str, NamedQuery], name: str) -> NamedQuery:
    if name in pack:
        return pack[name]
    near = [n for n in pack if name.lower() in n or n in name.lower()][:5]
    hint = f"; did you mean {', '.join(near)}?" if near else ""
    raise UsageError(f"no query named '{name}'{hint} (`atkg query list` shows them all)")


def parse_param_pairs(query: NamedQuery, pairs: Sequence[str]) -> dict[str, str]:
    """``["mechanism=ICAT", ...]`` -> values by parameter name; an empty value unbinds a default."""
    values: dict[str, str] = {}
    for pair in pairs:
        name, equals, value = pair.partition("=")
        name = name.strip()
        if not equals or not name:
            raise UsageError(f"--param '{pair}': expected NAME=VALUE")
        query.parameter(name)
        if name in values:
            raise UsageError(f"--param {name} given twice")
        values[name] = value.strip()
    return values


def _slot_variables(slot: re.Match) -> list[str]:
    return [v.lstrip("?") for v in slot.group(2).split()]


def inject_values(sparql: str, rows: Sequence[Mapping[str, object | None]]) -> str:
    """``sparql`` with the VALUES block of ``rows`` (``kg.sparql.inject_values``: first in the
    outer group), except that, for a single row, the variables a ``# VALUES ?a ?b`` line names
    are bound on every such line instead (the variables unbound there are left out).

    >>> import pyoxigraph as ox
    >>> text = "SELECT * WHERE {\\n  { SELECT ?m WHERE {\\n    # VALUES ?m\\n    ?m ?p ?o } }\\n  ?m ?q ?l }"
    >>> print(inject_values(text, [{"m": ox.NamedNode("http://x/m"), "l": ox.Literal("en")}]))
    SELECT * WHERE {
      VALUES (?l) { ("en") }
    <BLANKLINE>
      { SELECT ?m WHERE {
        VALUES (?m) { (<http://x/m>) }
        ?m ?p ?o } }
      ?m ?q ?l }
    """
    slots = list(_SLOT.finditer(sparql)) if len(rows) == 1 else []
    if not slots:
        return _inject_first(sparql, rows)
    row = rows[0]
    placed = {v for slot in slots for v in _slot_variables(slot)}

    def block(slot: re.Match) -> str:
        names = [v for v in _slot_variables(slot) if row.get(v) is not None]
        if not names:
            return slot.group(0)
        cells = " ".join(str(row[v]) for v in names)
        return f"{slot.group(1)}VALUES ({' '.join('?' + v for v in names)}) {{ ({cells}) }}"

    text = _SLOT.sub(block, sparql)
    return _inject_first(text, [{k: v for k, v in row.items() if k not in placed}])


def bind_values(
    query: NamedQuery, given: Mapping[str, str], resolve: Callable[[str, str], object], lang: str = "en"
) -> dict[str, ox.NamedNode | ox.Literal | None]:
    """RDF terms for every parameter (None: unbound), defaults filled in, plus ``lang``."""
    if lang not in LANGUAGES:
        raise UsageError(f"--lang '{lang}': expected one of {', '.join(LANGUAGES)}")
    terms: dict[str, ox.NamedNode | ox.Literal | None] = {}
    for parameter in query.parameters:
        value = given.get(parameter.name, parameter.default)
        if value == "":
            terms[parameter.name] = None
        elif parameter.kind == "entity":
            terms[parameter.name] = ox.NamedNode(str(resolve(value, f"parameter {parameter.name}")))
        else:
            terms[parameter.name] = _literal(parameter.kind, parameter.name, value)
    terms["lang"] = ox.Literal(lang)
    return terms


def _literal(kind: str, name: str, value: str) -> ox.Literal:
    if kind == "date":
        return _date(name, value)
    if kind == "year":
        if not re.fullmatch(r"[0-9]{4}", value):
            raise UsageError(f"parameter {name}: {value!r} is not a year (four digits, e.g. 2012)")
        return ox.Literal(value, datatype=ox.NamedNode(_XSD + "integer"))
    if kind == "language":
        if value not in LANGUAGES:
            raise UsageError(f"parameter {name}: {value!r} is not a language (fr or en)")
        return ox.Literal(value)
    return ox.Literal(value)


def _date(name: str, value: str) -> ox.Literal:
    """A date at the precision given: xsd:date, xsd:gYearMonth or xsd:gYear, as the data has them."""
    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            datetime.date.fromisoformat(value)
            return ox.Literal(value, datatype=ox.NamedNode(_XSD + "date"))
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}", value) and 1 <= int(value[5:]) <= 12:
            return ox.Literal(value, datatype=ox.NamedNode(_XSD + "gYearMonth"))
        if re.fullmatch(r"[0-9]{4}", value):
            return ox.Literal(value, datatype=ox.NamedNode(_XSD + "gYear"))
    except ValueError:
        pass
    raise UsageError(f"parameter {name}: {value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")


def run_named(
    query: NamedQuery,
    terms: Mapping[str, object | None],
    execute: Callable[[str], object],
    with_sources: bool = False,
):
    """Run the query with its parameters bound; ``execute`` runs SPARQL (in-process or time-limited)."""
    if with_sources and not query.sources:
        raise UsageError(
            f"query {query.name} states no facts to source (no 'sources:' line); "
            "run it without --with-sources"
        )
    result = execute(inject_values(query.text, [dict(terms)]))
    if query.lists:
        result = collapse_lists(result, query.lists)
    if not with_sources:
        return result
    if not isinstance(result, ox.QuerySolutions):
        raise UsageError(f"query {query.name}: --with-sources needs a SELECT query")
    return attach_sources(query, terms, result, execute)


def collapse_lists(result, lists: Sequence[str]):
    """One row per distinct value of the other columns, each ``lists`` column holding its values
    sorted and joined with ", " (unbound when there are none), rows in the query's order.

    A query names such columns in its ``lists:`` header and returns one row per element: engines
    disagree on GROUP_CONCAT (Virtuoso 7 drops rows when a GROUP_CONCAT subquery is joined, and
    its order is unspecified everywhere), so lists are assembled here, the same on every store:
    on the answer's cells as text (kg.tsvanswer.fold_lists), read back by pyoxigraph.
    """
    from kg.tsvanswer import fold_lists, term_cells, to_solutions

    columns, rows = term_cells(result)
    return to_solutions(columns, fold_lists(columns, rows, lists))


def _json_term(term) -> str:
    """A term as its W3C SPARQL JSON cell (a string, so rows can be grouped by it)."""
    import json

    if isinstance(term, ox.NamedNode):
        cell = {"type": "uri", "value": term.value}
    elif isinstance(term, ox.BlankNode):
        cell = {"type": "bnode", "value": term.value}
    else:
        cell = {"type": "literal", "value": term.value}
        if term.language:
            cell["xml:lang"] = term.language
        elif term.datatype.value != _XSD + "string":
            cell["datatype"] = term.datatype.value
    return json.dumps(cell, sort_keys=True)


def sources_query(query: NamedQuery, terms: Mapping[str, object | None], rows: Sequence[Mapping]) -> str:
    """A SELECT of (?_row, ?document, ?paragraph): for each of ``rows`` (column -> term), every
    passage stating its fact. A plain join, no OPTIONAL: rows without a passage are added back by
    ``attach_sources``, since some engines (Virtuoso 7) ignore values bound outside an OPTIONAL."""
    used = set(re.findall(r"[?$]([A-Za-z_][A-Za-z0-9_]*)", query.sources or ""))
    # parameters the pattern uses go into every row: one VALUES block (Virtuoso 7 mishandles two)
    params = {k: v for k, v in terms.items() if k in used and not any(k in row for row in rows)}
    cells = [
        {
            "_row": ox.Literal(str(index), datatype=ox.NamedNode(_XSD + "integer")),
            **{c: row.get(c) for c in sorted(used) if c in row},
            **params,
        }
        for index, row in enumerate(rows)
    ]
    body = (
        "SELECT DISTINCT ?_row ?document ?paragraph WHERE {\n"
        f"  GRAPH ?_passage {{ {query.sources} }}\n"
        "  GRAPH id:graph-provenance {\n"
        "    ?_passage a atkg:Passage ; atkg:inDocument ?document ; atkg:paragraph ?paragraph }\n"
        "}\n"
    )
    return inject_values(body, cells)


def attach_sources(query: NamedQuery, terms: Mapping[str, object | None], result, execute) -> object:
    """Every row of ``result``, once per passage stating its fact, with the document and paragraph
    as two more columns (empty when no passage states it), in row order, passages in reading order."""
    import json

    columns = [v.value for v in result.variables]
    clash = [c for c in columns if c in SOURCE_COLUMNS]
    if clash:
        raise ValidationError(
            f"query {query.name}: a column is named '{clash[0]}', which --with-sources adds"
        )
    rows = [{c: solution[c] for c in columns} for solution in result]
    found: dict[int, set[tuple]] = {}
    if rows:
        for hit in execute(sources_query(query, terms, rows)):
            found.setdefault(int(hit["_row"].value), set()).add((hit["document"], hit["paragraph"]))
    bindings = []
    for index, row in enumerate(rows):
        cells = {c: json.loads(_json_term(t)) for c, t in row.items() if t is not None}
        passages = sorted(found.get(index, ()), key=lambda p: (p[0].value, len(p[1].value), p[1].value))
        if not passages:
            bindings.append(cells)
        for document, paragraph in passages:
            bindings.append(
                {
                    **cells,
                    "document": json.loads(_json_term(document)),
                    "paragraph": json.loads(_json_term(paragraph)),
                }
            )
    document = {"head": {"vars": [*columns, *SOURCE_COLUMNS]}, "results": {"bindings": bindings}}
    return ox.parse_query_results(json.dumps(document).encode(), format=ox.QueryResultsFormat.JSON)


def bind_named(
    queries_dir: Path,
    location: str | Path,
    name: str,
    pairs: Sequence[str] = (),
    lang: str = "en",
    timeout: float | None = None,
    store=None,
) -> tuple[NamedQuery, dict[str, ox.NamedNode | ox.Literal | None], float | None]:
    """The named query, its parameters as terms (names resolved) and the time limit, checked as
    `atkg query run` checks them. ``store``, the store at ``location`` if the caller has it open,
    resolves names."""
    from kg.guard import check_timeout, guard_query
    from kg.store import open_store

    query = find_query(load_pack(queries_dir), name)
    given = parse_param_pairs(query, pairs)
    timeout = check_timeout(timeout)
    guard_query(query.text)  # a query file added to queries/ passes the same gate as `atkg sparql`
    resolvers: list = []

    def resolve(value: str, what: str):
        if not resolvers:  # indexed lookups in id:graph-names, only when an entity parameter is given
            from kg.names import StoreResolver

            resolvers.append(StoreResolver(store if store is not None else open_store(location)))
        return resolvers[0].resolve(value, what)

    return query, bind_values(query, given, resolve, lang), timeout


def run_by_name(
    queries_dir: Path,
    location: str | Path,
    name: str,
    pairs: Sequence[str] = (),
    lang: str = "en",
    with_sources: bool = False,
    timeout: float | None = None,
    store=None,
):
    """What `atkg query run` does: find the query, bind its parameters, run it (time-limited).
    ``store``, the store at ``location`` if the caller has it open, resolves names."""
    from kg.timeout import run_limited

    query, terms, timeout = bind_named(queries_dir, location, name, pairs, lang, timeout, store)
    # always in a child, even without a limit: a query that crashes the engine takes the child down
    return run_named(query, terms, lambda text: run_limited(str(location), text, timeout), with_sources)
