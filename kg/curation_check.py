"""Curators' quick check of kg/data before the full tooling exists (python -m kg.curation_check 001)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from rdflib import URIRef
from rdflib.namespace import RDF, SKOS

from kg.citations import MINTED_PREFIXES, check_citations
from kg.countries import country_quads
from kg.errors import KgError
from kg.namespace import ID
from kg.provenance import passage_texts
from kg.rdfio import parse_rdf

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    wanted = set(sys.argv[1:])
    quads = []
    for path in sorted((ROOT / "kg" / "data").glob("*.trig")):
        try:
            quads += parse_rdf(path, "trig", name=str(path.relative_to(ROOT)))
        except KgError as error:
            print(error)
            return 1
    texts = passage_texts(ROOT / "corpus")
    problems = []
    used: set[URIRef] = set()
    for s, _, o, g in quads:
        local = str(g).removeprefix(str(ID))
        if not local.startswith("passage-") or (wanted and local.split("-")[1] not in wanted):
            continue
        if g not in texts:
            problems.append(f"{local}: no such passage in the corpus (python -m kg.corpus)")
        used |= {n for n in (s, o) if isinstance(n, URIRef) and str(n).startswith(str(ID))}
    defined = {s for s, p, _, _ in quads if p == RDF.type}
    prefs: dict[URIRef, list[str]] = {}
    for s, p, o, _ in quads:
        if p == SKOS.prefLabel:
            prefs.setdefault(s, []).append(o.language)
    for node in sorted(used):
        local = str(node).removeprefix(str(ID))
        if re.fullmatch(r"country-[A-Z]{3}", local):
            try:
                quads += country_quads(local.removeprefix("country-"))
            except KgError as error:
                problems.append(str(error))
            continue
        if local.startswith(MINTED_PREFIXES):
            continue
        if sorted(prefs.get(node, [])) != ["en", "fr"]:
            problems.append(f"{local}: needs exactly one skos:prefLabel @fr and one @en in an entities file")
        if node not in defined:
            problems.append(f"{local}: has no rdf:type")
    findings = [f for f in check_citations(quads, texts) if not wanted or f.passage.split("-")[1] in wanted]
    for line in sorted(set(problems)) + [str(f) for f in findings]:
        print(line)
    print(f"{len(set(problems))} structural problems, {len(findings)} citation findings")
    return 1 if problems or findings else 0


if __name__ == "__main__":
    raise SystemExit(main())
