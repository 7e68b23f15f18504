"""A simulated Windows kernel behind the backend's seam, for testing the Windows backend on Linux.

Every DLL function is a Python function wrapped by ``seam.from_functions`` in a ctypes function
pointer with the real signature, so the backend's calls go through ctypes' argument conversion,
``byref`` and the caller's own buffers. The fake keeps page counts per list and writes them into
those buffers as raw bytes packed from the independent table in ``tests/windows/published.py``
(never from the backend's ctypes structures), so a layout mistake in the backend shows up as
wrong numbers. Each simulated behaviour names its source next to it; where no source says what
Windows does, the comment says "assumed" and docs/windows.md lists it as unverified.
"""

from __future__ import annotations

import ctypes
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from app.backends.windows import seam as seam_module
from tests.windows.fake_pfn import FakePfnDatabase, Segment, default_ranges
from tests.windows.published import (
    ASSUMED_SYSMAIN_STOPPED,
    ASSUMED_UNKNOWN_VERSION,
    IDENTITIES_OFFSET,
    INFO_CLASSES,
    LAYOUTS,
    NTSTATUS,
    PRIVILEGES,
    RANGES_OFFSET,
    STORE,
    SUPERFETCH,
    WIN32,
)

WIN81 = (6, 3, 9600)
WIN10 = (10, 0, 19045)
WIN11 = (10, 0, 22631)
SERVER_2022 = (10, 0, 20348)

STATUS_SUCCESS = NTSTATUS["STATUS_SUCCESS"]
STATUS_NOT_ALL_ASSIGNED = NTSTATUS["STATUS_NOT_ALL_ASSIGNED"]
STATUS_INVALID_INFO_CLASS = NTSTATUS["STATUS_INVALID_INFO_CLASS"]
STATUS_INFO_LENGTH_MISMATCH = NTSTATUS["STATUS_INFO_LENGTH_MISMATCH"]
STATUS_INVALID_PARAMETER = NTSTATUS["STATUS_INVALID_PARAMETER"]
STATUS_ACCESS_DENIED = NTSTATUS["STATUS_ACCESS_DENIED"]
STATUS_PRIVILEGE_NOT_HELD = NTSTATUS["STATUS_PRIVILEGE_NOT_HELD"]
STATUS_BUFFER_TOO_SMALL = NTSTATUS["STATUS_BUFFER_TOO_SMALL"]
STATUS_NOT_SUPPORTED = NTSTATUS["STATUS_NOT_SUPPORTED"]
STATUS_INTERNAL_ERROR = 0xC00000E5

QUOTA = PRIVILEGES["SE_INCREASE_QUOTA_PRIVILEGE"][0]
PROFILE = PRIVILEGES["SE_PROF_SINGLE_PROCESS_PRIVILEGE"][0]
DEBUG = PRIVILEGES["SE_DEBUG_PRIVILEGE"][0]

PDH_CSTATUS_NO_COUNTER = 0xC0000BB9
PDH_INVALID_HANDLE = 0xC0000BBC
PDH_INVALID_DATA = 0xC0000BC6
PDH_NO_DATA = 0x800007D5
PDH_FMT_LARGE = 0x400

ERROR_FILE_NOT_FOUND = 2
ERROR_ACCESS_DENIED = 5
ERROR_INVALID_HANDLE = 6
ERROR_NO_MORE_FILES = 18
ERROR_WRITE_PROTECT = 19
ERROR_NOT_READY = 21
ERROR_BAD_LENGTH = 24
ERROR_INVALID_PARAMETER = 87
ERROR_FILENAME_EXCED_RANGE = 206
ERROR_CANCELLED = 1223
ERROR_MORE_DATA = WIN32["ERROR_MORE_DATA"][0]
ERROR_HOTKEY_ALREADY_REGISTERED = WIN32["ERROR_HOTKEY_ALREADY_REGISTERED"][0]
HKEY_CURRENT_USER = WIN32["HKEY_CURRENT_USER"][0]
REG_SZ = WIN32["REG_SZ"][0]
RRF_RT_REG_SZ = WIN32["RRF_RT_REG_SZ"][0]

SIZE_MAX = 2**64 - 1
PROCESS_SET_QUOTA = 0x0100
GENERIC_WRITE = 0x40000000
CURRENT_PROCESS = 2**64 - 1  # GetCurrentProcess: "a pseudo handle … currently (HANDLE)-1" (MS docs)
SEE_MASK_NOCLOSEPROCESS = 0x40
SEE_MASK_NOASYNC = 0x100
IMAGE_FILE_MACHINE_I386 = 0x014C
IMAGE_FILE_MACHINE_AMD64 = 0x8664

SYSTEM_INFO_X64 = "<HHIQQQIIIHH"  # 48 bytes (MS sdk-api sysinfoapi/ns-sysinfoapi-system_info.md)
PDH_VALUE_LARGE = "<I4xq"  # 16 bytes: CStatus, then the union (LONGLONG at 8)

ENGLISH_COUNTERS = (
    r"\Memory\Available Bytes",
    r"\Memory\Free & Zero Page List Bytes",
    r"\Memory\Modified Page List Bytes",
    r"\Memory\Standby Cache Reserve Bytes",
    r"\Memory\Standby Cache Normal Priority Bytes",
    r"\Memory\Standby Cache Core Bytes",
    r"\Memory\Cache Bytes",
    r"\Memory\System Cache Resident Bytes",
    r"\Memory\Long-Term Average Standby Cache Lifetime (s)",
)
LIFETIME_COUNTER = r"\Memory\Long-Term Average Standby Cache Lifetime (s)"

_PACK = {1: "<B", 2: "<H", 4: "<I", 8: "<Q"}


def pack(layout: str, values: dict[str, Any]) -> bytes:
    """A structure's x64 bytes from the published table; fields not given are zero."""
    spec = LAYOUTS[layout]
    data = bytearray(spec.x64_size)
    for name, offset, width in spec.x64_format():
        value = values.get(name, 0)
        if width in _PACK:
            struct.pack_into(_PACK[width], data, offset, value)
        elif isinstance(value, (bytes, bytearray)):
            data[offset : offset + len(value)] = value
        else:  # an array of 8-byte counts
            struct.pack_into(f"<{width // 8}Q", data, offset, *(value or [0] * (width // 8)))
    return bytes(data)


def unpack(layout: str, data: bytes) -> dict[str, int]:
    """A structure's scalar fields from x64 bytes, by the published table."""
    spec = LAYOUTS[layout]
    return {
        name: struct.unpack_from(_PACK[width], data, offset)[0]
        for name, offset, width in spec.x64_format()
        if width in _PACK and offset + width <= len(data)
    }


def signed(status: int) -> int:
    """An unsigned NTSTATUS as the signed 32-bit value a function returns."""
    return status - 2**32 if status >= 2**31 else status


def _identity_dtype(size: int) -> np.dtype[np.void]:
    """MMPFN_IDENTITY's u1 and PageFrameIndex at their published x64 offsets, in ``size``-byte records."""
    fields = {name: offset for name, offset, _width in LAYOUTS["MMPFN_IDENTITY"].x64_format()}
    names = ["u1", "PageFrameIndex"]
    return np.dtype(
        {"names": names, "formats": ["<u8", "<u8"], "offsets": [fields[n] for n in names], "itemsize": size}
    )


def _write(address: int, data: bytes) -> None:
    ctypes.memmove(address, data, len(data))


def _address(pointer: Any) -> int:
    value = ctypes.cast(pointer, ctypes.c_void_p).value
    assert value, "NULL pointer passed where Windows needs a buffer"
    return value


@dataclass
class FakeProcess:
    """A process's working set: clean pages go to standby when trimmed, dirty ones to modified."""

    clean: int
    dirty: int
    own: bool = True  # belongs to the user: a standard user may open it
    protected: bool = False  # nobody may open it for PROCESS_SET_QUOTA


@dataclass
class FakeVolume:
    """A volume as FindFirstVolumeW lists it; ``dirty`` pages of its cache sit on the modified list."""

    guid: str
    dirty: int = 0
    ready: bool = True
    writable: bool = True
    flush_error: int = 0
    flushes: int = 0

    @property
    def listed_name(self) -> str:
        return f"\\\\?\\Volume{{{self.guid}}}\\"

    @property
    def device_name(self) -> str:
        return f"\\\\.\\Volume{{{self.guid}}}"


@dataclass
class FakePageFile:
    """One page file as class 18 lists it, in pages."""

    name: str
    total: int
    in_use: int
    peak: int


@dataclass
class FakeWindows:
    """The simulated machine: version, token, page counts, processes, volumes, counters."""

    version: tuple[int, int, int] = WIN11
    product_type: int = 1  # VER_NT_WORKSTATION
    admin: bool = True  # the token is elevated (TokenElevation)
    page_size: int = 4096
    held: set[int] | None = None  # privileges the token holds; default: all three when admin
    # How a refused RtlAdjustPrivilege answers: PRIVILEGE_NOT_HELD, or the success code
    # STATUS_NOT_ALL_ASSIGNED that NtAdjustPrivilegesToken returns when the token lacks the
    # privilege (SI phlib/nativetoken.c:1710-1726 checks for exactly that after the call; MS
    # AdjustTokenPrivileges: succeeds with ERROR_NOT_ALL_ASSIGNED).
    adjust_refusal: int = STATUS_PRIVILEGE_NOT_HELD
    zeroed: int = 40_000
    free: int = 10_000
    standby: list[int] = field(default_factory=lambda: [1000, 2000, 3000, 4000, 50_000, 60_000, 7000, 8000])
    modified: int = 30_000
    modified_pagefile: int = 12_000
    modified_no_write: int = 500
    bad: int = 3
    repurposed: list[int] = field(default_factory=lambda: [11, 12, 13, 14, 15, 16, 17, 18])
    file_cache: int = 25_000
    file_cache_peak: int = 90_000
    combinable: int = 1_500
    kernel: int = 200_000
    paged_pool: int = 60_000  # part of ``kernel``
    nonpaged_pool: int = 20_000  # part of ``kernel``
    store: int = 9_000  # the compression store's working set, in pages (in use)
    store_data: int = 27_000  # pages of data the store holds, uncompressed
    compression: bool = True  # memory compression on (Get-MMAgent): the store exists
    commit_charge: int = 600_000
    commit_limit: int = 1_200_000
    commit_peak: int = 700_000
    job_commit_limit: int | None = None  # the process runs in a job with this commit limit
    pagefiles: list[FakePageFile] = field(
        default_factory=lambda: [FakePageFile(r"\??\C:\pagefile.sys", 262_144, 30_000, 50_000)]
    )
    standby_lifetime: int | None = 5400  # seconds; None: the counter does not exist
    # Class 80's answer length when a Windows version writes more (a later, longer structure) or
    # less (Windows 7 stopped before ModifiedPageCountPageFile) than the published 176 bytes.
    memory_list_size: int = LAYOUTS["SYSTEM_MEMORY_LIST_INFORMATION"].x64_size
    always_longer: bool = False  # a broken kernel that always asks for more (bounds the retries)
    wow64: bool = False  # a 32-bit process on 64-bit Windows
    has_wow64_process2: bool = True  # Windows 10 1511 and later
    processes: dict[int, FakeProcess] = field(default_factory=dict)
    volumes: list[FakeVolume] = field(default_factory=list)
    refuse: dict[tuple[str, int], int] = field(default_factory=dict)  # (query|set, class) -> NTSTATUS
    pdh_missing: set[str] = field(default_factory=set)
    pdh_open_status: int = 0
    shell_answer: str = "yes"  # yes | cancel
    # What an elevated child command does: (exit code, output) from its arguments.
    child: Callable[[list[str]], tuple[int, str]] = lambda argv: (0, f"ran {' '.join(argv)}\n")
    enabled: set[int] = field(default_factory=set)
    calls: list[tuple[Any, ...]] = field(default_factory=list)
    errors: list[BaseException] = field(default_factory=list)
    launched: list[dict[str, Any]] = field(default_factory=list)
    registry_flushes: int = 0
    # The registry under HKEY_CURRENT_USER: (key, value name) lower-cased -> (type, data bytes).
    registry: dict[tuple[str, str], tuple[int, bytes]] = field(default_factory=dict)
    registry_error: int = 0  # answer every registry call with this error (e.g. ERROR_ACCESS_DENIED)
    # Hotkeys: (hwnd, id) -> (modifiers, virtual key); taken_by_others: combinations another program holds.
    hotkeys: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    taken_by_others: set[tuple[int, int]] = field(default_factory=set)
    com_initialised: bool = False
    last_error: int = 0
    # The PFN database behind SystemSuperfetchInformation (class 79): made from the list counts
    # above (and laid over ``pfn_ranges``, default: default_ranges) when first asked for.
    pfn_ranges: list[tuple[int, int]] | None = None
    sysmain_running: bool = True
    sysmain_stopped_status: int = ASSUMED_SYSMAIN_STOPPED
    range_versions: frozenset[int] = frozenset({1, 2})  # the range-info versions this Windows takes
    superfetch_version: int = SUPERFETCH["SUPERFETCH_INFORMATION_VERSION"][0]
    pfn_request_version: int = SUPERFETCH["PF_PFN_PRIO_REQUEST_VERSION"][0]
    identity_size: int = LAYOUTS["MMPFN_IDENTITY"].x64_size  # another size: a kernel of another layout
    pfns_outside: int = 0  # frames asked for that lie outside every range

    def __post_init__(self) -> None:
        if self.held is None:
            self.held = {QUOTA, PROFILE, DEBUG} if self.admin else set()
        if not self.processes:
            self.processes = {
                100: FakeProcess(clean=9000, dirty=3000),
                200: FakeProcess(clean=5000, dirty=1000),
                4: FakeProcess(clean=100, dirty=50, own=False, protected=True),
                300: FakeProcess(clean=2000, dirty=500, own=False),
            }
        if not self.volumes:
            self.volumes = [
                FakeVolume("11111111-aaaa-bbbb-cccc-000000000001", dirty=4000),
                FakeVolume("22222222-aaaa-bbbb-cccc-000000000002", dirty=1000),
                FakeVolume("33333333-aaaa-bbbb-cccc-000000000003", ready=False),
            ]
        self._handles: dict[int, tuple[Any, ...]] = {}
        self._next_handle = 0x100
        self.store_pid = 2468
        self._pfn: tuple[tuple[int, ...], FakePfnDatabase] | None = None

    # -- the state -----------------------------------------------------------------------------

    @property
    def active(self) -> int:
        """Pages in use: the kernel, working sets, the file cache, the store, pages to be combined."""
        working_sets = sum(p.clean + p.dirty for p in self.processes.values())
        return self.kernel + working_sets + self.file_cache + self.combinable + self.store

    @property
    def total(self) -> int:
        return (
            self.active
            + self.zeroed
            + self.free
            + sum(self.standby)
            + self.modified
            + self.modified_no_write
            + self.bad
        )

    @property
    def available(self) -> int:
        return sum(self.standby) + self.free + self.zeroed

    @property
    def open_handles(self) -> dict[int, tuple[Any, ...]]:
        """Handles still open, except performance-counter queries (the backend keeps those open)."""
        return {h: w for h, w in self._handles.items() if not w[0].startswith("pdh-")}

    @property
    def pdh_queries(self) -> list[tuple[str, ...]]:
        """The counter paths of each open pdh query."""
        return [
            tuple(sorted(w[2] for w in self._handles.values() if w[0] == "pdh-counter" and w[1] == h))
            for h, q in self._handles.items()
            if q[0] == "pdh-query"
        ]

    def supports(self, info_class: int) -> bool:
        # Combining: Windows 10 (MR src/main.c:462 gates it on WINDOWS_10; SI memlists.c calls it
        # unconditionally); the store requests: Windows 10 (phnt ntexapi.h:5073, 5104 "// WIN10");
        # registry reconciliation: Windows 8.1 (MR src/main.c:450), so every Python 3.10 host.
        if info_class in (109, 130):
            return self.version >= WIN10
        return info_class in (18, 21, 79, 80, 81, 155)

    def _handle(self, *what: Any) -> int:
        self._next_handle += 4
        self._handles[self._next_handle] = what
        return self._next_handle

    def _needs(self, privilege: int) -> int:
        return STATUS_SUCCESS if privilege in self.enabled else STATUS_PRIVILEGE_NOT_HELD

    # -- ntdll: NtQuerySystemInformation -----------------------------------------------------

    def nt_query_system_information(
        self, info_class: int, address: int | None, length: int, returned: Any
    ) -> int:
        self.calls.append(("query", info_class, length))
        if ("query", info_class) in self.refuse:
            return signed(self.refuse[("query", info_class)])
        if not self.supports(info_class):
            return signed(STATUS_INVALID_INFO_CLASS)
        if info_class == 109:
            return signed(self._store(address, length))
        if info_class == INFO_CLASSES["SystemSuperfetchInformation"][0]:
            return signed(self._superfetch(address, length, returned))
        if info_class == 80:
            # SI enables SeProfileSingleProcessPrivilege before its first class-80 query
            # (memlists.c:743); without it the query is refused (assumed: as the set is, ntexapi.h:2451).
            if self._needs(PROFILE):
                return signed(STATUS_PRIVILEGE_NOT_HELD)
            data = self._memory_lists()
        elif info_class == 21:
            ps = self.page_size
            data = pack(
                "SYSTEM_FILECACHE_INFORMATION",
                {
                    "CurrentSize": self.file_cache * ps,
                    "PeakSize": self.file_cache_peak * ps,
                    "PageFaultCount": 777,
                },
            )
        elif info_class == 18:
            data = self._page_files()
        else:
            return signed(STATUS_INVALID_PARAMETER)
        # MS NtQuerySystemInformation, ReturnLength: the size of the information; when it exceeds
        # the buffer, an error status and the size needed. A larger buffer is fine: SI passes its
        # full structure on every version (memlists.c:81-87) and grows buffers to the size the
        # kernel names (phlib/native.c:1549-1560, 2045-2063).
        if returned:
            returned[0] = len(data)
        if length < len(data):
            return signed(STATUS_INFO_LENGTH_MISMATCH)
        assert address, "NULL buffer with a sufficient length"
        _write(address, data)
        return STATUS_SUCCESS

    def _memory_lists(self) -> bytes:
        if self.always_longer:
            self.memory_list_size += 64
        data = pack(
            "SYSTEM_MEMORY_LIST_INFORMATION",
            {
                "ZeroPageCount": self.zeroed,
                "FreePageCount": self.free,
                "ModifiedPageCount": self.modified,
                "ModifiedNoWritePageCount": self.modified_no_write,
                "BadPageCount": self.bad,
                "PageCountByPriority": self.standby,
                "RepurposedPagesByPriority": self.repurposed,
                "ModifiedPageCountPageFile": self.modified_pagefile,
            },
        )
        return data[: self.memory_list_size].ljust(self.memory_list_size, b"\x5a")

    # -- the PFN database (class 79) -----------------------------------------------------------

    def pfn_database(self) -> FakePfnDatabase:
        """The frames behind the list counts now (remade when the counts change)."""
        key = (
            self.zeroed,
            self.free,
            *self.standby,
            self.modified,
            self.modified_no_write,
            self.bad,
            self.active,
        )
        if self._pfn is None or self._pfn[0] != key:
            ranges = self.pfn_ranges or default_ranges(self.total)
            self._pfn = (key, FakePfnDatabase(ranges, self._segments()))
        return self._pfn[1]

    def _segments(self) -> list[Segment]:
        """Every frame's identity, by list: standby and modified partly private to processes 100 and 200."""
        private, file, shareable = "MMPFNUSE_PROCESSPRIVATE", "MMPFNUSE_FILE", "MMPFNUSE_PAGEFILEMAPPED"
        segs = [
            Segment(self.zeroed, private, "MMPFNLIST_ZERO"),
            Segment(self.free, file, "MMPFNLIST_FREE"),  # a stale use: Unused whatever it says
            Segment(self.bad, private, "MMPFNLIST_BAD"),
            Segment(self.modified_no_write, "MMPFNUSE_METAFILE", "MMPFNLIST_MODIFIEDNOWRITE"),
        ]
        for p, pages in enumerate(self.standby):
            owner = 100 if p % 2 == 0 else 200
            segs += [
                Segment(pages // 10, private, "MMPFNLIST_STANDBY", p, owner),
                Segment(pages // 10, shareable, "MMPFNLIST_STANDBY", p),
                Segment(pages - 2 * (pages // 10), file, "MMPFNLIST_STANDBY", p),
            ]
        m = self.modified
        segs += [
            Segment(m // 4, private, "MMPFNLIST_MODIFIED", 0, 100),
            Segment(m // 8, private, "MMPFNLIST_MODIFIED", 0, 200),
            Segment(m // 8, shareable, "MMPFNLIST_MODIFIED"),
            Segment(m - m // 4 - 2 * (m // 8), file, "MMPFNLIST_MODIFIED"),
        ]
        active = "MMPFNLIST_ACTIVE"
        transition = min(64, self.file_cache)
        segs.append(Segment(transition, file, "MMPFNLIST_TRANSITION"))
        segs.append(Segment(self.file_cache - transition, file, active))
        for pid, proc in self.processes.items():
            segs.append(Segment(proc.clean + proc.dirty, private, active, 0, pid))
        segs.append(Segment(self.store, private, active, 0, self.store_pid))
        segs.append(Segment(self.combinable, shareable, active))
        segs.append(Segment(self.paged_pool, "MMPFNUSE_PAGEDPOOL", active))
        segs.append(Segment(self.nonpaged_pool, "MMPFNUSE_NONPAGEDPOOL", active))
        rest = self.kernel - self.paged_pool - self.nonpaged_pool
        kernel_uses = (
            ("MMPFNUSE_PAGETABLE", 4),
            ("MMPFNUSE_KERNELSTACK", 16),
            ("MMPFNUSE_DRIVERLOCKPAGE", 32),
            ("MMPFNUSE_SESSIONPRIVATE", 32),
            ("MMPFNUSE_AWEPAGE", 64),
        )
        for use, share in kernel_uses:
            segs.append(Segment(rest // share, use, active))
        segs.append(
            Segment(rest - sum(rest // share for _, share in kernel_uses), "MMPFNUSE_SYSTEMPTE", active)
        )
        return [s for s in segs if s.pages]

    def _superfetch(self, address: int | None, length: int, returned: Any) -> int:
        # The privilege first, as JS superfetch.h:127-129 enables it before any query.
        if self._needs(PROFILE):
            return STATUS_PRIVILEGE_NOT_HELD
        if not address or length < LAYOUTS["SUPERFETCH_INFORMATION"].x64_size:
            return STATUS_INFO_LENGTH_MISMATCH
        info = unpack("SUPERFETCH_INFORMATION", ctypes.string_at(address, length))
        if (
            info["Version"] != self.superfetch_version
            or info["Magic"] != SUPERFETCH["SUPERFETCH_INFORMATION_MAGIC"][0]
        ):
            return ASSUMED_UNKNOWN_VERSION
        if not self.sysmain_running:
            return self.sysmain_stopped_status
        request, data, size = (
            info["SuperfetchInformationClass"],
            info["SuperfetchInformation"],
            info["SuperfetchInformationLength"],
        )
        if request == SUPERFETCH["SuperfetchMemoryRangesQuery"][0]:
            return self._ranges_answer(data, size, returned)
        if request == SUPERFETCH["SuperfetchPfnQuery"][0]:
            return self._pfn_answer(data, size)
        return STATUS_INVALID_PARAMETER

    def _ranges_answer(self, data: int, size: int, returned: Any) -> int:
        version = struct.unpack("<I", ctypes.string_at(data, 4))[0]
        if version not in self.range_versions:
            return ASSUMED_UNKNOWN_VERSION
        ranges = self.pfn_database().ranges
        if version == 1:
            header = pack("PF_PHYSICAL_MEMORY_RANGE_INFO_V1", {"Version": 1, "RangeCount": len(ranges)})
        else:
            header = pack("PF_PHYSICAL_MEMORY_RANGE_INFO_V2", {"Version": 2, "RangeCount": len(ranges)})
        body = b"".join(pack("PF_PHYSICAL_MEMORY_RANGE", {"BasePfn": b, "PageCount": n}) for b, n in ranges)
        answer = header.ljust(RANGES_OFFSET[version], b"\0") + body
        if returned:
            returned[0] = len(answer)
        if size < len(answer):  # JS superfetch.h:149-151 relies on this answer and length
            return STATUS_BUFFER_TOO_SMALL
        _write(data, answer)
        return STATUS_SUCCESS

    def _pfn_answer(self, data: int, size: int) -> int:
        request = unpack("PF_PFN_PRIO_REQUEST", ctypes.string_at(data, IDENTITIES_OFFSET))
        if request["Version"] != self.pfn_request_version:
            return ASSUMED_UNKNOWN_VERSION
        count = request["PfnCount"]
        stride = LAYOUTS["MMPFN_IDENTITY"].x64_size
        if size < IDENTITIES_OFFSET + count * stride:
            return STATUS_BUFFER_TOO_SMALL
        region = (ctypes.c_uint8 * (count * stride)).from_address(data + IDENTITIES_OFFSET)
        table = np.frombuffer(region, dtype=_identity_dtype(stride))  # the caller's buffer, in place
        pfns = table["PageFrameIndex"].copy()
        words, outside = self.pfn_database().words(pfns.view(np.int64))
        self.pfns_outside += outside
        # Written with this kernel's identity size: another size is what another layout would do.
        out = table if self.identity_size == stride else np.empty(count, _identity_dtype(self.identity_size))
        out.view(np.uint8)[:] = 0
        out["u1"], out["PageFrameIndex"] = words, pfns
        if out is not table:
            written = out.view(np.uint8)[: count * stride]
            np.frombuffer(region, dtype=np.uint8)[: len(written)] = written
        if request["RequestFlags"] & SUPERFETCH["PF_PFN_PRIO_REQUEST_QUERY_MEMORY_LIST"][0]:
            offset = dict((n, o) for n, o, _w in LAYOUTS["PF_PFN_PRIO_REQUEST"].x64_format())["MemInfo"]
            _write(data + offset, self._memory_lists()[: LAYOUTS["SYSTEM_MEMORY_LIST_INFORMATION"].x64_size])
        return STATUS_SUCCESS

    def _page_files(self) -> bytes:
        # A chain of SYSTEM_PAGEFILE_INFORMATION entries, each followed by its UTF-16 name and
        # padded to 8 bytes; NextEntryOffset 0 ends it (phnt ntexapi.h:3117-3124; SI native.c:2340-2378
        # walks it so). With no page file the answer is empty (assumed).
        out = b""
        for index, page_file in enumerate(self.pagefiles):
            name = page_file.name.encode("utf-16-le")
            entry_size = LAYOUTS["SYSTEM_PAGEFILE_INFORMATION"].x64_size
            size = (entry_size + len(name) + 2 + 7) // 8 * 8
            last = index == len(self.pagefiles) - 1
            entry = pack(
                "SYSTEM_PAGEFILE_INFORMATION",
                {
                    "NextEntryOffset": 0 if last else size,
                    "TotalSize": page_file.total,
                    "TotalInUse": page_file.in_use,
                    "PeakUsage": page_file.peak,
                    "NameLength": len(name),
                    "NameMaximumLength": len(name) + 2,
                },
            )
            out += (entry + name + b"\0\0").ljust(size, b"\0")
        return out

    def _store(self, address: int | None, length: int) -> int:
        # SystemStoreInformation: "requires SeProfileSingleProcessPrivilege" (ntexapi.h:2480);
        # the envelope is SYSTEM_STORE_INFORMATION (ntexapi.h:4640-4646, 24 bytes: system.c:59);
        # SI sends both its requests through NtQuerySystemInformation (native.c:6875, 6926).
        if self._needs(PROFILE):
            return STATUS_PRIVILEGE_NOT_HELD
        if length < LAYOUTS["SYSTEM_STORE_INFORMATION"].x64_size:
            return STATUS_INFO_LENGTH_MISMATCH
        assert address, "NULL buffer with a sufficient length"
        envelope = unpack("SYSTEM_STORE_INFORMATION", ctypes.string_at(address, length))
        if envelope["Version"] != STORE["SYSTEM_STORE_INFORMATION_VERSION"][0] or not envelope["Data"]:
            return STATUS_INVALID_PARAMETER
        request, data, size = envelope["StoreInformationClass"], envelope["Data"], envelope["Length"]
        self.calls.append(("store", request, size))
        if request == STORE["MemCompressionInfoRequest"][0]:
            return self._compression_info(data, size)
        if request == STORE["SystemStoreTrimRequest"][0]:
            return self._store_trim(data, size)
        return STATUS_INVALID_PARAMETER

    def _compression_info(self, data: int, size: int) -> int:
        # Version 3 with its 40-byte input/output size (ntexapi.h:5104, 5109, 5114). A store with
        # memory compression off has no process: CompressionPid 0 (SI system.c:87 checks for it).
        layout = "SM_STORE_COMPRESSION_INFORMATION_REQUEST"
        if size < LAYOUTS[layout].x64_size:
            return STATUS_INFO_LENGTH_MISMATCH
        if unpack(layout, ctypes.string_at(data, size))["Version"] & 0xFF != 3:
            return STATUS_INVALID_PARAMETER
        ps = self.page_size
        on = self.compression
        # Compressed size: the store's working set here (assumed: no store pages on disk).
        answer = {
            "Version": 3,
            "CompressionPid": self.store_pid if on else 0,
            "WorkingSetSize": self.store * ps if on else 0,
            "TotalDataCompressed": self.store_data * ps if on else 0,
            "TotalCompressedSize": self.store * ps if on else 0,
            "TotalUniqueDataCompressed": self.store_data * ps if on else 0,
        }
        _write(data, pack(layout, answer))
        return STATUS_SUCCESS

    def _store_trim(self, data: int, size: int) -> int:
        # Version 1, 16 bytes (ntexapi.h:5073, 5078, 5083); PagesToTrim "Must be non-zero" (5068).
        layout = "SM_SYSTEM_STORE_TRIM_REQUEST"
        if size < LAYOUTS[layout].x64_size:
            return STATUS_INFO_LENGTH_MISMATCH
        fields = unpack(layout, ctypes.string_at(data, size))
        if fields["Version"] & 0xFF != 1 or not fields["PagesToTrim"]:
            return STATUS_INVALID_PARAMETER
        # Trimmed store pages leave its working set for the modified list, bound for the page
        # file (assumed: no source describes where they go).
        trimmed = min(self.store, fields["PagesToTrim"])
        self.calls.append(("store-trim", fields["PagesToTrim"]))
        self.store -= trimmed
        self.modified += trimmed
        self.modified_pagefile += trimmed
        return STATUS_SUCCESS

    # -- ntdll: NtSetSystemInformation -------------------------------------------------------

    def nt_set_system_information(self, info_class: int, address: int | None, length: int) -> int:
        self.calls.append(("set", info_class, length))
        if ("set", info_class) in self.refuse:
            return signed(self.refuse[("set", info_class)])
        if not self.supports(info_class):
            return signed(STATUS_INVALID_INFO_CLASS)
        handler = {
            80: self._memory_list_command,
            81: self._file_cache,
            21: self._file_cache,
            130: self._combine,
            155: self._registry,
        }.get(info_class)
        if handler is None:
            return signed(STATUS_INVALID_PARAMETER)
        return signed(handler(address, length))

    def _memory_list_command(self, address: int | None, length: int) -> int:
        # s: SYSTEM_MEMORY_LIST_COMMAND, "requires SeProfileSingleProcessPrivilege" (ntexapi.h:2451);
        # passed as sizeof(SYSTEM_MEMORY_LIST_COMMAND), 4 bytes (SI memlists.c:207-211, MR main.c:394).
        if self._needs(PROFILE):
            return STATUS_PRIVILEGE_NOT_HELD
        if length != 4:
            return STATUS_INFO_LENGTH_MISMATCH
        assert address, "NULL buffer with a non-zero length"
        (command,) = struct.unpack("<i", ctypes.string_at(address, 4))
        self.calls.append(("command", command))
        # Where the pages go is what RAMMap and System Informer show after each command (the
        # movement itself is described by Mark Russinovich's RAMMap help, not by a header).
        if command == 2:  # empty working sets: clean pages to standby, dirty pages to modified
            for proc in self.processes.values():
                self._trim(proc)
        elif command == 3:  # flush modified: written pages become standby
            self.standby[5] += self.modified
            self.modified = self.modified_pagefile = 0
            for volume in self.volumes:
                volume.dirty = 0
        elif command == 4:  # purge standby: every priority to free
            self.free += sum(self.standby)
            self.standby = [0] * 8
        elif command == 5:  # purge low-priority standby: priority 0 only
            self.free += self.standby[0]
            self.standby[0] = 0
        elif command not in (0, 1):
            return STATUS_INVALID_PARAMETER
        return STATUS_SUCCESS

    def _trim(self, proc: FakeProcess) -> None:
        self.standby[5] += proc.clean
        self.modified += proc.dirty
        self.modified_pagefile += proc.dirty
        proc.clean = proc.dirty = 0

    def _file_cache(self, address: int | None, length: int) -> int:
        # s: "requires SeIncreaseQuotaPrivilege" (ntexapi.h:2392, 2452); SI and MR pass the whole
        # structure with minimum = maximum = MAXSIZE_T, flags 0 (memlists.c:396-405, MR main.c:406).
        if self._needs(QUOTA):
            return STATUS_PRIVILEGE_NOT_HELD
        if length != LAYOUTS["SYSTEM_FILECACHE_INFORMATION"].x64_size:
            return STATUS_INFO_LENGTH_MISMATCH
        assert address, "NULL buffer with a non-zero length"
        fields = unpack("SYSTEM_FILECACHE_INFORMATION", ctypes.string_at(address, length))
        minimum, maximum, flags = fields["MinimumWorkingSet"], fields["MaximumWorkingSet"], fields["Flags"]
        self.calls.append(("file-cache", minimum, maximum, flags))
        if minimum == maximum == SIZE_MAX and flags == 0:
            self.standby[5] += self.file_cache
            self.file_cache = 0
        return STATUS_SUCCESS

    def _combine(self, address: int | None, length: int) -> int:
        # MEMORY_COMBINE_INFORMATION_EX, zeroed, sizeof 24 (SI memlists.c:307-314, MR main.c:466);
        # PagesCombined comes back (SI memlists.c:323 prints it).
        if self._needs(PROFILE):
            return STATUS_PRIVILEGE_NOT_HELD
        layout = "MEMORY_COMBINE_INFORMATION_EX"
        if length != LAYOUTS[layout].x64_size:
            return STATUS_INFO_LENGTH_MISMATCH
        assert address, "NULL buffer with a non-zero length"
        fields = unpack(layout, ctypes.string_at(address, length))
        if fields["EventHandle"] or fields["PagesCombined"] or fields["Flags"]:
            return STATUS_INVALID_PARAMETER
        _write(address, pack(layout, {"PagesCombined": self.combinable}))
        self.free += self.combinable
        self.combinable = 0
        return STATUS_SUCCESS

    def _registry(self, address: int | None, length: int) -> int:
        # "s: NULL (requires admin)" (ntexapi.h:2526); called with NULL, 0 (SI memlists.c:378).
        if address or length:
            return STATUS_INVALID_PARAMETER
        if not self.admin:
            return STATUS_ACCESS_DENIED
        self.registry_flushes += 1
        return STATUS_SUCCESS

    # -- ntdll: privileges and version ---------------------------------------------------------

    def rtl_adjust_privilege(self, privilege: int, enable: int, thread: int, was_enabled: Any) -> int:
        self.calls.append(("privilege", privilege, enable, thread))
        assert self.held is not None
        if privilege not in self.held:
            return signed(self.adjust_refusal)
        was_enabled[0] = int(privilege in self.enabled)
        if enable:
            self.enabled.add(privilege)
        else:
            self.enabled.discard(privilege)
        return STATUS_SUCCESS

    def rtl_get_version(self, info: Any) -> int:
        # dwOSVersionInfoSize selects OSVERSIONINFOW (276) or OSVERSIONINFOEXW (284); only the EX
        # form carries wProductType (MS sdk-api wdm/nf-wdm-rtlgetversion.md, osversioninfoexw.md).
        address = _address(info)
        (size,) = struct.unpack("<I", ctypes.string_at(address, 4))
        if size not in (276, LAYOUTS["RTL_OSVERSIONINFOEXW"].x64_size):
            return signed(STATUS_INVALID_PARAMETER)
        major, minor, build = self.version
        values = {
            "dwOSVersionInfoSize": size,
            "dwMajorVersion": major,
            "dwMinorVersion": minor,
            "dwBuildNumber": build,
            "dwPlatformId": 2,
            "wProductType": self.product_type,
        }
        _write(address, pack("RTL_OSVERSIONINFOEXW", values)[:size])
        return STATUS_SUCCESS

    # -- kernel32 ------------------------------------------------------------------------------

    def get_system_info(self, info: Any) -> None:
        data = struct.pack(
            SYSTEM_INFO_X64, 9, 0, self.page_size, 0x10000, 0x7FFFFFFEFFFF, 0xFF, 8, 8664, 65536, 6, 0
        )
        _write(_address(info), data)

    def global_memory_status_ex(self, status: Any) -> int:
        # dwLength must be set first (MS memorystatusex.md); ullTotalPageFile is "the current
        # committed memory limit for the system or the current process, whichever is smaller".
        address = _address(status)
        (length,) = struct.unpack("<I", ctypes.string_at(address, 4))
        if length != LAYOUTS["MEMORYSTATUSEX"].x64_size:
            self.last_error = ERROR_INVALID_PARAMETER
            return 0
        ps = self.page_size
        limit = (
            self.commit_limit
            if self.job_commit_limit is None
            else min(self.commit_limit, self.job_commit_limit)
        )
        values = {
            "dwLength": length,
            "dwMemoryLoad": 100 - 100 * self.available // self.total,
            "ullTotalPhys": self.total * ps,
            "ullAvailPhys": self.available * ps,
            "ullTotalPageFile": limit * ps,
            "ullAvailPageFile": max(0, limit - self.commit_charge) * ps,
            "ullTotalVirtual": 2**47,
            "ullAvailVirtual": 2**46,
        }
        _write(address, pack("MEMORYSTATUSEX", values))
        return 1

    def get_performance_info(self, info: Any, size: int) -> int:
        # cb: the structure's size (MS psapi/nf-psapi-getperformanceinfo.md); counts in pages,
        # PageSize in bytes (performance_information.md). Too small a size: ERROR_BAD_LENGTH (assumed).
        if size < LAYOUTS["PERFORMANCE_INFORMATION"].x64_size:
            self.last_error = ERROR_BAD_LENGTH
            return 0
        values = {
            "cb": LAYOUTS["PERFORMANCE_INFORMATION"].x64_size,
            "CommitTotal": self.commit_charge,
            "CommitLimit": self.commit_limit,
            "CommitPeak": self.commit_peak,
            "PhysicalTotal": self.total,
            "PhysicalAvailable": self.available,
            # "the size of the standby list plus the system working set" (performance_information.md)
            "SystemCache": sum(self.standby) + self.file_cache,
            "KernelTotal": self.paged_pool + self.nonpaged_pool,
            "KernelPaged": self.paged_pool,
            "KernelNonpaged": self.nonpaged_pool,
            "PageSize": self.page_size,
            "HandleCount": 40_000,
            "ProcessCount": len(self.processes),
            "ThreadCount": 2_000,
        }
        _write(_address(info), pack("PERFORMANCE_INFORMATION", values))
        return 1

    def get_current_process(self) -> int:
        return CURRENT_PROCESS

    def is_wow64_process2(self, process: int | None, machine: Any, native: Any) -> int:
        # ProcessMachine is IMAGE_FILE_MACHINE_UNKNOWN unless the process runs under WOW64
        # (MS sdk-api wow64apiset/nf-wow64apiset-iswow64process2.md).
        self.calls.append(("wow64", "IsWow64Process2"))
        machine[0] = IMAGE_FILE_MACHINE_I386 if self.wow64 else 0
        native[0] = IMAGE_FILE_MACHINE_AMD64
        return 1

    def is_wow64_process(self, process: int | None, wow64: Any) -> int:
        self.calls.append(("wow64", "IsWow64Process"))
        wow64[0] = int(self.wow64)
        return 1

    def open_process_token(self, process: int | None, access: int, token: Any) -> int:
        if process != CURRENT_PROCESS:
            self.last_error = ERROR_INVALID_HANDLE
            return 0
        token[0] = self._handle("token", access)
        return 1

    def get_token_information(
        self, token: int | None, kind: int, buffer: Any, size: int, returned: Any
    ) -> int:
        # TokenElevation (20) fills TOKEN_ELEVATION { DWORD TokenIsElevated; } (MS winnt
        # ns-winnt-token_elevation.md); the handle needs TOKEN_QUERY (8).
        what = self._handles.get(token or 0)
        if not what or what[0] != "token" or not what[1] & 0x0008:
            self.last_error = ERROR_ACCESS_DENIED if what else ERROR_INVALID_HANDLE
            return 0
        self.calls.append(("token-information", kind, size))
        if kind != 20:
            self.last_error = ERROR_INVALID_PARAMETER
            return 0
        if returned:
            returned[0] = 4
        if size < 4:
            self.last_error = ERROR_BAD_LENGTH
            return 0
        _write(_address(buffer), struct.pack("<I", int(self.admin)))
        return 1

    def open_process(self, access: int, inherit: int, pid: int) -> int | None:
        proc = self.processes.get(pid)
        if proc is None:
            self.last_error = ERROR_INVALID_PARAMETER
            return None
        if proc.protected or not (proc.own or self.admin and DEBUG in self.enabled):
            self.last_error = ERROR_ACCESS_DENIED
            return None
        return self._handle("process", pid, access)

    def set_process_working_set_size_ex(
        self, handle: int | None, minimum: int, maximum: int, flags: int
    ) -> int:
        what = self._handles.get(handle or 0)
        if not what or what[0] != "process":
            self.last_error = ERROR_INVALID_HANDLE
            return 0
        if not what[2] & PROCESS_SET_QUOTA:
            self.last_error = ERROR_ACCESS_DENIED
            return 0
        self.calls.append(("trim", what[1], minimum, maximum, flags))
        if minimum == maximum == SIZE_MAX:
            self._trim(self.processes[what[1]])
        return 1

    def close_handle(self, handle: int | None) -> int:
        if self._handles.pop(handle or 0, None) is None:
            self.last_error = ERROR_INVALID_HANDLE
            return 0
        return 1

    def _put_name(self, buffer: Any, chars: int, name: str) -> bool:
        if chars < len(name) + 1:
            self.last_error = ERROR_FILENAME_EXCED_RANGE
            return False
        for i, ch in enumerate(name + "\0"):
            buffer[i] = ch
        return True

    def find_first_volume_w(self, buffer: Any, chars: int) -> int | None:
        if not self.volumes:
            self.last_error = ERROR_NO_MORE_FILES
            return ctypes.c_void_p(-1).value
        if not self._put_name(buffer, chars, self.volumes[0].listed_name):
            return ctypes.c_void_p(-1).value
        return self._handle("find", 1)

    def find_next_volume_w(self, handle: int | None, buffer: Any, chars: int) -> int:
        what = self._handles.get(handle or 0)
        if not what or what[0] != "find":
            self.last_error = ERROR_INVALID_HANDLE
            return 0
        index = what[1]
        if index >= len(self.volumes):
            self.last_error = ERROR_NO_MORE_FILES
            return 0
        if not self._put_name(buffer, chars, self.volumes[index].listed_name):
            return 0
        self._handles[handle or 0] = ("find", index + 1)
        return 1

    def find_volume_close(self, handle: int | None) -> int:
        what = self._handles.pop(handle or 0, None)
        if not what or what[0] != "find":
            self.last_error = ERROR_INVALID_HANDLE
            return 0
        return 1

    def create_file_w(
        self, path: str, access: int, share: int, security: Any, disposition: int, flags: int, template: Any
    ) -> int | None:
        self.calls.append(("open", path, access))
        volume = next((v for v in self.volumes if v.device_name == path), None)
        if volume is None:  # e.g. the root directory, with the trailing backslash
            self.last_error = ERROR_FILE_NOT_FOUND
            return ctypes.c_void_p(-1).value
        if not self.admin:
            self.last_error = ERROR_ACCESS_DENIED
            return ctypes.c_void_p(-1).value
        if not volume.ready:
            self.last_error = ERROR_NOT_READY
            return ctypes.c_void_p(-1).value
        if access & GENERIC_WRITE and not volume.writable:
            self.last_error = ERROR_WRITE_PROTECT
            return ctypes.c_void_p(-1).value
        return self._handle("volume", volume, access)

    def flush_file_buffers(self, handle: int | None) -> int:
        what = self._handles.get(handle or 0)
        if not what or what[0] != "volume":
            self.last_error = ERROR_INVALID_HANDLE
            return 0
        volume, access = what[1], what[2]
        if not access & GENERIC_WRITE:
            self.last_error = ERROR_ACCESS_DENIED
            return 0
        if volume.flush_error:
            self.last_error = volume.flush_error
            return 0
        volume.flushes += 1
        self.modified -= volume.dirty
        self.standby[5] += volume.dirty
        volume.dirty = 0
        return 1

    def wait_for_single_object(self, handle: int | None, timeout: int) -> int:
        what = self._handles.get(handle or 0)
        if not what or what[0] != "elevated":
            self.last_error = ERROR_INVALID_HANDLE
            return 0xFFFFFFFF  # WAIT_FAILED
        return 0  # WAIT_OBJECT_0: the process has ended

    def get_exit_code_process(self, handle: int | None, code: Any) -> int:
        what = self._handles.get(handle or 0)
        if not what or what[0] != "elevated":
            self.last_error = ERROR_INVALID_HANDLE
            return 0
        code[0] = what[1]
        return 1

    # -- ole32 and shell32 ---------------------------------------------------------------------

    def co_initialize_ex(self, reserved: Any, flags: int) -> int:
        # S_OK the first time on a thread, S_FALSE after (MS combaseapi/nf-combaseapi-coinitializeex.md).
        answer = 1 if self.com_initialised else 0
        self.com_initialised = True
        return answer

    def shell_execute_ex_w(self, info: Any) -> int:
        # MS shellapi/nf-shellapi-shellexecuteexw.md: returns TRUE or FALSE with GetLastError;
        # ERROR_CANCELLED when the user refuses the elevation prompt; COM must be initialised
        # first; hProcess is set only with SEE_MASK_NOCLOSEPROCESS.
        address = _address(info)
        block = unpack("SHELLEXECUTEINFOW", ctypes.string_at(address, LAYOUTS["SHELLEXECUTEINFOW"].x64_size))
        if block["cbSize"] != LAYOUTS["SHELLEXECUTEINFOW"].x64_size:
            self.last_error = ERROR_INVALID_PARAMETER
            return 0
        call = {
            "com": self.com_initialised,
            "mask": block["fMask"],
            "hwnd": block["hwnd"],
            "verb": ctypes.wstring_at(block["lpVerb"]) if block["lpVerb"] else None,
            "file": ctypes.wstring_at(block["lpFile"]) if block["lpFile"] else None,
            "parameters": ctypes.wstring_at(block["lpParameters"]) if block["lpParameters"] else None,
            "directory": ctypes.wstring_at(block["lpDirectory"]) if block["lpDirectory"] else None,
            "show": block["nShow"],
        }
        self.launched.append(call)
        if self.shell_answer == "cancel":
            self.last_error = ERROR_CANCELLED
            return 0
        exit_code = 0
        if " -m app.backends.windows.child " in f" {call['parameters']} ":
            exit_code = self._run_child(str(call["parameters"]))
        if block["fMask"] & SEE_MASK_NOCLOSEPROCESS:
            handle = self._handle("elevated", exit_code)
            _write(address + 104, struct.pack("<Q", handle))  # hProcess (published table: offset 104)
        return 1

    def _run_child(self, parameters: str) -> int:
        """The elevated child: writes its output to the file named after the module, returns its code."""
        import shlex

        words = shlex.split(parameters, posix=False)
        output, argv = words[2], words[3:]
        code, text = self.child([word.strip('"') for word in argv])
        Path(output.strip('"')).write_text(text, encoding="utf-8")
        return code

    # -- pdh -----------------------------------------------------------------------------------

    def counter_values(self) -> dict[str, int]:
        """What the performance counters show for the current state, in bytes (seconds for lifetime)."""
        ps, standby = self.page_size, self.standby
        values = {
            r"\Memory\Available Bytes": self.available * ps,
            r"\Memory\Free & Zero Page List Bytes": (self.free + self.zeroed) * ps,
            r"\Memory\Modified Page List Bytes": self.modified * ps,
            r"\Memory\Standby Cache Reserve Bytes": sum(standby[0:4]) * ps,
            r"\Memory\Standby Cache Normal Priority Bytes": sum(standby[4:6]) * ps,
            r"\Memory\Standby Cache Core Bytes": sum(standby[6:8]) * ps,
            # Microsoft: Cache Bytes = System Cache + System Driver + System Code + Paged Pool
            # resident bytes — more than the file cache (MS "Memory performance counters").
            r"\Memory\Cache Bytes": (self.file_cache + self.paged_pool + 5_000) * ps,
            r"\Memory\System Cache Resident Bytes": self.file_cache * ps,
        }
        if self.standby_lifetime is not None:
            values[LIFETIME_COUNTER] = self.standby_lifetime
        return values

    def pdh_open_query_w(self, source: str | None, user: int, query: Any) -> int:
        if self.pdh_open_status:
            return self.pdh_open_status
        query[0] = self._handle("pdh-query", {})
        return 0

    def pdh_add_english_counter_w(self, query: int | None, path: str, user: int, counter: Any) -> int:
        what = self._handles.get(query or 0)
        if not what or what[0] != "pdh-query":
            return PDH_INVALID_HANDLE
        if path not in ENGLISH_COUNTERS or path in self.pdh_missing:
            return PDH_CSTATUS_NO_COUNTER
        if path == LIFETIME_COUNTER and self.standby_lifetime is None:
            return PDH_CSTATUS_NO_COUNTER
        counter[0] = self._handle("pdh-counter", query, path)
        return 0

    def pdh_collect_query_data(self, query: int | None) -> int:
        what = self._handles.get(query or 0)
        if not what or what[0] != "pdh-query":
            return PDH_INVALID_HANDLE
        what[1].clear()
        what[1].update(self.counter_values())
        return 0

    def pdh_get_formatted_counter_value(self, counter: int | None, fmt: int, kind: Any, value: Any) -> int:
        what = self._handles.get(counter or 0)
        if not what or what[0] != "pdh-counter":
            return PDH_INVALID_HANDLE
        collected = self._handles[what[1]][1]
        if what[2] not in collected:
            _write(_address(value), struct.pack(PDH_VALUE_LARGE, PDH_NO_DATA, 0))
            return PDH_INVALID_DATA
        if not fmt & PDH_FMT_LARGE:
            return PDH_INVALID_DATA
        if kind:
            kind[0] = 0x00010100  # PERF_COUNTER_LARGE_RAWCOUNT
        _write(_address(value), struct.pack(PDH_VALUE_LARGE, 0, collected[what[2]]))
        return 0

    def pdh_close_query(self, query: int | None) -> int:
        what = self._handles.pop(query or 0, None)
        if not what or what[0] != "pdh-query":
            return PDH_INVALID_HANDLE
        for handle in [h for h, w in self._handles.items() if w[0] == "pdh-counter" and w[1] == query]:
            del self._handles[handle]
        return 0

    # -- registry and hotkeys --------------------------------------------------------------------

    def reg_set_key_value_w(
        self, hkey: int | None, subkey: str | None, name: str | None, kind: int, data: int | None, size: int
    ) -> int:
        # MS winreg/nf-winreg-regsetkeyvaluew.md: creates the subkey when missing; returns ERROR_SUCCESS
        # or a system error code (not through GetLastError). REG_SZ sizes include the terminating null.
        if self.registry_error:
            return self.registry_error
        if hkey != HKEY_CURRENT_USER or not subkey:
            return ERROR_INVALID_PARAMETER
        raw = ctypes.string_at(data, size) if data else b""
        if kind == REG_SZ and not raw.endswith(b"\0\0"):
            return ERROR_INVALID_PARAMETER  # this fake insists on the documented terminating null
        self.registry[(subkey.lower(), (name or "").lower())] = (kind, raw)
        return 0

    def reg_delete_key_value_w(self, hkey: int | None, subkey: str | None, name: str | None) -> int:
        # MS winreg/nf-winreg-regdeletekeyvaluew.md: ERROR_FILE_NOT_FOUND when the value does not exist.
        if self.registry_error:
            return self.registry_error
        if hkey != HKEY_CURRENT_USER:
            return ERROR_INVALID_PARAMETER
        if self.registry.pop(((subkey or "").lower(), (name or "").lower()), None) is None:
            return ERROR_FILE_NOT_FOUND
        return 0

    def reg_get_value_w(
        self,
        hkey: int | None,
        subkey: str | None,
        name: str | None,
        flags: int,
        kind: Any,
        data: int | None,
        size: Any,
    ) -> int:
        # MS winreg/nf-winreg-reggetvaluew.md: with pvData NULL, *pcbData receives the size needed and the
        # call succeeds; a buffer too small gives ERROR_MORE_DATA and the size; a missing value
        # ERROR_FILE_NOT_FOUND; RRF_RT_REG_SZ refuses other types (ERROR_UNSUPPORTED_TYPE, 1630).
        if self.registry_error:
            return self.registry_error
        if hkey != HKEY_CURRENT_USER:
            return ERROR_INVALID_PARAMETER
        found = self.registry.get(((subkey or "").lower(), (name or "").lower()))
        if found is None:
            return ERROR_FILE_NOT_FOUND
        value_kind, raw = found
        if flags & RRF_RT_REG_SZ and value_kind != REG_SZ:
            return 1630
        if kind:
            kind[0] = value_kind
        if not data:
            size[0] = len(raw)
            return 0
        if size[0] < len(raw):
            size[0] = len(raw)
            return ERROR_MORE_DATA
        _write(data, raw)
        size[0] = len(raw)
        return 0

    def register_hot_key(self, hwnd: int | None, hotkey_id: int, modifiers: int, vk: int) -> int:
        # MS winuser/nf-winuser-registerhotkey.md: fails (GetLastError) when the combination is taken,
        # by another program or by this thread under another id; the same hwnd and id again also fails.
        combination = (modifiers & ~WIN32["MOD_NOREPEAT"][0], vk)
        taken = {(m & ~WIN32["MOD_NOREPEAT"][0], k) for m, k in self.hotkeys.values()}
        if (
            combination in self.taken_by_others
            or combination in taken
            or (hwnd or 0, hotkey_id) in self.hotkeys
        ):
            self.last_error = ERROR_HOTKEY_ALREADY_REGISTERED
            return 0
        self.hotkeys[(hwnd or 0, hotkey_id)] = (modifiers, vk)
        return 1

    def unregister_hot_key(self, hwnd: int | None, hotkey_id: int) -> int:
        # MS winuser/nf-winuser-unregisterhotkey.md: fails when no such hotkey was registered.
        if self.hotkeys.pop((hwnd or 0, hotkey_id), None) is None:
            self.last_error = 1419  # ERROR_HOTKEY_NOT_REGISTERED (MS System Error Codes 1300-1699)
            return 0
        return 1

    # -- the seam ------------------------------------------------------------------------------

    def seam(self) -> seam_module.Seam:
        """The backend's seam over this fake: every function a ctypes pointer with the real signature."""
        names = [n for n in seam_module.SIGNATURES if n != "is_wow64_process2" or self.has_wow64_process2]
        functions = {name: self._guard(name, getattr(self, name)) for name in names}
        return seam_module.from_functions(functions, lambda: self.last_error)

    def _guard(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        """ctypes prints and drops exceptions raised in a callback: record them and answer a failure."""
        dll, _export, restype, _argtypes = seam_module.SIGNATURES[name]

        def guarded(*args: Any) -> Any:
            try:
                return function(*args)
            except Exception as exc:  # noqa: BLE001 - recorded; the test fixture fails on any
                self.errors.append(exc)
                if dll == "ntdll":
                    return signed(STATUS_INTERNAL_ERROR)
                if dll == "pdh":
                    return PDH_INVALID_HANDLE
                return 0 if restype in (ctypes.c_int32, ctypes.c_uint32) else None

        return guarded
