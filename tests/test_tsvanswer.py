"""kg.tsvanswer: an answer handled as SPARQL TSV text reads back exactly as pyoxigraph's terms."""

from __future__ import annotations

import pyoxigraph as ox

from kg.querypack import collapse_lists
from kg.tsvanswer import cell_value, fold_lists, literal_cell, read_tsv, term_cells, to_solutions

XSD = "http://www.w3.org/2001/XMLSchema#"
TERMS = [
    ox.NamedNode("https://w3id.org/atkg/id/unodc"),
    ox.Literal('tab\there, line\nbreak, "quoted", back\\slash, return\r', language="en"),
    ox.Literal("é\x0b\u2028\x00\x7f"),
    ox.Literal("12", datatype=ox.NamedNode(XSD + "integer")),
    ox.Literal("1.5", datatype=ox.NamedNode(XSD + "decimal")),
    ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean")),
    ox.Literal("2012-05", datatype=ox.NamedNode(XSD + "gYearMonth")),
    ox.Literal("1E3", datatype=ox.NamedNode(XSD + "double")),
    ox.Literal("", language="fr"),
    None,
]


def _answer(rows: list[list]) -> ox.QuerySolutions:
    """The rows as pyoxigraph solutions of variables a, b, ... (what the engine hands back)."""
    names = "abcdefghijklmnop"[: len(rows[0])]
    text = "\n".join(["\t".join(f"?{n}" for n in names)] + ["\t".join(map(_cell, row)) for row in rows])
    return ox.parse_query_results((text + "\n").encode(), format=ox.QueryResultsFormat.TSV)


def _cell(term) -> str:
    return "" if term is None else str(term)


def test_cells_read_back_as_the_same_terms_and_values():
    payload = _answer([TERMS]).serialize(format=ox.QueryResultsFormat.TSV)
    columns, rows = read_tsv(payload)
    assert columns == list("abcdefghij")
    assert [cell_value(c) for c in rows[0][:-1]] == [t.value for t in TERMS[:-1]]
    assert rows[0][-1] == ""
    assert list(next(iter(to_solutions(columns, rows)))) == TERMS


def test_an_answer_without_variables_keeps_its_solutions():
    payload = ox.Store().query("SELECT * WHERE { }").serialize(format=ox.QueryResultsFormat.TSV)
    assert read_tsv(payload) == ([], [[]])
    assert [list(s) for s in to_solutions([], [[]])] == [[]]


def test_literal_cells_escape_what_tsv_cannot_hold():
    assert literal_cell("Genève", "fr") == '"Genève"@fr'
    assert literal_cell("a\tb\nc") == '"a\\tb\\nc"'
    for text in ('a "b"', "back\\slash", "line\rreturn", "plain", ""):
        cell = literal_cell(text, "en")
        assert "\t" not in cell and "\n" not in cell
        assert list(next(iter(to_solutions(["x"], [[cell]])))) == [ox.Literal(text, language="en")]


def test_fold_lists_sorts_values_not_their_escaped_text():
    """'a\\n' sorts before 'a#' by value, after it by cell text; "x"@en and "x"@fr are one value."""
    en, fr = ox.Literal("x", language="en"), ox.Literal("x", language="fr")
    one, two = ox.NamedNode("https://w3id.org/atkg/id/one"), ox.NamedNode("https://w3id.org/atkg/id/two")
    answer = [
        [one, ox.Literal("a#")],
        [two, None],
        [one, ox.Literal("a\n")],
        [one, en],
        [one, fr],
    ]
    columns, rows = term_cells(_answer(answer))
    assert fold_lists(columns, rows, ["b"]) == [
        ["<https://w3id.org/atkg/id/one>", '"a\\n, a#, x"'],
        ["<https://w3id.org/atkg/id/two>", ""],
    ]
    folded = list(collapse_lists(_answer(answer), ["b"]))
    assert [list(row) for row in folded] == [[one, ox.Literal("a\n, a#, x")], [two, None]]


def test_term_cells_of_rows_already_read():
    """Rows of terms with their variables (as a benchmark holds them) fold like solutions."""

    class Rows(list):
        variables = [ox.Variable("a"), ox.Variable("b")]

    rows = Rows(
        [[ox.NamedNode("http://x/1"), ox.Literal("z\u000b")], [ox.NamedNode("http://x/1"), ox.Literal("y")]]
    )
    columns, cells = term_cells(rows)
    assert fold_lists(columns, cells, ["b"]) == [["<http://x/1>", '"y, z\x0b"']]


def test_a_single_value_becomes_a_plain_string_and_unbound_stays_unbound():
    cells = [
        ["<x:1>", '"plain"'],
        ["<x:2>", '"tagged"@fr'],
        ["<x:3>", "<https://w3id.org/atkg/id/unodc>"],
        ["<x:4>", "7"],
        ["<x:5>", '"back\\\\slash"'],
        ["<x:6>", ""],
        ["<x:6>", ""],
        ["<x:7>", ""],
        ["<x:7>", '"late"'],
        ["<x:7>", '"late"@en'],
    ]
    assert fold_lists(["a", "b"], cells, ["b"]) == [
        ["<x:1>", '"plain"'],
        ["<x:2>", '"tagged"'],
        ["<x:3>", '"https://w3id.org/atkg/id/unodc"'],
        ["<x:4>", '"7"'],
        ["<x:5>", '"back\\\\slash"'],
        ["<x:6>", ""],
        ["<x:7>", '"late"'],
    ]
