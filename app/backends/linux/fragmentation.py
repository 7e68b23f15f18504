"""Physical-memory fragmentation: free blocks per order and the kernel's own indices.

The indices are computed exactly as mm/vmstat.c computes them (``fill_contig_page_info``,
``unusable_free_index`` and ``__fragmentation_index``), in integer arithmetic, scaled by
1000, and printed the way the kernel prints them ("%d.%03d"). debugfs's extfrag files are
usually not mounted, so userspace recomputes them from /proc/buddyinfo, which is cheap and
readable by everyone.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from app.backends.base import BackendError
from app.backends.linux.buddyinfo import ZoneFree, parse_buddyinfo
from app.backends.linux.procfs import parse_meminfo, parse_vmstat, read_text

# x86_64's pageblock / PMD huge-page order (2 MiB of 4 KiB pages): the fallback when the
# kernel does not say.
DEFAULT_HUGE_ORDER = 9

# The /proc/vmstat counters that describe compaction, in display order.
COMPACTION_COUNTERS: tuple[str, ...] = (
    "compact_stall",
    "compact_success",
    "compact_fail",
    "compact_migrate_scanned",
    "compact_free_scanned",
    "compact_isolated",
    "pgmigrate_success",
    "pgmigrate_fail",
    "compact_daemon_wake",
)

UNHANDED_LABEL = (
    "free memory not in the buddy allocator's free lists: not yet handed to the buddy allocator "
    "(e.g. lazily initialised memory on a VM) or held on per-CPU free lists"
)


def contig_info(counts: tuple[int, ...], order: int) -> tuple[int, int, int]:
    """(free_blocks_total, free_pages, free_blocks_suitable) as fill_contig_page_info computes them."""
    total_blocks = 0
    free_pages = 0
    suitable = 0
    for o, blocks in enumerate(counts):
        total_blocks += blocks
        free_pages += blocks << o
        if o >= order:
            suitable += blocks << (o - order)
    return total_blocks, free_pages, suitable


def unusable_free_index(counts: tuple[int, ...], order: int) -> int:
    """Share of free memory unusable for an allocation of 2**order pages, ×1000 (mm/vmstat.c)."""
    _, free_pages, suitable = contig_info(counts, order)
    if free_pages == 0:
        return 1000
    return (free_pages - (suitable << order)) * 1000 // free_pages


def fragmentation_index(counts: tuple[int, ...], order: int) -> int:
    """The kernel's fragmentation index for 2**order pages, ×1000; −1000 when the allocation would succeed.

    Near 0: a failure would be for lack of memory; near 1000: for fragmentation.
    """
    total_blocks, free_pages, suitable = contig_info(counts, order)
    if total_blocks == 0:
        return 0
    if suitable:
        return -1000
    return 1000 - (1000 + free_pages * 1000 // (1 << order)) // total_blocks


def format_index(value: int) -> str:
    """An index ×1000 printed like the kernel's "%d.%03d" of value/1000, value%1000: "0.873", "-1.000".

    The kernel only ever produces −1000 as a negative index; the sign is kept in front for it.
    """
    sign = "-" if value < 0 else ""
    return f"{sign}{abs(value) // 1000}.{abs(value) % 1000:03d}"


@dataclass(frozen=True)
class OrderStats:
    """One order of one zone: its free blocks and both indices (×1000) for allocations of that order."""

    order: int
    blocks: int
    pages: int  # pages held in free blocks of exactly this order
    unusable_free_index: int
    fragmentation_index: int


@dataclass(frozen=True)
class ZoneFragmentation:
    """Free blocks and indices of one node/zone."""

    node: int
    zone: str
    orders: tuple[OrderStats, ...]

    @property
    def free_pages(self) -> int:
        """Pages held in this zone's free blocks."""
        return sum(o.pages for o in self.orders)

    @property
    def free_blocks(self) -> int:
        """Number of free blocks of any order."""
        return sum(o.blocks for o in self.orders)

    @property
    def counts(self) -> tuple[int, ...]:
        """Free blocks per order, as in /proc/buddyinfo."""
        return tuple(o.blocks for o in self.orders)

    def at(self, order: int) -> OrderStats | None:
        """The stats for one order, or None when this zone has no such order."""
        return self.orders[order] if 0 <= order < len(self.orders) else None


def zone_fragmentation(zone: ZoneFree) -> ZoneFragmentation:
    """Both indices at every order of one buddyinfo zone."""
    orders = tuple(
        OrderStats(
            order=o,
            blocks=blocks,
            pages=blocks << o,
            unusable_free_index=unusable_free_index(zone.counts, o),
            fragmentation_index=fragmentation_index(zone.counts, o),
        )
        for o, blocks in enumerate(zone.counts)
    )
    return ZoneFragmentation(zone.node, zone.zone, orders)


@dataclass(frozen=True)
class CounterChange:
    """One vmstat compaction counter: its value now and the change since the baseline."""

    name: str
    value: int
    change: int


def compaction_counters(vmstat: Mapping[str, int]) -> dict[str, int]:
    """The compaction counters this kernel has (absent ones are left out, not zeroed)."""
    return {name: vmstat[name] for name in COMPACTION_COUNTERS if name in vmstat}


def compaction_changes(baseline: Mapping[str, int], now: Mapping[str, int]) -> tuple[CounterChange, ...]:
    """Each compaction counter with its change since ``baseline`` (0 for one the baseline lacks)."""
    return tuple(CounterChange(name, value, value - baseline.get(name, value)) for name, value in now.items())


@dataclass(frozen=True)
class FragmentationReport:
    """Everything the Fragmentation view and ``ramlens frag`` show, from one reading."""

    page_size: int
    huge_order: int
    extfrag_threshold: int | None  # None when /proc/sys/vm/extfrag_threshold is missing
    zones: tuple[ZoneFragmentation, ...]
    compaction: tuple[CounterChange, ...]
    memfree_bytes: int

    @property
    def buddy_free_bytes(self) -> int:
        """Bytes in the buddy allocator's free blocks, over all zones."""
        return sum(z.free_pages for z in self.zones) * self.page_size

    @property
    def unhanded_bytes(self) -> int:
        """MemFree minus the buddy free blocks (see UNHANDED_LABEL); may be slightly negative in a race."""
        return self.memfree_bytes - self.buddy_free_bytes

    def populated(self) -> tuple[ZoneFragmentation, ...]:
        """Zones that hold any free memory (empty zones like DMA on some machines are left out)."""
        return tuple(z for z in self.zones if z.free_pages)

    def to_json(self) -> dict[str, object]:
        """The document ``ramlens frag --json`` prints; indices both ×1000 and kernel-formatted."""
        return {
            "page_size": self.page_size,
            "huge_order": self.huge_order,
            "extfrag_threshold": self.extfrag_threshold,
            "memfree_bytes": self.memfree_bytes,
            "buddy_free_bytes": self.buddy_free_bytes,
            "not_in_buddy_bytes": self.unhanded_bytes,
            "not_in_buddy_label": UNHANDED_LABEL,
            "zones": [
                {
                    "node": z.node,
                    "zone": z.zone,
                    "free_bytes": z.free_pages * self.page_size,
                    "orders": [
                        {
                            "order": o.order,
                            "blocks": o.blocks,
                            "bytes": o.pages * self.page_size,
                            "unusable_free_index": format_index(o.unusable_free_index),
                            "fragmentation_index": format_index(o.fragmentation_index),
                        }
                        for o in z.orders
                    ],
                }
                for z in self.zones
            ],
            "compaction": {c.name: {"value": c.value, "change": c.change} for c in self.compaction},
        }


def huge_page_order(sys_root: Path = Path("/sys"), page_size: int | None = None) -> int:
    """The PMD huge-page order: from transparent_hugepage/hpage_pmd_size when present, else 9 (x86_64)."""
    size_file = sys_root / "kernel/mm/transparent_hugepage/hpage_pmd_size"
    page = page_size or os.sysconf("SC_PAGE_SIZE")
    try:
        size = int(size_file.read_text().strip())
    except (OSError, ValueError):
        return DEFAULT_HUGE_ORDER
    if size <= page or size % page or (size // page) & (size // page - 1):
        return DEFAULT_HUGE_ORDER  # not a power-of-two multiple of the page: do not trust it
    return (size // page).bit_length() - 1


def read_extfrag_threshold(proc_root: Path = Path("/proc")) -> int | None:
    """/proc/sys/vm/extfrag_threshold (the kernel compacts a zone whose index is above it), or None."""
    try:
        return int(read_text(proc_root, "sys/vm/extfrag_threshold").strip())
    except (BackendError, ValueError):
        return None


def read_compaction(proc_root: Path = Path("/proc")) -> dict[str, int]:
    """The compaction counters now, e.g. as the baseline of a window."""
    return compaction_counters(parse_vmstat(read_text(proc_root, "vmstat"), str(proc_root / "vmstat")))


def read_fragmentation(
    proc_root: Path = Path("/proc"),
    sys_root: Path = Path("/sys"),
    baseline: Mapping[str, int] | None = None,
    page_size: int | None = None,
    huge_order: int | None = None,
) -> FragmentationReport:
    """Read buddyinfo, meminfo and vmstat once and compute the report.

    ``baseline`` is a :func:`read_compaction` result taken earlier (changes are since then;
    without one every change is 0). Raises BackendError naming the file that failed.
    """
    page = page_size or os.sysconf("SC_PAGE_SIZE")
    zones = parse_buddyinfo(read_text(proc_root, "buddyinfo"), str(proc_root / "buddyinfo"))
    meminfo = parse_meminfo(read_text(proc_root, "meminfo"), str(proc_root / "meminfo"))
    now = read_compaction(proc_root)
    return FragmentationReport(
        page_size=page,
        huge_order=huge_page_order(sys_root, page) if huge_order is None else huge_order,
        extfrag_threshold=read_extfrag_threshold(proc_root),
        zones=tuple(zone_fragmentation(z) for z in zones),
        compaction=compaction_changes(baseline if baseline is not None else now, now),
        memfree_bytes=meminfo["MemFree"],
    )
