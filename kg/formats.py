"""The output formats every command accepts; kept free of heavy imports so the CLI starts fast."""

from __future__ import annotations

from enum import Enum

__all__ = ["OutputFormat", "ExportFormat", "Language"]


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"


class ExportFormat(str, Enum):
    nquads = "nquads"
    trig = "trig"
    turtle = "turtle"
    jsonld = "jsonld"
    gexf = "gexf"  # the coordination network, for Gephi
    graphml = "graphml"  # the coordination network, for yEd, Cytoscape, igraph
    csv = "csv"  # the coordination network's edges, Gephi's spreadsheet import


class Language(str, Enum):
    en = "en"
    fr = "fr"
