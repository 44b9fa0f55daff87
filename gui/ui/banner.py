"""`Banner`: the one place where the window tells the user how things went."""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class BannerKind(enum.StrEnum):
    """The banner's `kind` property, also used by the stylesheet for its colours."""

    SUCCESS = "success"
    ERROR = "error"
    INFO = "info"


class Banner(QLabel):
    """A message strip above the form; hidden while there is nothing to say.

    The text is always plain text, so nothing a server sends can turn into markup.
    """

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(self.tr("Status message"))
        self.setProperty("kind", BannerKind.INFO.value)
        self.hide()

    @property
    def kind(self) -> BannerKind:
        return BannerKind(self.property("kind"))

    def show_message(self, kind: BannerKind, text: str) -> None:
        self.setProperty("kind", kind.value)
        self.setText(text)
        self.setAccessibleDescription(text)
        # A dynamic property only restyles after a re-polish.
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()
