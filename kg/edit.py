"""Entity and fact edits of the curated files: resolved, validated, atomic, deterministic.

Every write follows one path (``run_edit``): take the workspace lock, load the curated files,
resolve every name the user typed (an unknown or ambiguous one is a usage error before anything
changes), change the quads in memory, check that the edit adds no problem to the graph
(``kg.validate.check_edit``), then write the changed files atomically in canonical form. Any
error on the way leaves every file byte for byte as it was; ``dry_run`` returns the diff instead.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from kg.curated import CuratedData
from kg.errors import UsageError
from kg.lock import workspace_lock
from kg.names import Resolver, expand_curie, slug
from kg.namespace import ATKG, GRAPH_ENTITIES, GRAPH_ONTOLOGY, ID, ORG, PREFIXES, TIME
from kg.rdfio import Quad, format_term, parse_rdf
from kg.workspace import Workspace

__all__ = [
    "EditResult",
    "Session",
    "Vocabulary",
    "run_edit",
    "parse_date",
    "parse_text_lang",
    "parse_source",
    "show_term",
    "source_of",
    "add_entity",
    "add_country",
    "edit_entity",
    "remove_entity",
    "merge_entities",
    "add_fact",
    "remove_fact",
    "FactSpec",
    "entity_view",
    "EntityView",
    "search_entities",
    "list_facts",
    "FactRow",
]

LABELS = (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
DATE_PROPERTIES = frozenset({DCTERMS.date, ATKG.startDate, ATKG.endDate, ATKG.launchDate, ATKG.period})
_SLUG = re.compile(r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$")
_LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
_ROLES = {
    ATKG.MemberRole: ORG.memberOf,
    ATKG.FounderRole: ORG.memberOf,
    ATKG.ChairRole: ATKG.chairs,
    ATKG.CoordinatorRole: ATKG.coordinates,
    ATKG.ObserverRole: ATKG.observerOf,
}
_DEFAULT_ROLE = {
    ORG.memberOf: ATKG.MemberRole,
    ATKG.chairs: ATKG.ChairRole,
    ATKG.coordinates: ATKG.CoordinatorRole,
    ATKG.observerOf: ATKG.ObserverRole,
}
_NUMERIC = {
    XSD.integer: re.compile(r"^[+-]?\d+$"),
    XSD.decimal: re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)$"),
    XSD.nonNegativeInteger: re.compile(r"^\+?\d+$"),
}


# ---- what users type -> RDF terms -----------------------------------------------------------


def parse_date(text: str, what: str = "date") -> Literal:
    """A date at the precision given: ``2012`` gYear, ``2012-04`` gYearMonth, ``2012-04-17`` date.

    >>> parse_date("2012-04").datatype == XSD.gYearMonth
    True
    """
    value = text.strip()
    try:
        if re.fullmatch(r"\d{4}", value):
            return Literal(value, datatype=XSD.gYear)
        if re.fullmatch(r"\d{4}-\d{2}", value) and 1 <= int(value[5:]) <= 12:
            return Literal(value, datatype=XSD.gYearMonth)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            dt.date.fromisoformat(value)
            return Literal(value, datatype=XSD.date)
    except ValueError:
        pass
    raise UsageError(f"{what} '{text}' is not a date: give YYYY, YYYY-MM or YYYY-MM-DD")


def parse_text_lang(text: str, option: str) -> Literal:
    """``TEXT@LANG`` -> a language-tagged literal (the last ``@`` separates the tag)."""
    value, at, language = text.rpartition("@")
    if not at or not value or not _LANG.match(language):
        raise UsageError(f"{option} '{text}': give TEXT@LANG, e.g. \"ONUDC@fr\"")
    return Literal(value, lang=language)


def parse_source(workspace: Workspace, source: str | None) -> URIRef:
    """``DOC:PARA`` (DOC the file name, its three-digit prefix or its number) -> the passage graph."""
    from kg.corpus import document_key, load_corpus
    from kg.provenance import passage_iri

    if not source:
        raise UsageError("a fact needs --source DOC:PARA (e.g. --source 001:12)")
    doc, colon, label = source.partition(":")
    if not colon or not doc or not label:
        raise UsageError(f"--source '{source}': give DOC:PARA, e.g. 001:12")
    try:
        key = document_key(doc, workspace.corpus_dir)
    except KeyError:
        raise UsageError(f"--source '{source}': no document '{doc}' in the corpus") from None
    if load_corpus(workspace.corpus_dir)[key].get(label) is None:
        raise UsageError(f"--source '{source}': document {key} has no paragraph '{label}'")
    return passage_iri(key, label)


def source_of(graph: URIRef) -> str:
    """``id:passage-001-12`` -> ``001 §12``; other graphs by their slug."""
    name = slug(graph)
    if name.startswith("passage-"):
        _, key, label = name.split("-", 2)
        return f"{key} §{label}"
    return name.removeprefix("graph-")


def show_term(term) -> str:
    """One-line text of a term: slug for individuals, prefixed name, or escaped literal."""
    if isinstance(term, URIRef) and str(term).startswith(str(ID)):
        return slug(term)
    return format_term(term, PREFIXES)


# ---- the ontology's terms -------------------------------------------------------------------


@dataclass
class Vocabulary:
    """Classes and properties the ontology declares, to check what an edit names."""

    classes: set[URIRef] = field(default_factory=set)
    object_properties: set[URIRef] = field(default_factory=set)
    datatype_properties: set[URIRef] = field(default_factory=set)
    annotation_properties: set[URIRef] = field(default_factory=set)
    ranges: dict[URIRef, URIRef] = field(default_factory=dict)
    deprecated: dict[URIRef, URIRef | None] = field(default_factory=dict)

    @classmethod
    def from_quads(cls, quads: Iterable[Quad]) -> Vocabulary:
        vocabulary = cls()
        kinds = {
            OWL.Class: vocabulary.classes,
            RDFS.Class: vocabulary.classes,
            OWL.ObjectProperty: vocabulary.object_properties,
            OWL.DatatypeProperty: vocabulary.datatype_properties,
            OWL.AnnotationProperty: vocabulary.annotation_properties,
        }
        replaced: dict[URIRef, URIRef] = {}
        for s, p, o, _ in quads:
            if p == RDF.type and o in kinds and isinstance(s, URIRef):
                kinds[o].add(s)
            elif p == RDFS.range and isinstance(o, URIRef):
                vocabulary.ranges[s] = o
            elif p == OWL.deprecated and o.eq(Literal(True)):
                vocabulary.deprecated.setdefault(s, None)
            elif p == DCTERMS.isReplacedBy:
                replaced[s] = o
        for term in vocabulary.deprecated:
            vocabulary.deprecated[term] = replaced.get(term)
        return vocabulary

    @property
    def properties(self) -> set[URIRef]:
        return self.object_properties | self.datatype_properties | self.annotation_properties

    def defines(self, term: URIRef) -> bool:
        return term in self.classes or term in self.properties

    @staticmethod
    def expand(text: str) -> URIRef:
        """A prefixed name or IRI; a bare name is an atkg: term."""
        text = text.strip()
        iri = expand_curie(text)
        if iri is not None:
            return iri
        if text and ":" not in text and "/" not in text:
            return URIRef(PREFIXES["atkg"] + text)
        raise UsageError(f"'{text}': unknown prefix (known: {', '.join(sorted(PREFIXES))})")

    def _current(self, term: URIRef, text: str) -> URIRef:
        if term in self.deprecated:
            replacement = self.deprecated[term]
            instead = f"; use {show_term(replacement)}" if replacement else ""
            raise UsageError(f"'{text}' is deprecated{instead}")
        return term

    def cls(self, text: str, deprecated_ok: bool = False) -> URIRef:
        term = self.expand(text)
        if term not in self.classes:
            raise UsageError(f"class '{text}' is not defined in the ontology")
        return term if deprecated_ok else self._current(term, text)

    def prop(self, text: str, deprecated_ok: bool = False) -> URIRef:
        """The property; a deprecated one only where it is being removed (``deprecated_ok``)."""
        if text.strip() == "a":
            return RDF.type
        term = self.expand(text)
        if term != RDF.type and term not in self.properties:
            raise UsageError(f"property '{text}' is not defined in the ontology")
        return term if deprecated_ok else self._current(term, text)


# ---- an edit session ------------------------------------------------------------------------


@dataclass
class Session:
    """What one edit works on: the curated files, the ontology, and a resolver over both."""

    workspace: Workspace
    data: CuratedData
    ontology: list[Quad]

    @classmethod
    def open(cls, workspace: Workspace) -> Session:
        ontology = parse_rdf(
            workspace.ontology,
            "turtle",
            name=str(workspace.ontology.relative_to(workspace.root)),
            graph=GRAPH_ONTOLOGY,
        )
        return cls(workspace, CuratedData.load(workspace), ontology)

    @cached_property
    def vocabulary(self) -> Vocabulary:
        return Vocabulary.from_quads(self.ontology)

    @cached_property
    def schema(self):
        from kg.curation.schema import Schema

        return Schema.from_quads(self.ontology)

    @cached_property
    def resolver(self) -> Resolver:
        return Resolver.from_quads(self.data.quads())

    def forget_names(self) -> None:
        """Drop the name index after an operation changed names, so a later operation of the same
        edit (a composed one) resolves the entity just added, renamed or merged."""
        self.__dict__.pop("resolver", None)

    def entity(self, name: str, what: str = "entity") -> URIRef:
        return self.resolver.resolve(name, what)

    def entity_quads(self, node: URIRef) -> list[Quad]:
        return sorted((q for q in self.data.quads() if q[3] == GRAPH_ENTITIES and q[0] == node), key=str)

    def exists(self, node: URIRef) -> bool:
        return any(q[0] == node for q in self.data.quads())


@dataclass
class EditResult:
    summary: str
    diff: str
    files: list[Path]
    written: bool


Operation = Callable[[Session], str]


def run_edit(
    workspace: Workspace,
    operation: Operation,
    dry_run: bool = False,
    lock_timeout: float = 60.0,
    command: str = "",
) -> EditResult:
    """Apply ``operation`` under the workspace lock; validate; write every changed file as one
    transaction, logged for ``atkg undo`` as ``command`` (or just diff)."""
    from kg.curation.journal import recover
    from kg.validate import check_edit

    with workspace_lock(workspace, lock_timeout):
        recover(workspace)
        session = Session.open(workspace)
        before = session.data.quads()
        summary = operation(session)
        after = session.data.quads()
        check_edit(workspace, session.ontology, before, after)  # the shapes' messages say how to fix
        rendered = session.data.rendered()
        diff = _unified_diff(workspace, session.data.original, rendered)
        if dry_run:
            return EditResult(summary, diff, sorted(rendered), False)
        return EditResult(summary, diff, session.data.save(summary=summary, command=command), True)


def _unified_diff(workspace: Workspace, old: dict[Path, str], new: dict[Path, str]) -> str:
    chunks = []
    for path, text in sorted(new.items()):
        name = str(path.relative_to(workspace.root))
        chunks += difflib.unified_diff(
            old.get(path, "").splitlines(keepends=True),
            text.splitlines(keepends=True),
            fromfile=f"a/{name}" if path in old else "/dev/null",
            tofile=f"b/{name}",
        )
    return "".join(chunks)


# ---- entity operations ----------------------------------------------------------------------


def add_entity(
    slug_text: str, type_name: str, label_fr: str, label_en: str, alt: Iterable[str] = ()
) -> Operation:
    """Describe a new individual in the registry: its class and fr/en preferred labels."""

    def operation(session: Session) -> str:
        if not _SLUG.match(slug_text):
            raise UsageError(f"slug '{slug_text}': use letters, digits and single hyphens (e.g. un-women)")
        node = ID[slug_text]
        if session.exists(node) or node in session.resolver.known:
            raise UsageError(
                f"entity '{slug_text}' already exists; edit it with `atkg entity edit {slug_text}`"
            )
        _check_new_slug(session, slug_text)
        cls = session.vocabulary.cls(type_name)
        labels = [
            (SKOS.prefLabel, _label(label_fr, "fr", "--label-fr")),
            (SKOS.prefLabel, _label(label_en, "en", "--label-en")),
        ]
        labels += [(SKOS.altLabel, parse_text_lang(a, "--alt")) for a in alt]
        session.data.add((node, RDF.type, cls, GRAPH_ENTITIES))
        for predicate, label in labels:
            session.data.add((node, predicate, label, GRAPH_ENTITIES))
        session.forget_names()
        return f"added {slug_text} ({show_term(cls)})"

    return operation


# Slugs the build mints or generates: a curated entity must not take them.
_RESERVED = {
    "passage-": "passages (generated from the corpus)",
    "doc-": "source documents (generated from the corpus)",
    "graph-": "named graphs",
    "membership-": "memberships (`atkg membership add`)",
    "interval-": "intervals (`atkg membership add --from/--to`)",
    "obs-": "observations (`atkg observation add`)",
    "ratification-": "ratifications (`atkg ratification add`)",
}


def _check_new_slug(session: Session, slug_text: str) -> None:
    """A new slug must not read as a generated node, nor name (case- and accent-insensitively)
    an existing entity by its slug, label or acronym: either would shadow it in every lookup."""
    from kg.textmatch import fold

    lowered = slug_text.lower()
    for prefix, what in _RESERVED.items():
        if lowered.startswith(prefix):
            raise UsageError(f"slug '{slug_text}': the prefix '{prefix}' is reserved for {what}")
    clashes = sorted(n for n in session.resolver.known if slug(n).lower() == lowered)
    clashes += sorted(session.resolver.by_name.get(fold(slug_text).strip(), set()) - set(clashes))
    if clashes:
        listed = ", ".join(f"{slug(n)} ({session.resolver.label(n)})" for n in clashes)
        raise UsageError(
            f"slug '{slug_text}' is already the name of {listed}; choose another slug, or edit that entity"
        )


def _label(text: str, language: str, option: str) -> Literal:
    if not text.strip():
        raise UsageError(f"{option}: a label cannot be empty")
    return Literal(text, lang=language)


def add_country(code: str) -> Operation:
    """Describe a country from ISO 3166 (pycountry): labels and both codes."""
    from kg.countries import country_quads

    def operation(session: Session) -> str:
        quads = country_quads(code)
        node = quads[0][0]
        if session.exists(node):
            raise UsageError(f"{slug(node)} already exists")
        for quad in quads:
            session.data.add(quad)
        session.forget_names()
        return f"added {slug(node)} ({_english_label(quads)})"

    return operation


def _english_label(quads: list[Quad]) -> str:
    return next(str(o) for _, p, o, _ in quads if p == SKOS.prefLabel and o.language == "en")


def edit_entity(
    name: str,
    add_labels: Iterable[str] = (),
    remove_labels: Iterable[str] = (),
    set_type: str | None = None,
    set_pref: Iterable[str] = (),
) -> Operation:
    """Add alternative labels, remove labels, replace the preferred label of a language, or
    replace the entity's class."""

    def operation(session: Session) -> str:
        node = session.entity(name)
        g = GRAPH_ENTITIES
        own = session.entity_quads(node)
        done = []
        for text in remove_labels:
            label = parse_text_lang(text, "--remove-label")
            found = [q for q in own if q[1] in LABELS and q[2] == label]
            if not found:
                raise UsageError(f"{slug(node)} has no label {show_term(label)}")
            for quad in found:
                session.data.remove(quad)
            done.append(f"removed label {show_term(label)}")
        for text in set_pref:
            label = parse_text_lang(text, "--set-pref")
            for quad in own:
                if quad[1] == SKOS.prefLabel and quad[2].language == label.language:
                    session.data.remove(quad)
            session.data.remove((node, SKOS.altLabel, label, g))
            session.data.add((node, SKOS.prefLabel, label, g))
            done.append(f"preferred label @{label.language} is now {show_term(label)}")
        for text in add_labels:
            label = parse_text_lang(text, "--add-label")
            if any(q[1] in LABELS and q[2] == label for q in session.entity_quads(node)):
                raise UsageError(f"{slug(node)} already has the label {show_term(label)}")
            session.data.add((node, SKOS.altLabel, label, g))
            done.append(f"added label {show_term(label)}")
        if set_type is not None:
            cls = session.vocabulary.cls(set_type)
            for quad in own:
                if quad[1] == RDF.type:
                    session.data.remove(quad)
            session.data.add((node, RDF.type, cls, g))
            done.append(f"type is now {show_term(cls)}")
        if not done:
            raise UsageError("nothing to change: give --add-label, --remove-label, --set-pref or --set-type")
        session.forget_names()
        return f"{slug(node)}: " + "; ".join(done)

    return operation


_DEPENDENT = (ORG.Membership, TIME.Interval, ATKG.Observation, ATKG.Ratification)


def remove_entity(name: str, cascade: bool = False) -> Operation:
    """Remove an individual; refuse while facts mention it, unless ``cascade`` removes them too
    (with the membership, interval, observation and ratification nodes built on it)."""

    def operation(session: Session) -> str:
        node = session.entity(name)
        references = session.data.references(node)
        if references and not cascade:
            listed = "; ".join(_fact_line(q) for q in references[:10])
            more = f"; and {len(references) - 10} more" if len(references) > 10 else ""
            raise UsageError(
                f"{slug(node)} is still mentioned by {len(references)} fact(s): {listed}{more}; "
                "remove them first or use --cascade"
            )
        doomed = {node} | _dependents(session, references)
        removed = [q for q in session.data.quads() if q[0] in doomed or q[2] in doomed]
        for quad in removed:
            session.data.remove(quad)
        facts = sum(1 for q in removed if q[3] != GRAPH_ENTITIES)
        session.forget_names()
        return f"removed {slug(node)}" + (f" and {facts} fact(s) mentioning it" if facts else "")

    return operation


def _dependents(session: Session, references: list[Quad]) -> set[URIRef]:
    """Nodes that only exist to qualify a removed fact: memberships and their intervals, etc."""
    types = {(q[0], q[2]) for q in session.data.quads() if q[1] == RDF.type}
    out: set[URIRef] = set()
    for s, _, o, _ in references:
        for candidate in (s, o):
            if any((candidate, t) in types for t in _DEPENDENT):
                out.add(candidate)
    intervals = {q[2] for q in session.data.quads() if q[0] in out and q[1] == ORG.memberDuring}
    return out | intervals


def merge_entities(source: str, target: str) -> Operation:
    """Rewrite every mention of ``source`` to ``target``; keep source's labels as altLabels."""

    def operation(session: Session) -> str:
        old = session.entity(source, "entity to merge")
        new = session.entity(target, "entity to merge into")
        if old == new:
            raise UsageError(f"'{source}' and '{target}' are the same entity ({slug(old)})")
        old_types = {q[2] for q in session.entity_quads(old) if q[1] == RDF.type}
        new_types = {q[2] for q in session.entity_quads(new) if q[1] == RDF.type}
        if not session.schema.compatible(old_types, new_types):
            raise UsageError(
                f"cannot merge {slug(old)} ({', '.join(sorted(map(show_term, old_types)))}) into "
                f"{slug(new)} ({', '.join(sorted(map(show_term, new_types)))}): one thing cannot be "
                "both; check the names, or change a class first (atkg entity edit --set-type)"
            )
        kept = {q[2] for q in session.entity_quads(new) if q[1] in LABELS}
        moved = 0
        for quad in sorted(q for q in session.data.quads() if old in (q[0], q[2])):
            s, p, o, g = quad
            session.data.remove(quad)
            if g == GRAPH_ENTITIES and s == old:
                if p == RDF.type:
                    continue
                if p in LABELS:
                    if o in kept:
                        continue
                    p = SKOS.hiddenLabel if p == SKOS.hiddenLabel else SKOS.altLabel
            session.data.add((new if s == old else s, p, new if o == old else o, g))
            moved += g != GRAPH_ENTITIES
        # the old IRI keeps answering: links and bookmarks to it resolve to the entity that stays
        session.data.add((old, DCTERMS.isReplacedBy, new, GRAPH_ENTITIES))
        session.forget_names()
        return f"merged {slug(old)} into {slug(new)}: {moved} fact(s) rewritten"

    return operation


# ---- fact operations ------------------------------------------------------------------------


@dataclass(frozen=True)
class FactSpec:
    subject: str
    property: str
    object: str
    source: str | None
    role: str | None = None
    start: str | None = None
    end: str | None = None
    note: str | None = None

    @property
    def qualified(self) -> bool:
        return any((self.role, self.start, self.end))


def _fact_quads(session: Session, spec: FactSpec, removing: bool = False) -> tuple[list[Quad], Quad]:
    """The quads a fact consists of (all in its passage graph) and its truthy triple. Deprecated
    terms are refused in new facts, accepted in facts being removed (so data can be migrated)."""
    graph = parse_source(session.workspace, spec.source)
    subject = session.entity(spec.subject, "subject")
    predicate = session.vocabulary.prop(spec.property, deprecated_ok=removing)
    obj = _object(session, predicate, spec.object, removing)
    truthy = (subject, predicate, obj, graph)
    noted = [(subject, ATKG.provenanceNote, _note(spec.note), graph)] if spec.note is not None else []
    if not spec.qualified:
        return [truthy, *noted], truthy
    if predicate not in _DEFAULT_ROLE:
        raise UsageError(
            f"--role/--from/--to qualify only {', '.join(show_term(p) for p in _DEFAULT_ROLE)}, "
            f"not {show_term(predicate)}"
        )
    role = _role(spec.role) if spec.role else _DEFAULT_ROLE[predicate]
    if _ROLES[role] != predicate:
        raise UsageError(
            f"role {show_term(role)} goes with {show_term(_ROLES[role])}, not {show_term(predicate)}"
        )
    start = parse_date(spec.start, "--from") if spec.start else None
    end = parse_date(spec.end, "--to") if spec.end else None
    if start is not None and end is not None and str(end)[: len(str(start))] < str(start)[: len(str(end))]:
        raise UsageError(f"--to {end} is before --from {start}")
    role_word = str(role).rsplit("#", 1)[1].removesuffix("Role").lower()
    name = f"membership-{slug(subject)}-{slug(obj)}-{role_word}"
    if start is not None:
        name += f"-{str(start)[:4]}"
    membership = ID[name]
    quads = [
        (membership, RDF.type, ORG.Membership, graph),
        (membership, ORG.member, subject, graph),
        (membership, ORG.organization, obj, graph),
        (membership, ORG.role, role, graph),
        truthy,
        *noted,
    ]
    if start is not None or end is not None:
        interval = ID[f"interval-{name}"]
        quads += [(membership, ORG.memberDuring, interval, graph), (interval, RDF.type, TIME.Interval, graph)]
        if start is not None:
            quads.append((interval, ATKG.startDate, start, graph))
        if end is not None:
            quads.append((interval, ATKG.endDate, end, graph))
    return quads, truthy


def _note(text: str) -> Literal:
    """``--note``: why the passage supports the fact though it names an entity indirectly."""
    if not text.strip():
        raise UsageError("--note: say why the passage supports the fact (e.g. \"'le Groupe' is ICAT\")")
    return Literal(text.strip(), lang="en")


def _role(text: str) -> URIRef:
    """``chair``, ``ChairRole`` or ``atkg:ChairRole`` -> the role individual."""
    word = text.strip().removeprefix("atkg:")
    word = word[:1].upper() + word[1:]
    if not word.endswith("Role"):
        word += "Role"
    role = URIRef(PREFIXES["atkg"] + word)
    if role not in _ROLES:
        known = ", ".join(str(r).rsplit("#", 1)[1].removesuffix("Role").lower() for r in _ROLES)
        raise UsageError(f"--role '{text}': not a role (one of {known})")
    return role


def _object(session: Session, predicate: URIRef, text: str, removing: bool = False):
    """The object the property calls for: an entity, a class, a date or a typed literal."""
    vocabulary = session.vocabulary
    if predicate == RDF.type:
        return vocabulary.cls(text, deprecated_ok=removing)
    if predicate in vocabulary.object_properties:
        return session.entity(text, "object")
    if predicate in DATE_PROPERTIES:
        return parse_date(text, show_term(predicate))
    datatype = vocabulary.ranges.get(predicate)
    if datatype in _NUMERIC:
        if not _NUMERIC[datatype].match(text.strip()):
            raise UsageError(f"'{text}' is not an {show_term(datatype)}, as {show_term(predicate)} requires")
        return Literal(text.strip(), datatype=datatype)
    if datatype in (XSD.date, XSD.gYear, XSD.gYearMonth):
        return parse_date(text, show_term(predicate))
    if datatype == RDF.langString or (datatype is None and re.search(r"@[a-z]{2,3}$", text)):
        return parse_text_lang(text, show_term(predicate))
    if datatype not in (None, XSD.string, RDFS.Literal):
        raise UsageError(
            f"{show_term(predicate)} takes {show_term(datatype)} values, which `fact add` cannot write"
        )
    return Literal(text)


def add_fact(spec: FactSpec) -> Operation:
    """State a fact in the graph of the passage that says it (qualified facts as a membership)."""

    def operation(session: Session) -> str:
        quads, truthy = _fact_quads(session, spec)
        added = [q for q in quads if session.data.add(q)]
        noted = [q for q in added if q[1] == ATKG.provenanceNote]
        if not added:
            raise UsageError(f"{_fact_line(truthy)} is already stated there")
        if len(added) == len(noted):  # the fact was there: the edit records why the passage holds
            return f"added a provenance note to {_fact_line(truthy)}"
        qualifying = len(added) - len(noted) - 1
        extras = [f"{qualifying} qualifying triple(s)"] if qualifying else []
        extras += ["a provenance note"] if noted else []
        return f"added {_fact_line(truthy)}" + (f" (with {' and '.join(extras)})" if extras else "")

    return operation


def remove_fact(spec: FactSpec) -> Operation:
    """Withdraw a fact from one passage; for a qualified one, its membership node and interval.
    The truthy triple goes too unless another membership in that passage still states it."""

    def operation(session: Session) -> str:
        quads, truthy = _fact_quads(session, spec, removing=True)
        present = session.data.quads()
        if not spec.qualified:
            if truthy not in present:
                raise UsageError(f"{_fact_line(truthy)} is not stated there")
            holders = _memberships_stating(present, truthy)
            if holders:
                raise UsageError(
                    f"{_fact_line(truthy)} is stated by the membership {slug(holders[0])}; remove it with "
                    "--role (and --from/--to)"
                )
            session.data.remove(truthy)
            return f"removed {_fact_line(truthy)}"
        membership = quads[0][0]
        if quads[0] not in present:
            raise UsageError(
                f"{_fact_line(truthy)} with role {spec.role or 'default'} is not stated there "
                f"(no {slug(membership)} in that passage)"
            )
        graph = truthy[3]
        nodes = {membership} | {
            q[2] for q in present if q[0] == membership and q[1] == ORG.memberDuring and q[3] == graph
        }
        for quad in [q for q in present if q[0] in nodes and q[3] == graph]:
            session.data.remove(quad)
        if not _memberships_stating(session.data.quads(), truthy):
            session.data.remove(truthy)
        return f"removed {_fact_line(truthy)} ({slug(membership)})"

    return operation


def _memberships_stating(quads: set[Quad], truthy: Quad) -> list[URIRef]:
    subject, predicate, obj, graph = truthy
    roles = {r for r, p in _ROLES.items() if p == predicate}
    by_node: dict = {}
    for s, p, o, g in quads:
        if g == graph and p in (ORG.member, ORG.organization, ORG.role):
            by_node.setdefault(s, {})[p] = o
    return sorted(
        n
        for n, v in by_node.items()
        if v.get(ORG.member) == subject and v.get(ORG.organization) == obj and v.get(ORG.role) in roles
    )


def _fact_line(quad: Quad) -> str:
    s, p, o, g = quad
    return f"{show_term(s)} {show_term(p)} {show_term(o)} [{source_of(g)}]"


# ---- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FactRow:
    subject: str
    property: str
    object: str
    source: str


@dataclass
class EntityView:
    slug: str
    types: list[str]
    labels: list[tuple[str, str]]  # (kind, literal as text)
    facts: list[FactRow]


def _read_session(workspace: Workspace) -> Session:
    return Session.open(workspace)


def list_facts(workspace: Workspace, name: str, session: Session | None = None) -> list[FactRow]:
    """Every fact that mentions the entity, as subject or object, with the passage citing it."""
    session = session or _read_session(workspace)
    node = session.entity(name)
    rows = {
        FactRow(show_term(s), show_term(p), show_term(o), source_of(g))
        for s, p, o, g in session.data.references(node)
    }
    return sorted(rows, key=lambda r: (r.source, r.subject, r.property, r.object))


def entity_view(workspace: Workspace, name: str) -> EntityView:
    session = _read_session(workspace)
    node = session.entity(name)
    own = session.entity_quads(node)
    kinds = {SKOS.prefLabel: "prefLabel", SKOS.altLabel: "altLabel", SKOS.hiddenLabel: "hiddenLabel"}
    labels = sorted(
        ((kinds[p], show_term(o)) for _, p, o, _ in own if p in kinds),
        key=lambda kv: (list(kinds.values()).index(kv[0]), kv[1]),
    )
    types = sorted(show_term(o) for _, p, o, _ in own if p == RDF.type)
    others = sorted((show_term(p), show_term(o)) for _, p, o, _ in own if p != RDF.type and p not in kinds)
    labels += others
    return EntityView(slug(node), types, labels, list_facts(workspace, name, session))


def _search_key(text: str) -> str:
    """Case- and accent-insensitive text that keeps every script (``kg.textmatch.fold`` keeps
    only ASCII letters, so it cannot search Cyrillic, Arabic or Chinese labels)."""
    import unicodedata

    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " " + " ".join("".join(c if c.isalnum() else " " for c in text).split()) + " "


def search_entities(workspace: Workspace, text: str) -> list[tuple[str, str, str, str]]:
    """Entities whose label, acronym or code contains the text (accent- and case-insensitive,
    any script): rows of (slug, type, French label, English label)."""
    needle = _search_key(text).strip()
    if not needle:
        raise UsageError("search text is empty")
    session = _read_session(workspace)
    names = LABELS + (ATKG.iso3166Alpha3, ATKG.iso3166Alpha2)
    hits: set[URIRef] = set()
    types: dict[URIRef, list[str]] = {}
    labels: dict[URIRef, dict[str, str]] = {}
    for s, p, o, g in session.data.quads():
        if g != GRAPH_ENTITIES:
            continue
        if p == RDF.type:
            types.setdefault(s, []).append(show_term(o))
        elif p in names and (needle in _search_key(str(o)) or needle == slug(s)):
            hits.add(s)
        if p == SKOS.prefLabel:
            labels.setdefault(s, {})[o.language] = str(o)
    hits |= {s for s in types if needle in _search_key(slug(s))}
    return [
        (
            slug(n),
            ", ".join(sorted(types.get(n, []))),
            labels.get(n, {}).get("fr", ""),
            labels.get(n, {}).get("en", ""),
        )
        for n in sorted(hits)
    ]
