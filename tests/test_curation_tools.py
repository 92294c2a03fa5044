"""coverage, check-provenance and conflicts on small fixtures whose answers are known."""

from __future__ import annotations

from pathlib import Path

from kg.build import load_sources
from kg.citations import CitationFinding, check_citations
from kg.conflicts import Conflict, find_conflicts
from kg.coverage import passage_coverage
from kg.provenance import passage_texts

SEED = Path(__file__).resolve().parent / "data" / "seed"
PREFIXES = """@prefix atkg: <https://w3id.org/atkg/ontology#> .
@prefix id: <https://w3id.org/atkg/id/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


def _seed_with(workspace_factory, extra: str):
    files = {p.name: p.read_text() for p in SEED.glob("*.trig")}
    files["extra.trig"] = PREFIXES + extra
    return workspace_factory(files)


def test_seed_citations_are_clean(seed_workspace):
    assert check_citations(load_sources(seed_workspace), passage_texts(seed_workspace.corpus_dir)) == []


def test_wrong_citation_is_caught_and_a_note_excuses_an_indirect_one(workspace_factory):
    workspace = _seed_with(
        workspace_factory,
        """
id:passage-000-12 { id:unwto org:memberOf id:gmg . }
id:passage-001-7 { id:unodc atkg:coordinates id:icat .
                   id:unodc atkg:provenanceNote "the Office is UNODC, named at the start"@en . }
""",
    )
    findings = check_citations(load_sources(workspace), passage_texts(workspace.corpus_dir))
    assert findings == [
        CitationFinding("passage-000-12", "unwto", "org:memberOf", "gmg", "passage does not mention it"),
        CitationFinding("passage-000-12", "unwto", "org:memberOf", "unwto", "passage does not mention it"),
    ]


def test_check_provenance_cli_exit_codes(seed_workspace, workspace_factory, cli):
    clean = cli("--workspace", seed_workspace.root, "check-provenance")
    assert (clean.exit_code, clean.stdout) == (0, "")
    assert clean.stderr == "32 facts checked, 0 citation problem(s)\n"
    bad = _seed_with(workspace_factory, "id:passage-000-12 { id:unwto org:memberOf id:gmg . }\n")
    result = cli("--workspace", bad.root, "check-provenance", "--format", "csv")
    assert result.exit_code == 1
    assert (
        result.stdout.splitlines()[1] == "passage-000-12,unwto,org:memberOf,gmg,passage does not mention it"
    )


def test_coverage_counts_facts_and_lists_what_uncovered_passages_name(seed_workspace):
    rows = {r.passage: r for r in passage_coverage(load_sources(seed_workspace), seed_workspace.corpus_dir)}
    assert len(rows) == 329
    assert rows["passage-000-11"].facts == 11
    assert rows["passage-001-12"].facts == 12
    assert rows["passage-000-10"].names == ("icat",) and rows["passage-000-10"].needs_curation
    assert rows["passage-000-12"].names == () and not rows["passage-000-12"].needs_curation
    assert "unodc" in rows["passage-001-7"].names and "icat" in rows["passage-001-7"].names
    assert rows["passage-001-2"].figures == ("150",)
    assert not rows["passage-002-fn-1"].needs_curation


def test_coverage_cli_strict(seed_workspace, cli):
    result = cli("--workspace", seed_workspace.root, "coverage", "--doc", "001", "--uncovered", "--strict")
    assert result.exit_code == 1
    assert (
        result.stderr
        == "1 of 39 passages cite at least one fact; 36 uncovered passage(s) name an actor or a figure\n"
    )
    unknown = cli("--workspace", seed_workspace.root, "coverage", "--doc", "009")
    assert (unknown.exit_code, unknown.stderr) == (
        2,
        "Error: --doc 009: no such document (000 to 004 or a corpus file name)\n",
    )


def test_conflicting_dates_and_lists_are_both_kept_and_reported(workspace_factory):
    workspace = _seed_with(
        workspace_factory,
        """
id:passage-001-13 { id:agreement-unodc-unwto-2012 dcterms:date "2012-04-17"^^xsd:date . }
id:passage-002-preamble-12 {
    id:ilo org:memberOf id:icat . id:iom org:memberOf id:icat . id:ohchr org:memberOf id:icat .
    id:unep org:memberOf id:icat .
}
""",
    )
    found = find_conflicts(load_sources(workspace))
    date = "agreement-unodc-unwto-2012", "dcterms:date"
    assert Conflict(*date, "2012-04", ("passage-001-12",), (), "precision") in found
    assert Conflict(*date, "2012-04-17", ("passage-001-13",), (), "precision") in found
    # the seed's documents say nothing of when they speak, and no list is marked not exhaustive
    assert Conflict("icat", "members", "unep", ("passage-002-preamble-12",), ("passage-000-11",)) in found
    assert Conflict("icat", "members", "unodc", ("passage-000-11",), ("passage-002-preamble-12",)) in found
    assert all(c.subject in {"agreement-unodc-unwto-2012", "icat"} for c in found)
    assert len(found) == 2 + 7


def test_seed_has_no_conflicts(seed_workspace):
    assert find_conflicts(load_sources(seed_workspace)) == []
