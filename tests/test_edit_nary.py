"""N-ary facts in one command: each writes the documented pattern with minted IRIs, checked as a
whole, and the result builds."""

from __future__ import annotations

import pytest

from kg.build import build
from tests.edit_support import canonical, data_text, snapshot, ws_args


@pytest.fixture
def ws(seed_workspace, cli):
    ws = canonical(seed_workspace)
    for args in (["entity", "add-country", "GRC"], ["entity", "add-country", "HRV"]):
        assert cli(*ws_args(ws), *args).exit_code == 0
    made = cli(
        *ws_args(ws),
        "entity", "add", "measure-victims-identified", "--type", "Measure",
        "--label-fr", "Nombre de victimes identifiées", "--label-en", "Number of victims identified",
    )  # fmt: skip
    assert made.exit_code == 0, made.stderr
    return ws


def test_agreement_add_writes_entity_and_passage_blocks(ws, cli):
    result = cli(
        *ws_args(ws),
        "agreement", "add", "--type", "MemorandumOfUnderstanding", "--party", "IOM", "--party", "Frontex",
        "--date", "2012-04", "--subject", "Coopération contre la traite@fr", "--source", "001:12",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "added agreement-iom-frontex-2012 (atkg:MemorandumOfUnderstanding, 2 parties) [001 §12] "
        "(kg/data/doc-001.trig, kg/data/entities.trig)\n"
    )
    assert (
        "    id:agreement-iom-frontex-2012\n        a atkg:MemorandumOfUnderstanding ;\n"
        '        skos:prefLabel "IOM-Frontex memorandum of understanding (2012)"@en ;\n'
        '        skos:prefLabel "Mémorandum d\'accord entre OIM et Frontex (2012)"@fr ;\n        .\n'
    ) in data_text(ws, "entities.trig")
    assert (
        "    id:agreement-iom-frontex-2012\n        a atkg:MemorandumOfUnderstanding ;\n"
        '        dcterms:date "2012-04"^^xsd:gYearMonth ;\n'
        '        dcterms:description "Coopération contre la traite"@fr ;\n'
        "        atkg:party id:frontex ;\n        atkg:party id:iom ;\n        .\n"
    ) in data_text(ws, "doc-001.trig")
    before = snapshot(ws)
    again = cli(
        *ws_args(ws),
        "agreement", "add", "--type", "MemorandumOfUnderstanding", "--party", "IOM", "--party", "Frontex",
        "--date", "2012-04", "--source", "001:12",
    )  # fmt: skip
    assert again.exit_code == 1
    assert again.stderr.startswith(
        "Error: edit refused, files left as they were: ambiguous-label: 'iom frontex memorandum of "
        "understanding 2012' would name both agreement-iom-frontex-2012-2 and agreement-iom-frontex-2012;"
    )
    assert snapshot(ws) == before
    build(ws)


def test_observation_membership_and_ratification_then_build(ws, cli):
    steps = [
        (
            ["observation", "add", "HRV", "measure-victims-identified", "65", "--unit", "person",
             "--period", "2007", "--source", "003:12"],
            "added obs-003-12-1: country-HRV measure-victims-identified = 65 [003 §12] "
            "(kg/data/doc-003.trig)\n",
        ),
        (
            ["membership", "add", "ILO", "GMG", "--role", "chair", "--from", "2007", "--source", "000:13"],
            "added ilo atkg:chairs gmg [000 §13] (with 7 qualifying triple(s)) (kg/data/doc-000.trig)\n",
        ),
        (
            ["ratification", "add", "GRC", "instrument-tip-protocol", "--date", "2011", "--source", "001:2",
             "--note", "'le Protocole' is the trafficking protocol"],
            "added country-GRC atkg:ratified instrument-tip-protocol (ratification-GRC-tip-protocol) "
            "[001 §2] (kg/data/doc-001.trig)\n",
        ),
    ]  # fmt: skip
    for args, expected in steps:
        result = cli(*ws_args(ws), *args)
        assert (result.exit_code, result.stdout) == (0, expected), result.stderr
    assert (
        "    id:obs-003-12-1\n        a atkg:Observation ;\n"
        "        atkg:measure id:measure-victims-identified ;\n        atkg:observedEntity id:country-HRV ;\n"
        '        atkg:period "2007"^^xsd:gYear ;\n        atkg:unit "person" ;\n        atkg:value 65 ;\n'
    ) in data_text(ws, "doc-003.trig")
    assert (
        "    id:membership-ilo-gmg-chair-2007\n        a org:Membership ;\n"
        "        org:member id:ilo ;\n        org:memberDuring id:interval-membership-ilo-gmg-chair-2007 ;\n"
    ) in data_text(ws, "doc-000.trig")
    assert (
        "    id:ratification-GRC-tip-protocol\n        a atkg:Ratification ;\n"
        '        dcterms:date "2011"^^xsd:gYear ;\n        atkg:instrument id:instrument-tip-protocol ;\n'
    ) in data_text(ws, "doc-001.trig")
    build(ws)


BAD = [
    (
        ["agreement", "add", "--type", "WorkingArrangement", "--party", "IOM", "--party", "OIM",
         "--source", "001:12"],
        2,
        "Error: an agreement needs at least two different --party\n",
    ),
    (
        ["agreement", "add", "--type", "Event", "--party", "IOM", "--party", "UNODC", "--source", "001:12"],
        2,
        "Error: --type Event: not a kind of atkg:Agreement\n",
    ),
    (
        ["observation", "add", "HRV", "measure-victims-identified", "many", "--unit", "person",
         "--source", "003:12"],
        2,
        "Error: value 'many': give a number, e.g. 245 or 1.5\n",
    ),
    (
        ["observation", "add", "HRV", "measure-victims-identified", "5", "--unit", "person",
         "--qualifier", "lots", "--source", "003:12"],
        2,
        "Error: --qualifier 'lots': one of more-than, at-least, about, up-to, fewer-than\n",
    ),
    (
        ["observation", "add", "HRV", "UNODC", "5", "--unit", "person", "--source", "003:12"],
        1,
        "Error: edit refused, files left as they were: range: obs-003-12-1 atkg:measure unodc [003 §12]: "
        "atkg:measure needs an object that is atkg:Measure, and unodc is atkg:UNEntity; check the object "
        "or its class (atkg entity edit --set-type); shacl: obs-003-12-1 measure: an observation has "
        "exactly one measure\n",
    ),
    (
        ["membership", "add", "ILO", "GMG", "--role", "boss", "--source", "000:13"],
        2,
        "Error: --role 'boss': not a role (one of member, founder, chair, coordinator, observer)\n",
    ),
    (
        ["ratification", "add", "GRC", "instrument-tip-protocol", "--source", "001:2"],
        1,
        "Error: edit refused, files left as they were: citation: passage-001-2: country-GRC atkg:ratified "
        "-> instrument-tip-protocol: passage does not mention it; cite a passage that names it, or "
        'explain the indirect mention with --note "why"\n',
    ),
]  # fmt: skip


@pytest.mark.parametrize(("args", "code", "message"), BAD, ids=[" ".join(a[:4]) for a, _, _ in BAD])
def test_bad_nary_facts_change_nothing(ws, cli, args, code, message):
    before = snapshot(ws)
    result = cli(*ws_args(ws), *args)
    assert (result.exit_code, result.stderr) == (code, message)
    assert snapshot(ws) == before


def test_library_callers_can_compose_an_agreement_in_one_edit(ws):
    """What document ingestion does: an entity and its facts as one operation, checked as a whole."""
    from kg.edit import FactSpec, add_entity, add_fact, run_edit

    parts = [
        add_entity(
            "agreement-iom-unwto-2012", "CooperationAgreement", "Accord OIM-OMT", "IOM-UNWTO agreement"
        ),
        add_fact(FactSpec("agreement-iom-unwto-2012", "atkg:party", "IOM", "001:12")),
        add_fact(FactSpec("agreement-iom-unwto-2012", "atkg:party", "UNWTO", "001:12")),
    ]
    result = run_edit(ws, lambda session: "; ".join(part(session) for part in parts))
    assert result.summary == (
        "added agreement-iom-unwto-2012 (atkg:CooperationAgreement); "
        "added agreement-iom-unwto-2012 atkg:party iom [001 §12]; "
        "added agreement-iom-unwto-2012 atkg:party unwto [001 §12]"
    )
    build(ws)
