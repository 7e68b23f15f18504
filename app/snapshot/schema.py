"""The snapshot document: what it holds, its JSON form, and the strict parse of that form.

A snapshot holds the sample, the processes table, the history of the last minutes, the free
blocks per order (fragmentation), a page-census summary and the most cached files (a
:class:`~app.filesummary.FileSummary`) when the backend offers them, and the machine it was taken
on. ``"files"`` is an optional addition to schema 1: snapshots written before it load without it,
and older builds, which ignore keys they do not know, still open snapshots that carry it.
Parsing is strict: anything that is not a well-formed snapshot of this or an older schema raises
:class:`SnapshotError` with a sentence for a person.
"""

from __future__ import annotations

import math
import operator
import os
import platform as _platform
import socket
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import repeat
from typing import TYPE_CHECKING, Any, cast

from app import __version__
from app.buddy import DEFAULT_HUGE_ORDER, ZoneFree
from app.filesummary import FileSummary, FileSummaryError
from app.jsonread import MAX_BYTES, MAX_TEXT, Strict, is_int, is_number, json_type, short
from app.model import LIST_LABELS, MemoryList, ModelError, Sample

if TYPE_CHECKING:  # app.history loads numpy: loading a snapshot file does without it (to_history loads it)
    from app.history import History

SCHEMA = 1
KIND = "ramlens-snapshot"
SUFFIX = ".ramlens.json"

# Caps that keep a hostile or corrupt file from taking the program down. Real snapshots are far
# below them: 24 h of history at 1 s is 86,400 rows; a busy machine has a few thousand processes.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_PROCESSES = 100_000
MAX_HISTORY_ROWS = 86_400
MAX_LISTS = 64
MAX_HISTORY_LISTS = 16  # history columns: a platform has at most 7 lists
MAX_ZONES = 256
MAX_ORDERS = 32
MAX_CENSUS = 64
MAX_ACTIONS = 1000  # the history chart keeps at most 200 action markers


class SnapshotError(ValueError):
    """A file is not a snapshot this build can read; the message says why, for a person."""


_STRICT = Strict(SnapshotError)


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
    def current(cls, page_size: int, platform: str) -> MachineInfo:
        """The machine this runs on; ``platform`` is the backend's ("linux", "windows")."""
        return cls(
            hostname=(socket.gethostname() or "unknown")[:MAX_TEXT],
            platform=platform[:MAX_TEXT],
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
        obj = _STRICT.obj(data, "machine")
        return cls(
            hostname=_STRICT.text(obj, "hostname", "machine"),
            platform=_STRICT.text(obj, "platform", "machine"),
            os=_STRICT.text(obj, "os", "machine"),
            kernel=_STRICT.text(obj, "kernel", "machine"),
            machine=_STRICT.text(obj, "machine", "machine"),
            cpu_count=_STRICT.whole(obj, "cpu_count", "machine", 1, 65_536),
            page_size=_STRICT.whole(obj, "page_size", "machine", 1, 1 << 30),
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
        # one test per field, no getattr loop: a snapshot may hold 100,000 rows
        if self.private is not None:
            out["private"] = self.private
        if self.shared is not None:
            out["shared"] = self.shared
        if self.pss is not None:
            out["pss"] = self.pss
        if self.create_time is not None:
            out["create_time"] = self.create_time
        return out

    @classmethod
    def from_json(cls, data: Any) -> ProcessEntry:
        """Strict parse."""
        obj = _STRICT.obj(data, "process")
        create = obj.get("create_time")
        if create is not None and (not is_number(create) or not 0 <= create < 1e11):
            raise SnapshotError(f"process 'create_time' must be seconds since the epoch, not {create!r}")
        return cls(
            pid=_STRICT.whole(obj, "pid", "process", 0, _PID_MAX),
            name=_STRICT.text(obj, "name", "process", allow_empty=True),
            user=_STRICT.text(obj, "user", "process", allow_empty=True),
            working_set=_STRICT.whole(obj, "working_set", "process", 0, MAX_BYTES),
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
        from app.history import History

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
            "totals": list(map(int, self.totals)),
            "available": list(map(int, self.available)),
            "lists": {k: _whole(col) for k, col in self.series.items()},
        }

    @classmethod
    def from_json(cls, data: Any) -> HistoryBlock:
        """Strict parse: equal column lengths, finite times in order, sizes in range."""
        obj = _STRICT.obj(data, "history")
        times = _figures(obj.get("times"), "history 'times'", limit=1e11)
        if not all(map(operator.le, times, times[1:])):
            raise SnapshotError("history 'times' are not in time order")
        n = len(times)
        totals = _figures(obj.get("totals"), "history 'totals'", length=n)
        available = _figures(obj.get("available"), "history 'available'", length=n)
        lists = _STRICT.obj(obj.get("lists"), "history 'lists'")
        if len(lists) > MAX_HISTORY_LISTS:
            raise SnapshotError(f"history has {len(lists)} lists; at most {MAX_HISTORY_LISTS} are allowed")
        series: dict[str, tuple[float | None, ...]] = {}
        for key, col in lists.items():
            _STRICT.key(key, "history list key")
            series[key] = _column(col, f"history list {key!r}", nullable=True, length=n)
        return cls(times=times, totals=totals, available=available, series=series)


def _whole(column: tuple[float | None, ...]) -> list[int | None]:
    """A history column as whole numbers, None kept: in one C loop when the column has no gap."""
    if None not in column:
        return list(map(int, cast("tuple[float, ...]", column)))
    return [None if v is None else int(v) for v in column]


def zone_to_json(zone: ZoneFree) -> dict[str, Any]:
    """The JSON form of one zone's free blocks."""
    return {"node": zone.node, "zone": zone.zone, "counts": list(zone.counts)}


def zone_from_json(data: Any) -> ZoneFree:
    """Strict parse of :func:`zone_to_json` output: 1 to MAX_ORDERS block counts, none negative."""
    obj = _STRICT.obj(data, "zone")
    raw = obj.get("counts")
    if not isinstance(raw, list) or not 1 <= len(raw) <= MAX_ORDERS:
        raise SnapshotError(f"zone 'counts' must be a list of 1 to {MAX_ORDERS} block counts")
    if not all(is_int(c) and 0 <= c <= MAX_BYTES for c in raw):
        raise SnapshotError("zone 'counts' must hold whole numbers of free blocks, none negative")
    return ZoneFree(
        node=_STRICT.whole(obj, "node", "zone", 0, 4096),
        zone=_STRICT.text(obj, "zone", "zone"),
        counts=tuple(raw),
    )


@dataclass(frozen=True)
class ActionMark:
    """An Empty action that finished during the snapshot's history: a marker on its chart."""

    time: float  # wall time it finished, seconds since the epoch
    label: str  # the action's name, e.g. "Purge standby list"
    text: str  # the result as the chart's readout shows it
    ok: bool
    automatic: bool = False  # auto-clean ran it

    def to_json(self) -> dict[str, Any]:
        """The JSON form."""
        return {
            "time": self.time,
            "label": self.label,
            "text": self.text,
            "ok": self.ok,
            "automatic": self.automatic,
        }

    @classmethod
    def from_json(cls, data: Any) -> ActionMark:
        """Strict parse; SnapshotError naming what is wrong."""
        obj = _STRICT.obj(data, "action")
        when = obj.get("time")
        if not is_number(when) or not 0 <= when < 1e11:
            raise SnapshotError("an action's time must be seconds since 1970")
        flags = [obj.get("ok"), obj.get("automatic", False)]
        if not all(isinstance(f, bool) for f in flags):
            raise SnapshotError("an action's ok and automatic must be true or false")
        return cls(
            float(when),
            _STRICT.text(obj, "label", "action"),
            _STRICT.text(obj, "text", "action", allow_empty=True),
            bool(flags[0]),
            bool(flags[1]),
        )


@dataclass(frozen=True)
class Snapshot:
    """Everything RAMLens knows about memory at one moment, with where it was taken."""

    sample: Sample
    machine: MachineInfo
    app_version: str = __version__
    processes: tuple[ProcessEntry, ...] = ()
    history: HistoryBlock | None = None
    fragmentation: tuple[ZoneFree, ...] = ()  # where the backend offers it; empty elsewhere
    census: Mapping[str, int] = field(default_factory=dict)  # page class -> bytes, when a census was taken
    huge_order: int = DEFAULT_HUGE_ORDER  # the order of a huge page (9 = 2 MiB of 4 KiB pages)
    actions: tuple[ActionMark, ...] = ()  # the Empty actions during the history, as chart markers
    files: FileSummary | None = None  # the most cached files, when a file scan was asked for
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
            "fragmentation": [zone_to_json(z) for z in self.fragmentation],
            "census": dict(self.census),
            "huge_order": self.huge_order,
            "actions": [a.to_json() for a in self.actions],
            **({} if self.files is None else {"files": self.files.to_json()}),
        }

    @classmethod
    def from_json(cls, data: Any) -> Snapshot:
        """Strictly parse :meth:`to_json` output; raises SnapshotError on anything off."""
        if not isinstance(data, dict):
            raise SnapshotError(f"this is JSON, but not a RAMLens snapshot: it holds {json_type(data)}")
        obj = data
        if obj.get("kind") != KIND:
            raise SnapshotError('this is JSON, but not a RAMLens snapshot (no "kind": "ramlens-snapshot")')
        schema = obj.get("schema")
        if not is_int(schema) or schema < 1:
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
        processes_raw = _STRICT.array(obj.get("processes", []), "processes", MAX_PROCESSES)
        zones_raw = _STRICT.array(obj.get("fragmentation", []), "fragmentation", MAX_ZONES)
        census_raw = _STRICT.obj(obj.get("census", {}), "census")
        if len(census_raw) > MAX_CENSUS:
            raise SnapshotError(f"census has {len(census_raw)} classes; at most {MAX_CENSUS} are allowed")
        census: dict[str, int] = {}
        for key, value in census_raw.items():
            _STRICT.key(key, "census class")
            if not is_int(value) or not 0 <= value <= MAX_BYTES:
                raise SnapshotError(f"census class {key!r} must be a whole number of bytes up to 1 PiB")
            census[key] = value
        actions_raw = _STRICT.array(obj.get("actions", []), "actions", MAX_ACTIONS)
        history_raw = obj.get("history")
        huge_order = (
            _STRICT.whole(obj, "huge_order", "snapshot", 0, MAX_ORDERS - 1)
            if "huge_order" in obj
            else DEFAULT_HUGE_ORDER
        )
        try:
            files = None if obj.get("files") is None else FileSummary.from_json(obj["files"])
        except FileSummaryError as exc:
            raise SnapshotError(f"the snapshot's files are invalid: {exc}") from None
        return cls(
            sample=sample,
            machine=MachineInfo.from_json(obj.get("machine")),
            app_version=_STRICT.text(obj, "app_version", "snapshot"),
            processes=processes_from_json(processes_raw),
            history=None if history_raw is None else HistoryBlock.from_json(history_raw),
            fragmentation=tuple(zone_from_json(z) for z in zones_raw),
            census=census,
            huge_order=huge_order,
            actions=tuple(ActionMark.from_json(a) for a in actions_raw),
            files=files,
            schema=schema,
        )


# --- strict field readers ----------------------------------------------------------------------

_PID_MAX = 1 << 32
_PROCESS_KEYS = ("pid", "name", "user", "working_set", "private", "shared", "pss", "create_time")
_INT = frozenset({int})
_OPT_INT = frozenset({int, type(None)})
_TEXT = frozenset({str})


def processes_from_json(rows: list[Any]) -> tuple[ProcessEntry, ...]:
    """Strict parse of the processes table: ``ProcessEntry.from_json`` of each row, in order.

    A snapshot may hold 100,000 rows, and the strict readers take ~10 µs a row: when every row is
    plainly right (the common case), the table is checked a column at a time in C loops instead, and
    only a table with something off goes row by row, for the message naming it.
    """
    if not set(map(type, rows)) <= {dict}:
        return tuple(map(ProcessEntry.from_json, rows))
    columns = [list(map(dict.get, rows, repeat(key))) for key in _PROCESS_KEYS]
    pid, name, user, working_set, private, shared, pss, create = columns
    plain = (
        _whole_numbers(pid, _INT, _PID_MAX)
        and _texts(name)
        and _texts(user)
        and _whole_numbers(working_set, _INT, MAX_BYTES)
        and all(_whole_numbers(c, _OPT_INT, MAX_BYTES) for c in (private, shared, pss))
        and set(map(type, create)) <= _NULLABLE_KINDS
        # 0 and None are left out by filter(None, …); le and gt are False for NaN
        and all(map(operator.le, repeat(0), filter(None, create)))
        and all(map(operator.gt, repeat(1e11), filter(None, create)))
    )
    if not plain:
        return tuple(map(ProcessEntry.from_json, rows))
    columns[-1] = [None if c is None else float(c) for c in create]
    return tuple(map(ProcessEntry, *columns))


def _whole_numbers(column: list[Any], kinds: frozenset[type], hi: int) -> bool:
    """Every value of ``column`` is of one of ``kinds`` (exactly: a bool is not an int), and the
    numbers among them are from 0 to ``hi``."""
    if not set(map(type, column)) <= kinds:
        return False
    numbers = list(filter(None, column))  # None and 0 left out: 0 is in range
    return min(numbers, default=0) >= 0 and max(numbers, default=0) <= hi


def _texts(column: list[Any]) -> bool:
    """Every value of ``column`` is a text (empty allowed) of at most MAX_TEXT characters."""
    return set(map(type, column)) <= _TEXT and max(map(len, column), default=0) <= MAX_TEXT


def _opt_size(obj: Mapping[str, Any], key: str) -> int | None:
    if obj.get(key) is None:
        return None
    return _STRICT.whole(obj, key, "process", 0, MAX_BYTES)


def _column(
    data: Any, what: str, *, nullable: bool, length: int | None = None, limit: float = MAX_BYTES
) -> tuple[float | None, ...]:
    """A list of finite numbers from 0 to ``limit`` (or null where ``nullable``), of a given length."""
    values = _STRICT.array(data, what, MAX_HISTORY_ROWS)
    if length is not None and len(values) != length:
        raise SnapshotError(f"{what} has {len(values)} values where the history has {length} times")
    if _plain_figures(values, nullable, limit):
        return tuple(values)
    for v in values:  # find the culprit for the message
        if v is None and nullable:
            continue
        if not is_number(v) or not 0 <= v <= limit:
            raise SnapshotError(f"{what} holds {short(v)}, which is not a valid figure")
    return tuple(values)


_FIGURE_KINDS = frozenset({int, float})
_NULLABLE_KINDS = _FIGURE_KINDS | {type(None)}


def _plain_figures(values: list[Any], nullable: bool, limit: float) -> bool:
    """True when every value is an int or float (exactly: not a bool), or None where ``nullable``,
    from 0 to ``limit``: the common case, checked in C loops instead of one Python step per value.

    False does not mean a value is bad (an int subclass, say), only that each must be looked at.
    """
    kinds = set(map(type, values))
    if not kinds <= (_NULLABLE_KINDS if nullable else _FIGURE_KINDS):
        return False
    present = [v for v in values if v is not None] if type(None) in kinds else values
    # le/ge are False for NaN, so NaN fails here too; JSON's own numbers are never NaN
    return all(map(operator.le, repeat(0), present)) and all(map(operator.ge, repeat(limit), present))


def _figures(
    data: Any, what: str, *, length: int | None = None, limit: float = MAX_BYTES
) -> tuple[float, ...]:
    """Like :func:`_column`, without nulls, as floats."""
    column = _column(data, what, nullable=False, length=length, limit=limit)
    return tuple(map(float, cast("tuple[float, ...]", column)))  # not nullable: no None in it


def _sample(data: Any) -> Sample:
    """Sample.from_json behind our own caps, so a hostile sample can't cost much to reject."""
    obj = _STRICT.obj(data, "sample")
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
