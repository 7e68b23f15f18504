"""The PFN database through the Superfetch interface: physical ranges and page identities.

``NtQuerySystemInformation(SystemSuperfetchInformation = 79)`` takes a SUPERFETCH_INFORMATION
naming a Superfetch request; an elevated process holding SeProfileSingleProcessPrivilege may ask
for the physical memory ranges (SuperfetchMemoryRangesQuery) and, for any list of page frame
numbers, one MMPFN_IDENTITY per frame (SuperfetchPfnQuery): its use, list, priority and owner.
Layouts and constants: System Informer's phnt headers (SI below, commit 103cc43d); the calling
sequence (ranges first, version 1 then 2; the request header; the privilege): jonomango/superfetch
(JS below, commit bfdf15cd, include/superfetch/superfetch.h and nt.h).
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from app.backends.windows import ntapi
from app.backends.windows.seam import Seam

SYSTEM_SUPERFETCH_INFORMATION = 79  # SI phnt/include/ntexapi.h:2450 (line 2451 is // 80); JS nt.h:127
SUPERFETCH_PFN_QUERY = 6  # SUPERFETCH_INFORMATION_CLASS, SI ntpfapi.h:171 (enum from 1 at :166)
SUPERFETCH_MEMORY_RANGES_QUERY = 17  # SI ntpfapi.h:182
SUPERFETCH_INFORMATION_VERSION = 45  # SI ntpfapi.h:198 ("rev"); JS nt.h:32
SUPERFETCH_INFORMATION_MAGIC = int.from_bytes(b"kuhC", "big")  # 'kuhC' as MSVC packs it: SI ntpfapi.h:199
PF_PFN_PRIO_REQUEST_VERSION = 1  # SI ntpfapi.h:417
PF_PFN_PRIO_REQUEST_QUERY_MEMORY_LIST = 0x1  # SI ntpfapi.h:418; JS superfetch.h:81 sets it
RANGE_INFO_VERSIONS = (1, 2)  # SI ntpfapi.h:674, 683; JS superfetch.h:138-141 tries 1, then 2

# MMPFN_IDENTITY.u1 (MEMORY_FRAME_INFORMATION, SI phnt/include/ntmmapi.h:657-667): bit fields of a
# ULONGLONG — UseDescription 4 bits, ListDescription 3, Cold 1, Pinned 1, DontUse 48, Priority 3.
# The 48 DontUse bits (from bit 9) overlay the owner: UNIQUE_PROCESS_INFORMATION.UniqueProcessKey
# (ntmmapi.h:686-691), a file offset for mapped files or a page directory base (ntmmapi.h:670-683).
USE_BITS, LIST_SHIFT, LIST_BITS = 0xF, 4, 0x7
OWNER_SHIFT, OWNER_BITS = 9, (1 << 48) - 1
PRIORITY_SHIFT, PRIORITY_BITS = 57, 0x7

# MMPFNLIST_* (SI ntmmapi.h:606-613) and MMPFNUSE_* (ntmmapi.h:627-638).
(
    LIST_ZERO,
    LIST_FREE,
    LIST_STANDBY,
    LIST_MODIFIED,
    LIST_MODIFIED_NO_WRITE,
    LIST_BAD,
    LIST_ACTIVE,
    LIST_TRANSITION,
) = range(8)
USE_PROCESS_PRIVATE = 0
USE_NAMES = (
    "process_private",  # MMPFNUSE_PROCESSPRIVATE 0
    "mapped_file",  # MMPFNUSE_FILE 1
    "shareable",  # MMPFNUSE_PAGEFILEMAPPED 2 (RAMMap's "Shareable": pagefile-backed sections)
    "page_table",  # MMPFNUSE_PAGETABLE 3
    "paged_pool",  # MMPFNUSE_PAGEDPOOL 4
    "nonpaged_pool",  # MMPFNUSE_NONPAGEDPOOL 5
    "system_pte",  # MMPFNUSE_SYSTEMPTE 6
    "session_private",  # MMPFNUSE_SESSIONPRIVATE 7
    "metafile",  # MMPFNUSE_METAFILE 8
    "awe",  # MMPFNUSE_AWEPAGE 9
    "driver_locked",  # MMPFNUSE_DRIVERLOCKPAGE 10
    "kernel_stack",  # MMPFNUSE_KERNELSTACK 11
)
N_USES = 16  # the 4-bit field's range: values past 11 are counted, as "other"


class SUPERFETCH_INFORMATION(ctypes.Structure):  # noqa: N801 (the Windows name)
    """SI ntpfapi.h:201-208: Version, Magic, class, PVOID data, ULONG length."""

    _fields_ = [
        ("Version", ctypes.c_uint32),
        ("Magic", ctypes.c_uint32),
        ("SuperfetchInformationClass", ctypes.c_int32),
        ("SuperfetchInformation", ctypes.c_void_p),
        ("SuperfetchInformationLength", ctypes.c_uint32),
    ]


class PF_PHYSICAL_MEMORY_RANGE(ctypes.Structure):  # noqa: N801
    """SI ntpfapi.h:668-672."""

    _fields_ = [("BasePfn", ctypes.c_size_t), ("PageCount", ctypes.c_size_t)]


class PF_PHYSICAL_MEMORY_RANGE_INFO_V1(ctypes.Structure):  # noqa: N801
    """PF_PHYSICAL_MEMORY_RANGE_INFO_V1 header (SI ntpfapi.h:676-681); the ranges follow."""

    _fields_ = [("Version", ctypes.c_uint32), ("RangeCount", ctypes.c_uint32)]


class PF_PHYSICAL_MEMORY_RANGE_INFO_V2(ctypes.Structure):  # noqa: N801
    """PF_PHYSICAL_MEMORY_RANGE_INFO_V2 header (SI ntpfapi.h:685-691: RangeCount is a SIZE_T)."""

    _fields_ = [("Version", ctypes.c_uint32), ("Flags", ctypes.c_uint32), ("RangeCount", ctypes.c_size_t)]


class MMPFN_IDENTITY(ctypes.Structure):  # noqa: N801
    """SI ntmmapi.h:694-720: u1 (a ULONGLONG of bit fields), PageFrameIndex, u2 (pointer-sized)."""

    _fields_ = [("u1", ctypes.c_uint64), ("PageFrameIndex", ctypes.c_size_t), ("u2", ctypes.c_size_t)]


class PF_PFN_PRIO_REQUEST(ctypes.Structure):  # noqa: N801
    """SI ntpfapi.h:421-434 up to the identities (which follow it)."""

    _fields_ = [
        ("Version", ctypes.c_uint32),
        ("RequestFlags", ctypes.c_uint32),
        ("PfnCount", ctypes.c_size_t),
        ("MemInfo", ntapi.SYSTEM_MEMORY_LIST_INFORMATION),
    ]


def _ranges_offset(header: type[ctypes.Structure]) -> int:
    """Where Ranges[0] starts: the header padded to the range's alignment."""
    align = ctypes.alignment(PF_PHYSICAL_MEMORY_RANGE)
    return -(-ctypes.sizeof(header) // align) * align


_IDENTITY = np.dtype(
    {
        "names": ["u1", "pfn"],
        "formats": ["<u8", "<u8" if ctypes.sizeof(ctypes.c_size_t) == 8 else "<u4"],
        "offsets": [MMPFN_IDENTITY.u1.offset, MMPFN_IDENTITY.PageFrameIndex.offset],
        "itemsize": ctypes.sizeof(MMPFN_IDENTITY),
    }
)


class SuperfetchRefused(Exception):
    """The kernel refused a Superfetch request; ``status`` is its NTSTATUS (unsigned)."""

    def __init__(self, what: str, status: int):
        self.what = what
        self.status = ntapi.unsigned(status)
        super().__init__(f"{what}: {ntapi.describe(status)}")


class LayoutMismatch(Exception):
    """The kernel answered, but not in the layout RAMLens packs (another Windows version's request)."""


@dataclass(frozen=True)
class PhysicalRange:
    """One run of page frames the memory manager knows as RAM."""

    base_pfn: int
    pages: int


def _superfetch(seam: Seam, request: int, data: ctypes.Array[ctypes.c_char]) -> tuple[int, int]:
    """One Superfetch call over ``data``; (status, ReturnLength)."""
    info = SUPERFETCH_INFORMATION(
        SUPERFETCH_INFORMATION_VERSION,
        SUPERFETCH_INFORMATION_MAGIC,
        request,
        ctypes.cast(data, ctypes.c_void_p),
        len(data),
    )
    returned = ctypes.c_uint32()
    status = seam.nt_query_system_information(
        SYSTEM_SUPERFETCH_INFORMATION, ctypes.byref(info), ctypes.sizeof(info), ctypes.byref(returned)
    )
    return ntapi.unsigned(status), returned.value


def _ranges_of_version(seam: Seam, version: int) -> tuple[PhysicalRange, ...]:
    header = PF_PHYSICAL_MEMORY_RANGE_INFO_V1 if version == 1 else PF_PHYSICAL_MEMORY_RANGE_INFO_V2
    offset = _ranges_offset(header)
    # The first call states the size (JS superfetch.h:149-151: STATUS_BUFFER_TOO_SMALL and the length).
    size = offset + ctypes.sizeof(PF_PHYSICAL_MEMORY_RANGE)
    for _attempt in range(4):  # the ranges can grow between calls (memory hot-add)
        buffer = ctypes.create_string_buffer(size)
        header.from_buffer(buffer).Version = version
        status, needed = _superfetch(seam, SUPERFETCH_MEMORY_RANGES_QUERY, buffer)
        if status in (ntapi.STATUS_BUFFER_TOO_SMALL, ntapi.STATUS_INFO_LENGTH_MISMATCH) and needed > size:
            size = needed
            continue
        if not ntapi.nt_success(status):
            raise SuperfetchRefused(f"the physical ranges (version {version})", status)
        answer = header.from_buffer(buffer)
        count = int(answer.RangeCount)
        if answer.Version != version or offset + count * ctypes.sizeof(PF_PHYSICAL_MEMORY_RANGE) > size:
            raise LayoutMismatch(f"the physical-range answer (version {version}) has another layout")
        ranges = (PF_PHYSICAL_MEMORY_RANGE * count).from_buffer(buffer, offset)
        return tuple(PhysicalRange(int(r.BasePfn), int(r.PageCount)) for r in ranges)
    raise SuperfetchRefused("the physical ranges kept growing", ntapi.STATUS_BUFFER_TOO_SMALL)


def physical_ranges(seam: Seam) -> tuple[tuple[PhysicalRange, ...], int]:
    """The RAM ranges and the range-info version the kernel accepted (1, else 2).

    Raises SuperfetchRefused (the last refusal when no version is accepted) or LayoutMismatch.
    """
    refusal: SuperfetchRefused | None = None
    for version in RANGE_INFO_VERSIONS:
        try:
            return _ranges_of_version(seam, version), version
        except SuperfetchRefused as exc:
            if exc.status in (ntapi.STATUS_PRIVILEGE_NOT_HELD, ntapi.STATUS_ACCESS_DENIED):
                raise
            refusal = exc
    assert refusal is not None
    raise refusal


class PfnReader:
    """Reads the identities of consecutive page frames, ``chunk`` at a time, in one reused buffer."""

    def __init__(self, seam: Seam, chunk: int):
        self._seam = seam
        self.chunk = chunk
        self._offset = ctypes.sizeof(PF_PFN_PRIO_REQUEST)
        self._buffer = ctypes.create_string_buffer(self._offset + chunk * ctypes.sizeof(MMPFN_IDENTITY))
        self.lists = ntapi.SYSTEM_MEMORY_LIST_INFORMATION()  # the MemInfo of the last answer

    def read(self, first_pfn: int, count: int) -> npt.NDArray[np.uint64]:
        """The u1 words of ``count`` frames from ``first_pfn``; raises SuperfetchRefused / LayoutMismatch."""
        size = self._offset + count * ctypes.sizeof(MMPFN_IDENTITY)
        view = (ctypes.c_char * size).from_buffer(self._buffer)
        identities = np.frombuffer(
            memoryview(self._buffer), dtype=_IDENTITY, count=count, offset=self._offset
        )
        identities["u1"] = 0
        identities["pfn"] = np.arange(first_pfn, first_pfn + count, dtype=np.uint64)
        header = PF_PFN_PRIO_REQUEST.from_buffer(self._buffer)
        header.Version = PF_PFN_PRIO_REQUEST_VERSION
        header.RequestFlags = PF_PFN_PRIO_REQUEST_QUERY_MEMORY_LIST
        header.PfnCount = count
        status, _returned = _superfetch(self._seam, SUPERFETCH_PFN_QUERY, view)
        if not ntapi.nt_success(status):
            raise SuperfetchRefused("the page-frame query (SuperfetchPfnQuery)", status)
        # The frame numbers come back where they were put: anything else is another layout.
        if identities["pfn"][0] != first_pfn or identities["pfn"][-1] != first_pfn + count - 1:
            raise LayoutMismatch("the page-frame answer does not hold the frames asked for")
        ctypes.memmove(
            ctypes.addressof(self.lists), ctypes.addressof(header.MemInfo), ctypes.sizeof(self.lists)
        )
        return identities["u1"].copy()
