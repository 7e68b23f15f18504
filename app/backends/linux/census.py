"""A census of every physical page frame from /proc/kpageflags (RAMMap's "Physical Pages").

/proc/kpageflags holds one little-endian u64 of KPF_* flags per page frame (root only). It is
read front to back in fixed chunks into one reused numpy buffer, so the memory the census
needs does not grow with RAM; per chunk:

- the distinct flag words and their counts (a sort, then run lengths) feed the flag-combination
  table — the census ``tools/mm/page-types.c`` prints;
- each distinct word is classified once (:func:`classify`), so the class totals are exact sums of
  those counts and every frame is counted exactly once;
- each frame's class (looked up by a hash of its flag word) feeds a downsampled
  physical map: one cell per ``frames_per_cell`` frames holding the class most of its frames have.

Class precedence (the first rule that matches wins; every frame matches exactly one):

 1. reserved   NOPAGE, OFFLINE, HWPOISON or RESERVED, or no flag at all. Flags-0 frames are memory
               the kernel holds without any page flag (kernel allocations such as stacks and
               vmalloc, per-CPU free lists) or has not initialised yet (lazily set-up VM memory).
 2. free       BUDDY: inside a free block of the buddy allocator.
 3. slab       SLAB (before anon: the kernel reuses the ANON/KSM bits on slab pages).
 4. pagetables PGTABLE.
 5. unevictable UNEVICTABLE (mlocked or otherwise pinned on the unevictable LRU; /proc/meminfo counts
               these under Unevictable and also under AnonPages/Mapped/Shmem).
 6. anonymous  ANON.
 7. shmem      SWAPBACKED without ANON (tmpfs, shared anonymous memory; dirty is normal for it).
 8. modified   DIRTY or WRITEBACK: file pages waiting for or under write-back.
 9. mapped     LRU and MMAP: clean file pages some process maps.
10. standby    LRU: clean file cache nobody maps (reclaimable at once).
11. other      anything else with flags: kernel compound pages, hugetlb pages, pages in transit.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import numpy.typing as npt

from app.backends.base import BackendError, NeedsPrivilege, Progress
from app.backends.linux.buddyinfo import parse_buddyinfo
from app.backends.linux.procfs import parse_meminfo, read_text
from app.pagecensus import (
    ANONYMOUS,
    FREE,
    MAPPED,
    MODIFIED,
    N_CLASSES,
    OTHER,
    PAGETABLES,
    RESERVED,
    SHMEM,
    SLAB,
    STANDBY,
    UNEVICTABLE,
    Census,
)

# KPF bit numbers (include/uapi/linux/kernel-page-flags.h); 32 and up are the "kernel hacking" bits.
KPF_NAMES: dict[int, str] = {
    0: "LOCKED",
    1: "ERROR",
    2: "REFERENCED",
    3: "UPTODATE",
    4: "DIRTY",
    5: "LRU",
    6: "ACTIVE",
    7: "SLAB",
    8: "WRITEBACK",
    9: "RECLAIM",
    10: "BUDDY",
    11: "MMAP",
    12: "ANON",
    13: "SWAPCACHE",
    14: "SWAPBACKED",
    15: "COMPOUND_HEAD",
    16: "COMPOUND_TAIL",
    17: "HUGE",
    18: "UNEVICTABLE",
    19: "HWPOISON",
    20: "NOPAGE",
    21: "KSM",
    22: "THP",
    23: "OFFLINE",
    24: "ZERO_PAGE",
    25: "IDLE",
    26: "PGTABLE",
    32: "RESERVED",
    33: "MLOCKED",
    34: "MAPPEDTODISK",
    35: "PRIVATE",
    36: "PRIVATE_2",
    37: "OWNER_PRIVATE",
    38: "ARCH",
    39: "UNCACHED",
    40: "SOFTDIRTY",
    41: "ARCH_2",
}
_BIT = {name: 1 << bit for bit, name in KPF_NAMES.items()}


_HOLE_BITS = _BIT["NOPAGE"] | _BIT["OFFLINE"] | _BIT["HWPOISON"] | _BIT["RESERVED"]

# (class, bits any of which must be set, bits all of which must be set, bits none of which may be set),
# in precedence order. ``classify_word`` is the plain reading of this table.
_RULES: tuple[tuple[int, int, int, int], ...] = (
    (RESERVED, _HOLE_BITS, 0, 0),
    (FREE, _BIT["BUDDY"], 0, 0),
    (SLAB, _BIT["SLAB"], 0, 0),
    (PAGETABLES, _BIT["PGTABLE"], 0, 0),
    (UNEVICTABLE, _BIT["UNEVICTABLE"], 0, 0),
    (ANONYMOUS, _BIT["ANON"], 0, 0),
    (SHMEM, _BIT["SWAPBACKED"], 0, 0),
    (MODIFIED, _BIT["DIRTY"] | _BIT["WRITEBACK"], 0, 0),
    (MAPPED, 0, _BIT["LRU"] | _BIT["MMAP"], 0),
    (STANDBY, _BIT["LRU"], 0, 0),
)


KPAGEFLAGS = "kpageflags"
KPAGECOUNT = "kpagecount"
CHUNK_FRAMES = 1 << 20  # 8 MiB of u64 per read
MAX_CELLS = 1 << 20  # the physical map never has more cells than this (1 MiB of uint8)
MAP_BLOCK = 1 << 16  # frames per step of the map computation (bounds its scratch memory)
HASH_BITS = 20  # per-frame class table: 1 MiB
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def classify_word(flags: int) -> int:
    """The class of one flag word (the scalar definition :func:`classify` vectorises)."""
    if flags == 0:
        return RESERVED
    for cls, any_bits, all_bits, _ in _RULES:
        if (any_bits and flags & any_bits) or (all_bits and flags & all_bits == all_bits):
            return cls
    return OTHER


def classify(flags: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint8]:
    """Class of every flag word, vectorised; lower-precedence rules are written first and overwritten."""
    out = np.full(flags.shape, OTHER, dtype=np.uint8)
    for cls, any_bits, all_bits, _ in reversed(_RULES):
        hit = np.zeros(flags.shape, dtype=bool)
        if any_bits:
            hit |= (flags & np.uint64(any_bits)) != 0
        if all_bits:
            hit |= (flags & np.uint64(all_bits)) == all_bits
        out[hit] = cls
    out[flags == 0] = RESERVED
    return out


def flag_names(flags: int) -> str:
    """'UPTODATE,LRU,MMAP' for a flag word; '(none)' for 0; unknown bits as 'bit45'."""
    names = [KPF_NAMES.get(b, f"bit{b}") for b in range(64) if flags >> b & 1]
    return ",".join(names) or "(none)"


def estimate_frames(proc_root: Path = Path("/proc")) -> int:
    """Highest pfn + 1 from /proc/zoneinfo (start_pfn + spanned of each zone); 0 when unknown."""
    try:
        text = read_text(proc_root, "zoneinfo")
    except BackendError:
        return 0
    end = 0
    spanned = 0
    for line in text.splitlines():
        words = line.split()
        if len(words) == 2 and words[0] == "spanned" and words[1].isdigit():
            spanned = int(words[1])
        elif len(words) == 2 and words[0] == "start_pfn:" and words[1].isdigit():
            end = max(end, int(words[1]) + spanned)
    return end


def frames_per_cell_for(frames: int) -> int:
    """The smallest power of two that keeps the map within MAX_CELLS cells (it divides CHUNK_FRAMES)."""
    per_cell = 1
    while frames > per_cell * MAX_CELLS and per_cell < CHUNK_FRAMES:
        per_cell *= 2
    return per_cell


def access_problem(proc_root: Path = Path("/proc")) -> str:
    """Why a census cannot be taken here ("needs root: …", "… does not exist"), or "" when it can."""
    path = proc_root / KPAGEFLAGS
    if not path.exists():
        return f"{path} does not exist: this kernel has no CONFIG_PROC_PAGE_MONITOR"
    if not os.access(path, os.R_OK):
        return f"needs root: {path} is readable only by root"
    return ""


def _open(path: Path) -> int:
    try:
        return os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except PermissionError:
        raise NeedsPrivilege(f"needs root: {path} is readable only by root") from None
    except FileNotFoundError:
        raise BackendError(f"{path} does not exist: this kernel has no CONFIG_PROC_PAGE_MONITOR") from None
    except OSError as exc:
        raise BackendError(f"{path} cannot be opened: {exc.strerror or exc}") from None


def _fill(fd: int, view: memoryview, path: Path) -> int:
    """Read into ``view`` until it is full or the file ends; the number of whole u64 read."""
    got = 0
    while got < len(view):
        try:
            n = os.readv(fd, [view[got:]])
        except PermissionError:
            raise NeedsPrivilege(f"needs root: {path} is readable only by root") from None
        except OSError as exc:
            raise BackendError(f"{path} cannot be read: {exc.strerror or exc}") from None
        if n == 0:
            break
        got += n
    if got % 8:
        raise BackendError(f"{path} returned {got} bytes, not whole 8-byte entries")
    return got // 8


def _hash(words: npt.NDArray[np.uint64], out: npt.NDArray[np.uint64] | None = None) -> npt.NDArray[np.uint64]:
    """Fibonacci hashing: the top HASH_BITS bits of word × 2**64/φ (wrapping), in ``out`` when given."""
    target = np.multiply(words, _GOLDEN, out=out)
    return np.right_shift(target, np.uint64(64 - HASH_BITS), out=target)


class _Accumulator:
    """Per-chunk work of the census, with its scratch buffers allocated once."""

    def __init__(self, per_cell: int):
        self.per_cell = per_cell
        self.totals = np.zeros(N_CLASSES, dtype=np.int64)
        self.combinations: dict[int, int] = {}
        self.cells: list[npt.NDArray[np.uint8]] = []
        self.sorted = np.empty(CHUNK_FRAMES, dtype=np.uint64)
        # cell number × N_CLASSES for each frame of a map block: one bincount then gives per-cell class counts
        self.cell_base = (np.arange(MAP_BLOCK, dtype=np.intp) // per_cell) * N_CLASSES
        self.keys = np.empty(MAP_BLOCK, dtype=np.intp)
        # Per-frame class lookup: a multiplicative hash of the flag word indexes a class table filled, for
        # each chunk, at the hashes of that chunk's distinct words (every frame's word is one of them, so
        # stale slots are never read). Ten times cheaper than a searchsorted; used when the chunk's words
        # do not collide.
        self.class_table = np.zeros(1 << HASH_BITS, dtype=np.uint8)
        self.hashed = np.empty(MAP_BLOCK, dtype=np.uint64)

    def add(self, flags: npt.NDArray[np.uint64]) -> None:
        """Count, classify and map one chunk of flag words."""
        n = len(flags)
        ordered = self.sorted[:n]
        np.copyto(ordered, flags)
        ordered.sort()
        starts = np.flatnonzero(ordered[1:] != ordered[:-1]) + 1
        starts = np.concatenate(([0], starts))
        words = ordered[starts]
        counts = np.diff(np.append(starts, n))
        word_classes = classify(words)
        self.totals += np.bincount(word_classes, weights=counts, minlength=N_CLASSES).astype(np.int64)
        for w, c in zip(words.tolist(), counts.tolist(), strict=True):
            self.combinations[w] = self.combinations.get(w, 0) + c
        if len(words) == 1:  # one flag word in the whole chunk (e.g. all free or all untouched): one class
            self.cells.append(np.full(-(-n // self.per_cell), word_classes[0], dtype=np.uint8))
            return
        word_hashes = _hash(words)
        hashable = len(np.unique(word_hashes)) == len(words)
        if hashable:
            self.class_table[word_hashes] = word_classes
        # Map blocks of MAP_BLOCK frames keep the scratch arrays small whatever the chunk size.
        for start in range(0, n, MAP_BLOCK):
            block = flags[start : start + MAP_BLOCK]
            if hashable:
                hashed = _hash(block, self.hashed[: len(block)])
                frame_classes = np.take(self.class_table, hashed.view(np.int64))
            else:
                frame_classes = word_classes[np.searchsorted(words, block)]
            self.cells.append(self._cells(frame_classes))

    def _cells(self, frame_classes: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
        """The dominant class of each cell of one map block."""
        if self.per_cell == 1:
            return frame_classes
        n = len(frame_classes)
        n_cells = -(-n // self.per_cell)
        keys = self.keys[:n]
        np.add(self.cell_base[:n], frame_classes, out=keys)
        per_cell = np.bincount(keys, minlength=n_cells * N_CLASSES).reshape(n_cells, N_CLASSES)
        return per_cell.argmax(axis=1).astype(np.uint8)


def take_census(
    proc_root: Path = Path("/proc"),
    progress: Progress | None = None,
    map_counts: bool = False,
    page_size: int | None = None,
) -> Census:
    """Read and classify every page frame. Root only.

    ``progress(done, expected)`` is called after every chunk (expected is an estimate from
    /proc/zoneinfo until the end). With ``map_counts`` /proc/kpagecount is read alongside to
    count mapped and shared frames (it doubles the kernel's work). Raises NeedsPrivilege (a
    BackendError, "needs root: …") when not permitted, BackendError for anything else.
    """
    flags_path = proc_root / KPAGEFLAGS
    counts_path = proc_root / KPAGECOUNT
    expected = estimate_frames(proc_root)
    acc = _Accumulator(frames_per_cell_for(expected))
    buf = np.empty(CHUNK_FRAMES, dtype=np.uint64)
    view = buf.data.cast("B")
    count_buf = np.empty(CHUNK_FRAMES, dtype=np.uint64) if map_counts else None
    mapped = shared = 0
    fd = _open(flags_path)
    count_fd = -1
    frames = 0
    try:
        if map_counts:  # opened inside the try, so a missing kpagecount does not leak kpageflags' descriptor
            count_fd = _open(counts_path)
        while True:
            n = _fill(fd, view, flags_path)
            if n == 0:
                break
            if count_buf is not None:
                m = _fill(count_fd, count_buf.data.cast("B")[: n * 8], counts_path)
                mapped += int(np.count_nonzero(count_buf[:m]))
                shared += int(np.count_nonzero(count_buf[:m] > 1))
            acc.add(buf[:n])
            frames += n
            if progress is not None:
                progress(frames, max(expected, frames))
            if n < CHUNK_FRAMES:
                break
    finally:
        os.close(fd)
        if count_fd >= 0:
            os.close(count_fd)
    meminfo, buddy = _references(proc_root)
    from app.backends.linux import usecounts  # it reads this module's flag table

    return Census(
        page_size=page_size or os.sysconf("SC_PAGE_SIZE"),
        frames=frames,
        totals=tuple(int(t) for t in acc.totals),
        combinations=acc.combinations,
        frames_per_cell=acc.per_cell,
        cells=np.concatenate(acc.cells) if acc.cells else np.zeros(0, dtype=np.uint8),
        meminfo=meminfo,
        buddy_free_pages=buddy,
        mapped_frames=mapped if map_counts else None,
        shared_frames=shared if map_counts else None,
        describe_flags=flag_names,
        classify_flags=classify_word,
        use_counts=usecounts.use_counts(acc.combinations, page_size or os.sysconf("SC_PAGE_SIZE")),
    )


def _references(proc_root: Path) -> tuple[dict[str, int], int | None]:
    """/proc/meminfo and the buddy free pages right after the census (empty/None when unreadable)."""
    try:
        meminfo = parse_meminfo(read_text(proc_root, "meminfo"))
    except BackendError:
        meminfo = {}
    try:
        buddy: int | None = sum(z.free_pages for z in parse_buddyinfo(read_text(proc_root, "buddyinfo")))
    except BackendError:
        buddy = None
    return meminfo, buddy
