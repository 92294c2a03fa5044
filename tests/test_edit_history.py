"""The edit journal: ontology deprecation with --migrate, undo after every kind of edit (files
restored byte for byte), the log, and a crash test killing multi-file edits at every step."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kg.build import build
from kg.curation.journal import edit_log, recover_if_needed
from tests.edit_support import canonical, data_text, snapshot, ws_args


@pytest.fixture
def ws(seed_workspace):
    return canonical(seed_workspace)


def test_deprecate_is_refused_while_used_then_migrates_in_one_edit(ws, cli):
    assert (
        cli(*ws_args(ws), "fact", "add", "unodc", "atkg:coordinates", "icat", "--source", "000:11").exit_code
        == 0
    )
    before = snapshot(ws)
    refused = cli(*ws_args(ws), "ontology", "deprecate", "atkg:coordinates", "--replaced-by", "atkg:chairs")
    assert (refused.exit_code, refused.stderr) == (
        2,
        "Error: atkg:coordinates is used by 1 triple(s) of the data (first: unodc atkg:coordinates icat "
        "[000 §11]); add --migrate to rewrite them to atkg:chairs in the same edit\n",
    )
    assert snapshot(ws) == before
    nonsense = cli(
        *ws_args(ws), "ontology", "deprecate", "atkg:party", "--replaced-by", "org:memberOf", "--migrate"
    )
    assert nonsense.exit_code == 1
    assert nonsense.stderr.startswith(
        "Error: edit refused, files left as they were: domain: agreement-unodc-frontex-2012 org:memberOf "
        "frontex [001 §12]: org:memberOf needs a subject that is foaf:Agent"
    )
    assert snapshot(ws) == before
    done = cli(
        *ws_args(ws), "ontology", "deprecate", "atkg:coordinates", "--replaced-by", "atkg:chairs", "--migrate"
    )
    assert (done.exit_code, done.stdout) == (
        0,
        "deprecated atkg:coordinates (replaced by atkg:chairs); 1 triple(s) migrated "
        "(kg/data/doc-000.trig, ontology/atkg.ttl)\n",
    )
    assert "atkg:coordinates" not in data_text(ws, "doc-000.trig")
    assert "    id:unodc\n        org:memberOf id:icat ;\n        atkg:chairs id:icat ;\n" in data_text(
        ws, "doc-000.trig"
    )
    build(ws)
    assert cli(*ws_args(ws), "undo").stdout == (
        "undid 2: deprecated atkg:coordinates (replaced by atkg:chairs); 1 triple(s) migrated "
        "(kg/data/doc-000.trig, ontology/atkg.ttl)\n"
    )
    assert snapshot(ws) == before


EDITS = [
    ["entity", "add", "unops", "--type", "UNEntity", "--label-fr", "Bureau des projets",
     "--label-en", "Office for Project Services"],
    ["entity", "add-country", "GRC"],
    ["entity", "edit", "unops", "--add-label", "UNOPS@en"],
    ["entity", "edit", "unops", "--set-pref", "Bureau des services d'appui aux projets@fr"],
    ["fact", "add", "unodc", "atkg:coordinates", "icat", "--source", "000:11"],
    ["fact", "add", "OIT", "atkg:chairs", "GMG", "--source", "000:13", "--role", "chair", "--from", "2007"],
    ["fact", "rm", "unicef", "org:memberOf", "icat", "--source", "000:11"],
    ["entity", "merge", "unifem", "un-women"],
    ["entity", "rm", "unops"],
    ["agreement", "add", "--type", "MemorandumOfUnderstanding", "--party", "IOM", "--party", "Frontex",
     "--date", "2012-04", "--source", "001:12"],
    ["membership", "add", "ILO", "ICAT", "--role", "member", "--from", "2007", "--source", "000:11"],
    ["ratification", "add", "GRC", "instrument-tip-protocol", "--date", "2011", "--source", "001:2",
     "--note", "'le Protocole' is the trafficking protocol"],
    ["observation", "add", "GRC", "unodc", "3", "--unit", "person", "--source", "001:2"],  # refused
    ["ontology", "add-class", "TaskForce", "--parent", "CoordinationMechanism", "--label-fr", "groupe",
     "--label-en", "task force"],
    ["ontology", "add-property", "motto", "--domain", "org:Organization", "--range", "xsd:string",
     "--label-fr", "devise", "--label-en", "motto"],
    ["ontology", "deprecate", "atkg:coordinates", "--replaced-by", "atkg:chairs", "--migrate"],
    ["entity", "edit", "gmg", "--set-type", "TaskForce"],
]  # fmt: skip


def test_undo_after_every_kind_of_edit_restores_the_bytes(ws, cli):
    # a hand edit, then fmt (an edit too), then every kind of command
    with (ws.data_dir / "doc-000.trig").open("a", encoding="utf-8") as out:
        out.write("id:passage-000-11 { id:unfpa org:memberOf id:icat . }\n")
    states = [snapshot(ws)]
    assert cli(*ws_args(ws), "fmt").exit_code == 0
    states.append(snapshot(ws))
    for args in EDITS:
        result = cli(*ws_args(ws), *args)
        if args[:2] == ["observation", "add"]:
            assert result.exit_code == 1  # a refused edit is not logged
            continue
        assert result.exit_code == 0, (args, result.stderr)
        assert snapshot(ws) != states[-1], args
        states.append(snapshot(ws))
    log = edit_log(ws)
    assert [e.command for e in log] == [
        "atkg fmt",
        "atkg entity add", "atkg entity add-country", "atkg entity edit", "atkg entity edit", "atkg fact add",
        "atkg fact add", "atkg fact rm", "atkg entity merge", "atkg entity rm", "atkg agreement add",
        "atkg membership add", "atkg ratification add", "atkg ontology add-class",
        "atkg ontology add-property", "atkg ontology deprecate", "atkg entity edit",
    ]  # fmt: skip
    assert {e.who for e in log} == {log[0].who} and log[0].who
    assert all(e.when.endswith("Z") and len(e.when) == 20 for e in log)
    listed = cli(*ws_args(ws), "log", "--format", "csv").stdout.splitlines()
    assert listed[0] == "edit,when,who,command,what,files"
    assert listed[10].startswith("10,")
    assert listed[10].endswith(",atkg entity rm,removed unops,kg/data/entities.trig")
    for state in reversed(states):
        assert snapshot(ws) == state
        if state is states[0]:
            break
        result = cli(*ws_args(ws), "undo")
        assert result.exit_code == 0, result.stderr
    assert edit_log(ws) == []


def test_undo_several_at_once_and_refusals(ws, cli):
    before = snapshot(ws)
    assert (
        cli(*ws_args(ws), "fact", "add", "unodc", "atkg:coordinates", "icat", "--source", "000:11").exit_code
        == 0
    )
    assert cli(*ws_args(ws), "entity", "merge", "unifem", "un-women").exit_code == 0
    too_many = cli(*ws_args(ws), "undo", "3")
    assert (too_many.exit_code, too_many.stderr) == (2, "Error: undo 3: only 2 edit(s) recorded in the log\n")
    (ws.data_dir / "doc-000.trig").write_text(data_text(ws, "doc-000.trig") + "# by hand\n", encoding="utf-8")
    changed = cli(*ws_args(ws), "undo", "2")
    assert (changed.exit_code, changed.stderr) == (
        2,
        "Error: cannot undo edit 2 (merged unifem into un-women: 1 fact(s) rewritten): kg/data/doc-000.trig "
        "has changed since; undo by hand or with git\n",
    )
    (ws.data_dir / "doc-000.trig").write_text(data_text(ws, "doc-000.trig").removesuffix("# by hand\n"))
    done = cli(*ws_args(ws), "undo", "2")
    assert done.stdout == (
        "undid 2: merged unifem into un-women: 1 fact(s) rewritten "
        "(kg/data/doc-000.trig, kg/data/entities.trig)\n"
        "undid 1: added unodc atkg:coordinates icat [000 §11] (kg/data/doc-000.trig)\n"
    )
    assert snapshot(ws) == before


# ---- crash test -------------------------------------------------------------------------------

ATKG = [sys.executable, "-m", "kg"]
MULTI_FILE = [
    ["entity", "merge", "unifem", "un-women"],
    ["agreement", "add", "--type", "MemorandumOfUnderstanding", "--party", "IOM", "--party", "Frontex",
     "--date", "2012-04", "--source", "001:12"],
    ["ontology", "deprecate", "atkg:coordinates", "--replaced-by", "atkg:chairs", "--migrate"],
]  # fmt: skip


def _run(ws, args, crash_at: int | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if crash_at is not None:
        env["ATKG_CRASH_AT"] = str(crash_at)
    return subprocess.run([*ATKG, *ws_args(ws), *args], env=env, capture_output=True, check=False)


def _restore(ws, files: dict[str, bytes]) -> None:
    shutil.rmtree(ws.root / ".atkg", ignore_errors=True)
    for stray in [*ws.data_dir.glob(".*"), *ws.ontology.parent.glob(".*")]:
        stray.unlink()
    for name, data in files.items():
        (ws.root / name).write_bytes(data)


def test_kill_9_at_every_step_of_multi_file_edits_leaves_old_or_new(ws, cli):
    assert (
        cli(*ws_args(ws), "fact", "add", "unodc", "atkg:coordinates", "icat", "--source", "000:11").exit_code
        == 0
    )
    shutil.rmtree(ws.root / ".atkg")
    old = snapshot(ws)
    runs = 0
    for args in MULTI_FILE + [["undo"]]:
        _restore(ws, old)
        if args == ["undo"]:  # undo of a multi-file edit: both files go back together, or neither
            assert _run(ws, MULTI_FILE[0]).returncode == 0
            start, new = snapshot(ws), old
        else:
            assert _run(ws, args).returncode == 0
            start, new = old, snapshot(ws)
            build(ws)  # the new state builds (the old one is the seed plus one checked fact)
        seen = set()
        for step in range(1, 20):
            _restore(ws, old)
            if args == ["undo"]:
                assert _run(ws, MULTI_FILE[0]).returncode == 0
            done = _run(ws, args, crash_at=step)
            runs += 1
            recover_if_needed(ws)
            state = snapshot(ws)
            assert state in (start, new), (args, step)
            assert not [p for p in ws.data_dir.glob(".*.tmp")] + [
                p for p in ws.ontology.parent.glob(".*.tmp")
            ]
            seen.add("new" if state == new else "old")
            if done.returncode == 0:  # the step count went past the last step: it ran to the end
                break
            assert done.returncode == -signal.SIGKILL, done.stderr
        assert seen == {"old", "new"}, args
    assert 25 <= runs <= 60
    build(ws)


def test_stray_temporary_files_are_cleaned_by_the_next_command(ws, cli):
    stray = ws.data_dir / ".doc-000.trig.abc123.tmp"
    stray.write_text("half a file", encoding="utf-8")
    assert (
        cli(*ws_args(ws), "fact", "add", "unodc", "atkg:coordinates", "icat", "--source", "000:11").exit_code
        == 0
    )
    assert not stray.exists()
    assert Path(ws.data_dir / "doc-000.trig").exists()
