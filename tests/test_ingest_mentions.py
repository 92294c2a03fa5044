"""Known-entity mentions: the errors an audit of the leave-one-out proposals found
(benchmarks/data/mention-audit.tsv), each fixed in kg/ingest/mentions.py, on short French texts.

Most tests read the graph without the entity that would otherwise take the span, as in the
leave-one-out benchmark, where the short label is all the matcher has.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest.audit import HEADER, audited, read_audit
from kg.ingest.gazetteer import Gazetteer
from kg.ingest.mentions import find_mentions
from kg.namespace import GRAPH_ENTITIES, shorten

ROOT = Path(__file__).resolve().parent.parent


def without(quads, *slugs: str) -> Gazetteer:
    """The graph's names without these entities (as if a new report introduced them)."""
    return Gazetteer.from_quads(q for q in quads if not (q[3] == GRAPH_ENTITIES and shorten(q[0]) in slugs))


def mentioned(
    text: str, gazetteer: Gazetteer, earlier: frozenset[str] = frozenset()
) -> list[tuple[str, str]]:
    return [(m.text, m.slug) for m in find_mentions(text, gazetteer, earlier)]


def test_an_acronym_is_a_whole_word_in_capitals(gazetteer):
    assert mentioned("le respect des droits de l’homme et l’OIT", gazetteer) == [("OIT", "ilo")]
    assert mentioned("les oit et les droits", gazetteer) == []


def test_a_number_does_not_match_inside_a_longer_number(curated_quads):
    text = "conformément à la résolution 55/25 de l’Assemblée générale"
    assert mentioned(text, without(curated_quads, "resolution-ga-55-25")) == [
        ("Assemblée générale", "un-general-assembly")
    ]


def test_a_one_word_label_is_a_name_only_when_capitalised(gazetteer):
    text = "le secrétariat a établi un rapport; le Secrétariat a établi un rapport; des ateliers"
    assert mentioned(text, gazetteer) == [("Secrétariat", "un-secretariat")]


def test_a_generic_label_after_an_indefinite_article_is_another_of_its_kind(gazetteer):
    assert mentioned("Un groupe de travail interdisciplinaire se réunit deux fois par an.", gazetteer) == []
    assert mentioned("le contenu d’un outil de formation en ligne destiné aux entreprises", gazetteer) == []


def test_a_name_the_text_qualifies_differently_is_another_body(curated_quads):
    gazetteer = without(curated_quads, "unov", "event-hrc-17-2011")
    assert mentioned("au Siège de l’Office des Nations Unies à Vienne", gazetteer) == []
    assert mentioned("L’Assemblée a prié l’Office de continuer ses travaux.", gazetteer) == [
        ("l’Office", "unodc")
    ]
    assert mentioned("en marge de la dix-septième session du Conseil des droits de l’homme", gazetteer) == [
        ("Conseil des droits de l’homme", "human-rights-council")
    ]
    assert mentioned("le rapport pour la dix-septième session de la Commission", gazetteer) == [
        ("dix-septième session", "event-ccpcj-17-2008")
    ]
    assert mentioned("les membres du Comité directeur de UN.GIFT", gazetteer) == [
        ("Comité directeur", "ungift-steering-committee"),
        ("UN.GIFT", "ungift"),
    ]
    assert mentioned("la Conférence des Parties à la Convention est instituée", gazetteer) == [
        ("Conférence des Parties", "cop-untoc")
    ]


def test_a_longer_name_that_diverges_is_not_the_known_one(curated_quads):
    text = (
        "le Fonds de contributions volontaires des Nations Unies pour la lutte contre les formes "
        "contemporaines d’esclavage"
    )
    assert mentioned(text, without(curated_quads, "un-trust-fund-contemporary-slavery")) == []


def test_a_national_body_named_generically_needs_its_country(gazetteer):
    belarus = "Le Bélarus a indiqué que le Ministère de l’intérieur forme des spécialistes."
    india = "Le Ministère indien de la femme et le Ministère de l’intérieur y participent."
    assert mentioned(belarus, gazetteer) == [
        ("Bélarus", "country-BLR"),
        ("Ministère de l’intérieur", "blr-ministry-interior"),
    ]
    assert mentioned(india, gazetteer) == [
        ("indien", "country-IND"),
        ("Ministère de l’intérieur", "ind-ministry-home-affairs"),
    ]
    assert mentioned("le Ministère de l’intérieur a publié un rapport", gazetteer) == []
    # a country is needed in the passage itself, a parent may be named in the passage before
    assert (
        mentioned("le Ministère de l’intérieur a publié un rapport", gazetteer, frozenset({"country-BLR"}))
        == []
    )
    assert mentioned("Les programmes conjoints ont commencé.", gazetteer) == []
    assert mentioned("Les programmes conjoints ont commencé.", gazetteer, frozenset({"ungift"})) == [
        ("programmes conjoints", "programme-ungift-joint-programmes")
    ]


def test_country_adjectives_and_names_used_for_other_things(curated_quads):
    gazetteer = without(curated_quads, "qatar-airways")
    text = (
        "une subvention de 25 000 dollars des États-Unis, traduite en néerlandais, avec Qatar Airways "
        "et l’artiste américain"
    )
    assert mentioned(text, gazetteer) == [("américain", "country-USA")]


def test_a_title_in_lower_case_is_not_the_resolution(gazetteer):
    title = "mélioration de la coordination des efforts déployés pour lutter contre la traite des personnes"
    text = f"les progrès en ce qui concerne l’a{title}"
    assert mentioned(text, gazetteer) == []
    titled = f"la résolution intitulée « A{title} »"
    assert [slug for _, slug in mentioned(titled, gazetteer)] == ["resolution-ga-61-180"]


# Rules written from the errors of reports A and B (tests/data/ingest/, benchmarks/data/heldout/)
# and the corpus, the sentences below being new ones of the same kinds.


def test_parts_of_a_statement_are_not_mentions(gazetteer):
    # "measure-states-parties" (Nombre d'États parties) is a node of an observation, not a thing named
    assert mentioned("le nombre d’États parties au Protocole a augmenté", gazetteer) == []


def test_a_national_body_whose_label_omits_its_country_needs_the_country(gazetteer):
    assert mentioned("Le Comité national est présidé par le Premier Ministre.", gazetteer) == []
    assert mentioned("En Croatie, le Comité national est présidé par le Premier Ministre.", gazetteer) == [
        ("Croatie", "country-HRV"),
        ("Comité national", "hrv-national-committee-trafficking"),
    ]
    # "(Pays-Bas)" ends the preferred label: the hyphenated country counts as one rest
    assert mentioned("Aux Pays-Bas, le Ministère de la justice finance des foyers.", gazetteer) == [
        ("Pays-Bas", "country-NLD"),
        ("Ministère de la justice", "nld-ministry-justice"),
    ]
    text = "accueilli par le Ministère de la justice et des droits de l’homme de l’Argentine"
    assert mentioned(text, gazetteer) == [("Argentine", "country-ARG")]


def test_a_title_held_by_a_woman(gazetteer):
    text = (
        "la Rapporteuse spéciale sur la traite des êtres humains, en particulier des femmes et des "
        "enfants, a parlé"
    )
    assert mentioned(text, gazetteer) == [
        (
            "Rapporteuse spéciale sur la traite des êtres humains, en particulier des femmes et des enfants",
            "special-rapporteur-trafficking",
        )
    ]


def test_a_body_followed_by_where_it_works_is_that_body(gazetteer):
    assert mentioned(
        "la ligne mise en place par I’ OIM au Tadjikistan et le HCR au Guatemala", gazetteer
    ) == [
        ("OIM", "iom"),
        ("Tadjikistan", "country-TJK"),
        ("HCR", "unhcr"),
        ("Guatemala", "country-GTM"),
    ]
    assert mentioned("Le Bureau central national d’Interpol à Chisinau a traité 57 demandes.", gazetteer) == [
        ("Interpol", "interpol")
    ]


def test_a_country_adjective_in_a_compound_or_after_states_is_not_the_country(gazetteer):
    text = "le Forum latino-américain et l’Organisation des États américains (OEA)"
    assert mentioned(text, gazetteer) == []


def test_a_region_inside_the_name_of_another_body_is_part_of_that_name(gazetteer):
    text = (
        "l’Association des nations de l’Asie du Sud-Est (ASEAN) et un Centre de recherche sur la traite "
        "et les migrations en Asie du Sud-Est"
    )
    assert mentioned(text, gazetteer) == []
    assert mentioned("L’ONUDC et l’OIM ont des programmes en Asie centrale.", gazetteer) == [
        ("L’ONUDC", "unodc"),
        ("OIM", "iom"),
        ("Asie centrale", "region-central-asia"),
    ]


def test_a_one_word_name_with_an_adjective_of_its_own_is_another_body(gazetteer):
    assert mentioned("le Secrétariat permanent du Comité national", gazetteer) == []
    assert mentioned("le Secrétariat exécutif de la Commission", gazetteer) == []


def test_a_note_dated_otherwise_is_another_note(gazetteer):
    assert mentioned("la note verbale du Secrétariat datée du 12 février 2014", gazetteer) == [
        ("Secrétariat", "un-secretariat")
    ]
    assert mentioned("la note verbale du 12 novembre 2007", gazetteer) == [
        ("note verbale", "pub-note-verbale-sg-2007")
    ]


def test_a_title_followed_by_another_documents_symbol_is_that_document(curated_quads, gazetteer):
    title = (
        "Renforcement de la coopération internationale en vue de prévenir et de combattre la traite des "
        "personnes et d’en protéger les victimes"
    )
    text = f"le rapport intitulé “{title}” (E/CN.15/2005/8)"
    # the resolution of 2006 bears the same title; the report of 2005 is not in this graph
    assert mentioned(text, without(curated_quads, "pub-report-e-cn15-2005-8")) == []
    assert [slug for _, slug in mentioned(text, gazetteer)] == ["pub-report-e-cn15-2005-8"]


def test_a_possessive_makes_a_common_noun_of_a_name(gazetteer):
    text = "le Réseau a tenu son assemblée générale à Genève; l’Assemblée générale a adopté la résolution"
    assert mentioned(text, gazetteer) == [("Assemblée générale", "un-general-assembly")]


def test_a_name_of_four_letters_or_more_may_be_written_as_a_word(gazetteer):
    assert mentioned("l’organisation Lefö et l’Unicef", gazetteer) == [("Lefö", "lefo"), ("Unicef", "unicef")]
    assert mentioned("les Oit et les Hcr", gazetteer) == []  # three letters: capitals only


def test_a_description_after_an_indefinite_article_is_another_of_its_kind_even_capitalised(gazetteer):
    assert mentioned("l’Alliance a publié un Code de conduite pour le recrutement éthique", gazetteer) == []


def test_audited_precision_counts_judged_mentions(tmp_path):
    audit = tmp_path / "audit.tsv"
    audit.write_text(
        f"{HEADER}\n905-1\tunodc\tl’Office\ttrue\tnames UNODC\n905-2\tilo\tOIT\tfalse\tinside a word\n",
        encoding="utf-8",
    )
    judged = read_audit(audit)
    candidates = [
        {"kind": "entity", "passage": p, "entity": e}
        for p, e in [("905-1", "iom"), ("905-1", "unodc"), ("905-2", "ilo"), ("905-3", "hrc")]
    ]
    # iom is in the gold, unodc judged true, ilo judged false, hrc not judged (counted wrong)
    assert audited(candidates, {("905-1", "iom")}, judged) == (2, 4, 1)
    audit.write_text("passage\tentity\n", encoding="utf-8")
    with pytest.raises(ValueError, match="the first line must be the header"):
        read_audit(audit)
