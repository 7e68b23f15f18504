"""Redraw time of the history view holding 86,400 samples (24 h at 1 s) of every list.

A frame = a new sample arrives, the view takes it in, reduces the visible stretch to one
value per pixel column (peaks kept) and paints the chart (1600 × 800 widget, offscreen). The
day's data is shaped like a real one: in use wanders, the cache fills and is purged, dirty pages
come and go. The worst case: every list jumping by up to 10 % of RAM every second for 24 h.
Reference in the same run: the same frame with 300 samples (5 minutes).

A frame is timed in CPU time of the drawing thread (time.thread_time), which is what it costs
whatever else the machine runs; the wall clock is printed too (equal on an idle machine).
Target: the worst case ≤ 16 ms per frame.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRAMES = 40
TARGET_MS = 16.0
GIB = 1 << 30


def _sizes(n: int, noisy: bool):  # type: ignore[no-untyped-def]
    """n × 7 list sizes in bytes adding up to 32 GiB."""
    import numpy as np

    rng = np.random.default_rng(7)
    total = 32 * GIB
    t = np.arange(n)
    if noisy:
        shares = rng.random((n, 7)) + 0.2
        return (shares / shares.sum(axis=1, keepdims=True) * total).astype(np.int64), total
    active = 8 * GIB + np.cumsum(rng.normal(0, 4 << 20, n)).clip(-4 * GIB, 8 * GIB)
    standby = (np.minimum((t % 21_600) * (400 << 10), 14 * GIB)).astype(float)  # purged every 6 h
    modified = (200 << 20) + 150 * (1 << 20) * np.abs(np.sin(t / 900.0))
    no_write = np.full(n, 16 << 20, dtype=float)
    zeroed = np.full(n, 1 * GIB, dtype=float)
    bad = np.zeros(n)
    free = total - (active + standby + modified + no_write + zeroed + bad)
    return np.column_stack([active, standby, modified, no_write, free, zeroed, bad]).astype(np.int64), total


def _samples(n: int, noisy: bool):  # type: ignore[no-untyped-def]
    from app.model import LIST_KEYS, LIST_LABELS, MemoryList, Sample

    sizes, total = _sizes(n, noisy)
    start = time.time() - n
    return [
        Sample(
            start + i,
            0.0,
            "windows",
            "bench",
            4096,
            total,
            total // 2,
            tuple(MemoryList(k, LIST_LABELS[k], int(b)) for k, b in zip(LIST_KEYS, row, strict=True)),
        )
        for i, row in enumerate(sizes)
    ]


def _frames(n: int, noisy: bool = False) -> tuple[list[float], list[float], list[float]]:
    """Per-frame CPU milliseconds of new-sample frames and of pan frames (inspecting, no new
    sample), and the new-sample frames' wall-clock milliseconds."""
    from PySide6.QtWidgets import QApplication

    from app.history import History
    from ui.views.history import HistoryView

    app = QApplication.instance() or QApplication([])
    samples = _samples(n + FRAMES, noisy)
    history = History(capacity=86_400)
    for sample in samples[:n]:
        history.append(sample)
    view = HistoryView(history)
    view.resize(1600, 800)
    view.show()
    view.set_span(300 if n <= 300 else 86_400)
    for _ in range(5):
        app.processEvents()
    view.refresh(force=True)
    live, walls = [], []
    for sample in samples[n:]:
        start, wall = time.thread_time(), time.perf_counter()
        history.append(sample)
        view.refresh(force=True)
        view.graphics.viewport().repaint()
        live.append((time.thread_time() - start) * 1000)
        walls.append((time.perf_counter() - wall) * 1000)
    pans = []
    view.set_follow(False)
    (x0, x1), _ = view.view_box.viewRange()
    step = (x1 - x0) / 200
    for i in range(FRAMES):
        start = time.thread_time()
        view.view_box.setXRange(x0 - i * step, x1 - i * step, padding=0.0)
        view.graphics.viewport().repaint()
        pans.append((time.thread_time() - start) * 1000)
    view.close()
    return live, pans, walls


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(0.95 * len(values)) - 1)]


def main() -> None:
    """Print the per-frame figures: 5 min (reference), 24 h realistic, 24 h worst case, and the ratio."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    medians = {}
    for label, n, noisy in (
        ("5 min, realistic (reference)", 300, False),
        ("24 h, realistic", 86_400, False),
        ("24 h, worst case (every list jumping)", 86_400, True),
    ):
        live, pans, walls = _frames(n, noisy)
        medians[label] = statistics.median(live)
        print(
            f"{label:<38} new-sample frame median {medians[label]:6.2f} ms CPU (p95 {_p95(live):.2f}, "
            f"wall median {statistics.median(walls):.2f}); pan frame median {statistics.median(pans):.2f} ms"
        )
    worst = medians["24 h, worst case (every list jumping)"]
    ratio = worst / medians["5 min, realistic (reference)"]
    verdict = "OK" if worst <= TARGET_MS else "OVER TARGET"
    print(
        f"history redraw worst case: {worst:.2f} ms per frame, {ratio:.2f}× the 5-minute frame "
        f"(target ≤ {TARGET_MS:g} ms) — {verdict}"
    )


if __name__ == "__main__":
    main()
