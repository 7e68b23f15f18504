"""Qt's own log messages: pass them on, except the platform plugin notes that say nothing to a user."""

from __future__ import annotations

import sys

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

# Printed by the offscreen and Wayland plugins on every run whenever a window shows; harmless.
IGNORED = ("This plugin does not support propagateSizeHints()",)


def _handler(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    if message in IGNORED:
        return
    print(message, file=sys.stderr)


def install() -> None:
    """Route Qt's messages through the filter above (idempotent)."""
    qInstallMessageHandler(_handler)
