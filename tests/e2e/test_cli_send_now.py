"""`outbox send` sends now what is safe to send, whatever its backoff, in real processes against
real loopback servers; a server's Retry-After that has not run out still holds its item, and the
command says until when. A command's own drain before its update keeps the backoff."""

from __future__ import annotations

import json
import socket
from datetime import datetime
from pathlib import Path

from gui.core.app_folders import OUTBOX_FILE_NAME
from gui.core.config import Connection
from gui.core.credentials import Credentials
from gui.core.destination import destination_of
from gui.core.outbox import OutboxStore
from gui.core.ticket import TicketUpdate
from gui.sandbox import Behaviour, SandboxServer
from tests.e2e.test_cli import VENDOR_FLAGS, Cli

QUIET = ["--title", "Leak", "--description", "Sink", "--status", "ON_HOLD"]


def on(api_base: str) -> list[str]:
    return ["--api-base", api_base, "--token", SandboxServer.TOKEN]


def free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return int(probe.getsockname()[1])


def listed(cli: Cli) -> list[dict[str, object]]:
    result = cli("outbox", "list", "--json")
    assert result.returncode == 0, result.stderr
    items: list[dict[str, object]] = json.loads(result.stdout)
    return items


def test_right_after_the_server_came_back_outbox_send_sends_at_once(cli: Cli) -> None:
    port = free_port()
    down = on(f"http://127.0.0.1:{port}/api/v1")
    waiting = cli("update", "tic_1001", *VENDOR_FLAGS, *down)
    assert waiting.returncode == 3, waiting.stderr
    (item,) = listed(cli)
    assert item["state"] == "waiting" and item["notBefore"] is None
    with SandboxServer(port=port) as back:  # no waiting for the backoff to run out
        sent = cli("outbox", "send", *down)
        assert sent.returncode == 0, sent.stderr
        assert sent.stdout == "Sent 1 of 1 attempted; 0 left in the outbox.\n"
        assert len(back.requests) == 1
    assert listed(cli) == []


def test_a_command_s_own_drain_keeps_the_backoff_and_outbox_send_does_not(
    cli: Cli, server: SandboxServer
) -> None:
    """An older update of the ticket whose backoff runs for minutes more holds the command's
    own update back (the window's dispatcher waits as well); `outbox send` sends both now."""
    folder = Path(cli.env["XDG_DATA_HOME"]) / "ParticleTickets/particle-tickets"
    folder.mkdir(parents=True)
    here = destination_of(Connection(server.url, Credentials(token=SandboxServer.TOKEN)))
    store = OutboxStore(folder / OUTBOX_FILE_NAME)
    try:
        older = store.add(
            TicketUpdate("tic_1001", "Older", "first", "ON_HOLD", automated=False),
            destination=here,
        )
        claimed = store.claim_next(here)
        assert claimed is not None and claimed.id == older.id
        store.reschedule(older.id, delay=300.0, error="The server was down.")
    finally:
        store.close_all()
    held = cli("update", "tic_1001", *QUIET, *on(server.url))
    assert held.returncode == 3, held.stderr
    assert server.requests == []
    sent = cli("outbox", "send", *on(server.url))
    assert sent.returncode == 0, sent.stderr
    assert [request.body.split("&")[0] for request in server.requests] == [
        "title=Older",
        "title=Leak",
    ]


def test_a_retry_after_that_has_not_run_out_still_holds_the_item_and_is_said(
    cli: Cli, server: SandboxServer
) -> None:
    server.behaviour = Behaviour.BUSY
    server.retry_after = 600
    busy = cli("update", "tic_1001", *QUIET, *on(server.url))
    assert busy.returncode == 3, busy.stderr
    (item,) = listed(cli)
    not_before = datetime.fromisoformat(str(item["notBefore"]))
    assert item["nextTry"] == item["notBefore"]
    server.behaviour = Behaviour.NORMAL
    asked = len(server.requests)
    held = cli("outbox", "send", *on(server.url))
    assert held.returncode == 3, held.stderr
    assert len(server.requests) == asked  # nothing sent before the server's time
    until = not_before.astimezone().replace(tzinfo=None)
    shown = until.strftime(
        "%H:%M:%S" if until.date() == datetime.now().date() else "%Y-%m-%d %H:%M:%S"
    )
    assert held.stdout == (
        f"Nothing was sent: the server asked to wait until {shown}; 1 left in the outbox.\n"
    )
    assert held.stderr == (
        f"Item {item['id']} (ticket tic_1001) was not sent: the server asked to wait until "
        f"{shown}.\n"
    )
    as_json = cli("outbox", "send", "--json", *on(server.url))
    assert as_json.returncode == 3
    document = json.loads(as_json.stdout)
    assert (document["ok"], document["left"], document["results"]) == (False, 1, [])
