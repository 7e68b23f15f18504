"""Bring a row up to date just before its tooltip shows: exact figures written at a slower pace are
exact and current whenever someone hovers them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem


class FreshTooltips(QObject):
    """Calls ``refresh(item)`` for the row under the pointer before ``tree`` shows its tooltip."""

    def __init__(self, tree: QTreeWidget, refresh: Callable[[QTreeWidgetItem], None]):
        super().__init__(tree)
        self._tree = tree
        self._refresh = refresh
        tree.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Refresh the hovered row, then let the view show the tooltip it now holds."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            item = self._tree.itemAt(event.pos())
            if item is not None:
                self._refresh(item)
        return False
