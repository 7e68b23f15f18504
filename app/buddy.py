"""The buddy allocator's free blocks and the kernel's fragmentation indices: OS-neutral types and arithmetic.

The indices are computed exactly as Linux's mm/vmstat.c computes them (``fill_contig_page_info``,
``unusable_free_index`` and ``__fragmentation_index``), in integer arithmetic, scaled by 1000, and
printed the way the kernel prints them ("%d.%03d"). A backend that offers the fragmentation capability
(app.backends.base.FragmentationSource) reads the counts; everything here only computes and describes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

OVERFLOW_LIMIT = 100000  # mm/vmstat.c pagetypeinfo_showfree_print stops counting a free list here

# x86_64's PMD huge-page order (2 MiB of 4 KiB pages): the fallback when the OS does not say.
DEFAULT_HUGE_ORDER = 9

UNHANDED_LABEL = (
    "free memory not in the buddy allocator's free lists: not yet handed to the buddy allocator "
    "(e.g. lazily initialised memory on a VM) or held on per-CPU free lists"
)


@dataclass(frozen=True)
class ZoneFree:
    """Free blocks of one zone: ``counts[o]`` blocks of 2**o pages."""

    node: int
    zone: str
    counts: tuple[int, ...]

    @property
    def free_pages(self) -> int:
        """Pages held in free blocks of this zone."""
        return sum(c << o for o, c in enumerate(self.counts))

    def indices(self, order: int) -> tuple[str, str]:
        """The unusable-free and fragmentation indices for 2**order pages, printed as the kernel does."""
        return (
            format_index(unusable_free_index(self.counts, order)),
            format_index(fragmentation_index(self.counts, order)),
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


@dataclass(frozen=True)
class MigrateFree:
    """Free blocks of one migrate type in one zone: ``counts[o]`` blocks of 2**o pages."""

    node: int
    zone: str
    migrate_type: str
    counts: tuple[int, ...]
    lower_bound: tuple[bool, ...]  # True where the kernel printed ">100000": the count is at least that

    @property
    def free_pages(self) -> int:
        """Pages in these free blocks (a lower bound when any cell overflowed)."""
        return sum(c << o for o, c in enumerate(self.counts))

    @property
    def overflowed(self) -> bool:
        """True when any cell was printed as ">100000"."""
        return any(self.lower_bound)


@dataclass(frozen=True)
class ZonePageblocks:
    """How many pageblocks of one zone carry each migrate type."""

    node: int
    zone: str
    blocks: tuple[tuple[str, int], ...]  # (migrate type, pageblocks), in the kernel's column order


@dataclass(frozen=True)
class PagetypeInfo:
    """One reading of /proc/pagetypeinfo."""

    pageblock_order: int
    pages_per_block: int
    free: tuple[MigrateFree, ...]
    blocks: tuple[ZonePageblocks, ...]

    @property
    def migrate_types(self) -> tuple[str, ...]:
        """Migrate types in the kernel's order, as the free-list table lists them."""
        seen: dict[str, None] = {}
        for row in self.free:
            seen.setdefault(row.migrate_type)
        return tuple(seen)

    def for_zone(self, node: int, zone: str) -> tuple[MigrateFree, ...]:
        """The free-list rows of one zone."""
        return tuple(r for r in self.free if r.node == node and r.zone == zone)
