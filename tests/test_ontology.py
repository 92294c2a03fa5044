"""The ontology defines the whole public vocabulary, is OWL 2 DL, and HermiT finds it consistent."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.namespace import ATKG

ROOT = Path(__file__).resolve().parent.parent

# The terms of shared/vocabulary.md (the public API): each must be defined.
VOCABULARY_CLASSES = """UNEntity IntergovernmentalOrganization RegionalOrganization GovernmentBody
NonGovernmentalOrganization PrivateSectorEntity AcademicInstitution MediaOrganization Fund Initiative
CoordinationMechanism Country Region Agreement MemorandumOfUnderstanding WorkingArrangement
CooperationAgreement Partnership JointProgramme Event Campaign Publication LegalInstrument Resolution
SourceDocument Passage""".split()
VOCABULARY_PROPERTIES = """coordinates chairs party partner implementedIn fundedBy launchedBy organizedBy
hostedBy participant location placeName publishedBy managedBy basedIn ratified establishedBy startDate
endDate launchDate iso3166Alpha3 iso3166Alpha2 includesCountry inDocument paragraph sourceFile""".split()
ROLES = "MemberRole ChairRole CoordinatorRole FounderRole ObserverRole".split()


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ROOT / "ontology" / "atkg.ttl")


def _labels(graph: Graph, term: URIRef) -> set[str]:
    return {o.language for o in graph.objects(term, RDFS.label) if isinstance(o, Literal)}


@pytest.mark.parametrize("name", VOCABULARY_CLASSES)
def test_every_vocabulary_class_is_defined(ontology, name):
    term = ATKG[name]
    assert (term, RDF.type, OWL.Class) in ontology
    assert _labels(ontology, term) == {"en", "fr"}
    assert ontology.value(term, RDFS.comment) is not None


@pytest.mark.parametrize("name", VOCABULARY_PROPERTIES)
def test_every_vocabulary_property_is_defined(ontology, name):
    term = ATKG[name]
    kinds = set(ontology.objects(term, RDF.type))
    assert kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}
    assert _labels(ontology, term) == {"en", "fr"}
    assert ontology.value(term, RDFS.comment) is not None


def test_roles_are_org_roles(ontology):
    for name in ROLES:
        assert (ATKG[name], RDF.type, URIRef("http://www.w3.org/ns/org#Role")) in ontology


def test_subclass_tree_and_inverse(ontology):
    org = "http://www.w3.org/ns/org#"
    assert (
        ATKG.CoordinationMechanism,
        RDFS.subClassOf,
        URIRef(org + "OrganizationalCollaboration"),
    ) in ontology
    assert (ATKG.MemorandumOfUnderstanding, RDFS.subClassOf, ATKG.Agreement) in ontology
    assert (URIRef(org + "memberOf"), OWL.inverseOf, URIRef(org + "hasMember")) in ontology


def test_metadata(ontology):
    onto = URIRef("https://w3id.org/atkg/ontology")
    assert ontology.value(onto, OWL.versionIRI) == URIRef("https://w3id.org/atkg/ontology/0.1.0")
    assert str(ontology.value(onto, URIRef("http://purl.org/dc/terms/creator"))) == "atkg contributors"
    assert ontology.value(onto, URIRef("http://purl.org/dc/terms/license")) is not None


def test_every_defined_atkg_term_is_in_the_closed_namespace(ontology):
    defined = {str(s) for s in ontology.subjects() if str(s).startswith("https://w3id.org/atkg/ontology#")}
    assert defined == {str(ATKG[name]) for name in ATKG.__annotations__}


def test_hermit_finds_the_ontology_consistent(tmp_path):
    from owlready2 import World, sync_reasoner_hermit

    path = tmp_path / "atkg.owl"
    Graph().parse(ROOT / "ontology" / "atkg.ttl").serialize(path, format="xml")
    world = World()
    ontology = world.get_ontology(path.as_uri()).load()
    with ontology:
        sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    assert list(world.inconsistent_classes()) == []
    assert len(list(ontology.classes())) >= len(VOCABULARY_CLASSES)


def test_hermit_catches_a_country_that_is_an_agreement(tmp_path):
    from owlready2 import OwlReadyInconsistentOntologyError, World, sync_reasoner_hermit

    graph = Graph().parse(ROOT / "ontology" / "atkg.ttl")
    bad = URIRef("https://w3id.org/atkg/id/bad")
    graph.add((bad, RDF.type, ATKG.Country))
    graph.add((bad, RDF.type, ATKG.Agreement))
    path = tmp_path / "bad.owl"
    graph.serialize(path, format="xml")
    world = World()
    ontology = world.get_ontology(path.as_uri()).load()
    with pytest.raises(OwlReadyInconsistentOntologyError), ontology:
        sync_reasoner_hermit(world, infer_property_values=False, debug=0)
