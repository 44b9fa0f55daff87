"""`RecordTable`: a read-only table of records, one selectable row each (outbox, history)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)


class RecordTable(QTableWidget):
    """Rows of plain text under fixed column titles; one row can be selected at a time."""

    def __init__(
        self,
        *,
        columns: Sequence[str],
        object_name: str,
        accessible_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(0, len(columns), parent)
        self.setObjectName(object_name)
        self.setAccessibleName(accessible_name)
        self.setHorizontalHeaderLabels(list(columns))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)

    def set_columns(self, columns: Sequence[str]) -> None:
        """New column titles (the same number of columns; a language change)."""
        self.setHorizontalHeaderLabels(list(columns))

    def set_rows(self, rows: Sequence[Sequence[str]]) -> None:
        """Show `rows` (each cell's full text is also its tooltip)."""
        self.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.setItem(row, column, cell)

    def selected_row(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else None
