"""A drawing-side mirror of the History ring buffer that takes in only the new samples.

The chart redraws every second; copying 24 hours of every list each time would cost more
than drawing them. The mirror keeps chronological arrays in a buffer a quarter larger than
the history's capacity: appends go at the end, and when the end is reached the newest rows
move to the front once (every six hours at 1 s) — O(1) per sample, amortised. Sizes are
float32 — a few kilobytes of rounding, invisible on a chart — to halve the memory, stored one
row per list so that stacking the lists adds contiguous rows.
"""

from __future__ import annotations

import numpy as np

from app.history import History


class ChartData:
    """Chronological times, totals and per-list bytes (absent → 0) of a History, kept in step."""

    def __init__(self, history: History):
        self.history = history
        self.keys = history.keys
        size = history.capacity + max(1, history.capacity // 4)
        self._times = np.zeros(size)
        self._totals = np.zeros(size)
        self._values = np.zeros((len(self.keys), size), dtype=np.float32)
        # stacked() keeps its sums between frames: the lists stacked, and the buffer columns done.
        self._stack = np.zeros((0, 0), dtype=np.float32)
        self._stack_keys: tuple[str, ...] = ()
        self._stacked = (0, 0)
        self.generation = 0  # changes when the data is replaced rather than extended
        self._seen = np.zeros(len(self.keys), dtype=bool)  # lists with at least one reading
        self._start = 0
        self._end = 0
        self._latest: float | None = None

    def __len__(self) -> int:
        return self._end - self._start

    @property
    def times(self) -> np.ndarray:
        """Wall times, oldest first (a view: do not keep across update())."""
        return self._times[self._start : self._end]

    @property
    def totals(self) -> np.ndarray:
        """Total physical memory per sample (a view)."""
        return self._totals[self._start : self._end]

    def values(self, key: str) -> np.ndarray:
        """One list's bytes per sample, 0 where absent (a view)."""
        return self._values[self.keys.index(key), self._start : self._end]

    def stacked(self, lo: int, hi: int, keys: tuple[str, ...]) -> np.ndarray:
        """Samples lo..hi (chronological indices) of these lists stacked: row i = lists 0..i summed.

        A (lists × samples) view of a buffer kept between calls: samples already stacked for the
        same lists are not added again, so a new sample costs one column (a redraw per reading
        would otherwise add up a day of every list). Use it before the next update().
        """
        a, b = self._start + lo, self._start + max(lo, hi)
        if keys != self._stack_keys or self._stack.shape[1] != self._times.size:
            self._stack_keys, self._stacked = keys, (0, 0)
            if self._stack.shape[1] != self._times.size:
                self._stack = np.zeros((len(self.keys), self._times.size), dtype=np.float32)
        done_lo, done_hi = self._stacked
        if done_hi <= done_lo or b < done_lo or a > done_hi:  # nothing kept next to the request
            self._stack_columns(a, b, keys)
            self._stacked = (a, b)
        else:
            if a < done_lo:
                self._stack_columns(a, done_lo, keys)
            if b > done_hi:
                self._stack_columns(done_hi, b, keys)
            self._stacked = (min(a, done_lo), max(b, done_hi))
        return self._stack[: len(keys), a:b]

    def _stack_columns(self, a: int, b: int, keys: tuple[str, ...]) -> None:
        """Stack buffer columns a..b of these lists into the kept sums."""
        below = None
        for row, key in enumerate(keys):
            column = self._values[self.keys.index(key), a:b]
            if below is None:
                self._stack[row, a:b] = column
            else:
                np.add(below, column, out=self._stack[row, a:b])
            below = self._stack[row, a:b]

    @property
    def present(self) -> tuple[str, ...]:
        """The lists that had a reading at some point, in canonical order."""
        return tuple(k for k, seen in zip(self.keys, self._seen, strict=True) if seen)

    def update(self) -> bool:
        """Take in what the history gained since the last call; True when anything changed."""
        newest = self.history.latest_time()
        if newest is None:
            changed = len(self) > 0
            self._reset()
            return changed
        if self._latest is not None and newest == self._latest and len(self.history) == len(self):
            return False
        if self._latest is None or newest < self._latest:
            return self._reload()
        times, series = self.history.last(newest - self._latest)
        fresh = times > self._latest
        count = int(fresh.sum())
        expected = min(self.history.capacity, len(self) + count)
        if count == 0 or expected != len(self.history):  # cleared or refilled meanwhile
            return self._reload()
        rows = np.column_stack([series[k][fresh] for k in self.keys])
        totals = self.history.totals()[-count:]
        self._append(times[fresh], totals, rows)
        return True

    def _reset(self) -> None:
        self._start = self._end = 0
        self._stacked = (0, 0)
        self.generation += 1
        self._seen[:] = False
        self._latest = None

    def _reload(self) -> bool:
        self._reset()
        if len(self.history) == 0:
            return True
        rows = np.column_stack([self.history.series(k) for k in self.keys])
        self._append(self.history.times(), self.history.totals(), rows)
        return True

    def _append(self, times: np.ndarray, totals: np.ndarray, rows: np.ndarray) -> None:
        count = times.size
        capacity = self.history.capacity
        if self._end + count > self._times.size:  # move the newest rows to the front, once
            keep = min(len(self), capacity - count) if count < capacity else 0
            lo = self._end - keep
            self._times[:keep] = self._times[lo : self._end]
            self._totals[:keep] = self._totals[lo : self._end]
            self._values[:, :keep] = self._values[:, lo : self._end]
            self._start, self._end = 0, keep
            self._stacked = (0, 0)  # the kept sums stayed where the samples were
        if count > capacity:
            times, totals, rows = times[-capacity:], totals[-capacity:], rows[-capacity:]
            count = capacity
        end = self._end + count
        self._times[self._end : end] = times
        self._totals[self._end : end] = totals
        absent = np.isnan(rows)
        self._seen |= ~absent.all(axis=0)
        self._values[:, self._end : end] = np.where(absent, 0.0, rows).T
        self._end = end
        self._start = max(self._start, self._end - capacity)
        self._latest = float(times[-1])


def column_envelope(
    xs: np.ndarray, stack: np.ndarray, left: float, right: float, columns: int
) -> tuple[np.ndarray, np.ndarray]:
    """The stack's boundaries per pixel column between chart x ``left`` and ``right``.

    ``xs`` (ascending) are the samples' x, ``stack`` their cumulative boundaries (lists ×
    samples, each row ≥ the one before). Returns (covered, values): which columns lie within
    the data, and per column one value per boundary (columns × lists). See ``bin_envelope``.
    """
    if columns <= 0:
        return np.zeros(0, dtype=bool), np.zeros((0, stack.shape[0] if stack.ndim == 2 else 0))
    return bin_envelope(xs, stack, np.linspace(left, right, columns + 1))


def bin_envelope(xs: np.ndarray, stack: np.ndarray, edges: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The stack's boundaries per bin between consecutive chart x ``edges`` (ascending).

    Returns (covered, values) as ``column_envelope``. A bin holding two or more samples shows,
    per boundary, whichever of its lowest and highest value lies farther from the bin's mean, so
    a one-second spike or dip survives a 24-hour view instead of being averaged away. Bins with
    fewer samples interpolate linearly between their neighbours at their centre. A bin's value
    depends only on the samples in it and, when it has fewer than two, on the nearest one on
    each side: a bin can be computed alone, from those samples. The boundaries stay in order
    (no band below zero height).
    """
    lists = stack.shape[0] if stack.ndim == 2 else 0
    columns = max(edges.size - 1, 0)
    values = np.zeros((lists, columns))
    if columns == 0 or xs.size < 2 or edges[-1] <= edges[0] or lists == 0:
        return np.zeros(columns, dtype=bool), values.T
    centres = (edges[:-1] + edges[1:]) / 2
    covered = (edges[1:] > xs[0]) & (edges[:-1] <= xs[-1])
    index = np.searchsorted(xs, edges)
    counts = np.diff(index)
    dense = counts >= 2
    sparse = ~dense
    if sparse.any():
        for k in range(lists):
            values[k, sparse] = np.interp(centres[sparse], xs, stack[k])
    if dense.any():
        lo, hi = int(index[0]), int(index[-1])
        # reduceat needs a sample past the last bin's: the next one, or a copy with a spare one.
        block = stack[:, lo : hi + 1] if hi < xs.size else np.hstack([stack[:, lo:hi], stack[:, hi - 1 : hi]])
        starts = index - lo
        highest = np.maximum.reduceat(block, starts, axis=1)[:, :-1]
        lowest = np.minimum.reduceat(block, starts, axis=1)[:, :-1]
        mean = np.add.reduceat(block, starts, axis=1)[:, :-1] / np.maximum(counts, 1)
        extreme = np.where(highest - mean >= mean - lowest, highest, lowest)
        values[:, dense] = extreme[:, dense]
        np.maximum.accumulate(values, axis=0, out=values)
    return covered, values.T
