"""The Processes view: listed off the UI thread, sorted, filtered, and trimmed through the runner."""

from __future__ import annotations

import os

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu

from app.units import format_bytes
from tests.fake_backend import FakeBackend
from ui.views.processes import COL_NAME, COL_PID, COL_RSS


def _open_processes(window, qtbot):  # type: ignore[no-untyped-def]
    view = window.processes_view
    with qtbot.waitSignal(view._relay.done, timeout=10000):
        window.show_view("processes")
    return view


def test_processes_are_listed_sorted_by_working_set(make_window, qtbot):
    window = make_window()
    view = _open_processes(window, qtbot)
    proxy = view.proxy
    assert proxy.rowCount() > 1
    sizes = [proxy.index(r, COL_RSS).data(view.proxy.sortRole()) for r in range(proxy.rowCount())]
    assert sizes == sorted(sizes, reverse=True)
    assert " processes" in view.summary.text() and "· working sets " in view.summary.text()


def test_filter_and_trim_from_the_context_menu(make_window, qtbot):
    backend = FakeBackend()
    window = make_window(backend)
    view = _open_processes(window, qtbot)
    me = str(os.getpid())
    qtbot.keyClicks(view.filter_box, me)
    pids = {view.proxy.index(r, COL_PID).data() for r in range(view.proxy.rowCount())}
    assert me in pids
    row = next(r for r in range(view.proxy.rowCount()) if view.proxy.index(r, COL_PID).data() == me)
    view.table.selectRow(row)
    assert view.selected_pids() == [os.getpid()] and view.trim_button.isEnabled()

    def choose_trim() -> None:
        menu = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible())
        assert [a.text() for a in menu.actions()] == ["Trim working set"]
        menu.actions()[0].trigger()
        menu.close()

    QTimer.singleShot(50, choose_trim)
    with qtbot.waitSignal(window.runner.finished, timeout=5000) as finished:
        view.table.customContextMenuRequested.emit(QPoint(5, 5))
    assert backend.calls == [("trim", me)]
    assert finished.args[0].ok
    assert window.message_bar.label.text().startswith("Trim working set: In use −")
    assert "1 process trimmed" in window.message_bar.label.text()


def test_selection_survives_a_refresh(make_window, qtbot):
    window = make_window()
    view = _open_processes(window, qtbot)
    view.select_pids([os.getpid()])
    with qtbot.waitSignal(view._relay.done, timeout=10000):
        view.refresh(force=True)
    assert view.selected_pids() == [os.getpid()]


def test_name_column_sorts_case_insensitively(make_window, qtbot):
    window = make_window()
    view = _open_processes(window, qtbot)
    view.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
    names = [view.proxy.index(r, COL_NAME).data() for r in range(view.proxy.rowCount())]
    assert names == sorted(names, key=str.lower)


def test_kernel_threads_only_on_request(make_window, qtbot):
    window = make_window()
    view = _open_processes(window, qtbot)
    assert all(row.rss > 0 for row in view.model.rows)
    view.kernel_box.click()
    if any(row.rss == 0 for row in view._all_rows):  # a container may have no kernel threads to show
        assert any(row.rss == 0 for row in view.model.rows)
    assert len(view.model.rows) == len(view._all_rows)


def test_live_ticks_are_throttled_but_forced_listings_are_not(make_window, qtbot):
    window = make_window()
    view = _open_processes(window, qtbot)
    view.refresh()  # a live tick right after a listing: skipped
    assert not view._in_flight
    with qtbot.waitSignal(view._relay.done, timeout=10000):
        view.refresh(force=True)


def test_the_footer_counts_what_the_filter_shows(make_window, qtbot):
    window = make_window()
    view = _open_processes(window, qtbot)
    listed = view.proxy.rowCount()
    assert view.summary.text().startswith(f"{listed} processes (")  # (… kernel threads hidden)
    qtbot.keyClicks(view.filter_box, str(os.getpid()))
    shown = view.proxy.rowCount()
    assert 1 <= shown < listed
    me = next(r for r in view.model.rows if r.pid == os.getpid())
    assert view.summary.text().startswith(f"{shown} of {listed} processes match (")
    if shown == 1:
        assert f"working sets {format_bytes(me.rss)}" in view.summary.text()
