"""`KnownTicketCompleter`: the ticket id completes from the tickets this computer knows."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

_ID = Qt.ItemDataRole.UserRole


class KnownTicketCompleter(QCompleter):
    """Offers "tic_1001 · Leaking faucet" for what is typed in the id (part of the id or of
    the title); picking one puts only the id in the field.

    Signals:
        picked(str): the user picked this ticket id.
    """

    picked = Signal(str)

    def __init__(self, editor: QLineEdit) -> None:
        self._model = QStandardItemModel()
        super().__init__(self._model, editor)
        self._model.setParent(self)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        editor.setCompleter(self)
        self.activated.connect(self._on_activated)  # the text: the id (see pathFromIndex)

    def set_tickets(self, tickets: Iterable[tuple[str, str]]) -> None:
        """Offer these (id, title) pairs, in this order."""
        self._model.clear()
        for ticket_id, title in tickets:
            item = QStandardItem(f"{ticket_id} · {title}" if title else ticket_id)
            item.setData(ticket_id, _ID)
            self._model.appendRow(item)

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(_ID) or super().pathFromIndex(index))

    def _on_activated(self, text: str) -> None:
        if text:
            self.picked.emit(text)
