"""The memory of every process, through psutil (no Qt, no /proc parsing of our own).

``list_processes()`` is cheap (one memory_info per process); ``list_processes(full=True)``
adds USS/PSS through ``memory_full_info``, which reads each process's smaps and is slow —
callers with a UI run it off their UI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

_ATTRS = ["pid", "name", "username", "memory_info", "create_time"]


class ProcessChangeKind(str, Enum):
    """How a process changed between two readings (snapshots): the value is the word shown."""

    APPEARED = "appeared"
    EXITED = "exited"
    GREW = "grew"
    SHRANK = "shrank"


@dataclass(frozen=True)
class ProcessMemory:
    """One process's memory, in bytes.

    ``rss`` is the working set. ``private`` is USS when it was read (full=True), else the best
    cheap figure: Linux RSS − shared, Windows private bytes. ``shared`` is RSS − private, never
    negative. ``pss`` is the proportional set size, or None when not read or not readable.
    """

    pid: int
    name: str
    user: str
    rss: int
    private: int
    shared: int
    pss: int | None = None
    create_time: float | None = None  # seconds since the epoch: tells a reused pid from its predecessor


def _from_info(info: dict[str, object], full: object | None) -> ProcessMemory | None:
    mem = info.get("memory_info")
    if mem is None:  # access denied or the process has gone: nothing to show
        return None
    rss = int(getattr(mem, "rss", 0))
    uss = getattr(full, "uss", None) if full is not None else None
    if uss is not None:
        private = int(uss)
    elif hasattr(mem, "private"):  # Windows: private bytes (commit), the closest cheap figure
        private = min(rss, int(mem.private))
    else:
        private = max(0, rss - int(getattr(mem, "shared", 0)))
    pss = getattr(full, "pss", None) if full is not None else None
    created = info.get("create_time")
    return ProcessMemory(
        pid=int(info["pid"]),  # type: ignore[call-overload]
        name=str(info.get("name") or ""),
        user=str(info.get("username") or ""),
        rss=rss,
        private=private,
        shared=max(0, rss - private),
        pss=int(pss) if pss is not None else None,
        create_time=float(created) if isinstance(created, (int, float)) else None,
    )


def list_processes(full: bool = False) -> list[ProcessMemory]:
    """Every process we may read, in PID order. ``full`` adds USS and PSS (slow; Linux only for PSS)."""
    import psutil  # here: every Backend.capabilities() makes a PsutilProcesses, and most never list

    out: list[ProcessMemory] = []
    for proc in psutil.process_iter(_ATTRS, ad_value=None):
        full_info = None
        if full:
            try:
                full_info = proc.memory_full_info()
            except (psutil.AccessDenied, psutil.ZombieProcess, psutil.NoSuchProcess, OSError):
                full_info = None  # smaps unreadable for this one: cheap figures only
        row = _from_info(proc.info, full_info)
        if row is not None:
            out.append(row)
    out.sort(key=lambda p: p.pid)
    return out


@dataclass(frozen=True)
class PsutilProcesses:
    """The process listing through psutil: app.backends.base.ProcessSource.

    ``detailed``: the OS has PSS, so a full listing (USS and PSS from each process's smaps) is
    worth its cost; the backend that knows its OS says so.
    """

    detailed: bool = False

    def list(self, full: bool = False) -> list[ProcessMemory]:
        """Every process we may read, in PID order; ``full`` (where detailed) adds USS and PSS."""
        return list_processes(full=full and self.detailed)
