"""Fact rules for who works with whom, on short French sentences in the style of the corpus:
partnerships stated without "accord" (kg.ingest.agreements), coordinators, partners."""

from __future__ import annotations

from kg.corpus import DocumentInfo, parse_document
from tests.test_ingest_facts import facts


def test_a_partnership_set_up_not_signed_has_no_place_among_its_parties(gazetteer, nlp):
    text = (
        "1. Les activités de UN.GIFT en Inde ont permis de mettre en place, avec la Pacific Asia Travel "
        "Association et l’organisation non gouvernementale Save the Children India, un partenariat "
        "stratégique en vue de l’adoption d’un code de conduite.\n"
    )
    assert facts(text, gazetteer, nlp, {"atkg:party"}) == [
        ("905-1", "agreement-ungift-pata", "atkg:party", "ungift", 0.7),
        ("905-1", "agreement-ungift-pata", "atkg:party", "pata", 0.7),
        ("905-1", "agreement-ungift-pata", "atkg:party", "save-the-children-india", 0.7),
    ]


def test_cooperation_between_named_bodies_is_a_partnership_and_an_accord_on_a_need_is_not(gazetteer, nlp):
    text = (
        "1. Le Japon a fait état d’une coordination et d’une coopération étroites entre l’Organisation "
        "internationale pour les migrations, le Haut-Commissariat des Nations Unies pour les réfugiés et "
        "des institutions connexes sur les cas de traite des personnes.\n\n"
        "2. Des réunions ont été organisées avec l’OIM et l’ONUDC, et un accord a été conclu sur la "
        "nécessité d’améliorer l’entraide.\n"
    )
    assert facts(text, gazetteer, nlp, {"atkg:party"}) == [
        ("905-1", "agreement-iom-unhcr", "atkg:party", "iom", 0.5),
        ("905-1", "agreement-iom-unhcr", "atkg:party", "unhcr", 0.5),
    ]


def test_partner_entities_listed_are_partners_of_the_body_the_passage_opened_with(gazetteer, nlp):
    text = (
        "1. L’ONUDC collabore étroitement avec des organisations internationales. Les entités partenaires "
        "sont notamment le Fonds des Nations Unies pour l’enfance (UNICEF), le Programme des Nations Unies "
        "pour le développement (PNUD) et l’Organisation internationale de police criminelle (INTERPOL).\n"
    )
    assert facts(text, gazetteer, nlp, {"atkg:party"}) == [
        ("905-1", "agreement-unodc-unicef", "atkg:party", "unodc", 0.5),
        ("905-1", "agreement-unodc-unicef", "atkg:party", "unicef", 0.5),
        ("905-1", "agreement-unodc-unicef", "atkg:party", "undp", 0.5),
        ("905-1", "agreement-unodc-unicef", "atkg:party", "interpol", 0.5),
    ]


def test_coordinators_led_by_respectively_and_entrusted_with_the_coordination(gazetteer, nlp):
    text = (
        "1. La Pologne a créé deux équipes, à savoir une équipe sur la traite et une équipe centrale de "
        "lutte contre la traite des personnes, dont les activités sont coordonnées, respectivement, par le "
        "Département des politiques migratoires et par le Commandement général de la police.\n\n"
        "2. Huit initiatives de groupes d’experts UN.GIFT ont été mises sur pied sous la direction de "
        "l’OIT et de l’UNODC.\n\n"
        "3. L’Assemblée générale a prié le Secrétaire général de confier au Directeur exécutif de l’ONUDC "
        "la coordination des activités du Groupe interinstitutions de coopération contre la traite des "
        "personnes.\n"
    )
    assert facts(text, gazetteer, nlp, {"atkg:coordinates"}) == [
        ("905-1", "pol-department-migration-policy", "atkg:coordinates", "pol-equipe-traite", 0.7),
        (
            "905-1",
            "pol-general-police-headquarters",
            "atkg:coordinates",
            "pol-equipe-centrale-lutte-traite",
            0.7,
        ),
        ("905-2", "ilo", "atkg:coordinates", "ungift-expert-group-initiatives", 0.6),
        ("905-2", "unodc", "atkg:coordinates", "ungift-expert-group-initiatives", 0.6),
        ("905-3", "unodc", "atkg:coordinates", "icat", 0.6),
    ]


def test_partners_named_before_the_doer_and_who_carries_out_a_programme(gazetteer, nlp):
    text = (
        "1. En collaboration avec l’UNODC et l’OIT, l’OIM a organisé au Caire, les 11 et 12 janvier 2008, "
        "une réunion de chercheurs.\n\n"
        "2. Le Ministère japonais des affaires étrangères, en coopération avec l’ONUDC, a accueilli à Tokyo "
        "en septembre 2006 la première réunion de coordination interinstitutions.\n\n"
        "3. Les Gouvernements belge et suisse ont contribué à la Campagne Cœur bleu que l’ONUDC met en "
        "œuvre en Serbie.\n"
    )
    # the Ministry that acted "en coopération avec l'ONUDC" is a co-organiser, not a partner in itself
    assert facts(text, gazetteer, nlp, {"atkg:partner"}) == [
        ("905-1", "event-cairo-research-meeting-2008", "atkg:partner", "unodc", 0.5),
        ("905-1", "event-cairo-research-meeting-2008", "atkg:partner", "ilo", 0.5),
        ("905-3", "campaign-blue-heart", "atkg:partner", "unodc", 0.5),
    ]


def test_members_who_are_part_of_active_within_or_formed_a_body(gazetteer, nlp):
    text = (
        "1. Le Groupe mondial sur la migration est un autre mécanisme. Les cinq commissions régionales du "
        "Secrétariat en font également partie: Commission économique pour l’Afrique et Commission "
        "économique pour l’Europe.\n\n"
        "2. L’ONUDC demeurera actif au sein des instances interinstitutions comme l’UN.GIFT et le Groupe "
        "interinstitutions de coordination contre la traite des personnes.\n\n"
        "3. Les Pays-Bas ont mentionné la création, en 2005, du Centre d’expertise sur la traite et le "
        "trafic illicite d’êtres humains, fruit de la collaboration entre l’Organisation internationale "
        "pour les migrations et l’Office des Nations Unies contre la drogue et le crime.\n\n"
        "4. L’OIT et l’OIM font partie du Groupe mondial sur la migration.\n"
    )
    assert facts(text, gazetteer, nlp, {"org:memberOf"}) == [
        ("905-1", "eca", "org:memberOf", "gmg", 0.55),
        ("905-1", "unece", "org:memberOf", "gmg", 0.55),
        ("905-2", "unodc", "org:memberOf", "ungift", 0.5),
        ("905-2", "unodc", "org:memberOf", "icat", 0.5),
        ("905-3", "iom", "org:memberOf", "nld-expertise-centre-human-trafficking-smuggling", 0.5),
        ("905-3", "unodc", "org:memberOf", "nld-expertise-centre-human-trafficking-smuggling", 0.5),
        ("905-4", "ilo", "org:memberOf", "gmg", 0.55),
        ("905-4", "iom", "org:memberOf", "gmg", 0.55),
    ]
    assert facts(text, gazetteer, nlp, {"atkg:party"}) == []  # formed a centre: no partnership


def test_a_new_national_body_is_based_in_the_last_state_named_before_it_not_a_listed_one(gazetteer, nlp):
    text = (
        "1. En Hongrie, une unité spécialisée a été créée au sein du Bureau national des frontières "
        "lacustres, tandis que des enquêtes conjointes ont été lancées avec la police allemande et "
        "autrichienne.\n\n"
        "2. Comme la Grèce, le Japon a indiqué que l’Office national des visas a été renforcé.\n\n"
        "3. Des réponses ont été reçues de Cuba, de l’Ukraine et de la Ligue des pays riverains.\n"
    )
    # a "Bureau" or "Office" named national is a State's body (kg.ingest.newentities.type_of)
    assert facts(text, gazetteer, nlp, {"atkg:basedIn"}) == [
        ("905-1", "hun-bureau-national-frontieres-lacustres", "atkg:basedIn", "country-HUN", 0.4),
        ("905-1", "deu-police-allemande-autrichienne", "atkg:basedIn", "country-DEU", 0.5),
        ("905-2", "jpn-office-national-visas", "atkg:basedIn", "country-JPN", 0.4),
    ]


def test_studies_undertaken_in_states_programmes_in_regions_and_bodies_set_up_by(gazetteer, nlp):
    text = (
        "1. En janvier 2011, l’ONUDC a terminé les évaluations juridiques nationales qu’il avait entreprises "
        "au Kazakhstan, au Kirghizstan et en Ouzbékistan pour vérifier la législation.\n\n"
        "2. Des programmes conjoints de UN.GIFT sont en cours d’élaboration en Asie centrale et au "
        "Pakistan.\n\n"
        "3. Un groupe de réflexion chargé de promouvoir les partenariats public-privé a été mis en place par "
        "le Ministère indien de la femme et du développement de l’enfant.\n"
    )
    pub = "pub-central-asia-legal-assessments-2011"
    assert facts(text, gazetteer, nlp, {"atkg:implementedIn", "atkg:launchedBy"}) == [
        ("905-1", pub, "atkg:implementedIn", "country-KAZ", 0.45),
        ("905-1", pub, "atkg:implementedIn", "country-KGZ", 0.45),
        ("905-1", pub, "atkg:implementedIn", "country-UZB", 0.45),
        ("905-2", "programme-ungift-joint-programmes", "atkg:implementedIn", "region-central-asia", 0.5),
        ("905-2", "programme-ungift-joint-programmes", "atkg:implementedIn", "country-PAK", 0.5),
        ("905-3", "groupe-reflexion-charge", "atkg:launchedBy", "ind-ministry-women-child-development", 0.6),
    ]


def test_a_quoted_name_after_projet_is_a_new_campaign_and_its_launchers_are_read(gazetteer, nlp):
    from kg.ingest.pipeline import propose

    text = (
        "1. L’OIM et l’organisation non gouvernementale Stop the Traffik ont lancé le projet “Aube Claire”, "
        "qui vise à associer les jeunes à la lutte contre la traite. “Aube Claire” a été présenté à New "
        "York.\n"
    )
    source = parse_document(DocumentInfo("905", "905_x.txt", "T", None, "2012", None), text)
    new = [
        (c["text"], c["proposed_slug"], c["type"])
        for c in propose(source, gazetteer, nlp)
        if c["kind"] == "entity" and not c["entity"]
    ]
    assert new == [("Aube Claire", "campaign-aube-claire", "atkg:Campaign")]
    assert facts(text, gazetteer, nlp, {"atkg:launchedBy"}) == [
        ("905-1", "campaign-aube-claire", "atkg:launchedBy", "iom", 0.7),
        ("905-1", "campaign-aube-claire", "atkg:launchedBy", "stop-the-traffik", 0.7),
    ]


def test_an_organisations_own_campaign_is_launched_by_it_and_only_events_are_hosted(gazetteer, nlp):
    text = (
        "1. De plus en plus d’États ont adopté la Campagne Aube nouvelle contre la traite des êtres humains "
        "de l’ONUDC.\n\n"
        "2. Les programmes conjoints de sensibilisation de UN.GIFT couvrent différentes régions.\n\n"
        "3. Un examen des lois entrepris à la demande de l’ONUDC, sous les auspices de l’UN.GIFT, a "
        "débouché sur un rapport.\n"
    )
    # an initiative's programmes are run by its partners; a review is not an event
    assert facts(text, gazetteer, nlp, {"atkg:launchedBy", "atkg:hostedBy"}) == [
        (
            "905-1",
            "campaign-campagne-aube-nouvelle-traite-etres-humains",
            "atkg:launchedBy",
            "unodc",
            0.45,
        ),
    ]


def test_an_association_or_company_is_based_where_its_own_name_says(gazetteer, nlp):
    text = (
        "1. Les deux commissions comprennent des représentants de l’Association des pêcheurs traditionnels "
        "du Niger et de la Compagnie nationale des transports fluviaux autrichiens.\n\n"
        "2. L’organisation non gouvernementale Association internationale des juristes du Bénin a été "
        "consultée.\n"
    )
    assert facts(text, gazetteer, nlp, {"atkg:basedIn"}) == [
        ("905-1", "association-pecheurs-traditionnels-niger", "atkg:basedIn", "country-NER", 0.5),
        ("905-1", "compagnie-nationale-transports-fluviaux-autrichiens", "atkg:basedIn", "country-AUT", 0.5),
    ]


def test_who_takes_part_in_a_programme_or_campaign_is_its_partner(gazetteer, nlp):
    text = (
        "1. Des programmes conjoints de UN.GIFT sont en cours d’élaboration en Serbie. Y participent, outre "
        "l’OIM, des organismes des Nations Unies qui se consacrent à d’autres aspects de la traite, comme "
        "le Haut-Commissariat des Nations Unies pour les réfugiés et UNIFEM.\n\n"
        "2. L’ONUDC a exécuté la Campagne Cœur bleu, à laquelle participent l’OIT et le PNUD.\n"
    )
    programmes = "programme-ungift-joint-programmes"
    assert facts(text, gazetteer, nlp, {"atkg:partner"}) == [
        ("905-1", programmes, "atkg:partner", "iom", 0.5),
        ("905-1", programmes, "atkg:partner", "unhcr", 0.5),
        ("905-1", programmes, "atkg:partner", "unifem", 0.5),
        ("905-2", "campaign-blue-heart", "atkg:partner", "ilo", 0.5),
        ("905-2", "campaign-blue-heart", "atkg:partner", "undp", 0.5),
    ]


def test_no_state_manages_a_body_and_at_the_national_level_is_no_plan(gazetteer, nlp):
    from kg.ingest.pipeline import propose

    text = (
        "1. La Grèce a mis en place deux mécanismes de coordination, l’un destiné à coordonner les actions "
        "entre services et géré par le Ministère de la justice.\n\n"
        "2. La République tchèque a nommé un rapporteur chargé de coordonner les activités de prévention "
        "menées sur le plan national.\n\n"
        "3. La Campagne Cœur bleu est administrée par des bénévoles en coopération avec l’ONUDC.\n\n"
        "4. Ces activités, menées en Afrique du Sud, permettront de promouvoir la campagne financée par "
        "UN.GIFT.\n"
    )
    # who works "en coopération avec" the managers is a partner, not a manager; a State is not funded
    predicates = {"atkg:managedBy", "atkg:implementedIn", "atkg:partner", "atkg:fundedBy"}
    assert facts(text, gazetteer, nlp, predicates) == [
        ("905-3", "campaign-blue-heart", "atkg:partner", "unodc", 0.55),
    ]
    source = parse_document(DocumentInfo("905", "905_x.txt", "T", None, "2012", None), text)
    assert [
        c["text"] for c in propose(source, gazetteer, nlp) if c["kind"] == "entity" and not c["entity"]
    ] == []


def test_the_host_is_the_subject_not_who_it_acted_with(gazetteer, nlp):
    text = (
        "1. En conséquence, le Ministère japonais des affaires étrangères, en coopération avec l’ONUDC et "
        "d’autres organisations concernées, a accueilli à Tokyo la première réunion de coordination "
        "interinstitutions.\n"
    )
    assert facts(text, gazetteer, nlp, {"atkg:hostedBy", "atkg:partner"}) == [
        (
            "905-1",
            "event-tokyo-inter-agency-meeting-2006",
            "atkg:hostedBy",
            "jpn-ministry-foreign-affairs",
            0.55,
        ),
    ]


def test_neither_the_frame_nor_a_nationality_in_parentheses_hosts(gazetteer, nlp):
    text = (
        "1. Dans le cadre du Conseil économique et social, Sabeeka Bint Ibrahim Al-Khalifa (Bahreïn) a "
        "accueilli le Forum de Vienne.\n"
    )
    assert facts(text, gazetteer, nlp, {"atkg:hostedBy"}) == []


def test_a_study_one_state_publishes_is_undertaken_where_the_text_says(gazetteer, nlp):
    # the label adds the State ("... (Japon)"): the clause after the printed name is still read
    text = (
        "1. Le Japon a publié des études sur le travail forcé qu’il avait entreprises au "
        "Kazakhstan et au Kirghizstan.\n"
    )
    found = facts(text, gazetteer, nlp, {"atkg:implementedIn"})
    assert [(f[2], f[3]) for f in found] == [
        ("atkg:implementedIn", "country-KAZ"),
        ("atkg:implementedIn", "country-KGZ"),
    ]


def test_what_an_agreement_is_about_names_no_party(gazetteer, nlp):
    """Report A: "l'ONUDC et l'Université Chulalongkorn ont signé un mémorandum d'accord portant sur
    la création d'un Centre de recherche": the centre to be created is not a party."""
    text = (
        "1. Le 12 décembre 2013, l’ONUDC et l’Université Chulalongkorn (Bangkok) ont signé un mémorandum "
        "d’accord portant sur la création d’un Centre de recherche sur la traite.\n"
    )
    assert facts(text, gazetteer, nlp, {"atkg:party"}) == [
        ("905-1", "agreement-unodc-universite-chulalongkorn-2013", "atkg:party", "unodc", 0.7),
        (
            "905-1",
            "agreement-unodc-universite-chulalongkorn-2013",
            "atkg:party",
            "universite-chulalongkorn",
            0.7,
        ),
    ]
