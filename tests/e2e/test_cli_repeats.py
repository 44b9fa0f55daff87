"""The command line's repeat rule in real processes (`python -m gui …`) against a real loopback
sandbox: a notifying update or a new ticket sent again exits 2 unless --again."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest

from gui.sandbox import SandboxServer
from tests.e2e.test_cli import VENDOR_FLAGS, Cli, on

#: The line's local time, as `2026-12-06 19:04`.
WHEN = r"\d{4}-\d\d-\d\d \d\d:\d\d"


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    with SandboxServer(tickets=["tic_1001", "TICKET_ID_HERE"]) as sandbox:
        yield sandbox


def test_a_notifying_update_sent_twice_waits_for_again(cli: Cli, server: SandboxServer) -> None:
    first = cli("update", "tic_1001", *VENDOR_FLAGS, *on(server))
    assert first.returncode == 0, first.stderr
    second = cli("update", "tic_1001", *VENDOR_FLAGS, *on(server))
    assert second.returncode == 2, second.stderr
    assert second.stdout == ""
    assert re.fullmatch(
        rf"Not sent: exactly this update went to tic_1001 at {WHEN} \(email to 1 person\)\. "
        r"--again sends it again\.\n",
        second.stderr,
    ), second.stderr
    assert len(server.requests) == 1
    again = cli("update", "tic_1001", *VENDOR_FLAGS, *on(server), "--again")
    assert again.returncode == 0, again.stderr
    assert again.stdout == "Ticket tic_1001 updated.\n"
    assert len(server.requests) == 2
    assert server.requests[0].body == server.requests[1].body


def test_the_repeat_as_json(cli: Cli, server: SandboxServer) -> None:
    assert cli("update", "tic_1001", *VENDOR_FLAGS, *on(server)).returncode == 0
    result = cli("update", "tic_1001", *VENDOR_FLAGS, *on(server), "--json")
    assert result.returncode == 2
    document = json.loads(result.stdout)
    assert (document["ok"], document["status"], document["ticketId"]) == (
        False,
        "invalid",
        "tic_1001",
    )
    assert document["message"] + "\n" == result.stderr


def test_an_update_without_notification_is_sent_again(cli: Cli, server: SandboxServer) -> None:
    quiet = ["--title", "Door", "--description", "Fixed", "--status", "DONE"]
    for _ in range(2):
        result = cli("update", "tic_1001", *quiet, *on(server))
        assert result.returncode == 0, result.stderr
    assert len(server.requests) == 2


def test_a_new_ticket_created_twice_waits_for_again(cli: Cli, server: SandboxServer) -> None:
    ticket = ["--title", "Door sticks", "--status", "NEW"]
    created = cli("new", *ticket, *on(server), "--json")
    assert created.returncode == 0, created.stderr
    ticket_id = json.loads(created.stdout)["ticketId"]
    second = cli("new", *ticket, *on(server))
    assert second.returncode == 2
    assert re.fullmatch(
        rf"Not sent: exactly this ticket was created at {WHEN} as {ticket_id} "
        r"\(nobody notified\)\. --again creates another\.\n",
        second.stderr,
    ), second.stderr
    again = cli("new", *ticket, *on(server), "--again")
    assert again.returncode == 0, again.stderr
    assert len(server.tickets) == 4  # the two sample tickets and two new ones
