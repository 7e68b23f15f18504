"""CPU at rest: RAMLens idling with its window shown (lists tab, 1 s refresh) and in the tray.

Each is a child process started as `ramlens --tab lists` / `ramlens --minimized` would be
(offscreen, fresh settings: 1 s refresh); after a warm-up its process CPU times (user +
system) are read twice, MEASURE_SECONDS apart, and divided by the wall time between: the share
of one core it used. The three children run side by side, so machine noise hits them alike.
Reference in the same run: a bare PySide6 window with one pyqtgraph plot that reads
psutil.virtual_memory() once a second — the least a 1 s refresh can cost.
Targets: window shown ≤ 0.4 % of a core; in the tray ≤ 0.15 %.
"""

from __future__ import annotations

import os
import time

from bench.procs import ANNOUNCE_READY, REFERENCE_WINDOW, ramlens, start, verdict, wait_ready

WARMUP_SECONDS = 5.0  # after the event loop runs: the first readings and paints are not "at rest"
MEASURE_SECONDS = 60.0
TARGET_SHOWN = 0.4  # % of a core
TARGET_TRAY = 0.15

REFERENCE = (
    REFERENCE_WINDOW
    + ANNOUNCE_READY
    + """
import psutil
from PySide6.QtCore import QTimer
timer = QTimer()
timer.timeout.connect(psutil.virtual_memory)
timer.start(1000)
app.exec()
"""
)


def measure() -> dict[str, float]:
    """Percent of one core used at rest by each child, measured side by side."""
    import psutil

    children = {
        "reference": start(REFERENCE),
        "shown": start(ramlens(["--tab", "lists"], before=ANNOUNCE_READY)),
        "tray": start(ramlens(["--minimized"], tray=True, before=ANNOUNCE_READY)),
    }
    try:
        for name, child in children.items():
            wait_ready(child, name)
        time.sleep(WARMUP_SECONDS)
        procs = {name: psutil.Process(child.pid) for name, child in children.items()}
        for name, child in children.items():
            if child.poll() is not None:
                raise RuntimeError(f"{name} child exited early: {child.communicate()[1][-400:]}")
        before = {name: _cpu(p) for name, p in procs.items()}
        start_wall = time.monotonic()
        time.sleep(MEASURE_SECONDS)
        after = {name: _cpu(p) for name, p in procs.items()}
        wall = time.monotonic() - start_wall
    finally:
        for child in children.values():
            child.terminate()
            child.communicate(timeout=30)
    return {name: 100.0 * (after[name] - before[name]) / wall for name in children}


def _cpu(process: object) -> float:
    times = process.cpu_times()  # type: ignore[attr-defined]
    return float(times.user + times.system)


def main() -> None:
    """Print each figure next to the reference and its target."""
    load_before = os.getloadavg()[0]
    r = measure()
    ref = r["reference"]
    # CPU time still grows with the machine's load (shared caches and cores): say what it was.
    print(f"load average (1 min): {load_before:.2f} before, {os.getloadavg()[0]:.2f} after")
    print(f"reference: bare window + one plot, psutil.virtual_memory() every 1 s: {ref:.3f} % of a core")
    for name, label, target in (
        ("shown", "window shown, lists tab, 1 s refresh", TARGET_SHOWN),
        ("tray", "started with --minimized (tray only)", TARGET_TRAY),
    ):
        ratio = r[name] / ref if ref > 0 else float("inf")
        print(
            f"CPU at rest, {label}: {r[name]:.3f} % of a core over {MEASURE_SECONDS:.0f} s "
            f"({ratio:.1f}× the reference; target ≤ {target} %) — {verdict(r[name] <= target)}"
        )


if __name__ == "__main__":
    main()
