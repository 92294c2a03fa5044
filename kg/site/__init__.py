"""A static, offline, linked site of the graph: home, entity, document and ontology pages, views.

``write_site`` is the one entry point (``atkg site`` and ``atkg serve`` call it). Heavy libraries
load inside functions, so importing this package is cheap.
"""

from kg.site.write import SiteSummary, render_site, write_site

__all__ = ["SiteSummary", "render_site", "write_site"]
