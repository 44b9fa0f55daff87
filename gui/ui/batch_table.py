"""`BatchTableModel` and `BatchTable`: the rows of File ▸ Many tickets…, one per ticket.

A model rather than a table of items: 500 rows are shown (and re-shown after every check) at the
cost of a reset, and the view paints only the rows on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from gui.ui.i18n import translated
from gui.ui.palette import DARK, LIGHT, Scheme, current_scheme

if TYPE_CHECKING:
    from gui.core.batch import BatchRow, RowResult
    from gui.core.errors import FieldError

TICKET, TITLE, STATUS, CHECK, RESULT = range(5)
#: The column that shows a field's problem (CHECK shows every problem of its row).
_COLUMN_OF = {"ticketId": TICKET, "title": TITLE, "description": TITLE, "status": STATUS}
_Index = QModelIndex | QPersistentModelIndex


class BatchTableModel(QAbstractTableModel):
    """The checked rows and, once sent, the result of each."""

    def __init__(self, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[BatchRow] = []
        self._results: list[RowResult | None] = []
        self._labels: dict[str, str] = {}
        self._wrong, self._ok = QBrush(), QBrush()

    # --- What it shows -----------------------------------------------------------------------

    def set_rows(self, rows: Sequence[BatchRow]) -> None:
        """Show `rows`, with no results."""
        self.beginResetModel()
        colours = DARK if current_scheme() is Scheme.DARK else LIGHT  # the scheme of now
        self._wrong = QBrush(colours.error_text)
        self._ok = QBrush(colours.success_text)
        self._rows = list(rows)
        self._results = [None] * len(self._rows)
        self.endResetModel()

    def rows(self) -> list[BatchRow]:
        return list(self._rows)

    def set_result(self, position: int, result: RowResult | None) -> None:
        """The result of the row at `position` (None: none yet)."""
        self._results[position] = result
        self.dataChanged.emit(self.index(position, CHECK), self.index(position, RESULT))

    def results(self) -> list[RowResult | None]:
        return list(self._results)

    def clear_results(self) -> None:
        self._results = [None] * len(self._rows)
        if self._rows:
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, RESULT), self.index(last, RESULT))

    def set_field_labels(self, labels: dict[str, str]) -> None:
        """The form's label of each field (API name), to name it in a problem."""
        self._labels = labels
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, RESULT)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, RESULT))

    def problems(self, position: int, column: int) -> list[str]:
        """The problems shown in the cell (translated), for tests and the tooltip."""
        row = self._rows[position]
        return [self._said(error) for error in _in_column(row.errors, column)]

    # --- QAbstractTableModel -----------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else RESULT + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Ticket"),
            self.tr("Title"),
            self.tr("Status"),
            self.tr("Check"),
            self.tr("Result"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        result = self._results[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, result, column, tooltip=role == Qt.ItemDataRole.ToolTipRole)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == RESULT:
                return self._ok if result is not None and result.state == "sent" else None
            if column == CHECK:
                return self._ok if row.ok else self._wrong
            return self._wrong if _in_column(row.errors, column) else None
        return None

    def _text(self, row: BatchRow, result: RowResult | None, column: int, *, tooltip: bool) -> str:
        problems = [self._said(error) for error in _in_column(row.errors, column)]
        if column == CHECK:  # every problem of the row
            return ("\n" if tooltip else "; ").join(problems) if problems else self.tr("✓ OK")
        if column == RESULT:
            if result is None:
                return ""
            said = translated(result.message)
            errors = [self._said(error) for error in result.errors]
            return "\n".join([said, *errors]) if tooltip else " ".join([said, *errors])
        value = (row.ticket_id, row.title, row.status)[column]
        if not problems:
            return value
        if tooltip:
            return "\n".join(problems)
        return f"⚠ {value} — {problems[0]}" if value else f"⚠ {problems[0]}"

    def _said(self, error: FieldError) -> str:
        label = self._labels.get(error.field, error.field)
        return f"{label}: {translated(error.message)}"


def _in_column(errors: Sequence[FieldError], column: int) -> list[FieldError]:
    """The problems a cell of `column` shows: its field's, or all of them in CHECK."""
    if column == CHECK:
        return list(errors)
    return [error for error in errors if _COLUMN_OF.get(error.field) == column]


class BatchTable(QTableView):
    """The table of `BatchTableModel` (objectName `batchTable`)."""

    def __init__(self, model: BatchTableModel, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batchTable")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((TICKET, 90), (TITLE, 180), (STATUS, 80), (CHECK, 200)):
            self.setColumnWidth(column, width)
