"""Helpers the GUI benchmarks share: starting RAMLens or a bare reference window as a child process.

Children run offscreen with a throw-away settings directory, so a benchmark never reads or
writes the user's settings, and every child starts from the same defaults (1 s refresh, lists tab).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child_env() -> dict[str, str]:
    """Offscreen, RAMLens importable, settings in a fresh temporary directory."""
    scratch = tempfile.mkdtemp(prefix="ramlens-bench-")
    return dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=scratch,
        HOME=scratch,
        PYTHONPATH=str(ROOT),
        QT_LOGGING_RULES="*.warning=false",
    )


def start(code: str) -> subprocess.Popen[str]:
    """Run ``code`` in a fresh interpreter (this one's, so the same venv), output piped."""
    return subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


# The least a window with one chart costs: what every GUI figure is compared with.
REFERENCE_WINDOW = """
import numpy as np, pyqtgraph as pg
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication.instance() or QApplication([])
window = QMainWindow()
plot = pg.PlotWidget()
plot.plot(np.arange(300.0), np.random.default_rng(1).random(300))
window.setCentralWidget(plot)
window.resize(1100, 720)
window.show()
"""

# RAMLens as `ramlens [ARGS]` starts it; in tray mode the platform is told it has a tray
# (offscreen has none), so the window stays hidden as it does on a desktop with a tray.
RAMLENS = """
import sys
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
app = QApplication.instance() or QApplication([])
if {tray!r}:
    QSystemTrayIcon.isSystemTrayAvailable = staticmethod(lambda: True)
from ui.main import run_gui
sys.exit(run_gui({args!r}))
"""


def ramlens(args: list[str], tray: bool = False, before: str = "") -> str:
    """Code starting RAMLens with these window arguments, after ``before`` (run with the app made)."""
    return RAMLENS.replace("from ui.main import run_gui", before + "\nfrom ui.main import run_gui").format(
        args=args, tray=tray
    )


# Prints "ready" once the event loop runs (everything imported, the window built).
ANNOUNCE_READY = """
from PySide6.QtCore import QTimer
QTimer.singleShot(0, lambda: print("ready", flush=True))
"""


def wait_ready(child: subprocess.Popen[str], name: str) -> None:
    """Block until the child printed "ready"; RuntimeError with its stderr if it died first."""
    assert child.stdout is not None
    for line in child.stdout:
        if line.strip() == "ready":
            return
    raise RuntimeError(f"{name} exited before it was ready: {child.communicate()[1][-400:]}")


def verdict(ok: bool) -> str:
    """'OK' or 'OVER TARGET'."""
    return "OK" if ok else "OVER TARGET"
