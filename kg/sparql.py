"""Running an analyst's SPARQL: read-only, with errors a person can act on."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from kg.errors import UsageError, ValidationError
from kg.store import GraphStore

__all__ = ["read_query_text", "check_read_only", "run_query", "run_query_at"]

_IRI = re.compile(r"<[^<>\"{}|^`\\\s]*>")
_STRING = re.compile(r"'''[\s\S]*?'''|\"\"\"[\s\S]*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"")
_COMMENT = re.compile(r"#[^\n]*")
_PROLOGUE = re.compile(r"^\s*(?:(?:PREFIX\s+[^\s:]*:|BASE)\s*)*", re.IGNORECASE)
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
    body = _PROLOGUE.sub("", mask(text), count=1).lstrip()
    match = _UPDATE.match(body)
    if match:
        raise UsageError(
            f"SPARQL Update ({match.group(1).upper()}) is refused: the store is read-only; "
            "change the curated data with `atkg entity` / `atkg fact`, then `atkg build`"
        )


def run_query(store: GraphStore, text: str):
    from kg.guard import guard_query

    return store.query(guard_query(text))


def run_query_at(location: str | Path, text: str, timeout: float | None = None):
    """Run a guarded read-only query on the store at ``location`` in a child process, stopped after
    ``timeout`` seconds (None or 0: no limit) with a QueryTimeout: pyoxigraph cannot interrupt a
    query itself, and a query that crashes the engine then takes down the child, not us."""
    from kg.guard import check_timeout, guard_query
    from kg.timeout import run_limited

    limit = check_timeout(timeout)
    return run_limited(str(location), guard_query(text), limit)


def mask(text: str) -> str:
    """The text with IRIs, strings and comments blanked out, offsets kept."""
    blank = lambda match: " " * len(match.group(0))  # noqa: E731
    return _COMMENT.sub(blank, _STRING.sub(blank, _IRI.sub(blank, text)))


def inject_values(sparql: str, rows: Sequence[Mapping[str, object | None]]) -> str:
    """``sparql`` with a VALUES block of ``rows`` (variable -> term or None) first in its outer group.

    >>> import pyoxigraph as ox
    >>> print(inject_values('SELECT * WHERE { ?s ?p "{" }', [{"p": ox.NamedNode("http://x/y"), "q": None}]))
    SELECT * WHERE {
      VALUES (?p) { (<http://x/y>) }
     ?s ?p "{" }
    """
    # A variable unbound in every row is left out: the same answer by the SPARQL algebra, and
    # Virtuoso 7 loses bindings made later in the query for a variable given as UNDEF.
    names = [n for n in (rows[0] if rows else ()) if any(row[n] is not None for row in rows)]
    if not names:
        return sparql
    brace = mask(sparql).find("{")
    if brace < 0:
        raise ValidationError("the query has no group pattern to bind parameters in")
    cells = " ".join(
        "(" + " ".join("UNDEF" if row[n] is None else str(row[n]) for n in names) + ")" for row in rows
    )
    block = f"\n  VALUES ({' '.join('?' + n for n in names)}) {{ {cells} }}\n"
    return sparql[: brace + 1] + block + sparql[brace + 1 :]
