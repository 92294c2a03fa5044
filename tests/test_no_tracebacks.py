"""Issue 13 items 7, 8 and 9: one `Error:` line for anything a user can type or any file state,
terminal output that cannot be hijacked by data, strict parameter types; and a property test
throwing random text at the CLI's entry points."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_store_safety import snapshot

NOT_UTF8 = "not valid UTF-8 text (byte 0xff); give text in UTF-8\n"


def atkg_bytes(*args: bytes | str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The real command with raw bytes as arguments, as a shell passes $'\\xff'."""
    argv = [sys.executable.encode(), b"-m", b"kg"] + [a if isinstance(a, bytes) else a.encode() for a in args]
    return subprocess.run(argv, cwd=cwd, capture_output=True)


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (
            [b"entity", b"add", b"x", b"--type", b"UNEntity", b"--label-en", b"x", b"--label-fr", b"\xff"],
            "--label-fr",
        ),
        ([b"query", b"run", b"agreements", b"--param", b"year=\xff"], "--param"),
        ([b"sparql", b"SELECT * { ?s ?p '\xff' }"], "QUERY"),
        ([b"entity", b"search", b"\xff"], "TEXT"),
    ],
)
def test_non_utf8_arguments_are_one_error_line(seed_built, args, option):
    before = snapshot(seed_built.root)
    result = atkg_bytes("--workspace", str(seed_built.root), *args)
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode() == f"Error: {option}: {NOT_UTF8}"
    assert snapshot(seed_built.root) == before


def test_bad_output_paths_are_one_error_line(seed_built, cli, tmp_path):
    thesis = tmp_path / "thesis.txt"
    thesis.write_text("thesis\n")
    ws = ("--workspace", seed_built.root)
    cases = [
        (
            ("export", "--output", tmp_path),
            2,
            f"Error: {tmp_path}: is a directory; give the path of a file to write\n",
        ),
        (
            ("export", "--output", thesis / "sub"),
            2,
            f"Error: {thesis / 'sub'}: {thesis} is a file, not a directory\n",
        ),
        (("view", "mechanisms", "--out", thesis / "sub"), 1, f"Error: {thesis / 'sub'}: Not a directory\n"),
        (("views", "--out", "/proc/x"), 1, "Error: /proc/x: No such file or directory\n"),
    ]
    for args, code, message in cases:
        result = cli(*ws, *args)
        assert (result.exit_code, result.stderr) == (code, message), args
    assert thesis.read_text() == "thesis\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thesis.txt"]


def test_a_failed_write_is_one_error_line(seed_workspace, cli):
    (seed_workspace.root / ".atkg").write_text("not a directory\n")
    before = snapshot(seed_workspace.root)
    result = cli(
        "--workspace", seed_workspace.root, "entity", "add", "zz-test", "--type", "UNEntity",
        "--label-en", "Zz", "--label-fr", "Zz",
    )  # fmt: skip
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: {seed_workspace.root}/.atkg: is a file, not a directory "
        f"(the lock file {seed_workspace.root}/.atkg/lock goes in it)\n",
    )
    assert snapshot(seed_workspace.root) == before


def test_serve_arguments_are_checked(seed_built, cli):
    for args, message in (
        (("--port", "70000"), "Error: --port 70000: give a port between 1 and 65535\n"),
        (("--timeout", "inf"), "Error: --timeout inf: give a number of seconds (0: no limit)\n"),
    ):
        result = cli("--workspace", seed_built.root, "serve", *args)
        assert (result.exit_code, result.stderr) == (2, message)


def test_a_broken_shapes_file_names_its_line(seed_workspace, cli):
    shapes = seed_workspace.shapes
    lines = shapes.read_text().count("\n")
    shapes.write_text(shapes.read_text() + "ex:broken a\n")
    result = cli("--workspace", seed_workspace.root, "build")
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        1,
        f"Error: ontology/shapes.ttl:{lines + 1}: The prefix ex: has not been declared",
    )
    assert not seed_workspace.store.exists()


def test_a_missing_corpus_file_is_one_error_line(seed_workspace, cli):
    missing = sorted(seed_workspace.corpus_dir.glob("*.txt"))[0]
    missing.unlink()
    result = cli("--workspace", seed_workspace.root, "build")
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        1,
        f"Error: corpus/documents.toml: document 000: file corpus/{missing.name} does not exist",
    )
    assert "Traceback" not in result.stderr


HOSTILE = "CCPCJ\\u001b]0;owned\\u0007\\u001b[2J\\u009b31m\\u202e"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The seed, with an acronym holding a title-setting OSC, a clear-screen CSI, a one-byte CSI
    and a right-to-left override, built."""
    from kg.build import build
    from tests.conftest import DATA, make_workspace

    workspace = make_workspace(tmp_path_factory.mktemp("hostile"), DATA / "seed")
    entities = workspace.data_dir / "entities.trig"
    entities.write_text(entities.read_text().replace('"CCPCJ"@en', f'"{HOSTILE}"@en'))
    build(workspace)
    return workspace


SHOWN = "CCPCJ\ufffd]0;owned\ufffd\ufffd[2J\ufffd31m\ufffd"


def test_terminal_output_carries_no_control_characters(hostile, cli):
    outputs = [
        cli("--workspace", hostile.root, "entity", "show", "ccpcj").stdout,
        cli("--workspace", hostile.root, "entity", "search", "owned").stdout,
        cli("--workspace", hostile.root, "sparql", "SELECT ?l WHERE { id:ccpcj skos:altLabel ?l }").stdout,
        cli("--workspace", hostile.root, "entity", "show", "CCPCJ\x1b[2J").stderr,
    ]
    for text in outputs:
        assert not any(ord(c) < 32 and c != "\n" or 0x7F <= ord(c) < 0xA0 or c == "\u202e" for c in text), (
            text
        )
    assert SHOWN in outputs[0] and SHOWN in outputs[2]
    assert outputs[1].splitlines()[2].startswith("ccpcj ")  # found by its acronym
    # data formats stay exact: the label comes back byte for byte in JSON
    exact = cli(
        "--workspace", hostile.root, "sparql", "SELECT ?l WHERE { id:ccpcj skos:altLabel ?l }", "-f", "json"
    )
    assert "\\u001b]0;owned" in exact.stdout


@pytest.mark.parametrize("value", ["٢٠١٢", "２０１２", "201２"])
def test_years_and_dates_are_ascii_digits(seed_built, cli, value):
    result = cli("--workspace", seed_built.root, "query", "run", "agreements", "--param", f"year={value}")
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: parameter year: '{value}' is not a year (four digits, e.g. 2012)\n",
    )
    dated = cli(
        "--workspace", seed_built.root, "query", "run", "members-of-mechanism", "--param", f"as_of={value}-01"
    )
    assert (dated.exit_code, dated.stderr) == (
        2,
        f"Error: parameter as_of: '{value}-01' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)\n",
    )


SPARQL_BITS = st.sampled_from(
    ["SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "{", "}", "(", ")", "?s", "id:icat", "org:memberOf",
     "FILTER", "SERVICE", "<http://127.0.0.1:1/>", "FROM", "NAMED", "GRAPH", "\"", "'", "#", ".", ";",
     "INSERT DATA", "LOAD", "\\", "\x00", "\x1b[2J", "\udcff", "PREFIX x:", "VALUES", "UNDEF", "*"]
)  # fmt: skip
TEXT = st.one_of(
    st.text(max_size=40),
    st.lists(SPARQL_BITS, max_size=12).map(" ".join),
    st.binary(max_size=20).map(lambda b: b.decode("utf-8", "surrogateescape")),
)


@pytest.fixture(scope="module")
def property_workspace(tmp_path_factory):
    from kg.build import build
    from tests.conftest import DATA, make_workspace

    workspace = make_workspace(tmp_path_factory.mktemp("prop"), DATA / "seed")
    build(workspace)
    return workspace


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(text=TEXT, which=st.integers(0, 6))
def test_random_input_never_gives_a_traceback_nor_changes_a_file(property_workspace, text, which):
    from typer.testing import CliRunner

    from kg.cli import app

    ws = ["--workspace", str(property_workspace.root)]
    argv = [
        ["sparql", text, "--timeout", "5"],
        ["query", "run", "agreements", "--param", f"year={text}"],
        ["query", "run", "members-of-mechanism", "--param", f"mechanism={text}"],
        ["entity", "show", text],
        ["entity", "search", text or "x"],
        ["query", "run", text or "x"],
        ["sparql", text, "--timeout", "nan"],
    ][which]
    data = property_workspace.data_dir
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    result = CliRunner().invoke(app, ws + argv)
    assert result.exit_code in (0, 1, 2), (argv, result.stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit), (argv, result.exception)
    assert "Traceback" not in result.stderr
    if result.exit_code:
        # one message (it may quote a value holding a line break), never a traceback
        assert result.stderr.startswith(("Error: ", "Usage: ")), result.stderr
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before
    assert os.path.isdir(property_workspace.store)
