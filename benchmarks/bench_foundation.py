"""Start-up and build figures: `atkg --help` beyond bare Python, `atkg build` time and peak memory.

Run: .venv/bin/python benchmarks/bench_foundation.py   (prints figures; asserts nothing)
Targets (issue 2): `atkg --help` under 0.5 s beyond bare Python start-up.
"""

from __future__ import annotations

import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ATKG = [sys.executable, "-m", "kg"]


def wall(command: list[str], repeat: int = 7, **kwargs) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, **kwargs)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def store_counts(store: Path) -> tuple[int, int]:
    """(quads in the built store, quads of its name index id:graph-names)."""
    import pyoxigraph as ox

    built = ox.Store.read_only(str(store))
    names = ox.NamedNode("https://w3id.org/atkg/id/graph-names")
    return len(built), sum(1 for _ in built.quads_for_pattern(None, None, None, names))


def build_figures(workspace: Path, repeat: int = 3) -> tuple[float, float, tuple[int, int]]:
    """Median wall time and peak RSS (MiB) of `atkg build`, each run in a fresh child process,
    and the quads it stored (all, name index)."""
    times, peaks = [], []
    counts = (0, 0)
    for _ in range(repeat):
        store = Path(tempfile.mkdtemp()) / "store"
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.perf_counter()
        subprocess.run(
            ATKG + ["--workspace", str(workspace), "build", "--store", str(store)],
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - started)
        peaks.append(max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024)
        counts = store_counts(store)
        shutil.rmtree(store.parent)
    return statistics.median(times), max(peaks), counts


def seed_workspace() -> Path:
    target = Path(tempfile.mkdtemp()) / "seed"
    for folder in ("ontology", "corpus", "queries"):
        shutil.copytree(ROOT / folder, target / folder)
    shutil.copytree(ROOT / "tests" / "data" / "seed", target / "kg" / "data")
    return target


def main() -> None:
    python = wall([sys.executable, "-c", "pass"])
    help_time = wall(ATKG + ["--help"])
    print(f"bare python start-up          {python * 1000:7.0f} ms")
    beyond = (help_time - python) * 1000
    print(f"atkg --help {help_time * 1000:25.0f} ms  ({beyond:.0f} ms beyond Python; target < 500)")
    seed = seed_workspace()
    for what, workspace in (("seed data", seed), ("full curated data", ROOT)):
        seconds, peak, (quads, names) = build_figures(workspace)
        print(
            f"atkg build ({what}){' ' * (17 - len(what))}{seconds:7.2f} s   peak RSS {peak:6.0f} MiB"
            f"   {quads:,} quads ({names:,} of them the name index)"
        )
    shutil.rmtree(seed.parent)


if __name__ == "__main__":
    main()
