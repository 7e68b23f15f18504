"""The full view of the memory lists: SystemMemoryListInformation (class 80), needs the privilege."""

from __future__ import annotations

import ctypes
import time

from app.backends.windows import ntapi
from app.backends.windows.seam import Seam
from app.backends.windows.system import WindowsVersion, memory_status
from app.model import LIST_LABELS, REPURPOSED_PREFIX, Detail, MemoryList, Sample


def query_memory_lists(seam: Seam, version: WindowsVersion) -> ntapi.SYSTEM_MEMORY_LIST_INFORMATION:
    """Class 80 page counts; raises NtError. Windows 7's structure lacks the last field."""
    info = ntapi.SYSTEM_MEMORY_LIST_INFORMATION()
    length = ctypes.sizeof(info) if version.at_least(6, 2) else ntapi.MEMORY_LIST_SIZE_WIN7
    returned = ctypes.c_uint32()
    status = seam.nt_query_system_information(
        ntapi.SystemMemoryListInformation, ctypes.byref(info), length, ctypes.byref(returned)
    )
    if not ntapi.nt_success(status):
        raise ntapi.NtError(status)
    return info


def query_file_cache(seam: Seam) -> ntapi.SYSTEM_FILECACHE_INFORMATION | None:
    """Class 21: the system file cache working set, or None when the kernel refuses."""
    info = ntapi.SYSTEM_FILECACHE_INFORMATION()
    status = seam.nt_query_system_information(
        ntapi.SystemFileCacheInformation, ctypes.byref(info), ctypes.sizeof(info), None
    )
    return info if ntapi.nt_success(status) else None


def full_sample(seam: Seam, version: WindowsVersion, page_size: int) -> Sample:
    """One reading from the kernel's own counts; raises NtError when class 80 is refused."""
    info = query_memory_lists(seam, version)
    memory = memory_status(seam)
    ps = page_size
    standby_parts = tuple(
        MemoryList(f"priority{i}", f"Priority {i}", int(info.PageCountByPriority[i]) * ps) for i in range(8)
    )
    standby = sum(p.bytes for p in standby_parts)
    modified = int(info.ModifiedPageCount) * ps
    modified_parts: tuple[MemoryList, ...] = ()
    if version.at_least(6, 2):
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
    lists = (MemoryList("active", LIST_LABELS["active"], active),) + tuple(
        MemoryList(key, LIST_LABELS[key], size, parts.get(key, ())) for key, size in sizes.items()
    )
    details: dict[str, Detail] = {
        f"{REPURPOSED_PREFIX}priority{i}": int(info.RepurposedPagesByPriority[i]) for i in range(8)
    }
    details.update(common_details(seam, version, memory.commit_charge, memory.commit_limit))
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
    )


def common_details(seam: Seam, version: WindowsVersion, commit: int, limit: int) -> dict[str, Detail]:
    """Details both views share: commit charge and limit, the Windows version, the file cache (class 21)."""
    details: dict[str, Detail] = {
        "commit_bytes": commit,
        "commit_limit_bytes": limit,
        "windows_version": version.name,
    }
    cache = query_file_cache(seam)
    if cache is not None:
        details["file_cache_bytes"] = int(cache.CurrentSize)
        details["file_cache_peak_bytes"] = int(cache.PeakSize)
    return details
