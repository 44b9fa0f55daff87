"""Many tickets at once (issue 15): File ▸ Many tickets… checks pasted ids or a CSV file's rows
in a table and sends them through the window's outbox as one batch.

Driven like a user, against a real sandbox on 127.0.0.1 and the window's real SQLite outbox.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from gui.core import app_folders
from gui.core.config import Connection
from gui.core.credentials import Credentials
from gui.core.destination import destination_of
from gui.core.outbox import ItemState, OutboxStore
from gui.core.ticket import TicketUpdate
from gui.sandbox import Behaviour, SandboxServer
from gui.ui.batch_dialog import BatchDialog
from gui.ui.batch_table import CHECK, STATUS, TITLE
from gui.ui.main_window import MainWindow
from tests.ui.conftest import WindowFactory, click, type_into

FLOOR = [f"tic_{2001 + number}" for number in range(20)]
PHONES = "(202) 555-0123, (202) 555-0188"


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(tickets=(*FLOOR, "tic_9999")) as server:
        yield server


def seed_known(sandbox: SandboxServer, ticket_ids: list[str]) -> None:
    """Make `ticket_ids` known at the window's destination: each confirmed once by the server
    (as a send from the form would leave it), with its own title and description."""
    connection = Connection(sandbox.url, Credentials(token=SandboxServer.TOKEN))
    destination = destination_of(connection)
    store = OutboxStore(app_folders.data_folder() / app_folders.OUTBOX_FILE_NAME)
    try:
        for ticket_id in ticket_ids:
            update = TicketUpdate(
                ticket_id=ticket_id,
                title=f"Water in {ticket_id}",
                description=f"Flat of {ticket_id}: the tap leaks.",
                status="ON_HOLD",
                automated=False,
            )
            store.add(update, destination=destination)
            item = store.claim_next(destination)
            assert item is not None
            store.complete(item.id, status=200, destination=destination)
    finally:
        store.close_all()


@pytest.fixture
def window(make_window: WindowFactory, sandbox: SandboxServer, qtbot: QtBot) -> MainWindow:
    seed_known(sandbox, FLOOR)
    opened = make_window(sandbox.url)
    qtbot.waitUntil(lambda: opened.outbox._opened is not None, timeout=5000)
    return opened


def open_dialog(qtbot: QtBot, window: MainWindow) -> BatchDialog:
    assert window.menus.batch_action.isEnabled()
    window.menus.batch_action.trigger()
    dialog = window.batch.dialog
    assert dialog is not None and dialog.objectName() == "batchDialog"
    qtbot.waitExposed(dialog)
    return dialog


def paste_ids(qtbot: QtBot, dialog: BatchDialog, text: str) -> None:
    """Put `text` on the clipboard and paste it over the ids, as a user does from a sheet."""
    QGuiApplication.clipboard().setText(text)
    type_into(qtbot, dialog.ids, "")
    qtbot.keyClick(dialog.ids, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def puts(sandbox: SandboxServer) -> list[tuple[str, dict[str, str]]]:
    return [
        (request.path.rsplit("/", 1)[-1], dict(request.form))
        for request in sandbox.requests
        if request.method == "PUT"
    ]


def checked(qtbot: QtBot, dialog: BatchDialog) -> str:
    """Wait for the rows of what was typed to be checked; the summary then."""
    qtbot.waitUntil(lambda: "checked" in dialog.summary.text(), timeout=5000)
    return dialog.summary.text()


def done(qtbot: QtBot, dialog: BatchDialog, *, timeout: int = 20_000) -> str:
    qtbot.waitUntil(
        lambda: (
            dialog.send_button.isEnabled()
            and bool(re.match(r"(Cancelled: .*)?\d+ rows?:", dialog.summary.text()))
        ),
        timeout=timeout,
    )
    return dialog.summary.text()


def set_sms_change(qtbot: QtBot, dialog: BatchDialog, *, contacts: str = PHONES) -> None:
    change = dialog.change
    type_into(qtbot, change.status, "DONE")
    click(qtbot, change.notify)
    change.type.setCurrentIndex(change.type.findData("sms"))
    type_into(qtbot, change.contacts, contacts)
    type_into(qtbot, change.message, "The water is off tomorrow 9-11.")


def test_twenty_known_tickets_move_to_done_and_text_their_tenants_without_retyping(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    dialog = open_dialog(qtbot, window)
    pasted = "\n".join(FLOOR[:10]) + "\n" + ", ".join(FLOOR[10:]) + " tic_2001\ntic_9999"
    paste_ids(qtbot, dialog, pasted)
    set_sms_change(qtbot, dialog)
    assert checked(qtbot, dialog) == "21 rows checked: 1 needs attention (see the Check column)."
    assert dialog.input_note.text() == "1 id was given more than once and is sent once: tic_2001."
    model = dialog.model
    assert model.rowCount() == 21
    assert model.index(0, TITLE).data() == "Water in tic_2001"
    assert model.index(0, STATUS).data() == "DONE"
    assert model.index(0, CHECK).data() == "✓ OK"
    unknown = model.rowCount() - 1
    lacks = (
        "Title: Title and description unknown: update it once in the form or give them in a "
        "CSV file."
    )
    assert model.problems(unknown, TITLE) == [lacks]
    assert model.index(unknown, CHECK).data() == lacks
    assert model.index(unknown, TITLE).data(3) == lacks  # the tooltip of the cell that is wrong

    click(qtbot, dialog.send_button)  # a row needs attention: nothing goes
    assert dialog.summary.text().startswith("Nothing was sent: 1 row needs attention.")
    assert puts(sandbox) == []

    click(qtbot, dialog.skip_invalid)
    click(qtbot, dialog.send_button)
    assert done(qtbot, dialog) == "21 rows: 20 sent, 1 needs attention, not sent"
    assert dialog.progress.value() == dialog.progress.maximum() == 20
    sent = puts(sandbox)
    assert [ticket for ticket, _form in sent] == FLOOR
    for ticket, form in sent:
        assert form["title"] == f"Water in {ticket}"
        assert form["description"] == f"Flat of {ticket}: the tap leaks."
        assert (form["status"], form["notify"], form["type"]) == ("DONE", "1", "sms")
        assert form["contacts"] == "2025550123,2025550188"
    assert model.index(0, 4).data().startswith("Ticket tic_2001 updated")
    assert model.index(unknown, 4).data() == "Not sent: this row needs attention."
    # The batch went through the window's outbox: nothing is left in it.
    qtbot.waitUntil(lambda: window.status_bar.waiting == 0, timeout=5000)

    # The same batch again: the repeat rule holds every row back, until asked to send again.
    click(qtbot, dialog.send_button)
    assert done(qtbot, dialog) == "21 rows: 20 repeats, not sent, 1 needs attention, not sent"
    assert len(puts(sandbox)) == 20
    assert re.match(
        r"Not sent: exactly this went to tic_2001 at .+ \(SMS to 2 people\)\. “Send again”",
        model.index(0, 4).data(),
    )
    click(qtbot, dialog.again)
    click(qtbot, dialog.send_button)
    assert done(qtbot, dialog) == "21 rows: 20 sent, 1 needs attention, not sent"
    assert len(puts(sandbox)) == 40


def test_an_invalid_contact_shows_beside_the_contacts_and_in_every_row_and_blocks_send(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    dialog = open_dialog(qtbot, window)
    paste_ids(qtbot, dialog, "tic_2001 tic_2002")
    set_sms_change(qtbot, dialog, contacts="(202) 555-0123, 12")
    assert checked(qtbot, dialog) == "2 rows checked: 2 need attention (see the Check column)."
    error = dialog.change.errors["contacts"]
    assert error.objectName() == "batchContactsError" and error.isVisible()
    assert "12" in error.text()
    for row in range(2):
        (problem,) = dialog.model.problems(row, CHECK)
        assert problem.startswith("Contacts: ") and "12" in problem
        assert dialog.model.problems(row, TITLE) == []
    click(qtbot, dialog.skip_invalid)
    click(qtbot, dialog.send_button)
    assert dialog.summary.text() == "Nothing was sent: no row is ready."
    assert puts(sandbox) == []

    type_into(qtbot, dialog.change.contacts, PHONES)  # corrected: the old words go at once
    assert dialog.summary.text() == "Checking…"
    assert checked(qtbot, dialog) == "2 rows checked: all ready to send."
    assert not dialog.change.errors["contacts"].isVisible()


def test_cancel_mid_way_leaves_the_rest_waiting_as_one_batch_and_says_how_many(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    sandbox.slow_seconds = 0.6
    sandbox.behaviour = Behaviour.SLOW
    dialog = open_dialog(qtbot, window)
    paste_ids(qtbot, dialog, "\n".join(FLOOR[:6]))
    set_sms_change(qtbot, dialog)
    assert checked(qtbot, dialog) == "6 rows checked: all ready to send."
    click(qtbot, dialog.send_button)
    qtbot.waitUntil(lambda: dialog.progress.value() >= 1, timeout=10_000)
    click(qtbot, dialog.cancel_button)
    summary = done(qtbot, dialog)
    match = re.match(
        r"Cancelled: (\d) of 6 updates were not sent; they wait in the outbox as batch (\d+), "
        r"for you to resend or discard\. 6 rows: (\d) sent, (\d) wait for your decision$",
        summary,
    )
    assert match, summary
    held, batch_id, sent, waiting = (int(group) for group in match.groups())
    assert held == waiting and sent + held == 6 and held >= 1
    sandbox.behaviour = Behaviour.NORMAL
    qtbot.wait(300)  # nothing more goes out by itself
    assert len(puts(sandbox)) == sent
    store = OutboxStore(app_folders.data_folder() / app_folders.OUTBOX_FILE_NAME)
    try:
        items = store.batch(batch_id)
    finally:
        store.close()
    assert items is not None and len(items) == held
    assert {item.state for item in items} == {ItemState.NEEDS_DECISION}
    assert window.status_bar.waiting == held  # and the outbox panel shows them
    results = [dialog.model.index(row, 4).data() for row in range(6)]
    assert (
        results.count(
            "Not sent: the batch was cancelled before this update went out. Resend sends it, "
            "Discard gives it up."
        )
        == held
    )

    type_into(qtbot, dialog.ids, "tic_2001")  # another input: the old summary goes
    assert dialog.summary.text() == "Checking…"
    assert dialog.model.index(0, 4).data() == ""


def test_a_csv_file_with_one_bad_row_shows_it_in_its_cell_and_sends_the_others(
    qtbot: QtBot,
    window: MainWindow,
    sandbox: SandboxServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "floor3.csv"
    path.write_text(
        "ticketId,title,description,status,notify,automated\n"
        "tic_9999,Boiler,No hot water,NEW,0,0\n"
        "tic_2001,,Flat 3A,DONE,0,0\n"
        "tic_2002,Window,Cracked pane,DONE,0,1\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), "CSV files (*.csv)")
    )
    dialog = open_dialog(qtbot, window)
    click(qtbot, dialog.open_csv_button)
    assert checked(qtbot, dialog) == "3 rows checked: 1 needs attention (see the Check column)."
    assert dialog.input_note.text() == "From floor3.csv: the file gives every field of each row."
    assert not dialog.change.isEnabled()  # the file gives every field
    assert dialog.model.problems(1, TITLE) == ["Title: Enter a title."]
    assert dialog.model.index(1, TITLE).data() == "⚠ Title: Enter a title."
    assert dialog.model.index(0, CHECK).data() == "✓ OK"
    click(qtbot, dialog.skip_invalid)
    click(qtbot, dialog.send_button)
    assert done(qtbot, dialog) == "3 rows: 2 sent, 1 needs attention, not sent"
    assert [(ticket, form["title"]) for ticket, form in puts(sandbox)] == [
        ("tic_9999", "Boiler"),
        ("tic_2002", "Window"),
    ]


def test_a_row_behind_an_earlier_update_that_needs_a_decision_says_so_and_the_rest_end(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    destination = destination_of(window.connection)
    store = OutboxStore(app_folders.data_folder() / app_folders.OUTBOX_FILE_NAME)
    try:  # an earlier notifying update of tic_2001 whose outcome was never known
        earlier = store.add(
            TicketUpdate("tic_2001", "Leak", "Sink", "ON_HOLD", automated=False),
            destination=destination,
        )
        store.hold(earlier.id, error="The answer never came.")
    finally:
        store.close_all()
    dialog = open_dialog(qtbot, window)
    paste_ids(qtbot, dialog, " ".join(FLOOR[:3]))
    type_into(qtbot, dialog.change.status, "DONE")
    assert checked(qtbot, dialog) == "3 rows checked: all ready to send."
    click(qtbot, dialog.send_button)
    qtbot.waitUntil(lambda: [ticket for ticket, _ in puts(sandbox)] == FLOOR[1:3], timeout=10_000)
    said = dialog.model.index(0, 4).data()
    assert said.startswith(f"Waits behind item {earlier.id}, an earlier update of tic_2001")
    qtbot.waitUntil(lambda: dialog.send_button.isEnabled(), timeout=10_000)  # not stuck sending
