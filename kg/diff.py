"""What changed in the graph since a git revision, fact by fact, for a review.

A textual diff of TriG shows lines; a reviewer wants facts: which statements appeared or went,
about which entity, citing which passage. This compares the quads of the workspace's curated
files with those of the same folder at a revision (``git show REV:path``), so reformatting a
file shows no difference and a moved fact shows as removed from one passage, added to another.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field

from kg.errors import UsageError
from kg.rdfio import Quad, parse_rdf
from kg.workspace import Workspace

__all__ = ["EntityChanges", "curated_at", "semantic_diff", "render_diff"]


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


def curated_at(workspace: Workspace, revision: str) -> set[Quad]:
    """The curated quads as they were at ``revision``."""
    if revision.startswith("-"):
        raise UsageError(f"'{revision}' is not a git revision")
    top = _git(workspace, "rev-parse", "--show-toplevel").strip()
    try:
        _git(workspace, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except UsageError:
        raise UsageError(f"'{revision}' is not a git revision of {top}") from None
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
