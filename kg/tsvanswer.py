"""A SELECT answer as SPARQL TSV text: its columns and rows of cells, each cell a term in
N-Triples syntax ("" for unbound), as the query child sends it (kg.timeout).

`atkg query run` folds ``lists:`` columns and adds label columns to answers of tens of thousands
of rows: done on the cells as text, with one pyoxigraph parse at the end, it costs a few tens of
milliseconds where building, grouping and re-parsing pyoxigraph terms per cell cost half a
second at 1.6M quads. The text is lossless: two cells are the same term exactly when their texts
are equal (one serialiser wrote both), and every term reads back as it was.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from operator import itemgetter

import pyoxigraph as ox

__all__ = [
    "read_tsv",
    "write_tsv",
    "to_solutions",
    "cell_term",
    "cell_value",
    "is_iri_cell",
    "literal_cell",
    "fold_lists",
    "term_cells",
]

TSV = ox.QueryResultsFormat.TSV
_ESCAPED = frozenset('"\\\n\r\t')


def read_tsv(payload: bytes) -> tuple[list[str], list[list[str]]]:
    """The columns (without ``?``) and the rows of cells of a SPARQL TSV answer.

    >>> read_tsv(b'?a\\t?b\\n<http://x/1>\\t"one"@en\\n\\t2\\n')
    (['a', 'b'], [['<http://x/1>', '"one"@en'], ['', '2']])
    """
    lines = payload.decode("utf-8").split("\n")
    header, body = lines[0], lines[1:-1]  # every line ends with "\n": the last piece is empty
    if not header:  # no variable: one empty line per solution
        return [], [[] for _ in body]
    return [name[1:] for name in header.split("\t")], [line.split("\t") for line in body]


def write_tsv(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    lines = ["\t".join(f"?{c}" for c in columns)]
    lines.extend("\t".join(cells) for cells in rows)
    return ("\n".join(lines) + "\n").encode("utf-8")


def to_solutions(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> ox.QuerySolutions:
    """The rows as pyoxigraph solutions, read by pyoxigraph's own TSV parser."""
    return ox.parse_query_results(write_tsv(columns, rows), format=TSV)


def term_cells(result) -> tuple[list[str], list[list[str]]]:
    """The columns and cells of ``result``: pyoxigraph solutions (serialised by pyoxigraph), or
    any iterable of rows of terms with ``variables`` (each term as ``str`` writes it)."""
    if isinstance(result, ox.QuerySolutions):
        return read_tsv(result.serialize(format=TSV))
    columns = [v.value for v in result.variables]
    return columns, [["" if term is None else str(term) for term in row] for row in result]


@lru_cache(maxsize=4096)
def cell_term(cell: str):
    """The pyoxigraph term of a (non-empty) cell, read by pyoxigraph's TSV parser.

    >>> cell_term('"Genève"@fr')
    <Literal value=Genève language=fr>
    """
    return next(iter(ox.parse_query_results(f"?x\n{cell}\n".encode(), format=TSV)))[0]


def is_iri_cell(cell: str) -> bool:
    """The cell of an IRI (``<...>``), not of a triple term (``<< ... >>``), a literal, a blank
    node or an unbound value; its IRI is ``cell[1:-1]`` (an IRI holds nothing N-Triples escapes).

    >>> [is_iri_cell(c) for c in ("<http://x/1>", "<< <a> <b> <c> >>", '"x"', "_:b", "")]
    [True, False, False, False, False]
    """
    return cell[:1] == "<" and cell[:2] != "<<"


def cell_value(cell: str) -> str:
    """The term's value (pyoxigraph's ``.value``): an IRI without its brackets, a literal's text
    unescaped, a blank node's label.

    >>> [cell_value(c) for c in ('<http://x/1>', '"a b"@en', '12', '"q\\\\"x"', '"2012"^^<http://x/y>')]
    ['http://x/1', 'a b', '12', 'q"x', '2012']
    """
    first = cell[:1]
    if first == '"' and "\\" not in cell:
        return cell[1 : cell.rindex('"')]
    if is_iri_cell(cell):
        return cell[1:-1]
    if first not in ('"', "<", "_") and cell:  # a number or a boolean, written bare
        return cell
    return cell_term(cell).value


def literal_cell(text: str, language: str | None = None) -> str:
    """The cell of a string literal (with a language tag if given), as pyoxigraph would read it.

    >>> literal_cell("Genève", "fr"), literal_cell('a "b"')
    ('"Genève"@fr', '"a \\\\"b\\\\""')
    """
    if _ESCAPED.isdisjoint(text):
        return f'"{text}"@{language}' if language else f'"{text}"'
    return str(ox.Literal(text, language=language) if language else ox.Literal(text))


def fold_lists(columns: Sequence[str], rows: Iterable[list[str]], lists: Sequence[str]) -> list[list[str]]:
    """One row per distinct value of the other columns, each ``lists`` column holding its values
    sorted and joined with ", " (unbound when there are none), rows in their first order.

    >>> fold_lists(["a", "b"], [["<x:1>", '"z"'], ["<x:1>", '"y"'], ["<x:2>", ""]], ["b"])
    [['<x:1>', '"y, z"'], ['<x:2>', '']]
    """
    at = [i for i, c in enumerate(columns) if c in lists]
    if not at:
        return [list(cells) for cells in rows]
    kept = [i for i in range(len(columns)) if i not in at]
    # the other columns' cells, as one tuple (itemgetter: one C call per row)
    other = itemgetter(*kept) if len(kept) > 1 else (lambda cells: tuple(cells[i] for i in kept))
    # per group, each list column's cells: the first row's cell, a set once a second differs
    groups: dict[tuple, list] = {}
    for cells in rows:
        key = other(cells)
        found = groups.get(key)
        if found is None:
            groups[key] = [cells[i] for i in at]
            continue
        for n, i in enumerate(at):
            cell, seen = cells[i], found[n]
            if not cell or cell == seen:
                continue
            if isinstance(seen, set):
                seen.add(cell)
            else:
                found[n] = {seen, cell} if seen else cell
    folded = []
    for key, found in groups.items():
        row = [""] * len(columns)
        for i, cell in zip(kept, key, strict=True):
            row[i] = cell
        for cells, i in zip(found, at, strict=True):
            row[i] = _joined(cells)
        folded.append(row)
    return folded


def _joined(cells: str | set[str]) -> str:
    """The cell of the values of ``cells`` sorted and joined with ", " ("" for none)."""
    if isinstance(cells, str):
        if not cells or (cells[0] == '"' and cells[-1] == '"' and "\\" not in cells):
            return cells  # none, or one plain string: its own cell
        return literal_cell(cell_value(cells))
    return literal_cell(", ".join(sorted({cell_value(c) for c in cells})))
