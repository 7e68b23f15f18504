"""The full view of the memory lists (SystemMemoryListInformation, class 80, needs the privilege),
and the details every view shares: commit, pools, caches, page files, the compression store."""

from __future__ import annotations

import ctypes
import time
from dataclasses import dataclass

from app.backends.windows import ntapi, query
from app.backends.windows.compression import CompressionStore
from app.backends.windows.seam import Seam
from app.backends.windows.system import Performance, WindowsVersion, memory_status
from app.model import LIST_LABELS, REPURPOSED_PREFIX, Detail, DetailInfo, DetailUnit, MemoryList, Sample

_MEMORY_LISTS = ntapi.SYSTEM_MEMORY_LIST_INFORMATION
_FILE_CACHE = ntapi.SYSTEM_FILECACHE_INFORMATION
_PAGE_FILE = ntapi.SYSTEM_PAGEFILE_INFORMATION


_B, _N, _S, _P = DetailUnit.BYTES, DetailUnit.COUNT, DetailUnit.SECONDS, DetailUnit.PAGES

# Every detail the views share (common_details), with its unit; windows_version and
# compression_store_source are words, without one.
COMMON_UNITS: dict[str, DetailUnit] = {
    "commit_bytes": _B,
    "commit_limit_bytes": _B,
    "commit_peak_bytes": _B,
    "paged_pool_bytes": _B,
    "nonpaged_pool_bytes": _B,
    "system_cache_bytes": _B,
    "file_cache_bytes": _B,
    "file_cache_peak_bytes": _B,
    "pagefile_count": _N,
    "pagefile_total_bytes": _B,
    "pagefile_used_bytes": _B,
    "pagefile_peak_bytes": _B,
    "compression_store_bytes": _B,
    "compressed_data_bytes": _B,
    "standby_lifetime_s": _S,
}
# The full view adds the pages repurposed from each standby priority since boot (class 80).
FULL_UNITS: dict[str, DetailUnit] = {
    **COMMON_UNITS,
    **{f"{REPURPOSED_PREFIX}priority{i}": _P for i in range(8)},
}

COMMIT = "Commit (virtual memory promised to programs)"
KERNEL = "Kernel memory"
CACHE = "File cache"
PAGEFILE = "Page files"
COMPRESSION = "Memory compression"
SYSTEM = "System"

# What each detail means. Sources: Microsoft Learn, PERFORMANCE_INFORMATION (psapi.h) for commit,
# pools and system cache; SYSTEM_FILECACHE_INFORMATION and SYSTEM_PAGEFILE_INFORMATION (phnt
# ntexapi.h) for the file cache and page files; System Informer's memory compression notes.
DETAIL_INFO: dict[str, DetailInfo] = {
    "commit_bytes": DetailInfo(
        COMMIT, "Committed", "Virtual memory programs and the system have been promised."
    ),
    "commit_limit_bytes": DetailInfo(
        COMMIT, "Commit limit", "The most that can be committed: RAM plus the page files' current size."
    ),
    "commit_peak_bytes": DetailInfo(COMMIT, "Commit peak", "The highest commit since boot."),
    "paged_pool_bytes": DetailInfo(
        KERNEL, "Paged pool", "Kernel memory that may be written to the page file."
    ),
    "nonpaged_pool_bytes": DetailInfo(KERNEL, "Non-paged pool", "Kernel memory that must stay in RAM."),
    "system_cache_bytes": DetailInfo(
        CACHE, "System cache", "GetPerformanceInfo's system cache: the file cache's standby and in-use pages."
    ),
    "file_cache_bytes": DetailInfo(
        CACHE, "File cache working set", "The system file cache's resident pages."
    ),
    "file_cache_peak_bytes": DetailInfo(
        CACHE, "File cache peak", "The file cache working set's highest size."
    ),
    "file_cache_resident_bytes": DetailInfo(
        CACHE, "File cache resident", "The counter \\Memory\\System Cache Resident Bytes (limited view)."
    ),
    "pagefile_count": DetailInfo(PAGEFILE, "Page files", "How many page files are in use."),
    "pagefile_total_bytes": DetailInfo(PAGEFILE, "Page file size", "All page files' current size together."),
    "pagefile_used_bytes": DetailInfo(PAGEFILE, "Page file in use", "What the page files hold now."),
    "pagefile_peak_bytes": DetailInfo(PAGEFILE, "Page file peak", "The most the page files have held."),
    "compression_store_bytes": DetailInfo(
        COMPRESSION,
        "Compression store (in RAM)",
        "RAM the memory compression store occupies (part of In use): compressed pages of other programs.",
    ),
    "compression_store_source": DetailInfo(
        COMPRESSION, "Store size read from", "store: the store's own statistics; process: its working set."
    ),
    "compressed_data_bytes": DetailInfo(
        COMPRESSION, "Data compressed", "How much uncompressed data the store holds in that RAM."
    ),
    "standby_lifetime_s": DetailInfo(
        CACHE,
        "Standby lifetime",
        "How long a page stays on the standby list before being reused, on average (long-term): short "
        "means memory is tight.",
    ),
    "windows_version": DetailInfo(SYSTEM, "Windows version", "The Windows build RAMLens runs on."),
}


@dataclass(frozen=True)
class Extras:
    """What both views add to the lists: system performance, the compression store, standby lifetime."""

    performance: Performance
    store: CompressionStore | None
    standby_lifetime: int | None  # seconds; None where the counter does not exist
    kernel_queries: bool = True  # False under WOW64: classes 18 and 21 have pointer-sized fields


@dataclass(frozen=True)
class PageFiles:
    """Every page file together, in bytes (class 18 counts pages)."""

    count: int
    total: int
    in_use: int
    peak: int


def query_memory_lists(seam: Seam) -> tuple[ntapi.SYSTEM_MEMORY_LIST_INFORMATION, bool]:
    """Class 80 page counts and whether the answer reached ModifiedPageCountPageFile; raises NtError."""
    data = query.query(seam, ntapi.SystemMemoryListInformation, ctypes.sizeof(_MEMORY_LISTS))
    return query.structure(data, _MEMORY_LISTS), query.has_field(
        data, _MEMORY_LISTS, "ModifiedPageCountPageFile"
    )


def query_file_cache(seam: Seam) -> ntapi.SYSTEM_FILECACHE_INFORMATION | None:
    """Class 21: the system file cache working set, or None when the kernel refuses."""
    try:
        data = query.query(seam, ntapi.SystemFileCacheInformation, ctypes.sizeof(_FILE_CACHE))
    except ntapi.NtError:
        return None
    if not query.has_field(data, _FILE_CACHE, "PeakSize"):
        return None
    return query.structure(data, _FILE_CACHE)


def page_files(seam: Seam, page_size: int) -> PageFiles | None:
    """Class 18: every page file's size, use and peak, or None when the kernel refuses."""
    try:
        # One entry plus a name; the kernel says how much more a longer list needs.
        data = query.query(seam, ntapi.SystemPageFileInformation, ctypes.sizeof(_PAGE_FILE) + 520)
    except ntapi.NtError:
        return None
    count = total = in_use = peak = 0
    offset = 0
    while query.has_field(data[offset:], _PAGE_FILE, "PeakUsage"):
        entry = query.structure(data[offset:], _PAGE_FILE)
        count += 1
        total += int(entry.TotalSize)
        in_use += int(entry.TotalInUse)
        peak += int(entry.PeakUsage)
        if not entry.NextEntryOffset:
            break
        offset += int(entry.NextEntryOffset)
    return PageFiles(count, total * page_size, in_use * page_size, peak * page_size)


def active_list(size: int, store: CompressionStore | None) -> MemoryList:
    """In use, with the compression store as its part (the store's pages are in use, compressed)."""
    parts: tuple[MemoryList, ...] = ()
    if store is not None:
        parts = (MemoryList("compressed", "Compression store", min(store.working_set, size)),)
    return MemoryList("active", LIST_LABELS["active"], size, parts)


def full_sample(seam: Seam, version: WindowsVersion, page_size: int, extras: Extras) -> Sample:
    """One reading from the kernel's own counts; raises NtError when class 80 is refused."""
    info, has_pagefile_count = query_memory_lists(seam)
    memory = memory_status(seam)
    ps = page_size
    standby_parts = tuple(
        MemoryList(f"priority{i}", f"Priority {i}", int(info.PageCountByPriority[i]) * ps) for i in range(8)
    )
    standby = sum(p.bytes for p in standby_parts)
    modified = int(info.ModifiedPageCount) * ps
    modified_parts: tuple[MemoryList, ...] = ()
    if has_pagefile_count:
        modified_parts = (
            MemoryList("pagefile", "Bound for the page file", int(info.ModifiedPageCountPageFile) * ps),
        )
    sizes = {
        "standby": standby,
        "modified": modified,
        "modified_no_write": int(info.ModifiedNoWritePageCount) * ps,
        "free": int(info.FreePageCount) * ps,
        "zeroed": int(info.ZeroPageCount) * ps,
        "bad": int(info.BadPageCount) * ps,
    }
    # In use is the rest of physical memory: the kernel keeps no single count of it.
    active = max(0, memory.total - sum(sizes.values()))
    parts = {"standby": standby_parts, "modified": modified_parts}
    lists = (active_list(active, extras.store),) + tuple(
        MemoryList(key, LIST_LABELS[key], size, parts.get(key, ())) for key, size in sizes.items()
    )
    details: dict[str, Detail] = {
        f"{REPURPOSED_PREFIX}priority{i}": int(info.RepurposedPagesByPriority[i]) for i in range(8)
    }
    details.update(common_details(seam, version, page_size, extras))
    return Sample(
        time=time.time(),
        monotonic=time.monotonic(),
        platform="windows",
        backend="ntdll",
        page_size=ps,
        total_bytes=memory.total,
        available_bytes=standby + sizes["free"] + sizes["zeroed"],
        lists=lists,
        details=details,
        units=FULL_UNITS,
    )


def common_details(seam: Seam, version: WindowsVersion, page_size: int, extras: Extras) -> dict[str, Detail]:
    """Details every view shares.

    Commit comes from GetPerformanceInfo, not GlobalMemoryStatusEx, whose page-file total is the
    process's (job's) commit limit when the process runs in a job with one.
    """
    perf = extras.performance
    details: dict[str, Detail] = {
        "commit_bytes": perf.commit_total,
        "commit_limit_bytes": perf.commit_limit,
        "commit_peak_bytes": perf.commit_peak,
        "paged_pool_bytes": perf.kernel_paged,
        "nonpaged_pool_bytes": perf.kernel_nonpaged,
        "system_cache_bytes": perf.system_cache,
        "windows_version": version.name,
    }
    cache = query_file_cache(seam) if extras.kernel_queries else None
    if cache is not None:
        details["file_cache_bytes"] = int(cache.CurrentSize)
        details["file_cache_peak_bytes"] = int(cache.PeakSize)
    files = page_files(seam, page_size) if extras.kernel_queries else None
    if files is not None:
        details["pagefile_count"] = files.count
        details["pagefile_total_bytes"] = files.total
        details["pagefile_used_bytes"] = files.in_use
        details["pagefile_peak_bytes"] = files.peak
    if extras.store is not None:
        details["compression_store_bytes"] = extras.store.working_set
        details["compression_store_source"] = extras.store.source
        if extras.store.holds is not None:
            details["compressed_data_bytes"] = extras.store.holds
    if extras.standby_lifetime is not None:
        details["standby_lifetime_s"] = extras.standby_lifetime
    return details
