"""Start-up to the first painted window: RAMLens vs a bare PySide6 window with one pyqtgraph plot.

Each is a fresh interpreter (offscreen, fresh settings), timed from its start to the first paint
event of its main window, reported by the child on stdout. The two alternate for ROUNDS rounds
so machine noise hits them alike; the figure is the median round. Target: ≤ 1.15× the bare window.
"""

from __future__ import annotations

import statistics
import time

from bench.procs import REFERENCE_WINDOW, ramlens, start, verdict

ROUNDS = 7
TARGET = 1.15

# Installed on the application before the window exists: the first paint in a main window exits.
WATCH_FIRST_PAINT = """
import os
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMainWindow, QWidget

class _FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and isinstance(watched.window(), QMainWindow)
        ):
            cpu = os.times()
            print("painted", cpu.user + cpu.system, flush=True)
            os._exit(0)
        return False

_watch = _FirstPaint()
app.installEventFilter(_watch)
"""

REFERENCE = (
    "from PySide6.QtWidgets import QApplication\napp = QApplication([])\n"
    + WATCH_FIRST_PAINT
    + REFERENCE_WINDOW
    + "app.exec()\n"
)


def _time(code: str, name: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) from its start to its first paint."""
    began = time.perf_counter()
    child = start(code)
    out, err = child.communicate(timeout=120)
    wall = time.perf_counter() - began
    words = out.split()
    if "painted" not in words:
        raise RuntimeError(f"{name} never painted: {err.strip()[-400:]}")
    return wall, float(words[words.index("painted") + 1])


def measure() -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds to the first paint of RAMLens and of the bare window."""
    runs: dict[str, list[tuple[float, float]]] = {"reference": [], "ramlens": []}
    app_code = ramlens(["--tab", "lists"], before=WATCH_FIRST_PAINT)
    for _ in range(ROUNDS):
        runs["reference"].append(_time(REFERENCE, "reference"))
        runs["ramlens"].append(_time(app_code, "RAMLens"))
    return {
        name: (statistics.median(w for w, _ in got), statistics.median(c for _, c in got))
        for name, got in runs.items()
    }


def main() -> None:
    """Print both times (wall clock and CPU) and the ratios; CPU time is the figure judged.

    CPU time is what start-up costs this process, whatever else the machine runs; the wall
    clock is shown too, and matches it on an idle machine.
    """
    r = measure()
    (ref_wall, ref_cpu), (our_wall, our_cpu) = r["reference"], r["ramlens"]
    for label, wall, cpu in (
        ("bare PySide6 window + one pyqtgraph plot", ref_wall, ref_cpu),
        ("RAMLens window (lists tab)", our_wall, our_cpu),
    ):
        print(f"{label:<42} {wall:.3f} s wall, {cpu:.3f} s CPU to the first paint")
    ratio = our_cpu / ref_cpu
    print(
        f"start-up ratio {ratio:.2f}× in CPU time ({our_wall / ref_wall:.2f}× wall clock; "
        f"target ≤ {TARGET}×) — {verdict(ratio <= TARGET)}"
    )


if __name__ == "__main__":
    main()
