"""Leave-one-out on our own corpus: the curated facts of a document are a ready-made gold.

For document D: the graph ingest reads from is the curated graph without D's passage graphs and
without the entities only D names; the gold is what curators wrote for D (its facts, the new
entities it introduced, and the known entities each passage's facts name and its text mentions).
"""

from __future__ import annotations

from kg.ingest.evaluate import EXTRACTED_PREDICATES, Gold
from kg.ingest.gazetteer import most_specific
from kg.namespace import GRAPH_ENTITIES, ID, shorten
from kg.textmatch import LabelMatcher

__all__ = ["split_for", "STRUCTURAL"]

STRUCTURAL = ("membership-", "interval-", "obs-", "measure-", "ratification-", "passage-", "doc-", "graph-")
_SKOS = "http://www.w3.org/2004/02/skos/core#"


def _doc_of(graph) -> str | None:
    name = shorten(graph)
    return name.split("-")[1] if name.startswith("passage-") else None


def _entities_in(quads) -> set[str]:
    out = set()
    for s, _, o, _ in quads:
        for term in (s, o):
            if str(term).startswith(str(ID)):
                name = shorten(term)
                if not name.startswith(("passage-", "doc-", "graph-")):
                    out.add(name)
    return out


def split_for(quads: set, doc: str, passages: dict[str, str]) -> tuple[list, Gold]:
    """(the quads ingest may read, the gold for ``doc``); ``passages``: label -> text of ``doc``."""
    doc_quads = [q for q in quads if _doc_of(q[3]) == doc]
    other_quads = [q for q in quads if _doc_of(q[3]) not in (None, doc)]
    only_here = _entities_in(doc_quads) - _entities_in(other_quads)
    entity_quads = [q for q in quads if q[3] == GRAPH_ENTITIES]
    visible = [
        q
        for q in quads
        if _doc_of(q[3]) != doc and not (q[3] == GRAPH_ENTITIES and shorten(q[0]) in only_here)
    ]
    labels: dict[str, list[str]] = {}
    types: dict[str, str] = {}
    for s, p, o, _ in entity_quads + doc_quads:
        name = shorten(s)
        if str(p).startswith(_SKOS) and str(p)[len(_SKOS) :] in ("prefLabel", "altLabel", "hiddenLabel"):
            labels.setdefault(name, []).append(str(o))
        elif shorten(p) == "rdf:type":
            types[name] = most_specific(types.get(name), shorten(o))
    entities = {
        name: {"type": types.get(name, "foaf:Agent"), "labels": sorted(labels.get(name, []))}
        for name in sorted(only_here)
        if not name.startswith(STRUCTURAL)
    }
    facts = {
        (shorten(s), shorten(p), shorten(o) if str(o).startswith(str(ID)) else str(o))
        for s, p, o, _ in doc_quads
        if shorten(p) in EXTRACTED_PREDICATES
    }
    mentions: set[tuple[str, str]] = set()
    by_passage: dict[str, set[str]] = {}
    for q in doc_quads:
        by_passage.setdefault(shorten(q[3]).split("-", 2)[2], set()).update(_entities_in([q]))
    introduced: dict[str, str] = {}  # new entity -> the first passage (reading order) naming it
    for label in passages:
        for name in sorted(by_passage.get(label, set()) & set(entities)):
            introduced.setdefault(name, f"{doc}-{label}")
    for label, names in by_passage.items():
        text = passages.get(label)
        if text is None:
            continue
        matcher = LabelMatcher(text)
        for name in names - only_here:
            if name.startswith(STRUCTURAL) or not labels.get(name):
                continue
            if any(matcher.mentions(lab) for lab in labels[name]):
                mentions.add((f"{doc}-{label}", name))
    passages = {
        name: {f"{doc}-{label}" for label, names in by_passage.items() if name in names} for name in entities
    }
    return visible, Gold(mentions, entities, facts, passages=passages, introduced=introduced)
