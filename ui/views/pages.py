"""The Physical pages view: every page frame classified and drawn as a map (Linux: root only).

The census itself is the backend's page-census capability (app.backends.base.PageCensusSource; on
Linux it reads /proc/kpageflags); it runs on a worker thread and reports progress through signals,
so the window stays responsive.
The map is an ImageItem: one pixel per cell of N frames, coloured by the class most of the
cell's frames have, rows stacked by physical address, zoomable with the mouse wheel.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, QPointF, QRectF, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.backends.base import BackendError, PageCensusSource
from app.pagecensus import CLASSES, Census
from app.physranges import PhysicalRanges
from app.units import format_bytes, format_percent
from ui.colors import LIST_COLORS, part_color
from ui.views.physical import RangesView, UseCountsTable

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


def class_lut() -> np.ndarray:
    """RGBA per map value: the class colours, white past the last frame."""
    lut = np.zeros((256, 4), dtype=np.uint8)
    lut[:] = _rgba(NO_CELL_COLOR)
    for c in CLASSES:
        lut[c.index] = _rgba(CLASS_COLORS[c.key])
    return lut


def _item(text: str, right: bool = True) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class _Relay(QObject):
    progress = Signal(int, int)
    done = Signal(object)  # Census
    failed = Signal(str)


class _CensusTask(QRunnable):
    """Runs the census on a pool thread; results cross back to the UI thread through the relay's signals."""

    def __init__(self, source: PageCensusSource, relay: _Relay):
        super().__init__()
        self.source = source
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.source.take(self.relay.progress.emit)
        except BackendError as exc:
            self.relay.failed.emit(str(exc))
            return
        self.relay.done.emit(result)


class PagesView(QWidget):
    """Take census · progress · class totals vs /proc/meminfo · physical map · flag combinations."""

    def __init__(
        self,
        source: PageCensusSource,
        parent: QWidget | None = None,
        ranges: Callable[[], PhysicalRanges] | None = None,
    ):
        super().__init__(parent)
        self.source = source
        self._ranges = ranges
        self.census: Census | None = None
        self.elapsed = 0.0
        self._started = 0.0
        self._auto_started = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay()
        self._relay.progress.connect(self._on_progress)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self._build()
        reason = self.source.problem()
        if reason:
            self.button.setEnabled(False)
            self.status.setText(f"<b>The physical-page census is unavailable:</b> {reason}.")
            self.button.setToolTip(reason)

    def _build(self) -> None:
        self.button = QPushButton("Take census")
        self.button.setToolTip("Read the flags of every page frame and classify each one")
        self.button.clicked.connect(self.start)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(True)
        self.progress.setFormat("%p %")
        self.progress.setMaximumWidth(260)
        self.progress.hide()
        self.status = QLabel("Press Take census to classify every physical page of this machine.")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        top = QHBoxLayout()
        top.addWidget(self.button)
        top.addWidget(self.progress)
        top.addWidget(self.status, 1)

        self.totals = QTableWidget(0, 7)
        self.totals.setHorizontalHeaderLabels(
            ["Class", "Pages", "Size", "Share", "/proc/meminfo", "Difference", "meminfo figure"]
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
        totals_box = QGroupBox("Pages by class, next to /proc/meminfo")
        tl = QVBoxLayout(totals_box)
        tl.addWidget(self.totals, 1)
        tl.addWidget(self.notes)

        self.combos = QTableWidget(0, 5)
        self.combos.setHorizontalHeaderLabels(["Pages", "Size", "Class", "Flag names", "Flags"])
        self.combos.verticalHeader().setVisible(False)
        self.combos.verticalHeader().setDefaultSectionSize(20)
        self.combos.setAlternatingRowColors(True)
        self.combos.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.combos.horizontalHeader().setStretchLastSection(True)
        combos_box = QGroupBox("Flag combinations (as tools/mm/page-types prints them)")
        QVBoxLayout(combos_box).addWidget(self.combos)

        self.plot = pg.PlotWidget(background="w")
        self.plot.invertY(True)
        self.plot.setLabel("left", "physical address (GiB)")
        self.plot.setLabel("bottom", "offset in the row (MiB)")
        self.plot.setMenuEnabled(False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.plot.scene().sigMouseMoved.connect(self._on_hover)
        self.hover = QLabel("Scroll to zoom, drag to pan; hover for the address and class.")
        self.hover.setStyleSheet("color: #555;")
        legend = QWidget()
        grid = QGridLayout(legend)
        grid.setContentsMargins(0, 0, 0, 0)
        self.legend_labels: dict[str, QLabel] = {}
        for i, c in enumerate(CLASSES):
            swatch = QLabel()
            swatch.setFixedSize(12, 12)
            swatch.setStyleSheet(f"background: {CLASS_COLORS[c.key].name()}; border: 1px solid #777;")
            text = QLabel(c.label)
            self.legend_labels[c.key] = text
            grid.addWidget(swatch, i // LEGEND_COLUMNS, (i % LEGEND_COLUMNS) * 2)
            grid.addWidget(text, i // LEGEND_COLUMNS, (i % LEGEND_COLUMNS) * 2 + 1)
        self.map_box = QGroupBox("Physical memory map")
        ml = QVBoxLayout(self.map_box)
        ml.addWidget(self.plot, 1)
        ml.addWidget(legend)
        ml.addWidget(self.hover)

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(totals_box)
        self.use_counts = UseCountsTable()
        self.ranges_view = RangesView(ranges) if (ranges := self._ranges) else None
        self.details = QTabWidget()
        self.details.addTab(combos_box, "Flag combinations")
        self.details.addTab(self.use_counts, "Use Counts")
        if self.ranges_view is not None:
            self.details.addTab(self.ranges_view, "Physical Ranges")
        left.addWidget(self.details)
        left.setSizes([290, 340])
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(left)
        body.addWidget(self.map_box)
        body.setSizes([700, 460])
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
        self.status.setText("Reading page frames…")
        self._pool.start(_CensusTask(self.source, self._relay))

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
        self.status.setText(f"Reading page frames… {done:,} of {expected:,}")

    def _on_failed(self, message: str) -> None:
        self._started = 0.0
        self.progress.hide()
        self.button.setEnabled(True)
        self.status.setText(f"<b>The census failed:</b> {message}")

    def _on_done(self, result: Census) -> None:
        self.elapsed = time.perf_counter() - self._started
        self._started = 0.0
        self.census = result
        self.progress.hide()
        self.button.setEnabled(True)
        self.button.setText("Take census again")
        cell = format_bytes(result.frames_per_cell * result.page_size, digits=0)
        self.status.setText(
            f"<b>{result.frames:,} page frames</b> ({format_bytes(result.frames * result.page_size)}) "
            f"classified in {self.elapsed:.1f} s at {time.strftime('%H:%M:%S')} · "
            f"{len(result.combinations)} flag combinations · one map pixel = {result.frames_per_cell} "
            f"frames ({cell}), coloured by the class most of them have"
        )
        self._show_totals(result)
        self._show_combinations(result)
        if result.use_counts is not None:
            self.use_counts.show_counts(result.use_counts)
        self._show_map(result)

    # ----- drawing ----------------------------------------------------------------------------

    def _show_totals(self, r: Census) -> None:
        rows = r.comparisons()
        total = r.frames * r.page_size
        self.totals.setRowCount(len(rows))
        for i, row in enumerate(rows):
            name = _item(row.label, right=False)
            name.setIcon(_swatch(CLASS_COLORS[row.key]))
            if row.note:
                name.setToolTip(row.note)
            cells = [
                name,
                _item(f"{row.census_bytes // r.page_size:,}"),
                _item(format_bytes(row.census_bytes)),
                _item(format_percent(row.census_bytes, total)),
                _item("" if row.reference_bytes is None else format_bytes(row.reference_bytes)),
                _item("" if row.difference is None else format_bytes(row.difference, signed=True)),
                _item(row.reference, right=False),
            ]
            for col, cell in enumerate(cells):
                if row.note:
                    cell.setToolTip(row.note)
                self.totals.setItem(i, col, cell)
            self.legend_labels[row.key].setText(f"{row.label} {format_bytes(row.census_bytes)}")
        # Large differences are explained where they are shown, not only in tooltips.
        big = [
            f"{row.label}: {row.note}."
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
            label = _item(cls.label, right=False)
            label.setIcon(_swatch(CLASS_COLORS[cls.key]))
            self.combos.setItem(i, 0, _item(f"{pages:,}"))
            self.combos.setItem(i, 1, _item(format_bytes(pages * r.page_size)))
            self.combos.setItem(i, 2, label)
            self.combos.setItem(i, 3, _item(r.describe_flags(flags), right=False))
            self.combos.setItem(i, 4, _item(f"0x{flags:016x}", right=False))

    def _show_map(self, r: Census) -> None:
        image = r.map_image(MAP_WIDTH)
        self.image.setImage(class_lut()[image], autoLevels=False)
        row_bytes = MAP_WIDTH * r.frames_per_cell * r.page_size
        self.image.setRect(QRectF(0, 0, row_bytes / 2**20, image.shape[0] * row_bytes / 2**30))
        self.plot.autoRange(padding=0.01)
        self.map_box.setTitle(
            f"Physical memory map · {format_bytes(row_bytes)} per row · "
            f"{format_bytes(r.frames_per_cell * r.page_size, digits=0)} per pixel"
        )

    def _on_hover(self, pos: QPointF) -> None:
        r = self.census
        if r is None or not self.plot.sceneBoundingRect().contains(pos):
            return
        point = self.plot.getViewBox().mapSceneToView(pos)
        row_bytes = MAP_WIDTH * r.frames_per_cell * r.page_size
        if point.x() < 0 or point.y() < 0 or point.x() >= row_bytes / 2**20:
            return
        address = int(point.y() * 2**30) // row_bytes * row_bytes + int(point.x() * 2**20)
        cell = address // (r.frames_per_cell * r.page_size)
        if cell >= len(r.cells):
            return
        cls = CLASSES[int(r.cells[cell])]
        self.hover.setText(f"physical address 0x{address:011x} ({format_bytes(address)}): mostly {cls.label}")


def _swatch(color: QColor) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(color)
    return QIcon(pixmap)
