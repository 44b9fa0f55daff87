"""The SMS counter under the message, driven like a user: how many SMS and in which encoding
(its `segments` and `encoding` properties), the characters that force Unicode, and the button
that puts plain quotes and dashes for typographic ones."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import WindowFactory, click, type_into

RIGHT_QUOTE = "\N{RIGHT SINGLE QUOTATION MARK}"


@pytest.fixture
def form(qtbot: QtBot, make_window: WindowFactory):
    window = make_window("http://127.0.0.1:9/api/v1")  # nothing is sent in these tests
    form = window.form
    click(qtbot, form.notify)
    form.type.setCurrentIndex(form.type.findData("sms"))
    return form


def counter_of(form) -> QWidget:
    counter = form.findChild(QWidget, "notifyMessageCounter")
    assert counter is form.message_counter
    return counter


def type_text(qtbot: QtBot, form, text: str) -> None:
    """Type `text` at the end of the message key by key, accents too, as a keyboard layout
    sends them (QTest's key clicks know only ASCII keys)."""
    editor = form.notify_message
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    for character in text:
        if character.isascii():
            qtbot.keyClicks(editor, character)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            key = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character)
            QApplication.sendEvent(editor, key)


def paste(form, text: str) -> None:
    """Put `text` where the cursor is, as a paste does (typing cannot make an emoji)."""
    form.notify_message.setFocus()
    form.notify_message.insertPlainText(text)


def test_a_short_plain_message_is_one_gsm_sms(qtbot: QtBot, form) -> None:
    counter = counter_of(form)
    type_text(qtbot, form, "¿Mañana a las 9?")
    assert counter.property("segments") == 1
    assert counter.property("encoding") == "gsm7"
    assert counter.text() == "1 SMS · 16 of 160 characters"
    assert counter.accessibleDescription() == counter.text()


def test_an_accent_outside_the_sms_alphabet_makes_it_unicode(qtbot: QtBot, form) -> None:
    counter = counter_of(form)
    with qtbot.waitSignal(counter.counted):
        type_text(qtbot, form, "Será mañana")
    assert (counter.property("segments"), counter.property("encoding")) == (1, "ucs2")
    assert counter.text() == "1 SMS · Unicode, 11 of 70 characters: “á”"


def test_the_issues_message_is_two_unicode_parts(qtbot: QtBot, form) -> None:
    counter = counter_of(form)
    type_text(qtbot, form, "á" + "x" * 98)
    paste(form, "💧")  # 100 characters, 101 UTF-16 units
    assert (counter.property("segments"), counter.property("encoding")) == (2, "ucs2")
    assert counter.text() == "2 SMS · Unicode (67 characters a part): “á”, “💧”"


def test_a_320_character_plain_message_is_three_parts(qtbot: QtBot, form) -> None:
    counter = counter_of(form)
    paste(form, "x" * 320)
    assert (counter.property("segments"), counter.property("encoding")) == (3, "gsm7")
    assert counter.text() == "3 SMS · 320 characters, 153 a part"


def test_more_than_three_forcing_characters_are_counted_not_listed(qtbot: QtBot, form) -> None:
    type_text(qtbot, form, "á é í ó ú ç")
    assert counter_of(form).text() == (
        "1 SMS · Unicode, 11 of 70 characters: “á”, “í”, “ó” and 2 more"
    )


def test_too_long_is_said_as_an_error(qtbot: QtBot, form) -> None:
    counter = counter_of(form)
    paste(form, "á" * 671)
    assert counter.property("segments") == 11
    assert counter.text() == ("11 SMS: at most 10 are sent · Unicode (67 characters a part): “á”")
    assert counter.label.property("role") == "fieldError"
    form.notify_message.undo()
    assert counter.label.property("role") == "hint"


def test_plain_characters_make_a_pasted_message_gsm_in_one_undo_step(qtbot: QtBot, form) -> None:
    counter = counter_of(form)
    button = form.findChild(QPushButton, "smsPlainCharactersButton")
    assert button is not None and not button.isVisible()
    pasted = f"It{RIGHT_QUOTE}s “fixed” — see you at 9\u202fam…"  # a narrow no-break space
    paste(form, pasted)
    assert counter.property("encoding") == "ucs2"
    assert button.isVisible()
    cursor = form.notify_message.textCursor()
    cursor.setPosition(4)  # after "It", the apostrophe and "s"
    form.notify_message.setTextCursor(cursor)

    with qtbot.waitSignal(counter.counted):
        click(qtbot, button)

    assert form.notify_message.toPlainText() == 'It\'s "fixed" - see you at 9 am...'
    assert (counter.property("segments"), counter.property("encoding")) == (1, "gsm7")
    assert not button.isVisible()
    assert form.notify_message.textCursor().position() == 4  # still after "It's"
    form.notify_message.undo()  # one step brings the pasted text back
    assert form.notify_message.toPlainText() == pasted


def test_no_plain_button_when_it_would_not_change_the_count(qtbot: QtBot, form) -> None:
    button = form.findChild(QPushButton, "smsPlainCharactersButton")
    paste(form, "Será “pronto”")  # á keeps it Unicode, one SMS either way
    assert counter_of(form).property("encoding") == "ucs2"
    assert not button.isVisible()


def test_an_email_hides_the_counter(qtbot: QtBot, form) -> None:
    counter = counter_of(form)
    type_into(qtbot, form.notify_message, "Hola")
    assert counter.isVisible()
    form.type.setCurrentIndex(form.type.findData("email"))
    assert not counter.isVisible()
    form.type.setCurrentIndex(form.type.findData("sms"))
    assert counter.isVisible()


def test_moving_the_cursor_keeps_its_place_among_the_replacements(qtbot: QtBot, form) -> None:
    paste(form, "«a» " * 40 + "end")  # 163 units, Unicode: 3 parts; plain: 2
    cursor = form.notify_message.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    form.notify_message.setTextCursor(cursor)
    click(qtbot, form.findChild(QPushButton, "smsPlainCharactersButton"))
    assert form.notify_message.toPlainText() == '"a" ' * 40 + "end"
    assert form.notify_message.textCursor().position() == 163  # still at the end
