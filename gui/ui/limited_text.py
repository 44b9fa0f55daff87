"""Text editors that never take more than their field's limit (`Field.max_length`), however
the text comes in (typed, pasted with the keyboard, the context menu or the middle button,
dropped), so a megabyte on the clipboard never reaches the widget, and that say how much was
left out (`overflowed`), for the form to tell the user.

Lengths are UTF-16 code units, as Qt counts them (and `gui.core.fields.utf16_length`); a cut
never splits a character in two.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDropEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
)
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from gui.core.fields import utf16_length

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData


def fitting(text: str, room: int) -> str:
    """The start of `text` that takes at most `room` UTF-16 code units, whole characters."""
    if room <= 0:
        return ""
    if text.isascii() or utf16_length(text) <= room:
        return text[:room]
    kept, used = [], 0
    for character in text:
        size = 2 if ord(character) > 0xFFFF else 1
        if used + size > room:
            break
        kept.append(character)
        used += size
    return "".join(kept)


def _typed(event: QKeyEvent) -> str:
    """The text a key press would type, or "" for a key that types nothing (a shortcut)."""
    text = event.text()
    if not text or event.modifiers() & (
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier
    ):
        return ""
    return text if text.isprintable() or text in ("\r", "\n") else ""


class LimitedLineEdit(QLineEdit):
    """A one-line editor that holds at most `limit` characters (also its maxLength).

    Signals:
        overflowed(int): what came in did not fit: that many characters were left out (0 when a
            key was refused because the field is full).
    """

    overflowed = Signal(int)

    def __init__(self, *, limit: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxLength(limit)

    def room(self) -> int:
        """How many more characters fit, the selection being replaced."""
        taken = utf16_length(self.text()) - utf16_length(self.selectedText())
        return self.maxLength() - taken

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.isReadOnly():
            if event.matches(QKeySequence.StandardKey.Paste):
                clipboard = QGuiApplication.clipboard()
                if self._insert_capped(clipboard.text(clipboard.Mode.Clipboard)):
                    event.accept()
                    return
            elif (typed := _typed(event)) and utf16_length(typed) > self.room():
                event.accept()
                self.overflowed.emit(0)
                return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        clipboard = QGuiApplication.clipboard()
        if (
            event.button() == Qt.MouseButton.MiddleButton
            and clipboard.supportsSelection()
            and not self.isReadOnly()
        ):
            selection = clipboard.text(clipboard.Mode.Selection)
            if utf16_length(selection) > self.room():
                self.deselect()
                self.setCursorPosition(self.cursorPositionAt(event.position().toPoint()))
                self._insert_capped(selection)
                event.accept()
                return
        super().mouseReleaseEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        text = event.mimeData().text() if event.mimeData().hasText() else ""
        if not self.isReadOnly() and utf16_length(text) > self.room():
            self.setCursorPosition(self.cursorPositionAt(event.position().toPoint()))
            self._insert_capped(text)
            event.acceptProposedAction()
            return
        super().dropEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu()
        for action in menu.actions():
            if action.objectName() == "edit-paste":  # Qt's name for its Paste action
                action.triggered.disconnect()
                action.triggered.connect(self._paste)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _paste(self) -> None:
        clipboard = QGuiApplication.clipboard()
        text = clipboard.text(clipboard.Mode.Clipboard)
        if not self._insert_capped(text):
            self.paste()

    def _insert_capped(self, text: str) -> bool:
        """Insert what fits of `text` and say what was left out; False (nothing done) when all
        of it fits, for Qt's own handling."""
        room = self.room()
        size = utf16_length(text)
        if size <= room:
            return False
        kept = fitting(text, room)
        if kept or self.hasSelectedText():
            self.insert(kept)  # as typed: textEdited follows
        self.overflowed.emit(size - utf16_length(kept))
        return True


class LimitedPlainTextEdit(QPlainTextEdit):
    """A multi-line editor that holds at most `limit` characters.

    Signals:
        overflowed(int): as `LimitedLineEdit.overflowed`.
    """

    overflowed = Signal(int)

    def __init__(self, *, limit: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = limit

    def room(self) -> int:
        taken = utf16_length(self.toPlainText()) - utf16_length(
            self.textCursor().selection().toPlainText()
        )
        return self.limit - taken

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Every paste and drop comes through here: keep what fits."""
        text = source.text() if source.hasText() else ""
        room = self.room()
        size = utf16_length(text)
        if size <= room:
            super().insertFromMimeData(source)
            return
        kept = fitting(text, room)
        if kept or self.textCursor().hasSelection():
            self.textCursor().insertText(kept)
            self.ensureCursorVisible()
        self.overflowed.emit(size - utf16_length(kept))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        typed = _typed(event)
        if not self.isReadOnly() and typed and utf16_length(typed) > self.room():
            event.accept()
            self.overflowed.emit(0)
            return
        super().keyPressEvent(event)
