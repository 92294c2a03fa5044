"""`atkg serve`: the graph over HTTP from one process tree (kg.endpoint.server), with routes in
kg.endpoint.app, queries in killable workers (kg.endpoint.pool, kg.endpoint.worker) and content
negotiation in kg.endpoint.negotiate."""

from kg.endpoint.server import bind, serve

__all__ = ["serve", "bind"]
