"""`atkg query run` names the entities it answers with, and `--with-sources` quotes the paragraph.

On the query-pack fixture (tests/data/querypack): ICAT's funder (Belarus, document 000 §11).
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from kg.provenance import passage_iri, passage_texts
from kg.resultlabels import TABLE_TEXT
from tests.conftest import ROOT
from tests.querypack_support import built_querypack

ID = "https://w3id.org/atkg/id/"
PARAGRAPH_11 = passage_texts(ROOT / "corpus")[passage_iri("000", "11")]


@pytest.fixture(scope="module")
def querypack(tmp_path_factory):
    return built_querypack(tmp_path_factory)


@pytest.fixture
def run(querypack, cli):
    def invoke(*args):
        result = cli("--workspace", querypack.root, "query", "run", *args)
        assert result.exit_code == 0, result.stderr
        return result.stdout

    return invoke


def test_a_table_names_entities_in_the_chosen_language_and_shortens_the_paragraph(run):
    lines = run("funding-flows", "--param", "recipient=ICAT", "--with-sources", "--lang", "fr").splitlines()
    assert re.split(r"\s{2,}", lines[0]) == [
        "bailleur de fonds",
        "bénéficiaire",
        "document",
        "paragraphe",
        "texte du paragraphe",
    ]
    cells = [c for c in lines[2].split("  ") if c.strip()]
    assert [c.strip() for c in cells[:2]] == [
        "Bélarus",
        "Groupe interinstitutions de coopération contre la traite des personnes",
    ]
    assert cells[2].strip() == "Amélioration de la coordination des eff…"  # the French title, shortened
    assert cells[3].strip() == "11"
    text = cells[4].strip()
    assert len(text) == TABLE_TEXT and text.endswith("…") and PARAGRAPH_11.startswith(text[:-1])
    assert lines[-1] == "(1 ligne)"


def test_an_english_table_heads_its_columns_with_the_query_variables(run):
    lines = run("funding-flows", "--param", "recipient=ICAT", "--with-sources", "--lang", "en").splitlines()
    assert re.split(r"\s{2,}", lines[0]) == ["funder", "recipient", "document", "paragraph", "paragraph_text"]
    assert [c.strip() for c in re.split(r"\s{2,}", lines[2])[:2]] == [
        "Belarus",
        "Inter-Agency Coordination Group against Trafficking in Persons",
    ]
    assert lines[-1] == "(1 row)"


def test_machine_formats_keep_the_variable_names_in_french(run):
    answer = run("funding-flows", "--param", "recipient=ICAT", "--format", "csv", "--lang", "fr")
    assert answer.splitlines()[0] == "funder,funder_label,recipient,recipient_label"


def test_every_column_of_every_named_query_has_a_french_title(querypack):
    """A French table heads every column in French: a query adding a variable adds its title to
    kg.headings.QUERY_COLUMNS_FR (a ``<column>_label`` is titled from ``<column>``)."""
    import pyoxigraph as ox

    from kg.headings import column_title
    from kg.namespace import PREFIXES
    from kg.querypack import SOURCE_COLUMNS, load_pack

    columns = set(SOURCE_COLUMNS) | {"document_title", "paragraph_text"}
    for query in load_pack(querypack.queries_dir).values():
        answer = ox.Store().query(query.text, prefixes=PREFIXES)
        if isinstance(answer, ox.QuerySolutions):
            columns |= {v.value for v in answer.variables}
    assert len(columns) > 60
    assert [c for c in sorted(columns) if column_title(c, "fr") == c and c not in FRENCH_AS_IS] == []


FRENCH_AS_IS = {"date", "document", "instrument", "observation", "parties", "passage", "passages"}
FRENCH_AS_IS |= {"programme", "publication", "relation"}


def test_json_gives_iri_and_label_columns_and_the_whole_paragraph(run):
    answer = json.loads(
        run(
            "funding-flows", "--param", "recipient=ICAT", "--with-sources", "--format", "json", "--lang", "fr"
        )
    )
    [row] = answer["results"]["bindings"]
    assert row["funder"] == {"type": "uri", "value": ID + "country-BLR"}
    assert row["funder_label"] == {"type": "literal", "value": "Bélarus", "xml:lang": "fr"}
    assert row["paragraph_text"] == {"type": "literal", "value": PARAGRAPH_11, "xml:lang": "fr"}
    assert row["document_title"]["value"].startswith("Amélioration de la coordination des efforts")


def test_a_column_of_entities_without_a_label_gets_one(run):
    rows = list(
        csv.DictReader(
            io.StringIO(run("facts-of-passage", "--param", "passage=passage-000-11", "--format", "csv"))
        )
    )
    assert list(rows[0]) == ["subject", "subject_label", "predicate", "object", "object_label"]
    member = next(r for r in rows if r["subject"] == ID + "ilo" and r["object"] == ID + "icat")
    assert member["object_label"] == "Inter-Agency Coordination Group against Trafficking in Persons"
    assert all(r["object_label"] == "" for r in rows if not r["object"].startswith("https://"))


def test_a_french_table_gives_the_words_a_query_answers_with_in_french(run):
    """members-of-mechanism writes roles in English (a role's local name): a French table says them
    in French; csv keeps the query's own words."""
    french = run("members-of-mechanism", "--param", "mechanism=GMG", "--lang", "fr").splitlines()
    rows = [[c.strip() for c in re.split(r"\s{2,}", line)] for line in french[2:-1]]
    assert re.split(r"\s{2,}", french[0])[:4] == ["membre", "rôle", "début", "fin"]
    assert [
        "Office des Nations Unies contre la drogue et le crime",
        "président",
        "2012-07",
        "2012-12",
    ] in rows
    assert sorted({r[1] for r in rows}) == ["membre", "président"]
    english = run("members-of-mechanism", "--param", "mechanism=GMG", "--lang", "en").splitlines()
    assert sorted({re.split(r"\s{2,}", line)[1] for line in english[2:-1]}) == ["chair", "member"]
    countries = run("countries-engaged", "--lang", "fr").splitlines()
    assert [re.split(r"\s{2,}", line)[:2] for line in countries[2:-1]] == [
        ["Albanie", "manifestation"],
        ["Rwanda", "programme"],
    ]
    csv_roles = run("members-of-mechanism", "--param", "mechanism=GMG", "--lang", "fr", "--format", "csv")
    assert {row["role"] for row in csv.DictReader(io.StringIO(csv_roles))} == {"chair", "member"}


def test_labels_read_in_blocks_of_iris_give_the_same_answer_as_one_block(querypack, monkeypatch):
    """Labels are looked up for the answer's IRIs only, CHUNK at a time (not every label of the
    store): blocks of 2 label ICAT's 9 members (10 rows) as one block does, in 5 queries."""
    from kg import resultlabels
    from kg.querypack import run_by_name
    from kg.store import open_store

    store = open_store(querypack.store)

    def labelled(chunk: int) -> tuple[list, int]:
        monkeypatch.setattr(resultlabels, "CHUNK", chunk)
        asked = []
        counting = type("Counting", (), {"query": lambda _, text: asked.append(text) or store.query(text)})()
        result = run_by_name(
            querypack.queries_dir, querypack.store, "members-of-mechanism", ["mechanism=ICAT"], "fr"
        )
        answer = resultlabels.label_result(
            counting, result, "en"
        )  # the query labels in French: all looked up
        return [[str(t) for t in row] for row in answer.rows], len(asked)

    whole, one = labelled(1000)
    blocks, many = labelled(2)
    assert blocks == whole and one == 1
    assert (len(whole), len({row[0] for row in whole}), many) == (10, 9, 5)  # 9 members and ICAT
    assert whole[0][:3] == [
        "<https://w3id.org/atkg/id/ilo>",
        '"Organisation internationale du Travail"@fr',
        '"member"',
    ]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_machine_formats_are_written_from_the_cells_as_from_the_terms(real_built, lang):
    """`query run` writes csv, tsv and json from the answer's TSV cells read once by pyoxigraph
    (LabelledResult.solutions); the same bytes as the rows of terms put through Oxigraph's
    writers (kg.output.render_terms), for every named question on the curated graph."""
    from kg.formats import OutputFormat
    from kg.output import render_result, render_terms
    from kg.querypack import load_pack
    from kg.resultlabels import run_labelled

    kept = 0
    for name in load_pack(real_built.queries_dir):
        answer = run_labelled(real_built.queries_dir, real_built.store, name, lang=lang)
        assert [list(solution) for solution in answer.solutions()] == answer.rows
        kept += answer.payload is not None
        for fmt in (OutputFormat.csv, OutputFormat.tsv, OutputFormat.json):
            expected = render_terms(answer.columns, answer.rows, fmt)
            assert render_result(answer.solutions(), fmt) == expected, (name, fmt)
    assert kept > 0  # some questions label their entities themselves: their text is kept whole


def _table_rows_from_terms(result, lang):
    """A table's cells as they were made from pyoxigraph terms, before tables read the cells."""
    import pyoxigraph as ox

    from kg.headings import cell_word
    from kg.output import term_text
    from kg.resultlabels import _short

    columns = result.columns
    keep = [
        i
        for i, c in enumerate(columns)
        if not (c.endswith("_label") and c[: -len("_label")] in columns) and c not in ("document_title",)
    ]
    rows = []
    for row in result.rows:
        cells = []
        for i in keep:
            term, column = row[i], columns[i]
            if isinstance(term, ox.NamedNode) and term.value in result.labels and column != "document":
                cells.append(result.labels[term.value])
            elif column == "document" and "document_title" in columns and term is not None:
                title = row[columns.index("document_title")]
                cells.append(_short(title.value, 40) if title is not None else term_text(term))
            elif column == "paragraph_text" and term is not None:
                cells.append(_short(term.value))
            elif isinstance(term, ox.Literal) and not term.language:
                cells.append(cell_word(column, term.value, lang))
            else:
                cells.append(term_text(term))
        rows.append(cells)
    return rows


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_table_read_from_the_cells_shows_what_the_terms_showed(real_built, lang):
    from kg.querypack import load_pack
    from kg.resultlabels import run_labelled, table_rows

    compared = 0
    for name, query in load_pack(real_built.queries_dir).items():
        for with_sources in (False, True) if query.sources else (False,):
            answer = run_labelled(
                real_built.queries_dir, real_built.store, name, lang=lang, with_sources=with_sources
            )
            assert table_rows(answer, lang)[1] == _table_rows_from_terms(answer, lang), (name, with_sources)
            compared += len(answer.rows)
    assert compared > 1000
