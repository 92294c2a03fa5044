"""atkg sparql: every result format parsed back, updates refused, syntax errors explained."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef

ICAT_MEMBERS = "SELECT ?m WHERE { ?m org:memberOf id:icat } ORDER BY ?m"
EXPECTED = ["ilo", "interpol", "iom", "ohchr", "unfpa", "unhcr", "unicef", "unifem", "unodc"]
ID = "https://w3id.org/atkg/id/"


@pytest.fixture
def sparql(seed_built, cli):
    def run(*args):
        return cli("--workspace", seed_built.root, "sparql", *args)

    return run


def test_json_is_w3c_results_json(sparql):
    result = sparql(ICAT_MEMBERS, "--format", "json")
    assert result.exit_code == 0
    parsed = ox.parse_query_results(result.stdout.encode(), format=ox.QueryResultsFormat.JSON)
    assert [row["m"].value.removeprefix(ID) for row in parsed] == EXPECTED
    assert json.loads(result.stdout)["head"] == {"vars": ["m"]}


def test_csv_and_tsv_are_w3c_results(sparql):
    rows = list(csv.reader(io.StringIO(sparql(ICAT_MEMBERS, "--format", "csv").stdout)))
    assert rows == [["m"]] + [[ID + m] for m in EXPECTED]
    tsv = sparql(ICAT_MEMBERS, "--format", "tsv").stdout.splitlines()
    assert tsv == ["?m"] + [f"<{ID}{m}>" for m in EXPECTED]
    parsed = ox.parse_query_results("\n".join(tsv).encode(), format=ox.QueryResultsFormat.TSV)
    assert len(list(parsed)) == 9


def test_table_shows_slugs(sparql):
    assert sparql(ICAT_MEMBERS).stdout == "m\n--------\n" + "\n".join(EXPECTED) + "\n(9 rows)\n"


def test_ask_in_every_format(sparql):
    assert sparql("ASK { id:unodc org:memberOf id:gmg }").stdout == "true\n"
    answer = sparql("ASK { id:unodc org:memberOf id:frontex }", "--format", "json").stdout
    assert json.loads(answer)["boolean"] is False


def test_construct_prints_turtle_that_parses(sparql):
    result = sparql("CONSTRUCT { ?a atkg:party ?b } WHERE { ?a atkg:party ?b }")
    graph = Graph().parse(data=result.stdout, format="turtle")
    parties = {(str(s).removeprefix(ID), str(o).removeprefix(ID)) for s, _, o in graph}
    assert parties == {
        ("agreement-unodc-frontex-2012", "frontex"),
        ("agreement-unodc-frontex-2012", "unodc"),
        ("agreement-unodc-iom-2012", "iom"),
        ("agreement-unodc-iom-2012", "unodc"),
        ("agreement-unodc-unwto-2012", "unodc"),
        ("agreement-unodc-unwto-2012", "unwto"),
    }


def test_describe_prints_turtle(sparql):
    graph = Graph().parse(data=sparql("DESCRIBE id:unwto").stdout, format="turtle")
    assert (URIRef(ID + "unwto"), None, None) in graph


def test_query_from_a_file(sparql, tmp_path):
    path = tmp_path / "q.rq"
    path.write_text(ICAT_MEMBERS)
    assert sparql(str(path), "--format", "csv").stdout.splitlines()[1] == ID + "ilo"
    missing = sparql(str(tmp_path / "nope.rq"))
    assert (missing.exit_code, missing.stderr) == (2, f"Error: {tmp_path / 'nope.rq'}: no such query file\n")


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { id:a id:b id:c }",
        "PREFIX ex: <http://example.org/#> # a comment\nDELETE WHERE { ?s ?p ?o }",
        "drop all",
    ],
)
def test_updates_are_refused(sparql, update):
    result = sparql(update)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: SPARQL Update (")
    assert result.stderr.endswith(
        ") is refused: the store is read-only; change the curated data with "
        "`atkg entity` / `atkg fact`, then `atkg build`\n"
    )


def test_syntax_error_gives_position_and_no_traceback(sparql):
    result = sparql("SELECT ?s WHERE { ?s ?p }")
    assert result.exit_code == 1
    assert result.stderr == "Error: SPARQL syntax error at 1:26: expected one of LATERAL, SERVICE, [_]\n"
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_missing_store_is_a_usage_error(seed_workspace, cli):
    result = cli("--workspace", seed_workspace.root, "sparql", ICAT_MEMBERS)
    assert result.exit_code == 2
    assert result.stderr == f"Error: {seed_workspace.store}: no built store here (run `atkg build` first)\n"


def test_stats_counts_facts_per_document(seed_built, cli):
    result = cli("--workspace", seed_built.root, "stats", "--format", "csv")
    assert result.exit_code == 0
    assert "doc-001,001_6dceaf7ad839cf46.txt,12,1,39\n" in result.stdout
    assert "doc-000,000_f11ac5bb5fdc60e4.txt,20,2,25\n" in result.stdout
    assert "atkg:WorkingArrangement,1\n" in result.stdout
