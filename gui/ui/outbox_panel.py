"""`OutboxPanel`: the updates that are not confirmed yet, and what the user can do with them."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.destination import describe
from gui.core.messages import QT_TRANSLATE_NOOP
from gui.ui.i18n import local_time, translated
from gui.ui.record_table import RecordTable

if TYPE_CHECKING:
    from gui.core.destination import Destination
    from gui.core.outbox import OutboxItem

_COLUMNS = (
    QT_TRANSLATE_NOOP("OutboxPanel", "Ticket"),
    QT_TRANSLATE_NOOP("OutboxPanel", "Title"),
    QT_TRANSLATE_NOOP("OutboxPanel", "State"),
    QT_TRANSLATE_NOOP("OutboxPanel", "Attempts"),
    QT_TRANSLATE_NOOP("OutboxPanel", "Last error"),
    QT_TRANSLATE_NOOP("OutboxPanel", "Next try"),
)
_STATES = {
    "waiting": QT_TRANSLATE_NOOP("OutboxPanel", "Waiting"),
    "sending": QT_TRANSLATE_NOOP("OutboxPanel", "Sending…"),
    "needs_decision": QT_TRANSLATE_NOOP("OutboxPanel", "Needs your decision"),
}


class OutboxPanel(QDockWidget):
    """A table of the outbox with Retry now (Resend), Discard and Open in form.

    An item written for another server or account (where the window sent before the user
    signed in elsewhere) is shown with where it goes, and cannot be sent from here: Retry now
    and Resend are off for it. One 0.1.0 queued without saying where says where Resend sends.

    Signals:
        retry_requested(int): send this item now (for one that needs a decision: resend it).
        discard_requested(int): drop this item; it will not be sent.
        open_requested(object): load this OutboxItem's update into the form.
    """

    retry_requested = Signal(int)
    discard_requested = Signal(int)
    open_requested = Signal(object)

    def __init__(
        self, *, destination: Callable[[], Destination], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("outboxPanel")
        self._destination = destination  # where the window sends now
        self._items: list[OutboxItem] = []
        self.table = RecordTable(columns=_COLUMNS, object_name="outboxTable", accessible_name="")

        self.retry_button = QPushButton()
        self.retry_button.setObjectName("retryNowButton")
        self.discard_button = QPushButton()
        self.discard_button.setObjectName("discardButton")
        self.open_button = QPushButton()
        self.open_button.setObjectName("openInFormButton")

        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.table)
        column.addLayout(buttons)
        self.setWidget(body)

        self.retry_button.clicked.connect(self._on_retry_clicked)
        self.discard_button.clicked.connect(self._on_discard_clicked)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemActivated.connect(lambda _item: self._on_open_clicked())
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Outbox"))
        self.table.set_columns([translated(name) for name in _COLUMNS])
        self.table.setAccessibleName(self.tr("Updates waiting to be sent"))
        # Every button of the window's docks has its own mnemonic: Discard has none left.
        self.discard_button.setText(self.tr("Discard"))
        self.open_button.setText(self.tr("O&pen in form"))
        self.show_items(self._items)  # states and times in the new language

    def show_items(self, items: Sequence[OutboxItem]) -> None:
        """Show `items`, keeping the selected one selected."""
        selected = self.selected()
        self._items = list(items)
        here = self._destination()
        rows = []
        tickets_ahead: set[str] = set()  # an item goes out after the older ones of its ticket
        for item in self._items:
            error = translated(item.last_error)
            if item.destination is None:  # 0.1.0's: Resend sends it where the window sends
                error = f"{error} {self._resend_goes_to(here)}"
            state = translated(_STATES.get(item.state.value, item.state.value))
            if item.destination not in (None, here):  # not sent from here: say where it goes
                state = f"{state} · {self._elsewhere(item.destination, here)}"
                next_try = ""
            elif item.state.value != "waiting":
                next_try = ""
            elif item.ticket_id in tickets_ahead:
                next_try = self.tr("after the earlier update")
            elif item.next_try is None:
                next_try = ""
            elif item.next_try <= time.time():
                next_try = self.tr("now")
            else:
                next_try = local_time(item.next_try, with_date=False)
            tickets_ahead.add(item.ticket_id)
            rows.append(
                (
                    item.ticket_id,
                    item.update.title,
                    state,
                    str(item.attempts),
                    error,
                    next_try,
                )
            )
        self.table.set_rows(rows)
        for row, item in enumerate(self._items):
            if selected is not None and item.id == selected.id:
                self.table.selectRow(row)
        self._update_buttons()

    @property
    def items(self) -> list[OutboxItem]:
        """The items shown, oldest first."""
        return list(self._items)

    def selected(self) -> OutboxItem | None:
        row = self.table.selected_row()
        return self._items[row] if row is not None and row < len(self._items) else None

    def _resend_goes_to(self, here: Destination) -> str:
        return self.tr("Resend sends it to {base}.").format(
            base=translated(describe(here.api_base))
        )

    def _elsewhere(self, destination: Destination, here: Destination) -> str:
        """Where an item written for another server or account goes (not from here)."""
        base = translated(describe(destination.api_base))
        if destination.api_base == here.api_base:
            return self.tr("only with the account it was written for")
        return self.tr("only from {base}").format(base=base)

    def _update_buttons(self) -> None:
        item = self.selected()
        in_flight = item is not None and item.state.value == "sending"  # wait for its answer
        elsewhere = item is not None and item.destination not in (None, self._destination())
        self.retry_button.setEnabled(item is not None and not in_flight and not elsewhere)
        self.discard_button.setEnabled(item is not None and not in_flight)
        self.open_button.setEnabled(item is not None)
        needs_decision = item is not None and item.state.value == "needs_decision"
        self.retry_button.setText(self.tr("&Resend") if needs_decision else self.tr("&Retry now"))

    def _on_retry_clicked(self) -> None:
        if (item := self.selected()) is not None:
            self.retry_requested.emit(item.id)

    def _on_discard_clicked(self) -> None:
        if (item := self.selected()) is not None:
            self.discard_requested.emit(item.id)

    def _on_open_clicked(self) -> None:
        if (item := self.selected()) is not None:
            self.open_requested.emit(item)
