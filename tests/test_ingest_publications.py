"""Publications, plans and campaigns the text describes rather than names ("l'OIT a mis au point un
manuel", "La Roumanie a élaboré une campagne"): the candidates ingest proposes for corpus sentences,
how leave-one-out aligns them with what curators recorded, and one accepted through review."""

from __future__ import annotations

from pathlib import Path

from kg.corpus import DocumentInfo, parse_document
from kg.ingest.evaluate import Gold, evaluate

ROOT = Path(__file__).resolve().parent.parent


def proposals(text: str, gazetteer, nlp) -> list[tuple]:
    """New entities (passage, slug, type, French label, confidence) and facts (passage, subject,
    predicate, object, confidence) ingest proposes for ``text``, in reading order."""
    from kg.ingest.pipeline import propose

    source = parse_document(DocumentInfo("905", "905_x.txt", "T", None, "2012", None), text)
    out = []
    for c in propose(source, gazetteer, nlp):
        if c["kind"] == "entity" and not c["entity"]:
            out.append((c["passage"], c["proposed_slug"], c["type"], c["labels"]["fr"], c["confidence"]))
        elif c["kind"] == "fact":
            out.append((c["passage"], c["subject"], c["predicate"], c["object"], c["confidence"]))
    return out


def test_described_publications_with_their_authors_and_date(gazetteer, nlp):
    text = (
        # 004-43, 001-4, 002-preamble-26 (the last one cut at its comma)
        "1. UN.GIFT, le Pacte mondial, l’OIT et l’OIM élaborent, en collaboration, une publication sur la "
        "traite des êtres humains et les entreprises qui contiendra des exemples de bonnes pratiques.\n\n"
        "2. En février 2012, l’ONUDC a publié une stratégie globale contre la traite des personnes et le "
        "trafic illicite de migrants afin de définir clairement ses activités.\n\n"
        "3. Prenant note également du rapport du Secrétaire général sur l’exécution des mandats du "
        "Programme des Nations Unies pour la prévention du crime et la justice pénale,\n\n"
        "4. Le Bénin et le Togo ont élaboré des plans d’action nationaux contre le travail des enfants.\n\n"
        "5. Le rapport de l’OIT sur le travail forcé dans le monde a été publié en 2005. Un rapport a été "
        "publié en 2010.\n"
    )
    assert proposals(text, gazetteer, nlp) == [
        (
            "905-1",
            "pub-publication-traite-etres-humains-entreprises",
            "atkg:Publication",
            "Publication sur la traite des êtres humains et les entreprises",
            0.5,
        ),
        ("905-1", "pub-publication-traite-etres-humains-entreprises", "atkg:publishedBy", "ungift", 0.55),
        (
            "905-1",
            "pub-publication-traite-etres-humains-entreprises",
            "atkg:publishedBy",
            "un-global-compact",
            0.55,
        ),
        ("905-1", "pub-publication-traite-etres-humains-entreprises", "atkg:publishedBy", "ilo", 0.55),
        ("905-1", "pub-publication-traite-etres-humains-entreprises", "atkg:publishedBy", "iom", 0.55),
        (
            "905-2",
            "plan-strategie-globale-traite-trafic-illicite-migrants",
            "atkg:ActionPlan",
            "Stratégie globale contre la traite des personnes et le trafic illicite de migrants",
            0.5,
        ),
        (
            "905-2",
            "plan-strategie-globale-traite-trafic-illicite-migrants",
            "atkg:publishedBy",
            "unodc",
            0.55,
        ),
        ("905-2", "plan-strategie-globale-traite-trafic-illicite-migrants", "dcterms:date", "2012-02", 0.5),
        (
            "905-3",
            "pub-rapport-secretaire-general-execution-mandats-programme",
            "atkg:Publication",
            "Rapport du Secrétaire général sur l’exécution des mandats du Programme des Nations Unies pour "
            "la prévention du crime et la justice pénale",
            0.5,
        ),
        (
            "905-3",
            "pub-rapport-secretaire-general-execution-mandats-programme",
            "atkg:publishedBy",
            "un-secretary-general",
            0.55,
        ),
        # plans of several States: one each, labelled with the State as curators do
        (
            "905-4",
            "plan-ben-plans-action-nationaux-travail-enfants",
            "atkg:ActionPlan",
            "Plans d’action nationaux contre le travail des enfants (Bénin)",
            0.5,
        ),
        (
            "905-4",
            "plan-tgo-plans-action-nationaux-travail-enfants",
            "atkg:ActionPlan",
            "Plans d’action nationaux contre le travail des enfants (Togo)",
            0.5,
        ),
        ("905-4", "plan-ben-plans-action-nationaux-travail-enfants", "atkg:publishedBy", "country-BEN", 0.55),
        ("905-4", "plan-tgo-plans-action-nationaux-travail-enfants", "atkg:publishedBy", "country-TGO", 0.55),
        # the name ends at the verb; "Un rapport" without an author is not proposed
        (
            "905-5",
            "pub-rapport-oit-travail-force-monde",
            "atkg:Publication",
            "Rapport de l’OIT sur le travail forcé dans le monde",
            0.5,
        ),
        ("905-5", "pub-rapport-oit-travail-force-monde", "atkg:publishedBy", "ilo", 0.55),
    ]


def test_a_title_after_the_description_takes_its_facts(gazetteer, nlp):
    text = (
        # 004-37 (the guide is known to the graph) and 004-64 ("intitulé": the title names it)
        "1. L’UNODC, l’UN.GIFT et l’UIP ont ensuite établi, à l’intention des parlementaires, un guide "
        "contenant une compilation des textes de lois. Intitulée Combattre la traite des personnes: Guide à "
        "l’usage des parlementaires, cette publication donne des indications.\n\n"
        "2. L’OIT a mis au point un manuel intitulé Combattre le travail forcé: Manuel pour les employeurs "
        "et le secteur privé.\n"
    )
    assert proposals(text, gazetteer, nlp) == [
        ("905-1", "pub-parliamentarians-handbook", "atkg:publishedBy", "unodc", 0.55),
        ("905-1", "pub-parliamentarians-handbook", "atkg:publishedBy", "ungift", 0.55),
        ("905-1", "pub-parliamentarians-handbook", "atkg:publishedBy", "ipu", 0.55),
        ("905-2", "pub-forced-labour-handbook-employers", "atkg:publishedBy", "ilo", 0.6),
    ]


def test_described_campaigns_launched_by_their_subject_or_run_in_a_state(gazetteer, nlp):
    text = (
        # 003-45, 003-57, 003-58, 003-50 (shortened), and one of our own
        "1. La Roumanie, par exemple, a élaboré une campagne qui s’adresse aux personnes à la recherche "
        "d’un emploi à l’étranger.\n\n"
        "2. Les Philippines ont fait mention d’une campagne de sensibilisation menée par l’intermédiaire "
        "d’ONG afin d’attirer l’attention de la population.\n\n"
        "3. Au Qatar, les campagnes de sensibilisation visent les travailleurs et les employés de maison.\n\n"
        "4. La Croatie a indiqué que de nombreuses campagnes de sensibilisation ont été menées par des "
        "ONG.\n\n"
        "5. L’OIM mène des campagnes d’information dans les écoles.\n"
    )
    assert proposals(text, gazetteer, nlp) == [
        ("905-1", "campaign-rou-campagne-roumanie", "atkg:Campaign", "Campagne (Roumanie)", 0.5),
        ("905-1", "campaign-rou-campagne-roumanie", "atkg:launchedBy", "country-ROU", 0.5),
        (
            "905-2",
            "campaign-phl-campagne-sensibilisation-menee-intermediaire-ong-philippines",
            "atkg:Campaign",
            "Campagne de sensibilisation menée par l’intermédiaire d’ONG (Philippines)",
            0.5,
        ),
        (
            "905-2",
            "campaign-phl-campagne-sensibilisation-menee-intermediaire-ong-philippines",
            "atkg:implementedIn",
            "country-PHL",
            0.5,
        ),
        (
            "905-3",
            "campaign-qat-campagnes-sensibilisation-qatar",
            "atkg:Campaign",
            "Campagnes de sensibilisation (Qatar)",
            0.5,
        ),
        ("905-3", "campaign-qat-campagnes-sensibilisation-qatar", "atkg:implementedIn", "country-QAT", 0.5),
        (
            "905-5",
            "campaign-campagnes-information-ecoles",
            "atkg:Campaign",
            "Campagnes d’information dans les écoles",
            0.5,
        ),
        ("905-5", "campaign-campagnes-information-ecoles", "atkg:launchedBy", "iom", 0.5),
    ]


def _entity(slug: str, passage: str, type_name: str = "atkg:Publication") -> dict:
    return {
        "kind": "entity",
        "entity": None,
        "proposed_slug": slug,
        "passage": passage,
        "type": type_name,
        "labels": {"fr": slug},
        "text": slug,
    }


def _fact(subject: str, predicate: str, obj: str) -> dict:
    return {"kind": "fact", "subject": subject, "predicate": predicate, "object": obj}


def test_described_things_align_by_passage_type_family_and_authors():
    gold = Gold(
        set(),
        {
            "pub-handbook": {"type": "atkg:Publication", "labels": ["Combating Forced Labour"]},
            "plan-strategy": {"type": "atkg:ActionPlan", "labels": ["UNODC strategy"]},
            "pub-survey": {"type": "atkg:Publication", "labels": ["Private sector survey"]},
            "campaign-photos": {"type": "atkg:Campaign", "labels": ["Photographs"]},
        },
        {
            ("pub-handbook", "atkg:publishedBy", "ilo"),
            ("plan-strategy", "atkg:publishedBy", "unodc"),
            ("pub-survey", "atkg:publishedBy", "ilo"),
            ("pub-survey", "atkg:publishedBy", "ungift"),
            ("campaign-photos", "atkg:launchedBy", "ilo"),
        },
        introduced={
            "pub-handbook": "905-1",
            "plan-strategy": "905-2",
            "pub-survey": "905-3",
            "campaign-photos": "905-3",
        },
    )
    candidates = [
        _entity("pub-guide-ilo", "905-1"),  # passage, family and author agree
        _fact("pub-guide-ilo", "atkg:publishedBy", "ilo"),
        _entity("pub-manuel", "905-1"),  # as well, but the gold entity is taken (by passage, then slug)
        _fact("pub-manuel", "atkg:publishedBy", "ilo"),
        _entity("pub-strategie", "905-2"),  # a plan for a publication proposal: one family
        _fact("pub-strategie", "atkg:publishedBy", "unodc"),
        _entity("pub-enquete", "905-3"),  # two authors shared beat the campaign's one (another family anyway)
        _fact("pub-enquete", "atkg:publishedBy", "ilo"),
        _fact("pub-enquete", "atkg:publishedBy", "ungift"),
        _entity("pub-other-passage", "905-2"),  # right author, wrong passage
        _fact("pub-other-passage", "atkg:publishedBy", "ilo"),
        _entity("campaign-photos-new", "905-3", "atkg:Campaign"),
        _fact("campaign-photos-new", "atkg:launchedBy", "unodc"),  # no author in common
    ]
    scores = evaluate(candidates, gold)
    assert scores.alignment == {
        "pub-guide-ilo": "pub-handbook",
        "pub-strategie": "plan-strategy",
        "pub-enquete": "pub-survey",
    }
    assert (scores.facts.found, scores.facts.expected, scores.facts.proposed) == (4, 5, 7)
    # without the passages that introduce them (the written reports' golds), nothing aligns this way
    assert evaluate(candidates, Gold(set(), gold.entities, gold.facts)).alignment == {}


def test_leave_one_out_knows_the_passage_that_introduces_each_new_entity(curated_quads):
    from kg.corpus import load_corpus
    from kg.ingest.leaveoneout import split_for

    source = load_corpus(ROOT / "corpus")["004"]
    _, gold = split_for(curated_quads, "004", {p.label: p.text for p in source.passages})
    assert set(gold.introduced) == set(gold.entities)
    assert gold.introduced["pub-forced-labour-handbook-employers"] == "004-64"
    assert gold.introduced["pub-audio-messages-tool"] == "004-78"  # named in 78, 79 and 80


REPORT = (
    "1. UN.GIFT, le Pacte mondial, l’OIT et l’OIM élaborent, en collaboration, une publication sur la traite "
    "des êtres humains et les entreprises qui contiendra des exemples de bonnes pratiques.\n\n"
    "2. Elle sera présentée en 2010.\n"
)


def test_review_accepts_a_described_publication_through_the_edit_layer(tmp_path):
    from kg.build import build
    from kg.ingest.pipeline import ingest_document
    from kg.ingest.review import accept, edit_candidate, list_candidates
    from kg.sources.adding import add_document
    from kg.store import open_store
    from tests.conftest import make_workspace

    workspace = make_workspace(tmp_path / "ws")
    report = tmp_path / "rapport.txt"
    report.write_text(REPORT, encoding="utf-8")
    add_document(workspace, report, title="Rapport", date="2010-05-01", symbol="A/64/999")
    ingest_document(workspace, "005")
    slug = "pub-publication-traite-etres-humains-entreprises"
    candidates = list_candidates(workspace, "005")
    [entity] = [c for c in candidates if c.get("proposed_slug") == slug]
    [by_ilo] = [c for c in candidates if c.get("subject") == slug and c.get("object") == "ilo"]
    assert (entity["labels"], entity["type"]) == (
        {"fr": "Publication sur la traite des êtres humains et les entreprises", "en": None},
        "atkg:Publication",
    )
    assert (by_ilo["passage"], by_ilo["evidence"]) == ("005-1", REPORT.split("\n")[0])
    # accepting needs an English label: refused until a maintainer gives one
    refused = accept(workspace, "005", [entity["id"], by_ilo["id"]]).refused
    assert set(refused) == {entity["id"], by_ilo["id"]}
    edit_candidate(workspace, "005", entity["id"], {"label_en": "Human Trafficking and Business"})
    outcome = accept(workspace, "005", [entity["id"], by_ilo["id"]])
    assert (outcome.refused, sorted(outcome.accepted)) == ({}, sorted([entity["id"], by_ilo["id"]]))
    build(workspace)
    store = open_store(workspace.store)
    rows = store.query(
        f"SELECT ?label WHERE {{ GRAPH id:passage-005-1 {{ id:{slug} atkg:publishedBy id:ilo }} "
        f"GRAPH id:graph-entities {{ id:{slug} a atkg:Publication ; skos:prefLabel ?label }} }} "
        "ORDER BY ?label"
    )
    assert [(r["label"].value, r["label"].language) for r in rows] == [
        ("Human Trafficking and Business", "en"),
        ("Publication sur la traite des êtres humains et les entreprises", "fr"),
    ]


def test_no_state_for_an_initiative_or_an_international_body(gazetteer, nlp):
    """Curators never record an initiative (UN.GIFT) as implemented in a State, nor an
    international body as based in the State a passage is about (004-13, 004-76)."""
    text = (
        "1. En juillet 2009, UN.GIFT a été mis en œuvre en Autriche et en Bulgarie.\n\n"
        "2. La Hongrie a indiqué que l’Alliance internationale des juristes et le Conseil national des "
        "juristes ont soutenu la réforme.\n"
    )
    assert [p for p in proposals(text, gazetteer, nlp) if p[2].startswith("atkg:")] == [
        (
            "905-2",
            "alliance-internationale-juristes",
            "atkg:CoordinationMechanism",
            "Alliance internationale des juristes",
            0.6,
        ),
        (
            "905-2",
            "conseil-national-juristes",
            "atkg:CoordinationMechanism",
            "Conseil national des juristes",
            0.6,
        ),
        ("905-2", "conseil-national-juristes", "atkg:basedIn", "country-HUN", 0.4),
    ]


def test_the_capacity_an_agent_acts_in(gazetteer, nlp):
    """002-8 and 002-13: "en sa qualité de coordonnateur du Groupe", "gestionnaire du Fonds"."""
    text = (
        "1. Engage l’Office des Nations Unies contre la drogue et le crime, en sa qualité de coordonnateur "
        "du Groupe interinstitutions de coopération contre la traite des personnes, à continuer de "
        "développer ses activités;\n\n"
        "2. Prie l’Office des Nations Unies contre la drogue et le crime, agissant en sa qualité de "
        "gestionnaire du Fonds de contributions volontaires des Nations Unies en faveur des victimes de la "
        "traite des personnes, en particulier des femmes et des enfants, de continuer d’inciter les États "
        "à verser des contributions au Fonds;\n"
    )
    assert [p for p in proposals(text, gazetteer, nlp) if p[2].startswith("atkg:")] == [
        ("905-1", "unodc", "atkg:coordinates", "icat", 0.6),
        ("905-2", "un-trust-fund-trafficking-victims", "atkg:managedBy", "unodc", 0.6),
    ]


def test_a_figure_citing_a_described_publication_is_about_it(gazetteer, nlp):
    """004-38 and 004-39: the survey described in one paragraph is what the next one's figure is about."""
    text = (
        "1. Le Pacte mondial, l’OIT et UN.GIFT ont conçu et mis en œuvre, en collaboration, une enquête du "
        "secteur privé sur la traite des êtres humains.\n\n"
        "2. Si les entreprises qui ont répondu à l’enquête ont déclaré qu’elles étaient conscientes du "
        "problème, moins de 20 % ont indiqué que la traite constituait une menace.\n"
    )
    assert [p for p in proposals(text, gazetteer, nlp) if p[2] == "atkg:observedEntity"] == [
        (
            "905-2",
            "obs-905-2-1",
            "atkg:observedEntity",
            "pub-enquete-secteur-prive-traite-etres-humains",
            0.35,
        )
    ]


def test_only_a_publication_is_published_by(gazetteer, nlp):
    """004-80: "l'outil mis au point par" is not INTERPOL published by UNODC (the tool is not named)."""
    text = (
        "1. En septembre 2009, INTERPOL a présenté le prototype de l’outil mis au point par l’UNODC et "
        "UN.GIFT à une réunion.\n"
    )
    from kg.ingest.pipeline import propose

    source = parse_document(DocumentInfo("905", "905_x.txt", "T", None, "2012", None), text)
    candidates = propose(source, gazetteer, nlp)
    # the sentence is read (its three bodies are found), and nothing is proposed as their publication
    assert [(c["kind"], c["entity"]) for c in candidates] == [
        ("entity", "interpol"),
        ("entity", "unodc"),
        ("entity", "ungift"),
    ]


def test_a_participle_opening_the_sentence_names_the_authors(gazetteer, nlp):
    """As 001-28 ("Lancée par I'ONUDC en octobre 2011, la base de données de jurisprudence [...]")."""
    text = (
        "1. Lancée par l’OIT en mars 2012, la base de données sur le travail forcé est consultée par les "
        "juges.\n"
    )
    assert [p for p in proposals(text, gazetteer, nlp) if not p[-1] == 0.95] == [
        (
            "905-1",
            "pub-base-donnees-travail-force",
            "atkg:Publication",
            "Base de données sur le travail forcé",
            0.5,
        ),
        ("905-1", "pub-base-donnees-travail-force", "atkg:publishedBy", "ilo", 0.55),
        ("905-1", "pub-base-donnees-travail-force", "dcterms:date", "2012-03", 0.5),
    ]


def test_a_plan_takes_the_date_of_the_resolution_that_adopted_it(gazetteer, nlp):
    """As 002-preamble-6: "le Plan d'action mondial [...], qu'elle a adopté dans sa résolution 64/293
    du 30 juillet 2010"; a plan merely cited before a resolution takes no date."""
    text = (
        "1. Affirmant l’importance du Plan d’action mondial des Nations Unies pour la lutte contre la traite "
        "des personnes, qu’elle a adopté dans sa résolution 64/293 du 30 juillet 2010, et soulignant qu’il "
        "importe qu’il soit mis en œuvre,\n"
        "2. Rappelant le Plan d’action mondial des Nations Unies pour la lutte contre la traite des "
        "personnes et sa résolution 64/293 du 30 juillet 2010,\n"
    )
    assert [p for p in proposals(text, gazetteer, nlp) if p[2] == "dcterms:date"] == [
        ("905-1", "resolution-ga-64-293", "dcterms:date", "2010-07-30", 0.6),
        ("905-1", "plan-global-plan-of-action", "dcterms:date", "2010-07-30", 0.55),
        ("905-2", "resolution-ga-64-293", "dcterms:date", "2010-07-30", 0.6),
    ]


def test_participles_opening_the_sentence_date_the_named_publication(gazetteer, nlp):
    """As 001-22: "Élaboré, lancé et diffusé par l'ONUDC en 2011, le manuel intitulé “First Aid Kit”"."""
    text = (
        "1. Elaboré, lancé et diffusé par l’ONUDC en 2011, le manuel intitulé “First Aid Kit for Use by Law "
        "Enforcement Responders in Addressing Human Trafficking” aide les intervenants.\n"
    )
    assert [p for p in proposals(text, gazetteer, nlp) if p[2] in {"dcterms:date", "atkg:publishedBy"}] == [
        ("905-1", "pub-first-aid-kit", "atkg:publishedBy", "unodc", 0.65),
        ("905-1", "pub-first-aid-kit", "dcterms:date", "2011", 0.55),
    ]
