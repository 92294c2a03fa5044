"""pyshacl with ontology/shapes.ttl: the seed conforms; each kind of bad data is reported."""

from __future__ import annotations

from pathlib import Path

from kg.build import load_sources, shacl_findings

PREFIXES = """@prefix atkg: <https://w3id.org/atkg/ontology#> .
@prefix id: <https://w3id.org/atkg/id/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
SEED = Path(__file__).resolve().parent / "data" / "seed"


def test_seed_data_conforms(seed_workspace):
    assert shacl_findings(seed_workspace, load_sources(seed_workspace)) == []


def test_non_conforming_sample_is_reported(workspace_factory):
    files = {p.name: p.read_text() for p in SEED.glob("*.trig")}
    files["bad.trig"] = (
        PREFIXES
        + """
id:graph-entities {
    id:country-ZZZ a atkg:Country ; skos:prefLabel "Nulle part"@fr , "Nowhere"@en .
    id:lonely-agreement a atkg:Agreement ; skos:prefLabel "Accord"@fr , "Agreement"@en ;
        skos:prefLabel "Accord bis"@fr .
}
id:passage-001-12 {
    id:lonely-agreement atkg:party id:unodc ; dcterms:date "April 2012" .
    id:membership-x a org:Membership ; org:member id:unodc ; org:organization id:icat , id:gmg ;
        org:role atkg:ChairRole .
}
"""
    )
    workspace = workspace_factory(files)
    messages = [str(f) for f in shacl_findings(workspace, load_sources(workspace))]
    assert messages == [
        "shacl: country-ZZZ iso3166Alpha2: needs one ISO 3166-1 alpha-2 code",
        "shacl: country-ZZZ iso3166Alpha3: needs one ISO 3166-1 alpha-3 code",
        "shacl: lonely-agreement party: an agreement needs at least two parties; create an agreement "
        "with its parties in one command: `atkg agreement add --type T --party A --party B --source "
        "DOC:PARA`",
        "shacl: lonely-agreement prefLabel: needs exactly one skos:prefLabel in @fr and one in @en",
        "shacl: lonely-agreement: dates are xsd:date, xsd:gYearMonth or xsd:gYear",
        "shacl: membership-x organization: a membership has exactly one organization "
        "(org:organization is functional)",
    ]
