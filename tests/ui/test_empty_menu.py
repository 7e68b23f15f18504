"""The Empty menu: availability, running on the worker, results and errors shown, asking first."""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from app import actions
from app.model import ActionResult
from tests.fake_backend import FakeBackend
from tests.ui.helpers import answer_dialog, click_menu_item, menu_action, press_message_box


def _labels(menu):  # type: ignore[no-untyped-def]
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_menu_lists_the_backend_actions_in_canonical_order(make_window):
    backend = FakeBackend(unavailable={"compact": "no /proc/sys/vm/compact_memory on this kernel"})
    window = make_window(backend)
    window.empty_menu.aboutToShow.emit()
    expected = [actions.label(a.action_id) for a in backend.availability()] + ["Empty all"]
    assert _labels(window.empty_menu) == expected
    assert window.empty_menu.actions()[-2].isSeparator()
    assert window.empty_menu.toolTipsVisible()
    compact = menu_action(window.empty_menu, "Compact memory")
    assert not compact.isEnabled()
    assert compact.toolTip() == "no /proc/sys/vm/compact_memory on this kernel"
    assert menu_action(window.empty_menu, "Purge kernel caches").isEnabled()


def test_windows_menu_has_the_windows_actions(make_window):
    window = make_window(FakeBackend(platform="windows"))
    labels = _labels(window.empty_menu)
    assert labels[0] == "Combine memory pages" and "Purge priority-0 standby list" in labels
    assert "Compact memory" not in labels


def test_an_action_runs_and_its_result_is_shown(make_window, qtbot):
    backend = FakeBackend()
    window = make_window(backend)
    with qtbot.waitSignal(window.runner.finished, timeout=5000) as finished:
        click_menu_item(qtbot, window.empty_menu, "Purge kernel caches")
    result = finished.args[0]
    assert result.ok and ("run", "kernel-caches") in backend.calls
    assert window.message_bar.isVisible() and window.message_bar.level == "success"
    text = window.message_bar.label.text()
    assert text.startswith("Purge kernel caches: ") and "In use −" in text and "Free +" in text
    assert window.result_label.text() == text
    assert len(window.history_view.markers) == 1


def test_a_failure_is_shown_with_its_message(make_window, qtbot):
    backend = FakeBackend(fail={"kernel-caches": "writing /proc/sys/vm/drop_caches needs root: run as root"})
    window = make_window(backend)
    with qtbot.waitSignal(window.runner.finished, timeout=5000):
        menu_action(window.empty_menu, "Purge kernel caches").trigger()
    assert window.message_bar.isVisible() and window.message_bar.level == "error"
    assert window.message_bar.label.text() == (
        "Purge kernel caches failed: writing /proc/sys/vm/drop_caches needs root: run as root"
    )
    window.message_bar.close_button.click()
    assert not window.message_bar.isVisible()


def test_disruptive_action_asks_first_and_cancel_runs_nothing(make_window, qtbot):
    backend = FakeBackend()
    window = make_window(backend)
    answer_dialog(press_message_box("Cancel"))
    assert window.request_action("standby-list") is False
    assert backend.calls == []


def test_dont_ask_again_persists(make_window, settings, qtbot):
    backend = FakeBackend()
    window = make_window(backend)
    answer_dialog(press_message_box("Purge standby list", tick_dont_ask=True))
    with qtbot.waitSignal(window.runner.finished, timeout=5000) as finished:
        assert window.request_action("standby-list")
    assert finished.args[0].ok
    assert "Standby −" in window.message_bar.label.text()
    assert settings.value("confirm/standby-list", type=bool) is False
    # Second time: no dialog (one would block this call until the test times out).
    with qtbot.waitSignal(window.runner.finished, timeout=5000):
        assert window.request_action("standby-list")
    assert backend.calls == [("run", "standby-list"), ("run", "standby-list")]


def test_empty_all_asks_and_reports_every_step(make_window, qtbot):
    backend = FakeBackend(unavailable={"compact": "not here"})
    window = make_window(backend)
    answer_dialog(press_message_box("Empty all"))
    with qtbot.waitSignal(window.runner.finished, timeout=10000) as finished:
        menu_action(window.empty_menu, "Empty all").trigger()
    result = finished.args[0]
    assert result.action_id == "all" and len(result.steps) == 4
    assert "skipped — Compact memory: not here" in window.message_bar.label.text()


class HeldBackend(FakeBackend):
    """Each action runs until the test lets it finish (``release``), as a slow one would."""

    def __init__(self) -> None:
        super().__init__()
        self.running = threading.Event()
        self.release = threading.Semaphore(0)

    def run(self, action_id: str) -> ActionResult:
        self.running.set()
        assert self.release.acquire(timeout=10), "the test never let the action finish"
        return super().run(action_id)


def test_slow_action_runs_off_the_ui_thread_and_others_wait(make_window, qtbot):
    backend = HeldBackend()
    window = make_window(backend)
    ticks = []
    probe = QTimer(window)
    probe.timeout.connect(lambda: ticks.append(threading.get_ident()))
    probe.start(10)
    window.request_action("kernel-caches")
    window.request_action("compact")
    assert window.runner.current == "kernel-caches" and window.runner.pending == ("compact",)
    window.empty_menu.aboutToShow.emit()
    assert menu_action(window.empty_menu, "Purge kernel caches").text().endswith("running…")
    assert menu_action(window.empty_menu, "Compact memory").text().endswith("waiting")
    assert window.busy_bar.isVisibleTo(window)
    assert backend.running.wait(5)
    started = len(ticks)
    qtbot.waitUntil(lambda: len(ticks) > started + 2)  # the event loop runs while the action runs
    assert window.runner.current == "kernel-caches" and window.runner.pending == ("compact",)
    backend.release.release()
    qtbot.waitUntil(lambda: window.runner.current == "compact", timeout=5000)
    backend.release.release()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=5000)
    probe.stop()
    assert [c for c in backend.calls] == [("run", "kernel-caches"), ("run", "compact")]
    assert not window.busy_bar.isVisibleTo(window)
    assert menu_action(window.empty_menu, "Compact memory").text() == "Compact memory"
    assert len(window.history_view.markers) == 2


def test_an_exception_in_the_backend_becomes_a_shown_failure(make_window, qtbot):
    backend = FakeBackend()

    def broken(action_id):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("boom")

    backend.run = broken  # type: ignore[method-assign]
    window = make_window(backend)
    with qtbot.waitSignal(window.runner.finished, timeout=5000) as finished:
        window.request_action("kernel-caches")
    assert not finished.args[0].ok
    assert "ZeroDivisionError: boom" in window.message_bar.label.text()


def test_via_helper_is_said_in_the_tooltip(make_window):
    window = make_window(FakeBackend(privileged=False, via_helper=True))
    assert "password" in menu_action(window.empty_menu, "Purge kernel caches").toolTip()


def _question_for(window, qtbot, action_id: str) -> str:  # type: ignore[no-untyped-def]
    """The confirmation's informative text for ``action_id`` (the question is then cancelled)."""
    seen: list[str] = []

    def read_and_cancel(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        seen.append(widget.informativeText())
        press_message_box("Cancel")(widget)

    answer_dialog(read_and_cancel)
    assert window.request_action(action_id) is False
    return seen[0]


def test_each_confirmation_says_what_that_action_does_afterwards(make_window, qtbot):
    window = make_window(FakeBackend())
    flush = _question_for(window, qtbot, "modified-list")
    assert "stay cached" in flush and "from disk" not in flush
    purge = _question_for(window, qtbot, "standby-list")
    assert "thrown away" in purge and "from disk again" in purge
    every = _question_for(window, qtbot, "all").split("<br><br>")[1].split("<br>")
    assert [line.split(":")[0] for line in every] == [
        "Empty working sets",
        "Flush modified list",
        "Purge standby list",
        "Purge kernel caches",
        "Compact memory",
    ]
