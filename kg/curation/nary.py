"""N-ary facts in one command each: agreements, memberships, observations, ratifications.

Each writes the pattern ``kg/data/README.md`` documents, with its node's IRI minted by the slug
rules there, in one edit: the whole pattern passes the checks of ``run_edit`` together (an
agreement with its parties is valid where the agreement alone is not), or nothing is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from kg.edit import (
    _ROLES,
    FactSpec,
    Operation,
    Session,
    _note,
    _role,
    add_fact,
    parse_date,
    parse_source,
    parse_text_lang,
    show_term,
    source_of,
)
from kg.errors import UsageError
from kg.names import slug
from kg.namespace import ATKG, GRAPH_ENTITIES, ID

__all__ = ["add_agreement", "add_membership", "add_observation", "add_ratification", "QUALIFIERS"]

QUALIFIERS = ("more-than", "at-least", "about", "up-to", "fewer-than")


def _free(session: Session, stem: str) -> URIRef:
    """``stem``, or ``stem-2``, ``stem-3``... : the first IRI nothing uses yet."""
    taken = {t for q in session.data.quads() for t in (q[0], q[2]) if isinstance(t, URIRef)}
    node, k = ID[stem], 2
    while node in taken:
        node, k = ID[f"{stem}-{k}"], k + 1
    return node


def _short_name(session: Session, node: URIRef, language: str) -> str:
    """The shortest label in ``language`` (an acronym when it has one), for minted labels."""
    labels = [
        str(o)
        for s, p, o, g in session.data.quads()
        if s == node and g == GRAPH_ENTITIES and p in (SKOS.prefLabel, SKOS.altLabel)
        if getattr(o, "language", None) == language
    ]
    return min(labels, key=lambda t: (len(t), t)) if labels else slug(node)


def _class_label(session: Session, cls: URIRef, language: str) -> str:
    for s, p, o, _ in session.ontology:
        if s == cls and p == RDFS.label and o.language == language:
            return str(o)
    return show_term(cls)


def add_agreement(
    type_name: str,
    parties: Iterable[str],
    source: str | None,
    date: str | None = None,
    subjects: Iterable[str] = (),
    label_fr: str | None = None,
    label_en: str | None = None,
) -> Operation:
    """An agreement of a subclass of ``atkg:Agreement`` with its parties, date and subject:
    described in the registry (type, fr/en labels) and stated in its passage."""

    def operation(session: Session) -> str:
        graph = parse_source(session.workspace, source)
        cls = session.vocabulary.cls(type_name)
        if ATKG.Agreement not in session.schema.superclasses(cls):
            raise UsageError(f"--type {type_name}: not a kind of atkg:Agreement")
        nodes = [session.entity(p, "--party") for p in parties]
        if len(set(nodes)) < 2:
            raise UsageError("an agreement needs at least two different --party")
        when = parse_date(date, "--date") if date else None
        descriptions = [parse_text_lang(text, "--subject") for text in subjects]
        stem = "agreement-" + "-".join(slug(n) for n in nodes) + (f"-{str(when)[:4]}" if when else "")
        node = _free(session, stem)
        year = f" ({str(when)[:4]})" if when else ""
        fr_names = [_short_name(session, n, "fr") for n in nodes]
        en_names = [_short_name(session, n, "en") for n in nodes]
        fr = label_fr or (
            f"{_class_label(session, cls, 'fr').capitalize()} entre {', '.join(fr_names[:-1])} et "
            f"{fr_names[-1]}{year}"
        )
        en = label_en or f"{'-'.join(en_names)} {_class_label(session, cls, 'en')}{year}"
        quads = [
            (node, RDF.type, cls, GRAPH_ENTITIES),
            (node, SKOS.prefLabel, Literal(fr, lang="fr"), GRAPH_ENTITIES),
            (node, SKOS.prefLabel, Literal(en, lang="en"), GRAPH_ENTITIES),
            (node, RDF.type, cls, graph),
            *((node, ATKG.party, n, graph) for n in nodes),
            *((node, DCTERMS.description, d, graph) for d in descriptions),
        ]
        if when is not None:
            quads.append((node, DCTERMS.date, when, graph))
        for quad in quads:
            session.data.add(quad)
        return f"added {slug(node)} ({show_term(cls)}, {len(set(nodes))} parties) [{source_of(graph)}]"

    return operation


def add_membership(
    member: str,
    mechanism: str,
    source: str | None,
    role: str | None = None,
    start: str | None = None,
    end: str | None = None,
    note: str | None = None,
) -> Operation:
    """A qualified membership: the ``org:Membership`` node (role, period) and its truthy triple."""
    role_term = _role(role or "member")
    predicate = show_term(_ROLES[role_term])
    return add_fact(FactSpec(member, predicate, mechanism, source, role or "member", start, end, note))


_INTEGER = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^[+-]?(\d+\.\d*|\.\d+)$")


def add_observation(
    entity: str,
    measure: str,
    value: str,
    source: str | None,
    unit: str | None = None,
    period: str | None = None,
    qualifier: str | None = None,
) -> Operation:
    """A figure as an ``atkg:Observation`` node ``obs-<doc>-<label>-<k>``, never a number on the
    entity itself."""

    def operation(session: Session) -> str:
        graph = parse_source(session.workspace, source)
        subject = session.entity(entity, "entity")
        measured = session.entity(measure, "measure")
        text = value.strip().replace(",", "")
        if _INTEGER.match(text):
            number = Literal(text, datatype=XSD.integer)
        elif _DECIMAL.match(text):
            number = Literal(text, datatype=XSD.decimal)
        else:
            raise UsageError(f"value '{value}': give a number, e.g. 245 or 1.5")
        if qualifier is not None and qualifier not in QUALIFIERS:
            raise UsageError(f"--qualifier '{qualifier}': one of {', '.join(QUALIFIERS)}")
        if unit is not None and not unit.strip():
            raise UsageError("--unit: give a unit such as person, USD or country")
        passage = slug(graph).removeprefix("passage-")
        taken = {q[0] for q in session.data.quads() if q[3] == graph}
        k = 1
        while ID[f"obs-{passage}-{k}"] in taken:
            k += 1
        node = ID[f"obs-{passage}-{k}"]
        quads = [
            (node, RDF.type, ATKG.Observation, graph),
            (node, ATKG.observedEntity, subject, graph),
            (node, ATKG.measure, measured, graph),
            (node, ATKG.value, number, graph),
        ]
        if unit is not None:
            quads.append((node, ATKG.unit, Literal(unit.strip()), graph))
        if period is not None:
            quads.append((node, ATKG.period, parse_date(period, "--period"), graph))
        if qualifier is not None:
            quads.append((node, ATKG.valueQualifier, Literal(qualifier), graph))
        for quad in quads:
            session.data.add(quad)
        return f"added {slug(node)}: {slug(subject)} {slug(measured)} = {number} [{source_of(graph)}]"

    return operation


def add_ratification(
    state: str, instrument: str, source: str | None, date: str | None = None, note: str | None = None
) -> Operation:
    """``STATE atkg:ratified INSTRUMENT``, with an ``atkg:Ratification`` node when a date is given;
    ``note`` says how the passage names the instrument or State indirectly."""

    def operation(session: Session) -> str:
        graph = parse_source(session.workspace, source)
        country = session.entity(state, "state")
        treaty = session.entity(instrument, "instrument")
        truthy = (country, ATKG.ratified, treaty, graph)
        quads = [truthy]
        if date is not None:
            when = parse_date(date, "--date")
            code = slug(country).removeprefix("country-")
            node = ID[f"ratification-{code}-{slug(treaty).removeprefix('instrument-')}"]
            quads += [
                (node, RDF.type, ATKG.Ratification, graph),
                (node, ATKG.ratifyingState, country, graph),
                (node, ATKG.instrument, treaty, graph),
                (node, DCTERMS.date, when, graph),
            ]
        if note is not None:
            quads += [(q[0], ATKG.provenanceNote, _note(note), graph) for q in quads if q[1] != RDF.type]
        added = [q for q in quads if session.data.add(q)]
        if not added:
            raise UsageError(f"{slug(country)} atkg:ratified {slug(treaty)} is already stated there")
        return (
            f"added {slug(country)} atkg:ratified {slug(treaty)}"
            + (f" ({slug(quads[1][0])})" if len(quads) > 1 else "")
            + f" [{source_of(graph)}]"
        )

    return operation
