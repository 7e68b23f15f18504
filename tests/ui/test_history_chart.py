"""The history chart: hover overlay, y-axis fitting, peak-keeping reduction, idle when hidden, exports."""

from __future__ import annotations

import socket
import time
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from app.history import History
from tests.fake_backend import GIB, MIB, FakeBackend
from ui import export
from ui.main import parse_gui_args, show_minimized
from ui.views.chartdata import ChartData, column_envelope
from ui.views.history import HistoryView

# Mostly free memory: in use, standby and modified are a sliver of the whole.
MOSTLY_FREE = {"active": 2 * GIB, "standby": 1 * GIB, "modified": 200 * MIB, "free": 29 * GIB - 200 * MIB}


def _view(qtbot, n: int = 120, lists=None, platform="linux") -> tuple[HistoryView, History, FakeBackend]:  # type: ignore[no-untyped-def]
    backend = FakeBackend(platform, lists=lists, start=1.8e9, step=1.0)
    history = History(capacity=max(n, 1))
    for _ in range(n):
        history.append(backend.sample())
    view = HistoryView(history)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    view.refresh(force=True)
    return view, history, backend


def _scene_point(view: HistoryView, when: float, value: float) -> QPointF:
    return view.view_box.mapViewToScene(QPointF(view.chart_x(when), value))


def test_overlay_hides_when_the_pointer_leaves(qtbot):
    view, history, _ = _view(qtbot)
    view.hover(_scene_point(view, float(history.times()[60]), GIB))
    assert view.crosshair.isVisible() and view.readout.isVisible()
    QApplication.sendEvent(view.graphics.viewport(), QEvent(QEvent.Type.Leave))
    assert not view.crosshair.isVisible() and not view.readout.isVisible()
    view.hover(QPointF(-50, -50))  # outside the plot area: nothing shown either
    assert not view.crosshair.isVisible() and not view.readout.isVisible()


@pytest.mark.parametrize("index", [0, 60, 119])
def test_overlay_stays_whole_inside_the_chart(qtbot, index):
    view, history, _ = _view(qtbot)
    view.hover(_scene_point(view, float(history.times()[index]), GIB))
    box = view.readout.geometry()
    assert view.readout.isVisible()
    assert box.left() >= 0 and box.right() <= view.graphics.width()
    assert box.top() >= 0 and box.bottom() <= view.graphics.height()
    assert "Modified: 300.00 MiB" in view.readout.text()  # the full text, not a tail of it


def test_markers_carry_no_second_tooltip(qtbot):
    view, _, backend = _view(qtbot)
    view.add_marker(backend.run("standby-list"))
    line = view.markers[0].line
    assert line.toolTip() == "" and (line.label is None or line.label.toolTip() == "")


def test_overlay_is_absent_from_exports(qtbot, tmp_path):
    view, history, _ = _view(qtbot)
    plain = tmp_path / "plain.png"
    export.export_png(view.export_item, str(plain), 1200)
    view.hover(_scene_point(view, float(history.times()[60]), GIB))
    stamp = view.readout.text().split("</b>")[0].removeprefix("<b>")
    hovered = tmp_path / "hovered.png"
    export.export_png(view.export_item, str(hovered), 1200)
    assert QImage(str(plain)) == QImage(str(hovered))  # pixel for pixel: no crosshair, no readout
    svg = tmp_path / "hovered.svg"
    export.export_svg(view.export_item, str(svg))
    text = "".join(ET.parse(svg).getroot().itertext())
    assert stamp not in text
    assert socket.gethostname() in text  # the title names the machine …
    first = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(float(history.times()[0])))
    assert first in text  # … and where the time range starts


def test_export_lays_out_legend_and_text_for_the_chosen_width(qtbot, tmp_path):
    view, _, _ = _view(qtbot, platform="windows")  # seven lists: a long legend
    columns = view.legend.columnCount
    on_screen = view.export_item.geometry()
    seen = {}

    def record() -> None:
        seen["columns"] = view.legend.columnCount
        seen["width"] = view.export_item.geometry().width()
        seen["title"] = view.title.text

    with view.exporting(700):
        record()
    assert seen["columns"] < len(view.data.present) == 7 and seen["width"] == 700  # wrapped, at text size
    assert socket.gethostname() in seen["title"]
    with view.exporting(3200):
        record()
    assert seen["width"] == 1600  # drawn at half size, then scaled ×2: text grows with the picture
    assert view.legend.columnCount == columns and view.export_item.geometry() == on_screen
    target = tmp_path / "narrow.png"
    export.export_png(view.export_item, str(target), 600)
    assert QImage(str(target)).width() == 600


def test_y_axis_fits_the_lists_shown_and_whole_ram_brings_it_back(qtbot):
    view, _, backend = _view(qtbot, lists=MOSTLY_FREE)
    assert view.view_box.viewRange()[1][1] == pytest.approx(backend.total)  # free shown: all of RAM
    view.curves["free"].setVisible(False)  # a click on the legend's Free entry
    top = view.view_box.viewRange()[1][1]
    shown = 2 * GIB + 1 * GIB + 200 * MIB
    assert shown < top <= 1.5 * shown < backend.total / 4  # the three small lists fill the height
    view.whole_ram_button.click()
    assert view.whole_ram and view.view_box.viewRange()[1][1] == pytest.approx(backend.total)
    view.whole_ram_button.click()
    assert view.view_box.viewRange()[1][1] == pytest.approx(top)


def test_envelope_keeps_a_one_second_spike_and_dip_in_a_day():
    n, columns = 86_400, 900
    xs = np.arange(n, dtype=float)
    base = np.full(n, 4.0 * GIB)
    base[30_000] += 3 * GIB  # one second of a spike …
    base[60_000] -= 2 * GIB  # … and of a dip
    stack = np.vstack([base, base + 8 * GIB])
    covered, values = column_envelope(xs, stack, 0.0, float(n), columns)
    assert covered.all() and values.shape == (columns, 2)
    assert values[:, 0].max() == 7 * GIB and values[:, 0].min() == 2 * GIB
    assert values[:, 1].max() == 15 * GIB
    assert (values[:, 1] >= values[:, 0]).all()  # boundaries stay in order
    assert np.count_nonzero(values[:, 0] != 4 * GIB) == 2  # elsewhere the flat line stays flat


def test_envelope_interpolates_when_samples_are_fewer_than_pixels():
    xs = np.array([0.0, 10.0])
    stack = np.array([[0.0, 100.0]])
    covered, values = column_envelope(xs, stack, 0.0, 20.0, 20)
    assert covered[:10].all() and not covered[11:].any()
    assert values[:10, 0] == pytest.approx(np.arange(10) * 10 + 5)


def test_stacked_adds_the_lists_in_order():
    backend = FakeBackend()
    history = History(capacity=10)
    for _ in range(5):
        history.append(backend.sample())
    data = ChartData(history)
    data.update()
    stack = data.stacked(1, 4, ("active", "standby", "free"))
    assert stack.shape == (3, 3)
    assert (stack[0] == 6 * GIB).all() and (stack[1] == 14 * GIB).all()
    assert (stack[2] == backend.total - 300 * MIB).all()


def test_a_hidden_chart_does_no_work_and_catches_up_when_shown(qtbot):
    backend = FakeBackend(start=1.8e9, step=1.0)
    history = History(capacity=100)
    holder = QWidget()
    qtbot.addWidget(holder)
    view = HistoryView(history, holder)
    view.resize(600, 300)
    for _ in range(10):
        history.append(backend.sample())
        view.refresh()
    assert len(view.data) == 0  # never shown: nothing read or drawn
    holder.show()
    qtbot.waitExposed(holder)
    assert len(view.data) == 10  # caught up on show
    view.set_active(False)
    history.append(backend.sample())
    view.refresh()
    assert len(view.data) == 10  # inactive while shown: still idle
    view.set_active(True)
    assert len(view.data) == 11
    holder.showMinimized()
    history.append(backend.sample())
    view.refresh()
    if holder.isMinimized():  # the offscreen platform may not honour minimizing
        assert len(view.data) == 11


def test_minimized_option_starts_without_a_shown_window_where_there_is_a_tray(qtbot, monkeypatch):
    assert parse_gui_args(["--minimized"]).minimized and not parse_gui_args([]).minimized
    window = QWidget()
    qtbot.addWidget(window)
    monkeypatch.setattr("PySide6.QtWidgets.QSystemTrayIcon.isSystemTrayAvailable", lambda: True)
    show_minimized(window)
    assert not window.isVisible()  # the tray icon is the way back
    monkeypatch.setattr("PySide6.QtWidgets.QSystemTrayIcon.isSystemTrayAvailable", lambda: False)
    show_minimized(window)
    assert window.isVisible()  # no tray: minimized, never vanished


def _jagged_view(qtbot, history: History) -> HistoryView:  # type: ignore[no-untyped-def]
    view = HistoryView(history)
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    view.set_span(3600)
    view.refresh(force=True)
    return view


def test_a_chart_following_jagged_readings_draws_what_a_fresh_chart_draws(qtbot):
    backend = FakeBackend(start=1.8e9, step=1.0)
    rng = np.random.default_rng(11)
    history = History(capacity=5000)

    def jump() -> None:  # every list jumps at random, as in the worst case of bench_gui_redraw
        backend.move("free", "standby", float(rng.random()) * 0.3)
        backend.move("standby", "active", float(rng.random()) * 0.2)
        backend.move("active", "free", float(rng.random()) * 0.2)
        history.append(backend.sample())

    for _ in range(4000):  # older than the span shown (an hour): the view moves with each reading
        jump()
    kept = _jagged_view(qtbot, history)
    for _ in range(12):
        jump()
        kept.refresh(force=True)
        kept.graphics.grab()
    assert 0 < kept.area.image.recomputed <= 3  # the newest bins and the left edge's, not ~530
    fresh = _jagged_view(qtbot, history)
    assert kept.view_box.viewRange()[0] == fresh.view_box.viewRange()[0]
    assert kept.graphics.grab().toImage() == fresh.graphics.grab().toImage()


def test_a_marker_redraws_with_the_reading_that_follows_it(qtbot):
    view, history, backend = _view(qtbot)
    redraws = []
    draw = view._redraw
    view._redraw = lambda: (redraws.append(float(view.data.times[-1])), draw())  # type: ignore[method-assign]
    view.add_marker(backend.run("standby-list"))
    history.append(backend.sample())  # as the window reads right after an action
    view.refresh()
    QApplication.processEvents()
    newest = history.latest_time()
    assert redraws == [newest]  # once, with the new reading: not once for the marker and once for it
    view.add_marker(backend.run("kernel-caches"))  # a marker with no reading after it …
    assert redraws == [newest]
    QApplication.processEvents()
    assert redraws == [newest, newest]  # … is drawn on its own, at once


def test_stacked_sums_kept_between_frames_match_fresh_sums():
    backend = FakeBackend(start=1.8e9, step=1.0)
    history = History(capacity=40)
    data = ChartData(history)
    keys = ("active", "standby", "free")
    rng = np.random.default_rng(2)
    for round_ in range(12):  # the ring wraps and the buffer moves its rows to the front meanwhile
        for _ in range(7):
            backend.move("free", "standby", float(rng.random()) * 0.2)
            history.append(backend.sample())
        data.update()
        shown = keys if round_ % 5 else keys[1:]  # now and then another set of lists
        stack = data.stacked(3, len(data), shown)
        fresh = np.cumsum([history.series(k)[3:] for k in shown], axis=0)
        assert np.allclose(stack, fresh, rtol=1e-6)
