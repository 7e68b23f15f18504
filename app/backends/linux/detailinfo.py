"""What each Linux detail means (the units are app.backends.linux.lists.DETAIL_UNITS).

Sources: the kernel's Documentation/filesystems/proc.rst (meminfo), mm/vmstat.c (vmstat names) and
Documentation/admin-guide/sysctl/vm.rst (drop_caches, compaction).
"""

from __future__ import annotations

from collections.abc import Mapping

from app.backends.linux import lists
from app.i18n import N_
from app.model import DetailInfo

TOTALS = N_("DetailInfo", "Totals")
CACHE = N_("DetailInfo", "Page cache")
PROCESSES = N_("DetailInfo", "Process memory")
KERNEL = N_("DetailInfo", "Kernel memory")
SWAP = N_("DetailInfo", "Swap and commit")
HUGE = N_("DetailInfo", "Huge pages")
FREE = N_("DetailInfo", "Free memory")
EVENTS = N_("DetailInfo", "Reclaim and compaction (counts since boot)")

_INFO: dict[str, tuple[str, str, str]] = {
    "MemTotal": (
        TOTALS,
        N_("DetailInfo", "Usable RAM"),
        N_("DetailInfo", "Physical RAM less what firmware and the kernel image reserve."),
    ),
    "MemFree": (
        FREE,
        N_("DetailInfo", "Free (buddy allocator)"),
        N_("DetailInfo", "Pages on the buddy allocator's free lists (NR_FREE_PAGES)."),
    ),
    "MemAvailable": (
        TOTALS,
        N_("DetailInfo", "Available"),
        N_(
            "DetailInfo",
            "The kernel's estimate of memory a new program can get without swapping: free memory plus the "
            "page cache and slab it could reclaim.",
        ),
    ),
    "Buffers": (
        CACHE,
        N_("DetailInfo", "Block device buffers"),
        N_("DetailInfo", "Page cache of raw block devices (file system metadata)."),
    ),
    "Cached": (
        CACHE,
        N_("DetailInfo", "Page cache"),
        N_("DetailInfo", "File contents cached in memory, shared memory (Shmem) included."),
    ),
    "SwapCached": (
        SWAP,
        N_("DetailInfo", "Swap cache"),
        N_("DetailInfo", "Pages swapped back in that still have a copy in swap."),
    ),
    "Shmem": (
        CACHE,
        N_("DetailInfo", "Shared memory"),
        N_("DetailInfo", "tmpfs files and shared anonymous memory: never dropped, only swapped."),
    ),
    "Active(file)": (
        CACHE,
        N_("DetailInfo", "Active file pages"),
        N_("DetailInfo", "File pages used recently: reclaimed last."),
    ),
    "Inactive(file)": (
        CACHE,
        N_("DetailInfo", "Inactive file pages"),
        N_("DetailInfo", "File pages not used lately: reclaimed first."),
    ),
    "Active(anon)": (
        PROCESSES,
        N_("DetailInfo", "Active anonymous pages"),
        N_("DetailInfo", "Process memory used recently."),
    ),
    "Inactive(anon)": (
        PROCESSES,
        N_("DetailInfo", "Inactive anonymous pages"),
        N_("DetailInfo", "Process memory not used lately: swapped first."),
    ),
    "AnonPages": (
        PROCESSES,
        N_("DetailInfo", "Anonymous pages"),
        N_("DetailInfo", "Process heaps, stacks and private data (not file-backed)."),
    ),
    "Mapped": (
        CACHE,
        N_("DetailInfo", "Mapped files"),
        N_("DetailInfo", "File pages mapped into processes (libraries, mmap'd files)."),
    ),
    "Dirty": (
        CACHE,
        N_("DetailInfo", "Dirty"),
        N_("DetailInfo", "File pages changed in memory and waiting to be written to disk."),
    ),
    "Writeback": (
        CACHE,
        N_("DetailInfo", "Being written back"),
        N_("DetailInfo", "Dirty pages being written to disk now."),
    ),
    "WritebackTmp": (
        CACHE,
        N_("DetailInfo", "FUSE write-back buffers"),
        N_("DetailInfo", "Temporary buffers of FUSE file systems being written."),
    ),
    "Slab": (
        KERNEL,
        N_("DetailInfo", "Slab"),
        N_("DetailInfo", "The kernel's object caches: SReclaimable + SUnreclaim."),
    ),
    "SReclaimable": (
        KERNEL,
        N_("DetailInfo", "Slab, reclaimable"),
        N_("DetailInfo", "Slab the kernel can free under pressure (dentries, inodes)."),
    ),
    "SUnreclaim": (
        KERNEL,
        N_("DetailInfo", "Slab, unreclaimable"),
        N_("DetailInfo", "Slab in use by the kernel that cannot be freed."),
    ),
    "KReclaimable": (
        KERNEL,
        N_("DetailInfo", "Kernel reclaimable"),
        N_(
            "DetailInfo",
            "Kernel memory the kernel can free under pressure: SReclaimable plus other reclaimable caches.",
        ),
    ),
    "KernelStack": (
        KERNEL,
        N_("DetailInfo", "Kernel stacks"),
        N_("DetailInfo", "One stack per thread, for its time in the kernel."),
    ),
    "PageTables": (
        KERNEL,
        N_("DetailInfo", "Page tables"),
        N_("DetailInfo", "The tables mapping processes' virtual addresses to pages."),
    ),
    "SecPageTables": (
        KERNEL,
        N_("DetailInfo", "Secondary page tables"),
        N_(
            "DetailInfo",
            "Page tables of virtual machines (KVM) and IOMMUs, kept apart from the processes' own.",
        ),
    ),
    "VmallocUsed": (
        KERNEL,
        N_("DetailInfo", "vmalloc"),
        N_("DetailInfo", "Virtually contiguous kernel allocations (modules, large buffers)."),
    ),
    "Percpu": (
        KERNEL,
        N_("DetailInfo", "Per-CPU allocations"),
        N_("DetailInfo", "Kernel data kept once per CPU."),
    ),
    "Unevictable": (
        PROCESSES,
        N_("DetailInfo", "Unevictable"),
        N_("DetailInfo", "Pages that can be neither swapped nor dropped (mlock, ramfs)."),
    ),
    "Mlocked": (
        PROCESSES,
        N_("DetailInfo", "Locked (mlock)"),
        N_("DetailInfo", "Pages programs locked in memory with mlock()."),
    ),
    "SwapTotal": (
        SWAP,
        N_("DetailInfo", "Swap size"),
        N_("DetailInfo", "All swap space (files and partitions, zram included)."),
    ),
    "SwapFree": (SWAP, N_("DetailInfo", "Swap free"), N_("DetailInfo", "Swap space not in use.")),
    "CommitLimit": (
        SWAP,
        N_("DetailInfo", "Commit limit"),
        N_(
            "DetailInfo",
            "What the kernel lets programs allocate when overcommit is strict (vm.overcommit_memory = 2).",
        ),
    ),
    "Committed_AS": (
        SWAP,
        N_("DetailInfo", "Committed"),
        N_("DetailInfo", "Memory programs have allocated, whether touched yet or not."),
    ),
    "AnonHugePages": (
        HUGE,
        N_("DetailInfo", "Transparent huge pages"),
        N_("DetailInfo", "Anonymous memory backed by transparent huge pages."),
    ),
    "Hugetlb": (
        HUGE,
        N_("DetailInfo", "HugeTLB memory"),
        N_("DetailInfo", "Memory reserved for huge pages of every size."),
    ),
    "HugePages_Total": (
        HUGE,
        N_("DetailInfo", "Huge pages reserved"),
        N_("DetailInfo", "The pool of default-size huge pages (vm.nr_hugepages)."),
    ),
    "HugePages_Free": (
        HUGE,
        N_("DetailInfo", "Huge pages free"),
        N_("DetailInfo", "Huge pages of the pool not yet used."),
    ),
    "nr_free_pages": (
        FREE,
        N_("DetailInfo", "Free pages (vmstat)"),
        N_("DetailInfo", "The kernel's own count of pages on the buddy free lists."),
    ),
    lists.BUDDY_FREE: (
        FREE,
        N_("DetailInfo", "Free blocks (buddyinfo)"),
        N_("DetailInfo", "The free blocks /proc/buddyinfo lists, all zones."),
    ),
    lists.MEMFREE_NOT_IN_BUDDY: (
        FREE,
        N_("DetailInfo", "Free but not in the buddy allocator"),
        N_(
            "DetailInfo",
            "MemFree less the buddy free blocks: memory counted free before the kernel has initialised it "
            "(deferred struct page initialisation, common on virtual machines).",
        ),
    ),
    lists.PERCPU_FREE: (
        FREE,
        N_("DetailInfo", "On per-CPU free lists"),
        N_(
            "DetailInfo",
            "Free pages each CPU keeps for quick reuse (/proc/zoneinfo pagesets). MemFree "
            "does not count them; "
            "RAMLens counts them as Free. Purging the standby list frees many pages through these lists.",
        ),
    ),
    lists.KERNEL_ACCOUNTED: (
        KERNEL,
        N_("DetailInfo", "Kernel, accounted"),
        N_(
            "DetailInfo",
            "Slab + KernelStack + PageTables + SecPageTables + VmallocUsed + Percpu: "
            "the in-use part named Kernel.",
        ),
    ),
    "workingset_refault_anon": (
        EVENTS,
        N_("DetailInfo", "Refaults, anonymous"),
        N_("DetailInfo", "Swapped-out pages needed again soon after: a sign memory is short."),
    ),
    "workingset_refault_file": (
        EVENTS,
        N_("DetailInfo", "Refaults, file"),
        N_(
            "DetailInfo",
            "Dropped file pages read from disk again soon after: the cost of a too-small cache "
            "(or of purging).",
        ),
    ),
    "drop_pagecache": (
        EVENTS,
        N_("DetailInfo", "Page cache drops"),
        N_("DetailInfo", "Writes of 1 or 3 to /proc/sys/vm/drop_caches."),
    ),
    "drop_slab": (
        EVENTS,
        N_("DetailInfo", "Slab drops"),
        N_("DetailInfo", "Writes of 2 or 3 to /proc/sys/vm/drop_caches."),
    ),
    "compact_stall": (
        EVENTS,
        N_("DetailInfo", "Compaction stalls"),
        N_("DetailInfo", "Allocations that waited for compaction."),
    ),
    "compact_fail": (
        EVENTS,
        N_("DetailInfo", "Compaction failures"),
        N_("DetailInfo", "Stalled compactions that found no free block."),
    ),
    "compact_success": (
        EVENTS,
        N_("DetailInfo", "Compaction successes"),
        N_("DetailInfo", "Stalled compactions that freed a block."),
    ),
    "compact_migrate_scanned": (
        EVENTS,
        N_("DetailInfo", "Pages scanned to move"),
        N_("DetailInfo", "Pages compaction looked at to migrate."),
    ),
    "compact_free_scanned": (
        EVENTS,
        N_("DetailInfo", "Pages scanned for room"),
        N_("DetailInfo", "Free pages compaction looked at as targets."),
    ),
    "compact_isolated": (
        EVENTS,
        N_("DetailInfo", "Pages isolated"),
        N_("DetailInfo", "Pages compaction took aside to migrate."),
    ),
    "pgmigrate_success": (
        EVENTS,
        N_("DetailInfo", "Pages migrated"),
        N_("DetailInfo", "Pages moved to another place in RAM."),
    ),
    "pgmigrate_fail": (
        EVENTS,
        N_("DetailInfo", "Migrations failed"),
        N_("DetailInfo", "Pages that could not be moved."),
    ),
}

DETAIL_INFO: Mapping[str, DetailInfo] = {key: DetailInfo(*info) for key, info in _INFO.items()}
