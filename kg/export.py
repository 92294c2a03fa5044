"""Every graph of the store, written reproducibly: the same store gives the same bytes."""

from __future__ import annotations

from kg.formats import ExportFormat
from kg.rdfio import write_jsonld, write_nquads, write_trig, write_turtle
from kg.store import GraphStore

__all__ = ["ExportFormat", "export_text"]


_WRITERS = {
    ExportFormat.nquads: write_nquads,
    ExportFormat.trig: write_trig,
    ExportFormat.turtle: write_turtle,  # the union: graph names are dropped
    ExportFormat.jsonld: write_jsonld,
}


def export_text(store: GraphStore, fmt: ExportFormat) -> str:
    return _WRITERS[fmt](store.quads())
