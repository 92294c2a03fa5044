"""`atkg ontology ...`: one appended block in the file's style; refused edits change nothing."""

from __future__ import annotations

import pytest

from tests.edit_support import canonical, snapshot, ws_args


@pytest.fixture
def ws(seed_workspace):
    return canonical(seed_workspace)


def test_add_class_appends_one_block_and_the_class_is_usable(ws, cli):
    before = ws.ontology.read_text(encoding="utf-8")
    result = cli(
        *ws_args(ws),
        "ontology",
        "add-class",
        "TaskForce",
        "--parent",
        "CoordinationMechanism",
        "--label-fr",
        "groupe d'action",
        "--label-en",
        "task force",
        "--comment",
        'A "task" force',
    )
    assert result.exit_code == 0, result.stderr
    assert (
        result.stdout
        == "added class atkg:TaskForce (subclass of atkg:CoordinationMechanism) (ontology/atkg.ttl)\n"
    )
    assert ws.ontology.read_text(encoding="utf-8") == before.rstrip("\n") + (
        "\n\natkg:TaskForce a owl:Class ;\n"
        "    rdfs:subClassOf atkg:CoordinationMechanism ;\n"
        '    rdfs:label "task force"@en , "groupe d\'action"@fr ;\n'
        '    rdfs:comment "A \\"task\\" force"@en .\n'
    )
    result = cli(
        *ws_args(ws), "entity", "add", "tf-x", "--type", "TaskForce", "--label-fr", "x", "--label-en", "x"
    )
    assert result.exit_code == 0, result.stderr


def test_add_property_object_and_datatype(ws, cli):
    result = cli(
        *ws_args(ws),
        "ontology",
        "add-property",
        "supports",
        "--domain",
        "foaf:Agent",
        "--range",
        "org:Organization",
        "--label-fr",
        "soutient",
        "--label-en",
        "supports",
    )
    assert result.stdout == "added owl:ObjectProperty atkg:supports (ontology/atkg.ttl)\n"
    result = cli(
        *ws_args(ws),
        "ontology",
        "add-property",
        "motto",
        "--domain",
        "org:Organization",
        "--range",
        "xsd:string",
        "--label-fr",
        "devise",
        "--label-en",
        "motto",
    )
    assert result.stdout == "added owl:DatatypeProperty atkg:motto (ontology/atkg.ttl)\n"
    assert ws.ontology.read_text(encoding="utf-8").endswith(
        "\n\natkg:motto a owl:DatatypeProperty ;\n    rdfs:domain org:Organization ;\n"
        "    rdfs:range xsd:string ;\n"
        '    rdfs:label "motto"@en , "devise"@fr .\n'
    )
    result = cli(*ws_args(ws), "fact", "add", "ilo", "supports", "icat", "--source", "000:11")
    assert result.stdout == "added ilo atkg:supports icat [000 §11] (kg/data/doc-000.trig)\n"


def test_deprecate_then_the_term_is_refused_in_new_facts(ws, cli):
    result = cli(*ws_args(ws), "ontology", "deprecate", "atkg:observerOf", "--replaced-by", "org:memberOf")
    assert result.stdout == "deprecated atkg:observerOf (replaced by org:memberOf) (ontology/atkg.ttl)\n"
    assert ws.ontology.read_text(encoding="utf-8").endswith(
        '"@fr .\n\natkg:observerOf owl:deprecated true ;\n    dcterms:isReplacedBy org:memberOf .\n'
    )
    result = cli(*ws_args(ws), "fact", "add", "ilo", "atkg:observerOf", "icat", "--source", "000:11")
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: 'atkg:observerOf' is deprecated; use org:memberOf\n",
    )


def test_dry_run_prints_the_block_only(ws, cli):
    before = snapshot(ws)
    result = cli(
        *ws_args(ws),
        "ontology",
        "add-class",
        "TaskForce",
        "--parent",
        "Initiative",
        "--label-fr",
        "a",
        "--label-en",
        "b",
        "--dry-run",
    )
    assert result.stdout == (
        "atkg:TaskForce a owl:Class ;\n    rdfs:subClassOf atkg:Initiative ;\n"
        '    rdfs:label "b"@en , "a"@fr .\n'
    )
    assert (
        result.stderr
        == "Dry run, nothing written: added class atkg:TaskForce (subclass of atkg:Initiative)\n"
    )
    assert snapshot(ws) == before


ERRORS = [
    (
        ["add-class", "UNEntity", "--parent", "Initiative", "--label-fr", "a", "--label-en", "b"],
        "Error: atkg:UNEntity is already defined in the ontology\n",
    ),
    (
        ["add-class", "taskForce", "--parent", "Initiative", "--label-fr", "a", "--label-en", "b"],
        "Error: class name 'taskForce': an atkg: name in UpperCamelCase (letters and digits)\n",
    ),
    (
        ["add-class", "TaskForce", "--parent", "Nope", "--label-fr", "a", "--label-en", "b"],
        "Error: class 'Nope' is not defined in the ontology\n",
    ),
    (
        ["add-class", "TaskForce", "--parent", "Initiative", "--label-fr", "", "--label-en", "b"],
        "Error: --label-fr: a label cannot be empty\n",
    ),
    (
        [
            "add-property",
            "Supports",
            "--domain",
            "foaf:Agent",
            "--range",
            "org:Organization",
            "--label-fr",
            "a",
            "--label-en",
            "b",
        ],
        "Error: property name 'Supports': an atkg: name in lowerCamelCase (letters and digits)\n",
    ),
    (
        [
            "add-property",
            "supports",
            "--domain",
            "foaf:Agent",
            "--range",
            "org:Nothing",
            "--label-fr",
            "a",
            "--label-en",
            "b",
        ],
        "Error: class 'org:Nothing' is not defined in the ontology\n",
    ),
    (
        ["deprecate", "atkg:nope", "--replaced-by", "org:memberOf"],
        "Error: 'atkg:nope' is not defined in the ontology\n",
    ),
    (
        ["deprecate", "atkg:chairs", "--replaced-by", "atkg:Event"],
        "Error: atkg:chairs cannot be replaced by atkg:Event: "
        "a class is replaced by another class, a property by "
        "another property\n",
    ),
]


@pytest.mark.parametrize(("args", "message"), ERRORS, ids=[m[7:45] for _, m in ERRORS])
def test_bad_ontology_edits_change_nothing(ws, cli, args, message):
    before = snapshot(ws)
    result = cli(*ws_args(ws), "ontology", *args)
    assert (result.exit_code, result.stderr, result.stdout) == (2, message, "")
    assert snapshot(ws) == before
