"""``atkg review``: the maintainer's decisions on a queue, written through the edit layer.

Accepting calls the same operations as ``atkg entity add`` / ``atkg fact add`` (kg.edit), with the
candidate's passage as source, inside one locked, validated, atomic edit. A candidate the edit
layer refuses stays pending with the refusal as its ``reason``; the others are accepted. If the
batch as a whole fails validation, each candidate is retried alone so one bad apple cannot block
the rest.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.errors import KgError, UsageError
from kg.ingest.queue import read_queue, write_queue
from kg.workspace import Workspace

__all__ = ["list_candidates", "accept", "reject", "edit_candidate", "ReviewOutcome"]


@dataclass(frozen=True)
class ReviewOutcome:
    accepted: list[str]
    refused: dict[str, str]  # id -> reason
    summary: list[str]  # what the edit layer said, per accepted candidate


def list_candidates(workspace: Workspace, doc: str, status: str | None = None) -> list[dict]:
    candidates = read_queue(workspace, _key(workspace, doc))["candidates"]
    return [c for c in candidates if status is None or c.get("status") == status]


def _key(workspace: Workspace, doc: str) -> str:
    from kg.sources.browse import find_document

    return find_document(workspace, doc).info.key


def _select(candidates: list[dict], ids: list[str]) -> list[dict]:
    by_id = {c["id"]: c for c in candidates}
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        raise UsageError(f"no candidate {', '.join(unknown)} in this queue (see `atkg review list`)")
    return [by_id[i] for i in ids]


def _unless_present(slug: str, operation):
    """The same new entity proposed in several passages is added once: accepting it again (after
    an earlier candidate, or earlier in this batch) finds it there."""
    from kg.namespace import ID

    def guarded(session) -> str:
        if session.exists(ID[slug]):
            return f"{slug} already in the graph"
        return operation(session)

    return guarded


def _operation(candidate: dict, doc: str, proposed: dict[str, str] | None = None):
    """The kg.edit operation that accepting ``candidate`` means (None: nothing to write)."""
    from kg.edit import FactSpec, add_country, add_entity, add_fact

    if candidate["kind"] == "entity":
        if candidate.get("entity"):
            return None  # a mention of an entity the graph has: nothing to add
        slug, type_name = candidate["proposed_slug"], candidate["type"]
        if type_name == "atkg:Country" and slug.startswith("country-"):
            return _unless_present(slug, add_country(slug.removeprefix("country-")))
        labels = candidate.get("labels") or {}
        if not labels.get("fr") or not labels.get("en"):
            missing = "--label-en" if labels.get("fr") else "--label-fr"
            raise UsageError(
                f"{slug}: no {missing[8:]} label; give one with "
                f"`atkg review edit {doc} {candidate['id']} {missing} TEXT`"
            )
        return _unless_present(
            slug, add_entity(slug, type_name, labels["fr"], labels["en"], candidate.get("alt", []))
        )
    label = candidate["passage"].split("-", 1)[1]
    subject = candidate["subject"]
    obj = candidate["object"]
    names = [subject] + ([] if candidate["predicate"] in LITERAL_PREDICATES else [obj])
    spec = FactSpec(
        f"id:{subject}",
        candidate["predicate"],
        obj if candidate["predicate"] in LITERAL_PREDICATES else f"id:{obj}",
        f"{doc}:{label}",
        role=candidate.get("role"),  # a membership with a role or a period (org:Membership)
        start=candidate.get("from"),
        end=candidate.get("to"),
        note=candidate.get("note"),  # the passage names an entity by a short reference
    )
    return _entities_first(names, proposed or {}, add_fact(spec))


LITERAL_PREDICATES = {
    "dcterms:date",
    "atkg:launchDate",
    "atkg:startDate",
    "atkg:endDate",
    "atkg:placeName",
    "atkg:value",
    "atkg:unit",
    "atkg:valueQualifier",
    "atkg:period",
}


def _entities_first(names: list[str], proposed: dict[str, str], operation):
    """A fact naming a proposed entity waits for that entity to be accepted (slugs are given as
    ``id:slug`` so a new slug can never resolve to another entity's label or code)."""
    from kg.namespace import ID

    def guarded(session) -> str:
        for name in names:
            if not session.exists(ID[name]) and ID[name] not in session.resolver.known:
                if name in proposed:
                    raise UsageError(f"{name} is a proposed new entity: accept {proposed[name]} first")
                raise UsageError(f"no entity {name} in the graph")
        return operation(session)

    return guarded


NARY = {
    "atkg:Agreement",
    "atkg:MemorandumOfUnderstanding",
    "atkg:WorkingArrangement",
    "atkg:CooperationAgreement",
    "atkg:Partnership",
    "atkg:Observation",
    "atkg:Ratification",
}


def _groups(candidates: list[dict], chosen: list[dict]) -> list[list[dict]]:
    """What must be written together: an n-ary node (agreement, observation) with the facts of its
    pattern in the same passage (the shapes refuse a node without them), every other candidate
    alone. Entities come first, so facts find the entities accepted in the same run."""
    nodes = {
        (c["passage"], c["proposed_slug"]): c
        for c in candidates
        if c["kind"] == "entity" and not c.get("entity") and c["type"] in NARY
    }
    members: dict[tuple[str, str], list[dict]] = {key: [node] for key, node in nodes.items()}
    for c in candidates:
        if c["kind"] == "fact" and (c["passage"], c["subject"]) in nodes and c["status"] != "rejected":
            members[(c["passage"], c["subject"])].append(c)
    _join_nary_parts(candidates, nodes, members)
    groups: list[list[dict]] = []
    seen: set[str] = set()
    for c in chosen:
        if c["id"] in seen:
            continue
        key = (c["passage"], c["proposed_slug"] if c["kind"] == "entity" else c["subject"])
        group = [m for m in members[key] if m["status"] != "accepted"] if key in members else [c]
        if key in nodes and nodes[key]["type"] in _WRITTEN_WHOLE:
            # an observation or ratification is written from all its facts, even those already
            # marked accepted (stated by the curated data): they are the figure's value, its State
            group = [m for m in members[key] if m["status"] != "accepted" or m["kind"] == "fact"]
        seen.update(m["id"] for m in group)
        groups.append(group)
    rank = {"entity": 0, "nary": 1, "fact": 2}
    return sorted(
        groups, key=lambda g: rank["nary" if len(g) > 1 or g[0].get("type") in NARY else g[0]["kind"]]
    )


def _join_nary_parts(candidates: list[dict], nodes: dict, members: dict) -> None:
    """An observation's proposed measure, and a ratification's truthy ``atkg:ratified`` fact,
    are written with the node (``atkg observation add`` / ``atkg ratification add`` write them
    as one pattern), so they join its group."""
    by_slug = {
        (c["passage"], c["proposed_slug"]): c
        for c in candidates
        if c["kind"] == "entity" and not c.get("entity") and c["status"] != "rejected"
    }
    for (passage, slug), node in nodes.items():
        group = members[(passage, slug)]
        if node["type"] == "atkg:Observation":
            measure = next((c["object"] for c in group if c.get("predicate") == "atkg:measure"), None)
            if (passage, measure) in by_slug:
                group.insert(0, by_slug[(passage, measure)])
        elif node["type"] == "atkg:Ratification":
            for c in candidates:
                if (
                    c["kind"] == "fact"
                    and c["passage"] == passage
                    and c["predicate"] == "atkg:ratified"
                    and c["status"] != "rejected"
                    and slug
                    == f"ratification-{c['subject'].removeprefix('country-')}-"
                    f"{c['object'].removeprefix('instrument-')}"
                ):
                    group.append(c)


_WRITTEN_WHOLE = ("atkg:Observation", "atkg:Ratification")


def _stated_already(session, node: dict, facts: dict[str, dict]) -> bool:
    """The passage's graph already has this figure (an observation with its value) or this
    ratification node: accepting it again writes nothing."""
    from kg.namespace import ATKG, ID

    graph = ID[f"passage-{node['passage']}"]
    if node["type"] == "atkg:Ratification":
        return any(q[0] == ID[node["proposed_slug"]] and q[3] == graph for q in session.data.quads())
    value = facts.get("atkg:value", {}).get("object")
    return any(q[1] == ATKG.value and q[3] == graph and str(q[2]) == value for q in session.data.quads())


def _nary_operation(group: list[dict], doc: str, proposed: dict[str, str]):
    """Observations and ratifications are written by their own commands (their slug prefixes are
    reserved to them): the operation for the whole group, or None for other groups."""
    from kg.curation.nary import add_observation, add_ratification
    from kg.edit import _note, parse_date
    from kg.namespace import ATKG, ID

    node = next(
        (
            c
            for c in group
            if c["kind"] == "entity" and c["type"] in ("atkg:Observation", "atkg:Ratification")
        ),
        None,
    )
    if node is None:
        return None
    facts = {
        c["predicate"]: c for c in group if c["kind"] == "fact" and c["subject"] == node["proposed_slug"]
    }
    source = f"{doc}:{node['passage'].split('-', 1)[1]}"
    notes = [c["note"] for c in group if c.get("note")]
    entities = [c for c in group if c["kind"] == "entity" and c is not node]

    def value(predicate: str) -> str | None:
        return facts[predicate]["object"] if predicate in facts else None

    if node["type"] == "atkg:Observation":
        missing = [p for p in ("atkg:observedEntity", "atkg:measure", "atkg:value") if p not in facts]
        if missing:
            raise UsageError(f"{node['proposed_slug']}: no {', '.join(missing)} candidate left to write it")
        subject, measure = value("atkg:observedEntity"), value("atkg:measure")
        write = add_observation(
            subject,
            f"id:{measure}",
            value("atkg:value"),
            source,
            value("atkg:unit"),
            value("atkg:period"),
            value("atkg:valueQualifier"),
        )
        names = [subject]
    else:
        state, instrument = value("atkg:ratifyingState"), value("atkg:instrument")
        if not state or not instrument:
            raise UsageError(f"{node['proposed_slug']}: no State or instrument candidate left to write it")
        write = add_ratification(
            f"id:{state}",
            f"id:{instrument}",
            source,
            value("dcterms:date"),
            "; ".join(notes) if notes else None,
        )
        names = [state, instrument]
        notes = []  # add_ratification writes the note itself

    def operation(session) -> str:
        if _stated_already(session, node, facts):
            return "already in the graph"
        for entity in entities:  # the observation's measure, when it is new
            op = _operation(entity, doc, proposed)
            if op is not None:
                op(session)
                session.__dict__.pop("resolver", None)
        before = set(session.data.quads())
        said = _entities_first(names, proposed, write)(session)
        graph = ID[f"passage-{node['passage']}"]
        for q in set(session.data.quads()) - before:
            if q[1] != ATKG.observedEntity:
                continue
            if notes:
                session.data.add((q[0], ATKG.provenanceNote, _note("; ".join(notes)), graph))
            for predicate in ("atkg:startDate", "atkg:endDate"):  # a period printed as a range
                if value(predicate):
                    session.data.add((q[0], ATKG[predicate[5:]], parse_date(value(predicate)), graph))
        return said

    return operation


def accept(
    workspace: Workspace,
    doc: str,
    ids: list[str] | None = None,
    every: bool = False,
    min_confidence: float | None = None,
) -> ReviewOutcome:
    """Accept the named candidates, or all pending ones (at least ``min_confidence``)."""
    key = _key(workspace, doc)
    queue = read_queue(workspace, key)
    candidates = queue["candidates"]
    if ids:
        chosen = _select(candidates, ids)
    elif every or min_confidence is not None:
        chosen = [
            c
            for c in candidates
            if c.get("status") == "pending"
            and (min_confidence is None or c.get("confidence", 0) >= min_confidence)
        ]
    else:
        raise UsageError("name candidates, or give --all or --min-confidence X")
    accepted: list[str] = []
    refused: dict[str, str] = {}
    said: list[str] = []
    proposed = {
        c["proposed_slug"]: c["id"]
        for c in candidates
        if c["kind"] == "entity" and not c.get("entity") and c["status"] != "rejected"
    }
    _apply(workspace, key, _groups(candidates, chosen), accepted, refused, said, proposed)
    for candidate in candidates:
        if candidate["id"] in accepted:
            candidate["status"] = "accepted"
            candidate.pop("reason", None)
        elif candidate["id"] in refused:
            candidate["reason"] = refused[candidate["id"]]
    write_queue(workspace, key, queue)
    return ReviewOutcome(accepted, refused, said)


def _apply(
    workspace: Workspace,
    key: str,
    groups: list[list[dict]],
    accepted,
    refused,
    said,
    proposed: dict[str, str],
) -> None:
    """Write ``groups`` in one validated edit; if validation refuses the whole, halve and retry,
    so the groups that hold are written and each one that does not gets the refusal as reason."""
    from kg.edit import run_edit

    done: list[str] = []
    messages: list[str] = []
    failed: dict[str, str] = {}

    def operation(session) -> str:
        for group in groups:
            before = (
                {path: set(quads) for path, quads in session.data.files.items()} if len(group) > 1 else None
            )
            lines = []
            try:
                whole = _nary_operation(group, key, proposed)
                for candidate in group if whole is None else []:
                    op = _operation(candidate, key, proposed)
                    lines.append(
                        f"{candidate['id']}: " + ("already in the graph" if op is None else op(session))
                    )
                    if candidate["kind"] == "entity":
                        session.__dict__.pop("resolver", None)  # the next facts may name it
                if whole is not None:
                    said_once = whole(session)
                    lines += [f"{c['id']}: {said_once}" for c in group]
            except KgError as error:
                if before is not None:
                    session.data.files = before
                    session.__dict__.pop("resolver", None)
                for candidate in group:
                    failed[candidate["id"]] = error.message
                continue
            done.extend(c["id"] for c in group)
            messages.extend(lines)
        return f"{len(done)} accepted"

    try:
        run_edit(workspace, operation)
    except KgError as error:
        if len(groups) == 1:
            for candidate in groups[0]:
                refused[candidate["id"]] = error.message
            return
        half = len(groups) // 2
        _apply(workspace, key, groups[:half], accepted, refused, said, proposed)
        _apply(workspace, key, groups[half:], accepted, refused, said, proposed)
        return
    accepted.extend(done)
    said.extend(messages)
    refused.update(failed)


def reject(workspace: Workspace, doc: str, ids: list[str]) -> list[str]:
    key = _key(workspace, doc)
    queue = read_queue(workspace, key)
    chosen = _select(queue["candidates"], ids)
    for candidate in chosen:
        if candidate["status"] == "accepted":
            raise UsageError(
                f"{candidate['id']} is already accepted; remove what it added with `atkg fact rm`"
            )
    for candidate in chosen:
        candidate["status"] = "rejected"
        candidate.pop("reason", None)
    write_queue(workspace, key, queue)
    return [c["id"] for c in chosen]


_EDITABLE = {
    "entity": ("slug", "type", "label_fr", "label_en"),
    "fact": ("subject", "predicate", "object"),
}


def edit_candidate(workspace: Workspace, doc: str, candidate_id: str, changes: dict[str, str]) -> dict:
    """Change what a pending candidate proposes; a new slug is carried into the queue's facts."""
    key = _key(workspace, doc)
    queue = read_queue(workspace, key)
    [candidate] = _select(queue["candidates"], [candidate_id])
    changes = {k: v for k, v in changes.items() if v is not None}
    if not changes:
        raise UsageError(
            "nothing to change: give --slug, --type, --label-fr, --label-en, --subject, --predicate "
            "or --object"
        )
    if candidate["status"] != "pending":
        raise UsageError(f"{candidate_id} is {candidate['status']}; only pending candidates can be edited")
    wrong = sorted(set(changes) - set(_EDITABLE[candidate["kind"]]))
    if wrong:
        allowed = ", ".join("--" + f.replace("_", "-") for f in _EDITABLE[candidate["kind"]])
        raise UsageError(
            f"a{'n' if candidate['kind'] == 'entity' else ''} {candidate['kind']} candidate takes {allowed}"
        )
    if candidate["kind"] == "entity":
        if "slug" in changes:
            old = candidate["proposed_slug"]
            candidate["proposed_slug"] = changes["slug"]
            if candidate.get("entity"):
                candidate["entity"] = None  # a different thing than the known one
            for other in queue["candidates"]:
                if other["kind"] == "fact" and other["status"] == "pending":
                    for field in ("subject", "object"):
                        if other[field] == old:
                            other[field] = changes["slug"]
        if "type" in changes:
            candidate["type"] = changes["type"]
        for language in ("fr", "en"):
            if f"label_{language}" in changes:
                candidate["labels"][language] = changes[f"label_{language}"]
    else:
        candidate.update(changes)
    candidate.pop("reason", None)
    write_queue(workspace, key, queue)
    return candidate
