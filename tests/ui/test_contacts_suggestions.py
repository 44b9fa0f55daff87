"""The contact book offers the contacts used in sends that it does not have, used like a
user: tickets sent to the real loopback sandbox with notifications, then File ▸ Contacts…
lists the addresses and numbers no contact has, keeps the list true after a send, a save and
a reopening, and Add to contacts… starts a contact with one filled in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.sandbox import SandboxServer
from gui.ui.contacts_dialog import ContactsDialog
from gui.ui.main_window import MainWindow
from tests.ui.conftest import VENDOR, WindowFactory, click, fill, type_into
from tests.ui.test_contacts_book import MARIA, as_sms, open_dialog, opened, seed, stored_names


def send(
    qtbot: QtBot, window: MainWindow, contacts: str, *, sms: bool, ticket: str = "TICKET_ID_HERE"
) -> None:
    """Send the vendor's ticket with a notification to `contacts` (through the outbox)."""
    window.activateWindow()
    fill(qtbot, window, notify=True, **{**VENDOR, "ticketId": ticket, "contacts": ""})
    if sms:
        as_sms(window)
    else:
        window.form.type.setCurrentIndex(window.form.type.findData("email"))
    type_into(qtbot, window.form.contacts, contacts)
    with qtbot.waitSignal(window.sent, timeout=10_000):
        click(qtbot, window.submit_button)


def offered(qtbot: QtBot, dialog: ContactsDialog, expected: list[str]) -> None:
    qtbot.waitUntil(lambda: dialog.suggested() == expected, timeout=5000)
    assert dialog.suggestions.isVisible() == dialog.suggestions_label.isVisible() == bool(expected)
    assert dialog.add_suggestion_button.isVisible() == bool(expected)


def choose(qtbot: QtBot, dialog: ContactsDialog, text: str) -> None:
    (item,) = dialog.suggestions.findItems(text, Qt.MatchFlag.MatchExactly)
    rect = dialog.suggestions.visualItemRect(item)
    qtbot.mouseClick(dialog.suggestions.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_numbers_and_addresses_used_in_sends_are_offered_until_added(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    seed(MARIA)
    window = opened(qtbot, make_window, sandbox.url, 1)
    dialog = open_dialog(qtbot, window)
    offered(qtbot, dialog, [])  # nothing sent yet: hidden, label too
    dialog.close()
    # María's number, written otherwise, is hers: only the other one is offered.
    send(qtbot, window, "+1 202 555 0123, (202) 555-0177", sms=True)
    dialog = open_dialog(qtbot, window)  # shown again: read again
    offered(qtbot, dialog, ["2025550177"])
    assert dialog.suggestions_label.text() == "Used in sends, not in &your contacts:"
    # A send while the dialog is open adds what it went to (emails come first).
    send(qtbot, window, "ana@example.com", sms=False)
    offered(qtbot, dialog, ["ana@example.com", "2025550177"])
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)

    assert not dialog.add_suggestion_button.isEnabled()  # nothing chosen
    choose(qtbot, dialog, "2025550177")
    click(qtbot, dialog.add_suggestion_button)
    assert (dialog.name.text(), dialog.email.text(), dialog.phone.text()) == ("", "", "2025550177")
    assert dialog.name.hasFocus()
    qtbot.keyClicks(dialog.name, "Joe Park")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # Save is the default button
    offered(qtbot, dialog, ["ana@example.com"])  # the book changed: it is his now
    assert stored_names() == ["Joe Park", "María López"]

    # Return on the chosen entry starts the contact too, and Return goes no further (no Save).
    choose(qtbot, dialog, "ana@example.com")
    qtbot.keyClick(dialog.suggestions, Qt.Key.Key_Return)
    assert (dialog.name.text(), dialog.email.text(), dialog.phone.text()) == (
        "",
        "ana@example.com",
        "",
    )
    assert dialog.name.hasFocus() and not dialog.error.isVisible()
    type_into(qtbot, dialog.name, "Ana Ruiz")
    click(qtbot, dialog.save_button)
    offered(qtbot, dialog, [])  # none left: the list and its label are hidden
    assert stored_names() == ["Ana Ruiz", "Joe Park", "María López"]


def test_a_double_click_starts_a_contact_with_the_address(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    window = opened(qtbot, make_window, sandbox.url, 0)
    send(qtbot, window, "ana@example.com", sms=False)
    dialog = open_dialog(qtbot, window)
    offered(qtbot, dialog, ["ana@example.com"])
    (item,) = dialog.suggestions.findItems("ana@example.com", Qt.MatchFlag.MatchExactly)
    rect = dialog.suggestions.visualItemRect(item)
    viewport = dialog.suggestions.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # the first click
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: dialog.email.text() == "ana@example.com")
    assert dialog.name.hasFocus()


def test_the_sandbox_window_offers_what_was_sent_to_the_sandbox(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(argv=["--demo"])
    assert window.sandbox is not None
    send(qtbot, window, "(202) 555-0199", sms=True, ticket="tic_1001")  # the demo's
    dialog = open_dialog(qtbot, window)
    offered(qtbot, dialog, ["2025550199"])
