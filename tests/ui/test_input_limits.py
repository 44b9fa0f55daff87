"""What the form takes: invisible characters are refused at their field, and no field takes
more than its limit, however much is pasted; the user is told, and nothing is sent."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from gui.core.fields import DESCRIPTION_LIMIT, LINE_LIMIT
from gui.sandbox import SandboxServer
from tests.ui.conftest import VENDOR, WindowFactory, click, fill

MEGABYTE_LINE = ("Leak under the sink. " * 50_000)[:1_000_000]  # one line, no break


def paste(qtbot: QtBot, editor: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Put `text` on the clipboard and press Ctrl+V in `editor`, as a user pastes."""
    QGuiApplication.clipboard().setText(text)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.parametrize(
    ("character", "named"),
    [
        ("\u0085", "U+0085 (next line)"),
        ("\u009b", "U+009B (control sequence introducer)"),
        ("\u0090", "U+0090 (a control character)"),
        ("\u2028", "U+2028 (line separator)"),
        ("\u202e", "U+202E (right-to-left override)"),
        ("\u202a", "U+202A (left-to-right embedding)"),
        ("\u2067", "U+2067 (right-to-left isolate)"),
        ("\u200b", "U+200B (zero width space)"),
        ("\u2060", "U+2060 (word joiner)"),
        ("\ufeff", "U+FEFF (zero width no-break space)"),
        ("\u180e", "U+180E (Mongolian vowel separator)"),
    ],
)
@pytest.mark.parametrize("field", ["title", "description"])
def test_a_pasted_invisible_character_is_named_at_its_field_and_nothing_is_sent(
    qtbot: QtBot,
    make_window: WindowFactory,
    sandbox: SandboxServer,
    field: str,
    character: str,
    named: str,
) -> None:
    window = make_window(sandbox.url)
    fill(qtbot, window, **{name: value for name, value in VENDOR.items() if name != field})
    editor = window.form.editor(field)
    assert isinstance(editor, QLineEdit | QPlainTextEdit)
    paste(qtbot, editor, f"Leaking {character}faucet")
    if field == "description" and character == "\u2028":  # Qt's documents make it a line break
        assert window.form.draft().description == "Leaking \nfaucet"
        return
    click(qtbot, window.submit_button)
    assert window.form.visible_errors() == {field: f"Remove the invisible character {named}."}
    assert window.form.error_labels[field].isVisible()
    assert sandbox.requests == []


def test_the_subject_refuses_a_direction_override_when_notifying(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    window = make_window(sandbox.url)
    fill(qtbot, window, notify=True, **VENDOR)
    paste(qtbot, window.form.notify_subject, "Invoice \u202efdp.exe")
    click(qtbot, window.submit_button)
    assert window.form.visible_errors() == {
        "notifySubject": "Remove the invisible character U+202E (right-to-left override)."
    }
    assert sandbox.requests == []


def test_an_emoji_with_joiners_is_sent_as_typed(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    window = make_window(sandbox.url)
    fill(qtbot, window, **{name: value for name, value in VENDOR.items() if name != "title"})
    title = "Tap \U0001f469\u200d\U0001f527 booked"  # woman mechanic: a ZWJ sequence
    paste(qtbot, window.form.title, title)
    with qtbot.waitSignal(window.sent, timeout=10_000):
        click(qtbot, window.submit_button)
    assert dict(sandbox.requests[-1].form)["title"] == title


def test_a_megabyte_pasted_into_the_description_keeps_the_limit_and_says_so(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window("http://127.0.0.1:9/api/v1")
    paste(qtbot, window.form.description, MEGABYTE_LINE)
    assert window.form.description.toPlainText() == MEGABYTE_LINE[:DESCRIPTION_LIMIT]
    assert window.form.visible_errors() == {
        "description": "Only the first 20,000 characters fit here; the rest of the paste "
        "(980,000) was left out."
    }
    qtbot.keyClicks(window.form.description, "x")  # full: the key is refused, and said so
    assert len(window.form.description.toPlainText()) == DESCRIPTION_LIMIT
    assert window.form.visible_errors() == {
        "description": "This field is full: it takes at most 20,000 characters."
    }


def test_a_megabyte_pasted_into_the_title_keeps_the_limit_and_says_so(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window("http://127.0.0.1:9/api/v1")
    paste(qtbot, window.form.title, MEGABYTE_LINE)
    assert window.form.title.text() == MEGABYTE_LINE[:LINE_LIMIT]
    assert window.form.visible_errors() == {
        "title": "Only the first 500 characters fit here; the rest of the paste (999,500) was "
        "left out."
    }
    qtbot.keyClick(window.form.title, Qt.Key.Key_Backspace)  # an edit clears the message
    assert window.form.visible_errors() == {}
    qtbot.keyClicks(window.form.title, "ab")
    assert len(window.form.title.text()) == LINE_LIMIT
    assert "This field is full" in window.form.visible_errors()["title"]


def test_a_paste_into_a_selection_replaces_it_and_never_splits_a_character(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window("http://127.0.0.1:9/api/v1")
    title = window.form.title
    paste(qtbot, title, "a" * (LINE_LIMIT - 3))
    paste(qtbot, title, "bb\U0001f6b0")  # 4 UTF-16 code units into a room of 3
    assert title.text() == "a" * (LINE_LIMIT - 3) + "bb"
    assert "(2) was left out" in window.form.visible_errors()["title"]
    title.selectAll()
    paste(qtbot, title, "Leaking faucet")  # fits once the selection goes
    assert title.text() == "Leaking faucet"
    assert window.form.visible_errors() == {}


def test_the_pasted_part_is_in_the_draft_and_what_is_sent(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    window = make_window(sandbox.url)
    fill(qtbot, window, **{name: value for name, value in VENDOR.items() if name != "description"})
    paste(qtbot, window.form.description, MEGABYTE_LINE)
    assert window.form.draft().description == MEGABYTE_LINE[:DESCRIPTION_LIMIT]
    with qtbot.waitSignal(window.sent, timeout=10_000):
        click(qtbot, window.submit_button)
    assert dict(sandbox.requests[-1].form)["description"] == MEGABYTE_LINE[:DESCRIPTION_LIMIT]
