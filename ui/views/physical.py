"""Two tables of the Physical pages tab: Use Counts (use × memory list) and Physical Ranges."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QVBoxLayout, QWidget

from app.physranges import PhysicalRanges
from app.units import format_bytes, format_percent
from app.usecounts import ListColumn, Use, UseCounts
from ui.views.fragmentation import _item  # the read-only table cell every view uses

ZONE_TIP = (
    "spanned: from the zone's first to its last page frame, holes included; present: the pages that exist; "
    "managed: the pages handed to the page allocator (present minus reserved, or not yet accepted on a VM)"
)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(20)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class UseCountsTable(QTableWidget):
    """RAMMap's Use Counts: a row per use, a column per memory list, totals last (pages in tooltips)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, len(ListColumn) + 2, parent)
        self.setHorizontalHeaderLabels(["Use", *(c.value for c in ListColumn), "Total"])
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(20)
        self.setAlternatingRowColors(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)

    def show_counts(self, counts: UseCounts) -> None:
        """Fill the matrix."""
        page = counts.page_size
        rows: list[tuple[str, list[int], int]] = [
            (u.value, [counts.cell(u, c) for c in ListColumn], counts.row_total(u)) for u in Use
        ]
        rows.append(("Total", [counts.column_total(c) for c in ListColumn], counts.total))
        self.setRowCount(len(rows))
        bold = QFont()
        bold.setBold(True)
        last = len(rows) - 1
        for r, (label, cells, total) in enumerate(rows):
            items = [_item(label, align_right=False)]
            for pages in [*cells, total]:
                tip = f"{pages:,} pages · {format_percent(pages, counts.total)} of all"
                items.append(_item(format_bytes(pages * page) if pages else "–", tip=tip))
            for c, item in enumerate(items):
                if r == last or c == len(items) - 1:  # the totals row and column
                    item.setFont(bold)
                self.setItem(r, c, item)


class RangesView(QWidget):
    """RAM ranges (/proc/iomem), memory blocks and zones, read when shown and on request."""

    def __init__(self, read: Callable[[], PhysicalRanges], parent: QWidget | None = None):
        super().__init__(parent)
        self._read = read
        self.ranges: PhysicalRanges | None = None
        self.table = _table(["Kind", "Start", "End", "Size", "Detail"])
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes)

    def refresh(self) -> None:
        """Read the ranges now and show them."""
        r = self._read()
        self.ranges = r
        page = r.page_size
        rows: list[tuple[str, int, int, str]] = [
            (f"RAM ({x.name})", x.start, x.end, "/proc/iomem") for x in r.ram
        ]
        for b in r.blocks:
            node = "" if b.node is None else f", node {b.node}"
            detail = f"{b.blocks} blocks of {format_bytes(b.block_size, digits=0)}, {b.state}{node}"
            rows.append(("Memory blocks", b.start, b.end, detail))
        for z in r.zones:
            if z.spanned:
                detail = (
                    f"present {format_bytes(z.present * page)} · managed {format_bytes(z.managed * page)}"
                )
                start = z.start_pfn * page
                rows.append((f"Zone {z.zone} (node {z.node})", start, start + z.spanned * page - 1, detail))
        self.table.setRowCount(len(rows))
        for i, (kind, start, end, detail) in enumerate(rows):
            self.table.setItem(
                i, 0, _item(kind, align_right=False, tip=ZONE_TIP if kind.startswith("Zone") else "")
            )
            self.table.setItem(i, 1, _item(f"0x{start:012x}"))
            self.table.setItem(i, 2, _item(f"0x{end:012x}"))
            self.table.setItem(i, 3, _item(format_bytes(end - start + 1)))
            self.table.setItem(i, 4, _item(detail, align_right=False, tip=detail))
        notes = [f"Not shown: {p}." for p in r.problems]
        if r.ram:
            notes.insert(0, f"RAM in all: {format_bytes(r.ram_bytes)}.")
        self.notes.setText(" ".join(notes))
