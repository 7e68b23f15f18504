"""Snapshots: one versioned JSON document of the machine's memory at one moment, and diffs of two.

The package has one module per job: :mod:`.schema` (the document and its strict parse),
:mod:`.fileio` (atomic save, bounded load), :mod:`.diff` (comparing two) and :mod:`.capture`
(taking one now through the backend's capabilities). Callers use the names re-exported here.
"""

from app.buddy import DEFAULT_HUGE_ORDER, ZoneFree
from app.snapshot.capture import (
    capture,
    census_summary,
    live_fragmentation,
    processes_from_rows,
    scan_files,
    take,
)
from app.snapshot.diff import ProcessChange, SnapshotDiff, diff
from app.snapshot.fileio import display_name, dumps, load, loads, save
from app.snapshot.schema import (
    KIND,
    MAX_FILE_BYTES,
    SCHEMA,
    SUFFIX,
    ActionMark,
    HistoryBlock,
    MachineInfo,
    ProcessEntry,
    Snapshot,
    SnapshotError,
)

__all__ = [
    "ActionMark",
    "DEFAULT_HUGE_ORDER",
    "KIND",
    "MAX_FILE_BYTES",
    "SCHEMA",
    "SUFFIX",
    "HistoryBlock",
    "MachineInfo",
    "ProcessChange",
    "ProcessEntry",
    "Snapshot",
    "SnapshotDiff",
    "SnapshotError",
    "ZoneFree",
    "capture",
    "census_summary",
    "diff",
    "display_name",
    "dumps",
    "live_fragmentation",
    "load",
    "loads",
    "processes_from_rows",
    "save",
    "scan_files",
    "take",
]
