"""Cost of one full Linux sample (meminfo + vmstat + buddyinfo) against psutil.virtual_memory(), same run.

Both are timed in alternating rounds so that machine noise hits them alike; the figure per call is the median
round. Target: the ratio is at most 3 (issue 14: a sample reads three files where psutil reads one; what
matters is CPU at rest, which bench_cpu_rest judges).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable

TARGET = 3.0
ROUNDS = 31
CALLS = 500


def _per_call(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    for _ in range(CALLS):
        fn()
    return (time.perf_counter() - start) / CALLS


def measure() -> tuple[float, float]:
    """Median seconds per call of (LinuxBackend.sample, psutil.virtual_memory)."""
    import psutil

    from app.backends.linux import LinuxBackend

    backend = LinuxBackend()
    sample, reference = backend.sample, psutil.virtual_memory
    sample(), reference()  # warm up: files opened, modules imported
    ours, theirs = [], []
    for _ in range(ROUNDS):
        ours.append(_per_call(sample))
        theirs.append(_per_call(reference))
    backend.close()
    return statistics.median(ours), statistics.median(theirs)


def main() -> None:
    """Print both absolute figures and the ratio."""
    if not sys.platform.startswith("linux"):
        print("bench_sample: Linux only, skipped")
        return
    ours, theirs = measure()
    ratio = ours / theirs
    print(f"LinuxBackend.sample()     {ours * 1e6:8.1f} µs per call (meminfo + vmstat + buddyinfo)")
    print(f"psutil.virtual_memory()   {theirs * 1e6:8.1f} µs per call (meminfo)")
    verdict = "meets" if ratio <= TARGET else "MISSES"
    print(f"ratio                     {ratio:8.2f} × ({verdict} the target of ≤ {TARGET:.0f}×)")


if __name__ == "__main__":
    main()
