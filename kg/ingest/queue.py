"""The review queue: ``kg/review/<ID>.json``, one file per ingested document.

Deterministic and diff-friendly (sorted keys, two-space indent, candidates in reading order, ids
derived from what a candidate says, not from when it was found), so re-ingesting after a model or
rule change shows as a readable diff and keeps the decisions already taken.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from kg.errors import UsageError, ValidationError
from kg.fileio import atomic_write_text
from kg.workspace import Workspace

__all__ = ["queue_path", "read_queue", "write_queue", "candidate_id", "STATUSES"]

STATUSES = ("pending", "accepted", "rejected")


def queue_path(workspace: Workspace, doc: str) -> Path:
    return workspace.root / "kg" / "review" / f"{doc}.json"


def candidate_id(kind: str, *parts: str) -> str:
    """``e-`` or ``f-`` and eight hex digits of what the candidate says (stable across runs)."""
    digest = hashlib.sha1("\x1f".join((kind, *parts)).encode("utf-8")).hexdigest()[:8]
    return f"{kind[0]}-{digest}"


def read_queue(workspace: Workspace, doc: str) -> dict:
    path = queue_path(workspace, doc)
    if not path.is_file():
        raise UsageError(f"no review queue for document {doc}: run `atkg ingest {doc}` first")
    try:
        queue = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ValidationError(f"kg/review/{doc}.json:{error.lineno}: {error.msg}") from None
    if not isinstance(queue, dict) or not isinstance(queue.get("candidates"), list):
        raise ValidationError(f'kg/review/{doc}.json: not a review queue (no "candidates" list)')
    return queue


def write_queue(workspace: Workspace, doc: str, queue: dict) -> Path:
    path = queue_path(workspace, doc)
    atomic_write_text(path, json.dumps(queue, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    return path
