"""Interactive HTML network views of the knowledge graph, each one self-contained and offline.

``facts`` reads the store once; ``graphs`` projects the facts into views; ``layout`` positions
nodes; ``page`` and ``index`` render HTML; ``publish`` writes the files. Heavy libraries load
inside functions, so importing this package is cheap.
"""

from viz.graphs import VIEW_NAMES, build_view
from viz.publish import render_views, write_view, write_views

__all__ = ["VIEW_NAMES", "build_view", "render_views", "write_view", "write_views"]
