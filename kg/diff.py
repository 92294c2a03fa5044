"""What changed in the graph since a git revision, fact by fact, for a review.

A textual diff of TriG shows lines; a reviewer wants facts: which statements appeared or went,
about which entity, citing which passage. This compares the quads of the workspace's curated
files with those of the same folder at a revision (``git show REV:path``), so reformatting a
file shows no difference and a moved fact shows as removed from one passage, added to another.
It also lists the entities added and removed and what changed in the ontology (classes,
properties, their parents, domains and ranges, deprecations), as text, JSON or Markdown.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field

from kg.errors import UsageError
from kg.rdfio import Quad, parse_rdf
from kg.workspace import Workspace

__all__ = [
    "EntityChanges",
    "GraphDiff",
    "curated_at",
    "semantic_diff",
    "graph_diff",
    "render_diff",
    "render_graph_diff",
]


@dataclass
class EntityChanges:
    entity: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def _git(workspace: Workspace, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(workspace.root), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError("git is not installed; `atkg diff` compares with a git revision") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"git {' '.join(args[:2])}: {message[-1] if message else 'failed'}")
    return done.stdout.decode("utf-8")


def _top(workspace: Workspace, revision: str) -> str:
    if revision.startswith("-"):
        raise UsageError(f"'{revision}' is not a git revision")
    top = _git(workspace, "rev-parse", "--show-toplevel").strip()
    try:
        _git(workspace, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except UsageError:
        raise UsageError(f"'{revision}' is not a git revision of {top}") from None
    return top


def curated_at(workspace: Workspace, revision: str) -> set[Quad]:
    """The curated quads as they were at ``revision``."""
    top = _top(workspace, revision)
    from pathlib import Path

    folder = workspace.data_dir.resolve().relative_to(Path(top).resolve()).as_posix()
    names = _git(workspace, "ls-tree", "--name-only", revision, f"{folder}/").splitlines()
    quads: set[Quad] = set()
    for name in sorted(n for n in names if n.endswith(".trig")):
        text = _git(workspace, "show", f"{revision}:{name}")
        quads |= set(parse_rdf(text, "trig", name=f"{revision}:{name}"))
    return quads


def semantic_diff(workspace: Workspace, revision: str = "HEAD") -> list[EntityChanges]:
    """Facts added and removed since ``revision``, grouped by the entity they are about."""
    from kg.curated import CuratedData
    from kg.edit import show_term, source_of

    old = curated_at(workspace, revision)
    new = CuratedData.load(workspace).quads()
    groups: dict[str, EntityChanges] = {}

    def line(quad: Quad) -> tuple[str, str]:
        s, p, o, g = quad
        return show_term(s), f"{show_term(s)} {show_term(p)} {show_term(o)}  [{source_of(g)}]"

    for sign, quads in (("+", new - old), ("-", old - new)):
        for quad in quads:
            entity, text = line(quad)
            changes = groups.setdefault(entity, EntityChanges(entity))
            (changes.added if sign == "+" else changes.removed).append(text)
    for changes in groups.values():
        changes.added.sort()
        changes.removed.sort()
    return [groups[k] for k in sorted(groups)]


def render_diff(groups: list[EntityChanges], revision: str) -> str:
    if not groups:
        return f"No change in the curated facts since {revision}.\n"
    lines = []
    for changes in groups:
        lines.append(changes.entity)
        lines += [f"  - {t}" for t in changes.removed] + [f"  + {t}" for t in changes.added]
    added = sum(len(c.added) for c in groups)
    removed = sum(len(c.removed) for c in groups)
    lines.append(
        f"{added} triple(s) added, {removed} removed, about {len(groups)} entit"
        f"{'y' if len(groups) == 1 else 'ies'}, since {revision}"
    )
    return "\n".join(lines) + "\n"


# ---- the whole picture: entities, facts and labels, ontology ----------------------------------


@dataclass
class GraphDiff:
    revision: str
    entities_added: list[str] = field(default_factory=list)
    entities_removed: list[str] = field(default_factory=list)
    facts: list[EntityChanges] = field(default_factory=list)
    ontology: list[str] = field(default_factory=list)  # "+ class atkg:X (...)", "- property ..."

    @property
    def empty(self) -> bool:
        return not (self.entities_added or self.entities_removed or self.facts or self.ontology)

    def as_dict(self) -> dict:
        return {
            "revision": self.revision,
            "entities": {"added": self.entities_added, "removed": self.entities_removed},
            "facts": [{"entity": c.entity, "added": c.added, "removed": c.removed} for c in self.facts],
            "ontology": self.ontology,
        }


def ontology_at(workspace: Workspace, revision: str) -> list[Quad]:
    from pathlib import Path

    from kg.namespace import GRAPH_ONTOLOGY

    top = _top(workspace, revision)
    name = workspace.ontology.resolve().relative_to(Path(top).resolve()).as_posix()
    try:
        text = _git(workspace, "show", f"{revision}:{name}")
    except UsageError:
        return []  # no ontology at that revision: everything in it is new
    return parse_rdf(text, "turtle", name=f"{revision}:{name}", graph=GRAPH_ONTOLOGY)


def ontology_changes(old: list[Quad], new: list[Quad]) -> list[str]:
    """Classes and properties added or removed, parents, domains and ranges changed, terms
    deprecated: one line each, sorted, ``+``/``-``/``~`` first."""
    from kg.curation.schema import Schema
    from kg.namespace import shorten

    before, after = Schema.from_quads(old), Schema.from_quads(new)

    def names(terms) -> str:
        return ", ".join(sorted(shorten(t) for t in terms)) or "none"

    def alternatives(table, term) -> str:
        return (
            "; ".join(sorted(" or ".join(sorted(shorten(c) for c in group)) for group in table.get(term, [])))
            or "none"
        )

    lines = []
    for kind, old_set, new_set in (
        ("class", before.classes, after.classes),
        ("property", before.properties, after.properties),
    ):
        for term in sorted(new_set - old_set):
            lines.append(f"+ {kind} {shorten(term)}")
        for term in sorted(old_set - new_set):
            lines.append(f"- {kind} {shorten(term)}")
    for term in sorted(before.classes & after.classes):
        if before.parents.get(term, set()) != after.parents.get(term, set()):
            lines.append(
                f"~ class {shorten(term)}: subclass of {names(before.parents.get(term, ()))} -> "
                f"{names(after.parents.get(term, ()))}"
            )
    for term in sorted(after.classes - before.classes):
        if after.parents.get(term):
            lines.append(f"+ class {shorten(term)}: subclass of {names(after.parents[term])}")
    for term in sorted(before.properties | after.properties):
        for what, table_old, table_new in (
            ("domain", before.domains, after.domains),
            ("range", before.ranges, after.ranges),
        ):
            was, now = alternatives(table_old, term), alternatives(table_new, term)
            if was != now and term in before.properties and term in after.properties:
                lines.append(f"~ property {shorten(term)}: {what} {was} -> {now}")
            elif term not in before.properties and term in after.properties and now != "none":
                lines.append(f"+ property {shorten(term)}: {what} {now}")
    for term in sorted(set(after.deprecated) - set(before.deprecated)):
        replacement = after.deprecated[term]
        lines.append(
            f"+ deprecated {shorten(term)}"
            + (f" (replaced by {shorten(replacement)})" if replacement else "")
        )
    for term in sorted(set(before.deprecated) - set(after.deprecated)):
        lines.append(f"- deprecated {shorten(term)} (no longer deprecated)")
    return lines


def graph_diff(workspace: Workspace, revision: str = "HEAD") -> GraphDiff:
    """Entities, facts and labels, and the ontology, compared with ``revision``."""
    from rdflib.namespace import RDF

    from kg.curated import CuratedData
    from kg.edit import show_term
    from kg.namespace import GRAPH_ENTITIES, GRAPH_ONTOLOGY
    from kg.rdfio import parse_rdf as parse

    old = curated_at(workspace, revision)
    new = CuratedData.load(workspace).quads()

    def described(quads) -> set:
        return {s for s, p, _, g in quads if p == RDF.type and g == GRAPH_ENTITIES}

    result = GraphDiff(revision)
    result.entities_added = sorted(show_term(n) for n in described(new) - described(old))
    result.entities_removed = sorted(show_term(n) for n in described(old) - described(new))
    result.facts = semantic_diff(workspace, revision)
    current = parse(workspace.ontology, "turtle", name=str(workspace.ontology), graph=GRAPH_ONTOLOGY)
    result.ontology = ontology_changes(ontology_at(workspace, revision), current)
    return result


def render_graph_diff(diff: GraphDiff, format: str = "text") -> str:
    """The diff as text (for a terminal), ``json`` (for tools) or ``markdown`` (for a pull request)."""
    if format == "json":
        import json

        return json.dumps(diff.as_dict(), ensure_ascii=False, indent=2) + "\n"
    if format == "markdown":
        return _markdown(diff)
    if diff.empty:
        return f"No change in the curated facts or the ontology since {diff.revision}.\n"
    lines = []
    if diff.entities_added:
        lines.append(f"Entities added: {', '.join(diff.entities_added)}")
    if diff.entities_removed:
        lines.append(f"Entities removed: {', '.join(diff.entities_removed)}")
    if diff.ontology:
        lines.append("Ontology")
        lines += [f"  {line}" for line in diff.ontology]
    text = "\n".join(lines) + "\n" if lines else ""
    return text + (render_diff(diff.facts, diff.revision) if diff.facts else "")


def _markdown(diff: GraphDiff) -> str:
    def code(text: str) -> str:
        return "`" + text.replace("`", "'") + "`"

    out = [f"## Changes since {code(diff.revision)}", ""]
    if diff.empty:
        return "\n".join(out + ["No change in the curated facts or the ontology.", ""])
    if diff.entities_added or diff.entities_removed:
        out += ["### Entities", ""]
        out += [f"- added {code(e)}" for e in diff.entities_added]
        out += [f"- removed {code(e)}" for e in diff.entities_removed]
        out.append("")
    if diff.facts:
        out += ["### Facts and labels", ""]
        for changes in diff.facts:
            out.append(f"- **{code(changes.entity)}**")
            out += [f"  - ➖ {code(t)}" for t in changes.removed]
            out += [f"  - ➕ {code(t)}" for t in changes.added]
        out.append("")
    if diff.ontology:
        out += ["### Ontology", ""]
        out += [f"- {code(line)}" for line in diff.ontology]
        out.append("")
    return "\n".join(out)
