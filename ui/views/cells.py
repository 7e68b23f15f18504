"""The read-only table cell and the colour swatch the views share.

The flags are combined once here: or-ing Qt's flags is a Python call, and a table of frames or
free blocks makes thousands of cells.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QTableWidgetItem

READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def table_item(text: str, align_right: bool = True, tip: str = "") -> QTableWidgetItem:
    """A cell that can be selected but not edited, right-aligned unless told otherwise."""
    item = QTableWidgetItem(text)
    item.setFlags(READ_ONLY)
    if align_right:
        item.setTextAlignment(RIGHT)
    if tip:
        item.setToolTip(tip)
    return item


def swatch(color: QColor) -> QIcon:
    """A 12-pixel square of one colour, for a cell's icon."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(color)
    return QIcon(pixmap)
