"""Ticket by ticket (issue 12): the form never carries one ticket's text onto another, never
repeats a notification by accident, and the banner always says what really happened.

Driven like a user, against a real sandbox on 127.0.0.1.
"""

from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from gui.core import app_folders
from gui.sandbox import Behaviour, SandboxServer
from gui.ui.main_window import MainWindow
from gui.ui.quit_question import ask_before_quitting
from tests.ui.conftest import WindowFactory, click, fill, type_into

NOTICE = {"notifySubject": "Water", "notifyMessage": "The plumber comes at 9."}


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(tickets=("tic_1001", "tic_1002", "tic_1003")) as server:
        yield server


def puts(sandbox: SandboxServer, ticket_id: str | None = None) -> list[dict[str, str]]:
    return [
        dict(request.form)
        for request in sandbox.requests
        if request.method == "PUT" and (ticket_id is None or request.path.endswith(ticket_id))
    ]


def posts(sandbox: SandboxServer) -> list[dict[str, str]]:
    return [dict(r.form) for r in sandbox.requests if r.path.endswith("/ticket/new")]


def reactivate(qtbot: QtBot, window: MainWindow) -> None:
    """The offscreen platform hands activation to a completion's popup and leaves it there once
    hidden (no window manager takes it back): give it back, as a real desktop does."""
    QApplication.processEvents()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def leave_id(qtbot: QtBot, window: MainWindow, ticket_id: str) -> None:
    """Type a ticket id and leave the field (Tab), then wait until the form is about it."""
    reactivate(qtbot, window)
    type_into(qtbot, window.form.ticket_id, ticket_id)
    popup = window.form.known_tickets.popup()  # a known ticket: the completion is open and
    target = popup if popup.isVisible() else window.form.ticket_id  # has the keyboard
    qtbot.keyClick(target, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: window.switcher.ticket_id == ticket_id, timeout=5000)


def update(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.sent, timeout=10_000):
        click(qtbot, window.submit_button)


def first_update(qtbot: QtBot, window: MainWindow, ticket_id: str, *, notify: bool) -> None:
    leave_id(qtbot, window, ticket_id)
    fields = {"title": "Leaking faucet", "description": "Leak under the sink", "status": "ON_HOLD"}
    if notify:
        fields |= {"contacts": "(202) 555-0123, (202) 555-0188", **NOTICE}
        click(qtbot, window.form.notify)
        window.form.type.setCurrentIndex(window.form.type.findData("sms"))
    fill(qtbot, window, **fields)
    update(qtbot, window)


@pytest.fixture
def window(make_window: WindowFactory, sandbox: SandboxServer, qtbot: QtBot) -> MainWindow:
    opened = make_window(sandbox.url)
    return opened


def test_another_ticket_gets_none_of_the_first_ones_text_and_undo_brings_it_back(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    first_update(qtbot, window, "tic_1001", notify=True)
    assert window.form.notify.isChecked() is False  # told once: notify turned off
    type_into(qtbot, window.form.description, "And the tap drips too")  # typed, not sent
    leave_id(qtbot, window, "tic_1002")
    form = window.form
    assert (form.title.text(), form.description.toPlainText(), form.status.code()) == ("", "", "")
    assert not form.notify.isChecked() and form.contacts.text() == ""
    assert form.notify_message.toPlainText() == "" and form.notify_subject.text() == ""
    hint = form.ticket_hint
    assert hint.isVisible() and "sent nothing for this ticket yet" in hint.text()
    assert "Title, description and status will replace" in window.page.change_summary.text()
    assert window.page.undo_switch_button.isVisible()
    assert "Undo brings it back" in window.banner.text()

    click(qtbot, window.page.undo_switch_button)
    assert form.ticket_id.text() == "tic_1001"
    assert form.description.toPlainText() == "And the tap drips too"
    assert not window.page.undo_switch_button.isVisible()

    # and back to the first ticket later: its last known state, from this computer
    leave_id(qtbot, window, "tic_1003")
    leave_id(qtbot, window, "tic_1001")
    qtbot.waitUntil(lambda: form.title.text() == "Leaking faucet", timeout=5000)
    assert form.description.toPlainText() == "Leak under the sink"
    assert form.status.code() == "ON_HOLD"
    assert re.match(r"From your update of .+\.", form.ticket_hint.text())
    assert window.page.change_summary.text() == "No change to title, description or status"
    assert len(puts(sandbox)) == 1  # switching sends nothing


def test_the_same_notifying_update_twice_asks_before_the_second_goes_out(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    first_update(qtbot, window, "tic_1001", notify=True)
    click(qtbot, window.form.notify)  # the same notice again, on the unchanged form
    fill(qtbot, window, contacts="(202) 555-0123, (202) 555-0188", **NOTICE)
    window.form.type.setCurrentIndex(window.form.type.findData("sms"))
    click(qtbot, window.submit_button)
    qtbot.waitUntil(lambda: window.page.send_again_button.isVisible(), timeout=5000)
    assert re.fullmatch(
        r"You sent exactly this to tic_1001 at .+ \(SMS to 2 people\)\. Send it again\?",
        window.banner.text(),
    )
    assert len(puts(sandbox)) == 1
    click(qtbot, window.submit_button)  # pressing Update again asks again
    qtbot.waitUntil(lambda: window.page.send_again_button.isVisible(), timeout=5000)
    assert len(puts(sandbox)) == 1
    with qtbot.waitSignal(window.sent, timeout=10_000):
        click(qtbot, window.page.send_again_button)
    assert len(puts(sandbox)) == 2
    assert re.match(r"Ticket tic_1001 updated at .+ · SMS to 2 people", window.banner.text())


def test_creating_the_same_ticket_twice_asks_first(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    window.new_ticket_action.trigger()
    fill(qtbot, window, title="Broken window", description="Glass in 3C", status="NEW")
    update(qtbot, window)
    created_text = window.banner.text()
    assert created_text.startswith("Ticket tic_") and " created at " in created_text
    window.new_ticket_action.trigger()  # back to updating, then a new ticket again
    window.new_ticket_action.trigger()
    fill(qtbot, window, title="Broken window", description="Glass in 3C", status="NEW")
    click(qtbot, window.submit_button)
    qtbot.waitUntil(lambda: window.page.send_again_button.isVisible(), timeout=5000)
    assert "Create another?" in window.banner.text()
    assert len(posts(sandbox)) == 1
    with qtbot.waitSignal(window.sent, timeout=10_000):
        click(qtbot, window.page.send_again_button)
    assert len(posts(sandbox)) == 2


def test_an_update_that_changes_nothing_goes_only_on_a_second_press(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    first_update(qtbot, window, "tic_1001", notify=False)
    click(qtbot, window.submit_button)
    assert window.banner.text() == (
        "Nothing changes for tic_1001 and nobody is notified: press Update again to send it anyway."
    )
    assert len(puts(sandbox)) == 1
    update(qtbot, window)  # the second press sends
    assert len(puts(sandbox)) == 2
    type_into(qtbot, window.form.status, "DONE")
    assert window.page.change_summary.text() == "Status ON_HOLD → DONE"


def test_what_the_banner_said_about_the_form_goes_when_the_form_changes(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    first_update(qtbot, window, "tic_1001", notify=False)
    click(qtbot, window.submit_button)
    assert window.banner.text().startswith("Nothing changes for tic_1001")
    type_into(qtbot, window.form.title, "Leaking faucet, kitchen")  # no longer true
    assert not window.banner.isVisible()
    click(qtbot, window.submit_button)  # it changes the title: sent at once
    qtbot.waitUntil(lambda: len(puts(sandbox)) == 2, timeout=5000)
    qtbot.waitUntil(lambda: "updated at" in window.banner.text(), timeout=5000)
    click(qtbot, window.submit_button)
    assert window.banner.text().startswith("Nothing changes for tic_1001")
    leave_id(qtbot, window, "tic_1002")  # nothing unsent to set aside: no Undo, and not
    assert not window.banner.isVisible()  # a word about tic_1001 left in the banner


def test_an_id_typed_but_not_left_switches_first_and_sends_nothing(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    first_update(qtbot, window, "tic_1001", notify=False)
    type_into(qtbot, window.form.ticket_id, "tic_1002")  # still in the field
    qtbot.keyClick(window.form.ticket_id, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.switcher.ticket_id == "tic_1002", timeout=5000)
    assert window.form.title.text() == ""  # not tic_1001's
    assert puts(sandbox, "tic_1002") == []


def test_a_busy_server_then_an_answer_the_banner_ends_on_updated(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    sandbox.retry_after = 1
    sandbox.behaviour = Behaviour.UNAVAILABLE
    leave_id(qtbot, window, "tic_1001")
    fill(qtbot, window, title="Leaking faucet", description="Leak", status="ON_HOLD")
    with qtbot.waitSignal(window.failed, timeout=10_000):
        click(qtbot, window.submit_button)
    assert "goes out by itself" in window.banner.text()
    assert window.page.show_outbox_button.isVisible()
    sandbox.behaviour = Behaviour.NORMAL
    qtbot.waitUntil(lambda: "updated at" in window.banner.text(), timeout=15_000)
    assert window.banner.text().startswith("Ticket tic_1001 updated at ")
    assert not window.page.show_outbox_button.isVisible()
    # what Particle Space now has is the form's: the summary and the hint say so
    qtbot.waitUntil(
        lambda: window.page.change_summary.text() == "No change to title, description or status",
        timeout=5000,
    )
    assert window.form.ticket_hint.text().startswith("From your update of ")


def test_a_waiting_update_discarded_from_the_outbox_the_banner_says_so(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    sandbox.behaviour = Behaviour.SERVER_ERROR
    leave_id(qtbot, window, "tic_1001")
    fill(qtbot, window, title="Leaking faucet", description="Leak", status="ON_HOLD")
    with qtbot.waitSignal(window.failed, timeout=10_000):
        click(qtbot, window.submit_button)
    click(qtbot, window.page.show_outbox_button)
    panel = window.outbox_panel
    assert panel.isVisible()
    qtbot.waitUntil(lambda: len(panel.items) == 1, timeout=5000)
    panel.table.selectRow(0)
    click(qtbot, panel.discard_button)
    qtbot.waitUntil(lambda: "discarded" in window.banner.text(), timeout=5000)


def test_clear_form_empties_it_and_undo_brings_it_back(qtbot: QtBot, window: MainWindow) -> None:
    leave_id(qtbot, window, "tic_1001")
    fill(qtbot, window, title="Half typed", description="Not sent")
    window.findChild(type(window.new_ticket_action), "clearFormAction").trigger()
    assert window.form.title.text() == "" and window.form.ticket_id.text() == ""
    assert window.banner.text() == "Cleared the form."
    click(qtbot, window.page.undo_switch_button)
    assert window.form.title.text() == "Half typed"
    assert window.form.ticket_id.text() == "tic_1001"


def test_statuses_are_flows_with_names_and_the_code_is_sent(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    status = window.form.status
    assert [status.itemText(i) for i in range(2)] == ["New · NEW", "On hold · ON_HOLD"]
    leave_id(qtbot, window, "tic_1001")
    fill(qtbot, window, title="Leaking faucet", description="Leak")
    type_into(qtbot, status, "on hold")
    note = window.findChild(type(status.note), "statusNote")
    assert note.isVisible()
    suggestion = window.findChild(type(window.submit_button), "statusSuggestionButton")
    assert suggestion.text() == "Use On hold · ON_HOLD"
    click(qtbot, suggestion)
    assert status.code() == "ON_HOLD" and not note.isVisible()
    update(qtbot, window)
    assert puts(sandbox)[-1]["status"] == "ON_HOLD"
    type_into(qtbot, status, "Done")  # not listed: kept as typed, with the note
    assert status.code() == "Done" and note.isVisible()


def test_the_ticket_id_completes_from_known_tickets(qtbot: QtBot, window: MainWindow) -> None:
    first_update(qtbot, window, "tic_1001", notify=False)
    completer = window.form.known_tickets
    qtbot.waitUntil(lambda: completer.model().rowCount() == 1, timeout=5000)
    assert completer.model().index(0, 0).data() == "tic_1001 · Leaking faucet"


def test_quitting_mid_request_then_starting_again_announces_the_decision(
    qtbot: QtBot,
    make_window: WindowFactory,
    sandbox: SandboxServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(argv=["--api-base", sandbox.url, "--token", SandboxServer.TOKEN])
    asked: list[str] = []

    def question(parent: object, title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    window.confirm_quit = functools.partial(ask_before_quitting, window)  # the fixture's never ask
    sandbox.behaviour = Behaviour.DRIP
    leave_id(qtbot, window, "tic_1001")
    click(qtbot, window.form.notify)
    fill(
        qtbot,
        window,
        title="Leak",
        description="Sink",
        status="ON_HOLD",
        contacts="tenant@example.com",
    )
    click(qtbot, window.submit_button)
    qtbot.waitUntil(lambda: len(puts(sandbox)) == 1, timeout=5000)
    window.close()
    assert asked == [
        "The server may already have the update that is being sent. It waits in the outbox for "
        "your decision: resend or discard it there at the next start. Quit now?"
    ]
    sandbox.behaviour = Behaviour.NORMAL

    again = make_window(argv=["--api-base", sandbox.url, "--token", SandboxServer.TOKEN])
    qtbot.waitUntil(
        lambda: "1 update needs your decision in the outbox." in again.banner.text(),
        timeout=10_000,
    )
    assert again.page.show_outbox_button.isVisible()
    assert len(puts(sandbox)) == 1  # it was not sent again by itself


def test_the_draft_follows_the_ticket_now_in_the_form(qtbot: QtBot, window: MainWindow) -> None:
    first_update(qtbot, window, "tic_1001", notify=True)
    leave_id(qtbot, window, "tic_1002")
    fill(qtbot, window, title="Hallway light")
    window.drafts.save_now()
    qtbot.waitUntil(lambda: not window.drafts.writing, timeout=5000)
    saved = json.loads((app_folders.data_folder() / "draft.json").read_text())
    assert saved["ticket_id"] == "tic_1002" and saved["title"] == "Hallway light"
    assert saved["notify_message"] == "" and saved["contacts"] == ""
    QApplication.processEvents()


def test_twenty_tickets_in_a_row_each_gets_only_its_own_text_and_nobody_is_told_twice(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    tickets = [f"tic_{2000 + number}" for number in range(20)]
    with SandboxServer(tickets=tickets) as sandbox:
        window = make_window(sandbox.url)
        for number, ticket in enumerate(tickets):
            leave_id(qtbot, window, ticket)
            form = window.form
            assert (form.title.text(), form.description.toPlainText()) == ("", "")
            assert not form.notify.isChecked() and form.contacts.text() == ""
            fields = {"title": f"Job {number}", "description": f"Flat {number}", "status": "NEW"}
            if number % 5 == 0:  # every fifth one tells the tenant
                click(qtbot, form.notify)
                fields |= {"contacts": "tenant@example.com", "notifyMessage": f"About {number}"}
            fill(qtbot, window, **fields)
            update(qtbot, window)
            assert window.banner.text().startswith(f"Ticket {ticket} updated at ")
        sent = puts(sandbox)
        assert [form["title"] for form in sent] == [f"Job {n}" for n in range(20)]
        assert [(f["notify"], f.get("notifyMessage")) for f in sent] == [
            ("1", f"About {n}") if n % 5 == 0 else ("0", None) for n in range(20)
        ]
        for ticket, form in zip(tickets, sent, strict=True):
            assert sandbox.tickets[ticket]["title"] == form["title"]


def test_a_fresh_form_filled_in_any_order_is_sent_on_the_first_press(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    click(qtbot, window.form.notify)  # the notice first, then the rest, the id last
    fill(qtbot, window, contacts="tenant@example.com", title="Leak", description="Sink")
    fill(qtbot, window, status="NEW", ticketId="tic_1002")
    update(qtbot, window)  # the id was never left: it is this form's ticket, nothing lost
    (sent,) = puts(sandbox, "tic_1002")
    assert (sent["title"], sent["notify"], sent["contacts"]) == ("Leak", "1", "tenant@example.com")


def test_opening_on_a_known_ticket_fills_in_its_last_known_state(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    argv = ["--api-base", sandbox.url, "--token", SandboxServer.TOKEN]
    first = make_window(argv=argv)
    first_update(qtbot, first, "tic_1001", notify=False)
    first.close()

    again = make_window(argv=[*argv, "--ticket", "tic_1001"])
    form = again.form
    qtbot.waitUntil(lambda: form.title.text() == "Leaking faucet", timeout=5000)
    assert (form.description.toPlainText(), form.status.code()) == (
        "Leak under the sink",
        "ON_HOLD",
    )
    assert form.ticket_hint.text().startswith("From your update of ")
    assert again.page.change_summary.text() == "No change to title, description or status"


def test_a_ticket_the_command_line_updated_meanwhile_never_overwrites_what_was_typed(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    # The command line, in its own process, updates tic_1002 while the window is open: the
    # window's completion does not know it yet, so its state comes from the outbox's file a
    # moment after the user has left the id and started typing.
    command = [sys.executable, "-m", "gui", "update", "tic_1002", "--title", "Hallway light"]
    command += ["--description", "Bulb out", "--status", "NEW"]
    command += ["--api-base", sandbox.url, "--token", SandboxServer.TOKEN]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    type_into(qtbot, window.form.ticket_id, "tic_1002")
    qtbot.keyClick(window.form.ticket_id, Qt.Key.Key_Tab)
    type_into(qtbot, window.form.title, "Typed at once")
    qtbot.waitUntil(lambda: window.switcher.known is not None, timeout=5000)
    assert window.form.title.text() == "Typed at once"  # what the user typed stays
    assert window.form.ticket_hint.text().startswith("From your update of ")
    assert window.page.change_summary.text() == "Title"


def test_after_a_500_a_second_press_does_not_queue_a_second_copy(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    sandbox.behaviour = Behaviour.SERVER_ERROR
    leave_id(qtbot, window, "tic_1001")
    click(qtbot, window.form.notify)
    window.form.type.setCurrentIndex(window.form.type.findData("sms"))
    fill(qtbot, window, title="Leak", description="Sink", status="ON_HOLD", **NOTICE)
    fill(qtbot, window, contacts="(202) 555-0123, (202) 555-0188")
    with qtbot.waitSignal(window.failed, timeout=10_000):
        click(qtbot, window.submit_button)
    sandbox.behaviour = Behaviour.NORMAL
    click(qtbot, window.submit_button)  # the same update, pressed again
    qtbot.waitUntil(lambda: window.page.send_again_button.isVisible(), timeout=5000)
    assert window.banner.text() == (
        "Exactly this update to tic_1001 is already waiting in the outbox (SMS to 2 people). "
        "Send it again?"
    )
    assert window.page.show_outbox_button.isVisible()
    panel = window.outbox_panel
    click(qtbot, window.page.show_outbox_button)
    qtbot.waitUntil(lambda: len(panel.items) == 1, timeout=5000)  # one copy, not two
    assert len(puts(sandbox)) == 1


def test_esc_closes_the_completion_lists_and_still_stops_a_request(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    first_update(qtbot, window, "tic_1001", notify=False)
    known = window.form.known_tickets.model()
    qtbot.waitUntil(lambda: known.rowCount() == 1, timeout=5000)  # tic_1001 is offered
    for field, typed in ((window.form.ticket_id, "tic_10"), (window.form.status, "on hold")):
        reactivate(qtbot, window)
        type_into(qtbot, field, typed)
        popup = field.completer().popup()
        assert popup.isVisible(), field.objectName()
        qtbot.keyClick(popup, Qt.Key.Key_Escape)  # where the key goes while the list is open
        assert not popup.isVisible(), field.objectName()
    sandbox.behaviour = Behaviour.DRIP
    leave_id(qtbot, window, "tic_1002")
    fill(qtbot, window, title="Leak", description="Sink", status="NEW")
    with qtbot.waitSignal(window.cancelled, timeout=10_000):
        click(qtbot, window.submit_button)
        qtbot.waitUntil(lambda: len(puts(sandbox, "tic_1002")) == 1, timeout=5000)
        qtbot.keyClick(window.cancel_button, Qt.Key.Key_Escape)


def test_ctrl_return_with_a_completion_open_sends_and_leaves_no_list_behind(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    """Typed "ON_HOLD", its completion open, Ctrl+Return: the update goes, and the list does not
    stay over the form offering what the field no longer holds (it showed "New · NEW", and took
    the keys typed next). Three tickets in a row."""
    for ticket_id in ("tic_1001", "tic_1002", "tic_1003"):
        leave_id(qtbot, window, ticket_id)
        fill(qtbot, window, title=f"Leaking faucet {ticket_id}", description="Leak under the sink")
        reactivate(qtbot, window)
        type_into(qtbot, window.form.status, "ON_HOLD")
        popup = window.form.status.completer().popup()
        assert popup.isVisible()
        with qtbot.waitSignal(window.sent, timeout=10_000):
            qtbot.keyClick(popup, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert puts(sandbox, ticket_id)[-1]["status"] == "ON_HOLD"
        qtbot.wait(50)  # what the answer refreshes (the list of statuses) has happened
        assert not popup.isVisible()
        assert window.form.status.code() == "ON_HOLD"
