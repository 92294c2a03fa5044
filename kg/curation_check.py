"""Curators' quick check of kg/data before the full tooling exists (python -m kg.curation_check 001)."""

from __future__ import annotations

import gettext
import re
import sys
from pathlib import Path

import pycountry
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from kg.citations import MINTED_PREFIXES, check_citations, entity_labels
from kg.corpus import load_corpus
from kg.namespace import ID

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    wanted = set(sys.argv[1:])
    dataset = Dataset()
    for path in sorted((ROOT / "kg" / "data").glob("*.trig")):
        try:
            dataset.parse(path, format="trig")
        except Exception as error:  # noqa: BLE001
            print(f"{path}: {error}")
            return 1
    corpus = load_corpus(ROOT / "corpus")
    texts = {ID[p.slug]: p.text for doc in corpus.values() for p in doc.passages}
    labels = entity_labels(dataset)
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    problems = []
    used: set[URIRef] = set()
    for graph in dataset.graphs():
        name = str(graph.identifier)
        local = name.removeprefix(str(ID))
        if local.startswith("passage-"):
            if wanted and local.split("-")[1] not in wanted:
                continue
            if graph.identifier not in texts:
                problems.append(f"{local}: no such passage in the corpus (python -m kg.corpus)")
            for s, p, o in graph:
                for node in (s, o):
                    if isinstance(node, URIRef) and str(node).startswith(str(ID)):
                        used.add(node)
                if isinstance(o, Literal) and o.datatype and "date" in str(p).lower():
                    pass
    for node in sorted(used):
        local = str(node).removeprefix(str(ID))
        match = re.fullmatch(r"country-([A-Z]{3})", local)
        if match:
            country = pycountry.countries.get(alpha_3=match.group(1))
            if country is None:
                problems.append(f"{local}: not an ISO 3166 alpha-3 code")
                continue
            names = {country.name, getattr(country, "common_name", country.name),
                     french.gettext(country.name)}
            labels.setdefault(node, set()).update(names)
            continue
        if local.startswith(MINTED_PREFIXES):
            continue
        pref = {l.language for l in dataset.objects(node, SKOS.prefLabel)}
        if pref != {"fr", "en"} or len(list(dataset.objects(node, SKOS.prefLabel))) != 2:
            problems.append(f"{local}: needs exactly one skos:prefLabel @fr and one @en in an entities file")
        if not list(dataset.objects(node, RDF.type)):
            problems.append(f"{local}: has no rdf:type")
    findings = [f for f in check_citations(dataset, texts, labels)
                if not wanted or f.passage.split("-")[1] in wanted]
    for problem in problems:
        print(problem)
    for finding in findings:
        print(finding)
    print(f"{len(problems)} structural problems, {len(findings)} citation findings")
    return 1 if problems or findings else 0


if __name__ == "__main__":
    raise SystemExit(main())
