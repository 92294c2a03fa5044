"""`atkg serve` lives in kg.endpoint (our own server, in one process tree); this name stays for callers."""

from __future__ import annotations

from kg.endpoint.server import serve

__all__ = ["serve"]
