"""Entity and fact edits: exact file changes, exact errors, files untouched on every failure."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, XSD

from kg.edit import FactSpec, add_entity, add_fact, parse_date, remove_entity, remove_fact, run_edit
from kg.errors import UsageError
from kg.namespace import ATKG, GRAPH_ENTITIES, ID, ORG, TIME
from kg.rdfio import parse_rdf
from tests.edit_support import canonical, data_text, snapshot, ws_args


@pytest.fixture
def ws(seed_workspace):
    return canonical(seed_workspace)


def passage(key: str, label: str) -> URIRef:
    return ID[f"passage-{key}-{label}"]


def quads_of(ws, name):
    return set(parse_rdf(ws.data_dir / name, "trig"))


# ---- facts ------------------------------------------------------------------------------------


def test_fact_add_is_a_one_line_diff_and_rm_restores_bytes(ws, cli):
    before = snapshot(ws)
    result = cli(*ws_args(ws), "fact", "add", "ONUDC", "atkg:coordinates", "ICAT", "--source", "000:11")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "added unodc atkg:coordinates icat [000 §11] (kg/data/doc-000.trig)\n"
    old = before["kg/data/doc-000.trig"].decode().splitlines()
    new = data_text(ws, "doc-000.trig").splitlines()
    assert len(new) == len(old) + 1
    assert [line for line in new if line not in old] == ["        atkg:coordinates id:icat ;"]
    assert (ID.unodc, ATKG.coordinates, ID.icat, passage("000", "11")) in quads_of(ws, "doc-000.trig")
    result = cli(*ws_args(ws), "fact", "rm", "unodc", "atkg:coordinates", "icat", "--source", "000:11")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "removed unodc atkg:coordinates icat [000 §11] (kg/data/doc-000.trig)\n"
    assert snapshot(ws) == before


def test_qualified_fact_creates_membership_and_truthy_triple(ws):
    before = snapshot(ws)
    spec = FactSpec("OIT", "atkg:chairs", "GMG", "000:13", role="chair", start="2007", end="2008-06-30")
    result = run_edit(ws, add_fact(spec))
    assert result.summary == "added ilo atkg:chairs gmg [000 §13] (with 8 qualifying triple(s))"
    g = passage("000", "13")
    m, i = ID["membership-ilo-gmg-chair-2007"], ID["interval-membership-ilo-gmg-chair-2007"]
    added = quads_of(ws, "doc-000.trig") - set(parse_rdf(before["kg/data/doc-000.trig"].decode(), "trig"))
    assert added == {
        (m, RDF.type, ORG.Membership, g),
        (m, ORG.member, ID.ilo, g),
        (m, ORG.organization, ID.gmg, g),
        (m, ORG.role, ATKG.ChairRole, g),
        (m, ORG.memberDuring, i, g),
        (i, RDF.type, TIME.Interval, g),
        (i, ATKG.startDate, Literal("2007", datatype=XSD.gYear), g),
        (i, ATKG.endDate, Literal("2008-06-30", datatype=XSD.date), g),
        (ID.ilo, ATKG.chairs, ID.gmg, g),
    }
    with pytest.raises(
        UsageError, match=r"is stated by the membership membership-ilo-gmg-chair-2007; remove it"
    ):
        run_edit(ws, remove_fact(FactSpec("ilo", "atkg:chairs", "gmg", "000:13")))
    run_edit(ws, remove_fact(spec))
    assert snapshot(ws) == before


def test_dates_are_typed_by_precision():
    assert parse_date("2012") == Literal("2012", datatype=XSD.gYear)
    assert parse_date("2012-04") == Literal("2012-04", datatype=XSD.gYearMonth)
    assert parse_date("2012-04-17") == Literal("2012-04-17", datatype=XSD.date)


def test_fact_add_date_literal(ws, cli):
    result = cli(
        *ws_args(ws),
        "fact",
        "add",
        "agreement-unodc-iom-2012",
        "dcterms:date",
        "2012-04-17",
        "--source",
        "001:12",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        'added agreement-unodc-iom-2012 dcterms:date "2012-04-17"^^xsd:date [001 §12] '
        "(kg/data/doc-001.trig)\n"
    )


def test_dry_run_prints_the_diff_and_writes_nothing(ws, cli):
    before = snapshot(ws)
    result = cli(
        *ws_args(ws), "fact", "add", "unodc", "atkg:coordinates", "icat", "--source", "000:11", "--dry-run"
    )
    assert result.exit_code == 0
    assert "+        atkg:coordinates id:icat ;\n" in result.stdout
    assert result.stdout.startswith("--- a/kg/data/doc-000.trig\n+++ b/kg/data/doc-000.trig\n")
    assert result.stderr == "Dry run, nothing written: added unodc atkg:coordinates icat [000 §11]\n"
    assert snapshot(ws) == before


@pytest.fixture
def ambiguous(ws):
    """A second entity called "OIT", written by hand: edits refuse to create such a clash."""
    with (ws.data_dir / "entities.trig").open("a", encoding="utf-8") as out:
        out.write(
            'id:graph-entities { id:oit-bis a atkg:UNEntity ; skos:prefLabel "Autre"@fr , "Other"@en ;'
            ' skos:altLabel "OIT"@fr . }\n'
        )
    return canonical(ws)


FACT_ERRORS = [
    (
        ["fact", "add", "nobody", "org:memberOf", "icat", "--source", "000:11"],
        2,
        "Error: subject 'nobody' not found\n",
    ),
    (
        ["fact", "add", "OIT", "org:memberOf", "icat", "--source", "000:11"],
        2,
        "Error: subject 'OIT' is ambiguous: it could be ilo (International Labour Organization), "
        "oit-bis (Other); give the slug\n",
    ),
    (
        ["fact", "add", "unodc", "atkg:coordinatez", "icat", "--source", "000:11"],
        2,
        "Error: property 'atkg:coordinatez' is not defined in the ontology\n",
    ),
    (
        ["fact", "add", "unodc", "zz:thing", "icat", "--source", "000:11"],
        2,
        "Error: 'zz:thing': unknown prefix "
        "(known: atkg, dcterms, foaf, id, org, owl, prov, rdf, rdfs, skos, time, xsd)\n",
    ),
    (
        ["fact", "add", "unodc", "org:memberOf", "icatt", "--source", "000:11"],
        2,
        "Error: object 'icatt' not found; did you mean icat (atkg:CoordinationMechanism, "
        "Inter-Agency Coordination Group against Trafficking in Persons)?\n",
    ),
    (
        ["fact", "add", "agreement-unodc-iom-2012", "dcterms:date", "2012-13", "--source", "001:12"],
        2,
        "Error: dcterms:date '2012-13' is not a date: give YYYY, YYYY-MM or YYYY-MM-DD\n",
    ),
    (
        ["fact", "add", "agreement-unodc-iom-2012", "dcterms:date", "2012-02-30", "--source", "001:12"],
        2,
        "Error: dcterms:date '2012-02-30' is not a date: give YYYY, YYYY-MM or YYYY-MM-DD\n",
    ),
    (
        ["fact", "add", "unodc", "atkg:line", "twelve", "--source", "001:12"],
        2,
        "Error: 'twelve' is not an xsd:integer, as atkg:line requires\n",
    ),
    (
        ["fact", "add", "unodc", "org:memberOf", "icat"],
        2,
        "Error: a fact needs --source DOC:PARA (e.g. --source 001:12)\n",
    ),
    (
        ["fact", "add", "unodc", "org:memberOf", "icat", "--source", "009:1"],
        2,
        "Error: --source '009:1': no document '009' in the corpus\n",
    ),
    (
        ["fact", "add", "unodc", "org:memberOf", "icat", "--source", "000:999"],
        2,
        "Error: --source '000:999': document 000 has no paragraph '999'\n",
    ),
    (
        ["fact", "add", "unodc", "org:memberOf", "icat", "--source", "000"],
        2,
        "Error: --source '000': give DOC:PARA, e.g. 001:12\n",
    ),
    (
        ["fact", "add", "unodc", "org:memberOf", "icat", "--source", "000:11"],
        2,
        "Error: unodc org:memberOf icat [000 §11] is already stated there\n",
    ),
    (
        ["fact", "add", "unodc", "atkg:party", "icat", "--source", "000:11", "--role", "chair"],
        2,
        "Error: --role/--from/--to qualify only org:memberOf, atkg:chairs, atkg:coordinates, "
        "atkg:observerOf, "
        "not atkg:party\n",
    ),
    (
        ["fact", "add", "unodc", "org:memberOf", "icat", "--source", "000:11", "--role", "chair"],
        2,
        "Error: role atkg:ChairRole goes with atkg:chairs, not org:memberOf\n",
    ),
    (
        ["fact", "add", "unodc", "org:memberOf", "icat", "--source", "000:11", "--role", "boss"],
        2,
        "Error: --role 'boss': not a role (one of member, founder, chair, coordinator, observer)\n",
    ),
    (
        [
            "fact",
            "add",
            "unodc",
            "org:memberOf",
            "icat",
            "--source",
            "000:11",
            "--from",
            "2010",
            "--to",
            "2008",
        ],
        2,
        "Error: --to 2008 is before --from 2010\n",
    ),
    (
        ["fact", "rm", "unodc", "atkg:coordinates", "icat", "--source", "000:11"],
        2,
        "Error: unodc atkg:coordinates icat [000 §11] is not stated there\n",
    ),
    (
        ["fact", "add", "unodc", "rdf:type", "atkg:Country", "--source", "000:11"],
        1,
        "Error: edit refused, files left as they were: shacl: unodc iso3166Alpha2: "
        "needs one ISO 3166-1 alpha-2 "
        "code; shacl: unodc iso3166Alpha3: needs one ISO 3166-1 alpha-3 code\n",
    ),
    (
        ["entity", "edit", "ilo", "--remove-label", "International Labour Organization@en"],
        1,
        "Error: edit refused, files left as they were: missing-label: ilo en; "
        "shacl: ilo prefLabel: needs exactly "
        "one skos:prefLabel in @fr and one in @en\n",
    ),
]


@pytest.mark.parametrize(
    ("args", "code", "message"), FACT_ERRORS, ids=[" ".join(a[:4]) + m[7:40] for a, c, m in FACT_ERRORS]
)
def test_bad_edits_exit_with_one_line_and_change_nothing(ambiguous, cli, args, code, message):
    before = snapshot(ambiguous)
    result = cli(*ws_args(ambiguous), *args)
    assert (result.exit_code, result.stderr, result.stdout) == (code, message, "")
    assert snapshot(ambiguous) == before


# ---- entities ----------------------------------------------------------------------------------


HOSTILE = {
    "fr": 'L\'« Office » "cité"\nsur deux lignes \\ <script>alert("x")</script>',
    "en": "Управление ООН 联合国毒品和犯罪问题办公室 مكتب الأمم المتحدة & <b>bold</b>",
    "alt": "]]> [red]markup[/red] ${x} `rm -rf` é",
}


def test_hostile_strings_round_trip_unchanged(ws, cli):
    before = snapshot(ws)
    result = cli(
        *ws_args(ws),
        "entity",
        "add",
        "odd-body",
        "--type",
        "atkg:NonGovernmentalOrganization",
        "--label-fr",
        HOSTILE["fr"],
        "--label-en",
        HOSTILE["en"],
        "--alt",
        HOSTILE["alt"] + "@en",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "added odd-body (atkg:NonGovernmentalOrganization) (kg/data/entities.trig)\n"
    node = ID["odd-body"]
    mine = {q for q in quads_of(ws, "entities.trig") if q[0] == node}
    assert mine == {
        (node, RDF.type, ATKG.NonGovernmentalOrganization, GRAPH_ENTITIES),
        (node, SKOS.prefLabel, Literal(HOSTILE["fr"], lang="fr"), GRAPH_ENTITIES),
        (node, SKOS.prefLabel, Literal(HOSTILE["en"], lang="en"), GRAPH_ENTITIES),
        (node, SKOS.altLabel, Literal(HOSTILE["alt"], lang="en"), GRAPH_ENTITIES),
    }
    shown = cli(*ws_args(ws), "entity", "show", "odd-body")
    assert shown.exit_code == 0, shown.stderr
    assert shown.stdout.splitlines()[:4] == [
        "odd-body  (atkg:NonGovernmentalOrganization)",
        '  prefLabel "L\'« Office » \\"cité\\"\\nsur deux lignes \\\\ <script>alert(\\"x\\")</script>"@fr',
        f'  prefLabel "{HOSTILE["en"]}"@en',
        f'  altLabel "{HOSTILE["alt"]}"@en',
    ]
    found = cli(*ws_args(ws), "entity", "search", "联合国")
    assert found.stdout.splitlines()[2].startswith("odd-body  atkg:NonGovernmentalOrganization")
    assert cli(*ws_args(ws), "entity", "rm", HOSTILE["alt"]).exit_code == 0
    assert snapshot(ws) == before


def test_entity_add_writes_canonical_lines(ws, cli):
    before = data_text(ws, "entities.trig")
    result = cli(
        *ws_args(ws),
        "entity",
        "add",
        "unops",
        "--type",
        "UNEntity",
        "--label-fr",
        "Bureau pour les services d'appui aux projets",
        "--label-en",
        "Office for Project Services",
        "--alt",
        "UNOPS@en",
    )
    assert result.exit_code == 0, result.stderr
    after = data_text(ws, "entities.trig")
    block = (
        '    id:unops\n        a atkg:UNEntity ;\n        skos:altLabel "UNOPS"@en ;\n'
        '        skos:prefLabel "Bureau pour les services d\'appui aux projets"@fr ;\n'
        '        skos:prefLabel "Office for Project Services"@en ;\n        .\n\n'
    )
    assert block in after
    assert after.replace(block, "", 1) == before


ENTITY_ERRORS = [
    (
        ["entity", "add", "un women", "--type", "UNEntity", "--label-fr", "a", "--label-en", "b"],
        2,
        "Error: slug 'un women': use letters, digits and single hyphens (e.g. un-women)\n",
    ),
    (
        ["entity", "add", "ilo", "--type", "UNEntity", "--label-fr", "a", "--label-en", "b"],
        2,
        "Error: entity 'ilo' already exists; edit it with `atkg entity edit ilo`\n",
    ),
    (
        ["entity", "add", "x", "--type", "Agencyy", "--label-fr", "a", "--label-en", "b"],
        2,
        "Error: class 'Agencyy' is not defined in the ontology\n",
    ),
    (
        ["entity", "add", "x", "--type", "UNEntity", "--label-fr", " ", "--label-en", "b"],
        2,
        "Error: --label-fr: a label cannot be empty\n",
    ),
    (
        ["entity", "add", "x", "--type", "UNEntity", "--label-fr", "a", "--label-en", "b", "--alt", "nolang"],
        2,
        "Error: --alt 'nolang': give TEXT@LANG, e.g. \"ONUDC@fr\"\n",
    ),
    (["entity", "edit", "ilo", "--add-label", "OIT@fr"], 2, 'Error: ilo already has the label "OIT"@fr\n'),
    (["entity", "edit", "ilo", "--remove-label", "XYZ@fr"], 2, 'Error: ilo has no label "XYZ"@fr\n'),
    (
        ["entity", "edit", "ilo"],
        2,
        "Error: nothing to change: give --add-label, --remove-label, --set-pref or --set-type\n",
    ),
    (
        ["entity", "edit", "ilo", "--set-type", "Nope"],
        2,
        "Error: class 'Nope' is not defined in the ontology\n",
    ),
    (["entity", "merge", "ilo", "OIT"], 2, "Error: 'ilo' and 'OIT' are the same entity (ilo)\n"),
    (["entity", "show", "zzz"], 2, "Error: entity 'zzz' not found\n"),
    (["entity", "add-country", "XX"], 2, "Error: XX: not an ISO 3166-1 country code\n"),
    (["entity", "add-country", "BLR"], 2, "Error: country-BLR already exists\n"),
]


@pytest.mark.parametrize(
    ("args", "code", "message"), ENTITY_ERRORS, ids=[m[7:40] for _, _, m in ENTITY_ERRORS]
)
def test_bad_entity_edits(ws, cli, args, code, message):
    before = snapshot(ws)
    result = cli(*ws_args(ws), *args)
    assert (result.exit_code, result.stderr, result.stdout) == (code, message, "")
    assert snapshot(ws) == before


def test_entity_edit_labels_and_type(ws, cli):
    result = cli(
        *ws_args(ws),
        "entity",
        "edit",
        "ilo",
        "--add-label",
        "Organisation du travail@fr",
        "--remove-label",
        "BIT@fr",
        "--set-type",
        "IntergovernmentalOrganization",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        'ilo: removed label "BIT"@fr; added label "Organisation du travail"@fr; type is now '
        "atkg:IntergovernmentalOrganization (kg/data/entities.trig)\n"
    )
    mine = {(p, o) for s, p, o, g in quads_of(ws, "entities.trig") if s == ID.ilo}
    assert (SKOS.altLabel, Literal("Organisation du travail", lang="fr")) in mine
    assert (SKOS.altLabel, Literal("BIT", lang="fr")) not in mine
    assert {o for p, o in mine if p == RDF.type} == {ATKG.IntergovernmentalOrganization}
    result = cli(*ws_args(ws), "entity", "edit", "ilo", "--set-pref", "OIT@fr")
    assert result.exit_code == 0, result.stderr
    mine = {(p, o) for s, p, o, g in quads_of(ws, "entities.trig") if s == ID.ilo}
    assert (SKOS.prefLabel, Literal("OIT", lang="fr")) in mine
    assert (SKOS.altLabel, Literal("OIT", lang="fr")) not in mine


def test_entity_rm_refuses_while_facts_refer_then_cascades(ws, cli):
    before = snapshot(ws)
    result = cli(*ws_args(ws), "entity", "rm", "unesco")
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: unesco is still mentioned by 1 fact(s): unesco org:memberOf gmg [000 §13]; "
        "remove them first or use --cascade\n",
    )
    assert snapshot(ws) == before
    result = cli(*ws_args(ws), "entity", "rm", "unesco", "--cascade")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "removed unesco and 1 fact(s) mentioning it (kg/data/doc-000.trig, kg/data/entities.trig)\n"
    )
    everything = quads_of(ws, "doc-000.trig") | quads_of(ws, "entities.trig")
    assert not [q for q in everything if ID.unesco in (q[0], q[2])]


def test_entity_rm_cascade_takes_the_membership_node_along(ws):
    spec = FactSpec("ohchr", "atkg:coordinates", "icat", "000:11", role="coordinator", start="2007")
    run_edit(ws, add_fact(spec))
    assert "id:membership-ohchr-icat-coordinator-2007" in data_text(ws, "doc-000.trig")
    result = run_edit(ws, remove_entity("ohchr", cascade=True))
    assert result.summary == "removed ohchr and 10 fact(s) mentioning it"
    text = data_text(ws, "doc-000.trig") + data_text(ws, "entities.trig")
    assert "ohchr" not in text


def test_entity_merge_rewrites_references_and_keeps_labels(ws, cli):
    run_edit(ws, add_entity("ilo-duplicate", "UNEntity", "OIT (doublon)", "ILO (duplicate)", ["I.L.O.@en"]))
    note = "OIT, under the name of its duplicate"
    run_edit(ws, add_fact(FactSpec("ilo-duplicate", "atkg:chairs", "gmg", "000:13", note=note)))
    result = cli(*ws_args(ws), "entity", "merge", "ilo-duplicate", "ilo")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "merged ilo-duplicate into ilo: 2 fact(s) rewritten (kg/data/doc-000.trig, kg/data/entities.trig)\n"
    )
    everything = quads_of(ws, "doc-000.trig") | quads_of(ws, "entities.trig")
    assert [q for q in everything if ID["ilo-duplicate"] in (q[0], q[2])] == [
        (ID["ilo-duplicate"], DCTERMS.isReplacedBy, ID.ilo, GRAPH_ENTITIES)
    ]
    shown = cli(*ws_args(ws), "entity", "show", "ilo-duplicate")
    assert shown.stdout.startswith("ilo  (atkg:UNEntity)\n")
    assert (ID.ilo, ATKG.chairs, ID.gmg, passage("000", "13")) in everything
    labels = {o for s, p, o, g in everything if s == ID.ilo and p == SKOS.altLabel}
    assert {
        Literal("OIT (doublon)", lang="fr"),
        Literal("ILO (duplicate)", lang="en"),
        Literal("I.L.O.", lang="en"),
    } <= labels


def test_entity_show_search_and_fact_list(ws, cli):
    result = cli(*ws_args(ws), "entity", "show", "OIT")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "ilo  (atkg:UNEntity)\n"
        '  prefLabel "International Labour Organization"@en\n'
        '  prefLabel "Organisation internationale du Travail"@fr\n'
        '  altLabel "BIT"@fr\n'
        '  altLabel "Bureau international du Travail"@fr\n'
        '  altLabel "ILO"@en\n'
        '  altLabel "OIT"@fr\n'
        "\nFacts (2)\n"
        "subject  property      object  source\n"
        "-------  ------------  ------  -------\n"
        "ilo      org:memberOf  icat    000 §11\n"
        "ilo      org:memberOf  gmg     000 §13\n"
        "(2 rows)\n"
    )
    result = cli(*ws_args(ws), "entity", "search", "migration", "--format", "csv")
    assert result.stdout == (
        "entity,type,label_fr,label_en\n"
        "gmg,atkg:CoordinationMechanism,Groupe mondial sur la migration,Global Migration Group\n"
        "iom,atkg:IntergovernmentalOrganization,Organisation internationale pour les migrations,"
        "International Organization for Migration\n"
    )
    result = cli(*ws_args(ws), "fact", "list", "agreement-unodc-iom-2012", "--format", "tsv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "subject\tproperty\tobject\tsource\n"
        "agreement-unodc-iom-2012\tatkg:party\tiom\t001 §12\n"
        "agreement-unodc-iom-2012\tatkg:party\tunodc\t001 §12\n"
        'agreement-unodc-iom-2012\tdcterms:date\t"2012-04"^^xsd:gYearMonth\t001 §12\n'
        "agreement-unodc-iom-2012\trdf:type\tatkg:CooperationAgreement\t001 §12\n"
    )


def test_add_country_from_iso(ws, cli):
    result = cli(*ws_args(ws), "entity", "add-country", "rw")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "added country-RWA (Rwanda) (kg/data/countries.trig)\n"
    assert (ID["country-RWA"], ATKG.iso3166Alpha2, Literal("RW"), GRAPH_ENTITIES) in quads_of(
        ws, "countries.trig"
    )


def test_fmt_rewrites_hand_written_files_once(seed_workspace, cli):
    result = cli(*ws_args(seed_workspace), "fmt")
    assert result.stdout == (
        "formatted kg/data/countries.trig\nformatted kg/data/doc-000.trig\n"
        "formatted kg/data/doc-001.trig\nformatted kg/data/entities.trig\n"
    )
    before = snapshot(seed_workspace)
    result = cli(*ws_args(seed_workspace), "fmt")
    assert result.stdout == "Every curated file is already canonical.\n"
    assert snapshot(seed_workspace) == before


def test_a_broken_curated_file_is_reported_and_nothing_written(ws, cli):
    (ws.data_dir / "doc-001.trig").write_text(
        "@prefix id: <https://w3id.org/atkg/id/> .\nid:x id:y", encoding="utf-8"
    )
    before = snapshot(ws)
    result = cli(*ws_args(ws), "fact", "add", "unodc", "atkg:coordinates", "icat", "--source", "000:11")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: kg/data/doc-001.trig:2: ")
    assert snapshot(ws) == before
