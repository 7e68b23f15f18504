"""Use Counts: physical pages by what they are used for × the memory list they are on (RAMMap's matrix).

OS-neutral: a backend fills it (Linux from the page census); the CLI and the Physical pages tab
print it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Use(Enum):
    """What a page is used for (the rows)."""

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
    """The memory list a page is on (the columns)."""

    IN_USE = "In use"
    STANDBY = "Standby"
    MODIFIED = "Modified"
    FREE = "Free"
    RESERVED = "Reserved"


@dataclass(frozen=True)
class UseCounts:
    """Pages per (use, list); every page counted once."""

    page_size: int
    pages: dict[tuple[Use, ListColumn], int]

    def cell(self, use: Use, column: ListColumn) -> int:
        """Pages of one use on one list."""
        return self.pages.get((use, column), 0)

    def row_total(self, use: Use) -> int:
        """Pages of one use on any list."""
        return sum(self.cell(use, c) for c in ListColumn)

    def column_total(self, column: ListColumn) -> int:
        """Pages on one list, whatever their use."""
        return sum(self.cell(u, column) for u in Use)

    @property
    def total(self) -> int:
        """Every page counted."""
        return sum(self.pages.values())

    def to_json(self) -> dict[str, object]:
        """The document ``ramlens pages --use-counts --json`` prints (pages; bytes = pages × page_size)."""
        return {
            "page_size": self.page_size,
            "columns": [c.value for c in ListColumn],
            "rows": [
                {"use": u.value, "pages": [self.cell(u, c) for c in ListColumn], "total": self.row_total(u)}
                for u in Use
            ],
            "totals": [self.column_total(c) for c in ListColumn],
            "total": self.total,
        }
