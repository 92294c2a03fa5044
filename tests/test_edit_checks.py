"""The checks every edit, `atkg validate` and `atkg build` share (kg/curation): citations with
--note, domain and range with subclasses, deprecated terms removable, and build = validate."""

from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib.namespace import FOAF, OWL

from kg.build import build
from kg.curation.schema import Schema
from kg.edit import FactSpec, add_fact, run_edit
from kg.errors import ValidationError
from kg.namespace import ATKG, GRAPH_ONTOLOGY, ID, ORG
from kg.rdfio import parse_rdf
from tests.edit_support import canonical, snapshot, ws_args


@pytest.fixture
def ws(seed_workspace):
    return canonical(seed_workspace)


def test_note_records_why_an_indirect_citation_holds(ws, cli):
    # 001 §12 is about UNODC's agreements; it never names the Inter-Agency Coordination Group.
    refused = cli(*ws_args(ws), "fact", "add", "ICAT", "atkg:fundedBy", "UNODC", "--source", "001:12")
    assert (refused.exit_code, refused.stderr) == (
        1,
        "Error: edit refused, files left as they were: citation: passage-001-12: icat atkg:fundedBy -> "
        "icat: passage does not mention it; cite a passage that names it, or explain the indirect "
        'mention with --note "why"\n',
    )
    note = "'l'Office' funds the Group's meetings, per the annex"
    accepted = cli(
        *ws_args(ws), "fact", "add", "ICAT", "atkg:fundedBy", "UNODC", "--source", "001:12", "--note", note
    )
    assert accepted.exit_code == 0, accepted.stderr
    assert accepted.stdout == (
        "added icat atkg:fundedBy unodc [001 §12] (with a provenance note) (kg/data/doc-001.trig)\n"
    )
    quads = set(parse_rdf(ws.data_dir / "doc-001.trig", "trig"))
    assert (ID.icat, ATKG.provenanceNote, Literal(note, lang="en"), ID["passage-001-12"]) in quads


def test_a_note_can_be_added_to_a_fact_already_stated(ws, cli):
    note = "'le Groupe' in this paragraph is the Inter-Agency Coordination Group"
    args = [*ws_args(ws), "fact", "add", "unodc", "org:memberOf", "icat", "--source", "000:11"]
    before = (ws.data_dir / "doc-000.trig").read_text()
    result = cli(*args, "--note", note)
    assert (result.exit_code, result.stdout) == (
        0,
        "added a provenance note to unodc org:memberOf icat [000 §11] (kg/data/doc-000.trig)\n",
    )
    after = (ws.data_dir / "doc-000.trig").read_text()
    added = sorted(set(after.splitlines()) - set(before.splitlines()))
    assert [line.strip() for line in added] == [f'atkg:provenanceNote "{note}"@en ;']
    again = cli(*args, "--note", note)
    assert (again.exit_code, again.stderr) == (
        2,
        "Error: unodc org:memberOf icat [000 §11] is already stated there\n",
    )
    assert (ws.data_dir / "doc-000.trig").read_text() == after


def test_empty_note_is_a_usage_error(ws, cli):
    before = snapshot(ws)
    result = cli(
        *ws_args(ws), "fact", "add", "ICAT", "atkg:fundedBy", "UNODC", "--source", "001:12", "--note", " "
    )
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: --note: say why the passage supports the fact (e.g. \"'le Groupe' is ICAT\")\n",
    )
    assert snapshot(ws) == before


def test_subclass_closure_is_computed_from_the_ontology(ws):
    ontology = parse_rdf(ws.ontology, "turtle", graph=GRAPH_ONTOLOGY)
    schema = Schema.from_quads(ontology)
    assert {ATKG.CoordinationMechanism, ORG.OrganizationalCollaboration, ORG.Organization, FOAF.Agent} <= (
        schema.superclasses(ATKG.CoordinationMechanism)
    )
    assert ATKG.CoordinationMechanism in schema.subclasses(ORG.Organization)
    assert schema.domains[ATKG.party] == [frozenset({ATKG.Agreement})]
    assert schema.ranges[ATKG.implementedIn] == [frozenset({ATKG.Country, ATKG.Region})]
    assert not schema.compatible({ATKG.UNEntity}, {ATKG.Country})
    assert schema.compatible({ATKG.UNEntity}, {ORG.Organization})


def test_a_new_subclass_satisfies_the_range_of_its_parent(ws, cli):
    added = cli(
        *ws_args(ws),
        "ontology", "add-class", "TaskForce", "--parent", "CoordinationMechanism",
        "--label-fr", "groupe de travail", "--label-en", "task force",
    )  # fmt: skip
    assert added.exit_code == 0, added.stderr
    made = cli(*ws_args(ws), "entity", "edit", "gmg", "--set-type", "TaskForce")
    assert made.exit_code == 0, made.stderr
    result = cli(*ws_args(ws), "fact", "add", "OIT", "atkg:chairs", "GMG", "--source", "000:13")
    assert (result.exit_code, result.stdout) == (
        0,
        "added ilo atkg:chairs gmg [000 §13] (kg/data/doc-000.trig)\n",
    )


def test_deprecated_term_refused_in_new_facts_but_removable(ws, cli):
    # the data states a fact with atkg:observerOf, then the term is deprecated by hand
    with (ws.data_dir / "doc-000.trig").open("a", encoding="utf-8") as out:
        out.write("id:passage-000-11 { id:unodc atkg:observerOf id:icat . }\n")
    with ws.ontology.open("a", encoding="utf-8") as out:
        out.write("\natkg:observerOf owl:deprecated true ; dcterms:isReplacedBy org:memberOf .\n")
    canonical(ws)
    refused = cli(*ws_args(ws), "fact", "add", "ilo", "atkg:observerOf", "icat", "--source", "000:11")
    assert (refused.exit_code, refused.stderr) == (
        2,
        "Error: 'atkg:observerOf' is deprecated; use org:memberOf\n",
    )
    removed = cli(*ws_args(ws), "fact", "rm", "unodc", "atkg:observerOf", "icat", "--source", "000:11")
    assert (removed.exit_code, removed.stdout) == (
        0,
        "removed unodc atkg:observerOf icat [000 §11] (kg/data/doc-000.trig)\n",
    )


def test_an_edit_is_judged_only_on_what_it_breaks(ws):
    # a citation problem already in the data does not block an unrelated, correct edit
    with (ws.data_dir / "doc-001.trig").open("a", encoding="utf-8") as out:
        out.write("id:passage-001-12 { id:icat atkg:fundedBy id:unodc . }\n")
    canonical(ws)
    result = run_edit(ws, add_fact(FactSpec("unodc", "atkg:coordinates", "icat", "000:11")))
    assert result.summary == "added unodc atkg:coordinates icat [000 §11]"


@pytest.mark.parametrize(
    ("fact", "line"),
    [
        (
            "id:passage-001-12 { id:icat atkg:fundedBy id:unodc . }",
            "citation: passage-001-12: icat atkg:fundedBy -> icat: passage does not mention it; cite a "
            'passage that names it, or explain the indirect mention with --note "why"',
        ),
        (
            "id:passage-000-11 { id:ilo org:memberOf id:country-BLR . }",
            "range: ilo org:memberOf country-BLR [000 §11]: org:memberOf needs an object that is "
            "org:Organization, and country-BLR is atkg:Country; check the object or its class "
            "(atkg entity edit --set-type)",
        ),
        (
            "id:passage-000-11 { id:icat org:memberOf id:icat . }",
            "self-membership: icat org:memberOf icat [000 §11]: icat cannot be related to itself by "
            "org:memberOf; check the subject and the object",
        ),
    ],
)
def test_build_refuses_what_validate_refuses(ws, cli, fact, line):
    with (ws.data_dir / "doc-000.trig").open("a", encoding="utf-8") as out:
        out.write(fact + "\n")
    with pytest.raises(ValidationError) as refused:
        build(ws)
    assert f"  {line}" in str(refused.value).splitlines()
    assert not ws.store.exists()
    result = cli(*ws_args(ws), "validate", "--no-reason")
    assert result.exit_code == 1
    check, _, detail = line.partition(": ")
    assert f"{check} (1)\n  {detail}\n" in result.stdout


def test_fact_rm_help_example_runs_on_the_real_data(workspace_factory, cli):
    ws = workspace_factory()
    from kg.cli.edit import fact_rm

    example = fact_rm.__doc__.split("Example: atkg ", 1)[1].split("\n")[0].split()
    result = cli(*ws_args(ws), *example)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "Dry run, nothing written: removed unicef org:memberOf icat [000 §11]\n"


def test_actors_by_type_includes_subclasses_by_name_or_label(ws, cli):
    from kg.querypack import run_by_name

    for args in (
        ["ontology", "add-class", "TaskForce", "--parent", "CoordinationMechanism",
         "--label-fr", "groupe de travail", "--label-en", "task force"],
        ["entity", "edit", "gmg", "--set-type", "TaskForce"],
    ):  # fmt: skip
        result = cli(*ws_args(ws), *args)
        assert result.exit_code == 0, result.stderr
    build(ws)

    def rows(value):
        result = run_by_name(ws.queries_dir, ws.store, "actors-by-type", [f"type={value}"], "en")
        return [tuple(str(getattr(c, "value", "")) for c in row) for row in result]

    gmg = ("https://w3id.org/atkg/id/gmg", "Global Migration Group", "task force")
    icat = (
        "https://w3id.org/atkg/id/icat",
        "Inter-Agency Coordination Group against Trafficking in Persons",
        "coordination mechanism",
    )
    steering = (
        "https://w3id.org/atkg/id/ungift-steering-committee",
        "UN.GIFT Steering Committee",
        "coordination mechanism",
    )
    assert rows("mechanism") == [gmg, icat, steering]
    assert rows("atkg:CoordinationMechanism") == [gmg, icat, steering]
    assert rows("TaskForce") == [gmg]
    assert rows("groupe de travail") == [gmg]


def test_everything_is_an_owl_thing(ws):
    schema = Schema.from_quads(parse_rdf(ws.ontology, "turtle", graph=GRAPH_ONTOLOGY))
    assert schema.is_a({ATKG.Observation}, frozenset({OWL.Thing}))
    assert not schema.is_a({ATKG.Observation}, frozenset({FOAF.Agent}))
