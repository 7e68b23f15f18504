"""Snapshots: one versioned JSON document of the machine's memory at one moment, and diffs of two.

A snapshot holds the sample, the processes table, the history of the last minutes, on Linux the
free blocks per order (fragmentation) and a page-census summary when one was taken, and the
machine it was taken on. ``save`` writes atomically; ``load`` is strict — anything that is not
a well-formed snapshot of this or an older schema raises :class:`SnapshotError` with a sentence
for a person, and nothing is half-loaded. JSON only: never pickle, never eval.
"""

from __future__ import annotations

import json
import math
import os
import platform as _platform
import socket
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeGuard

from app import __version__
from app.backends.base import Backend, BackendError
from app.buddy import DEFAULT_HUGE_ORDER
from app.history import History
from app.model import LIST_LABELS, MAX_BYTES, ListChange, MemoryList, ModelError, Sample, list_changes

SCHEMA = 1
KIND = "ramlens-snapshot"
SUFFIX = ".ramlens.json"

# Caps that keep a hostile or corrupt file from taking the program down. Real snapshots are far
# below them: 24 h of history at 1 s is 86,400 rows; a busy machine has a few thousand processes.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_PROCESSES = 100_000
MAX_HISTORY_ROWS = 86_400
MAX_LISTS = 64
MAX_ZONES = 256
MAX_ORDERS = 32
MAX_CENSUS = 64
MAX_TEXT = 200


class SnapshotError(ValueError):
    """A file is not a snapshot this build can read; the message says why, for a person."""


@dataclass(frozen=True)
class MachineInfo:
    """Where the snapshot was taken."""

    hostname: str
    platform: str  # "linux" | "windows"
    os: str  # e.g. "Linux-6.8.0-x86_64-with-glibc2.39"
    kernel: str  # kernel release / Windows build
    machine: str  # e.g. "x86_64"
    cpu_count: int
    page_size: int

    @classmethod
    def current(cls, page_size: int) -> MachineInfo:
        """The machine this runs on."""
        return cls(
            hostname=(socket.gethostname() or "unknown")[:MAX_TEXT],
            platform="windows" if sys.platform == "win32" else sys.platform,
            os=(_platform.platform() or "unknown")[:MAX_TEXT],
            kernel=(_platform.release() or "unknown")[:MAX_TEXT],
            machine=(_platform.machine() or "unknown")[:MAX_TEXT],
            cpu_count=os.cpu_count() or 1,
            page_size=page_size,
        )

    def to_json(self) -> dict[str, Any]:
        """The JSON form."""
        return {
            "hostname": self.hostname,
            "platform": self.platform,
            "os": self.os,
            "kernel": self.kernel,
            "machine": self.machine,
            "cpu_count": self.cpu_count,
            "page_size": self.page_size,
        }

    @classmethod
    def from_json(cls, data: Any) -> MachineInfo:
        """Strict parse."""
        obj = _obj(data, "machine")
        return cls(
            hostname=_text(obj, "hostname", "machine"),
            platform=_text(obj, "platform", "machine"),
            os=_text(obj, "os", "machine"),
            kernel=_text(obj, "kernel", "machine"),
            machine=_text(obj, "machine", "machine"),
            cpu_count=_int(obj, "cpu_count", "machine", 1, 65_536),
            page_size=_int(obj, "page_size", "machine", 1, 1 << 30),
        )


@dataclass(frozen=True)
class ProcessEntry:
    """One row of the processes table. Sizes in bytes; None where the OS did not say."""

    pid: int
    name: str
    user: str
    working_set: int
    private: int | None = None
    shared: int | None = None
    pss: int | None = None
    create_time: float | None = None  # tells a reused pid from the process that had it before

    @property
    def identity(self) -> tuple[int, str]:
        """Same pid and same name (and start time when known) = same process."""
        start = "" if self.create_time is None else f"{self.create_time:.2f}"
        return self.pid, f"{self.name}\0{start}"

    def to_json(self) -> dict[str, Any]:
        """The JSON form: optional figures only when known."""
        out: dict[str, Any] = {
            "pid": self.pid,
            "name": self.name,
            "user": self.user,
            "working_set": self.working_set,
        }
        for key in ("private", "shared", "pss", "create_time"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out

    @classmethod
    def from_json(cls, data: Any) -> ProcessEntry:
        """Strict parse."""
        obj = _obj(data, "process")
        create = obj.get("create_time")
        if create is not None and (not _is_number(create) or not 0 <= create < 1e11):
            raise SnapshotError(f"process 'create_time' must be seconds since the epoch, not {create!r}")
        return cls(
            pid=_int(obj, "pid", "process", 0, 1 << 32),
            name=_text(obj, "name", "process", allow_empty=True),
            user=_text(obj, "user", "process", allow_empty=True),
            working_set=_int(obj, "working_set", "process", 0, MAX_BYTES),
            private=_opt_size(obj, "private"),
            shared=_opt_size(obj, "shared"),
            pss=_opt_size(obj, "pss"),
            create_time=None if create is None else float(create),
        )


@dataclass(frozen=True)
class HistoryBlock:
    """The last minutes of the history: one column per list, None where a list was absent."""

    times: tuple[float, ...]
    totals: tuple[float, ...]
    available: tuple[float, ...]
    series: Mapping[str, tuple[float | None, ...]]

    @classmethod
    def from_history(cls, history: History, seconds: float) -> HistoryBlock:
        """The samples of the last ``seconds`` of ``history`` (all of them when it is shorter)."""
        times, values = history.last(seconds)
        n = len(times)
        totals = history.totals()[len(history) - n :]
        available = history.available()[len(history) - n :]
        return cls(
            times=tuple(float(t) for t in times),
            totals=tuple(float(v) for v in totals),
            available=tuple(float(v) for v in available),
            series={k: tuple(None if math.isnan(v) else float(v) for v in col) for k, col in values.items()},
        )

    def __len__(self) -> int:
        return len(self.times)

    def to_history(self, page_size: int = 4096) -> History:
        """A History holding these readings, for the chart of an opened snapshot."""
        history = History(capacity=max(1, len(self.times)))
        for i, when in enumerate(self.times):
            row = {key: col[i] for key, col in self.series.items()}
            lists = tuple(
                MemoryList(key, LIST_LABELS.get(key, key), int(v)) for key, v in row.items() if v is not None
            )
            history.append(
                Sample(
                    time=when,
                    monotonic=when,
                    platform="snapshot",
                    backend="snapshot",
                    page_size=page_size,
                    total_bytes=int(self.totals[i]),
                    available_bytes=int(self.available[i]),
                    lists=lists,
                )
            )
        return history

    def to_json(self) -> dict[str, Any]:
        """Columns, not rows: a quarter of the size and quick to parse."""
        return {
            "times": list(self.times),
            "totals": [int(v) for v in self.totals],
            "available": [int(v) for v in self.available],
            "lists": {k: [None if v is None else int(v) for v in col] for k, col in self.series.items()},
        }

    @classmethod
    def from_json(cls, data: Any) -> HistoryBlock:
        """Strict parse: equal column lengths, finite times in order, sizes in range."""
        obj = _obj(data, "history")
        times = _figures(obj.get("times"), "history 'times'", limit=1e11)
        if any(b < a for a, b in zip(times, times[1:], strict=False)):
            raise SnapshotError("history 'times' are not in time order")
        n = len(times)
        totals = _figures(obj.get("totals"), "history 'totals'", length=n)
        available = _figures(obj.get("available"), "history 'available'", length=n)
        lists = _obj(obj.get("lists"), "history 'lists'")
        if len(lists) > MAX_LISTS:
            raise SnapshotError(f"history has {len(lists)} lists; at most {MAX_LISTS} are allowed")
        series: dict[str, tuple[float | None, ...]] = {}
        for key, col in lists.items():
            _check_key(key, "history list key")
            series[key] = _column(col, f"history list {key!r}", nullable=True, length=n)
        return cls(times=times, totals=totals, available=available, series=series)


@dataclass(frozen=True)
class ZoneBlocks:
    """Free blocks of one memory zone (Linux /proc/buddyinfo): ``counts[o]`` blocks of 2**o pages."""

    node: int
    zone: str
    counts: tuple[int, ...]

    def free_pages(self) -> int:
        """Pages held in this zone's free blocks."""
        return sum(c << o for o, c in enumerate(self.counts))

    def indices(self, order: int) -> tuple[str, str]:
        """The kernel's unusable-free and fragmentation indices for 2**order pages, printed as it does."""
        from app.buddy import format_index, fragmentation_index, unusable_free_index

        return (
            format_index(unusable_free_index(self.counts, order)),
            format_index(fragmentation_index(self.counts, order)),
        )

    def to_json(self) -> dict[str, Any]:
        """The JSON form."""
        return {"node": self.node, "zone": self.zone, "counts": list(self.counts)}

    @classmethod
    def from_json(cls, data: Any) -> ZoneBlocks:
        """Strict parse."""
        obj = _obj(data, "zone")
        raw = obj.get("counts")
        if not isinstance(raw, list) or not 1 <= len(raw) <= MAX_ORDERS:
            raise SnapshotError(f"zone 'counts' must be a list of 1 to {MAX_ORDERS} block counts")
        if not all(_is_int(c) and 0 <= c <= MAX_BYTES for c in raw):
            raise SnapshotError("zone 'counts' must hold whole numbers of free blocks")
        return cls(
            node=_int(obj, "node", "zone", 0, 4096),
            zone=_text(obj, "zone", "zone"),
            counts=tuple(raw),
        )


@dataclass(frozen=True)
class Snapshot:
    """Everything RAMLens knows about memory at one moment, with where it was taken."""

    sample: Sample
    machine: MachineInfo
    app_version: str = __version__
    processes: tuple[ProcessEntry, ...] = ()
    history: HistoryBlock | None = None
    fragmentation: tuple[ZoneBlocks, ...] = ()  # Linux only; empty elsewhere
    census: Mapping[str, int] = field(default_factory=dict)  # page class -> bytes, when a census was taken
    huge_order: int = DEFAULT_HUGE_ORDER  # the order of a huge page (9 = 2 MiB of 4 KiB pages)
    schema: int = SCHEMA

    @property
    def time(self) -> float:
        """Wall time of the sample, seconds since the epoch."""
        return self.sample.time

    def to_json(self) -> dict[str, Any]:
        """The document ``save`` writes."""
        return {
            "kind": KIND,
            "schema": SCHEMA,
            "app_version": self.app_version,
            "machine": self.machine.to_json(),
            "sample": self.sample.to_json(),
            "processes": [p.to_json() for p in self.processes],
            "history": None if self.history is None else self.history.to_json(),
            "fragmentation": [z.to_json() for z in self.fragmentation],
            "census": dict(self.census),
            "huge_order": self.huge_order,
        }

    @classmethod
    def from_json(cls, data: Any) -> Snapshot:
        """Strictly parse :meth:`to_json` output; raises SnapshotError on anything off."""
        if not isinstance(data, dict):
            raise SnapshotError(f"this is JSON, but not a RAMLens snapshot: it holds {_json_type(data)}")
        obj = data
        if obj.get("kind") != KIND:
            raise SnapshotError('this is JSON, but not a RAMLens snapshot (no "kind": "ramlens-snapshot")')
        schema = obj.get("schema")
        if not _is_int(schema) or schema < 1:
            raise SnapshotError(f"the snapshot's schema number is missing or invalid ({schema!r})")
        if schema > SCHEMA:
            raise SnapshotError(
                f"this snapshot was written by a newer RAMLens (schema {schema}); "
                f"this build reads schema {SCHEMA}"
            )
        try:
            sample = _sample(obj.get("sample"))
        except ModelError as exc:
            raise SnapshotError(f"the snapshot's sample is invalid: {exc}") from None
        processes_raw = _array(obj.get("processes", []), "processes", MAX_PROCESSES)
        zones_raw = _array(obj.get("fragmentation", []), "fragmentation", MAX_ZONES)
        census_raw = _obj(obj.get("census", {}), "census")
        if len(census_raw) > MAX_CENSUS:
            raise SnapshotError(f"census has {len(census_raw)} classes; at most {MAX_CENSUS} are allowed")
        census: dict[str, int] = {}
        for key, value in census_raw.items():
            _check_key(key, "census class")
            if not _is_int(value) or not 0 <= value <= MAX_BYTES:
                raise SnapshotError(f"census class {key!r} must be a whole number of bytes up to 1 PiB")
            census[key] = value
        history_raw = obj.get("history")
        huge_order = (
            _int(obj, "huge_order", "snapshot", 0, MAX_ORDERS - 1)
            if "huge_order" in obj
            else DEFAULT_HUGE_ORDER
        )
        return cls(
            sample=sample,
            machine=MachineInfo.from_json(obj.get("machine")),
            app_version=_text(obj, "app_version", "snapshot"),
            processes=tuple(ProcessEntry.from_json(p) for p in processes_raw),
            history=None if history_raw is None else HistoryBlock.from_json(history_raw),
            fragmentation=tuple(ZoneBlocks.from_json(z) for z in zones_raw),
            census=census,
            huge_order=huge_order,
            schema=schema,
        )


# --- taking, saving, loading -------------------------------------------------------------------


def capture(
    sample: Sample,
    *,
    history: History | None = None,
    minutes: float = 10.0,
    processes: Iterable[ProcessEntry] = (),
    fragmentation: Sequence[ZoneBlocks] = (),
    census: Mapping[str, int] | None = None,
    huge_order: int = DEFAULT_HUGE_ORDER,
) -> Snapshot:
    """A snapshot of this machine from figures already read (nothing here touches the OS)."""
    block = None
    if history is not None and len(history):
        block = HistoryBlock.from_history(history, max(0.0, minutes) * 60.0)
    return Snapshot(
        sample=sample,
        machine=MachineInfo.current(sample.page_size),
        processes=tuple(processes)[:MAX_PROCESSES],
        history=block,
        fragmentation=tuple(fragmentation),
        census=dict(census or {}),
        huge_order=huge_order,
    )


def save(path: str | os.PathLike[str], snapshot: Snapshot) -> None:
    """Write ``snapshot`` to ``path`` atomically: a temp file beside it, fsync, then rename over.

    A crash or a full disk leaves either the old file or the new one, never half of either.
    Raises OSError (with the OS's reason) when the directory is not writable.
    """
    target = Path(path)
    text = json.dumps(snapshot.to_json(), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)


def load(path: str | os.PathLike[str]) -> Snapshot:
    """Read and strictly validate a snapshot; SnapshotError with a clear sentence on anything wrong."""
    name = Path(path).name
    try:
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise SnapshotError(_too_big(name, size))
            raw = f.read(MAX_FILE_BYTES + 1)  # the size can change under us: never trust fstat alone
    except FileNotFoundError:
        raise SnapshotError(f"{name} does not exist") from None
    except IsADirectoryError:
        raise SnapshotError(f"{name} is a folder, not a snapshot file") from None
    except OSError as exc:
        raise SnapshotError(f"{name} cannot be read: {exc.strerror or exc}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise SnapshotError(_too_big(name, len(raw)))
    try:
        return loads(raw)
    except SnapshotError as exc:
        raise SnapshotError(f"{name}: {exc}") from None


def loads(raw: bytes | str) -> Snapshot:
    """Parse a snapshot from bytes or text; SnapshotError on anything wrong."""
    if len(raw) > MAX_FILE_BYTES:
        raise SnapshotError(_too_big("the document", len(raw)))
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise SnapshotError("not a snapshot: the file is not UTF-8 text (binary or corrupt)") from None
    else:
        text = raw
    if not text.strip():
        raise SnapshotError("not a snapshot: the file is empty")
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        hint = "truncated" if exc.pos >= len(text.rstrip()) - 1 else "not valid JSON"
        raise SnapshotError(
            f"not a snapshot: {hint} (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except (ValueError, RecursionError) as exc:  # huge integers; nesting deep enough to hit the C guard
        raise SnapshotError(f"not a snapshot: {exc}") from None
    return Snapshot.from_json(data)


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable where the OS allows syncing a directory (not on Windows)."""
    if os.name == "nt":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _too_big(name: str, size: int) -> str:
    return f"{name} is {size / 2**20:.0f} MiB; a snapshot is at most {MAX_FILE_BYTES // 2**20} MiB"


def _reject_constant(token: str) -> Any:
    raise SnapshotError(f"not a snapshot: {token} is not a number a snapshot may hold")


# --- comparing ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProcessChange:
    """How one process changed between two snapshots (by working set)."""

    pid: int
    name: str
    change: str  # "appeared" | "exited" | "grew" | "shrank"
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
            "change": self.change,
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

    def count(self, change: str) -> int:
        """How many processes had this change ("appeared", "exited", "grew", "shrank")."""
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
            "counts": {k: self.count(k) for k in ("appeared", "exited", "grew", "shrank")},
        }


def diff(a: Snapshot, b: Snapshot, min_change: int = 0) -> SnapshotDiff:
    """Per-list and per-process changes from ``a`` to ``b``.

    A process counts as grown or shrunk when its working set changed by more than ``min_change``
    bytes; one whose pid is reused by another program counts as exited plus appeared.
    """
    before = {p.identity: p for p in a.processes}
    after = {p.identity: p for p in b.processes}
    changes: list[ProcessChange] = []
    for ident, p in before.items():
        q = after.get(ident)
        if q is None:
            changes.append(ProcessChange(p.pid, p.name, "exited", p.working_set, None))
        elif abs(q.working_set - p.working_set) > min_change:
            kind = "grew" if q.working_set > p.working_set else "shrank"
            changes.append(ProcessChange(p.pid, p.name, kind, p.working_set, q.working_set))
    changes += [
        ProcessChange(q.pid, q.name, "appeared", None, q.working_set)
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
    )


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
        if not _is_int(pid) or not _is_int(ws):
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


# --- strict field readers ----------------------------------------------------------------------


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
    return value if _is_int(value) and value >= 0 else None


def _opt_float(value: Any) -> float | None:
    return float(value) if _is_number(value) else None


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> TypeGuard[float]:
    return (_is_int(value) or isinstance(value, float)) and math.isfinite(value)


def _obj(data: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(data, dict):
        raise SnapshotError(f"{what} must be a JSON object, not {_json_type(data)}")
    return data


def _array(data: Any, what: str, limit: int) -> list[Any]:
    if not isinstance(data, list):
        raise SnapshotError(f"{what} must be a JSON array, not {_json_type(data)}")
    if len(data) > limit:
        raise SnapshotError(f"{what} has {len(data)} entries; at most {limit} are allowed")
    return data


def _text(obj: Mapping[str, Any], key: str, what: str, allow_empty: bool = False) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or len(value) > MAX_TEXT or (not value and not allow_empty):
        raise SnapshotError(f"{what} {key!r} must be a text of at most {MAX_TEXT} characters")
    return value


def _int(obj: Mapping[str, Any], key: str, what: str, lo: int, hi: int) -> int:
    value = obj.get(key)
    if not _is_int(value) or not lo <= value <= hi:
        raise SnapshotError(f"{what} {key!r} must be a whole number from {lo} to {hi}, not {_short(value)}")
    return value


def _opt_size(obj: Mapping[str, Any], key: str) -> int | None:
    if obj.get(key) is None:
        return None
    return _int(obj, key, "process", 0, MAX_BYTES)


def _check_key(key: str, what: str) -> None:
    if not key or len(key) > MAX_TEXT:
        raise SnapshotError(f"{what} must be a text of 1 to {MAX_TEXT} characters")


def _column(
    data: Any, what: str, *, nullable: bool, length: int | None = None, limit: float = MAX_BYTES
) -> tuple[float | None, ...]:
    """A list of finite numbers from 0 to ``limit`` (or null where ``nullable``), of a given length."""
    values = _array(data, what, MAX_HISTORY_ROWS)
    if length is not None and len(values) != length:
        raise SnapshotError(f"{what} has {len(values)} values where the history has {length} times")
    for v in values:
        if v is None and nullable:
            continue
        if not _is_number(v) or not 0 <= v <= limit:
            raise SnapshotError(f"{what} holds {_short(v)}, which is not a valid figure")
    return tuple(values)


def _figures(
    data: Any, what: str, *, length: int | None = None, limit: float = MAX_BYTES
) -> tuple[float, ...]:
    """Like :func:`_column`, without nulls, as floats."""
    return tuple(
        float(v) for v in _column(data, what, nullable=False, length=length, limit=limit) if v is not None
    )


def _sample(data: Any) -> Sample:
    """Sample.from_json behind our own caps, so a hostile sample can't cost much to reject."""
    obj = _obj(data, "sample")
    lists = obj.get("lists")
    if isinstance(lists, list):
        if len(lists) > MAX_LISTS or any(
            isinstance(m, dict) and isinstance(m.get("parts"), list) and len(m["parts"]) > MAX_LISTS
            for m in lists
        ):
            raise SnapshotError(f"the sample has more than {MAX_LISTS} lists or parts")
    details = obj.get("details")
    if isinstance(details, dict) and len(details) > 1024:
        raise SnapshotError("the sample has more than 1024 details")
    try:
        sample = Sample.from_json(obj)
    except (OverflowError, OSError) as exc:  # a time outside what the platform's clock can hold
        raise SnapshotError(f"the sample's time is out of range: {exc}") from None
    if sample.available_bytes > sample.total_bytes:
        raise SnapshotError("the sample says more memory is available than there is")
    listed = sum(m.bytes for m in sample.lists)
    # The lists add up to total RAM; allow rounding, never twice the memory.
    if listed > sample.total_bytes + sample.page_size * len(sample.lists):
        raise SnapshotError("the sample's lists add up to more memory than the machine has")
    return sample


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "an array", str: "a text", bool: "true/false", type(None): "null"}.get(
        type(value), "a number"
    )


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


# --- a snapshot of this machine now ------------------------------------------------------------


def take(
    backend: Backend,
    *,
    history: History | None = None,
    minutes: float = 10.0,
    census: Mapping[str, int] | None = None,
    sample: Sample | None = None,
) -> Snapshot:
    """Read everything a snapshot holds from ``backend`` and this machine now.

    The sample comes from the backend (BackendError propagates: without it there is no
    snapshot); the processes table and, on Linux, the free blocks per order are added when
    they can be read — a snapshot without them is still worth having.
    """
    current = sample if sample is not None else backend.sample()
    source = backend.capabilities().fragmentation
    report = None
    if source is not None:
        try:
            report = source.read()
        except BackendError:  # a snapshot without the free blocks is still worth having
            report = None
    return capture(
        current,
        history=history,
        minutes=minutes,
        processes=live_processes(),
        fragmentation=()
        if report is None
        else tuple(ZoneBlocks(z.node, z.zone, z.counts) for z in report.zones[:MAX_ZONES]),
        census=census,
        huge_order=DEFAULT_HUGE_ORDER if report is None else report.huge_order,
    )


def census_summary(census: Any) -> dict[str, int]:
    """Bytes per page class of a physical-page census (app/pagecensus.py's Census)."""
    from app.pagecensus import CLASSES

    return {c.key: int(census.bytes_of(c.key)) for c in CLASSES}


def live_processes() -> list[ProcessEntry]:
    """Every process app/processes.py can read now (the cheap listing: no smaps)."""
    from app.processes import list_processes

    return processes_from_rows(list_processes())[:MAX_PROCESSES]
