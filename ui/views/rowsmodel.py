"""The part of Qt's model API every flat table model here shares: a row per entry, fixed columns."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """A flat table of ``rows`` with ``column_count`` columns; subclasses answer ``data``."""

    column_count = 0
    rows: Sequence[object] = ()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Qt model API."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Qt model API."""
        return 0 if parent.isValid() else self.column_count
