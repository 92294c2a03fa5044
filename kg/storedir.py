"""The store's directory: which directories are ours to replace, and a swap that survives a crash.

A build writes the new store beside the old one (``PATH.new``) and swaps it in with two renames
(``PATH`` -> ``PATH.old``, ``PATH.new`` -> ``PATH``). Killed between them, no store is at ``PATH``:
the next command that opens or writes the store puts ``PATH.old`` back. Everything happens under a
lock beside the store (``PATH.lock``), so two builds never write the same staging directory and a
reader never "recovers" a store a running build is about to swap in.

``build --store PATH`` must never delete what the user keeps at PATH: only a directory holding our
marker file (``atkg-store.json``), or one holding nothing but RocksDB's own files (a store built
before the marker existed, or a staging directory cut short), or an empty one, is replaced.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import UsageError
from kg.fileio import fsync_dir

__all__ = [
    "MARKER",
    "is_replaceable",
    "check_replaceable",
    "generation",
    "recover",
    "swap_in",
    "store_lock",
    "write_marker",
]

MARKER = "atkg-store.json"
# The file names RocksDB (under Oxigraph) writes in its directory; bulk-*.sst are Oxigraph's bulk loader's.
_ROCKSDB = re.compile(
    r"(?:\d+|bulk-\d+)\.(?:log|sst|blob|dbtmp)|CURRENT|IDENTITY|LOCK|LOG(?:\.old\.\d+)?|MANIFEST-\d+|OPTIONS-\d+(?:\.dbtmp)?"
)


def _siblings(path: Path) -> tuple[Path, Path]:
    path = Path(os.path.abspath(path))  # "." and "" have no name to add a suffix to
    return path.with_name(path.name + ".new"), path.with_name(path.name + ".old")


def is_replaceable(path: Path) -> bool:
    """True if ``path`` is missing, or a directory we may delete: ours, RocksDB's only, or empty."""
    if not os.path.lexists(path):
        return True
    if path.is_symlink() or not path.is_dir():
        return False
    try:
        entries = list(os.scandir(path))
    except OSError:
        return False
    if not all(entry.is_file(follow_symlinks=False) for entry in entries):
        return False  # RocksDB writes no sub-directories: these are someone's files
    if any(entry.name == MARKER for entry in entries):
        return True  # ours, whatever file names this RocksDB version writes
    return all(_ROCKSDB.fullmatch(entry.name) for entry in entries)


def check_replaceable(path: Path) -> None:
    """Refuse, before anything is touched, a store path (or its staging siblings) we do not own."""
    for ancestor in path.parents:
        if os.path.lexists(ancestor):
            if not ancestor.is_dir():
                raise UsageError(f"{path}: {ancestor} is a file, not a directory; give --store a directory")
            break
    for candidate in (path, *_siblings(path)):
        if not is_replaceable(candidate):
            kind = "a directory" if candidate.is_dir() and not candidate.is_symlink() else "a file"
            raise UsageError(
                f"{candidate}: exists and is {kind} that is not an atkg store; refusing to replace it "
                "(give --store a new or empty directory, or a store `atkg build` wrote)"
            )


def generation(path: Path) -> str | None:
    """The identity of the build that wrote the store at ``path`` (changes with every build)."""
    try:
        return json.loads((path / MARKER).read_text(encoding="utf-8")).get("generation")
    except (OSError, ValueError, AttributeError):
        return None


def write_marker(path: Path) -> str:
    """Mark a freshly written store directory as ours; its new generation."""
    stamp = uuid.uuid4().hex
    marker = path / MARKER
    with open(marker, "w", encoding="utf-8") as handle:
        json.dump({"format": "atkg-store", "version": 1, "generation": stamp}, handle)
        handle.write("\n")
        handle.flush()
        os.fsync(handle.fileno())
    return stamp


@contextmanager
def store_lock(path: Path, timeout: float = 120.0) -> Iterator[None]:
    """Hold ``PATH.lock`` (the kernel drops it if the holder dies, even on SIGKILL)."""
    from kg.lock import file_lock

    with file_lock(path.with_name(path.name + ".lock"), timeout, "a build writing the store", "store"):
        yield


def recover(path: Path) -> None:
    """Put ``PATH.old`` back if a build died between its two renames; drop leftovers. Takes the lock."""
    path = Path(os.path.abspath(path))
    staging, retired = _siblings(path)
    if not (os.path.lexists(staging) or os.path.lexists(retired)) or not path.parent.is_dir():
        return
    if os.path.lexists(path):  # only leftovers to tidy: best effort (a reader may not own the folder)
        from kg.errors import KgError

        try:
            with store_lock(path, timeout=5):
                _recover_locked(path)
        except (OSError, KgError):
            pass
        return
    with store_lock(path):
        _recover_locked(path)


def _recover_locked(path: Path) -> None:
    staging, retired = _siblings(path)
    if not os.path.lexists(path) and retired.is_dir() and is_replaceable(retired):
        retired.rename(path)
        fsync_dir(path.parent)
    for leftover in (staging, retired):
        if os.path.lexists(leftover) and is_replaceable(leftover):
            shutil.rmtree(leftover)


def swap_in(path: Path, write: Callable[[Path], None]) -> str:
    """Write a store with ``write(staging_dir)`` and swap it in at ``path``; the new generation.

    Refuses a ``path`` we do not own before writing anything. Killed at any point, ``path`` then
    holds the old store, or the new one, or nothing plus ``PATH.old`` that the next command restores.
    """
    path = Path(os.path.abspath(path))
    check_replaceable(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"{path.parent}: cannot create the store's directory ({error.strerror})") from None
    staging, retired = _siblings(path)
    with store_lock(path):
        check_replaceable(path)  # someone may have put something there while we waited
        _recover_locked(path)
        try:
            write(staging)
            stamp = write_marker(staging)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        fsync_dir(path.parent)
        if os.path.lexists(path):
            path.rename(retired)
        staging.rename(path)
        fsync_dir(path.parent)
        shutil.rmtree(retired, ignore_errors=True)
    return stamp
