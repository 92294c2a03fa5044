"""The ontology speaks both languages: every class and property has its label and its definition
in French and in English.

A French page shows the French definition and nothing in its place when there is none (the site
never falls back to English), so a term missing a language would leave a hole on one of the two
pages. ``atkg validate`` reports it as a lint finding (``untranslated-term``) rather than the build
refusing it: a term just added with ``atkg ontology add-class`` may be waiting for its
translation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.build import Finding
from kg.namespace import GRAPH_ONTOLOGY, shorten
from kg.rdfio import Quad, from_ox

__all__ = ["TERM_KINDS", "LANGUAGES", "untranslated_term_findings"]

TERM_KINDS = frozenset({OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty})
LANGUAGES = ("en", "fr")
_TEXTS = (RDFS.label, RDFS.comment)


def untranslated_term_findings(quads: Iterable[Quad]) -> list[Finding]:
    """One finding per class or property of the ontology graph that lacks an ``rdfs:label`` or an
    ``rdfs:comment`` in French or in English; it lists what is missing, e.g.
    ``atkg:TaskForce lacks rdfs:comment@fr; add it to ontology/atkg.ttl``.
    Quads of other graphs are ignored, so it can be given the whole dataset, as rdflib or as
    pyoxigraph terms."""
    terms: set[URIRef] = set()
    present: dict[URIRef, set[tuple[URIRef, str]]] = defaultdict(set)
    for s, p, o, g in quads:
        if isinstance(p, ox.NamedNode):  # streamed from an Oxigraph store
            s, p, o, g = (from_ox(t) for t in (s, p, o, g))
        if g != GRAPH_ONTOLOGY or not isinstance(s, URIRef):
            continue
        if p == RDF.type and o in TERM_KINDS:
            terms.add(s)
        elif p in _TEXTS and isinstance(o, Literal) and o.language:
            present[s].add((p, o.language.lower()))
    findings = []
    for term in sorted(terms):
        missing = [
            f"{shorten(p)}@{lang}" for p in _TEXTS for lang in LANGUAGES if (p, lang) not in present[term]
        ]
        if missing:
            them = "them" if len(missing) > 1 else "it"
            findings.append(
                Finding(
                    "untranslated-term",
                    f"{shorten(term)} lacks {', '.join(missing)}; add {them} to ontology/atkg.ttl",
                )
            )
    return findings
