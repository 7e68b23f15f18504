"""RAMMap's Physical Pages: the frames of a stretch of memory, one row each, read on demand, filterable.

A read lists thousands of frames; a model answers Qt only for the rows on screen, where a table of
items made six objects per frame (0.6 s for 4,096 frames, and as long again to delete them).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.backends.base import BackendError, PageFramesSource
from app.pagecensus import FrameRow
from ui.colors import list_color
from ui.i18n import translate
from ui.views.cells import RIGHT, swatch
from ui.views.physical import notes_label
from ui.views.rowsmodel import RowsModel

COL_ADDRESS, COL_PFN, COL_LIST, COL_USE, COL_PRIORITY, COL_PROCESS = range(6)
FILTERED_COLUMNS = slice(COL_LIST, None)  # the filter looks at list, use, priority and process
_RIGHT = int(RIGHT)
_LEFT_COLUMNS = (COL_LIST, COL_USE)


class FramesModel(RowsModel):
    """The frames as rows of text (made once per read: the filter reads them all)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.headers = [
            translate("FramesView", "Physical address"),
            "PFN",
            translate("FramesView", "List"),
            translate("FramesView", "Use"),
            translate("FramesView", "Priority"),
            translate("FramesView", "Process"),
        ]
        self.column_count = len(self.headers)
        self.rows: list[tuple[str, ...]] = []  # each frame's cells as text
        self._keys: list[str] = []  # each row's list key, for its swatch
        self._swatches: dict[str, QIcon] = {}

    def set_frames(self, rows: tuple[FrameRow, ...], page_size: int) -> None:
        """Show ``rows``; addresses are ``page_size`` bytes per frame."""
        self.beginResetModel()
        self.rows = [
            (
                f"0x{f.pfn * page_size:012x}",
                f"{f.pfn:,}",
                f.list_label,
                f.use,
                "" if f.priority is None else str(f.priority),
                "" if f.pid is None else str(f.pid),
            )
            for f in rows
        ]
        self._keys = [f.list_key for f in rows]
        self.endResetModel()

    def text(self, row: int, column: int) -> str:
        """The text a cell shows."""
        return self.rows[row][column]

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """The column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def cell(self, row: int, col: int, role: int) -> object:
        """The cell's text, right-aligned numbers, and the list's colour next to its name."""
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[row][col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col not in _LEFT_COLUMNS:
            return _RIGHT
        if role == Qt.ItemDataRole.DecorationRole and col == COL_LIST:
            key = self._keys[row]
            icon = self._swatches.get(key)
            if icon is None:
                icon = self._swatches[key] = swatch(list_color(key))
            return icon
        return None


class FramesView(QWidget):
    """RAMMap's Physical Pages: one row per frame of a stretch of memory, read on demand, filterable."""

    def __init__(self, source: PageFramesSource, parent: QWidget | None = None):
        super().__init__(parent)
        self.source = source
        self.page_size = 4096  # the census's, once one is taken
        self.rows: tuple[FrameRow, ...] = ()
        self.address = QLineEdit()
        self.address.setPlaceholderText(
            translate("FramesView", "Physical address, e.g. 0x100000 (or click the map)")
        )
        self.address.returnPressed.connect(self.read_typed)
        self.read_button = QPushButton(
            translate("FramesView", "Read {limit:,} frames").format(limit=source.limit)
        )
        self.read_button.clicked.connect(self.read_typed)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(
            translate("FramesView", "Filter by list, use or process (e.g. Standby, Mapped file, 4242)")
        )
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.model = FramesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(20)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Sized by the rows on screen and 64 more (Qt's default, 1,000, asks the model for 6,000 cells
        # at every resize): the frames of one stretch are alike in width.
        header.setResizeContentsPrecision(64)
        header.setStretchLastSection(True)
        self.status = notes_label()
        self.status.setText(
            translate("FramesView", "Type an address or click the map to list the frames there.")
        )
        top = QHBoxLayout()
        top.addWidget(self.address, 1)
        top.addWidget(self.read_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

    def read_typed(self) -> None:
        """Read the frames at the typed address; a malformed one is said, nothing else changes."""
        text = self.address.text().strip().replace("_", "")
        try:
            address = int(text, 0)
        except ValueError:
            self.status.setText(
                translate(
                    "FramesView", "“{text}” is not an address: give a number such as 0x100000 or 1048576."
                ).format(text=text)
            )
            return
        if address < 0:
            self.status.setText(translate("FramesView", "An address is 0 or more."))
            return
        self.show_at(address)

    def show_at(self, address: int) -> None:
        """List the frames from the one holding ``address`` (at most the source's limit)."""
        first = address // self.page_size
        self.address.setText(f"0x{first * self.page_size:x}")
        try:
            self.rows = self.source.read(first, self.source.limit)
        except BackendError as exc:
            self.status.setText(
                translate("FramesView", "The frames could not be read: {exc}").format(exc=exc)
            )
            return
        self.model.set_frames(self.rows, self.page_size)
        self._apply_filter(self.filter.text())
        if self.rows:
            first, last = self.rows[0].pfn * self.page_size, (self.rows[-1].pfn + 1) * self.page_size - 1
            span = f"0x{first:x} – 0x{last:x}"
            self.status.setText(
                translate("FramesView", "{n_rows:,} frames of RAM from {span}.").format(
                    n_rows=len(self.rows), span=span
                )
            )
        else:
            self.status.setText(
                translate("FramesView", "No RAM there: the address lies outside every physical range.")
            )

    def _apply_filter(self, text: str) -> None:
        """Hide the rows whose list, use, priority and process all lack ``text`` (case-insensitively)."""
        needle = text.strip().lower()
        for r, cells in enumerate(self.model.rows):
            match = not needle or any(needle in cell.lower() for cell in cells[FILTERED_COLUMNS])
            self.table.setRowHidden(r, not match)
