"""Dates as French reports print them, at the precision they print ("en avril 2012" -> 2012-04)."""

from __future__ import annotations

import re

__all__ = ["MONTHS", "first_date", "date_range", "period_range"]

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
# a year right after a day and month may carry a footnote call glued to it ("octobre 201214")
_RANGE = re.compile(
    rf"\b(?:du|les?)\s+(1er|\d{{1,2}})(?:\s+({_MONTH}))?(?:\s+((?:19|20)\d\d))?\s+(?:au|et)\s+"
    rf"(1er|\d{{1,2}})\s+({_MONTH})\s+((?:19|20)\d\d)(?!\d{{3}})",
    re.I,
)
_POINT = rf"(?:(?:(?:1er|\d{{1,2}})\s+)?(?:{_MONTH})\s+)?(?:19|20)\d\d"
_PERIOD = re.compile(
    rf"\b(?:entre|de|du|d[’'])\s*(?:l[’']année\s+)?({_POINT})(?:,[^,.;]{{0,90}},)?\s+(?:et|à|au)\s+"
    rf"(?:l[’']année\s+)?({_POINT})\b"
    rf"|\bdepuis\s+(?:sa\s+création\s+en\s+|le\s+|l[’']année\s+)?({_POINT})\b",
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
    >>> date_range("à Tokyo les 26 et 27 septembre 2006"), date_range("du 15 au 19 octobre 201214")
    (('2006-09-26', '2006-09-27'), ('2012-10-15', '2012-10-19'))
    """
    match = _RANGE.search(text)
    if not match:
        return None
    d1, m1, y1, d2, m2, y2 = match.groups()
    return _iso(d1, m1 or m2, y1 or y2), _iso(d2, m2, y2)


def period_range(text: str) -> tuple[str, str | None] | None:
    """``entre 1999 et juin 2004`` -> ("1999", "2004-06"); ``depuis septembre 2001`` ->
    ("2001-09", None): the period a figure covers, at the precision printed.

    >>> period_range("poursuivi 112 individus entre 1999 et juin 2004")
    ('1999', '2004-06')
    >>> period_range("De 2003 à 2006, 244 cas")
    ('2003', '2006')
    >>> period_range("entre 2002, où une stratégie a été instaurée, et janvier 2007, 65 victimes")
    ('2002', '2007-01')
    >>> period_range("depuis sa création en septembre 2001")
    ('2001-09', None)
    """
    match = _PERIOD.search(text)
    if not match:
        return None
    if match.group(3):
        return first_date(match.group(3)), None
    start, end = first_date(match.group(1)), first_date(match.group(2))
    return (start, end) if start and end else None
