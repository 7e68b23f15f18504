"""The largest event-loop stall while real actions run from the window (QTimer probe).

The window runs offscreen on this machine's backend, sampling every 0.5 s, history tab shown.
A 5 ms QTimer records how late each tick is. Reference in the same run: the same window for
the same time with no action running. Then each available real action runs through the
window's runner (root needed for most; without root the refused actions still go through
the same path), each with work to do: 1 GiB of dirty pages before the flush, 1 GiB of clean
cache before the purge. Target: largest stall ≤ 50 ms.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE_MS = 5
TARGET_MS = 50.0
IDLE_SECONDS = 3.0
# Real actions, least disruptive first; "working-sets" is left out (it pages out this very session).
ACTIONS = ("modified-list", "kernel-caches", "standby-list", "compact")
WORK_MIB = 1024


def _write(path: Path, mib: int, durable: bool) -> None:
    """Write ``mib`` MiB: left dirty in the page cache, or written back (clean cache) when durable."""
    block = b"\xa5" * (1 << 20)
    with open(path, "wb") as fh:
        for _ in range(mib):
            fh.write(block)
        if durable:
            fh.flush()
            os.fsync(fh.fileno())


class Probe:
    """Records the lateness of a fast repeating timer: the event loop's stalls."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(PROBE_MS)
        self.timer.timeout.connect(self._tick)
        self.worst = 0.0
        self._last = 0.0

    def start(self) -> None:
        """Begin measuring from now."""
        self.worst = 0.0
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> float:
        """Stop; the largest delay beyond the interval, in ms."""
        self.timer.stop()
        return self.worst

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, (now - self._last) * 1000 - PROBE_MS)
        self._last = now


def main() -> None:
    """Print the idle reference, each action's largest stall, and the ratio."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.backends import detect
    from ui.mainwindow import MainWindow

    app = QApplication.instance() or QApplication([])
    store = QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.Format.IniFormat)
    for action_id in ACTIONS:
        store.setValue(f"confirm/{action_id}", False)  # no question dialogs in a benchmark
    backend = detect()
    window = MainWindow(backend, store)
    window.set_refresh(0.5)
    window.show()
    window.show_view("history")
    probe = Probe()

    def spin(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.001)

    spin(1.0)
    probe.start()
    spin(IDLE_SECONDS)
    idle = probe.stop()
    print(f"idle window (sampling every 0.5 s): largest stall {idle:.1f} ms")
    available = {a.action_id for a in backend.availability() if a.available}
    worst = 0.0
    scratch = Path(
        tempfile.mkdtemp(prefix="ramlens-stall-", dir="/var/tmp" if os.path.isdir("/var/tmp") else None)
    )
    for action_id in ACTIONS:
        if action_id == "modified-list":
            _write(scratch / "dirty", WORK_MIB, durable=False)
        elif action_id == "standby-list":
            _write(scratch / "clean", WORK_MIB, durable=True)
        if action_id not in available:
            print(f"{action_id}: not available here, skipped")
            continue
        done: list[object] = []
        window.runner.finished.connect(done.append)
        probe.start()
        window.request_action(action_id)
        while not done:
            app.processEvents()
            time.sleep(0.001)
        spin(0.5)  # the result banner, marker and fresh sample after the action
        stall = probe.stop()
        window.runner.finished.disconnect(done.append)
        result = done[0]
        worst = max(worst, stall)
        elapsed, ok = getattr(result, "elapsed", 0.0), getattr(result, "ok", False)
        print(f"{action_id}: {elapsed:.2f} s, ok={ok}, largest stall {stall:.1f} ms")
    ratio = worst / idle if idle > 0 else float("inf")
    verdict = "OK" if worst <= TARGET_MS else "OVER TARGET"
    summary = f"largest stall during actions {worst:.1f} ms ({ratio:.2f}× idle; target ≤ {TARGET_MS:g} ms)"
    print(f"{summary} — {verdict}")
    window.close()
    for leftover in scratch.iterdir():
        leftover.unlink()
    scratch.rmdir()


if __name__ == "__main__":
    main()
