"""Comparing two snapshots: every list, every process that appeared, exited, grew or shrank, and
every file that entered or left memory (when both snapshots carry a file summary)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.filesummary import FileChange, files_diff
from app.model import ListChange, list_changes
from app.processes import ProcessChangeKind
from app.snapshot.schema import SCHEMA, Snapshot


@dataclass(frozen=True)
class ProcessChange:
    """How one process changed between two snapshots (by working set)."""

    pid: int
    name: str
    change: ProcessChangeKind
    before: int | None
    after: int | None

    @property
    def delta(self) -> int:
        """after − before, an absent process counting as 0."""
        return (self.after or 0) - (self.before or 0)

    def to_json(self) -> dict[str, Any]:
        """The JSON form."""
        return {
            "pid": self.pid,
            "name": self.name,
            "change": self.change.value,
            "before": self.before,
            "after": self.after,
            "delta": self.delta,
        }


@dataclass(frozen=True)
class SnapshotDiff:
    """What changed from snapshot ``a`` to ``b``: every list, and every process that changed."""

    a_time: float
    b_time: float
    total_before: int
    total_after: int
    available_before: int
    available_after: int
    lists: tuple[ListChange, ...]
    processes: tuple[ProcessChange, ...]  # biggest change first
    same_machine: bool
    files: tuple[FileChange, ...] | None = None  # None unless both snapshots carry a file summary

    def count(self, change: ProcessChangeKind | str) -> int:
        """How many processes had this change (a kind, or its word: "appeared", "exited"…)."""
        return sum(1 for p in self.processes if p.change == change)

    def to_json(self) -> dict[str, Any]:
        """The document ``ramlens snapshot diff --json`` prints."""
        return {
            "schema": SCHEMA,
            "a_time": self.a_time,
            "b_time": self.b_time,
            "seconds": round(self.b_time - self.a_time, 3),
            "same_machine": self.same_machine,
            "total": {"before": self.total_before, "after": self.total_after},
            "available": {"before": self.available_before, "after": self.available_after},
            "lists": [
                {"key": c.key, "label": c.label, "before": c.before, "after": c.after, "delta": c.delta}
                for c in self.lists
            ],
            "processes": [p.to_json() for p in self.processes],
            "counts": {k.value: self.count(k) for k in ProcessChangeKind},
            "files": None if self.files is None else [f.to_json() for f in self.files],
        }

    def file_count(self, change: str) -> int:
        """How many files had this change ("entered", "left", "grew", "shrank"); 0 without summaries."""
        return sum(1 for f in self.files or () if f.change == change)


def diff(a: Snapshot, b: Snapshot, min_change: int = 0) -> SnapshotDiff:
    """Per-list and per-process changes from ``a`` to ``b``.

    A process counts as grown or shrunk when its working set changed by more than ``min_change``
    bytes; one whose pid is reused by another program counts as exited plus appeared. Files are
    compared the same way, when both snapshots carry a file summary.
    """
    before = {p.identity: p for p in a.processes}
    after = {p.identity: p for p in b.processes}
    changes: list[ProcessChange] = []
    for ident, p in before.items():
        q = after.get(ident)
        if q is None:
            changes.append(ProcessChange(p.pid, p.name, ProcessChangeKind.EXITED, p.working_set, None))
        elif abs(q.working_set - p.working_set) > min_change:
            kind = ProcessChangeKind.GREW if q.working_set > p.working_set else ProcessChangeKind.SHRANK
            changes.append(ProcessChange(p.pid, p.name, kind, p.working_set, q.working_set))
    changes += [
        ProcessChange(q.pid, q.name, ProcessChangeKind.APPEARED, None, q.working_set)
        for ident, q in after.items()
        if ident not in before
    ]
    changes.sort(key=lambda c: (-abs(c.delta), c.pid))
    return SnapshotDiff(
        a_time=a.time,
        b_time=b.time,
        total_before=a.sample.total_bytes,
        total_after=b.sample.total_bytes,
        available_before=a.sample.available_bytes,
        available_after=b.sample.available_bytes,
        lists=list_changes(a.sample, b.sample),
        processes=tuple(changes),
        same_machine=a.machine.hostname == b.machine.hostname and a.machine.platform == b.machine.platform,
        files=None if a.files is None or b.files is None else tuple(files_diff(a.files, b.files, min_change)),
    )
