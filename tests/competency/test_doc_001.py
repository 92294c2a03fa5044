"""Competency questions answered by document 001 (UNODC report CTOC/COP/2012/2 to the sixth session
of the Conference of the Parties, 2012)."""

IN_001 = "FILTER(STRSTARTS(STR(?g), STR(id:passage-001-)))"


def test_agreements_signed_by_unodc_in_april_2012(ask):
    assert ask(f"""SELECT ?a ?type ?other WHERE {{ GRAPH ?g {{
                      ?a atkg:party id:unodc , ?other ; a ?type ; dcterms:date "2012-04"^^xsd:gYearMonth }}
                      FILTER(?other != id:unodc) {IN_001} }}""") == {
        ("agreement-unodc-unwto-2012", "https://w3id.org/atkg/ontology#MemorandumOfUnderstanding", "unwto"),
        ("agreement-unodc-frontex-2012", "https://w3id.org/atkg/ontology#WorkingArrangement", "frontex"),
        ("agreement-unodc-iom-2012", "https://w3id.org/atkg/ontology#CooperationAgreement", "iom"),
    }


def test_partners_of_unodc_in_any_agreement(ask):
    assert ask(f"""SELECT DISTINCT ?other WHERE {{ GRAPH ?g {{ ?a atkg:party id:unodc , ?other }}
                      FILTER(?other != id:unodc) {IN_001} }}""") == {
        ("unwto",),
        ("frontex",),
        ("iom",),
        ("lawyers-without-borders",),
    }


def test_ratifications_of_tip_protocol_with_year(ask):
    assert ask(f"""SELECT ?c ?y WHERE {{ GRAPH ?g {{ ?r atkg:ratifyingState ?c ;
                      atkg:instrument id:instrument-tip-protocol ; dcterms:date ?y }} {IN_001} }}""") == {
        ("country-GRC", "2011"),
        ("country-HTI", "2011"),
        ("country-IND", "2011"),
        ("country-FSM", "2011"),
        ("country-MAR", "2011"),
        ("country-BDI", "2012"),
        ("country-ETH", "2012"),
        ("country-VNM", "2012"),
    }


def test_number_of_states_parties_to_tip_protocol(ask):
    assert ask(f"""SELECT ?v WHERE {{ GRAPH ?g {{ ?o atkg:observedEntity id:instrument-tip-protocol ;
                      atkg:measure id:measure-states-parties ; atkg:value ?v }} {IN_001} }}""") == {("150",)}


def test_who_coordinates_icat(ask):
    assert ask(f"SELECT ?x WHERE {{ GRAPH ?g {{ ?x atkg:coordinates id:icat }} {IN_001} }}") == {("unodc",)}


def test_icat_working_group(ask):
    assert ask(f"""SELECT ?parent ?d WHERE {{ GRAPH ?g {{ id:icat-working-group org:subOrganizationOf ?parent ;
                      atkg:launchDate ?d }} {IN_001} }}""") == {("icat", "2010")}


def test_events_organized_by_icat_working_group(ask):
    assert ask(f"""SELECT ?e ?place ?d WHERE {{ GRAPH ?g {{ ?e atkg:organizedBy id:icat-working-group ;
                      atkg:location ?place ; atkg:startDate ?d }} {IN_001} }}""") == {
        ("event-icat-briefing-geneva-2011", "country-CHE", "2011-06")
    }


def test_unodc_chairs_gmg_second_half_2012(ask):
    assert ask(f"""SELECT ?org ?start ?end WHERE {{ GRAPH ?g {{ ?m org:member id:unodc ; org:organization ?org ;
                      org:role atkg:ChairRole ; org:memberDuring ?i .
                      ?i atkg:startDate ?start ; atkg:endDate ?end }} {IN_001} }}""") == {
        ("gmg", "2012-07", "2012-12")
    }


def test_rwanda_joint_programme(ask):
    assert ask(f"""SELECT ?by ?d WHERE {{ GRAPH ?g {{ ?p atkg:implementedIn id:country-RWA ;
                      dcterms:isPartOf id:programme-ungift-joint-programmes ;
                      atkg:launchedBy ?by ; atkg:launchDate ?d }} {IN_001} }}""") == {
        ("unodc", "2011-11"),
        ("iom", "2011-11"),
    }


def test_where_ungift_joint_programmes_run(ask):
    assert ask(f"""SELECT ?p ?c WHERE {{ GRAPH ?g {{ ?p dcterms:isPartOf id:programme-ungift-joint-programmes ;
                      atkg:implementedIn ?c }} {IN_001} }}""") == {
        ("programme-ungift-rwanda-burundi", "country-RWA"),  # one node with 004 §61's (kg/data/README.md)
        ("programme-ungift-argentina-bolivia", "country-BOL"),
        ("programme-ungift-egypt", "country-EGY"),
        ("programme-ungift-pakistan", "country-PAK"),
        ("programme-ungift-serbia", "country-SRB"),
        ("programme-ungift-central-asia", "region-central-asia"),
    }


def test_events_co_organized_with_unodc(ask):
    assert ask(f"""SELECT ?e ?other ?d WHERE {{ ?e a atkg:Event . GRAPH ?g {{ ?e atkg:organizedBy id:unodc , ?other ;
                      atkg:startDate ?d }} FILTER(?other != id:unodc) {IN_001} }}""") == {
        ("event-unodc-unwto-tourism-2012", "unwto", "2012-04"),
        ("event-albania-consular-workshop-2011", "iom", "2011-12"),
    }


def test_unodc_publications_with_dates(ask):
    assert ask(f"""SELECT ?p ?d WHERE {{ GRAPH ?g {{ ?p atkg:publishedBy id:unodc ; dcterms:date ?d }}
                      {IN_001} }}""") == {
        ("plan-unodc-strategy-tip-som-2012", "2012-02"),
        ("pub-model-law-tip", "2009"),
        ("pub-central-asia-legal-assessments-2011", "2011-01"),
        ("pub-first-aid-kit", "2011"),
        ("pub-global-report-tip-2012", "2012"),
        ("pub-tip-case-law-database", "2011-10"),
        ("pub-fishing-industry-issue-paper-2011", "2011-04"),
        ("pub-ungift-knowledge-portal", "2010"),
    }


def test_central_asia_legal_assessments_countries(ask):
    assert ask(f"""SELECT ?c WHERE {{ GRAPH ?g {{ id:pub-central-asia-legal-assessments-2011 atkg:implementedIn ?c }}
                      {IN_001} }}""") == {
        ("country-KAZ",),
        ("country-KGZ",),
        ("country-UZB",),
        ("country-TJK",),
        ("country-TKM",),
    }


def test_case_law_database_figures(ask):
    assert ask(f"""SELECT ?m ?v ?q WHERE {{ GRAPH ?g {{ ?o atkg:observedEntity id:pub-tip-case-law-database ;
                      atkg:measure ?m ; atkg:value ?v ; atkg:valueQualifier ?q }} {IN_001} }}""") == {
        ("measure-cases-documented", "400", "more-than"),
        ("measure-case-summaries-to-upload", "300", "more-than"),
    }


def test_trust_fund_manager_and_small_grants_figures(ask):
    assert ask(
        f"SELECT ?m WHERE {{ GRAPH ?g {{ id:un-trust-fund-trafficking-victims atkg:managedBy ?m }} {IN_001} }}"
    ) == {("unodc",)}
    assert ask(f"""SELECT ?m ?v ?u WHERE {{ GRAPH ?g {{ ?o atkg:observedEntity id:un-trust-fund-small-grants-facility ;
                      atkg:measure ?m ; atkg:value ?v ; atkg:unit ?u }} {IN_001} }}""") == {
        ("measure-max-grant-per-year", "25000", "USD"),
        ("measure-grant-period", "3", "year"),
        ("measure-eligibility-criteria", "2", "criterion"),
        ("measure-applications-received", "250", "application"),
        ("measure-ngos-granted", "11", "organisation"),
    }


def test_small_grants_first_call_dates(ask):
    assert ask(f"""SELECT ?s ?e WHERE {{ GRAPH ?g {{ id:event-small-grants-first-call-2011
                      atkg:organizedBy id:un-trust-fund-small-grants-facility ;
                      atkg:startDate ?s ; atkg:endDate ?e }} {IN_001} }}""") == {("2011-03-08", "2011-04-30")}


def test_award_won_by_ungift_hub(ask):
    assert ask(f"""SELECT ?a ?d WHERE {{ GRAPH ?g {{ ?a atkg:awardedTo id:pub-ungift-knowledge-portal ;
                      dcterms:date ?d }} {IN_001} }}""") == {("award-un21", "2011-01")}


def test_countries_whose_practitioners_took_unodc_training(ask):
    assert ask(f"""SELECT ?c WHERE {{ GRAPH ?g {{ ?e dcterms:isPartOf id:unodc-global-training-initiative ;
                      atkg:participant ?c }} {IN_001} }}""") == {
        ("country-FJI",),
        ("country-MLI",),
        ("country-PRT",),
        ("country-UKR",),
    }


def test_global_plan_of_action_resolution(ask):
    assert ask(f"""SELECT ?r ?n ?body WHERE {{ GRAPH ?g {{ id:plan-global-plan-of-action atkg:establishedBy ?r .
                      ?r dcterms:identifier ?n ; atkg:adoptedBy ?body }} {IN_001} }}""") == {
        ("resolution-ga-64-293", "64/293", "un-general-assembly")
    }


def test_unodc_section_hierarchy(ask):
    assert ask(f"""SELECT ?parent ?grandparent WHERE {{ GRAPH ?g {{ id:unodc-htmss org:subOrganizationOf ?parent .
                      ?parent org:subOrganizationOf ?grandparent }} {IN_001} }}""") == {
        ("unodc-organized-crime-branch", "unodc")
    }


def test_interagency_mechanisms_unodc_remains_active_in(ask):
    assert ask(f"SELECT ?m WHERE {{ GRAPH ?g {{ id:unodc org:memberOf ?m }} {IN_001} }}") == {
        ("ungift",),
        ("icat",),
        ("gmg",),
    }


def test_cape_verde_workshop(ask):
    assert ask(f"""SELECT ?loc ?d ?p WHERE {{ GRAPH ?g {{ id:event-cape-verde-legislation-workshop-2012 atkg:location ?loc ;
                      atkg:startDate ?d ; atkg:participant ?p }} {IN_001} }}""") == {
        ("country-CPV", "2012-03", "country-BEN"),
        ("country-CPV", "2012-03", "country-GIN"),
        ("country-CPV", "2012-03", "country-TGO"),
    }


def test_unodc_activity_figures(ask):
    assert ask(f"""SELECT ?m ?v ?q WHERE {{ GRAPH ?g {{ ?o atkg:observedEntity id:unodc ; atkg:measure ?m ;
                      atkg:value ?v ; atkg:valueQualifier ?q }} {IN_001} }}""") == {
        ("measure-countries-assisted", "80", "more-than"),
        ("measure-downloads", "80000", "more-than"),
        ("measure-training-workshops", "23", "more-than"),
    }
