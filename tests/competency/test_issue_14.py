"""Issue 14: answers true in time and in name. Each test quotes the passage it checks against."""

from __future__ import annotations

import pytest

from kg.output import term_text
from kg.querypack import run_by_name


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


@pytest.mark.parametrize("query", ["joint-programmes", "events-by-year"])
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
