"""`WindowStatusBar`: where updates go, how many wait in the outbox, and "Sending…"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar, QWidget

from gui.ui.i18n import translated


class WindowStatusBar(QStatusBar):
    """The connection label (`connectionLabel`) and a flat "N updates waiting" button
    (`outboxStatus`, hidden while the outbox is empty) that opens the outbox.

    Signals:
        outbox_requested(): the user pressed "N updates waiting".
    """

    outbox_requested = Signal()

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.connection_label = QLabel()
        self.connection_label.setObjectName("connectionLabel")
        self.outbox_status = QPushButton()
        self.outbox_status.setObjectName("outboxStatus")
        self.outbox_status.setFlat(True)
        self.outbox_status.clicked.connect(self.outbox_requested)
        self.outbox_status.hide()
        self.addPermanentWidget(self.outbox_status)
        self.addPermanentWidget(self.connection_label)
        self._waiting = 0
        self._sending = False
        self._retranslate()

    @property
    def waiting(self) -> int:
        """How many items the outbox holds, as last shown."""
        return self._waiting

    def show_waiting(self, count: int) -> None:
        self._waiting = count
        self.outbox_status.setVisible(count > 0)
        if count > 0:  # the reports load with the outbox that counts (not with the first frame)
            from gui.core import reports

            self.outbox_status.setText(translated(reports.updates_waiting(count)))

    def set_sending(self, sending: bool) -> None:
        self._sending = sending
        if sending:
            self.showMessage(self.tr("Sending…"))
        else:
            self.clearMessage()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.outbox_status.setToolTip(self.tr("Show the outbox (Ctrl+Shift+O)"))
        self.show_waiting(self._waiting)
        if self._sending:
            self.showMessage(self.tr("Sending…"))
