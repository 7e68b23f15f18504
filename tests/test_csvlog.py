"""One CSV format for the history: rows written from samples and from a History agree cell for cell."""

from __future__ import annotations

import csv
import io

from app import csvlog
from app.model import LIST_KEYS
from tests.snapshot_samples import GIB, TOTAL, history, sample


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_sample_rows_and_history_rows_are_the_same_format() -> None:
    h = history(3)
    from_history, from_samples = io.StringIO(), io.StringIO()
    a, b = csvlog.HistoryCsv(from_history), csvlog.HistoryCsv(from_samples)
    a.header()
    b.header()
    assert a.history(h) == 3
    for i in range(3):
        b.sample(sample(time=1_790_000_000.0 + i, active=6 * GIB + i * (1 << 20)))
    assert from_history.getvalue() == from_samples.getvalue()
    rows = _rows(from_history.getvalue())
    assert rows[0] == ["time", "total_bytes", "available_bytes", *(f"{k}_bytes" for k in LIST_KEYS)]
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["time"] == "2026-09-21T14:13:20.000Z"
    assert first["total_bytes"] == str(TOTAL)
    assert first["active_bytes"] == str(6 * GIB) and first["zeroed_bytes"] == ""  # absent, not 0


def test_milliseconds_survive() -> None:
    assert csvlog.iso_utc(1_790_000_000.25) == "2026-09-21T14:13:20.250Z"
