"""Light at rest: hidden or minimized views do no work and catch up when shown, the lists view
touches only what changed, the tray icon repaints only on change, and a window started in the
tray builds no view until it is first shown. Work is counted (calls, model changes, paints),
never timed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.model import Sample
from tests.fake_backend import GIB, FakeBackend
from ui.views.gate import WorkGate
from ui.views.lists import COL_PAGES, COL_SIZE, ListsView


class _Paints(QObject):
    """Counts the paint events a widget receives."""

    def __init__(self, widget: QWidget):
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _count_calls(monkeypatch, owner: object, name: str) -> list[object]:  # type: ignore[no-untyped-def]
    """Wrap ``owner.name`` so each call is recorded (the real method still runs)."""
    calls: list[object] = []
    real: Callable[..., object] = getattr(owner, name)

    def counted(*args: object) -> object:
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(owner, name, counted)
    return calls


def _minimize(window: QWidget) -> bool:
    """Minimize; False where the platform does not honour it (the caller then skips that part)."""
    window.setWindowState(window.windowState() | Qt.WindowState.WindowMinimized)
    QApplication.processEvents()
    return window.isMinimized()


def test_hidden_lists_view_does_no_work_and_catches_up_when_shown(make_window, monkeypatch, qtbot):
    backend = FakeBackend()
    window = make_window(backend)
    window.show_view("lists")
    view = window.lists_view
    window.show_view("history")  # the lists tab is now hidden
    drawn = _count_calls(monkeypatch, view, "update_sample")
    for fraction in (0.1, 0.2, 0.3):
        backend.move("standby", "free", fraction)
        window.sampler.sample_now()
    assert drawn == []  # three readings, none drawn while hidden
    window.show_view("lists")
    assert len(drawn) == 1  # one catch-up, with the newest reading only
    assert view.sample is window.sampler.latest


def test_minimized_window_draws_nothing_and_catches_up_when_restored(make_window, monkeypatch, qtbot):
    backend = FakeBackend()
    window = make_window(backend)
    window.show_view("lists")
    lists = window.lists_view
    if not _minimize(window):
        return  # the platform does not minimize; the hidden-tab test above covers the contract
    drawn = _count_calls(monkeypatch, lists, "update_sample")
    backend.move("standby", "free", 0.5)
    window.sampler.sample_now()
    window.sampler.sample_now()
    assert drawn == []
    window.setWindowState(Qt.WindowState.WindowNoState)
    QApplication.processEvents()
    assert len(drawn) == 1 and lists.sample is window.sampler.latest


def test_inactive_view_idles_while_shown_and_catches_up_when_active(qtbot):
    backend = FakeBackend()
    view = ListsView()
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    first = backend.sample()
    view.refresh(first)
    assert view.sample is first  # shown and active: drawn at once
    view.set_active(False)
    backend.move("standby", "free", 0.5)
    second = backend.sample()
    view.refresh(second)
    assert view.sample is first
    view.set_active(True)
    assert view.sample is second


def test_gate_reports_news_only_once_caught_up(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    caught: list[int] = []
    gate = WorkGate(holder, lambda: caught.append(1))
    assert not gate.note() and gate.stale  # not shown yet: noted, not drawn
    holder.show()
    qtbot.waitExposed(holder)
    assert caught == [1] and not gate.stale
    holder.hide()
    holder.show()
    assert caught == [1]  # nothing new arrived: showing again costs nothing


def _changes(view: ListsView) -> list[tuple[int, int]]:
    """Rows and columns the table's model reports changed, as (row, column) of the top-left cell."""
    seen: list[tuple[int, int]] = []
    view.tree.model().dataChanged.connect(lambda tl, _br, _roles=(): seen.append((tl.row(), tl.column())))
    return seen


def test_lists_view_writes_nothing_when_nothing_changed(qtbot):
    backend = FakeBackend()
    view = ListsView()
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.show()
    qtbot.waitExposed(view)
    sample = backend.sample()
    view.update_sample(sample)
    QApplication.processEvents()
    changes = _changes(view)
    paints = _Paints(view.bar)
    details = _changes_of(view)
    view.update_sample(sample)
    QApplication.processEvents()
    assert changes == [] and details == []  # no cell, icon or tooltip rewritten
    assert paints.count == 0  # the memory bar is not repainted either


def _changes_of(view: ListsView) -> list[int]:
    seen: list[int] = []
    view.details.model().dataChanged.connect(lambda *_: seen.append(1))
    view.details.model().layoutChanged.connect(lambda *_: seen.append(2))  # a re-sort
    return seen


def test_lists_view_writes_only_the_cells_that_changed(qtbot):
    backend = FakeBackend()
    view = ListsView()
    qtbot.addWidget(view)
    view.update_sample(backend.sample())
    changes = _changes(view)
    backend.move("standby", "free", 0.25)  # two lists (and the standby parts) move
    view.update_sample(backend.sample())
    assert changes  # something was written...
    assert all(column in (COL_SIZE, COL_PAGES, 2, 0) for _, column in changes)
    root = view.tree.invisibleRootItem()
    rows = {root.child(i).text(0): root.child(i) for i in range(root.childCount())}
    assert rows["Standby"].text(COL_SIZE) == "6.0 GiB"
    assert rows["Standby"].toolTip(COL_SIZE) == f"{6 * GIB:,} bytes"
    before = len(changes)
    view.update_sample(backend.sample())  # the same numbers again
    assert len(changes) == before  # ...and nothing more for a reading that changed nothing


def _tray_sample(in_use_gib: float) -> Sample:
    used = int(in_use_gib * GIB)
    return FakeBackend(lists={"active": used, "standby": 0, "modified": 0, "free": 16 * GIB - used}).sample()


def test_tray_icon_repaints_only_when_its_number_or_colour_changes(make_window):
    window = make_window()
    tray = window.tray
    tray.update_sample(_tray_sample(8.0))  # 50 %
    painted = tray.icon_paints
    tooltip = tray.tooltip
    tray.update_sample(_tray_sample(8.0 + 0.01))  # 50.06 %: the same number on the icon
    assert tray.icon_paints == painted
    assert tray.tooltip == tooltip  # the sizes in it, rounded, did not change either
    tray.update_sample(_tray_sample(9.0))  # 56 %
    assert tray.icon_paints == painted + 1
    assert tray.tooltip.startswith("RAMLens — 56 % in use")


def test_window_started_in_the_tray_builds_no_view_until_shown(qtbot, settings):
    from ui.mainwindow import MainWindow

    window = MainWindow(FakeBackend(), settings)  # never shown: what --minimized does with a tray
    qtbot.addWidget(window)
    for _ in range(3):
        window.sampler.sample_now()
    QApplication.processEvents()
    assert window.sampler.latest is not None  # the tray and auto-clean still get their readings
    assert [key for key in window.view_keys() if window.made_view(key) is not None] == []
    window.show()
    qtbot.waitExposed(window)
    made = [key for key in window.view_keys() if window.made_view(key) is not None]
    assert made == [window.current_view()]  # only the tab on screen
    assert window.lists_view.sample is window.sampler.latest  # drawn from the newest reading


def test_marks_and_span_set_before_the_chart_is_made_reach_it(qtbot, settings):
    from app.model import ActionResult
    from ui.mainwindow import MainWindow

    window = MainWindow(FakeBackend(), settings)
    qtbot.addWidget(window)
    window.set_span(3600)
    window.mark_action(ActionResult("kernel-caches", True, 0.1, None, None, "done"), automatic=True)
    assert window.made_view("history") is None
    chart = window.history_view
    assert chart.span == 3600 and len(chart.markers) == 1


class _Events(QObject):
    """Counts the events of one type a widget receives."""

    def __init__(self, widget: QWidget, kind: QEvent.Type):
        super().__init__(widget)
        self.kind = kind
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == self.kind:
            self.count += 1
        return False


def test_a_new_summary_relays_out_nothing_unless_it_needs_another_height(qtbot):
    backend = FakeBackend()
    view = ListsView()
    qtbot.addWidget(view)
    view.summary.setWordWrap(True)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    view.update_sample(backend.sample())
    for _ in range(5):  # the first reading's rows are laid out: no layout request left pending, however slow
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    one_line = view.summary.height()
    layouts = _Events(view, QEvent.Type.LayoutRequest)
    backend.move("free", "active", 0.1)  # "available" changes: a new summary text
    view.update_sample(backend.sample())
    QApplication.processEvents()
    assert "available" in view.summary.text()
    assert layouts.count == 0  # the window is not laid out again for a new number
    view.resize(260, 500)  # too narrow for one line: the summary wraps and takes the height it needs
    QApplication.processEvents()
    assert view.summary.height() > one_line
    assert view.summary.height() >= view.summary.heightForWidth(view.summary.width())
