"""A simulated Windows kernel behind the backend's seam, for testing the Windows backend on Linux.

Every DLL function is a Python function wrapped by ``seam.from_functions`` in a ctypes function
pointer with the real signature, so the backend's calls go through ctypes' argument conversion,
``byref`` and the caller's own buffers. The fake keeps page counts per list, writes them into those
buffers as raw bytes packed with the reference's x64 layout (not with the backend's ctypes
structures, so a layout mistake in the backend shows up as wrong numbers), checks every length,
moves pages between lists as each command does on Windows, and refuses what Windows refuses.
"""

from __future__ import annotations

import ctypes
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.backends.windows import seam as seam_module

WIN7 = (6, 1, 7601)
WIN8 = (6, 2, 9200)
WIN81 = (6, 3, 9600)
WIN10 = (10, 0, 19045)
WIN11 = (10, 0, 22631)

# NTSTATUS, as the unsigned values of the reference.
STATUS_SUCCESS = 0
STATUS_INVALID_INFO_CLASS = 0xC0000003
STATUS_INFO_LENGTH_MISMATCH = 0xC0000004
STATUS_INVALID_PARAMETER = 0xC000000D
STATUS_ACCESS_DENIED = 0xC0000022
STATUS_PRIVILEGE_NOT_HELD = 0xC0000061
STATUS_NOT_SUPPORTED = 0xC00000BB
STATUS_INTERNAL_ERROR = 0xC00000E5

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
ERROR_INVALID_PARAMETER = 87
ERROR_FILENAME_EXCED_RANGE = 206
ERROR_CANCELLED = 1223

SIZE_MAX = 2**64 - 1
PROCESS_SET_QUOTA = 0x0100
GENERIC_WRITE = 0x40000000

# x64 layouts from reference/windows-nt.md and the Windows SDK headers.
MEMORY_LIST_X64 = "<22Q"  # 176 bytes
MEMORY_LIST_WIN7 = "<21Q"  # 168: no ModifiedPageCountPageFile
FILE_CACHE_X64 = "<QQI4xQQQQII"  # 64 bytes
COMBINE_X64 = "<QQI4x"  # 24 bytes
OSVERSIONINFOW = "<5I"  # then WCHAR[128]: 276 bytes in all
SYSTEM_INFO_X64 = "<HHIQQQIIIHH"  # 48 bytes
MEMORYSTATUSEX = "<II7Q"  # 64 bytes
PDH_VALUE_LARGE = "<I4xq"  # 16 bytes

ENGLISH_COUNTERS = (
    r"\Memory\Available Bytes",
    r"\Memory\Free & Zero Page List Bytes",
    r"\Memory\Modified Page List Bytes",
    r"\Memory\Standby Cache Reserve Bytes",
    r"\Memory\Standby Cache Normal Priority Bytes",
    r"\Memory\Standby Cache Core Bytes",
    r"\Memory\Cache Bytes",
)


def signed(status: int) -> int:
    """An unsigned NTSTATUS as the signed 32-bit value a function returns."""
    return status - 2**32 if status >= 2**31 else status


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
class FakeWindows:
    """The simulated machine: version, token, page counts, processes, volumes, counters."""

    version: tuple[int, int, int] = WIN11
    admin: bool = True
    page_size: int = 4096
    held: set[int] | None = None  # privileges the token holds; default: all three when admin
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
    commit_charge: int = 600_000
    commit_limit: int = 1_200_000
    processes: dict[int, FakeProcess] = field(default_factory=dict)
    volumes: list[FakeVolume] = field(default_factory=list)
    refuse: dict[tuple[str, int], int] = field(default_factory=dict)  # (query|set, class) -> NTSTATUS
    pdh_missing: set[str] = field(default_factory=set)
    pdh_open_status: int = 0
    shell_answer: str = "yes"  # yes | cancel
    enabled: set[int] = field(default_factory=set)
    calls: list[tuple[Any, ...]] = field(default_factory=list)
    errors: list[BaseException] = field(default_factory=list)
    launched: list[tuple[str | None, ...]] = field(default_factory=list)
    registry_flushes: int = 0
    last_error: int = 0

    def __post_init__(self) -> None:
        if self.held is None:
            self.held = {5, 13, 20} if self.admin else set()
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

    # -- the state -----------------------------------------------------------------------------

    @property
    def active(self) -> int:
        """Pages in use: the kernel, working sets, the file cache and pages waiting to be combined."""
        working_sets = sum(p.clean + p.dirty for p in self.processes.values())
        return self.kernel + working_sets + self.file_cache + self.combinable

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
    def open_handles(self) -> dict[int, tuple[Any, ...]]:
        return dict(self._handles)

    def supports(self, info_class: int) -> bool:
        if info_class == 130:
            return self.version >= WIN10
        if info_class == 155:
            return self.version >= WIN81
        return info_class in (0, 2, 21, 80, 81)

    def _handle(self, *what: Any) -> int:
        self._next_handle += 4
        self._handles[self._next_handle] = what
        return self._next_handle

    def _needs(self, privilege: int) -> int:
        return STATUS_SUCCESS if privilege in self.enabled else STATUS_PRIVILEGE_NOT_HELD

    # -- ntdll ---------------------------------------------------------------------------------

    def nt_query_system_information(
        self, info_class: int, address: int | None, length: int, returned: Any
    ) -> int:
        self.calls.append(("query", info_class, length))
        if ("query", info_class) in self.refuse:
            return signed(self.refuse[("query", info_class)])
        if not self.supports(info_class):
            return signed(STATUS_INVALID_INFO_CLASS)
        if info_class == 80:
            if self._needs(13):
                return signed(STATUS_PRIVILEGE_NOT_HELD)
            values = [self.zeroed, self.free, self.modified, self.modified_no_write, self.bad]
            values += [*self.standby, *self.repurposed, self.modified_pagefile]
            layout = MEMORY_LIST_X64 if self.version >= WIN8 else MEMORY_LIST_WIN7
            data = struct.pack(layout, *values[: struct.calcsize(layout) // 8])
        elif info_class == 21:
            ps = self.page_size
            data = struct.pack(
                FILE_CACHE_X64, self.file_cache * ps, self.file_cache_peak * ps, 777, 0, 0, 0, 0, 0, 0
            )
        else:
            return signed(STATUS_INVALID_PARAMETER)
        if returned:
            returned[0] = len(data)
        if length != len(data):
            return signed(STATUS_INFO_LENGTH_MISMATCH)
        assert address, "NULL buffer with the right length"
        _write(address, data)
        return STATUS_SUCCESS

    def nt_set_system_information(self, info_class: int, address: int | None, length: int) -> int:
        self.calls.append(("set", info_class, length))
        if ("set", info_class) in self.refuse:
            return signed(self.refuse[("set", info_class)])
        if not self.supports(info_class):
            return signed(STATUS_INVALID_INFO_CLASS)
        handler = {80: self._memory_list_command, 81: self._file_cache, 21: self._file_cache}.get(info_class)
        if info_class == 130:
            handler = self._combine
        elif info_class == 155:
            handler = self._registry
        if handler is None:
            return signed(STATUS_INVALID_PARAMETER)
        return signed(handler(address, length))

    def _memory_list_command(self, address: int | None, length: int) -> int:
        if self._needs(13):
            return STATUS_PRIVILEGE_NOT_HELD
        if length != 4:
            return STATUS_INFO_LENGTH_MISMATCH
        assert address, "NULL buffer with a non-zero length"
        (command,) = struct.unpack("<i", ctypes.string_at(address, 4))
        self.calls.append(("command", command))
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
        if self._needs(5):
            return STATUS_PRIVILEGE_NOT_HELD
        if length != struct.calcsize(FILE_CACHE_X64):
            return STATUS_INFO_LENGTH_MISMATCH
        assert address, "NULL buffer with a non-zero length"
        fields = struct.unpack(FILE_CACHE_X64, ctypes.string_at(address, length))
        minimum, maximum, flags = fields[3], fields[4], fields[8]
        self.calls.append(("file-cache", minimum, maximum, flags))
        if minimum == maximum == SIZE_MAX and flags == 0:
            self.standby[5] += self.file_cache
            self.file_cache = 0
        return STATUS_SUCCESS

    def _combine(self, address: int | None, length: int) -> int:
        if self._needs(13):
            return STATUS_PRIVILEGE_NOT_HELD
        if length != struct.calcsize(COMBINE_X64):
            return STATUS_INFO_LENGTH_MISMATCH
        assert address, "NULL buffer with a non-zero length"
        event, pages, flags = struct.unpack(COMBINE_X64, ctypes.string_at(address, length))
        if event or pages or flags:
            return STATUS_INVALID_PARAMETER
        _write(address + 8, struct.pack("<Q", self.combinable))
        self.free += self.combinable
        self.combinable = 0
        return STATUS_SUCCESS

    def _registry(self, address: int | None, length: int) -> int:
        if address or length:
            return STATUS_INVALID_PARAMETER
        if not self.admin:
            return STATUS_ACCESS_DENIED
        self.registry_flushes += 1
        return STATUS_SUCCESS

    def rtl_adjust_privilege(self, privilege: int, enable: int, thread: int, was_enabled: Any) -> int:
        self.calls.append(("privilege", privilege, enable, thread))
        assert self.held is not None
        if privilege not in self.held:
            return signed(STATUS_PRIVILEGE_NOT_HELD)
        was_enabled[0] = int(privilege in self.enabled)
        if enable:
            self.enabled.add(privilege)
        else:
            self.enabled.discard(privilege)
        return STATUS_SUCCESS

    def rtl_get_version(self, info: Any) -> int:
        address = _address(info)
        (size,) = struct.unpack("<I", ctypes.string_at(address, 4))
        if size not in (276, 284):
            return signed(STATUS_INVALID_PARAMETER)
        _write(address, struct.pack(OSVERSIONINFOW, size, *self.version, 2))
        return STATUS_SUCCESS

    # -- kernel32 ------------------------------------------------------------------------------

    def get_system_info(self, info: Any) -> None:
        data = struct.pack(
            SYSTEM_INFO_X64, 9, 0, self.page_size, 0x10000, 0x7FFFFFFEFFFF, 0xFF, 8, 8664, 65536, 6, 0
        )
        _write(_address(info), data)

    def global_memory_status_ex(self, status: Any) -> int:
        address = _address(status)
        (length,) = struct.unpack("<I", ctypes.string_at(address, 4))
        if length != struct.calcsize(MEMORYSTATUSEX):
            self.last_error = ERROR_INVALID_PARAMETER
            return 0
        ps = self.page_size
        available = (sum(self.standby) + self.free + self.zeroed) * ps
        total = self.total * ps
        limit, charge = self.commit_limit * ps, self.commit_charge * ps
        load = 100 - 100 * available // total
        _write(
            address,
            struct.pack(
                MEMORYSTATUSEX, length, load, total, available, limit, limit - charge, 2**47, 2**46, 0
            ),
        )
        return 1

    def open_process(self, access: int, inherit: int, pid: int) -> int | None:
        proc = self.processes.get(pid)
        if proc is None:
            self.last_error = ERROR_INVALID_PARAMETER
            return None
        if proc.protected or not (proc.own or self.admin and 20 in self.enabled):
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

    # -- shell32 -------------------------------------------------------------------------------

    def is_user_an_admin(self) -> int:
        return int(self.admin)

    def shell_execute_w(
        self,
        hwnd: Any,
        verb: str | None,
        file: str | None,
        params: str | None,
        directory: str | None,
        show: int,
    ) -> int | None:
        self.launched.append((verb, file, params, directory))
        if self.shell_answer == "cancel":
            self.last_error = ERROR_CANCELLED
            return 5  # SE_ERR_ACCESSDENIED
        return 42

    # -- pdh -----------------------------------------------------------------------------------

    def counter_values(self) -> dict[str, int]:
        """What the performance counters show for the current state, in bytes."""
        ps, standby = self.page_size, self.standby
        return {
            r"\Memory\Available Bytes": (sum(standby) + self.free + self.zeroed) * ps,
            r"\Memory\Free & Zero Page List Bytes": (self.free + self.zeroed) * ps,
            r"\Memory\Modified Page List Bytes": self.modified * ps,
            r"\Memory\Standby Cache Reserve Bytes": sum(standby[0:4]) * ps,
            r"\Memory\Standby Cache Normal Priority Bytes": sum(standby[4:6]) * ps,
            r"\Memory\Standby Cache Core Bytes": sum(standby[6:8]) * ps,
            r"\Memory\Cache Bytes": self.file_cache * ps,
        }

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

    # -- the seam ------------------------------------------------------------------------------

    def seam(self) -> seam_module.Seam:
        """The backend's seam over this fake: every function a ctypes pointer with the real signature."""
        functions = {name: self._guard(name, getattr(self, name)) for name in seam_module.SIGNATURES}
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
                return 0 if restype is ctypes.c_int32 else None  # BOOL FALSE, NULL handle

        return guarded
