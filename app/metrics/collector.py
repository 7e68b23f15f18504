"""The custom Prometheus collector: every scrape reads fresh, at most one sample, errors as metrics."""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from app import __version__
from app.backends.base import Backend, BackendError
from app.metrics.autoclean import AutoCleanTally
from app.metrics.filecache import file_cache_families, file_cache_totals
from app.metrics.fragmentation import fragmentation_families
from app.metrics.memory import memory_families

log = logging.getLogger(__name__)

# Sources a scrape reads; each fails on its own and is reported under this name.
SOURCE_SAMPLE = "sample"
SOURCE_FRAGMENTATION = "fragmentation"
SOURCE_FILE_CACHE = "file_cache"

MAX_MESSAGE = 200  # an error message is a label value: keep it short

T = TypeVar("T")


class RamLensCollector(Collector):
    """Reads the backend when Prometheus scrapes; nothing runs between scrapes.

    Scrapes are serialised (the HTTP server answers on a thread per request), so two scrapes
    at once cost two readings one after the other, never interleaved ones.
    """

    def __init__(
        self,
        backend: Backend,
        *,
        autoclean: AutoCleanTally | None = None,
        file_cache_paths: Sequence[str] = (),
    ):
        self.backend = backend
        self.autoclean = autoclean or AutoCleanTally(enabled=False)
        capabilities = backend.capabilities()
        self._fragmentation = capabilities.fragmentation
        self._file_cache = capabilities.file_cache if file_cache_paths else None
        self._file_cache_paths = tuple(file_cache_paths)
        self._lock = threading.Lock()
        # Every source this collector reads starts at 0, so that rate() works from the first failure.
        sources = [SOURCE_SAMPLE]
        sources += [SOURCE_FRAGMENTATION] if self._fragmentation is not None else []
        sources += [SOURCE_FILE_CACHE] if self._file_cache is not None else []
        self._error_counts: Counter[str] = Counter(dict.fromkeys(sources, 0))

    def collect(self) -> Iterable[Metric]:
        """One scrape: the sample, fragmentation and file cache where offered, auto-clean, errors."""
        with self._lock:
            return self._collect()

    def _collect(self) -> list[Metric]:
        start = time.perf_counter()
        errors: dict[str, str] = {}
        out: list[Metric] = [self._info()]
        sample = _guarded(SOURCE_SAMPLE, self.backend.sample, errors)
        if sample is not None:
            out += memory_families(sample)
        if self._fragmentation is not None:
            fragmentation = self._fragmentation
            doc = _guarded(SOURCE_FRAGMENTATION, lambda: fragmentation.read().to_json(), errors)
            if doc is not None:
                out += fragmentation_families(doc)
        if self._file_cache is not None:
            source, paths = self._file_cache, self._file_cache_paths
            totals = _guarded(SOURCE_FILE_CACHE, lambda: file_cache_totals(source, paths), errors)
            if totals is not None:
                out += file_cache_families(totals)
        out += self.autoclean.families()
        self._error_counts.update(errors.keys())
        out += self._health(sample is not None, errors, time.perf_counter() - start)
        return out

    def _info(self) -> Metric:
        info = GaugeMetricFamily(
            "ramlens_exporter_info",
            "The RAMLens exporter: version and backend.",
            labels=["version", "backend"],
        )
        info.add_metric([__version__, self.backend.name], 1)
        return info

    def _health(self, up: bool, errors: dict[str, str], elapsed: float) -> list[Metric]:
        up_family = GaugeMetricFamily(
            "ramlens_up", "1 when this scrape read the memory lists, 0 when it failed."
        )
        up_family.add_metric([], 1 if up else 0)
        error = GaugeMetricFamily(
            "ramlens_scrape_error",
            "1 for each source this scrape failed to read, with the reason.",
            labels=["source", "message"],
        )
        for source, message in errors.items():
            error.add_metric([source, message], 1)
        error_total = CounterMetricFamily(
            "ramlens_scrape_errors", "Failed reads since the exporter started, by source.", labels=["source"]
        )
        for source, n in self._error_counts.items():
            error_total.add_metric([source], n)
        duration = GaugeMetricFamily("ramlens_scrape_duration_seconds", "How long this scrape took to read.")
        duration.add_metric([], elapsed)
        return [up_family, error, error_total, duration]


def _guarded(source: str, read: Callable[[], T], errors: dict[str, str]) -> T | None:
    """``read()``, or None with the failure noted under ``source``: one failing read never fails a scrape."""
    try:
        return read()
    except BackendError as exc:
        message = str(exc)
    except Exception as exc:  # a bug or an OS surprise: still answer, and keep the traceback in the log
        log.exception("reading %s failed", source)
        message = f"{type(exc).__name__}: {exc}"
    errors[source] = message[:MAX_MESSAGE]
    return None
