# ruff: noqa: E501  (the expected rows are data: one row per line reads best)
"""Every named query's exact answer on the query-pack fixture (tests/data/querypack).

One test per query; its cases are data (parameters, --lang, columns, rows as the table shows
them), so answers on the real curated data can be added as another table later. The facts
behind these answers, and the passages stating them, are listed in tests/data/querypack/README.md.
"""

from __future__ import annotations

import pytest

from kg.output import term_text
from kg.querypack import load_pack, run_by_name
from tests.conftest import ROOT
from tests.querypack_support import built_querypack

# (query, --param values, --lang, columns, rows)
QUERYPACK_CASES = [
    (
        "members-of-mechanism",
        [],
        "en",
        ["member", "member_label", "role", "start", "end", "reported_from", "reported_to", "replaced_by"],
        [
            ("ilo", "International Labour Organization", "member", "", "", "", "", ""),
            ("interpol", "International Criminal Police Organization", "member", "", "", "", "", ""),
            ("iom", "International Organization for Migration", "member", "", "", "", "", ""),
            (
                "ohchr",
                "Office of the United Nations High Commissioner for Human Rights",
                "member",
                "",
                "",
                "",
                "",
                "",
            ),
            ("unfpa", "United Nations Population Fund", "member", "", "", "", "", ""),
            (
                "unhcr",
                "Office of the United Nations High Commissioner for Refugees",
                "member",
                "",
                "",
                "",
                "",
                "",
            ),
            ("unicef", "United Nations Children's Fund", "member", "", "", "", "", ""),
            ("unifem", "United Nations Development Fund for Women", "member", "", "", "", "", ""),
            ("unodc", "United Nations Office on Drugs and Crime", "coordinator", "", "", "", "", ""),
            ("unodc", "United Nations Office on Drugs and Crime", "member", "", "", "", "", ""),
        ],
    ),
    (
        "members-of-mechanism",
        ["mechanism=GMG", "as_of=2012-09-01"],
        "en",
        ["member", "member_label", "role", "start", "end", "reported_from", "reported_to", "replaced_by"],
        [
            ("ilo", "International Labour Organization", "member", "", "", "", "", ""),
            ("iom", "International Organization for Migration", "member", "", "", "", "", ""),
            (
                "ohchr",
                "Office of the United Nations High Commissioner for Human Rights",
                "member",
                "",
                "",
                "",
                "",
                "",
            ),
            ("undp", "United Nations Development Programme", "member", "", "", "", "", ""),
            (
                "unesco",
                "United Nations Educational, Scientific and Cultural Organization",
                "member",
                "",
                "",
                "",
                "",
                "",
            ),
            ("unfpa", "United Nations Population Fund", "member", "", "", "", "", ""),
            (
                "unhcr",
                "Office of the United Nations High Commissioner for Refugees",
                "member",
                "",
                "",
                "",
                "",
                "",
            ),
            ("unicef", "United Nations Children's Fund", "member", "", "", "", "", ""),
            ("unodc", "United Nations Office on Drugs and Crime", "chair", "2012-07", "2012-12", "", "", ""),
            ("unodc", "United Nations Office on Drugs and Crime", "member", "", "", "", "", ""),
        ],
    ),
    (
        "members-of-mechanism",
        ["mechanism=Groupe mondial sur la migration", "as_of=2010"],
        "en",
        ["member", "member_label", "role", "start", "end", "reported_from", "reported_to", "replaced_by"],
        [
            ("ilo", "International Labour Organization", "member", "", "", "", "", ""),
            ("iom", "International Organization for Migration", "member", "", "", "", "", ""),
            (
                "ohchr",
                "Office of the United Nations High Commissioner for Human Rights",
                "member",
                "",
                "",
                "",
                "",
                "",
            ),
            ("undp", "United Nations Development Programme", "member", "", "", "", "", ""),
            (
                "unesco",
                "United Nations Educational, Scientific and Cultural Organization",
                "member",
                "",
                "",
                "",
                "",
                "",
            ),
            ("unfpa", "United Nations Population Fund", "member", "", "", "", "", ""),
            (
                "unhcr",
                "Office of the United Nations High Commissioner for Refugees",
                "member",
                "",
                "",
                "",
                "",
                "",
            ),
            ("unicef", "United Nations Children's Fund", "member", "", "", "", "", ""),
            ("unodc", "United Nations Office on Drugs and Crime", "member", "", "", "", "", ""),
        ],
    ),
    (
        "mechanisms-of-actor",
        [],
        "en",
        ["mechanism", "mechanism_label", "role", "start", "end"],
        [
            ("gmg", "Global Migration Group", "chair", "2012-07", "2012-12"),
            ("gmg", "Global Migration Group", "member", "", ""),
            ("icat", "Inter-Agency Coordination Group against Trafficking in Persons", "coordinator", "", ""),
            ("icat", "Inter-Agency Coordination Group against Trafficking in Persons", "member", "", ""),
            ("ungift-steering-committee", "UN.GIFT Steering Committee", "founder", "", ""),
        ],
    ),
    (
        "mechanisms-of-actor",
        ["actor=OIT"],
        "fr",
        ["mechanism", "mechanism_label", "role", "start", "end"],
        [
            ("gmg", "Groupe mondial sur la migration", "member", "", ""),
            (
                "icat",
                "Groupe interinstitutions de coopération contre la traite des personnes",
                "member",
                "",
                "",
            ),
            (
                "ungift-steering-committee",
                "Comité directeur de l'Initiative mondiale contre la traite des êtres humains",
                "founder",
                "",
                "",
            ),
        ],
    ),
    (
        "members-in-all-mechanisms",
        [],
        "en",
        ["actor", "actor_label"],
        [
            ("ilo", "International Labour Organization"),
            ("iom", "International Organization for Migration"),
            ("ohchr", "Office of the United Nations High Commissioner for Human Rights"),
            ("unfpa", "United Nations Population Fund"),
            ("unhcr", "Office of the United Nations High Commissioner for Refugees"),
            ("unicef", "United Nations Children's Fund"),
            ("unodc", "United Nations Office on Drugs and Crime"),
        ],
    ),
    (
        "members-in-all-mechanisms",
        ["mechanism3=ungift-steering-committee"],
        "en",
        ["actor", "actor_label"],
        [
            ("ilo", "International Labour Organization"),
            ("iom", "International Organization for Migration"),
            ("unhcr", "Office of the United Nations High Commissioner for Refugees"),
            ("unicef", "United Nations Children's Fund"),
            ("unodc", "United Nations Office on Drugs and Crime"),
        ],
    ),
    (
        "mechanism-overlap",
        ["first=GMG", "second=ungift-steering-committee"],
        "en",
        ["actor", "actor_label", "membership"],
        [
            ("ilo", "International Labour Organization", "both"),
            ("iom", "International Organization for Migration", "both"),
            ("unhcr", "Office of the United Nations High Commissioner for Refugees", "both"),
            ("unicef", "United Nations Children's Fund", "both"),
            ("unodc", "United Nations Office on Drugs and Crime", "both"),
            ("ohchr", "Office of the United Nations High Commissioner for Human Rights", "first only"),
            ("undp", "United Nations Development Programme", "first only"),
            ("unesco", "United Nations Educational, Scientific and Cultural Organization", "first only"),
            ("unfpa", "United Nations Population Fund", "first only"),
            ("osce", "Organization for Security and Co-operation in Europe", "second only"),
        ],
    ),
    (
        "coordinators-and-chairs",
        [],
        "en",
        ["mechanism", "mechanism_label", "actor", "actor_label", "role", "start", "end"],
        [
            (
                "gmg",
                "Global Migration Group",
                "unodc",
                "United Nations Office on Drugs and Crime",
                "chair",
                "2012-07",
                "2012-12",
            ),
            (
                "icat",
                "Inter-Agency Coordination Group against Trafficking in Persons",
                "unodc",
                "United Nations Office on Drugs and Crime",
                "coordinator",
                "",
                "",
            ),
        ],
    ),
    (
        "coordinators-and-chairs",
        ["mechanism=ICAT"],
        "fr",
        ["mechanism", "mechanism_label", "actor", "actor_label", "role", "start", "end"],
        [
            (
                "icat",
                "Groupe interinstitutions de coopération contre la traite des personnes",
                "unodc",
                "Office des Nations Unies contre la drogue et le crime",
                "coordinator",
                "",
                "",
            ),
        ],
    ),
    (
        "agreements",
        [],
        "en",
        ["agreement", "agreement_label", "agreement_type", "date", "parties"],
        [
            (
                "agreement-unodc-frontex-2012",
                "UNODC–Frontex working arrangement (2012)",
                "working arrangement",
                "2012-04",
                "frontex, unodc",
            ),
            (
                "agreement-unodc-iom-2012",
                "UNODC–IOM cooperation agreement (2012)",
                "cooperation agreement",
                "2012-04",
                "iom, unodc",
            ),
            (
                "agreement-unodc-unwto-2012",
                "UNODC–UNWTO memorandum of understanding (2012)",
                "memorandum of understanding",
                "2012-04",
                "unodc, unwto",
            ),
        ],
    ),
    (
        "agreements",
        ["type=memorandum"],
        "fr",
        ["agreement", "agreement_label", "agreement_type", "date", "parties"],
        [
            (
                "agreement-unodc-unwto-2012",
                "Mémorandum d'accord entre l'ONUDC et l'OMT (2012)",
                "mémorandum d'accord",
                "2012-04",
                "unodc, unwto",
            ),
        ],
    ),
    (
        "agreements",
        ["party=Frontex", "year=2012"],
        "en",
        ["agreement", "agreement_label", "agreement_type", "date", "parties"],
        [
            (
                "agreement-unodc-frontex-2012",
                "UNODC–Frontex working arrangement (2012)",
                "working arrangement",
                "2012-04",
                "frontex, unodc",
            ),
        ],
    ),
    (
        "agreements",
        ["year=2011"],
        "en",
        ["agreement", "agreement_label", "agreement_type", "date", "parties"],
        [],
    ),
    (
        "partners-of-actor",
        [],
        "en",
        ["partner", "partner_label", "tie", "via"],
        [
            (
                "frontex",
                "European Agency for the Management of Operational Cooperation at the External Borders of the Member States of the European Union",
                "agreement",
                "agreement-unodc-frontex-2012",
            ),
            ("iom", "International Organization for Migration", "agreement", "agreement-unodc-iom-2012"),
            (
                "iom",
                "International Organization for Migration",
                "event",
                "event-albania-consular-workshop-2011",
            ),
            ("iom", "International Organization for Migration", "programme", "programme-ungift-rwanda"),
            ("unwto", "World Tourism Organization", "agreement", "agreement-unodc-unwto-2012"),
            ("unwto", "World Tourism Organization", "event", "event-unodc-unwto-tourism-2012"),
        ],
    ),
    (
        "partners-of-actor",
        ["actor=UN.GIFT"],
        "en",
        ["partner", "partner_label", "tie", "via"],
        [
            ("country-ARE", "United Arab Emirates", "funded by", "ungift"),
            ("country-AUS", "Australia", "funded by", "ungift"),
            ("country-AUT", "Austria", "funded by", "ungift"),
            ("country-CAN", "Canada", "funded by", "ungift"),
            ("stop-the-traffik", "Stop the Traffik", "partnership", "campaign-start-freedom"),
            ("undp", "United Nations Development Programme", "funded by", "ungift"),
            ("unicef", "United Nations Children's Fund", "funded by", "ungift"),
            ("unifem", "United Nations Development Fund for Women", "funded by", "ungift"),
        ],
    ),
    (
        "joint-programmes",
        [],
        "en",
        ["programme", "programme_label", "start", "partners", "places", "funders"],
        [
            (
                "programme-ungift-rwanda",
                "Joint technical assistance programme in Rwanda (UNODC-IOM)",
                "2011-11",
                "iom, unodc",
                "country-RWA",
                "",
            ),
            (
                "programme-ungift-serbia",
                "UN.GIFT joint programme in Serbia",
                "",
                "ungift",
                "country-SRB",
                "country-BEL, country-CHE",
            ),
        ],
    ),
    (
        "joint-programmes",
        ["country=Rwanda"],
        "en",
        ["programme", "programme_label", "start", "partners", "places", "funders"],
        [
            (
                "programme-ungift-rwanda",
                "Joint technical assistance programme in Rwanda (UNODC-IOM)",
                "2011-11",
                "iom, unodc",
                "country-RWA",
                "",
            ),
        ],
    ),
    (
        "joint-programmes",
        ["partner=UN.GIFT"],
        "en",
        ["programme", "programme_label", "start", "partners", "places", "funders"],
        [
            (
                "programme-ungift-serbia",
                "UN.GIFT joint programme in Serbia",
                "",
                "ungift",
                "country-SRB",
                "country-BEL, country-CHE",
            ),
        ],
    ),
    (
        "countries-engaged",
        [],
        "en",
        ["country", "country_label", "how", "via"],
        [
            ("country-ALB", "Albania", "event", "event-albania-consular-workshop-2011"),
            ("country-RWA", "Rwanda", "programme", "programme-ungift-rwanda"),
        ],
    ),
    (
        "countries-engaged",
        ["actor=UN.GIFT"],
        "fr",
        ["country", "country_label", "how", "via"],
        [
            ("country-ARE", "Émirats arabes unis", "funder", "ungift"),
            ("country-AUS", "Australie", "funder", "ungift"),
            ("country-AUT", "Autriche", "funder", "ungift"),
            ("country-CAN", "Canada", "funder", "ungift"),
            ("country-SRB", "Serbie", "programme", "programme-ungift-serbia"),
        ],
    ),
    (
        "countries-engaged",
        ["actor=ICAT"],
        "en",
        ["country", "country_label", "how", "via"],
        [
            ("country-BLR", "Belarus", "funder", "icat"),
        ],
    ),
    (
        "events-by-year",
        [],
        "en",
        ["event", "event_label", "start", "end", "organisers", "place", "country"],
        [
            (
                "event-tokyo-meeting-2006",
                "Tokyo inter-agency meeting (2006)",
                "2006-09-26",
                "2006-09-27",
                "",
                "Tokyo",
                "",
            ),
            (
                "event-vienna-forum-2008",
                "Vienna Forum to Fight Human Trafficking",
                "2008-02-13",
                "2008-02-15",
                "",
                "Vienna",
                "country-AUT",
            ),
            (
                "event-albania-consular-workshop-2011",
                "UNODC-IOM joint workshop in Albania (2011)",
                "2011-12",
                "",
                "iom, unodc",
                "",
                "country-ALB",
            ),
            (
                "event-unodc-unwto-tourism-2012",
                "Improving the fight against human trafficking in the context of tourism",
                "2012-04",
                "",
                "unodc, unwto",
                "",
                "",
            ),
        ],
    ),
    (
        "events-by-year",
        ["year=2008"],
        "fr",
        ["event", "event_label", "start", "end", "organisers", "place", "country"],
        [
            (
                "event-vienna-forum-2008",
                "Forum de Vienne sur la lutte contre la traite des êtres humains",
                "2008-02-13",
                "2008-02-15",
                "",
                "Vienne",
                "country-AUT",
            ),
        ],
    ),
    (
        "funding-flows",
        ["recipient=ICAT"],
        "en",
        ["funder", "funder_label", "recipient", "recipient_label"],
        [
            (
                "country-BLR",
                "Belarus",
                "icat",
                "Inter-Agency Coordination Group against Trafficking in Persons",
            ),
        ],
    ),
    (
        "funding-flows",
        ["funder=Belgique"],
        "fr",
        ["funder", "funder_label", "recipient", "recipient_label"],
        [
            ("country-BEL", "Belgique", "programme-ungift-serbia", "Programme conjoint de UN.GIFT en Serbie"),
        ],
    ),
    (
        "publications-by-publisher",
        [],
        "en",
        ["publication", "publication_label", "date", "publisher"],
        [
            ("pub-model-law-tip", "Model Law against Trafficking in Persons", "2009", "unodc"),
            (
                "pub-first-aid-kit",
                "First Aid Kit for Use by Law Enforcement Responders in Addressing Human Trafficking",
                "2011",
                "unodc",
            ),
            ("pub-case-law-database", "Human Trafficking Case Law Database", "2011-10", "unodc"),
        ],
    ),
    (
        "publications-by-publisher",
        ["publisher=IOM"],
        "en",
        ["publication", "publication_label", "date", "publisher"],
        [],
    ),
    (
        "resolution-actions",
        [],
        "en",
        ["relation", "target", "target_label"],
        [
            ("requested", "un-secretary-general", "Secretary-General of the United Nations"),
            ("requested", "unodc", "United Nations Office on Drugs and Crime"),
        ],
    ),
    (
        "resolution-actions",
        ["resolution=General Assembly resolution 64/293"],
        "en",
        ["relation", "target", "target_label"],
        [
            (
                "established",
                "plan-global-plan-of-action",
                "United Nations Global Plan of Action to Combat Trafficking in Persons",
            ),
        ],
    ),
    (
        "national-mechanisms",
        [],
        "en",
        ["country", "country_label", "mechanism", "mechanism_label"],
        [
            (
                "country-BGR",
                "Bulgaria",
                "bgr-national-commission-combating-trafficking",
                "National Commission for Combating Trafficking in Human Beings (Bulgaria)",
            ),
            (
                "country-SLV",
                "El Salvador",
                "slv-national-committee-combating-trafficking",
                "National Committee against Trafficking in Persons (El Salvador)",
            ),
        ],
    ),
    (
        "national-mechanisms",
        ["country=BGR"],
        "fr",
        ["country", "country_label", "mechanism", "mechanism_label"],
        [
            (
                "country-BGR",
                "Bulgarie",
                "bgr-national-commission-combating-trafficking",
                "Commission nationale de lutte contre la traite des êtres humains (Bulgarie)",
            ),
        ],
    ),
    (
        "ratifications-by-year",
        ["year=2011"],
        "en",
        ["ratified_in", "country", "country_label", "instrument"],
        [
            ("2011", "country-GRC", "Greece", "instrument-tip-protocol"),
            ("2011", "country-IND", "India", "instrument-tip-protocol"),
            ("2011", "country-MAR", "Morocco", "instrument-tip-protocol"),
        ],
    ),
    (
        "observations-by-country",
        [],
        "fr",
        [
            "country",
            "country_label",
            "measure_label",
            "value",
            "unit",
            "qualifier",
            "period",
            "start",
            "end",
            "observation",
        ],
        [
            (
                "country-GRC",
                "Grèce",
                "cas de traite relevés",
                "244",
                "case",
                "",
                "",
                "2003",
                "2006",
                "obs-003-18-1",
            ),
            (
                "country-GRC",
                "Grèce",
                "victimes identifiées",
                "494",
                "person",
                "",
                "",
                "2003",
                "2006",
                "obs-003-18-2",
            ),
        ],
    ),
    (
        "observations-by-country",
        ["country=Grèce"],
        "en",
        [
            "country",
            "country_label",
            "measure_label",
            "value",
            "unit",
            "qualifier",
            "period",
            "start",
            "end",
            "observation",
        ],
        [
            (
                "country-GRC",
                "Greece",
                "trafficking cases recorded",
                "244",
                "case",
                "",
                "",
                "2003",
                "2006",
                "obs-003-18-1",
            ),
            (
                "country-GRC",
                "Greece",
                "victims identified",
                "494",
                "person",
                "",
                "",
                "2003",
                "2006",
                "obs-003-18-2",
            ),
        ],
    ),
    (
        "facts-of-passage",
        ["passage=passage-003-70"],
        "en",
        ["subject", "predicate", "object"],
        [
            ("bgr-national-commission-combating-trafficking", "atkg:basedIn", "country-BGR"),
            (
                "bgr-national-commission-combating-trafficking",
                "atkg:provenanceNote",
                "fixture: the passage names bgr-national-commission-combating-trafficking indirectly",
            ),
        ],
    ),
    (
        "sources-of-fact",
        [],
        "en",
        ["predicate", "document", "paragraph", "passage"],
        [
            ("http://www.w3.org/ns/org#memberOf", "doc-000", "11", "passage-000-11"),
            ("atkg:coordinates", "doc-001", "7", "passage-001-7"),
        ],
    ),
    (
        "sources-of-fact",
        ["subject=unodc", "object=gmg", "property=org:chairs"],
        "en",
        ["predicate", "document", "paragraph", "passage"],
        [
            ("atkg:chairs", "doc-001", "11", "passage-001-11"),
        ],
    ),
    (
        "conflicting-claims",
        [],
        "en",
        ["subject", "property", "value", "passage", "other_value", "other_passage", "kind"],
        [
            (
                "ungift",
                "atkg:launchDate",
                "2008-03",
                "passage-000-14",
                "2007-03",
                "passage-004-2",
                "contradiction",
            ),
        ],
    ),
    (
        "actors-without-partnership",
        [],
        "en",
        ["actor", "actor_label"],
        [
            ("ccpcj", "Commission on Crime Prevention and Criminal Justice"),
            (
                "cop-untoc",
                "Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
            ),
            ("ecosoc", "Economic and Social Council"),
            ("human-rights-council", "Human Rights Council"),
            ("ilo", "International Labour Organization"),
            ("interpol", "International Criminal Police Organization"),
            ("ohchr", "Office of the United Nations High Commissioner for Human Rights"),
            ("osce", "Organization for Security and Co-operation in Europe"),
            ("un-general-assembly", "United Nations General Assembly"),
            ("un-secretary-general", "Secretary-General of the United Nations"),
            (
                "un-trust-fund-trafficking-victims",
                "United Nations Voluntary Trust Fund for Victims of Trafficking in Persons, Especially Women and Children",
            ),
            ("un-women", "United Nations Entity for Gender Equality and the Empowerment of Women"),
            ("unep", "United Nations Environment Programme"),
            ("unesco", "United Nations Educational, Scientific and Cultural Organization"),
            ("unfpa", "United Nations Population Fund"),
            ("unhcr", "Office of the United Nations High Commissioner for Refugees"),
        ],
    ),
    (
        "label-search",
        [],
        "en",
        ["entity", "label", "label_language", "kind"],
        [
            ("gmg", "Global Migration Group", "en", "preferred"),
            ("gmg", "Groupe mondial sur la migration", "fr", "preferred"),
            ("iom", "International Organization for Migration", "en", "preferred"),
            ("iom", "Organisation internationale pour les migrations", "fr", "preferred"),
        ],
    ),
    (
        "label-search",
        ["text=MIGRATION", "language=fr"],
        "en",
        ["entity", "label", "label_language", "kind"],
        [
            ("gmg", "Groupe mondial sur la migration", "fr", "preferred"),
            ("iom", "Organisation internationale pour les migrations", "fr", "preferred"),
        ],
    ),
    (
        "founders",
        [],
        "en",
        ["founder", "founder_label", "launched"],
        [
            ("ilo", "International Labour Organization", "2007-03 (passage-004-2), 2008-03 (passage-000-14)"),
            (
                "iom",
                "International Organization for Migration",
                "2007-03 (passage-004-2), 2008-03 (passage-000-14)",
            ),
            (
                "ohchr",
                "Office of the United Nations High Commissioner for Human Rights",
                "2007-03 (passage-004-2), 2008-03 (passage-000-14)",
            ),
            (
                "osce",
                "Organization for Security and Co-operation in Europe",
                "2007-03 (passage-004-2), 2008-03 (passage-000-14)",
            ),
            ("unicef", "United Nations Children's Fund", "2007-03 (passage-004-2), 2008-03 (passage-000-14)"),
            (
                "unodc",
                "United Nations Office on Drugs and Crime",
                "2007-03 (passage-004-2), 2008-03 (passage-000-14)",
            ),
        ],
    ),
    (
        "founders",
        ["initiative=UN.GIFT Steering Committee"],
        "en",
        ["founder", "founder_label", "launched"],
        [
            ("ilo", "International Labour Organization", ""),
            ("iom", "International Organization for Migration", ""),
            ("osce", "Organization for Security and Co-operation in Europe", ""),
            ("unhcr", "Office of the United Nations High Commissioner for Refugees", ""),
            ("unicef", "United Nations Children's Fund", ""),
            ("unodc", "United Nations Office on Drugs and Crime", ""),
        ],
    ),
    (
        "entity-profile",
        ["entity=country-GRC"],
        "en",
        ["property", "value"],
        [
            ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "atkg:Country"),
            ("http://www.w3.org/2004/02/skos/core#prefLabel", "Greece"),
            ("http://www.w3.org/2004/02/skos/core#prefLabel", "Grèce"),
            ("atkg:iso3166Alpha2", "GR"),
            ("atkg:iso3166Alpha3", "GRC"),
        ],
    ),
    (
        "passages-citing-entity",
        ["entity=IOM"],
        "en",
        ["passage", "document", "paragraph", "facts"],
        [
            ("passage-000-11", "doc-000", "11", "1"),
            ("passage-000-13", "doc-000", "13", "1"),
            ("passage-000-17", "doc-000", "17", "2"),
            ("passage-001-10", "doc-001", "10", "2"),
            ("passage-001-12", "doc-001", "12", "1"),
            ("passage-001-38", "doc-001", "38", "1"),
            ("passage-004-2", "doc-004", "2", "1"),
        ],
    ),
    (
        "actors-by-type",
        ["type=mechanism"],
        "en",
        ["actor", "actor_label", "actor_type"],
        [
            (
                "bgr-national-commission-combating-trafficking",
                "National Commission for Combating Trafficking in Human Beings (Bulgaria)",
                "coordination mechanism",
            ),
            ("gmg", "Global Migration Group", "coordination mechanism"),
            (
                "icat",
                "Inter-Agency Coordination Group against Trafficking in Persons",
                "coordination mechanism",
            ),
            (
                "slv-national-committee-combating-trafficking",
                "National Committee against Trafficking in Persons (El Salvador)",
                "coordination mechanism",
            ),
            ("ungift-steering-committee", "UN.GIFT Steering Committee", "coordination mechanism"),
        ],
    ),
    (
        "facts-per-document",
        [],
        "en",
        ["document", "file", "facts", "passages"],
        [
            ("doc-000", "000_f11ac5bb5fdc60e4.txt", "71", "9"),  # 67 + 4 provenance notes
            ("doc-001", "001_6dceaf7ad839cf46.txt", "91", "11"),  # 77 + 14 notes (tests/data/querypack)
            ("doc-003", "003_dbd2d65b83fb4f4b.txt", "18", "3"),  # 16 + 2
            ("doc-004", "004_190ddffc86ec3d81.txt", "26", "4"),  # 24 + 2
        ],
    ),
]
QUERY_NAMES = sorted(load_pack(ROOT / "queries"))


@pytest.fixture(scope="module")
def querypack(tmp_path_factory):
    return built_querypack(tmp_path_factory)


def answer(workspace, name, params, lang):
    result = run_by_name(workspace.queries_dir, workspace.store, name, params, lang)
    columns = [v.value for v in result.variables]
    return columns, [tuple(term_text(row[c]) for c in columns) for row in result]


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_exact_answers_on_the_querypack_fixture(querypack, name):
    cases = [case for case in QUERYPACK_CASES if case[0] == name]
    assert cases, f"{name} has no exact-answer case"
    for _, params, lang, columns, rows in cases:
        assert answer(querypack, name, params, lang) == (columns, rows), (name, params, lang)


def test_the_pack_has_at_least_25_queries():
    assert len(QUERY_NAMES) >= 25
