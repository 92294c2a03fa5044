"""atkg: the anti-trafficking knowledge graph."""

__version__ = "0.1.0"
