"""The part of Qt's model API every flat table model here shares: a row per entry, fixed columns."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt


class RowsModel(QAbstractTableModel):
    """A flat table of ``rows`` with ``column_count`` columns; subclasses answer ``cell``."""

    column_count = 0
    rows: Sequence[object] = ()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Qt model API."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Qt model API."""
        return 0 if parent.isValid() else self.column_count

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Qt model API: what ``cell`` says for a valid index."""
        if not index.isValid():
            return None
        return self.cell(index.row(), index.column(), role)

    def cell(self, row: int, column: int, role: int) -> object:
        """What the cell at ``row``, ``column`` holds for ``role`` (None: nothing)."""
        return None
