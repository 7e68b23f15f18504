"""The window's part of the privileged helper: "Set up…" on the not-elevated bar, entries in the Tools menu.

Installing, updating and removing ask for an administrator's password (the backend's
``helper_setup`` capability runs pkexec) on a worker thread; afterwards the window reads the
actions' availability again, so greyed-out Empty actions become available without a restart.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QMenu, QMessageBox, QPushButton

from app.backends.base import HelperSetupSource
from app.helper_state import HelperState, SetupResult
from ui.autoclean import AutoCleanUI
from ui.empty_menu import EmptyMenu

if TYPE_CHECKING:
    from ui.window_api import WindowApi

NO_PASSWORD_TEXT = "Don't ask for a password in my desktop session"
NO_PASSWORD_TIP = (
    "If you tick this, anyone using this computer's active desktop session can empty memory without a "
    "password; otherwise an administrator password is asked once and kept for a few minutes."
)


class _Relay(QObject):
    """Brings a worker's result back to the UI thread."""

    done = Signal(object)  # SetupResult


class HelperSetupUI(QObject):
    """The "Set up…"/"Update helper…" button, the Tools menu entries, and what happens after them."""

    finished = Signal(object)  # SetupResult, after the window has re-read availability

    def __init__(self, window: WindowApi, setup: HelperSetupSource):
        super().__init__(window.widget)
        self.window = window
        self.setup = setup
        self.busy = False
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self.bar_button: QPushButton | None = None
        if window.elevation_bar is not None:
            self.bar_button = window.elevation_bar.add_button("Set up…", self.request_install)
        menu = tools_menu(window)
        menu.addSeparator()
        self.install_action = QAction("Set up privileged &helper…", self)
        self.install_action.triggered.connect(self.request_install)
        self.uninstall_action = QAction("&Remove privileged helper…", self)
        self.uninstall_action.triggered.connect(self.request_uninstall)
        menu.addAction(self.install_action)
        menu.addAction(self.uninstall_action)
        menu.aboutToShow.connect(self.update_controls)
        self.state = HelperState(False, False, "")
        self.update_controls()

    def update_controls(self) -> None:
        """Button and menu texts from the helper's state (installed, up to date) and from whether one runs."""
        if not self.busy:
            self.state = self.setup.state()
        installed, current = self.state.installed, self.state.current
        verb = "Update" if installed and not current else "Set up"
        self.install_action.setText(f"{verb} privileged &helper…")
        self.install_action.setEnabled(not self.busy and not current)
        self.install_action.setToolTip(self.state.summary)
        self.uninstall_action.setEnabled(not self.busy and installed)
        if self.bar_button is not None:
            self.bar_button.setText("Update helper…" if installed else "Set up…")
            self.bar_button.setVisible(not current)
            self.bar_button.setEnabled(not self.busy)
            self.bar_button.setToolTip(
                f"Install the privileged helper (asks for an administrator password): {self.state.summary}"
            )

    def ask_password_choice(self) -> bool | None:
        """The confirmation dialog: None when cancelled, else whether to skip passwords in this session."""
        box = self.password_dialog()
        if box.exec() != QMessageBox.StandardButton.Ok:
            return None
        return box.checkBox().isChecked()

    def password_dialog(self) -> QMessageBox:
        """The set-up question with the password choice (unticked: ask for a password)."""
        box = QMessageBox(self.window.widget)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Set up the privileged helper")
        box.setText(
            "Install RAMLens's privileged helper so the root-only Empty actions work without starting "
            "RAMLens as root? You will be asked for an administrator password."
        )
        box.setInformativeText(NO_PASSWORD_TIP)
        check = QCheckBox(NO_PASSWORD_TEXT, box)
        box.setCheckBox(check)
        box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        return box

    def request_install(self) -> None:
        """Ask, then install or update on the worker."""
        choice = self.ask_password_choice()
        if choice is not None:
            self.start(lambda: self.setup.install(no_password=choice), "Setting up the privileged helper…")

    def request_uninstall(self) -> None:
        """Confirm, then remove on the worker."""
        answer = QMessageBox.question(
            self.window.widget,
            "Remove the privileged helper",
            "Remove RAMLens's privileged helper and its polkit policy? Root-only Empty actions will need "
            "RAMLens started as root again. You will be asked for an administrator password.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.start(self.setup.uninstall, "Removing the privileged helper…")

    def start(self, call: Callable[[], SetupResult], message: str) -> None:
        """Run ``call`` (it asks for the password and blocks) on the worker thread."""
        if self.busy:
            return
        self.busy = True
        self.update_controls()
        self.window.notify(message, "info")
        self.pool.start(lambda: self._relay.done.emit(_guarded(call)))

    def _on_done(self, result: SetupResult) -> None:
        self.busy = False
        self.refresh_window()
        self.window.notify(result.message, "success" if result.ok else "error")
        self.finished.emit(result)

    def refresh_window(self) -> None:
        """Read availability and the privilege note again: rights change with the helper."""
        if isinstance(self.window.empty_menu, EmptyMenu):
            self.window.empty_menu.refresh()  # it also refreshes itself whenever it opens
        auto = self.window.plugins.get("autoclean")
        if isinstance(auto, AutoCleanUI):
            auto.controller.apply(auto.controller.engine.settings)  # re-reads availability
        if self.window.elevation_bar is not None:
            self.window.elevation_bar.set_note(self.window.backend.privilege_note())
        self.update_controls()


def _guarded(call: Callable[[], SetupResult]) -> SetupResult:
    """``call()`` on the worker; a bug still ends as a shown failure, never as a window stuck busy."""
    try:
        return call()
    except Exception as exc:  # noqa: BLE001 (reported to the person, with the type)
        return SetupResult(False, f"unexpected error ({type(exc).__name__}: {exc}); please report it")


def tools_menu(window: WindowApi) -> QMenu:
    """The window's Tools menu (auto-clean makes it), or a new one before Help."""
    auto = window.plugins.get("autoclean")
    if isinstance(auto, AutoCleanUI):
        return auto.tools_menu
    menu = QMenu("&Tools", window.widget)
    window.widget.menuBar().insertMenu(window.help_menu.menuAction(), menu)
    return menu


def install(window: WindowApi) -> HelperSetupUI | None:
    """Attach the helper's set-up when the backend offers it (None elsewhere)."""
    setup = window.capabilities.helper_setup
    return None if setup is None else HelperSetupUI(window, setup)
