"""Metric families for the file-cache totals, when the backend offers a ``file_cache`` capability.

The capability is optional (Linux: cachestat/mincore over chosen paths; Windows has none), so the
exporter asks for it by name and only when ``serve --file-cache PATH`` names paths to total.
This module is the one place that knows how the source is called.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from prometheus_client.core import GaugeMetricFamily, Metric


class FileCacheTotals(Protocol):
    """What the exporter needs of a file-cache source: the totals over the files under some paths."""

    def totals(self, paths: Sequence[str]) -> Mapping[str, int]:
        """Totals over every file under ``paths``, keyed as ``ramlens files --json`` totals them:
        ``cached_bytes``, ``dirty_bytes``, ``writeback_bytes``, ``evicted_bytes``,
        ``recently_evicted_bytes`` (and ``files``)."""
        ...


def file_cache_source(capabilities: Any) -> FileCacheTotals | None:
    """The backend's file-cache source, or None when it has none (yet)."""
    source = getattr(capabilities, "file_cache", None)
    return source if source is not None and callable(getattr(source, "totals", None)) else None


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
