"""Samples, histories and snapshots for the snapshot and auto-clean tests (no OS access)."""

from __future__ import annotations

from dataclasses import replace
from itertools import repeat

from app.history import History
from app.model import LIST_KEYS, MemoryList, Sample
from app.snapshot import HistoryBlock, MachineInfo, ProcessEntry, Snapshot, ZoneFree, capture, schema

GIB = 1 << 30
MIB = 1 << 20
TOTAL = 16 * GIB


def sample(
    *,
    active: int = 6 * GIB,
    standby: int = 6 * GIB,
    modified: int = GIB,
    time: float = 1_790_000_000.0,
    available: int | None = None,
) -> Sample:
    """A Linux-shaped sample whose lists add up to 16 GiB exactly (free is the rest)."""
    free = TOTAL - active - standby - modified
    assert free >= 0
    return Sample(
        time=time,
        monotonic=time,
        platform="linux",
        backend="test",
        page_size=4096,
        total_bytes=TOTAL,
        available_bytes=free + standby if available is None else available,
        lists=(
            MemoryList("active", "In use", active, (MemoryList("anonymous", "Anonymous", active),)),
            MemoryList("standby", "Standby", standby),
            MemoryList("modified", "Modified", modified),
            MemoryList("free", "Free", free),
        ),
        details={"Buffers": 1234, "note": "x"},
    )


def history(n: int = 120, start: float = 1_790_000_000.0) -> History:
    """A history of ``n`` one-second samples ending at ``start + n - 1``."""
    h = History(capacity=max(n, 1))
    for i in range(n):
        h.append(sample(time=start + i, active=6 * GIB + i * MIB))
    return h


PROCESSES = (
    ProcessEntry(1, "init", "root", 12 * MIB, private=4 * MIB, shared=8 * MIB, create_time=1000.0),
    ProcessEntry(200, "firefox", "ann", 900 * MIB, private=700 * MIB, pss=800 * MIB, create_time=2000.0),
    ProcessEntry(300, "old-job", "ann", 50 * MIB, create_time=3000.0),
)


def snapshot(**kw: object) -> Snapshot:
    """A full snapshot: sample, 2 min of history, three processes, fragmentation, a census."""
    s = kw.pop("sample", None) or sample(time=1_790_000_119.0)
    snap = capture(
        s,  # type: ignore[arg-type]
        history=history(),
        minutes=2,
        processes=kw.pop("processes", PROCESSES),  # type: ignore[arg-type]
        fragmentation=(ZoneFree(0, "Normal", (10, 5, 2, 0, 1, 0, 0, 0, 0, 1, 3)),),
        census={"free": 2 * GIB, "anonymous": 5 * GIB},
    )
    return snap


MACHINE = MachineInfo("host", "linux", "Linux-6", "6.8.0", "x86_64", 2, 4096)


def largest() -> Snapshot:
    """The largest snapshot the caps admit: 24 h of history at 1 s for the seven lists, and 100,000
    processes whose names hold every character the quick counts look at (braces, commas, quotes)."""
    rows, count = schema.MAX_HISTORY_ROWS, schema.MAX_PROCESSES
    column = tuple(map(float, range(1 << 30, (1 << 30) + rows)))
    history = HistoryBlock(
        times=tuple(map(float, range(1_790_000_000, 1_790_000_000 + rows))),
        totals=(float(1 << 34),) * rows,
        available=column,
        series=dict.fromkeys(LIST_KEYS, column),
    )
    names = (f'job{{{pid}}},[x]"q"' for pid in range(count))
    # positional, in field order: pid, name, user, working_set, private, shared, pss, create_time
    processes = tuple(
        map(
            ProcessEntry,
            range(count),
            names,
            repeat("user,name"),
            repeat(1 << 20),
            *map(repeat, (1, 2, 3, 1.5)),
        )
    )
    return replace(snapshot(), history=history, processes=processes)
