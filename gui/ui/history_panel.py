"""`HistoryPanel`: every attempt to send an update, searchable, each loadable into the form."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.messages import QT_TRANSLATE_NOOP
from gui.ui.i18n import local_time, translated
from gui.ui.record_table import RecordTable

if TYPE_CHECKING:
    from gui.core.outbox import HistoryEntry

_COLUMNS = (
    QT_TRANSLATE_NOOP("HistoryPanel", "When"),
    QT_TRANSLATE_NOOP("HistoryPanel", "Ticket"),
    QT_TRANSLATE_NOOP("HistoryPanel", "Outcome"),
    QT_TRANSLATE_NOOP("HistoryPanel", "HTTP"),
    QT_TRANSLATE_NOOP("HistoryPanel", "Message"),
)
_OUTCOMES = {
    "sent": QT_TRANSLATE_NOOP("HistoryPanel", "sent"),
    "failed": QT_TRANSLATE_NOOP("HistoryPanel", "failed"),
    "refused": QT_TRANSLATE_NOOP("HistoryPanel", "refused"),
    "discarded": QT_TRANSLATE_NOOP("HistoryPanel", "discarded"),
}
#: A new ticket that was sent: the id column holds the id the server gave it.
_CREATED = QT_TRANSLATE_NOOP("HistoryPanel", "created")
#: How long after the last keystroke in the filter the history is searched again.
_FILTER_DELAY_MS = 250


class HistoryPanel(QDockWidget):
    """The history table, a filter (ticket id or any text), and Open in form.

    Signals:
        search_requested(str): look up the history for this filter text.
        open_requested(object): load this HistoryEntry into the form.
    """

    search_requested = Signal(str)
    open_requested = Signal(object)

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self._entries: list[HistoryEntry] = []
        self.filter = QLineEdit()
        self.filter.setObjectName("historyFilter")
        self.filter.setClearButtonEnabled(True)
        self.table = RecordTable(columns=_COLUMNS, object_name="historyTable", accessible_name="")
        self.open_button = QPushButton()
        self.open_button.setObjectName("openHistoryButton")

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.filter)
        column.addWidget(self.table)
        column.addLayout(buttons)
        self.setWidget(body)

        self._search = QTimer(self, singleShot=True, interval=_FILTER_DELAY_MS)
        self._search.timeout.connect(self.refresh)
        self.filter.textChanged.connect(self._search.start)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.table.itemActivated.connect(lambda _item: self._on_open_clicked())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.visibilityChanged.connect(self._on_visibility_changed)
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("History"))
        self.filter.setPlaceholderText(self.tr("Filter by ticket id or any text"))
        self.filter.setAccessibleName(self.tr("Filter"))
        self.filter.setAccessibleDescription(
            self.tr("Shows the updates whose ticket id, message or values contain this text.")
        )
        self.table.set_columns([translated(name) for name in _COLUMNS])
        self.table.setAccessibleName(self.tr("Updates sent before"))
        self.open_button.setText(self.tr("Open in for&m"))
        self.show_entries(self._entries)  # outcomes and dates in the new language

    def refresh(self) -> None:
        self._search.stop()
        self.search_requested.emit(self.filter.text().strip())

    def show_entries(self, entries: Sequence[HistoryEntry]) -> None:
        self._entries = list(entries)
        self.table.set_rows(
            [
                (
                    local_time(entry.at),
                    entry.ticket_id,
                    _outcome(entry),
                    "" if entry.status is None else str(entry.status),
                    translated(entry.message),
                )
                for entry in self._entries
            ]
        )
        self._update_buttons()

    def selected(self) -> HistoryEntry | None:
        row = self.table.selected_row()
        return self._entries[row] if row is not None and row < len(self._entries) else None

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected() is not None)

    def _on_open_clicked(self) -> None:
        if (entry := self.selected()) is not None:
            self.open_requested.emit(entry)

    def _on_visibility_changed(self, visible: bool) -> None:
        if visible:
            self.refresh()


def _outcome(entry: HistoryEntry) -> str:
    if entry.created and entry.outcome == "sent":
        return translated(_CREATED)
    return translated(_OUTCOMES[entry.outcome]) if entry.outcome in _OUTCOMES else entry.outcome
