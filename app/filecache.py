"""Which files hold pages in the page cache: the OS-neutral types (RAMMap's File Summary).

A backend that can answer offers a :class:`FileCacheSource` in its capabilities; the CLI
(``ramlens files``) and the window's Files tab only ever see these types.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Protocol

Progress = Callable[[int, int], None]  # (files looked at, files expected; 0 when unknown)
Cancelled = Callable[[], bool]  # polled between files: True stops the scan, which returns what it has

# The per-file byte figures, in the order the JSON document and the tables list them.
FIGURES: tuple[str, ...] = (
    "cached_bytes",
    "dirty_bytes",
    "writeback_bytes",
    "evicted_bytes",
    "recently_evicted_bytes",
)


class Method(Enum):
    """How the residency of a file was measured."""

    CACHESTAT = "cachestat"  # cachestat(2): cached, dirty, writeback, evicted, recently evicted
    MINCORE = "mincore"  # mmap + mincore(2): cached pages only (the other figures are unknown)


@dataclass(frozen=True)
class FileCache:
    """One file's pages in the page cache, in bytes; ``None`` where the method cannot tell."""

    path: str
    size_bytes: int
    cached_bytes: int
    dirty_bytes: int | None = None
    writeback_bytes: int | None = None
    evicted_bytes: int | None = None
    recently_evicted_bytes: int | None = None

    @property
    def cached_share(self) -> float:
        """Cached bytes as a share of the file (whole pages are cached: at most 1)."""
        return min(1.0, self.cached_bytes / self.size_bytes) if self.size_bytes else 0.0

    def to_json(self) -> dict[str, object]:
        """The entry of ``ramlens files --json``."""
        out: dict[str, object] = {"path": self.path, "size_bytes": self.size_bytes}
        out.update({name: getattr(self, name) for name in FIGURES})
        return out


@dataclass(frozen=True)
class FolderTotal:
    """The files found under one folder, summed."""

    path: str
    files: int
    cached_bytes: int
    dirty_bytes: int


@dataclass(frozen=True)
class FileScan:
    """The result of one scan: the files with cached pages (and every file named explicitly)."""

    files: tuple[FileCache, ...]
    method: Method
    examined: int  # regular files looked at
    refused: int = 0  # files the kernel would not answer for (permissions), left out
    complete: bool = True  # False when cancelled: ``files`` holds what was found until then
    elapsed: float = 0.0
    roots: tuple[str, ...] = ()  # what was scanned ("processes" and mount points for a system scan)
    problems: tuple[str, ...] = field(default=())  # sentences for a person, e.g. an unreadable root

    def total(self, figure: str) -> int | None:
        """Σ of one figure over the files; None when the method cannot tell it."""
        values = [getattr(f, figure) for f in self.files]
        if any(v is None for v in values):
            return None
        return sum(values)

    def top(self, n: int | None = None) -> list[FileCache]:
        """The files, most cached first (then by path)."""
        ordered = sorted(self.files, key=lambda f: (-f.cached_bytes, f.path))
        return ordered if n is None else ordered[:n]

    def folders(self) -> list[FolderTotal]:
        """Totals per folder holding the files (each file counts in its own folder), most cached first."""
        sums: dict[str, list[int]] = {}
        for f in self.files:
            acc = sums.setdefault(os.path.dirname(f.path) or os.sep, [0, 0, 0])
            acc[0] += 1
            acc[1] += f.cached_bytes
            acc[2] += f.dirty_bytes or 0
        rows = [FolderTotal(path, n, cached, dirty) for path, (n, cached, dirty) in sums.items()]
        return sorted(rows, key=lambda r: (-r.cached_bytes, r.path))

    def to_json(self, top: int | None = None) -> dict[str, object]:
        """The document ``ramlens files --json`` prints."""
        return {
            "method": self.method.value,
            "complete": self.complete,
            "examined": self.examined,
            "refused": self.refused,
            "elapsed_seconds": round(self.elapsed, 3),
            "roots": list(self.roots),
            "problems": list(self.problems),
            "files": [f.to_json() for f in self.top(top)],
            "totals": {"files": len(self.files), **{name: self.total(name) for name in FIGURES}},
            "folders": [
                {
                    "path": d.path,
                    "files": d.files,
                    "cached_bytes": d.cached_bytes,
                    "dirty_bytes": d.dirty_bytes,
                }
                for d in self.folders()[:top]
            ],
        }


@dataclass(frozen=True)
class Eviction:
    """One file's cached pages before and after it was dropped from the cache."""

    path: str
    before: FileCache | None
    after: FileCache | None
    wrote_dirty: bool = False  # dirty pages were written (fdatasync) before the drop
    error: str = ""  # why nothing was done, for a person

    @property
    def moved_bytes(self) -> int:
        """Bytes that left the cache."""
        if self.before is None or self.after is None:
            return 0
        return max(0, self.before.cached_bytes - self.after.cached_bytes)

    @property
    def kept_bytes(self) -> int:
        """Bytes still cached afterwards (mapped, locked or still dirty pages)."""
        return 0 if self.after is None else self.after.cached_bytes

    def to_json(self) -> dict[str, object]:
        """The entry of ``ramlens files --evict --json``."""
        return {
            "path": self.path,
            "before_bytes": None if self.before is None else self.before.cached_bytes,
            "after_bytes": None if self.after is None else self.after.cached_bytes,
            "moved_bytes": self.moved_bytes,
            "kept_bytes": self.kept_bytes,
            "wrote_dirty": self.wrote_dirty,
            "error": self.error,
        }


class FileCacheSource(Protocol):
    """Per-file page-cache residency, and dropping one file's pages (Linux: cachestat/mincore, fadvise)."""

    def method(self) -> Method:
        """How residency is measured on this kernel."""
        ...

    def scan(
        self,
        paths: Sequence[str] | None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> FileScan:
        """Files (folders walked) in ``paths``; ``None``: files processes use, then the local file systems.

        Never raises for one unreadable file (it is counted as refused); a cancelled scan returns
        what it found with ``complete`` False.
        """
        ...

    def process_files(self) -> list[str]:
        """The regular files processes map or hold open now (as far as the user may read them)."""
        ...

    def evict(self, paths: Iterable[str], write_dirty: bool = True) -> tuple[Eviction, ...]:
        """Drop these files' clean pages from the cache (dirty ones written first when ``write_dirty``)."""
        ...
