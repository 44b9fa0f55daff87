"""New ticket mode: File ▸ New ticket (`newTicketAction`), the same form and outbox, a real
POST /ticket/new to the sandbox on 127.0.0.1, and one click to go on updating the new ticket."""

from __future__ import annotations

from urllib.parse import parse_qsl

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from gui.core.fields import Operation
from gui.sandbox import Behaviour, SandboxServer
from tests.ui.conftest import WindowFactory, click, fill, focused


def switch_to_new_ticket(qtbot: QtBot, window) -> None:
    """Ctrl+N, as a user would (the File menu's New ticket)."""
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.new_ticket_action.isChecked()


def test_new_ticket_mode_hides_the_id_and_relaxes_the_description(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    window = make_window(sandbox.url)
    action = window.findChild(type(window.new_ticket_action), "newTicketAction")
    assert action is window.new_ticket_action and action.isCheckable()
    assert action in window.menuBar().actions()[0].menu().actions()  # File ▸ New ticket
    switch_to_new_ticket(qtbot, window)
    assert not window.form.ticket_id.isVisible()
    assert window.form.findChild(QLabel, "descriptionLabel").text() == "D&escription"
    assert window.submit_button.text() == "Create tic&ket"
    assert window.windowTitle() == "Particle Tickets — New ticket"
    assert focused() == "title"
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # and back
    assert not window.new_ticket_action.isChecked()
    assert window.form.ticket_id.isVisible()
    assert window.form.findChild(QLabel, "descriptionLabel").text() == "D&escription *"
    assert window.submit_button.text() == "&Update ticket"


def test_a_new_ticket_is_created_and_one_click_goes_on_updating_it(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    window = make_window(sandbox.url)
    fill(qtbot, window, ticketId="tic_1001")  # typed before switching: not sent, kept
    switch_to_new_ticket(qtbot, window)
    fill(qtbot, window, title="Broken window", status="NEW")
    with qtbot.waitSignal(window.sent, timeout=10_000) as sent:
        click(qtbot, window.submit_button)
    created = sent.args[0].ticket_id
    request = sandbox.requests[-1]
    assert (request.method, request.path) == ("POST", "/api/v1/ticket/new")
    assert parse_qsl(request.body, keep_blank_values=True) == [
        ("title", "Broken window"),
        ("status", "NEW"),
        ("notify", "0"),
        ("automated", "0"),
    ]
    assert created in sandbox.tickets
    assert window.banner.property("kind") == "success"
    assert window.banner.text().startswith(f"Ticket {created} created at ")
    assert window.update_created_button.isVisible()
    window.show_history_panel()
    table = window.history_panel.table
    qtbot.waitUntil(lambda: table.rowCount() >= 1, timeout=10_000)
    assert [table.item(0, column).text() for column in (1, 2)] == [created, "created"]

    click(qtbot, window.update_created_button)
    assert window.form.operation() is Operation.UPDATE
    assert not window.new_ticket_action.isChecked()
    assert window.form.ticket_id.text() == created
    assert not window.update_created_button.isVisible()
    fill(qtbot, window, description="Glazier booked", status="ON_HOLD")
    with qtbot.waitSignal(window.sent, timeout=10_000):
        click(qtbot, window.submit_button)
    assert (sandbox.requests[-1].method, sandbox.requests[-1].path) == (
        "PUT",
        f"/api/v1/ticket/{created}",
    )
    assert sandbox.tickets[created]["status"] == "ON_HOLD"
    assert window.banner.text().startswith(f"Ticket {created} updated at ")


def test_a_new_ticket_shows_the_same_inline_errors(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    window = make_window(sandbox.url)
    switch_to_new_ticket(qtbot, window)
    fill(qtbot, window, notify=True, contacts="not-an-address")
    click(qtbot, window.submit_button)
    errors = window.form.visible_errors()
    assert set(errors) == {"title", "status", "contacts"}  # no ticket id, description optional
    assert "not a valid email address" in errors["contacts"]
    assert focused() == "title"
    assert sandbox.requests == []


def test_a_new_ticket_that_may_have_arrived_is_never_resent_by_itself(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    sandbox.behaviour = Behaviour.SLOW
    sandbox.slow_seconds = 5
    window = make_window(sandbox.url)
    switch_to_new_ticket(qtbot, window)
    fill(qtbot, window, title="Broken window", status="NEW")
    with qtbot.waitSignal(window.cancelled, timeout=10_000):
        click(qtbot, window.submit_button)
        qtbot.waitUntil(lambda: bool(sandbox.requests), timeout=5000)
        qtbot.keyClick(window.cancel_button, Qt.Key.Key_Escape)
    assert "may already have created the ticket" in window.banner.text()
    window.show_outbox_panel()
    qtbot.waitUntil(
        lambda: [item.state.value for item in window.outbox_panel.items] == ["needs_decision"],
        timeout=5000,
    )
    assert window.form.operation() is Operation.CREATE  # the form keeps what was typed


def test_the_mode_survives_in_the_draft(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    from gui.core.ticket import TicketDraft

    window = make_window(sandbox.url)
    switch_to_new_ticket(qtbot, window)
    fill(qtbot, window, title="Flickering light")
    draft = window.form.draft()
    assert draft.operation is Operation.CREATE and draft.ticket_id == ""
    window.form.set_draft(TicketDraft(ticket_id="tic_1002", title="Leak"))
    assert not window.new_ticket_action.isChecked()
    window.form.set_draft(draft)
    assert window.new_ticket_action.isChecked()
    assert window.form.title.text() == "Flickering light"


def test_a_ticket_opened_in_the_window_is_closed_from_a_script(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer, tmp_path
) -> None:
    """The issue's "done when": the window opens the ticket, `particle-tickets update` (a real
    process, on the same sandbox) closes it."""
    import os
    import subprocess
    import sys

    window = make_window(sandbox.url)
    switch_to_new_ticket(qtbot, window)
    fill(qtbot, window, title="Broken window", status="NEW")
    with qtbot.waitSignal(window.sent, timeout=10_000) as sent:
        click(qtbot, window.submit_button)
    created = sent.args[0].ticket_id

    env = {k: v for k, v in os.environ.items() if not k.startswith("PARTICLESPACE_")}
    env.update(
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "c"),
        XDG_DATA_HOME=str(tmp_path / "d"),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",  # never the user's keychain
    )
    script = [sys.executable, "-m", "gui", "update", created, "--title", "Broken window"]
    script += ["--description", "Glass replaced", "--status", "CLOSED"]
    script += ["--api-base", sandbox.url, "--token", SandboxServer.TOKEN]
    closed = subprocess.run(script, capture_output=True, text=True, timeout=120, env=env)
    assert closed.returncode == 0, closed.stderr
    assert closed.stdout == f"Ticket {created} updated.\n"
    assert sandbox.tickets[created]["status"] == "CLOSED"
