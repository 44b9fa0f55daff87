"""`outbox send --retry ID` sends on the first call, also an item a killed process left "being
sent": a real command killed with SIGKILL while a real slow loopback server holds its request,
then one `outbox send --retry ID`."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from collections.abc import Iterator

import pytest

from gui.sandbox import Behaviour, SandboxServer
from tests.e2e.test_cli import VENDOR_FLAGS, Cli

QUIET = ["--title", "Leak", "--description", "Sink", "--status", "ON_HOLD"]


@pytest.fixture
def slow() -> Iterator[SandboxServer]:
    with SandboxServer(slow_seconds=60) as server:
        server.behaviour = Behaviour.SLOW
        yield server


def on(server: SandboxServer) -> list[str]:
    return ["--api-base", server.url, "--token", SandboxServer.TOKEN]


def killed_mid_send(cli: Cli, server: SandboxServer, *flags: str) -> dict[str, object]:
    """Start `update tic_1001 FLAGS`, kill it with SIGKILL once its request has arrived; the
    item it left in the outbox."""
    process = subprocess.Popen(
        [sys.executable, "-m", "gui", "update", "tic_1001", *flags, *on(server)],
        env=cli.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        server.wait_for_requests(1, timeout=60)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    listed = cli("outbox", "list", "--json")
    (item,) = json.loads(listed.stdout)
    assert item["state"] == "sending"  # as the killed process left it
    return dict(item)


@pytest.mark.parametrize(
    ("flags", "settled"),
    [
        (VENDOR_FLAGS, "needs a decision"),  # it notifies: it may have texted people already
        (QUIET, "goes out again by itself"),
    ],
)
def test_retry_sends_an_item_a_killed_process_left_being_sent_in_one_call(
    cli: Cli, slow: SandboxServer, flags: list[str], settled: str
) -> None:
    item = killed_mid_send(cli, slow, *flags)
    slow.behaviour = Behaviour.NORMAL
    retried = cli("outbox", "send", "--retry", str(item["id"]), *on(slow))
    assert retried.returncode == 0, (settled, retried.stderr)
    assert "Sent 1 of 1 attempted; 0 left in the outbox." in retried.stdout
    assert len(slow.requests) == 2
    assert slow.requests[0].body == slow.requests[1].body
    assert json.loads(cli("outbox", "list", "--json").stdout) == []


def test_retry_of_an_item_a_live_process_is_sending_is_refused_in_words(
    cli: Cli, slow: SandboxServer
) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "gui", "update", "tic_1001", *VENDOR_FLAGS, *on(slow)],
        env=cli.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        slow.wait_for_requests(1, timeout=60)
        (item,) = json.loads(cli("outbox", "list", "--json").stdout)
        retried = cli("outbox", "send", "--retry", str(item["id"]), *on(slow))
        assert retried.returncode == 1
        assert retried.stderr.splitlines()[0] == f"Item {item['id']} is being sent right now."
        assert len(slow.requests) == 1
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)


def test_retry_of_an_item_behind_an_earlier_one_of_its_ticket_says_which_goes_first(
    cli: Cli, slow: SandboxServer
) -> None:
    first = killed_mid_send(cli, slow, *VENDOR_FLAGS)  # then waits for a decision
    slow.behaviour = Behaviour.NORMAL
    later = cli("update", "tic_1001", *QUIET, *on(slow))  # waits behind it
    assert later.returncode == 3, later.stderr
    second = json.loads(cli("outbox", "list", "--json").stdout)[-1]
    assert len(slow.requests) == 1
    held = cli("outbox", "send", "--retry", str(second["id"]), *on(slow))
    assert held.returncode == 3
    assert (
        f"Item {second['id']} was not sent: it goes after item {first['id']}, the earlier "
        f"update to ticket tic_1001 that waits in the outbox (`particle-tickets outbox send "
        f"--retry {first['id']} {second['id']}` sends both)."
    ) in held.stderr
    both = cli("outbox", "send", "--retry", str(first["id"]), str(second["id"]), *on(slow))
    assert both.returncode == 0, both.stderr
