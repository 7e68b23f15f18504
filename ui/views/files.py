"""The Files tab: which files hold pages in the page cache (RAMMap's File Summary), and evicting them.

The scan and the eviction run on a worker thread through the backend's FileCacheSource (the tab
exists only when the backend offers one); progress and results come back through signals. Files
are shown as a folder tree (folders hold the totals of what is under them), sortable by any column
and filtered by a path fragment. The summary compares the total with the Standby and Modified
lists of the window's latest reading.
"""

from __future__ import annotations

import dataclasses
import os
import threading
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRunnable,
    QSortFilterProxyModel,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.filecache import FIGURES, Eviction, FileCache, FileCacheSource, FileScan
from app.i18n import N_
from app.model import Sample
from app.units import format_bytes, format_percent
from ui.i18n import translate
from ui.views.cells import RIGHT
from ui.views.gate import WorkGate

MAX_FILES_SHOWN = 20000  # the most cached files make the tree; the summary counts them all
COLUMNS = (
    N_("FilesView", "Path"),
    N_("FilesView", "Cached"),
    N_("FilesView", "Dirty"),
    N_("FilesView", "Writeback"),
    N_("FilesView", "Evicted"),
    N_("FilesView", "Recently evicted"),
    N_("FilesView", "Size"),
    N_("FilesView", "Of file"),
)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # numeric value a column sorts by
PATH_ROLE = Qt.ItemDataRole.UserRole + 2  # full path of the row (files and folders)
FILE_ROLE = Qt.ItemDataRole.UserRole + 3  # True on file rows


class _Relay(QObject):
    progress = Signal(int, int)
    scanned = Signal(object)  # FileScan
    evicted = Signal(object)  # tuple[Eviction, ...]
    failed = Signal(str)


class _Task(QRunnable):
    """Runs one callable on a pool thread; exceptions become a failure message."""

    def __init__(self, body: Callable[[], None], relay: _Relay):
        super().__init__()
        self.body = body
        self.relay = relay

    def run(self) -> None:
        try:
            self.body()
        except OSError as exc:  # the scan catches per-file errors; this is a whole-scan failure
            self.relay.failed.emit(f"{exc.filename or ''} {exc.strerror or exc}".strip())
        except Exception as exc:  # noqa: BLE001 (a bug must not leave the tab busy forever: say it)
            self.relay.failed.emit(f"{type(exc).__name__}: {exc}")


class _Proxy(QSortFilterProxyModel):
    """Keeps rows whose full path contains the filter text (and, recursively, the folders above them)."""

    text = ""

    def set_text(self, text: str) -> None:
        """Filter by this path fragment (case-insensitive); empty shows everything."""
        self.beginFilterChange()
        self.text = text.lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802 (Qt's name)
        if not self.text:
            return True
        index = self.sourceModel().index(row, 0, parent)
        return self.text in str(index.data(PATH_ROLE)).lower()


def _cell(text: str, value: float, right: bool = True) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(value, SORT_ROLE)
    if right:
        item.setTextAlignment(RIGHT)
    return item


def _maybe(n: int | None) -> str:
    return "?" if n is None else format_bytes(n)


class FilesView(QWidget):
    """Scan · progress · Cancel · folder tree of cached files · summary against the lists · evict."""

    def __init__(
        self,
        source: FileCacheSource,
        sample: Callable[[], Sample | None] = lambda: None,
        refresh: Callable[[], object] = lambda: None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.source = source
        self._sample = sample  # the window's latest reading of the lists
        self._refresh = refresh  # asks the window for a new reading now
        self._latest: Sample | None = None
        self._standby_before: int | None = None  # Standby when the last eviction started, until re-read
        self.scan: FileScan | None = None
        self.last_eviction: tuple[Eviction, ...] = ()
        self._cancel = threading.Event()
        self._busy = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay()
        self._relay.progress.connect(self._on_progress)
        self._relay.scanned.connect(self._on_scanned)
        self._relay.evicted.connect(self._on_evicted)
        self.gate = WorkGate(self, self._catch_up)
        self._relay.failed.connect(self._on_failed)
        self._build()

    def _build(self) -> None:
        self.scan_button = QPushButton(translate("FilesView", "Scan processes and file systems"))
        self.scan_button.setToolTip(
            translate(
                "FilesView",
                "The files processes map or hold open, then every local file system "
                "(not /proc, /sys, /dev, network or pseudo file systems)",
            )
        )
        self.scan_button.clicked.connect(lambda: self.start(None))
        self.folder_button = QPushButton(translate("FilesView", "Scan folder…"))
        self.folder_button.clicked.connect(self._choose_folder)
        self.cancel_button = QPushButton(translate("FilesView", "Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(240)
        self.progress.hide()
        self.status = QLabel(
            translate("FilesView", "Press Scan to find the files whose pages are in memory.")
        )
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        for w in (self.scan_button, self.folder_button, self.cancel_button, self.progress):
            top.addWidget(w)
        top.addWidget(self.status, 1)

        self.filter = QLineEdit()
        self.filter.setPlaceholderText(translate("FilesView", "Filter by path…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._on_filter)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.lists_change = QLabel()
        self.lists_change.setStyleSheet("color: #555;")

        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels([translate("FilesView", c) for c in COLUMNS])
        self.proxy = _Proxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setSortingEnabled(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QTreeView.SelectionMode.ExtendedSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.lists_change)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)

    # ----- running ----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """True while a scan or an eviction runs."""
        return self._busy

    def start(self, paths: Sequence[str] | None) -> None:
        """Scan ``paths`` (None: processes, then the local file systems) on the worker; ignored while busy."""
        if self._busy:
            return
        self._set_busy(True, cancellable=True)
        self._cancel.clear()
        self.progress.setRange(0, 0)
        what = "the files processes use, then the local file systems" if paths is None else ", ".join(paths)
        self.status.setText(translate("FilesView", "Scanning {what}…").format(what=what))
        relay, cancel, source = self._relay, self._cancel, self.source
        chosen = None if paths is None else list(paths)
        self._pool.start(
            _Task(lambda: relay.scanned.emit(source.scan(chosen, relay.progress.emit, cancel.is_set)), relay)
        )

    def cancel(self) -> None:
        """Ask the running scan to stop; it returns what it found so far."""
        self._cancel.set()
        self.status.setText(translate("FilesView", "Cancelling…"))

    def evict(self, paths: Sequence[str]) -> None:
        """Drop these files (folders: everything under them) from the cache on the worker."""
        if self._busy or not paths:
            return
        self._set_busy(True, cancellable=False)
        self.progress.setRange(0, 0)
        self.status.setText(
            translate("FilesView", "Evicting {n_paths} item(s) from the page cache…").format(
                n_paths=len(paths)
            )
        )
        self._standby_before = _standby(self._latest or self._sample())
        relay, source, chosen = self._relay, self.source, list(paths)
        self._pool.start(_Task(lambda: relay.evicted.emit(source.evict(chosen)), relay))

    def stop(self) -> None:
        """A scan stops at its next file; an eviction (not cut short) finishes."""
        self._cancel.set()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (tests, shutdown)."""
        return self._pool.waitForDone(msecs)

    def set_sample(self, sample: Sample) -> None:
        """A new reading of the lists: refresh the comparison with Standby and Modified."""
        self._latest = sample
        if self.scan is not None and self.gate.note():  # hidden: redrawn when shown (WorkGate)
            self._show_summary()
        if self._standby_before is not None and self.last_eviction and not self._busy:
            after = _standby(sample)
            if after is not None:
                self.lists_change.setText(
                    translate(
                        "FilesView",
                        "Standby {before} → {after} on the whole machine (other programs change it too)",
                    ).format(before=format_bytes(self._standby_before), after=format_bytes(after))
                )
                self._standby_before = None

    def _set_busy(self, busy: bool, cancellable: bool = False) -> None:
        self._busy = busy
        self.scan_button.setEnabled(not busy)
        self.folder_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy and cancellable)
        self.progress.setVisible(busy)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Scan folder", os.path.expanduser("~"))
        if folder:
            self.start([folder])

    def _on_progress(self, done: int, expected: int) -> None:
        if expected:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * done / expected))
            self.status.setText(
                translate("FilesView", "Scanning… {done:,} of about {expected:,} files").format(
                    done=done, expected=expected
                )
            )
        else:
            self.status.setText(translate("FilesView", "Scanning… {done:,} files").format(done=done))

    def _on_failed(self, message: str) -> None:
        self._set_busy(False)
        self.status.setText(translate("FilesView", "The scan failed: {message}").format(message=message))

    def _on_scanned(self, scan: FileScan) -> None:
        self._set_busy(False)
        self.scan = scan
        state = (
            translate("FilesView", "complete")
            if scan.complete
            else translate("FilesView", "cancelled: partial results")
        )
        refused = (
            translate("FilesView", " · {count:,} files not ours to measure").format(count=scan.refused)
            if scan.refused
            else ""
        )
        self.status.setText(
            translate(
                "FilesView",
                "{examined:,} files looked at in {elapsed:.1f} s by {method} ({state}) at {time}{refused}",
            ).format(
                examined=scan.examined,
                elapsed=scan.elapsed,
                method=scan.method.value,
                state=state,
                time=time.strftime("%H:%M:%S"),
                refused=refused,
            )
        )
        self._fill(scan.top(MAX_FILES_SHOWN))
        self._show_summary()

    def _on_evicted(self, results: tuple[Eviction, ...]) -> None:
        self._set_busy(False)
        self.last_eviction = results
        moved = sum(r.moved_bytes for r in results)
        kept = sum(r.kept_bytes for r in results)
        errors = [f"{r.path}: {r.error}" for r in results if r.error]
        self.status.setText(
            translate(
                "FilesView",
                "Evicted {n_results} file(s): {moved} left the page cache, {kept} kept "
                "(mapped, locked or dirty)",
            ).format(n_results=len(results) - len(errors), moved=format_bytes(moved), kept=format_bytes(kept))
            + (
                translate("FilesView", " · {n_errors} failed: {errors}").format(
                    n_errors=len(errors), errors=errors[0]
                )
                if errors
                else ""
            )
        )
        self.lists_change.setText(translate("FilesView", "Reading the lists again…"))
        if self.scan is not None:
            self._apply_evictions(results)
        self._refresh()

    # ----- drawing ----------------------------------------------------------------------------

    def _apply_evictions(self, results: Sequence[Eviction]) -> None:
        """Replace the evicted files' figures by their after-measurement (dropping those now uncached)."""
        assert self.scan is not None
        after = {r.path: r.after for r in results if r.after is not None}
        files = [after.get(f.path, f) for f in self.scan.files]
        self.scan = dataclasses.replace(self.scan, files=tuple(f for f in files if f.cached_bytes))
        self._fill(self.scan.top(MAX_FILES_SHOWN))
        self._show_summary()

    def _catch_up(self) -> None:
        if self.scan is not None:
            self._show_summary()

    def _show_summary(self) -> None:
        scan = self.scan
        assert scan is not None
        cached = scan.total("cached_bytes") or 0
        dirty = scan.total("dirty_bytes")
        text = f"<b>{len(scan.files):,} files hold {format_bytes(cached)}</b> in the page cache"
        if dirty is not None:
            text += f" ({format_bytes(dirty)} dirty)"
        if len(scan.files) > MAX_FILES_SHOWN:
            text += f" · the {MAX_FILES_SHOWN:,} most cached are listed"
        sample = self._latest or self._sample()
        standby = sample.bytes_of("standby") if sample else None
        modified = sample.bytes_of("modified") if sample else None
        if standby is not None:
            held = standby + (modified or 0)
            text += (
                f"<br>Standby {format_bytes(standby)} + Modified {format_bytes(modified or 0)} = "
                f"{format_bytes(held)}: the files found hold <b>{format_percent(cached, held)}</b> of that "
                "(their pages that processes map are counted as In use, so the share can exceed 100 %)"
            )
        self.summary.setText(text)

    def _fill(self, files: Sequence[FileCache]) -> None:
        """Rebuild the folder tree: each folder row holds the totals of the files under it."""
        self.model.removeRows(0, self.model.rowCount())
        self.tree.setSortingEnabled(False)
        root_node = _Node("")
        for f in files:
            node = root_node
            for part in f.path.strip(os.sep).split(os.sep)[:-1]:
                node = node.children.setdefault(part, _Node(part))
            node.files.append(f)
        for child in root_node.collapsed_children(os.sep, top=True):
            self.model.appendRow(child.rows())
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        if len(files) < 200:
            self.tree.expandAll()
        else:
            self.tree.expandToDepth(0)

    def _on_filter(self, text: str) -> None:
        self.proxy.set_text(text)
        if text:
            self.tree.expandAll()

    def _context_menu(self, pos: QPoint) -> None:
        paths = self.selected_paths()
        if not paths:
            return
        menu = QMenu(self)
        action = menu.addAction(
            translate("FilesView", "Evict from cache ({n_paths} selected)").format(n_paths=len(paths))
        )
        action.setToolTip(
            translate("FilesView", "Drop their clean pages from memory (dirty pages are written first)")
        )
        action.triggered.connect(lambda: self.evict(paths))
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def selected_paths(self) -> list[str]:
        """The full paths of the selected rows (files or folders)."""
        rows = {i.siblingAtColumn(0) for i in self.tree.selectionModel().selectedIndexes()}
        return sorted({str(i.data(PATH_ROLE)) for i in rows})

    def row_for(self, path: str) -> QModelIndex | None:
        """The proxy index of the row showing ``path`` (tests and selection), or None."""
        matches = self.proxy.match(
            self.proxy.index(0, 0),
            PATH_ROLE,
            path,
            1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        return matches[0] if matches else None


class _Node:
    """A folder while the tree is built: its subfolders and files, and their sums."""

    def __init__(self, name: str):
        self.name = name
        self.children: dict[str, _Node] = {}
        self.files: list[FileCache] = []

    def sums(self) -> dict[str, int]:
        """Files, size, each figure and the cached bytes within file sizes, summed under this folder."""
        out = dict.fromkeys(("files", "size_bytes", "within_size", *FIGURES), 0)
        for f in self.files:
            out["files"] += 1
            out["size_bytes"] += f.size_bytes
            out["within_size"] += min(f.cached_bytes, f.size_bytes)  # the last page is cached whole
            for name in FIGURES:
                out[name] += getattr(f, name) or 0
        for child in self.children.values():
            for key, value in child.sums().items():
                out[key] += value
        return out

    def collapsed_children(self, prefix: str, top: bool = False) -> list[_FolderRow]:
        """Subfolders as rows; a chain of folders with one subfolder and no files is shown as one row."""
        out = []
        for child in self.children.values():
            label = os.sep + child.name if top else child.name
            node = child
            while len(node.children) == 1 and not node.files:
                node = next(iter(node.children.values()))
                label = os.path.join(label, node.name)
            out.append(_FolderRow(node, os.path.join(prefix, label.lstrip(os.sep)), label))
        return out


class _FolderRow:
    def __init__(self, node: _Node, path: str, label: str):
        self.node, self.path, self.label = node, path, label

    def rows(self) -> list[QStandardItem]:
        sums = self.node.sums()
        size = sums["size_bytes"]
        count = sums["files"]
        files = translate("FilesView", "{count} file(s)").format(count=f"{count:,}")
        name = _cell(f"{self.label}{os.sep}  ({files})", 0, right=False)
        name.setData(self.label.lower(), SORT_ROLE)
        name.setData(self.path, PATH_ROLE)
        name.setData(False, FILE_ROLE)
        share = sums["within_size"] / size if size else 0.0
        row = [
            name,
            *(_cell(format_bytes(sums[figure]), sums[figure]) for figure in FIGURES),
            _cell(format_bytes(size), size),
            _cell(format_percent(share, 1) if size else "", share),
        ]
        for child in self.node.collapsed_children(self.path):
            name.appendRow(child.rows())
        for f in self.node.files:
            name.appendRow(_file_row(f))
        return row


def _file_row(f: FileCache) -> list[QStandardItem]:
    name = _cell(os.path.basename(f.path), 0, right=False)
    name.setData(os.path.basename(f.path).lower(), SORT_ROLE)
    name.setData(f.path, PATH_ROLE)
    name.setData(True, FILE_ROLE)
    name.setToolTip(f.path)
    return [
        name,
        _cell(format_bytes(f.cached_bytes), f.cached_bytes),
        _cell(_maybe(f.dirty_bytes), f.dirty_bytes or 0),
        _cell(_maybe(f.writeback_bytes), f.writeback_bytes or 0),
        _cell(_maybe(f.evicted_bytes), f.evicted_bytes or 0),
        _cell(_maybe(f.recently_evicted_bytes), f.recently_evicted_bytes or 0),
        _cell(format_bytes(f.size_bytes), f.size_bytes),
        _cell(format_percent(f.cached_share, 1) if f.size_bytes else "", f.cached_share),
    ]


def _standby(sample: Sample | None) -> int | None:
    return None if sample is None else sample.bytes_of("standby")
