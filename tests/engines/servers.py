"""Real triple stores for the engine tests, started on loopback in a temporary folder.

Each server gets a free port and a data directory of its own, and is stopped (and its folder
removed by pytest) when the session ends. Nothing here reaches beyond 127.0.0.1.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

VIRTUOSO_USER = ("dba", "dba")  # the account a fresh Virtuoso database is created with


@dataclass
class Server:
    name: str
    query_url: str  # SPARQL 1.1 Protocol endpoint (what `atkg --store URL` takes)
    graph_store_url: str  # SPARQL 1.1 Graph Store Protocol endpoint (what `atkg publish` takes)
    login: tuple[str, str] | None
    process: subprocess.Popen
    sql_port: int | None = None  # Virtuoso's SQL port (isql: the bulk loader, checkpoints)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_up(server: Server, log: Path, seconds: float = 60) -> Server:
    deadline = time.monotonic() + seconds
    probe = server.query_url + "?query=ASK%7B%7D"
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"{server.name} exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(probe, timeout=2):
                return server
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    server.stop()
    raise RuntimeError(f"{server.name} did not answer within {seconds} s")


def start_oxigraph(folder: Path, union: bool) -> Server:
    """`oxigraph serve` (the PyPI package), standard or with the union default graph."""
    port = free_port()
    binary = Path(sys.executable).with_name("oxigraph")
    command = [str(binary), "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}"]
    if union:
        command.append("--union-default-graph")
    log = folder.parent / f"{folder.name}.log"
    process = subprocess.Popen(command, stdout=log.open("w"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    name = "oxigraph-union" if union else "oxigraph"
    return _wait_until_up(Server(name, f"{base}/query", f"{base}/store", None, process), log)


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 0
DirsAllowed = ., {db}{allowed}
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty_buffers}
ThreadsPerQuery = 2
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {db}
ServerThreads = 4
[SPARQL]
; the stock 10000 would cut our export (14,099 quads) and larger answers
ResultSetMaxRows = {max_rows}
MaxQueryExecutionTime = {max_seconds}
MaxQueryCostEstimationTime = 400
"""


def virtuoso_binary() -> str | None:
    return shutil.which("virtuoso-t")


def start_virtuoso(
    folder: Path,
    max_rows: int = 1_000_000,
    *,
    buffers: int = 10_000,
    dirty_buffers: int = 6_000,
    allowed: tuple[Path, ...] = (),
    max_seconds: int = 120,
) -> Server:
    """Virtuoso Open Source 7 (Debian `virtuoso-opensource`) in the foreground, own ini and database.

    ``buffers`` are 8 KB pages of cache (the tests' 10,000 = 80 MB; a graph of millions of quads
    wants hundreds of thousands); ``allowed`` folders are added to DirsAllowed, so the bulk loader
    may read files there; ``max_seconds`` is MaxQueryExecutionTime (0: no limit)."""
    folder.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(
        VIRTUOSO_INI.format(
            db=folder,
            sql_port=sql_port,
            http_port=http_port,
            max_rows=max_rows,
            buffers=buffers,
            dirty_buffers=dirty_buffers,
            allowed="".join(f", {path}" for path in allowed),
            max_seconds=max_seconds,
        )
    )
    log = folder / "console.log"
    binary = virtuoso_binary()
    if binary is None:
        raise RuntimeError("virtuoso-t is not installed: `make system` installs virtuoso-opensource")
    process = subprocess.Popen(
        [binary, "-f", "-c", str(ini)], cwd=folder, stdout=log.open("w"), stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{http_port}"
    server = Server(
        "virtuoso", f"{base}/sparql", f"{base}/sparql-graph-crud-auth", VIRTUOSO_USER, process, sql_port
    )
    return _wait_until_up(server, log, seconds=120)
