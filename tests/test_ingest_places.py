"""Where and when an event took place (kg/ingest/facts.py's event rules, kg/ingest/places.py):
each test is one way UN reports print it, read through the whole ingest pipeline."""

from __future__ import annotations

import pytest

from kg.corpus import DocumentInfo, parse_document

WHERE_WHEN = {"atkg:location", "atkg:placeName", "atkg:startDate", "atkg:endDate"}


def event_facts(text: str, gazetteer, nlp, predicates: set[str] = WHERE_WHEN) -> list[tuple]:
    """(subject, predicate, object) of the facts ingest proposes for ``text`` (place and date)."""
    from kg.ingest.pipeline import propose

    source = parse_document(DocumentInfo("905", "905_x.txt", "T", None, "2012", None), text)
    return sorted(
        (c["subject"], c["predicate"], c["object"])
        for c in propose(source, gazetteer, nlp)
        if c["kind"] == "fact" and c["predicate"] in predicates
    )


CITY = "event-atelier-identification-victimes-2012"
NATIONAL = "event-seminaire-national-nouvelle-legislation-2006"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a new event in a city is located in that city's State
        (
            "1. En mai 2012, l’ONUDC a organisé un atelier sur l’identification des victimes à Genève.",
            [
                (CITY, "atkg:location", "country-CHE"),
                (CITY, "atkg:placeName", "Geneva@en"),
                (CITY, "atkg:placeName", "Genève@fr"),
                (CITY, "atkg:startDate", "2012-05"),
            ],
        ),
        # a city of a State the graph lacks: its name, no location a maintainer could not accept
        (
            "1. En mai 2012, l’ONUDC a organisé un atelier sur l’identification des victimes à Madrid.",
            [
                (CITY, "atkg:placeName", "Madrid@fr"),
                (CITY, "atkg:startDate", "2012-05"),
            ],
        ),
        # a State's own event, in a passage about that State (not a regional one)
        (
            "1. Le Bélarus a indiqué qu’un séminaire national sur la nouvelle législation a eu lieu en "
            "2006. Un séminaire régional sur la coopération a eu lieu en 2007.",
            [
                (NATIONAL, "atkg:location", "country-BLR"),
                (NATIONAL, "atkg:startDate", "2006"),
                ("event-seminaire-regional-cooperation-2007", "atkg:startDate", "2007"),
            ],
        ),
    ],
)
def test_the_state_an_event_took_place_in(text, expected, gazetteer, nlp):
    assert event_facts(text, gazetteer, nlp) == expected


def test_what_follows_the_next_event_and_an_opening_landmark_are_not_the_event_s(gazetteer, nlp):
    text = (
        "1. Les États ont examiné l’objet des réunions du Comité directeur, et l’organisation du Forum "
        "de Vienne sur la lutte contre la traite des êtres humains qui s’est tenu à Vienne du 13 au 15 "
        "février 2008. 2. Comme suite au Forum de Vienne, la question a été examinée lors d’une "
        "réunion de chercheurs tenue à Louxor du 18 au 20 mai 2008."
    )
    facts = event_facts(text, gazetteer, nlp)
    assert [f for f in facts if f[0] == "event-vienna-forum-2008"] == [
        ("event-vienna-forum-2008", "atkg:endDate", "2008-02-15"),
        ("event-vienna-forum-2008", "atkg:placeName", "Vienna@en"),
        ("event-vienna-forum-2008", "atkg:placeName", "Vienne@fr"),
        ("event-vienna-forum-2008", "atkg:startDate", "2008-02-13"),
    ]
    assert {f[0] for f in facts} == {"event-vienna-forum-2008", "event-reunion-chercheurs-2008"}


def test_an_event_held_at_the_initiative_of_a_body_is_the_one_after_it(gazetteer, nlp):
    text = (
        "1. L’ONUDC a organisé un atelier sur l’identification des victimes à Genève. En outre, à "
        "l’initiative de l’OIM, il s’est tenu à Vienne, en mai 2012, un séminaire sur la protection des "
        "victimes. 2. À l’initiative de l’OIT, il s’est tenu une exposition “Esclavage”."
    )
    assert event_facts(text, gazetteer, nlp, {"atkg:organizedBy"}) == [
        ("event-atelier-identification-victimes", "atkg:organizedBy", "unodc"),
        ("event-seminaire-protection-victimes-2012", "atkg:organizedBy", "iom"),
    ]
