"""The three views with a fake backend: what a person reads, hovers, toggles and right-clicks."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from app.history import History
from tests.fake_backend import GIB, FakeBackend
from tests.ui.helpers import save_png, settle
from ui.colors import LIST_COLORS, list_color
from ui.views.history import HistoryView
from ui.views.lists import COL_NAME, COL_PAGES, COL_REPURPOSED, COL_SHARE, COL_SIZE, ListsView

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "linux"


def _top_level(view: ListsView) -> dict[str, object]:
    root = view.tree.invisibleRootItem()
    return {root.child(i).text(COL_NAME): root.child(i) for i in range(root.childCount())}


def test_every_canonical_list_has_its_own_colour():
    from app.model import LIST_KEYS

    assert set(LIST_KEYS) <= set(LIST_COLORS)
    assert len({list_color(k).name() for k in LIST_KEYS}) == len(LIST_KEYS)


def test_lists_view_shows_sizes_shares_and_exact_bytes(qtbot):
    view = ListsView()
    qtbot.addWidget(view)
    sample = FakeBackend().sample()
    view.update_sample(sample)
    rows = _top_level(view)
    assert list(rows) == ["In use", "Standby", "Modified", "Free", "Total"]
    standby = rows["Standby"]
    assert standby.text(COL_SIZE) == "8.0 GiB"
    assert standby.toolTip(COL_SIZE) == f"{8 * GIB:,} bytes"
    assert standby.text(COL_SHARE) == "50.0 %"
    assert standby.text(COL_PAGES) == f"{8 * GIB // 4096:,}"
    assert [standby.child(i).text(COL_NAME) for i in range(standby.childCount())] == [
        "Low priority (inactive)",
        "High priority (active)",
    ]
    assert standby.isExpanded()
    assert rows["Total"].text(COL_SIZE) == "16.0 GiB"
    assert view.tree.isColumnHidden(COL_REPURPOSED)  # Linux has no repurposed counts
    commit = view.detail_item("commit_bytes")
    assert commit is not None and commit.text(1) == "7.0 GiB"


def test_details_are_shown_in_the_unit_the_backend_declares(qtbot):
    from dataclasses import replace

    from app.model import DetailUnit

    sample = replace(
        FakeBackend().sample(),
        details={
            "Cached": 3 * GIB,
            "nr_free_pages": 1000,
            "HugePages_Total": 4,
            "pgfault_bytes": 5,
            "life": 300,
        },
        units={
            "Cached": DetailUnit.BYTES,
            "nr_free_pages": DetailUnit.PAGES,
            "HugePages_Total": DetailUnit.COUNT,
            "life": DetailUnit.SECONDS,
        },
    )
    view = ListsView()
    qtbot.addWidget(view)
    view.update_sample(sample)
    shown = {key: view.detail_item(key) for key in sample.details}
    assert shown["Cached"].text(1) == "3.0 GiB"
    assert shown["nr_free_pages"].text(1) == "1,000 pages"
    assert shown["nr_free_pages"].toolTip(1).endswith("<br><br>3.9 MiB")  # 1000 pages of 4 KiB
    assert shown["HugePages_Total"].text(1) == "4"
    assert shown["life"].text(1) == "300 s"
    assert shown["pgfault_bytes"].text(1) == "5"  # undeclared: a plain number, whatever its name says


def test_details_are_grouped_and_each_explained_with_its_unit(qtbot, artifacts):
    from app.backends.linux import LinuxBackend

    sample = LinuxBackend(proc=FIXTURES / "busy-cache").sample()
    view = ListsView()
    qtbot.addWidget(view)
    view.resize(900, 900)
    view.update_sample(sample)
    groups = [view.details.topLevelItem(i).text(0) for i in range(view.details.topLevelItemCount())]
    assert "Kernel memory" in groups and "Page cache" in groups and "Other" not in groups
    reclaimable = view.detail_item("KReclaimable")
    assert reclaimable is not None and reclaimable.parent().text(0) == "Kernel memory"
    assert reclaimable.text(0) == "Kernel reclaimable (KReclaimable)"
    assert "free under pressure" in reclaimable.toolTip(0) and "Unit: bytes" in reclaimable.toolTip(0)
    pages = view.detail_item("nr_free_pages")
    assert pages is not None and "Unit: pages of 4,096 bytes" in pages.toolTip(0)
    for key in sample.details:
        item = view.detail_item(key)
        assert item is not None and item.toolTip(0).count("<br>") >= 2, key  # name, meaning, unit
    view.show()
    save_png(view.grab(), artifacts / "details-grouped.png")


def test_linux_backend_declares_every_detail_unit():
    from app.backends.linux import LinuxBackend

    sample = LinuxBackend(proc=FIXTURES / "busy-cache").sample()
    assert set(sample.details) <= set(sample.units)


def test_lists_view_updates_in_place_and_keeps_folding(qtbot):
    backend = FakeBackend()
    view = ListsView()
    qtbot.addWidget(view)
    view.update_sample(backend.sample())
    standby = _top_level(view)["Standby"]
    standby.setExpanded(False)
    backend.move("standby", "free", 1.0)
    view.update_sample(backend.sample())
    assert _top_level(view)["Standby"] is standby and not standby.isExpanded()
    assert standby.text(COL_SIZE) == "0 B" and _top_level(view)["Free"].text(COL_SIZE) == "9.7 GiB"


def test_windows_standby_priorities_and_repurposed_column(qtbot):
    view = ListsView()
    qtbot.addWidget(view)
    view.update_sample(FakeBackend(platform="windows").sample())
    rows = _top_level(view)
    assert "Zeroed" in rows and "Modified no-write" in rows
    standby = rows["Standby"]
    assert [standby.child(i).text(COL_NAME) for i in range(8)] == [f"Priority {i}" for i in range(8)]
    assert not view.tree.isColumnHidden(COL_REPURPOSED)
    assert standby.child(5).text(COL_REPURPOSED) == "5,000"


def test_memory_bar_segments_follow_the_lists(qtbot):
    view = ListsView()
    qtbot.addWidget(view)
    view.resize(800, 400)
    view.show()
    view.update_sample(FakeBackend().sample())
    assert [s.key for s in view.bar.segments] == ["active", "standby", "modified", "free"]
    width = view.bar.width()
    assert view.bar.segment_at(width * 0.1).key == "active"  # in use is the first 6/16
    assert view.bar.segment_at(width * 0.6).key == "standby"
    assert view.bar.segment_at(width * 0.99).key == "free"


def _filled_history(n: int = 600, backend: FakeBackend | None = None) -> tuple[History, FakeBackend]:
    backend = backend or FakeBackend()
    history = History(capacity=max(n, 1))
    for _ in range(n):
        history.append(backend.sample())
    return history, backend


def _shown_history(qtbot, history: History) -> HistoryView:  # type: ignore[no-untyped-def]
    """A 900 × 500 history view, shown and drawn."""
    view = HistoryView(history)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    view.refresh()
    return view


def test_history_stack_adds_up_to_total_and_legend_toggles(qtbot):
    history, backend = _filled_history(50)
    view = _shown_history(qtbot, history)
    top = view.area.layer("free")[2]
    assert np.allclose(top, backend.total)  # the stack adds up to all of RAM
    assert view.legend.getLabel(view.curves["zeroed"]) is None  # absent on Linux: not in the legend
    # A click on the legend's standby sample hides it; the lists above move down.
    sample_item = next(s for s, label in view.legend.items if s.item is view.curves["standby"])
    sample_item.mouseClickEvent(_LeftClick())
    assert not view.curves["standby"].isVisible()
    assert "standby" not in view.area.keys
    assert np.allclose(view.area.layer("free")[2], backend.total - 8 * GIB)
    sample_item.mouseClickEvent(_LeftClick())
    assert np.allclose(view.area.layer("free")[2], backend.total)


def test_a_click_on_a_legend_name_toggles_its_list_as_the_swatch_does(qtbot):
    view = _shown_history(qtbot, _filled_history(50)[0])
    label = view.legend.getLabel(view.curves["standby"])
    assert label is not None
    where = view.graphics.mapFromScene(label.sceneBoundingRect().center())
    qtbot.mouseClick(view.graphics.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert not view.curves["standby"].isVisible() and "standby" not in view.area.keys
    qtbot.mouseClick(view.graphics.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert view.curves["standby"].isVisible()


def test_the_header_does_not_say_live_while_sampling_is_paused(make_window):
    window = make_window()
    view = window.history_view
    assert view.status.text().startswith("Live — last ")
    window.pause_action.trigger()
    assert view.status.text().startswith("Paused — ") and "Live" not in view.status.text()
    window.pause_action.trigger()
    assert view.status.text().startswith("Live — last ")


class _LeftClick:
    def button(self):  # type: ignore[no-untyped-def]
        return Qt.MouseButton.LeftButton

    def accept(self) -> None:
        """pyqtgraph marks the event handled."""


def test_history_crosshair_reads_each_list(qtbot):
    history, backend = _filled_history(30)
    view = HistoryView(history)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    view.refresh()
    times = history.times()
    when, values = view.value_at(float(times[10]) + 0.0001)
    assert when == pytest.approx(times[10])
    assert values["standby"] == 8 * GIB and "zeroed" not in values
    scene_pos = view.view_box.mapViewToScene(QPointF(view.chart_x(float(times[10])), GIB))
    view.hover(scene_pos)
    assert view.crosshair.isVisible()
    assert "Standby: 8.00 GiB" in view.readout.text()


def test_history_follow_and_inspect(qtbot):
    history, backend = _filled_history(400, FakeBackend(start=1.8e9, step=1.0))
    view = HistoryView(history)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    view.set_span(300)
    view.refresh()
    (x0, x1), _ = view.view_box.viewRange()
    assert x1 == pytest.approx(view.chart_x(history.latest_time())) and x1 - x0 == pytest.approx(300)
    view.view_box.sigRangeChangedManually.emit([True, False])  # a person dragged the chart
    assert not view.follow and not view.follow_button.isChecked()
    assert view.status.text().startswith("Inspecting")
    view.follow_button.click()
    assert view.follow


def test_history_downsamples_to_the_pixels(qtbot):
    from dataclasses import replace

    first = FakeBackend(start=1.8e9, step=1.0).sample()
    history = History(capacity=20000)
    for second in range(20000):  # a reading a second; what is drawn depends on how many, not on what
        history.append(replace(first, time=first.time + second))
    view = HistoryView(history)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    view.set_span(86400)
    view.refresh()
    view.grab()  # painting reduces the samples to the pixel columns
    assert 200 <= view.area.drawn_columns <= view.view_box.width() + 1


def test_a_long_limited_view_sentence_wraps_instead_of_widening_the_view(qtbot):
    from dataclasses import replace

    sample = replace(
        FakeBackend().sample(), limited="Not running as administrator: " + "counters only. " * 60
    )
    view = ListsView()
    qtbot.addWidget(view)
    view.update_sample(sample)
    assert view.minimumSizeHint().width() < 900


def test_the_lists_table_keeps_its_total_row_in_view_under_a_banner(make_window, qtbot):
    window = make_window(FakeBackend())
    window.resize(1000, 700)
    window.notify(
        "Empty all: In use −1 GiB\nEmpty working sets: In use −1 GiB\nFlush modified list: −", "success"
    )
    settle()
    tree = window.lists_view.tree
    total = tree.topLevelItem(tree.topLevelItemCount() - 1)
    assert total.text(COL_NAME) == "Total"
    assert tree.viewport().rect().contains(tree.visualItemRect(total))
    assert window.result_label.text() == "Empty all: In use −1 GiB"  # one line in the status bar
    assert window.result_label.toolTip().count("\n") == 2
