"""Country individuals, described from ISO 3166 via pycountry, never typed by hand."""

from __future__ import annotations

import gettext
from functools import cache

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

from kg.errors import UsageError
from kg.namespace import ATKG, GRAPH_ENTITIES, ID
from kg.rdfio import Quad

__all__ = ["country_iri", "country_quads", "lookup_country"]


@cache
def _french():
    import pycountry

    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])


def country_iri(alpha3: str) -> URIRef:
    return ID[f"country-{alpha3}"]


def lookup_country(code: str):
    """The pycountry record for an alpha-3 or alpha-2 code, or a UsageError naming the code."""
    import pycountry

    record = pycountry.countries.get(alpha_3=code.upper()) or pycountry.countries.get(alpha_2=code.upper())
    if record is None:
        raise UsageError(f"{code}: not an ISO 3166-1 country code")
    return record


def country_quads(code: str) -> list[Quad]:
    """Type, fr/en names (English common name first, French ISO name) and both ISO codes."""
    record = lookup_country(code)
    node = country_iri(record.alpha_3)
    english = getattr(record, "common_name", None) or record.name
    french = _french().gettext(record.name)
    g = GRAPH_ENTITIES
    quads: list[Quad] = [
        (node, RDF.type, ATKG.Country, g),
        (node, SKOS.prefLabel, Literal(english, lang="en"), g),
        (node, SKOS.prefLabel, Literal(french, lang="fr"), g),
        (node, ATKG.iso3166Alpha3, Literal(record.alpha_3), g),
        (node, ATKG.iso3166Alpha2, Literal(record.alpha_2), g),
    ]
    for alt in {record.name, getattr(record, "official_name", None)} - {english, None}:
        quads.append((node, SKOS.altLabel, Literal(alt, lang="en"), g))
    return quads
