"""Issue 14: answers true in time and in name. Each test quotes the passage it checks against."""

from __future__ import annotations

import pytest

from kg.output import term_text
from kg.querypack import load_pack, run_by_name
from tests.conftest import ROOT


def named(workspace, name: str, *params: str, with_sources: bool = False):
    """A named question on the real built store: column names and rows of lexical forms."""
    result = run_by_name(workspace.queries_dir, workspace.store, name, params, "en", with_sources)
    columns = [v.value for v in result.variables]
    return columns, [tuple(term_text(row[c]) for c in columns) for row in result]


# --- 1. Unsupported facts ------------------------------------------------------------------------


def test_003_fn_2_does_not_say_jordan_and_niger_ratified(ask):
    """003 §5: "Les États Membres qui ont déclaré avoir déjà ratifié le Protocole[1] n'ont pas tous
    mené à terme le processus de rédaction et d'adoption d'une législation spécifique[2]."
    fn-1: "Bélarus, Bulgarie, Croatie, El Salvador, Estonie, Hongrie, Lettonie, Myanmar, Oman,
    Pays-Bas, Philippines, Pologne et Roumanie." fn-2: "Estonie, Jordanie, Niger et Oman."
    Footnote 2 lists States without specific legislation, not ratifications."""
    assert ask("SELECT ?c WHERE { GRAPH id:passage-003-fn-2 { ?c atkg:ratified ?i } }") == set()
    assert (
        ask("""SELECT ?c WHERE { GRAPH ?g { ?c atkg:ratified id:instrument-tip-protocol }
                  VALUES ?c { id:country-JOR id:country-NER } }""")
        == set()
    )
    assert ask(
        "SELECT ?c WHERE { GRAPH id:passage-003-fn-1 { ?c atkg:ratified id:instrument-tip-protocol } }"
    ) == {(f"country-{c}",) for c in "BLR BGR HRV SLV EST HUN LVA MMR OMN NLD PHL POL ROU".split()}


def test_002_gives_no_adoption_date_for_the_resolution(ask):
    """002 preamble-1: "Condamnant de nouveau énergiquement la traite des personnes, [...]" — no
    date; no paragraph of 002 states when the resolution was adopted."""
    assert (
        ask(
            """SELECT ?d ?g WHERE { GRAPH ?g { id:resolution-ga-2013-trafficking-coordination dcterms:date ?d } }"""
        )
        == set()
    )


def test_founders_show_each_launch_date_with_its_own_passage(real_built):
    """004 §2: "UN.GIFT a été lancée en mars 2007 par [...] UNICEF, HCDH, UNODC, OIT, OIM et OSCE";
    000 §14: "(UN.GIFT), lancée en mars 2008" names no founder: its date is shown as 000 §14's."""
    _, rows = named(real_built, "founders", "initiative=UN.GIFT")
    assert {r[0] for r in rows} == {"ilo", "iom", "ohchr", "osce", "unicef", "unodc"}
    assert {r[2] for r in rows} == {"2007-03 (passage-004-2), 2008-03 (passage-000-14)"}


SOURCED = sorted(q.name for q in load_pack(ROOT / "queries").values() if q.sources)


@pytest.mark.parametrize("query", SOURCED)
def test_every_row_shows_a_source(real_built, query):
    """The UNODC global programmes (001 §13, §23) and events described without a date or an
    organiser (002 fn-1, 004 §11) showed no document with --with-sources."""
    columns, rows = named(real_built, query, with_sources=True)
    assert [row[0] for row in rows if not row[columns.index("document")]] == []


# --- 2. Names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("country", "english", "french"),
    [
        ("SLV", "El Salvador", "El Salvador"),  # 003 fn-1: "El Salvador"
        ("MMR", "Myanmar", "Myanmar"),  # 003 fn-1: "Myanmar"
        ("VNM", "Viet Nam", "Viet Nam"),  # 001 §2: "Viet Nam"
        ("BOL", "Bolivia (Plurinational State of)", "Bolivie (État plurinational de)"),
        ("VEN", "Venezuela (Bolivarian Republic of)", "Venezuela (République bolivarienne du)"),
        ("FSM", "Micronesia (Federated States of)", "Micronésie (États fédérés de)"),
        ("NGA", "Nigeria", "Nigéria"),
    ],
)
def test_countries_carry_un_short_names_as_preferred_labels(ask, country, english, french):
    assert ask(f"""SELECT ?en ?fr WHERE {{ GRAPH id:graph-entities {{
                     id:country-{country} skos:prefLabel ?en , ?fr
                     FILTER (LANG(?en) = "en" && LANG(?fr) = "fr") }} }}""") == {(english, french)}


def test_iso_and_document_forms_stay_alternative_labels(ask):
    assert ask("""SELECT ?l WHERE { GRAPH id:graph-entities { id:country-MMR skos:altLabel ?l } }""") == {
        ("Birmanie",),
        ("Republic of Myanmar",),
    }
    assert ("Vietnam",) in ask(
        "SELECT ?l WHERE { GRAPH id:graph-entities { id:country-VNM skos:altLabel ?l } }"
    )


def test_no_label_that_no_document_or_official_list_uses(ask):
    """The BIT is the ILO's secretariat; no document calls the ILO "BIT"."""
    labels = ask("SELECT ?l WHERE { GRAPH id:graph-entities { id:ilo skos:prefLabel|skos:altLabel ?l } }")
    assert labels == {
        ("ILO",),
        ("OIT",),
        ("International Labour Organization",),
        ("Organisation internationale du Travail",),
    }


def test_icat_french_and_english_labels_name_the_same_group(ask):
    """001 §39 names ICAT "Groupe interinstitutions de coordination contre la traite des
    personnes", as the English name does; 000 §4, §10 and 002 preamble-12 "de coopération"
    (an alternative label)."""
    assert ask("SELECT ?l WHERE { GRAPH id:graph-entities { id:icat skos:prefLabel ?l } }") == {
        ("Groupe interinstitutions de coordination contre la traite des personnes",),
        ("Inter-Agency Coordination Group against Trafficking in Persons",),
    }


def test_entity_profile_never_shows_ocr_damaged_labels(real_built):
    """001 prints "I'ONUDC" (OCR): a hidden label, found by the resolver but never shown."""
    _, rows = named(real_built, "entity-profile", "entity=I'ONUDC")
    assert ("http://www.w3.org/2004/02/skos/core#altLabel", "ONUDC") in rows
    assert [r for r in rows if "hiddenLabel" in r[0] or "I'ONUDC" in r[1]] == []


# --- 3. Time -------------------------------------------------------------------------------------

ICAT_2008 = {
    "ilo", "instraw", "interpol", "iom", "ohchr", "osrsg-caac", "un-daw",
    "unfip", "unfpa", "unhcr", "unicef", "unifem", "unodc", "world-bank",
}  # fmt: skip


def test_icat_members_as_of_2008(real_built):
    """000 §11 and 003 §86 (as of 2008: 000 §3, 003 §2 "informations reçues par l'Office au 24
    janvier 2008") list the bodies present at the Group's three meetings."""
    _, rows = named(real_built, "members-of-mechanism", "mechanism=ICAT", "as_of=2008")
    assert {r[0] for r in rows} == ICAT_2008
    assert {(r[0], r[2]) for r in rows if r[0] == "unodc"} == {("unodc", "member"), ("unodc", "coordinator")}


def test_icat_members_as_of_2013_without_the_bodies_un_women_replaced(real_built):
    """002 preamble-12 (as of 2013: preamble-27, November 2013): "notamment l'Office [...], ONU-Femmes,
    [...] le Programme des Nations Unies pour l'environnement, [...] l'UNESCO"."""
    _, rows = named(real_built, "members-of-mechanism", "mechanism=ICAT", "as_of=2013")
    assert {r[0] for r in rows} == {
        "ilo", "iom", "ohchr", "un-women", "unep", "unesco", "unfpa", "unhcr", "unicef", "unodc",
    }  # fmt: skip
    assert not {"unifem", "un-daw", "instraw"} & {r[0] for r in rows}


def test_members_by_default_show_the_period_their_sources_cover(real_built):
    columns, rows = named(real_built, "members-of-mechanism", "mechanism=ICAT")
    assert columns[-3:] == ["reported_from", "reported_to", "replaced_by"]
    period = {r[0]: (r[5], r[6], r[7]) for r in rows if r[2] == "member"}
    assert period["unifem"] == ("2008", "2008", "un-women")
    assert period["un-women"] == ("2013", "2013", "")
    assert period["ilo"] == ("2008", "2013", "")


def test_successors_of_unifem_daw_and_instraw(ask):
    assert ask("""SELECT ?old ?new ?when WHERE { GRAPH id:graph-entities {
                    ?old dcterms:isReplacedBy ?new ; atkg:replacedOn ?when } }""") == {
        ("unifem", "un-women", "2010"),
        ("un-daw", "un-women", "2010"),
        ("instraw", "un-women", "2010"),
    }


def test_who_attended_the_2006_2007_meetings(ask):
    """000 §11: "Les représentants des entités suivantes étaient présents aux trois réunions tenues
    jusqu'à ce jour"; 003 §86: "Ont participé aux trois réunions que le Groupe a tenues à ce jour":
    the Tokyo meeting of 2006 (003 §85) and the two 2007 meetings."""
    for passage in ("passage-000-11", "passage-003-86"):
        for meeting in ("event-tokyo-inter-agency-meeting-2006", "event-icat-meetings-new-york-2007"):
            found = ask(
                f"SELECT ?who WHERE {{ GRAPH id:{passage} {{ id:{meeting} atkg:participant ?who }} }}"
            )
            assert {w for (w,) in found} == ICAT_2008, (passage, meeting)


def test_each_document_says_as_of_when_it_speaks(ask):
    assert ask("""SELECT ?doc ?date ?g WHERE { GRAPH ?g { ?doc atkg:asOf ?date } }""") == {
        ("doc-000", "2008", "passage-000-3"),
        ("doc-001", "2012", "passage-001-2"),
        ("doc-002", "2013", "passage-002-preamble-27"),
        ("doc-003", "2008-01-24", "passage-003-2"),
        ("doc-004", "2010", "passage-004-fn-star"),
    }


def test_lists_given_as_examples_are_marked_not_exhaustive(ask):
    """002 preamble-12: "le Groupe interinstitutions [...], notamment l'Office [...]"; 000 §8: "Les
    entités partenaires sont notamment le [UNICEF] [...]"; 004 §61: "des organismes des Nations
    Unies [...], comme le Haut-Commissariat des Nations Unies pour les réfugiés et UNIFEM"; 003 §24:
    "des pays de destination comme la Belgique, Chypre, l'Italie et la République tchèque"."""
    assert ask("SELECT ?g ?owner ?p WHERE { GRAPH ?g { ?owner atkg:listNotExhaustive ?p } }") == {
        ("passage-002-preamble-12", "icat", "http://www.w3.org/ns/org#hasMember"),
        (
            "passage-000-8",
            "agreement-unodc-anti-trafficking-partners",
            "https://w3id.org/atkg/ontology#party",
        ),
        ("passage-004-61", "programme-ungift-joint-programmes", "https://w3id.org/atkg/ontology#partner"),
        ("passage-003-24", "obs-003-24-2", "http://purl.org/dc/terms/spatial"),
    }


# --- 4. Conflicts --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def conflicts(real_built):
    from kg.build import load_sources
    from kg.conflicts import find_conflicts

    return find_conflicts(load_sources(real_built))


def test_the_ungift_launch_date_is_the_only_true_contradiction(conflicts):
    """004 §2: "UN.GIFT a été lancée en mars 2007"; 000 §14: "(UN.GIFT), lancée en mars 2008"."""
    assert [(c.subject, c.property, c.value, c.sources) for c in conflicts if c.kind == "contradiction"] == [
        ("ungift", "atkg:launchDate", "2007-03", ("passage-004-2",)),
        ("ungift", "atkg:launchDate", "2008-03", ("passage-000-14",)),
    ]


def test_the_icat_lists_differ_by_time_and_completeness_not_by_contradiction(conflicts):
    """000 §11 and 003 §86 (2008) against 002 preamble-12 (2013, "notamment")."""
    icat = {c.value: c.kind for c in conflicts if c.subject == "icat"}
    assert icat == {
        "un-women": "time", "unep": "time", "unesco": "time",
        "instraw": "completeness", "interpol": "completeness", "osrsg-caac": "completeness",
        "un-daw": "completeness", "unfip": "completeness", "unifem": "completeness", "world-bank": "completeness",
    }  # fmt: skip


def test_dates_at_two_precisions_are_compatible(conflicts):
    """001 §11 "2013" and 002 preamble-11 "les 3 et 4 octobre 2013"."""
    assert {(c.value, c.kind) for c in conflicts if c.subject == "event-hld-migration-development-2013"} == {
        ("2013", "precision"),
        ("2013-10-03", "precision"),
    }


def test_the_conflicts_command_says_which_kind(cli, real_built):
    result = cli("--workspace", str(real_built.root), "conflicts", "--format", "csv")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "kind,subject,property,value,stated in,not in"
    assert lines[1] == "contradiction,ungift,atkg:launchDate,2007-03,passage-004-2,"
    assert result.stderr == "2 contradiction, 3 time, 7 completeness, 4 precision (rows by kind)\n"


# --- 5. One identity per real thing ---------------------------------------------------------------


def test_programmes_in_bolivia_counted_once(real_built):
    """004 §61: "en Argentine et en Bolivie"; 001 §10: "du même type [...] en Bolivie (État
    plurinational de)": one programme (kg/data/README.md, one identity per real thing)."""
    _, rows = named(real_built, "joint-programmes", "country=BOL")
    assert [r[0] for r in rows] == ["programme-ungift-argentina-bolivia", "programme-ungift-joint-programmes"]


def test_the_rwanda_programme_carries_both_passages_facts(ask):
    """004 §61: "au Rwanda et au Burundi"; 001 §10: "En novembre 2011, l'ONUDC a lancé, conjointement
    avec l'[OIM], un programme de ce type, au Rwanda"."""
    assert ask("""SELECT ?g ?p ?o WHERE { GRAPH ?g { id:programme-ungift-rwanda-burundi ?p ?o }
                  FILTER (?p IN (atkg:implementedIn, atkg:launchDate, atkg:partner)) }""") == {
        ("passage-004-61", "https://w3id.org/atkg/ontology#implementedIn", "country-RWA"),
        ("passage-004-61", "https://w3id.org/atkg/ontology#implementedIn", "country-BDI"),
        ("passage-001-10", "https://w3id.org/atkg/ontology#implementedIn", "country-RWA"),
        ("passage-001-10", "https://w3id.org/atkg/ontology#launchDate", "2011-11"),
        ("passage-001-10", "https://w3id.org/atkg/ontology#partner", "iom"),
        ("passage-001-10", "https://w3id.org/atkg/ontology#partner", "unodc"),
    }
    assert (
        ask(
            "SELECT ?p WHERE { GRAPH ?g { ?p a atkg:JointProgramme } FILTER (?p = id:programme-ungift-rwanda) }"
        )
        == set()
    )


# --- 7. Links instead of prose --------------------------------------------------------------------


def test_states_reporting_shelters_for_victims(ask):
    """003 §61: "Le Bélarus, la Bulgarie, la Croatie, El Salvador, l'Estonie, le Japon, Maurice, le
    Myanmar, le Niger, les Pays-Bas, les Philippines, la Pologne, le Qatar, la République tchèque et
    la Roumanie ont indiqué que des centres spéciaux [...]"."""
    assert ask(
        """SELECT ?c WHERE { GRAPH id:passage-003-61 { ?c atkg:reportsPractice id:practice-victim-shelters } }"""
    ) == {(f"country-{c}",) for c in "BLR BGR HRV SLV EST JPN MUS MMR NER NLD PHL POL QAT CZE ROU".split()}


def test_states_that_signed_or_ratified_the_optional_protocol(ask):
    """003 fn-8: "Bulgarie, El Salvador, Estonie, Hongrie, Japon, Liechtenstein, Maurice, Niger et
    République tchèque" (§7: "ont indiqué avoir ratifié ou signé")."""
    assert ask("SELECT ?c WHERE { GRAPH ?g { ?c atkg:signedOrRatified id:instrument-crc-opsc } }") == {
        (f"country-{c}",) for c in "BGR SLV EST HUN JPN LIE MUS NER CZE".split()
    }
    assert ask("SELECT ?c WHERE { GRAPH ?g { ?c atkg:ratificationInProgress ?i } }") == {("country-LIE",)}


def test_places_plans_and_publications_are_links(ask):
    """004 §54 "250 membres en Inde"; 004 §43 "présentée au Sommet 2010 des dirigeants"; 002 §3
    "réunion de haut niveau consacrée à l'évaluation [...] du Plan d'action mondial"."""
    assert ask(
        "SELECT ?v ?where WHERE { GRAPH ?g { id:obs-004-54-1 atkg:value ?v ; dcterms:spatial ?where } }"
    ) == {("250", "country-IND")}
    assert ask(
        "SELECT ?p WHERE { GRAPH ?g { id:event-global-compact-leaders-summit-2010 atkg:presented ?p } }"
    ) == {("pub-human-trafficking-and-business",)}
    assert ask(
        "SELECT ?s WHERE { GRAPH ?g { id:pub-human-trafficking-and-business dcterms:source ?s } }"
    ) == {("pub-private-sector-survey",)}
    assert ask(
        "SELECT ?p WHERE { GRAPH ?g { id:event-ga-high-level-meeting-global-plan-2013 atkg:reviewed ?p } }"
    ) == {("plan-global-plan-of-action",)}


def test_prose_only_fact_units_are_under_ten_percent(real_built):
    from kg.stats import prose_share
    from kg.store import open_store

    share = prose_share(open_store(real_built.store))
    assert (share.units, share.prose_only) == (830, 70)
    assert share.percent == 8.4 < 10


def test_stats_prints_the_prose_only_share(cli, real_built):
    result = cli("--workspace", str(real_built.root), "stats", "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout.endswith(
        "\nFact units (what one passage says of one subject) that are only a description\n"
        "fact units,prose-only,percent\n830,70,8.4\n"
    )
