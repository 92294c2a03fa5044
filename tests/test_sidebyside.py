"""Queries side by side (kg.sidebyside): results in order, and nothing holds the process once the
caller stops reading."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kg.sidebyside import side_by_side


def test_results_come_in_the_order_of_the_items_and_an_error_where_it_belongs():
    def slow_first(n: int) -> int:
        time.sleep(0.2 if n == 0 else 0)
        if n == 3:
            raise ValueError("three")
        return n * 10

    answers = side_by_side(slow_first, range(5), threads=3)
    assert [next(answers), next(answers), next(answers)] == [0, 10, 20]
    with pytest.raises(ValueError, match="three"):
        next(answers)


def test_calls_not_started_are_dropped_when_the_caller_stops():
    called: list[int] = []
    release = threading.Event()

    def record(n: int) -> int:
        called.append(n)
        if n:
            release.wait(5)
        return n

    answers = side_by_side(record, range(5), threads=1)
    assert next(answers) == 0
    deadline = time.monotonic() + 5
    while called != [0, 1] and time.monotonic() < deadline:
        time.sleep(0.01)  # the one thread has taken the next call, and waits in it
    answers.close()
    release.set()
    time.sleep(0.3)
    assert called == [0, 1]


def test_a_background_caller_does_not_hold_the_process_at_exit():
    """A view rewritten on a daemon thread of `atkg serve` when the server stops: the process exits
    at once, not after every query still queued (a ThreadPoolExecutor joins its workers at exit)."""
    program = (
        "import threading, time\n"
        "from kg.sidebyside import side_by_side\n"
        "def background():\n"
        "    list(side_by_side(lambda n: time.sleep(2), range(10), threads=2))\n"
        "threading.Thread(target=background, daemon=True).start()\n"
        "time.sleep(0.3)\n"
    )
    root = Path(__file__).resolve().parent.parent
    started = time.monotonic()
    subprocess.run([sys.executable, "-c", program], cwd=root, check=True, timeout=60)
    assert time.monotonic() - started < 2.5
