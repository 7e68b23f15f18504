"""Tables of the Physical pages tab: Use Counts, Priority Summary and Physical Ranges (any backend)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.pagecensus import PrioritySummary
from app.physranges import PhysicalRanges
from app.units import format_bytes, format_percent
from app.usecounts import UseCounts
from ui.i18n import translate
from ui.views.cells import table_item

ZONE_TIP = (
    "spanned: from the zone's first to its last page frame, holes included; present: the pages that exist; "
    "managed: the pages handed to the page allocator (present minus reserved, or not yet accepted on a VM)"
)


def _table(headers: list[str], parent: QWidget | None = None) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(20)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def notes_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #555;")
    return label


class UseCountsTable(QTableWidget):
    """RAMMap's Use Counts: a row per use, a column per memory list, totals last (pages in tooltips)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 2, parent)
        self.setHorizontalHeaderLabels(
            [translate("UseCountsTable", "Use"), translate("UseCountsTable", "Total")]
        )
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(20)
        self.setAlternatingRowColors(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(False)  # the bold Total column keeps its width
        self.notes = notes_label()  # the matrix's notes, for the caller to place under it

    def show_counts(self, counts: UseCounts) -> None:
        """Fill the matrix with the counts' own rows and columns."""
        page = counts.page_size
        self.setColumnCount(len(counts.columns) + 2)
        # A long list name takes two header lines, so eight lists fit beside the map.
        labels = [translate("usecounts", c.label) for c in counts.columns]
        headers = [label.replace(" ", "\n", 1) if len(label) > 12 else label for label in labels]
        self.setHorizontalHeaderLabels(
            [translate("UseCountsTable", "Use"), *headers, translate("UseCountsTable", "Total")]
        )
        rows: list[tuple[str, list[int]]] = [
            (translate("usecounts", r.label), [*counts.pages[i], sum(counts.pages[i])])
            for i, r in enumerate(counts.rows)
        ]
        rows.append(
            (
                translate("UseCountsTable", "Total"),
                [*(counts.column_total(c.key) for c in counts.columns), counts.total],
            )
        )
        self.setRowCount(len(rows))
        bold = QFont()
        bold.setBold(True)
        last = len(rows) - 1
        for r, (label, cells) in enumerate(rows):
            items = [table_item(label, align_right=False)]
            for pages in cells:
                tip = translate("UseCountsTable", "{count} pages · {share} of all").format(
                    count=f"{pages:,}", share=format_percent(pages, counts.total)
                )
                items.append(table_item(format_bytes(pages * page) if pages else "–", tip=tip))
            for c, item in enumerate(items):
                if r == last or c == len(items) - 1:  # the totals row and column
                    item.setFont(bold)
                self.setItem(r, c, item)
        self.notes.setText(" ".join(f"{translate('usecounts', n)}." for n in counts.notes))
        self.notes.setVisible(bool(counts.notes))


class PriorityView(QWidget):
    """Standby by priority 0–7: the census's count, the kernel's count and the repurposed pages."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.table = _table(
            [
                translate("PriorityView", "Priority"),
                translate("PriorityView", "Standby (census)"),
                translate("PriorityView", "Standby (listed)"),
                translate("PriorityView", "Repurposed"),
            ]
        )
        self.notes = notes_label()
        self.notes.setText(
            translate(
                "PriorityView",
                "Repurposed: pages Windows took from that priority's standby list for "
                "another use since boot (a count of pages; the lowest priorities are "
                "taken first).",
            )
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes)

    def show_summary(self, s: PrioritySummary) -> None:
        """One row per priority, then the totals."""
        rows = [(str(p), s.census[p], s.listed[p], s.repurposed[p]) for p in range(len(s.census))]
        rows.append((translate("PriorityView", "Total"), sum(s.census), sum(s.listed), sum(s.repurposed)))
        self.table.setRowCount(len(rows))
        for r, (label, census, listed, repurposed) in enumerate(rows):
            self.table.setItem(r, 0, table_item(label, align_right=False))
            self.table.setItem(r, 1, table_item(format_bytes(census * s.page_size), tip=f"{census:,} pages"))
            self.table.setItem(r, 2, table_item(format_bytes(listed * s.page_size), tip=f"{listed:,} pages"))
            self.table.setItem(r, 3, table_item(f"{repurposed:,}"))


class RangesView(QWidget):
    """RAM ranges, memory blocks and zones, read when shown."""

    def __init__(self, read: Callable[[], PhysicalRanges], parent: QWidget | None = None):
        super().__init__(parent)
        self._read = read
        self.ranges: PhysicalRanges | None = None
        self.table = _table(
            [
                translate("RangesView", "Kind"),
                translate("RangesView", "Start"),
                translate("RangesView", "End"),
                translate("RangesView", "Size"),
                translate("RangesView", "Detail"),
            ]
        )
        self.notes = notes_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes)

    def refresh(self) -> None:
        """Read the ranges now and show them."""
        r = self._read()
        self.ranges = r
        page = r.page_size
        rows: list[tuple[str, int, int, str]] = [(f"RAM ({x.name})", x.start, x.end, "") for x in r.ram]
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
            tip = ZONE_TIP if kind.startswith("Zone") else ""
            self.table.setItem(i, 0, table_item(kind, align_right=False, tip=tip))
            self.table.setItem(i, 1, table_item(f"0x{start:012x}"))
            self.table.setItem(i, 2, table_item(f"0x{end:012x}"))
            self.table.setItem(i, 3, table_item(format_bytes(end - start + 1)))
            self.table.setItem(i, 4, table_item(detail, align_right=False, tip=detail))
        notes = [translate("RangesView", "Not shown: {problem}.").format(problem=p) for p in r.problems]
        if r.ram:
            in_all = translate("RangesView", "RAM in all: {size} in {count} ranges.")
            notes.insert(0, in_all.format(size=format_bytes(r.ram_bytes), count=len(r.ram)))
        self.notes.setText(" ".join(notes))

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt's name)
        """Read the ranges the first time the table is shown."""
        super().showEvent(event)  # type: ignore[arg-type]
        if self.ranges is None:
            self.refresh()


def filter_rows(table: QTableWidget, text: str, first_column: int = 0) -> None:
    """Hide the rows with no cell (from ``first_column``) containing ``text``, case-insensitively."""
    needle = text.strip().lower()
    for r in range(table.rowCount()):
        cells = (table.item(r, c) for c in range(first_column, table.columnCount()))
        match = not needle or any(item is not None and needle in item.text().lower() for item in cells)
        table.setRowHidden(r, not match)
