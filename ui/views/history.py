"""The history view: every list over time as a stacked area adding up to physical memory.

Backed by the History ring buffer through ChartData (which takes in only new samples). A redraw
slices the visible stretch and stacks it; painting reduces it to one value per pixel column,
keeping peaks (chartdata.column_envelope), and fills the bands column by column, so 24 hours of
jagged data at one sample per second draw as fast as five minutes of smooth data.
"""

from __future__ import annotations

import datetime as _dt
import math
import socket
import time
from collections.abc import Hashable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QHideEvent, QImage, QPaintEngine, QPainter, QTransform
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from app.history import History
from app.model import LIST_LABELS, ActionResult
from app.snapshot.schema import ActionMark
from app.units import format_bytes
from ui.colors import list_color
from ui.i18n import translate
from ui.runner import action_mark, list_label
from ui.spans import SPAN_CHOICES
from ui.views.bandimage import BandImage, Palette, Placement
from ui.views.chartdata import ChartData, column_envelope
from ui.views.gate import WorkGate

MIN_FOLLOW_SECONDS = 5  # the narrowest live view; a history younger than the span fills the width
MAX_MARKERS = 500
TOP_HEADROOM = 0.04  # room above the highest band when the axis fits the lists shown
READOUT_GAP = 14  # pixels between the pointer and the hover readout
EXPORT_TEXT_WIDTH = 1600  # exports wider than this scale their text up with the picture
EXPORT_MIN_HEIGHT = 320
LEGEND_ENTRY_WIDTH = 150  # logical pixels a legend entry needs, for wrapping it in narrow exports
TIME_LABEL_PIXELS = 90
_TIME_STEPS: tuple[float, ...] = (
    0.1,
    0.2,
    0.5,
    1,
    2,
    5,
    10,
    15,
    30,
    60,
    120,
    300,
    600,
    900,
    1800,
    3600,
    7200,
    10800,
    21600,
    43200,
)
_TIME_STEPS += tuple(86400.0 * d for d in (1, 2, 7, 14, 28))
_BIN_UNITS = ((1 << 40, "TiB"), (1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB"), (1, "B"))
_NICE_STEPS = (1, 2, 4, 5, 8, 10, 16, 20, 25, 32, 50, 64, 100, 128, 256, 512, 1000)


class BytesAxis(pg.AxisItem):
    """A value axis in binary units with ticks on round GiB/MiB figures (1, 2, 4, 8 … GiB)."""

    @staticmethod
    def round_step(span: float, size: float) -> float:
        """A round binary step (1, 2, 4, 8 … of a unit) giving about one label per 45 pixels."""
        wanted = max(2.0, size / 45.0)
        unit = next(u for u, _ in _BIN_UNITS if span / u >= 1 or u == 1)
        raw = span / wanted / unit
        step = next((s for s in _NICE_STEPS if s >= raw), _NICE_STEPS[-1] * math.ceil(raw / _NICE_STEPS[-1]))
        return float(step * unit)

    def tickSpacing(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, float]]:  # noqa: N802,N803
        """One level of round binary steps, about one label per 45 pixels."""
        span = maxVal - minVal
        if span <= 0 or size <= 0:
            return super().tickSpacing(minVal, maxVal, size)
        return [(self.round_step(span, size), 0.0)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        """'4 GiB' style labels in the unit of the tick spacing."""
        unit, name = next(((u, n) for u, n in _BIN_UNITS if spacing >= u), (1, "B"))
        return [f"{v / unit:g} {name}" for v in values]


class OffsetDateAxis(pg.AxisItem):
    """Clock-time axis for x values counted from ``offset`` (epoch seconds).

    The chart plots seconds since its first sample rather than since 1970: SVG keeps six
    significant digits, which for epoch seconds would be a resolution of hours. Ticks fall on
    round local times, one level only, computed directly (pyqtgraph's DateAxisItem works out
    every zoom level each frame, which cost more than drawing a day of data).
    """

    offset = 0.0

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:  # noqa: N802,N803
        """Round local clock times, at most one label per ``TIME_LABEL_PIXELS``, in chart coordinates."""
        span = maxVal - minVal
        if span <= 0 or size <= 0:
            return []
        most = max(2.0, size / TIME_LABEL_PIXELS)
        step = next((s for s in _TIME_STEPS if span / s <= most), _TIME_STEPS[-1])
        start = minVal + self.offset
        local = time.localtime(start).tm_gmtoff  # ticks on round local times, midnight included
        first = math.ceil((start + local) / step) * step - local
        values = np.arange(first, maxVal + self.offset + step * 1e-6, step) - self.offset
        return [(step, values.tolist())]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        """Local clock time of the shifted values, as precise as the tick spacing needs."""
        if spacing < 0.999:
            pattern, cut = "%H:%M:%S.%f", 5 if spacing >= 0.099 else 3  # tenths or milliseconds
        elif spacing < 59.5:
            pattern, cut = "%H:%M:%S", 0
        elif spacing < 86399:
            pattern, cut = "%H:%M", 0
        else:
            pattern, cut = "%d %b", 0
        texts = [_dt.datetime.fromtimestamp(v + self.offset).strftime(pattern) for v in values]
        return [t[:-cut] if cut else t for t in texts]


class StackedAreaItem(pg.GraphicsObject):
    """Every list's band of the stack, drawn per pixel column of the device it paints on.

    ``set_data`` takes the visible samples' x and their cumulative boundaries (lists × samples,
    bottom list first). Painting reduces them to one value per boundary and pixel column
    (``bin_envelope``: at most as many points as pixels, peaks kept). Raster devices get an image
    filled column by column with numpy (``BandImage``): the cost depends on the chart's size
    only, never on how jagged the data is (a polygon rasterizer slows down with every edge a
    scanline crosses), and the image is kept between frames, so a new reading recomputes only
    the columns it changes and hovering recomputes none. Vector devices (SVG) get one polygon
    per band built from the same columns.
    """

    def __init__(self) -> None:
        super().__init__()
        self.keys: tuple[str, ...] = ()
        self.xs = np.zeros(0)
        self.stack = np.zeros((0, 0))
        self.colors: list[QColor] = []
        self.palette = Palette([])
        self.grid_values: list[float] = []  # byte values of the horizontal grid lines
        self._bounds = QRectF()
        self._source: Hashable = object()
        self.drawn_columns = 0  # pixel columns the last paint reduced the samples to
        self.image = BandImage()

    def set_data(
        self, xs: np.ndarray, stack: np.ndarray, keys: tuple[str, ...], source: Hashable = None
    ) -> None:
        """Replace the samples: chart x (ascending) and cumulative tops, one row per key.

        ``source`` names the data: pass the same value again only while the data is the same
        series extended at its end (and possibly losing its oldest samples), so the kept image
        can be reused; None (the default) never reuses it.
        """
        self.prepareGeometryChange()
        if keys != self.keys or not self.colors:
            self.colors = [list_color(k) for k in keys]
            self.palette = Palette(self.colors)
        self.xs, self.stack, self.keys = xs, stack, keys
        self._source = object() if source is None else (source, keys)  # a new object: never equal
        if xs.size and keys:
            top = float(stack[-1].max())
            self._bounds = QRectF(float(xs[0]), 0.0, float(xs[-1] - xs[0]), top)
        else:
            self._bounds = QRectF()
        self.update()

    def layer(self, key: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """One band over the samples held: (x, lower edge, upper edge) in bytes."""
        k = self.keys.index(key)
        lower = self.stack[k - 1] if k else np.zeros(self.xs.size)
        return self.xs, lower, self.stack[k]

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        """The extent of the data."""
        return self._bounds

    def paint(self, painter: QPainter, *_: object) -> None:
        """The bands (as an image on raster devices, polygons elsewhere), then the grid lines."""
        view = self.getViewBox()
        if self.xs.size < 2 or not self.keys or view is None:
            return
        t = painter.transform()
        shown = view.viewRect()
        left, right = max(shown.left(), float(self.xs[0])), min(shown.right(), float(self.xs[-1]))
        if right <= left or t.m11() <= 0:
            return
        painter.save()
        painter.resetTransform()
        dev_left, dev_right = t.m11() * left + t.dx(), t.m11() * right + t.dx()
        if painter.paintEngine().type() == QPaintEngine.Type.Raster:
            self._paint_image(painter, t, shown, (left, right))
        else:
            self._paint_polygons(painter, t, dev_left, dev_right)
        if self.grid_values:  # light lines over the bands (pyqtgraph's grid costs more than the chart)
            painter.setPen(pg.mkPen(255, 255, 255, 70, width=1))
            for value in self.grid_values:
                y = t.m22() * value + t.dy()
                painter.drawLine(QPointF(dev_left, y), QPointF(dev_right, y))
        painter.restore()

    def _columns(self, t: QTransform, first: float, count: int, step: float) -> tuple[np.ndarray, np.ndarray]:
        """Envelope of ``count`` device columns of ``step`` pixels starting at device x ``first``."""
        left = (first - t.dx()) / t.m11()
        right = (first + count * step - t.dx()) / t.m11()
        return column_envelope(self.xs, self.stack, left, right, count)

    def _paint_image(
        self, painter: QPainter, t: QTransform, shown: QRectF, visible: tuple[float, float]
    ) -> None:
        device = painter.device()
        ratio = float(device.devicePixelRatioF()) if device is not None else 1.0
        y_top, y_bottom = sorted((t.m22() * shown.bottom() + t.dy(), t.m22() * shown.top() + t.dy()))
        row0 = math.floor(y_top)
        placement = Placement(
            bin_width=1.0 / (t.m11() * ratio),
            rows=(t.m22(), t.dy() - row0),
            top=float(row0),
            height=max(1, round((math.ceil(y_bottom) - row0) * ratio)),
            ratio=ratio,
            columns=math.ceil(shown.width() * t.m11() * ratio) + 2,
            source=self._source,
        )
        self.drawn_columns = self.image.paint(
            painter, self.xs, self.stack, self.palette, placement, visible, t.dx()
        )

    def _paint_polygons(self, painter: QPainter, t: QTransform, dev_left: float, dev_right: float) -> None:
        count = max(1, math.ceil(dev_right - dev_left))
        covered, values = self._columns(t, dev_left, count, (dev_right - dev_left) / count)
        values = values[covered]
        self.drawn_columns = len(values)
        px = dev_left + (np.flatnonzero(covered) + 0.5) * (dev_right - dev_left) / count
        n = px.size
        lower = np.zeros(n)
        for k, color in enumerate(self.colors):
            upper = values[:, k]
            band = pg.functions.create_qpolygonf(2 * n)
            points = pg.functions.ndarray_from_qpolygonf(band)
            points[:n, 0], points[:n, 1] = px, t.m22() * upper + t.dy()
            points[n:, 0], points[n:, 1] = px[::-1], (t.m22() * lower + t.dy())[::-1]
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawPolygon(band)
            edge = pg.functions.create_qpolygonf(n)
            pg.functions.ndarray_from_qpolygonf(edge)[:] = points[:n]
            painter.setPen(pg.mkPen(color.darker(125), width=1))
            painter.drawPolyline(edge)
            lower = upper


class SwatchSample(pg.ItemSample):
    """A legend sample drawn as a filled square in the list's colour; an empty one when hidden."""

    def paint(self, painter: QPainter, *_: object) -> None:
        """Square swatch; outline only while the list is hidden."""
        brush = self.item.opts.get("fillBrush")
        color = pg.mkBrush(brush).color() if brush is not None else QColor("#888888")
        painter.setPen(pg.mkPen(color.darker(130), width=1))
        painter.setBrush(pg.mkBrush(color) if self.item.isVisible() else pg.mkBrush(None))
        painter.drawRect(QRectF(3, 4, 13, 13))


class LegendEntry(pg.GraphicsObject):
    """What a legend entry stands for: a list's colour, and whether it is shown (its visibility).

    Never drawn itself (the area item draws every band); a fraction of a PlotDataItem's cost.
    """

    def __init__(self, color: QColor):
        super().__init__()
        self.opts = {"fillBrush": pg.mkBrush(color)}

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        """Nothing to draw."""
        return QRectF()

    def paint(self, *_: object) -> None:
        """Nothing to draw: the legend's SwatchSample shows the colour."""


@dataclass(frozen=True)
class Marker:
    """An action shown on the chart."""

    time: float
    text: str
    line: pg.InfiniteLine
    mark: ActionMark


class ChartLayout(pg.GraphicsLayout):
    """The plot and its legend: what File › Export writes (see ``exporting``)."""

    def __init__(self, view: HistoryView):
        super().__init__()
        self._view = view

    def exporting(self, width: int | None) -> AbstractContextManager[None]:
        """While exported: no hover overlay, a title, a legend laid out for ``width`` pixels."""
        return self._view.exporting(width)


def nice_top(value: float, pixels: float) -> float:
    """``value`` rounded up to the next tick of a binary-unit axis ``pixels`` high."""
    if value <= 0:
        return 1.0
    step = BytesAxis.round_step(value, pixels)
    return step * math.ceil(value * (1 + TOP_HEADROOM) / step)


class HistoryView(QWidget):
    """Stacked areas of every list, a clock-time axis, a toggling legend, a crosshair and markers.

    Work contract (ui/views/gate.py, what keeps a hidden view free): ``refresh()`` only notes
    that samples arrived unless the view is active, shown and its window not minimized; the
    chart catches up when it is shown again (shown, or the window leaving the minimized state).
    ``set_active(False)`` makes a shown view idle too; ``set_active(True)`` catches up at once.
    ``refresh(force=True)`` always draws (exports).
    """

    def __init__(self, history: History, parent: QWidget | None = None):
        super().__init__(parent)
        self.history = history
        self.span = SPAN_CHOICES[0][0]
        self.follow = True
        self.paused = False  # sampling is paused (View › Pause): nothing new arrives
        self.whole_ram = False
        self._hidden: set[str] = set()
        self._present: tuple[str, ...] = ()
        self._moving = False
        self._drawn_until = -math.inf  # time of the newest sample drawn
        self._force_next = False  # a marker was added: the next reload draws even without news
        self.data = ChartData(history)
        self.gate = WorkGate(self, lambda: self._reload(force=True))
        self.gate.stale = True  # the history may hold samples already: drawn when first shown
        self.markers: list[Marker] = []
        self.t0: float | None = None  # epoch seconds at chart x = 0, fixed at the first sample

        self.graphics = pg.GraphicsView(self)
        self.graphics.setBackground("w")
        self.export_item = ChartLayout(self)  # plot and legend together: what Export writes
        self.graphics.setCentralItem(self.export_item)
        self.export_item.setContentsMargins(4, 4, 12, 4)
        self.time_axis = OffsetDateAxis(orientation="bottom")
        self.plot_item: pg.PlotItem = self.export_item.addPlot(
            row=1, col=0, axisItems={"bottom": self.time_axis, "left": BytesAxis("left")}
        )
        self.plot_item.setMouseEnabled(x=True, y=False)
        self.plot_item.hideButtons()
        self.plot_item.setMenuEnabled(False)
        for name in ("left", "bottom"):
            axis = self.plot_item.getAxis(name)
            axis.setPen(pg.mkPen("#555555"))
            axis.setTextPen(pg.mkPen("#333333"))
            # The ticks carry their own units and the axes have no label: the SI prefix pyqtgraph would
            # work out again on every range change (and re-render the hidden label for) is never shown.
            axis.enableAutoSIPrefix(False)
        self.view_box = self.plot_item.getViewBox()
        self.view_box.setLimits(yMin=0)
        self.view_box.sigRangeChangedManually.connect(self._on_manual_range)
        self.view_box.sigXRangeChanged.connect(self._on_x_range)

        self.area = StackedAreaItem()
        self.plot_item.addItem(self.area)
        # One stand-in per list: what the legend shows and toggles; the area item draws.
        self.curves: dict[str, LegendEntry] = {}
        for key in history.keys:
            curve = LegendEntry(list_color(key))
            curve.visibleChanged.connect(lambda k=key: self._on_curve_visibility(k))
            self.curves[key] = curve

        self.legend = pg.LegendItem(
            colCount=len(history.keys), labelTextColor="#222222", horSpacing=14, sampleType=SwatchSample
        )
        self.legend.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.export_item.addItem(self.legend, row=2, col=0)
        self.export_item.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignLeft)
        self.title = pg.LabelItem("", color="#222222", size="11pt")  # in the layout only while exported

        self.crosshair = pg.InfiniteLine(
            angle=90, movable=False, pen=pg.mkPen("#222222", width=1, style=Qt.PenStyle.DashLine)
        )
        self.crosshair.setZValue(100)
        self.crosshair.hide()
        self.plot_item.addItem(self.crosshair, ignoreBounds=True)
        # The readout is a widget over the chart, not a scene item: never clipped by the plot,
        # kept inside the window, and never part of an exported picture.
        self.readout = QLabel(self.graphics)
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        self.readout.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.readout.setStyleSheet(
            "QLabel { background: rgba(255,255,255,248); border: 1px solid #888;"
            " padding: 3px; color: #1d1d1d; }"
        )
        self.readout.hide()
        self.graphics.scene().sigMouseMoved.connect(self.hover)
        self.graphics.viewport().installEventFilter(self)

        self.follow_button = QPushButton(translate("HistoryView", "Follow live"), self)
        self.follow_button.setCheckable(True)
        self.follow_button.setChecked(True)
        self.follow_button.setToolTip(
            translate("HistoryView", "Keep the newest readings in view (drag or zoom the chart to inspect)")
        )
        self.follow_button.toggled.connect(self.set_follow)
        self.whole_ram_button = QPushButton(translate("HistoryView", "Whole RAM"), self)
        self.whole_ram_button.setCheckable(True)
        self.whole_ram_button.setToolTip(
            translate(
                "HistoryView",
                "Scale the chart to all of physical memory (otherwise it scales to the lists shown)",
            )
        )
        self.whole_ram_button.toggled.connect(self.set_whole_ram)
        self.status = QLabel(self)
        top = QHBoxLayout()
        top.setContentsMargins(4, 4, 4, 0)
        top.addWidget(self.status, 1)
        top.addWidget(self.whole_ram_button)
        top.addWidget(self.follow_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(top)
        column.addWidget(self.graphics, 1)
        self._update_status()

    # ----- public -------------------------------------------------------------------------

    def set_span(self, seconds: int) -> None:
        """How much history the live view shows; resumes following."""
        self.span = int(seconds)
        self.set_follow(True)

    def set_follow(self, follow: bool) -> None:
        """Keep the newest readings in view (True), or hold the view still to inspect it."""
        self.follow = follow
        if self.follow_button.isChecked() != follow:
            self.follow_button.setChecked(follow)
        if follow:
            self._apply_follow_range()
        self._update_status()

    def set_whole_ram(self, whole: bool) -> None:
        """Scale the y-axis to all of RAM (True) or to the lists shown in the visible stretch."""
        self.whole_ram = whole
        if self.whole_ram_button.isChecked() != whole:
            self.whole_ram_button.setChecked(whole)
        self._redraw()

    def set_active(self, active: bool) -> None:
        """Whether the chart may draw while shown; an inactive view only notes news (see class doc)."""
        self.gate.set_active(active)

    def refresh(self, force: bool = False) -> None:
        """Take in new samples from the history: drawn now when visible, else when shown.

        ``force`` redraws even when the news would not move a pixel (exports, benchmarks).
        """
        if self.gate.note() or force:
            self._reload(force)

    def add_marker(self, result: ActionResult, automatic: bool = False) -> None:
        """Mark the moment an action finished, with its result in the hover readout."""
        self.add_mark(action_mark(result, automatic))

    def action_marks(self) -> tuple[ActionMark, ...]:
        """The markers on the chart, as a snapshot saves them."""
        return tuple(m.mark for m in self.markers)

    def add_mark(self, mark: ActionMark) -> None:
        """Draw one action's marker (a result just in, or one read from a snapshot)."""
        when, title, automatic = mark.time, mark.label, mark.automatic
        origin = self._origin(when)
        color = "#b3261e" if not mark.ok else "#6b5bd6" if automatic else "#2f8a46"
        prefix = translate("HistoryView", "Auto-clean: ") if automatic else ""
        clock = _dt.datetime.fromtimestamp(when).strftime("%H:%M:%S")
        text = f"{clock} {prefix}{title} — {mark.text}"
        line = pg.InfiniteLine(
            pos=when - origin,
            angle=90,
            movable=False,
            pen=pg.mkPen(color, width=1.5, style=Qt.PenStyle.DashLine),
            label=prefix + title,
            labelOpts={
                "position": 0.96,
                "color": color,
                "fill": pg.mkBrush(255, 255, 255, 215),
                "anchors": [(1, 0), (1, 0)],
            },
        )
        line.setZValue(50)  # no Qt tooltip: the readout names the marker (two popups would overlap)
        self.plot_item.addItem(line, ignoreBounds=True)
        self.markers.append(Marker(when, text, line, mark))
        while len(self.markers) > MAX_MARKERS:
            self.plot_item.removeItem(self.markers.pop(0).line)
        if self.gate.open():  # show the movement, even when it is under a pixel wide …
            self._force_next = True  # … with the next reading (an action's follows at once), or alone
            QTimer.singleShot(0, self._forced_reload)

    def chart_x(self, when: float) -> float:
        """The chart's x coordinate of an epoch time."""
        return when - self._origin(when)

    def _origin(self, candidate: float) -> float:
        """The chart's time origin, fixed the first time one is needed."""
        if self.t0 is None:
            self.t0 = candidate
            self.time_axis.offset = candidate
        return self.t0

    def value_at(self, when: float) -> tuple[float, dict[str, float]] | None:
        """The sample nearest ``when``: its time and each shown list's bytes (None without data)."""
        times = self.data.times
        if times.size == 0:
            return None
        i = int(np.clip(np.searchsorted(times, when), 0, times.size - 1))
        if i > 0 and abs(times[i - 1] - when) < abs(times[i] - when):
            i -= 1
        return float(times[i]), {k: float(self.data.values(k)[i]) for k in self._present}

    def hover(self, scene_pos: QPointF) -> None:
        """Show the crosshair and the readout of the sample under a scene position (hide outside)."""
        if not self.view_box.sceneBoundingRect().contains(scene_pos) or len(self.data) == 0:
            self.clear_hover()
            return
        point = self.view_box.mapSceneToView(scene_pos)
        found = self.value_at(point.x() + self._origin(0.0))
        if found is None:
            return
        when, values = found
        self.crosshair.setPos(when - self._origin(when))
        self.crosshair.show()
        self.readout.setText(self._readout_html(when, values))
        self.readout.adjustSize()
        self._place_readout(self.graphics.mapFromScene(scene_pos))
        self.readout.show()

    def clear_hover(self) -> None:
        """Hide the crosshair and the readout."""
        self.crosshair.hide()
        self.readout.hide()

    @contextmanager
    def exporting(self, width: int | None) -> Iterator[None]:
        """Dress the chart for an exported picture ``width`` pixels wide, and undress it after.

        No hover overlay; a title naming the machine and the time range; the chart laid out at
        ``width`` / scale logical pixels, scale = width / EXPORT_TEXT_WIDTH but at least 1, so text
        is never smaller than on screen; the legend wrapped into as many columns as fit.
        """
        self.clear_hover()
        self.title.setText(self.export_title())
        self.export_item.addItem(self.title, row=0, col=0)
        on_screen = self.export_item.geometry()
        columns = self.legend.columnCount
        if width and on_screen.width() > 0:
            logical = width / max(1.0, width / EXPORT_TEXT_WIDTH)
            height = max(EXPORT_MIN_HEIGHT, logical * on_screen.height() / on_screen.width())
            self.legend.setColumnCount(max(1, min(len(self._present), int(logical // LEGEND_ENTRY_WIDTH))))
            self.export_item.setGeometry(QRectF(0, 0, logical, height))
        self._settle_layout()
        try:
            yield
        finally:
            self.export_item.removeItem(self.title)
            self.legend.setColumnCount(columns)
            self.export_item.setGeometry(on_screen)

    def _settle_layout(self) -> None:
        """Paint once to a scratch image and apply the layout: the axes learn their labels' width
        only while painting, so a chart never painted yet would export without room for them."""
        bounds = self.export_item.sceneBoundingRect()
        scratch = QImage(
            max(1, int(bounds.width())), max(1, int(bounds.height())), QImage.Format.Format_ARGB32
        )
        painter = QPainter(scratch)
        try:
            self.graphics.scene().render(painter, QRectF(scratch.rect()), bounds)
        finally:
            painter.end()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def export_title(self) -> str:
        """'RAMLens — memory lists on HOST, FROM – TO' for the stretch in view."""
        (x0, x1), _ = self.view_box.viewRange()
        times = self.data.times
        host = socket.gethostname() or "this machine"
        if times.size == 0:
            return f"RAMLens — memory lists on {host}"
        origin = self._origin(float(times[0]))
        start = max(x0 + origin, float(times[0]))
        end = min(x1 + origin, float(times[-1]))
        first = _dt.datetime.fromtimestamp(start)
        last = _dt.datetime.fromtimestamp(end)
        until = last.strftime("%H:%M:%S" if last.date() == first.date() else "%Y-%m-%d %H:%M:%S")
        return f"RAMLens — memory lists on {host}, {first.strftime('%Y-%m-%d %H:%M:%S')} – {until}"

    # ----- Qt events ----------------------------------------------------------------------

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt's name)
        """A hidden chart shows no hover overlay when it comes back."""
        self.clear_hover()
        super().hideEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Hide the overlay when the pointer leaves; catch up when the window is restored."""
        kind = event.type()
        if kind == QEvent.Type.Leave and watched is self.graphics.viewport():
            self.clear_hover()
        return False

    # ----- drawing ------------------------------------------------------------------------

    def _forced_reload(self) -> None:
        if self._force_next and self.gate.open():
            self._reload(force=True)

    def _reload(self, force: bool = False) -> None:
        """Take in new samples; move the live range and redraw when there is a pixel of news."""
        force, self._force_next = force or self._force_next, False
        self.data.update()
        self.gate.drawn()
        times = self.data.times
        if times.size == 0:
            self.area.set_data(np.zeros(0), np.zeros((0, 0)), ())
            return
        self._origin(float(times[0]))
        structural = self._sync_legend()
        (x0, x1), _ = self.view_box.viewRange()
        seconds_per_pixel = (x1 - x0) / max(1.0, float(self.view_box.width()))
        if not (force or structural) and float(times[-1]) - self._drawn_until < seconds_per_pixel:
            return  # what arrived would land inside the last pixel column: nothing visible changes
        self._moving = True  # the range change below must not redraw on its own
        try:
            if self.follow:
                self._apply_follow_range()
        finally:
            self._moving = False
        self._redraw()

    def _sync_legend(self) -> bool:
        """Legend entries for the lists present; True when they changed."""
        present = self.data.present
        if present == self._present:
            return False
        self._present = present
        self._rebuild_legend()
        return True

    def _rebuild_legend(self) -> None:
        self.legend.clear()
        for key, curve in self.curves.items():
            shown = key in self._present
            curve.blockSignals(True)  # presence is not a person's toggle
            curve.setVisible(shown and key not in self._hidden)
            curve.blockSignals(False)
            if shown:
                self.legend.addItem(curve, list_label(key, LIST_LABELS.get(key, key)))
        for sample, label in self.legend.items:
            # A click on the name toggles the list as a click on its swatch does.
            label.mouseClickEvent = sample.mouseClickEvent

    def _apply_follow_range(self) -> None:
        newest = self.history.latest_time()
        if newest is None:
            return
        oldest = float(self.data.times[0]) if len(self.data) else newest
        origin = self._origin(newest)
        if newest - oldest < MIN_FOLLOW_SECONDS:  # a young history grows from the left edge
            self.view_box.setXRange(oldest - origin, oldest - origin + MIN_FOLLOW_SECONDS, padding=0.0)
            return
        width = min(self.span, newest - oldest)
        self.view_box.setXRange(newest - origin - width, newest - origin, padding=0.0)

    def _redraw(self) -> None:
        """Hand the visible stretch, stacked, to the area item and fit the y-axis to it."""
        times = self.data.times
        if times.size == 0:
            self.area.set_data(np.zeros(0), np.zeros((0, 0)), ())
            return
        origin = self._origin(float(times[0]))
        (x0, x1), _ = self.view_box.viewRange()
        # One sample beyond each edge, so the bands run to the edges of the view.
        lo = max(0, int(np.searchsorted(times, x0 + origin)) - 1)
        hi = min(times.size, int(np.searchsorted(times, x1 + origin)) + 1)
        shown = tuple(k for k in self._present if k not in self._hidden)
        stack = self.data.stacked(lo, hi, shown)
        self.area.set_data(times[lo:hi] - origin, stack, shown, source=self.data.generation)
        total = float(self.data.totals[-1])
        if self.whole_ram or not shown or hi - lo == 0:
            top = total
        else:
            top = min(total, nice_top(float(stack[-1].max()), self._plot_height()))
        self._set_top(top)
        self._drawn_until = float(times[-1])

    def _plot_height(self) -> float:
        return max(100.0, float(self.view_box.height()))

    def _set_top(self, top: float) -> None:
        """The y-range 0..top and the grid lines on its ticks."""
        top = max(top, 1.0)
        if top != self.view_box.viewRange()[1][1]:
            self.view_box.setYRange(0, top, padding=0.0)
        step = BytesAxis.round_step(top, self._plot_height())
        self.area.grid_values = [float(v) for v in np.arange(step, top, step)]

    def _on_x_range(self, *_: object) -> None:
        if not self._moving:
            self._redraw()

    def _on_manual_range(self, *_: object) -> None:
        if self.follow:
            self.set_follow(False)

    def _on_curve_visibility(self, key: str) -> None:
        if key not in self._present:
            return
        if self.curves[key].isVisible():
            self._hidden.discard(key)
        else:
            self._hidden.add(key)
        label = self.legend.getLabel(self.curves[key])
        if label is not None:
            label.setText(
                list_label(key, LIST_LABELS.get(key, key)),
                color="#999999" if key in self._hidden else "#222222",
            )
        self._redraw()

    def set_paused(self, paused: bool) -> None:
        """Say whether readings are coming (the header must not claim "Live" while sampling is paused)."""
        self.paused = paused
        self._update_status()

    def _update_status(self) -> None:
        span = translate("HistoryView", dict(SPAN_CHOICES).get(self.span, f"{self.span} s"))
        if self.follow and self.paused:
            text = translate(
                "HistoryView",
                "Paused — last {span} before the pause. View › Resume takes new readings again.",
            )
        elif self.follow:
            text = translate(
                "HistoryView",
                "Live — last {span}. Drag or scroll the chart to inspect; click a legend entry to hide it.",
            )
        else:
            text = translate(
                "HistoryView",
                "Inspecting — the chart holds still. Press “Follow live” to return to the newest readings.",
            )
        self.status.setText(text.format(span=span))

    def _place_readout(self, pointer: QPoint) -> None:
        """Beside the pointer at the plot's top, on whichever side has room, inside the chart widget."""
        plot_top = self.graphics.mapFromScene(self.view_box.sceneBoundingRect().topLeft()).y()
        size = self.readout.size()
        room = self.graphics.width()
        x = pointer.x() + READOUT_GAP
        if x + size.width() > room:
            x = pointer.x() - READOUT_GAP - size.width()
        x = max(0, min(x, room - size.width()))
        y = max(0, min(plot_top, self.graphics.height() - size.height()))
        self.readout.move(x, y)

    def _readout_html(self, when: float, values: dict[str, float]) -> str:
        rows = [f"<b>{_dt.datetime.fromtimestamp(when).strftime('%Y-%m-%d %H:%M:%S')}</b>"]
        for key in reversed(self._present):  # top of the stack first, as on screen
            color = list_color(key).name()
            muted = " style='color:#999'" if key in self._hidden else ""
            label = list_label(key, LIST_LABELS.get(key, key))
            rows.append(
                f"<span style='color:{color}'>■</span><span{muted}> {label}: "
                f"{format_bytes(values[key], digits=2)}</span>"
            )
        pixel = self.view_box.viewPixelSize()[0]
        rows += [f"<i>{m.text}</i>" for m in self.markers if abs(m.time - when) <= 4 * pixel]
        return "<br>".join(rows)
