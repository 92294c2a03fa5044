"""Ingest, piece by piece on small French texts: mentions, new entities, facts, the queue file."""

from __future__ import annotations

from pathlib import Path

from kg.ingest.gazetteer import Gazetteer
from kg.ingest.mentions import find_mentions
from kg.ingest.newentities import find_new_entities

ROOT = Path(__file__).resolve().parent.parent


def mentioned(text: str, gazetteer: Gazetteer) -> list[tuple[str, str, bool]]:
    return [(m.text, m.slug, m.name.known) for m in find_mentions(text, gazetteer)]


def test_ocr_damaged_forms_are_mentions(gazetteer):
    text = "en marge de |’Office, I'ONUDC et l’OlM ont mis en ceuvre la Campagne Cceur bleu contre la traite"
    assert mentioned(text, gazetteer) == [
        ("|’Office", "unodc", True),
        ("I'ONUDC", "unodc", True),
        ("OlM", "iom", True),
        ("Campagne Cceur bleu", "campaign-blue-heart", True),
    ]


def test_split_and_glued_words_and_longest_match_first(gazetteer):
    text = (
        "le Protocole relatif ala traite des personnes et le Fonds des Nations Unies pour l’enfance (UNICEF)"
    )
    assert mentioned(text, gazetteer) == [
        ("Protocole relatif ala traite des personnes", "instrument-tip-protocol", True),
        ("Fonds des Nations Unies pour l’enfance", "unicef", True),
        ("UNICEF", "unicef", True),
    ]


def test_countries_by_name_and_adjective_known_or_not(gazetteer):
    text = "Les acteurs béninois, la police nigériane, le Sénégal et la réunion de Cotonou"
    assert mentioned(text, gazetteer) == [
        ("béninois", "country-BEN", True),
        ("nigériane", "country-NGA", True),
        ("Sénégal", "country-SEN", False),  # ISO 3166 knows it; the graph does not yet
    ]


def test_generic_labels_yield_to_a_longer_new_name(gazetteer):
    text = "Un Atelier régional sur l’identification des victimes a été organisé par l’OIM."
    assert [m.slug for m in find_mentions(text, gazetteer)] == ["iom"]


def test_new_entities_with_acronyms_heads_and_types(gazetteer, nlp):
    text = (
        "Le 12 mars 2011, l’ONUDC et la Commission nationale de lutte contre la traite des personnes du "
        "Bénin (CNLTP) ont signé un mémorandum d’accord. Il est financé par l’Union européenne (UE). "
        "L’ONUDC a publié le Manuel de formation des enquêteurs sur la traite des personnes."
    )
    found = find_new_entities(text, nlp(text), find_mentions(text, gazetteer))
    assert [(e.label, e.type, e.slug, e.acronym) for e in found] == [
        (
            "Commission nationale de lutte contre la traite des personnes du Bénin",
            "atkg:CoordinationMechanism",
            "cnltp",
            "CNLTP",
        ),
        ("Union européenne", "atkg:IntergovernmentalOrganization", "ue", "UE"),
        (
            "Manuel de formation des enquêteurs sur la traite des personnes",
            "atkg:Publication",
            "pub-manuel-formation-enqueteurs-traite",
            None,
        ),
    ]


def test_english_name_in_parentheses_is_the_english_label(gazetteer, nlp):
    text = (
        "Le secteur privé est représenté par le Conseil indien de promotion des exportations de vêtements "
        "(Apparel Export Promotion Council), qui compte 8 000 membres."
    )
    [found] = find_new_entities(text, nlp(text), find_mentions(text, Gazetteer()))
    assert (found.label, found.label_en, found.slug) == (
        "Conseil indien de promotion des exportations de vêtements",
        "Apparel Export Promotion Council",
        "apparel-export-promotion-council",
    )


def facts_of(text: str, gazetteer, nlp) -> list[tuple[str, str, str]]:
    from kg.corpus import DocumentInfo, parse_document
    from kg.ingest.pipeline import propose

    info = DocumentInfo("905", "905_x.txt", "T", None, "2012", None)
    source = parse_document(info, "1. " + text + "\n")
    return [
        (c["subject"], c["predicate"], c["object"])
        for c in propose(source, gazetteer, nlp)
        if c["kind"] == "fact"
    ]


def test_agreement_is_an_nary_node_with_parties_and_date(gazetteer, nlp):
    text = "En avril 2012, l’ONUDC et l’Organisation mondiale du tourisme ont signé un mémorandum d’accord."
    assert facts_of(text, gazetteer, nlp) == [
        ("agreement-unodc-unwto-2012", "atkg:party", "unodc"),
        ("agreement-unodc-unwto-2012", "atkg:party", "unwto"),
        ("agreement-unodc-unwto-2012", "dcterms:date", "2012-04"),
    ]


def test_programme_launched_funded_and_implemented(gazetteer, nlp):
    text = (
        "Le Programme régional de protection des enfants migrants (PREPEM) a été lancé en janvier 2011 par "
        "l’ONUDC et l’UNICEF. Il est financé par l’Union européenne (UE) et mis en œuvre au Bénin et au Togo."
    )
    assert facts_of(text, gazetteer, nlp) == [
        ("programme-prepem", "atkg:launchedBy", "unodc"),
        ("programme-prepem", "atkg:launchedBy", "unicef"),
        ("programme-prepem", "atkg:launchDate", "2011-01"),
        ("programme-prepem", "atkg:fundedBy", "ue"),
        ("programme-prepem", "atkg:implementedIn", "country-BEN"),
        ("programme-prepem", "atkg:implementedIn", "country-TGO"),
    ]


def test_event_organiser_place_dates_chair_ratification_fund(gazetteer, nlp):
    assert facts_of(
        "Un Atelier régional sur l’identification des victimes a été organisé par l’ONUDC et l’OIM du 13 au "
        "15 mars 2012 à Cotonou (Bénin).",
        gazetteer,
        nlp,
    ) == [
        ("event-atelier-regional-identification-victimes-2012", "atkg:organizedBy", "unodc"),
        ("event-atelier-regional-identification-victimes-2012", "atkg:organizedBy", "iom"),
        ("event-atelier-regional-identification-victimes-2012", "atkg:placeName", "Cotonou@fr"),
        ("event-atelier-regional-identification-victimes-2012", "atkg:startDate", "2012-03-13"),
        ("event-atelier-regional-identification-victimes-2012", "atkg:endDate", "2012-03-15"),
        ("event-atelier-regional-identification-victimes-2012", "atkg:location", "country-BEN"),
    ]
    assert facts_of("Le Togo a ratifié le Protocole relatif à la traite des personnes.", gazetteer, nlp) == [
        ("country-TGO", "atkg:ratified", "instrument-tip-protocol")
    ]
    assert facts_of(
        "Le Groupe de travail régional sur la traite, créé en 2009, est coprésidé par le Ghana "
        "et le Sénégal.",
        gazetteer,
        nlp,
    ) == [
        ("country-GHA", "atkg:chairs", "groupe-travail-regional-traite"),
        ("country-SEN", "atkg:chairs", "groupe-travail-regional-traite"),
        ("groupe-travail-regional-traite", "atkg:launchDate", "2009"),
    ]


def test_figures_are_observations(gazetteer, nlp):
    from kg.corpus import DocumentInfo, parse_document
    from kg.ingest.pipeline import propose

    info = DocumentInfo("905", "905_x.txt", "T", None, "2012", None)
    source = parse_document(info, "1. En 2011, le Bénin a identifié 1 250 victimes.\n")
    candidates = propose(source, gazetteer, nlp)
    node = next(c for c in candidates if c["kind"] == "entity" and c["type"] == "atkg:Observation")
    assert (node["proposed_slug"], node["text"], node["passage"]) == (
        "obs-905-1-1",
        "1 250 victimes",
        "905-1",
    )
    measure = next(c for c in candidates if c["kind"] == "entity" and c["type"] == "atkg:Measure")
    assert (measure["proposed_slug"], measure["labels"]) == (
        "measure-victims",
        {"fr": "Nombre de victimes", "en": "Number of victims"},
    )
    assert [(c["predicate"], c["object"]) for c in candidates if c["kind"] == "fact"] == [
        ("atkg:measure", "measure-victims"),
        ("atkg:value", "1250"),
        ("atkg:unit", "person"),
        ("atkg:observedEntity", "country-BEN"),
        ("atkg:period", "2011"),
    ]
