"""Edit and validate figures on a copy of the real curated data.

Run: .venv/bin/python benchmarks/bench_edit.py   (prints figures; asserts nothing)
Targets (issue 6): an edit round trip (resolve, validate, write) under 2 s; `atkg validate` on the
full graph under 15 s. The copy is taken at start (the curators' files are in flux; if one does not
parse at that moment, rerun).
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.curated import CuratedData, format_files  # noqa: E402
from kg.edit import FactSpec, add_fact, remove_fact, run_edit  # noqa: E402
from kg.validate import validate_workspace  # noqa: E402
from kg.workspace import Workspace  # noqa: E402

ATKG = [sys.executable, "-m", "kg"]
FACT = ["unodc", "atkg:chairs", "ungift-steering-committee", "--source", "004:5"]


def copy_workspace(target: Path) -> Workspace:
    for folder in ("ontology", "corpus", "queries"):
        shutil.copytree(ROOT / folder, target / folder)
    (target / "kg").mkdir()
    shutil.copytree(ROOT / "kg" / "data", target / "kg" / "data", ignore=shutil.ignore_patterns("*.md"))
    return Workspace(target)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ws = copy_workspace(Path(tmp) / "ws")
        format_files(ws)
        quads = len(CuratedData.load(ws).quads())
        print(f"curated data: {len(ws.data_files())} files, {quads} quads")

        spec = FactSpec(FACT[0], FACT[1], FACT[2], FACT[4])
        rounds = []
        for _ in range(5):
            started = time.perf_counter()
            run_edit(ws, add_fact(spec))
            added = time.perf_counter() - started
            started = time.perf_counter()
            run_edit(ws, remove_fact(spec))
            rounds.append((added, time.perf_counter() - started))
        print(
            "edit in-process (resolve, validate, write), median of 5: "
            f"add {statistics.median(a for a, _ in rounds):.2f} s, "
            f"remove {statistics.median(r for _, r in rounds):.2f} s"
        )

        env_args = ["--workspace", str(ws.root)]
        cli = []
        for _ in range(3):
            started = time.perf_counter()
            subprocess.run([*ATKG, *env_args, "fact", "add", *FACT], check=True, capture_output=True)
            added = time.perf_counter() - started
            started = time.perf_counter()
            subprocess.run([*ATKG, *env_args, "fact", "rm", *FACT], check=True, capture_output=True)
            cli.append((added, time.perf_counter() - started))
        print(
            f"edit as a command (`atkg fact add` / `fact rm`, process start included), median of 3: "
            f"add {statistics.median(a for a, _ in cli):.2f} s, "
            f"remove {statistics.median(r for _, r in cli):.2f} s"
        )

        started = time.perf_counter()
        report = validate_workspace(ws)
        total = time.perf_counter() - started
        parts = ", ".join(f"{k} {v:.2f} s" for k, v in report.seconds.items())
        print(
            f"validate (in-process, full graph, HermiT included): {total:.2f} s ({parts}); "
            f"{len(report.findings)} finding(s)"
        )
        started = time.perf_counter()
        subprocess.run([*ATKG, *env_args, "validate"], capture_output=True)
        print(f"`atkg validate` as a command: {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
