"""One writer at a time: an exclusive lock on the workspace, held for a whole edit.

Every edit reads the curated files, changes them and writes them back; two edits interleaving
those steps would lose one of them. ``fcntl.flock`` on ``<workspace>/.atkg/lock`` serialises
them: the second edit waits, then reads what the first wrote, so both land. The kernel drops the
lock when its holder exits, even on SIGKILL, so a killed writer never leaves the workspace locked.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

from kg.errors import KgError
from kg.workspace import Workspace

__all__ = ["workspace_lock", "LockTimeout"]


class LockTimeout(KgError):
    exit_code = 1


@contextmanager
def workspace_lock(workspace: Workspace, timeout: float = 60.0) -> Iterator[None]:
    """Hold the workspace's edit lock for the ``with`` block, waiting up to ``timeout`` seconds."""
    path = workspace.root / ".atkg" / "lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockTimeout(
                        f"{path}: another edit has held the workspace lock for {timeout:g} s; "
                        "try again when it has finished"
                    ) from None
                time.sleep(0.02)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
