"""`TicketForm`: the fields of a ticket update, their labels and their inline error labels."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, Qt, Signal
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
from gui.ui.field_editors import (
    TabTyper,
    edited_signal,
    editor_value,
    named_editor,
    set_editor_value,
)
from gui.ui.field_errors import error_label, field_cell
from gui.ui.form_texts import accessible_label, field_labels, field_rules
from gui.ui.i18n import translated
from gui.ui.limited_text import LimitedLineEdit, LimitedPlainTextEdit
from gui.ui.palette import mark
from gui.ui.status_field import StatusField

if TYPE_CHECKING:
    from PySide6.QtCore import QStringListModel

    from gui.core.errors import FieldError
    from gui.core.fields import Field
    from gui.core.ticket import TicketDraft
    from gui.ui.known_tickets import KnownTicketCompleter
    from gui.ui.message_buttons import PreviewButton, TemplateButton
    from gui.ui.message_counter import MessageCounter
    from gui.ui.time_field import OptionalDateTimeEdit

_Editor = TypeVar("_Editor", bound=QWidget)

_CONTACT_PLACEHOLDERS = {
    ContactType.EMAIL: "name@example.com, other@example.com",
    ContactType.SMS: "(202) 555-0123, 202-555-0188",
}


class TicketForm(QWidget):
    """The update form. Each editor's objectName is its API field name; its error label is
    `<field>Error`, visible only while that field has an error.

    It edits an update of an existing ticket or a new ticket (`operation`): a new ticket has no
    id yet (the row is hidden) and its description is optional.

    The notification's rows (time, type, contacts, subject, message), hidden while Notify is
    off, are not in the window's first frame: with ``notify_rows_later`` they come with
    `add_notify_rows` (the window's controllers call it, and ticking Notify), else at once.

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
    _contacts_model: QStringListModel  # the contacts' completion list, the same
    # The notification's rows, once `add_notify_rows` ran:
    notify_section: QWidget  # theirs, shown while notify is on
    time: OptionalDateTimeEdit
    type: QComboBox
    contacts: QLineEdit
    notify_subject: QLineEdit
    notify_message: QPlainTextEdit
    message_counter: MessageCounter  # under the message
    template_button: TemplateButton  # under the message's label (`TemplatesMenu`)
    preview_button: PreviewButton  # under it: what recipients get

    def __init__(
        self,
        *,
        statuses: Sequence[str] = (),
        notify_rows_later: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        #: One editor per field of the table, in form order, by API name.
        self._editors = {
            field.name: named_editor(field) for field in FIELD_TABLE if not field.notify_only
        }
        # ... and by their draft attribute, as the window uses them.
        self.ticket_id = _editor_of(self._editors, TICKET_ID, QLineEdit)
        self.title = _editor_of(self._editors, "title", QLineEdit)
        self.description = _editor_of(self._editors, "description", QPlainTextEdit)
        self.status = _editor_of(self._editors, "status", StatusField)
        self.notify = _editor_of(self._editors, "notify", QCheckBox)
        self.automated = _editor_of(self._editors, "automated", QCheckBox)
        self._notify_rows_added = False
        self._completers_added = False

        self.description.setMinimumHeight(80)
        self.description.setMaximumHeight(140)
        self.set_statuses(added=statuses)
        #: Under the ticket id: what the form knows of the ticket (set by `TicketSwitcher`).
        self.ticket_hint = QLabel()
        self.ticket_hint.setObjectName("ticketKnownHint")
        mark(self.ticket_hint, "hint")
        self.ticket_hint.setWordWrap(True)
        self.ticket_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.ticket_hint.hide()
        self._tab_typer = TabTyper(self)  # on each multi-line field (`_connect_edits`)

        self.error_labels: dict[str, QLabel] = {}
        self._labels: dict[str, QLabel] = {}
        self._operation = Operation.UPDATE
        #: The errors shown, by field, as given (a Message is shown again in a new language).
        self._errors: dict[str, list[str]] = {}
        self._lay_out()
        self._retranslate()
        self._connect_edits(self._editors)
        self.notify.toggled.connect(self._on_notify_toggled)
        if not notify_rows_later:
            self.add_notify_rows()

    def add_notify_rows(self) -> None:
        """Build the notification's rows into their section, hidden while Notify is off (once;
        it does nothing the second time). Their modules (the time field's, with the datetime
        library) and widgets cost the first frame 3 ms; Tab finds them in form order."""
        if self._notify_rows_added:
            return
        self._notify_rows_added = True
        from gui.ui.focus_chain import take_into_place
        from gui.ui.message_buttons import PreviewButton, TemplateButton
        from gui.ui.message_counter import MessageCounter
        from gui.ui.time_field import OptionalDateTimeEdit

        fields = [field for field in FIELD_TABLE if field.notify_only]
        added = {field.name: named_editor(field) for field in fields}
        self._editors = {
            field.name: self._editors.get(field.name) or added[field.name] for field in FIELD_TABLE
        }
        self.time = _editor_of(self._editors, "time", OptionalDateTimeEdit)
        self.type = _editor_of(self._editors, "type", QComboBox)
        self.contacts = _editor_of(self._editors, "contacts", QLineEdit)
        self.notify_subject = _editor_of(self._editors, "notifySubject", QLineEdit)
        self.notify_message = _editor_of(self._editors, "notifyMessage", QPlainTextEdit)
        self.notify_message.setMinimumHeight(60)
        self.notify_message.setMaximumHeight(120)
        self.message_counter = MessageCounter(
            message=self.notify_message,
            is_sms=lambda: self.contact_type() is ContactType.SMS,
        )
        self.template_button = TemplateButton()
        self.preview_button = PreviewButton()
        section = self.notify_section = QWidget()  # shown while notify is on
        section.setObjectName("notifySection")
        rows = QFormLayout(section)
        rows.setContentsMargins(24, 0, 0, 0)
        rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in fields:  # built apart, so that the section joins Tab's order as one piece
            self._add_row(rows, field)
        section.hide()
        self._form_layout.insertRow(self._notify_row, section)
        first, last = self._labels[NOTIFY_FIELDS[0]], self.error_labels[NOTIFY_FIELDS[-1]]
        take_into_place(section, after=self.notify, first=first, last=last)
        self.setTabOrder(self.notify_message, self.template_button)  # then on, as before
        self.setTabOrder(self.template_button, self.preview_button)
        self._retranslate()
        self._connect_edits(added)
        self.type.currentIndexChanged.connect(self._on_type_changed)
        self._on_type_changed()

    # --- Reading and filling -----------------------------------------------------------------

    def draft(self) -> TicketDraft:
        """What the user typed, unchecked."""
        from gui.core.ticket import draft_from_values  # loaded by the warm-up, not at start-up

        self.add_notify_rows()
        values = {field: editor_value(editor) for field, editor in self._editors.items()}
        if self._operation is Operation.CREATE:
            values[TICKET_ID] = ""  # a new ticket has no id yet; the hidden row is not sent
        return draft_from_values(values, operation=self._operation)

    def set_draft(self, draft: TicketDraft) -> None:
        """Fill every field from `draft` (a restored draft, an outbox item, a history entry)."""
        self.set_operation(draft.operation)
        self.add_notify_rows()
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
        """The suggestions while typing: the tickets known here under the id (`known_tickets`),
        the contacts used before and the listed statuses (once; it does nothing the second
        time). Added with the window's controllers, which fill them: not seen in the first
        frame, and 2.5 ms of it (window_controllers.py)."""
        from PySide6.QtCore import QStringListModel

        from gui.ui.known_tickets import KnownTicketCompleter
        from gui.ui.list_completer import ListCompleter

        if self._completers_added:
            return
        self._completers_added = True
        self.add_notify_rows()  # the contacts' row is one of them
        self._contacts_model = QStringListModel(self)
        self.contacts.setCompleter(ListCompleter(self._contacts_model, self.contacts))
        self.known_tickets = KnownTicketCompleter(self.ticket_id)
        self.status.add_completer()

    def set_known_contacts(self, contacts: Sequence[str]) -> None:
        """Offer `contacts` (used before with the current type) as completions."""
        self.add_completers()
        self._contacts_model.setStringList(list(contacts))

    def contact_type(self) -> ContactType:
        return ContactType(self.type.currentData())

    def set_statuses(self, *, seen: Iterable[str] = (), added: Iterable[str] = ()) -> None:
        """Offer NEW, ON_HOLD, the statuses this server accepted or echoed (`seen`) and those
        the user typed before (`added`), keeping what the field holds."""
        self.status.set_offered(seen, added)

    def editor(self, field: str) -> QWidget:
        self.add_notify_rows()
        return self._editors[field]

    # --- Errors ------------------------------------------------------------------------------

    def show_errors(self, errors: Iterable[FieldError]) -> None:
        """Show each message under its field and focus the first field in form order."""
        self.add_notify_rows()
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
        for field in list(self.error_labels):  # the fields built (`add_notify_rows`)
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
        labels = field_labels(creating=self._operation is Operation.CREATE)
        self.notify.setText(labels["notify"])
        self.automated.setText(labels["automated"])
        self.legend.setText(self.tr("* required"))
        for field, text in labels.items():
            if field not in self._editors:  # a notification row not built yet
                continue
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
        if self._notify_rows_added:
            self.type.setItemText(0, self.tr("Email"))
            self.type.setItemText(1, self.tr("SMS text message"))
            self.message_counter.update_count()

    def field_help(self) -> list[tuple[str, str]]:
        """Each field's name and rule, in form order and in the current language (F1 help)."""
        self.add_notify_rows()
        rules = self._rules()
        return [(self._editors[field].accessibleName(), rules[field]) for field in FIELDS]

    def _rules(self) -> dict[str, str]:
        sms = self._notify_rows_added and self.contact_type() is ContactType.SMS
        return field_rules(creating=self._operation is Operation.CREATE, sms=sms)

    # --- Layout and behaviour ----------------------------------------------------------------

    def _extras(self) -> dict[str, QWidget]:
        """What stands under a field's editor, above its error: by field."""
        extras: dict[str, QWidget] = {TICKET_ID: self.ticket_hint, "status": self.status.note}
        if self._notify_rows_added:
            extras["notifyMessage"] = self.message_counter
        return extras

    def _lay_out(self) -> None:
        form = self._form_layout = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in FIELD_TABLE:
            if field.notify_only:
                if field.name == NOTIFY_FIELDS[0]:  # the section comes where its first field is
                    self._notify_row = form.rowCount()
                continue
            cell = self._add_row(form, field)
            if field.name == TICKET_ID:
                self._ticket_id_row = cell  # hidden for a new ticket

        self.legend = QLabel()
        mark(self.legend, "hint")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(form)
        outer.addWidget(self.legend)
        outer.addStretch(1)

    def _add_row(self, form: QFormLayout, row: Field) -> QWidget:
        """`row`'s row: label (buddy of the editor), then the editor with what stands under it
        (`_extras`) and its error label below (returned: the row's field cell).
        The texts are set by `_retranslate`; the error label's accessible name names the field,
        and the editor's accessible description starts with the error."""
        field, editor = row.name, self._editors[row.name]
        error = self.error_labels[field] = error_label(field)
        extra = self._extras().get(field)
        cell = field_cell(editor, *(() if extra is None else (extra,)), error)
        if row.kind is Kind.FLAG:  # a check box: its own text is its label
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

    def _connect_edits(self, editors: dict[str, QWidget]) -> None:
        def clears(field: str) -> Callable[..., None]:
            return lambda *_: self._on_field_edited(field)

        def tells(field: str) -> Callable[[int], None]:
            return lambda left_out: self._on_text_cut(field, left_out)

        for field, editor in editors.items():
            edited_signal(editor).connect(clears(field))
            if isinstance(editor, LimitedLineEdit | LimitedPlainTextEdit):
                editor.overflowed.connect(tells(field))
            if isinstance(editor, QPlainTextEdit):
                editor.installEventFilter(self._tab_typer)

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
        if checked:
            self.add_notify_rows()
        if self._notify_rows_added:
            self.notify_section.setVisible(checked)

    def _on_type_changed(self) -> None:
        contact_type = self.contact_type()
        self.contacts.setPlaceholderText(_CONTACT_PLACEHOLDERS[contact_type])
        self.clear_error("contacts")
        self._describe("contacts")  # its rule depends on the type
        self.message_counter.update_count()


def _editor_of(editors: dict[str, QWidget], field: str, kind: type[_Editor]) -> _Editor:
    """`field`'s editor among `editors`, as the `kind` of widget it is."""
    editor = editors[field]
    if not isinstance(editor, kind):
        raise TypeError(f"{field}: a {type(editor).__name__}, not a {kind.__name__}")
    return editor
