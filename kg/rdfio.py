"""Reading RDF with precise errors, and writing it byte-for-byte reproducibly.

rdflib's TriG and N-Quads output order changes between processes (rdflib #3545), so every file
we write goes through the writers here: graphs, subjects, predicates and objects sorted, one
triple per line (a trailing ``;`` keeps adding a fact a one-line diff). Parsing goes through
Oxigraph, whose errors name the line, and the quads are then handed over as rdflib terms.
"""

from __future__ import annotations

import json
import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF, XSD

from kg.errors import DataSyntaxError
from kg.namespace import PREFIXES

# rdflib logs a full traceback for every ill-typed literal it builds ("2012-02-30"^^xsd:date);
# such literals are user data, reported once by the malformed-date check, not stack traces.
logging.getLogger("rdflib.term").setLevel(logging.ERROR)

__all__ = [
    "Quad",
    "parse_rdf",
    "iter_ox",
    "to_ox",
    "from_ox",
    "write_trig",
    "write_turtle",
    "write_nquads",
    "write_jsonld",
    "canonical_quads",
    "DEFAULT_GRAPH",
]

Term = URIRef | BNode | Literal
Quad = tuple[Term, URIRef, Term, URIRef | BNode]
DEFAULT_GRAPH = DATASET_DEFAULT_GRAPH_ID

_FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
_LINE = re.compile(r"line (\d+)")


def from_ox(term) -> Term:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == str(XSD.string):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.DefaultGraph):
        return DEFAULT_GRAPH
    raise TypeError(f"unsupported term {term!r}")


_OX_TERMS = (ox.NamedNode, ox.BlankNode, ox.Literal, ox.DefaultGraph)


def to_ox(term):
    if isinstance(term, _OX_TERMS):  # already an Oxigraph term (quads streamed from a store)
        return term
    if term == DEFAULT_GRAPH or term is None:
        return ox.DefaultGraph()
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"unsupported term {term!r}")


def parse_rdf(
    source: Path | str, format: str, name: str | None = None, graph: URIRef | None = None
) -> list[Quad]:
    """Quads of a file (or text); a syntax error becomes ``DataSyntaxError('file:line: ...')``.

    ``graph`` puts the triples of a Turtle file into that named graph.
    """
    result: list[Quad] = []
    for quad in iter_ox(source, format, name):
        target = graph if graph is not None else from_ox(quad.graph_name)
        result.append((from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object), target))
    return result


def iter_ox(source: Path | str, format: str, name: str | None = None) -> Iterator[ox.Quad]:
    """The quads of a file (or text) as Oxigraph terms, streamed: what a bulk load consumes without
    building a Python object per term; errors as in :func:`parse_rdf`."""
    shown = name or str(source)
    try:
        if isinstance(source, Path):
            yield from ox.parse(path=str(source), format=_FORMATS[format])
        else:
            yield from ox.parse(input=source.encode("utf-8"), format=_FORMATS[format])
    except SyntaxError as error:
        message = str(error)
        match = _LINE.search(message)
        line = match.group(1) if match else "1"
        detail = message.split(": ", 1)[-1] if ": " in message else message
        detail = re.sub(r" \([^()]*, line \d+\)$", "", detail)
        raise DataSyntaxError(f"{shown}:{line}: {detail}") from None
    except OSError as error:
        raise DataSyntaxError(f"{shown}: {error.strerror or error}") from None


def canonical_quads(quads: Iterable[Quad]) -> list[Quad]:
    """Relabel blank nodes canonically (RDFC-1.0) so output does not depend on parse order."""
    quads = list(quads)
    if not any(isinstance(t, BNode) for q in quads for t in q):
        return quads
    dataset = ox.Dataset(ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g)) for s, p, o, g in quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return [
        (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), from_ox(q.graph_name)) for q in dataset
    ]


# ---- term formatting ----------------------------------------------------------------------

_LOCAL = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_-]*$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^[+-]?\d*\.\d+$")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _escape(text: str) -> str:
    return "".join(_ESCAPES.get(char, char) for char in text)


def _iri(term: URIRef, prefixes: Mapping[str, str] | None) -> str:
    value = str(term)
    if prefixes:
        # longest namespace first, so id: never shadows a longer, more specific one
        for prefix, namespace in sorted(prefixes.items(), key=lambda kv: -len(kv[1])):
            if value.startswith(namespace) and _LOCAL.match(value[len(namespace) :]):
                return f"{prefix}:{value[len(namespace) :]}"
    return "<" + value.replace(">", "%3E") + ">"


def format_term(term: Term, prefixes: Mapping[str, str] | None = None) -> str:
    """A term as Turtle/TriG (with prefixes) or N-Quads (without) text."""
    if isinstance(term, URIRef):
        return _iri(term, prefixes)
    if isinstance(term, BNode):
        return f"_:{term}"
    lexical = f'"{_escape(str(term))}"'
    if term.language:
        return f"{lexical}@{term.language}"
    datatype = term.datatype
    if datatype is None or datatype == XSD.string:
        return lexical
    if prefixes is not None and (
        (datatype == XSD.integer and _INTEGER.match(str(term)))
        or (datatype == XSD.decimal and _DECIMAL.match(str(term)))
    ):
        return str(term)
    return f"{lexical}^^{_iri(datatype, prefixes)}"


def _sort_key(term: Term) -> tuple:
    if isinstance(term, URIRef):
        return (0, str(term), "", "")
    if isinstance(term, BNode):
        return (1, str(term), "", "")
    return (2, str(term), term.language or "", str(term.datatype or ""))


def _predicate_key(predicate: URIRef) -> tuple:
    return (predicate != RDF.type, str(predicate))


def _block(
    triples: Iterable[tuple[Term, URIRef, Term]], prefixes: Mapping[str, str], indent: str
) -> list[str]:
    by_subject: dict[Term, list[tuple[URIRef, Term]]] = defaultdict(list)
    for s, p, o in triples:
        by_subject[s].append((p, o))
    lines: list[str] = []
    for subject in sorted(by_subject, key=_sort_key):
        if lines:
            lines.append("")
        lines.append(indent + format_term(subject, prefixes))
        pairs = sorted(set(by_subject[subject]), key=lambda po: (_predicate_key(po[0]), _sort_key(po[1])))
        for predicate, obj in pairs:
            verb = "a" if predicate == RDF.type else format_term(predicate, prefixes)
            lines.append(f"{indent}    {verb} {format_term(obj, prefixes)} ;")
        lines.append(indent + "    .")
    return lines


def _header(prefixes: Mapping[str, str]) -> list[str]:
    return [f"@prefix {p}: <{iri}> ." for p, iri in sorted(prefixes.items())] + [""]


def write_trig(quads: Iterable[Quad], prefixes: Mapping[str, str] = PREFIXES) -> str:
    """TriG with every named graph sorted by name; triples of the default graph come first."""
    graphs: dict[Term, list[tuple[Term, URIRef, Term]]] = defaultdict(list)
    for s, p, o, g in canonical_quads(quads):
        graphs[g].append((s, p, o))
    lines = _header(prefixes)
    if DEFAULT_GRAPH in graphs:
        lines += _block(graphs.pop(DEFAULT_GRAPH), prefixes, "") + [""]
    for name in sorted(graphs, key=_sort_key):
        lines.append(format_term(name, prefixes) + " {")
        lines += _block(graphs[name], prefixes, "    ")
        lines += ["}", ""]
    return "\n".join(lines)


def write_turtle(quads: Iterable[Quad], prefixes: Mapping[str, str] = PREFIXES) -> str:
    """Turtle of the union of all graphs (graph names dropped, duplicates merged)."""
    triples = {(s, p, o) for s, p, o, _ in canonical_quads(quads)}
    return "\n".join(_header(prefixes) + _block(triples, prefixes, "") + [""])


def write_nquads(quads: Iterable[Quad]) -> str:
    lines = set()
    for s, p, o, g in canonical_quads(quads):
        parts = [format_term(s), format_term(p), format_term(o)]
        if g != DEFAULT_GRAPH:
            parts.append(format_term(g))
        lines.add(" ".join(parts) + " .")
    return "".join(line + "\n" for line in sorted(lines))


def write_jsonld(quads: Iterable[Quad], prefixes: Mapping[str, str] = PREFIXES) -> str:
    """JSON-LD 1.1 in expanded node form grouped by named graph, keys and values sorted."""
    graphs: dict[Term, dict[Term, dict[str, list]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))
    )
    for s, p, o, g in canonical_quads(quads):
        key = "@type" if p == RDF.type and not isinstance(o, Literal) else str(p)
        graphs[g][s][key].append(_jsonld_value(o, key == "@type"))

    def nodes(subjects: Mapping[Term, Mapping[str, list]]) -> list[dict]:
        out = []
        for subject in sorted(subjects, key=_sort_key):
            node: dict = {"@id": _node_id(subject)}
            for key in sorted(subjects[subject]):
                values = subjects[subject][key]
                node[key] = sorted(values, key=lambda v: json.dumps(v, sort_keys=True))
            out.append(node)
        return out

    document: list[dict] = []
    if DEFAULT_GRAPH in graphs:
        document += nodes(graphs.pop(DEFAULT_GRAPH))
    for name in sorted(graphs, key=_sort_key):
        document.append({"@id": _node_id(name), "@graph": nodes(graphs[name])})
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _node_id(term: Term) -> str:
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def _jsonld_value(term: Term, is_type: bool):
    if is_type:
        return _node_id(term)
    if isinstance(term, (URIRef, BNode)):
        return {"@id": _node_id(term)}
    value: dict = {"@value": str(term)}
    if term.language:
        value["@language"] = term.language
    elif term.datatype and term.datatype != XSD.string:
        value["@type"] = str(term.datatype)
    return value
