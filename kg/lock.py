"""One writer at a time: an exclusive lock on the workspace, held for a whole edit or build.

Every edit reads the curated files, changes them and writes them back; two edits interleaving
those steps would lose one of them. ``fcntl.flock`` on ``<workspace>/.atkg/lock`` serialises
them: the second edit waits, then reads what the first wrote, so both land. A build holds the same
lock, so it reads the curated files as one consistent state and two builds queue instead of
writing one store at once. The kernel drops the lock when its holder exits, even on SIGKILL, so a
killed writer never leaves the workspace locked.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import KgError, UsageError
from kg.workspace import Workspace

__all__ = ["workspace_lock", "file_lock", "LockTimeout"]


class LockTimeout(KgError):
    exit_code = 1


def _holder_of(fd: int, fallback: str) -> str:
    """What the current holder wrote into the lock file when it took the lock (see ``file_lock``)."""
    try:
        text = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
    except OSError:
        return fallback
    return text if text and text.isprintable() else fallback


@contextmanager
def file_lock(path: Path, timeout: float, holder: str, what: str, task: str | None = None) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``path`` for the ``with`` block, waiting up to ``timeout`` s.

    The holder writes ``task`` (with its pid) into the file, so a process that times out waiting can
    say which command holds the lock (a build, an edit...) rather than guess; ``holder`` is said
    when the file names nobody."""
    if path.parent.exists() and not path.parent.is_dir():
        raise UsageError(f"{path.parent}: is a file, not a directory (the lock file {path} goes in it)")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except IsADirectoryError:
        raise UsageError(f"{path}: is a directory, not a lock file; remove or rename it") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot create the lock file ({error.strerror})") from None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockTimeout(
                        f"{path}: {_holder_of(fd, holder)} has held the {what} lock for {timeout:g} s; "
                        "try again when it has finished"
                    ) from None
                time.sleep(0.02)
        if task is not None:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{task} (pid {os.getpid()})".encode(), 0)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@contextmanager
def workspace_lock(workspace: Workspace, timeout: float = 60.0, task: str = "an edit") -> Iterator[None]:
    """Hold the workspace's lock for the ``with`` block, waiting up to ``timeout`` seconds; ``task``
    ("a build", "an edit", ...) is what a command kept waiting is told holds it."""
    with file_lock(workspace.root / ".atkg" / "lock", timeout, "another atkg command", "workspace", task):
        yield
