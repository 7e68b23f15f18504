"""Facts about the running Windows: version (RtlGetVersion), page size, physical memory and commit."""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

from app.backends.base import BackendError
from app.backends.windows import ntapi
from app.backends.windows.seam import Seam
from app.backends.windows.win32 import MEMORYSTATUSEX, SYSTEM_INFO

_NAMES = {(6, 1): "Windows 7", (6, 2): "Windows 8", (6, 3): "Windows 8.1"}


@dataclass(frozen=True, order=True)
class WindowsVersion:
    """The kernel's version numbers (RtlGetVersion does not lie for compatibility, unlike GetVersionEx)."""

    major: int
    minor: int
    build: int

    def at_least(self, major: int, minor: int = 0) -> bool:
        """True on this version or a later one."""
        return (self.major, self.minor) >= (major, minor)

    @property
    def name(self) -> str:
        """A person's name for it: "Windows 11 (10.0.22631)"."""
        if self.major >= 10:
            family = "Windows 11" if self.build >= 22000 else "Windows 10"
        else:
            family = _NAMES.get((self.major, self.minor), "Windows")
        return f"{family} ({self.major}.{self.minor}.{self.build})"


@dataclass(frozen=True)
class MemoryStatus:
    """GlobalMemoryStatusEx in bytes."""

    total: int
    available: int
    commit_limit: int
    commit_charge: int


def version(seam: Seam) -> WindowsVersion:
    """The Windows version from RtlGetVersion."""
    info = ntapi.RTL_OSVERSIONINFOW()
    info.dwOSVersionInfoSize = ctypes.sizeof(info)
    status = seam.rtl_get_version(ctypes.byref(info))
    if not ntapi.nt_success(status):
        raise BackendError(f"could not read the Windows version: {ntapi.describe(status)}")
    return WindowsVersion(info.dwMajorVersion, info.dwMinorVersion, info.dwBuildNumber)


def page_size(seam: Seam) -> int:
    """The page size from GetSystemInfo — never assumed to be 4096."""
    info = SYSTEM_INFO()
    seam.get_system_info(ctypes.byref(info))
    if info.dwPageSize == 0:
        raise BackendError("GetSystemInfo reported a page size of 0")
    return int(info.dwPageSize)


def memory_status(seam: Seam) -> MemoryStatus:
    """Physical memory and commit from GlobalMemoryStatusEx."""
    status = MEMORYSTATUSEX()
    status.dwLength = ctypes.sizeof(status)
    if not seam.global_memory_status_ex(ctypes.byref(status)):
        raise BackendError(f"GlobalMemoryStatusEx failed (Win32 error {seam.get_last_error()})")
    return MemoryStatus(
        total=int(status.ullTotalPhys),
        available=int(status.ullAvailPhys),
        commit_limit=int(status.ullTotalPageFile),
        commit_charge=int(status.ullTotalPageFile - status.ullAvailPageFile),
    )
