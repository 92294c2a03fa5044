"""Real processes: a writer killed with SIGKILL mid-write, and two edits at the same time."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from kg.namespace import ATKG, ID, ORG
from kg.rdfio import parse_rdf
from tests.edit_support import canonical

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from kg.fileio import atomic_write_text
    path = Path(sys.argv[1])
    texts = [Path(sys.argv[2]).read_text(encoding="utf-8"), Path(sys.argv[3]).read_text(encoding="utf-8")]
    print("ready", flush=True)
    i = 0
    while True:
        atomic_write_text(path, texts[i % 2])
        i += 1
    """
)


def _big_trig(marker: str, facts: int = 20000) -> str:
    lines = [
        "@prefix id: <https://w3id.org/atkg/id/> .",
        "@prefix org: <http://www.w3.org/ns/org#> .",
        "",
        "id:passage-000-11 {",
    ]
    lines += [f"    id:e{i} org:memberOf id:{marker}{i} ." for i in range(facts)]
    return "\n".join(lines + ["}", ""])


def test_sigkill_mid_write_leaves_old_or_new_file(tmp_path):
    old, new = _big_trig("old"), _big_trig("new")
    (tmp_path / "old.txt").write_text(old, encoding="utf-8")
    (tmp_path / "new.txt").write_text(new, encoding="utf-8")
    target = tmp_path / "doc-000.trig"
    target.write_text(old, encoding="utf-8")
    rng = random.Random(6)
    for _ in range(12):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(target), str(tmp_path / "old.txt"), str(tmp_path / "new.txt")],
            stdout=subprocess.PIPE,
        )
        assert child.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.01, 0.3))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        assert child.returncode == -signal.SIGKILL
        text = target.read_text(encoding="utf-8")
        assert text in (old, new)
        assert len(parse_rdf(target, "trig")) == 20000


def test_two_concurrent_writers_both_land(seed_workspace):
    ws = canonical(seed_workspace)
    env = {**os.environ, "ATKG_WORKSPACE": str(ws.root)}
    commands = [
        ["fact", "add", "unodc", "atkg:coordinates", "icat", "--source", "000:11"],
        ["fact", "add", "ilo", "atkg:chairs", "gmg", "--source", "000:13"],
    ]
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "kg", *c], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for c in commands
    ]
    outputs = [child.communicate(timeout=120) for child in children]
    assert [c.returncode for c in children] == [0, 0], outputs
    assert sorted(o.decode() for o, _ in outputs) == [
        "added ilo atkg:chairs gmg [000 §13] (kg/data/doc-000.trig)\n",
        "added unodc atkg:coordinates icat [000 §11] (kg/data/doc-000.trig)\n",
    ]
    quads = set(parse_rdf(ws.data_dir / "doc-000.trig", "trig"))
    assert (ID.unodc, ATKG.coordinates, ID.icat, ID["passage-000-11"]) in quads
    assert (ID.ilo, ATKG.chairs, ID.gmg, ID["passage-000-13"]) in quads
    assert (ID.ilo, ORG.memberOf, ID.gmg, ID["passage-000-13"]) in quads


@pytest.mark.parametrize(("task", "said"), [(None, "an edit"), ("a build", "a build")])
def test_a_held_lock_makes_the_next_edit_wait(seed_workspace, task, said):
    """The command kept waiting is told which command holds the lock (an edit, a build)."""
    from kg.lock import LockTimeout, workspace_lock

    ws = canonical(seed_workspace)
    held = "" if task is None else f", task={task!r}"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\nfrom pathlib import Path\nfrom kg.lock import workspace_lock\n"
            f"from kg.workspace import Workspace\nwith workspace_lock(Workspace(Path(sys.argv[1])){held}):\n"
            "    print('held', flush=True)\n    time.sleep(30)\n",
            str(ws.root),
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout.readline() == b"held\n"
        started = time.monotonic()
        try:
            with workspace_lock(ws, timeout=0.5):
                raise AssertionError("the lock was not exclusive")
        except LockTimeout as error:
            assert str(error) == (
                f"{ws.root}/.atkg/lock: {said} (pid {holder.pid}) has held the workspace lock for 0.5 s; "
                "try again when it has finished"
            )
        assert time.monotonic() - started >= 0.5
    finally:
        holder.kill()
        holder.wait()
    with workspace_lock(ws, timeout=5):  # the kernel released it when the holder died
        pass
