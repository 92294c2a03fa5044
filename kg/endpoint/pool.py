"""A bounded pool of killable query workers (kg.endpoint.worker), driven from the server's event loop.

pyoxigraph cannot interrupt a query, and a query can overflow the engine's stack and abort the
process running it. So no query runs in the server process: each goes to an idle worker; past the
time limit the worker is killed (SIGKILL, reaped at once) and replaced, and a crashed worker is
replaced too. At most ``size`` queries run at once; at most ``queue`` more wait for a worker, and
beyond that the server answers 503 at once rather than piling work up.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from kg.endpoint.worker import read_frame, write_frame
from kg.errors import KgError

__all__ = ["Answer", "Busy", "WorkerPool"]


class Busy(KgError):
    """Every worker is busy and the waiting line is full."""


@dataclass
class Answer:
    status: int
    media: str | None
    body: bytes
    error: str | None = None


class _Worker:
    def __init__(self, store: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kg.endpoint.worker", str(store), str(os.getpid())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )

    def wait_ready(self) -> bool:
        return read_frame(self.process.stdout) == b"ready"

    def exchange(self, request: dict) -> Answer | None:
        """Send one request and read its answer (blocking); None if the worker died meanwhile."""
        try:
            write_frame(self.process.stdin, json.dumps(request).encode())
            self.process.stdin.flush()
            header = read_frame(self.process.stdout)
            body = read_frame(self.process.stdout)
        except (OSError, ValueError):
            return None
        if header is None or body is None:
            return None
        meta = json.loads(header)
        return Answer(meta["status"], meta.get("type"), body, meta.get("error"))

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout):
            try:
                pipe.close()
            except OSError:
                pass


class WorkerPool:
    def __init__(self, store: Path, size: int = 4, timeout: float | None = 30.0, queue: int = 64) -> None:
        self.store = store
        self.size = size
        self.timeout = timeout
        self.queue_limit = queue
        self.workers: set[_Worker] = set()
        self._idle: asyncio.Queue[_Worker] | None = None
        self._waiting = 0
        self._spawning: set[asyncio.Task] = set()

    def start(self) -> None:
        """Start every worker and wait until each has loaded (before the server says it serves)."""
        starting = [_Worker(self.store) for _ in range(self.size)]
        self.workers.update(starting)
        for worker in starting:
            if not worker.wait_ready():
                self.stop()
                raise KgError("a query worker could not start")

    def attach(self) -> None:
        """Hand the started workers to the running event loop."""
        self._idle = asyncio.Queue()
        for worker in self.workers:
            self._idle.put_nowait(worker)

    def stop(self) -> None:
        """Kill every worker and reap it: nothing is left running."""
        for task in self._spawning:
            task.cancel()
        for worker in list(self.workers):
            worker.kill()
        self.workers.clear()

    def pids(self) -> list[int]:
        return sorted(w.process.pid for w in self.workers)

    async def run(self, request: dict) -> Answer:
        """The answer of a worker, or 503 when too busy, or 503 past the time limit."""
        from kg.timeout import crash_message, timeout_message

        assert self._idle is not None
        if self._waiting >= self.queue_limit:
            raise Busy("the endpoint is busy: every query worker is taken and the line is full; try again")
        self._waiting += 1
        try:
            worker = await self._idle.get()
        finally:
            self._waiting -= 1
        task = asyncio.ensure_future(asyncio.to_thread(worker.exchange, request))
        try:
            answer = await asyncio.wait_for(asyncio.shield(task), self.timeout)
        except TimeoutError:
            self._replace(worker)
            message = timeout_message(self.timeout or 0).replace("--timeout", "atkg serve --timeout")
            return Answer(503, None, b"", message)
        except asyncio.CancelledError:  # the server is stopping, or the client left: do not reuse it
            self._replace(worker)
            raise
        if answer is None:
            code = worker.process.wait()
            self._replace(worker)
            return Answer(500, None, b"", crash_message(-code if code < 0 else code))
        self._idle.put_nowait(worker)
        return answer

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        self.workers.discard(worker)
        fresh = _Worker(self.store)  # started from the event loop's thread, which lives as long as we do
        self.workers.add(fresh)
        task = asyncio.ensure_future(self._when_ready(fresh))
        self._spawning.add(task)
        task.add_done_callback(self._spawning.discard)

    async def _when_ready(self, worker: _Worker) -> None:
        if await asyncio.to_thread(worker.wait_ready):
            assert self._idle is not None
            self._idle.put_nowait(worker)
        else:  # could not even start: drop it rather than loop; the others keep serving
            worker.kill()
            self.workers.discard(worker)
