"""The tray: icon painting, tooltip, menu contents and what each item does.

The offscreen platform has no system tray (QSystemTrayIcon.isSystemTrayAvailable() is False
there), so the icon itself is not shown in these tests: the painted icon, the tooltip text and
the menu are tested directly, through the real main window, and close-to-tray is tested on the
event filter with the tray marked available.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QSystemTrayIcon

from app import actions
from tests.fake_backend import GIB, FakeBackend
from tests.snapshot_samples import sample
from tests.ui.helpers import menu_action, save_png
from ui import tray


def _pixel(image: QImage, x: int, y: int) -> QColor:
    return QColor(image.pixel(x, y))


def test_colour_levels() -> None:
    assert tray.level_color(None) == tray.COLOR_UNKNOWN
    assert tray.level_color(0) == tray.COLOR_OK
    assert tray.level_color(69.9) == tray.COLOR_OK
    assert tray.level_color(70) == tray.COLOR_WARN
    assert tray.level_color(89.9) == tray.COLOR_WARN
    assert tray.level_color(90) == tray.COLOR_CRITICAL
    assert tray.level_color(100) == tray.COLOR_CRITICAL


def test_icon_is_painted_in_the_level_colour_with_a_number(qapp, artifacts) -> None:
    strip = QImage(4 * 64, 64, QImage.Format.Format_ARGB32)
    strip.fill(QColor("white"))
    from PySide6.QtGui import QPainter

    painter = QPainter(strip)
    for i, (percent, colour) in enumerate(
        (
            (42.0, tray.COLOR_OK),
            (75.0, tray.COLOR_WARN),
            (93.4, tray.COLOR_CRITICAL),
            (None, tray.COLOR_UNKNOWN),
        )
    ):
        image = tray.paint_icon(percent).toImage()
        assert image.width() == 64
        assert _pixel(image, 32, 4) == colour  # the badge, above the text
        whites = sum(1 for x in range(8, 56) for y in range(8, 56) if _pixel(image, x, y).lightness() > 240)
        assert whites > 40  # the number is drawn in white on the badge
        painter.drawImage(i * 64, 0, image)
    painter.end()
    save_png(strip, artifacts / "tray-icons.png")
    # Different numbers give different pictures (the number really is drawn).
    assert tray.paint_icon(42).toImage() != tray.paint_icon(87).toImage()


def test_tooltip_lists_the_main_lists() -> None:
    text = tray.tooltip_text(sample(active=12 * GIB, standby=2 * GIB, modified=0))
    lines = text.splitlines()
    assert lines[0] == "RAMLens — 75 % in use of 16.0 GiB"
    assert lines[1:] == ["In use: 12.0 GiB", "Standby: 2.0 GiB", "Modified: 0 B", "Free: 2.0 GiB"]
    assert tray.tooltip_text(None) == "RAMLens — no reading yet"


def test_offscreen_has_no_tray_and_close_to_tray_stays_off(make_window) -> None:
    window = make_window()
    assert QSystemTrayIcon.isSystemTrayAvailable() is False  # the reason the icon is not shown here
    assert window.tray.icon is None
    assert not window.tray.close_to_tray_action.isEnabled()
    assert not window.tray.close_to_tray


def test_menu_contents(make_window, artifacts) -> None:
    backend = FakeBackend(unavailable={"compact": "no /proc/sys/vm/compact_memory on this kernel"})
    window = make_window(backend)
    texts = [a.text() for a in window.tray.menu.actions() if not a.isSeparator()]
    assert texts == [
        "Hide RAMLens",
        "&Empty",
        "Auto-clean",
        "Close to tray",
        "Notify after each Empty",
        "Quit",
    ]  # the window's Empty menu
    empty = window.tray.empty_menu
    items = {a.text(): a for a in empty.actions() if not a.isSeparator()}
    linux = [a.label for a in actions.for_platform("linux")]
    assert list(items) == [*linux, "Empty all"]
    assert not items["Compact memory"].isEnabled()
    assert items["Compact memory"].toolTip() == "no /proc/sys/vm/compact_memory on this kernel"
    assert items["Purge kernel caches"].isEnabled()
    window.tray.menu.popup(window.pos())
    save_png(window.tray.menu.grab(), artifacts / "tray-menu.png")
    empty.popup(window.pos())
    save_png(empty.grab(), artifacts / "tray-menu-empty.png")
    empty.hide()
    window.tray.menu.hide()


def test_icon_and_tooltip_follow_the_samples(make_window) -> None:
    backend = FakeBackend(lists={"active": 15 * GIB, "standby": 0, "modified": 0, "free": GIB})
    window = make_window(backend)
    window.sampler.sample_now()
    assert round(window.tray.percent) == 94
    assert window.tray.tooltip.startswith("RAMLens — 94 % in use")


def test_empty_item_runs_the_action(make_window, qtbot) -> None:
    backend = FakeBackend()
    window = make_window(backend)
    menu_action(window.tray.empty_menu, "Purge kernel caches").trigger()  # not disruptive: no question
    qtbot.waitUntil(lambda: ("run", "kernel-caches") in backend.calls)
    window.runner.wait(5000)


def test_auto_clean_switch(make_window) -> None:
    window = make_window()
    window.tray.autoclean_action.trigger()
    assert window.autoclean.controller.engine.settings.enabled
    assert window.autoclean.toggle_action.isChecked()  # the Tools menu follows
    window.autoclean.toggle_action.trigger()
    assert not window.tray.autoclean_action.isChecked()


def test_show_hide_and_quit(make_window, qtbot) -> None:
    window = make_window()
    window.tray.show_action.trigger()
    assert not window.isVisible() and window.tray.show_action.text() == "Show RAMLens"
    window.tray.show_action.trigger()
    assert window.isVisible() and window.tray.show_action.text() == "Hide RAMLens"
    window.tray.quit_action.trigger()
    assert not window.isVisible()


class _SpontaneousClose:
    """A close event as the window manager sends it (spontaneous); Qt offers no way to fake one."""

    def __init__(self) -> None:
        self.ignored = False

    def type(self) -> QEvent.Type:
        return QEvent.Type.Close

    def spontaneous(self) -> bool:
        return True

    def ignore(self) -> None:
        self.ignored = True


def test_close_to_tray_hides_on_the_title_bar_close_only(make_window, settings) -> None:
    window = make_window()
    t = window.tray
    t.available = True  # as on a desktop with a tray
    t.close_to_tray_action.setEnabled(True)
    t.close_to_tray_action.setChecked(True)
    assert settings.value(tray.SETTING_CLOSE_TO_TRAY, type=bool) is True
    event = _SpontaneousClose()
    assert t.eventFilter(window, event) is True  # type: ignore[arg-type]
    assert event.ignored and not window.isVisible()
    window.show()
    window.close()  # File › Quit's close(): not spontaneous, really closes
    assert not window.isVisible()


def test_a_notification_after_each_empty_says_what_moved(make_window, qtbot, settings) -> None:
    backend = FakeBackend()
    window = make_window(backend)
    with qtbot.waitSignal(window.runner.finished, timeout=5000):
        menu_action(window.tray.empty_menu, "Purge kernel caches").trigger()
    title, body = window.tray.last_notification
    assert title == "Purge kernel caches"
    assert body.startswith("In use −") and "Free +" in body


def test_empty_all_notifies_each_action_and_the_window_shows_them(make_window, qtbot) -> None:
    from tests.ui.helpers import answer_dialog, press_message_box

    window = make_window(FakeBackend())
    answer_dialog(press_message_box("Empty all"))
    with qtbot.waitSignal(window.runner.finished, timeout=5000):
        assert window.request_action("all")
    _title, body = window.tray.last_notification
    lines = body.splitlines()
    assert [line.split(":")[0] for line in lines[1:]] == [
        "Empty working sets",
        "Flush modified list",
        "Purge standby list",
        "Purge kernel caches",
        "Compact memory",
    ]
    assert "Purge standby list: Standby −" in body
    banner = window.message_bar.label.text().splitlines()
    assert banner[0].startswith("Empty all: ") and banner[1:] == lines[1:]


def test_notifications_can_be_switched_off_and_stay_off(make_window, qtbot, settings) -> None:
    window = make_window(FakeBackend())
    window.tray.notify_action.trigger()  # on by default: now off
    assert settings.value(tray.SETTING_NOTIFY, type=bool) is False
    with qtbot.waitSignal(window.runner.finished, timeout=5000):
        menu_action(window.tray.empty_menu, "Purge kernel caches").trigger()
    assert window.tray.last_notification is None
    again = make_window(FakeBackend())
    assert not again.tray.notify_action.isChecked()
