"""Fact rules of ingest on short French sentences: figures, references ("le Groupe"), member lists,
publications, resolution dates, ratifications; and every new kind accepted and built."""

from __future__ import annotations

from pathlib import Path

from kg.corpus import DocumentInfo, parse_document
from kg.ingest.coref import DocumentMemory, find_references, is_bare_head
from kg.ingest.figures import find_figures

ROOT = Path(__file__).resolve().parent.parent


def facts(text: str, gazetteer, nlp, predicates: set[str] | None = None) -> list[tuple]:
    """(passage, subject, predicate, object, confidence) of the fact candidates for ``text``."""
    from kg.ingest.pipeline import propose

    source = parse_document(DocumentInfo("905", "905_x.txt", "T", None, "2012", None), text)
    return [
        (c["passage"], c["subject"], c["predicate"], c["object"], c["confidence"])
        for c in propose(source, gazetteer, nlp)
        if c["kind"] == "fact" and (predicates is None or c["predicate"] in predicates)
    ]


def test_figures_with_words_adjectives_qualifiers_and_periods():
    sentence = (
        "En 2007, le Groupe a tenu deux réunions; plus de 1 600 participants et 20 éminents chercheurs "
        "sont venus, au moins 79 % des entreprises ont répondu, la résolution 61 victimes n'existe pas "
        "et 25 000 dollars des États-Unis ont été versés."
    )
    assert [
        (sentence[f.start : f.end], f.value, f.measure[3], f.qualifier, f.period)
        for f in find_figures(sentence)
    ] == [
        ("deux réunions", "2", "meeting", None, "2007"),
        ("1 600 participants", "1600", "person", "more-than", None),
        ("20 éminents chercheurs", "20", "person", None, None),
        ("79 %", "79", "percent", "at-least", None),
        ("25 000 dollars", "25000", "USD", None, None),
    ]
    elliptical = "65 victimes ont été identifiées, dont 6 en 2005 et 13 en 2006; aucun cas en 2007."
    assert [(f.value, f.noun, f.period) for f in find_figures(elliptical)] == [
        ("65", "victimes", "2005"),
        ("6", "victimes", "2005"),
        ("13", "victimes", "2006"),
        ("0", "cas", "2007"),
    ]
    durations = "Le prix est décerné tous les deux ans; ces deux messages; des ateliers de trois jours."
    assert find_figures(durations) == []
    [ranged] = find_figures("Entre juillet 2002 et octobre 2007, on dénombre 1 037 cas de traite.")
    assert (ranged.value, ranged.period, ranged.start_date, ranged.end_date) == (
        "1037",
        None,
        "2002-07",
        "2007-10",
    )


def test_references_resolve_to_the_last_body_with_that_head():
    memory = DocumentMemory()
    memory.see("icat", "atkg:CoordinationMechanism", "Groupe interinstitutions de coordination")
    memory.see("unodc", "atkg:UNEntity", "Office des Nations Unies contre la drogue et le crime")
    memory.see("gmg", "atkg:CoordinationMechanism", "Groupe mondial sur la migration")
    memory.see("country-FRA", "atkg:Country", "France")  # countries are named, never referred to
    text = "Le Groupe a prié l’Office de faire rapport au Groupe mondial sur la migration."
    taken = [(text.index("Groupe mondial"), len(text) - 1)]
    assert [(r.text, r.slug) for r in find_references(text, taken, memory)] == [
        ("Le Groupe", "gmg"),
        ("l’Office", "unodc"),
    ]
    assert (is_bare_head("Comité directeur"), is_bare_head("Comité national de lutte")) == (True, False)
    memory.see("event-vienna-forum-2008", "atkg:Event", "Forum de Vienne")
    text = "À cette réunion, 20 chercheurs sont venus; ce groupe de réflexion et ce rapport sont nouveaux."
    assert [(r.text, r.slug) for r in find_references(text, [], memory)] == [
        ("cette réunion", "event-vienna-forum-2008")
    ]


def test_a_reference_carries_a_provenance_note(gazetteer, nlp):
    from kg.ingest.pipeline import propose

    text = (
        "1. Le Groupe interinstitutions de coordination contre la traite des personnes a été créé.\n\n"
        "2. Le Groupe a réuni plus de 40 participants en 2008.\n"
    )
    source = parse_document(DocumentInfo("905", "905_x.txt", "T", None, "2012", None), text)
    observed = [
        (c["subject"], c["object"], c.get("note"))
        for c in propose(source, gazetteer, nlp)
        if c["kind"] == "fact" and c["predicate"] == "atkg:observedEntity"
    ]
    assert observed == [("obs-905-2-1", "icat", "'Le Groupe' in this passage is icat")]


def test_members_listed_after_a_colon_after_a_pronoun_and_after_notamment(gazetteer, nlp):
    text = (
        "1. Le Groupe mondial sur la migration est un autre mécanisme. Il se compose actuellement des "
        "entités suivantes: ONUDC, HCR et OIT.\n\n"
        "2. Le rôle joué par le Groupe interinstitutions de coordination contre la traite des personnes, "
        "notamment l’UNICEF et l’OIM, est reconnu.\n"
    )
    assert facts(text, gazetteer, nlp, {"org:memberOf"}) == [
        ("905-1", "unodc", "org:memberOf", "gmg", 0.55),
        ("905-1", "unhcr", "org:memberOf", "gmg", 0.55),
        ("905-1", "ilo", "org:memberOf", "gmg", 0.55),
        ("905-2", "unicef", "org:memberOf", "icat", 0.5),
        ("905-2", "iom", "org:memberOf", "icat", 0.5),
    ]


def test_a_list_after_an_event_is_its_participants(gazetteer, nlp):
    text = "1. Le Forum de Vienne a rassemblé des représentants de l’ONUDC et de l’OIM.\n"
    assert facts(text, gazetteer, nlp, {"atkg:participant", "org:memberOf"}) == [
        ("905-1", "event-vienna-forum-2008", "atkg:participant", "unodc", 0.5),
        ("905-1", "event-vienna-forum-2008", "atkg:participant", "iom", 0.5),
    ]


def test_publications_and_resolution_dates(gazetteer, nlp):
    text = (
        "1. Dans sa résolution 61/180 du 20 décembre 2006, l’Assemblée générale a pris note du rapport.\n\n"
        "2. L’ONUDC a publié en février 2009 le Rapport mondial sur la traite des personnes.\n\n"
        "3. La Loi type contre la traite des personnes de l’ONUDC (publiée en 2009) est diffusée.\n"
    )
    assert facts(text, gazetteer, nlp, {"dcterms:date", "atkg:publishedBy"}) == [
        ("905-1", "resolution-ga-61-180", "dcterms:date", "2006-12-20", 0.6),
        ("905-2", "pub-rapport-mondial-traite", "atkg:publishedBy", "unodc", 0.7),
        ("905-2", "pub-rapport-mondial-traite", "dcterms:date", "2009-02", 0.55),
        ("905-3", "pub-model-law-tip", "atkg:publishedBy", "unodc", 0.55),
        ("905-3", "pub-model-law-tip", "dcterms:date", "2009", 0.55),
    ]


def test_ratifications_get_the_date_printed_after_each_state(gazetteer, nlp):
    text = (
        "1. Le Togo et le Niger ayant ratifié le Protocole relatif à la traite des personnes en 2009 "
        "et le Mali en 2011, le nombre d’États parties a augmenté.\n"
    )
    assert facts(text, gazetteer, nlp, {"atkg:ratified", "dcterms:date"}) == [
        ("905-1", "country-TGO", "atkg:ratified", "instrument-tip-protocol", 0.7),
        ("905-1", "ratification-TGO-tip-protocol", "dcterms:date", "2009", 0.6),
        ("905-1", "country-NER", "atkg:ratified", "instrument-tip-protocol", 0.7),
        ("905-1", "ratification-NER-tip-protocol", "dcterms:date", "2009", 0.6),
        ("905-1", "country-MLI", "atkg:ratified", "instrument-tip-protocol", 0.7),
        ("905-1", "ratification-MLI-tip-protocol", "dcterms:date", "2011", 0.6),
    ]


def test_agents_listed_with_acronyms_governments_and_pronoun_subjects(gazetteer, nlp):
    text = (
        "1. UN.GIFT a été lancée en mars 2007 par le Fonds des Nations Unies pour l’enfance (UNICEF), "
        "l’Office des Nations Unies contre la drogue et le crime (ONUDC) et l’Organisation internationale "
        "pour les migrations (OIM).\n\n"
        "2. UN.GIFT a depuis lors reçu un appui financier supplémentaire des Gouvernements australien et "
        "canadien et du Programme des Nations Unies pour le développement (PNUD).\n\n"
        "3. Le Groupe mondial sur la migration est un mécanisme interinstitutions. Il a été créé par les "
        "représentants du HCR, de l’ONUDC et de l’OIT.\n\n"
        "4. Le Forum de Vienne s’est tenu en 2008. Les représentants des organisations suivantes étaient "
        "présents aux réunions: ONUDC, OIT et HCR.\n\n"
        "5. Le Ministère japonais des affaires étrangères a accueilli le Forum de Vienne.\n"
    )
    assert facts(text, gazetteer, nlp) == [
        ("905-1", "ungift", "atkg:launchedBy", "unicef", 0.75),
        ("905-1", "ungift", "atkg:launchedBy", "unodc", 0.75),
        ("905-1", "ungift", "atkg:launchedBy", "iom", 0.75),
        ("905-1", "ungift", "atkg:launchDate", "2007-03", 0.55),
        ("905-2", "ungift", "atkg:fundedBy", "country-AUS", 0.6),
        ("905-2", "ungift", "atkg:fundedBy", "country-CAN", 0.6),
        ("905-2", "ungift", "atkg:fundedBy", "undp", 0.6),
        ("905-3", "gmg", "atkg:launchedBy", "unhcr", 0.6),
        ("905-3", "gmg", "atkg:launchedBy", "unodc", 0.6),
        ("905-3", "gmg", "atkg:launchedBy", "ilo", 0.6),
        ("905-3", "unhcr", "org:memberOf", "gmg", 0.5),
        ("905-3", "unodc", "org:memberOf", "gmg", 0.5),
        ("905-3", "ilo", "org:memberOf", "gmg", 0.5),
        ("905-4", "event-vienna-forum-2008", "atkg:startDate", "2008", 0.45),
        ("905-4", "event-vienna-forum-2008", "atkg:participant", "unodc", 0.5),
        ("905-4", "event-vienna-forum-2008", "atkg:participant", "ilo", 0.5),
        ("905-4", "event-vienna-forum-2008", "atkg:participant", "unhcr", 0.5),
        ("905-5", "event-vienna-forum-2008", "atkg:hostedBy", "jpn-ministry-foreign-affairs", 0.55),
    ]


def role_facts(text: str, gazetteer, nlp, predicates: set[str]) -> list[tuple]:
    """(passage, subject, predicate, object, role, from, to) of the fact candidates for ``text``."""
    from kg.ingest.pipeline import propose

    source = parse_document(DocumentInfo("905", "905_x.txt", "T", None, "2012", None), text)
    return [
        (c["passage"], c["subject"], c["predicate"], c["object"], c.get("role"), c.get("from"), c.get("to"))
        for c in propose(source, gazetteer, nlp)
        if c["kind"] == "fact" and c["predicate"] in predicates
    ]


def test_chairs_coordinators_and_founders_with_their_role_and_period(gazetteer, nlp):
    text = (
        "1. L’ONUDC préside le Groupe mondial sur la migration pendant la deuxième moitié de "
        "l’année 2012.\n\n"
        "2. Le Groupe interinstitutions de coordination contre la traite des personnes est un mécanisme. "
        "Il a été créé par les représentants du HCR et de l’OIT. L’OIM assure la coordination du Groupe "
        "interinstitutions de coordination contre la traite des personnes depuis 2010.\n"
    )
    assert role_facts(text, gazetteer, nlp, {"atkg:chairs", "atkg:coordinates", "org:memberOf"}) == [
        ("905-1", "unodc", "atkg:chairs", "gmg", "chair", "2012-07", "2012-12"),
        ("905-2", "unhcr", "org:memberOf", "icat", "founder", None, None),
        ("905-2", "ilo", "org:memberOf", "icat", "founder", None, None),
        ("905-2", "iom", "atkg:coordinates", "icat", "coordinator", "2010", None),
    ]


def test_implemented_in_a_country_not_the_frame_and_partners_working_with_a_programme(gazetteer, nlp):
    text = (
        "1. Des manifestations ont été organisées dans le cadre de UN.GIFT en Inde et au Brésil.\n\n"
        "2. La Campagne Cœur bleu contre la traite des êtres humains est menée au Mexique.\n"
    )
    assert facts(text, gazetteer, nlp) == [
        ("905-2", "campaign-blue-heart", "atkg:implementedIn", "country-MEX", 0.5),
    ]
    text = "1. L’OIM et le HCR travaillent en partenariat avec UN.GIFT pour sensibiliser les voyageurs.\n"
    assert facts(text, gazetteer, nlp) == [
        ("905-1", "ungift", "atkg:partner", "iom", 0.5),
        ("905-1", "ungift", "atkg:partner", "unhcr", 0.5),
    ]


def test_event_places_in_both_languages_and_dates_printed_before_the_event(gazetteer, nlp):
    from kg.ingest.places import find_places

    assert [p[2:] for p in find_places("tenue au Caire, puis à La Haye et à Charm el-Cheikh (Égypte)")] == [
        ("Le Caire", "Cairo"),
        ("La Haye", "The Hague"),
        ("Charm el-Cheikh", "Sharm el-Sheikh"),
    ]
    text = (
        "1. Le Forum de Vienne s’est tenu à Vienne du 13 au 15 février 2008.\n\n"
        "2. Le Ministère japonais des affaires étrangères a accueilli à Tokyo en septembre 2006 le "
        "Forum de Vienne.\n"
    )
    assert facts(text, gazetteer, nlp, {"atkg:placeName", "atkg:startDate", "atkg:endDate"}) == [
        ("905-1", "event-vienna-forum-2008", "atkg:placeName", "Vienne@fr", 0.6),
        ("905-1", "event-vienna-forum-2008", "atkg:placeName", "Vienna@en", 0.55),
        ("905-1", "event-vienna-forum-2008", "atkg:startDate", "2008-02-13", 0.6),
        ("905-1", "event-vienna-forum-2008", "atkg:endDate", "2008-02-15", 0.6),
        ("905-2", "event-vienna-forum-2008", "atkg:placeName", "Tokyo@fr", 0.6),
        ("905-2", "event-vienna-forum-2008", "atkg:startDate", "2006-09", 0.45),
    ]


def test_agreement_parties_are_those_after_entre_and_not_country_adjectives(gazetteer, nlp):
    text = (
        "1. Selon l’UNICEF, un accord conclu en 2005 entre l’ONUDC et les services de presse "
        "néerlandais, puis l’OIM, est en vigueur.\n"
    )
    assert facts(text, gazetteer, nlp) == [
        ("905-1", "agreement-unodc-iom-2005", "atkg:party", "unodc", 0.7),
        ("905-1", "agreement-unodc-iom-2005", "atkg:party", "iom", 0.7),
        ("905-1", "agreement-unodc-iom-2005", "dcterms:date", "2005", 0.65),
    ]


def test_publications_established_by_and_a_participle_opening_the_sentence(gazetteer, nlp):
    text = (
        "1. La Loi type contre la traite des personnes, établie par l’ONUDC, est diffusée.\n\n"
        "2. Élaborée et diffusée par l’ONUDC en 2009, la Loi type contre la traite des personnes aide "
        "les États.\n"
    )
    assert facts(text, gazetteer, nlp) == [
        ("905-1", "pub-model-law-tip", "atkg:publishedBy", "unodc", 0.65),
        ("905-2", "pub-model-law-tip", "atkg:publishedBy", "unodc", 0.65),
        ("905-2", "pub-model-law-tip", "dcterms:date", "2009", 0.55),
    ]


REPORT = (
    "1. Le Groupe interinstitutions de coordination contre la traite des personnes s’est réuni en 2008. "
    "Il se compose actuellement des entités suivantes: ONUDC, HCR et OIT.\n\n"
    "2. Le Groupe a réuni plus de 40 participants en 2008.\n\n"
    "3. Le Togo a ratifié le Protocole relatif à la traite des personnes en 2009.\n\n"
    "4. Entre 1999 et juin 2004, l’ONUDC a recensé 112 cas.\n\n"
    "5. L’ONUDC préside le Groupe mondial sur la migration pendant la deuxième moitié de l’année 2012.\n"
)


def test_each_new_kind_is_accepted_through_the_edit_layer_and_built(tmp_path):
    """An observation with qualifier and period, a fact through a reference (with its note), a
    ratification node, and members from a list: accepted on a scratch workspace, then built."""
    from kg.build import build
    from kg.curation.nary import add_observation
    from kg.edit import run_edit
    from kg.ingest.pipeline import ingest_document
    from kg.ingest.review import accept, list_candidates
    from kg.sources.adding import add_document
    from kg.store import open_store
    from tests.conftest import make_workspace

    workspace = make_workspace(tmp_path / "ws")
    report = tmp_path / "rapport.txt"
    report.write_text(REPORT, encoding="utf-8")
    add_document(workspace, report, title="Rapport", date="2012-08-14", symbol="A/67/991")
    # a figure a curator already recorded in §4 before ingest ran: its value is marked accepted,
    # and accepting the observation again writes nothing
    run_edit(workspace, add_observation("id:unodc", "id:measure-cases-documented", "112", "005:4", "case"))
    before = (workspace.data_dir / "doc-005.trig").read_text(encoding="utf-8")
    ingest_document(workspace, "005")
    candidates = list_candidates(workspace, "005")
    [again] = [c["id"] for c in candidates if c.get("proposed_slug") == "obs-005-4-1"]
    value = [c for c in candidates if c.get("subject") == "obs-005-4-1" and c["predicate"] == "atkg:value"]
    assert [(c["object"], c["status"]) for c in value] == [("112", "accepted")]
    assert accept(workspace, "005", [again]).refused == {}
    assert (workspace.data_dir / "doc-005.trig").read_text(encoding="utf-8") == before

    def pick(**fields) -> str:
        [found] = [c["id"] for c in candidates if all(c.get(k) == v for k, v in fields.items())]
        return found

    chosen = [
        pick(kind="entity", proposed_slug="obs-005-2-1"),  # brings the facts of its pattern
        pick(kind="entity", proposed_slug="ratification-TGO-tip-protocol"),
        pick(kind="entity", proposed_slug="country-TGO", passage="005-3"),
        pick(kind="fact", subject="country-TGO", predicate="atkg:ratified"),
        pick(kind="fact", subject="unhcr", predicate="org:memberOf", object="icat"),
        pick(kind="fact", subject="unodc", predicate="atkg:chairs", object="gmg"),
    ]
    already = {c["id"] for c in list_candidates(workspace, "005", "accepted")}
    outcome = accept(workspace, "005", chosen)
    assert outcome.refused == {}
    assert set(chosen) <= set(outcome.accepted)
    assert {c["id"] for c in list_candidates(workspace, "005", "accepted")} == already | set(outcome.accepted)
    assert len(outcome.accepted) == 15  # the six chosen and the facts of their patterns
    build(workspace)
    store = open_store(workspace.store)
    rows = store.query(
        "SELECT ?p ?o WHERE { GRAPH id:passage-005-2 { id:obs-005-2-1 ?p ?o } } ORDER BY ?p ?o"
    )
    assert [(r["p"].value.rsplit("#", 1)[1], r["o"].value) for r in rows] == [
        ("type", "https://w3id.org/atkg/ontology#Observation"),
        ("measure", "https://w3id.org/atkg/id/measure-participants"),
        ("observedEntity", "https://w3id.org/atkg/id/icat"),
        ("period", "2008"),
        ("provenanceNote", "'Le Groupe' in this passage is icat"),
        ("unit", "person"),
        ("value", "40"),
        ("valueQualifier", "more-than"),
    ]
    rows = store.query(
        "SELECT ?state ?date WHERE { GRAPH id:passage-005-3 { id:country-TGO atkg:ratified "
        "id:instrument-tip-protocol . id:ratification-TGO-tip-protocol atkg:ratifyingState ?state ; "
        "atkg:instrument id:instrument-tip-protocol ; dcterms:date ?date } }"
    )
    assert [(r["state"].value.rsplit("/", 1)[1], r["date"].value) for r in rows] == [("country-TGO", "2009")]
    rows = store.query("ASK { GRAPH id:passage-005-1 { id:unhcr org:memberOf id:icat } }")
    assert bool(rows)
    rows = store.query(
        "SELECT ?obs ?who ?v WHERE { GRAPH id:passage-005-4 { "
        "?obs atkg:observedEntity ?who ; atkg:value ?v } }"
    )
    assert [
        (r["obs"].value.rsplit("/", 1)[1], r["who"].value.rsplit("/", 1)[1], r["v"].value) for r in rows
    ] == [
        ("obs-005-4-1", "unodc", "112")  # the curator's, not a second one
    ]
    rows = store.query(
        "SELECT ?m ?role ?from ?to WHERE { GRAPH id:passage-005-5 { id:unodc atkg:chairs id:gmg . "
        "?m org:member id:unodc ; org:organization id:gmg ; org:role ?role ; org:memberDuring ?i . "
        "?i atkg:startDate ?from ; atkg:endDate ?to } }"
    )
    assert [
        (r["m"].value.rsplit("/", 1)[1], r["role"].value.rsplit("#", 1)[1], r["from"].value, r["to"].value)
        for r in rows
    ] == [("membership-unodc-gmg-chair-2012", "ChairRole", "2012-07", "2012-12")]


def test_chairs_by_a_relative_clause_a_presidency_held_an_election_and_a_period_between_commas(
    gazetteer, nlp
):
    """The phrasings of report A: "le Groupe, que l'OIM a présidé de janvier à juin 2013" (the Groupe,
    not the meeting after the verb), "la présidence du Groupe a été assurée par [...]; depuis mars
    2014, elle est exercée conjointement par A et B", "a élu X à la présidence du Groupe", "Il est
    coprésidé, pour la période 2013-2015, par A et B"."""
    text = (
        "1. Le Groupe mondial sur la migration, que l’OIM a présidé de janvier à juin 2013, a consacré sa "
        "réunion à la protection des migrants.\n\n"
        "2. L’ONUDC a continué d’assurer la coordination du Groupe interinstitutions de coordination contre "
        "la traite des personnes (ICAT). De mars 2013 à février 2014, la présidence du Groupe a été assurée "
        "par l’Organisation internationale du Travail; depuis mars 2014, elle est exercée conjointement par "
        "le HCDH et ONU-Femmes.\n\n"
        "3. En 2015, les membres ont élu l’OIM à la présidence du Groupe mondial sur la migration pour la "
        "période 2015-2016.\n\n"
        "4. Le Groupe mondial sur la migration rassemble des entités. Il est coprésidé, pour la période "
        "2013-2015, par l’OIT et l’UNICEF.\n"
    )
    assert role_facts(text, gazetteer, nlp, {"atkg:chairs"}) == [
        ("905-1", "iom", "atkg:chairs", "gmg", "chair", "2013-01", "2013-06"),
        ("905-2", "ilo", "atkg:chairs", "icat", "chair", "2013-03", "2014-02"),
        ("905-2", "ohchr", "atkg:chairs", "icat", "chair", "2014-03", None),
        ("905-2", "un-women", "atkg:chairs", "icat", "chair", "2014-03", None),
        ("905-3", "iom", "atkg:chairs", "gmg", "chair", "2015", "2016"),
        ("905-4", "ilo", "atkg:chairs", "gmg", "chair", "2013", "2015"),
        ("905-4", "unicef", "atkg:chairs", "gmg", "chair", "2013", "2015"),
    ]


def test_a_member_the_sentence_names_before_the_verb(gazetteer, nlp):
    """ "L'OIM est membre du Groupe": the inverse active rules read the agents before the verb."""
    text = "1. L’OIM est membre du Groupe mondial sur la migration.\n"
    assert facts(text, gazetteer, nlp) == [("905-1", "iom", "org:memberOf", "gmg", 0.55)]


def test_only_an_event_is_organised_by(gazetteer, nlp):
    """As report A's "Le Rapport a été présenté lors d'une manifestation organisée conjointement par
    l'ONUDC": the publication before the participle is not what was organised."""
    text = (
        "1. Le Rapport mondial sur la traite des personnes 2012 a été présenté lors d’une manifestation "
        "organisée conjointement par l’ONUDC et l’OIM à Vienne.\n"
        "2. La conférence de Vienne a été organisée par l’ONUDC.\n"
    )
    assert facts(text, gazetteer, nlp, {"atkg:organizedBy"}) == [
        ("905-2", "event-conference-vienne", "atkg:organizedBy", "unodc", 0.75)
    ]


def test_a_date_between_the_participle_and_its_agents_and_a_campaign_joined_by_name(gazetteer, nlp):
    """As report B: "la campagne « Sois vigilant ! », lancée le 18 octobre 2013 par le Comité national
    et l'OIM", "l'Association [...] (ANAEP), qui regroupe 46 agences, a rejoint la campagne « Sois
    vigilant ! »" (the relative clause between the subject and its verb skipped)."""
    text = (
        "1. La campagne « Sois vigilant ! », lancée le 18 octobre 2013 par l’OIM et l’UNICEF, s’adresse aux "
        "jeunes.\n"
        "2. Le 30 juillet 2014, l’Association nationale des agences d’emploi privées (ANAEP), qui regroupe "
        "46 agences, a rejoint la campagne « Sois vigilant ! ».\n"
    )
    assert facts(text, gazetteer, nlp, {"atkg:launchedBy", "atkg:launchDate", "atkg:partner"}) == [
        ("905-1", "campaign-sois-vigilant", "atkg:launchedBy", "iom", 0.75),
        ("905-1", "campaign-sois-vigilant", "atkg:launchedBy", "unicef", 0.75),
        ("905-1", "campaign-sois-vigilant", "atkg:launchDate", "2013-10-18", 0.55),
        ("905-2", "campaign-sois-vigilant", "atkg:partner", "anaep", 0.5),
    ]
