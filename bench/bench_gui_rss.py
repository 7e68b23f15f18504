"""Resident memory of RAMLens vs a bare PySide6 window with one pyqtgraph plot.

All run as subprocesses of this one, offscreen, in the same run, for the same few seconds.
RAMLens is measured in its steady state after a day: its history holds 86,400 samples (a real
reading repeated at one-second steps), sampling live. Two states:

- window shown, both charts drawn, sampling every 0.5 s: target ≤ 1.3×;
- in the tray (as `ramlens --minimized` leaves it where there is a tray: the window never shown),
  sampling every 1 s: target ≤ 1.0×.
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
TARGET_TRAY = 1.0


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
    """A QMainWindow holding one PlotWidget with one curve of 300 points (bench.procs.REFERENCE_WINDOW)."""
    from bench.procs import REFERENCE_WINDOW

    made: dict[str, object] = {}
    exec(REFERENCE_WINDOW, made)  # the one definition of the reference every GUI bench compares with
    _settle(made["app"])
    return _rss()


def child_app(tray: bool = False) -> int:
    """RAMLens on this machine's backend with a full day of history: shown (both charts drawn,
    sampling every 0.5 s) or in the tray (never shown, sampling every 1 s)."""
    import dataclasses
    import tempfile

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QSystemTrayIcon

    from app.backends import detect
    from ui.main import show_minimized
    from ui.mainwindow import MainWindow

    app = QApplication([])
    if tray:  # offscreen has no tray: behave as on a desktop that has one
        QSystemTrayIcon.isSystemTrayAvailable = staticmethod(lambda: True)  # type: ignore[method-assign]
    store = QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.Format.IniFormat)
    backend = detect()
    window = MainWindow(backend, store)
    reading = backend.sample()
    capacity = window.history.capacity
    for i in range(capacity):
        window.history.append(dataclasses.replace(reading, time=reading.time - capacity + i))
    if tray:
        window.set_refresh(1.0)
        show_minimized(window)
        _settle(app)
        return _rss()
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
    """Print the resident sizes and their ratios to the bare window."""
    reference = _measure("reference")
    print(f"bare PySide6 window + one pyqtgraph plot: {reference / 2**20:.1f} MiB resident")
    for role, label, target in (
        ("app", "RAMLens window shown (a full 24 h history, both charts drawn)", TARGET),
        ("tray", "RAMLens in the tray (a full 24 h history, window never shown)", TARGET_TRAY),
    ):
        rss = _measure(role)
        ratio = rss / reference
        print(f"{label}: {rss / 2**20:.1f} MiB resident")
        print(f"  ratio {ratio:.2f}× (target ≤ {target}×) — {'OK' if ratio <= target else 'OVER TARGET'}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        sys.path.insert(0, str(ROOT))
        role = sys.argv[2]
        print(child_reference() if role == "reference" else child_app(tray=role == "tray"))
    else:
        main()
