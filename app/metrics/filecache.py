"""Metric families for the file-cache totals, when the backend offers a ``file_cache`` capability.

The capability is optional (Linux: cachestat/mincore over chosen paths; Windows has none), so the
exporter asks for it by name and only when ``serve --file-cache PATH`` names paths to total.
This module is the one place that knows how the source is called.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from prometheus_client.core import GaugeMetricFamily, Metric

from app.filecache import FIGURES, FileCacheSource


def file_cache_totals(source: FileCacheSource, paths: Sequence[str]) -> dict[str, int]:
    """Scan ``paths`` once; the totals ``ramlens files --json`` prints, leaving out figures the
    kernel's method cannot tell (mincore knows only cached bytes)."""
    scan = source.scan(list(paths))
    totals = {"files": len(scan.files)}
    for figure in FIGURES:
        value = scan.total(figure)
        if value is not None:
            totals[figure] = value
    return totals


def file_cache_families(totals: Mapping[str, int]) -> list[Metric]:
    """``ramlens_file_cache_bytes{state}`` for every ``*_bytes`` total, and the number of files."""
    states = GaugeMetricFamily(
        "ramlens_file_cache_bytes",
        "Page-cache bytes of the files under the paths given to serve --file-cache, by state "
        "(cached, dirty, writeback, evicted, recently_evicted).",
        labels=["state"],
    )
    out: list[Metric] = [states]
    for key, value in totals.items():
        if key.endswith("_bytes"):
            states.add_metric([key.removesuffix("_bytes")], value)
    if "files" in totals:
        files = GaugeMetricFamily("ramlens_file_cache_files", "Files under the paths given to --file-cache.")
        files.add_metric([], totals["files"])
        out.append(files)
    return out
