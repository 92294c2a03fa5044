"""Every graph of the store, written reproducibly: the same store gives the same bytes.

RDF formats (nquads, trig, turtle, jsonld) hold every quad. The network formats (gexf, graphml,
csv) hold the coordination network ``kg.network.coordination_graph`` builds, flattened to what
other tools read: nodes with their type and labels in both languages, edges with their relations,
weight and the passages stating them as text (GEXF and GraphML take strings and numbers only).
"""

from __future__ import annotations

import csv
import io
import re

from kg.formats import ExportFormat
from kg.rdfio import write_jsonld, write_nquads, write_trig, write_turtle
from kg.store import GraphStore

__all__ = ["ExportFormat", "export_text", "flat_network", "NETWORK_FORMATS"]


_WRITERS = {
    ExportFormat.nquads: write_nquads,
    ExportFormat.trig: write_trig,
    ExportFormat.turtle: write_turtle,  # the union: graph names are dropped
    ExportFormat.jsonld: write_jsonld,
}
NETWORK_FORMATS = (ExportFormat.gexf, ExportFormat.graphml, ExportFormat.csv)
ID = "https://w3id.org/atkg/id/"
_LABELS = """
SELECT ?node ?lang ?label WHERE {
  GRAPH id:graph-entities { ?node skos:prefLabel ?label }
  BIND (LANG(?label) AS ?lang)
  FILTER (?lang IN ("en", "fr") && STRSTARTS(STR(?node), "https://w3id.org/atkg/id/"))
}"""


def export_text(store: GraphStore, fmt: ExportFormat) -> str:
    if fmt in NETWORK_FORMATS:
        return _NETWORK_WRITERS[fmt](flat_network(store))
    return _WRITERS[fmt](store.quads())


def flat_network(store: GraphStore):
    """The coordination network with string and number attributes only, nodes and edges sorted.

    Node: ``type`` (mechanism or actor), ``label`` (English, else the slug: what Gephi shows),
    ``label_en``, ``label_fr``. Edge: ``relation`` (its relations, sorted, "; "), ``weight`` (the
    number of facts), ``via`` (agreements, programmes, events it goes through) and ``passages``.
    """
    import networkx as nx

    from kg.network import coordination_graph, passage_order

    network = coordination_graph(store)
    labels: dict[str, dict[str, str]] = {}
    for row in store.query(_LABELS):
        labels.setdefault(row["node"].value.removeprefix(ID), {})[row["lang"].value] = row["label"].value
    flat = nx.Graph()
    for node in sorted(network.nodes):
        names = labels.get(node, {})
        flat.add_node(
            node,
            type=network.nodes[node].get("kind", "actor"),
            label=names.get("en", node),
            label_en=names.get("en", ""),
            label_fr=names.get("fr", ""),
        )
    for source, target in sorted(tuple(sorted(edge)) for edge in network.edges):
        facts = network.edges[source, target].get("facts", [])
        passages = sorted({p for fact in facts for p in fact.passages}, key=passage_order)
        flat.add_edge(
            source,
            target,
            relation="; ".join(sorted({fact.relation for fact in facts})),
            weight=int(network.edges[source, target].get("weight", len(facts))),
            via="; ".join(sorted({fact.via for fact in facts if fact.via})),
            passages=", ".join(passages),
        )
    return flat


def _gexf(network) -> str:
    import networkx as nx

    text = "\n".join(nx.generate_gexf(network, prettyprint=True)) + "\n"
    # GEXF's meta carries the day it was written: drop it, so the same store gives the same bytes.
    return re.sub(r' lastmodifieddate="[^"]*"', "", text, count=1)


def _graphml(network) -> str:
    import networkx as nx

    return "\n".join(nx.generate_graphml(network, prettyprint=True)) + "\n"


def _csv(network) -> str:
    """Gephi's edge-list import: Source, Target, Type and Weight, then our columns."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["Source", "Target", "Type", "Weight", "Relation", "Via", "Passages", "Source label", "Target label"]
    )
    for source, target, data in network.edges(data=True):
        writer.writerow(
            [
                source,
                target,
                "Undirected",
                data["weight"],
                data["relation"],
                data["via"],
                data["passages"],
                network.nodes[source]["label"],
                network.nodes[target]["label"],
            ]
        )
    return out.getvalue()


_NETWORK_WRITERS = {ExportFormat.gexf: _gexf, ExportFormat.graphml: _graphml, ExportFormat.csv: _csv}
