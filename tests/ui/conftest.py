"""Qt tests run on the offscreen platform with isolated settings; screenshots go to artifacts/."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

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
