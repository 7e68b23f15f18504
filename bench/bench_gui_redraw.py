"""Redraw time of the history view holding 86,400 samples (24 h at 1 s) of every list.

A frame = take in the history (copy, stack) + average down to the pixels + paint the chart.
Reference in the same run: the same frame with 300 samples (5 minutes). Target: ≤ 16 ms/frame.
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


def _history(n: int):  # type: ignore[no-untyped-def]
    """A history of ``n`` one-second samples of every canonical list, wandering like a real one."""
    import numpy as np

    from app.history import History
    from app.model import LIST_KEYS, LIST_LABELS, MemoryList, Sample

    rng = np.random.default_rng(7)
    total = 32 << 30
    shares = np.abs(rng.normal(1.0, 0.05, size=(n, len(LIST_KEYS))).cumsum(axis=0) % 7 + 1)
    shares /= shares.sum(axis=1, keepdims=True)
    history = History(capacity=86_400)
    start = time.time() - n
    for i in range(n):
        sizes = (shares[i] * total).astype(np.int64)
        lists = tuple(MemoryList(k, LIST_LABELS[k], int(b)) for k, b in zip(LIST_KEYS, sizes))
        history.append(Sample(start + i, 0.0, "windows", "bench", 4096, total, total // 2, lists))
    return history


def _frames(n: int, span: int) -> list[float]:
    from PySide6.QtWidgets import QApplication

    from ui.views.history import HistoryView

    app = QApplication.instance() or QApplication([])
    view = HistoryView(_history(n))
    view.resize(1600, 800)
    view.show()
    view.set_span(span)
    for _ in range(5):
        app.processEvents()
    view.refresh(force=True)
    times = []
    for _ in range(FRAMES):
        start = time.perf_counter()
        view.refresh(force=True)
        view.graphics.viewport().repaint()
        times.append((time.perf_counter() - start) * 1000)
    pans = []
    view.set_follow(False)
    (x0, x1), _ = view.view_box.viewRange()
    for i in range(FRAMES):  # inspecting: the range moves, no new samples
        start = time.perf_counter()
        view.view_box.setXRange(x0 - i * 60, x1 - i * 60, padding=0.0)
        view.graphics.viewport().repaint()
        pans.append((time.perf_counter() - start) * 1000)
    view.close()
    return times + [-p for p in pans]  # pans marked negative, split by the caller


def main() -> None:
    """Print median and 95th percentile per frame for 300 and 86,400 samples, and the ratio."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    results = {}
    for n, span in ((300, 300), (86_400, 86_400)):
        mixed = _frames(n, span)
        live = [t for t in mixed if t >= 0]
        pans = [-t for t in mixed if t < 0]
        results[n] = statistics.median(live)
        p95 = sorted(live)[int(0.95 * len(live)) - 1]
        print(
            f"{n:>6} samples: new-sample frame median {statistics.median(live):.2f} ms, p95 {p95:.2f} ms; "
            f"pan frame median {statistics.median(pans):.2f} ms"
        )
    ratio = results[86_400] / results[300]
    verdict = "OK" if results[86_400] <= TARGET_MS else "OVER TARGET"
    print(f"24 h vs 5 min: {ratio:.2f}× per frame; 24 h frame {results[86_400]:.2f} ms (target ≤ {TARGET_MS} ms) — {verdict}")


if __name__ == "__main__":
    main()
