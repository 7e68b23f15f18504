"""The Fragmentation tab: live buddyinfo, the indices, history, migrate types and a real "Compact now"."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.backends.base import BackendError, NeedsPrivilege
from app.backends.linux import fragmentation as fr
from app.backends.linux.capabilities import ProcFragmentation
from app.backends.linux.pagetypeinfo import parse_pagetypeinfo
from app.buddy import PagetypeInfo
from tests.fake_backend import FakeBackend
from tests.ui.helpers import QUICK_PACING, save_png

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "linux"
linux = pytest.mark.skipif(not Path("/proc/buddyinfo").exists(), reason="needs a Linux /proc")
as_root = pytest.mark.skipif(
    os.geteuid() != 0 or not Path("/proc/sys/vm/compact_memory").exists(),
    reason="compacts memory for real: needs root and CONFIG_COMPACTION",
)


def captured(name: str) -> ProcFragmentation:
    """The Linux fragmentation source over a captured /proc tree."""
    return ProcFragmentation(FIXTURES / name, FIXTURES / "no-sys", 4096)


class TypesSource(ProcFragmentation):
    """A captured tree whose migrate-type split comes from ``types`` (counting the calls)."""

    def __init__(self, name: str, types):  # type: ignore[no-untyped-def]
        super().__init__(FIXTURES / name, FIXTURES / "no-sys", 4096)
        object.__setattr__(self, "types", types)

    def read_migrate_types(self) -> PagetypeInfo:
        return self.types()  # type: ignore[attr-defined,no-any-return]


class BrokenSource(ProcFragmentation):
    def read(self, baseline=None):  # type: ignore[no-untyped-def]
        raise BackendError("/proc/buddyinfo cannot be read: Input/output error")


@linux
def test_tab_is_registered_and_shows_the_live_machine(make_window, qtbot, artifacts):
    from app.backends.linux import LinuxBackend

    window = make_window(FakeBackend(capabilities=LinuxBackend().capabilities()))
    assert "fragmentation" in window.view_keys()
    assert window.made_view("fragmentation") is None  # made the first time it is shown
    window.show_view("fragmentation")
    view = window.view("fragmentation")
    qtbot.waitUntil(lambda: view.heat.columnCount() > 0)
    assert view.report is not None
    assert "not yet handed to the buddy allocator" in view.summary.text()
    assert view.indices.rowCount() == len(view.selected_zone().orders)
    huge = view.report.huge_order
    row_text = view.indices.item(huge, 5).text()
    assert row_text == "-1.000" or 0 <= float(row_text) <= 1
    assert view.indices.item(huge, 5).font().bold()  # the huge-page order stands out
    for _ in range(3):
        window.sampler.sample_now()
    qtbot.waitUntil(lambda: len(view.history) >= 4)
    assert view._curves  # one curve per populated zone
    # The zones are named under the chart, not in a legend drawn over the lines.
    assert view.plot.getPlotItem().legend is None
    assert all(name in view.legend_label.text() for name in view._curves)
    label = view.threshold_line.label
    assert label.orthoPos == 0.99 and label.anchors == [(1, 1), (1, 1)]  # right-aligned, above its line
    assert view.counters.rowCount() >= 3


def test_capture_values_in_the_tables(make_window, qtbot):
    from ui.views.fragmentation import FragmentationView

    window = make_window()
    view = FragmentationView(window, captured("busy-cache"))
    qtbot.addWidget(view)
    view.show()
    view.zone_combo.setCurrentText("Node 0 Normal")
    assert view.indices.item(9, 4).text() == "0.897"  # hand-computed in tests/test_fragmentation.py
    assert view.indices.item(9, 5).text() == "-1.000"
    zones = [view.heat.horizontalHeaderItem(c).text() for c in range(view.heat.columnCount())]
    assert zones == ["Node 0 DMA", "Node 0 DMA32", "Node 0 Normal"]
    assert view.heat.rowCount() == 11 + 1  # orders 0..10 and the total
    assert view.heat.item(0, 2).text() == "902 · 3.5 MiB"  # 902 single pages in Normal
    assert view.heat.item(11, 2).text() == "3,511 · 293.7 MiB"  # 75180 pages
    assert view.threshold_line.value() == 0.5 or fr.read_extfrag_threshold(FIXTURES / "busy-cache") is None


def test_read_error_is_shown_not_swallowed(make_window, qtbot):
    from ui.views.fragmentation import FragmentationView

    view = FragmentationView(make_window(), BrokenSource(FIXTURES / "busy-cache", FIXTURES / "no-sys", 4096))
    qtbot.addWidget(view)
    view.show()
    assert view.error.isVisible() and "Input/output error" in view.error.text()


def test_migrate_types_on_demand(make_window, qtbot):
    from ui.views.fragmentation import FragmentationView

    text = (FIXTURES / "busy-cache" / "pagetypeinfo").read_text()
    calls = []

    def types():  # type: ignore[no-untyped-def]
        calls.append(1)
        return parse_pagetypeinfo(text.replace("  752 \n", ">100000 \n", 1))

    view = FragmentationView(make_window(), TypesSource("busy-cache", types))
    qtbot.addWidget(view)
    view.show()
    for _ in range(3):
        view.refresh()
    assert calls == []  # never polled
    qtbot.mouseClick(view.types_button, Qt.MouseButton.LeftButton)
    assert calls == [1]
    cells = {
        view.types_table.item(r, 1).text(): view.types_table.item(r, 12).text()
        for r in range(view.types_table.rowCount())
        if view.types_table.item(r, 0).text() == "0 DMA32"
    }
    assert cells["Movable"] == ">100000"


def test_migrate_types_not_root_message(make_window, qtbot):
    from ui.views.fragmentation import FragmentationView

    def refused():  # type: ignore[no-untyped-def]
        raise NeedsPrivilege("needs root: /proc/pagetypeinfo is readable only by root")

    view = FragmentationView(make_window(), TypesSource("busy-cache", refused))
    qtbot.addWidget(view)
    view.load_types()
    assert view.types_status.text() == "needs root: /proc/pagetypeinfo is readable only by root"


@linux
@as_root
@pytest.mark.page_cache
def test_compact_now_for_real_shows_before_and_after(qtbot, settings, artifacts):
    from app.backends.linux import LinuxBackend
    from ui.mainwindow import MainWindow

    window = MainWindow(LinuxBackend(), settings)
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    qtbot.waitExposed(window)
    window.show_view("fragmentation")
    view = window.view("fragmentation")
    qtbot.waitUntil(lambda: view.report is not None)
    for _ in range(4):
        window.sampler.sample_now()
        QApplication.processEvents()
    assert view.compact_button.isEnabled()
    with qtbot.waitSignal(window.runner.finished, timeout=120000) as finished:
        qtbot.mouseClick(view.compact_button, Qt.MouseButton.LeftButton)
        assert not view.compact_button.isEnabled()  # the UI thread is free while it runs
    result = finished.args[0]
    assert result.action_id == "compact" and result.ok, result.message
    assert view.before is not None and view.after is not None
    assert "Compacted in" in view.compact_status.text() and "→" in view.compact_status.text()
    assert view.before_after.isVisible()
    assert view.compact_button.isEnabled()
    QApplication.processEvents()  # the layout the before/after chart asked for
    save_png(window.grab(), artifacts / "fragmentation.png")
    window.runner.wait(10000)


@linux
@linux
def test_screenshot_mode_renders_the_fragmentation_tab(qtbot, artifacts):
    from app.backends.linux import LinuxBackend
    from ui.main import render_screenshot

    target = artifacts / "screenshot-mode-fragmentation.png"
    assert render_screenshot(LinuxBackend(), str(target), "fragmentation", QUICK_PACING) == 0
    assert target.stat().st_size > 10000


class CountingSource(ProcFragmentation):
    """The captured files, counting the readings."""

    reads = 0

    def read(self, baseline=None):  # type: ignore[no-untyped-def]
        self.reads += 1
        return super().read(baseline)


def test_hidden_tab_reads_at_the_slow_pace_and_catches_up_when_shown(make_window, qtbot):
    from ui.views.fragmentation import HIDDEN_READ_SECONDS, FragmentationView

    source = CountingSource(FIXTURES / "busy-cache", FIXTURES / "no-sys", 4096)
    view = FragmentationView(make_window(), source)
    qtbot.addWidget(view)
    assert source.reads == 1  # the first reading, at construction
    for _ in range(5):
        view.refresh()  # ticks while hidden, well within HIDDEN_READ_SECONDS
    assert source.reads == 1 and len(view.history) == 1
    view._read_at -= HIDDEN_READ_SECONDS  # the slow pace's interval has passed
    view.refresh()
    assert source.reads == 2 and len(view.history) == 2  # the history keeps its trend while hidden
    view.show()
    qtbot.waitExposed(view)
    assert source.reads == 3  # caught up with a fresh reading when shown
    view.refresh()
    assert source.reads == 4  # shown: every tick
