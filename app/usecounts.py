"""Use Counts: physical pages by what they are used for × the memory list they are on (RAMMap's matrix).

OS-neutral: a backend fills it with its own rows and columns (Linux from the kpageflags census, rows
:class:`Use` × columns :class:`ListColumn`; Windows from the PFN database, RAMMap's rows × the
Windows lists); the CLI and the Physical pages tab print whatever rows and columns it carries.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any


class Use(Enum):
    """What a page is used for on Linux (the rows of the kpageflags matrix)."""

    ANONYMOUS = "Anonymous"
    FILE = "File (page cache)"
    SHMEM = "Shmem / tmpfs"
    SLAB = "Slab"
    PAGE_TABLES = "Page tables"
    HUGETLB = "Huge pages (hugetlb)"
    FREE = "Free"
    RESERVED = "Reserved / no flags"
    OTHER = "Other kernel"


class ListColumn(Enum):
    """The memory list a page is on, on Linux (the columns of the kpageflags matrix)."""

    IN_USE = "In use"
    STANDBY = "Standby"
    MODIFIED = "Modified"
    FREE = "Free"
    RESERVED = "Reserved"


@dataclass(frozen=True)
class Category:
    """One row or column of a :class:`UseCounts` matrix: its key, label and memory-list colour key."""

    key: str
    label: str
    list_key: str = ""  # the memory list whose colour it takes ("" for a use)


Key = str | Enum  # a category's key, or the enum member it was made from


def _key(key: Key) -> str:
    return key if isinstance(key, str) else key.name.lower()


@dataclass(frozen=True)
class UseCounts:
    """Pages by use (rows) × memory list (columns), RAMMap's Use Counts; every page counted once."""

    page_size: int
    rows: tuple[Category, ...]
    columns: tuple[Category, ...]
    pages: tuple[tuple[int, ...], ...]  # pages[row][column]
    notes: tuple[str, ...] = ()  # what a reader must know to read the matrix right

    @classmethod
    def from_enums(
        cls,
        page_size: int,
        rows: Sequence[Enum],
        columns: Sequence[Enum],
        pages: Mapping[tuple[Any, Any], int],
    ) -> UseCounts:
        """A matrix whose rows and columns are enum members (their values are the labels)."""
        return cls(
            page_size,
            tuple(Category(_key(r), str(r.value)) for r in rows),
            tuple(Category(_key(c), str(c.value)) for c in columns),
            tuple(tuple(pages.get((r, c), 0) for c in columns) for r in rows),
        )

    def _row(self, key: Key) -> int:
        return next(i for i, r in enumerate(self.rows) if r.key == _key(key))

    def _column(self, key: Key) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == _key(key))

    def cell(self, row: Key, column: Key) -> int:
        """Pages of one use on one list."""
        return self.pages[self._row(row)][self._column(column)]

    def row_total(self, row: Key) -> int:
        """Pages of one use on any list."""
        return sum(self.pages[self._row(row)])

    def column_total(self, column: Key) -> int:
        """Pages on one list, whatever their use."""
        j = self._column(column)
        return sum(r[j] for r in self.pages)

    @property
    def total(self) -> int:
        """Every page counted."""
        return sum(sum(r) for r in self.pages)

    def to_json(self) -> dict[str, object]:
        """The document ``ramlens pages --use-counts --json`` prints (pages; bytes = pages × page_size)."""
        return {
            "page_size": self.page_size,
            "columns": [c.label for c in self.columns],
            "rows": [
                {"use": r.label, "pages": list(self.pages[i]), "total": sum(self.pages[i])}
                for i, r in enumerate(self.rows)
            ],
            "totals": [self.column_total(c.key) for c in self.columns],
            "total": self.total,
            "notes": list(self.notes),
        }
