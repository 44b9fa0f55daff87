"""The command line (a real process) counts an SMS as the window does: a message of more than
ten parts is refused with its part count, and nothing reaches the loopback sandbox."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from gui.sandbox import SandboxServer
from tests.e2e.test_cli import Cli, on

SMS_FLAGS = [
    "--title",
    "Leaking faucet",
    "--description",
    "Leak under the kitchen sink in 1A requires new part.",
    "--status",
    "ON_HOLD",
    "--notify",
    "--type",
    "sms",
    "--contacts",
    "(202) 555-0123",
]


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    with SandboxServer(tickets=["tic_1001"]) as sandbox:
        yield sandbox


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path)


def test_a_unicode_sms_over_ten_parts_is_refused_with_its_count(cli, server) -> None:
    message = "Mañana cambiamos la tubería 💧 " * 25  # 775 UTF-16 units: 12 parts of 67
    result = cli("update", "tic_1001", *SMS_FLAGS, "--message", message, *on(server), "--json")
    assert result.returncode == 2
    [error] = json.loads(result.stdout)["errors"]
    assert error["field"] == "notifyMessage"
    assert error["message"] == (
        "This SMS takes 12 parts; at most 10 are sent. "
        "It goes as Unicode, 67 characters a part, because of “í”, “💧”."
    )
    assert server.requests == []


def test_a_plain_sms_of_ten_parts_goes_out(cli, server) -> None:
    message = "x" * 1530  # 10 parts of 153
    result = cli("update", "tic_1001", *SMS_FLAGS, "--message", message, *on(server))
    assert result.returncode == 0, result.stderr
    assert dict(server.requests[-1].form)["notifyMessage"] == message
