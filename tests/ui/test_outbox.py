"""Never lose an update: outbox, safe retries, drafts and history, as the user meets them."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from gui.core.config import Connection
from gui.core.credentials import Credentials
from gui.core.drafts import DraftStore
from gui.core.outbox import OutboxStore
from gui.sandbox import Behaviour, SandboxServer
from gui.ui.main_window import MainWindow
from gui.ui.settings import AppSettings
from tests.ui.conftest import VENDOR, WindowFactory, click, fill, type_into

TICKET = {**VENDOR, "ticketId": "tic_1001"}


def states(window: MainWindow) -> list[str]:
    return [item.state.value for item in window.outbox_panel.items]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def window_on(qtbot: QtBot, api_base: str, **connection: float) -> MainWindow:
    window = MainWindow(
        connection=Connection(api_base, Credentials(token=SandboxServer.TOKEN), **connection),
        settings=AppSettings(),
    )
    window.confirm_quit = lambda waiting: True
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    return window


def puts(sandbox: SandboxServer) -> list[str]:
    return [dict(request.form)["title"] for request in sandbox.requests if request.method == "PUT"]


def test_server_down_then_up_each_update_arrives_once_in_order(qtbot: QtBot) -> None:
    port = free_port()
    window = window_on(qtbot, f"http://127.0.0.1:{port}/api/v1")
    for title in ("First note", "Second note"):
        fill(qtbot, window, **{**TICKET, "title": title})
        with qtbot.waitSignal(window.outbox.changed, timeout=10_000):
            click(qtbot, window.submit_button)
        qtbot.waitUntil(lambda: not window.busy, timeout=10_000)
    assert window.banner.text() == (  # the second waits behind the first, in order
        "Saved in the outbox. It goes out after the earlier update to ticket tic_1001 that is "
        "still waiting there."
    )
    assert window.findChild(QLabel, "banner").isVisible()
    assert window.outbox_status.text() == "2 updates waiting"

    with SandboxServer(port=port, tickets=("tic_1001",)) as sandbox:  # the network is back
        qtbot.waitUntil(lambda: states(window) == [], timeout=20_000)
        assert puts(sandbox) == ["First note", "Second note"]  # once each, in order
    assert not window.outbox_status.isVisible()


def test_a_read_timeout_with_notify_waits_for_a_decision(qtbot: QtBot, sandbox) -> None:
    sandbox.behaviour = Behaviour.SLOW
    sandbox.slow_seconds = 2
    window = window_on(qtbot, sandbox.url, read_timeout=0.3)
    fill(qtbot, window, notify=True, **TICKET)
    with qtbot.waitSignal(window.failed, timeout=10_000):
        click(qtbot, window.submit_button)
    assert window.banner.text().endswith("It waits in the outbox: resend or discard it there.")
    qtbot.waitUntil(lambda: states(window) == ["needs_decision"], timeout=5000)
    assert not window.outbox._wake.isActive()  # nothing is scheduled: no resend on its own
    assert len(puts(sandbox)) == 1

    sandbox.behaviour = Behaviour.NORMAL
    window.show_outbox_panel()
    window.outbox_panel.table.selectRow(0)
    assert window.outbox_panel.retry_button.text() == "&Resend"
    click(qtbot, window.outbox_panel.retry_button)  # the user decides: send it again
    qtbot.waitUntil(lambda: states(window) == [], timeout=10_000)
    assert len(puts(sandbox)) == 2


def test_a_read_timeout_without_notify_is_resent_on_its_own(qtbot: QtBot, sandbox) -> None:
    sandbox.behaviour = Behaviour.SLOW
    sandbox.slow_seconds = 1
    window = window_on(qtbot, sandbox.url, read_timeout=0.3)
    fill(qtbot, window, **TICKET)
    with qtbot.waitSignal(window.failed, timeout=10_000):
        click(qtbot, window.submit_button)
    assert window.banner.text().endswith("The update waits in the outbox and goes out by itself.")
    sandbox.behaviour = Behaviour.NORMAL
    qtbot.waitUntil(lambda: states(window) == [], timeout=20_000)
    assert len(puts(sandbox)) == 2  # a PUT without notification is safe to repeat


def test_discard_removes_an_item_and_the_history_says_so(qtbot: QtBot) -> None:
    window = window_on(qtbot, f"http://127.0.0.1:{free_port()}/api/v1")
    fill(qtbot, window, **TICKET)
    click(qtbot, window.submit_button)
    qtbot.waitUntil(lambda: states(window) == ["waiting"], timeout=10_000)
    window.show_outbox_panel()
    window.outbox_panel.table.selectRow(0)
    click(qtbot, window.outbox_panel.discard_button)
    qtbot.waitUntil(lambda: states(window) == [], timeout=10_000)
    window.show_history_panel()
    qtbot.waitUntil(lambda: window.history_panel.table.rowCount() >= 2, timeout=10_000)
    outcomes = [window.history_panel.table.item(row, 2).text() for row in range(2)]
    assert outcomes == ["discarded", "failed"]  # newest first


def test_history_filters_and_loads_an_entry_into_the_form(qtbot: QtBot, sandbox) -> None:
    window = window_on(qtbot, sandbox.url)
    for ticket, title in (("tic_1001", "Leaking faucet"), ("tic_1002", "Broken window")):
        fill(qtbot, window, **{**TICKET, "ticketId": ticket, "title": title})
        with qtbot.waitSignal(window.sent, timeout=10_000):
            click(qtbot, window.submit_button)
    window.show_history_panel()
    type_into(qtbot, window.history_panel.filter, "window")
    qtbot.waitUntil(lambda: window.history_panel.table.rowCount() == 1, timeout=10_000)
    assert window.history_panel.table.item(0, 1).text() == "tic_1002"

    fill(qtbot, window, ticketId="", title="", description="")
    window.history_panel.table.selectRow(0)
    click(qtbot, window.history_panel.open_button)
    assert window.form.ticket_id.text() == "tic_1002"
    assert window.form.title.text() == "Broken window"
    assert window.form.description.toPlainText() == VENDOR["description"]


def test_contacts_used_before_are_offered_per_type(qtbot: QtBot, sandbox) -> None:
    window = window_on(qtbot, sandbox.url)
    fill(qtbot, window, notify=True, **{**TICKET, "contacts": "pat@example.com"})
    with qtbot.waitSignal(window.sent, timeout=10_000):
        click(qtbot, window.submit_button)
    completions = window.form._contacts_model
    qtbot.waitUntil(lambda: completions.stringList() == ["pat@example.com"], timeout=5000)
    window.form.type.setCurrentIndex(window.form.type.findData("sms"))
    qtbot.waitUntil(lambda: completions.stringList() == [], timeout=5000)


def test_the_draft_is_saved_while_typing_and_restored_at_the_next_start(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PARTICLESPACE_TOKEN", "a-token")  # signed in: the form, not sign-in
    window = make_window(argv=[])
    fill(qtbot, window, **{**TICKET, "title": "Half-written note"})
    draft_file = AppSettings.data_folder() / "draft.json"
    qtbot.waitUntil(
        lambda: draft_file.exists() and "Half-written" in draft_file.read_text(), timeout=5000
    )
    window.close()

    again = make_window(argv=[])
    qtbot.waitUntil(lambda: again.form.title.text() == "Half-written note", timeout=5000)
    assert again.banner.text() == "Restored your unsent draft."
    assert again.discard_draft_button.isVisible()
    click(qtbot, again.discard_draft_button)
    assert again.form.title.text() == ""
    qtbot.waitUntil(lambda: not draft_file.exists(), timeout=5000)


def test_a_sent_update_clears_the_draft(qtbot: QtBot, make_window: WindowFactory, sandbox) -> None:
    window = make_window(sandbox.url)
    fill(qtbot, window, **TICKET)
    draft_file = AppSettings.data_folder() / "draft.json"
    qtbot.waitUntil(draft_file.exists, timeout=5000)
    with qtbot.waitSignal(window.sent, timeout=10_000):
        click(qtbot, window.submit_button)
    qtbot.waitUntil(lambda: not draft_file.exists(), timeout=5000)
    assert window.form.title.text() == VENDOR["title"]  # the form keeps its values


def test_a_corrupt_draft_is_moved_aside_and_the_app_starts(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    folder = AppSettings.data_folder()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "draft.json").write_text("{not json")
    window = make_window(argv=[])
    qtbot.waitUntil(lambda: "draft could not be read" in window.banner.text(), timeout=5000)
    assert [path.name.startswith("draft.json.corrupt-") for path in folder.iterdir()].count(
        True
    ) == 1
    assert window.form.isEnabled()


def test_a_corrupt_outbox_is_moved_aside_and_the_app_starts_empty(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    folder = AppSettings.data_folder()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "outbox.sqlite3").write_bytes(b"this is not a database" * 100)
    window = make_window(argv=[])
    qtbot.waitUntil(lambda: "outbox file was damaged" in window.banner.text(), timeout=5000)
    assert states(window) == []
    assert any(path.name.startswith("outbox.sqlite3.corrupt-") for path in folder.iterdir())


def test_an_unwritable_data_folder_says_so_and_keeps_the_form(
    qtbot: QtBot, tmp_path: Path, sandbox
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")  # like a read-only disk
    window = MainWindow(
        connection=Connection(sandbox.url, Credentials(token=SandboxServer.TOKEN)),
        settings=AppSettings(),
        outbox_store=OutboxStore(blocker / "outbox.sqlite3"),
        draft_store=DraftStore(blocker / "draft.json"),
    )
    window.confirm_quit = lambda waiting: True
    qtbot.addWidget(window)
    window.show()
    fill(qtbot, window, **TICKET)
    qtbot.waitUntil(lambda: "draft cannot be saved" in window.banner.text(), timeout=5000)
    click(qtbot, window.submit_button)
    qtbot.waitUntil(lambda: "outbox could not be written" in window.banner.text(), timeout=5000)
    assert not window.busy and window.submit_button.isEnabled()
    assert window.form.title.text() == VENDOR["title"]  # nothing typed is lost
    assert puts(sandbox) == []


def test_quitting_with_updates_waiting_asks_first(qtbot: QtBot) -> None:
    window = window_on(qtbot, f"http://127.0.0.1:{free_port()}/api/v1")
    fill(qtbot, window, **TICKET)
    click(qtbot, window.submit_button)
    qtbot.waitUntil(lambda: states(window) == ["waiting"], timeout=10_000)
    asked: list[int] = []
    window.confirm_quit = lambda waiting: asked.append(waiting) or False  # "No, stay"
    window.close()
    assert asked == [1] and window.isVisible()
    window.confirm_quit = lambda waiting: True
    window.close()
    assert not window.isVisible()


def test_history_never_holds_a_token(qtbot: QtBot, sandbox) -> None:
    window = window_on(qtbot, sandbox.url)
    fill(qtbot, window, **TICKET)
    with qtbot.waitSignal(window.sent, timeout=10_000):
        click(qtbot, window.submit_button)
    window.close()
    database = (AppSettings.data_folder() / "outbox.sqlite3").read_bytes()
    assert b"Leaking faucet" in database
    assert SandboxServer.TOKEN.encode() not in database
    assert json.dumps(SandboxServer.TOKEN).encode() not in database
