"""Ontology edits: add a class, add a property, deprecate a term.

``ontology/atkg.ttl`` is hand-edited: its sections and comments are for readers. So these edits
never re-serialise it: each appends one statement block, written in the file's own style, under
the workspace lock and atomically, after checking that the result parses, defines what it should,
and breaks no check of the data. Terms are never renamed or dropped: deprecation marks a term
``owl:deprecated true`` with its ``dcterms:isReplacedBy``, as the public vocabulary promises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, XSD

from kg.edit import Vocabulary, show_term
from kg.errors import UsageError, ValidationError
from kg.lock import workspace_lock
from kg.namespace import GRAPH_ONTOLOGY, PREFIXES
from kg.rdfio import format_term, parse_rdf
from kg.workspace import Workspace

__all__ = ["OntologyEdit", "add_class", "add_property", "deprecate"]

_CLASS_NAME = re.compile(r"^[A-Z][A-Za-z0-9]*$")
_PROPERTY_NAME = re.compile(r"^[a-z][A-Za-z0-9]*$")
_DATATYPES = {
    XSD.string,
    XSD.integer,
    XSD.decimal,
    XSD.date,
    XSD.gYear,
    XSD.gYearMonth,
    XSD.boolean,
    XSD.anyURI,
    XSD.nonNegativeInteger,
    RDF.langString,
    RDFS.Literal,
}


@dataclass
class OntologyEdit:
    summary: str
    block: str
    written: bool
    files: list[str] = field(default_factory=list)


def _new_term(vocabulary: Vocabulary, name: str, pattern: re.Pattern, what: str, taken: dict) -> URIRef:
    local = name.removeprefix("atkg:")
    if not pattern.match(local):
        case = "UpperCamelCase" if what == "class" else "lowerCamelCase"
        raise UsageError(f"{what} name '{name}': an atkg: name in {case} (letters and digits)")
    term = URIRef(PREFIXES["atkg"] + local)
    if vocabulary.defines(term):
        raise UsageError(f"{show_term(term)} is already defined in the ontology")
    if local.lower() in taken:
        raise UsageError(f"{what} name '{name}' collides with {taken[local.lower()]}; choose another name")
    return term


def _taken_names(ontology: list, data: list) -> dict[str, str]:
    """Names (lower-cased) a new term must not take: every term the ontology describes (its
    individuals such as atkg:ChairRole included) and every curated entity's slug."""
    from kg.namespace import ID

    taken: dict[str, str] = {}
    for quads, kind in ((data, "the entity"), (ontology, "the ontology term")):
        for s, _, _, _ in quads:
            if not isinstance(s, URIRef):
                continue
            text = str(s)
            if kind == "the entity" and not text.startswith(str(ID)):
                continue
            local = text[len(str(ID)) :] if kind == "the entity" else re.split(r"[#/]", text)[-1]
            taken.setdefault(local.lower(), f"{kind} {show_term(s)}")
    return taken


def _labels(label_fr: str, label_en: str, comment: str | None, comment_fr: str | None = None) -> list[str]:
    """Labels and definitions in the file's style; a definition missing a language is left for
    ``atkg validate`` to report (untranslated-term), as the French page shows no English."""
    for option, text in (("--label-fr", label_fr), ("--label-en", label_en)):
        if not text.strip():
            raise UsageError(f"{option}: a label cannot be empty")
    lines = [f"    rdfs:label {_text(label_en, 'en')} , {_text(label_fr, 'fr')}"]
    comments = [_text(text, lang) for text, lang in ((comment, "en"), (comment_fr, "fr")) if text]
    if comments:
        lines.append("    rdfs:comment " + " ,\n        ".join(comments))
    return lines


def _text(text: str, language: str) -> str:
    return format_term(Literal(text, lang=language), PREFIXES)


def _statement(subject: URIRef, lines: list[str]) -> str:
    return f"{show_term(subject)} " + " ;\n".join(lines).lstrip() + " .\n"


def add_class(
    workspace: Workspace,
    name: str,
    parent: str,
    label_fr: str,
    label_en: str,
    comment: str | None = None,
    dry_run: bool = False,
    comment_fr: str | None = None,
) -> OntologyEdit:
    def block(vocabulary: Vocabulary, taken: dict) -> tuple[str, str]:
        term = _new_term(vocabulary, name, _CLASS_NAME, "class", taken)
        parent_term = vocabulary.cls(parent)
        lines = [
            "a owl:Class",
            f"    rdfs:subClassOf {show_term(parent_term)}",
            *_labels(label_fr, label_en, comment, comment_fr),
        ]
        return _statement(
            term, lines
        ), f"added class {show_term(term)} (subclass of {show_term(parent_term)})"

    return _apply(workspace, block, dry_run, "atkg ontology add-class")


def add_property(
    workspace: Workspace,
    name: str,
    domain: str,
    range_: str,
    label_fr: str,
    label_en: str,
    comment: str | None = None,
    dry_run: bool = False,
    comment_fr: str | None = None,
) -> OntologyEdit:
    """An object property when the range is a class, a datatype property when it is a datatype."""

    def block(vocabulary: Vocabulary, taken: dict) -> tuple[str, str]:
        term = _new_term(vocabulary, name, _PROPERTY_NAME, "property", taken)
        domain_term = vocabulary.cls(domain)
        range_term = Vocabulary.expand(range_)
        if range_term in _DATATYPES:
            kind = OWL.DatatypeProperty
        else:
            range_term = vocabulary.cls(range_)
            kind = OWL.ObjectProperty
        lines = [
            f"a {show_term(kind)}",
            f"    rdfs:domain {show_term(domain_term)}",
            f"    rdfs:range {show_term(range_term)}",
            *_labels(label_fr, label_en, comment, comment_fr),
        ]
        return _statement(term, lines), f"added {show_term(kind)} {show_term(term)}"

    return _apply(workspace, block, dry_run, "atkg ontology add-property")


def deprecate(
    workspace: Workspace, term_text: str, replaced_by: str, dry_run: bool = False, migrate: bool = False
) -> OntologyEdit:
    """Mark a term deprecated. While the data uses it, refused unless ``migrate``, which rewrites
    every use to the replacement in the same transaction (checked like any edit)."""
    chosen: dict[str, URIRef] = {}

    def block(vocabulary: Vocabulary, taken: dict) -> tuple[str, str]:
        term = Vocabulary.expand(term_text)
        replacement = Vocabulary.expand(replaced_by)
        for text, value in ((term_text, term), (replaced_by, replacement)):
            if not vocabulary.defines(value):
                raise UsageError(f"'{text}' is not defined in the ontology")
        if term in vocabulary.deprecated:
            raise UsageError(f"{show_term(term)} is already deprecated")
        if replacement in vocabulary.deprecated:
            raise UsageError(f"{show_term(replacement)} is itself deprecated; name a current term")
        if term == replacement or (term in vocabulary.classes) != (replacement in vocabulary.classes):
            raise UsageError(
                f"{show_term(term)} cannot be replaced by {show_term(replacement)}: "
                "a class is replaced by another class, a property by another property"
            )
        chosen.update(term=term, replacement=replacement)
        text = _statement(term, ["owl:deprecated true", f"    dcterms:isReplacedBy {show_term(replacement)}"])
        if DCTERMS.isReplacedBy not in vocabulary.annotation_properties:
            text = "dcterms:isReplacedBy a owl:AnnotationProperty .\n" + text
        return text, f"deprecated {show_term(term)} (replaced by {show_term(replacement)})"

    def rewrite(data) -> str:
        term, replacement = chosen["term"], chosen["replacement"]
        uses = sorted(
            (q for q in data.quads() if q[1] == term or (q[1] == RDF.type and q[2] == term)), key=str
        )
        if uses and not migrate:
            from kg.curation.checks import fact_text

            raise UsageError(
                f"{show_term(term)} is used by {len(uses)} triple(s) of the data "
                f"(first: {fact_text(uses[0])}); add --migrate to rewrite them to "
                f"{show_term(replacement)} in the same edit"
            )
        for s, p, o, g in uses:
            data.remove((s, p, o, g))
            data.add((s, replacement, o, g) if p == term else (s, p, replacement, g))
        return f"; {len(uses)} triple(s) migrated" if uses else ""

    return _apply(workspace, block, dry_run, "atkg ontology deprecate", rewrite)


def _apply(workspace: Workspace, make_block, dry_run: bool, command: str = "", rewrite=None) -> OntologyEdit:
    """Append the block; with ``rewrite``, change the data in the same transaction. The new
    ontology must add no check finding, and the rewritten data must pass every edit check."""
    from kg.build import inferred_quads, run_checks
    from kg.curated import CuratedData
    from kg.curation.journal import commit_files, recover
    from kg.validate import _provenance, check_edit

    path = workspace.ontology
    shown = str(path.relative_to(workspace.root))
    with workspace_lock(workspace, task="an ontology edit"):
        recover(workspace)
        old_text = path.read_text(encoding="utf-8")
        old = parse_rdf(old_text, "turtle", name=shown, graph=GRAPH_ONTOLOGY)
        curated = CuratedData.load(workspace)
        block, summary = make_block(Vocabulary.from_quads(old), _taken_names(old, list(curated.quads())))
        new_text = old_text.rstrip("\n") + "\n\n" + block
        new = parse_rdf(new_text, "turtle", name=shown, graph=GRAPH_ONTOLOGY)
        data = sorted(curated.quads(), key=str) + _provenance(workspace)
        before = set(run_checks(workspace, old + data + inferred_quads(old + data)))
        after = set(run_checks(workspace, new + data + inferred_quads(new + data)))
        broken = sorted(f for f in after - before if f.check != "deprecated-term")
        if broken:
            raise ValidationError(
                "ontology edit refused, file left as it was: " + "; ".join(str(f) for f in broken[:10])
            )
        files: dict = {}
        if rewrite is not None:
            original = curated.quads()
            summary += rewrite(curated)
            check_edit(workspace, new, original, curated.quads())
            files.update(curated.rendered())
        if not dry_run:
            files[path] = new_text
            commit_files(workspace, files, summary=summary, command=command)
        shown_files = sorted(str(p.relative_to(workspace.root)) for p in files or {path: 0})
        return OntologyEdit(summary, block, not dry_run, shown_files)
