"""The Fragmentation view: free memory by block size, the kernel's indices, their history, compaction.

Everything comes from the backend's fragmentation capability (app.backends.base.FragmentationSource;
on Linux /proc/buddyinfo and /proc/pagetypeinfo); this view only draws. A report is cheap, so the view
asks for a new one on every tick of the window's sampler; the migrate-type split is expensive and
privileged, so it is asked for only when the button is pressed.
"Compact now" runs the ``compact`` action through the window's runner (never on the UI thread);
the indices and the free-block distribution are read just before it starts and after it ends.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Mapping

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import policy
from app.backends.base import BackendError, FragmentationSource
from app.buddy import UNHANDED_LABEL, FragmentationReport, ZoneFragmentation, format_index
from app.model import ActionResult
from app.units import format_bytes
from ui.colors import list_color
from ui.i18n import translate
from ui.views.cells import table_item
from ui.views.gate import WorkGate
from ui.window_api import WindowApi

HISTORY_POINTS = 3600  # one hour at the default refresh of one reading per second
# Hidden (another tab, the window minimized or in the tray), the tab still keeps its index
# history, at this slower pace: a trend needs no per-second points, and /proc costs 1/10th.
HIDDEN_READ_SECONDS = 10.0
ZONE_COLORS = ("#4a86c8", "#d9644a", "#5cae6b", "#9b6bbf", "#e0a43a", "#3fb0ac")
COMPACT = "compact"


def _zone_name(zone: ZoneFragmentation) -> str:
    return translate("FragmentationView", "Node {node} {zone}").format(node=zone.node, zone=zone.zone)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


class FragmentationView(QWidget):
    """Free blocks per order per zone, both indices per order, their history, compaction before/after."""

    def __init__(self, window: WindowApi, source: FragmentationSource, parent: QWidget | None = None):
        super().__init__(parent)
        self.host = window
        self.source = source
        self.opened = time.monotonic()
        self.baseline: Mapping[str, int] | None = None
        self.report: FragmentationReport | None = None
        self.before: FragmentationReport | None = None  # read as a compaction starts
        self.after: FragmentationReport | None = None
        # (seconds since opened, zone -> (fragmentation index, unusable free index) at the huge-page order)
        self.history: deque[tuple[float, dict[str, tuple[int, int]]]] = deque(maxlen=HISTORY_POINTS)
        self._curves: dict[str, tuple[pg.PlotDataItem, pg.PlotDataItem]] = {}
        self._read_at = -HIDDEN_READ_SECONDS  # monotonic time of the last reading
        self._build()
        self.gate = WorkGate(self, self._catch_up)
        window.sampler.sampled.connect(self.refresh)
        window.runner.started.connect(self._on_action_started)
        window.runner.finished.connect(self._on_action_finished)
        self.refresh()

    # ----- construction -----------------------------------------------------------------------

    def _build(self) -> None:
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b03a2e;")
        self.error.hide()

        self.heat = _table([])
        self.heat.setToolTip(
            translate(
                "FragmentationView",
                "Free memory by block size: darker cells hold more of the zone's free memory",
            )
        )
        self.heat.verticalHeader().setVisible(True)
        self.heat.verticalHeader().setDefaultSectionSize(18)
        self.heat.setAlternatingRowColors(False)
        heat_box = QGroupBox(
            translate(
                "FragmentationView",
                "Free blocks by size (order · block) per zone: blocks · memory they hold",
            )
        )
        QVBoxLayout(heat_box).addWidget(self.heat)

        self.zone_combo = QComboBox()
        self.zone_combo.currentIndexChanged.connect(self._show_indices)
        self.indices = _table(
            [
                translate("FragmentationView", "Order"),
                translate("FragmentationView", "Block"),
                translate("FragmentationView", "Blocks"),
                translate("FragmentationView", "Free"),
                translate("FragmentationView", "Unusable"),
                translate("FragmentationView", "Fragm."),
            ]
        )
        self.indices.verticalHeader().setDefaultSectionSize(18)
        self.indices.setToolTip(
            translate(
                "FragmentationView",
                "Unusable free index: share of free memory in blocks too small for "
                "this order.\nFragmentation index: near 0 = a failure would be for lack "
                "of memory, near 1 = for fragmentation;\n-1.000 = an allocation of this "
                "order would succeed now (mm/vmstat.c).",
            )
        )
        indices_box = QGroupBox(translate("FragmentationView", "The kernel's indices per order"))
        lay = QVBoxLayout(indices_box)
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("FragmentationView", "Zone:")))
        row.addWidget(self.zone_combo, 1)
        lay.addLayout(row)
        lay.addWidget(self.indices)

        self.plot = pg.PlotWidget(background="w")
        self._legend: list[str] = []  # one coloured entry per zone, in the order the curves were made
        self.plot.setYRange(-1.05, 1.05)
        self.plot.setLabel("left", translate("FragmentationView", "index"))
        self.plot.setLabel("bottom", translate("FragmentationView", "seconds since the window opened"))
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.plot.getAxis("bottom").enableAutoSIPrefix(False)
        # The legend is a line of text under the chart, never over the lines it names.
        self.legend_label = QLabel(self)
        self.legend_label.setWordWrap(True)
        # The threshold's name sits right-aligned above its line, inside the plot.
        self.threshold_line = pg.InfiniteLine(
            angle=0,
            pen=pg.mkPen("#b03a2e", width=1, style=Qt.PenStyle.DashLine),
            label="extfrag_threshold",
            labelOpts={"position": 0.99, "anchors": [(1, 1), (1, 1)], "color": "#b03a2e"},
        )
        self.plot.addItem(self.threshold_line)
        self.history_box = QGroupBox(
            translate("FragmentationView", "Fragmentation index at the huge-page order over time")
        )
        hl = QVBoxLayout(self.history_box)
        hl.addWidget(self.plot)
        hl.addWidget(self.legend_label)
        note = QLabel(
            translate(
                "FragmentationView",
                "Solid: fragmentation index (−1 = a block of this size is free now; "
                "above the red line the kernel compacts). Dotted: unusable free index "
                "(share of free memory in smaller blocks).",
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        hl.addWidget(note)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_compaction(), translate("FragmentationView", "Compact now"))
        self.tabs.addTab(self._build_counters(), translate("FragmentationView", "Compaction counters"))
        self.tabs.addTab(self._build_types(), translate("FragmentationView", "Migrate types"))

        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(heat_box)
        top.addWidget(indices_box)
        top.setSizes([560, 520])
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.history_box)
        bottom.addWidget(self.tabs)
        bottom.setSizes([520, 560])
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(top)
        body.addWidget(bottom)
        body.setSizes([330, 270])

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(body, 1)

    def _build_compaction(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        row = QHBoxLayout()
        self.compact_button = QPushButton(translate("FragmentationView", "Compact now"))
        self.compact_button.setToolTip(
            translate(
                "FragmentationView",
                "Run the Compact memory action (compact_memory) and compare before/after",
            )
        )
        self.compact_button.clicked.connect(self.compact_now)
        row.addWidget(self.compact_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.compact_status = QLabel(
            translate(
                "FragmentationView",
                "Compaction migrates movable pages so that free memory forms large "
                "contiguous blocks (what huge pages and some drivers need). The "
                "indices and the free blocks are read just before and after it runs "
                "and compared here.",
            )
        )
        self.compact_status.setWordWrap(True)
        self.compact_status.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.compact_status.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.compact_status)
        self.before_after = pg.PlotWidget(background="w")
        self.before_after.setLabel("left", translate("FragmentationView", "free blocks"))
        self.before_after.setLabel(
            "bottom", translate("FragmentationView", "order (allocation of 2^order pages)")
        )
        self.before_after.getAxis("left").enableAutoSIPrefix(False)
        self.before_after.setMinimumHeight(120)
        self.before_after.hide()
        lay.addWidget(self.before_after, 1)
        return page

    def _build_counters(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.counters = _table(
            [
                translate("FragmentationView", "Counter"),
                translate("FragmentationView", "Since the window opened"),
                translate("FragmentationView", "Total since boot"),
            ]
        )
        self.counters.verticalHeader().setDefaultSectionSize(22)
        self.counters.setToolTip(translate("FragmentationView", "/proc/vmstat compaction counters"))
        lay.addWidget(self.counters)
        return page

    def _build_types(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        row = QHBoxLayout()
        self.types_button = QPushButton(translate("FragmentationView", "Read migrate types"))
        self.types_button.setToolTip(
            translate(
                "FragmentationView",
                "Read /proc/pagetypeinfo once (root; expensive for the kernel, so not polled)",
            )
        )
        self.types_button.clicked.connect(self.load_types)
        self.types_status = QLabel(
            translate(
                "FragmentationView", "Free blocks split by migrate type, from /proc/pagetypeinfo (root)."
            )
        )
        self.types_status.setWordWrap(True)
        row.addWidget(self.types_button)
        row.addWidget(self.types_status, 1)
        lay.addLayout(row)
        self.types_table = _table([])
        lay.addWidget(self.types_table, 1)
        return page

    # ----- updates ----------------------------------------------------------------------------

    def refresh(self, _sample: object = None) -> None:
        """Read the kernel's report into the history and draw it, while the view may work (WorkGate);
        hidden, read only every HIDDEN_READ_SECONDS and draw when shown again."""
        drawable = self.gate.note()
        now = time.monotonic()
        if drawable or now - self._read_at >= HIDDEN_READ_SECONDS:
            self._read(now)
            if drawable:
                self.redraw()

    def _catch_up(self) -> None:
        self._read(time.monotonic())
        self.redraw()

    def _read(self, now: float) -> None:
        self._read_at = now
        try:
            report = self.source.read(self.baseline)
        except BackendError as exc:
            self.error.setText(
                translate("FragmentationView", "Cannot read fragmentation: {exc}").format(exc=exc)
            )
            self.error.show()
            return
        self.error.hide()
        if self.baseline is None:  # the first reading: later changes are counted from here
            self.baseline = {c.name: c.value for c in report.compaction}
        self.report = report
        point = {}
        for z in report.populated():
            stats = z.at(report.huge_order)
            if stats is not None:
                point[_zone_name(z)] = (stats.fragmentation_index, stats.unusable_free_index)
        self.history.append((now - self.opened, point))

    def redraw(self) -> None:
        """Draw the latest report everywhere."""
        report = self.report
        if report is None:
            return
        self._show_summary(report)
        self._show_heat(report)
        self._fill_zone_combo(report)
        self._show_indices()
        self._show_history(report)
        self._show_counters(report)
        self._update_compact_button()

    def _show_summary(self, r: FragmentationReport) -> None:
        page = r.page_size
        threshold = "unknown" if r.extfrag_threshold is None else format_index(r.extfrag_threshold)
        diff = r.unhanded_bytes
        self.summary.setText(
            translate(
                "FragmentationView",
                "<b>Huge-page order {huge_order}</b> ({page} blocks) · the kernel "
                "compacts a zone whose fragmentation index exceeds <b>{threshold}</b> "
                "(extfrag_threshold)<br>MemFree <b>{memfree_bytes}</b> · in the buddy "
                "allocator's free blocks <b>{buddy_free_bytes}</b> · difference "
                "<b>{diff}</b>: <span style='color:#555'>{meaning}</span>",
            ).format(
                huge_order=r.huge_order,
                page=format_bytes(page << r.huge_order),
                threshold=threshold,
                memfree_bytes=format_bytes(r.memfree_bytes),
                buddy_free_bytes=format_bytes(r.buddy_free_bytes),
                diff=format_bytes(diff, signed=True),
                meaning=translate("buddy", UNHANDED_LABEL),
            )
        )

    def _show_heat(self, r: FragmentationReport) -> None:
        """Orders down, zones across: each cell the free blocks and the memory they hold, shaded by share."""
        zones = r.populated()
        orders = max((len(z.orders) for z in zones), default=0)
        self.heat.setColumnCount(len(zones))
        self.heat.setHorizontalHeaderLabels([_zone_name(z) for z in zones])
        self.heat.setRowCount(orders + 1)
        self.heat.setVerticalHeaderLabels(
            [f"{o:>2} · {format_bytes(r.page_size << o, digits=0)}" for o in range(orders)] + ["total"]
        )
        base = list_color("free")
        for col, z in enumerate(zones):
            for o in z.orders:
                share = o.pages / z.free_pages if z.free_pages else 0.0
                item = table_item(
                    f"{o.blocks:,} · {format_bytes(o.pages * r.page_size)}" if o.blocks else "–",
                    tip=f"{o.blocks} free blocks of {format_bytes(r.page_size << o.order)}: "
                    f"{format_bytes(o.pages * r.page_size)}, {share:.1%} of the zone's free memory",
                )
                shade = QColor(base)
                shade.setAlpha(int(20 + 235 * share**0.5) if o.blocks else 0)
                item.setBackground(shade)
                if share > 0.4:
                    item.setForeground(QColor("white"))
                self.heat.setItem(o.order, col, item)
            total = table_item(
                f"{z.free_blocks:,} · {format_bytes(z.free_pages * r.page_size)}",
                tip="all free blocks of the zone",
            )
            bold = total.font()
            bold.setBold(True)
            total.setFont(bold)
            self.heat.setItem(orders, col, total)

    def _fill_zone_combo(self, r: FragmentationReport) -> None:
        names = [_zone_name(z) for z in r.populated()]
        current = [self.zone_combo.itemText(i) for i in range(self.zone_combo.count())]
        if names == current:
            return
        keep = self.zone_combo.currentText()
        self.zone_combo.blockSignals(True)
        self.zone_combo.clear()
        self.zone_combo.addItems(names)
        if keep in names:
            self.zone_combo.setCurrentText(keep)
        elif r.populated():
            # Default: the zone with the most free blocks, where fragmentation shows first.
            busiest = max(r.populated(), key=lambda z: z.free_blocks)
            self.zone_combo.setCurrentText(_zone_name(busiest))
        self.zone_combo.blockSignals(False)

    def selected_zone(self) -> ZoneFragmentation | None:
        """The zone the indices table shows."""
        if self.report is None:
            return None
        name = self.zone_combo.currentText()
        return next((z for z in self.report.zones if _zone_name(z) == name), None)

    def _show_indices(self) -> None:
        r, z = self.report, self.selected_zone()
        if r is None or z is None:
            self.indices.setRowCount(0)
            return
        threshold = r.extfrag_threshold if r.extfrag_threshold is not None else 500
        self.indices.setRowCount(len(z.orders))
        bold = QFont()
        bold.setBold(True)
        for row, o in enumerate(z.orders):
            cells = [
                table_item(str(o.order)),
                table_item(format_bytes(r.page_size << o.order)),
                table_item(str(o.blocks)),
                table_item(format_bytes(o.pages * r.page_size)),
                table_item(format_index(o.unusable_free_index)),
                table_item(format_index(o.fragmentation_index)),
            ]
            if o.fragmentation_index > threshold:
                cells[5].setBackground(QColor("#f6d7a7"))
                cells[5].setToolTip(
                    translate(
                        "FragmentationView",
                        "above extfrag_threshold: the kernel would compact this zone for this order",
                    )
                )
            for col, cell in enumerate(cells):
                if o.order == r.huge_order:
                    cell.setFont(bold)
                self.indices.setItem(row, col, cell)

    def _show_history(self, r: FragmentationReport) -> None:
        if r.extfrag_threshold is not None:
            self.threshold_line.setValue(r.extfrag_threshold / 1000)
        block = format_bytes(r.page_size << r.huge_order)
        self.history_box.setTitle(
            translate(
                "FragmentationView", "Fragmentation at order {huge_order} ({block} blocks) over time"
            ).format(huge_order=r.huge_order, block=block)
        )
        names = sorted({name for _, point in self.history for name in point})
        for i, name in enumerate(names):
            xs = [t for t, point in self.history if name in point]
            frag = [point[name][0] / 1000 for _, point in self.history if name in point]
            unusable = [point[name][1] / 1000 for _, point in self.history if name in point]
            if name not in self._curves:
                color = ZONE_COLORS[i % len(ZONE_COLORS)]
                self._curves[name] = (
                    self.plot.plot([], [], pen=pg.mkPen(color, width=2)),
                    self.plot.plot([], [], pen=pg.mkPen(color, width=1.5, style=Qt.PenStyle.DotLine)),
                )
                self._legend.append(f"<span style='color:{pg.mkColor(color).name()}'>━━</span>&nbsp;{name}")
                self.legend_label.setText(" &nbsp;&nbsp; ".join(self._legend))
            self._curves[name][0].setData(xs, frag)
            self._curves[name][1].setData(xs, unusable)

    def _show_counters(self, r: FragmentationReport) -> None:
        self.counters.setRowCount(len(r.compaction))
        for row, c in enumerate(r.compaction):
            self.counters.setItem(row, 0, table_item(c.name, align_right=False))
            self.counters.setItem(row, 1, table_item(f"{c.change:+,}" if c.change else "0"))
            self.counters.setItem(row, 2, table_item(f"{c.value:,}"))

    def _update_compact_button(self) -> None:
        backend = self.host.backend
        decision = policy.decide(backend.availability(), COMPACT, backend.platform)
        running = self.host.runner.current == COMPACT or COMPACT in self.host.runner.pending
        self.compact_button.setEnabled(decision.can_run and not running)
        if not decision.can_run:
            self.compact_button.setToolTip(
                translate("FragmentationView", "Compact memory is unavailable: {reason}").format(
                    reason=decision.reason
                )
            )

    # ----- compaction -------------------------------------------------------------------------

    def compact_now(self) -> None:
        """Queue the compact action on the window's runner (the before reading is taken as it starts)."""
        if self.host.request_action(COMPACT):
            self.compact_button.setEnabled(False)
            self.compact_status.setText(translate("FragmentationView", "Compaction queued…"))

    def _on_action_started(self, action_id: str) -> None:
        if action_id != COMPACT:
            return
        try:
            self.before = self.source.read(self.baseline)
        except BackendError:
            self.before = None
        self.compact_button.setEnabled(False)
        self.compact_status.setText(
            translate("FragmentationView", "Compacting… (the kernel migrates movable pages)")
        )

    def _on_action_finished(self, result: ActionResult) -> None:
        if result.action_id != COMPACT:
            return
        self.refresh()
        self.after = self.report
        if not result.ok:
            self.compact_status.setText(
                translate("FragmentationView", "<b>Compaction failed:</b> {message}").format(
                    message=result.message
                )
            )
            self._update_compact_button()
            return
        self._show_before_after(result)
        self._update_compact_button()

    def _show_before_after(self, result: ActionResult) -> None:
        before, after = self.before, self.after
        migrated = result.details.get("pages_migrated")
        head = f"<b>Compacted in {result.elapsed:.1f} s</b>"
        lines = [
            f"{head} · {migrated:,} pages migrated"
            if isinstance(migrated, int)
            else f"{head}: {result.message}"
        ]
        if before is not None and after is not None:
            order = before.huge_order
            block = format_bytes(before.page_size << order)
            unchanged: list[str] = []
            for zb in before.populated():
                za = next((z for z in after.zones if (z.node, z.zone) == (zb.node, zb.zone)), None)
                ob, oa = zb.at(order), za.at(order) if za else None
                if za is None or ob is None or oa is None:
                    continue
                if zb.counts == za.counts:
                    unchanged.append(zb.zone)
                    continue
                large_b = sum(o.pages for o in zb.orders[order:]) * before.page_size
                large_a = sum(o.pages for o in za.orders[order:]) * after.page_size
                lines.append(
                    f"{zb.zone}: unusable {format_index(ob.unusable_free_index)} → "
                    f"<b>{format_index(oa.unusable_free_index)}</b> · fragmentation "
                    f"{format_index(ob.fragmentation_index)} → "
                    f"<b>{format_index(oa.fragmentation_index)}</b> · "
                    f"in blocks ≥ {block} {format_bytes(large_b)} → <b>{format_bytes(large_a)}</b>"
                )
            if unchanged:
                lines.append(f"unchanged: {', '.join(unchanged)}")
            self._plot_before_after(before, after)
        self.compact_status.setText("<br>".join(lines))

    def _plot_before_after(self, before: FragmentationReport, after: FragmentationReport) -> None:
        """The free-block distribution of the zone chosen above: blocks per order, before and after."""
        name = self.zone_combo.currentText()

        def blocks(r: FragmentationReport) -> list[int]:
            zone = next((z for z in r.zones if _zone_name(z) == name), None)
            return list(zone.counts) if zone else []

        b, a = blocks(before), blocks(after)
        xs = list(range(min(len(b), len(a))))
        self.before_after.clear()
        self.before_after.addItem(
            pg.BarGraphItem(
                x=[x - 0.2 for x in xs], height=b[: len(xs)], width=0.38, brush="#9aa5b1", name="before"
            )
        )
        self.before_after.addItem(
            pg.BarGraphItem(
                x=[x + 0.2 for x in xs],
                height=a[: len(xs)],
                width=0.38,
                brush=list_color("free"),
                name="after",
            )
        )
        self.before_after.getAxis("bottom").setTicks([[(x, str(x)) for x in xs]])
        self.before_after.setTitle(
            translate(
                "FragmentationView", "{name}: free blocks per order, before (grey) and after (green)"
            ).format(name=name),
            size="9pt",
        )
        self.before_after.show()

    # ----- migrate types ----------------------------------------------------------------------

    def load_types(self) -> None:
        """Have the free blocks split by migrate type read once and show them (root only on Linux)."""
        try:
            info = self.source.read_migrate_types()
        except BackendError as exc:
            self.types_status.setText(str(exc))
            self.types_table.setRowCount(0)
            return
        page = self.report.page_size if self.report else 4096
        width = max(len(r.counts) for r in info.free)
        headers = ["Zone", "Migrate type"] + [str(o) for o in range(width)] + ["free", "pageblocks"]
        self.types_table.setColumnCount(len(headers))
        self.types_table.setHorizontalHeaderLabels(headers)
        rows = [r for r in info.free if any(r.counts)]
        self.types_table.setRowCount(len(rows))
        blocks = {(b.node, b.zone): dict(b.blocks) for b in info.blocks}
        for row, r in enumerate(rows):
            self.types_table.setItem(row, 0, table_item(f"{r.node} {r.zone}", align_right=False))
            self.types_table.setItem(row, 1, table_item(r.migrate_type, align_right=False))
            for o, (count, bound) in enumerate(zip(r.counts, r.lower_bound, strict=True)):
                tip = "the kernel stops counting at 100000: at least this many" if bound else ""
                self.types_table.setItem(row, 2 + o, table_item((">" if bound else "") + str(count), tip=tip))
            free = (">" if r.overflowed else "") + format_bytes(r.free_pages * page)
            self.types_table.setItem(row, 2 + width, table_item(free))
            n_blocks = blocks.get((r.node, r.zone), {}).get(r.migrate_type)
            self.types_table.setItem(row, 3 + width, table_item("" if n_blocks is None else str(n_blocks)))
        self.types_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.types_status.setText(
            translate(
                "FragmentationView",
                "Read at {time} · pageblock order {pageblock_order} "
                "({pages_per_block} pages); empty free lists are left out.",
            ).format(
                time=time.strftime("%H:%M:%S"),
                pageblock_order=info.pageblock_order,
                pages_per_block=info.pages_per_block,
            )
        )
