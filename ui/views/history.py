"""The history view: every list over time as a stacked area adding up to physical memory.

Backed by the History ring buffer. The cumulative stack is computed once per new sample; a
redraw only slices the visible stretch and averages it down to about two points per pixel, so
24 hours at one sample per second draws as fast as five minutes.
"""

from __future__ import annotations

import datetime as _dt
import math
import time
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from app.history import History
from app.i18n import N_
from app.model import LIST_LABELS, ActionResult
from app.units import format_bytes
from ui.colors import list_color
from ui.i18n import translate
from ui.runner import action_title
from ui.views.chartdata import ChartData

SPAN_CHOICES: tuple[tuple[int, str], ...] = (
    (300, N_("HistoryView", "5 minutes")),
    (3600, N_("HistoryView", "1 hour")),
    (86400, N_("HistoryView", "24 hours")),
)
MIN_FOLLOW_SECONDS = 5  # the narrowest live view; a history younger than the span fills the width
MAX_MARKERS = 500
_BIN_UNITS = ((1 << 40, "TiB"), (1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB"), (1, "B"))
_NICE_STEPS = (1, 2, 4, 5, 8, 10, 16, 20, 25, 32, 50, 64, 100, 128, 256, 512, 1000)


class BytesAxis(pg.AxisItem):
    """A value axis in binary units with ticks on round GiB/MiB figures (1, 2, 4, 8 … GiB)."""

    def tickSpacing(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, float]]:  # noqa: N802,N803
        """One level of round binary steps, about one label per 45 pixels."""
        span = maxVal - minVal
        if span <= 0 or size <= 0:
            return super().tickSpacing(minVal, maxVal, size)
        wanted = max(2.0, size / 45.0)
        unit = next(u for u, _ in _BIN_UNITS if span / u >= 1 or u == 1)
        raw = span / wanted / unit
        step = next((s for s in _NICE_STEPS if s >= raw), _NICE_STEPS[-1] * math.ceil(raw / _NICE_STEPS[-1]))
        return [(step * unit, 0.0)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        """'4 GiB' style labels in the unit of the tick spacing."""
        unit, name = next(((u, n) for u, n in _BIN_UNITS if spacing >= u), (1, "B"))
        return [f"{v / unit:g} {name}" for v in values]


class OffsetDateAxis(pg.DateAxisItem):
    """Clock-time axis for x values counted from ``offset`` (epoch seconds).

    The chart plots seconds since its first sample rather than since 1970: SVG keeps six
    significant digits, which for epoch seconds would be a resolution of hours.
    """

    offset = 0.0

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:  # noqa: N802,N803
        """One level of the parent's clock ticks (one label format), shifted into chart coordinates.

        The coarsest level with at least four ticks, so labels are round times and never crowd.
        """
        ticks = super().tickValues(minVal + self.offset, maxVal + self.offset, size)
        levels = sorted(((s, list(v)) for s, v in ticks if len(v)), key=lambda level: -level[0])
        if not levels:
            return []
        spacing, values = next((level for level in levels if len(level[1]) >= 4), levels[-1])
        if len(values) >= 2:  # pyqtgraph may report its finest unit here rather than the real step
            spacing = min(b - a for a, b in zip(values, values[1:], strict=False))
        return [(spacing, [v - self.offset for v in values])]

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
    """Every list's band of the stack, each painted once as one polygon with its top edge.

    Cheaper than one filled curve per list: no overdraw, no per-segment path building, and
    the points are mapped to pixels here, because Qt's rasterizer is slow on polygons given
    in byte-sized coordinates under a large scaling transform.
    ``layers`` maps a list key to (x, lower edge, upper edge), bottom layer first.
    """

    def __init__(self) -> None:
        super().__init__()
        self.layers: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self.grid_values: list[float] = []  # byte values of the horizontal grid lines
        self._bounds = QRectF()

    def set_layers(self, layers: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]) -> None:
        """Replace the bands (arrays of equal length per band)."""
        self.prepareGeometryChange()
        self.layers = {k: v for k, v in layers.items() if v[0].size}
        if self.layers:
            xs = next(iter(self.layers.values()))[0]
            top = max(float(v[2].max()) for v in self.layers.values())
            self._bounds = QRectF(float(xs[0]), 0.0, float(xs[-1] - xs[0]), top)
        else:
            self._bounds = QRectF()
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        """The extent of the data."""
        return self._bounds

    def paint(self, painter: QPainter, *_: object) -> None:
        """Fill each band, then draw its top edge one shade darker, in device pixels."""
        t = painter.transform()
        painter.save()
        painter.resetTransform()
        for key, (xs, lower, upper) in self.layers.items():
            n = xs.size
            px = t.m11() * xs + t.dx()
            band = pg.functions.create_qpolygonf(2 * n)
            points = pg.functions.ndarray_from_qpolygonf(band)
            points[:n, 0], points[:n, 1] = px, t.m22() * upper + t.dy()
            points[n:, 0], points[n:, 1] = px[::-1], (t.m22() * lower + t.dy())[::-1]
            color = list_color(key)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawPolygon(band)
            edge = pg.functions.create_qpolygonf(n)
            pg.functions.ndarray_from_qpolygonf(edge)[:] = points[:n]
            painter.setPen(pg.mkPen(color.darker(125), width=1))
            painter.drawPolyline(edge)
        # Light grid lines over the bands (pyqtgraph's own grid costs more than the whole chart).
        if self.grid_values and self.layers:
            x_left = t.m11() * float(self._bounds.left()) + t.dx()
            x_right = t.m11() * float(self._bounds.right()) + t.dx()
            painter.setPen(pg.mkPen(255, 255, 255, 70, width=1))
            for value in self.grid_values:
                y = t.m22() * value + t.dy()
                painter.drawLine(QPointF(x_left, y), QPointF(x_right, y))
        painter.restore()


class SwatchSample(pg.ItemSample):
    """A legend sample drawn as a filled square in the list's colour; an empty one when hidden."""

    def paint(self, painter: QPainter, *_: object) -> None:
        """Square swatch; outline only while the list is hidden."""
        brush = self.item.opts.get("fillBrush")
        color = pg.mkBrush(brush).color() if brush is not None else QColor("#888888")
        painter.setPen(pg.mkPen(color.darker(130), width=1))
        painter.setBrush(pg.mkBrush(color) if self.item.isVisible() else pg.mkBrush(None))
        painter.drawRect(QRectF(3, 4, 13, 13))


@dataclass(frozen=True)
class Marker:
    """An action shown on the chart."""

    time: float
    text: str
    line: pg.InfiniteLine


class HistoryView(QWidget):
    """Stacked areas of every list, a clock-time axis, a toggling legend, a crosshair and markers."""

    def __init__(self, history: History, parent: QWidget | None = None):
        super().__init__(parent)
        self.history = history
        self.span = SPAN_CHOICES[0][0]
        self.follow = True
        self._hidden: set[str] = set()
        self._present: tuple[str, ...] = ()
        self._stale = True  # samples arrived that the chart has not taken in
        self._moving = False
        self._drawn_until = -math.inf  # time of the newest sample drawn
        self.data = ChartData(history)
        self.markers: list[Marker] = []
        self.t0: float | None = None  # epoch seconds at chart x = 0, fixed at the first sample

        self.graphics = pg.GraphicsLayoutWidget(self)
        self.graphics.setBackground("w")
        self.graphics.ci.setContentsMargins(4, 4, 12, 4)
        self.time_axis = OffsetDateAxis(orientation="bottom")
        self.plot_item: pg.PlotItem = self.graphics.addPlot(
            row=0, col=0, axisItems={"bottom": self.time_axis, "left": BytesAxis("left")}
        )
        self.export_item = self.graphics.ci  # plot and legend together: what Export writes
        self.plot_item.setMouseEnabled(x=True, y=False)
        self.plot_item.hideButtons()
        self.plot_item.setMenuEnabled(False)
        for name in ("left", "bottom"):
            axis = self.plot_item.getAxis(name)
            axis.setPen(pg.mkPen("#555555"))
            axis.setTextPen(pg.mkPen("#333333"))
        self.view_box = self.plot_item.getViewBox()
        self.view_box.setLimits(yMin=0)
        self.view_box.sigRangeChangedManually.connect(self._on_manual_range)
        self.view_box.sigXRangeChanged.connect(self._on_x_range)

        self.area = StackedAreaItem()
        self.plot_item.addItem(self.area)
        # One empty item per list: what the legend shows and toggles; the area item draws.
        self.curves: dict[str, pg.PlotDataItem] = {}
        for key in history.keys:
            color = list_color(key)
            curve = pg.PlotDataItem(
                pen=pg.mkPen(color.darker(125)), fillBrush=pg.mkBrush(color), fillLevel=0.0
            )
            curve.visibleChanged.connect(lambda k=key: self._on_curve_visibility(k))
            self.curves[key] = curve

        self.legend = pg.LegendItem(
            colCount=len(history.keys), labelTextColor="#222222", horSpacing=14, sampleType=SwatchSample
        )
        self.legend.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.graphics.addItem(self.legend, row=1, col=0)
        self.graphics.ci.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignLeft)

        self.crosshair = pg.InfiniteLine(
            angle=90, movable=False, pen=pg.mkPen("#222222", width=1, style=Qt.PenStyle.DashLine)
        )
        self.crosshair.setZValue(100)
        self.readout = pg.TextItem(
            anchor=(0, 0), fill=pg.mkBrush(255, 255, 255, 248), border=pg.mkPen("#888888")
        )
        self.readout.setZValue(101)
        for item in (self.crosshair, self.readout):
            item.hide()
            self.plot_item.addItem(item, ignoreBounds=True)
        self._mouse_proxy = pg.SignalProxy(
            self.graphics.scene().sigMouseMoved, rateLimit=60, slot=self._on_mouse
        )

        self.follow_button = QPushButton(translate("HistoryView", "Follow live"), self)
        self.follow_button.setCheckable(True)
        self.follow_button.setChecked(True)
        self.follow_button.setToolTip(
            translate("HistoryView", "Keep the newest readings in view (drag or zoom the chart to inspect)")
        )
        self.follow_button.toggled.connect(self.set_follow)
        self.status = QLabel(self)
        top = QHBoxLayout()
        top.setContentsMargins(4, 4, 4, 0)
        top.addWidget(self.status, 1)
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

    def refresh(self, force: bool = False) -> None:
        """Take in new samples from the history: drawn now when visible, else when shown.

        ``force`` redraws even when the news would not move a pixel (exports, benchmarks).
        """
        self._stale = True
        if force or self.isVisible():
            self._reload(force)

    def add_marker(self, result: ActionResult, automatic: bool = False) -> None:
        """Mark the moment an action finished, with its result on hover."""
        when = result.after.time if result.after is not None else time.time()
        origin = self._origin(when)
        title = action_title(result.action_id)
        if result.ok:
            detail = result.summary()
            color = "#2f8a46" if not automatic else "#6b5bd6"
        else:
            detail = f"failed: {result.message}"
            color = "#b3261e"
        prefix = "Auto-clean: " if automatic else ""
        clock = _dt.datetime.fromtimestamp(when).strftime("%H:%M:%S")
        text = f"{clock} {prefix}{title} — {detail}"
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
        line.setZValue(50)
        line.setToolTip(text)
        if line.label is not None:
            line.label.setToolTip(text)
        self.plot_item.addItem(line, ignoreBounds=True)
        self.markers.append(Marker(when, text, line))
        while len(self.markers) > MAX_MARKERS:
            self.plot_item.removeItem(self.markers.pop(0).line)
        if self.isVisible():  # show the movement now, even when it is under a pixel wide
            self._reload(force=True)

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

    # ----- drawing ------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        """Catch up on samples that came while hidden."""
        super().showEvent(event)
        if self._stale:
            self._reload(force=True)

    def _reload(self, force: bool = False) -> None:
        """Take in new samples; move the live range and redraw when there is a pixel of news."""
        self.data.update()
        self._stale = False
        times = self.data.times
        if times.size == 0:
            self.area.set_layers({})
            return
        self._origin(float(times[0]))
        structural = self._sync_lists_and_height()
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

    def _sync_lists_and_height(self) -> bool:
        """Legend entries and the height (total RAM); True when either changed."""
        changed = False
        present = self.data.present
        if present != self._present:
            self._present = present
            self._rebuild_legend()
            changed = True
        top = float(self.data.totals[-1])  # RAM does not change size while we run
        if top != self.view_box.viewRange()[1][1]:
            self.view_box.setYRange(0, top, padding=0.0)
            axis = self.plot_item.getAxis("left")
            step = axis.tickSpacing(0.0, top, max(100.0, float(self.view_box.height())))[0][0]
            self.area.grid_values = [float(v) for v in np.arange(step, top, step)]
            changed = True
        return changed

    def _rebuild_legend(self) -> None:
        self.legend.clear()
        for key, curve in self.curves.items():
            shown = key in self._present
            curve.blockSignals(True)  # presence is not a person's toggle
            curve.setVisible(shown and key not in self._hidden)
            curve.blockSignals(False)
            if shown:
                self.legend.addItem(curve, LIST_LABELS.get(key, key))

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
        """Average the visible stretch down to ~2 points per pixel and hand it to the curves."""
        times = self.data.times
        if times.size == 0:
            self.area.set_layers({})
            return
        origin = self._origin(float(times[0]))
        (x0, x1), _ = self.view_box.viewRange()
        lo = max(0, int(np.searchsorted(times, x0 + origin)) - 1)
        hi = min(times.size, int(np.searchsorted(times, x1 + origin)) + 1)
        n = hi - lo
        budget = max(200, int(self.view_box.width() or 800))  # one point per pixel column
        stride = max(1, math.ceil(n / budget))
        # Averaging is linear, so averaging each list and then stacking equals averaging the stack,
        # and only the visible, already reduced stretch is stacked.
        xs = _bucket_mean(times[lo:hi], stride) - origin
        shown = [k for k in self._present if k not in self._hidden]
        means = _bucket_mean(self.data.block(lo, hi, shown), stride)  # one pass for every list
        stacked = np.cumsum(means, axis=1)
        layers = {}
        lower = np.zeros(xs.size)
        for column, key in enumerate(shown):
            layers[key] = (xs, lower, stacked[:, column])
            lower = stacked[:, column]
        self.area.set_layers(layers)
        self._drawn_until = float(times[-1])

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
            label.setText(LIST_LABELS.get(key, key), color="#999999" if key in self._hidden else "#222222")
        self._redraw()

    def _update_status(self) -> None:
        span = translate("HistoryView", dict(SPAN_CHOICES).get(self.span, f"{self.span} s"))
        if self.follow:
            self.status.setText(
                translate(
                    "HistoryView",
                    "Live — last {span}. Drag or scroll the chart to inspect; click a "
                    "legend entry to hide it.",
                ).format(span=span)
            )
        else:
            self.status.setText(
                translate(
                    "HistoryView",
                    "Inspecting — the chart holds still. Press “Follow live” to return to "
                    "the newest readings.",
                )
            )

    def _on_mouse(self, event: tuple[QPointF]) -> None:
        pos = event[0]
        if not self.view_box.sceneBoundingRect().contains(pos) or len(self.data) == 0:
            self.crosshair.hide()
            self.readout.hide()
            return
        point = self.view_box.mapSceneToView(pos)
        found = self.value_at(point.x() + self._origin(0.0))
        if found is None:
            return
        when, values = found
        self.crosshair.setPos(when - self._origin(when))
        self.crosshair.show()
        self.readout.setHtml(self._readout_html(when, values))
        (x0, x1), (y0, y1) = self.view_box.viewRange()
        right_half = point.x() > (x0 + x1) / 2
        self.readout.setAnchor((1, 0) if right_half else (0, 0))
        self.readout.setPos(point.x(), y1)
        self.readout.show()

    def _readout_html(self, when: float, values: dict[str, float]) -> str:
        rows = [f"<b>{_dt.datetime.fromtimestamp(when).strftime('%Y-%m-%d %H:%M:%S')}</b>"]
        for key in reversed(self._present):  # top of the stack first, as on screen
            color = list_color(key).name()
            muted = " style='color:#999'" if key in self._hidden else ""
            rows.append(
                f"<span style='color:{color}'>■</span><span{muted}> {LIST_LABELS.get(key, key)}: "
                f"{format_bytes(values[key], digits=2)}</span>"
            )
        pixel = self.view_box.viewPixelSize()[0]
        rows += [f"<i>{m.text}</i>" for m in self.markers if abs(m.time - when) <= 4 * pixel]
        return "<div style='color:#1d1d1d'>" + "<br>".join(rows) + "</div>"


def _bucket_mean(values: np.ndarray, stride: int) -> np.ndarray:
    """Means of consecutive groups of ``stride`` rows (the last group may be shorter).

    Works on 1-D series and on 2-D blocks (rows = samples, columns = lists) alike.
    """
    rows = values.shape[0]
    if stride <= 1 or rows <= stride:
        return values
    whole = rows // stride * stride
    out = values[:whole].reshape(-1, stride, *values.shape[1:]).mean(axis=1)
    if whole < rows:
        out = np.concatenate([out, values[whole:].mean(axis=0, keepdims=True)])
    return out
