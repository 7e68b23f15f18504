"""The Empty actions that are one NtSetSystemInformation call each."""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any

from app.backends.base import ActionError, Outcome
from app.backends.windows import compression, ntapi
from app.backends.windows.privileges import Privileges
from app.backends.windows.sampling import query_file_cache
from app.backends.windows.seam import Seam
from app.units import format_bytes


@dataclass(frozen=True)
class Context:
    """What an action body needs: the seam, the token's privileges and the page size."""

    seam: Seam
    privileges: Privileges
    page_size: int


def set_information(ctx: Context, info_class: int, buffer: Any, length: int, what: str) -> None:
    """NtSetSystemInformation; raises ActionError carrying the NTSTATUS name and sentence."""
    status = ctx.seam.nt_set_system_information(info_class, buffer, length)
    if not ntapi.nt_success(status):
        described = ntapi.describe(status, ctx.privileges.elevated())
        raise ActionError(
            f"{what} was refused: {described}", {"ntstatus": described.hex, "status": described.name}
        )


def combine_pages(ctx: Context) -> Outcome:
    """Class 130: merge identical pages; reports PagesCombined × page size.

    The structure goes in zeroed (no event, Flags 0), as System Informer and Mem Reduct pass it.
    """
    ctx.privileges.require(ntapi.SE_PROFILE_SINGLE_PROCESS_PRIVILEGE)
    info = ntapi.MEMORY_COMBINE_INFORMATION_EX()
    set_information(
        ctx,
        ntapi.SystemCombinePhysicalMemoryInformation,
        ctypes.byref(info),
        ctypes.sizeof(info),
        "Combining memory pages",
    )
    pages = int(info.PagesCombined)
    combined = pages * ctx.page_size
    return Outcome(
        f"{pages} pages combined ({format_bytes(combined)})",
        {"pages_combined": pages, "bytes_combined": combined},
    )


def system_file_cache(ctx: Context) -> Outcome:
    """Class 81 with minimum = maximum = (SIZE_T)-1: trim the system file cache working set."""
    ctx.privileges.require(ntapi.SE_INCREASE_QUOTA_PRIVILEGE)
    before = query_file_cache(ctx.seam)
    info = ntapi.SYSTEM_FILECACHE_INFORMATION()
    info.MinimumWorkingSet = ctypes.c_size_t(-1).value
    info.MaximumWorkingSet = ctypes.c_size_t(-1).value
    info.Flags = 0
    set_information(
        ctx,
        ntapi.SystemFileCacheInformationEx,
        ctypes.byref(info),
        ctypes.sizeof(info),
        "Emptying the system file cache",
    )
    after = query_file_cache(ctx.seam)
    if before is None or after is None:
        return Outcome("system file cache working set trimmed; its pages went to standby")
    size_before, size_after = format_bytes(before.CurrentSize), format_bytes(after.CurrentSize)
    return Outcome(
        f"system file cache working set {size_before} → {size_after}",
        {
            "file_cache_before_bytes": int(before.CurrentSize),
            "file_cache_after_bytes": int(after.CurrentSize),
        },
    )


def registry_cache(ctx: Context) -> Outcome:
    """Class 155 with NULL, 0: flush the registry hives (Windows 8.1+)."""
    set_information(
        ctx, ntapi.SystemRegistryReconciliationInformation, None, 0, "Emptying the registry cache"
    )
    return Outcome("registry hives written to disk")


_COMMAND_TEXT = {
    ntapi.MemoryEmptyWorkingSets: (
        "Emptying working sets",
        "every process's working set trimmed; the pages went to the standby and modified lists",
    ),
    ntapi.MemoryFlushModifiedList: (
        "Flushing the modified list",
        "modified pages written; they are standby now",
    ),
    ntapi.MemoryPurgeStandbyList: ("Purging the standby list", "standby pages freed"),
    ntapi.MemoryPurgeLowPriorityStandbyList: (
        "Purging the priority-0 standby list",
        "priority-0 standby pages freed",
    ),
}


def memory_list_command(ctx: Context, command: int) -> Outcome:
    """Class 80 with a SYSTEM_MEMORY_LIST_COMMAND passed as a 4-byte int."""
    ctx.privileges.require(ntapi.SE_PROFILE_SINGLE_PROCESS_PRIVILEGE)
    what, done = _COMMAND_TEXT[command]
    value = ctypes.c_int32(command)
    set_information(ctx, ntapi.SystemMemoryListInformation, ctypes.byref(value), ctypes.sizeof(value), what)
    return Outcome(done)


def compression_store(ctx: Context) -> Outcome:
    """Class 109 trim request for the whole store (Windows 10 and later; SeProfileSingleProcessPrivilege)."""
    ctx.privileges.require(ntapi.SE_PROFILE_SINGLE_PROCESS_PRIVILEGE)
    try:
        return compression.trim(ctx.seam, ctx.page_size)
    except ntapi.NtError as exc:
        raise ActionError(
            f"Reading the compression store was refused: {exc.status}",
            {"ntstatus": exc.status.hex, "status": exc.status.name},
        ) from None
