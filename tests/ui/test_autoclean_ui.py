"""Auto-clean in the real main window: fires through the runner, marks the chart, logs, backs off,
says when it cannot run, and keeps its settings."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.autoclean import AutoCleanSettings
from tests.fake_backend import GIB, FakeBackend
from tests.ui.helpers import answer_dialog, menu_action, save_png

# 75 % in use: above a 50 % threshold; trimming working sets moves 40 % of "in use" to standby.
BUSY = {"active": 12 * GIB, "standby": 2 * GIB, "modified": 0, "free": 2 * GIB}
ON = AutoCleanSettings(enabled=True, usage_percent=50, actions=("working-sets",), cooldown_seconds=60)


def _press_ok(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def _runs(backend: FakeBackend) -> list[str]:
    return [c[1] for c in backend.calls if c[0] == "run"]


def test_tools_menu_and_status_bar(make_window):
    window = make_window()
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["File", "Empty", "View", "Tools", "Help"]
    texts = [a.text().replace("&", "") for a in window.autoclean.tools_menu.actions()]
    assert texts == ["Auto-clean", "Auto-clean settings…", "Auto-clean log"]
    assert window.autoclean.status_label.text() == "Auto-clean: off"


def test_fires_marks_the_chart_and_logs(make_window, qtbot, artifacts):
    backend = FakeBackend(lists=BUSY)
    window = make_window(backend)
    window.set_refresh(0)
    window.autoclean.controller.apply(ON)
    window.sampler.sample_now()
    qtbot.waitUntil(lambda: any(e.kind == "done" for e in window.autoclean.controller.engine.events))
    assert _runs(backend) == ["working-sets"]
    markers = window.history_view.markers
    assert markers and markers[-1].text.split(" ", 1)[1].startswith("Auto-clean: Empty working sets")
    kinds = [
        window.autoclean.log_view.table.item(r, 1).text()
        for r in range(window.autoclean.log_view.table.rowCount())
    ]
    assert kinds[:3] == ["done", "fired", "switched"]  # newest first
    assert window.autoclean.controller.engine.failures == 0  # it brought memory below 50 %
    window.autoclean.dock.show()
    window.show_view("history")
    window.history_view.refresh(force=True)
    QApplication.processEvents()
    save_png(window.grab(), artifacts / "autoclean-window-log.png")


def test_cooldown_and_back_off_instead_of_a_loop(make_window, qtbot):
    backend = FakeBackend(lists=BUSY, fail={"working-sets": "the kernel refused"})
    window = make_window(backend)
    window.set_refresh(0)
    window.autoclean.controller.apply(ON)
    window.sampler.sample_now()
    engine = window.autoclean.controller.engine
    qtbot.waitUntil(lambda: any(e.kind == "failed" for e in engine.events))
    for _ in range(20):  # memory stays high: each of these would have been a clean in Mem Reduct
        window.sampler.sample_now()
        QApplication.processEvents()
    window.runner.wait(5000)
    assert _runs(backend) == ["working-sets"]
    assert engine.failures == 1 and engine.seconds_until_allowed() > 60  # doubled to 120 s
    assert "backing off" in window.autoclean.status_label.toolTip()
    assert [e.kind for e in engine.events].count("skipped") == 1
    assert "the kernel refused" in window.result_label.text()  # the failure reached the person


def test_not_running_without_rights_is_visible(make_window, qtbot, artifacts):
    refused = {a: "needs root: run RAMLens as root" for a in ("working-sets", "kernel-caches")}
    backend = FakeBackend(lists=BUSY, privileged=False, unavailable=refused)
    window = make_window(backend)
    window.autoclean.controller.apply(AutoCleanSettings(enabled=True, usage_percent=50))
    for _ in range(5):
        window.sampler.sample_now()
    label = window.autoclean.status_label
    assert label.toolTip().startswith("Auto-clean: not running: Empty working sets: needs root")
    assert "b3261e" in label.styleSheet()  # red, not a quiet grey
    assert _runs(backend) == []
    engine = window.autoclean.controller.engine
    assert [e.kind for e in engine.events].count("blocked") == 1
    assert window.tray.autoclean_action.toolTip().startswith("Auto-clean: not running")
    assert window.autoclean.dock.widget() is None  # the log is made when the dock is first shown
    window.autoclean.dock.show()
    QApplication.processEvents()
    log = window.autoclean.dock.widget()
    assert log is window.autoclean.log_view and log.table.item(0, 1).text() == "blocked"  # what it missed
    save_png(window.autoclean.dock.grab(), artifacts / "autoclean-not-running.png")


def test_settings_dialog_warns_and_persists(make_window, settings, qtbot, artifacts):
    window = make_window()
    dialog = window.autoclean.open_settings()
    qtbot.waitExposed(dialog)
    assert not dialog.warning.isVisible()  # defaults do not stutter
    assert not dialog.action_boxes["standby-list"].isChecked()
    assert not dialog.action_boxes["modified-list"].isChecked()
    dialog.action_boxes["standby-list"].setChecked(True)
    assert dialog.warning.isVisible() and "stutter" in dialog.warning.text()
    assert "Flush modified list" not in dialog.warning.text()
    QApplication.processEvents()
    assert dialog.warning.height() >= dialog.warning.heightForWidth(dialog.warning.width())  # not clipped
    dialog.action_boxes["standby-list"].setChecked(False)
    dialog.action_boxes["modified-list"].setChecked(True)  # writes to disk, keeps the cache: no warning
    assert not dialog.warning.isVisible()
    dialog.action_boxes["modified-list"].setChecked(False)
    dialog.action_boxes["standby-list"].setChecked(True)
    dialog.enabled.setChecked(True)
    dialog.standby_rule.setChecked(True)
    dialog.standby_gib.setValue(6)
    dialog.cooldown.setValue(120)
    QApplication.processEvents()
    save_png(dialog.grab(), artifacts / "autoclean-settings.png")
    _press_ok(dialog)
    engine = window.autoclean.controller.engine
    assert engine.settings.enabled and engine.settings.standby_rule and engine.settings.standby_gib == 6
    assert "standby-list" in engine.settings.actions and engine.settings.cooldown_seconds == 120
    stored = json.loads(settings.value("autoclean/settings"))
    assert stored["standby_gib"] == 6
    window.close()
    again = make_window(FakeBackend(), settings)
    assert again.autoclean.controller.engine.settings == engine.settings
    assert again.autoclean.toggle_action.isChecked()


def test_dialog_refuses_no_action(make_window, qtbot):
    window = make_window()
    dialog = window.autoclean.open_settings()
    for box in dialog.action_boxes.values():
        box.setChecked(False)
    _press_ok(dialog)
    assert dialog.isVisible() and "at least one action" in dialog.error_label.text()
    dialog.reject()


def test_settings_dialog_through_the_tools_menu(make_window, qtbot):
    window = make_window()
    seen = []

    def cancel(widget):  # type: ignore[no-untyped-def]
        seen.append(type(widget).__name__)
        widget.reject()

    answer_dialog(cancel)
    menu_action(window.autoclean.tools_menu, "Auto-clean settings").trigger()
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == ["AutoCleanDialog"]
    assert not window.autoclean.controller.engine.settings.enabled


def test_corrupt_saved_settings_fall_back_with_a_warning(make_window, settings):
    settings.setValue("autoclean/settings", '{"usage_percent": 500}')
    window = make_window(FakeBackend(), settings)
    assert window.autoclean.controller.engine.settings == AutoCleanSettings()
    assert "invalid" in window.result_label.text()


def test_toggle_from_tools_menu(make_window, settings):
    window = make_window()
    window.autoclean.toggle_action.trigger()
    assert window.autoclean.controller.engine.settings.enabled
    assert json.loads(settings.value("autoclean/settings"))["enabled"] is True
    assert window.tray.autoclean_action.isChecked()
