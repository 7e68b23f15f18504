"""The tray icon: memory in use as a number, coloured by level, with the Empty actions at hand.

Shown only where the platform has a system tray (QSystemTrayIcon.isSystemTrayAvailable());
elsewhere the menu and icon are still built (and tested) but nothing is shown, and
close-to-tray stays off so the window can never vanish with no way back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from app import report
from app.autoclean import in_use_percent
from app.model import ActionResult, Sample
from app.units import format_bytes
from ui.window_api import WindowApi

if TYPE_CHECKING:
    from app.autoclean import Status
    from ui.autoclean import AutoCleanController

WARN_PERCENT = 70.0
CRITICAL_PERCENT = 90.0
COLOR_OK = QColor("#2e7d32")  # green
COLOR_WARN = QColor("#ef8f00")  # amber
COLOR_CRITICAL = QColor("#c62828")  # red
COLOR_UNKNOWN = QColor("#607d8b")  # grey: no reading yet
TOOLTIP_LISTS = ("active", "standby", "modified", "free", "zeroed")
SETTING_CLOSE_TO_TRAY = "tray/close_to_tray"
SETTING_NOTIFY = "tray/notify_after_empty"
NOTIFY_MS = 8000


def level_color(percent: float | None) -> QColor:
    """Green below 70 %, amber from 70 %, red from 90 %; grey without a reading."""
    if percent is None:
        return COLOR_UNKNOWN
    if percent >= CRITICAL_PERCENT:
        return COLOR_CRITICAL
    if percent >= WARN_PERCENT:
        return COLOR_WARN
    return COLOR_OK


def icon_text(percent: float | None) -> str:
    """The number on the icon: the rounded percentage, at most two digits ("–" when unknown)."""
    return "–" if percent is None else str(min(99, max(0, round(percent))))


def icon_look(percent: float | None) -> tuple[str, int]:
    """Everything the icon's pixels depend on: its text and its colour."""
    return icon_text(percent), level_color(percent).rgba()


def paint_icon(percent: float | None, size: int = 64) -> QPixmap:
    """A square badge in the level colour with the percentage in use as a number ("–" when unknown)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(level_color(percent))
    radius = size * 0.18
    painter.drawRoundedRect(QRectF(0, 0, size, size), radius, radius)
    text = icon_text(percent)  # two digits stay legible
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * (0.62 if len(text) < 2 else 0.56)))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return pixmap


def tooltip_text(sample: Sample | None) -> str:
    """RAMLens, the share in use, then the main lists with their sizes."""
    if sample is None:
        return "RAMLens — no reading yet"
    lines = [f"RAMLens — {in_use_percent(sample):.0f} % in use of {format_bytes(sample.total_bytes)}"]
    for key in TOOLTIP_LISTS:
        found = sample.get(key)
        if found is not None:
            lines.append(f"{found.label}: {format_bytes(found.bytes)}")
    return "\n".join(lines)


class Tray(QObject):
    """The tray icon and its menu, attached to the main window."""

    def __init__(self, window: WindowApi, autoclean: AutoCleanController | None = None):
        super().__init__(window.widget)
        self.window = window
        self.autoclean = autoclean
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self.percent: float | None = None
        self.icon_look: tuple[str, int] | None = None  # what the icon shows (icon_look)
        self.icon_paints = 0  # how often the icon was painted (tests: only on change)
        self.tooltip = ""
        self.menu = QMenu(window.widget)
        self.icon = QSystemTrayIcon(self) if self.available else None
        self._build_menu()
        self.update_sample(window.sampler.latest)
        window.sampler.sampled.connect(self.update_sample)
        self.last_notification: tuple[str, str] | None = None
        window.runner.job_finished.connect(self.notify_result)
        if self.icon is not None:
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(self._on_activated)
            self.icon.show()
        window.widget.installEventFilter(self)

    def _build_menu(self) -> None:
        m = self.menu
        self.show_action = QAction("Hide RAMLens", self)
        self.show_action.triggered.connect(self.toggle_window)
        m.addAction(self.show_action)
        m.addSeparator()
        self.empty_menu = self.window.empty_menu  # the window's own: one menu model, built once
        m.addMenu(self.empty_menu)
        self.autoclean_action = QAction("Auto-clean", self)
        self.autoclean_action.setCheckable(True)
        self.autoclean_action.setEnabled(self.autoclean is not None)
        if self.autoclean is not None:
            self.autoclean_action.setChecked(self.autoclean.engine.settings.enabled)
            self.autoclean_action.toggled.connect(self.autoclean.set_enabled)
            self.autoclean.status_changed.connect(self._on_autoclean_status)
            self._on_autoclean_status(self.autoclean.engine.status())
        m.addAction(self.autoclean_action)
        self.close_to_tray_action = QAction("Close to tray", self)
        self.close_to_tray_action.setCheckable(True)
        self.close_to_tray_action.setEnabled(self.available)
        self.close_to_tray_action.setChecked(
            self.available and bool(self.window.settings.value(SETTING_CLOSE_TO_TRAY, False, type=bool))
        )
        self.close_to_tray_action.toggled.connect(self._set_close_to_tray)
        self.notify_action = QAction(self.tr("Notify after each Empty"), self)
        self.notify_action.setCheckable(True)
        self.notify_action.setChecked(bool(self.window.settings.value(SETTING_NOTIFY, True, type=bool)))
        self.notify_action.setToolTip(self.tr("A tray notification says what each Empty moved"))
        self.notify_action.toggled.connect(lambda on: self.window.settings.setValue(SETTING_NOTIFY, bool(on)))
        if not self.available:
            self.close_to_tray_action.setToolTip("This desktop has no system tray")
        m.addAction(self.close_to_tray_action)
        m.addAction(self.notify_action)
        m.addSeparator()
        self.quit_action = QAction("Quit", self)
        self.quit_action.triggered.connect(self.quit)
        m.addAction(self.quit_action)

    def update_sample(self, sample: Sample | None) -> None:
        """Take a new reading; repaint the icon only when its number or colour changes, and set
        the tooltip only when its text does (the tray runs all day: most readings change neither)."""
        self.percent = None if sample is None else in_use_percent(sample)
        tooltip = tooltip_text(sample)
        look = icon_look(self.percent)
        if look != self.icon_look:
            self.icon_look = look
            self.icon_paints += 1
            if self.icon is not None:
                self.icon.setIcon(QIcon(paint_icon(self.percent)))
        if tooltip != self.tooltip:
            self.tooltip = tooltip
            if self.icon is not None:
                self.icon.setToolTip(tooltip)

    def notify_result(self, result: ActionResult, automatic: bool = False) -> None:
        """After an Empty (chosen or automatic): a notification of what moved, unless switched off."""
        if not self.notify_action.isChecked():
            return
        title, body = report.notification(result)
        if automatic:
            title = self.tr("Auto-clean: %1").replace("%1", title)
        self.last_notification = (title, body)
        if self.icon is not None:
            kind = (
                QSystemTrayIcon.MessageIcon.Information if result.ok else QSystemTrayIcon.MessageIcon.Warning
            )
            self.icon.showMessage(title, body, kind, NOTIFY_MS)

    def toggle_window(self) -> None:
        """Show and raise the window, or hide it."""
        if self.window.widget.isVisible():
            self.window.widget.hide()
        else:
            self.window.widget.showNormal()
            self.window.widget.raise_()
            self.window.widget.activateWindow()
        self.show_action.setText("Hide RAMLens" if self.window.widget.isVisible() else "Show RAMLens")

    def quit(self) -> None:
        """Quit for real, close-to-tray or not."""
        self.close_to_tray_action.setChecked(False)
        if self.icon is not None:
            self.icon.hide()
        self.window.widget.close()

    @property
    def close_to_tray(self) -> bool:
        """True when closing the window only hides it (needs a tray to come back from)."""
        return self.available and self.close_to_tray_action.isChecked()

    def _set_close_to_tray(self, on: bool) -> None:
        self.window.settings.setValue(SETTING_CLOSE_TO_TRAY, bool(on))

    def _on_autoclean_status(self, status: Status) -> None:
        self.autoclean_action.setToolTip(f"Auto-clean: {status.text}")
        if self.autoclean is not None:
            self.autoclean_action.blockSignals(True)
            self.autoclean_action.setChecked(self.autoclean.engine.settings.enabled)
            self.autoclean_action.blockSignals(False)

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.toggle_window()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """With close-to-tray, the title bar's close button hides the window instead of quitting.

        Only a spontaneous close (from the window manager) is turned into a hide; File › Quit and
        the tray's Quit call close() themselves and really quit.
        """
        if watched is self.window.widget and event.type() == QEvent.Type.Close and event.spontaneous():
            if self.close_to_tray:
                event.ignore()
                self.window.widget.hide()
                self.show_action.setText("Show RAMLens")
                return True
        return super().eventFilter(watched, event)


def install(window: WindowApi) -> Tray:
    """Create the tray for ``window`` (shown only where the desktop has a tray), with auto-clean's switch."""
    from ui.autoclean import AutoCleanUI

    autoclean = window.plugins.get("autoclean")
    return Tray(window, autoclean.controller if isinstance(autoclean, AutoCleanUI) else None)
