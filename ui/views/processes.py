"""The Processes view: every process's working set, private, shared and PSS; trim from here.

Listing runs on a worker thread: PSS comes from each process's smaps, which costs milliseconds
per process. At most one listing is in flight; asks that arrive meanwhile collapse into one.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QObject,
    QPoint,
    QRunnable,
    QSortFilterProxyModel,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.backends.base import ProcessSource
from app.i18n import N_
from app.processes import ProcessMemory
from app.units import format_bytes
from ui.i18n import translate
from ui.views.cells import RIGHT
from ui.views.rowsmodel import RowsModel

if TYPE_CHECKING:  # numpy comes with the census, not with this view
    from app.pagecensus import OwnerPages

_RIGHT = int(RIGHT)  # what the model answers for TextAlignmentRole, made once: data() runs per cell

MIN_INTERVAL = 2.0  # seconds between live listings
COLUMNS = (
    "PID",
    N_("ProcessesView", "Name"),
    N_("ProcessesView", "User"),
    N_("ProcessesView", "Working set"),
    N_("ProcessesView", "Private"),
    N_("ProcessesView", "Shared"),
    "PSS",
    N_("ProcessesView", "Standby"),
    N_("ProcessesView", "Modified"),
)
COL_PID, COL_NAME, COL_USER, COL_RSS, COL_PRIVATE, COL_SHARED, COL_PSS, COL_STANDBY, COL_MODIFIED = range(
    len(COLUMNS)
)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_TIPS = {
    COL_RSS: N_("ProcessesView", "Resident memory (working set): physical pages the process maps now"),
    COL_PRIVATE: N_(
        "ProcessesView", "Pages only this process uses (USS when readable, else working set − shared)"
    ),
    COL_SHARED: N_(
        "ProcessesView", "Working-set pages shared with other processes (files, libraries, shared memory)"
    ),
    COL_PSS: N_(
        "ProcessesView",
        "Proportional set size: private + each shared page divided by the processes sharing it",
    ),
    COL_STANDBY: N_(
        "ProcessesView", "Process-private pages of this process on the standby list (the last page census)"
    ),
    COL_MODIFIED: N_(
        "ProcessesView", "Process-private pages of this process on the modified list (the last page census)"
    ),
}


class ProcessTableModel(RowsModel):
    """Rows of ProcessMemory; sizes display in human units and sort by their exact value."""

    column_count = len(COLUMNS)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[ProcessMemory] = []
        self.owners: dict[int, tuple[int, int]] = {}  # pid -> (standby, modified) bytes, from a census

    def set_rows(self, rows: list[ProcessMemory]) -> None:
        """Replace the rows (in place when the same processes are listed, so views keep state)."""
        if [r.pid for r in rows] == [r.pid for r in self.rows]:
            self.rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(COLUMNS) - 1))
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Column titles and what they mean."""
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate("ProcessesView", COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = _TIPS.get(section)
            return translate("ProcessesView", tip) if tip else None
        if role == Qt.ItemDataRole.TextAlignmentRole and section not in (COL_NAME, COL_USER):
            return _RIGHT
        return None

    def cell(self, index: int, col: int, role: int) -> object:
        """Display text, exact bytes as tooltip, raw values for sorting."""
        row = self.rows[index]
        owned = self.owners.get(row.pid)
        value: object = (
            row.pid,
            row.name,
            row.user,
            row.rss,
            row.private,
            row.shared,
            row.pss,
            owned[0] if owned else None,
            owned[1] if owned else None,
        )[col]
        if role == SORT_ROLE:
            if isinstance(value, str):
                return value.lower()
            return -1 if value is None else value
        if role == Qt.ItemDataRole.DisplayRole:
            if col >= COL_RSS:
                return "–" if value is None else format_bytes(int(value))  # type: ignore[call-overload]
            return str(value)
        if role == Qt.ItemDataRole.ToolTipRole and col >= COL_RSS:
            if value is None:
                return "none in the last page census" if col >= COL_STANDBY else "not readable (needs root)"
            return f"{value:,} bytes"
        if role == Qt.ItemDataRole.TextAlignmentRole and col not in (COL_NAME, COL_USER):
            return _RIGHT
        return None


class _Relay(QObject):
    done = Signal(object)  # list[ProcessMemory]


class _Fetch(QRunnable):
    def __init__(self, relay: _Relay, source: ProcessSource):
        super().__init__()
        self.relay = relay
        self.source = source

    def run(self) -> None:
        self.relay.done.emit(self.source.list(full=self.source.detailed))


class ProcessesView(QWidget):
    """A sortable, filterable table of processes with "Trim working set" on the selection."""

    trim_requested = Signal(list)  # pids

    def __init__(self, source: ProcessSource, parent: QWidget | None = None):
        super().__init__(parent)
        self.source = source
        self.full = source.detailed
        self.model = ProcessTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)  # match PID, name or user
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText(translate("ProcessesView", "Filter by name, user or PID"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.proxy.setFilterFixedString)
        self.filter_box.textChanged.connect(self._show_summary)
        self.trim_button = QPushButton(translate("ProcessesView", "Trim working set"), self)
        self.trim_button.setToolTip(
            translate("ProcessesView", "Trim the working sets of the selected processes")
        )
        self.trim_button.clicked.connect(self.trim_selected)
        self.summary = QLabel(self)
        self.kernel_box = QCheckBox(translate("ProcessesView", "Kernel threads"), self)
        self.kernel_box.setToolTip(
            translate("ProcessesView", "Also list processes without memory of their own (kernel threads)")
        )
        self.kernel_box.toggled.connect(self._show_rows)
        self._all_rows: list[ProcessMemory] = []

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_RSS, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col, width in (
            (COL_PID, 70),
            (COL_USER, 110),
            (COL_RSS, 100),
            (COL_PRIVATE, 100),
            (COL_SHARED, 100),
            (COL_PSS, 100),
        ):
            header.resizeSection(col, width)
        self.table.setColumnHidden(COL_PSS, not self.full)
        for col in (COL_STANDBY, COL_MODIFIED):  # shown once a page census names the owners
            header.resizeSection(col, 100)
            self.table.setColumnHidden(col, True)

        top = QHBoxLayout()
        top.addWidget(self.filter_box, 1)
        top.addWidget(self.kernel_box)
        top.addWidget(self.trim_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 6, 4, 4)
        column.addLayout(top)
        column.addWidget(self.table, 1)
        column.addWidget(self.summary)

        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay()
        self._relay.done.connect(self._on_listed)
        self._in_flight = False
        self._again = False
        self._listed_at = -math.inf
        self._update_buttons()

    def _show_summary(self, *_: object) -> None:
        """The footer: the processes the table shows (those matching the filter) and their memory."""
        listed = self.model.rows
        rows = [
            listed[self.proxy.mapToSource(self.proxy.index(i, 0)).row()] for i in range(self.proxy.rowCount())
        ]
        total = sum(r.rss for r in rows)
        pss = [r.pss for r in rows if r.pss is not None]
        if len(rows) != len(listed):
            shown = translate("ProcessesView", "{shown} of {count} processes match").format(
                shown=len(rows), count=len(listed)
            )
        elif len(rows) == 1:
            shown = translate("ProcessesView", "1 process")
        else:
            shown = translate("ProcessesView", "{count} processes").format(count=len(rows))
        hidden = len(self._all_rows) - len(listed)
        if hidden:
            shown += translate("ProcessesView", " ({count} kernel threads hidden)").format(count=hidden)
        text = translate("ProcessesView", "{shown} · working sets {size}").format(
            shown=shown, size=format_bytes(total)
        )
        if pss:
            text += translate("ProcessesView", " · PSS {size} (what the processes really occupy)").format(
                size=format_bytes(sum(pss))
            )
        self.summary.setText(text)

    def refresh(self, force: bool = False) -> None:
        """List the processes again, off the UI thread.

        Live ticks come at most every MIN_INTERVAL seconds (reading every smaps is not free);
        ``force`` lists now (the tab was opened, an action finished).
        """
        if self._in_flight:
            self._again = self._again or force
            return
        now = time.monotonic()
        if not force and now - self._listed_at < MIN_INTERVAL:
            return
        self._listed_at = now
        self._in_flight = True
        self._pool.start(_Fetch(self._relay, self.source))

    def wait(self, msecs: int = -1) -> bool:
        """Block until a listing in flight is done (its result then arrives on the UI thread)."""
        return self._pool.waitForDone(msecs)

    def stop(self) -> None:
        """Nothing to cut short: a listing takes well under a second and is waited for."""

    def selected_pids(self) -> list[int]:
        """PIDs of the selected rows."""
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        return sorted(self.model.rows[r].pid for r in rows if 0 <= r < len(self.model.rows))

    def select_pids(self, pids: Sequence[int]) -> None:
        """Select these processes (where listed)."""
        wanted = set(pids)
        selection = self.table.selectionModel()
        selection.clearSelection()
        for r, row in enumerate(self.model.rows):
            if row.pid in wanted:
                index = self.proxy.mapFromSource(self.model.index(r, 0))
                if index.isValid():
                    selection.select(
                        index,
                        selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                    )

    def trim_selected(self) -> None:
        """Ask for the selected processes to be trimmed (the window runs it through the runner)."""
        pids = self.selected_pids()
        if pids:
            self.trim_requested.emit(pids)

    def _context_menu(self, pos: QPoint) -> None:
        pids = self.selected_pids()
        menu = QMenu(self)
        trim = QAction(
            translate("ProcessesView", "Trim working set ({n_pids} selected)").format(n_pids=len(pids))
            if len(pids) > 1
            else translate("ProcessesView", "Trim working set"),
            menu,
        )
        trim.setEnabled(bool(pids))
        trim.triggered.connect(self.trim_selected)
        menu.addAction(trim)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _update_buttons(self, *_: object) -> None:
        self.trim_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def show_owner_pages(self, owners: Sequence[OwnerPages], page_size: int) -> None:
        """Show each process's private standby and modified pages (from a page census that knows owners)."""
        self.model.owners = {o.pid: (o.standby * page_size, o.modified * page_size) for o in owners}
        for col in (COL_STANDBY, COL_MODIFIED):
            self.table.setColumnHidden(col, False)
        if self.model.rows:
            self.model.dataChanged.emit(
                self.model.index(0, COL_STANDBY), self.model.index(len(self.model.rows) - 1, COL_MODIFIED)
            )

    def _on_listed(self, rows: list[ProcessMemory]) -> None:
        self._in_flight = False
        self._all_rows = rows
        self._show_rows()
        if self._again:
            self._again = False
            self.refresh(force=True)

    def _show_rows(self, *_: object) -> None:
        rows = self._all_rows if self.kernel_box.isChecked() else [r for r in self._all_rows if r.rss]
        chosen = self.selected_pids()
        reset = [r.pid for r in rows] != [r.pid for r in self.model.rows]
        self.model.set_rows(rows)
        if reset and chosen:
            self.select_pids(chosen)
        self._show_summary()
        self._update_buttons()
