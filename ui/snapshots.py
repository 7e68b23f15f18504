"""Snapshots in the window: File › Save snapshot…, Open snapshot…, Compare snapshots….

Where the backend can tell which files are in memory, File › "Include the files in memory" (a tick
box, remembered) makes Save snapshot scan the files processes use first, behind a progress dialog;
the compare view then lists the files that entered or left memory.

An opened snapshot gets its own read-only window (lists, history, processes, fragmentation,
machine) titled with the file's name, so the live window — and anything else already open —
never changes when a file is opened, and a broken file changes nothing at all: it only gets
a message box saying what is wrong with it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import snapshot as snap
from app.backends.base import BackendError
from app.filesummary import CHANGES
from app.processes import ProcessChangeKind, ProcessMemory
from app.snapshotview import worth_showing
from app.units import format_bytes
from ui.filescan_progress import FileScanProgress
from ui.i18n import translate
from ui.offthread import run_off_ui_thread
from ui.runner import list_label
from ui.views.cells import RIGHT

if TYPE_CHECKING:
    from ui.window_api import WindowApi

FILE_FILTER = "RAMLens snapshots (*.json);;All files (*)"
DEFAULT_MINUTES = 30
SETTING_MINUTES = "snapshots/minutes"
SETTING_FOLDER = "snapshots/folder"
SETTING_FILES = "snapshots/files"
ROW_HEIGHT = 22


class _SortItem(QTableWidgetItem):
    """A table cell that sorts by a number while showing text."""

    def __init__(self, text: str, key: float):
        super().__init__(text)
        self.key = key
        self.setTextAlignment(RIGHT)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return self.key < other.key if isinstance(other, _SortItem) else super().__lt__(other)


def _read_only_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _process_rows(entries: tuple[snap.ProcessEntry, ...]) -> list[ProcessMemory]:
    """The snapshot's processes in the Processes view's row type (unknown figures derived, never invented)."""
    rows = []
    for p in entries:
        private = p.private if p.private is not None else max(0, p.working_set - (p.shared or 0))
        rows.append(
            ProcessMemory(
                p.pid, p.name, p.user, p.working_set, private, max(0, p.working_set - private), p.pss
            )
        )
    return rows


class SnapshotWindow(QMainWindow):
    """One opened snapshot, read-only: every view of the main window that a snapshot can fill."""

    def __init__(self, snapshot: snap.Snapshot, path: str, controller: SnapshotController):
        super().__init__(controller.window.widget)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.snapshot = snapshot
        self.path = path
        self.controller = controller
        name = Path(path).name
        self.setWindowTitle(
            translate("SnapshotWindow", "RAMLens — {name} (snapshot, read-only)").format(name=name)
        )
        self.resize(1000, 680)

        taken = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(snapshot.time))
        m = snapshot.machine
        banner = QLabel(
            translate(
                "SnapshotWindow",
                "<b>Snapshot {name}</b> — taken {taken} on <b>{hostname}</b> ({os}). "
                "Read-only: nothing here updates.",
            ).format(name=name, taken=taken, hostname=m.hostname, os=m.os)
        )
        banner.setStyleSheet("background: #e8eefb; border: 1px solid #9fb4e0; padding: 6px")
        compare_now = QPushButton(translate("SnapshotWindow", "Compare with now"))
        compare_now.clicked.connect(lambda: controller.compare(path, None))
        compare_file = QPushButton(translate("SnapshotWindow", "Compare with…"))
        compare_file.clicked.connect(self._compare_with_file)
        top = QHBoxLayout()
        top.addWidget(banner, 1)
        top.addWidget(compare_now)
        top.addWidget(compare_file)

        # The views (and pyqtgraph) are imported when a snapshot is opened, not at start-up.
        from ui.views.history import HistoryView
        from ui.views.lists import ListsView
        from ui.views.processes import COL_RSS, SORT_ROLE, ProcessTableModel

        self.tabs = QTabWidget()
        self.lists_view = ListsView(self)
        self.lists_view.update_sample(snapshot.sample)
        self.tabs.addTab(self.lists_view, translate("SnapshotWindow", "Memory lists"))
        self.history_view: HistoryView | None = None
        if snapshot.history is not None and len(snapshot.history):
            history = snapshot.history.to_history(snapshot.sample.page_size)
            self.history_view = HistoryView(history, self)
            times = snapshot.history.times
            self.history_view.set_span(max(60, int(times[-1] - times[0]) + 1))
            self.history_view.follow_button.hide()  # nothing arrives: there is nothing to follow
            for mark in snapshot.actions:
                self.history_view.add_mark(mark)
            minutes = (times[-1] - times[0]) / 60
            self.history_view.status.setText(
                translate(
                    "SnapshotWindow",
                    "Recorded in the snapshot: {n_times} readings over {minutes:.1f} min. "
                    "Drag or scroll the chart to inspect; click a legend entry to hide a "
                    "list.",
                ).format(n_times=len(times), minutes=minutes)
            )
            self.tabs.addTab(self.history_view, translate("SnapshotWindow", "History"))
        self.process_model = ProcessTableModel(self)
        self.process_model.set_rows(_process_rows(snapshot.processes))
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.process_model)
        proxy.setSortRole(SORT_ROLE)
        proxy.setFilterKeyColumn(-1)
        proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.process_table = QTableView()
        self.process_table.setModel(proxy)
        self.process_table.setSortingEnabled(True)
        self.process_table.sortByColumn(COL_RSS, Qt.SortOrder.DescendingOrder)
        self.process_table.verticalHeader().hide()
        self.process_table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.process_table.setAlternatingRowColors(True)
        self.process_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        process_filter = QLineEdit()
        process_filter.setPlaceholderText(translate("SnapshotWindow", "Filter by name, user or PID"))
        process_filter.textChanged.connect(proxy.setFilterFixedString)
        processes = QWidget()
        pcol = QVBoxLayout(processes)
        pcol.addWidget(process_filter)
        pcol.addWidget(self.process_table, 1)
        pcol.addWidget(
            QLabel(
                translate("SnapshotWindow", "{n_processes} processes at the time of the snapshot").format(
                    n_processes=len(snapshot.processes)
                )
            )
        )
        self.tabs.addTab(processes, translate("SnapshotWindow", "Processes"))
        if snapshot.fragmentation:
            self.tabs.addTab(self._fragmentation_table(), translate("SnapshotWindow", "Fragmentation"))
        self.tabs.addTab(self._machine_page(), translate("SnapshotWindow", "Machine"))

        central = QWidget()
        column = QVBoxLayout(central)
        column.addLayout(top)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        """Draw the chart once it has a size (HistoryView draws lazily)."""
        super().showEvent(event)
        if self.history_view is not None:
            self.history_view.refresh(force=True)

    def tab_titles(self) -> list[str]:
        """The views this snapshot fills, in order."""
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

    def _fragmentation_table(self) -> QTableWidget:
        zones = self.snapshot.fragmentation
        orders = max(len(z.counts) for z in zones)
        page = self.snapshot.machine.page_size
        huge = self.snapshot.huge_order
        huge_size = format_bytes(page << huge, digits=0)
        sizes = [format_bytes(page << o, digits=0) for o in range(orders)]
        table = _read_only_table(
            [
                translate("SnapshotWindow", "Node"),
                translate("SnapshotWindow", "Zone"),
                translate("SnapshotWindow", "Free"),
                translate("SnapshotWindow", "Unusable @ {size}").format(size=huge_size),
                translate("SnapshotWindow", "Fragmentation @ {size}").format(size=huge_size),
                *sizes,
            ]
        )
        table.setRowCount(len(zones))
        for r, z in enumerate(zones):
            table.setItem(r, 0, _SortItem(str(z.node), z.node))
            table.setItem(r, 1, QTableWidgetItem(z.zone))
            table.setItem(r, 2, _SortItem(format_bytes(z.free_pages * page), z.free_pages))
            unusable, fragmentation = z.indices(huge)
            table.setItem(r, 3, _SortItem(unusable, float(unusable)))
            table.setItem(r, 4, _SortItem(fragmentation, float(fragmentation)))
            for o, count in enumerate(z.counts):
                table.setItem(r, 5 + o, _SortItem(str(count), count))
        table.setToolTip(
            translate(
                "SnapshotWindow",
                "Free blocks per size (order) in each zone, from /proc/buddyinfo, and "
                "the kernel's indices for a {huge_size} (huge-page) allocation: "
                "unusable free index 0–1; fragmentation index near 1 = failing for "
                "fragmentation, −1 = it would succeed",
            ).format(huge_size=huge_size)
        )
        return table

    def _machine_page(self) -> QWidget:
        s = self.snapshot
        m = s.machine
        page = QWidget()
        form = QFormLayout(page)
        for label, value in (
            (translate("SnapshotWindow", "File"), self.path),
            (
                translate("SnapshotWindow", "Taken"),
                time.strftime("%Y-%m-%d %H:%M:%S %Z", time.localtime(s.time)),
            ),
            ("RAMLens", s.app_version),
            (translate("SnapshotWindow", "Host"), m.hostname),
            (translate("SnapshotWindow", "System"), m.os),
            (translate("SnapshotWindow", "Kernel / build"), m.kernel),
            (translate("SnapshotWindow", "Architecture"), m.machine),
            ("CPUs", str(m.cpu_count)),
            (
                translate("SnapshotWindow", "Page size"),
                translate("SnapshotWindow", "{count} bytes").format(count=m.page_size),
            ),
            (translate("SnapshotWindow", "Backend"), s.sample.backend),
            (translate("SnapshotWindow", "Total memory"), format_bytes(s.sample.total_bytes)),
        ):
            text = QLabel(value)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, text)
        for key, size in s.census.items():
            form.addRow(
                translate("SnapshotWindow", "Census: {key}").format(key=key), QLabel(format_bytes(size))
            )
        return page

    def _compare_with_file(self) -> None:
        other, _ = QFileDialog.getOpenFileName(
            self,
            translate("SnapshotWindow", "Compare with snapshot"),
            str(Path(self.path).parent),
            FILE_FILTER,
        )
        if other:
            self.controller.compare(self.path, other)


class CompareDialog(QDialog):
    """What changed from A to B: every list, then every process that appeared, exited, grew or shrank."""

    def __init__(self, diff: snap.SnapshotDiff, a_name: str, b_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.diff = diff
        self.setWindowTitle(
            translate("CompareDialog", "Compare {a_name} → {b_name}").format(a_name=a_name, b_name=b_name)
        )
        self.resize(860, 640)
        seconds = diff.b_time - diff.a_time
        head = QLabel(
            translate(
                "CompareDialog", "<b>{a_name}</b> → <b>{b_name}</b>, {seconds:.1f} min {direction}"
            ).format(
                a_name=a_name,
                b_name=b_name,
                seconds=abs(seconds) / 60,
                direction=translate("CompareDialog", "later")
                if seconds >= 0
                else translate("CompareDialog", "earlier"),
            )
            + (
                ""
                if diff.same_machine
                else translate("CompareDialog", " — <span style='color:#b3261e'>different machines</span>")
            )
        )
        self.lists_table = _read_only_table(
            [
                translate("CompareDialog", "List"),
                translate("CompareDialog", "Before"),
                translate("CompareDialog", "After"),
                translate("CompareDialog", "Change"),
            ]
        )
        self.lists_table.setRowCount(len(diff.lists))
        for r, c in enumerate(diff.lists):
            self.lists_table.setItem(r, 0, QTableWidgetItem(list_label(c.key, c.label)))
            for col, value in ((1, c.before), (2, c.after)):
                self.lists_table.setItem(
                    r,
                    col,
                    _SortItem("—" if value is None else format_bytes(value), -1 if value is None else value),
                )
            self.lists_table.setItem(r, 3, _SortItem(format_bytes(c.delta, signed=True), c.delta))
        counts = ", ".join(f"{diff.count(k.value)} {k.value}" for k in ProcessChangeKind)
        self.process_summary = QLabel(translate("CompareDialog", "Processes: {counts}").format(counts=counts))
        self.process_table = _read_only_table(
            [
                "PID",
                translate("CompareDialog", "Name"),
                translate("CompareDialog", "Change"),
                translate("CompareDialog", "Before"),
                translate("CompareDialog", "After"),
                translate("CompareDialog", "Working set change"),
            ]
        )
        shown = worth_showing(diff.processes)
        if len(shown) < len(diff.processes):
            hidden = len(diff.processes) - len(shown)
            counts += translate(
                "CompareDialog", " ({count} without memory of their own, e.g. kernel threads, not listed)"
            ).format(count=hidden)
            self.process_summary.setText(
                translate("CompareDialog", "Processes: {counts}").format(counts=counts)
            )
        self.process_table.setRowCount(len(shown))
        for r, p in enumerate(shown):
            self.process_table.setItem(r, 0, _SortItem(str(p.pid), p.pid))
            self.process_table.setItem(r, 1, QTableWidgetItem(p.name))
            self.process_table.setItem(r, 2, QTableWidgetItem(p.change.value))
            for col, value in ((3, p.before), (4, p.after)):
                self.process_table.setItem(
                    r,
                    col,
                    _SortItem("—" if value is None else format_bytes(value), -1 if value is None else value),
                )
            self.process_table.setItem(r, 5, _SortItem(format_bytes(p.delta, signed=True), p.delta))
        self.process_table.setSortingEnabled(True)
        self.files_summary, self.files_table = _file_changes(diff)
        # Every list in sight without scrolling; the processes get the rest of the height.
        self.lists_table.setFixedHeight(
            self.lists_table.horizontalHeader().sizeHint().height()
            + ROW_HEIGHT * max(1, len(diff.lists))
            + 2 * self.lists_table.frameWidth()
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(head)
        column.addWidget(self.lists_table)
        split = QSplitter(Qt.Orientation.Vertical)
        for label, table in (
            (self.process_summary, self.process_table),
            (self.files_summary, self.files_table),
        ):
            pane = QWidget()
            pane_column = QVBoxLayout(pane)
            pane_column.setContentsMargins(0, 0, 0, 0)
            pane_column.addWidget(label)
            pane_column.addWidget(table, 1)
            split.addWidget(pane)
        column.addWidget(split, 1)
        column.addWidget(buttons)


def _file_changes(diff: snap.SnapshotDiff) -> tuple[QLabel, QTableWidget]:
    """The compare view's file section: a count per change, and a row per file that changed."""
    if diff.files is None:
        summary = QLabel(
            translate("CompareDialog", "Files: not compared — both snapshots need the files in memory")
        )
        summary.setToolTip(
            translate("CompareDialog", "File › Include the files in memory, then Save snapshot")
        )
    else:
        counts = ", ".join(f"{diff.file_count(c)} {c}" for c in CHANGES)
        summary = QLabel(translate("CompareDialog", "Files: {counts}").format(counts=counts))
    changes = diff.files or ()
    table = _read_only_table(
        [
            translate("CompareDialog", "Path"),
            translate("CompareDialog", "Change"),
            translate("CompareDialog", "Before"),
            translate("CompareDialog", "After"),
            translate("CompareDialog", "Cached change"),
        ]
    )
    table.setRowCount(len(changes))
    for r, c in enumerate(changes):
        table.setItem(r, 0, QTableWidgetItem(c.path))
        table.setItem(r, 1, QTableWidgetItem(c.change))
        table.setItem(r, 2, _SortItem(format_bytes(c.before), c.before))
        table.setItem(r, 3, _SortItem(format_bytes(c.after), c.after))
        table.setItem(r, 4, _SortItem(format_bytes(c.delta, signed=True), c.delta))
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # paths take the width left
    header.setStretchLastSection(False)
    table.setSortingEnabled(True)
    table.setVisible(bool(changes))
    return summary, table


class ComparePicker(QDialog):
    """Choose snapshot A, and B as another file or this machine now."""

    def __init__(self, folder: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("ComparePicker", "Compare snapshots"))
        self.setMinimumWidth(520)
        self.folder = folder
        self.a_edit = QLineEdit()
        self.b_edit = QLineEdit()
        self.now_box = QCheckBox(translate("ComparePicker", "Compare with this machine now"))
        self.now_box.toggled.connect(lambda on: self.b_edit.setEnabled(not on))
        form = QFormLayout()
        form.addRow(translate("ComparePicker", "Snapshot A"), self._with_browse(self.a_edit))
        form.addRow(translate("ComparePicker", "Snapshot B"), self._with_browse(self.b_edit))
        form.addRow("", self.now_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b3261e")
        self.error.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.error)
        column.addWidget(buttons)
        # Compares the choice; returns why it could not ("" when the comparison opened).
        self.apply: Callable[[str, str | None], str] = lambda _a, _b: ""

    def accept(self) -> None:
        """Compare; on a problem say why here and stay open with what was typed."""
        a, b = self.choice()
        if not a or (b is not None and not b):
            problem = translate(
                "SnapshotController", "Choose snapshot A, and snapshot B or “this machine now”."
            )
        else:
            problem = self.apply(a, b)
        if problem:
            self.error.setText(problem)
            self.adjustSize()  # room for the reason, never over the fields
            return
        super().accept()

    def _with_browse(self, edit: QLineEdit) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(edit, 1)
        browse = QPushButton(translate("ComparePicker", "Browse…"))
        browse.clicked.connect(lambda: self._browse(edit))
        layout.addWidget(browse)
        return row

    def _browse(self, edit: QLineEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("ComparePicker", "Choose a snapshot"), self.folder, FILE_FILTER
        )
        if path:
            edit.setText(path)

    def choice(self) -> tuple[str, str | None]:
        """(path of A, path of B or None for now)."""
        return self.a_edit.text().strip(), None if self.now_box.isChecked() else self.b_edit.text().strip()


class SnapshotController(QObject):
    """The File menu's snapshot items and what they do."""

    def __init__(self, window: WindowApi):
        super().__init__(window.widget)
        self.window = window
        self.open_windows: list[SnapshotWindow] = []
        self.last_error: QMessageBox | None = None
        self.last_compare: CompareDialog | None = None
        self.last_picker: ComparePicker | None = None
        self.last_problem = ""  # the last comparison's problem, for the picker to show
        self.save_action = QAction(translate("SnapshotController", "&Save snapshot…"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save_dialog)
        self.open_action = QAction(translate("SnapshotController", "&Open snapshot…"), self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.open_dialog)
        self.compare_action = QAction(translate("SnapshotController", "&Compare snapshots…"), self)
        self.compare_action.triggered.connect(self.compare_dialog)
        menu = window.file_menu
        before = window.export_action
        self.files_action: QAction | None = None
        actions = [self.save_action]
        if window.capabilities.file_cache is not None:
            self.files_action = QAction(translate("SnapshotController", "Include the files in memory"), self)
            self.files_action.setCheckable(True)
            self.files_action.setChecked(bool(window.settings.value(SETTING_FILES, False, type=bool)))
            self.files_action.setToolTip(
                translate(
                    "SnapshotController",
                    "Save snapshot also records which files are in memory (a short scan)",
                )
            )
            self.files_action.toggled.connect(lambda on: window.settings.setValue(SETTING_FILES, on))
            actions.append(self.files_action)
        for act in (*actions, self.open_action, self.compare_action):
            menu.insertAction(before, act)
        menu.insertSeparator(before)

    # ----- doing ----------------------------------------------------------------------------

    def save_to(self, path: str) -> bool:
        """Take a snapshot now (the last minutes of the window's history with it) and write it.

        With "Include the files in memory" ticked, the files processes use are scanned first on a
        worker, behind a progress dialog whose Stop keeps what was found.
        """
        minutes = cast(float, self.window.settings.value(SETTING_MINUTES, DEFAULT_MINUTES, type=float))
        try:
            files = None
            if self.files_action is not None and self.files_action.isChecked():
                files = FileScanProgress(self.window.backend, self.window.widget).run()
            taken = snap.take(
                self.window.backend,
                history=self.window.history,
                minutes=minutes,
                sample=self.window.sampler.latest,
                census=self._census(),
                actions=self.window.action_marks(),
                files=files,
            )
            snap.save(path, taken)
        except BackendError as exc:
            self._error(
                translate("SnapshotController", "Could not take a snapshot"),
                translate("SnapshotController", "Reading memory failed: {error}").format(error=exc),
            )
            return False
        except OSError as exc:
            self._error(
                translate("SnapshotController", "Could not save the snapshot"),
                translate("SnapshotController", "{path} could not be written: {error}").format(
                    path=path, error=exc.strerror or exc
                ),
            )
            return False
        self.window.settings.setValue(SETTING_FOLDER, str(Path(path).parent))
        self.window.notify(
            translate(
                "SnapshotController",
                "Snapshot saved to {path}: {n_processes} processes, {readings} history readings",
            ).format(
                path=path,
                n_processes=len(taken.processes),
                readings=len(taken.history) if taken.history else 0,
            )
            + (
                ""
                if taken.files is None
                else translate("SnapshotController", ", {count} cached files").format(
                    count=len(taken.files.files)
                )
            ),
            "success",
        )
        return True

    def open_path(self, path: str) -> SnapshotWindow | None:
        """Load and show a snapshot read-only; a clear message box (and no change) when it is broken."""
        try:
            loaded = run_off_ui_thread(lambda: snap.load(path))
        except snap.SnapshotError as exc:
            self._error(translate("SnapshotController", "This file cannot be opened"), str(exc))
            return None
        self.window.settings.setValue(SETTING_FOLDER, str(Path(path).parent))
        viewer = SnapshotWindow(loaded, path, self)
        viewer.destroyed.connect(lambda *_: self._forget(viewer))
        self.open_windows.append(viewer)
        viewer.show()
        return viewer

    def compare(self, a_path: str, b_path: str | None, quiet: bool = False) -> CompareDialog | None:
        """Compare snapshot A with snapshot B, or with now when ``b_path`` is None.

        A problem is shown in a message box, or (``quiet``) only kept in ``last_problem``.
        """
        try:
            a = run_off_ui_thread(lambda: snap.load(a_path))
            if b_path is None:
                b = snap.take(self.window.backend, minutes=0, sample=self.window.sampler.latest)
                b_name = translate("SnapshotController", "now")
            else:
                b_file = b_path
                b = run_off_ui_thread(lambda: snap.load(b_file))
                b_name = Path(b_file).name
        except snap.SnapshotError as exc:
            self._problem(
                translate("SnapshotController", "These snapshots cannot be compared"), str(exc), quiet
            )
            return None
        except BackendError as exc:
            self._problem(translate("SnapshotController", "Could not read memory now"), str(exc), quiet)
            return None
        dialog = CompareDialog(snap.diff(a, b), Path(a_path).name, b_name, self.window.widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.last_compare = dialog
        return dialog

    def _census(self) -> dict[str, int] | None:
        """The summary of the Physical pages view's last census, when one was taken (Linux, root)."""
        view = self.window.made_view("pages")
        if view is None:  # never shown, so no census (and its module, with pyqtgraph, stays unloaded)
            return None
        from ui.views.pages import PagesView

        census = view.census if isinstance(view, PagesView) else None
        return None if census is None else snap.census_summary(census)

    # ----- asking ---------------------------------------------------------------------------

    def _folder(self) -> str:
        return str(self.window.settings.value(SETTING_FOLDER, str(Path.home()), type=str))

    def save_dialog(self) -> None:
        """File › Save snapshot…."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        suggested = str(Path(self._folder()) / f"ramlens-{stamp}{snap.SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(
            self.window.widget, translate("SnapshotController", "Save snapshot"), suggested, FILE_FILTER
        )
        if path:
            self.save_to(path)

    def open_dialog(self) -> None:
        """File › Open snapshot…."""
        path, _ = QFileDialog.getOpenFileName(
            self.window.widget, translate("SnapshotController", "Open snapshot"), self._folder(), FILE_FILTER
        )
        if path:
            self.open_path(path)

    def compare_dialog(self) -> ComparePicker:
        """File › Compare snapshots… (not blocking: the picker stays open until a comparison opens)."""
        picker = ComparePicker(self._folder(), self.window.widget)
        picker.apply = self._try_compare
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.show()
        self.last_picker = picker
        return picker

    def _try_compare(self, a: str, b: str | None) -> str:
        """Compare without a message box: the picker shows the problem next to what was typed."""
        return "" if self.compare(a, b, quiet=True) is not None else self.last_problem

    def _problem(self, title: str, text: str, quiet: bool) -> None:
        self.last_problem = f"{title}: {text}"
        if not quiet:
            self._error(title, text)

    def _error(self, title: str, text: str) -> None:
        """A message box that does not block the event loop (sampling goes on behind it)."""
        box = QMessageBox(
            QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, self.window.widget
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_error = box

    def _forget(self, viewer: SnapshotWindow) -> None:
        if viewer in self.open_windows:
            self.open_windows.remove(viewer)


def install(window: WindowApi) -> SnapshotController:
    """Attach the snapshot items to the main window's File menu."""
    return SnapshotController(window)
