"""Trim working sets: process_madvise(pidfd, ranges, MADV_PAGEOUT) over every mapping of a process.

The Linux counterpart of Windows' EmptyWorkingSet. Clean file pages are dropped and re-read on the next
touch; dirty file pages are written back first. Anonymous pages can only go to swap: without swap they stay
resident (the kernel even re-activates them), which the result says plainly.
"""

from __future__ import annotations

import ctypes
import errno
import functools
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.backends.base import Outcome
from app.units import count, format_bytes

PROCESS_MADVISE = 440  # x86_64 and the asm-generic table (arm64, riscv64)
MADV_PAGEOUT = 21
IOV_MAX = 1024  # UIO_MAXIOV: the most ranges one call accepts

# Mappings the kernel refuses to page out (special/PFN mappings); skipping them saves a failed call each.
_SPECIAL = (b"[vsyscall]", b"[vvar]", b"[vvar_vclock]")


class _Iovec(ctypes.Structure):
    _fields_ = [("iov_base", ctypes.c_void_p), ("iov_len", ctypes.c_size_t)]


_IovecArray = _Iovec * IOV_MAX


@functools.cache
def _syscall() -> Any:
    """libc's syscall(2), loaded on first use (no library is loaded at import)."""
    function = ctypes.CDLL(None, use_errno=True).syscall
    function.restype = ctypes.c_long
    return function


def _process_madvise(pidfd: int, iov: ctypes.Array[_Iovec], count: int, advice: int) -> int:
    """The raw system call: bytes advised, or −errno."""
    ret = _syscall()(
        ctypes.c_long(PROCESS_MADVISE),
        ctypes.c_int(pidfd),
        iov,
        ctypes.c_size_t(count),
        ctypes.c_int(advice),
        ctypes.c_uint(0),
    )
    return int(ret) if ret >= 0 else -ctypes.get_errno()


def process_madvise_supported() -> bool:
    """True when the kernel has process_madvise (probed with an invalid pidfd: EBADF means it exists)."""
    iov = _IovecArray()
    return _process_madvise(-1, iov, 0, MADV_PAGEOUT) != -errno.ENOSYS


@dataclass
class TrimReport:
    """Counts over the processes a trim went through."""

    trimmed: int = 0
    skipped: int = 0
    failed: int = 0
    advised_bytes: int = 0
    rss_before: int = 0  # resident bytes of the trimmed processes, before and after
    rss_after: int = 0
    failures: list[str] = field(default_factory=list)  # "pid 123 (name): reason", first few kept

    def outcome(self, swap_bytes: int, ok: bool) -> Outcome:
        """The sentence and details a person sees."""
        parts = [
            f"{count(self.trimmed, 'process', 'processes')} trimmed, {self.skipped} skipped "
            f"(this process, kernel threads, exited), {self.failed} failed"
        ]
        if self.trimmed:
            parts.append(
                f"their resident memory went from {format_bytes(self.rss_before)} "
                f"to {format_bytes(self.rss_after)}"
            )
        if self.failures:
            parts.append("first failures: " + "; ".join(self.failures[:3]))
        if swap_bytes == 0:
            parts.append(
                "there is no swap, so anonymous pages (heap, stacks) stay resident: only file-backed pages "
                "can leave a working set"
            )
        details = {
            "trimmed": self.trimmed,
            "skipped": self.skipped,
            "failed": self.failed,
            "advised_bytes": self.advised_bytes,
            "rss_before_bytes": self.rss_before,
            "rss_after_bytes": self.rss_after,
        }
        return Outcome("; ".join(parts), details, ok=ok)


def all_pids(proc: Path) -> list[int]:
    """Every process id listed under ``proc``."""
    return sorted(int(name) for name in os.listdir(proc) if name.isdigit())


def trim(pids: Iterable[int], proc: Path, page_size: int) -> TrimReport:
    """Page out every mapping of each process (not this one); one process failing never raises."""
    report = TrimReport()
    me = os.getpid()
    iov = _IovecArray()
    for pid in pids:
        if pid == me:
            report.skipped += 1
            continue
        _trim_one(pid, proc, page_size, iov, report)
    return report


def _trim_one(pid: int, proc: Path, page_size: int, iov: ctypes.Array[_Iovec], report: TrimReport) -> None:
    base = proc / str(pid)
    try:
        maps = (base / "maps").read_bytes()
        rss_before = _rss(base, page_size)
    except (FileNotFoundError, ProcessLookupError):
        report.skipped += 1  # exited meanwhile
        return
    except OSError as exc:
        _fail(report, pid, base, exc.strerror or str(exc))
        return
    ranges = _ranges(maps)
    if not ranges:
        report.skipped += 1  # kernel thread or zombie: no user memory
        return
    try:
        pidfd = os.pidfd_open(pid)
    except ProcessLookupError:
        report.skipped += 1
        return
    except OSError as exc:
        _fail(report, pid, base, exc.strerror or str(exc))
        return
    try:
        advised, error = _advise(pidfd, ranges, iov)
    finally:
        os.close(pidfd)
    if error == errno.ESRCH and not advised:
        report.skipped += 1
        return
    if error in (errno.EPERM, errno.EACCES) or (error and not advised):
        _fail(report, pid, base, os.strerror(error))
        return
    report.trimmed += 1
    report.advised_bytes += advised
    report.rss_before += rss_before
    report.rss_after += _rss_after(base, page_size)


def _advise(pidfd: int, ranges: list[tuple[int, int]], iov: ctypes.Array[_Iovec]) -> tuple[int, int]:
    """Advise every range; a range the kernel rejects is stepped over. Returns (bytes advised, last errno)."""
    advised = 0
    last_error = 0
    i = 0
    while i < len(ranges):
        batch = ranges[i : i + IOV_MAX]
        for slot, (start, length) in enumerate(batch):
            iov[slot].iov_base = start
            iov[slot].iov_len = length
        ret = _process_madvise(pidfd, iov, len(batch), MADV_PAGEOUT)
        if ret == -errno.EINTR:
            continue
        if ret < 0:
            last_error = -ret
            if last_error in (errno.ESRCH, errno.EPERM, errno.EACCES, errno.ENOSYS, errno.EBADF):
                break
            i += 1  # the first range of the batch failed: go on after it
            continue
        advised += ret
        done = 0  # the call stops at the first failing range and returns the bytes before it
        for _, length in batch:
            if ret < length:
                break
            ret -= length
            done += 1
        if done < len(batch):
            last_error = errno.EINVAL
            done += 1
        i += done
    return advised, last_error


def _ranges(maps: bytes) -> list[tuple[int, int]]:
    """(start, length) of every mapping in /proc/PID/maps, minus the special ones the kernel refuses."""
    out = []
    for line in maps.splitlines():
        if line.endswith(_SPECIAL):
            continue
        span = line.split(b" ", 1)[0]
        lo, _, hi = span.partition(b"-")
        start, end = int(lo, 16), int(hi, 16)
        if end > start:
            out.append((start, end - start))
    return out


def _rss(base: Path, page_size: int) -> int:
    """Resident bytes of one process (/proc/PID/statm, second field)."""
    return int((base / "statm").read_bytes().split()[1]) * page_size


def _rss_after(base: Path, page_size: int) -> int:
    """Resident bytes after the trim; 0 when the process exited meanwhile (nothing of it is resident)."""
    try:
        return _rss(base, page_size)
    except (OSError, IndexError, ValueError):
        return 0


def _fail(report: TrimReport, pid: int, base: Path, reason: str) -> None:
    report.failed += 1
    if len(report.failures) < 3:
        try:
            name = (base / "comm").read_text().strip()
        except OSError:
            name = "?"
        report.failures.append(f"pid {pid} ({name}): {reason}")
