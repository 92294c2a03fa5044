"""Session-wide engines: each starts once, is loaded once with the real curated graph through
`atkg publish`'s library function, and is stopped at the end of the session."""

from __future__ import annotations

import pytest

from tests.engines.servers import Server, start_oxigraph, start_virtuoso

ENGINES = ("oxigraph", "oxigraph-union", "virtuoso")
_RUNNING: dict[str, Server] = {}


@pytest.fixture(scope="session")
def engines(tmp_path_factory, real_built, request):
    """name -> a started, loaded Server (started on first use)."""
    from kg.publish import publish
    from kg.store import open_store

    def get(name: str) -> Server:
        if name not in _RUNNING:
            folder = tmp_path_factory.mktemp(name)
            if name == "virtuoso":
                server = start_virtuoso(folder / "db")
            else:
                server = start_oxigraph(folder / "data", union=name == "oxigraph-union")
            request.addfinalizer(server.stop)
            _RUNNING[name] = server
            publish(open_store(real_built.store), server.graph_store_url, server.login)
        return _RUNNING[name]

    return get
