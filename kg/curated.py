"""The curated TriG files as one editable dataset that knows which file each quad lives in.

Edits change quads in memory; ``save`` writes back only the files whose *quads* changed, each
with the deterministic writer and atomically. A file whose quads end up as they were loaded is
left untouched (so adding then removing a fact restores every file byte for byte), and a file an
edit created and then emptied again is not created at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef

from kg.errors import DataSyntaxError
from kg.namespace import GRAPH_ENTITIES, ID
from kg.rdfio import DEFAULT_GRAPH, Quad, parse_rdf, write_trig
from kg.workspace import Workspace

__all__ = ["CuratedData", "format_files"]


@dataclass
class CuratedData:
    workspace: Workspace
    files: dict[Path, set[Quad]] = field(default_factory=dict)
    original: dict[Path, str] = field(default_factory=dict)
    loaded: dict[Path, frozenset[Quad]] = field(default_factory=dict)

    @classmethod
    def load(cls, workspace: Workspace) -> CuratedData:
        """Every curated file, parsed; a syntax error or a stray triple names the file and line."""
        data = cls(workspace)
        for path in workspace.data_files():
            shown = str(path.relative_to(workspace.root))
            text = path.read_text(encoding="utf-8")
            quads = parse_rdf(text, "trig", name=shown)
            stray = [q for q in quads if q[3] == DEFAULT_GRAPH]
            if stray:
                raise DataSyntaxError(
                    f"{shown}:1: {len(stray)} triple(s) outside any named graph "
                    f"(first: {stray[0][0]} {stray[0][1]}); put facts in their passage's graph"
                )
            data.original[path] = text
            data.files[path] = set(quads)
            data.loaded[path] = frozenset(quads)
        return data

    def quads(self) -> set[Quad]:
        return set().union(*self.files.values()) if self.files else set()

    def file_for(self, quad: Quad) -> Path:
        """Where a new quad goes: beside the subject's description, in the file already holding
        its graph, or in the file its graph's name calls for."""
        subject, _, _, graph = quad
        data_dir = self.workspace.data_dir
        if graph == GRAPH_ENTITIES:
            for path, quads in sorted(self.files.items()):
                if any(q[0] == subject and q[3] == GRAPH_ENTITIES for q in quads):
                    return path
            if str(subject).startswith(str(ID["country-"])):
                return data_dir / "countries.trig"
            return data_dir / "entities.trig"
        for path, quads in sorted(self.files.items()):
            if any(q[3] == graph for q in quads):
                return path
        name = str(graph).removeprefix(str(ID))
        if name.startswith("passage-"):
            return data_dir / f"doc-{name.split('-')[1]}.trig"
        return data_dir / "entities.trig"

    def add(self, quad: Quad) -> bool:
        """Add a quad unless some file already holds it; True when it was new."""
        if any(quad in quads for quads in self.files.values()):
            return False
        self.files.setdefault(self.file_for(quad), set()).add(quad)
        return True

    def remove(self, quad: Quad) -> bool:
        removed = False
        for quads in self.files.values():
            if quad in quads:
                quads.discard(quad)
                removed = True
        return removed

    def changed_files(self) -> list[Path]:
        """Files whose quads differ from what was loaded (new files that stay empty excluded)."""
        out = []
        for path, quads in sorted(self.files.items()):
            if path in self.loaded:
                if quads != self.loaded[path]:
                    out.append(path)
            elif quads:
                out.append(path)
        return out

    def rendered(self, every: bool = False) -> dict[Path, str]:
        """The new text of every changed file (of every file, with ``every``), when it differs."""
        out = {}
        paths = sorted(self.files) if every else self.changed_files()
        for path in paths:
            text = write_trig(sorted(self.files[path], key=str))
            if self.original.get(path) != text:
                out[path] = text
        return out

    def save(self, every: bool = False, summary: str = "", command: str = "") -> list[Path]:
        """Write the changed files as one transaction (all or none, ``kg.curation.journal``),
        logged for ``atkg undo``. The caller holds the workspace lock."""
        from kg.curation.journal import commit_files

        changed = self.rendered(every)
        commit_files(self.workspace, changed, summary=summary, command=command)
        for path, text in changed.items():
            self.original[path] = text
            self.loaded[path] = frozenset(self.files[path])
        return sorted(changed)

    def references(self, node: URIRef) -> list[Quad]:
        """Every quad outside the entity graph that mentions ``node`` (facts about or to it)."""
        return sorted((q for q in self.quads() if q[3] != GRAPH_ENTITIES and node in (q[0], q[2])), key=str)


def format_files(workspace: Workspace) -> list[Path]:
    """Rewrite every curated file in the canonical form; return those that changed."""
    from kg.curation.journal import recover
    from kg.lock import workspace_lock

    with workspace_lock(workspace, task="a format"):
        recover(workspace)
        return CuratedData.load(workspace).save(
            every=True, summary="formatted the curated files", command="atkg fmt"
        )
