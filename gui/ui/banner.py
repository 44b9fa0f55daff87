"""`Banner`: the one place where the window tells the user how things went."""

from __future__ import annotations

import enum

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

from gui.ui.i18n import translated


class BannerKind(enum.StrEnum):
    """The banner's `kind` property, also used by the stylesheet for its colours."""

    SUCCESS = "success"
    ERROR = "error"
    INFO = "info"


class Banner(QLabel):
    """A message strip above the form; hidden while there is nothing to say.

    The text is always plain text, so nothing a server sends can turn into markup. A message
    given as a `Message` (gui.core.messages) is shown in the user's language, and shown again
    in the new one when the language changes.
    """

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setProperty("kind", BannerKind.INFO.value)
        self._message = ""
        self._retranslate()
        self.hide()

    @property
    def kind(self) -> BannerKind:
        return BannerKind(self.property("kind"))

    def message(self) -> str:
        """The message as it was given (a Message stays one), "" when there is none."""
        return self._message

    def show_message(self, kind: BannerKind, text: str) -> None:
        self.setProperty("kind", kind.value)
        self._message = text
        self._show_text()
        # A dynamic property only restyles after a re-polish.
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()

    def clear_message(self) -> None:
        self._message = ""
        self.clear()
        self.setAccessibleDescription("")
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Status message"))
        if self._message:
            self._show_text()

    def _show_text(self) -> None:
        text = translated(self._message)
        self.setText(text)
        self.setAccessibleDescription(text)
