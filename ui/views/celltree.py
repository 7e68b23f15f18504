"""A tree widget that repaints only the cells that changed, not their whole rows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from PySide6.QtCore import QRect, Signal
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QTreeWidget


class CellPaintTree(QTreeWidget):
    """QTreeWidget painting each rectangle of a dirty region on its own.

    Given a region of several rectangles (cells changed in several rows and columns), QTreeView
    paints every column of every row they touch; given one rectangle, only the columns inside it.
    A table whose figures change every second has a few changed cells per row: painting them
    rectangle by rectangle skips the unchanged cells and the text layout each of them costs.
    """

    resized = Signal()  # after the tree took a new size: other rows may be in view

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        """Resize, then say so."""
        super().resizeEvent(event)
        self.resized.emit()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        """Paint the region one rectangle at a time."""
        region = event.region()
        if region.rectCount() < 2:
            super().paintEvent(event)
            return
        for rect in cast("Iterable[QRect]", region):  # PySide iterates a QRegion; its stubs do not say so
            super().paintEvent(QPaintEvent(rect))
