"""Periodic sampling on a QTimer: read the backend, append to the history, tell the views."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from app.backends.base import Backend, BackendError
from app.history import History
from app.model import Sample

# The refresh rates the View menu offers, in seconds; 0 means paused.
REFRESH_CHOICES: tuple[float, ...] = (0.0, 0.5, 1.0, 2.0, 5.0)


class Sampler(QObject):
    """Calls ``backend.sample()`` every ``interval`` seconds on the UI thread.

    Reading the lists is cheap (one or two small files / one system call), so it stays on the
    UI thread; a failing read emits ``failed`` and sampling goes on — one bad read must not
    stop the chart or open a dialog per tick.
    """

    sampled = Signal(object)  # Sample
    failed = Signal(str)  # a sentence for the status bar
    interval_changed = Signal(float)  # seconds, 0 = paused

    def __init__(
        self, backend: Backend, history: History, interval: float = 1.0, parent: QObject | None = None
    ):
        super().__init__(parent)
        self.backend = backend
        self.history = history
        self.latest: Sample | None = None
        self.last_error = ""
        self._interval = 0.0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.sample_now)
        self.set_interval(interval)

    @property
    def interval(self) -> float:
        """Seconds between readings; 0 when paused."""
        return self._interval

    @property
    def paused(self) -> bool:
        """True when no timer runs (readings happen only on sample_now)."""
        return self._interval <= 0

    def set_interval(self, seconds: float) -> None:
        """Change the refresh rate; 0 (or less) pauses."""
        self._interval = max(0.0, float(seconds))
        if self._interval:
            self._timer.start(int(self._interval * 1000))
        else:
            self._timer.stop()
        self.interval_changed.emit(self._interval)

    def sample_now(self) -> Sample | None:
        """Read once now; returns the sample, or None when the read failed."""
        try:
            sample = self.backend.sample()
        except (BackendError, OSError) as exc:
            self.last_error = str(exc)
            self.failed.emit(self.last_error)
            return None
        newest = self.history.latest_time()
        if newest is None or sample.time > newest:  # the ring buffer needs time order
            self.history.append(sample)
        self.latest = sample
        self.last_error = ""
        self.sampled.emit(sample)
        return sample
