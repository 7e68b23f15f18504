"""Redraw time of the history view holding 86,400 samples (24 h at 1 s) of every list.

A frame = a new sample arrives, the view takes it in, averages the visible stretch down to
one point per pixel column and paints the chart (1600 × 800 widget, offscreen). The day's
data is shaped like a real one: in use wanders, the cache fills and is purged, dirty pages
come and go. Reference in the same run: the same frame with 300 samples (5 minutes).
A last line shows a worst case: every list jumping by up to 10 % of RAM every second.
Target: ≤ 16 ms per frame.
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


def _frames(n: int, noisy: bool = False) -> tuple[list[float], list[float]]:
    """Per-frame milliseconds: new-sample frames, then pan frames (inspecting, no new sample)."""
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
    live = []
    for sample in samples[n:]:
        start = time.perf_counter()
        history.append(sample)
        view.refresh(force=True)
        view.graphics.viewport().repaint()
        live.append((time.perf_counter() - start) * 1000)
    pans = []
    view.set_follow(False)
    (x0, x1), _ = view.view_box.viewRange()
    step = (x1 - x0) / 200
    for i in range(FRAMES):
        start = time.perf_counter()
        view.view_box.setXRange(x0 - i * step, x1 - i * step, padding=0.0)
        view.graphics.viewport().repaint()
        pans.append((time.perf_counter() - start) * 1000)
    view.close()
    return live, pans


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(0.95 * len(values)) - 1)]


def main() -> None:
    """Print median and 95th percentile per frame for 300 and 86,400 samples, and the ratio."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    medians = {}
    for n in (300, 86_400):
        live, pans = _frames(n)
        medians[n] = statistics.median(live)
        print(
            f"{n:>6} samples: new-sample frame median {medians[n]:.2f} ms, p95 {_p95(live):.2f} ms; "
            f"pan frame median {statistics.median(pans):.2f} ms"
        )
    ratio = medians[86_400] / medians[300]
    verdict = "OK" if medians[86_400] <= TARGET_MS else "OVER TARGET"
    print(
        f"24 h vs 5 min: {ratio:.2f}× per frame; 24 h frame {medians[86_400]:.2f} ms "
        f"(target ≤ {TARGET_MS:g} ms) — {verdict}"
    )
    live, _ = _frames(86_400, noisy=True)
    print(f"worst case (every list jumping every second), 24 h: median {statistics.median(live):.2f} ms")


if __name__ == "__main__":
    main()
