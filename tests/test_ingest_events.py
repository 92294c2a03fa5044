"""Described events (kg.ingest.events): sentences from our corpus, with the exact candidates ingest
proposes for them; their alignment with gold events (kg.ingest.evaluate._align_events); and an
event accepted through the edit layer and built."""

from __future__ import annotations

from pathlib import Path

from kg.corpus import DocumentInfo, parse_document
from kg.ingest.evaluate import Gold, evaluate
from kg.ingest.events import find_events

ROOT = Path(__file__).resolve().parent.parent
JPN_MEETING = "event-jpn-contact-points-meeting"


def event_candidates(text: str, gazetteer, nlp) -> list[tuple]:
    """(passage, slug or proposed slug, "new"/"known", French label) of the event entities, then
    (passage, subject, predicate, object, confidence) of the facts about events."""
    from kg.ingest.pipeline import propose

    source = parse_document(DocumentInfo("905", "905_x.txt", "T", None, "2012", None), text)
    out = []
    for c in propose(source, gazetteer, nlp):
        if c["kind"] == "entity" and c["type"] == "atkg:Event":
            out.append(
                (c["passage"], c["proposed_slug"], "known" if c["entity"] else "new", c["labels"]["fr"])
            )
        elif c["kind"] == "fact" and c["subject"].startswith("event-"):
            out.append((c["passage"], c["subject"], c["predicate"], c["object"], c["confidence"]))
    return out


def test_described_events_get_the_words_as_printed_and_a_slug_with_their_year():
    texts = [
        # 004 §31, 000 §20, 001 §18, 003 §76
        "31. En collaboration avec l’UNODC et l’OIT, l’OIM a organisé au Caire, les 11 et 12 janvier "
        "2008, une réunion de chercheurs dont l’objectif général était de contribuer à la prévention.",
        "20. Au cours du débat thématique sur la traite des êtres humains que l’Assemblée générale a "
        "tenu le 3 juin 2008, plusieurs États ont appelé à l’élaboration d’un plan d’action mondial.",
        "18. En mars 2012, un atelier régional a été organisé au Cap-Vert pour apporter un soutien "
        "aux acteurs béninois, guinéens et togolais.",
        "76. Le Japon accueille une réunion annuelle des points de contact à laquelle participent "
        "toutes les parties concernées.",
    ]
    found = [
        [(text[e.start : e.end], e.label, e.type, e.slug, e.confidence) for e in find_events(text, [], [])]
        for text in texts
    ]
    assert found == [
        [
            (
                "réunion de chercheurs",
                "réunion de chercheurs",
                "atkg:Event",
                "event-reunion-chercheurs-2008",
                0.5,
            )
        ],
        [
            (
                "débat thématique sur la traite des êtres humains",
                "débat thématique sur la traite des êtres humains",
                "atkg:Event",
                "event-debat-thematique-traite-etres-humains-2008",
                0.5,
            )
        ],
        [("atelier régional", "atelier régional", "atkg:Event", "event-atelier-regional-2012", 0.5)],
        [
            (
                "réunion annuelle des points de contact",
                "réunion annuelle des points de contact",
                "atkg:Event",
                "event-reunion-annuelle-points-contact",
                0.5,
            )
        ],
    ]


def test_activities_references_and_unanchored_nouns_are_not_events():
    texts = [
        "Les activités de formation se sont poursuivies.",  # a kind of activity
        "L’atelier a insisté sur la prévention.",  # a reference to the one named before
        "Le Groupe a tenu deux réunions.",  # the head alone names nothing
        "Ces manifestations spéciales ont aidé à cerner les besoins.",  # nothing anchors it
        "Les représentants étaient présents aux trois réunions régionales tenues jusqu’à ce jour.",
    ]
    assert [find_events(text, [], []) for text in texts] == [[], [], [], [], []]


def test_organisers_places_dates_hosts_and_sessions_of_described_events(gazetteer, nlp):
    text = (
        "1. En collaboration avec l’UNODC et l’OIT, l’OIM a organisé au Caire, en janvier 2008, une "
        "réunion de chercheurs dont l’objectif général était de contribuer à la prévention.\n\n"
        "2. En mars 2012, un atelier régional a été organisé au Cap-Vert pour apporter un soutien aux "
        "acteurs béninois.\n\n"
        "3. Le rapport dont la Commission pour la prévention du crime et la justice pénale a été saisie "
        "à sa dix-huitième session, tenue à Vienne du 16 au 24 avril 2009, a été publié.\n\n"
        "4. En juin 2011, en marge de la dix-huitième session du Conseil des droits de l’homme qui s’est "
        "tenue à Genève, le groupe de travail a organisé une séance d’information.\n\n"
        "5. Le Japon accueille une réunion annuelle des points de contact à laquelle participent toutes "
        "les parties concernées.\n"
    )
    assert event_candidates(text, gazetteer, nlp) == [
        # the Cairo meeting and the Cape Verde workshop are events the graph has: agreeing on
        # organiser, place and date (kg.ingest.knownevents), the facts are theirs
        (
            "905-1",
            "event-cairo-research-meeting-2008",
            "known",
            "Réunion de chercheurs sur la traite des êtres humains (Le Caire, 2008)",
        ),
        ("905-1", "event-cairo-research-meeting-2008", "atkg:partner", "unodc", 0.5),
        ("905-1", "event-cairo-research-meeting-2008", "atkg:partner", "ilo", 0.5),
        ("905-1", "event-cairo-research-meeting-2008", "atkg:organizedBy", "iom", 0.7),
        ("905-1", "event-cairo-research-meeting-2008", "atkg:placeName", "Le Caire@fr", 0.6),
        ("905-1", "event-cairo-research-meeting-2008", "atkg:placeName", "Cairo@en", 0.55),
        ("905-1", "event-cairo-research-meeting-2008", "atkg:location", "country-EGY", 0.45),
        ("905-1", "event-cairo-research-meeting-2008", "atkg:startDate", "2008-01", 0.45),
        (
            "905-2",
            "event-cape-verde-legislation-workshop-2012",
            "known",
            "Atelier régional d'appui à l'élaboration d'une législation contre la traite des personnes "
            "(Cap-Vert, 2012)",
        ),
        ("905-2", "event-cape-verde-legislation-workshop-2012", "atkg:startDate", "2012-03", 0.45),
        ("905-2", "event-cape-verde-legislation-workshop-2012", "atkg:location", "country-CPV", 0.45),
        ("905-2", "event-cape-verde-legislation-workshop-2012", "atkg:participant", "country-BEN", 0.45),
        ("905-3", "event-dix-huitieme-session-2009", "new", "dix-huitième session"),
        ("905-3", "event-dix-huitieme-session-2009", "atkg:placeName", "Vienne@fr", 0.6),
        ("905-3", "event-dix-huitieme-session-2009", "atkg:placeName", "Vienna@en", 0.55),
        ("905-3", "event-dix-huitieme-session-2009", "atkg:location", "country-AUT", 0.45),
        ("905-3", "event-dix-huitieme-session-2009", "atkg:startDate", "2009-04-16", 0.6),
        ("905-3", "event-dix-huitieme-session-2009", "atkg:endDate", "2009-04-24", 0.6),
        ("905-3", "event-dix-huitieme-session-2009", "atkg:organizedBy", "ccpcj", 0.55),
        (
            "905-4",
            "event-dix-huitieme-session-conseil-droits-homme-2011",
            "new",
            "dix-huitième session du Conseil des droits de l’homme",
        ),
        ("905-4", "event-dix-huitieme-session-conseil-droits-homme-2011", "atkg:placeName", "Genève@fr", 0.6),
        (
            "905-4",
            "event-dix-huitieme-session-conseil-droits-homme-2011",
            "atkg:placeName",
            "Geneva@en",
            0.55,
        ),
        (
            "905-4",
            "event-dix-huitieme-session-conseil-droits-homme-2011",
            "atkg:location",
            "country-CHE",
            0.45,
        ),
        ("905-4", "event-dix-huitieme-session-conseil-droits-homme-2011", "atkg:startDate", "2011-06", 0.45),
        (
            "905-4",
            "event-dix-huitieme-session-conseil-droits-homme-2011",
            "atkg:organizedBy",
            "human-rights-council",
            0.5,
        ),
        # the State the passage is about locates the meeting, which then agrees with the graph's
        ("905-5", JPN_MEETING, "known", "Réunion annuelle des points de contact sur la traite (Japon)"),
        ("905-5", JPN_MEETING, "atkg:location", "country-JPN", 0.4),
        ("905-5", JPN_MEETING, "atkg:hostedBy", "country-JPN", 0.55),
    ]


def test_who_held_an_event_and_who_was_present_at_it(gazetteer, nlp):
    """000 §20 and §11: "que l'Assemblée générale a tenu", "X a tenu deux réunions à New York",
    then the list after "étaient présents aux trois réunions tenues jusqu'à ce jour:"."""
    text = (
        "1. Au cours du débat thématique sur la traite des êtres humains que l’Assemblée générale a "
        "tenu le 3 juin 2008, plusieurs États ont appelé à l’élaboration d’un plan d’action mondial.\n\n"
        "2. Le Groupe interinstitutions de coordination contre la traite des personnes a tenu deux "
        "réunions à New York en 2007. Les représentants des entités suivantes étaient présents aux "
        "trois réunions tenues jusqu’à ce jour: HCDH, ONUDC, UNICEF et OIM.\n"
    )
    debate, meetings = "event-ga-thematic-debate-tip-2008", "event-icat-meetings-new-york-2007"
    assert event_candidates(text, gazetteer, nlp) == [
        (
            "905-1",
            debate,
            "known",
            "Débat thématique de l'Assemblée générale sur la traite des êtres humains (2008)",
        ),
        ("905-1", debate, "atkg:startDate", "2008-06-03", 0.45),
        ("905-1", debate, "atkg:organizedBy", "un-general-assembly", 0.6),
        (
            "905-2",
            meetings,
            "known",
            "Réunions du Groupe interinstitutions de coopération contre la traite des personnes "
            "à New York (2007)",
        ),
        ("905-2", meetings, "atkg:placeName", "New York@fr", 0.6),
        ("905-2", meetings, "atkg:startDate", "2007", 0.45),
        ("905-2", meetings, "atkg:organizedBy", "icat", 0.6),
        ("905-2", meetings, "atkg:participant", "ohchr", 0.5),
        ("905-2", meetings, "atkg:participant", "unodc", 0.5),
        ("905-2", meetings, "atkg:participant", "unicef", 0.5),
        ("905-2", meetings, "atkg:participant", "iom", 0.5),
        # the third meeting held to date is the Tokyo one that established ICAT (kg.ingest.knownevents)
        *(
            ("905-2", "event-tokyo-inter-agency-meeting-2006", "atkg:participant", slug, 0.5)
            for slug in ("ohchr", "unodc", "unicef", "iom")
        ),
    ]


def _event(passage: str, slug: str) -> dict:
    return {"kind": "entity", "entity": None, "proposed_slug": slug, "type": "atkg:Event", "passage": passage}


def _fact(subject: str, predicate: str, obj: str) -> dict:
    return {"kind": "fact", "subject": subject, "predicate": predicate, "object": obj}


GOLD_EVENTS = {
    "event-cairo-research-meeting-2008": {
        "type": "atkg:Event",
        "labels": ["Réunion de chercheurs (Le Caire)"],
    },
    "event-luxor-forum-2010": {"type": "atkg:Event", "labels": ["Forum international (Louxor, 2010)"]},
}
GOLD_FACTS = {
    ("event-cairo-research-meeting-2008", "atkg:organizedBy", "iom"),
    ("event-cairo-research-meeting-2008", "atkg:placeName", "Le Caire"),
    ("event-cairo-research-meeting-2008", "atkg:startDate", "2008-01-11"),
    ("event-luxor-forum-2010", "atkg:startDate", "2010"),
}


def test_a_described_event_aligns_by_passage_and_an_agreeing_date_place_or_organiser():
    gold = Gold(
        set(),
        GOLD_EVENTS,
        GOLD_FACTS,
        {"event-cairo-research-meeting-2008": {"004-31"}, "event-luxor-forum-2010": {"004-53"}},
    )
    candidates = [
        _event("004-31", "event-reunion-chercheurs-2008"),
        _fact("event-reunion-chercheurs-2008", "atkg:startDate", "2008-01"),  # to the month: agrees
        _fact("event-reunion-chercheurs-2008", "atkg:organizedBy", "iom"),
        _event("004-31", "event-reunion-experts-2008"),  # agrees less: the gold event is taken
        _fact("event-reunion-experts-2008", "atkg:placeName", "Le Caire@fr"),
        _event("004-52", "event-forum-international-2010"),  # right date, another passage
        _fact("event-forum-international-2010", "atkg:startDate", "2010"),
        _event("004-53", "event-forum-mondial-2011"),  # right passage, nothing agrees
        _fact("event-forum-mondial-2011", "atkg:startDate", "2011"),
    ]
    scores = evaluate(candidates, gold)
    assert scores.alignment == {"event-reunion-chercheurs-2008": "event-cairo-research-meeting-2008"}
    assert (scores.facts.found, scores.facts.expected, scores.facts.correct_found, scores.facts.proposed) == (
        1,
        4,
        1,
        5,
    )
    assert (scores.new_entities.found, scores.new_entities.correct_found, scores.new_entities.proposed) == (
        1,
        1,
        4,
    )


def test_without_gold_passages_two_of_date_place_and_organiser_must_agree():
    gold = Gold(set(), GOLD_EVENTS, GOLD_FACTS)  # a written report's gold: no passages recorded
    candidates = [
        _event("005-3", "event-reunion-2008"),
        _fact("event-reunion-2008", "atkg:startDate", "2008-01-11"),
        _event("005-4", "event-reunion-chercheurs-2008"),
        _fact("event-reunion-chercheurs-2008", "atkg:startDate", "2008-01-11"),
        _fact("event-reunion-chercheurs-2008", "atkg:placeName", "Le Caire@fr"),
        _event("005-9", "event-forum-2010"),
        _fact("event-forum-2010", "atkg:startDate", "2010"),
    ]
    assert evaluate(candidates, gold).alignment == {
        "event-reunion-chercheurs-2008": "event-cairo-research-meeting-2008"
    }


def test_an_event_candidate_is_accepted_through_the_edit_layer_and_built(tmp_path):
    from kg.build import build
    from kg.ingest.pipeline import ingest_document
    from kg.ingest.review import accept, edit_candidate, list_candidates
    from kg.sources.adding import add_document
    from kg.store import open_store
    from tests.conftest import make_workspace

    workspace = make_workspace(tmp_path / "ws")
    report = tmp_path / "rapport.txt"
    report.write_text(
        "1. En collaboration avec l’ONUDC et l’OIT, l’OIM a organisé au Caire, en janvier 2013, une "
        "réunion de chercheurs sur la traite des êtres humains.\n\n"
        "2. Les participants ont élaboré une série de recommandations.\n",
        encoding="utf-8",
    )
    add_document(workspace, report, title="Rapport", date="2013-08-14", symbol="A/68/991")
    ingest_document(workspace, "005")
    candidates = list_candidates(workspace, "005")
    slug = "event-reunion-chercheurs-traite-etres-humains-2013"
    chosen = [c["id"] for c in candidates if slug in (c.get("proposed_slug"), c.get("subject"))]
    assert [(c["kind"], c.get("predicate"), c.get("object")) for c in candidates if c["id"] in chosen] == [
        ("entity", None, None),
        ("fact", "atkg:partner", "unodc"),
        ("fact", "atkg:partner", "ilo"),
        ("fact", "atkg:organizedBy", "iom"),
        ("fact", "atkg:placeName", "Le Caire@fr"),
        ("fact", "atkg:placeName", "Cairo@en"),
        ("fact", "atkg:location", "country-EGY"),
        ("fact", "atkg:startDate", "2013-01"),
    ]
    # ingest gives no English label for words it read in French: the edit layer asks for one, and
    # the event's facts wait for the event
    entity, *facts = chosen
    refused = accept(workspace, "005", chosen).refused
    assert refused == {
        entity: f"{slug}: no en label; give one with `atkg review edit 005 {entity} --label-en TEXT`",
        **{fact: f"{slug} is a proposed new entity: accept {entity} first" for fact in facts},
    }
    assert {c["status"] for c in list_candidates(workspace, "005") if c["id"] in chosen} == {"pending"}
    edit_candidate(workspace, "005", entity, {"label_en": "Researchers' meeting on human trafficking (2013)"})
    outcome = accept(workspace, "005", chosen)
    assert outcome.refused == {}
    assert sorted(outcome.accepted) == sorted(chosen)
    build(workspace)
    store = open_store(workspace.store)
    rows = store.query(
        f"SELECT ?p ?o WHERE {{ GRAPH id:passage-005-1 {{ id:{slug} ?p ?o }} }} ORDER BY ?p ?o"
    )
    assert [(r["p"].value.rsplit("#", 1)[1], r["o"].value) for r in rows] == [
        ("location", "https://w3id.org/atkg/id/country-EGY"),
        ("organizedBy", "https://w3id.org/atkg/id/iom"),
        ("partner", "https://w3id.org/atkg/id/ilo"),
        ("partner", "https://w3id.org/atkg/id/unodc"),
        ("placeName", "Cairo"),
        ("placeName", "Le Caire"),
        ("provenanceNote", "held in Le Caire, a city of country-EGY"),  # Egypt is not named
        ("startDate", "2013-01"),
    ]
    rows = store.query(
        f"SELECT ?type ?label WHERE {{ GRAPH id:graph-entities {{ id:{slug} a ?type ; "
        "skos:prefLabel ?label }} ORDER BY ?label"
    )
    assert [(r["type"].value.rsplit("#", 1)[1], r["label"].value) for r in rows] == [
        ("Event", "Researchers' meeting on human trafficking (2013)"),
        ("Event", "réunion de chercheurs sur la traite des êtres humains"),
    ]


def test_dates_and_country_printed_before_the_event_and_a_one_day_event_s_end(gazetteer, nlp):
    """001 §23, 004 §31, 000 §20 (reworded: no label of the debate printed): the range or the date that opens
    the sentence, the country between the verb and the event, the end of a one-day event. The
    sentence rules of kg.ingest.facts leave the range before the meeting to kg.ingest.events (they
    do not read "12 janvier 2008" alone as its start)."""
    text = (
        "1. En février 2012, I’ONUDC a organisé, en République bolivarienne du Venezuela, un atelier "
        "destiné à la formation des éducateurs.\n\n"
        "2. En collaboration avec l’UNODC, l’OIM a organisé au Caire, les 11 et 12 janvier 2008, une "
        "réunion de chercheurs.\n\n"
        "3. Au cours du débat thématique sur la traite que l’Assemblée générale a tenu le 3 juin 2008, "
        "plusieurs États ont pris la parole.\n"
    )
    # all three are events the graph has, found by organiser, date and place (kg.ingest.knownevents)
    workshop, meeting = "event-venezuela-tot-workshop-2012", "event-cairo-research-meeting-2008"
    debate = "event-ga-thematic-debate-tip-2008"
    assert event_candidates(text, gazetteer, nlp) == [
        ("905-1", workshop, "known", "Atelier de formation des éducateurs (Venezuela, 2012)"),
        ("905-1", workshop, "atkg:organizedBy", "unodc", 0.7),
        ("905-1", workshop, "atkg:startDate", "2012-02", 0.45),
        ("905-1", workshop, "atkg:location", "country-VEN", 0.45),
        ("905-2", meeting, "known", "Réunion de chercheurs sur la traite des êtres humains (Le Caire, 2008)"),
        ("905-2", meeting, "atkg:partner", "unodc", 0.5),
        ("905-2", meeting, "atkg:organizedBy", "iom", 0.7),
        ("905-2", meeting, "atkg:placeName", "Le Caire@fr", 0.6),
        ("905-2", meeting, "atkg:placeName", "Cairo@en", 0.55),
        ("905-2", meeting, "atkg:location", "country-EGY", 0.45),
        ("905-2", meeting, "atkg:startDate", "2008-01-11", 0.5),
        ("905-2", meeting, "atkg:endDate", "2008-01-12", 0.5),
        (
            "905-3",
            debate,
            "known",
            "Débat thématique de l'Assemblée générale sur la traite des êtres humains (2008)",
        ),
        ("905-3", debate, "atkg:startDate", "2008-06-03", 0.45),
        ("905-3", debate, "atkg:endDate", "2008-06-03", 0.4),
        ("905-3", debate, "atkg:organizedBy", "un-general-assembly", 0.6),
    ]


def test_an_event_named_by_its_title_and_a_bare_noun_named_by_its_date():
    titled = (  # 001 §34
        "34. En avril 2012, l’ONUDC et l’Organisation mondiale du tourisme ont organisé un événement à "
        "l’intention des États Membres intitulé “Améliorer la lutte contre la traite des êtres humains "
        "dans le contexte du tourisme”."
    )
    dated = (  # 003 §78, §82
        "78. Le Liechtenstein a mentionné des réunions tenues en décembre 2006 pour définir une "
        "conception commune. Par exemple, la Ligue des États arabes a tenu un atelier en octobre 2007 "
        "sur l’élaboration d’un mécanisme pour traiter la question de la traite des personnes."
    )
    assert [(e.label, e.slug) for e in find_events(titled, [], [])] == [
        (
            "Améliorer la lutte contre la traite des êtres humains dans le contexte du tourisme",
            "event-ameliorer-lutte-traite-etres-humains-contexte-2012",
        )
    ]
    assert [(dated[e.start : e.end], e.label, e.slug) for e in find_events(dated, [], [])] == [
        (
            "réunions tenues en décembre 2006",
            "réunions tenues en décembre 2006",
            "event-reunions-tenues-decembre-2006",
        ),
        (
            "atelier en octobre 2007 sur l’élaboration d’un mécanisme",
            "atelier sur l’élaboration d’un mécanisme",
            "event-atelier-elaboration-mecanisme-2007",
        ),
    ]


def test_states_whose_people_an_event_brought_together_are_its_participants(gazetteer, nlp):
    """001 §18 and §38: "aux acteurs béninois, guinéens et togolais", "des officiers de liaison
    albanais". The year "2011" beside "2011-12" comes from kg.ingest.facts reading the 40
    characters before the event ("2011, l'ONUDC et l'OIM ont organisé un")."""
    text = (
        "1. En mars 2012, un atelier régional a été organisé au Cap-Vert pour apporter un soutien aux "
        "acteurs béninois, guinéens et togolais chargés d’élaborer une législation.\n\n"
        "2. En décembre 2011, l’ONUDC et l’OIM ont organisé un atelier commun, en Albanie, à l’intention "
        "des agents consulaires et des officiers de liaison albanais travaillant dans les pays voisins.\n"
    )
    # both are events the graph has, found by organiser, date and place (kg.ingest.knownevents)
    regional, joint = "event-cape-verde-legislation-workshop-2012", "event-albania-consular-workshop-2011"
    assert event_candidates(text, gazetteer, nlp) == [
        (
            "905-1",
            regional,
            "known",
            "Atelier régional d'appui à l'élaboration d'une législation contre la traite des personnes "
            "(Cap-Vert, 2012)",
        ),
        ("905-1", regional, "atkg:startDate", "2012-03", 0.45),
        ("905-1", regional, "atkg:location", "country-CPV", 0.45),
        ("905-1", regional, "atkg:participant", "country-BEN", 0.45),
        ("905-1", regional, "atkg:participant", "country-GIN", 0.45),
        ("905-1", regional, "atkg:participant", "country-TGO", 0.45),
        (
            "905-2",
            joint,
            "known",
            "Atelier commun ONUDC-OIM à l'intention des agents consulaires et des officiers de liaison "
            "(Albanie, 2011)",
        ),
        ("905-2", joint, "atkg:organizedBy", "unodc", 0.7),
        ("905-2", joint, "atkg:organizedBy", "iom", 0.7),
        ("905-2", joint, "atkg:startDate", "2011", 0.45),
        ("905-2", joint, "atkg:location", "country-ALB", 0.45),
        ("905-2", joint, "atkg:startDate", "2011-12", 0.45),
        ("905-2", joint, "atkg:participant", "country-ALB", 0.45),
    ]


def test_a_meeting_asked_for_or_a_session_of_a_named_forum_is_not_a_new_event():
    from kg.ingest.newentities import NewEntity

    asked = "85. La résolution priait l’ONUDC d’organiser une réunion sur l’assistance technique en 2006."
    forum = (  # 004 §49: the session is the named forum's, whose place and dates follow
        "49. La question a été examinée lors d’une session du Forum économique mondial sur le "
        "Moyen-Orient tenue à Charm el-Cheikh (Égypte) du 18 au 20 mai 2008."
    )
    start = forum.index("Forum")
    named = NewEntity(
        start, start + 44, forum[start : start + 44], "atkg:Event", "event-forum", None, None, 0.6
    )
    assert named.label == "Forum économique mondial sur le Moyen-Orient"
    assert find_events(asked, [], []) == []
    assert find_events(forum, [], [named]) == []
    assert [e.label for e in find_events(forum, [], [])] == [
        "session du Forum économique mondial sur le Moyen-Orient"  # unless that name is not found
    ]


def test_the_body_a_meeting_belongs_to_is_resolved_outside_the_event_span(gazetteer, nlp):
    """000 §12 reworded: "La réunion annuelle du Groupe": the span ("réunion annuelle") leaves
    "Groupe" to the reference resolver, which names ICAT as its organiser."""
    text = (
        "1. Le Groupe interinstitutions de coordination contre la traite des personnes a tenu deux "
        "réunions.\n\n"
        "2. La réunion annuelle du Groupe, qui se tiendra à Genève en mars 2015, sera ouverte aux États "
        "Membres.\n"
    )
    [event] = find_events(text.split("\n\n")[1], [], [])
    assert (text.split("\n\n")[1][event.start : event.end], event.label) == (
        "réunion annuelle",
        "réunion annuelle du Groupe",
    )
    slug = "event-reunion-annuelle-groupe-2015"
    assert event_candidates(text, gazetteer, nlp) == [
        ("905-2", slug, "new", "réunion annuelle du Groupe"),
        ("905-2", slug, "atkg:placeName", "Genève@fr", 0.6),
        ("905-2", slug, "atkg:placeName", "Geneva@en", 0.55),
        ("905-2", slug, "atkg:location", "country-CHE", 0.45),
        ("905-2", slug, "atkg:startDate", "2015-03", 0.45),
        ("905-2", slug, "atkg:organizedBy", "icat", 0.5),
    ]


def test_who_an_event_brought_together_dont_or_parmi_lesquels(gazetteer, nlp):
    """Report A: "Organisée par l'ONUDC, la réunion a rassemblé 45 représentants de 16 entités, dont
    l'UNICEF, le HCR [...]" (the meeting the passage named before), and the event named before the
    verb: "Le Forum a réuni 120 participants, parmi lesquels des représentants de l'OIT et de l'OIM"."""
    text = (
        "1. Le Groupe a tenu sa réunion annuelle à Vienne les 14 et 15 novembre 2013. La réunion a "
        "rassemblé 45 représentants de 16 entités, dont l’UNICEF, le HCR et Interpol.\n\n"
        "2. Le Forum de Vienne a réuni 120 participants venus de 14 pays, parmi lesquels des représentants "
        "de l’OIT et de l’OIM.\n\n"
        "3. Le Forum de Vienne a réuni 120 participants. L’OIT y a présenté un rapport.\n"
    )
    assert [c for c in event_candidates(text, gazetteer, nlp) if c[2] == "atkg:participant"] == [
        ("905-1", "event-reunion-annuelle-2013", "atkg:participant", "unicef", 0.5),
        ("905-1", "event-reunion-annuelle-2013", "atkg:participant", "unhcr", 0.5),
        ("905-1", "event-reunion-annuelle-2013", "atkg:participant", "interpol", 0.5),
        ("905-2", "event-vienna-forum-2008", "atkg:participant", "ilo", 0.5),
        ("905-2", "event-vienna-forum-2008", "atkg:participant", "iom", 0.5),
    ]
