"""The largest event-loop stall while real actions run from the window (QTimer probe).

The window runs offscreen on this machine's backend, sampling every 0.5 s, history tab shown,
in Qt's own event loop. A 5 ms QTimer records how late each tick is. Reference in the same run:
the same window for the same time with no action running. Then each available real action runs
through the window's runner (root needed for most; without root the refused actions still go
through the same path), each with work to do: 1 GiB of dirty pages before the flush, 1 GiB of
clean cache before the purge.

A stall is split with the UI thread's scheduler statistics (/proc/thread-self/schedstat, where
the kernel offers them): the UI thread's own CPU time, its wait for a CPU (the time other jobs on
a shared machine held them), and the rest (off the CPU by its own doing: blocked in a system call,
waiting for the GIL, idle). The judged figure is the stall less the wait for a CPU: what the
stall would be on a machine with a CPU free, as the other GUI benchmarks judge CPU time rather
than the wall clock. Target: largest stall ≤ 50 ms.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

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


@dataclass(frozen=True)
class Stall:
    """One late tick: the gap, and the UI thread's CPU time and wait for a CPU within it (ms), and
    its page faults (a compaction moving the UI thread's pages makes it fault and wait)."""

    wall: float = 0.0
    cpu: float = 0.0
    waiting: float = 0.0
    faults: int = 0

    @property
    def own(self) -> float:
        """The stall less the wait for a CPU: what it would be with a CPU free."""
        return max(0.0, self.wall - self.waiting)

    def describe(self) -> str:
        """'X ms (UI thread: CPU a, waiting for a CPU b, off the CPU c; n page faults)'."""
        off = max(0.0, self.wall + PROBE_MS - self.cpu - self.waiting)
        return (
            f"{self.wall:.1f} ms (UI thread: CPU {self.cpu:.1f}, waiting for a CPU {self.waiting:.1f}, "
            f"off the CPU {off:.1f}; {self.faults} page faults)"
        )


def _schedule() -> tuple[float, float, int]:
    """The calling thread's CPU time and run-queue wait so far in ms, and its page faults (wait
    and faults 0 where the kernel does not say)."""
    try:
        with open("/proc/thread-self/schedstat", "rb") as fh:
            on_cpu, waiting, _ = fh.read().split()
        with open("/proc/thread-self/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()  # after the command name, which may hold spaces
        return int(on_cpu) / 1e6, int(waiting) / 1e6, int(fields[7]) + int(fields[9])  # minflt + majflt
    except (OSError, ValueError, IndexError):
        return time.thread_time() * 1000, 0.0, 0


class Probe:
    """Records the lateness of a fast repeating timer: the event loop's stalls."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(PROBE_MS)
        self.timer.timeout.connect(self._tick)
        self.worst = Stall()  # the longest on the wall clock
        self.worst_own = Stall()  # the longest less the wait for a CPU
        self._last = 0.0
        self._schedule = (0.0, 0.0, 0)

    def start(self) -> None:
        """Begin measuring from now."""
        self.worst = self.worst_own = Stall()
        self._last = time.perf_counter()
        self._schedule = _schedule()
        self.timer.start()

    def stop(self) -> tuple[Stall, Stall]:
        """Stop; the longest stall on the wall clock, and the longest less the wait for a CPU."""
        self.timer.stop()
        return self.worst, self.worst_own

    def _tick(self) -> None:
        now, schedule = time.perf_counter(), _schedule()
        stall = Stall(
            (now - self._last) * 1000 - PROBE_MS,
            schedule[0] - self._schedule[0],
            schedule[1] - self._schedule[1],
            schedule[2] - self._schedule[2],
        )
        if stall.wall > self.worst.wall:
            self.worst = stall
        if stall.own > self.worst_own.own:
            self.worst_own = stall
        self._last, self._schedule = now, schedule


def _run_loop(seconds: float, until: SignalInstance | None = None) -> None:
    """Run Qt's event loop for ``seconds``, or until ``until`` is emitted when given."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    if until is not None:
        until.connect(loop.quit)
    else:
        QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    if until is not None:
        until.disconnect(loop.quit)


def main() -> None:
    """Print the idle reference, each action's largest stall, and the judged figure against the target."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.backends import detect
    from ui.mainwindow import MainWindow

    QApplication.instance() or QApplication([])
    store = QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.Format.IniFormat)
    for action_id in ACTIONS:
        store.setValue(f"confirm/{action_id}", False)  # no question dialogs in a benchmark
    backend = detect()
    window = MainWindow(backend, store)
    window.set_refresh(0.5)
    window.show()
    window.show_view("history")
    probe = Probe()
    _run_loop(1.0)
    probe.start()
    _run_loop(IDLE_SECONDS)
    idle, idle_own = probe.stop()
    print(f"idle window (sampling every 0.5 s): largest stall {idle.describe()}")
    available = {a.action_id for a in backend.availability() if a.available}
    worst = worst_own = Stall()
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
        _run_loop(0.0, until=window.runner.finished)
        _run_loop(0.5)  # the result banner, marker and fresh sample after the action
        stall, own = probe.stop()
        window.runner.finished.disconnect(done.append)
        worst = max(worst, stall, key=lambda s: s.wall)
        worst_own = max(worst_own, own, key=lambda s: s.own)
        elapsed, ok = getattr(done[0], "elapsed", 0.0), getattr(done[0], "ok", False)
        print(f"{action_id}: {elapsed:.2f} s, ok={ok}, largest stall {stall.describe()}")
    judged = worst_own.own
    ratio = judged / idle_own.own if idle_own.own > 0 else float("inf")
    verdict = "OK" if judged <= TARGET_MS else "OVER TARGET"
    print(f"largest stall during actions on the wall clock: {worst.describe()}")
    print(
        f"largest stall during actions less the wait for a CPU: {judged:.1f} ms ({worst_own.describe()}); "
        f"idle window: {idle_own.own:.1f} ms; {ratio:.2f}× idle (target ≤ {TARGET_MS:g} ms) — {verdict}"
    )
    window.close()
    for leftover in scratch.iterdir():
        leftover.unlink()
    scratch.rmdir()


if __name__ == "__main__":
    main()
