"""When a thing was set up (kg/ingest/founding.py) and where the OCR printed "à" as "&"
(kg/ingest/places.py): short sentences in the style of UN reports."""

from __future__ import annotations

from kg.ingest.facts import Item
from kg.ingest.founding import launch_dates
from kg.ingest.places import find_places


def items(sentence: str, names: dict[str, str]) -> list[Item]:
    return [Item(sentence.index(n), sentence.index(n) + len(n), n, t) for n, t in names.items()]


def test_an_active_verb_sets_up_what_follows_its_date_not_its_agent():
    sentence = "UN.GIFT a lancé, le 1er mars 2010, un mécanisme de microfinancement pour les ONG."
    named = items(sentence, {"UN.GIFT": "atkg:Initiative", "mécanisme de microfinancement": "atkg:Fund"})
    assert launch_dates(sentence, named) == [("mécanisme de microfinancement", "2010-03-01", 0.55)]
    sentence = "Le Fonds, lancé en mars 2010 par l’ONUDC, finance des projets."
    assert launch_dates(sentence, items(sentence, {"Fonds": "atkg:Fund"})) == [("Fonds", "2010-03", 0.55)]


def test_a_date_that_opens_the_sentence_dates_a_body_set_up_without_one():
    sentence = "En 2010, un groupe de travail a été créé pour améliorer l’efficacité du Groupe."
    named = items(sentence, {"groupe de travail": "atkg:CoordinationMechanism"})
    assert launch_dates(sentence, named) == [("groupe de travail", "2010", 0.5)]
    sentence = "Un groupe de travail a été créé pour améliorer l’efficacité du Groupe."
    named = items(sentence, {"groupe de travail": "atkg:CoordinationMechanism"})
    assert launch_dates(sentence, named) == []


def test_the_ocr_s_ampersand_for_a_is_a_place_marker():
    text = (
        "une séance d’information, qui s est tenue & New York en mai 2012, avec Procter&Gamble, "
        "Procter & Gamble et Marks & Spencer"
    )
    assert find_places(text) == [(text.index("New York"), text.index("New York") + 8, "New York", None)]
