"""Metric families for free memory by block size: the ``ramlens frag --json`` document as metrics.

Built from the report's JSON form (not its class) so that the series are the very figures
``ramlens frag --json`` prints, whichever module the report type lives in.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric

ZONE_LABELS = ["node", "zone"]
ORDER_LABELS = ["node", "zone", "order"]


def fragmentation_families(doc: Mapping[str, Any]) -> list[Metric]:
    """Free blocks, bytes and both kernel indices per node/zone/order, plus the compaction counters."""
    blocks = GaugeMetricFamily(
        "ramlens_free_blocks", "Free blocks of 2^order pages in the buddy allocator.", labels=ORDER_LABELS
    )
    block_bytes = GaugeMetricFamily(
        "ramlens_free_block_bytes", "Bytes held in free blocks of exactly this order.", labels=ORDER_LABELS
    )
    unusable = GaugeMetricFamily(
        "ramlens_unusable_free_index",
        "Share of free memory unusable for an allocation of this order (0 to 1, as mm/vmstat.c computes it).",
        labels=ORDER_LABELS,
    )
    frag = GaugeMetricFamily(
        "ramlens_fragmentation_index",
        "The kernel's fragmentation index for this order: near 0 a failure would be for lack of memory, "
        "near 1 for fragmentation; -1 means an allocation of this order would succeed now.",
        labels=ORDER_LABELS,
    )
    zone_free = GaugeMetricFamily(
        "ramlens_zone_free_bytes", "Bytes in the free blocks of one node/zone.", labels=ZONE_LABELS
    )
    for zone in doc["zones"]:
        node, name = str(zone["node"]), str(zone["zone"])
        zone_free.add_metric([node, name], zone["free_bytes"])
        for o in zone["orders"]:
            labels = [node, name, str(o["order"])]
            blocks.add_metric(labels, o["blocks"])
            block_bytes.add_metric(labels, o["bytes"])
            unusable.add_metric(labels, float(o["unusable_free_index"]))
            frag.add_metric(labels, float(o["fragmentation_index"]))
    out: list[Metric] = [blocks, block_bytes, unusable, frag, zone_free]
    out += _totals(doc)
    compaction = CounterMetricFamily(
        "ramlens_compaction",
        "The kernel's compaction counters (/proc/vmstat) since boot: events or pages, as each one counts.",
        labels=["counter"],
    )
    for name, counter in doc["compaction"].items():
        compaction.add_metric([name], counter["value"])
    out.append(compaction)
    return out


def _totals(doc: Mapping[str, Any]) -> list[Metric]:
    buddy = GaugeMetricFamily("ramlens_buddy_free_bytes", "Bytes in the buddy allocator's free blocks.")
    buddy.add_metric([], doc["buddy_free_bytes"])
    not_in_buddy = GaugeMetricFamily(
        "ramlens_not_in_buddy_bytes", "Free memory not in the buddy free lists: " + doc["not_in_buddy_label"]
    )
    not_in_buddy.add_metric([], doc["not_in_buddy_bytes"])
    huge = GaugeMetricFamily("ramlens_huge_page_order", "Order of a huge page (2 MiB of 4 KiB pages: 9).")
    huge.add_metric([], doc["huge_order"])
    out: list[Metric] = [buddy, not_in_buddy, huge]
    if doc["extfrag_threshold"] is not None:
        threshold = GaugeMetricFamily(
            "ramlens_extfrag_threshold",
            "The kernel compacts a zone whose fragmentation index is above this (vm.extfrag_threshold/1000).",
        )
        threshold.add_metric([], doc["extfrag_threshold"] / 1000)
        out.append(threshold)
    return out
