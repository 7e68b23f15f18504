"""The machine's physical memory ranges: the OS-neutral types (RAMMap's Physical Ranges).

Three views of the same memory: the firmware's map of RAM (Linux: /proc/iomem "System RAM"), the
blocks the kernel can online and offline (/sys/devices/system/memory) and the zones with their
spanned, present and managed pages (/proc/zoneinfo).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class AddressRange:
    """One range of physical addresses, ``end`` inclusive (as /proc/iomem prints it)."""

    start: int
    end: int
    name: str = "System RAM"

    @property
    def size(self) -> int:
        """Bytes in the range."""
        return self.end - self.start + 1


@dataclass(frozen=True)
class BlockRange:
    """Consecutive memory blocks of one node in one state, merged into one range."""

    start: int  # physical address of the first block
    blocks: int
    block_size: int
    state: str  # "online", "offline", "going-offline"
    node: int | None

    @property
    def end(self) -> int:
        """The last address of the range (inclusive)."""
        return self.start + self.blocks * self.block_size - 1


@dataclass(frozen=True)
class ZoneSpan:
    """One zone: where it starts and how many of its pages exist and the allocator manages."""

    node: int
    zone: str
    start_pfn: int
    spanned: int  # pages from the zone's first to its last page frame, holes included
    present: int  # pages that exist
    managed: int  # pages handed to the page allocator (present minus reserved)


@dataclass(frozen=True)
class PhysicalRanges:
    """Everything Physical Ranges shows; ``problems`` says what could not be read and why."""

    page_size: int
    ram: tuple[AddressRange, ...]
    blocks: tuple[BlockRange, ...]
    zones: tuple[ZoneSpan, ...]
    problems: tuple[str, ...] = ()

    @property
    def ram_bytes(self) -> int:
        """Σ of the RAM ranges."""
        return sum(r.size for r in self.ram)

    def to_json(self) -> dict[str, object]:
        """The document ``ramlens pages --ranges --json`` prints."""
        return {
            "page_size": self.page_size,
            "ram": [{"start": r.start, "end": r.end, "size_bytes": r.size, "name": r.name} for r in self.ram],
            "ram_bytes": self.ram_bytes,
            "blocks": [
                {
                    "start": b.start,
                    "end": b.end,
                    "blocks": b.blocks,
                    "block_size": b.block_size,
                    "state": b.state,
                    "node": b.node,
                }
                for b in self.blocks
            ],
            "zones": [
                {
                    "node": z.node,
                    "zone": z.zone,
                    "start_pfn": z.start_pfn,
                    "spanned_pages": z.spanned,
                    "present_pages": z.present,
                    "managed_pages": z.managed,
                }
                for z in self.zones
            ],
            "problems": list(self.problems),
        }


class PhysicalRangesSource(Protocol):
    """Reads the physical ranges now."""

    def read(self) -> PhysicalRanges:
        """Every part it may read; what it may not is named in ``problems`` (never raises for that)."""
        ...
