"""`atkg query run` names the entities it answers with, and `--with-sources` quotes the paragraph.

On the query-pack fixture (tests/data/querypack): ICAT's funder (Belarus, document 000 §11).
"""

from __future__ import annotations

import csv
import io
import json

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
    assert lines[0].split() == ["funder", "recipient", "document", "paragraph", "paragraph_text"]
    cells = [c for c in lines[2].split("  ") if c.strip()]
    assert [c.strip() for c in cells[:2]] == [
        "Bélarus",
        "Groupe interinstitutions de coopération contre la traite des personnes",
    ]
    assert cells[2].strip() == "Amélioration de la coordination des eff…"  # the French title, shortened
    assert cells[3].strip() == "11"
    text = cells[4].strip()
    assert len(text) == TABLE_TEXT and text.endswith("…") and PARAGRAPH_11.startswith(text[:-1])
    assert lines[-1] == "(1 row)"


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
