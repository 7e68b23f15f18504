"""The Physical pages view: every page frame classified and drawn as a map (root / administrator).

The census itself is the backend's page-census capability (app.backends.base.PageCensusSource; on
Linux it reads /proc/kpageflags, on Windows the PFN database); it runs on a worker thread and
reports progress through signals, so the window stays responsive. What a census carries beyond
its classes (Use Counts, Priority Summary) and the physical-ranges capability get tabs of their own.
The map is an ImageItem: one pixel per cell of N frames, coloured by the class most of the
cell's frames have, rows stacked by physical address, zoomable with the mouse wheel.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from pyqtgraph.GraphicsScene.mouseEvents import MouseClickEvent
from PySide6.QtCore import QObject, QPointF, QRectF, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.backends.base import BackendError, PageCensusSource, PageFramesSource
from app.pagecensus import CLASSES, Census, PageClass
from app.physranges import PhysicalRanges
from app.units import format_bytes, format_percent
from ui.colors import LIST_COLORS, list_color, part_color
from ui.i18n import translate
from ui.views.cells import swatch, table_item
from ui.views.frames import FramesView
from ui.views.physical import PriorityView, RangesView, UseCountsTable, filter_rows
from ui.views.processes import ProcessesView
from ui.window_api import WindowApi

MAP_WIDTH = 1024  # cells per map row
COMBINATIONS_SHOWN = 200
LEGEND_COLUMNS = 3
BIG_DIFFERENCE = 256 << 20  # a census/meminfo difference worth explaining under the table

# The classes that correspond to a memory list take its colour (ui/colors.py): free, standby, modified, and
# anonymous memory, the bulk of "In use", takes In use's colour. The other in-use classes get distinct hues
# (the map needs neighbours told apart at a glance); mapped file is a light shade of In use.
CLASS_COLORS: dict[str, QColor] = {
    "reserved": QColor("#c9c9c9"),
    "free": QColor(LIST_COLORS["free"]),
    "standby": QColor(LIST_COLORS["standby"]),
    "modified": QColor(LIST_COLORS["modified"]),
    "anonymous": QColor(LIST_COLORS["active"]),
    "mapped": part_color("active", 4, 5),
    "shmem": QColor("#c7669b"),
    "slab": QColor("#9b6bbf"),
    "pagetables": QColor("#3fb0ac"),
    "unevictable": QColor("#5b5bb5"),
    "other": QColor("#8c6d5a"),
}
NO_CELL_COLOR = QColor("#ffffff")


def _rgba(color: QColor) -> tuple[int, int, int, int]:
    return color.red(), color.green(), color.blue(), color.alpha()


def class_color(c: PageClass) -> QColor:
    """A class's own colour (Linux's classes), else its memory list's (a census by list, Windows)."""
    return CLASS_COLORS.get(c.key) or list_color(c.list_key)


def class_lut(classes: tuple[PageClass, ...] = CLASSES) -> np.ndarray:
    """RGBA per map value: the class colours, white past the last frame (and outside RAM)."""
    lut = np.zeros((256, 4), dtype=np.uint8)
    lut[:] = _rgba(NO_CELL_COLOR)
    for c in classes:
        lut[c.index] = _rgba(class_color(c))
    return lut


class _Relay(QObject):
    progress = Signal(int, int)
    done = Signal(object)  # Census
    failed = Signal(str)


class _Stopped(Exception):
    """Raised from the progress callback to end a census early (the window is closing)."""


class _CensusTask(QRunnable):
    """Runs the census on a pool thread; results cross back to the UI thread through the relay's signals."""

    def __init__(self, source: PageCensusSource, relay: _Relay, stopping: threading.Event):
        super().__init__()
        self.source = source
        self.relay = relay
        self.stopping = stopping

    def run(self) -> None:
        try:
            result = self.source.take(self._progress)
        except _Stopped:
            return  # nobody is left to show it to
        except BackendError as exc:
            self.relay.failed.emit(str(exc))
            return
        self.relay.done.emit(result)

    def _progress(self, done: int, total: int) -> None:
        # Both backends call this between chunks, with nothing held open that an exception would leak.
        if self.stopping.is_set():
            raise _Stopped
        self.relay.progress.emit(done, total)


class PagesView(QWidget):
    """Take census · progress · class totals vs the system's figures · physical map · the census's tables."""

    census_taken = Signal(object)  # Census, for views that show part of it (Processes)

    def __init__(
        self,
        source: PageCensusSource,
        parent: QWidget | None = None,
        ranges: Callable[[], PhysicalRanges] | None = None,
        frames: PageFramesSource | None = None,
    ):
        super().__init__(parent)
        self.source = source
        self._ranges = ranges
        self._frames = frames
        self.census: Census | None = None
        self.elapsed = 0.0
        self._started = 0.0
        self._auto_started = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._stopping = threading.Event()
        self._relay = _Relay()
        self._relay.progress.connect(self._on_progress)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self._build()
        reason = self.source.problem()
        if reason:
            self.button.setEnabled(False)
            self.status.setText(
                translate("PagesView", "<b>The physical-page census is unavailable:</b> {reason}.").format(
                    reason=reason
                )
            )
            self.button.setToolTip(reason)

    def _build(self) -> None:
        self.button = QPushButton(translate("PagesView", "Take census"))
        self.button.setToolTip(
            translate("PagesView", "Read the flags of every page frame and classify each one")
        )
        self.button.clicked.connect(self.start)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(True)
        self.progress.setFormat("%p %")
        self.progress.setMaximumWidth(260)
        self.progress.hide()
        self.status = QLabel(
            translate("PagesView", "Press Take census to classify every physical page of this machine.")
        )
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        top = QHBoxLayout()
        top.addWidget(self.button)
        top.addWidget(self.progress)
        top.addWidget(self.status, 1)

        self.totals = QTableWidget(0, 7)
        self.totals.setHorizontalHeaderLabels(
            [
                translate("PagesView", "Class"),
                translate("PagesView", "Pages"),
                translate("PagesView", "Size"),
                translate("PagesView", "Share"),
                translate("PagesView", "/proc/meminfo"),
                translate("PagesView", "Difference"),
                translate("PagesView", "meminfo figure"),
            ]
        )
        self.totals.verticalHeader().setVisible(False)
        self.totals.verticalHeader().setDefaultSectionSize(20)
        self.totals.setAlternatingRowColors(True)
        header = self.totals.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #555;")
        self.totals_box = QGroupBox(translate("PagesView", "Pages by class, next to /proc/meminfo"))
        tl = QVBoxLayout(self.totals_box)
        tl.addWidget(self.totals, 1)
        tl.addWidget(self.notes)

        self.combos = QTableWidget(0, 5)
        # The flag names last, where the row has room for them (and whole in the tooltip).
        self.combos.setHorizontalHeaderLabels(
            [
                translate("PagesView", "Pages"),
                translate("PagesView", "Size"),
                translate("PagesView", "Class"),
                translate("PagesView", "Flags"),
                translate("PagesView", "Flag names"),
            ]
        )
        self.combos.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.combos.verticalHeader().setVisible(False)
        self.combos.verticalHeader().setDefaultSectionSize(20)
        self.combos.setAlternatingRowColors(True)
        self.combos.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.combos.horizontalHeader().setStretchLastSection(True)
        self.combos_filter = QLineEdit()
        self.combos_filter.setPlaceholderText(
            translate("PagesView", "Filter by class, name or flags (e.g. Standby, Process private)")
        )
        self.combos_filter.setClearButtonEnabled(True)
        self.combos_filter.textChanged.connect(lambda text: filter_rows(self.combos, text))
        self.combos_box = QGroupBox(
            translate("PagesView", "Flag combinations (as tools/mm/page-types prints them)")
        )
        cl = QVBoxLayout(self.combos_box)
        cl.addWidget(self.combos_filter)
        cl.addWidget(self.combos, 1)
        self.use_counts = UseCountsTable()
        self.use_counts_box = QWidget()
        ul = QVBoxLayout(self.use_counts_box)
        ul.setContentsMargins(0, 0, 0, 0)
        ul.addWidget(self.use_counts, 1)
        ul.addWidget(self.use_counts.notes)
        self.priorities = PriorityView()
        self.ranges_view = RangesView(self._ranges) if self._ranges is not None else None
        self.frames_view = FramesView(self._frames) if self._frames is not None else None
        self.details = QTabWidget()
        self.details.addTab(self.combos_box, translate("PagesView", "Page kinds"))
        if self.ranges_view is not None:
            self.details.addTab(self.ranges_view, translate("PagesView", "Physical Ranges"))
        if self.frames_view is not None:
            self.details.addTab(self.frames_view, translate("PagesView", "Physical Pages"))

        self.plot = pg.PlotWidget(background="w")
        self.plot.invertY(True)
        self.plot.setLabel("left", translate("PagesView", "physical address (GiB)"))
        self.plot.setLabel("bottom", translate("PagesView", "offset in the row (MiB)"))
        self.plot.setMenuEnabled(False)
        for axis in ("left", "bottom"):
            self.plot.getAxis(axis).enableAutoSIPrefix(False)  # GiB and MiB, never "(x0.001)"
        # Until a census is taken there is no address to show: no axes, a sentence instead.
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.placeholder = pg.TextItem(
            translate("PagesView", "No census yet: the map appears after Take census."),
            color="#777777",
            anchor=(0.5, 0.5),
        )
        self.plot.addItem(self.placeholder)
        self.plot.setRange(xRange=(-1, 1), yRange=(-1, 1), padding=0)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.plot.scene().sigMouseMoved.connect(self._on_hover)
        self.plot.scene().sigMouseClicked.connect(self._on_click)
        self.hover = QLabel(
            translate("PagesView", "Scroll to zoom, drag to pan; hover for the address and class")
            + (
                translate("PagesView", "; click to list the frames there.")
                if self._frames is not None
                else "."
            )
        )
        self.hover.setStyleSheet("color: #555;")
        legend = QWidget()
        self._legend_grid = QGridLayout(legend)
        self._legend_grid.setContentsMargins(0, 0, 0, 0)
        self.legend_labels: dict[str, QLabel] = {}
        self.map_box = QGroupBox(translate("PagesView", "Physical memory map"))
        ml = QVBoxLayout(self.map_box)
        ml.addWidget(self.plot, 1)
        ml.addWidget(legend)
        ml.addWidget(self.hover)

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.totals_box)
        left.addWidget(self.details)
        left.setSizes([270, 400])
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(left)
        body.addWidget(self.map_box)
        body.setSizes([820, 440])  # room for a Use Counts matrix of eight lists
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(body, 1)

    # ----- running ----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        """True while a census runs."""
        return self._started > 0

    def start(self) -> None:
        """Start a census on the worker thread (ignored while one runs)."""
        if self.running or self.source.problem():
            return
        self._started = time.perf_counter()
        self.button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(translate("PagesView", "Reading page frames…"))
        self._pool.start(_CensusTask(self.source, self._relay, self._stopping))

    def stop(self) -> None:
        """End a running census at its next chunk (the window is closing)."""
        self._stopping.set()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (tests, shutdown)."""
        return self._pool.waitForDone(msecs)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        """The first time the tab is shown, take a census when permitted (about half a second)."""
        super().showEvent(event)
        if self.ranges_view is not None and self.ranges_view.ranges is None:
            self.ranges_view.refresh()
        if not self._auto_started and not self.source.problem():
            self._auto_started = True
            self.start()

    def _on_progress(self, done: int, expected: int) -> None:
        self.progress.setValue(int(1000 * done / expected) if expected else 0)
        self.status.setText(
            translate("PagesView", "Reading page frames… {done:,} of {expected:,}").format(
                done=done, expected=expected
            )
        )

    def _on_failed(self, message: str) -> None:
        self._started = 0.0
        self.progress.hide()
        self.button.setEnabled(True)
        self.status.setText(
            translate("PagesView", "<b>The census failed:</b> {message}").format(message=message)
        )

    def _on_done(self, result: Census) -> None:
        self.elapsed = time.perf_counter() - self._started
        self._started = 0.0
        self.census = result
        self.progress.hide()
        self.button.setEnabled(True)
        self.button.setText(translate("PagesView", "Take census again"))
        cell = format_bytes(result.frames_per_cell * result.page_size, digits=0)
        self.status.setText(
            translate(
                "PagesView",
                "<b>{frames:,} page frames</b> ({size}) classified in {elapsed:.1f} "
                "s at {time} · {n_combinations} kinds of page · one map pixel = "
                "{frames_per_cell} frames ({cell}), coloured by the class most of them "
                "have",
            ).format(
                frames=result.frames,
                size=format_bytes(result.frames * result.page_size),
                elapsed=self.elapsed,
                time=time.strftime("%H:%M:%S"),
                n_combinations=len(result.combinations),
                frames_per_cell=result.frames_per_cell,
                cell=cell,
            )
        )
        self._show_legend(result.classes)
        self._show_totals(result)
        self._show_combinations(result)
        self._show_views(result)
        self._show_map(result)
        self.census_taken.emit(result)

    # ----- drawing ----------------------------------------------------------------------------

    def _show_legend(self, classes: tuple[PageClass, ...]) -> None:
        if list(self.legend_labels) == [c.key for c in classes]:
            return
        while (item := self._legend_grid.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.legend_labels = {}
        for i, c in enumerate(classes):
            swatch = QLabel()
            swatch.setFixedSize(12, 12)
            swatch.setStyleSheet(f"background: {class_color(c).name()}; border: 1px solid #777;")
            text = QLabel(translate("pagecensus", c.label))
            self.legend_labels[c.key] = text
            self._legend_grid.addWidget(swatch, i // LEGEND_COLUMNS, (i % LEGEND_COLUMNS) * 2)
            self._legend_grid.addWidget(text, i // LEGEND_COLUMNS, (i % LEGEND_COLUMNS) * 2 + 1)

    def _show_views(self, r: Census) -> None:
        """The census's own tables get tabs (after Page kinds) when it carries them."""
        self.combos_box.setTitle(translate("pagecensus", r.combinations_title))
        for view, title, present in (
            (self.use_counts_box, translate("PagesView", "Use Counts"), r.use_counts is not None),
            (self.priorities, translate("PagesView", "Priority Summary"), r.priorities is not None),
        ):
            index = self.details.indexOf(view)
            if present and index < 0:
                self.details.insertTab(1 if view is self.use_counts_box else 2, view, title)
            elif not present and index >= 0:
                self.details.removeTab(index)
        if r.use_counts is not None:
            self.use_counts.show_counts(r.use_counts)
        if r.priorities is not None:
            self.priorities.show_summary(r.priorities)

    def _show_totals(self, r: Census) -> None:
        rows = r.comparisons()
        total = r.frames * r.page_size
        self.totals_box.setTitle(
            translate("PagesView", "Pages by class, next to {reference_name}").format(
                reference_name=r.reference_name
            )
        )
        self.totals.setHorizontalHeaderItem(4, QTableWidgetItem(r.reference_name))
        self.totals.setHorizontalHeaderItem(
            6,
            QTableWidgetItem(
                translate("PagesView", "{reference_name} figure").format(reference_name=r.reference_name)
            ),
        )
        self.totals.setRowCount(len(rows))
        for i, row in enumerate(rows):
            name = table_item(translate("pagecensus", row.label), align_right=False)
            name.setIcon(swatch(class_color(next(c for c in r.classes if c.key == row.key))))
            if row.note:
                name.setToolTip(row.note)
            cells = [
                name,
                table_item(f"{row.census_bytes // r.page_size:,}"),
                table_item(format_bytes(row.census_bytes)),
                table_item(format_percent(row.census_bytes, total)),
                table_item("" if row.reference_bytes is None else format_bytes(row.reference_bytes)),
                table_item("" if row.difference is None else format_bytes(row.difference, signed=True)),
                table_item(row.reference, align_right=False),
            ]
            for col, cell in enumerate(cells):
                if row.note:
                    cell.setToolTip(row.note)
                self.totals.setItem(i, col, cell)
            label = translate("pagecensus", row.label)
            self.legend_labels[row.key].setText(f"{label} {format_bytes(row.census_bytes)}")
        # Large differences are explained where they are shown, not only in tooltips.
        big = [
            f"{translate('pagecensus', row.label)}: {row.note}."
            for row in rows
            if row.note
            and row.difference is not None
            and abs(row.difference) > max(BIG_DIFFERENCE, total // 50)
        ]
        self.notes.setText(" ".join(big))
        self.notes.setVisible(bool(big))

    def _show_combinations(self, r: Census) -> None:
        top = r.top_combinations(COMBINATIONS_SHOWN)
        self.combos.setRowCount(len(top))
        for i, (flags, pages) in enumerate(top):
            cls = r.class_of(flags)
            label = table_item(translate("pagecensus", cls.label), align_right=False)
            label.setIcon(swatch(class_color(cls)))
            self.combos.setItem(i, 0, table_item(f"{pages:,}"))
            self.combos.setItem(i, 1, table_item(format_bytes(pages * r.page_size)))
            self.combos.setItem(i, 2, label)
            names = table_item(r.describe_flags(flags), align_right=False)
            names.setToolTip(names.text())
            self.combos.setItem(i, 3, table_item(f"0x{flags:016x}", align_right=False))
            self.combos.setItem(i, 4, names)
        filter_rows(self.combos, self.combos_filter.text())

    def _show_map(self, r: Census) -> None:
        self.placeholder.hide()
        self.plot.showAxis("left")
        self.plot.showAxis("bottom")
        image = r.map_image(MAP_WIDTH)
        self.image.setImage(class_lut(r.classes)[image], autoLevels=False)
        row_bytes = MAP_WIDTH * r.frames_per_cell * r.page_size
        self.image.setRect(QRectF(0, 0, row_bytes / 2**20, image.shape[0] * row_bytes / 2**30))
        self.plot.autoRange(padding=0.01)
        self.map_box.setTitle(
            translate(
                "PagesView", "Physical memory map · {row_bytes} per row · {frames_per_cell} per pixel"
            ).format(
                row_bytes=format_bytes(row_bytes),
                frames_per_cell=format_bytes(r.frames_per_cell * r.page_size, digits=0),
            )
        )

    def _address_at(self, pos: QPointF) -> int | None:
        """The physical address under a scene position of the map, or None off the map."""
        r = self.census
        if r is None or not self.plot.sceneBoundingRect().contains(pos):
            return None
        point = self.plot.getViewBox().mapSceneToView(pos)
        row_bytes = MAP_WIDTH * r.frames_per_cell * r.page_size
        if point.x() < 0 or point.y() < 0 or point.x() >= row_bytes / 2**20:
            return None
        return int(point.y() * 2**30) // row_bytes * row_bytes + int(point.x() * 2**20)

    def _on_click(self, event: MouseClickEvent) -> None:
        """A click on the map lists the frames there in Physical Pages (where the backend offers them)."""
        address = self._address_at(event.scenePos())
        if address is None or self.frames_view is None:
            return
        self.show_frames(address)

    def show_frames(self, address: int) -> None:
        """List the frames at ``address`` in the Physical Pages table and bring it forward."""
        if self.frames_view is None:
            return
        if self.census is not None:
            self.frames_view.page_size = self.census.page_size
        self.frames_view.show_at(address)
        self.details.setCurrentWidget(self.frames_view)

    def _on_hover(self, pos: QPointF) -> None:
        r = self.census
        address = self._address_at(pos)
        if r is None or address is None:
            return
        cell = address // (r.frames_per_cell * r.page_size)
        if cell >= len(r.cells) or r.cells[cell] >= len(r.classes):
            self.hover.setText(
                translate("PagesView", "physical address 0x{address:011x} ({offset}): not RAM").format(
                    address=address, offset=format_bytes(address)
                )
            )
            return
        cls = r.classes[int(r.cells[cell])]
        self.hover.setText(
            translate("PagesView", "physical address 0x{address:011x} ({offset}): mostly {label}").format(
                address=address, offset=format_bytes(address), label=translate("pagecensus", cls.label)
            )
        )


def share_owners(window: WindowApi, census: Census) -> None:
    """Give the Processes tab the per-process standby/modified pages when the census knows owners."""
    if census.owners is None:
        return
    processes = window.made_view("processes")
    if isinstance(processes, ProcessesView):
        processes.show_owner_pages(census.owners, census.page_size)
