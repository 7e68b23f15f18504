"""The native API surface: ntdll structures, information classes, commands, privileges, NTSTATUS.

Numbers and layouts follow System Informer's phnt headers (ntexapi.h) and its callers
(SystemInformer/memlists.c, phlib/native.c); docs/windows.md lists the sources, and the tests
check every value against an independent table citing file and line. Every field has an
explicit width (c_uint32 for ULONG, c_size_t for SIZE_T, c_void_p for HANDLE) so the structures
have the Windows layout on any OS and can be checked on Linux. Nothing here loads a DLL.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# SYSTEM_INFORMATION_CLASS values.
SystemPageFileInformation = 18
SystemFileCacheInformation = 21  # 0x15 — public snippets that say 0x1A are wrong
SystemMemoryListInformation = 80
SystemFileCacheInformationEx = 81
SystemStoreInformation = 109
SystemCombinePhysicalMemoryInformation = 130
SystemRegistryReconciliationInformation = 155

# SYSTEM_MEMORY_LIST_COMMAND values, passed as a 4-byte int of length 4.
MemoryEmptyWorkingSets = 2
MemoryFlushModifiedList = 3
MemoryPurgeStandbyList = 4
MemoryPurgeLowPriorityStandbyList = 5

# Privilege LUIDs for RtlAdjustPrivilege.
SE_INCREASE_QUOTA_PRIVILEGE = 5
SE_PROFILE_SINGLE_PROCESS_PRIVILEGE = 13
SE_DEBUG_PRIVILEGE = 20

PRIVILEGE_NAMES = {
    SE_INCREASE_QUOTA_PRIVILEGE: "SeIncreaseQuotaPrivilege",
    SE_PROFILE_SINGLE_PROCESS_PRIVILEGE: "SeProfileSingleProcessPrivilege",
    SE_DEBUG_PRIVILEGE: "SeDebugPrivilege",
}

# STORE_INFORMATION_CLASS values used inside SYSTEM_STORE_INFORMATION (class 109), and the
# request versions (V1: Windows 10 layout, which later versions still accept).
SYSTEM_STORE_INFORMATION_VERSION = 1
SystemStoreTrimRequest = 21
MemCompressionInfoRequest = 22
SYSTEM_STORE_TRIM_INFORMATION_VERSION_V1 = 1
SYSTEM_STORE_COMPRESSION_INFORMATION_VERSION_V1 = 3

# NTSTATUS values (compare after masking with 0xFFFFFFFF).
STATUS_SUCCESS = 0x00000000
STATUS_NOT_ALL_ASSIGNED = 0x00000106
STATUS_NOT_IMPLEMENTED = 0xC0000002
STATUS_INVALID_INFO_CLASS = 0xC0000003
STATUS_INFO_LENGTH_MISMATCH = 0xC0000004
STATUS_BUFFER_TOO_SMALL = 0xC0000023
STATUS_INVALID_PARAMETER = 0xC000000D
STATUS_ACCESS_DENIED = 0xC0000022
STATUS_PRIVILEGE_NOT_HELD = 0xC0000061
STATUS_NOT_SUPPORTED = 0xC00000BB

_RUN_AS_ADMIN = "run RAMLens as administrator (ramlens --elevate, or Restart as administrator in the window)"
_NO_FEATURE = "this Windows version lacks the feature"
# Already elevated and still not held: a policy removed the right from Administrators.
POLICY_REMOVED = (
    "the process is elevated, yet its token lacks the privilege: a security policy has removed it from "
    "Administrators (Local Security Policy → User Rights Assignment; ask whoever manages this PC)"
)

_STATUS_TEXT: dict[int, tuple[str, str]] = {
    STATUS_SUCCESS: ("STATUS_SUCCESS", "done"),
    STATUS_NOT_ALL_ASSIGNED: ("STATUS_NOT_ALL_ASSIGNED", "the privilege is not held: " + _RUN_AS_ADMIN),
    STATUS_PRIVILEGE_NOT_HELD: ("STATUS_PRIVILEGE_NOT_HELD", "the privilege is not held: " + _RUN_AS_ADMIN),
    STATUS_ACCESS_DENIED: ("STATUS_ACCESS_DENIED", "access denied: " + _RUN_AS_ADMIN),
    STATUS_INFO_LENGTH_MISMATCH: (
        "STATUS_INFO_LENGTH_MISMATCH",
        "the structure size RAMLens passed is wrong for this Windows — a bug in RAMLens, please report it",
    ),
    STATUS_BUFFER_TOO_SMALL: (
        "STATUS_BUFFER_TOO_SMALL",
        "Windows kept asking for a larger buffer — a bug in RAMLens, please report it",
    ),
    STATUS_INVALID_INFO_CLASS: ("STATUS_INVALID_INFO_CLASS", _NO_FEATURE),
    STATUS_INVALID_PARAMETER: (
        "STATUS_INVALID_PARAMETER",
        "Windows rejected the request's parameters — a bug in RAMLens or a Windows version it does not know",
    ),
    STATUS_NOT_IMPLEMENTED: ("STATUS_NOT_IMPLEMENTED", _NO_FEATURE),
    STATUS_NOT_SUPPORTED: ("STATUS_NOT_SUPPORTED", _NO_FEATURE),
}


@dataclass(frozen=True)
class NtStatus:
    """One NTSTATUS value with its name and a sentence a person can act on."""

    code: int
    name: str
    sentence: str

    @property
    def hex(self) -> str:
        """The code as Windows prints it, e.g. 0xC0000061."""
        return f"0x{self.code:08X}"

    def __str__(self) -> str:
        return f"{self.name} ({self.hex}): {self.sentence}"


def unsigned(status: int) -> int:
    """The NTSTATUS as an unsigned 32-bit value (ctypes returns it signed)."""
    return status & 0xFFFFFFFF


def nt_success(status: int) -> bool:
    """NT_SUCCESS(): true for success and informational codes (severity bits 00 or 01)."""
    return unsigned(status) < 0x80000000


def describe(status: int, elevated: bool = False) -> NtStatus:
    """Name and actionable sentence for an NTSTATUS; unknown codes get a generic sentence.

    ``elevated``: the process already runs as administrator, so "run as administrator" would be
    wrong advice for a missing privilege; the sentence names the policy instead.
    """
    code = unsigned(status)
    name, sentence = _STATUS_TEXT.get(code, (f"NTSTATUS 0x{code:08X}", "Windows refused the request"))
    if elevated and code in (STATUS_PRIVILEGE_NOT_HELD, STATUS_NOT_ALL_ASSIGNED):
        sentence = POLICY_REMOVED
    elif elevated and code == STATUS_ACCESS_DENIED:
        sentence = "access denied, although RAMLens runs as administrator"
    return NtStatus(code, name, sentence)


# Structure field lists, parameterised by the pointer-sized type so the x86 layout can be
# computed from the same list (with a 4-byte integer standing in for SIZE_T and HANDLE).
FieldList = list[tuple[str, Any]]


def memory_list_fields(size_t: Any) -> FieldList:
    """SYSTEM_MEMORY_LIST_INFORMATION: 22 SIZE_T page counts."""
    return [
        ("ZeroPageCount", size_t),
        ("FreePageCount", size_t),
        ("ModifiedPageCount", size_t),
        ("ModifiedNoWritePageCount", size_t),
        ("BadPageCount", size_t),
        ("PageCountByPriority", size_t * 8),
        ("RepurposedPagesByPriority", size_t * 8),
        ("ModifiedPageCountPageFile", size_t),  # Windows 8+
    ]


def file_cache_fields(size_t: Any) -> FieldList:
    """SYSTEM_FILECACHE_INFORMATION (classes 21 and 81)."""
    return [
        ("CurrentSize", size_t),
        ("PeakSize", size_t),
        ("PageFaultCount", ctypes.c_uint32),
        ("MinimumWorkingSet", size_t),
        ("MaximumWorkingSet", size_t),
        ("CurrentSizeIncludingTransitionInPages", size_t),
        ("PeakSizeIncludingTransitionInPages", size_t),
        ("TransitionRePurposeCount", ctypes.c_uint32),
        ("Flags", ctypes.c_uint32),
    ]


def combine_fields(size_t: Any, handle: Any = None) -> FieldList:
    """MEMORY_COMBINE_INFORMATION_EX (class 130); HANDLE is pointer-sized like SIZE_T."""
    return [
        ("EventHandle", handle or size_t),
        ("PagesCombined", size_t),
        ("Flags", ctypes.c_uint32),
    ]


def store_information_fields(size_t: Any) -> FieldList:
    """SYSTEM_STORE_INFORMATION (class 109): a request class and a pointer to its data."""
    return [
        ("Version", ctypes.c_uint32),
        ("StoreInformationClass", ctypes.c_uint32),
        ("Data", size_t),  # PVOID
        ("Length", ctypes.c_uint32),
    ]


def compression_information_fields(size_t: Any) -> FieldList:
    """SM_STORE_COMPRESSION_INFORMATION_REQUEST, version 3 (V1): through TotalUniqueDataCompressed."""
    return [
        ("Version", ctypes.c_uint32),  # ULONG Version : 8, Spare : 24 — the low byte is the version
        ("CompressionPid", ctypes.c_uint32),
        ("WorkingSetSize", ctypes.c_uint32),
        ("TotalDataCompressed", size_t),
        ("TotalCompressedSize", size_t),
        ("TotalUniqueDataCompressed", size_t),
    ]


def store_trim_fields(size_t: Any) -> FieldList:
    """SM_SYSTEM_STORE_TRIM_REQUEST, version 1: through PagesToTrim."""
    return [
        ("Version", ctypes.c_uint32),  # ULONG Version : 8, Spare : 24
        ("PagesToTrim", size_t),
    ]


def pagefile_fields(size_t: Any) -> FieldList:
    """SYSTEM_PAGEFILE_INFORMATION (class 18), one entry; sizes in pages, then the name."""
    return [
        ("NextEntryOffset", ctypes.c_uint32),
        ("TotalSize", ctypes.c_uint32),
        ("TotalInUse", ctypes.c_uint32),
        ("PeakUsage", ctypes.c_uint32),
        ("NameLength", ctypes.c_uint16),  # UNICODE_STRING: Length, MaximumLength, Buffer
        ("NameMaximumLength", ctypes.c_uint16),
        ("NameBuffer", size_t),
    ]


FIELD_LISTS: dict[str, Callable[[Any], FieldList]] = {
    "SYSTEM_MEMORY_LIST_INFORMATION": memory_list_fields,
    "SYSTEM_FILECACHE_INFORMATION": file_cache_fields,
    "MEMORY_COMBINE_INFORMATION_EX": combine_fields,
    "SYSTEM_STORE_INFORMATION": store_information_fields,
    "SM_STORE_COMPRESSION_INFORMATION_REQUEST": compression_information_fields,
    "SM_SYSTEM_STORE_TRIM_REQUEST": store_trim_fields,
    "SYSTEM_PAGEFILE_INFORMATION": pagefile_fields,
}


def build_structure(name: str, pointer: Any) -> type[ctypes.Structure]:
    """A structure class from one of FIELD_LISTS with ``pointer`` as the pointer-sized type."""
    return type(name, (ctypes.Structure,), {"_fields_": FIELD_LISTS[name](pointer)})


class SYSTEM_MEMORY_LIST_INFORMATION(ctypes.Structure):
    """Page counts of every memory list (class 80 query)."""

    _fields_ = memory_list_fields(ctypes.c_size_t)


class SYSTEM_FILECACHE_INFORMATION(ctypes.Structure):
    """The system file cache working set (class 21 query, class 81 set)."""

    _fields_ = file_cache_fields(ctypes.c_size_t)


class MEMORY_COMBINE_INFORMATION_EX(ctypes.Structure):
    """Page combining request; PagesCombined is written back (class 130 set)."""

    _fields_ = combine_fields(ctypes.c_size_t, ctypes.c_void_p)


class SYSTEM_STORE_INFORMATION(ctypes.Structure):
    """The envelope of every class-109 request; Data points at the request's own structure."""

    _fields_ = store_information_fields(ctypes.c_void_p)


class SM_STORE_COMPRESSION_INFORMATION_REQUEST(ctypes.Structure):
    """The compression store: its process, working set and how much data it holds (V1)."""

    _fields_ = compression_information_fields(ctypes.c_size_t)


class SM_SYSTEM_STORE_TRIM_REQUEST(ctypes.Structure):
    """Ask the store manager to trim the system store by PagesToTrim pages (V1)."""

    _fields_ = store_trim_fields(ctypes.c_size_t)


class SYSTEM_PAGEFILE_INFORMATION(ctypes.Structure):
    """One page file's entry in the class-18 answer; NextEntryOffset 0 ends the chain."""

    _fields_ = pagefile_fields(ctypes.c_void_p)


# VER_NT_* values of OSVERSIONINFOEXW.wProductType.
VER_NT_WORKSTATION = 1


class RTL_OSVERSIONINFOEXW(ctypes.Structure):
    """RtlGetVersion's output (the EX form, for wProductType); dwOSVersionInfoSize must be set first."""

    _fields_ = [
        ("dwOSVersionInfoSize", ctypes.c_uint32),
        ("dwMajorVersion", ctypes.c_uint32),
        ("dwMinorVersion", ctypes.c_uint32),
        ("dwBuildNumber", ctypes.c_uint32),
        ("dwPlatformId", ctypes.c_uint32),
        ("szCSDVersion", ctypes.c_uint16 * 128),  # WCHAR[128]; c_wchar is 4 bytes off Windows
        ("wServicePackMajor", ctypes.c_uint16),
        ("wServicePackMinor", ctypes.c_uint16),
        ("wSuiteMask", ctypes.c_uint16),
        ("wProductType", ctypes.c_uint8),
        ("wReserved", ctypes.c_uint8),
    ]


class NtError(Exception):
    """A native call returned a failure NTSTATUS."""

    def __init__(self, status: int):
        self.status = describe(status)
        super().__init__(str(self.status))
