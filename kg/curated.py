"""The curated TriG files as one editable dataset that knows which file each quad lives in.

Edits change quads in memory; ``save`` writes back only the files whose content changed, each
with the deterministic writer and atomically, so adding then removing a fact restores every
file byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef

from kg.build import load_curated
from kg.fileio import atomic_write_text
from kg.namespace import GRAPH_ENTITIES, ID
from kg.rdfio import Quad, parse_rdf, write_trig
from kg.workspace import Workspace

__all__ = ["CuratedData", "format_files"]


@dataclass
class CuratedData:
    workspace: Workspace
    files: dict[Path, set[Quad]] = field(default_factory=dict)
    original: dict[Path, str] = field(default_factory=dict)

    @classmethod
    def load(cls, workspace: Workspace) -> CuratedData:
        load_curated(workspace)  # raises DataSyntaxError naming file and line before any edit
        data = cls(workspace)
        for path in workspace.data_files():
            data.original[path] = path.read_text(encoding="utf-8")
            data.files[path] = set(parse_rdf(path, "trig", name=str(path.relative_to(workspace.root))))
        return data

    def quads(self) -> set[Quad]:
        return set().union(*self.files.values()) if self.files else set()

    def file_for(self, quad: Quad) -> Path:
        """Where a new quad goes: beside the subject's description, or by its graph's name."""
        subject, _, _, graph = quad
        data_dir = self.workspace.data_dir
        name = str(graph).removeprefix(str(ID))
        if name.startswith("passage-"):
            return data_dir / f"doc-{name.split('-')[1]}.trig"
        if graph == GRAPH_ENTITIES:
            if str(subject).startswith(str(ID["country-"])):
                return data_dir / "countries.trig"
            for path, quads in sorted(self.files.items()):
                if any(q[0] == subject and q[3] == GRAPH_ENTITIES for q in quads):
                    return path
            return data_dir / "entities.trig"
        return data_dir / "entities.trig"

    def add(self, quad: Quad) -> None:
        self.files.setdefault(self.file_for(quad), set()).add(quad)

    def remove(self, quad: Quad) -> bool:
        removed = False
        for quads in self.files.values():
            if quad in quads:
                quads.discard(quad)
                removed = True
        return removed

    def rendered(self) -> dict[Path, str]:
        """The text every file would have: only files whose text changes are listed."""
        out = {}
        for path, quads in sorted(self.files.items()):
            text = write_trig(sorted(quads, key=str))
            if self.original.get(path) != text:
                out[path] = text
        return out

    def save(self) -> list[Path]:
        changed = self.rendered()
        for path, text in changed.items():
            atomic_write_text(path, text)
            self.original[path] = text
        return sorted(changed)

    def references(self, node: URIRef) -> list[Quad]:
        """Every quad outside the entity graph that mentions ``node`` (facts about or to it)."""
        return sorted(
            (q for q in self.quads() if q[3] != GRAPH_ENTITIES and node in (q[0], q[2])), key=str
        )


def format_files(workspace: Workspace) -> list[Path]:
    """Rewrite every curated file in the canonical form; return those that changed."""
    return CuratedData.load(workspace).save()
