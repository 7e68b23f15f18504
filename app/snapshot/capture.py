"""Taking a snapshot of this machine now, through the backend and its capabilities."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from app.backends.base import Backend, BackendError
from app.buddy import DEFAULT_HUGE_ORDER, ZoneFree
from app.filecache import Cancelled, FileScan, Progress
from app.filesummary import FileSummary
from app.jsonread import MAX_TEXT, is_int, is_number
from app.model import Sample
from app.snapshot.schema import (
    MAX_ACTIONS,
    MAX_PROCESSES,
    MAX_ZONES,
    ActionMark,
    HistoryBlock,
    MachineInfo,
    ProcessEntry,
    Snapshot,
)

if TYPE_CHECKING:  # app.history loads numpy: reading or writing a snapshot file does without it
    from app.history import History


def capture(
    sample: Sample,
    *,
    history: History | None = None,
    minutes: float = 10.0,
    processes: Iterable[ProcessEntry] = (),
    fragmentation: Sequence[ZoneFree] = (),
    census: Mapping[str, int] | None = None,
    huge_order: int = DEFAULT_HUGE_ORDER,
    actions: Sequence[ActionMark] = (),
    files: FileScan | None = None,
) -> Snapshot:
    """A snapshot of this machine from figures already read (nothing here touches the OS).

    ``actions``: the chart's action markers; those within the history kept are saved.
    ``files``, a file-cache scan, is kept as its summary (the most cached files).
    """
    block = None
    if history is not None and len(history):
        block = HistoryBlock.from_history(history, max(0.0, minutes) * 60.0)
    since = block.times[0] if block is not None and block.times else sample.time
    return Snapshot(
        sample=sample,
        machine=MachineInfo.current(sample.page_size, sample.platform),
        processes=tuple(processes)[:MAX_PROCESSES],
        history=block,
        fragmentation=tuple(fragmentation),
        census=dict(census or {}),
        huge_order=huge_order,
        actions=tuple(a for a in actions if since <= a.time <= sample.time + 1.0)[-MAX_ACTIONS:],
        files=None if files is None else FileSummary.from_scan(files),
    )


def take(
    backend: Backend,
    *,
    history: History | None = None,
    minutes: float = 10.0,
    census: Mapping[str, int] | None = None,
    sample: Sample | None = None,
    actions: Sequence[ActionMark] = (),
    files: FileScan | None = None,
) -> Snapshot:
    """Read everything a snapshot holds from ``backend`` and this machine now.

    The sample comes from the backend (BackendError propagates: without it there is no
    snapshot); the processes table and, where the backend offers fragmentation, the free blocks
    per order are added when they can be read — a snapshot without them is still worth having.
    ``files`` is a file-cache scan the caller ran (see :func:`scan_files`), kept as its summary.
    """
    current = sample if sample is not None else backend.sample()
    zones, huge_order = live_fragmentation(backend)
    return capture(
        current,
        history=history,
        minutes=minutes,
        processes=live_processes(),
        fragmentation=zones,
        census=census,
        huge_order=huge_order,
        actions=actions,
        files=files,
    )


def scan_files(
    backend: Backend,
    paths: Sequence[str] | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> FileScan | None:
    """A file-cache scan for a snapshot; None where the backend has no file-cache capability.

    ``paths`` None means the regular files processes map or hold open: a few thousand files
    measured one system call each, where the whole-system scan would walk every local file system.
    """
    source = backend.capabilities().file_cache
    if source is None:
        return None
    chosen = source.process_files() if paths is None else paths
    return source.scan(chosen, progress, cancelled)


class _CensusReport(Protocol):
    def bytes_of(self, key: str) -> int: ...


def census_summary(census: _CensusReport) -> dict[str, int]:
    """Bytes per page class, every class, of a census a page-census capability took."""
    from app.pagecensus import CLASSES

    return {c.key: int(census.bytes_of(c.key)) for c in CLASSES}


def live_fragmentation(backend: Backend) -> tuple[tuple[ZoneFree, ...], int]:
    """The free blocks per order of every zone and the huge-page order, from the backend's
    fragmentation capability; no zones (and the default order) where it has none or reading fails."""
    source = backend.capabilities().fragmentation
    if source is None:
        return (), DEFAULT_HUGE_ORDER
    try:
        report = source.read()
    except BackendError:
        return (), DEFAULT_HUGE_ORDER
    zones = tuple(ZoneFree(z.node, z.zone, z.counts) for z in report.zones[:MAX_ZONES])
    return zones, report.huge_order


def live_processes() -> list[ProcessEntry]:
    """Every process app/processes.py can read now (the cheap listing: no smaps)."""
    from app.processes import list_processes

    return processes_from_rows(list_processes())[:MAX_PROCESSES]


def processes_from_rows(
    rows: Iterable[Any], *, get: Callable[[Any, str], Any] = getattr
) -> list[ProcessEntry]:
    """Snapshot rows from any process-table rows that have pid, name, user and rss-like fields.

    Accepts the attribute names of app/processes.py rows (``working_set`` or ``rss``) so the
    snapshot does not depend on one spelling; rows without a pid or a size are left out.
    """
    out: list[ProcessEntry] = []
    for row in rows:
        pid = _first(row, get, ("pid",))
        ws = _first(row, get, ("working_set", "rss"))
        if not is_int(pid) or not is_int(ws):
            continue
        out.append(
            ProcessEntry(
                pid=pid,
                name=str(_first(row, get, ("name",)) or "")[:MAX_TEXT],
                user=str(_first(row, get, ("user", "username")) or "")[:MAX_TEXT],
                working_set=max(0, ws),
                private=_opt_int(_first(row, get, ("private", "private_bytes", "uss"))),
                shared=_opt_int(_first(row, get, ("shared",))),
                pss=_opt_int(_first(row, get, ("pss",))),
                create_time=_opt_float(_first(row, get, ("create_time",))),
            )
        )
    return out


def _first(row: Any, get: Callable[[Any, str], Any], names: Sequence[str]) -> Any:
    for name in names:
        try:
            value = get(row, name)
        except (AttributeError, KeyError):
            continue
        if value is not None:
            return value
    return None


def _opt_int(value: Any) -> int | None:
    return value if is_int(value) and value >= 0 else None


def _opt_float(value: Any) -> float | None:
    return float(value) if is_number(value) else None
