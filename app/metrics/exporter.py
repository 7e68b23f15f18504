"""Putting the exporter together: the registry, the collectors, the server and, if asked, auto-clean."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from prometheus_client import GCCollector, PlatformCollector, ProcessCollector
from prometheus_client.registry import CollectorRegistry

from app.autoclean import AutoCleanSettings
from app.backends.base import Backend
from app.metrics.autoclean import AutoCleanLoop, AutoCleanTally
from app.metrics.collector import RamLensCollector
from app.metrics.server import Exporter, ListenAddress, start


@dataclass
class RunningExporter:
    """A started exporter: server, registry, collector, and the auto-clean loop the caller runs (or None)."""

    exporter: Exporter
    registry: CollectorRegistry
    collector: RamLensCollector
    autoclean: AutoCleanLoop | None


def build_registry(collector: RamLensCollector) -> CollectorRegistry:
    """A registry with RAMLens's collector and the exporter's own process, Python and GC metrics."""
    registry = CollectorRegistry()
    registry.register(collector)
    ProcessCollector(registry=registry)  # process_* (Linux /proc only; absent elsewhere)
    PlatformCollector(registry=registry)
    GCCollector(registry=registry)
    return registry


def build_exporter(
    backend: Backend,
    address: ListenAddress,
    settings: AutoCleanSettings | None,
    file_cache_paths: Sequence[str] = (),
    check_every: float = 1.0,
    log: Callable[[str], None] = print,
) -> RunningExporter:
    """Start answering scrapes; the auto-clean loop (when ``settings``) is returned for the caller to run."""
    tally = AutoCleanTally(enabled=settings is not None)
    loop = (
        AutoCleanLoop(backend, settings, tally, check_seconds=check_every, log=log)
        if settings is not None
        else None
    )
    collector = RamLensCollector(backend, autoclean=tally, file_cache_paths=file_cache_paths)
    registry = build_registry(collector)
    return RunningExporter(start(registry, address), registry, collector, loop)
