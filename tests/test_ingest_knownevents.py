"""Known events found again where a report describes them in other words (kg.ingest.knownevents):
the exact candidates ingest proposes for corpus sentences (003 §86 against the graph without 003,
000 §11 without its place), and the cases that must link nothing (two known events agreeing
equally, a date outside the known event's, a known event the passage names itself)."""

from __future__ import annotations

import copy
from pathlib import Path

from rdflib import Literal, URIRef

from kg.corpus import DocumentInfo, parse_document
from kg.ingest.gazetteer import Gazetteer
from kg.ingest.knownevents import KnownEvents, link_known_events
from kg.ingest.leaveoneout import split_for
from kg.sources.browse import find_document
from kg.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
ID = "https://w3id.org/atkg/id/"
ATKG = "https://w3id.org/atkg/ontology#"
TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
ENTITIES = URIRef(f"{ID}graph-entities")
MEETINGS = "event-icat-meetings-new-york-2007"
TOKYO = "event-tokyo-inter-agency-meeting-2006"
ICAT_14 = [
    "ilo",
    "iom",
    "unicef",
    "unifem",
    "un-daw",
    "un-desa",
    "unhcr",
    "unfpa",
    "ohchr",
    "unfip",
    "osrsg-caac",
    "interpol",
    "world-bank",
    "instraw",
    "unodc",
]


def event_candidates(source, gazetteer, nlp, passage: str) -> list[tuple]:
    """(slug, "new"/"known", text) of the event entities of ``passage``, then (subject, predicate,
    object, confidence) of its facts about events."""
    from kg.ingest.pipeline import propose

    out = []
    for c in propose(source, gazetteer, nlp):
        if c["passage"] != passage:
            continue
        if c["kind"] == "entity" and c["type"] == "atkg:Event":
            out.append((c["proposed_slug"], "known" if c["entity"] else "new", c["text"]))
        elif c["kind"] == "fact" and c["subject"].startswith("event-"):
            out.append((c["subject"], c["predicate"], c["object"], c["confidence"]))
    return out


def test_003_86_two_meetings_in_2007_are_the_known_new_york_meetings_with_their_participants(
    curated_quads, nlp
):
    """Against the graph without 003, "Le Groupe a tenu deux réunions en 2007" agrees with the
    New York meetings 000 §11 records (organised by ICAT, 2007) and with no other known event:
    the mention is of the known slug, and the 15 organisations listed after "Ont participé aux
    trois réunions [...]:" are its participants (14 in the curated data, plus DESA named inside
    the Division's name)."""
    source = copy.deepcopy(find_document(Workspace(ROOT), "003"))  # the parse is cached: cut a copy
    visible, _ = split_for(curated_quads, "003", {p.label: p.text for p in source.passages})
    labels = [p.label for p in source.passages]
    source.passages[:] = source.passages[labels.index("85") : labels.index("86") + 1]
    assert event_candidates(source, Gazetteer.from_quads(visible), nlp, "003-86") == [
        (MEETINGS, "known", "réunions en 2007"),
        (MEETINGS, "atkg:startDate", "2007", 0.45),
        (MEETINGS, "atkg:organizedBy", "icat", 0.6),
        *((MEETINGS, "atkg:participant", slug, 0.5) for slug in ICAT_14),
        # "les trois réunions que le Groupe a tenues à ce jour": the two of 2007 and the Tokyo
        # meeting that established ICAT (atkg:establishedBy in 000), not ICAT's 2008 meeting
        *((TOKYO, "atkg:participant", slug, 0.5) for slug in ICAT_14),
    ]


def test_000_11_without_its_place_is_linked_by_organiser_and_year(gazetteer, nlp):
    """000 §11 without "à New York" (so no label of the event is printed): ICAT and 2007 agree
    with the known meetings only; the entities present are their participants, and the Tokyo
    meeting's when the count of meetings held to date adds up."""
    text = (
        "1. Le Groupe interinstitutions de coopération contre la traite des personnes a tenu deux "
        "réunions en 2007. Les représentants des entités suivantes étaient présents aux {} "
        "réunions tenues jusqu’à ce jour: HCDH, ONUDC, UNICEF et OIM.\n"
    )
    meetings = [
        (MEETINGS, "known", "réunions en 2007"),
        (MEETINGS, "atkg:startDate", "2007", 0.45),
        (MEETINGS, "atkg:organizedBy", "icat", 0.6),
        *((MEETINGS, "atkg:participant", slug, 0.5) for slug in ("ohchr", "unodc", "unicef", "iom")),
    ]
    three, four = (
        parse_document(DocumentInfo("905", "905_x.txt", "T", None, "2008", None), text.format(n))
        for n in ("trois", "quatre")
    )
    assert event_candidates(three, gazetteer, nlp, "905-1") == [
        *meetings,
        *((TOKYO, "atkg:participant", slug, 0.5) for slug in ("ohchr", "unodc", "unicef", "iom")),
    ]
    # four meetings do not add up (two in 2007 and Tokyo): the list stays with the ones named
    assert event_candidates(four, gazetteer, nlp, "905-1") == meetings


def _known(*events: tuple[str, dict[str, list]]) -> KnownEvents:
    """An index built from quads, as the gazetteer builds it: each event typed in the entity
    graph and its facts in a passage graph."""
    quads = []
    passage = URIRef(f"{ID}passage-900-1")
    for slug, facts in events:
        quads.append((URIRef(ID + slug), TYPE, URIRef(f"{ATKG}Event"), ENTITIES))
        for predicate, values in facts.items():
            for value in values:
                obj = (
                    Literal(value)
                    if predicate in ("startDate", "endDate", "placeName")
                    else URIRef(ID + value)
                )
                quads.append((URIRef(ID + slug), URIRef(ATKG + predicate), obj, passage))
    return KnownEvents.from_quads(quads)


def test_the_index_reads_organisers_dates_places_the_slug_s_year_and_founding_events(curated_quads):
    known = _known(("event-forum-2008", {"organizedBy": ["ungift"], "placeName": ["Vienne"]}))
    assert known.evidence == {
        "event-forum-2008": {"date": {"2008"}, "organiser": {"ungift"}, "place": {"vienne"}}
    }
    assert KnownEvents.from_quads(curated_quads).founding["icat"] == {TOKYO}


def test_two_known_events_agreeing_equally_link_nothing():
    known = _known(
        ("event-a-2007", {"organizedBy": ["icat"], "startDate": ["2007-03"]}),
        ("event-b-2007", {"organizedBy": ["icat"], "startDate": ["2007-10"]}),
    )
    said = {"organiser": {"icat"}, "date": {"2007"}}
    assert known.find(said) is None
    entities = [
        {
            "id": "e-1",
            "kind": "entity",
            "passage": "905-1",
            "text": "réunions en 2007",
            "entity": None,
            "proposed_slug": "event-reunions-2007",
            "type": "atkg:Event",
            "labels": {"fr": "réunions en 2007", "en": None},
        }
    ]
    facts = [
        {
            "id": "f-1",
            "passage": "905-1",
            "subject": "event-reunions-2007",
            "predicate": "atkg:organizedBy",
            "object": "icat",
        },
        {
            "id": "f-2",
            "passage": "905-1",
            "subject": "event-reunions-2007",
            "predicate": "atkg:startDate",
            "object": "2007",
        },
    ]
    before = [dict(c) for c in entities + facts]
    assert link_known_events(entities, facts, known, {"event-reunions-2007"}, {}) == {}
    assert entities + facts == before
    # the month tells them apart: October is the second one only
    assert known.find({"organiser": {"icat"}, "date": {"2007-10"}}) == "event-b-2007"
    # and agreeing on more kinds wins over agreeing on fewer
    wider = _known(
        ("event-a-2007", {"organizedBy": ["icat"], "placeName": ["New York"]}),
        ("event-b-2007", {"organizedBy": ["icat"]}),
    )
    assert wider.find({"organiser": {"icat"}, "date": {"2007"}, "place": {"newyork"}}) == "event-a-2007"


def test_a_date_outside_the_known_event_s_or_a_single_agreement_links_nothing():
    """004 §76: an exchange between Austrian and Nigerian practitioners in December 2008 that
    UN.GIFT supported is not the Vienna Forum (February 2008) of the same organiser."""
    known = _known(
        (
            "event-vienna-forum-2008",
            {"organizedBy": ["ungift"], "startDate": ["2008-02-13"], "endDate": ["2008-02-15"]},
        )
    )
    assert known.find({"organiser": {"ungift"}, "date": {"2008-12"}, "place": {"country-AUT"}}) is None
    assert known.find({"organiser": {"ungift"}}) is None
    assert known.find({"organiser": {"ungift"}, "date": {"2008-02-14"}}) == "event-vienna-forum-2008"
