"""The backend's structures, constants and signatures against the published table (published.py).

The table is written from the sources cited in it, not from the backend, so these tests can fail
when the backend drifts from the published definitions — including by adding a value no source has.
"""

from __future__ import annotations

import ctypes
from typing import Any

import pytest

from app.backends.windows import ntapi, pfn, seam, win32
from tests.windows import published

# The backend's structure for each published layout, and whether its field list can be rebuilt
# with a 4-byte pointer to check the x86 layout too (ntapi.FIELD_LISTS).
BACKEND: dict[str, type[ctypes.Structure]] = {
    "SYSTEM_MEMORY_LIST_INFORMATION": ntapi.SYSTEM_MEMORY_LIST_INFORMATION,
    "SYSTEM_FILECACHE_INFORMATION": ntapi.SYSTEM_FILECACHE_INFORMATION,
    "MEMORY_COMBINE_INFORMATION_EX": ntapi.MEMORY_COMBINE_INFORMATION_EX,
    "SYSTEM_STORE_INFORMATION": ntapi.SYSTEM_STORE_INFORMATION,
    "SM_STORE_COMPRESSION_INFORMATION_REQUEST": ntapi.SM_STORE_COMPRESSION_INFORMATION_REQUEST,
    "SM_SYSTEM_STORE_TRIM_REQUEST": ntapi.SM_SYSTEM_STORE_TRIM_REQUEST,
    "SYSTEM_PAGEFILE_INFORMATION": ntapi.SYSTEM_PAGEFILE_INFORMATION,
    "PERFORMANCE_INFORMATION": win32.PERFORMANCE_INFORMATION,
    "SHELLEXECUTEINFOW": win32.SHELLEXECUTEINFOW,
    "RTL_OSVERSIONINFOEXW": ntapi.RTL_OSVERSIONINFOEXW,
    "MEMORYSTATUSEX": win32.MEMORYSTATUSEX,
    "MSG": win32.MSG,
    "SUPERFETCH_INFORMATION": pfn.SUPERFETCH_INFORMATION,
    "PF_PHYSICAL_MEMORY_RANGE": pfn.PF_PHYSICAL_MEMORY_RANGE,
    "PF_PHYSICAL_MEMORY_RANGE_INFO_V1": pfn.PF_PHYSICAL_MEMORY_RANGE_INFO_V1,
    "PF_PHYSICAL_MEMORY_RANGE_INFO_V2": pfn.PF_PHYSICAL_MEMORY_RANGE_INFO_V2,
    "MMPFN_IDENTITY": pfn.MMPFN_IDENTITY,
    "PF_PFN_PRIO_REQUEST": pfn.PF_PFN_PRIO_REQUEST,
}


def test_every_published_layout_has_a_backend_structure() -> None:
    assert set(BACKEND) == set(published.LAYOUTS)


def _names(structure: type[ctypes.Structure]) -> list[str]:
    return [entry[0] for entry in structure._fields_]


@pytest.mark.parametrize("name", sorted(published.LAYOUTS))
def test_x64_layout_matches_the_published_one(name: str) -> None:
    layout, structure = published.LAYOUTS[name], BACKEND[name]
    assert ctypes.sizeof(structure) == layout.x64_size, layout.source
    assert _names(structure) == [f for f, *_ in layout.fields], layout.source
    got = [(f, getattr(structure, f).offset, getattr(structure, f).size) for f in _names(structure)]
    assert got == [(f, x64, width) for f, x64, _x86, width in layout.fields], layout.source


@pytest.mark.parametrize("name", sorted(ntapi.FIELD_LISTS))
def test_x86_layout_from_the_same_field_list(name: str) -> None:
    layout = published.LAYOUTS[name]
    structure = ntapi.build_structure(name, ctypes.c_uint32)  # 4-byte SIZE_T, HANDLE, PVOID
    assert ctypes.sizeof(structure) == layout.x86_size, layout.source
    assert [getattr(structure, f).offset for f, *_ in layout.fields] == [
        x86 for _f, _x64, x86, _w in layout.fields
    ]


@pytest.mark.parametrize("name", sorted(ntapi.FIELD_LISTS))
def test_the_real_structure_is_built_from_the_checked_field_list(name: str) -> None:
    rebuilt = ntapi.build_structure(name, ctypes.c_size_t)
    assert _names(rebuilt) == _names(BACKEND[name])
    assert ctypes.sizeof(rebuilt) == ctypes.sizeof(BACKEND[name])


def _int_constants(module: Any) -> dict[str, int]:
    return {
        name: value
        for name, value in vars(module).items()
        if not name.startswith("_") and type(value) is int and name[0].isalpha()
    }


# ntapi's spellings of published names (phnt spells this privilege SE_PROF_…).
_ALIASES = {"SE_PROFILE_SINGLE_PROCESS_PRIVILEGE": "SE_PROF_SINGLE_PROCESS_PRIVILEGE"}


def _published_constants() -> dict[str, int]:
    table: dict[str, int] = {}
    for group in (
        published.INFO_CLASSES,
        published.MEMORY_LIST_COMMANDS,
        published.STORE,
        published.PRIVILEGES,
    ):
        table.update({name: value for name, (value, _source) in group.items()})
    table.update(published.NTSTATUS)
    table.update({name: value for name, (value, _source) in published.WIN32.items()})
    return table


def test_every_ntapi_constant_is_a_published_value() -> None:
    """Defect 1 would fail here: an unsourced MEMORY_COMBINE_WORKING_SET = 0x2 has no published match."""
    table = _published_constants()
    for name, value in _int_constants(ntapi).items():
        published_name = _ALIASES.get(name, name)
        assert published_name in table, f"ntapi.{name} = {value:#x} has no published source"
        assert value == table[published_name], f"ntapi.{name}"


def test_the_published_win32_constants_match_the_backend() -> None:
    for name, (value, source) in published.WIN32.items():
        if hasattr(win32, name):
            assert getattr(win32, name) == value, source


def test_no_combine_flag_is_defined_because_flags_zero_is_what_the_callers_pass() -> None:
    assert not [name for name in vars(ntapi) if name.startswith("MEMORY_COMBINE_FLAG")]
    assert ntapi.MEMORY_COMBINE_INFORMATION_EX().Flags == published.COMBINE_FLAGS_PASSED[0]


# Argument widths from the Windows signatures: 4 = ULONG/DWORD/BOOL/NTSTATUS/HRESULT, 2 = USHORT,
# 1 = BOOLEAN, "P" = pointer-sized (SIZE_T, HANDLE, pointers), "S" = a wide string.
WIDTHS = {
    "nt_query_system_information": (4, [4, "P", 4, "P"]),
    "nt_set_system_information": (4, [4, "P", 4]),
    "rtl_adjust_privilege": (4, [4, 1, 1, "P"]),
    "rtl_get_version": (4, ["P"]),
    "get_system_info": (None, ["P"]),
    "global_memory_status_ex": (4, ["P"]),
    "get_performance_info": (4, ["P", 4]),
    "get_current_process": ("P", []),
    "is_wow64_process2": (4, ["P", "P", "P"]),
    "is_wow64_process": (4, ["P", "P"]),
    "open_process_token": (4, ["P", 4, "P"]),
    "get_token_information": (4, ["P", 4, "P", 4, "P"]),
    "open_process": ("P", [4, 4, 4]),
    "set_process_working_set_size_ex": (4, ["P", "P", "P", 4]),
    "close_handle": (4, ["P"]),
    "find_first_volume_w": ("P", ["P", 4]),
    "find_next_volume_w": (4, ["P", "P", 4]),
    "find_volume_close": (4, ["P"]),
    "create_file_w": ("P", ["S", 4, 4, "P", 4, 4, "P"]),
    "flush_file_buffers": (4, ["P"]),
    "co_initialize_ex": (4, ["P", 4]),
    "shell_execute_ex_w": (4, ["P"]),
    "wait_for_single_object": (4, ["P", 4]),
    "get_exit_code_process": (4, ["P", "P"]),
    "pdh_open_query_w": (4, ["S", "P", "P"]),
    "pdh_add_english_counter_w": (4, ["P", "S", "P", "P"]),
    "pdh_collect_query_data": (4, ["P"]),
    "pdh_get_formatted_counter_value": (4, ["P", 4, "P", "P"]),
    "pdh_close_query": (4, ["P"]),
    "reg_set_key_value_w": (4, ["P", "S", "S", 4, "P", 4]),
    "reg_delete_key_value_w": (4, ["P", "S", "S"]),
    "reg_get_value_w": (4, ["P", "S", "S", 4, "P", "P", "P"]),
    "register_hot_key": (4, ["P", 4, 4, 4]),
    "unregister_hot_key": (4, ["P", 4]),
}


def _width(t: Any) -> object:
    if t is None:
        return None
    if t is ctypes.c_wchar_p:
        return "S"
    if issubclass(t, ctypes._Pointer) or t is ctypes.c_void_p:
        return "P"
    size = ctypes.sizeof(t)
    return "P" if size == ctypes.sizeof(ctypes.c_void_p) else size


@pytest.mark.parametrize("name", sorted(WIDTHS))
def test_signatures_have_the_windows_widths(name: str) -> None:
    """c_ulong is 8 bytes on 64-bit Linux but 4 on Windows: every width must be explicit and right."""
    _dll, _export, restype, argtypes = seam.SIGNATURES[name]
    result, arguments = WIDTHS[name]
    assert _width(restype) == result
    assert [_width(t) for t in argtypes] == arguments


def test_every_seam_function_is_checked() -> None:
    assert set(WIDTHS) == set(seam.SIGNATURES)


def test_the_deprecated_is_user_an_admin_and_shell_execute_w_are_gone() -> None:
    """Defects 4 and 9: ShellExecuteW (no documented ERROR_CANCELLED) and IsUserAnAdmin (deprecated)."""
    exports = {export for _dll, export, _r, _a in seam.SIGNATURES.values()}
    assert "IsUserAnAdmin" not in exports and "ShellExecuteW" not in exports
    assert {"ShellExecuteExW", "GetTokenInformation", "IsWow64Process2", "K32GetPerformanceInfo"} <= exports
