"""Win32 structures and constants (kernel32, shell32, pdh) with explicit widths, and error texts.

Like ntapi.py: importable anywhere, loads nothing. DWORD is c_uint32, WORD c_uint16,
pointer-sized values c_size_t / c_void_p, so the layouts are Windows' on every OS.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

INVALID_HANDLE_VALUE = ctypes.c_void_p(-1).value

# OpenProcess access rights.
PROCESS_SET_QUOTA = 0x0100
PROCESS_QUERY_LIMITED_INFORMATION = 0x1000

# CreateFileW
GENERIC_READ = 0x80000000
GENERIC_WRITE = 0x40000000
FILE_SHARE_READ = 0x1
FILE_SHARE_WRITE = 0x2
OPEN_EXISTING = 3

# ShellExecuteExW
SW_SHOWNORMAL = 1
SW_HIDE = 0
SEE_MASK_NOCLOSEPROCESS = 0x00000040
SEE_MASK_NOASYNC = 0x00000100
# CoInitializeEx: ShellExecuteEx may hand the work to a shell extension, which needs COM.
COINIT_APARTMENTTHREADED = 0x2
COINIT_DISABLE_OLE1DDE = 0x4
RPC_E_CHANGED_MODE = 0x80010106  # COM already initialised in the other model: usable as is

# WaitForSingleObject / GetExitCodeProcess
INFINITE = 0xFFFFFFFF
WAIT_OBJECT_0 = 0
WAIT_FAILED = 0xFFFFFFFF

# Tokens: OpenProcessToken access, GetTokenInformation class.
TOKEN_QUERY = 0x0008
TokenElevation = 20

# IsWow64Process2 machine values.
IMAGE_FILE_MACHINE_UNKNOWN = 0

# pdh
PDH_FMT_LARGE = 0x00000400
PDH_CSTATUS_VALID_DATA = 0x0
PDH_CSTATUS_NEW_DATA = 0x1
ERROR_SUCCESS = 0

# Win32 error codes the backend meets.
ERROR_FILE_NOT_FOUND = 2
ERROR_PATH_NOT_FOUND = 3
ERROR_ACCESS_DENIED = 5
ERROR_INVALID_HANDLE = 6
ERROR_NO_MORE_FILES = 18
ERROR_WRITE_PROTECT = 19
ERROR_NOT_READY = 21
ERROR_INVALID_PARAMETER = 87
ERROR_NOT_ALL_ASSIGNED = 1300
ERROR_CANCELLED = 1223
ERROR_PROC_NOT_FOUND = 127
ERROR_MORE_DATA = 234
ERROR_HOTKEY_ALREADY_REGISTERED = 1409

_ERROR_TEXT: dict[int, tuple[str, str]] = {
    ERROR_FILE_NOT_FOUND: ("ERROR_FILE_NOT_FOUND", "not found"),
    ERROR_PATH_NOT_FOUND: ("ERROR_PATH_NOT_FOUND", "not found"),
    ERROR_ACCESS_DENIED: ("ERROR_ACCESS_DENIED", "access denied: run RAMLens as administrator"),
    ERROR_INVALID_HANDLE: ("ERROR_INVALID_HANDLE", "the handle is not valid"),
    ERROR_WRITE_PROTECT: ("ERROR_WRITE_PROTECT", "the medium is write-protected"),
    ERROR_NOT_READY: ("ERROR_NOT_READY", "the device is not ready (no medium)"),
    ERROR_INVALID_PARAMETER: ("ERROR_INVALID_PARAMETER", "no such process, or it has exited"),
    ERROR_NOT_ALL_ASSIGNED: ("ERROR_NOT_ALL_ASSIGNED", "the privilege is not held: run as administrator"),
    ERROR_CANCELLED: ("ERROR_CANCELLED", "cancelled by the user"),
    ERROR_PROC_NOT_FOUND: ("ERROR_PROC_NOT_FOUND", "this Windows lacks the function"),
    ERROR_HOTKEY_ALREADY_REGISTERED: (
        "ERROR_HOTKEY_ALREADY_REGISTERED",
        "another program already uses this key combination",
    ),
}


@dataclass(frozen=True)
class Win32Error:
    """A GetLastError() code with its name and a short sentence."""

    code: int
    name: str
    sentence: str

    def __str__(self) -> str:
        return f"{self.sentence} ({self.name})"


def describe_error(code: int, elevated: bool = False) -> Win32Error:
    """Name and sentence for a Win32 error code; unknown codes get a generic sentence.

    ``elevated``: already administrator, so access denied must not advise elevating.
    """
    name, sentence = _ERROR_TEXT.get(code, (f"error {code}", "Windows refused the request"))
    if elevated and code == ERROR_ACCESS_DENIED:
        sentence = "access denied, although RAMLens runs as administrator"
    return Win32Error(code, name, sentence)


class SYSTEM_INFO(ctypes.Structure):
    """GetSystemInfo's output; the backend reads dwPageSize."""

    _fields_ = [
        ("wProcessorArchitecture", ctypes.c_uint16),
        ("wReserved", ctypes.c_uint16),
        ("dwPageSize", ctypes.c_uint32),
        ("lpMinimumApplicationAddress", ctypes.c_void_p),
        ("lpMaximumApplicationAddress", ctypes.c_void_p),
        ("dwActiveProcessorMask", ctypes.c_size_t),
        ("dwNumberOfProcessors", ctypes.c_uint32),
        ("dwProcessorType", ctypes.c_uint32),
        ("dwAllocationGranularity", ctypes.c_uint32),
        ("wProcessorLevel", ctypes.c_uint16),
        ("wProcessorRevision", ctypes.c_uint16),
    ]


class MEMORYSTATUSEX(ctypes.Structure):
    """GlobalMemoryStatusEx's output; dwLength must be set before the call."""

    _fields_ = [
        ("dwLength", ctypes.c_uint32),
        ("dwMemoryLoad", ctypes.c_uint32),
        ("ullTotalPhys", ctypes.c_uint64),
        ("ullAvailPhys", ctypes.c_uint64),
        ("ullTotalPageFile", ctypes.c_uint64),  # the commit limit
        ("ullAvailPageFile", ctypes.c_uint64),  # commit limit minus commit charge
        ("ullTotalVirtual", ctypes.c_uint64),
        ("ullAvailVirtual", ctypes.c_uint64),
        ("ullAvailExtendedVirtual", ctypes.c_uint64),
    ]


class _PDH_VALUE(ctypes.Union):
    _fields_ = [
        ("longValue", ctypes.c_int32),
        ("doubleValue", ctypes.c_double),
        ("largeValue", ctypes.c_int64),
        ("AnsiStringValue", ctypes.c_void_p),
        ("WideStringValue", ctypes.c_void_p),
    ]


class PDH_FMT_COUNTERVALUE(ctypes.Structure):
    """PdhGetFormattedCounterValue's output: a status and the value (largeValue with PDH_FMT_LARGE)."""

    _anonymous_ = ("u",)
    _fields_ = [("CStatus", ctypes.c_uint32), ("u", _PDH_VALUE)]


class PERFORMANCE_INFORMATION(ctypes.Structure):
    """GetPerformanceInfo's output: the system commit charge, limit and peak, pools, cache — in pages."""

    _fields_ = [
        ("cb", ctypes.c_uint32),
        ("CommitTotal", ctypes.c_size_t),
        ("CommitLimit", ctypes.c_size_t),
        ("CommitPeak", ctypes.c_size_t),
        ("PhysicalTotal", ctypes.c_size_t),
        ("PhysicalAvailable", ctypes.c_size_t),
        ("SystemCache", ctypes.c_size_t),
        ("KernelTotal", ctypes.c_size_t),
        ("KernelPaged", ctypes.c_size_t),
        ("KernelNonpaged", ctypes.c_size_t),
        ("PageSize", ctypes.c_size_t),
        ("HandleCount", ctypes.c_uint32),
        ("ProcessCount", ctypes.c_uint32),
        ("ThreadCount", ctypes.c_uint32),
    ]


# Registry (MS winreg.h, winnt.h): HKEY_CURRENT_USER is ((HKEY)(ULONG_PTR)((LONG)0x80000001)), the
# LONG sign-extended to pointer width; REG_SZ; RegGetValueW's RRF_RT_REG_SZ restricts it to strings.
HKEY_CURRENT_USER = ctypes.c_void_p(ctypes.c_int32(0x80000001).value).value
REG_SZ = 1
RRF_RT_REG_SZ = 0x00000002
# Hotkeys (MS winuser.h, RegisterHotKey): modifiers, and the message the window receives.
MOD_ALT = 0x0001
MOD_CONTROL = 0x0002
MOD_SHIFT = 0x0004
MOD_WIN = 0x0008
MOD_NOREPEAT = 0x4000
WM_HOTKEY = 0x0312


class POINT(ctypes.Structure):
    """POINT (windef.h)."""

    _fields_ = [("x", ctypes.c_int32), ("y", ctypes.c_int32)]


class MSG(ctypes.Structure):
    """MSG (winuser.h): what a window's nativeEvent carries on Windows."""

    _fields_ = [
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint32),
        ("wParam", ctypes.c_size_t),  # WPARAM: UINT_PTR
        ("lParam", ctypes.c_ssize_t),  # LPARAM: LONG_PTR
        ("time", ctypes.c_uint32),
        ("pt", POINT),
        ("lPrivate", ctypes.c_uint32),
    ]


class SHELLEXECUTEINFOW(ctypes.Structure):
    """ShellExecuteExW's in/out block; cbSize must be set, hProcess comes back with NOCLOSEPROCESS."""

    _fields_ = [
        ("cbSize", ctypes.c_uint32),
        ("fMask", ctypes.c_uint32),
        ("hwnd", ctypes.c_void_p),
        ("lpVerb", ctypes.c_wchar_p),
        ("lpFile", ctypes.c_wchar_p),
        ("lpParameters", ctypes.c_wchar_p),
        ("lpDirectory", ctypes.c_wchar_p),
        ("nShow", ctypes.c_int32),
        ("hInstApp", ctypes.c_void_p),
        ("lpIDList", ctypes.c_void_p),
        ("lpClass", ctypes.c_wchar_p),
        ("hkeyClass", ctypes.c_void_p),
        ("dwHotKey", ctypes.c_uint32),
        ("hIconOrMonitor", ctypes.c_void_p),  # union { HANDLE hIcon; HANDLE hMonitor; }
        ("hProcess", ctypes.c_void_p),
    ]
