"""Competency questions answered by document 002 (General Assembly resolution "Amélioration de la
coordination de l'action contre la traite des personnes", 2013)."""

IN_002 = "FILTER(STRSTARTS(STR(?g), STR(id:passage-002-)))"
RES = "id:resolution-ga-2013-trafficking-coordination"


def test_icat_members_named_by_the_resolution(ask):
    assert ask(f"SELECT ?m WHERE {{ GRAPH ?g {{ ?m org:memberOf id:icat }} {IN_002} }}") == {
        ("unodc",),
        ("ohchr",),
        ("unhcr",),
        ("unicef",),
        ("un-women",),
        ("ilo",),
        ("iom",),
        ("unep",),
        ("unfpa",),
        ("unesco",),
    }


def test_icat_coordinator_and_the_paragraphs_saying_so(ask):
    assert (
        ask(f"""SELECT ?who ?g WHERE {{ GRAPH ?g {{ ?m a org:Membership ; org:organization id:icat ;
                        org:role atkg:CoordinatorRole ; org:member ?who . ?who atkg:coordinates id:icat }} {IN_002} }}""")
        == {
            ("unodc", "passage-002-preamble-13"),
            ("unodc", "passage-002-8"),
        }
    )


def test_resolution_itself_adopted_by_the_general_assembly(ask):
    # "L'Assemblée générale," opens the preamble; no paragraph states the date of adoption.
    assert ask(f"SELECT ?by WHERE {{ GRAPH ?g {{ {RES} atkg:adoptedBy ?by }} {IN_002} }}") == {
        ("un-general-assembly",),
    }


def test_whom_the_resolution_asks_to_act(ask):
    assert ask(f"SELECT ?who WHERE {{ GRAPH ?g {{ {RES} atkg:requests ?who }} {IN_002} }}") == {
        ("cop-untoc",),
        ("un-secretary-general",),
        ("unodc",),
        ("ccpcj",),
        ("working-group-trafficking-in-persons",),
        ("icat",),
    }


def test_paragraphs_making_requests_of_the_secretary_general(ask):
    assert ask(
        f"SELECT ?g WHERE {{ GRAPH ?g {{ {RES} atkg:requests id:un-secretary-general }} {IN_002} }}"
    ) == {
        ("passage-002-4",),
        ("passage-002-6",),
        ("passage-002-18",),
    }


def test_global_plan_of_action_adoption(ask):
    assert (
        ask(f"""SELECT ?by ?res ?num ?d WHERE {{ GRAPH ?g {{ id:plan-global-plan-of-action atkg:adoptedBy ?by ;
                        atkg:establishedBy ?res ; dcterms:date ?d . ?res dcterms:identifier ?num }} {IN_002} }}""")
        == {
            ("un-general-assembly", "resolution-ga-64-293", "64/293", "2010-07-30"),
        }
    )


def test_earlier_coordination_resolutions_and_their_dates(ask):
    assert (
        ask("""SELECT ?num ?d WHERE { GRAPH id:passage-002-preamble-8 {
                        ?r atkg:adoptedBy id:un-general-assembly ; dcterms:identifier ?num ; dcterms:date ?d } }""")
        == {
            ("61/180", "2006-12-20"),
            ("64/178", "2009-12-18"),
            ("67/190", "2012-12-20"),
        }
    )


def test_other_trafficking_resolutions_listed_in_footnote_8(ask):
    assert ask("""SELECT ?num WHERE { GRAPH id:passage-002-fn-8 {
                        ?r atkg:adoptedBy id:un-general-assembly ; dcterms:identifier ?num } }""") == {
        ("55/67",),
        ("58/137",),
        ("59/166",),
        ("61/144",),
        ("61/180",),
        ("63/156",),
        ("63/194",),
        ("64/178",),
    }


def test_resolutions_of_other_bodies_recalled(ask):
    assert ask(f"""SELECT ?body ?num ?d WHERE {{ GRAPH ?g {{ ?r atkg:adoptedBy ?body ; dcterms:identifier ?num ;
                        dcterms:date ?d }} FILTER(?body != id:un-general-assembly) {IN_002} }}""") == {
        ("ecosoc", "2013/41", "2013-07-25"),
        ("ecosoc", "1980/67", "1980-07-25"),
        ("human-rights-council", "23/5", "2013-06-13"),
    }


def test_world_day_against_trafficking(ask):
    assert ask(f"""SELECT ?by ?start WHERE {{ GRAPH ?g {{ id:event-world-day-against-trafficking
                        atkg:establishedBy ?by ; atkg:startDate ?start }} {IN_002} }}""") == {
        ("resolution-ga-2013-trafficking-coordination", "2014"),
    }


def test_trust_fund_manager_and_founding_act(ask):
    assert ask(f"""SELECT ?p ?o WHERE {{ GRAPH ?g {{ id:un-trust-fund-trafficking-victims ?p ?o }}
                        FILTER(?p IN (atkg:managedBy, atkg:establishedBy)) {IN_002} }}""") == {
        ("https://w3id.org/atkg/ontology#managedBy", "unodc"),
        ("https://w3id.org/atkg/ontology#establishedBy", "resolution-ga-64-293"),
    }


def test_global_reports_on_trafficking_published_by_unodc(ask):
    assert ask(f"""SELECT ?pub ?d WHERE {{ GRAPH ?g {{ ?pub atkg:publishedBy id:unodc ; dcterms:date ?d }}
                        {IN_002} }}""") == {
        ("pub-global-report-tip-2012", "2012"),
        ("pub-global-report-tip-2014", "2014"),
    }


def test_meetings_held_in_vienna(ask):
    assert ask(f"""SELECT ?e ?org ?s ?end WHERE {{ GRAPH ?g {{ ?e atkg:placeName "Vienna"@en ; atkg:organizedBy ?org ;
                        atkg:startDate ?s ; atkg:endDate ?end }} {IN_002} }}""") == {
        ("event-cop-6-2012", "cop-untoc", "2012-10-15", "2012-10-19"),
        ("event-wg-tip-5-2013", "working-group-trafficking-in-persons", "2013-11-06", "2013-11-08"),
    }


def test_high_level_dialogue_on_migration(ask):
    assert ask(f"""SELECT ?s ?end ?out WHERE {{ GRAPH ?g {{ id:event-hld-migration-development-2013
                        atkg:startDate ?s ; atkg:endDate ?end ; atkg:outcome ?out }} {IN_002} }}""") == {
        ("2013-10-03", "2013-10-04", "resolution-ga-68-4"),
    }


def test_summits_and_their_outcome_resolutions(ask):
    assert ask(f"""SELECT ?e ?num WHERE {{ GRAPH ?g {{ ?e a atkg:Event }} GRAPH ?h {{ ?e atkg:outcome ?r }}
                        GRAPH ?k {{ ?r dcterms:identifier ?num }} {IN_002}
                        FILTER(STRSTARTS(STR(?h), STR(id:passage-002-)) && STRSTARTS(STR(?k), STR(id:passage-002-)))
                        FILTER(?num != "68/4") }}""") == {
        ("event-millennium-summit-2000", "55/2"),
        ("event-world-summit-2005", "60/1"),
        ("event-hlpm-mdgs-2010", "65/1"),
    }


def test_general_assembly_meetings_and_their_dates(ask):
    assert ask(f"""SELECT ?e ?s ?end WHERE {{ GRAPH ?g {{ ?e atkg:organizedBy id:un-general-assembly ;
                        atkg:startDate ?s ; atkg:endDate ?end }} {IN_002} }}""") == {
        ("event-hlpm-mdgs-2010", "2010", "2010"),
        ("event-ga-high-level-meeting-global-plan-2013", "2013-05-13", "2013-05-15"),
    }


def test_special_rapporteur_report(ask):
    assert (
        ask(f"""SELECT ?parent ?sym WHERE {{ GRAPH ?g {{ id:special-rapporteur-trafficking org:subOrganizationOf ?parent }}
                        GRAPH ?h {{ ?pub atkg:publishedBy id:special-rapporteur-trafficking }}
                        GRAPH ?k {{ ?pub dcterms:identifier ?sym }} {IN_002}
                        FILTER(STRSTARTS(STR(?h), STR(id:passage-002-)) && STRSTARTS(STR(?k), STR(id:passage-002-))) }}""")
        == {
            ("human-rights-council", "A/HRC/23/48"),
        }
    )


def test_document_symbols_of_reports_and_guidelines_cited(ask):
    assert ask(f"""SELECT ?pub ?sym WHERE {{ GRAPH ?g {{ ?pub dcterms:identifier ?sym }} ?pub a atkg:Publication .
                        {IN_002} }}""") == {
        ("pub-principles-guidelines-human-rights-trafficking", "E/2002/68/Add.1"),
        ("pub-sr-trafficking-report-a-hrc-23-48", "A/HRC/23/48"),
        ("pub-sg-report-a-68-127", "A/68/127"),
        ("pub-cop-6-report", "CTOC/COP/2012/15"),
    }


def test_guidance_published_by_un_agencies(ask):
    assert ask(f"""SELECT ?pub ?by WHERE {{ GRAPH ?g {{ ?pub atkg:publishedBy ?by }}
                        FILTER(?by IN (id:ohchr, id:unicef, id:un-secretary-general)) {IN_002} }}""") == {
        ("pub-ohchr-commentary-principles-guidelines", "ohchr"),
        ("pub-unicef-guidelines-child-victims", "unicef"),
        ("pub-sg-report-a-68-127", "un-secretary-general"),
    }


def test_global_plan_appraised_every_four_years(ask):
    assert (
        ask(f"""SELECT ?v ?u WHERE {{ GRAPH ?g {{ ?o atkg:observedEntity id:plan-global-plan-of-action ;
                        atkg:measure id:measure-appraisal-interval ; atkg:value ?v ; atkg:unit ?u }} {IN_002} }}""")
        == {
            ("4", "year"),
        }
    )


def test_treaty_series_references_of_the_instruments_recalled(ask):
    assert ask(f"""SELECT ?i ?ref WHERE {{ GRAPH ?g {{ ?i dcterms:identifier ?ref }} ?i a atkg:LegalInstrument .
                        {IN_002} }}""") == {
        ("instrument-untoc", "Nations Unies, Recueil des Traités, vol. 2225, no 39574"),
        ("instrument-tip-protocol", "Nations Unies, Recueil des Traités, vol. 2237, no 39574"),
        ("instrument-crc-opsc", "Nations Unies, Recueil des Traités, vol. 2171, no 27531"),
        (
            "instrument-supplementary-slavery-convention",
            "Nations Unies, Recueil des Traités, vol. 266, no 3822",
        ),
    }
