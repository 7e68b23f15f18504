"""Cost of one Prometheus scrape against one ``ramlens status --json``, same run.

The status side is what the command does once it has its backend: one sample turned into the JSON
document. The scrape side is what the exporter does per request, in process: the collector's reading
(sample, fragmentation) and prometheus_client's text exposition of every family, the process metrics
included; the reading alone is shown too, to tell our cost from the library's. One real HTTP scrape
over loopback is timed as well: the cost a Prometheus server actually causes.
Timed in alternating rounds so that machine noise hits all alike; each figure is the median round.
The issue sets no target: the figures are reported, not judged.
"""

from __future__ import annotations

import json
import statistics
import time
import urllib.request
from collections.abc import Callable

ROUNDS = 15
CALLS = 50


def _per_call(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    for _ in range(CALLS):
        fn()
    return (time.perf_counter() - start) / CALLS


def measure() -> dict[str, float]:
    """Median seconds per call of each kind of work, and the scrape's size in bytes."""
    from prometheus_client import generate_latest

    from app.backends import detect
    from app.metrics.exporter import build_exporter
    from app.metrics.server import ListenAddress

    backend = detect()
    running = build_exporter(backend, ListenAddress("127.0.0.1", 0), None, log=lambda line: None)
    url = running.exporter.url

    def http_scrape() -> bytes:
        with urllib.request.urlopen(url, timeout=30) as response:
            return bytes(response.read())

    work: dict[str, Callable[[], object]] = {
        "scrape": lambda: generate_latest(running.registry),
        "reading": lambda: list(running.collector.collect()),
        "status": lambda: json.dumps(backend.sample().to_json(), ensure_ascii=False, indent=2),
        "http": http_scrape,
    }
    for fn in work.values():  # warm up: files opened, modules imported
        fn()
    rounds: dict[str, list[float]] = {name: [] for name in work}
    try:
        for _ in range(ROUNDS):
            for name, fn in work.items():
                rounds[name].append(_per_call(fn))
    finally:
        running.exporter.stop()
    figures = {name: statistics.median(times) for name, times in rounds.items()}
    figures["bytes"] = len(generate_latest(running.registry))
    return figures


def main() -> None:
    """Print the absolute figures and the ratios against ``status --json``."""
    f = measure()
    status = f["status"]
    print(f"one status --json          {status * 1e6:9.1f} µs (sample + JSON document)")
    print(
        f"one scrape, in process     {f['scrape'] * 1e6:9.1f} µs  {f['scrape'] / status:6.2f} × "
        f"({f['bytes']:.0f} bytes of text)"
    )
    print(
        f"  of which our reading     {f['reading'] * 1e6:9.1f} µs  {f['reading'] / status:6.2f} × (collector)"
    )
    print(f"one scrape over HTTP       {f['http'] * 1e6:9.1f} µs  {f['http'] / status:6.2f} × (loopback)")


if __name__ == "__main__":
    main()
