"""The form as a user meets it: what shows when, labels, keyboard, inline checks."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QWidget,
)
from pytestqt.qtbot import QtBot

from gui.core.errors import FieldError
from gui.core.fields import FIELD_TABLE, FIELDS, NOTIFY_FIELDS, Kind, Operation
from gui.ui.limited_text import LimitedLineEdit, LimitedPlainTextEdit
from gui.ui.status_field import StatusField
from gui.ui.ticket_form import TicketForm
from gui.ui.time_field import OptionalDateTimeEdit
from tests.field_samples import full_draft
from tests.ui.conftest import VENDOR, WindowFactory, click, fill, focused, type_into

NAMED = (*FIELDS, "submitButton", "cancelButton", "banner")


@pytest.fixture
def window(make_window: WindowFactory):
    return make_window("http://127.0.0.1:9/api/v1")  # nothing is sent in these tests


def test_every_interface_name_is_a_widget(window) -> None:
    for name in NAMED:
        assert window.findChild(QWidget, name) is not None, name
    for field in FIELDS:
        label = window.findChild(QLabel, f"{field}Error")
        assert label is not None and not label.isVisible(), field


def test_notify_fields_show_only_while_notify_is_checked(qtbot: QtBot, window) -> None:
    form = window.form
    assert not form.notify.isChecked()
    assert all(not form.editor(field).isVisible() for field in NOTIFY_FIELDS)
    click(qtbot, form.notify)
    assert all(form.editor(field).isVisible() for field in NOTIFY_FIELDS)
    click(qtbot, form.notify)
    assert all(not form.editor(field).isVisible() for field in NOTIFY_FIELDS)


def test_time_starts_as_send_now(window) -> None:
    assert window.form.time.value() is None


def test_every_field_has_a_label_with_a_mnemonic(window) -> None:
    form = window.form
    buddies = {label.buddy(): label.text() for label in form.findChildren(QLabel) if label.buddy()}
    mnemonics = []
    for field in FIELDS:
        editor = form.editor(field)
        text = buddies.get(editor) or editor.property("text")
        assert text and "&" in text, field
        mnemonics.append(text[text.index("&") + 1].lower())
    assert len(set(mnemonics)) == len(mnemonics), mnemonics
    for field in FIELD_TABLE:
        if field.kind is Kind.FLAG:
            continue  # a check box always has a value: nothing to mark
        marked = buddies[form.editor(field.name)].endswith("*")
        assert marked is field.required_for(Operation.UPDATE), f"{field.name} marked {marked}"


def test_alt_mnemonic_moves_focus_to_its_field(qtbot: QtBot, window) -> None:
    window.form.ticket_id.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    assert focused() == "title"


def test_tab_order_follows_the_form(qtbot: QtBot, window) -> None:
    click(qtbot, window.form.notify)
    window.form.ticket_id.setFocus()
    order = [focused()]
    for _ in range(13):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(focused())
    assert order == [
        "ticketId",
        "title",
        "description",  # Tab leaves the multi-line field instead of typing a tab
        "status",
        "notify",
        "timeLater",
        "type",
        "contacts",
        "notifySubject",
        "notifyMessage",
        "templateButton",  # the message's Templates menu
        "notifyPreviewButton",  # what the recipients get
        "automated",
        "submitButton",  # Cancel is skipped: disabled while nothing is being sent
    ]


def test_empty_form_shows_every_problem_inline_and_focuses_the_first(qtbot, window) -> None:
    click(qtbot, window.submit_button)
    errors = window.form.visible_errors()
    assert set(errors) == {"ticketId", "title", "description", "status"}
    assert focused() == "ticketId"
    assert window.banner.isVisible() and window.banner.property("kind") == "error"


def test_notify_without_contacts_and_bad_contact_named(qtbot: QtBot, window) -> None:
    fill(qtbot, window, notify=True, **{k: v for k, v in VENDOR.items() if k != "contacts"})
    click(qtbot, window.submit_button)
    assert "Add at least one email address" in window.form.visible_errors()["contacts"]
    assert focused() == "contacts"

    fill(qtbot, window, contacts="ok@example.com, broken@")
    click(qtbot, window.submit_button)
    assert "“broken@”" in window.form.visible_errors()["contacts"]


def test_sms_numbers_are_checked_for_sms(qtbot: QtBot, window) -> None:
    fill(qtbot, window, notify=True, **{k: v for k, v in VENDOR.items() if k != "contacts"})
    window.form.type.setCurrentIndex(window.form.type.findData("sms"))
    fill(qtbot, window, contacts="(202) 555-0123, 111-222-3333")
    click(qtbot, window.submit_button)
    assert window.form.visible_errors() == {
        "contacts": "“111-222-3333” is not a valid phone number."
    }


def test_an_error_goes_away_when_its_field_is_edited(qtbot: QtBot, window) -> None:
    click(qtbot, window.submit_button)
    assert "title" in window.form.visible_errors()
    type_into(qtbot, window.form.title, "Leaking faucet")
    assert "title" not in window.form.visible_errors()
    assert "description" in window.form.visible_errors()  # the others stay until fixed


def test_a_time_in_the_past_is_refused(qtbot: QtBot, window) -> None:
    fill(qtbot, window, notify=True, **VENDOR)
    window.form.time.set_value(datetime.now().astimezone() - timedelta(hours=1))
    click(qtbot, window.submit_button)
    assert window.form.visible_errors() == {
        "time": "Pick a time in the future, or choose “Send now”."
    }


def test_a_line_break_in_a_one_line_field_is_refused(qtbot: QtBot, window) -> None:
    fill(qtbot, window, **VENDOR)
    window.form.title.setText("Leaking\nfaucet")  # a paste; typing cannot make one
    click(qtbot, window.submit_button)
    assert window.form.visible_errors() == {"title": "Keep this on one line."}


@pytest.mark.parametrize(
    ("ticket_id", "message"),
    [
        ("tic_1/2", "A ticket id cannot contain “/”."),
        ("tic_1?x", "A ticket id cannot contain “?”."),
        ("tic_1#x", "A ticket id cannot contain “#”."),
        ("tic 1", "A ticket id cannot contain spaces."),
    ],
)
def test_ticket_ids_that_would_break_the_url_are_refused(qtbot, window, ticket_id, message):
    fill(qtbot, window, **{**VENDOR, "ticketId": ticket_id})
    click(qtbot, window.submit_button)
    assert window.form.visible_errors() == {"ticketId": message}


def test_sms_counter_counts_characters_and_segments(qtbot: QtBot, window) -> None:
    form = window.form
    click(qtbot, form.notify)
    assert not form.message_counter.isVisible()  # email: no counter
    form.type.setCurrentIndex(form.type.findData("sms"))
    assert form.message_counter.isVisible()
    type_into(qtbot, form.notify_message, "x" * 161)
    assert form.message_counter.text() == "2 SMS · 161 characters, 153 a part"
    form.notify_message.setPlainText("y" * 1531)
    assert form.message_counter.text() == (
        "11 SMS: at most 10 are sent · 1,531 characters, 153 a part"
    )


def test_an_sms_over_ten_parts_is_refused(qtbot: QtBot, window) -> None:
    fill(qtbot, window, notify=True, **{**VENDOR, "contacts": "202-555-0123"})
    window.form.type.setCurrentIndex(window.form.type.findData("sms"))
    window.form.notify_message.setPlainText("z" * 1531)
    click(qtbot, window.submit_button)
    assert window.form.visible_errors() == {
        "notifyMessage": (
            "This SMS takes 11 parts; at most 10 are sent. A part holds 153 characters."
        )
    }


def test_typing_starts_in_the_first_field_to_fill(make_window: WindowFactory) -> None:
    assert make_window("http://127.0.0.1:9/api/v1") and focused() == "ticketId"
    assert make_window(argv=["--demo", "--ticket", "tic_1001"]) and focused() == "title"


# --- The editors come from the field table -----------------------------------------------------

EDITORS = {
    Kind.ID: LimitedLineEdit,  # a QLineEdit that says what did not fit (gui/ui/limited_text.py)
    Kind.LINE: LimitedLineEdit,
    Kind.LINES: LimitedPlainTextEdit,  # a QPlainTextEdit, likewise
    Kind.STATUS: StatusField,  # a QComboBox of flows (gui/ui/status_field.py)
    Kind.FLAG: QCheckBox,
    Kind.CONTACT_TYPE: QComboBox,
    Kind.CONTACTS: LimitedLineEdit,
    Kind.TIME: OptionalDateTimeEdit,
}


@pytest.fixture
def form(qtbot: QtBot) -> TicketForm:
    form = TicketForm()
    qtbot.addWidget(form)
    with qtbot.waitExposed(form):
        form.show()
    return form


def test_every_field_has_its_editor_and_error_label(form: TicketForm) -> None:
    assert set(EDITORS) == set(Kind)
    for field in FIELD_TABLE:
        editor = form.editor(field.name)
        assert type(editor) is EDITORS[field.kind], field.name
        assert editor.objectName() == field.name
        assert getattr(form, field.attribute) is editor  # form.title, form.notify_subject, …
        assert form.error_labels[field.name].objectName() == f"{field.name}Error"
    assert form.status.isEditable() and not form.type.isEditable()
    assert form.description.tabChangesFocus() and form.notify_message.tabChangesFocus()


def test_the_notification_s_rows_come_later_or_with_notify(qtbot: QtBot) -> None:
    """A form built for a first frame has no notification rows; ticking Notify (or the
    window's controllers) adds them, once, where they belong, hidden again with Notify off."""
    form = TicketForm(notify_rows_later=True)
    qtbot.addWidget(form)
    with qtbot.waitExposed(form):
        form.show()
    for field in NOTIFY_FIELDS:
        assert form.findChild(QWidget, field) is None, field
    assert form.visible_errors() == {}
    form.clear_errors()  # no error label of an unbuilt row is asked for
    type_into(qtbot, form.title, "Leak")
    click(qtbot, form.notify)
    contacts = form.findChild(QWidget, "contacts")
    assert contacts is form.contacts and contacts.isVisible()
    assert form.notify_section.isAncestorOf(contacts)
    assert [form.editor(field).objectName() for field in FIELDS] == list(FIELDS)
    assert form.draft().title == "Leak" and form.draft().contacts == ""
    form.add_notify_rows()  # a second time: nothing new
    assert form.contacts is contacts and len(form.findChildren(QWidget, "contacts")) == 1
    click(qtbot, form.notify)
    assert not contacts.isVisible()


@pytest.mark.parametrize("operation", list(Operation), ids=str)
def test_the_form_shows_and_gives_back_every_field(form: TicketForm, operation) -> None:
    draft = full_draft(operation)
    form.set_draft(draft)
    assert form.draft() == draft


def _edit(qtbot: QtBot, editor: QWidget) -> None:
    """Change what `editor` holds as a user would."""
    if isinstance(editor, OptionalDateTimeEdit):
        click(qtbot, editor.later)
    elif isinstance(editor, QCheckBox):
        click(qtbot, editor)
    elif isinstance(editor, QComboBox) and not editor.isEditable():
        editor.setFocus()
        qtbot.keyClick(editor, Qt.Key.Key_Down if editor.currentIndex() == 0 else Qt.Key.Key_Up)
    else:
        type_into(qtbot, editor, "x")


def test_editing_any_field_clears_its_error_and_says_edited(qtbot: QtBot, form: TicketForm) -> None:
    for field in FIELD_TABLE:
        form.show_errors([FieldError(field.name, "Wrong.")])
        assert field.name in form.visible_errors()
        with qtbot.waitSignal(form.edited, timeout=1000):
            _edit(qtbot, form.editor(field.name))
        assert field.name not in form.visible_errors(), field.name
