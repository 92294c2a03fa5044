"""The attack list of issue 12: bad edits a tired maintainer (or an attacker) types, each refused
with its exact message, exit code, and every file left byte for byte as it was."""

from __future__ import annotations

import pytest

from tests.edit_support import canonical, snapshot, ws_args

ATTACKS = [
    (
        ["fact", "add", "OSCE", "atkg:party", "UNODC", "--source", "001:12"],
        1,
        "Error: edit refused, files left as they were: citation: passage-001-12: osce atkg:party "
        "-> osce: passage does not mention it; cite a passage that names it, or explain the "
        'indirect mention with --note "why"; domain: osce atkg:party unodc [001 §12]: atkg:party '
        "needs a subject that is atkg:Agreement, and osce is atkg:RegionalOrganization; check "
        "the direction of the fact or the subject's class (atkg entity edit --set-type)\n",
    ),
    (
        ["fact", "add", "ILO", "org:memberOf", "BLR", "--source", "000:11"],
        1,
        "Error: edit refused, files left as they were: range: ilo org:memberOf country-BLR [000 "
        "§11]: org:memberOf needs an object that is org:Organization, and country-BLR is "
        "atkg:Country; check the object or its class (atkg entity edit --set-type)\n",
    ),
    (
        ["fact", "add", "ICAT", "org:memberOf", "ICAT", "--source", "000:11"],
        1,
        "Error: edit refused, files left as they were: self-membership: icat org:memberOf icat "
        "[000 §11]: icat cannot be related to itself by org:memberOf; check the subject and the "
        "object\n",
    ),
    (
        [
            "fact",
            "add",
            "ungift-steering-committee",
            "org:hasMember",
            "ungift-steering-committee",
            "--source",
            "000:11",
        ],
        1,
        "Error: edit refused, files left as they were: citation: passage-000-11: "
        "ungift-steering-committee org:hasMember -> ungift-steering-committee: passage does not "
        "mention it; cite a passage that names it, or explain the indirect mention with --note "
        '"why"; self-membership: ungift-steering-committee org:hasMember '
        "ungift-steering-committee [000 §11]: ungift-steering-committee cannot be related to "
        "itself by org:hasMember; check the subject and the object\n",
    ),
    (
        ["fact", "add", "unodc", "org:memberOf", "icat", "--source", "000:11", "--role", "chair"],
        2,
        "Error: role atkg:ChairRole goes with atkg:chairs, not org:memberOf\n",
    ),
    (
        ["entity", "edit", "unodc", "--set-type", "Measure"],
        1,
        "Error: edit refused, files left as they were: domain: unodc org:memberOf gmg [000 §13]: "
        "org:memberOf needs a subject that is foaf:Agent, and unodc is atkg:Measure; check the "
        "direction of the fact or the subject's class (atkg entity edit --set-type); domain: "
        "unodc org:memberOf icat [000 §11]: org:memberOf needs a subject that is foaf:Agent, and "
        "unodc is atkg:Measure; check the direction of the fact or the subject's class (atkg "
        "entity edit --set-type); range: agreement-unodc-frontex-2012 atkg:party unodc [001 "
        "§12]: atkg:party needs an object that is foaf:Agent, and unodc is atkg:Measure; check "
        "the object or its class (atkg entity edit --set-type); range: agreement-unodc-iom-2012 "
        "atkg:party unodc [001 §12]: atkg:party needs an object that is foaf:Agent, and unodc is "
        "atkg:Measure; check the object or its class (atkg entity edit --set-type); range: "
        "agreement-unodc-unwto-2012 atkg:party unodc [001 §12]: atkg:party needs an object that "
        "is foaf:Agent, and unodc is atkg:Measure; check the object or its class (atkg entity "
        "edit --set-type)\n",
    ),
    (
        ["entity", "edit", "country-BLR", "--set-type", "UNEntity"],
        1,
        "Error: edit refused, files left as they were: domain: country-BLR atkg:iso3166Alpha2 "
        '"BY" [entities]: atkg:iso3166Alpha2 needs a subject that is atkg:Country, and '
        "country-BLR is atkg:UNEntity; check the direction of the fact or the subject's class "
        '(atkg entity edit --set-type); domain: country-BLR atkg:iso3166Alpha3 "BLR" [entities]: '
        "atkg:iso3166Alpha3 needs a subject that is atkg:Country, and country-BLR is "
        "atkg:UNEntity; check the direction of the fact or the subject's class (atkg entity edit "
        "--set-type)\n",
    ),
    (
        ["entity", "merge", "ILO", "BLR"],
        2,
        "Error: cannot merge ilo (atkg:UNEntity) into country-BLR (atkg:Country): one thing "
        "cannot be both; check the names, or change a class first (atkg entity edit --set-type)\n",
    ),
    (
        ["entity", "merge", "agreement-unodc-iom-2012", "unodc"],
        2,
        "Error: cannot merge agreement-unodc-iom-2012 (atkg:CooperationAgreement) into unodc "
        "(atkg:UNEntity): one thing cannot be both; check the names, or change a class first "
        "(atkg entity edit --set-type)\n",
    ),
    (
        [
            "ontology",
            "add-class",
            "ChairRole",
            "--parent",
            "Initiative",
            "--label-fr",
            "x",
            "--label-en",
            "y",
        ],
        2,
        "Error: class name 'ChairRole' collides with the ontology term atkg:ChairRole; choose another name\n",
    ),
    (
        ["ontology", "add-class", "Unodc", "--parent", "Initiative", "--label-fr", "x", "--label-en", "y"],
        2,
        "Error: class name 'Unodc' collides with the entity unodc; choose another name\n",
    ),
    (
        [
            "ontology",
            "add-property",
            "unodc",
            "--domain",
            "foaf:Agent",
            "--range",
            "xsd:string",
            "--label-fr",
            "x",
            "--label-en",
            "y",
        ],
        2,
        "Error: property name 'unodc' collides with the entity unodc; choose another name\n",
    ),
    (
        ["entity", "add", "passage-000-11", "--type", "Event", "--label-fr", "a", "--label-en", "b"],
        2,
        "Error: slug 'passage-000-11': the prefix 'passage-' is reserved for passages (generated "
        "from the corpus)\n",
    ),
    (
        ["entity", "add", "graph-entities", "--type", "Event", "--label-fr", "a", "--label-en", "b"],
        2,
        "Error: slug 'graph-entities': the prefix 'graph-' is reserved for named graphs\n",
    ),
    (
        ["entity", "add", "membership-x", "--type", "Event", "--label-fr", "a", "--label-en", "b"],
        2,
        "Error: slug 'membership-x': the prefix 'membership-' is reserved for memberships (`atkg "
        "membership add`)\n",
    ),
    (
        ["entity", "add", "obs-000-11-1", "--type", "Event", "--label-fr", "a", "--label-en", "b"],
        2,
        "Error: slug 'obs-000-11-1': the prefix 'obs-' is reserved for observations (`atkg "
        "observation add`)\n",
    ),
    (
        ["entity", "add", "UNODC", "--type", "Event", "--label-fr", "a", "--label-en", "b"],
        2,
        "Error: slug 'UNODC' is already the name of unodc (United Nations Office on Drugs and "
        "Crime); choose another slug, or edit that entity\n",
    ),
    (
        ["entity", "add", "Icat", "--type", "Event", "--label-fr", "a", "--label-en", "b"],
        2,
        "Error: slug 'Icat' is already the name of icat (Inter-Agency Coordination Group against "
        "Trafficking in Persons); choose another slug, or edit that entity\n",
    ),
    (
        ["entity", "add", "oit", "--type", "Event", "--label-fr", "a", "--label-en", "b"],
        2,
        "Error: slug 'oit' is already the name of ilo (International Labour Organization); "
        "choose another slug, or edit that entity\n",
    ),
    (
        ["entity", "add", "new-body", "--type", "Event", "--label-fr", "OIT", "--label-en", "b"],
        1,
        "Error: edit refused, files left as they were: ambiguous-label: 'oit' would name both "
        "new-body and ilo; choose a label that tells them apart, or merge them (atkg entity "
        "merge)\n",
    ),
    (
        ["entity", "edit", "OSCE", "--set-pref", "ILO@en"],
        1,
        "Error: edit refused, files left as they were: ambiguous-label: 'ilo' would name both "
        "osce and ilo; choose a label that tells them apart, or merge them (atkg entity merge)\n",
    ),
    (
        ["entity", "edit", "OSCE", "--add-label", "Organisation internationale du travail@fr"],
        1,
        "Error: edit refused, files left as they were: ambiguous-label: 'organisation "
        "internationale du travail' would name both osce and ilo; choose a label that tells them "
        "apart, or merge them (atkg entity merge)\n",
    ),
    (
        [
            "entity",
            "add",
            "agreement-a-b-2012",
            "--type",
            "CooperationAgreement",
            "--label-fr",
            "a",
            "--label-en",
            "b",
        ],
        1,
        "Error: edit refused, files left as they were: shacl: agreement-a-b-2012 party: an agreement "
        "needs at least two parties; create an agreement with its parties in one command: "
        "`atkg agreement add --type T --party A --party B --source DOC:PARA`\n",
    ),
]


@pytest.fixture
def ws(seed_workspace):
    return canonical(seed_workspace)


@pytest.mark.parametrize(("args", "code", "message"), ATTACKS, ids=[" ".join(a[:3]) for a, _, _ in ATTACKS])
def test_attack_is_refused_and_changes_nothing(ws, cli, args, code, message):
    before = snapshot(ws)
    result = cli(*ws_args(ws), *args)
    assert (result.exit_code, result.stderr) == (code, message)
    assert result.stdout == ""
    assert snapshot(ws) == before
