"""Structure layouts against reference/windows-nt.md: x64 directly, x86 from the same field lists."""

from __future__ import annotations

import ctypes
from typing import Any

import pytest

from app.backends.windows import ntapi, seam, win32

# name -> (x64 size, x86 size, {field: (x64 offset, x86 offset)}) — copied from the reference.
REFERENCE = {
    "SYSTEM_MEMORY_LIST_INFORMATION": (
        176,
        88,
        {
            "ZeroPageCount": (0, 0),
            "FreePageCount": (8, 4),
            "ModifiedPageCount": (16, 8),
            "ModifiedNoWritePageCount": (24, 12),
            "BadPageCount": (32, 16),
            "PageCountByPriority": (40, 20),
            "RepurposedPagesByPriority": (104, 52),
            "ModifiedPageCountPageFile": (168, 84),
        },
    ),
    "SYSTEM_FILECACHE_INFORMATION": (
        64,
        36,
        {
            "CurrentSize": (0, 0),
            "PeakSize": (8, 4),
            "PageFaultCount": (16, 8),
            "MinimumWorkingSet": (24, 12),
            "MaximumWorkingSet": (32, 16),
            "CurrentSizeIncludingTransitionInPages": (40, 20),
            "PeakSizeIncludingTransitionInPages": (48, 24),
            "TransitionRePurposeCount": (56, 28),
            "Flags": (60, 32),
        },
    ),
    "MEMORY_COMBINE_INFORMATION_EX": (
        24,
        12,
        {"EventHandle": (0, 0), "PagesCombined": (8, 4), "Flags": (16, 8)},
    ),
}

REAL = {
    "SYSTEM_MEMORY_LIST_INFORMATION": ntapi.SYSTEM_MEMORY_LIST_INFORMATION,
    "SYSTEM_FILECACHE_INFORMATION": ntapi.SYSTEM_FILECACHE_INFORMATION,
    "MEMORY_COMBINE_INFORMATION_EX": ntapi.MEMORY_COMBINE_INFORMATION_EX,
}


def _names(structure: type[ctypes.Structure]) -> list[str]:
    return [entry[0] for entry in structure._fields_]


def _offsets(structure: type[ctypes.Structure]) -> dict[str, int]:
    return {name: getattr(structure, name).offset for name in _names(structure)}


@pytest.mark.parametrize("name", sorted(REFERENCE))
def test_x64_layout_matches_the_reference(name: str) -> None:
    size, _x86_size, fields = REFERENCE[name]
    structure = REAL[name]
    assert ctypes.sizeof(structure) == size
    assert _offsets(structure) == {field: offsets[0] for field, offsets in fields.items()}


# Field sizes on x64: SIZE_T and HANDLE are 8 bytes, ULONG 4, the priority arrays 8 × 8.
FIELD_SIZES_X64 = {
    "SYSTEM_MEMORY_LIST_INFORMATION": dict.fromkeys(REFERENCE["SYSTEM_MEMORY_LIST_INFORMATION"][2], 8)
    | {"PageCountByPriority": 64, "RepurposedPagesByPriority": 64},
    "SYSTEM_FILECACHE_INFORMATION": dict.fromkeys(REFERENCE["SYSTEM_FILECACHE_INFORMATION"][2], 8)
    | {"PageFaultCount": 4, "TransitionRePurposeCount": 4, "Flags": 4},
    "MEMORY_COMBINE_INFORMATION_EX": {"EventHandle": 8, "PagesCombined": 8, "Flags": 4},
}


@pytest.mark.parametrize("name", sorted(REFERENCE))
def test_x64_field_widths(name: str) -> None:
    structure = REAL[name]
    assert {field: getattr(structure, field).size for field in _names(structure)} == FIELD_SIZES_X64[name]


@pytest.mark.parametrize("name", sorted(REFERENCE))
def test_x86_layout_from_the_same_field_list(name: str) -> None:
    _x64_size, size, fields = REFERENCE[name]
    structure = ntapi.build_structure(name, ctypes.c_uint32)  # 4-byte SIZE_T and HANDLE
    assert ctypes.sizeof(structure) == size
    assert _offsets(structure) == {field: offsets[1] for field, offsets in fields.items()}


@pytest.mark.parametrize("name", sorted(REFERENCE))
def test_the_real_structure_is_built_from_the_checked_field_list(name: str) -> None:
    rebuilt = ntapi.build_structure(name, ctypes.c_size_t)
    assert _names(rebuilt) == _names(REAL[name])
    assert [getattr(rebuilt, n).size for n in _names(rebuilt)] == [
        getattr(REAL[name], n).size for n in _names(rebuilt)
    ]


def test_priority_arrays_hold_eight_entries() -> None:
    info = ntapi.SYSTEM_MEMORY_LIST_INFORMATION()
    assert len(info.PageCountByPriority) == 8
    assert len(info.RepurposedPagesByPriority) == 8


def test_windows_7_length_stops_before_the_page_file_count() -> None:
    assert ntapi.MEMORY_LIST_SIZE_WIN7 == 168


def test_win32_structures_have_their_x64_sizes() -> None:
    assert ctypes.sizeof(ntapi.RTL_OSVERSIONINFOW) == 276
    assert ctypes.sizeof(win32.SYSTEM_INFO) == 48
    assert win32.SYSTEM_INFO.dwPageSize.offset == 4
    assert ctypes.sizeof(win32.MEMORYSTATUSEX) == 64
    assert win32.MEMORYSTATUSEX.ullTotalPhys.offset == 8
    assert ctypes.sizeof(win32.PDH_FMT_COUNTERVALUE) == 16
    assert win32.PDH_FMT_COUNTERVALUE.largeValue.offset == 8


# Argument widths from the Windows signatures: 4 = ULONG/DWORD/BOOL/NTSTATUS, 1 = BOOLEAN,
# "P" = pointer-sized (SIZE_T, HANDLE, pointers), "S" = a wide string.
WIDTHS = {
    "nt_query_system_information": (4, [4, "P", 4, "P"]),
    "nt_set_system_information": (4, [4, "P", 4]),
    "rtl_adjust_privilege": (4, [4, 1, 1, "P"]),
    "rtl_get_version": (4, ["P"]),
    "get_system_info": (None, ["P"]),
    "global_memory_status_ex": (4, ["P"]),
    "open_process": ("P", [4, 4, 4]),
    "set_process_working_set_size_ex": (4, ["P", "P", "P", 4]),
    "close_handle": (4, ["P"]),
    "find_first_volume_w": ("P", ["P", 4]),
    "find_next_volume_w": (4, ["P", "P", 4]),
    "find_volume_close": (4, ["P"]),
    "create_file_w": ("P", ["S", 4, 4, "P", 4, 4, "P"]),
    "flush_file_buffers": (4, ["P"]),
    "is_user_an_admin": (4, []),
    "shell_execute_w": ("P", ["P", "S", "S", "S", "S", 4]),
    "pdh_open_query_w": (4, ["S", "P", "P"]),
    "pdh_add_english_counter_w": (4, ["P", "S", "P", "P"]),
    "pdh_collect_query_data": (4, ["P"]),
    "pdh_get_formatted_counter_value": (4, ["P", 4, "P", "P"]),
    "pdh_close_query": (4, ["P"]),
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


def test_information_classes_and_commands_are_the_reference_values() -> None:
    assert ntapi.SystemFileCacheInformation == 0x15
    assert ntapi.SystemMemoryListInformation == 0x50
    assert ntapi.SystemFileCacheInformationEx == 0x51
    assert ntapi.SystemCombinePhysicalMemoryInformation == 0x82
    assert ntapi.SystemRegistryReconciliationInformation == 0x9B
    commands = (
        ntapi.MemoryEmptyWorkingSets,
        ntapi.MemoryFlushModifiedList,
        ntapi.MemoryPurgeStandbyList,
        ntapi.MemoryPurgeLowPriorityStandbyList,
    )
    assert commands == (2, 3, 4, 5)
    assert (ntapi.SE_INCREASE_QUOTA_PRIVILEGE, ntapi.SE_PROFILE_SINGLE_PROCESS_PRIVILEGE) == (5, 13)
