"""What each Linux detail means (the units are app.backends.linux.lists.DETAIL_UNITS).

Sources: the kernel's Documentation/filesystems/proc.rst (meminfo), mm/vmstat.c (vmstat names) and
Documentation/admin-guide/sysctl/vm.rst (drop_caches, compaction).
"""

from __future__ import annotations

from collections.abc import Mapping

from app.backends.linux import lists
from app.model import DetailInfo

TOTALS = "Totals"
CACHE = "Page cache"
PROCESSES = "Process memory"
KERNEL = "Kernel memory"
SWAP = "Swap and commit"
HUGE = "Huge pages"
FREE = "Free memory"
EVENTS = "Reclaim and compaction (counts since boot)"

_INFO: dict[str, tuple[str, str, str]] = {
    "MemTotal": (TOTALS, "Usable RAM", "Physical RAM less what firmware and the kernel image reserve."),
    "MemFree": (FREE, "Free (buddy allocator)", "Pages on the buddy allocator's free lists (NR_FREE_PAGES)."),
    "MemAvailable": (
        TOTALS,
        "Available",
        "The kernel's estimate of memory a new program can get without swapping: free memory plus the "
        "page cache and slab it could reclaim.",
    ),
    "Buffers": (CACHE, "Block device buffers", "Page cache of raw block devices (file system metadata)."),
    "Cached": (CACHE, "Page cache", "File contents cached in memory, shared memory (Shmem) included."),
    "SwapCached": (SWAP, "Swap cache", "Pages swapped back in that still have a copy in swap."),
    "Shmem": (
        CACHE,
        "Shared memory",
        "tmpfs files and shared anonymous memory: never dropped, only swapped.",
    ),
    "Active(file)": (CACHE, "Active file pages", "File pages used recently: reclaimed last."),
    "Inactive(file)": (CACHE, "Inactive file pages", "File pages not used lately: reclaimed first."),
    "Active(anon)": (PROCESSES, "Active anonymous pages", "Process memory used recently."),
    "Inactive(anon)": (
        PROCESSES,
        "Inactive anonymous pages",
        "Process memory not used lately: swapped first.",
    ),
    "AnonPages": (PROCESSES, "Anonymous pages", "Process heaps, stacks and private data (not file-backed)."),
    "Mapped": (CACHE, "Mapped files", "File pages mapped into processes (libraries, mmap'd files)."),
    "Dirty": (CACHE, "Dirty", "File pages changed in memory and waiting to be written to disk."),
    "Writeback": (CACHE, "Being written back", "Dirty pages being written to disk now."),
    "WritebackTmp": (
        CACHE,
        "FUSE write-back buffers",
        "Temporary buffers of FUSE file systems being written.",
    ),
    "Slab": (KERNEL, "Slab", "The kernel's object caches: SReclaimable + SUnreclaim."),
    "SReclaimable": (
        KERNEL,
        "Slab, reclaimable",
        "Slab the kernel can free under pressure (dentries, inodes).",
    ),
    "SUnreclaim": (KERNEL, "Slab, unreclaimable", "Slab in use by the kernel that cannot be freed."),
    "KReclaimable": (
        KERNEL,
        "Kernel reclaimable",
        "Kernel memory the kernel can free under pressure: SReclaimable plus other reclaimable caches.",
    ),
    "KernelStack": (KERNEL, "Kernel stacks", "One stack per thread, for its time in the kernel."),
    "PageTables": (KERNEL, "Page tables", "The tables mapping processes' virtual addresses to pages."),
    "SecPageTables": (
        KERNEL,
        "Secondary page tables",
        "Page tables of virtual machines (KVM) and IOMMUs, kept apart from the processes' own.",
    ),
    "VmallocUsed": (KERNEL, "vmalloc", "Virtually contiguous kernel allocations (modules, large buffers)."),
    "Percpu": (KERNEL, "Per-CPU allocations", "Kernel data kept once per CPU."),
    "Unevictable": (
        PROCESSES,
        "Unevictable",
        "Pages that can be neither swapped nor dropped (mlock, ramfs).",
    ),
    "Mlocked": (PROCESSES, "Locked (mlock)", "Pages programs locked in memory with mlock()."),
    "SwapTotal": (SWAP, "Swap size", "All swap space (files and partitions, zram included)."),
    "SwapFree": (SWAP, "Swap free", "Swap space not in use."),
    "CommitLimit": (
        SWAP,
        "Commit limit",
        "What the kernel lets programs allocate when overcommit is strict (vm.overcommit_memory = 2).",
    ),
    "Committed_AS": (SWAP, "Committed", "Memory programs have allocated, whether touched yet or not."),
    "AnonHugePages": (HUGE, "Transparent huge pages", "Anonymous memory backed by transparent huge pages."),
    "Hugetlb": (HUGE, "HugeTLB memory", "Memory reserved for huge pages of every size."),
    "HugePages_Total": (
        HUGE,
        "Huge pages reserved",
        "The pool of default-size huge pages (vm.nr_hugepages).",
    ),
    "HugePages_Free": (HUGE, "Huge pages free", "Huge pages of the pool not yet used."),
    "nr_free_pages": (
        FREE,
        "Free pages (vmstat)",
        "The kernel's own count of pages on the buddy free lists.",
    ),
    lists.BUDDY_FREE: (FREE, "Free blocks (buddyinfo)", "The free blocks /proc/buddyinfo lists, all zones."),
    lists.MEMFREE_NOT_IN_BUDDY: (
        FREE,
        "Free but not in the buddy allocator",
        "MemFree less the buddy free blocks: memory counted free before the kernel has initialised it "
        "(deferred struct page initialisation, common on virtual machines).",
    ),
    lists.PERCPU_FREE: (
        FREE,
        "On per-CPU free lists",
        "Free pages each CPU keeps for quick reuse (/proc/zoneinfo pagesets). MemFree does not count them; "
        "RAMLens counts them as Free. Purging the standby list frees many pages through these lists.",
    ),
    lists.KERNEL_ACCOUNTED: (
        KERNEL,
        "Kernel, accounted",
        "Slab + KernelStack + PageTables + SecPageTables + VmallocUsed + Percpu: "
        "the in-use part named Kernel.",
    ),
    "workingset_refault_anon": (
        EVENTS,
        "Refaults, anonymous",
        "Swapped-out pages needed again soon after: a sign memory is short.",
    ),
    "workingset_refault_file": (
        EVENTS,
        "Refaults, file",
        "Dropped file pages read from disk again soon after: the cost of a too-small cache (or of purging).",
    ),
    "drop_pagecache": (EVENTS, "Page cache drops", "Writes of 1 or 3 to /proc/sys/vm/drop_caches."),
    "drop_slab": (EVENTS, "Slab drops", "Writes of 2 or 3 to /proc/sys/vm/drop_caches."),
    "compact_stall": (EVENTS, "Compaction stalls", "Allocations that waited for compaction."),
    "compact_fail": (EVENTS, "Compaction failures", "Stalled compactions that found no free block."),
    "compact_success": (EVENTS, "Compaction successes", "Stalled compactions that freed a block."),
    "compact_migrate_scanned": (EVENTS, "Pages scanned to move", "Pages compaction looked at to migrate."),
    "compact_free_scanned": (EVENTS, "Pages scanned for room", "Free pages compaction looked at as targets."),
    "compact_isolated": (EVENTS, "Pages isolated", "Pages compaction took aside to migrate."),
    "pgmigrate_success": (EVENTS, "Pages migrated", "Pages moved to another place in RAM."),
    "pgmigrate_fail": (EVENTS, "Migrations failed", "Pages that could not be moved."),
}

DETAIL_INFO: Mapping[str, DetailInfo] = {key: DetailInfo(*info) for key, info in _INFO.items()}
