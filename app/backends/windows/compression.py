"""The memory compression store: its size and what it holds, and trimming it.

Read as System Informer reads it (phlib/native.c, PhGetSystemCompressionStoreInformation):
NtQuerySystemInformation(SystemStoreInformation) with a MemCompressionInfoRequest. Trimmed as
System Informer's PhSystemCompressionStoreTrimRequest does: a SystemStoreTrimRequest for as many
pages as the store's working set, also through NtQuerySystemInformation. Both need
SeProfileSingleProcessPrivilege (phnt ntexapi.h). Without it — or on a kernel that refuses —
the store's size is the working set of the "Memory Compression" process instead.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from dataclasses import dataclass

import psutil

from app.backends.base import ActionError, Outcome
from app.backends.windows import ntapi
from app.backends.windows.seam import Seam
from app.units import format_bytes

PROCESS_NAME = "Memory Compression"

# A callable giving the working set in bytes of the process with this name, or None.
WorkingSetOf = Callable[[str], "int | None"]


@dataclass(frozen=True)
class CompressionStore:
    """The store: RAM it uses, and (from the kernel) the uncompressed data that RAM holds."""

    pid: int
    working_set: int  # bytes of physical memory the store occupies
    holds: int | None  # bytes of data it holds, uncompressed; None when only the process was seen
    source: str  # "store" (class 109) or "process" (the Memory Compression working set)


def _store_request(seam: Seam, request_class: int, data: ctypes.Structure) -> int:
    """One class-109 request; returns the unsigned NTSTATUS."""
    info = ntapi.SYSTEM_STORE_INFORMATION()
    info.Version = ntapi.SYSTEM_STORE_INFORMATION_VERSION
    info.StoreInformationClass = request_class
    info.Data = ctypes.addressof(data)
    info.Length = ctypes.sizeof(data)
    return ntapi.unsigned(
        seam.nt_query_system_information(
            ntapi.SystemStoreInformation, ctypes.byref(info), ctypes.sizeof(info), None
        )
    )


def query_store(seam: Seam) -> ntapi.SM_STORE_COMPRESSION_INFORMATION_REQUEST:
    """The compression information request's answer; raises NtError when refused."""
    request = ntapi.SM_STORE_COMPRESSION_INFORMATION_REQUEST()
    request.Version = ntapi.SYSTEM_STORE_COMPRESSION_INFORMATION_VERSION_V1
    status = _store_request(seam, ntapi.MemCompressionInfoRequest, request)
    if not ntapi.nt_success(status):
        raise ntapi.NtError(status)
    return request


def _holds(working_set: int, data: int, compressed: int) -> int | None:
    # System Informer's estimate (sysscmem.c): the working set scaled by the lifetime ratio of
    # data compressed to compressed size.
    if not data or not compressed:
        return None
    return working_set * data // compressed


def read(seam: Seam, working_set_of: WorkingSetOf) -> CompressionStore | None:
    """The store from the kernel, else from the Memory Compression process; None when neither exists."""
    try:
        info = query_store(seam)
    except ntapi.NtError:
        info = None
    if info is not None and info.CompressionPid:
        working_set = int(info.WorkingSetSize)
        holds = _holds(working_set, int(info.TotalDataCompressed), int(info.TotalCompressedSize))
        return CompressionStore(int(info.CompressionPid), working_set, holds, "store")
    return from_process(working_set_of)


def from_process(working_set_of: WorkingSetOf) -> CompressionStore | None:
    """The store's size as the Memory Compression process's working set; None without that process."""
    size = working_set_of(PROCESS_NAME)
    if size is None:
        return None
    return CompressionStore(0, size, None, "process")


def process_working_set(name: str) -> int | None:
    """The working set of the first process called ``name`` (psutil), or None."""
    for proc in psutil.process_iter(["name"]):
        if proc.info.get("name") == name:
            try:
                return int(proc.memory_info().rss)  # rss is the working set on Windows
            except psutil.Error:
                return None
    return None


def trim(seam: Seam, page_size: int) -> Outcome:
    """Empty the compression store: a trim request for all of its working set (needs the privilege)."""
    info = query_store(seam)
    if not info.CompressionPid:
        raise ActionError(
            "memory compression is turned off on this PC, so there is no compression store to empty "
            "(PowerShell: Get-MMAgent shows it, Enable-MMAgent -MemoryCompression turns it on)"
        )
    before = int(info.WorkingSetSize)
    pages = -(-before // page_size)  # BYTES_TO_PAGES: the request needs a non-zero count
    if pages == 0:
        return Outcome("the compression store was already empty", {"store_before_bytes": 0})
    request = ntapi.SM_SYSTEM_STORE_TRIM_REQUEST()
    request.Version = ntapi.SYSTEM_STORE_TRIM_INFORMATION_VERSION_V1
    request.PagesToTrim = pages
    status = _store_request(seam, ntapi.SystemStoreTrimRequest, request)
    if not ntapi.nt_success(status):
        described = ntapi.describe(status)
        raise ActionError(
            f"Emptying the compression store was refused: {described}",
            {"ntstatus": described.hex, "status": described.name},
        )
    after = int(query_store(seam).WorkingSetSize)
    return Outcome(
        f"compression store {format_bytes(before)} → {format_bytes(after)}",
        {"store_before_bytes": before, "store_after_bytes": after},
    )
