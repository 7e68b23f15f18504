"""The data RAMLens passes around: samples of the memory lists and action results.

Plain frozen dataclasses, sizes in bytes. Every front end (CLI, GUI, snapshots, the
privileged helper) speaks these types; ``to_json`` / ``from_json`` are their JSON form.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from app.i18n import N_
from app.jsonread import Strict
from app.units import format_bytes

SCHEMA = 1

# Canonical list keys in display order (RAMMap's order). Both platforms use these
# keys so that the history and the UI need no per-OS code.
LIST_KEYS: tuple[str, ...] = (
    "active",
    "standby",
    "modified",
    "modified_no_write",
    "free",
    "zeroed",
    "bad",
)

LIST_LABELS: Mapping[str, str] = {
    "active": N_("lists", "In use"),
    "standby": N_("lists", "Standby"),
    "modified": N_("lists", "Modified"),
    "modified_no_write": N_("lists", "Modified no-write"),
    "free": N_("lists", "Free"),
    "zeroed": N_("lists", "Zeroed"),
    "bad": N_("lists", "Bad"),
}

# Windows' standby priorities are parts keyed "priority0" … "priority7"; the window translates their
# label from the key.
PRIORITY_PREFIX = "priority"
PRIORITY_LABEL = N_("lists", "Priority {n}")

Detail = int | float | str


class DetailUnit(Enum):
    """What a sample's detail counts; the backend that reads a detail declares it (``Sample.units``)."""

    BYTES = "bytes"
    PAGES = "pages"  # base pages of the sample's page size
    COUNT = "count"  # events, or things other than base pages
    SECONDS = "seconds"


@dataclass(frozen=True)
class DetailInfo:
    """What a sample's detail means, for a person: its heading, a readable name and an explanation.

    A backend declares these next to its detail units; the unit itself comes from ``Sample.units``.
    """

    group: str  # the heading the Details pane files it under
    label: str  # a readable name (the raw key is shown too)
    description: str  # what it counts and where it comes from


# Cumulative counts of pages repurposed (taken for other uses) per list part go in a sample's
# details under this prefix and the part's key, e.g. "repurposed.priority5" on Windows.
REPURPOSED_PREFIX = "repurposed."


class ModelError(ValueError):
    """A JSON document does not describe a valid sample or result."""


_STRICT = Strict(ModelError)


@dataclass(frozen=True)
class MemoryList:
    """One memory list (or one part of a list): a stable key, a label and a size."""

    key: str
    label: str
    bytes: int
    parts: tuple[MemoryList, ...] = ()

    def part(self, key: str) -> MemoryList | None:
        """The part with this key, or None."""
        return next((p for p in self.parts if p.key == key), None)

    def to_json(self) -> dict[str, Any]:
        """The JSON form: parts only when there are any."""
        out: dict[str, Any] = {"key": self.key, "label": self.label, "bytes": self.bytes}
        if self.parts:
            out["parts"] = [p.to_json() for p in self.parts]
        return out

    @classmethod
    def from_json(cls, data: Any, depth: int = 0) -> MemoryList:
        """Strictly parse the JSON form; raises ModelError on anything unexpected."""
        obj = _STRICT.obj(data, "list")
        parts_raw = obj.get("parts", [])
        if not isinstance(parts_raw, list) or (parts_raw and depth > 0):
            raise ModelError("list 'parts' must be a list, one level deep")
        return cls(
            key=_STRICT.text(obj, "key", "list"),
            label=_STRICT.text(obj, "label", "list"),
            bytes=_STRICT.size(obj, "bytes", "list"),
            parts=tuple(cls.from_json(p, depth + 1) for p in parts_raw),
        )


@dataclass(frozen=True)
class Sample:
    """One reading of physical memory.

    ``lists`` holds only the lists the platform has (Linux has no ``zeroed``: absent,
    not zero). ``limited`` is a sentence saying why the view is reduced (e.g. Windows
    without administrator rights), or empty for the full view.
    """

    time: float  # wall clock, seconds since the epoch
    monotonic: float  # time.monotonic() at the reading
    platform: str  # "linux" | "windows"
    backend: str  # e.g. "procfs", "ntdll", "pdh"
    page_size: int
    total_bytes: int
    available_bytes: int
    lists: tuple[MemoryList, ...]
    details: Mapping[str, Detail] = field(default_factory=dict)
    limited: str = ""
    units: Mapping[str, DetailUnit] = field(default_factory=dict)  # per detail; undeclared: a plain number

    def get(self, key: str) -> MemoryList | None:
        """The list with this key, or None when the platform does not have it."""
        return next((m for m in self.lists if m.key == key), None)

    def bytes_of(self, key: str) -> int | None:
        """Size of one list, or None when absent."""
        found = self.get(key)
        return None if found is None else found.bytes

    @property
    def iso_time(self) -> str:
        """Wall time as ISO 8601 UTC with a Z suffix."""
        stamp = _dt.datetime.fromtimestamp(self.time, tz=_dt.timezone.utc)
        return stamp.strftime("%Y-%m-%dT%H:%M:%S") + (
            f".{int(stamp.microsecond / 1000):03d}Z" if stamp.microsecond else "Z"
        )

    def to_json(self) -> dict[str, Any]:
        """The document ``ramlens status --json`` prints."""
        out: dict[str, Any] = {
            "schema": SCHEMA,
            "time": self.iso_time,
            "platform": self.platform,
            "backend": self.backend,
            "page_size": self.page_size,
            "total_bytes": self.total_bytes,
            "available_bytes": self.available_bytes,
            "lists": [m.to_json() for m in self.lists],
            "details": dict(self.details),
        }
        if self.limited:
            out["limited"] = self.limited
        if self.units:
            out["units"] = {k: u.value for k, u in self.units.items()}
        return out

    @classmethod
    def from_json(cls, data: Any) -> Sample:
        """Strictly parse :meth:`to_json` output; raises ModelError on anything off."""
        obj = _STRICT.obj(data, "sample")
        if obj.get("schema") != SCHEMA:
            raise ModelError(f"unsupported sample schema {obj.get('schema')!r} (this build reads {SCHEMA})")
        stamp = _STRICT.text(obj, "time", "sample")  # outside the try: its own message is already clear
        try:
            when = _dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        except ValueError as exc:
            raise ModelError(f"sample 'time' is not an ISO 8601 time: {exc}") from None
        lists_raw = obj.get("lists")
        if not isinstance(lists_raw, list):
            raise ModelError("sample 'lists' must be a list")
        details_raw = _STRICT.obj(obj.get("details", {}), "details")
        details: dict[str, Detail] = {}
        for k, v in details_raw.items():
            if isinstance(v, bool) or not isinstance(v, (int, float, str)):
                raise ModelError(f"detail {k!r} must be a number or a string")
            details[str(k)] = v
        page_size = _STRICT.size(obj, "page_size", "sample")
        if page_size == 0:
            raise ModelError("sample 'page_size' must be positive")
        limited = obj.get("limited", "")
        if not isinstance(limited, str):
            raise ModelError("sample 'limited' must be a string")
        units: dict[str, DetailUnit] = {}
        for k, v in _STRICT.obj(obj.get("units", {}), "units").items():
            try:
                units[str(k)] = DetailUnit(v)
            except ValueError:
                raise ModelError(
                    f"detail unit {v!r} of {k!r} is not one of bytes, pages, count, seconds"
                ) from None
        return cls(
            time=when.timestamp(),
            monotonic=0.0,
            platform=_STRICT.text(obj, "platform", "sample"),
            backend=_STRICT.text(obj, "backend", "sample"),
            page_size=page_size,
            total_bytes=_STRICT.size(obj, "total_bytes", "sample"),
            available_bytes=_STRICT.size(obj, "available_bytes", "sample"),
            lists=tuple(MemoryList.from_json(m) for m in lists_raw),
            details=details,
            limited=limited,
            units=units,
        )


@dataclass(frozen=True)
class ListChange:
    """How one list changed across an action."""

    key: str
    label: str
    before: int | None
    after: int | None

    @property
    def delta(self) -> int:
        """after − before, treating an absent list as 0."""
        return (self.after or 0) - (self.before or 0)


def list_changes(before: Sample, after: Sample) -> tuple[ListChange, ...]:
    """Per-list movement between two samples, in canonical order, then any others."""
    labels = {m.key: m.label for m in (*before.lists, *after.lists)}  # the after-sample's label wins
    ordered = [k for k in LIST_KEYS if k in labels]
    ordered += sorted(labels.keys() - set(LIST_KEYS))
    out = []
    for k in ordered:
        b, a = before.get(k), after.get(k)
        out.append(ListChange(k, labels[k], b.bytes if b else None, a.bytes if a else None))
    return tuple(out)


@dataclass(frozen=True)
class ActionResult:
    """What running one catalogue action did.

    ``message`` is a sentence for a person: on failure what to do about it; on success
    anything worth saying beyond the list movement (e.g. "12 processes trimmed").
    ``steps`` holds the results of the individual actions when ``action_id`` is "all".
    """

    action_id: str
    ok: bool
    elapsed: float
    before: Sample | None
    after: Sample | None
    message: str = ""
    details: Mapping[str, Detail] = field(default_factory=dict)
    steps: tuple[ActionResult, ...] = ()

    def changes(self, threshold: int = 0) -> tuple[ListChange, ...]:
        """Lists whose size changed by more than ``threshold`` bytes."""
        if self.before is None or self.after is None:
            return ()
        return tuple(c for c in list_changes(self.before, self.after) if abs(c.delta) > threshold)

    def summary(self) -> str:
        """One line: where the pages went, e.g. "Standby −1.9 GiB, Free +1.9 GiB, 0.4 s"."""
        if not self.ok:
            return f"{self.action_id} failed: {self.message}"
        threshold = self.after.page_size * 256 if self.after else 0  # ignore < 1 MiB of noise
        moved = ", ".join(f"{c.label} {format_bytes(c.delta, signed=True)}" for c in self.changes(threshold))
        parts = [p for p in (moved or "no list changed by more than 1 MiB", f"{self.elapsed:.1f} s") if p]
        if self.message:
            parts.append(self.message)
        return ", ".join(parts)

    def to_json(self) -> dict[str, Any]:
        """JSON for ``ramlens empty --json`` and the privileged helper."""
        return {
            "schema": SCHEMA,
            "action": self.action_id,
            "ok": self.ok,
            "elapsed": round(self.elapsed, 6),
            "message": self.message,
            "summary": self.summary(),
            "changes": [
                {"key": c.key, "label": c.label, "before": c.before, "after": c.after, "delta": c.delta}
                for c in self.changes()
            ],
            "details": dict(self.details),
            "before": self.before.to_json() if self.before else None,
            "after": self.after.to_json() if self.after else None,
            "steps": [s.to_json() for s in self.steps],
        }

    @classmethod
    def from_json(cls, data: Any) -> ActionResult:
        """Parse :meth:`to_json` output (e.g. from the privileged helper); strict."""
        obj = _STRICT.obj(data, "action result")
        ok = obj.get("ok")
        elapsed = obj.get("elapsed")
        if not isinstance(ok, bool):
            raise ModelError("action result 'ok' must be true or false")
        if isinstance(elapsed, bool) or not isinstance(elapsed, (int, float)) or elapsed < 0:
            raise ModelError("action result 'elapsed' must be a non-negative number")
        steps = obj.get("steps", [])
        if not isinstance(steps, list):
            raise ModelError("action result 'steps' must be a list")
        details = _STRICT.obj(obj.get("details", {}), "details")
        return cls(
            action_id=_STRICT.text(obj, "action", "action result"),
            ok=ok,
            elapsed=float(elapsed),
            before=Sample.from_json(obj["before"]) if obj.get("before") is not None else None,
            after=Sample.from_json(obj["after"]) if obj.get("after") is not None else None,
            message=obj.get("message", "") if isinstance(obj.get("message", ""), str) else "",
            details={str(k): v for k, v in details.items() if isinstance(v, (int, float, str))},
            steps=tuple(cls.from_json(s) for s in steps),
        )
