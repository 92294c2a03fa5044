"""Site figures: `atkg site` on the full curated graph (a fresh process, median of 3), its pages
and size, and a check that a rerun writes the same bytes.

Run: .venv/bin/python benchmarks/bench_site.py   (prints figures; asserts nothing)
Target (issue 9): the whole site in under 10 s.
"""

from __future__ import annotations

import hashlib
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def curated_workspace() -> Path:
    target = Path(tempfile.mkdtemp()) / "curated"
    for folder in ("ontology", "corpus", "queries"):
        shutil.copytree(ROOT / folder, target / folder)
    shutil.copytree(ROOT / "kg" / "data", target / "kg" / "data")
    subprocess.run(
        [sys.executable, "-m", "kg", "--workspace", str(target), "build"], check=True, capture_output=True
    )
    return target


def digest(folder: Path) -> str:
    sha = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        sha.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return sha.hexdigest()


def main() -> None:
    workspace = curated_workspace()
    for lang in ("fr", "en"):
        out = workspace / f"site-{lang}"
        times, cpu, digests = [], [], []
        for _ in range(3):
            used = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "kg",
                    "--workspace",
                    str(workspace),
                    "site",
                    "--out",
                    str(out),
                    "--lang",
                    lang,
                ],
                check=True,
                capture_output=True,
            )
            times.append(time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime)
            digests.append(digest(out))
        files = [p for p in out.rglob("*.html")]
        size = sum(p.stat().st_size for p in files)
        by_folder = {name: sum(1 for p in files if p.parent.name == name) for name in ("id", "doc", "views")}
        print(
            f"atkg site --lang {lang}, full curated graph (fresh process)  {statistics.median(times):5.2f} s"
            f" wall, {statistics.median(cpu):5.2f} s CPU   (target < 10 s); {len(files)} pages "
            f"({by_folder['id']} entities, {by_folder['doc']} documents, {by_folder['views']} view files), "
            f"{size / 2**20:.1f} MB; reruns byte-identical: "
            f"{'yes' if len(set(digests)) == 1 else 'NO'}"
        )
    shutil.rmtree(workspace.parent)


if __name__ == "__main__":
    main()
