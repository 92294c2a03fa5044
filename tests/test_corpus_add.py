"""atkg corpus add/list/show: a sixth report enters the graph with no code changed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.corpus import document_key, load_corpus
from kg.errors import ValidationError
from kg.sources.adding import add_document
from tests.pdf_support import write_pdf

NUMBERED = """Rapport sur la coopération contre la traite au Bénin

A/66/999

I. Introduction

1. En 2011, le Gouvernement béninois a signé un mémorandum d’accord avec l’ONUDC, membre de l’ICAT.

2. Un atelier régional s’est tenu à Cotonou en mars 2012, organisé par l’OIM.
"""


def corpus_bytes(workspace) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(workspace.corpus_dir.iterdir())}


def args(workspace) -> list[str]:
    return ["--workspace", str(workspace.root)]


@pytest.fixture
def report(tmp_path) -> Path:
    path = tmp_path / "rapport_benin.txt"
    path.write_text(NUMBERED, encoding="utf-8")
    return path


def test_the_catalog_lists_the_five_documents_with_their_metadata():
    corpus = load_corpus(Path(__file__).resolve().parent.parent / "corpus")
    assert sorted(corpus) == ["000", "001", "002", "003", "004"]
    info = corpus["003"].info
    assert (info.date, info.identifier, info.language, info.paragraphs) == (
        "2008",
        "E/CN.15/2008/6",
        "fr",
        "numbered",
    )
    assert info.title_en.startswith("Strengthening international cooperation")


def test_a_text_without_catalog_entry_is_an_error_not_ignored(seed_workspace):
    (seed_workspace.corpus_dir / "005_extra.txt").write_text("1. Texte.\n", encoding="utf-8")
    with pytest.raises(ValidationError) as error:
        load_corpus(seed_workspace.corpus_dir)
    assert error.value.message == (
        "corpus/005_extra.txt: not listed in corpus/documents.toml; add it with `atkg corpus add` "
        "or give it a [[document]] table"
    )


def test_add_list_show_a_utf8_report(seed_workspace, report, cli):
    before = (seed_workspace.corpus_dir / "documents.toml").read_text(encoding="utf-8")
    result = cli(
        *args(seed_workspace),
        "corpus",
        "add",
        report,
        "--title",
        "Rapport Bénin",
        "--date",
        "2012-03",
        "--symbol",
        "A/66/999",
    )
    assert result.exit_code == 0, result.stderr
    name = re.search(r"corpus/(005_[0-9a-f]{16}\.txt)", result.stdout).group(1)
    assert result.stdout == (
        f"added document 005: corpus/{name} (utf-8, 2 passages, numbered paragraphs)\n"
        "next: `atkg build`, then cite it as --source 005:1\n"
    )
    assert (seed_workspace.corpus_dir / name).read_text(encoding="utf-8") == NUMBERED
    after = (seed_workspace.corpus_dir / "documents.toml").read_text(encoding="utf-8")
    assert after == before + (
        f'\n[[document]]\nid = "005"\nfile = "{name}"\ntitle_fr = "Rapport Bénin"\ndate = "2012-03"\n'
        'symbol = "A/66/999"\nlanguage = "fr"\nparagraphs = "numbered"\n'
    )
    listing = cli(*args(seed_workspace), "corpus", "list", "--format", "csv")
    assert listing.stdout.splitlines()[-1] == f"005,{name},2012-03,fr,A/66/999,2,numbered,Rapport Bénin"
    shown = cli(*args(seed_workspace), "corpus", "show", "5", "--para", "2")
    assert shown.stdout == (
        "[005:2] (line 9) 2. Un atelier régional s’est tenu à Cotonou en mars 2012, organisé par l’OIM.\n\n"
    )
    every = cli(*args(seed_workspace), "corpus", "show", "005")
    assert every.stdout.startswith("[005:1] (line 7) 1. En 2011, le Gouvernement béninois a signé")
    missing = cli(*args(seed_workspace), "corpus", "show", "005", "--para", "9")
    assert (missing.exit_code, missing.stderr) == (2, "Error: --para '9': document 005 has no such passage\n")


def test_the_new_document_is_in_the_graph_and_citable(seed_workspace, report, cli):
    from kg.build import build
    from kg.store import open_store

    assert (
        cli(
            *args(seed_workspace), "corpus", "add", report, "--title", "Rapport Bénin", "--date", "2012-03"
        ).exit_code
        == 0
    )
    fact = cli(*args(seed_workspace), "fact", "add", "unodc", "org:memberOf", "icat", "--source", "005:1")
    assert fact.exit_code == 0, fact.stderr
    assert fact.stdout == "added unodc org:memberOf icat [005 §1] (kg/data/doc-005.trig)\n"
    build(seed_workspace)
    store = open_store(seed_workspace.store)
    rows = store.query(
        "SELECT ?title ?date ?lang ?text WHERE { GRAPH id:graph-provenance { "
        "id:doc-005 dcterms:title ?title ; "
        "dcterms:date ?date ; dcterms:language ?lang . id:passage-005-2 atkg:inDocument id:doc-005 ; "
        "atkg:text ?text } }"
    )
    [row] = list(rows)
    assert (row["title"].value, row["title"].language) == ("Rapport Bénin", "fr")
    assert (row["date"].value, row["date"].datatype.value) == (
        "2012-03",
        "http://www.w3.org/2001/XMLSchema#gYearMonth",
    )
    assert row["lang"].value == "fr"
    assert row["text"].value.startswith("2. Un atelier régional")
    graphs = store.query("SELECT ?g WHERE { GRAPH ?g { id:unodc org:memberOf id:icat } } ORDER BY ?g")
    assert [r["g"].value.rsplit("/", 1)[1] for r in graphs] == ["passage-000-11", "passage-005-1"]


def test_windows_1252_is_detected_and_converted(seed_workspace, tmp_path):
    path = tmp_path / "ancien.txt"
    path.write_bytes(NUMBERED.replace("’", "'").encode("cp1252"))
    added = add_document(seed_workspace, path, title="Ancien", date="2011")
    assert added.read_as == "cp1252"
    text = (seed_workspace.corpus_dir / added.info.file).read_text(encoding="utf-8")
    assert "Gouvernement béninois a signé un mémorandum d'accord avec l'ONUDC" in text


def test_pdf_with_a_text_layer(seed_workspace, tmp_path, cli):
    pdf = write_pdf(
        tmp_path / "rapport.pdf",
        [
            ["Rapport du Secrétaire général", "1. L’ONUDC a signé un mémorandum en 2011."],
            ["A/66/194", "2. Un deuxième paragraphe, page 2."],
        ],
    )
    result = cli(
        *args(seed_workspace), "corpus", "add", pdf, "--date", "2011", "--symbol", "A/66/194", "--id", "7"
    )
    assert result.exit_code == 0, result.stderr
    assert (
        "added document 007: " in result.stdout and "(pdf, 2 passages, numbered paragraphs)" in result.stdout
    )
    assert "note: title 'rapport' taken from the file name (give --title to fix)" in result.stdout
    passages = load_corpus(seed_workspace.corpus_dir)["007"].passages
    assert [(p.label, p.text) for p in passages] == [
        ("1", "1. L’ONUDC a signé un mémorandum en 2011."),
        ("2", "2. Un deuxième paragraphe, page 2."),
    ]


def test_text_without_numbers_falls_back_to_blank_line_paragraphs(seed_workspace, tmp_path, cli):
    path = tmp_path / "note.txt"
    path.write_text("Note d’information\n\nLe HCR a lancé une campagne\nen 2010.\n\nFin.\n", encoding="utf-8")
    result = cli(*args(seed_workspace), "corpus", "add", path, "--title", "Note", "--date", "2010")
    assert result.exit_code == 0, result.stderr
    assert (
        "note: no numbered paragraphs found: passages are the blank-line separated blocks "
        "(labels block-1, block-2, ...)"
    ) in result.stdout
    shown = cli(*args(seed_workspace), "corpus", "show", "005", "--para", "block-2")
    assert shown.stdout == "[005:block-2] (line 3) Le HCR a lancé une campagne en 2010.\n\n"


def test_date_is_guessed_from_the_text_and_said(seed_workspace, report):
    added = add_document(seed_workspace, report, title="Bénin")
    assert added.info.date == "2012"
    assert added.notes == ["date 2012 guessed from the latest year the text prints (give --date to fix)"]


@pytest.mark.parametrize(
    ("content", "options", "code", "message"),
    [
        (b"", [], 1, "{path}: the file is empty"),
        (b"  \n\n ", [], 1, "{path}: the file is empty"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
            [],
            1,
            "{path}: a binary file, not text or PDF (give a .txt or .pdf)",
        ),
        (b"%PDF-1.4\ngarbage that is no PDF\n", [], 1, "{path}: unreadable PDF"),
        (
            NUMBERED.encode(),
            ["--id", "003"],
            2,
            "--id 003: document 003 already exists (003_dbd2d65b83fb4f4b.txt)",
        ),
        (
            NUMBERED.encode(),
            ["--id", "12345"],
            2,
            "--id '12345': give a number of at most three digits, e.g. 005",
        ),
        (NUMBERED.encode(), ["--lang", "de"], 2, "--lang 'de': not one of fr, en"),
        (
            NUMBERED.encode(),
            ["--date", "2012-13"],
            2,
            "--date: date '2012-13' is not YYYY, YYYY-MM or YYYY-MM-DD",
        ),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    seed_workspace, tmp_path, cli, content, options, code, message
):
    path = tmp_path / "input.bin"
    path.write_bytes(content)
    before = corpus_bytes(seed_workspace)
    result = cli(*args(seed_workspace), "corpus", "add", path, "--title", "T", *options)
    assert result.exit_code == code
    expected = "Error: " + message.format(path=path)
    assert result.stderr.startswith(expected) and result.stderr.count("\n") == 1, result.stderr
    assert corpus_bytes(seed_workspace) == before


def test_scanned_pdf_says_to_ocr_it_first(seed_workspace, tmp_path, cli):
    pdf = write_pdf(tmp_path / "scan.pdf", [[], []])
    before = corpus_bytes(seed_workspace)
    result = cli(*args(seed_workspace), "corpus", "add", pdf, "--date", "2011")
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: {pdf}: the PDF has no text layer (a scan?); OCR it first, "
        "e.g. `ocrmypdf --language fra scan.pdf ocr.pdf`, then add ocr.pdf\n",
    )
    assert corpus_bytes(seed_workspace) == before


def test_the_same_text_twice_is_refused(seed_workspace, tmp_path, cli):
    copy = tmp_path / "copie.txt"
    copy.write_bytes((seed_workspace.corpus_dir / "001_6dceaf7ad839cf46.txt").read_bytes())
    result = cli(*args(seed_workspace), "corpus", "add", copy, "--date", "2012")
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: {copy}: already in the corpus as document 001 (001_6dceaf7ad839cf46.txt)\n",
    )


def test_document_key_checks_the_given_corpus(seed_workspace, report):
    with pytest.raises(KeyError):
        document_key("005", seed_workspace.corpus_dir)
    add_document(seed_workspace, report, title="Bénin", date="2012")
    assert document_key("5", seed_workspace.corpus_dir) == "005"
