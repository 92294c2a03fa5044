"""Our vocabulary as closed namespaces, so a misspelt term fails at import, not in a query."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from kg.prefixes import PREFIXES

__all__ = [
    "ATKG",
    "ID",
    "ORG",
    "TIME",
    "PROV",
    "PREFIXES",
    "GRAPH_ENTITIES",
    "GRAPH_PROVENANCE",
    "GRAPH_INFERRED",
    "GRAPH_ONTOLOGY",
    "ONTOLOGY_IRI",
    "shorten",
]


class ATKG(DefinedNamespace):
    """Classes, properties and role individuals of the anti-trafficking knowledge graph."""

    _NS = Namespace("https://w3id.org/atkg/ontology#")
    _fail = True

    # Actors
    UNEntity: URIRef
    IntergovernmentalOrganization: URIRef
    RegionalOrganization: URIRef
    GovernmentBody: URIRef
    NonGovernmentalOrganization: URIRef
    PrivateSectorEntity: URIRef
    AcademicInstitution: URIRef
    MediaOrganization: URIRef
    Fund: URIRef
    Initiative: URIRef
    CoordinationMechanism: URIRef
    Country: URIRef
    Region: URIRef
    # Agreements, activities, documents
    Agreement: URIRef
    MemorandumOfUnderstanding: URIRef
    WorkingArrangement: URIRef
    CooperationAgreement: URIRef
    Partnership: URIRef
    JointProgramme: URIRef
    Event: URIRef
    Campaign: URIRef
    Publication: URIRef
    LegalInstrument: URIRef
    Resolution: URIRef
    ActionPlan: URIRef
    Award: URIRef
    Ratification: URIRef
    Observation: URIRef
    Measure: URIRef
    # Provenance
    SourceDocument: URIRef
    Passage: URIRef
    # Roles
    MemberRole: URIRef
    ChairRole: URIRef
    CoordinatorRole: URIRef
    FounderRole: URIRef
    ObserverRole: URIRef
    # Object properties
    coordinates: URIRef
    chairs: URIRef
    observerOf: URIRef
    party: URIRef
    partner: URIRef
    implementedIn: URIRef
    fundedBy: URIRef
    launchedBy: URIRef
    organizedBy: URIRef
    hostedBy: URIRef
    participant: URIRef
    location: URIRef
    publishedBy: URIRef
    managedBy: URIRef
    basedIn: URIRef
    ratified: URIRef
    establishedBy: URIRef
    includesCountry: URIRef
    adoptedBy: URIRef
    requests: URIRef
    outcome: URIRef
    awardedTo: URIRef
    contributedTo: URIRef
    ratifyingState: URIRef
    instrument: URIRef
    observedEntity: URIRef
    measure: URIRef
    inDocument: URIRef
    # Data properties
    placeName: URIRef
    startDate: URIRef
    endDate: URIRef
    launchDate: URIRef
    iso3166Alpha3: URIRef
    iso3166Alpha2: URIRef
    value: URIRef
    unit: URIRef
    period: URIRef
    valueQualifier: URIRef
    paragraph: URIRef
    sourceFile: URIRef
    text: URIRef
    line: URIRef
    provenanceNote: URIRef
    # issue 14: time, completeness, succession
    asOf: URIRef
    listNotExhaustive: URIRef
    replacedOn: URIRef
    Practice: URIRef
    reportsPractice: URIRef
    signedOrRatified: URIRef
    ratificationInProgress: URIRef
    presented: URIRef
    reviewed: URIRef
    nameKey: URIRef  # generated name index (graph id:graph-names), issue 12
    searchText: URIRef  # generated search text of a subject's labels (graph id:graph-names), issue 10


ID = Namespace("https://w3id.org/atkg/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
TIME = Namespace("http://www.w3.org/2006/time#")
PROV = Namespace("http://www.w3.org/ns/prov#")

ONTOLOGY_IRI = URIRef("https://w3id.org/atkg/ontology")
GRAPH_ENTITIES = ID["graph-entities"]
GRAPH_PROVENANCE = ID["graph-provenance"]
GRAPH_INFERRED = ID["graph-inferred"]
GRAPH_ONTOLOGY = ID["graph-ontology"]


def shorten(term: object) -> str:
    """How reports name an IRI: individuals by their slug, vocabulary terms as CURIEs.

    >>> shorten(ID.unodc), shorten(ORG.memberOf), shorten("http://example.org/x")
    ('unodc', 'org:memberOf', 'http://example.org/x')
    """
    text = str(term)
    for prefix, namespace in _BY_LENGTH:
        if text.startswith(namespace):
            local = text[len(namespace) :]
            return local if prefix == "id" else f"{prefix}:{local}"
    return text


# longest namespace first, so no namespace shadows a longer one it is a prefix of
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))
