"""Metric families for one sample of the memory lists."""

from __future__ import annotations

from prometheus_client.core import GaugeMetricFamily

from app.model import Sample


def memory_families(sample: Sample) -> list[GaugeMetricFamily]:
    """Total, available, every list and every part of a list, in bytes.

    The lists are exported as the backend reports them, so they sum to the total exactly as
    the table and the history chart do (floats hold whole bytes exactly up to 8 PiB).
    """
    total = GaugeMetricFamily("ramlens_memory_total_bytes", "Physical memory the system manages.")
    total.add_metric([], sample.total_bytes)
    available = GaugeMetricFamily(
        "ramlens_memory_available_bytes", "Memory available to programs without swapping (the OS's estimate)."
    )
    available.add_metric([], sample.available_bytes)
    lists = GaugeMetricFamily(
        "ramlens_memory_list_bytes",
        "Bytes on each memory list (RAMMap's lists); together they make up the total.",
        labels=["list"],
    )
    parts = GaugeMetricFamily(
        "ramlens_memory_list_part_bytes",
        "Bytes in each part of a memory list (e.g. standby priorities, dirty and writeback).",
        labels=["list", "part"],
    )
    for memory_list in sample.lists:
        lists.add_metric([memory_list.key], memory_list.bytes)
        for part in memory_list.parts:
            parts.add_metric([memory_list.key, part.key], part.bytes)
    return [total, available, lists, parts]
