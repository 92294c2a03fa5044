"""Edit, validate, build and name-lookup figures on a copy of the real curated data.

Run: .venv/bin/python benchmarks/bench_edit.py   (prints figures; asserts nothing)
Targets: an edit round trip with every check (resolve, domain/range, citations, labels, SHACL,
journal, write) under 1 s in-process (issue 12; 2 s as a command, issue 6); `atkg validate` on
the full graph under 15 s; resolving a name against a store of 1.6 million quads under 10 ms
(issue 10), by the indexed lookup in id:graph-names. The copy is taken at start (the curators'
files are in flux; if one does not parse at that moment, rerun).
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

from kg.build import build  # noqa: E402
from kg.curated import CuratedData, format_files  # noqa: E402
from kg.edit import FactSpec, add_fact, remove_fact, run_edit  # noqa: E402
from kg.validate import validate_workspace  # noqa: E402
from kg.workspace import Workspace  # noqa: E402

ATKG = [sys.executable, "-m", "kg"]
FACT = ["unodc", "atkg:coordinates", "icat", "--source", "000:11"]


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

        times = []
        for _ in range(3):
            started = time.perf_counter()
            build(ws)
            times.append(time.perf_counter() - started)
        print(
            "build (in-process, full graph, every check the build runs), median of 3: "
            f"{statistics.median(times):.2f} s"
        )
        started = time.perf_counter()
        subprocess.run([*ATKG, *env_args, "build"], check=True, capture_output=True)
        print(f"`atkg build` as a command: {time.perf_counter() - started:.2f} s")
        name_lookup_at_scale(Path(tmp), ws)


def name_lookup_at_scale(tmp: Path, ws: Workspace, target: int = 1_600_000) -> None:
    """The real store padded with synthetic individuals (labels and their name keys) to 1.6M quads:
    an indexed lookup in id:graph-names against a scan of every label."""
    import pyoxigraph as ox

    from kg.names import GRAPH_NAMES, Resolver, StoreResolver
    from kg.namespace import ATKG, GRAPH_ENTITIES, ID
    from kg.store import open_store
    from kg.textmatch import fold

    real = [q for q in ox.Store(str(ws.store)).quads_for_pattern(None, None, None, None)]
    store = ox.Store(str(tmp / "big"))
    store.bulk_extend(real)
    pref = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
    key, names, entities = (
        ox.NamedNode(str(ATKG.nameKey)),
        ox.NamedNode(str(GRAPH_NAMES)),
        ox.NamedNode(str(GRAPH_ENTITIES)),
    )
    count, k = len(real), 0

    def padding():
        nonlocal count, k
        while count < target:
            node = ox.NamedNode(f"{ID}synthetic-body-{k}")
            for language, text in (
                ("en", f"Synthetic body number {k}"),
                ("fr", f"Organisme synthétique n° {k}"),
            ):
                yield ox.Quad(node, pref, ox.Literal(text, language=language), entities)
                yield ox.Quad(node, key, ox.Literal(fold(text).strip()), names)
                count += 2
            k += 1

    store.bulk_extend(padding())
    store.flush()
    del store
    big = open_store(tmp / "big")
    print(f"name lookup at scale: {count:,} quads ({k:,} synthetic bodies)")
    resolver = StoreResolver(big)
    for name in ("OIT", "Organisme synthétique n° 123456", "unodc"):
        resolver.resolve(name)  # warm
        laps = []
        for _ in range(20):
            started = time.perf_counter()
            resolver.resolve(name)
            laps.append(time.perf_counter() - started)
        print(f"  indexed lookup of {name!r}: median {statistics.median(laps) * 1000:.1f} ms")
    started = time.perf_counter()
    Resolver.from_store(big).resolve("OIT")
    print(f"  the former scan of every label (Resolver.from_store): {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
