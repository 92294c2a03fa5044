"""The corpus catalog: ``corpus/documents.toml``, one ``[[document]]`` table per source document.

Titles, dates and symbols are not reliably printed in the texts, so a maintainer records them
here, and a new report is added by appending a table (``atkg corpus add`` does it) rather than by
editing Python. Every ``corpus/NNN_*.txt`` must have an entry: a text the catalog does not list is
an error, never silently left out of the graph.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

from kg.errors import ValidationError

__all__ = ["CATALOG", "LANGUAGES", "read_catalog", "render_catalog", "check_date", "check_language"]

CATALOG = "documents.toml"
LANGUAGES = ("fr", "en")
_FIELDS = ("id", "file", "title_fr", "title_en", "date", "symbol", "language", "front", "paragraphs")
_REQUIRED = ("id", "file", "date", "language")
_FRONTS = ("", "summary", "preamble")
_LAYOUTS = ("numbered", "blank-line")
_ID = re.compile(r"\d{3}")
_DATE = re.compile(r"\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?")
_HEADER = (
    "# The documents of the corpus, one [[document]] table each, ordered by id.\n"
    "# `atkg corpus add FILE` appends a table; hand edits are welcome (then run `atkg corpus list`).\n"
    "# Fields: id (three digits, the prefix of the file name), file, title_fr / title_en, date\n"
    "# (YYYY, YYYY-MM or YYYY-MM-DD, as precise as the document), symbol (only one the text prints),\n"
    "# language (fr or en), front (summary / preamble: how unnumbered text before paragraph 1 is\n"
    "# labelled), paragraphs (numbered, or blank-line for texts that print no paragraph numbers).\n"
)


def check_date(text: str, where: str) -> str:
    if not _DATE.fullmatch(text):
        raise ValidationError(f"{where}: date '{text}' is not YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def check_language(text: str, where: str) -> str:
    if text not in LANGUAGES:
        raise ValidationError(f"{where}: language '{text}' is not one of {', '.join(LANGUAGES)}")
    return text


def read_catalog(corpus_dir: Path) -> list[dict[str, str]]:
    """The catalog's entries, checked against the texts present in ``corpus_dir``."""
    path = corpus_dir / CATALOG
    name = f"{corpus_dir.name}/{CATALOG}"
    if not path.is_file():
        raise ValidationError(f"{name}: missing (the corpus catalog lists every document)")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ValidationError(f"{name}: {error}") from None
    entries = data.get("document", [])
    unknown_top = sorted(set(data) - {"document"})
    if unknown_top or not isinstance(entries, list):
        raise ValidationError(f"{name}: only [[document]] tables belong here, not {unknown_top}")
    seen: dict[str, dict[str, str]] = {}
    files: set[str] = set()
    for position, entry in enumerate(entries, start=1):
        where = f"{name}: document {entry.get('id', f'#{position}')}"
        extra = sorted(set(entry) - set(_FIELDS))
        if extra:
            raise ValidationError(f"{where}: unknown field(s) {', '.join(extra)}")
        missing = [f for f in _REQUIRED if not entry.get(f)]
        if missing:
            raise ValidationError(f"{where}: missing {', '.join(missing)}")
        if not all(isinstance(v, str) for v in entry.values()):
            raise ValidationError(f"{where}: every field is a quoted string")
        key = entry["id"]
        if not _ID.fullmatch(key):
            raise ValidationError(f"{where}: id must be three digits")
        if key in seen:
            raise ValidationError(f"{where}: id {key} is listed twice")
        if not entry["file"].startswith(f"{key}_") or "/" in entry["file"]:
            raise ValidationError(f"{where}: file '{entry['file']}' must be named {key}_<name>.txt")
        if not (corpus_dir / entry["file"]).is_file():
            raise ValidationError(f"{where}: file {corpus_dir.name}/{entry['file']} does not exist")
        if not (entry.get("title_fr") or entry.get("title_en")):
            raise ValidationError(f"{where}: give title_fr or title_en")
        check_date(entry["date"], where)
        check_language(entry["language"], where)
        if entry.get("front", "") not in _FRONTS:
            raise ValidationError(f"{where}: front '{entry['front']}' is not summary or preamble")
        if entry.get("paragraphs", "numbered") not in _LAYOUTS:
            raise ValidationError(
                f"{where}: paragraphs '{entry['paragraphs']}' is not numbered or blank-line"
            )
        seen[key] = entry
        files.add(entry["file"])
    for text in sorted(corpus_dir.glob("*.txt")):
        if text.name not in files:
            raise ValidationError(
                f"{corpus_dir.name}/{text.name}: not listed in {name}; add it with "
                f"`atkg corpus add` or give it a [[document]] table"
            )
    return [seen[key] for key in sorted(seen)]


def _value(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's, DEL aside)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def render_catalog(entries: list[dict[str, str]]) -> str:
    """The catalog text: entries by id, fields in a fixed order, empty fields left out."""
    chunks = [_HEADER]
    for entry in sorted(entries, key=lambda e: e["id"]):
        lines = ["[[document]]"]
        lines += [f"{field} = {_value(entry[field])}" for field in _FIELDS if entry.get(field)]
        chunks.append("\n".join(lines) + "\n")
    return "\n".join(chunks)
