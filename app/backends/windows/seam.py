"""The one seam between the backend and Windows: the DLL functions it calls, in one object.

On Windows :func:`load` takes each function from its DLL and sets ``argtypes``/``restype`` from
:data:`SIGNATURES`. Tests build the same object with :func:`from_functions`, wrapping a stand-in
kernel in ctypes function pointers of exactly those signatures, so every call still goes through
ctypes' argument conversion, ``byref`` and the caller's buffers.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from app.backends.windows.ntapi import RTL_OSVERSIONINFOEXW
from app.backends.windows.win32 import (
    MEMORYSTATUSEX,
    PDH_FMT_COUNTERVALUE,
    PERFORMANCE_INFORMATION,
    SHELLEXECUTEINFOW,
    SYSTEM_INFO,
)

_U32 = ctypes.c_uint32
_I32 = ctypes.c_int32  # NTSTATUS, BOOL
_PTR = ctypes.c_void_p  # HANDLE, PVOID, HINSTANCE
_WSTR = ctypes.c_wchar_p  # LPCWSTR (input)
_WBUF = ctypes.POINTER(ctypes.c_wchar)  # LPWSTR (output buffer)
_PU32 = ctypes.POINTER(_U32)  # PDWORD, PULONG

# field name -> (dll, export, restype, argtypes)
SIGNATURES: dict[str, tuple[str, str, Any, tuple[Any, ...]]] = {
    "nt_query_system_information": (
        "ntdll",
        "NtQuerySystemInformation",
        _I32,
        (_I32, _PTR, _U32, ctypes.POINTER(_U32)),
    ),
    "nt_set_system_information": ("ntdll", "NtSetSystemInformation", _I32, (_I32, _PTR, _U32)),
    "rtl_adjust_privilege": (
        "ntdll",
        "RtlAdjustPrivilege",
        _I32,
        (_U32, ctypes.c_uint8, ctypes.c_uint8, ctypes.POINTER(ctypes.c_uint8)),
    ),
    "rtl_get_version": ("ntdll", "RtlGetVersion", _I32, (ctypes.POINTER(RTL_OSVERSIONINFOEXW),)),
    "get_system_info": ("kernel32", "GetSystemInfo", None, (ctypes.POINTER(SYSTEM_INFO),)),
    "global_memory_status_ex": ("kernel32", "GlobalMemoryStatusEx", _I32, (ctypes.POINTER(MEMORYSTATUSEX),)),
    # K32GetPerformanceInfo is kernel32's export of psapi's GetPerformanceInfo (Windows 7 and later).
    "get_performance_info": (
        "kernel32",
        "K32GetPerformanceInfo",
        _I32,
        (ctypes.POINTER(PERFORMANCE_INFORMATION), _U32),
    ),
    "get_current_process": ("kernel32", "GetCurrentProcess", _PTR, ()),
    "is_wow64_process2": (
        "kernel32",
        "IsWow64Process2",
        _I32,
        (_PTR, ctypes.POINTER(ctypes.c_uint16), ctypes.POINTER(ctypes.c_uint16)),
    ),
    "is_wow64_process": ("kernel32", "IsWow64Process", _I32, (_PTR, ctypes.POINTER(_I32))),
    "open_process_token": ("advapi32", "OpenProcessToken", _I32, (_PTR, _U32, ctypes.POINTER(_PTR))),
    "get_token_information": ("advapi32", "GetTokenInformation", _I32, (_PTR, _U32, _PTR, _U32, _PU32)),
    "open_process": ("kernel32", "OpenProcess", _PTR, (_U32, _I32, _U32)),
    "set_process_working_set_size_ex": (
        "kernel32",
        "SetProcessWorkingSetSizeEx",
        _I32,
        (_PTR, ctypes.c_size_t, ctypes.c_size_t, _U32),
    ),
    "close_handle": ("kernel32", "CloseHandle", _I32, (_PTR,)),
    "find_first_volume_w": ("kernel32", "FindFirstVolumeW", _PTR, (_WBUF, _U32)),
    "find_next_volume_w": ("kernel32", "FindNextVolumeW", _I32, (_PTR, _WBUF, _U32)),
    "find_volume_close": ("kernel32", "FindVolumeClose", _I32, (_PTR,)),
    "create_file_w": ("kernel32", "CreateFileW", _PTR, (_WSTR, _U32, _U32, _PTR, _U32, _U32, _PTR)),
    "flush_file_buffers": ("kernel32", "FlushFileBuffers", _I32, (_PTR,)),
    "co_initialize_ex": ("ole32", "CoInitializeEx", _I32, (_PTR, _U32)),
    "shell_execute_ex_w": ("shell32", "ShellExecuteExW", _I32, (ctypes.POINTER(SHELLEXECUTEINFOW),)),
    "wait_for_single_object": ("kernel32", "WaitForSingleObject", _U32, (_PTR, _U32)),
    "get_exit_code_process": ("kernel32", "GetExitCodeProcess", _I32, (_PTR, _PU32)),
    "pdh_open_query_w": ("pdh", "PdhOpenQueryW", _U32, (_WSTR, ctypes.c_size_t, ctypes.POINTER(_PTR))),
    "pdh_add_english_counter_w": (
        "pdh",
        "PdhAddEnglishCounterW",
        _U32,
        (_PTR, _WSTR, ctypes.c_size_t, ctypes.POINTER(_PTR)),
    ),
    "pdh_collect_query_data": ("pdh", "PdhCollectQueryData", _U32, (_PTR,)),
    "pdh_get_formatted_counter_value": (
        "pdh",
        "PdhGetFormattedCounterValue",
        _U32,
        (_PTR, _U32, ctypes.POINTER(_U32), ctypes.POINTER(PDH_FMT_COUNTERVALUE)),
    ),
    "pdh_close_query": ("pdh", "PdhCloseQuery", _U32, (_PTR,)),
    # The per-user Run key (start with the session): one value, no key handles to manage.
    "reg_set_key_value_w": ("advapi32", "RegSetKeyValueW", _I32, (_PTR, _WSTR, _WSTR, _U32, _PTR, _U32)),
    "reg_delete_key_value_w": ("advapi32", "RegDeleteKeyValueW", _I32, (_PTR, _WSTR, _WSTR)),
    "reg_get_value_w": ("advapi32", "RegGetValueW", _I32, (_PTR, _WSTR, _WSTR, _U32, _PU32, _PTR, _PU32)),
    # The global hotkey for the chosen clean (WM_HOTKEY arrives at the window).
    "register_hot_key": ("user32", "RegisterHotKey", _I32, (_PTR, _I32, _U32, _U32)),
    "unregister_hot_key": ("user32", "UnregisterHotKey", _I32, (_PTR, _I32)),
}

# Exports some supported Windows versions lack; the seam holds None for them there.
# IsWow64Process2: Windows 10 1511 and later (Windows 8.1 has IsWow64Process only).
OPTIONAL = frozenset({"is_wow64_process2"})


@dataclass(frozen=True)
class Seam:
    """The DLL functions the Windows backend calls, plus the thread's last Win32 error."""

    nt_query_system_information: Callable[..., int]
    nt_set_system_information: Callable[..., int]
    rtl_adjust_privilege: Callable[..., int]
    rtl_get_version: Callable[..., int]
    get_system_info: Callable[..., None]
    global_memory_status_ex: Callable[..., int]
    get_performance_info: Callable[..., int]
    get_current_process: Callable[[], int | None]
    is_wow64_process2: Callable[..., int] | None
    is_wow64_process: Callable[..., int]
    open_process_token: Callable[..., int]
    get_token_information: Callable[..., int]
    open_process: Callable[..., int | None]
    set_process_working_set_size_ex: Callable[..., int]
    close_handle: Callable[..., int]
    find_first_volume_w: Callable[..., int | None]
    find_next_volume_w: Callable[..., int]
    find_volume_close: Callable[..., int]
    create_file_w: Callable[..., int | None]
    flush_file_buffers: Callable[..., int]
    co_initialize_ex: Callable[..., int]
    shell_execute_ex_w: Callable[..., int]
    wait_for_single_object: Callable[..., int]
    get_exit_code_process: Callable[..., int]
    pdh_open_query_w: Callable[..., int]
    pdh_add_english_counter_w: Callable[..., int]
    pdh_collect_query_data: Callable[..., int]
    pdh_get_formatted_counter_value: Callable[..., int]
    pdh_close_query: Callable[..., int]
    reg_set_key_value_w: Callable[..., int]
    reg_delete_key_value_w: Callable[..., int]
    reg_get_value_w: Callable[..., int]
    register_hot_key: Callable[..., int]
    unregister_hot_key: Callable[..., int]
    # Not a DLL export: ctypes keeps the last error per thread when a DLL is loaded with
    # use_last_error=True, which is the only reliable way to read it from Python.
    get_last_error: Callable[[], int]


def _function_type() -> Any:
    """WINFUNCTYPE (stdcall) on Windows; elsewhere CFUNCTYPE — the same on x64."""
    if sys.platform == "win32":
        return ctypes.WINFUNCTYPE
    return ctypes.CFUNCTYPE


def prototype(name: str) -> Any:
    """The ctypes function type of one seam function, from :data:`SIGNATURES`."""
    _dll, _export, restype, argtypes = SIGNATURES[name]
    return _function_type()(restype, *argtypes)


def from_functions(functions: Mapping[str, Callable[..., Any]], get_last_error: Callable[[], int]) -> Seam:
    """A seam over Python functions (a stand-in kernel), each wrapped as a ctypes function pointer.

    The wrappers must stay alive as long as the seam: the seam holds them. An optional export
    the stand-in leaves out is None, as on a Windows without it.
    """
    missing = set(SIGNATURES).difference(functions).difference(OPTIONAL)
    if missing:
        raise ValueError(f"stand-in kernel lacks {sorted(missing)}")
    wrapped: dict[str, Any] = {
        name: prototype(name)(functions[name]) if name in functions else None for name in SIGNATURES
    }
    return Seam(**wrapped, get_last_error=get_last_error)


def load() -> Seam:
    """The seam over the real DLLs (Windows only); raises OSError elsewhere or when a DLL is missing."""
    if sys.platform != "win32":
        raise OSError(f"the Windows DLLs cannot be loaded on {sys.platform}")
    libraries: dict[str, Any] = {}
    bound: dict[str, Any] = {}
    for name, (dll, export, restype, argtypes) in SIGNATURES.items():
        if dll not in libraries:
            libraries[dll] = ctypes.WinDLL(dll, use_last_error=True)
        try:
            function = getattr(libraries[dll], export)
        except AttributeError:
            if name not in OPTIONAL:
                raise OSError(f"{dll}.dll has no {export}") from None
            bound[name] = None
            continue
        function.restype = restype
        function.argtypes = argtypes
        bound[name] = function
    return Seam(**bound, get_last_error=ctypes.get_last_error)
