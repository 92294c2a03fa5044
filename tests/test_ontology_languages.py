"""The ontology in both languages: every class and property has its label and its definition in
French and in English (the French site page shows only French), and `atkg validate` reports a
term that lacks one (untranslated-term)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.curation.terms import untranslated_term_findings
from kg.namespace import ATKG, GRAPH_ONTOLOGY, ID, PREFIXES
from kg.rdfio import parse_rdf, to_ox
from tests.conftest import ROOT
from tests.edit_support import ws_args
from tests.test_validate import CLEAN


@pytest.fixture(scope="module")
def ontology() -> list:
    return parse_rdf(ROOT / "ontology" / "atkg.ttl", "turtle", name="ontology/atkg.ttl", graph=GRAPH_ONTOLOGY)


def test_every_class_and_property_has_one_label_and_one_definition_per_language(ontology):
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}
    terms = {s for s, p, o, _ in ontology if p == RDF.type and o in kinds and isinstance(s, URIRef)}
    assert len(terms) == 122
    for term in sorted(terms):
        for predicate in (RDFS.label, RDFS.comment):
            texts = [o for s, p, o, _ in ontology if s == term and p == predicate]
            assert sorted(o.language for o in texts) == ["en", "fr"], (term, predicate)
        en, fr = sorted(
            (o for s, p, o, _ in ontology if s == term and p == RDFS.comment), key=lambda o: o.language
        )
        assert str(fr) != str(en) and str(fr).strip() == str(fr), term  # a translation, not a copy
    assert untranslated_term_findings(ontology) == []


def test_the_roles_are_named_and_defined_in_both_languages(ontology):
    for role in ("MemberRole", "ChairRole", "CoordinatorRole", "FounderRole", "ObserverRole"):
        for predicate in (RDFS.label, RDFS.comment):
            languages = sorted(o.language for s, p, o, _ in ontology if s == ATKG[role] and p == predicate)
            assert languages == ["en", "fr"], (role, predicate)


def test_the_french_definitions_speak_un_french(ontology):
    def french(term):
        return next(
            str(o) for s, p, o, _ in ontology if s == term and p == RDFS.comment and o.language == "fr"
        )

    assert (
        french(ATKG.coordinates)
        == "Le sujet assure la coordination de l'organisation (l'ONUDC coordonne l'ICAT)."
    )
    assert french(ATKG.IntergovernmentalOrganization) == (
        "Organisation dont les membres sont des États, extérieure au système des Nations Unies "
        "(OIM, INTERPOL)."
    )
    assert french(ATKG.MemorandumOfUnderstanding) == "Mémorandum d'accord."
    assert french(ATKG.WorkingArrangement) == "Arrangement de travail entre organismes."
    assert french(ATKG.ratified) == "L'État a ratifié l'instrument juridique ou y a adhéré."


def _new(name: str) -> URIRef:
    """A term the closed atkg namespace does not (yet) define."""
    return URIRef(PREFIXES["atkg"] + name)


def _term(term: URIRef, texts: dict) -> list:
    quads = [(term, RDF.type, OWL.Class, GRAPH_ONTOLOGY)]
    for (predicate, language), text in texts.items():
        quads.append((term, predicate, Literal(text, lang=language), GRAPH_ONTOLOGY))
    return quads


def test_untranslated_terms_are_found_with_what_they_lack():
    whole = {
        (RDFS.label, "en"): "a",
        (RDFS.label, "fr"): "b",
        (RDFS.comment, "en"): "c",
        (RDFS.comment, "fr"): "d",
    }
    half = {
        (RDFS.label, "en"): "task force",
        (RDFS.label, "fr"): "équipe spéciale",
        (RDFS.comment, "en"): "A task force.",
    }
    quads = (
        _term(_new("Whole"), whole)
        + _term(_new("TaskForce"), half)
        + [(_new("motto"), RDF.type, OWL.DatatypeProperty, GRAPH_ONTOLOGY)]
        # the same texts outside the ontology graph do not count, nor do untagged ones
        + [(_new("motto"), RDFS.comment, Literal("Motto."), GRAPH_ONTOLOGY)]
        + [(_new("motto"), RDFS.label, Literal("devise", lang="fr"), ID["graph-entities"])]
    )
    expected = [
        "untranslated-term: atkg:TaskForce lacks rdfs:comment@fr; add it to ontology/atkg.ttl",
        "untranslated-term: atkg:motto lacks rdfs:label@en, rdfs:label@fr, rdfs:comment@en, "
        "rdfs:comment@fr; add them to ontology/atkg.ttl",
    ]
    assert [str(f) for f in untranslated_term_findings(quads)] == expected
    # quads streamed from an Oxigraph store read the same
    streamed = [ox.Quad(*(to_ox(t) for t in quad)) for quad in quads]
    assert [str(f) for f in untranslated_term_findings(streamed)] == expected


def test_validate_reports_a_term_waiting_for_its_french_definition(workspace_factory, cli):
    ws = workspace_factory(CLEAN)
    added = cli(
        *ws_args(ws),
        "ontology", "add-class", "TaskForce", "--parent", "CoordinationMechanism",
        "--label-fr", "équipe spéciale", "--label-en", "task force", "--comment", "A task force.",
    )  # fmt: skip
    assert added.exit_code == 0, added.stderr
    result = cli(*ws_args(ws), "validate", "--no-reason")
    assert (result.exit_code, result.stdout) == (
        1,
        "untranslated-term (1)\n"
        "  atkg:TaskForce lacks rdfs:comment@fr; add it to ontology/atkg.ttl\n"
        "1 problem(s)\n",
    )


def test_add_property_writes_both_definitions_and_validate_is_clean(workspace_factory, cli):
    ws = workspace_factory(CLEAN)
    before = ws.ontology.read_text(encoding="utf-8")
    added = cli(
        *ws_args(ws),
        "ontology", "add-property", "motto", "--domain", "org:Organization", "--range", "xsd:string",
        "--label-fr", "devise", "--label-en", "motto",
        "--comment", "The motto of the organization.", "--comment-fr", "La devise de l'organisation.",
    )  # fmt: skip
    assert added.exit_code == 0, added.stderr
    assert ws.ontology.read_text(encoding="utf-8") == before.rstrip("\n") + (
        "\n\natkg:motto a owl:DatatypeProperty ;\n"
        "    rdfs:domain org:Organization ;\n"
        "    rdfs:range xsd:string ;\n"
        '    rdfs:label "motto"@en , "devise"@fr ;\n'
        '    rdfs:comment "The motto of the organization."@en ,\n'
        '        "La devise de l\'organisation."@fr .\n'
    )
    result = cli(*ws_args(ws), "validate", "--no-reason")
    assert (result.exit_code, result.stdout) == (0, "No problems found.\n")


def test_each_french_definition_sits_under_its_english_one_in_the_file():
    """The hand-edited layout `atkg ontology add-*` also writes: the English definition, then the
    French one on the next line, so a translation is reviewed beside what it translates."""
    import re

    text = (ROOT / "ontology" / "atkg.ttl").read_text(encoding="utf-8")
    lines = text.split("\n")
    english = [i for i, line in enumerate(lines) if re.search(r'rdfs:comment ".*"@en ,$', line)]
    assert len(english) == 122 + 5  # the classes and properties, and the five roles
    for i in english:
        assert re.fullmatch(r'        ".*"@fr [.;]', lines[i + 1]), lines[i + 1]
    assert text.endswith('"@fr .\n') and not re.search(r"[ \t]$", text, re.M)
