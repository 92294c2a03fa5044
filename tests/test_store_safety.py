"""Issue 13 items 1 and 5: `build` never deletes what it does not own, survives kill -9 at any point,
and concurrent builds queue instead of corrupting the store. Real processes throughout."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from kg.store import open_store, write_store
from kg.storedir import MARKER, generation

REFUSED = (
    "Error: {path}: exists and is {kind} that is not an atkg store; refusing to replace it "
    "(give --store a new or empty directory, or a store `atkg build` wrote)\n"
)


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every path under ``root`` with its bytes (None for directories)."""
    found: dict[str, bytes | None] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames:
            found[os.path.relpath(os.path.join(dirpath, name), root)] = None
        for name in filenames:
            path = os.path.join(dirpath, name)
            found[os.path.relpath(path, root)] = Path(path).read_bytes()
    return found


def atkg(*args: str, cwd: Path | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kg", *map(str, args)], cwd=cwd, capture_output=True, text=True, **kwargs
    )


def test_a_directory_with_files_is_refused_and_untouched(seed_workspace, tmp_path):
    target = tmp_path / "thesis"
    (target / "sub").mkdir(parents=True)
    (target / "thesis.txt").write_text("thesis\n")
    before = snapshot(tmp_path)
    result = atkg("--workspace", seed_workspace.root, "build", "--store", target)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == REFUSED.format(path=target, kind="a directory")
    assert snapshot(tmp_path) == before


def test_store_dot_in_the_workspace_is_refused(seed_workspace):
    before = snapshot(seed_workspace.root)
    result = atkg("build", "--store", ".", cwd=seed_workspace.root)
    assert result.returncode == 2
    assert result.stderr == REFUSED.format(path=seed_workspace.root, kind="a directory")
    assert snapshot(seed_workspace.root) == before


def test_a_file_and_a_path_under_a_file_are_refused(seed_workspace, cli, tmp_path):
    thesis = tmp_path / "thesis.txt"
    thesis.write_text("thesis\n")
    before = snapshot(tmp_path)
    result = cli("--workspace", seed_workspace.root, "build", "--store", thesis)
    assert (result.exit_code, result.stderr) == (2, REFUSED.format(path=thesis, kind="a file"))
    result = cli("--workspace", seed_workspace.root, "build", "--store", thesis / "sub")
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: {thesis / 'sub'}: {thesis} is a file, not a directory; give --store a directory\n",
    )
    assert snapshot(tmp_path) == before


def test_a_marker_does_not_make_a_folder_of_folders_ours(seed_workspace, cli, tmp_path):
    target = tmp_path / "notes"
    (target / "chapter").mkdir(parents=True)
    (target / MARKER).write_text("{}")
    before = snapshot(tmp_path)
    result = cli("--workspace", seed_workspace.root, "build", "--store", target)
    assert (result.exit_code, result.stderr) == (2, REFUSED.format(path=target, kind="a directory"))
    assert snapshot(tmp_path) == before


def test_a_foreign_old_sibling_is_refused(seed_workspace, cli, tmp_path):
    (tmp_path / "store.old").mkdir()
    (tmp_path / "store.old" / "notes.txt").write_text("mine\n")
    before = snapshot(tmp_path)
    result = cli("--workspace", seed_workspace.root, "build", "--store", tmp_path / "store")
    assert (result.exit_code, result.stderr) == (
        2,
        REFUSED.format(path=tmp_path / "store.old", kind="a directory"),
    )
    assert snapshot(tmp_path) == before


def test_an_empty_directory_and_our_own_store_are_replaced(seed_workspace, cli, tmp_path):
    target = tmp_path / "empty"
    target.mkdir()
    assert cli("--workspace", seed_workspace.root, "build", "--store", target).exit_code == 0
    first = generation(target)
    assert first is not None and (target / "CURRENT").is_file()
    assert cli("--workspace", seed_workspace.root, "build", "--store", target).exit_code == 0
    assert generation(target) not in (None, first)  # every build is a new generation
    # a marked store is ours even with a file name we do not know (a newer RocksDB's)
    (target / "000099.newkind").write_bytes(b"")
    assert cli("--workspace", seed_workspace.root, "build", "--store", target).exit_code == 0
    # a store written before the marker existed (RocksDB files only) is still ours to replace
    (target / MARKER).unlink()
    assert cli("--workspace", seed_workspace.root, "build", "--store", target).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "empty.lock", "ws0"]


def test_a_build_killed_between_its_renames_is_recovered_by_the_next_command(seed_built, tmp_path, cli):
    store = tmp_path / "store"
    write_store(store, open_store(seed_built.store).quads())
    # the state a build leaves when killed right after `store -> store.old`: new staging, no store
    store.rename(tmp_path / "store.old")
    write_store(tmp_path / "other", [])
    (tmp_path / "other").rename(tmp_path / "store.new")
    result = cli(
        "--workspace", seed_built.root, "--store", store, "sparql", "ASK { id:unodc org:memberOf id:icat }"
    )
    assert (result.exit_code, result.stdout, result.stderr) == (0, "true\n", "")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.lock", "store", "store.lock"]


WRITER = """
import sys
import pyoxigraph as ox
from pathlib import Path
from kg.rdfio import from_ox
from kg.store import write_store
n = int(sys.argv[2])
quads = [(from_ox(ox.NamedNode(f"http://x/s{i}")), from_ox(ox.NamedNode("http://x/p")),
          from_ox(ox.Literal(str(i))), from_ox(ox.NamedNode(f"http://x/g{i % 7}"))) for i in range(n)]
print("go", flush=True)
write_store(Path(sys.argv[1]), quads)
print("done", flush=True)
"""


def _write(store: Path, n: int) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(store), str(n)], stdout=subprocess.PIPE)
    assert child.stdout.readline() == b"go\n"
    return child


def test_kill_9_at_any_point_of_a_store_write_leaves_the_old_or_the_new_store(tmp_path):
    store = tmp_path / "store"
    old, new = 6_000, 9_000
    child = _write(store, old)
    child.wait(timeout=60)
    started = time.perf_counter()
    child = _write(store, new)
    child.wait(timeout=60)
    duration = time.perf_counter() - started
    seen = set()
    for step in range(12):  # kill points spread over the whole write, swap included
        child = _write(store, new if step % 2 else old)
        time.sleep(duration * step / 10)
        child.send_signal(signal.SIGKILL)
        child.wait()
        size = len(open_store(store))  # recovers store.old if the kill fell between the renames
        assert size in (old, new)
        seen.add(size)
    assert seen == {old, new}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store", "store.lock"]


def test_concurrent_builds_queue_and_leave_a_readable_store(seed_workspace):
    builders = [
        subprocess.Popen(
            [sys.executable, "-m", "kg", "--workspace", str(seed_workspace.root), "build"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    outcomes = [(b.wait(timeout=120), b.stderr.read()) for b in builders]
    for code, err in outcomes:
        assert code == 0, err
        assert "Traceback" not in err
    query = atkg("--workspace", seed_workspace.root, "sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert (query.returncode, query.stderr) == (0, "")
    assert sorted(p.name for p in seed_workspace.store.parent.iterdir()) == ["lock", "store", "store.lock"]


def test_a_lock_that_is_a_directory_is_one_error_line(seed_workspace, cli):
    (seed_workspace.root / ".atkg" / "lock").mkdir(parents=True)
    result = cli("--workspace", seed_workspace.root, "build")
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: {seed_workspace.root}/.atkg/lock: is a directory, not a lock file; remove or rename it\n",
    )


def test_a_corrupt_store_is_one_error_line(seed_built, tmp_path, cli):
    store = tmp_path / "store"
    write_store(store, open_store(seed_built.store).quads())
    (store / "CURRENT").write_text("MANIFEST-999999\n")
    result = cli("--workspace", seed_built.root, "--store", store, "sparql", "ASK {}")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {store}: cannot open the store (")
    assert result.stderr.endswith("); rebuild it with `atkg build`\n")
    assert len(result.stderr.splitlines()) == 1


def test_a_damaged_store_is_a_one_line_error_not_a_traceback(seed_workspace, tmp_path):
    damaged = tmp_path / "store"
    damaged.mkdir()
    (damaged / "CURRENT").write_bytes(b"garbage")  # RocksDB raises RuntimeError("Corruption: ...")
    before = snapshot(tmp_path)
    # a named question opens the store itself; `sparql` only in the child that runs the query
    for command in (("query", "run", "label-search"), ("sparql", "ASK {}")):
        done = atkg("--workspace", seed_workspace.root, "--store", damaged, *command)
        assert done.returncode == 2 and done.stdout == ""
        assert done.stderr == (
            f"Error: {damaged}: cannot open the store (Corruption: CURRENT file does not end with newline); "
            "rebuild it with `atkg build`\n"
        )
    assert snapshot(tmp_path) == before
