"""The window as a person meets it: tabs, menus, refresh rate, span, persistence, status bar."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from tests.fake_backend import FakeBackend
from tests.ui.helpers import click_menu_item, menu_action


def test_menus_tabs_and_status_bar(make_window):
    window = make_window()
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles[:3] == ["File", "Empty", "View"] and titles[-1] == "Help"  # others add theirs between
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs[:3] == ["Memory lists", "History", "Processes"]
    assert "fake" in window.backend_label.text() and "root" in window.backend_label.text()
    assert "not root" not in window.backend_label.text()
    assert window.elevation_bar is None
    for text in ("Export chart", "Quit"):
        menu_action(window.file_menu, text)


def test_switching_tabs_is_remembered(make_window, settings, qtbot):
    window = make_window()
    click_menu_item(qtbot, window.view_menu, "Go to History")
    assert window.current_view() == "history"
    window.tabs.setCurrentIndex(2)
    assert window.current_view() == "processes"
    window.close()
    again = make_window(FakeBackend(), settings)
    assert again.current_view() == "processes"


def test_refresh_rate_from_the_view_menu(make_window, settings, qtbot):
    window = make_window()
    refresh_menu = menu_action(window.view_menu, "Refresh rate").menu()
    click_menu_item(qtbot, refresh_menu, "Every 5 s")
    assert window.sampler.interval == 5.0
    assert window.refresh_actions[5.0].isChecked()
    click_menu_item(qtbot, refresh_menu, "Paused")
    assert window.sampler.paused and window.pause_action.text() == "Resume"
    window.close()
    assert settings.value("view/refresh", type=float) == 0.0


def test_pause_and_resume_keep_the_rate(make_window):
    window = make_window()
    window.set_refresh(2.0)
    window.pause_action.trigger()
    assert window.sampler.paused
    window.pause_action.trigger()
    assert window.sampler.interval == 2.0


def test_refresh_now_takes_a_reading(make_window, qtbot):
    backend = FakeBackend()
    window = make_window(backend)
    window.set_refresh(0)
    before = backend.samples_taken
    window.refresh_now_action.trigger()
    assert backend.samples_taken == before + 1
    assert len(window.history) >= 2


def test_span_menu_and_persistence(make_window, settings, qtbot):
    window = make_window()
    span_menu = menu_action(window.view_menu, "History span").menu()
    click_menu_item(qtbot, span_menu, "24 hours")
    assert window.history_view.span == 86400
    window.close()
    assert make_window(FakeBackend(), settings).history_view.span == 86400


def test_geometry_is_restored(make_window, settings, tmp_path):
    window = make_window()
    window.resize(window.width(), 520)  # the offscreen screen is 800 px wide: vary the height
    window.close()
    stored = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    assert stored.value("window/geometry") is not None
    again = make_window(FakeBackend(), settings)
    assert again.height() == 520


def test_a_failing_read_shows_in_the_status_bar_and_sampling_goes_on(make_window, qtbot):
    backend = FakeBackend()
    window = make_window(backend)
    backend.sample_error = "/proc/meminfo cannot be read: Input/output error"
    window.sampler.sample_now()
    window.sampler.sample_now()
    assert window.read_error_label.text() == "Reading failed"
    assert "Input/output error" in window.read_error_label.toolTip()
    assert not window.message_bar.isVisible()  # no banner or dialog per failed tick
    backend.sample_error = ""
    window.sampler.set_interval(0.01)  # the timer, at a test's pace
    taken = backend.samples_taken
    qtbot.waitUntil(lambda: backend.samples_taken > taken, timeout=3000)
    assert window.read_error_label.text() == ""


def test_about_box(make_window):
    from tests.ui.helpers import answer_dialog

    window = make_window()
    seen = []

    def close(box):  # type: ignore[no-untyped-def]
        seen.append(box.windowTitle())
        box.close()

    answer_dialog(close)
    menu_action(window.help_menu, "About").trigger()
    assert seen == ["About RAMLens"]


def test_add_view_hook(make_window):
    from PySide6.QtWidgets import QLabel

    window = make_window()
    window.add_view("extra", "Extra", QLabel("hello"))
    window.show_view("extra")
    assert window.current_view() == "extra"
    menu_action(window.view_menu, "Go to Extra")


def test_lazy_view_is_made_on_first_show_only(make_window, settings):
    from PySide6.QtWidgets import QLabel

    made: list[QLabel] = []

    def factory() -> QLabel:
        made.append(QLabel("heavy"))
        return made[-1]

    window = make_window()
    window.add_lazy_view("heavy", "Heavy", factory)
    assert made == [] and window.made_view("heavy") is None
    menu_action(window.view_menu, "Go to Heavy").trigger()
    assert window.current_view() == "heavy" and window.made_view("heavy") is made[0]
    window.show_view("lists")
    window.show_view("heavy")
    assert len(made) == 1  # made once
    window.close()
    again = make_window(FakeBackend(), settings)  # the remembered tab is a lazy one: made as it is restored
    extra: list[QLabel] = []
    again.add_lazy_view("heavy", "Heavy", lambda: extra.append(QLabel("again")) or extra[-1])
    assert again.current_view() == "heavy" and again.made_view("heavy") is extra[0]


def test_no_backend_is_a_clear_dialog_and_exit_1(qtbot, monkeypatch):
    from app.backends import BackendError
    from ui import main

    shown = []

    def refuse():  # type: ignore[no-untyped-def]
        raise BackendError("RAMLens has no backend for plan9: only Linux and Windows are supported")

    monkeypatch.setattr("app.backends.detect", refuse)
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.critical", lambda *a: shown.append(a[1:3]))
    assert main.run_gui([]) == 1
    assert len(shown) == 1 and shown[0][0] == "RAMLens cannot read memory"
    assert shown[0][1].startswith("RAMLens cannot start: RAMLens has no backend for plan9")
