"""Qt tests run on the offscreen platform with isolated settings; screenshots go to artifacts/."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QEvent, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from tests.fake_backend import FakeBackend  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """A settings store of its own in tmp_path (never the user's)."""
    return QSettings(str(tmp_path / "ramlens.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def backend() -> FakeBackend:
    """A privileged Linux-like fake backend."""
    return FakeBackend()


@pytest.fixture(autouse=True)
def widgets_live_until_closed(qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    """Hold every widget given to ``qtbot.addWidget`` until pytest-qt has closed it, then delete it.

    pytest-qt keeps only a weak reference. A top-level view made by a test is owned by Python, and
    its slots and helpers (WorkGate) make reference cycles, so once the test function returns the
    still visible view is garbage: a collection that ran inside one of its own paint events
    (pyqtgraph's paintEvent is Python) deleted the widget being painted and crashed the run. And a
    closed one left to the collector was deleted in some later test, after the collector had
    emptied its helpers, whose event filters then raised there. pytest-qt's teardown closes the
    widgets and asks Qt to delete them (deleteLater) before fixtures are finalized; here the
    deletion is carried out, and only then are the widgets let go.
    """
    kept: list[QWidget] = []
    register = qtbot.addWidget

    def add_and_keep(widget: QWidget, *, before_close_func=None) -> None:  # type: ignore[no-untyped-def]
        kept.append(widget)
        register(widget, before_close_func=before_close_func)

    monkeypatch.setattr(qtbot, "addWidget", add_and_keep)
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    kept.clear()


@pytest.fixture
def make_window(qtbot, settings):  # type: ignore[no-untyped-def]
    """Factory: a shown MainWindow on a backend, with its first reading taken."""
    from ui.mainwindow import MainWindow

    made = []

    def make(backend: object = None, settings_store: QSettings | None = None):  # type: ignore[no-untyped-def]
        window = MainWindow(backend or FakeBackend(), settings_store or settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.sampler.latest is not None)
        made.append(window)
        return window

    yield make
    for window in made:
        window.runner.wait(10000)


@pytest.fixture
def artifacts() -> Iterator[Path]:
    """Where tests save screenshots for people to look at (gitignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    yield ARTIFACTS
