"""/proc/pagetypeinfo: free blocks per migrate type and order, and pageblocks per migrate type.

Root only (mode 0400) and expensive for the kernel — it walks every free list under the
zone lock — so it is read on demand (a button, ``ramlens frag --types``), never polled.
The kernel stops counting a free list at 100000 entries and prints ``>100000``: such a
cell is kept as 100000 and flagged as a lower bound.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.backends.base import BackendError, NeedsPrivilege
from app.backends.linux.procfs import read_text
from app.buddy import MigrateFree, PagetypeInfo, ZonePageblocks


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
    blocks: list[ZonePageblocks] = []
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
            blocks.append(ZonePageblocks(node, zone, tuple(zip(block_types, map(int, counts), strict=True))))
        elif section in ("free", "blocks"):
            raise BackendError(f"{where}: unexpected line {stripped[:60]!r}")
    if order < 0 or per_block <= 0 or not free:
        raise BackendError(f"{source} has no 'Page block order' header or free-list table: not pagetypeinfo")
    return PagetypeInfo(order, per_block, tuple(free), tuple(blocks))


def read_pagetypeinfo(proc_root: Path = Path("/proc")) -> PagetypeInfo:
    """Read and parse /proc/pagetypeinfo (root only; expensive — call on demand)."""
    path = proc_root / "pagetypeinfo"
    if path.exists() and not os.access(path, os.R_OK):
        raise NeedsPrivilege(f"needs root: {path} is readable only by root")
    return parse_pagetypeinfo(read_text(proc_root, "pagetypeinfo"), str(path))
