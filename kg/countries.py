"""Country individuals, described from ISO 3166 via pycountry, never typed by hand.

Preferred labels are the UN's official short names (UNTERM), which UN documents use ("Viet Nam",
"Bolivie (État plurinational de)"); where they differ from ISO's, they come from the table
``un_country_names.tsv`` next to this module, and the ISO names stay as alternative labels.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

from kg.errors import UsageError
from kg.namespace import ATKG, GRAPH_ENTITIES, ID
from kg.rdfio import Quad

__all__ = ["country_iri", "country_names", "country_quads", "lookup_country", "un_names"]

_UN_NAMES = Path(__file__).with_name("un_country_names.tsv")


@cache
def _french():
    import pycountry

    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])


@cache
def un_names() -> dict[str, tuple[str, str]]:
    """ISO alpha-3 -> (English, French) UN short name, for the countries whose UN name is not ISO's."""
    table: dict[str, tuple[str, str]] = {}
    for line in _UN_NAMES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, english, french = line.split("\t")
            table[code] = (english, french)
    return table


def country_iri(alpha3: str) -> URIRef:
    return ID[f"country-{alpha3}"]


def lookup_country(code: str):
    """The pycountry record for an alpha-3 or alpha-2 code, or a UsageError naming the code."""
    import pycountry

    record = pycountry.countries.get(alpha_3=code.upper()) or pycountry.countries.get(alpha_2=code.upper())
    if record is None:
        raise UsageError(f"{code}: not an ISO 3166-1 country code")
    return record


def country_names(record) -> tuple[str, str, str, str]:
    """(English, French) as the UN writes them, then (English, French) as ISO does, of a pycountry
    record: what a country is called in the graph and in a text that does not follow UN usage."""
    iso_english = getattr(record, "common_name", None) or record.name
    iso_french = _french().gettext(record.name)
    english, french = un_names().get(record.alpha_3, (iso_english, iso_french))
    return english, french, iso_english, iso_french


def country_quads(code: str) -> list[Quad]:
    """Type, fr/en preferred labels (UN short names), ISO names as alternatives, both ISO codes."""
    record = lookup_country(code)
    node = country_iri(record.alpha_3)
    english, french, iso_english, iso_french = country_names(record)
    g = GRAPH_ENTITIES
    quads: list[Quad] = [
        (node, RDF.type, ATKG.Country, g),
        (node, SKOS.prefLabel, Literal(english, lang="en"), g),
        (node, SKOS.prefLabel, Literal(french, lang="fr"), g),
        (node, ATKG.iso3166Alpha3, Literal(record.alpha_3), g),
        (node, ATKG.iso3166Alpha2, Literal(record.alpha_2), g),
    ]
    for alt in {iso_english, record.name, getattr(record, "official_name", None)} - {english, None}:
        quads.append((node, SKOS.altLabel, Literal(alt, lang="en"), g))
    if iso_french != french:
        quads.append((node, SKOS.altLabel, Literal(iso_french, lang="fr"), g))
    return quads
