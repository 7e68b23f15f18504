"""The page census of a simulated 64 GiB machine under tracemalloc, run in a child process by
tests/windows/test_pfn_census.py: this module imports only the fake kernel and the backend."""

from __future__ import annotations

import tracemalloc

from app.backends.windows import WindowsBackend
from tests.windows.fake_kernel import FakeWindows

# The simulated machine: 64 GiB of 4 KiB pages, most of it in two large ranges.
GIB_64 = 64 << 30
BOUND = 48 << 20  # "tens of MiB": the census's own peak, the fake's answers included


def run_64_gib() -> tuple[int, int, int]:
    """Census a simulated 64 GiB machine under tracemalloc; (frames, class-80 frames, peak bytes)."""
    pages = GIB_64 // 4096
    fake = FakeWindows(zeroed=pages // 8, free=pages // 16, kernel=pages // 3, file_cache=pages // 8)
    fake.standby = [pages // 32] * 8
    fake.modified = pages // 64
    fake.kernel += pages - fake.total  # exactly 64 GiB of frames
    fake.pfn_database()  # the fake's own runs are made outside the measurement
    backend = WindowsBackend(fake.seam())  # the census needs no Memory Compression process, no schtasks
    source = backend.capabilities().page_census
    assert source is not None
    tracemalloc.start()
    census = source.take()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert not fake.errors
    return census.frames, fake.total, peak
