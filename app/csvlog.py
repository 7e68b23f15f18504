"""The history as CSV: one header and one row format for ``ramlens watch --csv`` and the window's export.

Columns: ``time`` (ISO 8601 UTC with milliseconds and a Z), ``total_bytes``, ``available_bytes``,
then ``<list>_bytes`` for every canonical list in display order. A list the platform does not have
is an empty cell, never 0, so a log written on one machine reads the same way as one from another.
"""

from __future__ import annotations

import csv
import datetime as _dt
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, TextIO

from app.model import LIST_KEYS, Sample

if TYPE_CHECKING:  # numpy: `ramlens watch --csv` writes samples and never needs a History
    from app.history import History

HEADER: tuple[str, ...] = ("time", "total_bytes", "available_bytes", *(f"{k}_bytes" for k in LIST_KEYS))


def iso_utc(when: float) -> str:
    """Seconds since the epoch as ISO 8601 UTC with milliseconds, e.g. 2026-11-30T15:04:05.250Z."""
    stamp = _dt.datetime.fromtimestamp(when, tz=_dt.timezone.utc)
    return stamp.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _cell(value: float | None) -> str:
    return "" if value is None or math.isnan(value) else str(int(value))


class HistoryCsv:
    """Writes the header and rows to a text stream (a file opened with ``newline=""``, or stdout)."""

    def __init__(self, out: TextIO):
        self._out = out
        self._writer = csv.writer(out, lineterminator="\n")

    def header(self) -> None:
        """The column names."""
        self._writer.writerow(HEADER)

    def row(self, when: float, total: float, available: float, lists: Mapping[str, float | None]) -> None:
        """One reading; ``lists`` maps list keys to bytes (missing or None/NaN: absent)."""
        self._writer.writerow(
            [iso_utc(when), _cell(total), _cell(available), *(_cell(lists.get(k)) for k in LIST_KEYS)]
        )

    def sample(self, sample: Sample) -> None:
        """One row for a sample, flushed so that a log is readable while it is written."""
        values: dict[str, float | None] = {m.key: m.bytes for m in sample.lists}
        self.row(sample.time, sample.total_bytes, sample.available_bytes, values)
        self._out.flush()

    def history(self, history: History) -> int:
        """One row per sample of ``history``, oldest first; returns the number of rows."""
        times, totals, available = history.times(), history.totals(), history.available()
        series = {k: history.series(k) for k in history.keys}
        for i, when in enumerate(times):
            self.row(float(when), totals[i], available[i], {k: float(col[i]) for k, col in series.items()})
        return len(times)
