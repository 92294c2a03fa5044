"""Competency questions answered by document 004 (report on UN.GIFT to the fifth session of the COP, 2010)."""

IN_004 = "FILTER(STRSTARTS(STR(?g), STR(id:passage-004-)))"


def test_founders_of_ungift(ask):
    assert ask(f"SELECT ?f WHERE {{ GRAPH ?g {{ id:ungift atkg:launchedBy ?f }} {IN_004} }}") == {
        ("unicef",),
        ("ohchr",),
        ("unodc",),
        ("ilo",),
        ("iom",),
        ("osce",),
    }


def test_ungift_launch_date(ask):
    assert ask(f"SELECT ?d WHERE {{ GRAPH ?g {{ id:ungift atkg:launchDate ?d }} {IN_004} }}") == {
        ("2007-03",)
    }


def test_donors_of_ungift(ask):
    assert ask(f"SELECT ?d WHERE {{ GRAPH ?g {{ id:ungift atkg:fundedBy ?d }} {IN_004} }}") == {
        ("country-ARE",),
        ("country-AUS",),
        ("country-AUT",),
        ("country-CAN",),
        ("unicef",),
        ("unifem",),
        ("undp",),
        ("unfip",),
    }


def test_funders_of_serbia_joint_programme(ask):
    assert ask(
        f"SELECT ?f WHERE {{ GRAPH ?g {{ id:programme-ungift-serbia atkg:fundedBy ?f }} {IN_004} }}"
    ) == {("country-BEL",), ("country-CHE",)}


def test_where_ungift_joint_programmes_are_developed(ask):
    assert ask(f"""SELECT ?p ?c WHERE {{ GRAPH ?g {{ ?p dcterms:isPartOf id:programme-ungift-joint-programmes ;
                                                   atkg:implementedIn ?c }} {IN_004} }}""") == {
        ("programme-ungift-argentina-bolivia", "country-ARG"),
        ("programme-ungift-argentina-bolivia", "country-BOL"),
        ("programme-ungift-central-asia", "region-central-asia"),
        ("programme-ungift-egypt", "country-EGY"),
        ("programme-ungift-pakistan", "country-PAK"),
        ("programme-ungift-rwanda-burundi", "country-RWA"),
        ("programme-ungift-rwanda-burundi", "country-BDI"),
        ("programme-ungift-serbia", "country-SRB"),
    }


def test_vienna_forum_dates_and_participants(ask):
    assert ask(f"""SELECT ?s ?e WHERE {{ GRAPH ?g {{ id:event-vienna-forum-2008 atkg:startDate ?s ;
                                                   atkg:endDate ?e }} {IN_004} }}""") == {
        ("2008-02-13", "2008-02-15")
    }
    assert (
        ask(f"""SELECT ?v ?q WHERE {{ GRAPH ?g {{ ?o atkg:observedEntity id:event-vienna-forum-2008 ;
                     atkg:measure id:measure-participants ; atkg:value ?v ; atkg:valueQualifier ?q }} {IN_004} }}""")
        == {("1600", "more-than")}
    )


def test_world_cup_campaign_agencies(ask):
    assert ask(
        f"SELECT ?a WHERE {{ GRAPH ?g {{ id:campaign-world-cup-2010 atkg:launchedBy ?a }} {IN_004} }}"
    ) == {("ilo",), ("ohchr",), ("unifem",), ("unicef",), ("unodc",), ("iom",)}
    assert ask(
        f"SELECT ?f WHERE {{ GRAPH ?g {{ id:campaign-world-cup-2010 atkg:fundedBy ?f }} {IN_004} }}"
    ) == {("ungift",)}


def test_creators_of_business_leader_award(ask):
    assert ask(
        f"SELECT ?c WHERE {{ GRAPH ?g {{ id:award-business-leader atkg:launchedBy ?c }} {IN_004} }}"
    ) == {("end-human-trafficking-now",), ("ungift",), ("un-global-compact",)}


def test_private_sector_partners_of_ungift(ask):
    assert ask(f"SELECT ?p WHERE {{ GRAPH ?g {{ id:ungift atkg:partner ?p }} {IN_004} }}") == {
        ("eurolines",),
        ("hilton-vienna",),
        ("qatar-airways",),
        ("south-african-airways",),
        ("obb",),
    }


def test_members_of_indian_think_tank(ask):
    assert ask(f"""SELECT ?m WHERE {{ GRAPH ?g {{ ?m org:memberOf id:ind-think-tank-public-private-partnerships }}
                   {IN_004} }}""") == {
        ("ind-ministry-home-affairs",),
        ("ind-ministry-commerce-industry",),
        ("ind-ministry-labour-tourism",),
        ("unodc",),
        ("iom",),
        ("pata",),
        ("apparel-export-promotion-council",),
    }
    assert ask("SELECT ?l WHERE { id:ind-think-tank-public-private-partnerships atkg:launchedBy ?l }") == {
        ("ind-ministry-women-child-development",)
    }


def test_leads_of_expert_group_initiatives(ask):
    assert (
        ask(f"""SELECT ?m WHERE {{ GRAPH ?g {{ ?x a org:Membership ; org:member ?m ;
                     org:organization id:ungift-expert-group-initiatives ; org:role atkg:CoordinatorRole }} {IN_004} }}""")
        == {("ilo",), ("iom",), ("osce",), ("unicef",), ("unodc",)}
    )


def test_expert_group_tools_and_publishers(ask):
    assert (
        ask("""SELECT ?p ?a WHERE { GRAPH ?g { ?p atkg:publishedBy ?a }
                   FILTER(?g IN (id:passage-004-64, id:passage-004-65, id:passage-004-66, id:passage-004-67,
                                 id:passage-004-68, id:passage-004-69, id:passage-004-70, id:passage-004-71)) }""")
        == {
            ("pub-forced-labour-handbook-employers", "ilo"),
            ("pub-training-manual-child-trafficking", "ilo"),
            ("pub-training-manual-child-trafficking", "unicef"),
            ("pub-ilo-guidelines-mou-cooperation", "ilo"),
            ("pub-caring-for-trafficked-persons", "iom"),
            ("pub-caring-for-trafficked-persons", "lshtm"),
            ("pub-osce-business-model-trafficking", "osce"),
            ("pub-model-law-tip", "unodc"),
            ("pub-tip-manual-criminal-justice", "unodc"),
            ("pub-first-aid-kit", "unodc"),
        }
    )


def test_small_grants_facility_figures(ask):
    assert ask(
        f"SELECT ?d WHERE {{ GRAPH ?g {{ id:ungift-small-grants-facility atkg:launchDate ?d }} {IN_004} }}"
    ) == {("2010-03-01",)}
    assert ask(f"""SELECT ?m ?v WHERE {{ GRAPH ?g {{ ?o atkg:observedEntity id:ungift-small-grants-facility ;
                     atkg:measure ?m ; atkg:value ?v }} {IN_004} }}""") == {
        ("measure-ngos-registered", "800"),
        ("measure-countries-submitting-proposals", "76"),
        ("measure-proposals-reviewed", "300"),
        ("measure-proposals-eligible", "223"),
    }


def test_parliamentary_forum_hosts_and_handbook_authors(ask):
    assert ask(
        f"SELECT ?h WHERE {{ GRAPH ?g {{ id:event-vienna-parliamentary-forum-2008 atkg:hostedBy ?h }} {IN_004} }}"
    ) == {("ungift",), ("ipu",), ("aut-parliament",)}
    assert ask(
        f"SELECT ?a WHERE {{ GRAPH ?g {{ id:pub-parliamentarians-handbook atkg:publishedBy ?a }} {IN_004} }}"
    ) == {("unodc",), ("ungift",), ("ipu",)}


def test_human_trafficking_and_business_publishers(ask):
    assert ask(
        f"SELECT ?a WHERE {{ GRAPH ?g {{ id:pub-human-trafficking-and-business atkg:publishedBy ?a }} {IN_004} }}"
    ) == {("ungift",), ("un-global-compact",), ("ilo",), ("iom",)}


def test_private_sector_survey_results(ask):
    assert ask(f"""SELECT ?m ?v ?qq WHERE {{ GRAPH ?g {{ ?o atkg:observedEntity id:pub-private-sector-survey ;
                     atkg:measure ?m ; atkg:value ?v OPTIONAL {{ ?o atkg:valueQualifier ?q }} }} {IN_004}
                     BIND(COALESCE(?q, "exact") AS ?qq) }}""") == {
        ("measure-share-companies-see-serious-supply-chain-threat", "20", "fewer-than"),
        ("measure-share-companies-concerned-risk-reputation", "31", "exact"),
        ("measure-share-companies-anti-trafficking-policy", "60", "fewer-than"),
        ("measure-share-companies-risk-assessment", "18", "exact"),
        ("measure-share-companies-guidance-training-useful", "72", "exact"),
        ("measure-share-companies-senior-commitment-needed", "36", "exact"),
    }


def test_austria_nigeria_exchange_participants(ask):
    assert ask(
        f"SELECT ?p WHERE {{ GRAPH ?g {{ id:event-austria-nigeria-exchange-2008 atkg:participant ?p }} {IN_004} }}"
    ) == {
        ("nga-naptip",),
        ("wotclef",),
        ("country-AUT",),
        ("iom",),
        ("unodc",),
        ("lefo",),
        ("exit-ngo",),
        ("ecpat-international",),
    }


def test_audio_tool_developers(ask):
    assert ask(
        f"SELECT ?a WHERE {{ GRAPH ?g {{ id:pub-audio-messages-tool atkg:publishedBy ?a }} {IN_004} }}"
    ) == {("unodc",), ("ungift",), ("aut-criminal-intelligence-service-organized-crime-division",), ("lefo",)}


def test_start_freedom_launchers_and_global_classroom_countries(ask):
    assert ask(
        f"SELECT ?l WHERE {{ GRAPH ?g {{ id:campaign-start-freedom atkg:launchedBy ?l }} {IN_004} }}"
    ) == {("ungift",), ("stop-the-traffik",)}
    assert ask(f"""SELECT ?c WHERE {{ GRAPH ?g {{ id:event-start-freedom-global-classroom-2010 atkg:implementedIn ?c }}
                   {IN_004} }}""") == {
        ("country-AUS",),
        ("country-BGD",),
        ("country-BEL",),
        ("country-KHM",),
        ("country-HKG",),
        ("country-EGY",),
        ("country-USA",),
        ("country-GBR",),
    }


def test_global_report_contributors_and_date(ask):
    assert ask(
        f"SELECT ?c WHERE {{ GRAPH ?g {{ ?c atkg:contributedTo id:pub-global-report-tip-2009 }} {IN_004} }}"
    ) == {("ilo",), ("iom",)}
    assert ask(
        f"SELECT ?d WHERE {{ GRAPH ?g {{ id:pub-global-report-tip-2009 dcterms:date ?d }} {IN_004} }}"
    ) == {("2009-02",)}


def test_events_in_egypt(ask):
    assert ask(f"SELECT ?e WHERE {{ GRAPH ?g {{ ?e atkg:location id:country-EGY }} {IN_004} }}") == {
        ("event-ungift-awareness-events-2007-2008",),
        ("event-cairo-research-meeting-2008",),
        ("event-wef-middle-east-2008",),
        ("event-luxor-forum-2010",),
    }


def test_manama_conference_outcome_and_host(ask):
    assert ask("""SELECT ?h ?o WHERE { GRAPH ?g1 { id:event-manama-conference-2009 atkg:hostedBy ?h }
                   GRAPH ?g2 { id:event-manama-conference-2009 atkg:outcome ?o } }""") == {
        ("sabeeka-bint-ibrahim-al-khalifa", "pub-manama-declaration")
    }


def test_women_leaders_council_size(ask):
    assert ask(f"""SELECT ?v WHERE {{ GRAPH ?g {{ ?o atkg:observedEntity id:ungift-women-leaders-council ;
                     atkg:measure id:measure-members ; atkg:value ?v }} {IN_004} }}""") == {("33",)}
