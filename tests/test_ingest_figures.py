"""Figure rules of ingest (kg/ingest/figures.py) on short French sentences in the style of UN
reports: each test is one way the reports print a figure."""

from __future__ import annotations

from kg.ingest.figures import find_figures


def read(sentence: str) -> list[tuple]:
    return [
        (sentence[f.start : f.end], f.value, f.measure[3], f.qualifier, f.period, f.start_date, f.end_date)
        for f in find_figures(sentence)
    ]


def test_counted_nouns_of_people_bodies_and_applications():
    sentence = (
        "Une formation a été offerte à 769 travailleurs sociaux et à 140 gardes-frontière; le Mécanisme "
        "a reçu plus de 250 candidatures; le comité regroupe douze ministères, 46 agences et "
        "trois organismes publics; 35 équipes multidisciplinaires sont actives."
    )
    assert read(sentence) == [
        ("769 travailleurs", "769", "person", None, None, None, None),
        ("140 gardes", "140", "person", None, None, None, None),
        ("250 candidatures", "250", "application", "more-than", None, None, None),
        ("douze ministères", "12", "organisation", None, None, None, None),
        ("46 agences", "46", "organisation", None, None, None, None),
        ("trois organismes", "3", "organisation", None, None, None, None),
        ("35 équipes", "35", "task force", None, None, None, None),
    ]


def test_nouns_whose_accents_ocr_swapped():
    assert read("Le Mécanisme comportait deux critéres que toutes les propositions devaient respecter.") == [
        ("deux critéres", "2", "criterion", None, None, None, None)
    ]


def test_a_singular_noun_counts_only_none_or_one():
    # a footnote opens on its mark: "4 Publication des Nations Unies" is not four publications
    assert read("4 Publication des Nations Unies, numéro de vente: F.09.V.11.") == []
    assert read("1 victime et aucune victime") == [
        ("1 victime", "1", "person", None, None, None, None),
        ("aucune victime", "0", "person", None, None, None, None),
    ]


def test_a_stated_length_is_a_figure_a_duration_in_passing_is_not():
    sentence = (
        "Les victimes disposent d’un délai de 90 jours pour réfléchir; une subvention est accordée "
        "sur une période de 3 ans; des ateliers de trois jours ont eu lieu."
    )
    assert read(sentence) == [
        ("90 jours", "90", "day", None, None, None, None),
        ("3 ans", "3", "year", None, None, None, None),
    ]


def test_a_figure_repeated_with_les_at_the_start_of_a_sentence_is_not_counted_again():
    assert read("Les deux équipes s’efforcent de coordonner les efforts de prévention.") == []
    assert read("La Pologne a créé deux équipes.") == [
        ("deux équipes", "2", "task force", None, None, None, None)
    ]


def test_millions_and_milliards_scale_the_number():
    sentence = "Le programme est financé à hauteur de 2,8 millions de dollars et de deux milliards d’euros."
    assert read(sentence) == [
        ("2,8 millions de dollars", "2800000", "USD", None, None, None, None),
        ("deux milliards d’euros", "2000000000", "EUR", None, None, None, None),
    ]


def test_round_amounts_in_words_are_about_that_many():
    sentence = "Plus d’un millier de parlementaires y ont participé, ainsi qu’une centaine d’ONG."
    assert read(sentence) == [
        ("un millier de parlementaires", "1000", "person", "more-than", None, None, None),
        ("une centaine d’ONG", "100", "organisation", "about", None, None, None),
    ]


def test_times_a_body_met_or_a_message_was_broadcast_but_not_a_rate():
    sentence = (
        "Le Comité s’est réuni à neuf reprises en 2013; CNN a diffusé le communiqué un millier de fois "
        "entre septembre 2009 et avril 2010; le groupe se réunit deux fois par an."
    )
    assert read(sentence) == [
        ("à neuf reprises", "9", "meeting", None, "2013", None, None),
        ("un millier de fois", "1000", "broadcast", "about", None, "2009-09", "2010-04"),
    ]


def test_fractions_are_shares():
    sentence = (
        "Deux cinquièmes des pays n’avaient enregistré aucune condamnation et un tiers des États a répondu."
    )
    assert [(f.value, f.measure[3]) for f in find_figures(sentence)] == [
        ("40", "percent"),
        ("0", "conviction"),
        ("33.3", "percent"),
    ]
