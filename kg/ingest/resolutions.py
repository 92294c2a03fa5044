"""Resolutions the report cites by number: "ses résolutions 61/180 du 20 décembre 2006, 64/178 du
18 décembre 2009 et 67/190", "la résolution 2013/41 du Conseil économique et social".

A resolution is a number after "résolution(s)" (and the numbers listed after it); curators record
every one the corpus cites as an ``atkg:Resolution`` labelled by its number (the 34 citations of
000-004 all are). One the graph does not have yet is proposed here, labelled "résolution 64/178",
with a slug that names its body as kg/data/README.md does (``resolution-ga-64-178``): the body
printed after it, else the numbering (a year before the slash is the Economic and Social
Council's, a session number the General Assembly's). Its date comes from the fact rules
(kg.ingest.publications).
"""

from __future__ import annotations

import re

from kg.ingest.mentions import Mention
from kg.ingest.newentities import NewEntity

__all__ = ["find_resolutions"]

_NUMBER = r"\d{1,4}/\d{1,3}(?:\s*\([IVXLC]+\))?"
_DATE = r"(?:,?\s*(?:du|en\s+date\s+du)\s+(?:1er|\d{1,2})\s+[a-zéû]+\s+\d{4}\s*)?"
_CITED = re.compile(
    rf"\b[Rr]ésolutions?\s+(?P<list>{_NUMBER}(?:{_DATE}\s*(?:,\s*et\b|,|\bet\b)\s*{_NUMBER})*)"
)
_ONE = re.compile(_NUMBER)
_BODIES = [
    (re.compile(r"Conseil\s+économique\s+et\s+social", re.I), "ecosoc"),
    (re.compile(r"Conseil\s+des\s+droits\s+de\s+l[’']\s*homme", re.I), "hrc"),
    (re.compile(r"Conseil\s+de\s+sécurité", re.I), "sc"),
    (re.compile(r"Assemblée\s+générale", re.I), "ga"),
]
# the body, printed right after the number or the resolution's date ("du Conseil économique et
# social", "adoptée le 13 juin 2013 par le Conseil des droits de l'homme")
_BY = re.compile(
    r"^[\s,]*(?:(?:du|en\s+date\s+du|adoptée?\s+le)\s+(?:1er|\d{1,2})\s+[a-zéû]+\s+\d{4}\s*)?,?\s*"
    r"(?:du|de\s+l[’']|par\s+l[’']|par\s+le|de\s+la)\s*(?P<body>[A-ZÉ][^,;()]{5,45})"
)


def _body(text: str, end: int, number: str) -> str:
    by = _BY.match(text[end : end + 110])
    if by:
        body = next((slug for pattern, slug in _BODIES if pattern.match(by.group("body"))), None)
        if body:
            return body
    return "ecosoc" if re.match(r"(?:19|20)\d\d/", number) else "ga"


def find_resolutions(text: str, mentions: list[Mention], taken: list[NewEntity]) -> list[NewEntity]:
    """Resolutions a passage cites that neither the graph (``mentions``) nor another finder
    (``taken``) has."""
    busy = [(m.start, m.end) for m in mentions] + [(e.start, e.end) for e in taken]
    found: list[NewEntity] = []
    for cited in _CITED.finditer(text):
        for one in _ONE.finditer(text, cited.start("list"), cited.end("list")):
            if any(s < one.end() and one.start() < e for s, e in busy):
                continue
            number = re.sub(r"\s+", " ", one.group(0))
            plain = re.match(r"\d+/\d+", number).group(0)
            slug = f"resolution-{_body(text, one.end(), plain)}-{plain.replace('/', '-')}"
            found.append(
                NewEntity(
                    one.start(), one.end(), f"résolution {number}", "atkg:Resolution", slug, None,
                    f"resolution {number}", 0.6,
                )
            )  # fmt: skip
            busy.append((one.start(), one.end()))
    return found
