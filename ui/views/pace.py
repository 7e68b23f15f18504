"""The pace of the exact figures: written at least every few seconds, and at once after a jump.

The lists view writes what a glance reads (the rounded sizes, the shares, the memory bar) on every
reading. The exact figures (page counts, the Details pane, the exact-bytes tooltips) move on every
reading of a busy machine, and repainting them every second was most of what the window cost at
rest; they follow this slower pace instead, and catch up at once when memory jumps (an Empty action).
"""

from __future__ import annotations

from app.model import Sample

EXACT_PACE = 5.0  # seconds: the longest the exact figures wait while the rounded ones move
SLACK = 0.25  # seconds: a reading this early still counts as on time (ticks jitter)
JUMP = 0.02  # share of RAM: a list moving this much since the last write is shown exactly at once


class ExactPace:
    """Decides which live readings bring the exact figures up to date."""

    def __init__(self, seconds: float = EXACT_PACE, jump: float = JUMP):
        self.seconds = seconds
        self.jump = jump
        self._at: float | None = None  # Sample.monotonic of the last write
        self._bytes: dict[str, int] = {}  # each list's size at the last write

    def due(self, sample: Sample) -> bool:
        """Whether this reading's exact figures are written now: the pace has elapsed (or the clock
        went back), or a list moved by ``jump`` of RAM since they were last written."""
        if self._at is None:
            return True
        elapsed = sample.monotonic - self._at
        if elapsed < 0 or elapsed >= self.seconds - SLACK:
            return True
        step = self.jump * sample.total_bytes
        return any(abs(m.bytes - self._bytes.get(m.key, 0)) >= step for m in sample.lists)

    def written(self, sample: Sample) -> None:
        """The exact figures of ``sample`` are now on screen."""
        self._at = sample.monotonic
        self._bytes = {m.key: m.bytes for m in sample.lists}
