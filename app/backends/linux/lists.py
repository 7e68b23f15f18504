"""/proc/meminfo (+ vmstat, buddyinfo) -> the memory lists and the details of one sample.

All sizes are bytes. Fields are /proc/meminfo's (already × 1024); ``file = Active(file) + Inactive(file)``,
``dw = Dirty + Writeback``. Every step is clamped so that the lists add up to MemTotal exactly and every
list's parts add up to the list exactly — no byte is lost or counted twice::

    free      = min(MemFree, MemTotal) + the pages on the per-CPU free lists (see below)
                parts (when /proc/zoneinfo is read): buddy = MemFree, percpu = the per-CPU lists
    modified  = min(Dirty + Writeback + WritebackTmp, MemTotal − free)
                parts: dirty = min(Dirty, modified), writeback = modified − dirty
    standby   = max(0, file − dw − Mapped), capped at MemTotal − free − modified
                parts: the dirty/writeback pages are taken out of Inactive(file) first (new writes land on
                the inactive list), the rest out of Active(file); the mapped pages are taken out of
                Active(file) first (pages a process keeps using get activated), the rest out of
                Inactive(file). What is left of each is its part:
                inactive = "Low priority (inactive)", active = "High priority (active)"
    active    = MemTotal − MemFree − modified − standby − the per-CPU free lists
                parts, in this order, each min(value, what is still left of active):
                anonymous   = AnonPages
                shmem       = Shmem                 (tmpfs, shared anonymous memory; never dropped)
                mapped_file = min(Mapped, max(0, file − dw))   (the clean file pages kept out of standby)
                kernel      = Slab + KernelStack + PageTables + SecPageTables + VmallocUsed + Percpu
                other       = the rest (drivers, huge pages, page cache off the LRU, unaccounted)
    zeroed    absent: Linux keeps no zeroed list

The per-CPU free lists (/proc/zoneinfo's pageset ``count``) hold pages the allocator freed but has not yet
handed back to the buddy allocator; MemFree (NR_FREE_PAGES) does not count them, and no other meminfo field
does, so without them they would show as "Kernel/other". Purging the standby list frees through these lists:
measured on 6.18 with 2 CPUs, "Kernel/other" moved by exactly the change of the pageset counts (−16, +74,
+6 MiB over three purges) while they held 240–300 MiB. They are taken out of "other" (never more than it
holds) and shown as part of Free.

Mapped includes mapped shmem pages, which are not on the file LRU, so ``file − dw − Mapped`` can
under-count standby by the mapped shmem; the physical-page census (kpageflags) gives the exact split.
``Cached`` is not used for standby because it includes Shmem, which is never dropped.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from app.model import LIST_LABELS, Detail, DetailUnit, MemoryList

# meminfo fields the lists need; without them a meminfo is not usable (kernel < 3.14 lacks MemAvailable).
REQUIRED = (
    "MemTotal",
    "MemFree",
    "MemAvailable",
    "Active(file)",
    "Inactive(file)",
    "Dirty",
    "Writeback",
    "AnonPages",
    "Mapped",
    "Shmem",
)

# Fields summed into the ``kernel`` part; any an older kernel lacks counts as 0.
KERNEL_FIELDS = ("Slab", "KernelStack", "PageTables", "SecPageTables", "VmallocUsed", "Percpu")
_ZEROS = (0,) * len(KERNEL_FIELDS)

# meminfo fields copied into the details (bytes; HugePages_* are page counts) when the kernel has them.
MEMINFO_DETAILS = (
    "Buffers",
    "Cached",
    "SwapCached",
    "Shmem",
    "Active(file)",
    "Inactive(file)",
    "Active(anon)",
    "Inactive(anon)",
    "AnonPages",
    "Mapped",
    "Dirty",
    "Writeback",
    "WritebackTmp",
    "Slab",
    "SReclaimable",
    "SUnreclaim",
    "KReclaimable",
    "KernelStack",
    "PageTables",
    "SecPageTables",
    "VmallocUsed",
    "Percpu",
    "Unevictable",
    "Mlocked",
    "SwapTotal",
    "SwapFree",
    "CommitLimit",
    "Committed_AS",
    "AnonHugePages",
    "Hugetlb",
    "HugePages_Total",
    "HugePages_Free",
)

# /proc/vmstat counters copied into the details (event or page counts, as the kernel prints them).
VMSTAT_DETAILS = (
    "nr_free_pages",
    "workingset_refault_anon",
    "workingset_refault_file",
    "drop_pagecache",
    "drop_slab",
    "compact_stall",
    "compact_fail",
    "compact_success",
    "compact_migrate_scanned",
    "compact_free_scanned",
    "compact_isolated",
    "pgmigrate_success",
    "pgmigrate_fail",
)

# Every meminfo field a sample reads (the lists' inputs and the details above) goes into the details.
MEMINFO_FIELDS = tuple(dict.fromkeys((*REQUIRED, *KERNEL_FIELDS, "WritebackTmp", *MEMINFO_DETAILS)))
_DETAIL_SET = frozenset(MEMINFO_FIELDS)
_VMSTAT_SET = frozenset(VMSTAT_DETAILS)

# The derived details (bytes): the buddy allocator's free blocks (/proc/buddyinfo, all zones); MemFree
# minus them (memory counted free but not on the allocator's free lists, e.g. lazily initialised on VMs;
# never negative); Slab + KernelStack + PageTables + SecPageTables + VmallocUsed + Percpu.
BUDDY_FREE = "buddy_free_bytes"
MEMFREE_NOT_IN_BUDDY = "memfree_not_in_buddy_bytes"
KERNEL_ACCOUNTED = "kernel_accounted_bytes"
PERCPU_FREE = "percpu_free_bytes"  # pages on the per-CPU free lists (zoneinfo pagesets), not in MemFree

# Every detail's unit: meminfo fields are bytes (the parser scales kB) except the huge-page counts;
# vmstat's nr_free_pages counts base pages, its other counters count events or migrated pages.
DETAIL_UNITS: Mapping[str, DetailUnit] = {
    **{k: DetailUnit.COUNT if k.startswith("HugePages_") else DetailUnit.BYTES for k in MEMINFO_FIELDS},
    **{k: DetailUnit.PAGES if k == "nr_free_pages" else DetailUnit.COUNT for k in VMSTAT_DETAILS},
    BUDDY_FREE: DetailUnit.BYTES,
    MEMFREE_NOT_IN_BUDDY: DetailUnit.BYTES,
    KERNEL_ACCOUNTED: DetailUnit.BYTES,
    PERCPU_FREE: DetailUnit.BYTES,
}

PART_LABELS: Mapping[str, str] = {
    "anonymous": "Anonymous (process heap and stacks)",
    "shmem": "Shared memory (tmpfs, shmem)",
    "mapped_file": "Mapped files",
    "kernel": "Kernel (slab, stacks, page tables, vmalloc, per-CPU)",
    "other": "Kernel/other (drivers, huge pages, unaccounted)",
    "inactive": "Low priority (inactive)",
    "standby_active": "High priority (active)",
    "dirty": "Dirty (waiting for write-back)",
    "buddy": "Free blocks (MemFree)",
    "percpu": "On per-CPU free lists (not in MemFree)",
    "writeback": "Being written back",
}


# Parts (lists without parts of their own) are frozen, so one that has not changed since a recent sample is
# shared rather than built again: sampling every second, most parts repeat.
_leaf = functools.lru_cache(maxsize=64)(MemoryList)


def missing_fields(mem: Mapping[str, int]) -> tuple[str, ...]:
    """The REQUIRED fields this meminfo lacks (empty when it is usable)."""
    return tuple(f for f in REQUIRED if f not in mem)


def memory_lists(mem: Mapping[str, int], percpu_free: int = 0) -> tuple[MemoryList, ...]:
    """The lists (active, standby, modified, free) from meminfo bytes; see the module docstring.

    ``mem`` must hold every REQUIRED field (KeyError otherwise); ``percpu_free``: bytes on the per-CPU
    free lists (0 when unknown: Free is then MemFree alone, without parts).
    """
    total = mem["MemTotal"]
    free = min(mem["MemFree"], total)

    dirty_raw = mem["Dirty"]
    wb_raw = mem["Writeback"]
    modified = min(dirty_raw + wb_raw + mem.get("WritebackTmp", 0), total - free)
    dirty = min(dirty_raw, modified)

    inactive_file = mem["Inactive(file)"]
    active_file = mem["Active(file)"]
    dw = dirty_raw + wb_raw
    dw_from_inactive = min(dw, inactive_file)
    dw_from_active = min(dw - dw_from_inactive, active_file)
    clean_inactive = inactive_file - dw_from_inactive
    clean_active = active_file - dw_from_active
    mapped = mem["Mapped"]
    mapped_from_active = min(mapped, clean_active)
    mapped_from_inactive = min(mapped - mapped_from_active, clean_inactive)
    sb_inactive = clean_inactive - mapped_from_inactive
    sb_active = clean_active - mapped_from_active
    # Cap (only on an inconsistent reading): take the excess out of the high-priority part first.
    excess = max(0, sb_inactive + sb_active - (total - free - modified))
    cut_active = min(excess, sb_active)
    sb_active -= cut_active
    sb_inactive -= excess - cut_active
    standby = sb_inactive + sb_active

    active = total - free - modified - standby
    left = active
    parts = []
    for key, value in (
        ("anonymous", mem["AnonPages"]),
        ("shmem", mem["Shmem"]),
        ("mapped_file", mapped_from_active + mapped_from_inactive),
        ("kernel", kernel_accounted(mem)),
    ):
        take = min(value, left)
        parts.append(_leaf(key, PART_LABELS[key], take))
        left -= take
    percpu = min(percpu_free, left)  # never more than "other" holds (the readings are not atomic)
    parts.append(_leaf("other", PART_LABELS["other"], left - percpu))
    active -= percpu

    return (
        MemoryList("active", LIST_LABELS["active"], active, tuple(parts)),
        MemoryList(
            "standby",
            LIST_LABELS["standby"],
            standby,
            (
                _leaf("inactive", PART_LABELS["inactive"], sb_inactive),
                _leaf("standby_active", PART_LABELS["standby_active"], sb_active),
            ),
        ),
        MemoryList(
            "modified",
            LIST_LABELS["modified"],
            modified,
            (
                _leaf("dirty", PART_LABELS["dirty"], dirty),
                _leaf("writeback", PART_LABELS["writeback"], modified - dirty),
            ),
        ),
        _free_list(free, percpu) if percpu_free else _leaf("free", LIST_LABELS["free"], free),
    )


def _free_list(buddy: int, percpu: int) -> MemoryList:
    """Free: MemFree's buddy pages and the per-CPU lists' pages."""
    return MemoryList(
        "free",
        LIST_LABELS["free"],
        buddy + percpu,
        (_leaf("buddy", PART_LABELS["buddy"], buddy), _leaf("percpu", PART_LABELS["percpu"], percpu)),
    )


def kernel_accounted(mem: Mapping[str, int]) -> int:
    """Slab + KernelStack + PageTables + SecPageTables + VmallocUsed + Percpu (absent fields count 0)."""
    return sum(map(mem.get, KERNEL_FIELDS, _ZEROS))


def details(
    mem: Mapping[str, int], vm: Mapping[str, int], buddy_free_pages: int, page_size: int, percpu_free: int = 0
) -> dict[str, Detail]:
    """The details: meminfo fields (bytes), vmstat counters, buddy free memory and its gap to MemFree.

    Every field of MEMINFO_FIELDS and counter of VMSTAT_DETAILS the kernel has; one it lacks is absent.
    """
    # The sampler hands over only the wanted fields: copying them whole is the cheap path.
    out: dict[str, Detail] = (
        dict(mem) if mem.keys() <= _DETAIL_SET else {k: mem[k] for k in mem if k in _DETAIL_SET}
    )
    out.update(vm if vm.keys() <= _VMSTAT_SET else {k: vm[k] for k in vm if k in _VMSTAT_SET})
    buddy = buddy_free_pages * page_size
    out[BUDDY_FREE] = buddy
    out[MEMFREE_NOT_IN_BUDDY] = max(0, mem["MemFree"] - buddy)
    out[KERNEL_ACCOUNTED] = kernel_accounted(mem)
    if percpu_free:
        out[PERCPU_FREE] = percpu_free
    return out
