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

A parameter is ``name | kind | default | description``; kinds are ``entity`` (an acronym, a label
in either language, a slug or an IRI, resolved through the labels), ``date`` (YYYY-MM-DD, YYYY-MM
or YYYY), ``year``, ``text`` and ``language`` (fr or en). An empty default leaves the variable
unbound. Every query also sees ``?lang``, the language of label columns (``--lang``).

Values are never pasted into query text as text: each becomes an RDF term (an IRI the resolver
found, or a typed literal whose quotes and backslashes pyoxigraph escapes) in a ``VALUES`` block
put first in the outermost group, where every pattern and filter of the query sees it, on the
embedded store and on a remote endpoint alike. ``sources:`` is a graph pattern over the row's
variables; ``--with-sources`` looks it up inside each passage graph and adds the document and
paragraph behind each row.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.errors import UsageError, ValidationError
from kg.sparql import inject_values

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
    "sources_query",
    "SOURCE_COLUMNS",
]

KINDS = ("entity", "date", "year", "text", "language")
LANGUAGES = ("fr", "en")
SOURCE_COLUMNS = ("document", "paragraph")
_XSD = "http://www.w3.org/2001/XMLSchema#"
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*$")
_FIELDS = ("title", "description", "param", "sources", "example")

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
    sources = fields["sources"][0][1] if fields.get("sources") else None
    return NamedQuery(
        name,
        Path(shown),
        fields["title"][0][1],
        fields["description"][0][1],
        parameters,
        sources,
        fields["example"][0][1],
        text,
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
        if not re.fullmatch(r"\d{4}", value):
            raise UsageError(f"parameter {name}: '{value}' is not a year (four digits, e.g. 2012)")
        return ox.Literal(value, datatype=ox.NamedNode(_XSD + "integer"))
    if kind == "language":
        if value not in LANGUAGES:
            raise UsageError(f"parameter {name}: '{value}' is not a language (fr or en)")
        return ox.Literal(value)
    return ox.Literal(value)


def _date(name: str, value: str) -> ox.Literal:
    """A date at the precision given: xsd:date, xsd:gYearMonth or xsd:gYear, as the data has them."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            datetime.date.fromisoformat(value)
            return ox.Literal(value, datatype=ox.NamedNode(_XSD + "date"))
        if re.fullmatch(r"\d{4}-\d{2}", value) and 1 <= int(value[5:]) <= 12:
            return ox.Literal(value, datatype=ox.NamedNode(_XSD + "gYearMonth"))
        if re.fullmatch(r"\d{4}", value):
            return ox.Literal(value, datatype=ox.NamedNode(_XSD + "gYear"))
    except ValueError:
        pass
    raise UsageError(f"parameter {name}: '{value}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")


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
    if not with_sources:
        return result
    if not isinstance(result, ox.QuerySolutions):
        raise UsageError(f"query {query.name}: --with-sources needs a SELECT query")
    return execute(sources_query(query, terms, result))


def sources_query(query: NamedQuery, terms: Mapping[str, object | None], result: ox.QuerySolutions) -> str:
    """A SELECT that gives back every row of ``result``, once per passage stating its fact, with the
    document and paragraph as two more columns (empty when no passage states it), in row order."""
    columns = [v.value for v in result.variables]
    clash = [c for c in columns if c in SOURCE_COLUMNS]
    if clash:
        raise ValidationError(
            f"query {query.name}: a column is named '{clash[0]}', which --with-sources adds"
        )
    rows = [
        {
            "_row": ox.Literal(str(index), datatype=ox.NamedNode(_XSD + "integer")),
            **{c: solution[c] for c in columns},
        }
        for index, solution in enumerate(result)
    ]
    params = {k: v for k, v in terms.items() if k not in columns}
    projection = " ".join(f"?{c}" for c in (*columns, *SOURCE_COLUMNS))
    body = (
        f"SELECT DISTINCT {projection} WHERE {{\n"
        f"  OPTIONAL {{ GRAPH ?_passage {{ {query.sources} }}\n"
        "    ?_passage a atkg:Passage ; atkg:inDocument ?document ; atkg:paragraph ?paragraph . }\n"
        "}\nORDER BY ?_row ?document STRLEN(?paragraph) ?paragraph\n"
    )
    if not rows:  # no rows: keep the columns, return nothing
        return body.replace("OPTIONAL", "FILTER(false)\n  OPTIONAL", 1)
    text = inject_values(body, rows)
    return inject_values(text, [params]) if params else text


def run_by_name(
    queries_dir: Path,
    location: str | Path,
    name: str,
    pairs: Sequence[str] = (),
    lang: str = "en",
    with_sources: bool = False,
    timeout: float | None = None,
):
    """What `atkg query run` does: find the query, bind its parameters, run it (time-limited)."""
    from kg.store import open_store

    query = find_query(load_pack(queries_dir), name)
    given = parse_param_pairs(query, pairs)
    if timeout is not None and timeout < 0:
        raise UsageError(f"--timeout {timeout:g}: give a number of seconds (0: no limit)")
    store = open_store(location)
    resolvers: list = []

    def resolve(value: str, what: str):
        if not resolvers:  # indexed lookups in id:graph-names, only when an entity parameter is given
            from kg.names import StoreResolver

            resolvers.append(StoreResolver(store))
        return resolvers[0].resolve(value, what)

    terms = bind_values(query, given, resolve, lang)
    if timeout:
        from kg.timeout import run_limited

        return run_named(query, terms, lambda text: run_limited(str(location), text, timeout), with_sources)
    return run_named(query, terms, store.query, with_sources)
