"""Tools-menu entries of the session: start with it, skip the UAC prompt (Windows), the global hotkey.

Each appears only where the backend offers its capability (session_start, skip_uac, hotkeys).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray, QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app import actions, hotkey
from app.backends.base import ActionError, GlobalHotkeys, SessionStart, SkipUacTask
from ui.helper_setup import tools_menu
from ui.window_api import WindowApi

HOTKEY_ID = 0x5231  # an application's id (0x0000–0xBFFF, MS RegisterHotKey)
SETTING_HOTKEY = "hotkey/keys"  # "" = no hotkey
SETTING_HOTKEY_ACTION = "hotkey/action"
NATIVE_MESSAGE = b"windows_generic_MSG"  # Qt's eventType for a Windows MSG


class HotkeyDialog(QDialog):
    """Choose the key combination and the clean it runs; keeps its input when the keys are refused."""

    def __init__(self, keys: str, action_id: str, choices: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Global hotkey"))
        self.setMinimumWidth(440)
        self.enabled = QCheckBox(self.tr("Run a clean with a key combination, from any program"))
        self.enabled.setChecked(bool(keys))
        self.keys = QLineEdit(keys or hotkey.DEFAULT)
        self.keys.setPlaceholderText(hotkey.DEFAULT)
        self.action = QComboBox()
        for action_id_choice in choices:
            self.action.addItem(actions.label(action_id_choice), action_id_choice)
        self.action.setCurrentIndex(max(0, self.action.findData(action_id)))
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b3261e")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.enabled)
        form.addRow(self.tr("Keys"), self.keys)
        form.addRow(self.tr("Runs"), self.action)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.error)
        column.addWidget(buttons)
        self.apply: Callable[[str, str], str] = lambda _keys, _action: ""

    def accept(self) -> None:
        """Apply; on a refusal say why and stay open with what was typed."""
        keys = self.keys.text().strip() if self.enabled.isChecked() else ""
        problem = self.apply(keys, str(self.action.currentData()))
        if problem:
            self.error.setText(problem)
            self.adjustSize()  # room for the reason, never over the fields
            return
        super().accept()


class _NativeHotkeyFilter(QAbstractNativeEventFilter):
    """Hands each native Windows message to the session controller (WM_HOTKEY is one of them)."""

    def __init__(self, on_message: Callable[[int], bool]):
        super().__init__()
        self.on_message = on_message

    def nativeEventFilter(  # noqa: N802 (Qt's name)
        self, event_type: QByteArray | bytes | bytearray | memoryview, message: int
    ) -> tuple[bool, int]:
        """True (handled) for our hotkey; every other message goes on to Qt."""
        kind = event_type.data() if isinstance(event_type, QByteArray) else bytes(event_type)
        if kind == NATIVE_MESSAGE and self.on_message(int(message)):
            return True, 0
        return False, 0


class SessionUI(QObject):
    """The Tools-menu entries for what the backend offers."""

    def __init__(
        self,
        window: WindowApi,
        start: SessionStart | None,
        skip_uac: SkipUacTask | None,
        hotkeys: GlobalHotkeys | None,
    ):
        super().__init__(window.widget)
        self.window = window
        self.start = start
        self.skip_uac = skip_uac
        self.hotkeys = hotkeys
        self.hotkey_registered = False
        menu = tools_menu(window)
        menu.addSeparator()
        self.start_action: QAction | None = None
        self.skip_uac_action: QAction | None = None
        self.hotkey_action: QAction | None = None
        if start is not None:
            self.start_action = self._switch(
                self.tr("Start with the session"),
                self.tr("Start RAMLens minimized to the tray when you log in (%1)").replace(
                    "%1", start.location()
                ),
                self._enabled(start.enabled),
                self._set_start,
            )
            menu.addAction(self.start_action)
        if skip_uac is not None:
            self.skip_uac_action = self._switch(
                self.tr("Start as administrator without the prompt"),
                self.tr("A scheduled task starts the window elevated: no UAC prompt each time"),
                self._enabled(skip_uac.installed),
                self._set_skip_uac,
            )
            menu.addAction(self.skip_uac_action)
        if hotkeys is not None:
            self.hotkey_action = QAction(self.tr("Global hotkey…"), self)
            self.hotkey_action.triggered.connect(self.open_hotkey_dialog)
            menu.addAction(self.hotkey_action)
            self.filter = _NativeHotkeyFilter(self.on_native_message)
            QCoreApplication.instance().installNativeEventFilter(self.filter)  # type: ignore[union-attr]
            saved = str(window.settings.value(SETTING_HOTKEY, "", type=str))
            problem = self.set_hotkey(saved, self.hotkey_action_id()) if saved else ""
            if problem:
                window.notify(problem, "warning")

    def _switch(self, text: str, tip: str, checked: bool, on_toggle: Callable[[bool], None]) -> QAction:
        action = QAction(text, self)
        action.setCheckable(True)
        action.setChecked(checked)
        action.setToolTip(tip)
        action.toggled.connect(on_toggle)
        return action

    def _enabled(self, read: Callable[[], bool]) -> bool:
        try:
            return read()
        except ActionError as exc:
            self.window.notify(str(exc), "warning")
            return False

    def _apply(self, action: QAction | None, on: bool, change: Callable[[], None], done: str) -> None:
        """Run ``change``; on refusal say why and put the check mark back."""
        try:
            change()
        except ActionError as exc:
            self.window.notify(str(exc), "error")
            if action is not None:
                action.blockSignals(True)
                action.setChecked(not on)
                action.blockSignals(False)
            return
        self.window.notify(done, "success")

    def _set_start(self, on: bool) -> None:
        assert self.start is not None
        start = self.start
        self._apply(
            self.start_action,
            on,
            start.enable if on else start.disable,
            self.tr("RAMLens starts with the session (%1)").replace("%1", start.location())
            if on
            else self.tr("RAMLens no longer starts with the session"),
        )

    def _set_skip_uac(self, on: bool) -> None:
        assert self.skip_uac is not None
        task = self.skip_uac
        self._apply(
            self.skip_uac_action,
            on,
            (lambda: task.install(at_logon=False)) if on else task.remove,
            self.tr("Restarting as administrator no longer asks")
            if on
            else self.tr("The UAC prompt is back"),
        )

    # ----- the hotkey -----------------------------------------------------------------------------

    def hotkey_action_id(self) -> str:
        """The clean the hotkey runs (Empty all unless chosen otherwise)."""
        return str(self.window.settings.value(SETTING_HOTKEY_ACTION, actions.ALL, type=str))

    def set_hotkey(self, keys: str, action_id: str) -> str:
        """Register ``keys`` for ``action_id`` ("" keys: none); returns why not ("" when done)."""
        assert self.hotkeys is not None
        window_id = int(self.window.widget.winId())
        try:
            parsed = hotkey.parse(keys) if keys else None
        except hotkey.HotkeyError as exc:
            return str(exc)
        if self.hotkey_registered:
            self.hotkeys.unregister(window_id, HOTKEY_ID)
            self.hotkey_registered = False
        if parsed is not None:
            try:
                self.hotkeys.register(window_id, HOTKEY_ID, parsed)
            except ActionError as exc:
                return str(exc)
            self.hotkey_registered = True
        self.window.settings.setValue(SETTING_HOTKEY, str(parsed) if parsed else "")
        self.window.settings.setValue(SETTING_HOTKEY_ACTION, action_id)
        return ""

    def open_hotkey_dialog(self) -> HotkeyDialog:
        """Tools › Global hotkey…; returns the dialog (shown, not blocking)."""
        choices = [a.action_id for a in self.window.backend.availability()] + [actions.ALL]
        saved = str(self.window.settings.value(SETTING_HOTKEY, "", type=str))
        dialog = HotkeyDialog(saved, self.hotkey_action_id(), choices, self.window.widget)
        dialog.apply = self.set_hotkey
        dialog.show()
        return dialog

    def on_native_message(self, message: int) -> bool:
        """Run the chosen clean when the message is our WM_HOTKEY; True when it was."""
        assert self.hotkeys is not None
        if not self.hotkey_registered or self.hotkeys.pressed(message) != HOTKEY_ID:
            return False
        self.window.request_action(self.hotkey_action_id())
        return True


def install(window: WindowApi) -> SessionUI | None:
    """The entries this backend offers (None when it offers none)."""
    caps = window.capabilities
    if caps.session_start is None and caps.skip_uac is None and caps.hotkeys is None:
        return None
    return SessionUI(window, caps.session_start, caps.skip_uac, caps.hotkeys)
