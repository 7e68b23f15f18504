"""The real-Windows lane: the backend against the real kernel (skipped on other systems, with the reason).

Run on Windows with ``py dev.py test`` (the workflow does: 64-bit and 32-bit Python). The
administrator-only test is skipped, with the reason, when the run is not elevated.
"""

from __future__ import annotations

import ctypes
import os
import tempfile
from pathlib import Path

import pytest

from app import actions
from app.backends.windows import WindowsBackend, pdh, system
from app.backends.windows.seam import load

# Physical memory is the same figure in both calls; available moves between two calls, by what
# other processes do in between, so it is compared within 5 % of physical memory.
AVAILABLE_TOLERANCE = 0.05


@pytest.fixture(scope="module")
def backend() -> WindowsBackend:
    return WindowsBackend()


def _is_64_bit() -> bool:
    return ctypes.sizeof(ctypes.c_void_p) == 8


def test_the_lists_agree_with_get_performance_info(backend: WindowsBackend) -> None:
    sample = backend.sample()
    perf = system.performance(load())  # a second, independent look at the same kernel
    assert sample.total_bytes == perf.physical_total
    assert sum(m.bytes for m in sample.lists) == sample.total_bytes
    assert abs(sample.available_bytes - perf.physical_available) <= AVAILABLE_TOLERANCE * perf.physical_total
    assert sample.details["commit_limit_bytes"] == perf.commit_limit


def test_a_64_bit_elevated_run_reads_class_80_and_a_32_bit_run_says_wow64(backend: WindowsBackend) -> None:
    sample = backend.sample()
    if not _is_64_bit() and backend.wow64():
        assert sample.backend in ("pdh", "kernel32")
        assert sample.limited.startswith(pdh.WOW64) or pdh.WOW64 in sample.limited
    elif backend.privileged():
        assert sample.backend == "ntdll", sample.limited
        assert sample.get("zeroed") is not None
    else:
        assert sample.backend in ("pdh", "kernel32") and "administrator" in sample.limited


def test_every_action_answers_with_a_result_never_an_exception(backend: WindowsBackend) -> None:
    availability = backend.availability()
    assert [a.action_id for a in availability] == [a.id for a in actions.for_platform("windows")]
    if backend.privileged():
        pytest.skip("elevated: running every action for real is left to the standby test")
    for entry in availability:
        assert not entry.available and entry.reason
        result = backend.run(entry.action_id)
        assert not result.ok and result.message == entry.reason


def test_purge_standby_moves_a_files_pages_from_standby_to_free(backend: WindowsBackend) -> None:
    if not backend.privileged() or backend.wow64():
        pytest.skip("needs an elevated 64-bit run (administrator)")
    size = 256 * 1024 * 1024
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "standby.bin"
        path.write_bytes(os.urandom(1024 * 1024) * (size // (1024 * 1024)))
        before_read = backend.sample().bytes_of("standby") or 0
        with path.open("rb") as handle:  # the pages come in as file cache, then age onto standby
            while handle.read(16 * 1024 * 1024):
                pass
        backend.run("system-file-cache")  # the cache's working set to standby
        filled = backend.sample().bytes_of("standby") or 0
        assert filled >= before_read, "reading the file did not add to the standby list"
        result = backend.run("standby-list")
        assert result.ok, result.message
        assert result.before is not None and result.after is not None
        assert (result.after.bytes_of("standby") or 0) < (result.before.bytes_of("standby") or 0)
        assert (result.after.bytes_of("free") or 0) + (result.after.bytes_of("zeroed") or 0) > (
            result.before.bytes_of("free") or 0
        ) + (result.before.bytes_of("zeroed") or 0)


def test_the_pfn_census_as_administrator_matches_class_80(backend: WindowsBackend) -> None:
    """The PFN database read for real (issue 16): every frame once, lists within the census tolerance."""
    if not backend.privileged() or backend.wow64():
        pytest.skip("needs an elevated 64-bit run (administrator)")
    from app.backends.windows import pfncensus

    source = backend.capabilities().page_census
    assert source is not None and source.problem() == ""
    seen: list[int] = []
    census = source.take(lambda done, expected: seen.append(done))
    assert seen and seen[-1] == census.frames
    assert sum(census.totals) == census.frames
    # The ranges hold at most the physical memory and at least what the memory manager uses.
    ranges = backend.capabilities().physical_ranges
    assert ranges is not None
    read = ranges.read()
    assert read.problems == () and read.ram_bytes == census.frames * census.page_size
    assert census.frames * census.page_size >= backend.sample().total_bytes * 9 // 10
    tolerance = max(pfncensus.TOLERANCE_PAGES, int(census.frames * pfncensus.TOLERANCE_SHARE))
    for row in census.comparisons():
        if row.reference_bytes is not None and row.key != "active":
            assert row.difference is not None
            assert abs(row.difference) <= tolerance * census.page_size, row
    assert census.use_counts is not None and census.use_counts.total == census.frames
    assert census.priorities is not None and sum(census.priorities.census) == census.totals[1]
