"""The page census and the physical ranges on Windows, from the PFN database (app/backends/windows/pfn.py).

The census walks the physical ranges in chunks of :data:`CHUNK_FRAMES` frames through one reused
request buffer, so its memory stays bounded whatever the RAM: per chunk it counts frames by use ×
list (RAMMap's Use Counts), standby frames by priority, process-private standby/modified frames by
owner, and the dominant list of each cell of the physical map. Class 80 (the memory-list totals) is
read right after, as the reference the census is compared with.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from app.backends.base import BackendError, NeedsPrivilege, Progress
from app.backends.windows import ntapi, pfn, sampling
from app.backends.windows.privileges import Privileges
from app.backends.windows.seam import Seam
from app.i18n import N_
from app.pagecensus import (
    NO_CELL,
    PRIORITIES,
    Census,
    Comparison,
    FrameRow,
    OwnerPages,
    PageClass,
    PrioritySummary,
)
from app.physranges import AddressRange, PhysicalRanges
from app.usecounts import Category, UseCounts

CHUNK_FRAMES = 1 << 16  # frames per request: 1.5 MiB of 24-byte identities on x64
MAX_CELLS = 1 << 20  # the physical map never has more cells than this (1 MiB of uint8)
# The lists move while the census runs (seconds on a large machine): a class within this share of
# the frames (or 256 pages, whichever is more) of its class-80 figure counts as agreeing.
TOLERANCE_SHARE = 0.005
TOLERANCE_PAGES = 256

# The census classes are the memory lists (RAMMap's columns), each taking its list's colour.
CLASSES: tuple[PageClass, ...] = (
    PageClass(0, "active", "Active", "active"),
    PageClass(1, "standby", "Standby", "standby"),
    PageClass(2, "modified", "Modified", "modified"),
    PageClass(3, "modified_no_write", "Modified no-write", "modified_no_write"),
    PageClass(4, "transition", "Transition", "transition"),
    PageClass(5, "zeroed", "Zeroed", "zeroed"),
    PageClass(6, "free", "Free", "free"),
    PageClass(7, "bad", "Bad", "bad"),
)
N_CLASSES = len(CLASSES)
# MMPFNLIST_* value -> class index.
_CLASS_OF_LIST = np.array([5, 6, 1, 2, 3, 7, 0, 4], dtype=np.uint8)
_UNUSED_LISTS = (pfn.LIST_ZERO, pfn.LIST_FREE, pfn.LIST_BAD)

USE_LABELS = {
    "process_private": "Process private",
    "mapped_file": "Mapped file",
    "shareable": "Shareable",
    "page_table": "Page table",
    "paged_pool": "Paged pool",
    "nonpaged_pool": "Nonpaged pool",
    "system_pte": "System PTE",
    "session_private": "Session private",
    "metafile": "Metafile",
    "awe": "AWE",
    "driver_locked": "Driver locked",
    "kernel_stack": "Kernel stack",
    "unused": "Unused",
    "large_page": "Large page",
    "other": "Other (use 12–15)",
}
COLUMNS = tuple(Category(c.key, c.label, c.list_key) for c in CLASSES)
LARGE_PAGE_NOTE = (
    "Large page: a page's MMPFN_IDENTITY does not say whether it belongs to a large page, so RAMLens "
    "counts such pages under their use and leaves this row empty (RAMMap reads it with its driver)"
)
UNUSED_NOTE = "Unused: the pages on the zeroed, free and bad lists, whatever their stale use field says"


WOW64 = "a 32-bit RAMLens on 64-bit Windows cannot read the PFN database: use the 64-bit build"
NOT_ELEVATED = (
    "reading the PFN database needs administrator rights: run RAMLens as administrator (ramlens --elevate)"
)


def problem(privileges: Privileges, wow64: bool) -> str:
    """Why the PFN database cannot be read now ("" when it may be)."""
    if wow64:
        return WOW64
    return "" if privileges.elevated() else NOT_ELEVATED


def _check(privileges: Privileges, wow64: bool) -> None:
    """Raise what :func:`problem` says: BackendError for a 32-bit process, NeedsPrivilege unelevated."""
    reason = problem(privileges, wow64)
    if reason:
        raise (BackendError if reason == WOW64 else NeedsPrivilege)(reason)


def _enable_profile(privileges: Privileges) -> None:
    status = privileges.enable(ntapi.SE_PROFILE_SINGLE_PROCESS_PRIVILEGE)
    if status != ntapi.STATUS_SUCCESS:
        described = ntapi.describe(status, privileges.elevated())
        raise NeedsPrivilege(f"SeProfileSingleProcessPrivilege could not be enabled: {described}")


def _refusal(exc: pfn.SuperfetchRefused | pfn.LayoutMismatch, elevated: bool) -> BackendError:
    """The specific message for a refused or misunderstood Superfetch request."""
    if isinstance(exc, pfn.LayoutMismatch):
        return BackendError(
            f"{exc}: this Windows version uses a Superfetch request layout RAMLens does not know "
            "(the census is refused rather than misread)"
        )
    described = ntapi.describe(exc.status, elevated)
    if exc.status in (ntapi.STATUS_PRIVILEGE_NOT_HELD, ntapi.STATUS_ACCESS_DENIED):
        return NeedsPrivilege(f"{exc.what} was refused: {described}")
    if exc.status in (ntapi.STATUS_INVALID_PARAMETER, ntapi.STATUS_INFO_LENGTH_MISMATCH):
        return BackendError(
            f"{exc.what} was refused ({described.name} {described.hex}): this Windows version expects "
            "another Superfetch request version or layout than the published ones RAMLens sends"
        )
    return BackendError(
        f"{exc.what} was refused ({described.name} {described.hex}): the Superfetch interface answers "
        "only while the SysMain service runs — is it stopped or disabled (services.msc, SysMain)?"
    )


def read_ranges(seam: Seam, privileges: Privileges) -> tuple[pfn.PhysicalRange, ...]:
    """The RAM ranges, with the privilege enabled; NeedsPrivilege / BackendError with a specific message."""
    _enable_profile(privileges)
    try:
        ranges, _version = pfn.physical_ranges(seam)
    except (pfn.SuperfetchRefused, pfn.LayoutMismatch) as exc:
        raise _refusal(exc, privileges.elevated()) from None
    return tuple(sorted((r for r in ranges if r.pages > 0), key=lambda r: r.base_pfn))


def frames_per_cell_for(last_pfn: int) -> int:
    """The smallest power of two that keeps the map of pfn 0…last_pfn within MAX_CELLS cells."""
    per_cell = 1
    while last_pfn > per_cell * MAX_CELLS:
        per_cell *= 2
    return per_cell


# A frame's kind, as one counting index: its word's use and list bits (use | list << 4, the low 7
# bits of u1) times the priorities, plus its priority. One bincount per chunk counts all three views.
_KIND_BITS = pfn.USE_BITS | pfn.LIST_BITS << pfn.LIST_SHIFT
_N_KINDS = (_KIND_BITS + 1) * PRIORITIES
_CLASS_OF_KIND = _CLASS_OF_LIST[(np.arange(_N_KINDS) // PRIORITIES) >> pfn.LIST_SHIFT]
# Those bits lie in the word's first byte and the priority in its last: counting reads those two bytes
# of each word (byte-wide arithmetic on them is ten times faster than on the 64-bit words).
_PRIORITY_BYTE, _PRIORITY_SHIFT_IN_BYTE = divmod(pfn.PRIORITY_SHIFT, 8)
assert _KIND_BITS < 0x100 and _PRIORITY_SHIFT_IN_BYTE + pfn.PRIORITY_BITS.bit_length() <= 8
# Windows is little-endian; counted from the other end where the words are stored big-endian.
_LOW_BYTE, _HIGH_BYTE = (0, _PRIORITY_BYTE) if sys.byteorder == "little" else (7, 7 - _PRIORITY_BYTE)
# The use-and-list bits of process-private frames on the lists counted per owner, in OwnerPages order.
_PRIVATE_ON = tuple(
    pfn.USE_PROCESS_PRIVATE | value << pfn.LIST_SHIFT for value in (pfn.LIST_STANDBY, pfn.LIST_MODIFIED)
)


class _Accumulator:
    """Per-chunk counting; its size depends on the map's cells, never on the frames read."""

    def __init__(self, end_pfn: int):
        self.per_cell = frames_per_cell_for(end_pfn)
        self.cells = np.full(-(-end_pfn // self.per_cell), NO_CELL, dtype=np.uint8)
        self.by_kind = np.zeros(_N_KINDS, dtype=np.int64)  # indexed by (list, use, priority)
        self.owners: dict[int, list[int]] = {}
        self._carry_cell = -1
        self._carry = np.zeros(N_CLASSES, dtype=np.int64)
        self._cell_index: tuple[tuple[int, int], npt.NDArray[np.intp]] | None = None

    @property
    def matrix(self) -> npt.NDArray[np.int64]:
        """Frames by MMPFNUSE × MMPFNLIST."""
        by_list_use = self.by_kind.reshape(pfn.LIST_BITS + 1, pfn.N_USES, PRIORITIES).sum(axis=2)
        return by_list_use.T

    @property
    def kinds(self) -> npt.NDArray[np.int64]:
        """Frames by (use × 8 + list) × PRIORITIES + priority, the census's page kinds."""
        by_kind = self.by_kind.reshape(pfn.LIST_BITS + 1, pfn.N_USES, PRIORITIES)
        return by_kind.transpose(1, 0, 2).reshape(-1)

    @property
    def priorities(self) -> npt.NDArray[np.int64]:
        """Standby frames by priority."""
        by_kind = self.by_kind.reshape(pfn.LIST_BITS + 1, pfn.N_USES, PRIORITIES)
        return by_kind[pfn.LIST_STANDBY].sum(axis=0)

    def add(self, first_pfn: int, words: npt.NDArray[np.uint64]) -> None:
        octets = words.view(np.uint8)
        low = octets[_LOW_BYTE::8] & _KIND_BITS
        kind = low.astype(np.intp) * PRIORITIES
        kind |= (octets[_HIGH_BYTE::8] >> _PRIORITY_SHIFT_IN_BYTE) & pfn.PRIORITY_BITS
        self.by_kind += np.bincount(kind, minlength=_N_KINDS)
        for column, private_on_list in enumerate(_PRIVATE_ON):
            owned = words[low == private_on_list]
            pids, counts = np.unique((owned >> pfn.OWNER_SHIFT) & pfn.OWNER_BITS, return_counts=True)
            for pid, count in zip(pids.tolist(), counts.tolist(), strict=True):
                self.owners.setdefault(pid, [0, 0])[column] += count
        self._add_cells(first_pfn, _CLASS_OF_KIND[kind])

    def _cell_of_frame(self, first_pfn: int, count: int) -> npt.NDArray[np.intp]:
        """Each frame's cell (counted from the chunk's first cell) times N_CLASSES; the chunks of one
        range share their offset into a cell, so the last answer is kept for the next chunk."""
        key = (first_pfn % self.per_cell, count)
        if self._cell_index is None or self._cell_index[0] != key:
            local = (np.arange(key[0], key[0] + count) // self.per_cell).astype(np.intp) * N_CLASSES
            self._cell_index = (key, local)
        return self._cell_index[1]

    def _add_cells(self, first_pfn: int, classes: npt.NDArray[np.uint8]) -> None:
        first_cell = first_pfn // self.per_cell
        local = self._cell_of_frame(first_pfn, len(classes))
        n_cells = int(local[-1]) // N_CLASSES + 1
        counts = np.bincount(local + classes, minlength=n_cells * N_CLASSES).reshape(n_cells, N_CLASSES)
        if self._carry_cell == first_cell:  # a cell split between chunks (or ranges) counts as one
            counts[0] += self._carry
        elif self._carry_cell >= 0:
            self.finish()
        self.cells[first_cell : first_cell + n_cells - 1] = counts[:-1].argmax(axis=1)
        self._carry_cell = first_cell + n_cells - 1
        self._carry = counts[-1].copy()

    def finish(self) -> None:
        """Settle the last cell (call once, after the last chunk)."""
        if self._carry_cell >= 0:
            self.cells[self._carry_cell] = int(self._carry.argmax())
            self._carry_cell = -1

    def owner_pages(self) -> tuple[OwnerPages, ...]:
        return tuple(OwnerPages(pid, s, m) for pid, (s, m) in sorted(self.owners.items()))


def _describe_kind(key: int) -> str:
    use, rest = divmod(key, 8 * PRIORITIES)
    list_value, priority = divmod(rest, PRIORITIES)
    return (
        f"{_use_label(use, list_value)} · {CLASSES[_CLASS_OF_LIST[list_value]].label} · priority {priority}"
    )


def _use_label(use: int, list_value: int) -> str:
    """A frame's use as Use Counts shows it: Unused on the zeroed, free and bad lists."""
    if list_value in _UNUSED_LISTS:
        return USE_LABELS["unused"]
    return USE_LABELS[pfn.USE_NAMES[use]] if use < len(pfn.USE_NAMES) else f"use {use}"


def _classify_kind(key: int) -> int:
    return int(_CLASS_OF_LIST[(key // PRIORITIES) % 8])


def _use_counts(matrix: npt.NDArray[np.int64], page_size: int) -> UseCounts:
    """RAMMap's rows from the MMPFNUSE × MMPFNLIST counts (columns in :data:`CLASSES` order)."""
    by_class = np.zeros((pfn.N_USES, N_CLASSES), dtype=np.int64)
    for list_value in range(8):
        by_class[:, _CLASS_OF_LIST[list_value]] = matrix[:, list_value]
    unused_columns = [int(_CLASS_OF_LIST[v]) for v in _UNUSED_LISTS]
    unused = by_class[:, unused_columns].sum(axis=0)
    by_class[:, unused_columns] = 0
    rows: list[tuple[str, list[int]]] = [(name, by_class[i].tolist()) for i, name in enumerate(pfn.USE_NAMES)]
    unused_row = [0] * N_CLASSES
    for column, pages in zip(unused_columns, unused.tolist(), strict=True):
        unused_row[column] = pages
    rows.append(("unused", unused_row))
    rows.append(("large_page", [0] * N_CLASSES))
    other = by_class[len(pfn.USE_NAMES) :].sum(axis=0).tolist()
    if any(other):
        rows.append(("other", other))
    return UseCounts(
        page_size,
        tuple(Category(key, USE_LABELS[key]) for key, _ in rows),
        COLUMNS,
        tuple(tuple(cells) for _, cells in rows),
        (UNUSED_NOTE, LARGE_PAGE_NOTE),
    )


def _comparisons(
    totals: list[int], frames: int, lists: ntapi.SYSTEM_MEMORY_LIST_INFORMATION, page_size: int
) -> tuple[Comparison, ...]:
    standby = sum(int(v) for v in lists.PageCountByPriority)
    reference = {
        "standby": ("Σ PageCountByPriority", standby),
        "modified": ("ModifiedPageCount", int(lists.ModifiedPageCount)),
        "modified_no_write": ("ModifiedNoWritePageCount", int(lists.ModifiedNoWritePageCount)),
        "zeroed": ("ZeroPageCount", int(lists.ZeroPageCount)),
        "free": ("FreePageCount", int(lists.FreePageCount)),
        "bad": ("BadPageCount", int(lists.BadPageCount)),
    }
    listed = sum(value for _, value in reference.values())
    tolerance = max(TOLERANCE_PAGES, int(frames * TOLERANCE_SHARE))
    rows = []
    for c in CLASSES:
        pages = totals[c.index]
        if c.key in reference:
            name, value = reference[c.key]
            note = (
                ""
                if abs(pages - value) <= tolerance
                else "the lists moved while the census ran, or a frame outside the ranges"
            )
            rows.append(Comparison(c.key, c.label, pages * page_size, name, value * page_size, note))
        elif c.key == "active":
            value = frames - listed - totals[CLASSES[4].index]
            rows.append(
                Comparison(
                    c.key,
                    c.label,
                    pages * page_size,
                    "frames − the listed lists − transition",
                    value * page_size,
                    "class 80 does not count active pages: the rest of the frames the census read",
                )
            )
        else:
            rows.append(
                Comparison(
                    c.key,
                    c.label,
                    pages * page_size,
                    "",
                    None,
                    "pages in transit (I/O under way): class 80 has no such figure",
                )
            )
    return tuple(rows)


class PfnCensusSource:
    """The page-census capability on Windows: the PFN database, chunk by chunk."""

    def __init__(
        self,
        seam: Callable[[], Seam],
        privileges: Callable[[], Privileges],
        wow64: Callable[[], bool],
        page_size: Callable[[], int],
    ):
        self._seam = seam
        self._privileges = privileges
        self._wow64 = wow64
        self._page_size = page_size

    def problem(self) -> str:
        """Why a census cannot be taken now ("" when it can)."""
        try:
            return problem(self._privileges(), self._wow64())
        except BackendError as exc:
            return str(exc)

    def take(self, progress: Progress | None = None, map_counts: bool = False) -> Census:
        """Read every frame's identity in the RAM ranges; NeedsPrivilege / BackendError when refused."""
        _check(self._privileges(), self._wow64())
        seam, privileges = self._seam(), self._privileges()
        ranges = read_ranges(seam, privileges)
        if not ranges:
            raise BackendError("the kernel named no physical memory ranges")
        frames = sum(r.pages for r in ranges)
        acc = _Accumulator(ranges[-1].base_pfn + ranges[-1].pages)
        reader = pfn.PfnReader(seam, CHUNK_FRAMES)
        done = 0
        try:
            for r in ranges:
                for start in range(r.base_pfn, r.base_pfn + r.pages, CHUNK_FRAMES):
                    count = min(CHUNK_FRAMES, r.base_pfn + r.pages - start)
                    acc.add(start, reader.read(start, count))
                    done += count
                    if progress is not None:
                        progress(done, frames)
        except (pfn.SuperfetchRefused, pfn.LayoutMismatch) as exc:
            raise _refusal(exc, privileges.elevated()) from None
        acc.finish()
        try:
            lists, _complete = sampling.query_memory_lists(seam)
        except ntapi.NtError:
            lists = reader.lists  # the MemInfo the kernel returned with the last chunk
        by_list = acc.matrix.sum(axis=0)
        totals = [0] * N_CLASSES
        for list_value in range(8):
            totals[_CLASS_OF_LIST[list_value]] += int(by_list[list_value])
        page_size = self._page_size()
        kinds = {
            int(k): int(n) for k, n in zip(np.flatnonzero(acc.kinds), acc.kinds[acc.kinds > 0], strict=True)
        }
        return Census(
            page_size=page_size,
            frames=frames,
            totals=tuple(totals),
            combinations=kinds,
            frames_per_cell=acc.per_cell,
            cells=acc.cells,
            describe_flags=_describe_kind,
            classify_flags=_classify_kind,
            classes=CLASSES,
            compared=_comparisons(totals, frames, lists, page_size),
            reference_name="class 80 (memory lists)",
            combinations_title=N_("pagecensus", "Page kinds (use · list · priority)"),
            use_counts=_use_counts(acc.matrix, page_size),
            priorities=PrioritySummary(
                page_size,
                tuple(int(v) for v in acc.priorities),
                tuple(int(v) for v in lists.PageCountByPriority),
                tuple(int(v) for v in lists.RepurposedPagesByPriority),
            ),
            owners=acc.owner_pages(),
        )


class PfnFramesSource:
    """The page-frames capability on Windows: the identities of a stretch of frames, read on demand."""

    limit = 4096

    def __init__(
        self, seam: Callable[[], Seam], privileges: Callable[[], Privileges], wow64: Callable[[], bool]
    ):
        self._seam = seam
        self._privileges = privileges
        self._wow64 = wow64

    def read(self, first_pfn: int, count: int) -> tuple[FrameRow, ...]:
        """The frames from ``first_pfn`` (at most :attr:`limit`) that lie in the RAM ranges."""
        _check(self._privileges(), self._wow64())
        seam, privileges = self._seam(), self._privileges()
        end = first_pfn + min(count, self.limit)
        rows: list[FrameRow] = []
        reader = pfn.PfnReader(seam, self.limit)
        try:
            for r in read_ranges(seam, privileges):
                start, stop = max(first_pfn, r.base_pfn), min(end, r.base_pfn + r.pages)
                if start < stop:
                    rows += [
                        _frame_row(start + i, int(w)) for i, w in enumerate(reader.read(start, stop - start))
                    ]
        except (pfn.SuperfetchRefused, pfn.LayoutMismatch) as exc:
            raise _refusal(exc, privileges.elevated()) from None
        return tuple(rows)


def _frame_row(number: int, word: int) -> FrameRow:
    use = word & pfn.USE_BITS
    list_value = (word >> pfn.LIST_SHIFT) & pfn.LIST_BITS
    cls = CLASSES[_CLASS_OF_LIST[list_value]]
    owned = use == pfn.USE_PROCESS_PRIVATE and list_value not in _UNUSED_LISTS
    return FrameRow(
        number,
        cls.label,
        cls.list_key,
        _use_label(use, list_value),
        (word >> pfn.PRIORITY_SHIFT) & pfn.PRIORITY_BITS,
        (word >> pfn.OWNER_SHIFT) & pfn.OWNER_BITS if owned else None,
    )


class PfnRangesSource:
    """The physical-ranges capability on Windows: the Superfetch memory ranges."""

    def __init__(
        self, seam: Callable[[], Seam], privileges: Callable[[], Privileges], page_size: Callable[[], int]
    ):
        self._seam = seam
        self._privileges = privileges
        self._page_size = page_size

    def read(self) -> PhysicalRanges:
        """The RAM ranges; a refusal is named in ``problems`` (never raised)."""
        page_size = self._page_size()
        try:
            ranges = read_ranges(self._seam(), self._privileges())
        except BackendError as exc:
            return PhysicalRanges(page_size, (), (), (), (f"physical ranges: {exc}",))
        ram = tuple(
            AddressRange(r.base_pfn * page_size, (r.base_pfn + r.pages) * page_size - 1, "Superfetch range")
            for r in ranges
        )
        return PhysicalRanges(page_size, ram, (), ())
