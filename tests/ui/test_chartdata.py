"""The chart's mirror of the history: takes in only new samples, wraps with the ring, resets on clear."""

from __future__ import annotations

import numpy as np

from app.history import History
from tests.fake_backend import FakeBackend
from ui.views.chartdata import ChartData


def _check_same(data: ChartData, history: History) -> None:
    assert np.array_equal(data.times, history.times())
    for key in ("active", "standby", "free"):
        assert np.allclose(data.values(key), history.series(key), rtol=1e-6)
    assert np.allclose(data.values("zeroed"), 0.0)  # absent on Linux: drawn as nothing


def test_follows_appends_and_the_ring_wrapping():
    backend = FakeBackend(start=1.8e9, step=1.0)
    history = History(capacity=50)
    data = ChartData(history)
    assert not data.update()
    for round_ in range(30):
        for _ in range(7):
            if round_ % 4 == 0:
                backend.move("standby", "free", 0.1)
            history.append(backend.sample())
        assert data.update()
        _check_same(data, history)
    assert not data.update()  # nothing new
    assert data.present == ("active", "standby", "modified", "free")
    assert len(data) == 50


def test_a_cleared_and_refilled_history_is_reloaded():
    backend = FakeBackend(start=1.8e9, step=1.0)
    history = History(capacity=20)
    data = ChartData(history)
    for _ in range(15):
        history.append(backend.sample())
    data.update()
    history.clear()
    assert data.update() and len(data) == 0
    windows = FakeBackend(platform="windows", start=1.7e9, step=1.0)
    for _ in range(3):
        history.append(windows.sample())
    assert data.update()
    assert len(data) == 3 and "zeroed" in data.present
