"""Which serialisation a client gets, from its ``Accept`` header (SPARQL 1.1 Protocol, RFC 9110)."""

from __future__ import annotations

import pyoxigraph as ox

__all__ = ["RESULT_TYPES", "GRAPH_TYPES", "accepted", "choose"]

# Media types we answer with, the first of each list being the default.
RESULT_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/xml": ox.QueryResultsFormat.XML,
}
GRAPH_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "text/plain": ox.RdfFormat.N_TRIPLES,
}


def accepted(header: str | None) -> list[str]:
    """Media ranges of an Accept header, best first (by q, then by order); q=0 dropped.

    >>> accepted("text/html;q=0.9, application/ld+json, */*;q=0.1, text/csv;q=0")
    ['application/ld+json', 'text/html', '*/*']
    """
    ranges = []
    for index, part in enumerate((header or "*/*").split(",")):
        media, *params = [piece.strip() for piece in part.split(";")]
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranges.append((-quality, index, media.lower()))
    return [media for _, _, media in sorted(ranges)]


def choose(header: str | None, offered: list[str]) -> str | None:
    """The first of ``offered`` the client accepts, by its preference; None if none.

    >>> choose("text/turtle;q=0.5, application/n-triples", list(GRAPH_TYPES))
    'application/n-triples'
    >>> choose("text/html", list(RESULT_TYPES)) is None
    True
    """
    for media in accepted(header):
        if media == "*/*":
            return offered[0]
        for candidate in offered:
            if media == candidate or (media.endswith("/*") and candidate.startswith(media[:-1])):
                return candidate
    return None
