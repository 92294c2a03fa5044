"""``atkg ingest ID``: read every passage of a document and queue what the machine proposes."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

from kg.corpus import SourceText
from kg.errors import KgError
from kg.ingest.coref import DocumentMemory, find_references, is_bare_head
from kg.ingest.events import event_facts, find_events
from kg.ingest.facts import AGENT_TYPES, THINGS, Item, read_sentence
from kg.ingest.gazetteer import Gazetteer
from kg.ingest.knownevents import link_known_events, to_date_participants
from kg.ingest.mentions import find_mentions
from kg.ingest.newentities import find_new_entities
from kg.ingest.publications import merge_described
from kg.ingest.queue import candidate_id, read_queue, write_queue
from kg.ingest.resolutions import find_resolutions
from kg.ingest.sentences import sentences
from kg.ingest.textkey import label_key
from kg.workspace import Workspace

__all__ = ["propose", "ingest_document", "IngestSummary"]


@dataclass(frozen=True)
class IngestSummary:
    path: Path
    known: int
    new: int
    facts: int
    kept: int  # decisions (accepted/rejected) carried over from an earlier queue


def _entity(
    passage: str,
    text: str,
    entity: str | None,
    slug: str,
    type_name: str,
    labels: dict,
    confidence: float,
    alt: list[str] | None = None,
) -> dict:
    candidate = {
        "id": candidate_id("entity", passage, entity or "", slug),
        "kind": "entity",
        "passage": passage,
        "status": "pending",
        "text": text,
        "entity": entity,
        "proposed_slug": slug,
        "type": type_name,
        "labels": {"fr": labels.get("fr"), "en": labels.get("en")},
        "confidence": round(confidence, 2),
    }
    if alt:
        candidate["alt"] = alt
    return candidate


def propose(source: SourceText, gazetteer: Gazetteer, nlp) -> list[dict]:
    """Candidates for every passage of ``source``, in reading order (no file written)."""
    candidates: list[dict] = []
    seen: set[str] = set()
    passages = source.passages
    parsed = nlp.pipe([p.text for p in passages], batch_size=16)
    earlier: frozenset[str] = frozenset()  # entities the passage before this one named
    memory = DocumentMemory()  # what the document named so far: "le Groupe" is the last Groupe
    topic: list[Item] = []  # the agents and things earlier passages named, latest last
    for passage, doc in zip(passages, parsed, strict=True):
        name = f"{source.info.key}-{passage.label}"
        mentions = find_mentions(passage.text, gazetteer, earlier)
        earlier = frozenset(m.slug for m in mentions)
        new = find_new_entities(passage.text, doc, mentions)
        new += find_events(passage.text, mentions, new)  # described, not named (kg.ingest.events)
        new += find_resolutions(passage.text, mentions, new)  # cited by number (kg.ingest.resolutions)
        items: list[tuple[int, int, str, str, bool]] = []
        entity_candidates: list[dict] = []
        for mention in mentions:
            slug = mention.slug
            type_name = gazetteer.types.get(slug, "foaf:Agent")
            items.append((mention.start, mention.end, slug, type_name, not mention.name.known))
            entity_candidates.append(
                _entity(
                    name,
                    mention.text,
                    slug if mention.name.known else None,
                    slug,
                    type_name,
                    gazetteer.labels.get(slug, {}),
                    0.95 if mention.name.known else 0.9,
                )
            )
        for entity in new:
            countries = [m for m in mentions if entity.start <= m.start and m.end <= entity.end]
            countries = [m for m in countries if gazetteer.types.get(m.slug) == "atkg:Country"]
            if re.match(r"gouvernements?\b", entity.label, re.I) and countries:
                pass  # "les Gouvernements australien et canadien" are those States, in the facts
            elif not is_bare_head(entity.label):  # "le Groupe": a reference, resolved below
                items.append((entity.start, entity.end, entity.slug, entity.type, True))
            else:  # unless the same words name a known body elsewhere in the paragraph
                words = label_key(passage.text[entity.start : entity.end])
                same = [m for m in mentions if m.name.known and label_key(m.text) == words]
                if same:
                    type_name = gazetteer.types.get(same[0].slug, "foaf:Agent")
                    items.append((entity.start, entity.end, same[0].slug, type_name, False))
            alt = [f"{entity.acronym}@fr"] if entity.acronym else None
            entity_candidates.append(
                _entity(
                    name,
                    passage.text[entity.start : entity.end],
                    None,
                    entity.slug,
                    entity.type,
                    {"fr": entity.label, "en": entity.label_en},
                    entity.confidence,
                    alt,
                )
            )
        named_here = {slug for _, _, slug, _, _ in items}
        labels_of = {e.slug: e.label for e in new}
        taken = [(s, e) for s, e, *_ in items]
        references: list[tuple[int, int, str, str, str]] = []  # start, end, slug, type, as printed
        for start, _end, slug, type_name, _ in sorted(items):
            for ref in find_references(passage.text[:start], taken, memory):
                if all(ref.start != r[0] for r in references):
                    references.append((ref.start, ref.end, ref.slug, ref.type, ref.text))
            memory.see(slug, type_name, labels_of.get(slug) or gazetteer.labels.get(slug, {}).get("fr"))
        for ref in find_references(passage.text, taken, memory):
            if all(ref.start != r[0] for r in references):
                references.append((ref.start, ref.end, ref.slug, ref.type, ref.text))
        noted = {slug: f"'{text.strip()}' in this passage is {slug}" for *_, slug, _, text in references}
        items += [(s, e, slug, t, False) for s, e, slug, t, _ in references]
        items.sort()
        counter = [0]
        fact_candidates: list[dict] = []
        described: set[str] = set()  # publications this passage describes rather than names
        for begin, finish in sentences(passage.text):
            sentence = passage.text[begin:finish]
            context = [Item(s - begin, e - begin, slug, t, n) for s, e, slug, t, n in items if e <= begin]
            local = [
                Item(s - begin, e - begin, slug, t, n)
                for s, e, slug, t, n in items
                if begin <= s and e <= finish
            ]
            proposals, nodes = read_sentence(
                sentence, local, source.info.key, passage.label, counter, context, topic
            )
            proposals += event_facts(sentence, local, context)
            for node in nodes:
                if node.slug in gazetteer.types:
                    continue  # a measure the graph already has
                if node.described:  # what later sentences and passages may cite ("l'enquête")
                    described.add(node.slug)
                    # in reading order: rules take the latest thing named before a sentence
                    bisect.insort(items, (finish - 1, finish - 1, node.slug, node.type, True))
                entity_candidates.append(
                    _entity(
                        name,
                        node.label_fr,
                        None,
                        node.slug,
                        node.type,
                        {"fr": node.label_fr, "en": node.label_en},
                        node.confidence,
                    )
                )
            for proposal in proposals:
                if proposal.object in gazetteer.absent and proposal.object not in named_here:
                    continue  # a State read from a city ("à Madrid") that neither graph nor text has
                fact_candidates.append(
                    _noted(
                        proposal,
                        named_here,
                        noted,
                        {
                            "id": candidate_id(
                                "fact", name, proposal.subject, proposal.predicate, proposal.object
                            ),
                            "kind": "fact",
                            "passage": name,
                            "status": "pending",
                            "subject": proposal.subject,
                            "predicate": proposal.predicate,
                            "object": proposal.object,
                            "evidence": sentence.strip(),
                            "confidence": round(proposal.confidence, 2),
                        },
                    )
                )
        merged = merge_described(passage.text, entity_candidates, fact_candidates, described)
        if gazetteer.events is not None:  # "deux réunions en 2007": an event the graph has
            events = {e.slug for e in new if e.type == "atkg:Event"}
            merged |= link_known_events(
                entity_candidates,
                fact_candidates,
                gazetteer.events,
                events,
                gazetteer.labels,
                gazetteer.forms,
            )
            fact_candidates += to_date_participants(passage.text, fact_candidates, gazetteer.events)
        items = [(s, e, merged.get(slug, slug), t, n) for s, e, slug, t, n in items]
        topic = [
            *topic,
            *(Item(0, 0, slug, t, n) for _, _, slug, t, n in items if t in AGENT_TYPES or t in THINGS),
        ][-8:]
        for candidate in entity_candidates + fact_candidates:
            if candidate["id"] not in seen:
                seen.add(candidate["id"])
                candidates.append(candidate)
    return candidates


def _noted(proposal, named_here: set[str], noted: dict[str, str], candidate: dict) -> dict:
    """A fact whose subject or object the passage names only by a short reference ("le Groupe")
    carries the note the edit layer writes as ``atkg:provenanceNote``."""
    why = [noted[s] for s in (proposal.subject, proposal.object) if s in noted and s not in named_here]
    if proposal.note:  # a State the passage names by a city of it ("à Genève")
        why.append(proposal.note)
    if why:
        candidate["note"] = "; ".join(why)
    for field, value in (("role", proposal.role), ("from", proposal.start), ("to", proposal.end)):
        if value:  # a membership with a role or a period: the edit layer writes its node
            candidate[field] = value
    return candidate


def _stated(quads) -> set[tuple[str, str, str, str]]:
    """(passage, subject, predicate, object) of every fact the curated data states."""
    from rdflib import URIRef

    from kg.namespace import shorten

    return {
        (shorten(g), shorten(s), shorten(p), shorten(o) if isinstance(o, URIRef) else str(o))
        for s, p, o, g in quads
        if shorten(g).startswith("passage-")
    }


def _fact_key(candidate: dict) -> tuple[str, str, str, str]:
    value = candidate["object"]
    if re.search(r"@[a-z]{2,3}$", value):
        value = value.rsplit("@", 1)[0]
    return (f"passage-{candidate['passage']}", candidate["subject"], candidate["predicate"], value)


def ingest_document(workspace: Workspace, document: str) -> IngestSummary:
    """Propose candidates for one corpus document and (re)write its review queue, keeping the
    decisions of an earlier run for candidates proposed again."""
    from kg.curated import CuratedData
    from kg.ingest.nlp import load_nlp
    from kg.sources.browse import find_document

    source = find_document(workspace, document)
    quads = CuratedData.load(workspace).quads()
    gazetteer = Gazetteer.from_quads(quads)
    candidates = propose(source, gazetteer, load_nlp())
    stated = _stated(quads)
    kept = 0
    try:
        earlier = read_queue(workspace, source.info.key)["candidates"]
    except KgError:  # no earlier queue (or an unreadable one, which is replaced)
        earlier = []
    previous = {c.get("id"): c for c in earlier if isinstance(c, dict)}
    for candidate in candidates:
        old = previous.get(candidate["id"])
        if old and old.get("status") in ("accepted", "rejected"):
            candidate["status"] = old["status"]
            kept += 1
        elif candidate["kind"] == "fact" and _fact_key(candidate) in stated:
            candidate["status"] = "accepted"  # the curated data already states it, in that passage
    queue = {"document": source.info.key, "file": source.info.file, "candidates": candidates}
    path = write_queue(workspace, source.info.key, queue)
    return IngestSummary(
        path,
        known=sum(1 for c in candidates if c["kind"] == "entity" and c["entity"]),
        new=sum(1 for c in candidates if c["kind"] == "entity" and not c["entity"]),
        facts=sum(1 for c in candidates if c["kind"] == "fact"),
        kept=kept,
    )
