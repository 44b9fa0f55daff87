"""The form's editor for each kind of field (`gui.core.fields.Kind`): which widget it is, which
of its signals says the user edited it, and how a draft's value goes in and comes out."""

from __future__ import annotations

from datetime import datetime
from typing import assert_never

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from gui.core.fields import ContactType, Kind
from gui.ui.limited_text import LimitedLineEdit, LimitedPlainTextEdit
from gui.ui.status_field import StatusField
from gui.ui.time_field import OptionalDateTimeEdit


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
        case Kind.LINES:  # Tab moves on to the next field (the form's TabTyper: Ctrl+Tab)
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
            return OptionalDateTimeEdit()
    assert_never(kind)


def edited_signal(editor: QWidget) -> SignalInstance:
    """The signal `editor` sends when the user changes what it holds."""
    match editor:
        case QLineEdit():
            return editor.textEdited
        case QPlainTextEdit():
            return editor.textChanged
        case QCheckBox():
            return editor.toggled
        case OptionalDateTimeEdit():
            return editor.changed
        case StatusField():
            return editor.code_changed
        case QComboBox():  # the contact type
            return editor.currentIndexChanged
    raise TypeError(f"not a field editor: {type(editor).__name__}")


def editor_value(editor: QWidget) -> object:
    """What `editor` holds, as a `TicketDraft` keeps it."""
    match editor:
        case QLineEdit():
            return editor.text()
        case QPlainTextEdit():
            return editor.toPlainText()
        case QCheckBox():
            return editor.isChecked()
        case OptionalDateTimeEdit():
            return editor.value()
        case StatusField():
            return editor.code()
        case QComboBox():
            return ContactType(editor.currentData())
    raise TypeError(f"not a field editor: {type(editor).__name__}")


def set_editor_value(editor: QWidget, value: object) -> None:
    """Show `value` (a `TicketDraft`'s) in `editor`."""
    match editor:
        case QLineEdit():
            editor.setText(_text(value))
        case QPlainTextEdit():
            editor.setPlainText(_text(value))
        case QCheckBox():
            editor.setChecked(value is True)
        case OptionalDateTimeEdit():
            editor.set_value(value if isinstance(value, datetime) else None)
        case StatusField():
            editor.set_code(_text(value))
        case QComboBox():  # no type chosen shows email, the default
            contact_type = value if isinstance(value, ContactType) else ContactType.EMAIL
            editor.setCurrentIndex(max(editor.findData(contact_type.value), 0))
        case _:
            raise TypeError(f"not a field editor: {type(editor).__name__}")


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    return value
