"""Oxigraph's bulk loader run on several slices of one N-Quads file at once.

Why: on a machine with fewer than four cores, ``Store.bulk_load`` parses the whole file on one
thread (Oxigraph splits a file for parallel parsing only from four cores up), so on this project's
2-core machine the second core mostly waits: 1.67M quads loaded at 112k-147k quads/s. N-Quads is
one statement per line, so the file can be cut at line ends into slices that each bulk loader
reads on its own thread (pyoxigraph releases the GIL while it loads): the same quads, 170k-180k
quads/s. A blank node's label is scoped to the document the loader reads (each load names it
afresh), so no cut falls between two lines that name the same blank node: the file is scanned for
blank node labels first (0.1 s for 370 MB), and a cut inside such a span moves to its end.
"""

from __future__ import annotations

import bisect
import io
import mmap
import os
import queue
import re
import threading
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

__all__ = ["line_slices", "load_chunks", "split_load"]

_READ_BUFFER = 1 << 20
_LINE = re.compile(r"\bat line (\d+)")
# a label ends where its characters do: N-Quads needs no space before "<", '"' or "#" ("_:a<p>");
# a "_:" inside a literal or an IRI only adds a span for nothing, never loses one
_BLANK_LABEL = re.compile(rb"_:[^\s<>\"#^@,;()\[\]{}|\\]+")


def _blank_spans(path: Path) -> tuple[list[int], list[int]]:
    """Merged byte spans (starts, ends) from the first to the last mention of each blank node label."""
    first: dict[bytes, int] = {}
    last: dict[bytes, int] = {}
    if path.stat().st_size == 0:
        return [], []
    with path.open("rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as data:
        for match in _BLANK_LABEL.finditer(data):
            label = match.group().rstrip(b".")
            first.setdefault(label, match.start())
            last[label] = match.start()
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted((first[label], last[label]) for label in first):
        if starts and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def line_slices(path: Path, parts: int) -> list[tuple[int, int]]:
    """``parts`` byte ranges ``[start, end)`` of ``path`` of about equal size, each cut just after a
    line end and outside every blank node's span (fewer when the file has fewer lines, or blank
    nodes span the cuts); together they cover the file exactly once."""
    size = path.stat().st_size
    starts, ends = _blank_spans(path) if parts > 1 else ([], [])
    cuts = [0]
    with path.open("rb") as file:

        def line_start(offset: int) -> int:  # the first line start at or after offset
            if offset <= 0:
                return 0
            file.seek(offset - 1)
            file.readline()
            return file.tell()

        for part in range(1, parts):
            cut = line_start(max(cuts[-1], size * part // parts))
            while (span := bisect.bisect_right(starts, cut - 1) - 1) >= 0 and cut <= ends[span]:
                cut = line_start(ends[span] + 1)  # a blank node named on both sides: after its last line
            if cuts[-1] < cut < size:
                cuts.append(cut)
    cuts.append(size)
    return list(zip(cuts, cuts[1:], strict=False))


class _Slice(io.RawIOBase):
    """Bytes ``[start, end)`` of a file, read as a file of their own."""

    def __init__(self, path: Path, start: int, end: int, stop: threading.Event | None = None) -> None:
        super().__init__()
        self._file = path.open("rb")
        self._file.seek(start)
        self._left = end - start
        self._stop = stop

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._stop is not None and self._stop.is_set():
            raise OSError("loading stopped")  # ends the bulk load reading this slice (not EINTR: retried)
        view = memoryview(buffer)[: min(len(buffer), self._left)]
        read = self._file.readinto(view) or 0
        self._left -= read
        return read

    def close(self) -> None:
        self._file.close()
        super().close()


def _lines_before(path: Path, offset: int) -> int:
    with path.open("rb") as file:
        chunks = iter(lambda: file.read(min(_READ_BUFFER, offset - file.tell())), b"")
        return sum(chunk.count(b"\n") for chunk in chunks)


def split_load(store: ox.Store, path: Path, parts: int | None = None) -> None:
    """Bulk-load the N-Quads file ``path`` into ``store``, its slices on ``parts`` threads (default:
    two, or half the cores this process may use where there are more than four).

    A syntax error is raised as Oxigraph words it, with the line counted in the whole file, after
    every thread has stopped; the quads other slices loaded stay in ``store`` (the caller loads
    into a staging store it can drop)."""
    parts = parts or max(2, len(os.sched_getaffinity(0)) // 2)
    slices = line_slices(path, parts)
    errors: list[tuple[int, BaseException]] = []
    stop = threading.Event()

    def load(start: int, end: int) -> None:
        try:
            with io.BufferedReader(_Slice(path, start, end, stop), _READ_BUFFER) as reader:
                store.bulk_load(input=reader, format=ox.RdfFormat.N_QUADS)
        except BaseException as error:  # noqa: BLE001 -- re-raised below, on the caller's thread
            errors.append((start, error))

    threads = [threading.Thread(target=load, args=piece, daemon=True) for piece in slices]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    except BaseException:
        # Ctrl-C: no loader may go on writing once the caller drops the staging store. Each
        # stops at its next read; one past its reading (writing its sorted runs) cannot be
        # cancelled, and is waited for (a second Ctrl-C while waiting leaves it running)
        stop.set()
        for thread in threads:
            if thread.ident is not None:  # started
                thread.join()
        raise
    if not errors:
        return
    start, error = min(errors, key=lambda pair: pair[0])  # the first in the file
    if not isinstance(error, SyntaxError):
        raise error
    before = _lines_before(path, start) if start else 0
    raise SyntaxError(
        _LINE.sub(lambda m: f"at line {int(m.group(1)) + before}", error.msg, count=1)
    ) from None


def load_chunks(store: ox.Store, chunks: Iterable[bytes], threads: int = 2) -> None:
    """Bulk-load N-Quads ``chunks`` (each whole lines) as they are made, on ``threads`` loaders.

    For N-Quads made in Python (the name index): the caller's thread makes the next chunk while
    the loaders, which release the GIL, store the previous ones; at most ``threads`` chunks wait,
    so the memory is bounded whatever the size. An error stops the loading and is raised here."""
    waiting: queue.Queue[bytes | None] = queue.Queue(maxsize=threads)
    errors: list[BaseException] = []

    def load() -> None:
        while (chunk := waiting.get()) is not None:
            if errors:
                continue  # drain: the producer must never block on a full queue
            try:
                store.bulk_load(input=chunk, format=ox.RdfFormat.N_QUADS)
            except BaseException as error:  # noqa: BLE001 -- re-raised below, on the caller's thread
                errors.append(error)

    loaders = [threading.Thread(target=load, daemon=True) for _ in range(threads)]
    for loader in loaders:
        loader.start()
    try:
        for chunk in chunks:
            if errors:
                break
            waiting.put(chunk)
    finally:
        for _ in loaders:
            waiting.put(None)
        for loader in loaders:
            loader.join()
    if errors:
        raise errors[0]
