"""The limited view: the memory lists from performance counters (pdh.dll), which any user may read,
and the last resort when those counters are missing or damaged."""

from __future__ import annotations

import ctypes
import threading
import time
from collections.abc import Mapping

from app.backends.base import BackendError
from app.backends.windows import win32
from app.backends.windows.sampling import COMMON_UNITS, Extras, active_list, common_details
from app.backends.windows.seam import Seam
from app.backends.windows.system import WindowsVersion, memory_status
from app.model import LIST_LABELS, DetailUnit, MemoryList, Sample

# The counters Task Manager and Resource Monitor read (English names: independent of the UI language).
COUNTERS: dict[str, str] = {
    "available": r"\Memory\Available Bytes",
    "free": r"\Memory\Free & Zero Page List Bytes",
    "modified": r"\Memory\Modified Page List Bytes",
    "reserve": r"\Memory\Standby Cache Reserve Bytes",
    "normal": r"\Memory\Standby Cache Normal Priority Bytes",
    "core": r"\Memory\Standby Cache Core Bytes",
    # The file cache's resident pages. (\Memory\Cache Bytes is NOT the file cache: Microsoft
    # defines it as system cache + system driver + system code + paged pool resident bytes.)
    "file_cache": r"\Memory\System Cache Resident Bytes",
}

# Counters some Windows versions lack: read where present, never a reason to fail.
LIFETIME = {"standby_lifetime": r"\Memory\Long-Term Average Standby Cache Lifetime (s)"}

# The limited views' details: the shared ones and the file cache's resident bytes (a counter).
UNITS: dict[str, DetailUnit] = {**COMMON_UNITS, "file_cache_resident_bytes": DetailUnit.BYTES}

# Standby by cache class; each class covers a range of the priorities the full view shows.
# No Microsoft source states these ranges (docs/windows.md lists them as unverified).
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

WOW64 = (
    "This is a 32-bit Python on 64-bit Windows (WOW64): the kernel's memory-list structures have the "
    "64-bit layout, which a 32-bit process cannot ask for, so the lists come from performance counters "
    "and the Empty actions are off. Install 64-bit Python (or the 64-bit RAMLens) for the full view."
)


def refused(reason: str) -> str:
    """The limited-view sentence when elevated but the kernel query failed."""
    return (
        f"The full memory-list query failed ({reason}), so the lists come from performance counters: "
        "free and zeroed pages are one figure and standby is split by cache class instead of priority."
    )


def counters_broken(problem: str) -> str:
    """The last-resort sentence: why the counters could not be read, what is missing, how to fix it."""
    return (
        f"The performance counters could not be read ({problem}), so only in use and available memory "
        "are shown, from GlobalMemoryStatusEx and GetPerformanceInfo. Rebuild damaged counters with "
        "`lodctr /r` in an administrator console; running as administrator gives the full view."
    )


class CounterQuery:
    """One open pdh query with ``required`` and ``optional`` counters, opened on first use and kept open.

    The GUI samples on its own thread while an action samples on a worker: one reader at a time.
    """

    def __init__(self, seam: Seam, required: Mapping[str, str], optional: Mapping[str, str] | None = None):
        self._seam = seam
        self._paths = {**(optional or {}), **required}
        self._required = dict(required)
        self._optional = dict(optional or {})
        self._query: int | None = None
        self._counters: dict[str, int] = {}
        self._lock = threading.Lock()

    def _open(self) -> None:
        query = ctypes.c_void_p()
        status = self._seam.pdh_open_query_w(None, 0, ctypes.byref(query))
        if status != win32.ERROR_SUCCESS or not query.value:
            raise BackendError(f"could not open a performance-counter query (PDH status 0x{status:08X})")
        counters: dict[str, int] = {}
        for key, path in {**self._required, **self._optional}.items():
            counter = ctypes.c_void_p()
            status = self._seam.pdh_add_english_counter_w(query, path, 0, ctypes.byref(counter))
            if status == win32.ERROR_SUCCESS and counter.value:
                counters[key] = counter.value
            elif key in self._required:
                # A half-built query is useless: close it so the next sample starts clean.
                self._seam.pdh_close_query(query)
                raise BackendError(
                    f"the performance counter {path} is unavailable (PDH status 0x{status:08X})"
                )
        self._query, self._counters = query.value, counters

    def read(self) -> dict[str, int]:
        """Collect once and return each counter's value; an optional counter without a value is left out.

        Raises BackendError when the query or a required counter fails.
        """
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
            if status == win32.ERROR_SUCCESS and value.CStatus in (
                win32.PDH_CSTATUS_VALID_DATA,
                win32.PDH_CSTATUS_NEW_DATA,
            ):
                values[key] = max(0, int(value.largeValue))
            elif key in self._required:
                raise BackendError(
                    f"the performance counter {self._paths[key]} has no value "
                    f"(PDH status 0x{status:08X}, counter status 0x{value.CStatus:08X})"
                )
        return values


def _sample(
    backend: str,
    page_size: int,
    total: int,
    available: int,
    lists: tuple[MemoryList, ...],
    details: dict[str, int | float | str],
    reason: str,
) -> Sample:
    return Sample(
        time=time.time(),
        monotonic=time.monotonic(),
        platform="windows",
        backend=backend,
        page_size=page_size,
        total_bytes=total,
        available_bytes=available,
        lists=lists,
        details=details,
        limited=reason,
        units=UNITS,
    )


def limited_sample(
    seam: Seam, query: CounterQuery, version: WindowsVersion, page_size: int, extras: Extras, reason: str
) -> Sample:
    """One reading from the performance counters; ``reason`` becomes Sample.limited."""
    values = query.read()
    memory = memory_status(seam)
    standby_parts = tuple(MemoryList(key, label, values[key]) for key, label in STANDBY_CLASSES)
    standby = sum(p.bytes for p in standby_parts)
    listed = standby + values["free"] + values["modified"]
    lists = (
        active_list(max(0, memory.total - listed), extras.store),
        MemoryList("standby", LIST_LABELS["standby"], standby, standby_parts),
        MemoryList("modified", LIST_LABELS["modified"], values["modified"]),
        MemoryList("free", "Free + zeroed", values["free"]),
    )
    details = common_details(seam, version, page_size, extras)
    details["file_cache_resident_bytes"] = values["file_cache"]
    if "standby_lifetime" in values:
        details["standby_lifetime_s"] = values["standby_lifetime"]
    return _sample("pdh", page_size, memory.total, values["available"], lists, details, reason)


def basic_sample(seam: Seam, version: WindowsVersion, page_size: int, extras: Extras, reason: str) -> Sample:
    """The last resort without counters: in use and available only, from GlobalMemoryStatusEx."""
    memory = memory_status(seam)
    available = min(memory.available, memory.total)
    lists = (
        active_list(memory.total - available, extras.store),
        MemoryList("free", "Available (standby, free and zeroed together)", available),
    )
    details = common_details(seam, version, page_size, extras)
    return _sample("kernel32", page_size, memory.total, available, lists, details, reason)
