"""A fixed-capacity ring buffer of samples on numpy arrays.

Memory is allocated once at creation (capacity × (3 + lists) float64) and never grows;
append is O(1); reads of the last N seconds are a binary search plus at most two slices.
An absent list (Linux has no zeroed list) is stored as NaN, so "absent" stays distinct from 0.
"""

from __future__ import annotations

import numpy as np

from app.model import LIST_KEYS, Sample

DEFAULT_CAPACITY = 24 * 60 * 60  # 24 h at one sample per second


class History:
    """The last ``capacity`` samples: wall time, total, available and every canonical list."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY, keys: tuple[str, ...] = LIST_KEYS):
        if capacity < 1:
            raise ValueError("history capacity must be at least 1")
        self.capacity = capacity
        self.keys = keys
        self._col = {k: i for i, k in enumerate(keys)}
        # Left unwritten (np.empty): a row is read only once append has filled it (its lists NaN
        # first), and the OS backs the pages when first written, not all 5 MB at every window's start.
        self._times = np.empty(capacity, dtype=np.float64)
        self._totals = np.empty(capacity, dtype=np.float64)
        self._available = np.empty(capacity, dtype=np.float64)
        self._values = np.empty((capacity, len(keys)), dtype=np.float64)
        self._next = 0  # slot the next append writes
        self._count = 0

    def __len__(self) -> int:
        return self._count

    @property
    def nbytes(self) -> int:
        """Memory held by the buffers (fixed at creation)."""
        return self._times.nbytes + self._totals.nbytes + self._available.nbytes + self._values.nbytes

    def append(self, sample: Sample) -> None:
        """Add one sample, overwriting the oldest when full. Samples must come in time order."""
        i = self._next
        self._times[i] = sample.time
        self._totals[i] = sample.total_bytes
        self._available[i] = sample.available_bytes
        row = self._values[i]
        row.fill(np.nan)
        for m in sample.lists:
            col = self._col.get(m.key)
            if col is not None:
                row[col] = m.bytes
        self._next = (i + 1) % self.capacity
        self._count = min(self._count + 1, self.capacity)

    def clear(self) -> None:
        """Forget every sample (the buffers stay allocated)."""
        self._next = 0
        self._count = 0

    def _order(self, start: int = 0, stop: int | None = None) -> np.ndarray | slice:
        """Index of the chronological rows ``start`` to ``stop`` (0 = oldest): a slice when contiguous."""
        first = (self._next - self._count) % self.capacity
        lo = first + start
        n = (self._count if stop is None else stop) - start
        if lo + n <= self.capacity:
            return slice(lo, lo + n)
        lo %= self.capacity
        if lo + n <= self.capacity:
            return slice(lo, lo + n)
        return np.r_[lo : self.capacity, 0 : (lo + n) % self.capacity]

    def times(self) -> np.ndarray:
        """Wall times of every sample, oldest first (a copy)."""
        return self._times[self._order()].copy()

    def series(self, key: str) -> np.ndarray:
        """One list's bytes over time, oldest first; NaN where absent."""
        return self._values[self._order(), self._col[key]].copy()

    def totals(self) -> np.ndarray:
        """Total physical memory per sample, oldest first."""
        return self._totals[self._order()].copy()

    def available(self) -> np.ndarray:
        """Available bytes per sample, oldest first."""
        return self._available[self._order()].copy()

    def _start_for(self, since: float, after: bool = False) -> int:
        """Chronological index of the first sample at (unless ``after``) or after wall time ``since``."""
        lo, hi = 0, self._count
        first = (self._next - self._count) % self.capacity
        while lo < hi:  # binary search over the ring in chronological order
            mid = (lo + hi) // 2
            t = self._times[(first + mid) % self.capacity]
            if t < since or (after and t == since):
                lo = mid + 1
            else:
                hi = mid
        return lo

    def last(self, seconds: float, now: float | None = None) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """Times and per-list values of the samples in the last ``seconds`` (before ``now``).

        ``now`` defaults to the newest sample's time.
        """
        if self._count == 0:
            return np.empty(0), {k: np.empty(0) for k in self.keys}
        if now is None:
            now = float(self._times[(self._next - 1) % self.capacity])
        idx = self._order(self._start_for(now - seconds), self._start_for(now, after=True))
        block = self._values[idx]
        return self._times[idx].copy(), {k: block[:, c].copy() for k, c in self._col.items()}

    def latest_time(self) -> float | None:
        """Wall time of the newest sample, or None when empty."""
        return None if self._count == 0 else float(self._times[(self._next - 1) % self.capacity])
