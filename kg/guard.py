"""The one gate every analyst query passes before the engine sees it (`atkg sparql`, `atkg query
run`, the endpoint).

Oxigraph aborts the whole process on about 6,000 nested brackets (a stack overflow, not an
error), sends HTTP requests for ``SERVICE`` (anyone able to send a query could use us as a request
proxy), and ignores ``FROM`` in the query text. So, before parsing: a size limit and a nesting
limit (cheap scans over the text with strings, IRIs and comments blanked out), ``SERVICE``
refused, updates refused; and ``FROM``/``FROM NAMED`` turned into the dataset the engine is given
(``dataset``), so they are honoured rather than silently ignored. Time limits are checked here
too; the work itself is stopped by running it in a killable process (kg.timeout, kg.endpoint).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from kg.errors import UsageError
from kg.prefixes import PREFIXES
from kg.sparql import check_read_only, mask

__all__ = [
    "MAX_QUERY_BYTES",
    "MAX_NESTING",
    "Dataset",
    "guard_query",
    "dataset",
    "check_timeout",
    "memory_limit",
    "limit_memory",
]

MAX_QUERY_BYTES = 256 * 1024
# A sorted cross product grew by ~350 MB/s here: a query process may use this much, then aborts.
DEFAULT_MEMORY_MB = 2048
MAX_NESTING = 200
# keywords, not variables (?service) nor local names (ex:from)
_SERVICE = re.compile(r"(?<![?$\w:.-])SERVICE\b", re.IGNORECASE)
_FROM = re.compile(r"(?<![?$\w:.-])FROM\b", re.IGNORECASE)
_NAMED = re.compile(r"\s*NAMED\b", re.IGNORECASE)
_SPACE = re.compile(r"\s*")
_IRI_AT = re.compile(r"<([^<>\"{}|^`\\\s]*)>")
_PNAME_AT = re.compile(r"([A-Za-z][\w.-]*)?:((?:[\w-]|\.(?=[\w-]))*)")
_DECLARED = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>", re.IGNORECASE)
_OPENING = {"(": ")", "{": "}", "[": "]"}


@dataclass(frozen=True)
class Dataset:
    """The graphs a query's ``FROM`` (default graph) and ``FROM NAMED`` clauses name."""

    default: tuple[str, ...]
    named: tuple[str, ...]


def guard_query(text: str) -> str:
    """``text`` if it may run: valid UTF-8, within the size and nesting limits, read-only, no SERVICE.

    >>> guard_query("SELECT * WHERE { ?s ?p 'SERVICE' }")
    "SELECT * WHERE { ?s ?p 'SERVICE' }"
    >>> guard_query("SELECT * WHERE { SERVICE <http://127.0.0.1/> { ?s ?p ?o } }")
    Traceback (most recent call last):
    kg.errors.UsageError: SERVICE is refused (line 1): ...
    """
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as error:
        byte = ord(text[error.start]) & 0xFF
        raise UsageError(
            f"the query is not valid UTF-8 text (byte 0x{byte:02x} at character {error.start + 1})"
        ) from None
    if size > MAX_QUERY_BYTES:
        raise UsageError(f"the query is {size} bytes long; the limit is {MAX_QUERY_BYTES} bytes")
    masked = mask(text)
    _check_nesting(masked)
    check_read_only(text)
    service = _SERVICE.search(masked)
    if service:
        line = masked.count("\n", 0, service.start()) + 1
        raise UsageError(
            f"SERVICE is refused (line {line}): queries run on this graph only and never send a "
            "request outside the machine"
        )
    dataset(text)  # an unreadable FROM is an error now, not a surprise in the engine
    return text


def _check_nesting(masked: str) -> None:
    depth = 0
    for index, char in enumerate(masked):
        if char in _OPENING:
            depth += 1
            if depth > MAX_NESTING:
                line = masked.count("\n", 0, index) + 1
                raise UsageError(
                    f"the query nests brackets more than {MAX_NESTING} deep (line {line}); "
                    "the engine cannot take that much nesting: simplify the query"
                )
        elif char in ")}]":
            depth = max(depth - 1, 0)


def dataset(text: str) -> Dataset | None:
    """The graphs named by ``FROM``/``FROM NAMED``, or None when the query names none.

    >>> dataset("SELECT * FROM id:passage-001-12 FROM NAMED <http://x/g> WHERE { ?s ?p ?o }")
    Dataset(default=('https://w3id.org/atkg/id/passage-001-12',), named=('http://x/g',))
    >>> dataset("SELECT * WHERE { ?s ?p '<FROM>' }") is None
    True
    """
    masked = mask(text)
    default: list[str] = []
    named: list[str] = []
    prefixes: dict[str, str] | None = None
    for match in _FROM.finditer(masked):
        at = _SPACE.match(text, match.end()).end()
        is_named = _NAMED.match(text, at)
        if is_named:
            at = _SPACE.match(text, is_named.end()).end()
        iri = _IRI_AT.match(text, at)
        if iri:
            value = iri.group(1)
        else:
            name = _PNAME_AT.match(text, at)
            if not name or not name.group(0):
                line = masked.count("\n", 0, at) + 1
                raise UsageError(f"FROM on line {line} names no graph: give an IRI or a prefixed name")
            if prefixes is None:
                prefixes = {**PREFIXES, **{p or "": iri for p, iri in _DECLARED.findall(text)}}
            if (name.group(1) or "") not in prefixes:
                raise UsageError(f"FROM {name.group(0)}: the prefix '{name.group(1) or ''}:' is not declared")
            value = prefixes[name.group(1) or ""] + name.group(2)
        (named if is_named else default).append(value)
    if not default and not named:
        return None
    return Dataset(tuple(default), tuple(named))


def check_timeout(seconds: float | None) -> float | None:
    """A time limit in seconds, or None for no limit (0); NaN, infinity and negatives refused."""
    if seconds is None or seconds == 0:
        return None
    if math.isnan(seconds) or math.isinf(seconds) or seconds < 0:
        raise UsageError(f"--timeout {seconds:g}: give a number of seconds (0: no limit)")
    return float(seconds)


def memory_limit() -> int:
    """Bytes of memory a query process may allocate (``ATKG_QUERY_MEMORY_MB``, default 2048)."""
    import os

    try:
        megabytes = int(os.environ.get("ATKG_QUERY_MEMORY_MB", DEFAULT_MEMORY_MB))
    except ValueError:
        megabytes = DEFAULT_MEMORY_MB
    return max(megabytes, 64) * 1024 * 1024


def limit_memory() -> None:
    """Cap this (query) process's data memory: past it, the engine's allocation fails and the
    process aborts, instead of the machine running out of memory before the time limit."""
    import resource

    limit = memory_limit()
    try:
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
    except (ValueError, OSError):
        pass
