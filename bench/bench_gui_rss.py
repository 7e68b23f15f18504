"""Resident memory of the running window vs a bare PySide6 window with one pyqtgraph plot.

Both run as subprocesses of this one, offscreen, in the same run, for the same few seconds.
The app is measured in its steady state after a day: its history holds 86,400 samples (a real
reading repeated at one-second steps), both charts drawn, sampling live every 0.5 s. Target: ≤ 1.3×.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETTLE_SECONDS = 4.0
TARGET = 1.3


def _rss() -> int:
    import psutil

    return int(psutil.Process().memory_info().rss)


def _settle(app: object) -> None:
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    end = time.monotonic() + SETTLE_SECONDS
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def child_reference() -> int:
    """A QMainWindow holding one PlotWidget with one curve of 300 points."""
    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    window = QMainWindow()
    plot = pg.PlotWidget()
    plot.plot(np.arange(300.0), np.random.default_rng(1).random(300))
    window.setCentralWidget(plot)
    window.resize(1100, 720)
    window.show()
    _settle(app)
    return _rss()


def child_app() -> int:
    """The RAMLens window on this machine's backend with a full day of history, sampling every 0.5 s."""
    import dataclasses
    import tempfile

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.backends import detect
    from ui.mainwindow import MainWindow

    app = QApplication([])
    store = QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.Format.IniFormat)
    backend = detect()
    window = MainWindow(backend, store)
    reading = backend.sample()
    capacity = window.history.capacity
    for i in range(capacity):
        window.history.append(dataclasses.replace(reading, time=reading.time - capacity + i))
    window.set_refresh(0.5)
    window.show()
    for key in ("history", "lists"):  # both main views drawn at least once
        window.show_view(key)
        _settle(app)
    return _rss()


def _measure(role: str) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, __file__, "--child", role],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if out.returncode != 0:
        raise RuntimeError(f"{role} child failed: {out.stderr.strip()[-400:]}")
    return int(out.stdout.strip().splitlines()[-1])


def main() -> None:
    """Print both resident sizes and their ratio."""
    reference = _measure("reference")
    app = _measure("app")
    ratio = app / reference
    print(f"bare PySide6 window + one pyqtgraph plot: {reference / 2**20:.1f} MiB resident")
    print(f"RAMLens window (live, a full 24 h history): {app / 2**20:.1f} MiB resident")
    print(f"ratio {ratio:.2f}× (target ≤ {TARGET}×) — {'OK' if ratio <= TARGET else 'OVER TARGET'}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        sys.path.insert(0, str(ROOT))
        print(child_reference() if sys.argv[2] == "reference" else child_app())
    else:
        main()
