"""The query pack's machinery: headers, parameters, binding, formats, --with-sources, the CLI."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest

from kg.errors import UsageError, ValidationError
from kg.querypack import inject_values, load_pack, parse_header, parse_param_pairs, run_by_name
from tests.conftest import ROOT
from tests.querypack_support import built_querypack

ID = "https://w3id.org/atkg/id/"
PACK = load_pack(ROOT / "queries")
HEADER = """# title: A title
# description: First line,
#   second line.
# param: who | entity | ICAT | the mechanism
# param: when | date | | a date
# sources: ?x org:memberOf ?who
# example: atkg query run q --param who=ICAT
SELECT ?x WHERE { ?x org:memberOf ?who }
"""


@pytest.fixture(scope="module")
def querypack(tmp_path_factory):
    return built_querypack(tmp_path_factory)


@pytest.fixture
def run(querypack, cli):
    def invoke(*args):
        return cli("--workspace", querypack.root, "query", *args)

    return invoke


# --- headers ---------------------------------------------------------------------------------


def test_header_fields_are_read():
    query = parse_header(HEADER, "q")
    assert (query.title, query.description) == ("A title", "First line, second line.")
    assert [(p.name, p.kind, p.default, p.description) for p in query.parameters] == [
        ("who", "entity", "ICAT", "the mechanism"),
        ("when", "date", "", "a date"),
    ]
    assert (query.sources, query.example) == ("?x org:memberOf ?who", "atkg query run q --param who=ICAT")


@pytest.mark.parametrize(
    "line, message",
    [
        ("# param: who | entity | ICAT", "q.rq:4: a parameter is 'name | kind | default | description'"),
        (
            "# param: who | person | ICAT | x",
            "q.rq:4: kind 'person' is not one of entity, date, year, text, language",
        ),
        (
            "# param: lang | text | | x",
            "q.rq:4: 'lang' is not a usable parameter name (letters, digits, _; not 'lang')",
        ),
        ("# param: y | year | 20 | x", "parameter y: '20' is not a year (four digits, e.g. 2012)"),
        (
            "# colour: blue",
            "q.rq:4: unknown header line; expected one of "
            "title:, description:, param:, sources:, example:, lists:, needs:",
        ),
    ],
)
def test_a_malformed_header_names_file_and_line(line, message):
    text = HEADER.replace("# param: who | entity | ICAT | the mechanism", line)
    with pytest.raises((ValidationError, UsageError)) as error:
        parse_header(text, "q")
    assert str(error.value) == message


def test_a_header_without_example_is_refused():
    with pytest.raises(ValidationError, match=r"^q.rq:1: the header has no 'example:' line$"):
        parse_header(HEADER.replace("# example: atkg query run q --param who=ICAT\n", ""), "q")


def test_every_pack_query_has_a_full_header():
    for query in PACK.values():
        assert query.title and query.description and query.example.startswith(f"atkg query run {query.name}")


# --- parameters ------------------------------------------------------------------------------


def test_param_pairs_are_checked():
    query = PACK["members-of-mechanism"]
    assert parse_param_pairs(query, ["mechanism=GMG", "as_of="]) == {"mechanism": "GMG", "as_of": ""}
    for pairs, message in [
        (["mechanism"], "--param 'mechanism': expected NAME=VALUE"),
        (["colour=red"], "query members-of-mechanism has no parameter 'colour' (it takes: mechanism, as_of)"),
        (["mechanism=a", "mechanism=b"], "--param mechanism given twice"),
    ]:
        with pytest.raises(UsageError) as error:
            parse_param_pairs(query, pairs)
        assert str(error.value) == message


def test_values_go_first_in_the_outer_group_and_strings_are_escaped():
    text = inject_values('SELECT * WHERE { ?s ?p "{" } # {', [{"t": ox.Literal('a"} UNION {'), "u": None}])
    assert text == 'SELECT * WHERE {\n  VALUES (?t) { ("a\\"} UNION {") }\n ?s ?p "{" } # {'


def test_a_variable_unbound_in_every_row_is_left_out_of_values():
    """Regression: Virtuoso 7 lost ?mechanism in coordinators-and-chairs when given as UNDEF."""
    rows = [{"m": None, "l": ox.Literal("en")}]
    assert inject_values("SELECT * WHERE { ?s ?p ?m }", rows) == (
        'SELECT * WHERE {\n  VALUES (?l) { ("en") }\n ?s ?p ?m }'
    )
    mixed = [{"m": None}, {"m": ox.NamedNode("http://x/y")}]
    assert "VALUES (?m) { (UNDEF) (<http://x/y>) }" in inject_values("SELECT * WHERE { ?s ?p ?m }", mixed)
    assert inject_values("SELECT * WHERE { ?s ?p ?m }", [{"m": None}]) == "SELECT * WHERE { ?s ?p ?m }"


def test_a_values_line_binds_its_parameters_where_the_query_says():
    """`# VALUES ?who` puts the parameter's block there (inside a subquery or UNION branch, where an
    engine would not push an outer binding), on every such line; the others stay first."""
    text = (
        "SELECT * WHERE {\n  { SELECT ?who WHERE {\n    {\n      # VALUES ?who\n      ?x org:memberOf ?who\n"
    )
    text += "    } UNION {\n      # VALUES ?who ?when\n      ?x org:chairs ?who } } }\n  ?x ?p ?lang }"
    row = {"who": ox.NamedNode(ID + "icat"), "when": None, "lang": ox.Literal("en")}
    assert inject_values(text, [row]) == (
        'SELECT * WHERE {\n  VALUES (?lang) { ("en") }\n\n  { SELECT ?who WHERE {\n    {\n'
        f"      VALUES (?who) {{ (<{ID}icat>) }}\n      ?x org:memberOf ?who\n    }} UNION {{\n"
        f"      VALUES (?who) {{ (<{ID}icat>) }}\n      ?x org:chairs ?who }} }} }}\n  ?x ?p ?lang }}"
    )
    # unbound: the line stays a comment and nothing else is bound
    assert inject_values(text, [{"who": None, "when": None}]) == text
    # several rows (--with-sources): one block first, as before
    two = [{"who": ox.NamedNode(ID + "a")}, {"who": ox.NamedNode(ID + "b")}]
    assert inject_values(text, two).startswith(
        f"SELECT * WHERE {{\n  VALUES (?who) {{ (<{ID}a>) (<{ID}b>) }}"
    )


def test_a_values_line_must_name_parameters():
    text = HEADER.replace("SELECT ?x WHERE { ?x", "SELECT ?x WHERE {\n  # VALUES ?who ?what\n  ?x")
    with pytest.raises(ValidationError) as error:
        parse_header(text, "q")
    assert str(error.value) == "q.rq:9: '# VALUES' names ?what, which is no parameter"


HOSTILE = [
    '"} } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o',
    "x' . } INSERT DATA { <a> <b> <c> } #",
    '\\" ) } UNION { ?s ?p ?o } FILTER(true',
    "\n}\nSELECT ?x WHERE { ?x ?y ?z }",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_text_is_only_ever_a_string(querypack, value):
    result = run_by_name(querypack.queries_dir, querypack.store, "label-search", [f"text={value}"])
    assert list(result) == []


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_entity_names_are_unknown_entities(querypack, value):
    with pytest.raises(UsageError, match="(?s)^parameter actor '.*' not found"):
        run_by_name(querypack.queries_dir, querypack.store, "partners-of-actor", [f"actor={value}"])


def test_hostile_values_through_the_cli(run):
    result = run(
        "run", "label-search", "--param", 'text=" } } SELECT * WHERE { ?s ?p ?o } #', "--format", "csv"
    )
    assert result.exit_code == 0
    assert list(csv.reader(io.StringIO(result.stdout))) == [["entity", "label", "label_language", "kind"]]


@pytest.mark.parametrize(
    "pair, message",
    [
        ("as_of=2012-13-01", "parameter as_of: '2012-13-01' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"),
        ("as_of=yesterday", "parameter as_of: 'yesterday' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"),
        ("mechanism=Nowhere Group", "parameter mechanism 'Nowhere Group' not found"),
    ],
)
def test_bad_values_are_usage_errors(run, pair, message):
    result = run("run", "members-of-mechanism", "--param", pair)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"Error: {message}\n")


def test_an_ambiguous_name_lists_its_candidates():
    from rdflib import Literal, URIRef
    from rdflib.namespace import SKOS

    from kg.names import Resolver
    from kg.querypack import bind_values

    graph = URIRef(ID + "graph-entities")
    resolver = Resolver.from_quads(
        [
            (URIRef(ID + "bgr-commission"), SKOS.altLabel, Literal("Commission nationale", lang="fr"), graph),
            (
                URIRef(ID + "bgr-commission"),
                SKOS.prefLabel,
                Literal("Bulgarian commission", lang="en"),
                graph,
            ),
            (URIRef(ID + "fra-commission"), SKOS.altLabel, Literal("Commission nationale", lang="fr"), graph),
            (URIRef(ID + "fra-commission"), SKOS.prefLabel, Literal("French commission", lang="en"), graph),
        ]
    )
    with pytest.raises(UsageError) as error:
        bind_values(PACK["members-of-mechanism"], {"mechanism": "commission NATIONALE"}, resolver.resolve)
    assert str(error.value) == (
        "parameter mechanism 'commission NATIONALE' is ambiguous: it could be bgr-commission (Bulgarian "
        "commission), fra-commission (French commission); give the slug"
    )
    terms = bind_values(PACK["members-of-mechanism"], {"mechanism": "fra-commission"}, resolver.resolve, "fr")
    assert terms == {
        "mechanism": ox.NamedNode(ID + "fra-commission"),
        "as_of": None,
        "lang": ox.Literal("fr"),
    }


def test_dates_keep_the_precision_given():
    from kg.querypack import bind_values

    xsd = "http://www.w3.org/2001/XMLSchema#"
    for value, datatype in [("2012-07-15", "date"), ("2012-07", "gYearMonth"), ("2012", "gYear")]:
        terms = bind_values(PACK["members-of-mechanism"], {"as_of": value, "mechanism": ""}, None)
        assert terms["as_of"] == ox.Literal(value, datatype=ox.NamedNode(xsd + datatype))


def test_every_query_runs_with_its_defaults_on_the_seed(seed_built):
    for name in PACK:
        result = run_by_name(seed_built.queries_dir, seed_built.store, name)
        assert isinstance(result, ox.QuerySolutions), name


def test_seed_answers_members_of_icat(seed_built):
    result = run_by_name(
        seed_built.queries_dir, seed_built.store, "members-of-mechanism", ["as_of=2010-01-01"]
    )
    assert [(row["member"].value.removeprefix(ID), row["role"].value) for row in result] == [
        (m, "member")
        for m in ("ilo", "interpol", "iom", "ohchr", "unfpa", "unhcr", "unicef", "unifem", "unodc")
    ]


# --- the CLI ---------------------------------------------------------------------------------


def test_list_as_json_gives_names_titles_and_parameters(run):
    result = run("list", "--format", "json")
    assert result.exit_code == 0
    listed = {q["name"]: q for q in json.loads(result.stdout)}
    assert sorted(listed) == sorted(PACK)
    assert listed["members-of-mechanism"]["parameters"] == [
        {
            "name": "mechanism",
            "kind": "entity",
            "default": "ICAT",
            "description": "the coordination mechanism (acronym, label or IRI)",
        },
        {
            "name": "as_of",
            "kind": "date",
            "default": "",
            "description": "keep memberships in force on this date (YYYY-MM-DD, YYYY-MM or YYYY)",
        },
    ]
    assert listed["members-of-mechanism"]["title"] == "Members of a mechanism"


def test_list_as_a_table(run):
    lines = run("list").stdout.splitlines()
    assert lines[0].split() == ["name", "title", "parameters", "(defaults)"]
    assert lines[-1] == f"({len(PACK)} rows)"
    row = next(line for line in lines if line.startswith("members-of-mechanism "))
    assert row.split("  ")[0] == "members-of-mechanism"
    assert [c.strip() for c in row.split("  ") if c.strip()][1:] == [
        "Members of a mechanism",
        "mechanism=ICAT as_of=",
    ]
    assert run("list", "--format", "csv").stderr == "Error: atkg query list: --format is table or json\n"


def test_show_prints_the_file(run):
    result = run("show", "funding-flows")
    assert result.stdout == (ROOT / "queries" / "funding-flows.rq").read_text(encoding="utf-8")
    unknown = run("show", "funding")
    assert (unknown.exit_code, unknown.stderr) == (
        2,
        "Error: no query named 'funding'; did you mean funding-flows? (`atkg query list` shows them all)\n",
    )


ARGS = ("run", "agreements", "--param", "party=OIM")


def test_run_json_is_w3c_results_json(run):
    result = run(*ARGS, "--format", "json")
    parsed = ox.parse_query_results(result.stdout.encode(), format=ox.QueryResultsFormat.JSON)
    assert [v.value for v in parsed.variables] == [
        "agreement",
        "agreement_label",
        "agreement_type",
        "date",
        "parties",
    ]
    rows = list(parsed)
    assert [(r["agreement"].value, r["parties"].value, r["date"]) for r in rows] == [
        (
            ID + "agreement-unodc-iom-2012",
            "iom, unodc",
            ox.Literal("2012-04", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#gYearMonth")),
        )
    ]


def test_run_csv_and_tsv_are_w3c_results(run):
    rows = list(csv.reader(io.StringIO(run(*ARGS, "--format", "csv").stdout)))
    assert rows == [
        ["agreement", "agreement_label", "agreement_type", "date", "parties"],
        [
            ID + "agreement-unodc-iom-2012",
            "UNODC–IOM cooperation agreement (2012)",
            "cooperation agreement",
            "2012-04",
            "iom, unodc",
        ],
    ]
    tsv = run(*ARGS, "--format", "tsv").stdout
    parsed = list(ox.parse_query_results(tsv.encode(), format=ox.QueryResultsFormat.TSV))
    assert parsed[0]["agreement_type"] == ox.Literal("cooperation agreement", language="en")


def test_run_table_and_lang(run):
    result = run(*ARGS, "--lang", "fr")
    # the entity by its French label (its IRI and the query's own label column are for csv/json)
    headings = [h for h in result.stdout.splitlines()[0].split("  ") if h]
    assert [h.strip() for h in headings] == ["accord", "type d'accord", "date", "parties"]
    assert (
        result.stdout.splitlines()[2].split("  ")[0] == "Accord de coopération entre l'ONUDC et l'OIM (2012)"
    )
    assert "accord de coopération" in result.stdout.splitlines()[2]
    assert result.stdout.endswith("(1 ligne)\n")


def test_with_sources_adds_document_and_paragraph(run):
    result = run("run", "funding-flows", "--param", "recipient=ICAT", "--with-sources", "--format", "csv")
    from kg.provenance import passage_iri, passage_texts

    header, row = list(csv.reader(io.StringIO(result.stdout)))
    assert header == [
        "funder",
        "funder_label",
        "recipient",
        "recipient_label",
        "document",
        "document_title",
        "paragraph",
        "paragraph_text",
    ]
    assert row[:5] + row[6:7] == [
        ID + "country-BLR",
        "Belarus",
        ID + "icat",
        "Inter-Agency Coordination Group against Trafficking in Persons",
        ID + "doc-000",
        "11",
    ]
    assert row[5].startswith("Improving the coordination of efforts against trafficking in persons")
    assert row[7] == passage_texts(ROOT / "corpus")[passage_iri("000", "11")]  # whole, in French


def test_with_sources_gives_one_row_per_passage_in_row_order(querypack):
    result = run_by_name(querypack.queries_dir, querypack.store, "events-by-year", ["year=2008"], "fr", True)
    assert [
        (
            r["event"].value.removeprefix(ID),
            r["place"].value,
            r["document"].value.removeprefix(ID),
            r["paragraph"].value,
        )
        for r in result
    ] == [
        ("event-vienna-forum-2008", "Vienne", "doc-000", "15"),
        ("event-vienna-forum-2008", "Vienne", "doc-004", "7"),
    ]
    roles = run_by_name(querypack.queries_dir, querypack.store, "mechanisms-of-actor", [], "en", True)
    assert [
        (r["mechanism"].value.removeprefix(ID), r["role"].value, r["paragraph"].value) for r in roles
    ] == [
        ("gmg", "chair", "11"),
        ("gmg", "member", "13"),
        ("icat", "coordinator", "7"),
        ("icat", "member", "11"),
        ("ungift-steering-committee", "founder", "17"),
    ]


def test_with_sources_keeps_columns_when_nothing_matches(run):
    result = run(
        "run", "publications-by-publisher", "--param", "publisher=IOM", "--with-sources", "--format", "json"
    )
    assert json.loads(result.stdout) == {
        "head": {
            "vars": [
                "publication",
                "publication_label",
                "date",
                "publisher",
                "document",
                "document_title",
                "paragraph",
                "paragraph_text",
            ]
        },
        "results": {"bindings": []},
    }


def test_with_sources_on_a_query_without_sources(run):
    result = run("run", "label-search", "--with-sources")
    assert (result.exit_code, result.stderr) == (
        2,
        (
            "Error: query label-search states no facts to source (no 'sources:' line); "
            "run it without --with-sources\n"
        ),
    )


def test_every_sourced_query_runs_with_sources(querypack):
    for name, query in PACK.items():
        if query.sources:
            result = run_by_name(querypack.queries_dir, querypack.store, name, [], "en", True)
            assert [v.value for v in result.variables][-2:] == ["document", "paragraph"], name
            assert all(row["document"] is not None for row in result), name


def test_list_columns_are_folded_sorted_and_unbound_when_empty():
    """`lists:` columns: one row per other-columns value, its values sorted and joined."""
    from kg.querypack import collapse_lists

    store = ox.Store()
    store.load(b"<x:a> <x:p> <x:zeta>, <x:alpha> . <x:b> <x:q> <x:c> .", format=ox.RdfFormat.TURTLE)
    result = store.query(
        "SELECT ?s ?o WHERE { ?s ?p ?any OPTIONAL { ?s <x:p> ?each BIND (STR(?each) AS ?o) } } ORDER BY ?s"
    )
    folded = collapse_lists(result, ["o"])
    assert [v.value for v in folded.variables] == ["s", "o"]
    assert [(row["s"].value, row["o"] and row["o"].value) for row in folded] == [
        ("x:a", "x:alpha, x:zeta"),
        ("x:b", None),
    ]


def test_a_needs_line_is_a_pattern_and_what_it_is():
    from kg.querypack import parse_header

    head = "# title: t\n# description: d\n# example: e\n"
    query = parse_header(head + "# needs: GRAPH id:g { ?s ?p ?o } | things\nSELECT * {}\n", "q")
    assert query.needs == ("GRAPH id:g { ?s ?p ?o }", "things")
    with pytest.raises(ValidationError, match=r"^q\.rq:4: 'needs:' is 'graph pattern \| what it is'$"):
        parse_header(head + "# needs: GRAPH id:g { ?s ?p ?o }\nSELECT * {}\n", "q")
