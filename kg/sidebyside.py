"""Independent queries run side by side on threads.

Oxigraph runs each query on one core and lets go of Python's lock while it evaluates, so two
queries on two threads take the time of the longer one. The threads are daemon threads and the
calls not yet started are dropped as soon as the caller stops reading (an error, Ctrl-C): a view
rewritten in the background of ``atkg serve`` must not hold the server's exit until every one of
its queries has run, as a ``ThreadPoolExecutor`` would (its workers are joined at exit). Where the
caller must know that nothing still runs (the checks of a staging store about to be removed), it
waits itself (kg.build.store_findings).
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from typing import TypeVar

__all__ = ["side_by_side", "threads_for_queries"]

Item = TypeVar("Item")
Result = TypeVar("Result")


def threads_for_queries() -> int:
    """One thread more than the cores this process may use, so none idles when a short query ends."""
    return len(os.sched_getaffinity(0)) + 1


def side_by_side(
    function: Callable[[Item], Result], items: Iterable[Item], threads: int | None = None
) -> Iterator[Result]:
    """``function(item)`` for each item, on daemon threads, yielded in the items' order; an
    exception is raised where its result would have been. Closing the iterator (or an exception
    in the caller's loop) drops the calls not yet started; the running ones end on their own.

    >>> list(side_by_side(lambda n: n * n, range(5), threads=2))
    [0, 1, 4, 9, 16]
    """
    items = list(items)
    futures: list[Future] = [Future() for _ in items]
    waiting: queue.SimpleQueue = queue.SimpleQueue()
    for pair in zip(futures, items, strict=True):
        waiting.put(pair)

    def work() -> None:
        while True:
            try:
                future, item = waiting.get_nowait()
            except queue.Empty:
                return
            if future.set_running_or_notify_cancel():  # False once the caller dropped it
                try:
                    future.set_result(function(item))
                except BaseException as error:  # noqa: BLE001 -- raised on the caller's thread
                    future.set_exception(error)

    for _ in range(min(threads or threads_for_queries(), len(items))):
        threading.Thread(target=work, daemon=True).start()
    try:
        for future in futures:
            yield future.result()
    finally:
        for future in futures:
            future.cancel()
