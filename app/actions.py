"""The catalogue of Empty actions: stable ids, labels, canonical order, per-OS support.

One catalogue serves the GUI's Empty menu, ``ramlens empty ID``, auto-clean and the
privileged helper. The order is System Informer's (the PhMemoryListCommands table in
SystemInformer/memlists.c: combine, compression store, system file cache, registry cache,
working sets, modified list, modified file cache, standby, priority-0 standby), with the
Linux-only actions last; "all" runs the available ones in it (docs/architecture.md).
"""

from __future__ import annotations

from dataclasses import dataclass

ALL = "all"
# Not a catalogue action: the Processes view's "Trim working set" on chosen processes.
TRIM_PROCESSES = "trim-processes"


@dataclass(frozen=True)
class Action:
    """One catalogue entry."""

    id: str
    label: str
    description: str
    effect: str  # what happens afterwards, for a person asked to confirm (CLI, window, auto-clean)
    platforms: frozenset[str]
    disruptive: bool = False  # the GUI asks before running it; auto-clean leaves it off by default
    rammap_switch: str = ""  # RAMMap's command-line switch (-Ew, -Es, -Em, -Et, -E0)
    discards_cache: bool = False  # cached file data is thrown away: programs read it from disk again


_WIN = frozenset({"windows"})
_LINUX = frozenset({"linux"})
_BOTH = _WIN | _LINUX

CATALOGUE: tuple[Action, ...] = (
    Action(
        "combine-pages",
        "Combine memory pages",
        "Merge identical physical pages into one shared copy (Windows 10 and later).",
        "Nothing is lost: identical pages are shared until a program writes to one.",
        _WIN,
    ),
    Action(
        "compression-store",
        "Empty compression store",
        "Trim the memory compression store's working set, as System Informer does (Windows 10 and later).",
        "The store's compressed pages go to the modified list and then to the page file; programs that "
        "need them again wait for disk reads.",
        _WIN,
        disruptive=True,
    ),
    Action(
        "system-file-cache",
        "Empty system file cache",
        "Trim the system working set that holds the file cache; its pages go to standby.",
        "Nothing is thrown away: the pages stay cached on the standby list and come back without disk "
        "reads while memory is plentiful.",
        _WIN,
        rammap_switch="-Es",
    ),
    Action(
        "registry-cache",
        "Empty registry cache",
        "Flush registry hives from memory (Windows 8.1 and later).",
        "Registry data is read back from the hive files when next used.",
        _WIN,
    ),
    Action(
        "working-sets",
        "Empty working sets",
        "Trim every process's working set: pages move to the standby and modified lists "
        "(Linux: process_madvise(MADV_PAGEOUT) over every process).",
        "Programs fault their pages back in as they touch them: from the standby list (fast), or from "
        "disk for pages written to swap or the page file, so they may be slow for a while.",
        _BOTH,
        disruptive=True,
        rammap_switch="-Ew",
    ),
    Action(
        "modified-list",
        "Flush modified list",
        "Write dirty pages back to disk; they become clean standby pages (Linux: sync).",
        "Dirty pages are written to disk now (a burst of disk writes); they stay cached as standby pages,"
        " so nothing has to be read again.",
        _BOTH,
        disruptive=True,
        rammap_switch="-Em",
    ),
    Action(
        "modified-file-cache",
        "Flush modified file cache",
        "Flush the write cache of every volume.",
        "Each volume's pending writes go to disk now (a burst of disk writes); the data stays cached, so "
        "nothing has to be read again.",
        _WIN,
        disruptive=True,
    ),
    Action(
        "standby-list",
        "Purge standby list",
        "Drop the clean file cache; its pages become free (Linux: drop_caches=1).",
        "Cached file data is thrown away: programs read their files from disk again, which shows as "
        "stutter and slow starts until the cache refills.",
        _BOTH,
        disruptive=True,
        rammap_switch="-Et",
        discards_cache=True,
    ),
    Action(
        "standby-priority0",
        "Purge priority-0 standby list",
        "Drop only the lowest-priority standby pages.",
        "Only the least-used cached data is thrown away; programs rarely need it again soon.",
        _WIN,
        disruptive=True,
        rammap_switch="-E0",
        discards_cache=True,
    ),
    Action(
        "kernel-caches",
        "Purge kernel caches",
        "Drop reclaimable kernel slab caches: dentries and inodes (drop_caches=2).",
        "Cached directory entries and inodes are thrown away: the next file lookups read them from disk "
        "again.",
        _LINUX,
    ),
    Action(
        "compact",
        "Compact memory",
        "Move movable pages together so free memory forms large contiguous blocks (compact_memory).",
        "Nothing is lost: the kernel is busy moving pages for a moment.",
        _LINUX,
    ),
)

_BY_ID = {a.id: a for a in CATALOGUE}
ACTION_IDS: tuple[str, ...] = tuple(a.id for a in CATALOGUE)


def get(action_id: str) -> Action:
    """The catalogue entry for an id; KeyError for anything else ("all" included)."""
    return _BY_ID[action_id]


def is_known(action_id: str) -> bool:
    """True for every catalogue id and for "all"."""
    return action_id == ALL or action_id in _BY_ID


def for_platform(platform: str) -> tuple[Action, ...]:
    """The catalogue entries a platform has, in canonical order."""
    return tuple(a for a in CATALOGUE if platform in a.platforms)


def label(action_id: str) -> str:
    """Menu label for an id, "Empty all" for "all"."""
    return "Empty all" if action_id == ALL else get(action_id).label


def title(action_id: str) -> str:
    """A person's name for any id: a catalogue action, "all", the Processes view's trim, else the id."""
    if action_id == TRIM_PROCESSES:
        return "Trim working set"
    return label(action_id) if is_known(action_id) else action_id


def by_rammap_switch(switch: str) -> Action:
    """The action RAMMap's -E switch stands for; KeyError when none does."""
    for a in CATALOGUE:
        if a.rammap_switch and a.rammap_switch == switch:
            return a
    raise KeyError(switch)
