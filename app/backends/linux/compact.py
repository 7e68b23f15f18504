"""Compact memory: per NUMA node where /sys/devices/system/node/nodeN/compact exists, else compact_memory."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from app.backends.base import Outcome
from app.backends.linux.buddyinfo import parse_buddyinfo
from app.backends.linux.drop import write_control
from app.backends.linux.procfs import read_text
from app.units import format_bytes


def node_compact_files(sys: Path) -> list[Path]:
    """The per-node compact files, in node order (empty on kernels or configs without them)."""
    node_dir = sys / "devices/system/node"
    try:
        nodes = [p for p in node_dir.glob("node*") if p.name[4:].isdigit()]
    except OSError:
        return []
    return [p / "compact" for p in sorted(nodes, key=lambda p: int(p.name[4:])) if (p / "compact").exists()]


def large_free_bytes(proc: Path, page_size: int, order: int) -> int:
    """Free memory held in buddy blocks of at least 2**order pages, over every zone."""
    zones = parse_buddyinfo(read_text(proc, "buddyinfo"), str(proc / "buddyinfo"))
    return sum((c << o) * page_size for z in zones for o, c in enumerate(z.counts) if o >= order)


def compact(
    proc: Path, sys: Path, page_size: int, huge_order: int, read_vmstat: Callable[[], Mapping[str, int]]
) -> Outcome:
    """Trigger compaction of all memory and report pages migrated and large free blocks before/after."""
    large_before = large_free_bytes(proc, page_size, huge_order)
    migrated_before = read_vmstat().get("pgmigrate_success", 0)
    files = node_compact_files(sys)
    for path in files:
        write_control(path, "1")
    if not files:
        write_control(proc / "sys/vm/compact_memory", "1")
    migrated = read_vmstat().get("pgmigrate_success", 0) - migrated_before
    large_after = large_free_bytes(proc, page_size, huge_order)
    where = f"{len(files)} node(s)" if files else "all zones"
    block = format_bytes(page_size << huge_order)
    return Outcome(
        f"compacted {where}: {migrated} pages migrated; free memory in blocks of {block} or more "
        f"{format_bytes(large_before)} → {format_bytes(large_after)}",
        {
            "pages_migrated": migrated,
            "large_free_before": large_before,
            "large_free_after": large_after,
            "huge_order": huge_order,
            "nodes": len(files),
        },
    )
