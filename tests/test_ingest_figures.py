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


def observed(
    sentence: str, figure: str, names: dict[str, str], earlier: dict[str, str] | None = None
) -> list:
    """The slug observed_entity picks for ``figure``; ``names``: surface form -> type of what the
    sentence names (a slug made of the form), ``earlier``: slug -> type of what earlier sentences named."""
    from kg.ingest.facts import THINGS, Item
    from kg.ingest.observed import observed_entity

    items = [Item(sentence.index(n), sentence.index(n) + len(n), n, t) for n, t in names.items()]
    before = [Item(-100 + k, -99 + k, slug, t) for k, (slug, t) in enumerate((earlier or {}).items())]
    start = sentence.index(figure)
    picked = observed_entity(
        sentence, start, start + len(figure), sorted(items, key=lambda i: i.start), before, THINGS
    )
    return [i.slug for i in picked]


COUNTRY, BODY, EVENT = "atkg:Country", "atkg:GovernmentBody", "atkg:Event"


def test_observed_is_the_first_named_before_the_figure():
    sentence = "La Croatie a indiqué que 65 victimes ont été identifiées avec l’aide du HCR."
    assert observed(sentence, "65 victimes", {"Croatie": COUNTRY, "HCR": BODY}) == ["Croatie"]


def test_a_name_the_figure_s_relative_clause_follows_is_observed():
    sentence = (
        "Le secteur privé est représenté par la Travel Association, qui compte 250 membres, et le Conseil."
    )
    assert observed(sentence, "250 membres", {"Travel Association": BODY, "Conseil": BODY}) == [
        "Travel Association"
    ]
    sentence = "Le Guide a été présenté à l’Assemblée, à laquelle ont participé plus de 1 000 parlementaires."
    assert observed(sentence, "1 000 parlementaires", {"Guide": "atkg:Publication", "Assemblée": EVENT}) == [
        "Assemblée"
    ]


def test_a_source_agent_or_funder_is_not_what_is_counted():
    sentence = (
        "La ligne mise en place par l’OIM au Tadjikistan a reçu 2 340 appels; selon l’OIM, 250 personnes."
    )
    assert observed(sentence, "2 340 appels", {"OIM": BODY, "Tadjikistan": COUNTRY}) == ["Tadjikistan"]
    sentence = (
        "Organisée par I’OSCE et l’OCEMN et accueillie par le Gouvernement roumain, "
        "elle a réuni 90 participants."
    )
    names = {"OSCE": BODY, "OCEMN": BODY, "roumain": COUNTRY}
    assert observed(sentence, "90 participants", names, {"conference": EVENT, "ROU": COUNTRY}) == [
        "conference"
    ]


def test_a_subject_pronoun_is_what_the_passage_last_spoke_of():
    sentence = "Il réunit les représentants de douze ministères, dont le Ministère de l’intérieur."
    names = {"Ministère de l’intérieur": BODY}
    assert observed(sentence, "douze ministères", names, {"comite": "atkg:CoordinationMechanism"}) == [
        "comite"
    ]
    sentence = "Des délégations de 19 États y ont participé, ainsi que le HCR."
    assert observed(sentence, "19 États", {"HCR": BODY}, {"unodc": BODY, "forum": EVENT}) == ["forum"]


def test_a_reporting_state_gives_way_to_the_body_it_reports_on():
    sentence = "Le Myanmar a signalé que le Comité central a été en mesure de sensibiliser 980 700 personnes."
    assert observed(sentence, "980 700 personnes", {"Myanmar": COUNTRY, "Comité central": BODY}) == [
        "Comité central"
    ]
    sentence = "La Croatie a indiqué qu’entre 2002, où une stratégie a été instaurée, et 2007, 65 victimes."
    assert observed(sentence, "65 victimes", {"Croatie": COUNTRY, "stratégie": "atkg:ActionPlan"}) == [
        "Croatie"
    ]


def test_states_the_counted_come_from_or_go_to_are_not_observed():
    sentence = "Sur 551 appels, 36 concernaient des pays comme la Belgique, Chypre et l’Italie."
    names = {"Belgique": COUNTRY, "Chypre": COUNTRY, "Italie": COUNTRY}
    assert observed(sentence, "551 appels", names, {"Roumanie": COUNTRY}) == ["Roumanie"]


def test_a_total_stated_as_what_the_number_of_something_became():
    sentence = (
        "Depuis octobre 2010, le nombre d’ Etats parties au Protocole est passé a 150; au 30 juin 2014, "
        "le nombre de victimes s’élevait à 1 262."
    )
    assert read(sentence) == [
        ("150", "150", "country", None, None, "2010-10", None),  # since October 2010
        ("1 262", "1262", "person", None, None, None, None),
    ]


def test_observations_of_a_sentence_with_a_dated_ratification_are_numbered_in_its_passage(gazetteer, nlp):
    from kg.corpus import DocumentInfo, parse_document
    from kg.ingest.pipeline import propose

    text = (
        "1. Le Maroc a ratifié le Protocole relatif à la traite des personnes en 2011 et a identifié "
        "150 victimes.\n"
    )
    source = parse_document(DocumentInfo("905", "905_x.txt", "T", None, "2012", None), text)
    facts = [
        (c["subject"], c["predicate"], c["object"])
        for c in propose(source, gazetteer, nlp)
        if c["kind"] == "fact"
    ]
    assert [f for f in facts if f[0].startswith("obs-") and f[1] != "atkg:period"] == [
        ("obs-905-1-1", "atkg:measure", "measure-victims"),
        ("obs-905-1-1", "atkg:value", "150"),
        ("obs-905-1-1", "atkg:unit", "person"),
        ("obs-905-1-1", "atkg:observedEntity", "country-MAR"),
    ]


def test_figures_the_review_found_wrong():
    """Amounts scaled without float noise, thousands before "fois", shares of a counted noun only,
    and "Les" repeating a figure only before a number in words (after a paragraph number too)."""

    def found(sentence: str) -> list[tuple[str, str]]:
        return [(f.value, f.noun) for f in find_figures(sentence)]

    assert found("un budget de 2,01 millions de dollars") == [("2010000", "dollars")]
    assert found("un fonds de 1,005 milliard de dollars") == [("1005000000", "dollars")]
    assert found("Le message a été diffusé 1 200 fois à la radio.") == [("1200", "diffusions")]
    assert found("un tiers de confiance") == []
    assert found("trois quarts d’heure de retard") == []
    assert found("Les 46 participants ont adopté une déclaration.") == [("46", "participants")]
    assert found("1. Les deux équipes s’efforcent de coopérer.") == []
