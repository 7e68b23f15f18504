"""Soak: three days of samples (3 × 86,400 at one a second) through the History and the history chart.

Appends samples to a History of the window's default capacity (24 h), redraws the history view
every REDRAW_EVERY samples (as the window does when visible), puts an auto-clean marker on the
chart now and then, and takes the process's resident memory (RSS) along the way.

The first day fills the ring buffer; while it fills, the chart's working copies (one array per
list, sized by the samples held) grow with it, up to the capacity — bounded, and reported apart.
The second day is the first wrap-around of the ring (reads of a wrapped buffer are gathered
copies, so the allocator's high-water mark moves once more). The third day is the soak proper:
86,400 more samples into a full, wrapped buffer with the same redraws and markers. The reference
in the same run is the RSS at the end of day 2; from there the program's memory must stay flat:
target < 2 MiB of growth over day 3.
"""

from __future__ import annotations

import gc
import os
import time

from app.model import ActionResult, MemoryList, Sample

DAY = 86_400
SAMPLES = 3 * DAY
REDRAW_EVERY = 600  # a visible chart redraws every second; this keeps the soak to seconds, not days
MARK_EVERY = 3_600  # an automatic clean an hour: markers must not pile up either
TARGET_MIB = 2.0
GIB = 1 << 30


def _rss_mib() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def _sample(i: int, start: float) -> Sample:
    """A Linux-shaped reading whose lists drift like a busy machine's (16 GiB in all)."""
    wave = (i % 3600) / 3600
    active = int((5 + 3 * wave) * GIB)
    standby = int((7 - 2 * wave) * GIB)
    modified = (i % 97) * (1 << 20)
    free = 16 * GIB - active - standby - modified
    return Sample(
        time=start + i,
        monotonic=float(i),
        platform="linux",
        backend="soak",
        page_size=4096,
        total_bytes=16 * GIB,
        available_bytes=free + standby,
        lists=(
            MemoryList("active", "In use", active),
            MemoryList("standby", "Standby", standby),
            MemoryList("modified", "Modified", modified),
            MemoryList("free", "Free", free),
        ),
    )


def run() -> dict[str, float]:
    """Run the soak; returns the RSS figures (MiB) and the time taken (s)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.history import History
    from ui.views.history import HistoryView

    qapp = QApplication.instance() or QApplication([])
    history = History()
    view = HistoryView(history)
    view.resize(1200, 500)
    view.show()
    view.set_span(24 * 3600)
    start_time = time.time() - SAMPLES
    start_rss = _rss_mib()
    day_rss: list[float] = []
    peak = start_rss
    t0 = time.perf_counter()
    for i in range(SAMPLES):
        sample = _sample(i, start_time)
        history.append(sample)
        if i % MARK_EVERY == MARK_EVERY - 1:
            view.add_marker(ActionResult("working-sets", True, 0.1, sample, sample), automatic=True)
        if i % REDRAW_EVERY == REDRAW_EVERY - 1:
            view.refresh(force=True)
            qapp.processEvents()
            if (i + 1) % DAY == 0:
                gc.collect()
                day_rss.append(_rss_mib())
            peak = max(peak, _rss_mib())
    gc.collect()
    end_rss = _rss_mib()
    elapsed = time.perf_counter() - t0
    view.close()
    return {
        "start": start_rss,
        "day1": day_rss[0],
        "day2": day_rss[1],
        "end": end_rss,
        "peak": peak,
        "growth": end_rss - day_rss[1],
        "seconds": elapsed,
        "history_mib": history.nbytes / 2**20,
    }


def main() -> None:
    """Print the RSS along the soak and the growth over the third day."""
    r = run()
    print(f"samples appended          {SAMPLES:>8}  (redraw every {REDRAW_EVERY}, marker every {MARK_EVERY})")
    print(f"history ring buffer       {r['history_mib']:8.1f} MiB  (allocated once, {DAY} samples)")
    print(f"RSS at start              {r['start']:8.1f} MiB")
    fill, wrap = r["day1"] - r["start"], r["day2"] - r["day1"]
    print(f"RSS after day 1           {r['day1']:8.1f} MiB  (+{fill:.1f}: buffer and chart fill up)")
    print(f"RSS after day 2           {r['day2']:8.1f} MiB  (+{wrap:.1f}: first wrap-around)")
    print(f"RSS after day 3           {r['end']:8.1f} MiB  (peak {r['peak']:.1f} MiB)")
    verdict = "meets" if r["growth"] < TARGET_MIB else "MISSES"
    print(
        f"growth over day 3         {r['growth']:8.2f} MiB  ({verdict} the target of < {TARGET_MIB:.0f} MiB)"
    )
    print(f"time                      {r['seconds']:8.1f} s")


if __name__ == "__main__":
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
