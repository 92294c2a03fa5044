"""`lists:` folding writes its rows back through SPARQL TSV: every kind of term in the other
columns, and any text in a list, must come back as itself."""

from __future__ import annotations

import pyoxigraph as ox

from kg.querypack import collapse_lists

QUERY = """SELECT ?key ?blank ?tagged ?typed ?item WHERE {
  VALUES (?key ?tagged ?typed ?item) {
    (<http://example.org/a?b=c#d> "traite des êtres \\"humains\\""@fr-CA 42 "tab\\there")
    (<http://example.org/a?b=c#d> "traite des êtres \\"humains\\""@fr-CA 42 "new\\nline, ünïcødé 🙂")
    (<http://example.org/a?b=c#d> "traite des êtres \\"humains\\""@fr-CA 42 "back\\\\slash")
    (<http://example.org/e> "" "2010-01-01"^^<http://www.w3.org/2001/XMLSchema#date> UNDEF)
    (<http://example.org/e> "" -1.5e3 UNDEF)
  }
  BIND (<http://example.org/b> AS ?blank)
}"""


def test_folded_rows_keep_every_term_and_list_text():
    store = ox.Store()
    rows = list(collapse_lists(store.query(QUERY), ["item"]))
    assert len(rows) == 3
    first = rows[0]
    assert first["key"] == ox.NamedNode("http://example.org/a?b=c#d")
    assert first["tagged"] == ox.Literal('traite des êtres "humains"', language="fr-ca")
    assert first["typed"] == ox.Literal(
        "42", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    )
    assert first["item"] == ox.Literal("back\\slash, new\nline, ünïcødé 🙂, tab\there")
    # -1.5e3 as the engine gives it: -1500
    assert [row["typed"] for row in rows[1:]] == [
        ox.Literal("2010-01-01", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")),
        ox.Literal("-1500", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#double")),
    ]
    assert [row["item"] for row in rows[1:]] == [None, None]
    assert rows[1]["tagged"] == ox.Literal("")
