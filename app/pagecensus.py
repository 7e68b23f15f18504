"""A census of physical page frames: its classes and its result (OS-neutral types).

A backend that offers the page-census capability (app.backends.base.PageCensusSource) reads and
classifies the frames (Linux: app/backends/linux/census.py, from /proc/kpageflags; Windows:
app/backends/windows/pfncensus.py, from the PFN database); the window and ``ramlens pages`` only
show a :class:`Census`. Each frame is counted in exactly one class; each class counts towards one
memory list, whose colour it takes. A census carries its own classes (Linux's are :data:`CLASSES`),
and may carry RAMMap's Use Counts matrix (:class:`UseCounts`), a standby Priority Summary
(:class:`PrioritySummary`) and per-process standby/modified pages (:class:`OwnerPages`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from app.units import format_bytes
from app.usecounts import UseCounts


@dataclass(frozen=True)
class PageClass:
    """One census class: its index in the totals, key, label and the memory list it belongs to."""

    index: int
    key: str
    label: str
    list_key: str  # the canonical memory-list key it counts towards (ui colours follow it)


CLASSES: tuple[PageClass, ...] = (
    PageClass(0, "reserved", "Reserved / hole / no flags", "bad"),
    PageClass(1, "free", "Free", "free"),
    PageClass(2, "slab", "Slab", "active"),
    PageClass(3, "pagetables", "Page tables", "active"),
    PageClass(4, "unevictable", "Unevictable", "active"),
    PageClass(5, "anonymous", "Anonymous", "active"),
    PageClass(6, "shmem", "Shmem", "active"),
    PageClass(7, "modified", "Modified", "modified"),
    PageClass(8, "mapped", "Mapped file", "active"),
    PageClass(9, "standby", "Standby", "standby"),
    PageClass(10, "other", "Other kernel", "active"),
)
CLASS_BY_KEY: dict[str, PageClass] = {c.key: c for c in CLASSES}
N_CLASSES = len(CLASSES)
(RESERVED, FREE, SLAB, PAGETABLES, UNEVICTABLE, ANONYMOUS, SHMEM, MODIFIED, MAPPED, STANDBY, OTHER) = range(
    N_CLASSES
)
NO_CELL = 255  # physical-map value past the last frame


PRIORITIES = 8  # standby priorities 0–7 (Windows memory priorities)


@dataclass(frozen=True)
class PrioritySummary:
    """Standby pages by priority 0–7: counted in the census, listed by the kernel, and repurposed."""

    page_size: int
    census: tuple[int, ...]  # standby frames of each priority, counted frame by frame
    listed: tuple[int, ...]  # the kernel's standby count per priority (Windows: class 80)
    repurposed: tuple[int, ...]  # pages taken from each priority's standby list since boot

    def to_json(self) -> dict[str, object]:
        """One row per priority (pages)."""
        return {
            "page_size": self.page_size,
            "priorities": [
                {
                    "priority": p,
                    "census": self.census[p],
                    "listed": self.listed[p],
                    "repurposed": self.repurposed[p],
                }
                for p in range(PRIORITIES)
            ],
        }


@dataclass(frozen=True)
class OwnerPages:
    """Process-private pages one process owns on the standby and modified lists."""

    pid: int
    standby: int
    modified: int


@dataclass(frozen=True)
class FrameRow:
    """One physical page frame as a page-frames source describes it (RAMMap's Physical Pages rows)."""

    pfn: int
    list_label: str  # the memory list (its class label)
    list_key: str  # the memory list's colour key
    use: str
    priority: int | None = None  # standby priority 0–7, where the system has priorities
    pid: int | None = None  # the owning process, where the frame names one


@dataclass(frozen=True)
class Comparison:
    """A census class next to the /proc/meminfo figure it corresponds to."""

    key: str
    label: str
    census_bytes: int
    reference: str  # what the figure is, e.g. "MemFree" or "AnonPages"
    reference_bytes: int | None
    note: str = ""

    @property
    def difference(self) -> int | None:
        """census − reference, or None when there is no reference figure."""
        return None if self.reference_bytes is None else self.census_bytes - self.reference_bytes


@dataclass(frozen=True)
class Census:
    """The result of one census."""

    page_size: int
    frames: int  # page frames read from /proc/kpageflags
    totals: tuple[int, ...]  # frames per class, indexed like CLASSES
    combinations: Mapping[int, int]  # flag word -> frames
    frames_per_cell: int
    cells: npt.NDArray[np.uint8]  # the physical map: the dominant class of each cell, in pfn order
    meminfo: Mapping[str, int] = field(default_factory=dict)
    buddy_free_pages: int | None = None  # Σ /proc/buddyinfo, read right after the census
    mapped_frames: int | None = None  # frames with kpagecount ≥ 1 (when kpagecount was read)
    shared_frames: int | None = None  # frames with kpagecount ≥ 2
    # The backend's vocabulary for a flag word: its names, and the class it falls in.
    describe_flags: Callable[[int], str] = field(default=hex, compare=False, repr=False)
    classify_flags: Callable[[int], int] = field(default=lambda _flags: OTHER, compare=False, repr=False)
    classes: tuple[PageClass, ...] = CLASSES  # what ``totals`` and the map's cells index
    # A backend that compares its classes with its own reference (Windows: class 80's list totals)
    # gives the rows here; otherwise :meth:`comparisons` compares with ``meminfo`` (Linux).
    compared: tuple[Comparison, ...] | None = None
    reference_name: str = "/proc/meminfo"  # what the comparison column is called
    combinations_title: str = "Flag combinations (as tools/mm/page-types prints them)"
    use_counts: UseCounts | None = None
    priorities: PrioritySummary | None = None
    owners: tuple[OwnerPages, ...] | None = None  # None: the census cannot tell a page's process

    def bytes_of(self, key: str) -> int:
        """Bytes counted in one class."""
        return self.totals[next(c.index for c in self.classes if c.key == key)] * self.page_size

    def class_of(self, flags: int) -> PageClass:
        """The class every frame with this flag word is counted in."""
        return self.classes[self.classify_flags(flags)]

    def top_combinations(self, limit: int | None = None) -> list[tuple[int, int]]:
        """(flag word, frames) pairs, most frames first."""
        ordered = sorted(self.combinations.items(), key=lambda kv: (-kv[1], kv[0]))
        return ordered if limit is None else ordered[:limit]

    def comparisons(self) -> tuple[Comparison, ...]:
        """Each class next to its /proc/meminfo figure (read right after the census), with notes.

        Without a meminfo reading every class is still listed, with no reference figure.
        """
        if self.compared is not None:
            return self.compared
        m = self.meminfo
        if not m:
            return tuple(
                Comparison(c.key, c.label, self.totals[c.index] * self.page_size, "", None)
                for c in self.classes
            )

        def get(*names: str) -> int:
            return sum(m.get(n, 0) for n in names)

        standby_ref = max(
            0, get("Active(file)", "Inactive(file)") - get("Dirty", "Writeback") - get("Mapped")
        )
        beyond = self.frames * self.page_size - get("MemTotal")
        rows = {
            "free": (
                "MemFree",
                get("MemFree"),
                f"the buddy allocator's free blocks hold {self._buddy_text()}; the rest of MemFree has not "
                "been handed to it (e.g. lazily initialised memory on a VM) or sits on per-CPU lists",
            ),
            "standby": (
                "Active(file) + Inactive(file) − Dirty − Writeback − Mapped",
                standby_ref,
                "estimate; buffers count here too",
            ),
            "modified": ("Dirty + Writeback", get("Dirty", "Writeback"), ""),
            "mapped": ("Mapped", get("Mapped"), "Mapped also counts mapped shmem and mlocked file pages"),
            "anonymous": ("AnonPages", get("AnonPages"), "AnonPages also counts mlocked anonymous pages"),
            "shmem": (
                "Shmem",
                get("Shmem"),
                "Shmem also counts unevictable shmem (ramfs, mlocked, SHM_LOCK)",
            ),
            "slab": ("Slab", get("Slab"), ""),
            "pagetables": ("PageTables + SecPageTables", get("PageTables", "SecPageTables"), ""),
            "unevictable": ("Unevictable", get("Unevictable"), ""),
            "reserved": (
                "frames beyond MemTotal",
                max(0, beyond),
                "also kernel allocations without page flags and memory not initialised yet",
            ),
            "other": (
                "",
                None,
                "kernel compound pages, hugetlb and pages in transit: no single meminfo field",
            ),
        }
        out = []
        for c in CLASSES:
            ref, value, note = rows[c.key]
            out.append(Comparison(c.key, c.label, self.totals[c.index] * self.page_size, ref, value, note))
        return tuple(out)

    def _buddy_text(self) -> str:
        if self.buddy_free_pages is None:
            return "an unknown amount"
        return format_bytes(self.buddy_free_pages * self.page_size)

    def map_image(self, width: int) -> npt.NDArray[np.uint8]:
        """The physical map as rows of ``width`` cells (pfn grows rightwards, then down), NO_CELL-padded."""
        rows = max(1, -(-len(self.cells) // width))
        image = np.full(rows * width, NO_CELL, dtype=np.uint8)
        image[: len(self.cells)] = self.cells
        return image.reshape(rows, width)

    def to_json(self, combinations: int | None = 50) -> dict[str, object]:
        """The document ``ramlens pages --json`` prints (the map is left out: it is an image)."""
        return {
            "page_size": self.page_size,
            "frames": self.frames,
            "classes": [
                {
                    "key": c.key,
                    "label": c.label,
                    "pages": self.totals[c.index],
                    "bytes": self.totals[c.index] * self.page_size,
                }
                for c in self.classes
            ],
            "reference": self.reference_name,
            "meminfo": [
                {
                    "key": cmp.key,
                    "census_bytes": cmp.census_bytes,
                    "reference": cmp.reference,
                    "reference_bytes": cmp.reference_bytes,
                    "difference": cmp.difference,
                    "note": cmp.note,
                }
                for cmp in self.comparisons()
            ],
            "buddy_free_pages": self.buddy_free_pages,
            "mapped_frames": self.mapped_frames,
            "shared_frames": self.shared_frames,
            "combinations": [
                {"flags": f"0x{flags:016x}", "names": self.describe_flags(flags), "pages": pages}
                for flags, pages in self.top_combinations(combinations)
            ],
            "map": {"frames_per_cell": self.frames_per_cell, "cells": len(self.cells)},
            **({} if self.use_counts is None else {"use_counts": self.use_counts.to_json()}),
            **({} if self.priorities is None else {"priority_summary": self.priorities.to_json()}),
            **(
                {}
                if self.owners is None
                else {
                    "owners": [
                        {"pid": o.pid, "standby": o.standby, "modified": o.modified} for o in self.owners
                    ]
                }
            ),
        }
