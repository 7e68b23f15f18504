"""/proc/pagetypeinfo: free blocks per migrate type and order, and pageblocks per migrate type.

Root only (mode 0400) and expensive for the kernel — it walks every free list under the
zone lock — so it is read on demand (a button, ``ramlens frag --types``), never polled.
The kernel stops counting a free list at 100000 entries and prints ``>100000``: such a
cell is kept as 100000 and flagged as a lower bound.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from app.backends.base import BackendError
from app.backends.linux.census import NeedsRoot
from app.backends.linux.procfs import read_text

OVERFLOW_LIMIT = 100000  # mm/vmstat.c pagetypeinfo_showfree_print stops counting here


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
class ZoneBlocks:
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
    blocks: tuple[ZoneBlocks, ...]

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


def _cell(text: str, where: str) -> tuple[int, bool]:
    bound = text.startswith(">")
    digits = text[1:] if bound else text
    if not digits.isdigit():
        raise BackendError(f"{where}: {text!r} is not a count")
    return int(digits), bound


def _node_zone(head: str, where: str) -> tuple[int, str]:
    """'Node    0, zone   Normal' → (0, 'Normal')."""
    words = head.replace(",", " ").split()
    if len(words) != 4 or words[0] != "Node" or not words[1].isdigit() or words[2] != "zone":
        raise BackendError(f"{where}: expected 'Node N, zone NAME', got {head.strip()[:60]!r}")
    return int(words[1]), words[3]


def parse_pagetypeinfo(text: str, source: str = "/proc/pagetypeinfo") -> PagetypeInfo:
    """Parse the whole file; BackendError naming the line when it is not pagetypeinfo.

    Sections other than the free-list and pageblock tables (e.g. "Number of mixed blocks"
    with CONFIG_PAGE_OWNER) are skipped.
    """
    order = per_block = -1
    free: list[MigrateFree] = []
    blocks: list[ZoneBlocks] = []
    block_types: list[str] = []
    section = ""
    for n, line in enumerate(text.splitlines(), 1):
        where = f"{source} line {n}"
        stripped = line.strip()
        if not stripped:
            section = ""
            continue
        if stripped.startswith("Page block order:"):
            order = int(stripped.split(":")[1])
        elif stripped.startswith("Pages per block:"):
            per_block = int(stripped.split(":")[1])
        elif stripped.startswith("Free pages count per migrate type"):
            section = "free"
        elif stripped.startswith("Number of blocks type"):
            section = "blocks"
            block_types = stripped.removeprefix("Number of blocks type").split()
        elif stripped.startswith("Node") and section == "free":
            head, sep, rest = line.partition(", type")
            if not sep:
                raise BackendError(f"{where}: free-list row without ', type': {stripped[:60]!r}")
            node, zone = _node_zone(head, where)
            fields = rest.split()
            if len(fields) < 2:
                raise BackendError(f"{where}: free-list row without counts")
            cells = [_cell(f, where) for f in fields[1:]]
            free.append(
                MigrateFree(node, zone, fields[0], tuple(c for c, _ in cells), tuple(b for _, b in cells))
            )
        elif stripped.startswith("Node") and section == "blocks":
            words = stripped.replace(",", " ").split()
            node, zone = _node_zone(" ".join(words[:4]), where)
            counts = words[4:]
            if len(counts) != len(block_types) or not all(c.isdigit() for c in counts):
                raise BackendError(f"{where}: expected {len(block_types)} pageblock counts")
            blocks.append(ZoneBlocks(node, zone, tuple(zip(block_types, map(int, counts), strict=True))))
        elif section in ("free", "blocks"):
            raise BackendError(f"{where}: unexpected line {stripped[:60]!r}")
    if order < 0 or per_block <= 0 or not free:
        raise BackendError(f"{source} has no 'Page block order' header or free-list table: not pagetypeinfo")
    return PagetypeInfo(order, per_block, tuple(free), tuple(blocks))


def read_pagetypeinfo(proc_root: Path = Path("/proc")) -> PagetypeInfo:
    """Read and parse /proc/pagetypeinfo (root only; expensive — call on demand)."""
    path = proc_root / "pagetypeinfo"
    if path.exists() and not os.access(path, os.R_OK):
        raise NeedsRoot(f"needs root: {path} is readable only by root")
    return parse_pagetypeinfo(read_text(proc_root, "pagetypeinfo"), str(path))
