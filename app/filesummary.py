"""The file summary a snapshot carries, and which files entered or left memory between two of them.

A :class:`FileSummary` keeps the most cached files of one scan (path → cached bytes) and the scan's
totals; its JSON form is read strictly (a snapshot file is outside input). :func:`files_diff` compares
two summaries. Both are independent of how the snapshot itself is stored: the snapshot module embeds
``FileSummary.to_json()`` under a ``"files"`` key and calls :func:`files_diff` from its diff.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.filecache import FileScan

KEEP = 500  # files a summary keeps (the most cached)
MAX_PATH = 4096  # PATH_MAX
MAX_BYTES = 1 << 50  # 1 PiB: larger is not a real figure
CHANGES = ("entered", "left", "grew", "shrank")  # the words a FileChange's ``change`` holds


class FileSummaryError(ValueError):
    """A file summary in a snapshot is malformed; the message says where."""


@dataclass(frozen=True)
class FileSummary:
    """The most cached files of a scan when the snapshot was taken."""

    method: str
    complete: bool
    examined: int
    total_files: int  # files with cached pages in the scan (the summary keeps at most KEEP)
    total_cached: int
    files: Mapping[str, int]  # path -> cached bytes

    @classmethod
    def from_scan(cls, scan: FileScan, keep: int = KEEP) -> FileSummary:
        """Summarise a scan, keeping the ``keep`` most cached of the files with cached pages.

        A path that is not valid UTF-8 (bytes kept by surrogateescape) is stored with those bytes
        written ``\\xNN``, so the snapshot can be written as UTF-8 and names the same file every time.
        """
        cached = [f for f in scan.files if f.cached_bytes > 0]
        top = sorted(cached, key=lambda f: (-f.cached_bytes, f.path))[:keep]
        return cls(
            scan.method.value,
            scan.complete,
            scan.examined,
            len(cached),
            sum(f.cached_bytes for f in cached),
            {_storable(f.path): f.cached_bytes for f in top},
        )

    def to_json(self) -> dict[str, Any]:
        """The ``"files"`` object of a snapshot."""
        return {
            "method": self.method,
            "complete": self.complete,
            "examined": self.examined,
            "total_files": self.total_files,
            "total_cached_bytes": self.total_cached,
            "files": [{"path": p, "cached_bytes": b} for p, b in self.files.items()],
        }

    @classmethod
    def from_json(cls, data: Any) -> FileSummary:
        """Read a ``"files"`` object; FileSummaryError naming the first problem."""
        if not isinstance(data, dict):
            raise FileSummaryError("the file summary must be a JSON object")
        method = data.get("method")
        if method not in ("cachestat", "mincore"):
            raise FileSummaryError(f"file summary 'method' must be cachestat or mincore, not {method!r:.40}")
        complete = data.get("complete")
        if not isinstance(complete, bool):
            raise FileSummaryError("file summary 'complete' must be true or false")
        entries = data.get("files")
        if not isinstance(entries, list) or len(entries) > 10 * KEEP:
            raise FileSummaryError(f"file summary 'files' must be an array of at most {10 * KEEP} entries")
        files: dict[str, int] = {}
        for i, entry in enumerate(entries):
            if not isinstance(entry, dict):
                raise FileSummaryError(f"file summary entry {i} must be a JSON object")
            path = entry.get("path")
            if not isinstance(path, str) or not path or len(path) > MAX_PATH:
                raise FileSummaryError(
                    f"file summary entry {i} 'path' must be a text of 1 to {MAX_PATH} characters"
                )
            files[path] = _size(entry, "cached_bytes", f"file summary entry {i}")
        return cls(
            method,
            complete,
            _size(data, "examined", "file summary"),
            _size(data, "total_files", "file summary"),
            _size(data, "total_cached_bytes", "file summary"),
            files,
        )


@dataclass(frozen=True)
class FileChange:
    """One file whose cached bytes changed between two summaries."""

    path: str
    change: str  # "entered" | "left" | "grew" | "shrank"
    before: int
    after: int

    @property
    def delta(self) -> int:
        """after − before."""
        return self.after - self.before

    def to_json(self) -> dict[str, Any]:
        """The JSON form (in ``snapshot diff --json``)."""
        return {
            "path": self.path,
            "change": self.change,
            "before": self.before,
            "after": self.after,
            "delta": self.delta,
        }


def files_diff(a: FileSummary, b: FileSummary, min_change: int = 0) -> list[FileChange]:
    """Files that entered or left memory, or whose cached bytes changed by more than ``min_change``.

    Only the files both summaries kept can be compared: a file in ``a`` but not in ``b`` "left"
    (it may merely have dropped out of ``b``'s most cached). Largest change first.
    """
    out = []
    for path in a.files.keys() | b.files.keys():
        before, after = a.files.get(path, 0), b.files.get(path, 0)
        if before == after or abs(after - before) <= min_change and before and after:
            continue
        if not before:
            change = "entered"
        elif not after:
            change = "left"
        else:
            change = "grew" if after > before else "shrank"
        out.append(FileChange(path, change, before, after))
    return sorted(out, key=lambda c: (-abs(c.delta), c.path))


def _storable(path: str) -> str:
    """``path`` as UTF-8-encodable text, at most MAX_PATH characters."""
    text = path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text[:MAX_PATH]


def _size(obj: Mapping[str, Any], key: str, what: str) -> int:
    value = obj.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_BYTES:
        if (
            isinstance(value, float)
            and math.isfinite(value)
            and value.is_integer()
            and 0 <= value <= MAX_BYTES
        ):
            return int(value)
        raise FileSummaryError(f"{what} {key!r} must be a whole number from 0 to {MAX_BYTES}")
    return value
