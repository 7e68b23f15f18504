"""The memory-lists view: one bar of all physical memory, and a table of every list and its parts."""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import detailinfo
from app.i18n import N_
from app.model import REPURPOSED_PREFIX, Detail, DetailUnit, MemoryList, Sample
from app.units import format_bytes, format_percent
from ui.colors import list_color, part_color
from ui.i18n import translate
from ui.runner import list_label
from ui.views.cells import RIGHT, swatch
from ui.views.celltree import CellPaintTree
from ui.views.gate import WorkGate
from ui.views.pace import ExactPace
from ui.views.tipfresh import FreshTooltips

# The exact columns come last: they follow the slower pace of ui/views/pace.py.
COL_NAME, COL_SIZE, COL_SHARE, COL_PAGES, COL_REPURPOSED = range(5)
HEADERS = (
    N_("ListsView", "List"),
    N_("ListsView", "Size"),
    N_("ListsView", "Share of RAM"),
    N_("ListsView", "Pages"),
    N_("ListsView", "Repurposed"),
)
COLOR_ROLE = Qt.ItemDataRole.UserRole + 2  # the share bar's colour, as QColor.rgba()
TEXT_ROOM = 64  # pixels kept free of the share bar for the percentage
TOTAL_PATH: tuple[str, ...] = ("__total__",)
TREE_HEIGHT_CAP = 460  # the lists table never asks for more than this (Windows has many parts)
WIDTHS_KEPT = 512  # label widths the memory bar remembers before it starts afresh


def detail_text(value: Detail, unit: DetailUnit | None) -> str:
    """A detail's value as the Details pane shows it, in its unit."""
    if isinstance(value, int) and unit is DetailUnit.BYTES:
        return format_bytes(value)
    if isinstance(value, int) and unit is DetailUnit.PAGES:
        return translate("ListsView", "{value:,} pages").format(value=value)
    if isinstance(value, (int, float)) and unit is DetailUnit.SECONDS:
        return f"{value:,} s"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.3f}"
    return value


def detail_exact(value: Detail, unit: DetailUnit | None, page_size: int) -> str:
    """The exact figure behind a rounded value ("" when the value is already exact)."""
    if isinstance(value, int) and unit is DetailUnit.BYTES:
        return exact_bytes(value)
    if isinstance(value, int) and unit is DetailUnit.PAGES:
        return format_bytes(value * page_size)
    return ""


def exact_bytes(n: int) -> str:
    """'1,234,567,890 bytes' — the tooltip that goes with a human size."""
    return translate("ListsView", "{count} bytes").format(count=f"{n:,}")


@dataclass(frozen=True)
class Segment:
    """One list's stretch of the memory bar."""

    key: str
    label: str
    bytes: int
    color: QColor


class MemoryBar(QWidget):
    """All of physical memory as one horizontal bar, split by list in the lists' colours."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.segments: tuple[Segment, ...] = ()
        self.total = 0
        # The width, and each segment's key, right edge in pixels and label: what a paint shows.
        self._drawn_look: tuple[int, tuple[tuple[str, int, str], ...]] | None = None
        self._laid: tuple[int, list[tuple[Segment, QRectF, str]]] = (-1, [])  # the width it was laid out for
        self._bold: QFont | None = None  # the labels' font, made when first needed
        self._metrics: QFontMetrics | None = None
        self._widths: dict[str, int] = {}  # each label's width in that font
        self._names: dict[tuple[str, str], tuple[str, QColor]] = {}  # by list key and label: see _named
        # It fills its whole rectangle: Qt need not paint the window beneath it first.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumHeight(34)
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """Wide and short."""
        return QSize(600, 38)

    def set_sample(self, sample: Sample) -> None:
        """Split the bar by the sample's lists; repaint only when a pixel or a label would change."""
        self.total = max(sample.total_bytes, sum(m.bytes for m in sample.lists))
        segments = []
        for m in sample.lists:
            if m.bytes:
                label, color = self._named(m.key, m.label)
                segments.append(Segment(m.key, label, m.bytes, color))
        self.segments = tuple(segments)
        layout = self._layout()
        self._laid = (self.width(), layout)
        look = tuple((seg.key, round(rect.right()), text) for seg, rect, text in layout)
        old, self._drawn_look = self._drawn_look, (self.width(), look)
        if old == self._drawn_look:
            return
        if old and old[0] == self.width() and [x[:2] for x in old[1]] == [x[:2] for x in look]:
            # The same segments and edges: repaint only the segments whose label changed.
            for (_, rect, text), before in zip(layout, old[1], strict=True):
                if text != before[2]:
                    self.update(rect.toAlignedRect())
        else:
            self.update()

    def _named(self, key: str, label: str) -> tuple[str, QColor]:
        """A list's label in the window's language and its colour, made once per list."""
        named = self._names.get((key, label))
        if named is None:
            named = self._names[(key, label)] = (list_label(key, label), list_color(key))
        return named

    def _layout(self) -> list[tuple[Segment, QRectF, str]]:
        """Each segment, its rectangle and the label drawn in it ("" when none fits): the name and
        size, else the size alone."""
        advance = self._advance
        narrowest = advance("0 B") + 8  # no label fits a narrower segment
        out: list[tuple[Segment, QRectF, str]] = []
        for seg, rect in self._rects():
            if rect.width() < narrowest:
                out.append((seg, rect, ""))
                continue
            size = format_bytes(seg.bytes)
            text = f"{seg.label} {size}"
            if advance(text) + 12 > rect.width():
                text = size
            if advance(text) + 8 > rect.width():
                text = ""
            out.append((seg, rect, text))
        return out

    def _advance(self, text: str) -> int:
        """The width of a label in the bold font: measured once per text (labels recur every tick)."""
        width = self._widths.get(text)
        if width is None:
            if len(self._widths) >= WIDTHS_KEPT:
                self._widths.clear()
            width = self._widths[text] = self._label_metrics().horizontalAdvance(text)
        return width

    def _label_metrics(self) -> QFontMetrics:
        if self._metrics is None:
            self._metrics = QFontMetrics(self._label_font())
        return self._metrics

    def _label_font(self) -> QFont:
        if self._bold is None:
            self._bold = QFont(self.font())
            self._bold.setBold(True)
        return self._bold

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        """A new font: measure the labels afresh."""
        if event.type() == QEvent.Type.FontChange:
            self._bold, self._metrics = None, None
            self._widths.clear()
        super().changeEvent(event)

    def _rects(self) -> list[tuple[Segment, QRectF]]:
        out = []
        area = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        x = area.left()
        for seg in self.segments:
            w = area.width() * seg.bytes / self.total if self.total else 0.0
            out.append((seg, QRectF(x, area.top(), w, area.height())))
            x += w
        return out

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        """Segments with their label inside when it fits; labels outside the repainted area are skipped."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(event.rect(), self.palette().base())
        painter.setFont(self._label_font())
        dirty = QRectF(event.rect())
        width, layout = self._laid
        for seg, rect, text in layout if width == self.width() else self._layout():
            if not rect.intersects(dirty):
                continue  # Qt clips it away anyway: a changed label repaints its own segment only
            painter.fillRect(rect, seg.color)
            if text:
                painter.setPen(QColor("#ffffff") if seg.color.lightness() < 150 else QColor("#1d1d1d"))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.setPen(self.palette().mid().color())
        painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        painter.end()

    def segment_at(self, x: float) -> Segment | None:
        """The list under a horizontal position, or None."""
        return next((seg for seg, rect in self._rects() if rect.left() <= x < rect.right()), None)

    def event(self, event: QEvent) -> bool:
        """A tooltip naming the list under the pointer, its size and share."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            seg = self.segment_at(event.pos().x())  # a QHelpEvent has pos(), not position()
            if seg is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(
                    event.globalPos(),
                    f"<b>{seg.label}</b><br>{format_bytes(seg.bytes, digits=2)} "
                    f"({format_percent(seg.bytes, self.total)} of RAM)<br>{exact_bytes(seg.bytes)}",
                    self,
                )
            return True
        return super().event(event)


class SteadyHolder(QWidget):
    """Holds one widget filling it, outside any layout, so a change of its text relays out nothing.

    A QLabel's new text asks every parent up to the window for a new layout, and the tab widget
    answers that by repainting all of itself: with the summary changing every second, that was
    most of the lists tab's cost at rest. The holder's height follows what the child needs at its
    width, and changes (relaying out once) only when that does.
    """

    def __init__(self, child: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.child = child
        child.setParent(self)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        # Opaque: a new text repaints the holder alone, not every widget beneath it up to the window.
        self.setAutoFillBackground(True)
        self.fit()

    def fit(self) -> None:
        """Take the height the child needs at the holder's width."""
        width = self.width()
        height = self.child.heightForWidth(width) if self.child.hasHeightForWidth() else -1
        if height < 0:
            height = self.child.sizeHint().height()
        if height != self.minimumHeight() or height != self.maximumHeight():
            self.setFixedHeight(height)
        self.child.setGeometry(0, 0, width, height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        """The child fills the holder; a new width may need another height."""
        self.fit()
        super().resizeEvent(event)


class ShareDelegate(QStyledItemDelegate):
    """Draws the share-of-RAM column as a thin bar in the list's colour under the figure."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """Bar first, then the usual text on top."""
        rgba = index.data(COLOR_ROLE)  # an int: cheaper to hand over from C++ than a QColor
        share = _share_of(index.data()) if isinstance(rgba, int) else None
        if share is not None and isinstance(rgba, int):
            if not option.state.value & _SELECTED:
                # The common case stays in C++ after the bar: building a second style option here
                # in Python cost more than Qt drawing the whole cell.
                painter.fillRect(_bar_rect(option.rect, share), _bar_fill(rgba))
                super().paint(painter, option, index)
                return
            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, index)
            if opt.state & QStyle.StateFlag.State_Selected:
                painter.fillRect(opt.rect, opt.palette.highlight())
            painter.fillRect(_bar_rect(opt.rect, share), _bar_fill(rgba))
            opt.backgroundBrush = QBrush()
            opt.state &= ~QStyle.StateFlag.State_Selected  # the text stays readable over the bar
            style = opt.widget.style() if opt.widget else None
            if style is not None:
                style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
                return
        super().paint(painter, option, index)


_SELECTED = QStyle.StateFlag.State_Selected.value  # tested as an int: Python's flag operators are dear


@cache  # a share reads as one of about a thousand figures
def _share_of(text: object) -> float | None:
    """The fraction of RAM a share cell shows ("12.3 %" is 0.123), None for "–": the bar is drawn from
    the figure written on it, so the two always agree and only a new figure repaints the cell."""
    if isinstance(text, str) and text.endswith(" %"):
        try:
            return float(text[:-2]) / 100
        except ValueError:
            return None
    return None


def _bar_rect(cell: QRect, share: float) -> QRect:
    """The share bar inside a cell: inset, leaving the figure its room on the right."""
    bar = cell.adjusted(4, 4, -(8 + TEXT_ROOM), -4)
    bar.setWidth(max(1, int(bar.width() * min(1.0, share))) if share > 0 else 0)
    return bar


@cache
def _bar_fill(rgba: int) -> QColor:
    """A list's colour, translucent under the figure (made once per colour, never mutated)."""
    fill = QColor.fromRgba(rgba)
    fill.setAlpha(110)
    return fill


@dataclass(frozen=True)
class _Row:
    """What one row of the table shows, kept to write only the cells that change."""

    texts: tuple[str, ...]  # by column; the exact ones (Pages, Repurposed) follow the slower pace
    bytes: int
    style: tuple[int, ...]  # colour and page size: the icon, the bar's colour, the pages tooltip

    def reads_as(self, other: _Row) -> bool:
        """Whether the two rows look the same at a glance: all but the exact columns."""
        return self.texts[:COL_PAGES] == other.texts[:COL_PAGES] and self.style == other.style

    def at_a_glance(self, shown: _Row) -> _Row:
        """This row's rounded figures with the exact ones (columns, bytes) still as ``shown``."""
        return _Row(self.texts[:COL_PAGES] + shown.texts[COL_PAGES:], shown.bytes, self.style)


@cache
def _row_color(list_key: str, index: int, parts: int) -> QColor:
    """A list's colour (``parts`` 0) or its ``index``-th part's shade, made once (never mutated)."""
    return list_color(list_key) if parts == 0 else part_color(list_key, index, parts)


class ListsView(QWidget):
    """RAMMap's "Use counts" / System Informer's memory lists, for one sample at a time."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.sample: Sample | None = None
        self.summary = QLabel(translate("ListsView", "Waiting for the first reading…"), self)
        # Wrapped: a long limited-view sentence must not make the view thousands of pixels wide.
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.bar = MemoryBar(self)
        self.tree = CellPaintTree(self)
        self.tree.itemExpanded.connect(self._fit_tree)
        self.tree.itemCollapsed.connect(self._fit_tree)
        self.tree.setColumnCount(len(HEADERS))
        self.tree.setHeaderLabels([translate("ListsView", h) for h in HEADERS])
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setItemDelegateForColumn(COL_SHARE, ShareDelegate(self.tree))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.ResizeToContents)
        for col, width in ((COL_SIZE, 100), (COL_PAGES, 120), (COL_REPURPOSED, 110)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        header.setSectionResizeMode(COL_SHARE, QHeaderView.ResizeMode.Stretch)  # the share bars get the room
        for col in (COL_SIZE, COL_SHARE, COL_PAGES, COL_REPURPOSED):
            self.tree.headerItem().setTextAlignment(
                col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        self.tree.setColumnHidden(COL_REPURPOSED, True)
        self.details = CellPaintTree(self)
        self.details.setHeaderLabels([translate("ListsView", "Detail"), translate("ListsView", "Value")])
        self.details.setRootIsDecorated(True)
        # One height for every row: a changed value then costs no size computation of its row.
        self.details.setUniformRowHeights(True)
        self.details.setAlternatingRowColors(True)
        self.details.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.details.header().setStretchLastSection(False)
        self.details.header().resizeSection(1, 180)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 6, 4, 4)
        self._summary_holder = SteadyHolder(self.summary, self)
        column.addWidget(self._summary_holder)
        column.addWidget(self.bar)
        column.addWidget(splitter, 1)
        self._items: dict[tuple[str, ...], QTreeWidgetItem] = {}
        self._drawn: dict[tuple[str, ...], _Row] = {}  # what each item shows, to touch only changes
        self._detail_items: dict[str, QTreeWidgetItem] = {}
        self._detail_groups: dict[str, QTreeWidgetItem] = {}
        self._newest: dict[tuple[str, ...], _Row] = {}  # what each row would show with the newest reading
        self._inputs: dict[tuple[str, ...], tuple[object, ...]] = {}  # what each newest row was made from
        self._fitted_rows = 0  # rows in the table when its height was last fitted
        self._detail_drawn: dict[str, tuple[object, ...]] = {}
        self._detail_about: dict[str, str] = {}  # each detail's name tooltip: what it is, its unit
        self._detail_shown: dict[str, tuple[str, str]] = {}  # each detail's value and its tooltip, as written
        self._waiting: Sample | None = None  # the newest reading, drawn when the view may work
        self.gate = WorkGate(self, self._catch_up)
        self.pace = ExactPace()
        self._summary_shape = ""
        self._summary_text = self.summary.text()  # what the summary label shows, and its tooltip
        self._summary_tip = ""
        self._tabular_digits = _tabular_digits(self.summary.font())
        FreshTooltips(self.tree, self._freshen_row)
        FreshTooltips(self.details, self._freshen_detail)
        self._details_behind: set[str] = set()  # details a live reading left unwritten (out of view)
        self.details.verticalScrollBar().valueChanged.connect(self._write_details_behind)
        self.details.itemExpanded.connect(self._write_details_behind)
        self.details.resized.connect(self._write_details_behind)

    def refresh(self, sample: Sample) -> None:
        """A new live reading, drawn now when the view may work, else when it is shown again (WorkGate).
        Its exact figures are written at the slower pace of ``self.pace``."""
        self._waiting = sample
        if self.gate.note():
            self._draw(sample, exact=self.pace.due(sample), live=True)

    def set_active(self, active: bool) -> None:
        """Whether the view may draw while shown; True catches up at once (see WorkGate)."""
        self.gate.set_active(active)

    def _catch_up(self) -> None:
        if self._waiting is not None:
            self.update_sample(self._waiting)

    def update_sample(self, sample: Sample) -> None:
        """Show this sample now, all of it, touching only what changed (items are updated in place,
        so expansion and selection survive)."""
        self._draw(sample, exact=True, live=False)

    def _draw(self, sample: Sample, exact: bool, live: bool) -> None:
        """Show ``sample``. Unless ``exact``, the exact figures (Pages, Repurposed, tooltips, the Details
        pane) stay as they are; ``live`` writes only the details in view."""
        self.sample = self._waiting = sample
        self.gate.drawn()
        if exact:
            self.pace.written(sample)
        total = sample.total_bytes
        summary = translate(
            "ListsView",
            "<b>Physical memory {total}</b> &nbsp;·&nbsp; available "
            "{available_bytes} ({share}) &nbsp;·&nbsp; page size "
            "{page_size}",
        ).format(
            total=format_bytes(total),
            available_bytes=format_bytes(sample.available_bytes),
            share=format_percent(sample.available_bytes, total),
            page_size=format_bytes(sample.page_size),
        ) + (
            translate("ListsView", " &nbsp;·&nbsp; <i>{limited}</i>").format(limited=sample.limited)
            if sample.limited
            else ""
        )
        if summary != self._summary_text:  # kept here: asking the label for its text costs more
            self._summary_text = summary
            self.summary.setText(summary)
            shape = _shape(summary)
            if shape != self._summary_shape or not self._tabular_digits:
                # Laying out rich text for its height is the dearest part of a new summary: with
                # digits of one width, the same text with other digits needs the same height.
                self._summary_shape = shape
                self._summary_holder.fit()
        tip = translate("ListsView", "Total {total}; available {available_bytes}").format(
            total=exact_bytes(total), available_bytes=exact_bytes(sample.available_bytes)
        )
        if tip != self._summary_tip:  # setting a tooltip costs a Qt event even when it is the same
            self._summary_tip = tip
            self.summary.setToolTip(tip)
        self.bar.set_sample(sample)
        repurposed = {
            k[len(REPURPOSED_PREFIX) :]: v
            for k, v in sample.details.items()
            if k.startswith(REPURPOSED_PREFIX)
        }
        if self.tree.isColumnHidden(COL_REPURPOSED) != (not repurposed):
            self.tree.setColumnHidden(COL_REPURPOSED, not repurposed)
        seen: set[tuple[str, ...]] = set()
        for position, mlist in enumerate(sample.lists):
            path: tuple[str, ...] = (mlist.key,)
            item = self._item(path, None, position)
            self._fill(path, item, mlist, sample, _row_color(mlist.key, 0, 0), repurposed, exact)
            seen.add(path)
            for index, part in enumerate(mlist.parts):
                path = (mlist.key, part.key)
                child = self._item(path, item, index)
                color = _row_color(mlist.key, index, len(mlist.parts))
                self._fill(path, child, part, sample, color, repurposed, exact)
                seen.add(path)
        for path in set(self._items) - seen - {TOTAL_PATH}:
            gone = self._items.pop(path)
            self._drawn.pop(path, None)
            self._newest.pop(path, None)
            self._inputs.pop(path, None)
            (gone.parent() or self.tree.invisibleRootItem()).removeChild(gone)
        rows = len(self._items)
        self._fill_total(sample, exact)
        if rows != self._fitted_rows or not live:  # the rows' height is measured when rows come or go
            self._fitted_rows = rows
            self._fit_tree()
        if exact:
            self._fill_details(sample, live)

    def _item(self, path: tuple[str, ...], parent: QTreeWidgetItem | None, position: int) -> QTreeWidgetItem:
        item = self._items.get(path)
        if item is None:
            item = QTreeWidgetItem()
            holder = parent or self.tree.invisibleRootItem()
            holder.insertChild(min(position, holder.childCount()), item)
            item.setExpanded(parent is None)  # parts shown at first; a person may fold them
            self._items[path] = item
            for col in (COL_SIZE, COL_SHARE, COL_PAGES, COL_REPURPOSED):
                item.setTextAlignment(col, RIGHT)
            item.setToolTip(
                COL_REPURPOSED,
                translate("ListsView", "Pages taken from this list for other uses (cumulative)"),
            )
        return item

    def _show_row(self, path: tuple[str, ...], item: QTreeWidgetItem, row: _Row, exact: bool) -> None:
        """Write what changed in ``row``; its exact figures and tooltips only when they are due."""
        self._newest[path] = row
        old = self._drawn.get(path)
        if old is None or exact:
            self._write_row(path, item, row, old)
        elif not row.reads_as(old):
            # Only the changed cells are repainted (CellPaintTree): the exact ones keep their pace.
            self._write_row(path, item, row.at_a_glance(old), old)

    def _write_row(self, path: tuple[str, ...], item: QTreeWidgetItem, row: _Row, old: _Row | None) -> None:
        """Write the cells, tooltips and roles of ``row`` that differ from ``old`` (what the item shows)."""
        for col, text in enumerate(row.texts):
            if old is None or old.texts[col] != text:
                item.setText(col, text)
        self._drawn[path] = row
        if path == TOTAL_PATH:
            if old is None or (old.bytes, old.style) != (row.bytes, row.style):
                item.setToolTip(
                    COL_SIZE,
                    translate("ListsView", "{total_bytes}; the lists add up to {listed}").format(
                        total_bytes=exact_bytes(row.style[0]), listed=exact_bytes(row.bytes)
                    ),
                )
            return
        if old is None or old.texts[COL_NAME] != row.texts[COL_NAME]:
            item.setToolTip(COL_NAME, f"{row.texts[COL_NAME]} ({path[-1]})")
        if old is None or old.bytes != row.bytes:
            item.setToolTip(COL_SIZE, exact_bytes(row.bytes))
        if old is None or old.style != row.style:
            rgba, page_size = row.style
            color = QColor.fromRgba(rgba)
            item.setIcon(COL_NAME, swatch(color))
            item.setData(COL_SHARE, COLOR_ROLE, rgba)
            item.setToolTip(
                COL_PAGES,
                translate("ListsView", "{page_size:,}-byte pages").format(page_size=page_size),
            )

    def _freshen_row(self, item: QTreeWidgetItem) -> None:
        """Bring a hovered row's exact figures up to date before its tooltip shows."""
        path = next((p for p, it in self._items.items() if it is item), None)
        newest = self._newest.get(path) if path else None
        if path and newest is not None and newest != self._drawn.get(path):
            self._write_row(path, item, newest, self._drawn.get(path))

    def _fill(
        self,
        path: tuple[str, ...],
        item: QTreeWidgetItem,
        mlist: MemoryList,
        sample: Sample,
        color: QColor,
        repurposed: Mapping[str, object],
        exact: bool,
    ) -> None:
        total = sample.total_bytes
        value = repurposed.get(mlist.key)
        rgba = color.rgba()
        inputs = (mlist.bytes, mlist.label, total, sample.page_size, value, rgba)
        row = self._newest.get(path)
        made_from = self._inputs.get(path)
        if row is None or made_from != inputs:  # many parts stay put: nothing to format
            self._inputs[path] = inputs
            if row is not None and made_from is not None and made_from[1] == mlist.label:
                name = row.texts[COL_NAME]  # translated once per label, not once per size
            else:
                name = list_label(mlist.key, mlist.label)
            row = _Row(
                texts=(
                    name,
                    format_bytes(mlist.bytes),
                    format_percent(mlist.bytes, total),
                    f"{mlist.bytes // sample.page_size:,}",
                    f"{int(value):,}" if isinstance(value, (int, float)) else "",
                ),
                bytes=mlist.bytes,
                style=(rgba, sample.page_size),
            )
        self._show_row(path, item, row, exact)

    def _fit_tree(self, *_: object) -> None:
        """Keep every list and the Total row in view: the Details pane below gives up the room instead
        (a banner above the tabs used to push the totals out of view). Capped for very long lists."""
        rows = 0
        for item in filter(None, map(self.tree.topLevelItem, range(self.tree.topLevelItemCount()))):
            rows += 1 + (item.childCount() if item.isExpanded() else 0)
        row_height = max(self.tree.sizeHintForRow(0), self.tree.fontMetrics().height())
        needed = self.tree.header().sizeHint().height() + rows * row_height + 2 * self.tree.frameWidth() + 2
        self.tree.setMinimumHeight(min(needed, TREE_HEIGHT_CAP))

    def _fill_total(self, sample: Sample, exact: bool) -> None:
        item = self._items.get(TOTAL_PATH)
        if item is None:
            item = QTreeWidgetItem()
            font = QFont(self.tree.font())
            font.setBold(True)
            for col in range(len(HEADERS)):
                item.setFont(col, font)
                if col != COL_NAME:
                    item.setTextAlignment(col, RIGHT)
            self._items[TOTAL_PATH] = item
        root = self.tree.invisibleRootItem()
        if root.indexOfChild(item) != root.childCount() - 1:  # keep the total row last
            if root.indexOfChild(item) >= 0:
                root.removeChild(item)
            root.addChild(item)
        listed = sum(m.bytes for m in sample.lists)
        row = _Row(
            texts=(
                translate("ListsView", "Total"),
                format_bytes(sample.total_bytes),
                "100.0 %",
                f"{sample.total_bytes // sample.page_size:,}",
                "",
            ),
            bytes=listed,
            style=(sample.total_bytes,),
        )
        self._show_row(TOTAL_PATH, item, row, exact)

    def _fill_details(self, sample: Sample, live: bool) -> None:
        """The details under their headings (the backend's declarations), each with a tooltip; a live
        reading writes only the rows in view."""
        keys = [k for k in sample.details if not k.startswith(REPURPOSED_PREFIX)]
        for gone in set(self._detail_items) - set(keys):
            item = self._detail_items.pop(gone)
            self._detail_drawn.pop(gone, None)
            self._detail_shown.pop(gone, None)
            self._detail_about.pop(gone, None)
            (item.parent() or self.details.invisibleRootItem()).removeChild(item)
        shown = self.details.viewport().rect()
        for key in keys:
            row = self._detail_items.get(key)
            if live and row is not None and not self.details.visualItemRect(row).intersects(shown):
                self._details_behind.add(key)  # out of view: written when it comes into view
                continue
            self._details_behind.discard(key)
            self._write_detail(sample, key)
        for group in list(self._detail_groups.values()):
            if not group.childCount():
                self.details.invisibleRootItem().removeChild(group)
                del self._detail_groups[group.data(0, Qt.ItemDataRole.UserRole)]
        if self.details.isHidden() == bool(keys):
            self.details.setVisible(bool(keys))

    def _write_detail(self, sample: Sample, key: str) -> None:
        """Write one detail's value and its exact tooltip when they changed."""
        value = sample.details[key]
        unit = sample.units.get(key)
        drawn = (value, unit, sample.page_size)
        if self._detail_drawn.get(key) == drawn:
            return  # most details stay put from one reading to the next
        self._detail_drawn[key] = drawn
        item = self._detail_items.get(key) or self._detail_item(sample, key)
        text = detail_text(value, unit)
        exact = detail_exact(value, unit, sample.page_size)
        about = self._detail_about[key]
        tip = f"{about}<br><br>{exact}" if exact else about
        # Compared with what was written, kept here: asking the item for its texts costs more.
        shown_text, shown_tip = self._detail_shown.get(key, ("", ""))
        if shown_text != text:  # a changed value may still read the same, rounded
            item.setText(1, text)
        if shown_tip != tip:
            item.setToolTip(1, tip)
        self._detail_shown[key] = (text, tip)

    def _write_details_behind(self, *_: object) -> None:
        """Rows scrolled, unfolded or resized into view: write what they missed, from the newest reading."""
        behind, self._details_behind = self._details_behind, set()
        if self.sample is not None:
            for key in behind & self.sample.details.keys():
                self._write_detail(self.sample, key)

    def _freshen_detail(self, item: QTreeWidgetItem) -> None:
        """Bring a hovered detail up to date with the newest reading before its tooltip shows."""
        key = next((k for k, it in self._detail_items.items() if it is item), None)
        if key is not None and self.sample is not None and key in self.sample.details:
            self._write_detail(self.sample, key)

    def detail_item(self, key: str) -> QTreeWidgetItem | None:
        """The Details pane's row of a detail (under its group), or None when the sample has none."""
        return self._detail_items.get(key)

    def _detail_item(self, sample: Sample, key: str) -> QTreeWidgetItem:
        """A new row for a detail, under its group's heading (made when first needed)."""
        info = detailinfo.describe(sample.platform, key)
        group = self._detail_groups.get(info.group)
        if group is None:
            group = QTreeWidgetItem(self.details, [translate("DetailInfo", info.group)])
            group.setData(0, Qt.ItemDataRole.UserRole, info.group)
            group.setFirstColumnSpanned(True)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setExpanded(True)
            self._detail_groups[info.group] = group
        label = translate("DetailInfo", info.label)
        item = QTreeWidgetItem(group, [label if label == key else f"{label} ({key})", ""])
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        unit = detailinfo.unit_text(
            sample.units.get(key), sample.page_size, lambda text: translate("DetailInfo", text)
        )
        lines = [f"<b>{html.escape(label)}</b> — {html.escape(key)}"]
        if info.description:
            lines.append(html.escape(translate("DetailInfo", info.description)))
        if unit:
            lines.append(f"<i>{html.escape(unit)}</i>")
        self._detail_about[key] = "<br>".join(lines)
        item.setToolTip(0, self._detail_about[key])
        group.sortChildren(0, Qt.SortOrder.AscendingOrder)
        self._detail_items[key] = item
        return item


def _shape(text: str) -> str:
    """``text`` with every digit written as 0: texts of one shape are as wide when digits are."""
    return text.translate(_DIGITS_TO_ZERO)


_DIGITS_TO_ZERO = str.maketrans("123456789", "000000000")


def _tabular_digits(font: QFont) -> bool:
    """Whether every digit is as wide as the others in ``font``, plain, bold and italic."""
    for bold, italic in ((False, False), (True, False), (False, True)):
        variant = QFont(font)
        variant.setBold(bold)
        variant.setItalic(italic)
        metrics = QFontMetrics(variant)
        if len({metrics.horizontalAdvance(digit) for digit in "0123456789"}) != 1:
            return False
    return True
