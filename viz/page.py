"""A view as one self-contained HTML file: our own autoescaping template, vis-network inlined.

pyvis's template links Bootstrap from a CDN and puts headings and node ids into the page raw
(known-pitfalls.md), and its ``add_node`` is quadratic; so we keep only what pyvis is good for,
the vis-network 9.1.2 build it ships, and inline it ourselves. The page loads nothing: the data
sits in a ``<script type="application/json">`` block whose JSON has ``<``, ``>``, ``&`` and the
JavaScript line separators escaped, and a Content-Security-Policy allows only the page's own
two scripts (by hash) and no requests at all, so even a missed escape could not run or fetch.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import cache
from importlib import resources
from pathlib import Path

from viz.layout import LABEL_FONT
from viz.model import ViewGraph
from viz.style import DIM, edge_color, node_style
from viz.text import TEXT

__all__ = ["render_view", "script_json", "script_hash", "vis_js", "VIS_VERSION", "jinja_environment"]

VIS_VERSION = "9.1.2"
_TEMPLATES = Path(__file__).resolve().parent / "templates"
_EMPHASIS_BORDER = "#222222"


@cache
def vis_js() -> str:
    """The vis-network build bundled with pyvis (the file its ``cdn_resources='in_line'`` inlines)."""
    library = resources.files("pyvis") / "templates" / "lib" / f"vis-{VIS_VERSION}" / "vis-network.min.js"
    # Drop the source-map comment: it names a file we do not ship (DevTools would ask for it).
    code = re.sub(r"\n//# sourceMappingURL=\S*\s*$", "\n", library.read_text(encoding="utf-8"))
    if "</script" in code.lower():  # would end our inline <script> early
        raise RuntimeError(f"{library} contains '</script': cannot inline it")
    return code


@cache
def _asset(name: str) -> str:
    return (_TEMPLATES / name).read_text(encoding="utf-8")


@cache
def jinja_environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(
        loader=FileSystemLoader(str(_TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def script_json(value: object) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>``, ``&``, U+2028/U+2029.

    >>> script_json({"label": "</script><b>&"})
    '{"label":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escaped)
    return text


def script_hash(code: str) -> str:
    """The CSP source allowing exactly this inline script."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii") + "'"


EGO_LABELS = 60
"""Labels drawn at most in an ego view (the neighbourhood must stay readable)."""
LABELS = 400


def _vis_options(view: ViewGraph) -> dict:
    large = len(view.nodes) > 300
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "nodes": {
            "font": {"size": 14, "face": "system-ui, sans-serif", "color": "#222222"},
            "borderWidth": 1,
        },
        "edges": {
            "smooth": False if large else {"type": "continuous", "roundness": 0.3},
            "color": {"inherit": False, **({"opacity": 0.5} if large else {})},
            "selectionWidth": 1.5,
        },
        "physics": {
            "enabled": False,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -4000,
                "springLength": 110,
                "springConstant": 0.03,
                "avoidOverlap": 0.2,
            },
            "stabilization": {"enabled": False},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "navigationButtons": False,
            "keyboard": False,
        },
    }


def _payload(view: ViewGraph) -> dict:
    edge_kinds = sorted({e.kind for e in view.edges})
    legend_colors = {entry.key: (entry.color, entry.shape) for entry in view.node_legend}
    kind_labels = {entry.key: entry.label for entry in (*view.node_legend, *view.edge_legend)}
    edge_colors = {entry.key: entry.color for entry in view.edge_legend}
    nodes = []
    for node in view.nodes:
        color, shape = legend_colors.get(node.kind) or node_style(node.kind)
        border = _EMPHASIS_BORDER if node.emphasis else color
        nodes.append(
            {
                "id": node.id,
                "name": node.label,
                "names": node.names,
                "link": node.link,
                "facts": node.facts,
                "depth": node.depth,
                "kindLabel": kind_labels.get(node.kind, node.kind),
                "title": node.title,
                "kind": node.kind,
                "year": node.year,
                "x": node.x,
                "y": node.y,
                "size": node.size,
                "shape": shape,
                "borderWidth": 4 if node.emphasis else 1,
                "color": {
                    "background": color,
                    "border": border,
                    "highlight": {"background": color, "border": _EMPHASIS_BORDER},
                    "hover": {"background": color, "border": _EMPHASIS_BORDER},
                },
            }
        )
    edges = []
    for index, edge in enumerate(view.edges):
        color = edge_colors.get(edge.kind) or edge_color(edge.kind, edge_kinds)
        edges.append(
            {
                "id": f"e{index}",
                "from": edge.source,
                "to": edge.target,
                "title": edge.title,
                "kind": edge.kind,
                "kindLabel": kind_labels.get(edge.kind, edge.kind),
                "facts": edge.facts,
                "year": edge.year,
                "width": round(min(1 + 1.5 * (edge.count - 1), 10), 2),
                "color": {"color": color, "highlight": color, "hover": color},
                **({"arrows": "to"} if view.directed else {}),
            }
        )
    words = TEXT[view.lang]
    return {
        "nodes": nodes,
        "edges": edges,
        "options": _vis_options(view),
        "dim": DIM,
        "nodeLegend": [{"key": e.key, "label": e.label} for e in view.node_legend],
        "edgeLegend": [{"key": e.key, "label": e.label} for e in view.edge_legend],
        "words": {
            "nodes": words["nodes"],
            "edges": words["edges"],
            "noMatch": words["search.none"],
            "matches": words["search.count"],
            "entityPage": words["entity.page"],
            "factsCount": words["facts.count"],
        },
        "facts": [
            [f.subject, f.subject_label, f.relation, f.object, f.object_label, list(f.sources)]
            for f in view.facts
        ],
        "sources": {
            key: [s.citation, s.title, s.text, s.doc, s.paragraph] for key, s in sorted(view.sources.items())
        },
        "axis": {"ticks": view.axis.ticks, "lanes": view.axis.lanes} if view.axis else None,
        "labelFont": LABEL_FONT,
        "labelCap": EGO_LABELS if view.name == "ego" else LABELS,
    }


def render_view(view: ViewGraph) -> str:
    """The HTML page of ``view``; the same view always gives the same bytes."""
    from markupsafe import Markup

    app_js, library = _asset("view.js"), vis_js()
    csp = (
        f"default-src 'none'; script-src {script_hash(library)} {script_hash(app_js)}; "
        "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
    )
    dated = view.nodes if view.axis else view.edges
    years = sorted({e.year for e in dated if e.year is not None})
    template = jinja_environment().get_template("view.html")
    return template.render(
        view=view,
        words=TEXT[view.lang],
        csp=csp,
        vis_version=VIS_VERSION,
        css=Markup(_asset("view.css")),
        data_json=Markup(script_json(_payload(view))),
        vis_js=Markup(library),
        app_js=Markup(app_js),
        years=(years[0], years[-1]) if view.year_filter and years else None,
    )
