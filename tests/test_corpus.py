"""The corpus parser finds the paragraphs a reader sees printed, whatever the page layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.corpus import document_key, load_corpus

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(CORPUS)


@pytest.mark.parametrize(
    ("key", "numbered", "others"),
    [
        ("000", 22, ["summary-1", "fn-1", "fn-2"]),
        ("001", 39, []),
        ("002", 18, [f"preamble-{k}" for k in range(1, 31)] + [f"fn-{k}" for k in range(1, 15)]),
        ("003", 93, [f"fn-{k}" for k in range(1, 12)]),
        ("004", 94, ["fn-star", "fn-1", "fn-2", "fn-3", "fn-4"]),
    ],
)
def test_every_printed_paragraph_is_found(corpus, key, numbered, others):
    labels = [p.label for p in corpus[key].passages]
    assert [label for label in labels if label.isdigit()] == [str(n) for n in range(1, numbered + 1)]
    assert sorted(label for label in labels if not label.isdigit()) == sorted(others)


def test_paragraph_text_runs_across_footnotes_and_page_breaks(corpus):
    text = corpus["000"].get("2").text
    assert text.startswith("2. L’Assemblée générale a également considéré")
    assert text.endswith("mécanismes concrets nationaux et internationaux de coordination et de coopération.")


def test_ocr_paragraph_numbers_with_commas(corpus):
    assert corpus["001"].get("4").text.startswith("4, En février 2012, I'ONUDC a publié une stratégie")


def test_footnotes_and_preamble(corpus):
    assert corpus["003"].get("fn-2").text == "2 Estonie, Jordanie, Niger et Oman."
    assert (
        corpus["002"]
        .get("preamble-12")
        .text.startswith("Consciente de l’importance du rôle joué par le Groupe")
    )
    assert corpus["002"].get("preamble-4").text.endswith("protéger les personnes qui en sont victimes,")
    assert corpus["004"].get("fn-star").text == "* CTOC/COP/2010/1."


def test_headings_are_not_paragraph_text(corpus):
    assert corpus["004"].get("8").text.endswith("des artistes et des jeunes2.")
    assert corpus["003"].get("25").text.endswith("76 procédures pénales pour traite de personnes.")
    assert "Renforcement des structures" not in corpus["004"].get("71").text
    assert not any("II. Collecte de données" in p.text for p in corpus["000"].passages)


def test_document_key_accepts_file_names_and_numbers():
    assert document_key("001_6dceaf7ad839cf46.txt") == "001"
    assert document_key("3") == "003"
    with pytest.raises(KeyError):
        document_key("009")


def test_a_note_wrapping_onto_a_line_that_starts_with_a_number_stays_one_note():
    """And an even page's footer (page number, then job number) is page noise, not text."""
    from kg.corpus import DocumentInfo, parse_document

    text = (
        "1. L'ONUDC a signé un mémorandum1.\n"
        "\n"
        "__________________\n"
        "1 Signé à Vienne le\n"
        "25 avril 2012.\n"
        "2 Voir A/67/1.\n"
        "\n"
        "2. L'OIM a participé2\n"
        "\n"
        "2 V.14-05123\n"
        "\n"
        "à l'atelier.\n"
    )
    info = DocumentInfo("007", "007_test.txt", "Essai", "Test", "2014", None)
    passages = {p.label: p.text for p in parse_document(info, text).passages}
    assert passages == {
        "1": "1. L'ONUDC a signé un mémorandum1.",
        "fn-1": "1 Signé à Vienne le 25 avril 2012.",
        "fn-2": "2 Voir A/67/1.",
        "2": "2. L'OIM a participé2 à l'atelier.",
    }
