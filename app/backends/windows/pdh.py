"""The limited view: the memory lists from performance counters (pdh.dll), which any user may read."""

from __future__ import annotations

import ctypes
import threading
import time

from app.backends.base import BackendError
from app.backends.windows import win32
from app.backends.windows.sampling import common_details
from app.backends.windows.seam import Seam
from app.backends.windows.system import WindowsVersion, memory_status
from app.model import LIST_LABELS, MemoryList, Sample

# The counters Task Manager and Resource Monitor read (English names: independent of the UI language).
COUNTERS: dict[str, str] = {
    "available": r"\Memory\Available Bytes",
    "free": r"\Memory\Free & Zero Page List Bytes",
    "modified": r"\Memory\Modified Page List Bytes",
    "reserve": r"\Memory\Standby Cache Reserve Bytes",
    "normal": r"\Memory\Standby Cache Normal Priority Bytes",
    "core": r"\Memory\Standby Cache Core Bytes",
    "cache": r"\Memory\Cache Bytes",
}

# Standby by cache class; each class covers a range of the priorities the full view shows.
STANDBY_CLASSES: tuple[tuple[str, str], ...] = (
    ("reserve", "Reserve (priorities 0–3)"),
    ("normal", "Normal priority (4–5)"),
    ("core", "Core (priorities 6–7)"),
)

NOT_ELEVATED = (
    "Not running as administrator, so the lists come from performance counters: free and zeroed pages are "
    "one figure, standby is split by cache class instead of priority 0–7, and modified no-write, bad and "
    "repurposed pages are not shown. Restart as administrator for the full view."
)


def refused(reason: str) -> str:
    """The limited-view sentence when elevated but the kernel query failed."""
    return (
        f"The full memory-list query failed ({reason}), so the lists come from performance counters: "
        "free and zeroed pages are one figure and standby is split by cache class instead of priority."
    )


class CounterQuery:
    """One open pdh query with the counters in COUNTERS, opened on first use and kept open.

    The GUI samples on its own thread while an action samples on a worker: one reader at a time.
    """

    def __init__(self, seam: Seam):
        self._seam = seam
        self._query: int | None = None
        self._counters: dict[str, int] = {}
        self._lock = threading.Lock()

    def _open(self) -> None:
        query = ctypes.c_void_p()
        status = self._seam.pdh_open_query_w(None, 0, ctypes.byref(query))
        if status != win32.ERROR_SUCCESS or not query.value:
            raise BackendError(f"could not open a performance-counter query (PDH status 0x{status:08X})")
        counters: dict[str, int] = {}
        for key, path in COUNTERS.items():
            counter = ctypes.c_void_p()
            status = self._seam.pdh_add_english_counter_w(query, path, 0, ctypes.byref(counter))
            if status != win32.ERROR_SUCCESS or not counter.value:
                # A half-built query is useless: close it so the next sample starts clean.
                self._seam.pdh_close_query(query)
                raise BackendError(
                    f"the performance counter {path} is unavailable (PDH status 0x{status:08X})"
                )
            counters[key] = counter.value
        self._query, self._counters = query.value, counters

    def read(self) -> dict[str, int]:
        """Collect once and return every counter's value in bytes; raises BackendError."""
        with self._lock:
            return self._read()

    def _read(self) -> dict[str, int]:
        if self._query is None:
            self._open()
        status = self._seam.pdh_collect_query_data(self._query)
        if status != win32.ERROR_SUCCESS:
            raise BackendError(f"could not collect the performance counters (PDH status 0x{status:08X})")
        values: dict[str, int] = {}
        for key, counter in self._counters.items():
            value = win32.PDH_FMT_COUNTERVALUE()
            kind = ctypes.c_uint32()
            status = self._seam.pdh_get_formatted_counter_value(
                counter, win32.PDH_FMT_LARGE, ctypes.byref(kind), ctypes.byref(value)
            )
            if status != win32.ERROR_SUCCESS or value.CStatus not in (
                win32.PDH_CSTATUS_VALID_DATA,
                win32.PDH_CSTATUS_NEW_DATA,
            ):
                raise BackendError(
                    f"the performance counter {COUNTERS[key]} has no value "
                    f"(PDH status 0x{status:08X}, counter status 0x{value.CStatus:08X})"
                )
            values[key] = max(0, int(value.largeValue))
        return values


def limited_sample(
    seam: Seam, query: CounterQuery, version: WindowsVersion, page_size: int, reason: str
) -> Sample:
    """One reading from the performance counters; ``reason`` becomes Sample.limited."""
    values = query.read()
    memory = memory_status(seam)
    standby_parts = tuple(MemoryList(key, label, values[key]) for key, label in STANDBY_CLASSES)
    standby = sum(p.bytes for p in standby_parts)
    listed = standby + values["free"] + values["modified"]
    lists = (
        MemoryList("active", LIST_LABELS["active"], max(0, memory.total - listed)),
        MemoryList("standby", LIST_LABELS["standby"], standby, standby_parts),
        MemoryList("modified", LIST_LABELS["modified"], values["modified"]),
        MemoryList("free", "Free + zeroed", values["free"]),
    )
    details = common_details(seam, version, memory.commit_charge, memory.commit_limit)
    details["cache_bytes"] = values["cache"]
    return Sample(
        time=time.time(),
        monotonic=time.monotonic(),
        platform="windows",
        backend="pdh",
        page_size=page_size,
        total_bytes=memory.total,
        available_bytes=values["available"],
        lists=lists,
        details=details,
        limited=reason,
    )
