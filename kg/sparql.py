"""Running an analyst's SPARQL: read-only, with errors a person can act on."""

from __future__ import annotations

import re
from pathlib import Path

from kg.errors import UsageError
from kg.store import GraphStore

__all__ = ["read_query_text", "check_read_only", "run_query", "run_query_at"]

_IRI = re.compile(r"<[^<>\"{}|^`\\\s]*>")
_STRING = re.compile(r"'''[\s\S]*?'''|\"\"\"[\s\S]*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"")
_COMMENT = re.compile(r"#[^\n]*")
_PROLOGUE = re.compile(r"^\s*(?:(?:PREFIX\s+[^\s:]*:\s*<>|BASE\s*<>)\s*)*", re.IGNORECASE)
_UPDATE = re.compile(r"^(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE)


def read_query_text(query_or_file: str) -> str:
    """The argument is a query, or the path of a file holding one."""
    candidate = Path(query_or_file)
    if len(query_or_file) < 4096 and "\n" not in query_or_file and candidate.suffix in {".rq", ".sparql"}:
        if not candidate.is_file():
            raise UsageError(f"{query_or_file}: no such query file")
        return candidate.read_text(encoding="utf-8")
    return query_or_file


def check_read_only(text: str) -> None:
    """Refuse SPARQL Update: the store is rebuilt from curated files, never edited in place.

    >>> check_read_only('PREFIX a: <http://x/#y> # INSERT\\nSELECT * WHERE { ?s ?p "DELETE" }')
    >>> check_read_only("PREFIX a: <http://x/#y>\\n  insert data { a:b a:c a:d }")
    Traceback (most recent call last):
    kg.errors.UsageError: SPARQL Update (INSERT) is refused: ...
    """
    # IRIs and strings may hold '#' or keywords: blank them out before looking at the form.
    body = _COMMENT.sub("", _STRING.sub('""', _IRI.sub("<>", text)))
    body = _PROLOGUE.sub("", body, count=1).lstrip()
    match = _UPDATE.match(body)
    if match:
        raise UsageError(
            f"SPARQL Update ({match.group(1).upper()}) is refused: the store is read-only; "
            "change the curated data with `atkg entity` / `atkg fact`, then `atkg build`"
        )


def run_query(store: GraphStore, text: str):
    check_read_only(text)
    return store.query(text)


def run_query_at(location: str | Path, text: str, timeout: float | None = None):
    """Run a read-only query on the store at ``location``; stop it after ``timeout`` seconds
    (None or 0: no limit) with a QueryTimeout, since pyoxigraph cannot interrupt a query itself."""
    check_read_only(text)
    if not timeout:
        from kg.store import open_store

        return open_store(location).query(text)
    if timeout < 0:
        raise UsageError(f"--timeout {timeout:g}: give a number of seconds (0: no limit)")
    from kg.timeout import run_limited

    return run_limited(str(location), text, timeout)
