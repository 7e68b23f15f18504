"""Facts about the running Windows: version and edition, page size, physical memory, commit, WOW64."""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

from app.backends.base import BackendError
from app.backends.windows import ntapi, win32
from app.backends.windows.seam import Seam
from app.backends.windows.win32 import MEMORYSTATUSEX, PERFORMANCE_INFORMATION, SYSTEM_INFO

# Windows Server releases by first build (Microsoft's Windows Server release information);
# builds between them are the semi-annual channel, named plainly "Windows Server".
_SERVER_BUILDS = ((26100, "2025"), (20348, "2022"), (17763, "2019"), (14393, "2016"))
_SERVER_6X = {(6, 2): "Windows Server 2012", (6, 3): "Windows Server 2012 R2"}
_CLIENT_6X = {(6, 2): "Windows 8", (6, 3): "Windows 8.1"}


@dataclass(frozen=True, order=True)
class WindowsVersion:
    """The kernel's version numbers (RtlGetVersion does not lie for compatibility, unlike GetVersionEx)."""

    major: int
    minor: int
    build: int
    product_type: int = ntapi.VER_NT_WORKSTATION

    def at_least(self, major: int, minor: int = 0) -> bool:
        """True on this version or a later one."""
        return (self.major, self.minor) >= (major, minor)

    @property
    def server(self) -> bool:
        """A server edition (domain controllers included): wProductType is not VER_NT_WORKSTATION."""
        return self.product_type != ntapi.VER_NT_WORKSTATION

    @property
    def name(self) -> str:
        """A person's name for it: "Windows 11 (10.0.22631)", "Windows Server 2022 (10.0.20348)"."""
        numbers = f"({self.major}.{self.minor}.{self.build})"
        if self.server:
            family = _SERVER_6X.get((self.major, self.minor), "Windows Server")
            if self.major >= 10:
                family = next(
                    (f"Windows Server {year}" for first, year in _SERVER_BUILDS if self.build >= first),
                    "Windows Server",
                )
        elif self.major >= 10:
            family = "Windows 11" if self.build >= 22000 else "Windows 10"
        else:
            family = _CLIENT_6X.get((self.major, self.minor), "Windows")
        return f"{family} {numbers}"


@dataclass(frozen=True)
class MemoryStatus:
    """GlobalMemoryStatusEx in bytes: physical memory only (its page-file figures may be a job's)."""

    total: int
    available: int


@dataclass(frozen=True)
class Performance:
    """GetPerformanceInfo in bytes: the system-wide commit, pools and cache."""

    commit_total: int
    commit_limit: int
    commit_peak: int
    physical_total: int
    physical_available: int
    system_cache: int
    kernel_paged: int
    kernel_nonpaged: int


def version(seam: Seam) -> WindowsVersion:
    """The Windows version and product type from RtlGetVersion (OSVERSIONINFOEXW)."""
    info = ntapi.RTL_OSVERSIONINFOEXW()
    info.dwOSVersionInfoSize = ctypes.sizeof(info)
    status = seam.rtl_get_version(ctypes.byref(info))
    if not ntapi.nt_success(status):
        raise BackendError(f"could not read the Windows version: {ntapi.describe(status)}")
    return WindowsVersion(info.dwMajorVersion, info.dwMinorVersion, info.dwBuildNumber, info.wProductType)


def page_size(seam: Seam) -> int:
    """The page size from GetSystemInfo — never assumed to be 4096."""
    info = SYSTEM_INFO()
    seam.get_system_info(ctypes.byref(info))
    if info.dwPageSize == 0:
        raise BackendError("GetSystemInfo reported a page size of 0")
    return int(info.dwPageSize)


def memory_status(seam: Seam) -> MemoryStatus:
    """Physical memory from GlobalMemoryStatusEx."""
    status = MEMORYSTATUSEX()
    status.dwLength = ctypes.sizeof(status)
    if not seam.global_memory_status_ex(ctypes.byref(status)):
        raise BackendError(f"GlobalMemoryStatusEx failed (Win32 error {seam.get_last_error()})")
    return MemoryStatus(total=int(status.ullTotalPhys), available=int(status.ullAvailPhys))


def performance(seam: Seam) -> Performance:
    """System commit charge, limit and peak, pools and cache from GetPerformanceInfo (pages × PageSize)."""
    info = PERFORMANCE_INFORMATION()
    info.cb = ctypes.sizeof(info)
    if not seam.get_performance_info(ctypes.byref(info), ctypes.sizeof(info)):
        raise BackendError(f"GetPerformanceInfo failed (Win32 error {seam.get_last_error()})")
    page = int(info.PageSize)
    if page == 0:
        raise BackendError("GetPerformanceInfo reported a page size of 0")
    return Performance(
        commit_total=int(info.CommitTotal) * page,
        commit_limit=int(info.CommitLimit) * page,
        commit_peak=int(info.CommitPeak) * page,
        physical_total=int(info.PhysicalTotal) * page,
        physical_available=int(info.PhysicalAvailable) * page,
        system_cache=int(info.SystemCache) * page,
        kernel_paged=int(info.KernelPaged) * page,
        kernel_nonpaged=int(info.KernelNonpaged) * page,
    )


def is_wow64(seam: Seam) -> bool:
    """True for a 32-bit process on 64-bit Windows (IsWow64Process2; IsWow64Process where it is missing)."""
    process = seam.get_current_process()
    if seam.is_wow64_process2 is not None:
        machine, native = ctypes.c_uint16(), ctypes.c_uint16()
        if not seam.is_wow64_process2(process, ctypes.byref(machine), ctypes.byref(native)):
            raise BackendError(f"IsWow64Process2 failed ({win32.describe_error(seam.get_last_error())})")
        # The process machine is IMAGE_FILE_MACHINE_UNKNOWN unless the process runs under WOW64.
        return machine.value != win32.IMAGE_FILE_MACHINE_UNKNOWN
    wow64 = ctypes.c_int32()
    if not seam.is_wow64_process(process, ctypes.byref(wow64)):
        raise BackendError(f"IsWow64Process failed ({win32.describe_error(seam.get_last_error())})")
    return bool(wow64.value)
