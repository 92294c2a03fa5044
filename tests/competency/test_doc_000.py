"""Competency questions answered by document 000: report of the Secretary-General on General
Assembly resolution 61/180 (2008) — ICAT, the Global Migration Group, UN.GIFT and its Steering
Committee. Answers are read from the text; queries are restricted to 000's passage graphs where
other documents may add answers."""

IN_000 = "FILTER(STRSTARTS(STR(?g), STR(id:passage-000-)))"


def test_icat_members_attending_its_meetings(ask):
    # 11: representatives present at the three meetings held so far
    assert ask(f"SELECT ?m WHERE {{ GRAPH ?g {{ ?m org:memberOf id:icat }} {IN_000} }}") == {
        ("un-daw",),
        ("osrsg-caac",),
        ("ohchr",),
        ("unodc",),
        ("unicef",),
        ("unifem",),
        ("unfpa",),
        ("unhcr",),
        ("unfip",),
        ("instraw",),
        ("ilo",),
        ("world-bank",),
        ("iom",),
        ("interpol",),
    }


def test_gmg_members(ask):
    # 13: the thirteen agencies and the five regional commissions of the Secretariat
    assert ask(f"SELECT ?m WHERE {{ GRAPH ?g {{ ?m org:memberOf id:gmg }} {IN_000} }}") == {
        ("un-desa",),
        ("ohchr",),
        ("unodc",),
        ("undp",),
        ("unctad",),
        ("unesco",),
        ("unfpa",),
        ("unhcr",),
        ("unicef",),
        ("unitar",),
        ("world-bank",),
        ("iom",),
        ("ilo",),
        ("eca",),
        ("unece",),
        ("eclac",),
        ("escap",),
        ("escwa",),
    }


def test_gmg_members_that_belong_to_the_secretariat(ask):
    # 13: DESA "du Secrétariat" and "les cinq commissions régionales du Secrétariat"
    assert ask(f"""SELECT ?m WHERE {{ GRAPH ?g {{ ?m org:memberOf id:gmg ;
                                          org:subOrganizationOf id:un-secretariat }} {IN_000} }}""") == {
        ("un-desa",),
        ("eca",),
        ("unece",),
        ("eclac",),
        ("escap",),
        ("escwa",),
    }


def test_number_of_regional_commissions_in_gmg(ask):
    assert ask(f"""SELECT ?v WHERE {{ GRAPH ?g {{ ?o atkg:observedEntity id:gmg ;
        atkg:measure id:measure-regional-commissions-members ; atkg:value ?v }} {IN_000} }}""") == {("5",)}


def test_agencies_in_both_icat_and_gmg(ask):
    assert ask(f"""SELECT ?m WHERE {{ GRAPH ?g {{ ?m org:memberOf id:icat }} GRAPH ?h {{ ?m org:memberOf id:gmg }}
        {IN_000} FILTER(STRSTARTS(STR(?h), STR(id:passage-000-))) }}""") == {
        ("ohchr",),
        ("unodc",),
        ("unicef",),
        ("unfpa",),
        ("unhcr",),
        ("ilo",),
        ("world-bank",),
        ("iom",),
    }


def test_founders_of_the_ungift_steering_committee(ask):
    # 17: "créé par les représentants du HCR, de l'ONUDC, de l'UNICEF, de l'OIT, de l'OSCE et de l'OIM"
    assert ask(
        f"SELECT ?f WHERE {{ GRAPH ?g {{ id:ungift-steering-committee atkg:launchedBy ?f }} {IN_000} }}"
    ) == {
        ("unhcr",),
        ("unodc",),
        ("unicef",),
        ("ilo",),
        ("osce",),
        ("iom",),
    }
    assert ask(f"""SELECT ?f WHERE {{ GRAPH ?g {{ ?m org:member ?f ; org:organization id:ungift-steering-committee ;
        org:role atkg:FounderRole }} {IN_000} }}""") == {
        ("unhcr",),
        ("unodc",),
        ("unicef",),
        ("ilo",),
        ("osce",),
        ("iom",),
    }


def test_members_of_icat_gmg_and_steering_committee(ask):
    assert (
        ask(f"""SELECT ?m WHERE {{
        GRAPH ?g {{ ?m org:memberOf id:icat }} GRAPH ?h {{ ?m org:memberOf id:gmg }}
        GRAPH ?k {{ ?m org:memberOf id:ungift-steering-committee }}
        {IN_000} FILTER(STRSTARTS(STR(?h), STR(id:passage-000-)) && STRSTARTS(STR(?k), STR(id:passage-000-))) }}""")
        == {
            ("unodc",),
            ("unicef",),
            ("unhcr",),
            ("ilo",),
            ("iom",),
        }
    )


def test_who_coordinates_icat(ask):
    # 4: the Secretary-General is to entrust the coordination of ICAT to the Executive Director of UNODC
    assert ask(f"""SELECT ?c WHERE {{ GRAPH ?g {{ ?m org:member ?c ; org:organization id:icat ;
        org:role atkg:CoordinatorRole . ?c atkg:coordinates id:icat }} {IN_000} }}""") == {("unodc",)}


def test_where_and_when_icat_was_created(ask):
    # 9-10: created at the first inter-agency coordination meeting, Tokyo, 26-27 September 2006
    assert ask(f"""SELECT ?e ?start ?end ?city WHERE {{ GRAPH ?g {{ id:icat atkg:establishedBy ?e }}
        GRAPH ?h {{ ?e atkg:startDate ?start ; atkg:endDate ?end ; atkg:placeName ?city FILTER(LANG(?city) = "en") }}
        {IN_000} FILTER(STRSTARTS(STR(?h), STR(id:passage-000-9))) }}""") == {
        ("event-tokyo-inter-agency-meeting-2006", "2006-09-26", "2006-09-27", "Tokyo"),
    }


def test_host_and_organisers_of_tokyo_meeting(ask):
    assert ask(
        f"""SELECT ?h WHERE {{ GRAPH ?g {{ id:event-tokyo-inter-agency-meeting-2006 atkg:hostedBy ?h }} {IN_000} }}"""
    ) == {("jpn-ministry-foreign-affairs",)}
    assert ask(
        f"""SELECT ?o WHERE {{ GRAPH ?g {{ id:event-tokyo-inter-agency-meeting-2006 atkg:organizedBy ?o }} {IN_000} }}"""
    ) == {("jpn-ministry-foreign-affairs",), ("unodc",)}
    assert ask(
        f"""SELECT ?c WHERE {{ GRAPH ?g {{ id:event-tokyo-inter-agency-meeting-2006 atkg:location ?c }} {IN_000} }}"""
    ) == {("country-JPN",)}


def test_icat_meetings_held(ask):
    # 11: two meetings in New York in 2007; three meetings held so far
    assert ask(f"""SELECT ?v WHERE {{ GRAPH ?g {{ ?o atkg:observedEntity id:icat ; atkg:measure id:measure-meetings-held ;
        atkg:value ?v }} {IN_000} }}""") == {("2",), ("3",)}
    assert ask(f"""SELECT ?v WHERE {{ GRAPH ?g {{ ?o atkg:observedEntity id:icat ; atkg:measure id:measure-meetings-held ;
        atkg:value ?v ; atkg:period "2007"^^xsd:gYear }} {IN_000} }}""") == {("2",)}


def test_who_funded_icat_and_ungift(ask):
    # 11: the Government of Belarus; 17: the Crown Prince of Abu Dhabi made UN.GIFT possible
    assert ask(f"SELECT ?f WHERE {{ GRAPH ?g {{ id:icat atkg:fundedBy ?f }} {IN_000} }}") == {
        ("country-BLR",)
    }
    assert ask(f"SELECT ?f WHERE {{ GRAPH ?g {{ id:ungift atkg:fundedBy ?f }} {IN_000} }}") == {
        ("crown-prince-abu-dhabi",)
    }


def test_ungift_launch_date_according_to_000(ask):
    # 14: "lancée en mars 2008" (document 004 says March 2007: a conflict kept in both graphs)
    assert ask(f"SELECT ?d WHERE {{ GRAPH ?g {{ id:ungift atkg:launchDate ?d }} {IN_000} }}") == {
        ("2008-03",)
    }


def test_vienna_forum_dates_and_sessions(ask):
    assert ask(f"""SELECT ?s ?e WHERE {{ GRAPH ?g {{ id:event-vienna-forum-2008 atkg:startDate ?s ; atkg:endDate ?e }}
        {IN_000} }}""") == {("2008-02-13", "2008-02-15")}
    assert ask(f"""SELECT ?v WHERE {{ GRAPH ?g {{ ?o atkg:observedEntity id:event-vienna-forum-2008 ;
        atkg:measure id:measure-sessions-organized ; atkg:value ?v }} {IN_000} }}""") == {("28",)}
    assert ask(
        f"SELECT ?p WHERE {{ GRAPH ?g {{ id:event-vienna-forum-2008 atkg:outcome ?p }} {IN_000} }}"
    ) == {("pub-vienna-forum-report",)}
    assert ask(
        f"SELECT ?o WHERE {{ GRAPH ?g {{ id:event-vienna-forum-2008 atkg:organizedBy ?o }} {IN_000} }}"
    ) == {("ungift",)}


def test_resolution_61_180(ask):
    assert ask(f"""SELECT ?by ?d ?n WHERE {{ GRAPH ?g {{ id:resolution-ga-61-180 atkg:adoptedBy ?by ;
        dcterms:date ?d ; dcterms:identifier ?n }} {IN_000} }}""") == {
        ("un-general-assembly", "2006-12-20", "61/180")
    }
    assert ask(f"SELECT ?x WHERE {{ GRAPH ?g {{ id:resolution-ga-61-180 atkg:requests ?x }} {IN_000} }}") == {
        ("un-secretary-general",),
        ("unodc",),
    }


def test_ecosoc_resolution_2006_27(ask):
    assert ask(f"""SELECT ?by ?d WHERE {{ GRAPH ?g {{ id:resolution-ecosoc-2006-27 atkg:adoptedBy ?by ;
        dcterms:date ?d }} {IN_000} }}""") == {("ecosoc", "2006-07-27")}
    assert ask(
        f"SELECT ?x WHERE {{ GRAPH ?g {{ id:resolution-ecosoc-2006-27 atkg:requests ?x }} {IN_000} }}"
    ) == {("unodc",)}


def test_unodc_partner_entities(ask):
    # 8: "Les entités partenaires sont notamment ..."
    assert ask(f"""SELECT ?p WHERE {{ GRAPH ?g {{ id:agreement-unodc-anti-trafficking-partners atkg:party ?p }}
        {IN_000} FILTER(?p != id:unodc) }}""") == {
        ("unicef",),
        ("undp",),
        ("ohchr",),
        ("unhcr",),
        ("ilo",),
        ("iom",),
        ("interpol",),
    }


def test_unodc_in_osce_alliance(ask):
    assert (
        ask(f"""SELECT ?team ?alliance ?parent WHERE {{ GRAPH ?g {{ id:unodc org:memberOf ?team .
        ?team org:subOrganizationOf ?alliance . ?alliance org:subOrganizationOf ?parent }} {IN_000} }}""")
        == {
            ("osce-alliance-expert-coordination-team", "osce-alliance-against-trafficking", "osce"),
        }
    )


def test_ccpcj_seventeenth_session(ask):
    # 3: the report E/CN.15/2008/6 went to the CCPCJ at its seventeenth session, Vienna, 14-18 April 2008
    assert (
        ask(f"""SELECT ?o ?s ?e ?c WHERE {{ GRAPH ?g {{ id:event-ccpcj-17-2008 atkg:organizedBy ?o ;
        atkg:startDate ?s ; atkg:endDate ?e ; atkg:placeName ?c FILTER(LANG(?c) = "en") }} {IN_000} }}""")
        == {("ccpcj", "2008-04-14", "2008-04-18", "Vienna")}
    )
    assert ask(
        f"""SELECT ?by WHERE {{ GRAPH ?g {{ id:pub-report-sg-e-cn15-2008-6 atkg:publishedBy ?by }} {IN_000} }}"""
    ) == {("un-secretary-general",)}


def test_minsk_conference_and_declaration(ask):
    assert ask(f"""SELECT ?d ?c ?out WHERE {{ GRAPH ?g {{ ?e atkg:placeName "Minsk"@en ; atkg:startDate ?d ;
        atkg:location ?c ; atkg:outcome ?out }} {IN_000} }}""") == {
        ("2008-04", "country-BLR", "pub-minsk-final-declaration-2008")
    }


def test_general_assembly_thematic_debate(ask):
    assert ask(f"""SELECT ?e ?d WHERE {{ GRAPH ?g {{ ?e a atkg:Event ; atkg:organizedBy id:un-general-assembly ;
        atkg:startDate ?d }} {IN_000} }}""") == {("event-ga-thematic-debate-tip-2008", "2008-06-03")}


def test_publications_by_unodc_in_000(ask):
    assert ask(f"""SELECT ?p ?d WHERE {{ GRAPH ?g {{ ?p atkg:publishedBy id:unodc OPTIONAL {{ ?p dcterms:date ?d }} }}
        {IN_000} }}""") == {
        ("pub-unodc-global-patterns-tip-2006", "2006"),
        ("pub-ungift-government-data-report-2008", "None"),
    }
