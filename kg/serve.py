"""`atkg serve`: the built store as a read-only SPARQL 1.1 Protocol endpoint, by Oxigraph's own server.

We do not write a server: the ``oxigraph`` package (the same engine as the embedded store) serves
a store directory read-only, at ``/query`` (GET and POST, content negotiation for SPARQL results
JSON, XML, CSV, TSV and RDF formats such as Turtle), with a query page (YASGUI) at ``/``. Updates
are refused because the server opens the store read-only. Queries without GRAPH see the union of
all graphs, as with `atkg sparql`. It binds to 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from kg.errors import UsageError

__all__ = ["server_command", "serve"]


def _oxigraph_binary() -> str:
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise UsageError("the oxigraph server is not installed (pip install oxigraph==0.5.13)")
    return found


def server_command(
    store: Path, host: str = "127.0.0.1", port: int = 7878, timeout: float | None = None
) -> list[str]:
    """The oxigraph command line that serves ``store`` read-only on ``host:port``."""
    if not (Path(store) / "CURRENT").exists():
        raise UsageError(f"{store}: no built store here (run `atkg build` first)")
    if not 0 < port < 65536:
        raise UsageError(f"--port {port}: give a port between 1 and 65535")
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    command = [
        _oxigraph_binary(),
        "serve-read-only",
        "--location",
        str(store),
        "--bind",
        bind,
        "--union-default-graph",
    ]
    if timeout:
        command += ["--timeout-s", str(max(1, round(timeout)))]
    return command


def serve(
    store: Path,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout: float | None = None,
    announce: Callable[[str], None] | None = None,
) -> int:
    """Run the endpoint in the foreground until it stops (Ctrl-C); its exit code."""
    command = server_command(store, host, port, timeout)
    if announce:
        url = f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
        announce(f"Serving {store} read-only at {url}/query (query page: {url}/); Ctrl-C stops it")
    process = subprocess.Popen(command)
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        try:
            return process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            return process.wait()
