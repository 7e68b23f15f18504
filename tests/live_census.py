"""One real census of this machine per test process, for the tests that share it.

A live census reads /proc/kpageflags and /proc/kpagecount for every page frame: about a second of kernel
time on a 24 GiB machine. The tests of the census itself take it under the ``quiet`` lock (nothing else
moves memory meanwhile) and check it exactly; tests about how a census is shown (a table, a picture) reuse
that one, since what they check does not depend on when it was taken. Each entry point still takes a real
census of its own in one test (listed in docs/testing-live-kernel.md).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest

from app import pagecensus
from app.backends.linux import census as c
from app.backends.linux.buddyinfo import parse_buddyinfo

MiB = 1 << 20

needs_root = pytest.mark.skipif(
    os.geteuid() != 0 or not Path("/proc/kpageflags").exists(),
    reason="the census reads /proc/kpageflags: root",
)


def buddy_free_pages() -> int:
    """The buddy allocator's free pages now, from /proc/buddyinfo."""
    return sum(z.free_pages for z in parse_buddyinfo(Path("/proc/buddyinfo").read_text()))


@functools.cache
def quiet_census() -> tuple[pagecensus.Census, int, int]:
    """A census with kpagecount, bracketed by two buddyinfo readings, retried while memory moves a lot.

    Only for tests marked ``quiet`` (whichever runs first takes it while the other workers wait).
    """
    for _ in range(5):
        before = buddy_free_pages()
        result = c.take_census(map_counts=True)
        after = buddy_free_pages()
        if abs(after - before) * result.page_size < 64 * MiB:
            return result, before, after
    return result, before, after


@functools.cache
def _unquiet_census() -> pagecensus.Census:
    return c.take_census(map_counts=True)


def shared_census() -> pagecensus.Census:
    """A real census with kpagecount: the quiet one when this process took it, else one of its own.

    Taken at any moment (not under the ``quiet`` lock), so never handed to the exact tests.
    """
    if quiet_census.cache_info().currsize:
        return quiet_census()[0]
    return _unquiet_census()
