"""`atkg diff`: facts added and removed since a git revision, in a temporary git repository."""

from __future__ import annotations

import json
import subprocess

import pytest

from kg.diff import semantic_diff
from tests.edit_support import canonical, ws_args


def git(ws, *args):
    subprocess.run(["git", "-C", str(ws.root), *args], check=True, capture_output=True)


@pytest.fixture
def repo(seed_workspace):
    ws = canonical(seed_workspace)
    git(ws, "init", "-q")
    git(ws, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", "kg", "ontology")
    git(ws, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "seed")
    return ws


def test_diff_lists_facts_by_entity_with_sources(repo, cli):
    assert (
        cli(
            *ws_args(repo), "fact", "add", "unodc", "atkg:coordinates", "icat", "--source", "000:11"
        ).exit_code
        == 0
    )
    assert (
        cli(*ws_args(repo), "fact", "rm", "unesco", "org:memberOf", "gmg", "--source", "000:13").exit_code
        == 0
    )
    assert cli(*ws_args(repo), "entity", "edit", "ilo", "--add-label", 'L\'"OIT"\n@fr').exit_code == 0
    result = cli(*ws_args(repo), "diff")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "ilo\n"
        '  + ilo skos:altLabel "L\'\\"OIT\\"\\n"@fr  [entities]\n'
        "unesco\n"
        "  - unesco org:memberOf gmg  [000 §13]\n"
        "unodc\n"
        "  + unodc atkg:coordinates icat  [000 §11]\n"
        "2 triple(s) added, 1 removed, about 3 entities, since HEAD\n"
    )


def test_reformatting_is_no_semantic_change(repo, cli):
    path = repo.data_dir / "doc-001.trig"
    path.write_text(path.read_text(encoding="utf-8").replace("    ", "\t"), encoding="utf-8")
    assert semantic_diff(repo) == []
    assert (
        cli(*ws_args(repo), "diff", "HEAD").stdout
        == "No change in the curated facts or the ontology since HEAD.\n"
    )


def test_unknown_revision_and_no_repository(repo, seed_workspace, workspace_factory, cli):
    result = cli(*ws_args(repo), "diff", "nope")
    assert (result.exit_code, result.stderr) == (2, f"Error: 'nope' is not a git revision of {repo.root}\n")
    outside = workspace_factory({})
    result = cli(*ws_args(outside), "diff")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: git rev-parse --show-toplevel: fatal: not a git repository")


def test_diff_covers_entities_labels_and_the_ontology_in_three_formats(repo, cli):
    steps = [
        ["ontology", "add-class", "TaskForce", "--parent", "CoordinationMechanism", "--label-fr", "groupe",
         "--label-en", "task force"],
        ["ontology", "add-property", "motto", "--domain", "org:Organization", "--range", "xsd:string",
         "--label-fr", "devise", "--label-en", "motto"],
        ["fact", "add", "unodc", "atkg:coordinates", "icat", "--source", "000:11"],
        ["ontology", "deprecate", "atkg:coordinates", "--replaced-by", "atkg:chairs", "--migrate"],
        ["entity", "add", "unops", "--type", "TaskForce", "--label-fr", "Bureau des projets",
         "--label-en", "Office for Project Services"],
        ["entity", "merge", "unifem", "un-women"],
    ]  # fmt: skip
    for args in steps:
        assert cli(*ws_args(repo), *args).exit_code == 0, args
    text = cli(*ws_args(repo), "diff").stdout
    assert text.startswith(
        "Entities added: unops\n"
        "Entities removed: unifem\n"
        "Ontology\n"
        "  + class atkg:TaskForce\n"
        "  + property atkg:motto\n"
        "  + class atkg:TaskForce: subclass of atkg:CoordinationMechanism\n"
        "  + property atkg:motto: domain org:Organization\n"
        "  + property atkg:motto: range xsd:string\n"
        "  + deprecated atkg:coordinates (replaced by atkg:chairs)\n"
        "un-women\n"
    )
    assert "  + unodc atkg:chairs icat  [000 §11]\n" in text
    assert '  + unops skos:prefLabel "Office for Project Services"@en  [entities]\n' in text
    as_json = json.loads(cli(*ws_args(repo), "diff", "--format", "json").stdout)
    assert as_json["entities"] == {"added": ["unops"], "removed": ["unifem"]}
    assert as_json["ontology"][-1] == "+ deprecated atkg:coordinates (replaced by atkg:chairs)"
    assert {"entity": "unodc", "added": ["unodc atkg:chairs icat  [000 §11]"], "removed": []} in as_json[
        "facts"
    ]
    markdown = cli(*ws_args(repo), "diff", "--format", "markdown").stdout
    assert markdown.startswith(
        "## Changes since `HEAD`\n\n### Entities\n\n- added `unops`\n- removed `unifem`\n"
    )
    assert "### Ontology\n\n- `+ class atkg:TaskForce`\n" in markdown
    bad = cli(*ws_args(repo), "diff", "--format", "xml")
    assert (bad.exit_code, bad.stderr) == (2, "Error: --format xml: one of text, json, markdown\n")
