"""Published Windows definitions, written out independently of the backend, each with its source.

The backend's structures (app/backends/windows/ntapi.py, win32.py) must agree with this table,
and the fake kernel packs its answers from it — never from the backend's own ctypes structures —
so a layout mistake in the backend shows up as a failing test, not as a confirmed assumption.

Sources (the commit is the one read; lines are in that version):
  SI  = github.com/winsiderss/systeminformer @ 103cc43d77a6cd388d04c03371d019866d0521d6
  MR  = github.com/henrypp/memreduct @ 7b4d362 (src/main.c)
  JS  = github.com/jonomango/superfetch @ bfdf15cd5dde8650b758792e225e77bb26ff0f69
        (include/superfetch/superfetch.h, include/superfetch/nt.h)
  MS  = Microsoft's documentation (learn.microsoft.com; the MicrosoftDocs/sdk-api pages): no line
        numbers, so the page and the section are named.
Each layout is given as (field, x64 offset, x86 offset, x64 width) rows and sizes for both.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Layout:
    """One structure: its sizes on x64 and x86, each field's offsets and x64 width, and the source."""

    name: str
    x64_size: int
    x86_size: int
    fields: tuple[tuple[str, int, int, int], ...]  # (field, x64 offset, x86 offset, x64 width)
    source: str

    def x64_format(self) -> list[tuple[str, int, int]]:
        """(field, offset, width) on x64, for packing the fake's answers."""
        return [(name, x64, width) for name, x64, _x86, width in self.fields]


# -- SYSTEM_INFORMATION_CLASS (SI phnt/include/ntexapi.h: the enum opens at line 2371 with
# SystemBasicInformation = 0, one value per line; lines 2451 and 2501 carry "// 80", "// 130").
INFO_CLASSES = {
    "SystemPageFileInformation": (18, "SI phnt/include/ntexapi.h:2389"),
    "SystemFileCacheInformation": (21, "SI phnt/include/ntexapi.h:2392"),
    "SystemSuperfetchInformation": (
        79,
        "SI phnt/include/ntexapi.h:2450 (the line before // 80); JS nt.h:127",
    ),
    "SystemMemoryListInformation": (80, "SI phnt/include/ntexapi.h:2451 (// 80)"),
    "SystemFileCacheInformationEx": (81, "SI phnt/include/ntexapi.h:2452"),
    "SystemStoreInformation": (109, "SI phnt/include/ntexapi.h:2480 (line 2471 is // 100)"),
    "SystemCombinePhysicalMemoryInformation": (130, "SI phnt/include/ntexapi.h:2501 (// 130)"),
    "SystemRegistryReconciliationInformation": (155, "SI phnt/include/ntexapi.h:2526 (line 2521 is // 150)"),
}

# -- SYSTEM_MEMORY_LIST_COMMAND (SI phnt/include/ntexapi.h:4080-4089, an enum from 0).
MEMORY_LIST_COMMANDS = {
    "MemoryEmptyWorkingSets": (2, "SI phnt/include/ntexapi.h:4084"),
    "MemoryFlushModifiedList": (3, "SI phnt/include/ntexapi.h:4085"),
    "MemoryPurgeStandbyList": (4, "SI phnt/include/ntexapi.h:4086"),
    "MemoryPurgeLowPriorityStandbyList": (5, "SI phnt/include/ntexapi.h:4087"),
}

# -- STORE_INFORMATION_CLASS and request versions (SI phnt/include/ntexapi.h).
STORE = {
    "SYSTEM_STORE_INFORMATION_VERSION": (1, "SI phnt/include/ntexapi.h:4637"),
    "SystemStoreTrimRequest": (21, "SI phnt/include/ntexapi.h:4628"),
    "MemCompressionInfoRequest": (22, "SI phnt/include/ntexapi.h:4629"),
    "SYSTEM_STORE_TRIM_INFORMATION_VERSION_V1": (1, "SI phnt/include/ntexapi.h:5073 (// WIN10)"),
    "SYSTEM_STORE_COMPRESSION_INFORMATION_VERSION_V1": (3, "SI phnt/include/ntexapi.h:5104 (// WIN10)"),
}

# -- Privileges (SI phnt/include/ntseapi.h).
PRIVILEGES = {
    "SE_INCREASE_QUOTA_PRIVILEGE": (5, "SI phnt/include/ntseapi.h:18"),
    "SE_PROF_SINGLE_PROCESS_PRIVILEGE": (13, "SI phnt/include/ntseapi.h:26"),
    "SE_DEBUG_PRIVILEGE": (20, "SI phnt/include/ntseapi.h:33"),
}

# -- NTSTATUS values (MS [MS-ERREF] 2.3.1 "NTSTATUS Values").
NTSTATUS = {
    "STATUS_SUCCESS": 0x00000000,
    "STATUS_NOT_ALL_ASSIGNED": 0x00000106,
    "STATUS_NOT_IMPLEMENTED": 0xC0000002,
    "STATUS_INVALID_INFO_CLASS": 0xC0000003,
    "STATUS_INFO_LENGTH_MISMATCH": 0xC0000004,
    "STATUS_INVALID_PARAMETER": 0xC000000D,
    "STATUS_ACCESS_DENIED": 0xC0000022,
    "STATUS_BUFFER_TOO_SMALL": 0xC0000023,
    "STATUS_PRIVILEGE_NOT_HELD": 0xC0000061,
    "STATUS_NOT_SUPPORTED": 0xC00000BB,
}

# -- MEMORY_COMBINE_FLAGS. The constants changed in SI commit cc99d2dde (2026-03-29): before it,
# ntexapi.h had only MEMORY_COMBINE_FLAGS_COMMON_PAGES_ONLY = 0x4; now lines 5579-5580 define
# COMMON_PAGES_ONLY = 0x1 and COMBINE_WORKING_SET = 0x2 ("MiCombineIdenticalPages only accepts
# bits 0 and 1"). Both callers pass Flags = 0 (SI SystemInformer/memlists.c:307 zero-initialises
# the structure; MR src/main.c:276 likewise), which is what RAMLens passes: it defines no flag.
COMBINE_FLAGS_PASSED = (0, "SI SystemInformer/memlists.c:307; MR src/main.c:276")

LAYOUTS = {
    layout.name: layout
    for layout in (
        Layout(
            "SYSTEM_MEMORY_LIST_INFORMATION",
            176,
            88,
            (
                ("ZeroPageCount", 0, 0, 8),
                ("FreePageCount", 8, 4, 8),
                ("ModifiedPageCount", 16, 8, 8),
                ("ModifiedNoWritePageCount", 24, 12, 8),
                ("BadPageCount", 32, 16, 8),
                ("PageCountByPriority", 40, 20, 64),
                ("RepurposedPagesByPriority", 104, 52, 64),
                ("ModifiedPageCountPageFile", 168, 84, 8),
            ),
            "SI phnt/include/ntexapi.h:4067-4077 (SIZE_T fields, two SIZE_T[8])",
        ),
        Layout(
            "SYSTEM_FILECACHE_INFORMATION",
            64,
            36,
            (
                ("CurrentSize", 0, 0, 8),
                ("PeakSize", 8, 4, 8),
                ("PageFaultCount", 16, 8, 4),
                ("MinimumWorkingSet", 24, 12, 8),
                ("MaximumWorkingSet", 32, 16, 8),
                ("CurrentSizeIncludingTransitionInPages", 40, 20, 8),
                ("PeakSizeIncludingTransitionInPages", 48, 24, 8),
                ("TransitionRePurposeCount", 56, 28, 4),
                ("Flags", 60, 32, 4),
            ),
            "SI phnt/include/ntexapi.h:3175-3186",
        ),
        Layout(
            "MEMORY_COMBINE_INFORMATION_EX",
            24,
            12,
            (("EventHandle", 0, 0, 8), ("PagesCombined", 8, 4, 8), ("Flags", 16, 8, 4)),
            "SI phnt/include/ntexapi.h:5583-5588",
        ),
        Layout(
            "SYSTEM_STORE_INFORMATION",
            24,
            16,
            (
                ("Version", 0, 0, 4),
                ("StoreInformationClass", 4, 4, 4),
                ("Data", 8, 8, 8),
                ("Length", 16, 12, 4),
            ),
            "SI phnt/include/ntexapi.h:4640-4646; size 24: SI KSystemInformer/system.c:59 C_ASSERT",
        ),
        Layout(
            "SM_STORE_COMPRESSION_INFORMATION_REQUEST",
            40,
            24,
            (
                ("Version", 0, 0, 4),
                ("CompressionPid", 4, 4, 4),
                ("WorkingSetSize", 8, 8, 4),
                ("TotalDataCompressed", 16, 12, 8),
                ("TotalCompressedSize", 24, 16, 8),
                ("TotalUniqueDataCompressed", 32, 20, 8),
            ),
            "SI phnt/include/ntexapi.h:5091-5101; V1 sizes 40/24: ntexapi.h:5114, 5117",
        ),
        Layout(
            "SM_SYSTEM_STORE_TRIM_REQUEST",
            16,
            8,
            (("Version", 0, 0, 4), ("PagesToTrim", 8, 4, 8)),
            "SI phnt/include/ntexapi.h:5064-5070; V1 sizes 16/8: ntexapi.h:5083, 5086",
        ),
        Layout(
            "SYSTEM_PAGEFILE_INFORMATION",
            32,
            24,
            (
                ("NextEntryOffset", 0, 0, 4),
                ("TotalSize", 4, 4, 4),
                ("TotalInUse", 8, 8, 4),
                ("PeakUsage", 12, 12, 4),
                ("NameLength", 16, 16, 2),
                ("NameMaximumLength", 18, 18, 2),
                ("NameBuffer", 24, 20, 8),
            ),
            "SI phnt/include/ntexapi.h:3117-3124 (then UNICODE_STRING: USHORT, USHORT, PWSTR)",
        ),
        Layout(
            "PERFORMANCE_INFORMATION",
            104,
            56,
            (
                ("cb", 0, 0, 4),
                ("CommitTotal", 8, 4, 8),
                ("CommitLimit", 16, 8, 8),
                ("CommitPeak", 24, 12, 8),
                ("PhysicalTotal", 32, 16, 8),
                ("PhysicalAvailable", 40, 20, 8),
                ("SystemCache", 48, 24, 8),
                ("KernelTotal", 56, 28, 8),
                ("KernelPaged", 64, 32, 8),
                ("KernelNonpaged", 72, 36, 8),
                ("PageSize", 80, 40, 8),
                ("HandleCount", 88, 44, 4),
                ("ProcessCount", 92, 48, 4),
                ("ThreadCount", 96, 52, 4),
            ),
            "MS sdk-api psapi/ns-psapi-performance_information.md (DWORD cb, SIZE_T ×10, DWORD ×3)",
        ),
        Layout(
            "SHELLEXECUTEINFOW",
            112,
            60,
            (
                ("cbSize", 0, 0, 4),
                ("fMask", 4, 4, 4),
                ("hwnd", 8, 8, 8),
                ("lpVerb", 16, 12, 8),
                ("lpFile", 24, 16, 8),
                ("lpParameters", 32, 20, 8),
                ("lpDirectory", 40, 24, 8),
                ("nShow", 48, 28, 4),
                ("hInstApp", 56, 32, 8),
                ("lpIDList", 64, 36, 8),
                ("lpClass", 72, 40, 8),
                ("hkeyClass", 80, 44, 8),
                ("dwHotKey", 88, 48, 4),
                ("hIconOrMonitor", 96, 52, 8),
                ("hProcess", 104, 56, 8),
            ),
            "MS sdk-api shellapi/ns-shellapi-shellexecuteinfow.md",
        ),
        Layout(
            "MSG",
            48,
            32,
            (
                ("hwnd", 0, 0, 8),
                ("message", 8, 4, 4),
                ("wParam", 16, 8, 8),
                ("lParam", 24, 12, 8),
                ("time", 32, 16, 4),
                ("pt", 36, 20, 8),
                ("lPrivate", 44, 28, 4),
            ),
            "MS sdk-api winuser/ns-winuser-msg.md (HWND, UINT, WPARAM, LPARAM, DWORD, POINT, DWORD lPrivate)",
        ),
        Layout(
            "RTL_OSVERSIONINFOEXW",
            284,
            284,
            (
                ("dwOSVersionInfoSize", 0, 0, 4),
                ("dwMajorVersion", 4, 4, 4),
                ("dwMinorVersion", 8, 8, 4),
                ("dwBuildNumber", 12, 12, 4),
                ("dwPlatformId", 16, 16, 4),
                ("szCSDVersion", 20, 20, 256),
                ("wServicePackMajor", 276, 276, 2),
                ("wServicePackMinor", 278, 278, 2),
                ("wSuiteMask", 280, 280, 2),
                ("wProductType", 282, 282, 1),
                ("wReserved", 283, 283, 1),
            ),
            "MS sdk-api winnt/ns-winnt-osversioninfoexw.md (WCHAR[128], then WORD ×3, BYTE ×2)",
        ),
        Layout(
            "SUPERFETCH_INFORMATION",
            32,
            20,
            (
                ("Version", 0, 0, 4),
                ("Magic", 4, 4, 4),
                ("SuperfetchInformationClass", 8, 8, 4),
                ("SuperfetchInformation", 16, 12, 8),
                ("SuperfetchInformationLength", 24, 16, 4),
            ),
            "SI phnt/include/ntpfapi.h:201-208 (ULONG, ULONG, enum, PVOID, ULONG); JS nt.h:31-37",
        ),
        Layout(
            "PF_PHYSICAL_MEMORY_RANGE",
            16,
            8,
            (("BasePfn", 0, 0, 8), ("PageCount", 8, 4, 8)),
            "SI phnt/include/ntpfapi.h:668-672 (two ULONG_PTR); JS nt.h:106-109",
        ),
        # The range-info and PFN-request layouts end in a variable array; these are their headers,
        # and RANGES_OFFSET / IDENTITIES_OFFSET below say where the array starts.
        Layout(
            "PF_PHYSICAL_MEMORY_RANGE_INFO_V1",
            8,
            8,
            (("Version", 0, 0, 4), ("RangeCount", 4, 4, 4)),
            "SI phnt/include/ntpfapi.h:676-681 (ULONG Version, ULONG RangeCount, Ranges[]); JS nt.h:111-115",
        ),
        Layout(
            "PF_PHYSICAL_MEMORY_RANGE_INFO_V2",
            16,
            12,
            (("Version", 0, 0, 4), ("Flags", 4, 4, 4), ("RangeCount", 8, 8, 8)),
            "SI phnt/include/ntpfapi.h:685-691 (ULONG, ULONG, SIZE_T RangeCount, Ranges[]); JS nt.h:117-122 "
            "declares RangeCount a ULONG, at the same x64 offset (the ranges align to 8 either way)",
        ),
        Layout(
            "MMPFN_IDENTITY",
            24,
            16,
            (("u1", 0, 0, 8), ("PageFrameIndex", 8, 8, 8), ("u2", 16, 12, 8)),
            "SI phnt/include/ntmmapi.h:694-720 (union of ULONGLONG bit fields, ULONG_PTR, union of "
            "ULONG_PTR); "
            "JS nt.h:67-85",
        ),
        Layout(
            "PF_PFN_PRIO_REQUEST",
            192,
            104,
            (
                ("Version", 0, 0, 4),
                ("RequestFlags", 4, 4, 4),
                ("PfnCount", 8, 8, 8),
                ("MemInfo", 16, 12, 176),
            ),
            "SI phnt/include/ntpfapi.h:421-434 (ULONG, ULONG, SIZE_T, SYSTEM_MEMORY_LIST_INFORMATION, then "
            "MMPFN_IDENTITY[], 8-aligned for its ULONGLONG); JS nt.h:98-104",
        ),
        Layout(
            "MEMORYSTATUSEX",
            64,
            64,
            (
                ("dwLength", 0, 0, 4),
                ("dwMemoryLoad", 4, 4, 4),
                ("ullTotalPhys", 8, 8, 8),
                ("ullAvailPhys", 16, 16, 8),
                ("ullTotalPageFile", 24, 24, 8),
                ("ullAvailPageFile", 32, 32, 8),
                ("ullTotalVirtual", 40, 40, 8),
                ("ullAvailVirtual", 48, 48, 8),
                ("ullAvailExtendedVirtual", 56, 56, 8),
            ),
            "MS sdk-api sysinfoapi/ns-sysinfoapi-memorystatusex.md",
        ),
    )
}

# -- Other constants, with the page that defines each.
WIN32 = {
    "SEE_MASK_NOCLOSEPROCESS": (0x40, "MS sdk-api shellapi/ns-shellapi-shellexecuteinfow.md, fMask"),
    "SEE_MASK_NOASYNC": (0x100, "MS sdk-api shellapi/ns-shellapi-shellexecuteinfow.md, fMask"),
    "ERROR_CANCELLED": (1223, "MS sdk-api shellapi/nf-shellapi-shellexecuteexw.md, Remarks / return value"),
    "TOKEN_QUERY": (0x0008, "MS Access Rights for Access-Token Objects"),
    "TokenElevation": (20, "MS sdk-api winnt/ne-winnt-token_information_class.md (20th after TokenUser = 1)"),
    "VER_NT_WORKSTATION": (1, "MS sdk-api winnt/ns-winnt-osversioninfoexw.md, wProductType"),
    "VER_NT_SERVER": (3, "MS sdk-api winnt/ns-winnt-osversioninfoexw.md, wProductType"),
    "IMAGE_FILE_MACHINE_UNKNOWN": (0, "MS sdk-api wow64apiset/nf-wow64apiset-iswow64process2.md"),
    # winreg.h: #define HKEY_CURRENT_USER (( HKEY ) (ULONG_PTR)((LONG)0x80000001) ): sign-extended on x64.
    "HKEY_CURRENT_USER": (0xFFFFFFFF80000001, "MS Predefined Keys; winreg.h (the LONG sign-extended on x64)"),
    "REG_SZ": (1, "MS Registry Value Types"),
    "RRF_RT_REG_SZ": (0x00000002, "MS sdk-api winreg/nf-winreg-reggetvaluew.md, dwFlags"),
    "ERROR_MORE_DATA": (234, "MS sdk-api winreg/nf-winreg-reggetvaluew.md, Return value (buffer too small)"),
    "MOD_ALT": (0x0001, "MS sdk-api winuser/nf-winuser-registerhotkey.md, fsModifiers"),
    "MOD_CONTROL": (0x0002, "MS sdk-api winuser/nf-winuser-registerhotkey.md, fsModifiers"),
    "MOD_SHIFT": (0x0004, "MS sdk-api winuser/nf-winuser-registerhotkey.md, fsModifiers"),
    "MOD_WIN": (0x0008, "MS sdk-api winuser/nf-winuser-registerhotkey.md, fsModifiers"),
    "MOD_NOREPEAT": (0x4000, "MS sdk-api winuser/nf-winuser-registerhotkey.md, fsModifiers"),
    "WM_HOTKEY": (0x0312, "MS WM_HOTKEY message (winuser.h)"),
    "ERROR_HOTKEY_ALREADY_REGISTERED": (1409, "MS System Error Codes (1300-1699); RegisterHotKey Remarks"),
}

# The Run key programs use to start at logon for one user (MS Run and RunOnce Registry Keys).
RUN_KEY = ("Software\\Microsoft\\Windows\\CurrentVersion\\Run", "MS Run and RunOnce Registry Keys")
# -- The Superfetch interface (SI phnt/include/ntpfapi.h; JS = the calling sequence).
SUPERFETCH = {
    # SUPERFETCH_INFORMATION_CLASS: an enum from SuperfetchRetrieveTrace = 1 (ntpfapi.h:166).
    "SuperfetchPfnQuery": (6, "SI phnt/include/ntpfapi.h:171; JS nt.h:14"),
    "SuperfetchMemoryRangesQuery": (17, "SI phnt/include/ntpfapi.h:182; JS nt.h:25"),
    "SUPERFETCH_INFORMATION_VERSION": (45, "SI phnt/include/ntpfapi.h:198 (rev); JS nt.h:32"),
    # 'kuhC' is a multi-character constant: MSVC packs the first character highest.
    "SUPERFETCH_INFORMATION_MAGIC": (0x6B756843, "SI phnt/include/ntpfapi.h:199; JS nt.h:33"),
    "PF_PFN_PRIO_REQUEST_VERSION": (1, "SI phnt/include/ntpfapi.h:417; JS superfetch.h:80"),
    "PF_PFN_PRIO_REQUEST_QUERY_MEMORY_LIST": (1, "SI phnt/include/ntpfapi.h:418; JS superfetch.h:81"),
    "PF_PHYSICAL_MEMORY_RANGE_INFO_V1_VERSION": (1, "SI phnt/include/ntpfapi.h:674; JS superfetch.h:155"),
    "PF_PHYSICAL_MEMORY_RANGE_INFO_V2_VERSION": (2, "SI phnt/include/ntpfapi.h:683; JS superfetch.h:183"),
}
# Where the variable arrays start on x64 (after the headers above, aligned to 8).
RANGES_OFFSET = {1: 8, 2: 16}
IDENTITIES_OFFSET = 192
# The calling sequence (JS superfetch.h): enable SeProfileSingleProcessPrivilege (:127-129); ask
# for the ranges with version 1, a too-small buffer first, which answers STATUS_BUFFER_TOO_SMALL
# and the length needed (:149-151), then the full buffer (:155-158); when version 1 yields
# nothing, the same with version 2 (:138-141); then per range a PF_PFN_PRIO_REQUEST with Version
# 1, RequestFlags 1, PfnCount and each identity's PageFrameIndex set (:80-85).

# MEMORY_FRAME_INFORMATION, the u1 of MMPFN_IDENTITY (SI phnt/include/ntmmapi.h:657-667): the
# bit fields in declaration order from bit 0 (MSVC allocates ULONGLONG bit fields from the low bit).
FRAME_BITS = (
    ("UseDescription", 0, 4),
    ("ListDescription", 4, 3),
    ("Cold", 7, 1),
    ("Pinned", 8, 1),
    ("DontUse", 9, 48),  # UNIQUE_PROCESS_INFORMATION.UniqueProcessKey here (ntmmapi.h:686-691)
    ("Priority", 57, 3),
    ("NonTradeable", 60, 1),
    ("Reserved", 61, 3),
)
# MMPFNLIST_* (SI phnt/include/ntmmapi.h:606-613).
PFN_LISTS = {
    "MMPFNLIST_ZERO": 0,
    "MMPFNLIST_FREE": 1,
    "MMPFNLIST_STANDBY": 2,
    "MMPFNLIST_MODIFIED": 3,
    "MMPFNLIST_MODIFIEDNOWRITE": 4,
    "MMPFNLIST_BAD": 5,
    "MMPFNLIST_ACTIVE": 6,
    "MMPFNLIST_TRANSITION": 7,
}
# MMPFNUSE_* (SI phnt/include/ntmmapi.h:627-638).
PFN_USES = {
    "MMPFNUSE_PROCESSPRIVATE": 0,
    "MMPFNUSE_FILE": 1,
    "MMPFNUSE_PAGEFILEMAPPED": 2,
    "MMPFNUSE_PAGETABLE": 3,
    "MMPFNUSE_PAGEDPOOL": 4,
    "MMPFNUSE_NONPAGEDPOOL": 5,
    "MMPFNUSE_SYSTEMPTE": 6,
    "MMPFNUSE_SESSIONPRIVATE": 7,
    "MMPFNUSE_METAFILE": 8,
    "MMPFNUSE_AWEPAGE": 9,
    "MMPFNUSE_DRIVERLOCKPAGE": 10,
    "MMPFNUSE_KERNELSTACK": 11,
}
# NOT PUBLISHED: which NTSTATUS the Superfetch queries return while the SysMain service is stopped,
# and which one a request of an unknown version gets. No source read states either; the fake
# answers these assumptions (configurable), and docs/windows.md lists them as never checked.
ASSUMED_SYSMAIN_STOPPED = NTSTATUS["STATUS_NOT_SUPPORTED"]
ASSUMED_UNKNOWN_VERSION = NTSTATUS["STATUS_INVALID_PARAMETER"]
