"""`atkg validate`: SHACL, HermiT and the lint checks, on small inline fixtures."""

from __future__ import annotations

import pytest

from kg.validate import validate_workspace
from tests.edit_support import ws_args

PREFIXES = """@prefix atkg: <https://w3id.org/atkg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix id: <https://w3id.org/atkg/id/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

ENTITIES = (
    PREFIXES
    + """
id:graph-entities {
    id:ilo a atkg:UNEntity ;
        skos:prefLabel "Organisation internationale du Travail"@fr , "International Labour Organization"@en .
    id:icat a atkg:CoordinationMechanism ;
        skos:prefLabel "Groupe interinstitutions"@fr , "Inter-Agency Coordination Group"@en .
}
"""
)

CLEAN = {
    "entities.trig": ENTITIES,
    "doc-000.trig": PREFIXES
    + 'id:passage-000-11 { id:ilo org:memberOf id:icat ; atkg:provenanceNote "OIT, in le Groupe"@en . }\n',
}

DIRTY = {
    "entities.trig": ENTITIES
    + """
id:graph-entities {
    id:ilo-copy a atkg:UNEntity ;
        skos:prefLabel "OIT (copie)"@fr , "International Labour Organization"@en .
    id:lonely a atkg:NonGovernmentalOrganization ;
        skos:prefLabel "Seule"@fr , "Lonely"@en .
    id:pub-x a atkg:Publication ;
        skos:prefLabel "Rapport"@fr , "Report"@en .
    id:half a atkg:Event ;
        skos:prefLabel "Réunion"@fr .
}
""",
    "doc-000.trig": PREFIXES
    + """
id:passage-000-11 {
    id:ilo org:memberOf id:icat ; atkg:worksWith id:icat ; atkg:provenanceNote "OIT, in le Groupe"@en .
    id:ilo-copy org:memberOf id:icat .
    id:half atkg:organizedBy id:ilo .
    id:pub-x atkg:publishedBy id:ilo ; dcterms:date "2012-13"^^xsd:gYearMonth , "2012-02-30"^^xsd:date .
}
id:graph-notes { id:ilo dcterms:description "a note"@en . }
""",
}


def test_clean_workspace_exits_0(workspace_factory, cli):
    ws = workspace_factory(CLEAN)
    result = cli(*ws_args(ws), "validate")
    assert (result.exit_code, result.stdout) == (0, "No problems found.\n")
    assert result.stderr == (
        "Note: 5 date triple(s) (xsd:date, xsd:gYear, xsd:gYearMonth) not sent to HermiT: "
        "outside the OWL 2 datatype map\n"
    )


def test_findings_are_grouped_one_line_each(workspace_factory, cli):
    ws = workspace_factory(DIRTY)
    result = cli(*ws_args(ws), "validate")
    assert result.exit_code == 1
    assert result.stdout == (
        "citation (4)\n"
        "  passage-000-11: ilo-copy org:memberOf -> icat: passage does not mention it; "
        'cite a passage that names it, or explain the indirect mention with --note "why"\n'
        "  passage-000-11: ilo-copy org:memberOf -> ilo-copy: passage does not mention it; "
        'cite a passage that names it, or explain the indirect mention with --note "why"\n'
        "  passage-000-11: pub-x atkg:publishedBy -> pub-x: passage does not mention it; "
        'cite a passage that names it, or explain the indirect mention with --note "why"\n'
        "  passage-000-11: pub-x dcterms:date -> pub-x: passage does not mention it; "
        'cite a passage that names it, or explain the indirect mention with --note "why"\n'
        "duplicate-label (1)\n"
        "  ilo ilo-copy International Labour Organization\n"
        "malformed-date (2)\n"
        "  pub-x http://purl.org/dc/terms/date 2012-02-30\n"
        "  pub-x http://purl.org/dc/terms/date 2012-13\n"
        "missing-label (1)\n"
        "  half en\n"
        "orphan-entity (1)\n"
        "  lonely\n"
        "shacl (2)\n"
        "  half prefLabel: needs exactly one skos:prefLabel in @fr and one in @en\n"
        "  pub-x: dates are xsd:date, xsd:gYearMonth or xsd:gYear\n"
        "undefined-term (1)\n"
        "  https://w3id.org/atkg/ontology#worksWith passage-000-11\n"
        "unknown-graph (1)\n"
        "  graph-notes 1\n"
        "13 problem(s)\n"
    )
    assert result.stderr == (
        "Note: 7 date triple(s) (xsd:date, xsd:gYear, xsd:gYearMonth) not sent to HermiT: "
        "outside the OWL 2 datatype map\n"
    )


def test_findings_show_no_terminal_escapes_from_the_data(workspace_factory, cli):
    hostile = "ILO\\u001b]0;owned\\u0007\\nnext"  # Turtle escapes: the label holds ESC, BEL, a newline
    files = dict(CLEAN)
    files["entities.trig"] = ENTITIES + (
        "id:graph-entities { "
        f'id:x1 a atkg:UNEntity ; skos:prefLabel "Un"@fr , "{hostile}"@en . '
        f'id:x2 a atkg:UNEntity ; skos:prefLabel "Deux"@fr , "{hostile}"@en . }}\n'
    )
    result = cli(*ws_args(workspace_factory(files)), "validate", "--no-reason")
    assert result.exit_code == 1, result.stderr
    assert "  x1 x2 ILO\ufffd]0;owned\ufffd next\n" in result.stdout, result.stderr
    assert "\u001b" not in result.stdout + result.stderr


def test_reasoner_reports_inconsistency(workspace_factory):
    data = dict(CLEAN)
    data["doc-000.trig"] += "id:passage-000-11 { id:icat a atkg:Event . }\n"
    report = validate_workspace(workspace_factory(data))
    assert [str(f) for f in report.findings if f.check == "reasoner"] == [
        "reasoner: the ontology and data are inconsistent (HermiT); look for two organisations on one "
        "membership or an org:identifier shared"
    ]


def test_reasoner_reports_unsatisfiable_classes(workspace_factory):
    ws = workspace_factory(CLEAN)
    with ws.ontology.open("a", encoding="utf-8") as out:
        out.write(
            "\natkg:EventCampaign a owl:Class ; rdfs:subClassOf atkg:Event , atkg:Campaign ;"
            ' rdfs:label "event campaign"@en , "campagne-manifestation"@fr ;'
            ' rdfs:comment "Both."@en , "Les deux."@fr .\n'
        )
    report = validate_workspace(ws)
    assert [str(f) for f in report.findings] == [
        "reasoner: unsatisfiable class https://w3id.org/atkg/ontology#EventCampaign"
    ]


@pytest.mark.parametrize(
    "name",
    [
        "missing-label",
        "duplicate-label",
        "malformed-date",
        "unknown-graph",
        "lint/undefined-term",
        "deprecated-term",
        "lint/orphan-entity",
    ],
)
def test_every_new_check_says_what_it_catches(seed_workspace, name):
    text = (seed_workspace.checks_dir / f"{name}-violation.rq").read_text(encoding="utf-8")
    assert text.startswith("# title: ")
    assert "\n# description: " in text


def test_validate_skips_reasoner_on_request(workspace_factory, cli):
    data = dict(CLEAN)
    data["doc-000.trig"] += "id:passage-000-11 { id:icat a atkg:Event . }\n"
    result = cli(*ws_args(workspace_factory(data)), "validate", "--no-reason")
    assert (result.exit_code, result.stdout) == (0, "No problems found.\n")
