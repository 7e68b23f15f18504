"""The memory-lists view: one bar of all physical memory, and a table of every list and its parts."""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QHelpEvent, QIcon, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QTreeWidget,
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

COL_NAME, COL_SIZE, COL_SHARE, COL_PAGES, COL_REPURPOSED = range(5)
HEADERS = (
    N_("ListsView", "List"),
    N_("ListsView", "Size"),
    N_("ListsView", "Share of RAM"),
    N_("ListsView", "Pages"),
    N_("ListsView", "Repurposed"),
)
SHARE_ROLE = Qt.ItemDataRole.UserRole + 1  # fraction of RAM, drawn as a bar
COLOR_ROLE = Qt.ItemDataRole.UserRole + 2
TEXT_ROOM = 64  # pixels kept free of the share bar for the percentage
TREE_HEIGHT_CAP = 460  # the lists table never asks for more than this (Windows has many parts)


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
        self.setMinimumHeight(34)
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """Wide and short."""
        return QSize(600, 38)

    def set_sample(self, sample: Sample) -> None:
        """Split the bar by the sample's lists."""
        self.total = max(sample.total_bytes, sum(m.bytes for m in sample.lists))
        self.segments = tuple(
            Segment(m.key, list_label(m.key, m.label), m.bytes, list_color(m.key))
            for m in sample.lists
            if m.bytes
        )
        self.update()

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
        """Segments with their label inside when it fits."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(self.rect(), self.palette().base())
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        for seg, rect in self._rects():
            painter.fillRect(rect, seg.color)
            text = f"{seg.label} {format_bytes(seg.bytes)}"
            if metrics.horizontalAdvance(text) + 12 > rect.width():
                text = format_bytes(seg.bytes)
            if metrics.horizontalAdvance(text) + 8 <= rect.width():
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


class ShareDelegate(QStyledItemDelegate):
    """Draws the share-of-RAM column as a thin bar in the list's colour under the figure."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """Bar first, then the usual text on top."""
        share = index.data(SHARE_ROLE)
        color = index.data(COLOR_ROLE)
        if isinstance(share, float) and isinstance(color, QColor):
            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, index)
            if opt.state & QStyle.StateFlag.State_Selected:
                painter.fillRect(opt.rect, opt.palette.highlight())
            bar = QRect(opt.rect.adjusted(4, 4, -(8 + TEXT_ROOM), -4))  # the figure keeps its room
            bar.setWidth(max(1, int(bar.width() * min(1.0, share))) if share > 0 else 0)
            fill = QColor(color)
            fill.setAlpha(110)
            painter.fillRect(bar, fill)
            opt.backgroundBrush = QBrush()
            opt.state &= ~QStyle.StateFlag.State_Selected  # the text stays readable over the bar
            style = opt.widget.style() if opt.widget else None
            if style is not None:
                style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
                return
        super().paint(painter, option, index)


def _swatch(color: QColor) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(color)
    return QIcon(pix)


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
        self.tree = QTreeWidget(self)
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
        self.details = QTreeWidget(self)
        self.details.setHeaderLabels([translate("ListsView", "Detail"), translate("ListsView", "Value")])
        self.details.setRootIsDecorated(True)
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
        column.addWidget(self.summary)
        column.addWidget(self.bar)
        column.addWidget(splitter, 1)
        self._items: dict[tuple[str, ...], QTreeWidgetItem] = {}
        self._detail_items: dict[str, QTreeWidgetItem] = {}
        self._detail_groups: dict[str, QTreeWidgetItem] = {}
        self._total_item: QTreeWidgetItem | None = None

    def update_sample(self, sample: Sample) -> None:
        """Show this sample (items are updated in place so expansion and selection survive)."""
        self.sample = sample
        total = sample.total_bytes
        self.summary.setText(
            translate(
                "ListsView",
                "<b>Physical memory {total}</b> &nbsp;·&nbsp; available "
                "{available_bytes} ({share}) &nbsp;·&nbsp; page size "
                "{page_size}",
            ).format(
                total=format_bytes(total),
                available_bytes=format_bytes(sample.available_bytes),
                share=format_percent(sample.available_bytes, total),
                page_size=format_bytes(sample.page_size),
            )
            + (
                translate("ListsView", " &nbsp;·&nbsp; <i>{limited}</i>").format(limited=sample.limited)
                if sample.limited
                else ""
            )
        )
        self.summary.setToolTip(
            translate("ListsView", "Total {total}; available {available_bytes}").format(
                total=exact_bytes(total), available_bytes=exact_bytes(sample.available_bytes)
            )
        )
        self.bar.set_sample(sample)
        repurposed = {
            k[len(REPURPOSED_PREFIX) :]: v
            for k, v in sample.details.items()
            if k.startswith(REPURPOSED_PREFIX)
        }
        self.tree.setColumnHidden(COL_REPURPOSED, not repurposed)
        seen: set[tuple[str, ...]] = set()
        for position, mlist in enumerate(sample.lists):
            item = self._item((mlist.key,), None, position)
            self._fill(item, mlist, sample, list_color(mlist.key), repurposed)
            seen.add((mlist.key,))
            for index, part in enumerate(mlist.parts):
                child = self._item((mlist.key, part.key), item, index)
                self._fill(child, part, sample, part_color(mlist.key, index, len(mlist.parts)), repurposed)
                seen.add((mlist.key, part.key))
        for path in set(self._items) - seen - {("__total__",)}:
            gone = self._items.pop(path)
            (gone.parent() or self.tree.invisibleRootItem()).removeChild(gone)
        self._fill_total(sample)
        self._fit_tree()
        self._fill_details(sample)

    def _item(self, path: tuple[str, ...], parent: QTreeWidgetItem | None, position: int) -> QTreeWidgetItem:
        item = self._items.get(path)
        if item is None:
            item = QTreeWidgetItem()
            holder = parent or self.tree.invisibleRootItem()
            holder.insertChild(min(position, holder.childCount()), item)
            item.setExpanded(parent is None)  # parts shown at first; a person may fold them
            self._items[path] = item
            for col in (COL_SIZE, COL_SHARE, COL_PAGES, COL_REPURPOSED):
                item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def _fill(
        self,
        item: QTreeWidgetItem,
        mlist: MemoryList,
        sample: Sample,
        color: QColor,
        repurposed: Mapping[str, object],
    ) -> None:
        total = sample.total_bytes
        item.setText(COL_NAME, list_label(mlist.key, mlist.label))
        item.setIcon(COL_NAME, _swatch(color))
        item.setText(COL_SIZE, format_bytes(mlist.bytes))
        item.setToolTip(COL_SIZE, exact_bytes(mlist.bytes))
        item.setText(COL_SHARE, format_percent(mlist.bytes, total))
        item.setData(COL_SHARE, SHARE_ROLE, mlist.bytes / total if total else 0.0)
        item.setData(COL_SHARE, COLOR_ROLE, color)
        item.setText(COL_PAGES, f"{mlist.bytes // sample.page_size:,}")
        item.setToolTip(
            COL_PAGES, translate("ListsView", "{page_size:,}-byte pages").format(page_size=sample.page_size)
        )
        value = repurposed.get(mlist.key)
        item.setText(COL_REPURPOSED, f"{int(value):,}" if isinstance(value, (int, float)) else "")
        item.setToolTip(
            COL_REPURPOSED, translate("ListsView", "Pages taken from this list for other uses (cumulative)")
        )
        item.setToolTip(COL_NAME, f"{list_label(mlist.key, mlist.label)} ({mlist.key})")

    def _fit_tree(self, *_: object) -> None:
        """Keep every list and the Total row in view: the Details pane below gives up the room instead
        (a banner above the tabs used to push the totals out of view). Capped for very long lists."""
        rows = 0
        for item in filter(None, map(self.tree.topLevelItem, range(self.tree.topLevelItemCount()))):
            rows += 1 + (item.childCount() if item.isExpanded() else 0)
        row_height = max(self.tree.sizeHintForRow(0), self.tree.fontMetrics().height())
        needed = self.tree.header().sizeHint().height() + rows * row_height + 2 * self.tree.frameWidth() + 2
        self.tree.setMinimumHeight(min(needed, TREE_HEIGHT_CAP))

    def _fill_total(self, sample: Sample) -> None:
        item = self._items.get(("__total__",))
        if item is None:
            item = QTreeWidgetItem()
            font = QFont(self.tree.font())
            font.setBold(True)
            for col in range(len(HEADERS)):
                item.setFont(col, font)
                if col != COL_NAME:
                    item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._items[("__total__",)] = item
        root = self.tree.invisibleRootItem()
        if root.indexOfChild(item) != root.childCount() - 1:  # keep the total row last
            if root.indexOfChild(item) >= 0:
                root.removeChild(item)
            root.addChild(item)
        listed = sum(m.bytes for m in sample.lists)
        item.setText(COL_NAME, translate("ListsView", "Total"))
        item.setText(COL_SIZE, format_bytes(sample.total_bytes))
        item.setToolTip(
            COL_SIZE,
            translate("ListsView", "{total_bytes}; the lists add up to {listed}").format(
                total_bytes=exact_bytes(sample.total_bytes), listed=exact_bytes(listed)
            ),
        )
        item.setText(COL_SHARE, "100.0 %")
        item.setText(COL_PAGES, f"{sample.total_bytes // sample.page_size:,}")

    def _fill_details(self, sample: Sample) -> None:
        """The details under their headings (the backend's declarations), each with a tooltip."""
        keys = [k for k in sample.details if not k.startswith(REPURPOSED_PREFIX)]
        for gone in set(self._detail_items) - set(keys):
            item = self._detail_items.pop(gone)
            (item.parent() or self.details.invisibleRootItem()).removeChild(item)
        for key in keys:
            item = self._detail_items.get(key) or self._detail_item(sample, key)
            value = sample.details[key]
            unit = sample.units.get(key)
            item.setText(1, detail_text(value, unit))
            exact = detail_exact(value, unit, sample.page_size)
            item.setToolTip(1, f"{item.toolTip(0)}<br><br>{exact}" if exact else item.toolTip(0))
        for group in list(self._detail_groups.values()):
            if not group.childCount():
                self.details.invisibleRootItem().removeChild(group)
                del self._detail_groups[group.data(0, Qt.ItemDataRole.UserRole)]
        self.details.setVisible(bool(keys))

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
        item.setToolTip(0, "<br>".join(lines))
        group.sortChildren(0, Qt.SortOrder.AscendingOrder)
        self._detail_items[key] = item
        return item
