# ruff: noqa: E501  (the expected rows are data: one row per line reads best)
"""Every named query's exact answer on the real curated data (kg/data, from the five documents in corpus/).

Each case names the passages whose text justifies its rows ("000 §13": paragraph 13 of document 000;
print them with `python -m kg.corpus 000`). The answers were checked against that text, not copied
from the query output: a row the text contradicts is a curation or query error to fix, not to pin.
"""

from __future__ import annotations

import pytest

from kg.output import term_text
from kg.querypack import load_pack, run_by_name
from tests.conftest import ROOT

ICAT = "Inter-Agency Coordination Group against Trafficking in Persons"
GMG = "Global Migration Group"
UNODC = "United Nations Office on Drugs and Crime"
UNGIFT = "United Nations Global Initiative to Fight Human Trafficking"
ILO = "International Labour Organization"
IOM = "International Organization for Migration"
OHCHR = "Office of the United Nations High Commissioner for Human Rights"
UNHCR = "Office of the United Nations High Commissioner for Refugees"
UNICEF = "United Nations Children's Fund"
OSCE = "Organization for Security and Co-operation in Europe"
TOKYO = "First Inter-Agency Coordination Meeting on Concerted Actions against Trafficking in Persons (Tokyo, 2006)"

# (query, --param values, rows); every case runs with --lang en.
REAL_CASES = [
    # 004 §17 (UN.GIFT messages broadcast on CNN, Al Jazeera and Deutsche Welle), 004 §18 (BBC World News).
    (
        "actors-by-type",
        ["type=media"],
        [
            ("al-jazeera", "Al Jazeera", "media organization"),
            ("bbc-world-news", "BBC World News", "media organization"),
            ("cnn", "CNN", "media organization"),
            ("deutsche-welle", "Deutsche Welle", "media organization"),
        ],
    ),
    # Europol (004 §80), Frontex (001 §12), the League of Arab States (003 §3, §82), the OSCE (000 §8, 004 §2).
    (
        "actors-by-type",
        ["type=regional"],
        [
            ("europol", "European Police Office", "regional organization"),
            (
                "frontex",
                "European Agency for the Management of Operational Cooperation at the External Borders of the Member States of the European Union",
                "regional organization",
            ),
            ("league-of-arab-states", "League of Arab States", "regional organization"),
            ("osce", OSCE, "regional organization"),
        ],
    ),
    # 000 §8: UNODC's partner entities (UNICEF, UNDP, OHCHR, UNHCR, ILO, IOM, INTERPOL);
    # 001 §12: UNODC and IOM sign a cooperation agreement in April 2012.
    (
        "agreements",
        ["party=IOM"],
        [
            (
                "agreement-unodc-anti-trafficking-partners",
                "Close collaboration of UNODC with its partner entities against trafficking",
                "partnership",
                "",
                "ilo, interpol, iom, ohchr, undp, unhcr, unicef, unodc",
            ),
            (
                "agreement-unodc-iom-2012",
                "UNODC-IOM cooperation agreement (2012)",
                "cooperation agreement",
                "2012-04",
                "iom, unodc",
            ),
        ],
    ),
    # 001 §12: the one memorandum of understanding of 2012, UNODC and UNWTO, April 2012.
    (
        "agreements",
        ["party=UNODC", "year=2012", "type=memorandum"],
        [
            (
                "agreement-unodc-unwto-2012",
                "UNODC-UNWTO memorandum of understanding (2012)",
                "memorandum of understanding",
                "2012-04",
                "unodc, unwto",
            ),
        ],
    ),
    # 000 §14 says UN.GIFT was launched in March 2008, 004 §2 in March 2007.
    (
        "conflicting-claims",
        ["subject=UN.GIFT"],
        [
            (
                "ungift",
                "atkg:launchDate",
                "2008-03",
                "passage-000-14",
                "2007-03",
                "passage-004-2",
                "contradiction",
            )
        ],
    ),
    # 000 §4, 001 §7, 002 §8, 002 preamble-13: UNODC coordinates the Inter-Agency Coordination Group.
    (
        "coordinators-and-chairs",
        ["mechanism=ICAT"],
        [("icat", ICAT, "unodc", UNODC, "coordinator", "", "")],
    ),
    # 001 §11: UNODC chairs the Global Migration Group in the second half of 2012.
    (
        "coordinators-and-chairs",
        ["mechanism=GMG"],
        [("gmg", GMG, "unodc", UNODC, "chair", "2012-07", "2012-12")],
    ),
    # 001 §38 (IOM co-organises the workshop in Albania), 004 §31 (IOM organises the Cairo meeting),
    # 000 §9-§11 (IOM attends the Tokyo meeting and the 2007 New York meetings of the Group),
    # 001 §10 (UNODC and IOM launch the Rwanda programme, the one 004 §61 places in Rwanda and Burundi), 004 §20 (IOM in the 2010 World Cup campaign in South Africa).
    (
        "countries-engaged",
        ["actor=IOM"],
        [
            ("country-ALB", "Albania", "event", "event-albania-consular-workshop-2011"),
            ("country-BDI", "Burundi", "programme", "programme-ungift-rwanda-burundi"),
            ("country-EGY", "Egypt", "event", "event-cairo-research-meeting-2008"),
            ("country-JPN", "Japan", "event", "event-tokyo-inter-agency-meeting-2006"),
            ("country-RWA", "Rwanda", "programme", "programme-ungift-rwanda-burundi"),
            ("country-USA", "United States of America", "event", "event-icat-meetings-new-york-2007"),
            ("country-ZAF", "South Africa", "programme", "campaign-world-cup-2010"),
        ],
    ),
    # The registry entry of the ILO: OIT as 000 §8 prints it (no text calls the Organization "BIT",
    # the name of its secretariat, the International Labour Office).
    (
        "entity-profile",
        ["entity=OIT"],
        [
            ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "atkg:UNEntity"),
            ("http://www.w3.org/2004/02/skos/core#altLabel", "ILO"),
            ("http://www.w3.org/2004/02/skos/core#altLabel", "OIT"),
            ("http://www.w3.org/2004/02/skos/core#prefLabel", ILO),
            ("http://www.w3.org/2004/02/skos/core#prefLabel", "Organisation internationale du Travail"),
        ],
    ),
    # 003 §38 (a national seminar in Myanmar in 2006), 000 §4 and §9 (Tokyo, 26-27 September 2006, hosted by the
    # Japanese Ministry of Foreign Affairs with UNODC), 003 §85 (the same meeting, "en septembre 2006"), 003 §78
    # (meetings in Liechtenstein in December 2006). The two precisions of the Tokyo start give two rows.
    (
        "events-by-year",
        ["year=2006"],
        [
            (
                "event-mmr-national-seminar-legislation-2006",
                "National seminar on the new anti-trafficking legislation (Myanmar, 2006)",
                "2006",
                "",
                "",
                "",
                "country-MMR",
            ),
            (
                "event-tokyo-inter-agency-meeting-2006",
                TOKYO,
                "2006-09",
                "2006-09-27",
                "jpn-ministry-foreign-affairs, unodc",
                "Tokyo",
                "country-JPN",
            ),
            (
                "event-tokyo-inter-agency-meeting-2006",
                TOKYO,
                "2006-09-26",
                "2006-09-27",
                "jpn-ministry-foreign-affairs, unodc",
                "Tokyo",
                "country-JPN",
            ),
            (
                "event-lie-trafficking-meetings-2006",
                "Meetings on trafficking in persons held in Liechtenstein (December 2006)",
                "2006-12",
                "",
                "",
                "",
                "country-LIE",
            ),
        ],
    ),
    # 001 §12: three agreements signed in April 2012 (UNODC with UNWTO, Frontex and IOM).
    (
        "facts-of-passage",
        ["passage=passage-001-12"],
        [
            ("agreement-unodc-frontex-2012", "http://purl.org/dc/terms/date", "2012-04"),
            (
                "agreement-unodc-frontex-2012",
                "http://purl.org/dc/terms/description",
                "Accord de travail visant à renforcer la coopération dans le domaine de la prévention de la criminalité et de la sécurité humaine.",
            ),
            (
                "agreement-unodc-frontex-2012",
                "http://purl.org/dc/terms/description",
                "Working arrangement to strengthen cooperation in crime prevention and human security.",
            ),
            (
                "agreement-unodc-frontex-2012",
                "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
                "atkg:WorkingArrangement",
            ),
            ("agreement-unodc-frontex-2012", "atkg:party", "frontex"),
            ("agreement-unodc-frontex-2012", "atkg:party", "unodc"),
            ("agreement-unodc-iom-2012", "http://purl.org/dc/terms/date", "2012-04"),
            (
                "agreement-unodc-iom-2012",
                "http://purl.org/dc/terms/description",
                "Accord par lequel l'ONUDC et l'OIM s'engagent à coopérer plus étroitement contre la traite des personnes et le trafic illicite de migrants et à améliorer la gestion des frontières.",
            ),
            (
                "agreement-unodc-iom-2012",
                "http://purl.org/dc/terms/description",
                "Agreement by which UNODC and IOM commit to closer cooperation against trafficking in persons and smuggling of migrants and to improving border management.",
            ),
            (
                "agreement-unodc-iom-2012",
                "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
                "atkg:CooperationAgreement",
            ),
            ("agreement-unodc-iom-2012", "atkg:party", "iom"),
            ("agreement-unodc-iom-2012", "atkg:party", "unodc"),
            ("agreement-unodc-unwto-2012", "http://purl.org/dc/terms/date", "2012-04"),
            (
                "agreement-unodc-unwto-2012",
                "http://purl.org/dc/terms/description",
                "Memorandum of understanding covering, among other areas, trafficking in persons, by which UNODC and UNWTO join efforts against human trafficking in the travel and tourism industry.",
            ),
            (
                "agreement-unodc-unwto-2012",
                "http://purl.org/dc/terms/description",
                "Mémorandum d'accord couvrant notamment la traite des personnes, par lequel l'ONUDC et l'OMT unissent leurs efforts contre la traite des êtres humains dans l'industrie des voyages et du tourisme.",
            ),
            (
                "agreement-unodc-unwto-2012",
                "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
                "atkg:MemorandumOfUnderstanding",
            ),
            ("agreement-unodc-unwto-2012", "atkg:party", "unodc"),
            ("agreement-unodc-unwto-2012", "atkg:party", "unwto"),
        ],
    ),
    # 004 §2: UN.GIFT launched in March 2007 by UNICEF, OHCHR, UNODC, ILO, IOM and OSCE (000 §14: March 2008).
    (
        "founders",
        ["initiative=UN.GIFT"],
        [
            ("ilo", ILO, "2007-03 (passage-004-2), 2008-03 (passage-000-14)"),
            ("iom", IOM, "2007-03 (passage-004-2), 2008-03 (passage-000-14)"),
            ("ohchr", OHCHR, "2007-03 (passage-004-2), 2008-03 (passage-000-14)"),
            ("osce", OSCE, "2007-03 (passage-004-2), 2008-03 (passage-000-14)"),
            ("unicef", UNICEF, "2007-03 (passage-004-2), 2008-03 (passage-000-14)"),
            ("unodc", UNODC, "2007-03 (passage-004-2), 2008-03 (passage-000-14)"),
        ],
    ),
    # 000 §17: the Steering Committee was created by UNHCR, UNODC, UNICEF, ILO, OSCE and IOM (the Crown Prince's
    # representative attended, but founded nothing).
    (
        "founders",
        ["initiative=UN.GIFT Steering Committee"],
        [
            ("ilo", ILO, ""),
            ("iom", IOM, ""),
            ("osce", OSCE, ""),
            ("unhcr", UNHCR, ""),
            ("unicef", UNICEF, ""),
            ("unodc", UNODC, ""),
        ],
    ),
    # 000 §11 and 003 §86: Belarus gave financial support to the Group.
    (
        "funding-flows",
        ["recipient=ICAT"],
        [("country-BLR", "Belarus", "icat", ICAT)],
    ),
    # 001 §10 (UNODC with IOM launch a programme in Rwanda in November 2011; the UN.GIFT joint programmes),
    # 004 §61 (joint programmes in Argentina, Bolivia, Central Asia, Egypt, Pakistan, Rwanda and Burundi, Serbia,
    # with UNHCR and UNIFEM beside the Steering Committee members).
    (
        "joint-programmes",
        ["country=Rwanda"],
        [
            (
                "programme-ungift-joint-programmes",
                "UN.GIFT joint programmes",
                "",
                "ungift, ungift-steering-committee, unhcr, unifem, unodc",
                "country-ARG, country-BDI, country-BOL, country-EGY, country-PAK, country-RWA, country-SRB, region-central-asia",
                "",
            ),
            (
                "programme-ungift-rwanda-burundi",
                "UN.GIFT joint programme in Rwanda and Burundi",
                "2011-11",
                "iom, unodc",
                "country-BDI, country-RWA",
                "",
            ),
        ],
    ),
    # 001 §12 names Frontex and its working arrangement with UNODC.
    (
        "label-search",
        ["text=Frontex"],
        [
            ("agreement-unodc-frontex-2012", "UNODC-Frontex working arrangement (2012)", "en", "preferred"),
            (
                "agreement-unodc-frontex-2012",
                "Accord de travail entre l'ONUDC et Frontex (2012)",
                "fr",
                "preferred",
            ),
            ("frontex", "Frontex", "en", "alternative"),
            ("frontex", "Frontex", "fr", "alternative"),
        ],
    ),
    # ICAT: 000 §11 and 003 §86 (the 14 entities at its meetings), 002 preamble-12 (adds UN-Women, UNEP, UNESCO);
    # GMG: 000 §13 (13 entities and the five regional commissions).
    (
        "mechanism-overlap",
        ["first=ICAT", "second=GMG"],
        [
            ("ilo", ILO, "both"),
            ("iom", IOM, "both"),
            ("ohchr", OHCHR, "both"),
            ("unesco", "United Nations Educational, Scientific and Cultural Organization", "both"),
            ("unfpa", "United Nations Population Fund", "both"),
            ("unhcr", UNHCR, "both"),
            ("unicef", UNICEF, "both"),
            ("unodc", UNODC, "both"),
            ("world-bank", "World Bank", "both"),
            (
                "instraw",
                "International Research and Training Institute for the Advancement of Women",
                "first only",
            ),
            ("interpol", "International Criminal Police Organization", "first only"),
            (
                "osrsg-caac",
                "Office of the Special Representative of the Secretary-General for Children and Armed Conflict",
                "first only",
            ),
            (
                "un-daw",
                "Division for the Advancement of Women of the Department of Economic and Social Affairs",
                "first only",
            ),
            (
                "un-women",
                "United Nations Entity for Gender Equality and the Empowerment of Women",
                "first only",
            ),
            ("unep", "United Nations Environment Programme", "first only"),
            ("unfip", "United Nations Fund for International Partnerships", "first only"),
            ("unifem", "United Nations Development Fund for Women", "first only"),
            ("eca", "Economic Commission for Africa", "second only"),
            ("eclac", "Economic Commission for Latin America and the Caribbean", "second only"),
            ("escap", "Economic and Social Commission for Asia and the Pacific", "second only"),
            ("escwa", "Economic and Social Commission for Western Asia", "second only"),
            (
                "un-desa",
                "Department of Economic and Social Affairs of the United Nations Secretariat",
                "second only",
            ),
            ("unctad", "United Nations Conference on Trade and Development", "second only"),
            ("undp", "United Nations Development Programme", "second only"),
            ("unece", "Economic Commission for Europe", "second only"),
            ("unitar", "United Nations Institute for Training and Research", "second only"),
        ],
    ),
    # 000 §13 (GMG), 000 §11 / 002 preamble-12 / 003 §86 (ICAT), 004 §63 (expert group initiatives led by the
    # ILO, IOM, OSCE, UNICEF and UNODC), 000 §17 (founder of the Steering Committee).
    (
        "mechanisms-of-actor",
        ["actor=OIT"],
        [
            ("gmg", GMG, "member", "", ""),
            ("icat", ICAT, "member", "", ""),
            ("ungift-expert-group-initiatives", "UN.GIFT expert group initiatives", "coordinator", "", ""),
            ("ungift-steering-committee", "UN.GIFT Steering Committee", "founder", "", ""),
        ],
    ),
    # ICAT and GMG as above, intersected with the Steering Committee's founders of 000 §17.
    (
        "members-in-all-mechanisms",
        ["mechanism1=ICAT", "mechanism2=GMG", "mechanism3=ungift-steering-committee"],
        [("ilo", ILO), ("iom", IOM), ("unhcr", UNHCR), ("unicef", UNICEF), ("unodc", UNODC)],
    ),
    # 000 §13 (the members of the Global Migration Group, as of 2008: 000 §3), 001 §11 (UNODC chairs it,
    # second half of 2012; 001 speaks as of 2012, §2): on 2012-09-01 the sources cover UNODC only.
    (
        "members-of-mechanism",
        ["mechanism=GMG", "as_of=2012-09-01"],
        [
            ("unodc", UNODC, "chair", "2012-07", "2012-12", "2012", "2012", ""),
            ("unodc", UNODC, "member", "", "", "2008", "2012", ""),
        ],
    ),
    # ICAT as of 2013: the members 002 preamble-12 names ("notamment"), with the period their sources
    # cover (000 §11 and 003 §86 as of 2008; 002 as of 2013); 000 §10 (UNODC coordinates it).
    (
        "members-of-mechanism",
        ["mechanism=ICAT", "as_of=2013"],
        [
            ("ilo", ILO, "member", "", "", "2008", "2013", ""),
            ("iom", IOM, "member", "", "", "2008", "2013", ""),
            ("ohchr", OHCHR, "member", "", "", "2008", "2013", ""),
            (
                "un-women",
                "United Nations Entity for Gender Equality and the Empowerment of Women",
                "member",
                "",
                "",
                "2013",
                "2013",
                "",
            ),
            ("unep", "United Nations Environment Programme", "member", "", "", "2013", "2013", ""),
            (
                "unesco",
                "United Nations Educational, Scientific and Cultural Organization",
                "member",
                "",
                "",
                "2013",
                "2013",
                "",
            ),
            ("unfpa", "United Nations Population Fund", "member", "", "", "2008", "2013", ""),
            ("unhcr", UNHCR, "member", "", "", "2008", "2013", ""),
            ("unicef", UNICEF, "member", "", "", "2008", "2013", ""),
            ("unodc", UNODC, "coordinator", "", "", "2008", "2013", ""),
            ("unodc", UNODC, "member", "", "", "2008", "2013", ""),
        ],
    ),
    # 003 §66 (Bulgaria has a national coordination mechanism) and §70 (its National Commission).
    (
        "national-mechanisms",
        ["country=BGR"],
        [
            (
                "country-BGR",
                "Bulgaria",
                "bgr-national-commission-combating-trafficking",
                "National Commission for Combating Trafficking in Human Beings (Bulgaria)",
            )
        ],
    ),
    # 003 §18: from 2003 to 2006 Greece recorded 244 cases, arrested 980 offenders, identified 494 victims.
    (
        "observations-by-country",
        ["country=Grèce"],
        [
            (
                "country-GRC",
                "Greece",
                "Number of persons arrested",
                "980",
                "person",
                "",
                "",
                "2003",
                "2006",
                "obs-003-18-3",
            ),
            (
                "country-GRC",
                "Greece",
                "Number of trafficking cases recorded",
                "244",
                "case",
                "",
                "",
                "2003",
                "2006",
                "obs-003-18-2",
            ),
            (
                "country-GRC",
                "Greece",
                "Number of victims identified",
                "494",
                "person",
                "",
                "",
                "2003",
                "2006",
                "obs-003-18-4",
            ),
        ],
    ),
    # 001 §12 (the UNODC-UNWTO memorandum) and 001 §34 (the event they organised together in April 2012).
    (
        "partners-of-actor",
        ["actor=UNWTO"],
        [
            ("unodc", UNODC, "agreement", "agreement-unodc-unwto-2012"),
            ("unodc", UNODC, "event", "event-unodc-unwto-tourism-2012"),
        ],
    ),
    # UNWTO (OMT) is named in 001 §12 and §34 only.
    (
        "passages-citing-entity",
        ["entity=UNWTO"],
        [("passage-001-12", "doc-001", "12", "1"), ("passage-001-34", "doc-001", "34", "1")],
    ),
    # 004 §68: the OSCE published "Analysing the Business Model of Trafficking in Human Beings...".
    (
        "publications-by-publisher",
        ["publisher=OSCE"],
        [
            (
                "pub-osce-business-model-trafficking",
                "Analysing the Business Model of Trafficking in Human Beings to Better Prevent the Crime",
                "",
                "osce",
            )
        ],
    ),
    # 004 §65 (ILO and UNICEF's training manual), 002 preamble-20 (UNICEF's guidelines on child victims).
    (
        "publications-by-publisher",
        ["publisher=UNICEF"],
        [
            (
                "pub-training-manual-child-trafficking",
                "Training Manual to Fight Trafficking in Children for Labour, Sexual and Other Forms of Exploitation",
                "",
                "unicef",
            ),
            (
                "pub-unicef-guidelines-child-victims",
                "UNICEF Guidelines on the Protection of Child Victims of Trafficking",
                "",
                "unicef",
            ),
        ],
    ),
    # 001 §2: Greece, Haiti, India, Micronesia and Morocco ratified the Protocol in 2011.
    (
        "ratifications-by-year",
        ["year=2011"],
        [
            ("2011", "country-FSM", "Micronesia (Federated States of)", "instrument-tip-protocol"),
            ("2011", "country-GRC", "Greece", "instrument-tip-protocol"),
            ("2011", "country-HTI", "Haiti", "instrument-tip-protocol"),
            ("2011", "country-IND", "India", "instrument-tip-protocol"),
            ("2011", "country-MAR", "Morocco", "instrument-tip-protocol"),
        ],
    ),
    # 001 §2: Burundi, Ethiopia and Viet Nam (the UN short name, as in the country registry) ratified it in 2012.
    (
        "ratifications-by-year",
        ["year=2012", "instrument=instrument-tip-protocol"],
        [
            ("2012", "country-BDI", "Burundi", "instrument-tip-protocol"),
            ("2012", "country-ETH", "Ethiopia", "instrument-tip-protocol"),
            ("2012", "country-VNM", "Viet Nam", "instrument-tip-protocol"),
        ],
    ),
    # Resolution 61/180 asked the Secretary-General to entrust UNODC with coordinating the Group and to report
    # (000 §4) and to improve the Group's work (000 §21), and asked UNODC to keep reporting on trends (000 §6).
    (
        "resolution-actions",
        ["resolution=resolution-ga-61-180"],
        [
            ("requested", "un-secretary-general", "Secretary-General of the United Nations"),
            ("requested", "unodc", UNODC),
        ],
    ),
    # 000 §13: the ILO is a member of the Global Migration Group.
    (
        "sources-of-fact",
        ["subject=ILO", "object=GMG", "property=memberOf"],
        [("http://www.w3.org/ns/org#memberOf", "doc-000", "13", "passage-000-13")],
    ),
    # UNODC and the Group: member in 000 §11, 001 §39, 002 §16 ("l'ONUDC et les autres membres du Groupe"),
    # 002 preamble-12, 003 §86; coordinator in 000 §4, 001 §7, 002 §8, 002 preamble-13.
    (
        "sources-of-fact",
        ["subject=UNODC", "object=ICAT"],
        [
            ("http://www.w3.org/ns/org#memberOf", "doc-000", "11", "passage-000-11"),
            ("http://www.w3.org/ns/org#memberOf", "doc-001", "39", "passage-001-39"),
            ("http://www.w3.org/ns/org#memberOf", "doc-002", "16", "passage-002-16"),
            ("http://www.w3.org/ns/org#memberOf", "doc-002", "preamble-12", "passage-002-preamble-12"),
            ("http://www.w3.org/ns/org#memberOf", "doc-003", "86", "passage-003-86"),
            ("atkg:coordinates", "doc-000", "4", "passage-000-4"),
            ("atkg:coordinates", "doc-001", "7", "passage-001-7"),
            ("atkg:coordinates", "doc-002", "8", "passage-002-8"),
            ("atkg:coordinates", "doc-002", "preamble-13", "passage-002-preamble-13"),
        ],
    ),
]

# The organisations that are party to no agreement, partner in nothing, co-organise no event and neither fund
# nor are funded. Spot-checked: UNODC, IOM, Frontex, UNWTO (001 §12) and UNICEF (000 §8) are absent; the OSCE
# is present (it launched UN.GIFT, 004 §2, and founded the Steering Committee, 000 §17, neither a partnership).
WITHOUT_PARTNERSHIP = [
    "al-jazeera",
    "aut-criminal-intelligence-service",
    "aut-criminal-intelligence-service-organized-crime-division",
    "aut-parliament",
    "bbc-world-news",
    "bgr-national-institute-of-justice",
    "blr-ministry-interior",
    "blr-ministry-interior-academy",
    "blr-trafficking-hotline",
    "ccem",
    "ccpcj",
    "cnn",
    "cop-untoc",
    "crime-stoppers-netherlands",
    "cze-national-rapporteur",
    "cze-victim-support-programme",
    "deutsche-welle",
    "eca",
    "eclac",
    "ecosoc",
    "ecpat-international",
    "emma-thompson",
    "escap",
    "escwa",
    "est-trafficking-hotline",
    "europol",
    "exit-ngo",
    "fifa",
    "grc-ministry-justice",
    "grc-police",
    "grc-police-anti-trafficking-groups",
    "hrv-national-coordinator",
    "human-rights-council",
    "hun-national-bureau-of-investigation",
    "hun-nbi-trafficking-unit",
    "hun-police",
    "hun-victim-protection-programme",
    "icc",
    "ind-ministry-commerce-industry",
    "ind-ministry-home-affairs",
    "ind-ministry-labour-tourism",
    "instraw",
    "ipu",
    "league-of-arab-states",
    "lshtm",
    "mmr-anti-trafficking-unit",
    "mmr-mobile-training-team",
    "mus-ombudsperson-for-children",
    "ner-association-traditional-chiefs",
    "nga-naptip",
    "nld-immigration-naturalisation-service",
    "nld-national-crime-squad",
    "nld-national-criminal-intelligence-service",
    "nld-national-police-services-agency",
    "nld-public-prosecution-service",
    "nld-royal-marechaussee",
    "nld-social-security-information-investigation-service",
    "osce",
    "osrsg-caac",
    "pol-department-migration-policy",
    "pol-general-police-headquarters",
    "ross-bleckner",
    "rou-trafficking-hotline",
    "sabeeka-bint-ibrahim-al-khalifa",
    "special-rapporteur-trafficking",
    "suzanne-mubarak-womens-international-peace-movement",
    "ukr-trafficking-hotline",
    "un-crime-prevention-criminal-justice-programme",
    "un-daw",
    "un-desa",
    "un-general-assembly",
    "un-global-compact",
    "un-secretariat",
    "un-secretary-general",
    "un-trust-fund-contemporary-slavery",
    "un-trust-fund-small-grants-facility",
    "un-trust-fund-trafficking-victims",
    "un-women",
    "unctad",
    "unece",
    "unep",
    "unesco",
    "unfpa",
    "ungift-facebook-group",
    "ungift-small-grants-facility",
    "unitar",
    "unodc-data-collection-programmes",
    "unodc-global-training-initiative",
    "unodc-htmss",
    "unodc-organized-crime-branch",
    "unov",
    "wef",
    "world-bank",
    "wotclef",
]

PACK = load_pack(ROOT / "queries")


def answer(workspace, name, params, lang="en", with_sources=False):
    result = run_by_name(workspace.queries_dir, workspace.store, name, params, lang, with_sources)
    columns = [v.value for v in result.variables]
    return columns, [tuple(term_text(row[c]) for c in columns) for row in result]


@pytest.mark.parametrize(
    ("name", "params", "rows"), REAL_CASES, ids=[f"{c[0]}:{' '.join(c[1])}" for c in REAL_CASES]
)
def test_exact_answer_on_the_real_data(real_built, name, params, rows):
    assert answer(real_built, name, params)[1] == rows


def test_actors_without_partnership_on_the_real_data(real_built):
    columns, rows = answer(real_built, "actors-without-partnership", [])
    assert columns == ["actor", "actor_label"]
    assert [row[0] for row in rows] == WITHOUT_PARTNERSHIP
    assert ("osce", OSCE) in rows


# 000 to 004: each document's file, the facts its passage graphs state and how many passages state any.
def test_facts_per_document_on_the_real_data(real_built):
    assert answer(real_built, "facts-per-document", []) == (
        ["document", "file", "facts", "passages"],
        [
            ("doc-000", "000_f11ac5bb5fdc60e4.txt", "304", "23"),
            ("doc-001", "001_6dceaf7ad839cf46.txt", "417", "38"),
            ("doc-002", "002_468a052283718da7.txt", "257", "49"),
            ("doc-003", "003_dbd2d65b83fb4f4b.txt", "1324", "88"),
            ("doc-004", "004_190ddffc86ec3d81.txt", "692", "94"),
        ],
    )


def test_every_named_query_has_a_real_data_case():
    covered = {case[0] for case in REAL_CASES} | {"actors-without-partnership", "facts-per-document"}
    assert covered == set(PACK)


# --with-sources: the document and paragraph behind each row, one row per passage stating it.


def test_agreements_with_sources(real_built):  # 000 §8, 001 §12
    columns, rows = answer(real_built, "agreements", ["party=IOM"], with_sources=True)
    assert columns[-2:] == ["document", "paragraph"]
    assert [(row[0], row[-2], row[-1]) for row in rows] == [
        ("agreement-unodc-anti-trafficking-partners", "doc-000", "8"),
        ("agreement-unodc-iom-2012", "doc-001", "12"),
    ]


def test_coordinators_with_sources(real_built):  # 000 §4, 001 §7, 002 §8, 002 preamble-13
    columns, rows = answer(real_built, "coordinators-and-chairs", ["mechanism=ICAT"], with_sources=True)
    assert columns == [
        "mechanism",
        "mechanism_label",
        "actor",
        "actor_label",
        "role",
        "start",
        "end",
        "document",
        "paragraph",
    ]
    assert [(row[2], row[4], row[-2], row[-1]) for row in rows] == [
        ("unodc", "coordinator", "doc-000", "4"),
        ("unodc", "coordinator", "doc-001", "7"),
        ("unodc", "coordinator", "doc-002", "8"),
        ("unodc", "coordinator", "doc-002", "preamble-13"),
    ]


def test_funding_flows_with_sources(real_built):  # 000 §11, 003 §86
    assert answer(real_built, "funding-flows", ["recipient=ICAT"], with_sources=True)[1] == [
        ("country-BLR", "Belarus", "icat", ICAT, "doc-000", "11"),
        ("country-BLR", "Belarus", "icat", ICAT, "doc-003", "86"),
    ]


def test_resolution_actions_with_sources(real_built):  # 000 §4, §21 (Secretary-General), §6 (UNODC)
    assert [
        (row[1], row[-2], row[-1])
        for row in answer(
            real_built, "resolution-actions", ["resolution=resolution-ga-61-180"], with_sources=True
        )[1]
    ] == [
        ("un-secretary-general", "doc-000", "4"),
        ("un-secretary-general", "doc-000", "21"),
        ("unodc", "doc-000", "6"),
    ]


def test_ratifications_with_sources(real_built):  # 001 §2
    rows = answer(real_built, "ratifications-by-year", ["year=2011"], with_sources=True)[1]
    assert [(row[1], row[-2], row[-1]) for row in rows] == [
        (country, "doc-001", "2")
        for country in ("country-FSM", "country-GRC", "country-HTI", "country-IND", "country-MAR")
    ]


def test_mechanisms_of_actor_with_sources(real_built):  # 000 §13, §11, §17; 002 preamble-12; 003 §86; 004 §63
    rows = answer(real_built, "mechanisms-of-actor", ["actor=OIT"], with_sources=True)[1]
    assert [(row[0], row[2], row[-2], row[-1]) for row in rows] == [
        ("gmg", "member", "doc-000", "13"),
        ("icat", "member", "doc-000", "11"),
        ("icat", "member", "doc-002", "preamble-12"),
        ("icat", "member", "doc-003", "86"),
        ("ungift-expert-group-initiatives", "coordinator", "doc-004", "63"),
        ("ungift-steering-committee", "founder", "doc-000", "17"),
    ]
