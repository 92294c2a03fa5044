"""Running the endpoint: bind first, start the query workers, then say we serve; stop cleanly.

One process tree: this process (uvicorn serving the Starlette app in-process) and its query
workers. SIGTERM and SIGINT stop the server gracefully, the workers are killed and reaped before we
return, and each worker also asks the kernel to kill it should this process die without cleaning
up (SIGKILL). The socket is bound before anything is announced, so a port already taken is an
error, not a "Serving..." line followed by a failure.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Generator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import UsageError

__all__ = ["serve", "bind"]


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port``, or a UsageError saying why not."""
    if not 0 < port < 65536:
        raise UsageError(f"--port {port}: give a port between 1 and 65535")
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        listener = socket.socket(family, kind, proto)
    except (OSError, UnicodeError) as error:
        raise UsageError(f"--host {host}: not an address to listen on ({error})") from None
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(address)
        listener.listen(128)
    except OSError as error:
        listener.close()
        raise UsageError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    listener.set_inheritable(False)
    return listener


def serve(
    store: Path,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout: float | None = 30.0,
    announce: Callable[[str], None] | None = None,
    site: Path | None = None,
    queries: Path | None = None,
    workers: int = 4,
    prepare: Callable[[], object] | None = None,
) -> int:
    """Serve until SIGTERM or SIGINT; 0 once everything has stopped.

    ``prepare`` runs once the port is ours and before we say we serve (writing the site), so a
    port in use is reported first and costs no work.
    """
    import signal
    import threading

    import uvicorn

    from kg.endpoint.app import EndpointConfig, create_app
    from kg.endpoint.pool import WorkerPool
    from kg.store import open_store

    # A stop asked for before uvicorn takes the signals over (while the site is written, or just
    # after "Serving") is remembered and honoured once it has, never a kill by default action.
    early: list[int] = []
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda number, _frame: early.append(number))
    store = Path(store)
    open_store(store)  # a missing or unreadable store is an error now, not on the first query
    listener = bind(host, port)
    pool = WorkerPool(store, size=workers, timeout=timeout)
    try:
        pool.start()
        if prepare is not None:
            prepare()
        config = EndpointConfig(store, site or store.parent / "site", queries or Path("queries"))
        app = create_app(config, pool)
        server = _Server(
            uvicorn.Config(
                app, log_level="warning", access_log=False, lifespan="on", timeout_graceful_shutdown=3
            ),
            early,
        )
        if announce:
            shown = f"[{host}]" if ":" in host else host
            url = f"http://{shown}:{port}"
            announce(
                f"Serving {store} read-only at {url}/ (SPARQL endpoint {url}/query, "
                f"query page {url}/sparql); Ctrl-C stops it"
            )
        server.run(sockets=[listener])
    finally:
        pool.stop()
        listener.close()
    return 0


class _Server:
    """uvicorn's server, stopping on SIGTERM/SIGINT without re-raising the signal afterwards (which
    would kill the process before our clean-up ran) — a stop we asked for is a normal exit."""

    def __new__(cls, config, early: list[int] | None = None):
        import uvicorn

        class Server(uvicorn.Server):
            @contextmanager
            def capture_signals(self) -> Generator[None, None, None]:
                import signal
                import threading

                if threading.current_thread() is not threading.main_thread():
                    yield
                    return
                handled = (signal.SIGINT, signal.SIGTERM)
                original = {sig: signal.signal(sig, self.handle_exit) for sig in handled}
                for number in early or ():
                    self.handle_exit(number, None)
                try:
                    yield
                finally:
                    for sig, handler in original.items():
                        signal.signal(sig, handler)

        return Server(config)
