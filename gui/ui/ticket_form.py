"""`TicketForm`: the fields of a ticket update, their labels and their inline error labels."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from gui.core.fields import (
    FIELD_BY_NAME,
    FIELD_TABLE,
    FIELDS,
    NOTIFY_FIELDS,
    TICKET_ID,
    ContactType,
    Kind,
    Operation,
)
from gui.ui.field_editors import edited_signal, editor_value, new_editor, set_editor_value
from gui.ui.field_errors import error_label, field_cell
from gui.ui.i18n import translated
from gui.ui.limited_text import LimitedLineEdit, LimitedPlainTextEdit
from gui.ui.message_buttons import PreviewButton, TemplateButton
from gui.ui.message_counter import MessageCounter
from gui.ui.palette import mark
from gui.ui.status_field import StatusField
from gui.ui.time_field import OptionalDateTimeEdit

if TYPE_CHECKING:
    from gui.core.errors import FieldError
    from gui.core.ticket import TicketDraft
    from gui.ui.known_tickets import KnownTicketCompleter

_Editor = TypeVar("_Editor", bound=QWidget)

_CONTACT_PLACEHOLDERS = {
    ContactType.EMAIL: "name@example.com, other@example.com",
    ContactType.SMS: "(202) 555-0123, 202-555-0188",
}


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


class TicketForm(QWidget):
    """The update form. Each editor's objectName is its API field name; its error label is
    `<field>Error`, visible only while that field has an error.

    It edits an update of an existing ticket or a new ticket (`operation`): a new ticket has no
    id yet (the row is hidden) and its description is optional.

    For screen readers each editor's accessible name is its label and its accessible
    description its rule; while the field has an error, the error comes first. Tab and
    Shift+Tab leave the multi-line fields; Ctrl+Tab types a tab there.

    Signals:
        edited: the user changed any field.
        operation_changed(Operation): the form switched between updating and creating.
    """

    edited = Signal()
    operation_changed = Signal(object)

    known_tickets: KnownTicketCompleter  # the id's completion, once `add_completers` ran

    def __init__(self, *, statuses: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: One editor per field of the table, in form order, by API name.
        self._editors: dict[str, QWidget] = {}
        for field in FIELD_TABLE:
            editor = new_editor(field.kind, limit=field.max_length)
            editor.setObjectName(field.name)  # the API name: for tests, styles and automation
            self._editors[field.name] = editor
        # ... and by their draft attribute, as the window uses them.
        self.ticket_id = self._editor_of(TICKET_ID, QLineEdit)
        self.title = self._editor_of("title", QLineEdit)
        self.description = self._editor_of("description", QPlainTextEdit)
        self.status = self._editor_of("status", StatusField)
        self.notify = self._editor_of("notify", QCheckBox)
        self.time = self._editor_of("time", OptionalDateTimeEdit)
        self.type = self._editor_of("type", QComboBox)
        self.contacts = self._editor_of("contacts", QLineEdit)
        self.notify_subject = self._editor_of("notifySubject", QLineEdit)
        self.notify_message = self._editor_of("notifyMessage", QPlainTextEdit)
        self.automated = self._editor_of("automated", QCheckBox)

        self.description.setMinimumHeight(80)
        self.description.setMaximumHeight(140)
        self.set_statuses(added=statuses)
        self._contacts_model = QStringListModel(self)  # its completer: `add_completers`
        #: Under the ticket id: what the form knows of the ticket (set by `TicketSwitcher`).
        self.ticket_hint = QLabel()
        self.ticket_hint.setObjectName("ticketKnownHint")
        mark(self.ticket_hint, "hint")
        self.ticket_hint.setWordWrap(True)
        self.ticket_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.ticket_hint.hide()
        self.notify_message.setMinimumHeight(60)
        self.notify_message.setMaximumHeight(120)
        self.message_counter = MessageCounter(
            message=self.notify_message,
            is_sms=lambda: self.contact_type() is ContactType.SMS,
        )
        self.template_button = TemplateButton()  # under the message's label (`TemplatesMenu`)
        self.preview_button = PreviewButton()  # under it: what recipients get
        self._tab_typer = TabTyper(self)
        for editor in self._editors.values():
            if isinstance(editor, QPlainTextEdit):
                editor.installEventFilter(self._tab_typer)

        self.error_labels: dict[str, QLabel] = {}
        self._labels: dict[str, QLabel] = {}
        self._operation = Operation.UPDATE
        #: The errors shown, by field, as given (a Message is shown again in a new language).
        self._errors: dict[str, list[str]] = {}
        self._lay_out()
        self.setTabOrder(self.notify_message, self.template_button)  # then on, as before
        self.setTabOrder(self.template_button, self.preview_button)
        self._retranslate()
        self._connect_edits()
        self._on_type_changed()
        self._on_notify_toggled(False)

    # --- Reading and filling -----------------------------------------------------------------

    def draft(self) -> TicketDraft:
        """What the user typed, unchecked."""
        from gui.core.ticket import draft_from_values  # loaded by the warm-up, not at start-up

        values = {field: editor_value(editor) for field, editor in self._editors.items()}
        if self._operation is Operation.CREATE:
            values[TICKET_ID] = ""  # a new ticket has no id yet; the hidden row is not sent
        return draft_from_values(values, operation=self._operation)

    def set_draft(self, draft: TicketDraft) -> None:
        """Fill every field from `draft` (a restored draft, an outbox item, a history entry)."""
        self.set_operation(draft.operation)
        keeps_id = draft.operation is Operation.CREATE and not draft.ticket_id
        for field in FIELD_TABLE:
            if field.name == TICKET_ID and keeps_id:
                continue  # a new ticket's hidden id row keeps what it had
            set_editor_value(self._editors[field.name], getattr(draft, field.attribute))
        self.clear_errors()
        self.edited.emit()

    def operation(self) -> Operation:
        return self._operation

    def set_operation(self, operation: Operation) -> None:
        """Edit an update (the ticket id row shows, description required) or a new ticket."""
        if operation is self._operation:
            return
        self._operation = operation
        creating = operation is Operation.CREATE
        self._form_layout.setRowVisible(self._ticket_id_row, not creating)
        self._retranslate()  # the description's label and rule say whether it is required
        self.clear_error("ticketId")
        self.clear_error("description")
        self.operation_changed.emit(operation)
        self.edited.emit()

    def add_completers(self) -> None:
        """The suggestions while typing: the tickets known here under the id (`known_tickets`)
        and the contacts used before. Added with the window's controllers, which fill them: not
        seen in the first frame, and 2 ms of it (window_controllers.py)."""
        from gui.ui.known_tickets import KnownTicketCompleter
        from gui.ui.list_completer import ListCompleter

        self.contacts.setCompleter(ListCompleter(self._contacts_model, self.contacts))
        self.known_tickets = KnownTicketCompleter(self.ticket_id)

    def set_known_contacts(self, contacts: Sequence[str]) -> None:
        """Offer `contacts` (used before with the current type) as completions."""
        self._contacts_model.setStringList(list(contacts))

    def contact_type(self) -> ContactType:
        return ContactType(self.type.currentData())

    def set_statuses(self, *, seen: Iterable[str] = (), added: Iterable[str] = ()) -> None:
        """Offer NEW, ON_HOLD, the statuses this server accepted or echoed (`seen`) and those
        the user typed before (`added`), keeping what the field holds."""
        self.status.set_offered(seen, added)

    def editor(self, field: str) -> QWidget:
        return self._editors[field]

    def _editor_of(self, field: str, kind: type[_Editor]) -> _Editor:
        editor = self._editors[field]
        if not isinstance(editor, kind):
            raise TypeError(f"{field}: a {type(editor).__name__}, not a {kind.__name__}")
        return editor

    # --- Errors ------------------------------------------------------------------------------

    def show_errors(self, errors: Iterable[FieldError]) -> None:
        """Show each message under its field and focus the first field in form order."""
        messages: dict[str, list[str]] = {}
        for error in errors:
            messages.setdefault(error.field, []).append(error.message)
        for field, texts in messages.items():
            self._errors[field] = texts
            self._show_error(field)
        first = min(messages, key=FIELDS.index, default=None)
        if first is not None:
            if first in NOTIFY_FIELDS:
                self.notify.setChecked(True)  # the field must be visible to be fixed
            self._editors[first].setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_errors(self) -> None:
        for field in FIELDS:
            self.clear_error(field)

    def clear_error(self, field: str) -> None:
        label = self.error_labels[field]
        if field in self._errors or label.isVisibleTo(self) or label.text():
            self._errors.pop(field, None)
            label.clear()
            label.hide()
            self._describe(field)

    def visible_errors(self) -> dict[str, str]:
        """The error texts the user can see now, by field (for tests and accessibility)."""
        return {
            field: label.text()
            for field, label in self.error_labels.items()
            if label.isVisibleTo(self)
        }

    def _show_error(self, field: str) -> None:
        label = self.error_labels[field]
        label.setText("\n".join(translated(text) for text in self._errors[field]))
        label.show()
        self._describe(field)

    def _describe(self, field: str) -> None:
        """The editor's accessible description: its error, if any, then its rule. Qt tells
        screen readers when it changes (QAccessible's DescriptionChanged event)."""
        parts = [translated(text) for text in self._errors.get(field, ())]
        parts.append(self._rules()[field])
        self._editors[field].setAccessibleDescription(" ".join(part for part in parts if part))

    # --- Texts -------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        """Every text of the form in the current language (at start and on a language change)."""
        labels = {
            "ticketId": self.tr("&Ticket ID *"),
            "title": self.tr("T&itle *"),
            "description": (
                self.tr("D&escription")  # optional for a new ticket
                if self._operation is Operation.CREATE
                else self.tr("D&escription *")
            ),
            "status": self.tr("&Status *"),
            "notify": self.tr("&Notify people about this update"),
            "time": self.tr("&When"),
            "type": self.tr("T&ype *"),
            "contacts": self.tr("&Contacts *"),
            "notifySubject": self.tr("Su&bject"),
            "notifyMessage": self.tr("Messa&ge"),
            "automated": self.tr(
                "&Automated: remind them again if the ticket stays in this status too long"
            ),
        }
        self.notify.setText(labels["notify"])
        self.automated.setText(labels["automated"])
        self.type.setItemText(0, self.tr("Email"))
        self.type.setItemText(1, self.tr("SMS text message"))
        self.legend.setText(self.tr("* required"))
        for field, text in labels.items():
            if field in self._labels:
                self._labels[field].setText(text)
            name = accessible_label(text)
            self._editors[field].setAccessibleName(name)
            self.error_labels[field].setAccessibleName(
                self.tr("Problem with {field}").format(field=name)
            )
            if field in self._errors:
                self._show_error(field)
            else:
                self._describe(field)
        self.message_counter.update_count()

    def field_help(self) -> list[tuple[str, str]]:
        """Each field's name and rule, in form order and in the current language (F1 help)."""
        rules = self._rules()
        return [(self._editors[field].accessibleName(), rules[field]) for field in FIELDS]

    def _rules(self) -> dict[str, str]:
        """What each field takes, for its accessible description (and the help)."""
        from gui.core.fields import MAX_SMS_SEGMENTS

        if self.contact_type() is ContactType.SMS:
            contacts = self.tr("Required. Phone numbers, separated by commas.")
        else:
            contacts = self.tr("Required. Email addresses, separated by commas.")
        return {
            "ticketId": self.tr("Required. The ticket's id, such as tic_1001."),
            "title": self.tr("Required. One line."),
            "description": (
                self.tr(
                    "Optional for a new ticket. Several lines; Tab moves on to the next field, "
                    "Ctrl+Tab types a tab."
                )
                if self._operation is Operation.CREATE
                else self.tr(
                    "Required. Several lines; Tab moves on to the next field, Ctrl+Tab types a tab."
                )
            ),
            "status": self.tr("Required. Choose NEW or ON_HOLD, or type another status."),
            "notify": self.tr("Sends this update to the contacts by email or SMS."),
            "time": self.tr("Sends now, or at the date and time you pick with Send later."),
            "type": self.tr("Required. Email or SMS text message."),
            "contacts": contacts,
            "notifySubject": self.tr("Optional. One line."),
            "notifyMessage": self.tr(
                "Optional. Several lines; by SMS at most {parts} parts of 153 characters, or 67 "
                "in Unicode. Tab moves on to the next field, Ctrl+Tab types a tab."
            ).format(parts=MAX_SMS_SEGMENTS),
            "automated": self.tr("Optional. Particle Space sends reminders by itself."),
        }

    # --- Layout and behaviour ----------------------------------------------------------------

    def _extras(self) -> dict[str, QWidget]:
        """What stands under a field's editor, above its error: by field."""
        return {
            TICKET_ID: self.ticket_hint,
            "status": self.status.note,
            "notifyMessage": self.message_counter,
        }

    def _lay_out(self) -> None:
        form = self._form_layout = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.notify_section = QWidget()  # the notify-only fields, shown while notify is on
        self.notify_section.setObjectName("notifySection")
        section = QFormLayout(self.notify_section)
        section.setContentsMargins(24, 0, 0, 0)
        section.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        extras = self._extras()
        for field in FIELD_TABLE:
            rows = form
            if field.notify_only:
                if section.rowCount() == 0:  # the section sits where its first field is
                    form.addRow(self.notify_section)
                rows = section
            cell = self._add_row(
                rows,
                field.name,
                labelled=field.kind is not Kind.FLAG,  # a check box's own text is its label
                extra=extras.get(field.name),
            )
            if field.name == TICKET_ID:
                self._ticket_id_row = cell  # hidden for a new ticket

        self.legend = QLabel()
        mark(self.legend, "hint")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(form)
        outer.addWidget(self.legend)
        outer.addStretch(1)

    def _add_row(
        self,
        form: QFormLayout,
        field: str,
        *,
        labelled: bool = True,
        extra: QWidget | None = None,
    ) -> QWidget:
        """One row: label (buddy of the editor), then the editor with its error label below
        (returned: the row's field cell).
        The texts are set by `_retranslate`; the error label's accessible name names the field,
        and the editor's accessible description starts with the error."""
        editor = self._editors[field]
        error = self.error_labels[field] = error_label(field)
        cell = field_cell(editor, *(() if extra is None else (extra,)), error)
        if not labelled:  # a check box: its own text is its label
            form.addRow(cell)
            return cell
        label = QLabel()
        label.setObjectName(f"{field}Label")
        label.setBuddy(editor)
        self._labels[field] = label
        if field == "notifyMessage":
            form.addRow(self.template_button.under(label, self.preview_button), cell)
        else:
            form.addRow(label, cell)
        return cell

    def _connect_edits(self) -> None:
        def clears(field: str) -> Callable[..., None]:
            return lambda *_: self._on_field_edited(field)

        def tells(field: str) -> Callable[[int], None]:
            return lambda left_out: self._on_text_cut(field, left_out)

        for field, editor in self._editors.items():
            edited_signal(editor).connect(clears(field))
            if isinstance(editor, LimitedLineEdit | LimitedPlainTextEdit):
                editor.overflowed.connect(tells(field))

        self.notify.toggled.connect(self._on_notify_toggled)
        self.type.currentIndexChanged.connect(self._on_type_changed)

    def _on_field_edited(self, field: str) -> None:
        self.clear_error(field)
        self.edited.emit()

    def _on_text_cut(self, field: str, left_out: int) -> None:
        """Say under the field that what came in did not all fit (the editor kept the rest)."""
        limit = FIELD_BY_NAME[field].max_length
        if left_out:
            text = self.tr(
                "Only the first {limit:,} characters fit here; the rest of the paste "
                "({count:,}) was left out."
            ).format(limit=limit, count=left_out)
        else:
            text = self.tr("This field is full: it takes at most {limit:,} characters.").format(
                limit=limit
            )
        self._errors[field] = [text]
        self._show_error(field)

    def _on_notify_toggled(self, checked: bool) -> None:
        self.notify_section.setVisible(checked)

    def _on_type_changed(self) -> None:
        contact_type = self.contact_type()
        self.contacts.setPlaceholderText(_CONTACT_PLACEHOLDERS[contact_type])
        self.clear_error("contacts")
        self._describe("contacts")  # its rule depends on the type
        self.message_counter.update_count()


def accessible_label(text: str) -> str:
    """A label as a screen reader should say it: without the "&" of its mnemonic and without
    the "*" that marks a required field (the accessible description says "Required")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(" *")
