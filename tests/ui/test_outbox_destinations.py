"""The window's outbox sends only what was written for where the window sends now: an update
queued for another server or account is shown with where it goes and cannot be sent from here;
one 0.1.0 queued without recording where says where Resend sends it, and Resend does."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pytestqt.qtbot import QtBot

from gui.core.config import Connection
from gui.core.credentials import Credentials
from gui.core.destination import Destination, destination_of
from gui.core.outbox import OutboxStore
from gui.core.ticket import TicketUpdate
from gui.sandbox import SandboxServer
from gui.ui.main_window import MainWindow
from gui.ui.settings import AppSettings
from tests.ui.conftest import click

ELSEWHERE = Destination("https://api.particlespace.com/api/v1", "0123456789abcdef")


def update(ticket: str, title: str) -> TicketUpdate:
    return TicketUpdate(ticket, title, "Sink", "NEW", automated=False)


def test_an_update_written_for_another_server_stays_and_one_of_0_1_0_goes_where_resent(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with SandboxServer(tickets=("tic_1001", "tic_1002")) as sandbox:
        connection = Connection(sandbox.url, Credentials(token=SandboxServer.TOKEN))
        path = tmp_path / "outbox.sqlite3"
        store = OutboxStore(path)
        store.add(update("tic_1001", "For the real service"), destination=ELSEWHERE)
        old = store.add(update("tic_1002", "From 0.1.0"), destination=destination_of(connection))
        store.close_all()
        raw = sqlite3.connect(path)  # as 0.1.0 wrote it: where it goes is not recorded
        raw.execute("UPDATE outbox SET api_base = '', account = '' WHERE id = ?", (old.id,))
        raw.commit()
        raw.close()

        window = MainWindow(
            connection=connection, settings=AppSettings(), outbox_store=OutboxStore(path)
        )
        window.confirm_quit = lambda waiting: True
        qtbot.addWidget(window)
        with qtbot.waitExposed(window):
            window.show()
        window.show_outbox_panel()
        panel = window.outbox_panel
        qtbot.waitUntil(
            lambda: [i.state.value for i in panel.items] == ["waiting", "needs_decision"]
        )
        table = panel.table
        assert table.item(0, 2).text() == f"Waiting · only from {ELSEWHERE.api_base}"
        assert table.item(1, 4).text().endswith(f"Resend sends it to {sandbox.url}.")
        table.selectRow(0)
        assert not panel.retry_button.isEnabled() and panel.discard_button.isEnabled()
        table.selectRow(1)
        assert panel.retry_button.isEnabled() and panel.retry_button.text() == "&Resend"
        click(qtbot, panel.retry_button)
        qtbot.waitUntil(lambda: [i.ticket_id for i in panel.items] == ["tic_1001"], timeout=10_000)
        assert [request.path.rsplit("/", 1)[-1] for request in sandbox.requests] == ["tic_1002"]
        window.close()
