"""The provenance graph: source documents and their passages, generated from the corpus.

Generated at every build rather than curated, so the passages the facts cite are always exactly
those ``kg.corpus`` finds in the texts, with their text attached for readers who ask "says who?".
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, XSD

from kg.corpus import load_corpus
from kg.namespace import ATKG, GRAPH_PROVENANCE, ID
from kg.rdfio import Quad

__all__ = ["provenance_quads", "passage_iri", "document_iri", "passage_texts"]


def document_iri(key: str) -> URIRef:
    return ID[f"doc-{key}"]


def passage_iri(key: str, label: str) -> URIRef:
    return ID[f"passage-{key}-{label}"]


def _paragraph_words(label: str) -> tuple[str, str]:
    if label.isdigit():
        return f"paragraphe {label}", f"paragraph {label}"
    kind, _, number = label.partition("-")
    fr = {"preamble": "préambule", "summary": "résumé", "fn": "note", "block": "bloc"}[kind]
    en = {"preamble": "preamble", "summary": "summary", "fn": "footnote", "block": "block"}[kind]
    number = "*" if number == "star" else number
    return f"{fr} {number}", f"{en} {number}"


def _date(text: str) -> Literal:
    """The catalog's date at the precision it gives (never a day the document does not print)."""
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(text), XSD.date)
    return Literal(text, datatype=datatype)


def provenance_quads(corpus_dir: Path) -> list[Quad]:
    g = GRAPH_PROVENANCE
    quads: list[Quad] = []
    for key, source in load_corpus(corpus_dir).items():
        info = source.info
        doc = document_iri(key)
        quads += [
            (doc, RDF.type, ATKG.SourceDocument, g),
            (doc, ATKG.sourceFile, Literal(info.file), g),
            (doc, DCTERMS.date, _date(info.date), g),
            (doc, DCTERMS.language, Literal(info.language), g),
            (doc, SKOS.prefLabel, Literal(f"Document {key}", lang="fr"), g),
            (doc, SKOS.prefLabel, Literal(f"Document {key}", lang="en"), g),
        ]
        quads += [
            (doc, DCTERMS.title, Literal(title, lang=language), g)
            for language, title in (("fr", info.title_fr), ("en", info.title_en))
            if title
        ]
        if info.identifier:
            quads.append((doc, DCTERMS.identifier, Literal(info.identifier), g))
            quads.append((doc, SKOS.altLabel, Literal(info.identifier, lang="fr"), g))
            quads.append((doc, SKOS.altLabel, Literal(info.identifier, lang="en"), g))
        for passage in source.passages:
            node = passage_iri(key, passage.label)
            fr, en = _paragraph_words(passage.label)
            quads += [
                (node, RDF.type, ATKG.Passage, g),
                (node, ATKG.inDocument, doc, g),
                (node, ATKG.paragraph, Literal(passage.label), g),
                (node, ATKG.line, Literal(passage.line, datatype=XSD.integer), g),
                (node, ATKG.text, Literal(passage.text, lang=info.language), g),
                (node, SKOS.prefLabel, Literal(f"Document {key}, {fr}", lang="fr"), g),
                (node, SKOS.prefLabel, Literal(f"Document {key}, {en}", lang="en"), g),
            ]
    return quads


def passage_texts(corpus_dir: Path) -> dict[URIRef, str]:
    return {
        passage_iri(key, p.label): p.text
        for key, source in load_corpus(corpus_dir).items()
        for p in source.passages
    }
