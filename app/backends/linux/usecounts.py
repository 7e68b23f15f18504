"""Use Counts from the kpageflags census: each flag word's use (row) and memory list (column).

The column is the list of the word's census class (:func:`census.classify_word`), so the matrix's
columns agree with the census totals exactly. The use is decided by this precedence (first match):
reserved (hole bits, or no flag at all: this also holds kernel stacks and vmalloc memory, which
carry no page flag), free (BUDDY), slab, page tables, hugetlb (HUGE), anonymous (ANON), shmem
(SWAPBACKED), file (LRU, MMAP, MAPPEDTODISK, DIRTY or WRITEBACK), other kernel.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.backends.linux import census as cz
from app.pagecensus import CLASSES
from app.usecounts import ListColumn, Use, UseCounts

_B = {name: 1 << bit for bit, name in cz.KPF_NAMES.items()}
_HOLES = _B["NOPAGE"] | _B["OFFLINE"] | _B["HWPOISON"] | _B["RESERVED"]
_FILE = _B["LRU"] | _B["MMAP"] | _B["MAPPEDTODISK"] | _B["DIRTY"] | _B["WRITEBACK"]
_USE_RULES: tuple[tuple[int, Use], ...] = (
    (_HOLES, Use.RESERVED),
    (_B["BUDDY"], Use.FREE),
    (_B["SLAB"], Use.SLAB),
    (_B["PGTABLE"], Use.PAGE_TABLES),
    (_B["HUGE"], Use.HUGETLB),
    (_B["ANON"], Use.ANONYMOUS),
    (_B["SWAPBACKED"], Use.SHMEM),
    (_FILE, Use.FILE),
)
_COLUMN_OF_LIST = {
    "active": ListColumn.IN_USE,
    "standby": ListColumn.STANDBY,
    "modified": ListColumn.MODIFIED,
    "free": ListColumn.FREE,
    "bad": ListColumn.RESERVED,
}


def use_of(flags: int) -> Use:
    """The use of one flag word."""
    if flags == 0:
        return Use.RESERVED
    return next((use for bits, use in _USE_RULES if flags & bits), Use.OTHER)


def column_of(flags: int) -> ListColumn:
    """The memory list of one flag word (its census class's list)."""
    return _COLUMN_OF_LIST[CLASSES[cz.classify_word(flags)].list_key]


def use_counts(combinations: Mapping[int, int], page_size: int) -> UseCounts:
    """The matrix from a census's flag combinations (flag word → frames)."""
    pages: dict[tuple[Use, ListColumn], int] = {}
    for flags, frames in combinations.items():
        key = (use_of(flags), column_of(flags))
        pages[key] = pages.get(key, 0) + frames
    return UseCounts.from_enums(page_size, list(Use), list(ListColumn), pages)
