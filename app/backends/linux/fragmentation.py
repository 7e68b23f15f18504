"""Reading fragmentation on Linux: /proc/buddyinfo, meminfo, vmstat and the huge-page order.

debugfs's extfrag files are usually not mounted, so the indices are recomputed (app/buddy.py)
from /proc/buddyinfo, which is cheap and readable by everyone.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from app.backends.base import BackendError
from app.backends.linux.buddyinfo import parse_buddyinfo
from app.backends.linux.procfs import parse_meminfo, parse_vmstat, read_text
from app.buddy import DEFAULT_HUGE_ORDER, FragmentationReport, compaction_changes, zone_fragmentation

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


def compaction_counters(vmstat: Mapping[str, int]) -> dict[str, int]:
    """The compaction counters this kernel has (absent ones are left out, not zeroed)."""
    return {name: vmstat[name] for name in COMPACTION_COUNTERS if name in vmstat}


def huge_order(sys_root: Path = Path("/sys"), page_size: int | None = None) -> int:
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
        huge_order=huge_order(sys_root, page),
        extfrag_threshold=read_extfrag_threshold(proc_root),
        zones=tuple(zone_fragmentation(z) for z in zones),
        compaction=compaction_changes(baseline if baseline is not None else now, now),
        memfree_bytes=meminfo["MemFree"],
    )
