"""One renderer for every command that prints query results or rows.

Formats follow the W3C: ``json`` is SPARQL 1.1 Query Results JSON, ``csv``/``tsv`` the SPARQL 1.1
CSV/TSV results formats (serialised by Oxigraph itself), ``table`` a plain-text table for people.
Graph results (CONSTRUCT, DESCRIBE) are Turtle.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

import pyoxigraph as ox

from kg.formats import OutputFormat

__all__ = ["OutputFormat", "render_result", "render_rows", "term_text", "terminal_text", "render_terms"]

# What a terminal would obey rather than show: C0 and C1 controls and DEL (ESC starts colour, title,
# clear-screen and OSC-8 link sequences; 0x9b and 0x9d are one-byte CSI and OSC), and the bidi
# overrides that make text read differently from its bytes.
_CONTROLS = {c: "\ufffd" for c in (*range(0x00, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F))}
_CONTROLS.update({c: "\ufffd" for c in range(0x2066, 0x206A)})
_CONTROLS.update({0x09: " ", 0x0A: " ", 0x0D: " "})


_RESULT_FORMATS = {
    OutputFormat.csv: ox.QueryResultsFormat.CSV,
    OutputFormat.tsv: ox.QueryResultsFormat.TSV,
    OutputFormat.json: ox.QueryResultsFormat.JSON,
}


def term_text(term) -> str:
    """How a term reads in a table: IRIs in id: by their slug, literals by their text."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        value = term.value
        for prefix, namespace in (
            ("", "https://w3id.org/atkg/id/"),
            ("atkg:", "https://w3id.org/atkg/ontology#"),
        ):
            if value.startswith(namespace):
                return prefix + value[len(namespace) :]
        return value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def terminal_text(text: str) -> str:
    r"""``text`` safe to print on a terminal inside a line: controls shown as U+FFFD, breaks as spaces.

    >>> terminal_text("ILO\x1b]0;owned\x07\nnext")
    'ILO\ufffd]0;owned\ufffd next'
    """
    return text.translate(_CONTROLS)


def render_table(headers: Sequence[str], rows: Sequence[Sequence[str]], lang: str = "en") -> str:
    """A plain table, its row count in ``lang``; data is never interpreted as markup, nor as
    terminal control sequences."""
    from kg.headings import row_count

    headers = [terminal_text(h) for h in headers]
    rows = [[terminal_text(cell) for cell in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=False)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=False)).rstrip()  # noqa: E731
    out = [line(headers), line(["-" * w for w in widths])]
    out += [line(row) for row in rows]
    out.append(row_count(len(rows), lang))
    return "\n".join(out) + "\n"


def render_result(result, fmt: OutputFormat) -> str:
    """Text of a pyoxigraph query result in the requested format."""
    if isinstance(result, ox.QueryBoolean):
        if fmt == OutputFormat.table:
            return ("true" if bool(result) else "false") + "\n"
        return result.serialize(format=_RESULT_FORMATS[fmt]).decode("utf-8")
    if isinstance(result, ox.QuerySolutions):
        if fmt == OutputFormat.table:
            headers = [v.value for v in result.variables]
            rows = [[term_text(solution[h]) for h in headers] for solution in result]
            return render_table(headers, rows)
        return result.serialize(format=_RESULT_FORMATS[fmt]).decode("utf-8")
    # CONSTRUCT / DESCRIBE: an iterator of triples
    from kg.rdfio import DEFAULT_GRAPH, from_ox, write_turtle

    quads = [(from_ox(t.subject), from_ox(t.predicate), from_ox(t.object), DEFAULT_GRAPH) for t in result]
    return write_turtle(quads)


def render_rows(
    headers: Sequence[str], rows: Sequence[Sequence[object]], fmt: OutputFormat, lang: str = "en"
) -> str:
    """Rows computed in Python (analytics, listings) in the same formats as query results; a
    table counts its rows in ``lang``."""
    text_rows = [[_cell(c) for c in row] for row in rows]
    if fmt == OutputFormat.table:
        return render_table(headers, text_rows, lang)
    if fmt == OutputFormat.json:
        return (
            json.dumps(
                [dict(zip(headers, row, strict=True)) for row in rows],
                ensure_ascii=False,
                indent=2,
                default=str,
            )
            + "\n"
        )
    if fmt == OutputFormat.tsv:  # no quoting in TSV: tabs and line breaks are escaped, as W3C TSV does
        escape = str.maketrans({"\t": "\\t", "\n": "\\n", "\r": "\\r", "\\": "\\\\"})
        return "".join(
            "\t".join(c.translate(escape) for c in row) + "\n" for row in [list(headers), *text_rows]
        )
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(text_rows)
    return buffer.getvalue()


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    return "" if value is None else str(value)


def render_terms(columns: Sequence[str], rows: Sequence[Sequence[object]], fmt: OutputFormat) -> str:
    """Rows of RDF terms (pyoxigraph; None: unbound) as W3C JSON/CSV/TSV results.

    The rows go through Oxigraph's own serialisers (a VALUES block over an empty store keeps
    their order), so a result we extend in Python reads exactly like one the store gave.
    """
    from kg.sparql import inject_values

    projection = " ".join(f"?{c}" for c in columns)
    text = f"SELECT {projection} WHERE {{ }}"
    if rows:
        text = inject_values(text, [dict(zip(columns, row, strict=True)) for row in rows])
    else:
        text = f"SELECT {projection} WHERE {{ FILTER(false) }}"
    result = ox.Store().query(text)
    return result.serialize(format=_RESULT_FORMATS[fmt]).decode("utf-8")
