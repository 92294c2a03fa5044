"""Dates as French reports print them, at the precision they print ("en avril 2012" -> 2012-04)."""

from __future__ import annotations

import re

__all__ = ["MONTHS", "first_date", "date_range"]

MONTHS = {
    "janvier": 1,
    "février": 2,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_FULL = re.compile(rf"\b(1er|\d{{1,2}})\s+({_MONTH})\s+((?:19|20)\d\d)\b", re.I)
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\s+((?:19|20)\d\d)\b", re.I)
_YEAR = re.compile(r"\b((?:19[5-9]|20\d)\d)\b")
_RANGE = re.compile(
    rf"\bdu\s+(1er|\d{{1,2}})(?:\s+({_MONTH}))?(?:\s+((?:19|20)\d\d))?\s+au\s+(1er|\d{{1,2}})\s+({_MONTH})\s+((?:19|20)\d\d)",
    re.I,
)


def _iso(day: str | None, month: str | None, year: str) -> str:
    if month is None:
        return year
    value = f"{year}-{MONTHS[month.lower()]:02d}"
    if day is None:
        return value
    return f"{value}-{1 if day.lower() == '1er' else int(day):02d}"


def first_date(text: str) -> str | None:
    """The first date in the text, as YYYY-MM-DD, YYYY-MM or YYYY (the precision printed).

    >>> first_date("un mémorandum signé en avril 2012 par l'ONUDC")
    '2012-04'
    >>> first_date("le 1er mars 2011 à Cotonou")
    '2011-03-01'
    >>> first_date("depuis 2009")
    '2009'
    """
    candidates = []
    for pattern, build in (
        (_FULL, lambda m: _iso(m.group(1), m.group(2), m.group(3))),
        (_MONTH_YEAR, lambda m: _iso(None, m.group(1), m.group(2))),
        (_YEAR, lambda m: m.group(1)),
    ):
        match = pattern.search(text)
        if match:
            candidates.append((match.start(), -len(match.group(0)), build(match)))
    return min(candidates)[2] if candidates else None


def date_range(text: str) -> tuple[str, str] | None:
    """``du 13 au 15 février 2008`` -> ("2008-02-13", "2008-02-15").

    >>> date_range("s'est tenu à Vienne du 13 au 15 février 2008")
    ('2008-02-13', '2008-02-15')
    """
    match = _RANGE.search(text)
    if not match:
        return None
    d1, m1, y1, d2, m2, y2 = match.groups()
    return _iso(d1, m1 or m2, y1 or y2), _iso(d2, m2, y2)
