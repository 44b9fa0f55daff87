"""`MessageCounter`: how long the notification's message is, counted as SMS are."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget


class MessageCounter(QLabel):
    """Under the message (`notifyMessageCounter`): characters and SMS parts while the type is
    SMS, an error when the message is too long to go by SMS; hidden for email."""

    def __init__(
        self,
        *,
        message: QPlainTextEdit,
        is_sms: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("notifyMessageCounter")
        self.setProperty("role", "hint")
        self._message = message
        self._is_sms = is_sms
        message.textChanged.connect(self.update_count)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.update_count()
        super().changeEvent(event)

    def update_count(self) -> None:
        """Count again (the message or the type changed)."""
        is_sms = self._is_sms()
        self.setVisible(is_sms)
        if not is_sms:
            return
        from gui.core.sms import MAX_SMS_CHARACTERS, sms_length

        length = sms_length(self._message.toPlainText())
        if length.too_long:
            text = self.tr("{characters:,} characters: at most {limit:,} can go by SMS").format(
                characters=length.characters, limit=MAX_SMS_CHARACTERS
            )
        else:
            text = self.tr("{characters:,} characters · {segments} SMS of 160").format(
                characters=length.characters, segments=length.segments
            )
        self.setText(text)
        self.setProperty("role", "fieldError" if length.too_long else "hint")
        self.style().unpolish(self)
        self.style().polish(self)
