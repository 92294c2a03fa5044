"""Multi-file edits that land all together or not at all, and the log ``atkg undo`` reverts.

An edit that rewrites several files (a merge touches five) cannot rename them all in one system
call, so it follows a journal (as databases do):

1. every new text is written to a temporary file beside its target and flushed to disk;
2. the *intent* (``.atkg/journal/pending.json``: which temporary file becomes which file, and
   which files go) is written atomically: from this instant the edit has happened;
3. the temporary files are renamed over their targets, one by one;
4. the intent is removed.

A crash before step 2 leaves the old files and some temporary files, which the next command
deletes; a crash after it leaves an intent that the next command (``recover``) carries out to the
end. Either way a reader that recovers first sees the old state or the new one, never a mix.

Each edit also writes, in the same transaction, a log entry ``.atkg/journal/log/NNNNNN.json``
(who, when, which command, what it did, and every touched file's previous text and new digest):
``atkg log`` lists them and ``atkg undo`` restores the previous texts byte for byte. The journal
lives under ``.atkg/``, which git ignores.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
import os
import signal
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kg.errors import UsageError
from kg.fileio import fsync_dir
from kg.workspace import Workspace

__all__ = ["commit_files", "recover", "recover_if_needed", "edit_log", "undo", "LogEntry"]

_CRASH_ENV = "ATKG_CRASH_AT"  # fault injection for the crash test: SIGKILL at the n-th step
_step = 0


def _checkpoint() -> None:
    """Count a durable step; under the crash test, die here without any clean-up."""
    global _step
    wanted = os.environ.get(_CRASH_ENV)
    if not wanted:
        return
    _step += 1
    if _step == int(wanted):
        os.kill(os.getpid(), signal.SIGKILL)


def _journal_dir(workspace: Workspace) -> Path:
    return workspace.root / ".atkg" / "journal"


def _write_temporary(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(name, path.stat().st_mode & 0o777 if path.exists() else 0o644)
    return Path(name)


def _sha(text: str | None) -> str | None:
    return None if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest()


def _relative(workspace: Workspace, path: Path) -> str:
    return str(Path(path).resolve().relative_to(workspace.root.resolve()))


def commit_files(
    workspace: Workspace,
    texts: Mapping[Path, str | None],
    summary: str = "",
    command: str = "",
    record: bool = True,
    drop_log: tuple[str, ...] = (),
) -> list[Path]:
    """Write every ``path -> text`` (``None`` deletes the file) as one transaction; with
    ``record``, log the edit for ``atkg undo``. The caller holds the workspace lock."""
    if not texts:
        return []
    journal = _journal_dir(workspace)
    log_dir = journal / "log"
    before = {p: (p.read_text(encoding="utf-8") if p.exists() else None) for p in texts}
    renames: list[tuple[Path, Path]] = []
    try:
        for path, text in sorted(texts.items()):
            if text is not None:
                renames.append((_write_temporary(path, text), path))
                _checkpoint()
        if record:
            entry = {
                "when": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "who": _who(),
                "command": command,
                "summary": summary,
                "files": {
                    _relative(workspace, p): {"before": before[p], "after": _sha(texts[p])}
                    for p in sorted(texts)
                },
            }
            number = _next_number(log_dir)
            target = log_dir / f"{number:06d}.json"
            renames.append(
                (_write_temporary(target, json.dumps(entry, ensure_ascii=False, indent=1)), target)
            )
            _checkpoint()
        deletions = [p for p, t in texts.items() if t is None] + [log_dir / name for name in drop_log]
        intent = {
            "renames": [[_relative(workspace, t), _relative(workspace, p)] for t, p in renames],
            "deletions": [_relative(workspace, p) for p in deletions],
        }
        journal.mkdir(parents=True, exist_ok=True)
        pending = _write_temporary(journal / "pending.json", json.dumps(intent, indent=1))
        _checkpoint()
        os.replace(pending, journal / "pending.json")
        fsync_dir(journal)
        _checkpoint()
    except BaseException:
        for temporary, _ in renames:
            temporary.unlink(missing_ok=True)
        raise
    _carry_out(workspace, intent)
    return sorted(p for p in texts)


def _carry_out(workspace: Workspace, intent: dict) -> None:
    root = workspace.root
    for temporary, target in intent["renames"]:
        if (root / temporary).exists():
            os.replace(root / temporary, root / target)
            fsync_dir((root / target).parent)
            _checkpoint()
    for name in intent["deletions"]:
        (root / name).unlink(missing_ok=True)
    (_journal_dir(workspace) / "pending.json").unlink(missing_ok=True)
    fsync_dir(_journal_dir(workspace))


def recover(workspace: Workspace) -> bool:
    """Finish an edit a crash interrupted after its intent was written, and delete temporary
    files of one interrupted before. The caller holds the workspace lock. True if it acted."""
    acted = False
    pending = _journal_dir(workspace) / "pending.json"
    if pending.exists():
        _carry_out(workspace, json.loads(pending.read_text(encoding="utf-8")))
        acted = True
    for folder in (
        workspace.data_dir,
        workspace.ontology.parent,
        _journal_dir(workspace),
        _journal_dir(workspace) / "log",
    ):
        if folder.is_dir():
            for stray in folder.glob(".*.tmp"):
                stray.unlink(missing_ok=True)
                acted = True
    return acted


def _strays(workspace: Workspace) -> bool:
    if (_journal_dir(workspace) / "pending.json").exists():
        return True
    folders = (
        workspace.data_dir,
        workspace.ontology.parent,
        _journal_dir(workspace),
        _journal_dir(workspace) / "log",
    )
    return any(next(f.glob(".*.tmp"), None) is not None for f in folders if f.is_dir())


def recover_if_needed(workspace: Workspace) -> bool:
    """``recover`` under the workspace lock, for commands that read the files without editing
    them (build, validate): they must not see an edit half carried out."""
    if not _strays(workspace):
        return False
    from kg.lock import workspace_lock

    with workspace_lock(workspace, task="a recovery"):
        return recover(workspace)


def _who() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _next_number(log_dir: Path) -> int:
    numbers = [int(p.stem) for p in log_dir.glob("*.json") if p.stem.isdigit()] if log_dir.is_dir() else []
    return max(numbers, default=0) + 1


@dataclass(frozen=True)
class LogEntry:
    number: int
    when: str
    who: str
    command: str
    summary: str
    files: tuple[str, ...]


def edit_log(workspace: Workspace) -> list[LogEntry]:
    """The recorded edits, oldest first."""
    log_dir = _journal_dir(workspace) / "log"
    entries = []
    for path in sorted(log_dir.glob("*.json")) if log_dir.is_dir() else []:
        if not path.stem.isdigit():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        entries.append(
            LogEntry(
                int(path.stem),
                data["when"],
                data["who"],
                data["command"],
                data["summary"],
                tuple(data["files"]),
            )
        )
    return entries


def undo(workspace: Workspace, count: int = 1) -> list[LogEntry]:
    """Restore the files the last ``count`` edits changed, byte for byte, newest first; refused
    when a file has changed since (by hand, or by a command that keeps no log)."""
    from kg.lock import workspace_lock

    if count < 1:
        raise UsageError(f"undo {count}: give a number of edits, 1 or more")
    with workspace_lock(workspace, task="an undo"):
        recover(workspace)
        entries = edit_log(workspace)
        if len(entries) < count:
            raise UsageError(f"undo {count}: only {len(entries)} edit(s) recorded in the log")
        chosen = entries[-count:]
        log_dir = _journal_dir(workspace) / "log"
        current: dict[str, str | None] = {}
        for entry in reversed(chosen):
            data = json.loads((log_dir / f"{entry.number:06d}.json").read_text(encoding="utf-8"))
            for name, change in data["files"].items():
                path = workspace.root / name
                now = (
                    current[name]
                    if name in current
                    else (path.read_text(encoding="utf-8") if path.exists() else None)
                )
                if _sha(now) != change["after"]:
                    raise UsageError(
                        f"cannot undo edit {entry.number} ({entry.summary}): {name} has changed since; "
                        "undo by hand or with git"
                    )
                current[name] = change["before"]
        texts = {workspace.root / name: text for name, text in current.items()}
        commit_files(workspace, texts, record=False, drop_log=tuple(f"{e.number:06d}.json" for e in chosen))
    return list(reversed(chosen))
