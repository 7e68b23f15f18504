"""The live backend against the live /proc, read at the same moment."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app.backends import detect
from app.backends.linux import LinuxBackend, lists
from app.backends.linux.procfs import parse_meminfo

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs a Linux /proc")

# The kernel moves these between our reads (other processes allocate, write, free). 64 MiB is far below
# any list's size mistake worth catching (a wrong formula is off by whole fields) and above the churn
# that other test runs on this machine cause in a few milliseconds.
CHURN = 64 << 20


def meminfo_now() -> dict[str, int]:
    return parse_meminfo(Path("/proc/meminfo").read_text())


def test_detect_gives_the_linux_backend():
    backend = detect()
    assert isinstance(backend, LinuxBackend)
    assert (backend.name, backend.platform) == ("procfs", "linux")


def test_live_sample_agrees_with_proc_meminfo():
    backend = LinuxBackend()
    before = meminfo_now()
    s = backend.sample()
    after = meminfo_now()
    assert s.total_bytes == before["MemTotal"] == after["MemTotal"]  # never moves
    assert sum(m.bytes for m in s.lists) == s.total_bytes
    for m in s.lists:
        if m.parts:
            assert sum(p.bytes for p in m.parts) == m.bytes
    assert s.get("zeroed") is None

    def between(value: int, field: str) -> None:
        lo, hi = sorted((before[field], after[field]))
        assert lo - CHURN <= value <= hi + CHURN, (field, value, before[field], after[field])

    free = s.get("free")
    assert free is not None and free.part("buddy") is not None and free.part("percpu") is not None
    between(free.part("buddy").bytes, "MemFree")  # type: ignore[union-attr]
    assert free.part("percpu").bytes == s.details[lists.PERCPU_FREE]  # type: ignore[union-attr]
    between(s.available_bytes, "MemAvailable")
    between(s.details["Cached"], "Cached")  # type: ignore[arg-type]
    between(s.details["Shmem"], "Shmem")  # type: ignore[arg-type]
    assert s.details["SwapTotal"] == before["SwapTotal"]
    # modified is exactly Dirty + Writeback (+ WritebackTmp) when nothing clamps: within the churn of both.
    dw_lo = min(before["Dirty"] + before["Writeback"], after["Dirty"] + after["Writeback"])
    dw_hi = max(before["Dirty"] + before["Writeback"], after["Dirty"] + after["Writeback"])
    assert dw_lo - CHURN <= (s.bytes_of("modified") or 0) <= dw_hi + CHURN


def test_live_buddy_free_matches_vmstat_nr_free_pages():
    """The buddy free blocks counted from buddyinfo are the kernel's nr_free_pages (within the churn)."""
    backend = LinuxBackend()
    s = backend.sample()
    buddy_pages = int(s.details[lists.BUDDY_FREE]) // backend.page_size
    assert abs(buddy_pages - int(s.details["nr_free_pages"])) * backend.page_size <= CHURN
    assert s.details[lists.MEMFREE_NOT_IN_BUDDY] == max(
        0, int(s.details["MemFree"]) - int(s.details[lists.BUDDY_FREE])
    )


def test_repeated_samples_stay_consistent():
    """The kept-open files re-read with pread give fresh, complete readings every time."""
    backend = LinuxBackend()
    samples = [backend.sample() for _ in range(50)]
    for s in samples:
        assert sum(m.bytes for m in s.lists) == s.total_bytes
    assert len({s.monotonic for s in samples}) == 50
    backend.close()
    assert backend.sample().total_bytes == samples[0].total_bytes  # reopens after close
