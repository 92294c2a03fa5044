"""Competency questions answered by document 003 (report of the Secretary-General E/CN.15/2008/6 on
Economic and Social Council resolution 2006/27, 2008)."""

IN_003 = "FILTER(STRSTARTS(STR(?g), STR(id:passage-003-)))"


def test_who_replied_to_the_2008_survey(ask):
    assert ask(f"""SELECT ?x WHERE {{ GRAPH ?g {{ ?x atkg:contributedTo id:pub-report-sg-e-cn15-2008-6 }}
                                      {IN_003} }}""") == {
        (f"country-{c}",)
        for c in "BLR BGR HRV CUB SLV EST GRC HUN JPN JOR LIE MUS MMR NER OMN NLD PHL POL QAT CZE ROU SVN UKR".split()
    } | {("league-of-arab-states",)}


def test_report_identifier_publisher_and_number_of_replies(ask):
    assert ask("SELECT ?i WHERE { id:pub-report-sg-e-cn15-2008-6 dcterms:identifier ?i }") == {
        ("E/CN.15/2008/6",)
    }
    assert ask(f"""SELECT ?p WHERE {{ GRAPH ?g {{ id:pub-report-sg-e-cn15-2008-6 atkg:publishedBy ?p }}
                                      {IN_003} }}""") == {("un-secretary-general",)}
    assert ask(f"""SELECT ?m ?v WHERE {{ GRAPH ?g {{ ?o atkg:observedEntity id:pub-report-sg-e-cn15-2008-6 ;
                     atkg:measure ?m ; atkg:value ?v }} {IN_003} }}""") == {
        ("measure-states-responding", "23"),
        ("measure-organizations-responding", "1"),
    }


def test_whom_resolution_2006_27_requests_to_act(ask):
    assert ask(f"""SELECT ?x WHERE {{ GRAPH ?g {{ id:resolution-ecosoc-2006-27 atkg:requests ?x }}
                                      {IN_003} }}""") == {("un-secretary-general",), ("unodc",)}
    assert ask(f"""SELECT ?b WHERE {{ GRAPH ?g {{ id:resolution-ecosoc-2006-27 atkg:adoptedBy ?b }}
                                      {IN_003} }}""") == {("ecosoc",)}


def test_states_reporting_ratification_of_the_trafficking_protocol(ask):
    assert ask(f"""SELECT ?c WHERE {{ GRAPH ?g {{ ?c atkg:ratified id:instrument-tip-protocol }}
                                      {IN_003} }}""") == {
        (f"country-{c}",)
        for c in "BLR BGR HRV SLV EST HUN LVA MMR OMN NLD PHL POL ROU".split()  # fn-1 only (not fn-2)
    }


def test_organizations_attending_icat_meetings(ask):
    assert ask("""SELECT ?m WHERE { GRAPH id:passage-003-86 { ?m org:memberOf id:icat } }""") == {
        ("ilo",),
        ("iom",),
        ("unicef",),
        ("unifem",),
        ("un-daw",),
        ("unhcr",),
        ("unfpa",),
        ("ohchr",),
        ("unfip",),
        ("osrsg-caac",),
        ("interpol",),
        ("world-bank",),
        ("instraw",),
        ("unodc",),
    }


def test_how_icat_was_created_and_who_funded_it(ask):
    assert ask(f"""SELECT ?e WHERE {{ GRAPH ?g {{ id:icat atkg:establishedBy ?e }} {IN_003} }}""") == {
        ("event-tokyo-inter-agency-meeting-2006",)
    }
    assert ask(f"""SELECT ?f WHERE {{ GRAPH ?g {{ id:icat atkg:fundedBy ?f }} {IN_003} }}""") == {
        ("country-BLR",)
    }
    assert ask(f"""SELECT ?v ?p WHERE {{ GRAPH ?g {{ ?o atkg:observedEntity id:icat ; atkg:measure id:measure-meetings-held ;
                     atkg:value ?v . OPTIONAL {{ ?o atkg:period ?p }} }} {IN_003} }}""") == {
        ("2", "2007"),
        ("3", "None"),
    }


def test_tokyo_meeting_host_organizers_place_and_date(ask):
    e = "id:event-tokyo-inter-agency-meeting-2006"
    assert ask(f"SELECT ?h WHERE {{ GRAPH ?g {{ {e} atkg:hostedBy ?h }} {IN_003} }}") == {
        ("jpn-ministry-foreign-affairs",)
    }
    assert ask(f"SELECT ?o WHERE {{ GRAPH ?g {{ {e} atkg:organizedBy ?o }} {IN_003} }}") == {
        ("jpn-ministry-foreign-affairs",),
        ("unodc",),
    }
    assert ask(f"""SELECT ?c ?p ?d WHERE {{ GRAPH ?g {{ {e} atkg:location ?c ; atkg:placeName ?p ; atkg:startDate ?d .
                     FILTER(LANG(?p) = "en") }} {IN_003} }}""") == {("country-JPN", "Tokyo", "2006-09")}


def test_members_of_the_dutch_expertise_centre(ask):
    assert ask(f"""SELECT ?m WHERE {{ GRAPH ?g {{ ?m org:memberOf id:nld-expertise-centre-human-trafficking-smuggling }}
                                      {IN_003} }}""") == {
        ("nld-national-crime-squad",),
        ("nld-national-criminal-intelligence-service",),
        ("nld-royal-marechaussee",),
        ("nld-immigration-naturalisation-service",),
        ("nld-social-security-information-investigation-service",),
    }
    assert ask(f"""SELECT ?s WHERE {{ GRAPH ?g {{ ?s org:subOrganizationOf id:nld-national-police-services-agency }}
                                      {IN_003} }}""") == {
        ("nld-national-crime-squad",),
        ("nld-national-criminal-intelligence-service",),
    }


def test_who_coordinates_national_teams_and_committees(ask):
    assert ask(f"""SELECT ?who ?what WHERE {{ GRAPH ?g {{ ?m a org:Membership ; org:member ?who ;
                     org:organization ?what ; org:role atkg:CoordinatorRole }} {IN_003} }}""") == {
        ("grc-ministry-justice", "grc-law-enforcement-coordination-committee"),
        ("pol-department-migration-policy", "pol-trafficking-team"),
        ("pol-general-police-headquarters", "pol-central-team-trafficking"),
    }


def test_national_coordination_mechanisms_by_country(ask):
    assert ask(f"""SELECT ?m ?c WHERE {{ GRAPH ?g {{ ?m a atkg:CoordinationMechanism ; atkg:basedIn ?c }}
                                         {IN_003} }}""") == {
        ("bgr-national-commission-combating-trafficking", "country-BGR"),
        ("hrv-national-committee-trafficking", "country-HRV"),
        ("slv-national-committee-trafficking", "country-SLV"),
        ("est-national-coordination-mechanism", "country-EST"),
        ("lie-national-coordination-mechanism", "country-LIE"),
        ("cze-interdisciplinary-working-group", "country-CZE"),
        ("grc-law-enforcement-coordination-committee", "country-GRC"),
        ("grc-interministerial-coordination-mechanism", "country-GRC"),
        ("pol-trafficking-team", "country-POL"),
        ("pol-central-team-trafficking", "country-POL"),
        ("hun-intersectoral-working-group", "country-HUN"),
        ("lva-national-working-group", "country-LVA"),
        ("ner-national-commission-trafficking", "country-NER"),
        ("ner-national-commission-child-trafficking", "country-NER"),
        ("mmr-national-working-committee-trafficking", "country-MMR"),
        ("mmr-central-committee-illegal-migration", "country-MMR"),
        ("nld-expertise-centre-human-trafficking-smuggling", "country-NLD"),
        ("jpn-visa-information-network", "country-JPN"),
    }


def test_members_of_the_niger_commissions(ask):
    assert ask(f"""SELECT ?c WHERE {{ GRAPH ?g {{ id:ner-association-traditional-chiefs org:memberOf ?c }}
                                      {IN_003} }}""") == {
        ("ner-national-commission-trafficking",),
        ("ner-national-commission-child-trafficking",),
    }


def test_croatia_victims_identified(ask):
    assert ask(f"""SELECT ?v ?p ?s ?e WHERE {{ GRAPH ?g {{ ?o atkg:observedEntity id:country-HRV ;
                     atkg:measure id:measure-victims-identified ; atkg:value ?v .
                     OPTIONAL {{ ?o atkg:period ?p }} OPTIONAL {{ ?o atkg:startDate ?s }} OPTIONAL {{ ?o atkg:endDate ?e }} }}
                     {IN_003} }}""") == {
        ("65", "None", "2002", "2007-01"),
        ("6", "2005", "None", "None"),
        ("13", "2006", "None", "None"),
        ("11", "2007", "None", "None"),
    }


def test_el_salvador_cases_arrests_prosecutions_by_year(ask):
    assert ask(f"""SELECT ?m ?p ?v WHERE {{ GRAPH ?g {{ ?o atkg:observedEntity id:country-SLV ; atkg:measure ?m ;
                     atkg:value ?v ; atkg:period ?p }} {IN_003} }}""") == {
        ("measure-cases-investigated", "2005", "32"),
        ("measure-persons-arrested", "2005", "53"),
        ("measure-persons-prosecuted", "2005", "18"),
        ("measure-cases-investigated", "2006", "67"),
        ("measure-persons-arrested", "2006", "56"),
        ("measure-persons-prosecuted", "2006", "37"),
        ("measure-cases-investigated", "2007", "39"),
        ("measure-persons-arrested", "2007", "30"),
        ("measure-persons-prosecuted", "2007", "6"),
    }


def test_persons_trained_by_country_or_body(ask):
    assert ask(f"""SELECT ?x ?v ?q WHERE {{ GRAPH ?g {{ ?o atkg:observedEntity ?x ; atkg:measure id:measure-persons-trained ;
                     atkg:value ?v . OPTIONAL {{ ?o atkg:valueQualifier ?q }} }} {IN_003} }}""") == {
        ("country-HRV", "26", "None"),
        ("country-LVA", "769", "None"),
        ("mmr-mobile-training-team", "500", "more-than"),
        ("country-ROU", "3800", "more-than"),
    }


def test_myanmar_figures_july_2002_to_october_2007(ask):
    assert ask(f"""SELECT ?m ?v WHERE {{ GRAPH ?g {{ ?o atkg:observedEntity id:country-MMR ; atkg:measure ?m ;
                     atkg:value ?v ; atkg:startDate "2002-07"^^xsd:gYearMonth ; atkg:endDate "2007-10"^^xsd:gYearMonth }}
                     {IN_003} }}""") == {
        ("measure-trafficking-cases-recorded", "1037"),
        ("measure-offenders-recorded", "2078"),
        ("measure-victims-rescued", "5513"),
    }


def test_league_of_arab_states_workshop(ask):
    e = "id:event-las-workshop-arab-legislation-2007"
    assert ask(
        f"SELECT ?o ?d WHERE {{ GRAPH ?g {{ {e} atkg:organizedBy ?o ; atkg:startDate ?d }} {IN_003} }}"
    ) == {("league-of-arab-states", "2007-10")}
    assert ask(f"""SELECT ?v ?u WHERE {{ GRAPH ?g {{ ?o atkg:observedEntity {e} ; atkg:measure id:measure-countries-participating ;
                     atkg:value ?v ; atkg:unit ?u }} {IN_003} }}""") == {("16", "country")}


def test_partners_of_hungarian_joint_investigations(ask):
    assert ask(f"""SELECT ?p WHERE {{ GRAPH ?g {{ id:programme-hun-joint-investigations atkg:partner ?p }}
                                      {IN_003} }}""") == {
        (f"country-{c}",) for c in "HUN DEU AUT GBR DNK FRA ITA NOR CHE".split()
    }
    assert ask(f"""SELECT ?p WHERE {{ GRAPH ?g {{ id:hun-nbi-trafficking-unit org:subOrganizationOf ?p }}
                                      {IN_003} }}""") == {("hun-national-bureau-of-investigation",)}


def test_national_action_plans_and_laws_adopted_by_states(ask):
    assert ask(f"""SELECT ?x ?c WHERE {{ GRAPH ?g {{ ?x atkg:adoptedBy ?c }}
                     {IN_003} FILTER(STRSTARTS(STR(?c), STR(id:country-))) }}""") == {
        ("instrument-qat-camel-racing-laws-2005", "country-QAT"),
        ("instrument-ukr-trafficking-liability-law-2006", "country-UKR"),
        ("instrument-hrv-victim-services-amendment", "country-HRV"),
        ("instrument-jpn-passport-act", "country-JPN"),
        ("instrument-mmr-anti-trafficking-legislation", "country-MMR"),
        ("plan-hrv-national-strategy", "country-HRV"),
        ("plan-lva-national-strategy", "country-LVA"),
        ("plan-lva-national-action-plan", "country-LVA"),
        ("plan-jpn-national-action-plan", "country-JPN"),
        ("plan-ukr-third-state-programme", "country-UKR"),
        ("pub-slv-housing-assistance-protocol", "country-SLV"),
    }


def test_dutch_agreement_with_press_companies(ask):
    assert ask(f"""SELECT ?p ?d WHERE {{ GRAPH ?g {{ id:agreement-nld-ministry-justice-press-2005 atkg:party ?p ;
                     atkg:startDate ?d }} {IN_003} }}""") == {
        ("nld-ministry-justice", "2005"),
        ("nld-press-companies", "2005"),
    }


def test_publications_of_the_hellenic_police(ask):
    assert ask(
        f"""SELECT ?pub WHERE {{ GRAPH ?g {{ ?pub atkg:publishedBy id:grc-police }} {IN_003} }}"""
    ) == {
        ("pub-grc-police-legislation-documents",),
        ("pub-grc-police-victims-rights-information",),
        ("pub-grc-police-advisory-note",),
    }
    assert ask(f"""SELECT ?v WHERE {{ GRAPH ?g {{ ?o atkg:observedEntity id:pub-grc-police-victims-rights-information ;
                     atkg:measure id:measure-languages ; atkg:value ?v }} {IN_003} }}""") == {("13",)}


def test_romanian_hotline_figures(ask):
    assert ask(f"""SELECT ?m ?v WHERE {{ GRAPH ?g {{ ?o atkg:observedEntity id:rou-trafficking-hotline ; atkg:measure ?m ;
                     atkg:value ?v }} {IN_003} }}""") == {
        ("measure-hotline-calls-received", "551"),
        ("measure-hotline-calls-suspected-trafficking", "36"),
        ("measure-trafficking-cases-uncovered", "8"),
    }
