"""`BatchChangeEditor`: what File ▸ Many tickets… changes on every pasted ticket: the status and
the notification, with the form's own editors (`gui.ui.field_editors`) and its messages."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

from PySide6.QtCore import QEvent, QStringListModel, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from gui.core.batch import Change
from gui.core.fields import FIELD_BY_NAME, ContactType
from gui.ui.field_editors import edited_signal, editor_value, new_editor
from gui.ui.i18n import translated
from gui.ui.list_completer import Completion, ListCompleter
from gui.ui.message_buttons import PreviewButton
from gui.ui.status_field import StatusField
from gui.ui.time_field import OptionalDateTimeEdit

#: The change's fields (API names), in form order; each editor is named ``batch<Name>``.
CHANGE_FIELDS = ("status", "notify", "time", "type", "contacts", "notifySubject", "notifyMessage")
_NOTIFY_FIELDS = ("time", "type", "contacts", "notifySubject", "notifyMessage")


def object_name(field: str) -> str:
    """``notifySubject`` -> ``batchNotifySubject``."""
    return "batch" + field[0].upper() + field[1:]


class BatchChangeEditor(QGroupBox):
    """The status (optional: empty keeps each ticket's own), notify and its fields, automated.

    Object names: batchStatus, batchNotify, batchTime, batchType, batchContacts,
    batchNotifySubject, batchNotifyMessage, batchAutomated; a field's problem shows in
    ``<name>Error`` beside it.

    Signals:
        edited(): the user changed the change.
    """

    edited = Signal()

    def __init__(self, *, statuses: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batchChange")
        self.editors: dict[str, QWidget] = {}
        self._offered: Callable[[ContactType], Sequence[Completion]] = lambda _type: ()
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        self.notification = QWidget()
        self.notification.setObjectName("batchNotification")
        notify_layout = QFormLayout(self.notification)
        notify_layout.setContentsMargins(16, 0, 0, 0)
        for name in (*CHANGE_FIELDS, "automated"):
            field = FIELD_BY_NAME[name]
            editor = new_editor(field.kind, limit=field.max_length)
            editor.setObjectName(object_name(name))
            edited_signal(editor).connect(self.edited)
            self.editors[name] = editor
            error = QLabel()
            error.setObjectName(object_name(name) + "Error")
            error.setProperty("role", "error")
            error.setWordWrap(True)
            error.hide()
            self.errors[name] = error
            label = QLabel()
            label.setBuddy(editor)
            self.labels[name] = label
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(editor)
            if isinstance(editor, StatusField):
                column.addWidget(editor.note)  # what it says of a status typed unlisted
            column.addWidget(error)
            target = notify_layout if name in _NOTIFY_FIELDS else layout
            if isinstance(editor, QCheckBox):
                target.addRow(cell)
            else:
                target.addRow(label, cell)
            if name == "notify":
                layout.addRow(self.notification)
        self.message.setMaximumHeight(56)  # a text message's few lines: the table needs room
        self.preview_button = PreviewButton()  # what each ticket's recipients get
        self.preview_button.setObjectName("batchPreviewButton")
        notify_layout.addRow("", self.preview_button)
        self.setTabOrder(self.message, self.preview_button)  # made last: Tab after the message
        self.status.set_offered(statuses, [])
        self.status.setCurrentText("")
        self.notify.toggled.connect(self.notification.setVisible)
        self.notification.setVisible(False)
        self._retranslate()

    # --- The editors -------------------------------------------------------------------------

    @property
    def status(self) -> StatusField:
        editor = self.editors["status"]
        assert isinstance(editor, StatusField)  # nosec B101
        return editor

    @property
    def notify(self) -> QCheckBox:
        editor = self.editors["notify"]
        assert isinstance(editor, QCheckBox)  # nosec B101
        return editor

    @property
    def type(self) -> QComboBox:
        editor = self.editors["type"]
        assert isinstance(editor, QComboBox)  # nosec B101
        return editor

    @property
    def contacts(self) -> QLineEdit:
        editor = self.editors["contacts"]
        assert isinstance(editor, QLineEdit)  # nosec B101
        return editor

    @property
    def message(self) -> QPlainTextEdit:
        editor = self.editors["notifyMessage"]
        assert isinstance(editor, QPlainTextEdit)  # nosec B101
        return editor

    @property
    def time(self) -> OptionalDateTimeEdit:
        editor = self.editors["time"]
        assert isinstance(editor, OptionalDateTimeEdit)  # nosec B101
        return editor

    def offer_contacts(self, offered: Callable[[ContactType], Sequence[Completion]]) -> None:
        """Complete the contacts field with `offered(type)`: the contact book's people and
        groups, as the form's field does; again when the type changes (`refresh_contacts`)."""
        self._offered = offered
        self.contacts.setCompleter(ListCompleter(QStringListModel(self), self.contacts))
        self.type.currentIndexChanged.connect(self.refresh_contacts)
        self.refresh_contacts()

    def refresh_contacts(self, *_: object) -> None:
        """Offer the book as it is now (called when it changes)."""
        completer = self.contacts.completer()
        contact_type = editor_value(self.type)
        if isinstance(completer, ListCompleter) and isinstance(contact_type, ContactType):
            completer.set_completions(self._offered(contact_type))

    def change(self) -> Change:
        """What the editors hold, unchecked."""
        values = {name: editor_value(editor) for name, editor in self.editors.items()}
        contact_type = values["type"]
        time = values["time"]
        return Change(
            status=str(values["status"]),
            notify=values["notify"] is True,
            time=time if isinstance(time, datetime) else None,
            type=contact_type if isinstance(contact_type, ContactType) else None,
            contacts=str(values["contacts"]),
            notify_subject=str(values["notifySubject"]),
            notify_message=str(values["notifyMessage"]),
            automated=values["automated"] is True,
        )

    def show_errors(self, errors: Iterable[tuple[str, str]]) -> None:
        """Show each (field, message) beside its editor; the others' labels are emptied."""
        said: dict[str, str] = {}
        for field, message in errors:
            said.setdefault(field, message)
        for name, label in self.errors.items():
            text = said.get(name, "")
            label.setText(translated(text))
            label.setVisible(bool(text))

    def visible_errors(self) -> dict[str, str]:
        return {name: label.text() for name, label in self.errors.items() if label.text()}

    # --- Texts -------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setTitle(self.tr("The change for every pasted ticket"))
        texts = {
            "status": self.tr("New stat&us"),
            "time": self.tr("&When"),
            "type": self.tr("Notif&y by"),
            "contacts": self.tr("&Contacts"),
            "notifySubject": self.tr("Su&bject"),
            "notifyMessage": self.tr("&Message"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.status.setToolTip(self.tr("Leave empty to keep each ticket's own status"))
        if (typed := self.status.lineEdit()) is not None:
            typed.setPlaceholderText(self.tr("each ticket's own"))
        self.notify.setText(self.tr("&Notify people of this change"))
        self.editors["automated"].setProperty("text", self.tr("&Automated reminders"))
        self.type.setItemText(0, self.tr("Email"))
        self.type.setItemText(1, self.tr("SMS text message"))
        self.contacts.setPlaceholderText(self.tr("Comma-separated emails or phone numbers"))
