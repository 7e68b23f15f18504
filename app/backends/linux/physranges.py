"""Physical Ranges on Linux: /proc/iomem, /sys/devices/system/memory and /proc/zoneinfo.

/proc/iomem shows real addresses to root only (everyone else reads zeros, kernel/resource.c
hides them without CAP_SYS_ADMIN), so without root the RAM ranges are left out and the reason is
given. Memory blocks are ``block_size_bytes`` (hex) long and start at ``phys_index`` (hex) × that size.
"""

from __future__ import annotations

import mmap
import os
from dataclasses import dataclass, field
from pathlib import Path

from app.backends.base import BackendError
from app.backends.linux.procfs import read_text
from app.physranges import AddressRange, BlockRange, PhysicalRanges, ZoneSpan

RAM_NAME = "System RAM"


def parse_iomem(text: str) -> tuple[list[AddressRange], bool]:
    """Top-level "System RAM" ranges, and whether the addresses were hidden (all zero: not root)."""
    ranges = []
    hidden = True
    for line in text.splitlines():
        if line.startswith(" ") or " : " not in line:  # nested resources are parts of a top-level one
            continue
        span, name = line.split(" : ", 1)
        start_text, _, end_text = span.partition("-")
        try:
            start, end = int(start_text, 16), int(end_text, 16)
        except ValueError:
            continue
        if end:
            hidden = False
        if name.strip() == RAM_NAME:
            ranges.append(AddressRange(start, end, RAM_NAME))
    return ranges, hidden


def parse_zoneinfo(text: str) -> list[ZoneSpan]:
    """Every zone's start_pfn, spanned, present and managed pages (empty zones included)."""
    zones: list[ZoneSpan] = []
    current: dict[str, object] | None = None

    def close() -> None:
        if current is not None:
            zones.append(
                ZoneSpan(
                    int(str(current["node"])),
                    str(current["zone"]),
                    int(str(current.get("start_pfn", 0))),
                    int(str(current.get("spanned", 0))),
                    int(str(current.get("present", 0))),
                    int(str(current.get("managed", 0))),
                )
            )

    for line in text.splitlines():
        words = line.replace(",", " ").split()
        if len(words) >= 4 and words[0] == "Node" and words[2] == "zone":
            close()
            current = {"node": words[1], "zone": words[3]}
        elif current is not None and len(words) == 2 and words[1].isdigit():
            key = words[0].rstrip(":")
            if key in ("spanned", "present", "managed", "start_pfn") and key not in current:
                current[key] = words[1]
    close()
    return zones


def read_blocks(sys_root: Path) -> tuple[list[BlockRange], str]:
    """Memory blocks merged into runs of one node and state; a problem sentence when unreadable."""
    base = sys_root / "devices" / "system" / "memory"
    try:
        block_size = int((base / "block_size_bytes").read_text().strip(), 16)
        names = [n for n in os.listdir(base) if n.startswith("memory") and n[6:].isdigit()]
    except (OSError, ValueError) as exc:
        return [], f"{base}: {getattr(exc, 'strerror', None) or exc}"
    blocks: list[tuple[int, str, int | None]] = []
    for name in names:
        path = base / name
        try:
            index = int((path / "phys_index").read_text().strip(), 16)
            state = (path / "state").read_text().strip()
        except (OSError, ValueError):
            continue
        node = next((int(e[4:]) for e in os.listdir(path) if e.startswith("node") and e[4:].isdigit()), None)
        blocks.append((index, state, node))
    blocks.sort()
    runs: list[BlockRange] = []
    for index, state, node in blocks:
        last = runs[-1] if runs else None
        if last and last.state == state and last.node == node and last.end + 1 == index * block_size:
            runs[-1] = BlockRange(last.start, last.blocks + 1, block_size, state, node)
        else:
            runs.append(BlockRange(index * block_size, 1, block_size, state, node))
    return runs, ""


@dataclass(frozen=True)
class ProcPhysicalRanges:
    """The Linux PhysicalRangesSource."""

    proc: Path = Path("/proc")
    sys: Path = Path("/sys")
    page_size: int = field(default_factory=lambda: mmap.PAGESIZE)

    def read(self) -> PhysicalRanges:
        """All three views; what cannot be read is named in ``problems``."""
        problems = []
        ram: list[AddressRange] = []
        try:
            ram, hidden = parse_iomem(read_text(self.proc, "iomem"))
            if hidden:
                ram = []
                problems.append("needs root: /proc/iomem shows physical addresses to root only")
        except BackendError as exc:
            problems.append(str(exc))
        blocks, problem = read_blocks(self.sys)
        if problem:
            problems.append(problem)
        try:
            zones = parse_zoneinfo(read_text(self.proc, "zoneinfo"))
        except BackendError as exc:
            zones = []
            problems.append(str(exc))
        return PhysicalRanges(self.page_size, tuple(ram), tuple(blocks), tuple(zones), tuple(problems))
