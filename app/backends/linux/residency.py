"""How many of a file's pages are in the page cache: cachestat(2), or mmap + mincore(2) on older kernels.

cachestat (Linux ≥ 6.5) is syscall 451 on every architecture (numbers from 424 on are shared by all
of them, arch/x86/entry/syscalls/syscall_64.tbl: ``451 common cachestat sys_cachestat``). Its two
structures, from include/uapi/linux/mman.h (e.g. linux-next 71c90e24, ColinIanKing/linux-next)::

    struct cachestat_range { __u64 off; __u64 len; };        // len 0: from off to the end of the file
    struct cachestat { __u64 nr_cache; __u64 nr_dirty; __u64 nr_writeback;
                       __u64 nr_evicted; __u64 nr_recently_evicted; };

The counts are in pages. Recent kernels answer cachestat only for files the caller owns or could
open for writing (EPERM otherwise); for those files the mincore fallback is used (on this
project's test kernel, 6.18, mincore answers for any file the caller can map, as fincore shows),
so only the cached figure is known for them.

libc is loaded on first use, never at import.
"""

from __future__ import annotations

import ctypes
import errno
import mmap
import os
from dataclasses import dataclass
from functools import cache

from app.filecache import Method

NR_CACHESTAT = 451
MINCORE_WINDOW = 1 << 30  # bytes mapped at a time by the fallback (its vector is 256 KiB of 4 KiB pages)
_MAP_FAILED = ctypes.c_void_p(-1).value


class _Range(ctypes.Structure):
    _fields_ = (("off", ctypes.c_uint64), ("len", ctypes.c_uint64))


class _Stat(ctypes.Structure):
    _fields_ = (
        ("nr_cache", ctypes.c_uint64),
        ("nr_dirty", ctypes.c_uint64),
        ("nr_writeback", ctypes.c_uint64),
        ("nr_evicted", ctypes.c_uint64),
        ("nr_recently_evicted", ctypes.c_uint64),
    )


@dataclass(frozen=True)
class Pages:
    """One file's page counts; ``None`` where the method cannot tell."""

    cached: int
    dirty: int | None = None
    writeback: int | None = None
    evicted: int | None = None
    recently_evicted: int | None = None


@cache
def _libc() -> ctypes.CDLL:
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    # syscall(2) is variadic; on the Linux ABIs (x86-64, AArch64) integer arguments pass as fixed ones do
    libc.syscall.argtypes = (ctypes.c_long, ctypes.c_long, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_long)
    libc.mmap.restype = ctypes.c_void_p
    libc.mmap.argtypes = (
        ctypes.c_void_p,
        ctypes.c_size_t,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.c_long,
    )
    libc.munmap.argtypes = (ctypes.c_void_p, ctypes.c_size_t)
    libc.mincore.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_void_p)
    return libc


class Probe:
    """Measures files one after another, reusing its two structures (one probe per thread)."""

    def __init__(self) -> None:
        self._range = _Range(0, 0)  # the whole file
        self._stat = _Stat()
        self._syscall = _libc().syscall
        self._range_at = ctypes.addressof(self._range)
        self._stat_at = ctypes.addressof(self._stat)

    def cachestat(self, fd: int) -> Pages:
        """cachestat(2) over the whole file; OSError (ENOSYS before Linux 6.5, EPERM when refused)."""
        if self._syscall(NR_CACHESTAT, fd, self._range_at, self._stat_at, 0) != 0:
            err = ctypes.get_errno()
            raise OSError(err, os.strerror(err))
        s = self._stat
        return Pages(s.nr_cache, s.nr_dirty, s.nr_writeback, s.nr_evicted, s.nr_recently_evicted)

    def pages(self, fd: int, size: int) -> Pages:
        """The page counts of an open regular file by the best method this kernel offers."""
        if method() is Method.CACHESTAT:
            try:
                return self.cachestat(fd)
            except PermissionError:  # not our file and not writable by us: mincore may still answer
                pass
        return mincore_pages(fd, size) if size else Pages(0)


def cachestat(fd: int) -> Pages:
    """cachestat(2) over the whole file (a one-off :class:`Probe`)."""
    return Probe().cachestat(fd)


def mincore_pages(fd: int, size: int) -> Pages:
    """Resident pages by mapping the file (read-only, shared) a window at a time and calling mincore(2)."""
    import numpy as np  # only this fallback needs it; cachestat(2) does not

    libc = _libc()
    page = mmap.PAGESIZE
    resident = 0
    for offset in range(0, size, MINCORE_WINDOW):
        length = min(MINCORE_WINDOW, size - offset)
        addr = libc.mmap(None, length, mmap.PROT_READ, mmap.MAP_SHARED, fd, offset)
        if addr is None or addr == _MAP_FAILED:
            err = ctypes.get_errno()
            raise OSError(err, os.strerror(err))
        try:
            vec = np.zeros(-(-length // page), dtype=np.uint8)
            if libc.mincore(addr, length, vec.ctypes.data) != 0:
                err = ctypes.get_errno()
                raise OSError(err, os.strerror(err))
            resident += int(np.count_nonzero(vec & 1))  # only bit 0 is defined
        finally:
            libc.munmap(addr, length)
    return Pages(resident)


@cache
def method() -> Method:
    """cachestat when this kernel has it, else mincore (probed once, on a file everyone may stat)."""
    fd = os.open("/proc/self/exe", os.O_RDONLY | os.O_CLOEXEC)
    try:
        cachestat(fd)
    except OSError as exc:
        if exc.errno == errno.ENOSYS:
            return Method.MINCORE
    finally:
        os.close(fd)
    return Method.CACHESTAT
