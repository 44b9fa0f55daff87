"""The form's editor for each kind of field (`gui.core.fields.Kind`): which widget it is, which
of its signals says the user edited it, and how a draft's value goes in and comes out.

The time field's module (with the datetime library) loads with the notification's rows, after
the window's first frame (`TicketForm.add_notify_rows`): each function here tries it last."""

from __future__ import annotations

from typing import TYPE_CHECKING, assert_never

from PySide6.QtCore import QEvent, QObject, Qt, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from gui.core.fields import ContactType, Field, Kind
from gui.ui.limited_text import LimitedLineEdit, LimitedPlainTextEdit
from gui.ui.status_field import StatusField

if TYPE_CHECKING:
    from gui.ui.time_field import OptionalDateTimeEdit


def named_editor(field: Field) -> QWidget:
    """`field`'s empty editor, named by its API name (for tests, styles and automation)."""
    editor = new_editor(field.kind, limit=field.max_length)
    editor.setObjectName(field.name)
    return editor


def new_editor(kind: Kind, *, limit: int = 0) -> QWidget:
    """An empty editor for a field of `kind`; its texts are the form's. A text field's editor
    takes at most `limit` characters (`Field.max_length`) and says when some were left out."""
    match kind:
        case Kind.ID:
            line = LimitedLineEdit(limit=limit)
            line.setPlaceholderText("tic_…")  # an id, the same in any language
            return line
        case Kind.LINE | Kind.CONTACTS:
            return LimitedLineEdit(limit=limit)
        case Kind.LINES:  # Tab moves on to the next field (`TabTyper`: Ctrl+Tab)
            lines = LimitedPlainTextEdit(limit=limit)
            lines.setTabChangesFocus(True)
            return lines
        case Kind.STATUS:  # typed, or picked from the statuses offered
            status = StatusField()
            if (typed := status.lineEdit()) is not None:
                typed.setMaxLength(limit)  # a longer paste is cut short by Qt
            return status
        case Kind.FLAG:
            return QCheckBox()
        case Kind.CONTACT_TYPE:
            types = QComboBox()
            for contact_type in ContactType:
                types.addItem("", contact_type.value)  # the texts: TicketForm._retranslate
            return types
        case Kind.TIME:
            from gui.ui.time_field import OptionalDateTimeEdit

            return OptionalDateTimeEdit()
    assert_never(kind)


class TabTyper(QObject):
    """For a multi-line field whose Tab moves the focus on (`tabChangesFocus`): Ctrl+Tab types
    a tab character there instead."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
            or not isinstance(event, QKeyEvent)
            or event.key() != Qt.Key.Key_Tab
            or event.modifiers() != Qt.KeyboardModifier.ControlModifier
            or not isinstance(watched, QPlainTextEdit)
            or watched.isReadOnly()
        ):
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # no window shortcut takes Ctrl+Tab away from the field
            return True
        watched.insertPlainText("\t")
        return True


def edited_signal(editor: QWidget) -> SignalInstance:
    """The signal `editor` sends when the user changes what it holds."""
    match editor:
        case QLineEdit():
            return editor.textEdited
        case QPlainTextEdit():
            return editor.textChanged
        case QCheckBox():
            return editor.toggled
        case StatusField():
            return editor.code_changed
        case QComboBox():  # the contact type
            return editor.currentIndexChanged
    return _time_editor(editor).changed


def editor_value(editor: QWidget) -> object:
    """What `editor` holds, as a `TicketDraft` keeps it."""
    match editor:
        case QLineEdit():
            return editor.text()
        case QPlainTextEdit():
            return editor.toPlainText()
        case QCheckBox():
            return editor.isChecked()
        case StatusField():
            return editor.code()
        case QComboBox():
            return ContactType(editor.currentData())
    return _time_editor(editor).value()


def set_editor_value(editor: QWidget, value: object) -> None:
    """Show `value` (a `TicketDraft`'s) in `editor`."""
    match editor:
        case QLineEdit():
            editor.setText(_text(value))
        case QPlainTextEdit():
            editor.setPlainText(_text(value))
        case QCheckBox():
            editor.setChecked(value is True)
        case StatusField():
            editor.set_code(_text(value))
        case QComboBox():  # no type chosen shows email, the default
            contact_type = value if isinstance(value, ContactType) else ContactType.EMAIL
            editor.setCurrentIndex(max(editor.findData(contact_type.value), 0))
        case _:
            from datetime import datetime

            _time_editor(editor).set_value(value if isinstance(value, datetime) else None)


def _time_editor(editor: QWidget) -> OptionalDateTimeEdit:
    """`editor` as the time field, which is none of the other kinds."""
    from gui.ui.time_field import OptionalDateTimeEdit

    if not isinstance(editor, OptionalDateTimeEdit):
        raise TypeError(f"not a field editor: {type(editor).__name__}")
    return editor


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    return value
