"""Bars across the top of the window: the result banner and the not-elevated notice."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

_STYLES = {
    "info": ("#e8f1fb", "#2d6cb5"),
    "success": ("#e9f6ec", "#2f8a46"),
    "error": ("#fdecea", "#b3261e"),
    "warning": ("#fff6df", "#9a6a00"),
}


class MessageBar(QFrame):
    """A dismissable, non-modal banner: the last action's result or error, in words.

    Successes fade out on their own after ``timeout_ms``; errors stay until dismissed, because
    a person has to read what to do about them.
    """

    def __init__(self, parent: QWidget | None = None, timeout_ms: int = 20000):
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.level = "info"
        self._timeout_ms = timeout_ms
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.timeout.connect(self.dismiss)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip("Dismiss")
        self.close_button.clicked.connect(self.dismiss)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, text: str, level: str = "info") -> None:
        """Show ``text``; level is info, success, warning or error (colours and auto-hide follow)."""
        self.level = level
        background, accent = _STYLES.get(level, _STYLES["info"])
        self.setStyleSheet(
            f"#messageBar {{ background: {background}; border: 1px solid {accent}; border-radius: 4px; }}"
            f"#messageBar QLabel {{ color: #1d1d1d; }}"
        )
        self.label.setText(text)
        self.show()
        if level in ("success", "info"):
            self._hide_timer.start(self._timeout_ms)
        else:
            self._hide_timer.stop()

    def dismiss(self) -> None:
        """Hide the banner."""
        self._hide_timer.stop()
        self.hide()


class ElevationBar(QFrame):
    """Says what running without administrator/root rights costs, with ways to get them."""

    def __init__(self, note: str, relaunch: Callable[[], None] | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("elevationBar")
        self.setStyleSheet(
            "#elevationBar { background: #fff6df; border: 1px solid #d9b44a; border-radius: 4px; }"
            "#elevationBar QLabel { color: #3b2f00; }"
        )
        self.label = QLabel(note, self)
        self.label.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.label, 1)
        self._buttons = QHBoxLayout()  # between the text and the close button
        row.addLayout(self._buttons)
        self.relaunch_button: QPushButton | None = None
        if relaunch is not None:
            self.relaunch_button = self.add_button("Restart as administrator", relaunch)
        close = QToolButton(self)
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip("Hide this notice")
        close.clicked.connect(self.hide)
        row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)

    def add_button(self, text: str, callback: Callable[[], None]) -> QPushButton:
        """A button after the others, before the close button (e.g. the privileged helper's "Set up…")."""
        button = QPushButton(text, self)
        button.clicked.connect(callback)
        self._buttons.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        return button

    def set_note(self, note: str) -> None:
        """Replace the text (rights changed, e.g. after the helper was set up)."""
        self.label.setText(note)
