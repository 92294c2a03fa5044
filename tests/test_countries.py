"""Country labels: UN official short names preferred, ISO names kept as alternatives (kg/countries.py)."""

from __future__ import annotations

import pycountry
from rdflib import Literal
from rdflib.namespace import SKOS

from kg.countries import country_quads, un_names


def _labels(code: str, predicate) -> set[Literal]:
    return {o for _, p, o, _ in country_quads(code) if p == predicate}


def test_the_un_name_is_preferred_and_the_iso_names_stay_alternatives():
    assert _labels("IRN", SKOS.prefLabel) == {
        Literal("Iran (Islamic Republic of)", lang="en"),
        Literal("Iran (République islamique d')", lang="fr"),
    }
    assert Literal("Iran, Islamic Republic of", lang="en") in _labels("IRN", SKOS.altLabel)
    assert Literal("Iran, République islamique d'", lang="fr") in _labels("IRN", SKOS.altLabel)


def test_a_country_whose_un_name_is_iso_keeps_it():
    assert _labels("FRA", SKOS.prefLabel) == {Literal("France", lang="en"), Literal("France", lang="fr")}
    assert _labels("FRA", SKOS.altLabel) == {Literal("French Republic", lang="en")}


def test_the_override_table_names_real_iso_codes_once():
    table = un_names()
    assert table["VNM"] == ("Viet Nam", "Viet Nam")
    assert all(pycountry.countries.get(alpha_3=code) is not None for code in table)
    assert all(english and french for english, french in table.values())
