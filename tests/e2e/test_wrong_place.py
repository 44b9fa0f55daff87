"""Nothing goes to the wrong place, driven through the real command line (one process per
command) against real sandboxes on 127.0.0.1: an update reaches only the server and account it
was written for, once; a CSV file is one batch; each command reports what it sent; every
request has a deadline."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl

import pytest

from gui.core.config import Connection
from gui.core.credentials import Credentials
from gui.core.destination import destination_of
from gui.core.outbox import OutboxStore
from gui.core.ticket import TicketUpdate
from gui.sandbox import Behaviour, SandboxServer
from tests.e2e.test_cli import HEADER, Cli

TICKETS = [f"tic_{number:03d}" for number in range(200)]
QUIET = ["--title", "Leak", "--description", "Sink", "--status", "ON_HOLD"]
LOUD = [*QUIET, "--notify", "--type", "email", "--contacts", "ana@example.com"]


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    with SandboxServer(tickets=TICKETS) as sandbox:
        yield sandbox


def free_port() -> int:
    """A port of 127.0.0.1 nothing listens on (a server that is down)."""
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return int(probe.getsockname()[1])


def signed_in(api_base: str, token: str = SandboxServer.TOKEN) -> list[str]:
    return ["--api-base", api_base, "--token", token]


def outbox(cli: Cli) -> list[dict[str, object]]:
    listed = cli("outbox", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    items: list[dict[str, object]] = json.loads(listed.stdout)
    return items


def puts(server: SandboxServer) -> list[tuple[str, dict[str, str]]]:
    """Each PUT the server received: its ticket and its form fields."""
    return [
        (request.path.rsplit("/", 1)[-1], dict(parse_qsl(request.body)))
        for request in server.requests
        if request.method == "PUT"
    ]


# --- Bound items -----------------------------------------------------------------------------


def test_an_update_for_a_server_that_is_down_never_goes_to_another(
    cli: Cli, server: SandboxServer
) -> None:
    port = free_port()
    server_a = f"http://127.0.0.1:{port}/api/v1"
    queued = cli("update", "tic_001", *LOUD, *signed_in(server_a))
    assert queued.returncode == 3, queued.stderr
    # An unrelated update to server B sends its own update, and only that.
    other = cli("update", "tic_002", *QUIET, *signed_in(server.url), "--json")
    assert other.returncode == 0, other.stderr
    document = json.loads(other.stdout)
    assert (document["ticketId"], document["status"], document["earlier"]) == (
        "tic_002",
        "sent",
        [],
    )
    assert [ticket for ticket, _fields in puts(server)] == ["tic_002"]
    # B's outbox send lists A's item and never sends it.
    sent = cli("outbox", "send", *signed_in(server.url))
    assert sent.returncode == 0, sent.stderr
    assert "1 item was written for another server or account" in sent.stderr
    assert [ticket for ticket, _fields in puts(server)] == ["tic_002"]
    (item,) = outbox(cli)
    assert (item["ticketId"], item["apiBase"]) == ("tic_001", server_a)
    listed = cli("outbox", "list")
    assert server_a in listed.stdout
    # When A is back, A's own command sends it there, once.
    time.sleep(1.1)  # the backoff after the refused connection
    with SandboxServer(port=port, tickets=TICKETS) as back:
        assert cli("outbox", "send", *signed_in(server_a)).returncode == 0
        assert [ticket for ticket, _fields in puts(back)] == ["tic_001"]
    assert [ticket for ticket, _fields in puts(server)] == ["tic_002"]
    assert outbox(cli) == []


def test_an_update_made_with_another_account_is_not_sent_with_this_one(
    cli: Cli, server: SandboxServer
) -> None:
    rejected = cli("update", "tic_001", *LOUD, *signed_in(server.url, "someone-else"))
    assert rejected.returncode in (1, 3), rejected.stderr  # the sandbox refuses that token
    (request,) = server.requests
    assert request.header("Authorization") == "Bearer someone-else"
    (item,) = outbox(cli)
    retried = cli("outbox", "send", "--retry", str(item["id"]), *signed_in(server.url))
    assert retried.returncode == 2
    assert "with another account" in retried.stderr
    assert len(server.requests) == 1  # the sandbox's own token never carried it


def test_the_sandbox_s_items_never_reach_another_server(
    cli: Cli, server: SandboxServer, tmp_path: Path
) -> None:
    """What the window's sandbox (--demo) queued is bound to the sandbox, whatever port it had."""
    demo = Connection("http://127.0.0.1:9/api/v1", Credentials(token="x"), sandbox=True)
    data = tmp_path / "data" / "ParticleTickets" / "particle-tickets"
    store = OutboxStore(data / "outbox.sqlite3")
    store.add(
        TicketUpdate("tic_001", "Leak", "Sink", "NEW", automated=False),
        destination=destination_of(demo),
    )
    store.close()
    sent = cli("outbox", "send", *signed_in(server.url))
    assert sent.returncode == 0, sent.stderr
    assert server.requests == []
    assert "written for another server or account (the sandbox)" in sent.stderr


# --- Each command reports what it sent -------------------------------------------------------


def test_a_command_sends_the_older_updates_of_its_ticket_first_and_says_so(
    cli: Cli, server: SandboxServer
) -> None:
    server.behaviour = Behaviour.UNAVAILABLE
    server.retry_after = 1
    assert cli("update", "tic_001", *QUIET, *signed_in(server.url)).returncode == 3
    assert cli("update", "tic_002", *QUIET, *signed_in(server.url)).returncode == 3
    server.behaviour = Behaviour.NORMAL
    time.sleep(1.1)  # both are due again
    second = [*QUIET[:-1], "DONE"]
    result = cli("update", "tic_001", *second, *signed_in(server.url), "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    (earlier,) = document["earlier"]
    assert (earlier["ticketId"], earlier["status"]) == ("tic_001", "sent")
    assert document["ticketId"] == "tic_001" and document["status"] == "sent"
    # the older update of tic_001 went first; tic_002's is not this command's business
    busy = 2  # the two first attempts, answered 503
    assert [(ticket, fields["status"]) for ticket, fields in puts(server)[busy:]] == [
        ("tic_001", "ON_HOLD"),
        ("tic_001", "DONE"),
    ]
    assert [item["ticketId"] for item in outbox(cli)] == ["tic_002"]
    plain = cli("update", "tic_002", *second, *signed_in(server.url))
    assert plain.stdout.splitlines() == [
        "Sent first, from the outbox (item 2): Ticket tic_002 updated.",
        "Ticket tic_002 updated.",
    ]


# --- A file is one batch ---------------------------------------------------------------------


def write_rows(path: Path, *, loud_every: int = 10) -> Path:
    rows = []
    for number, ticket in enumerate(TICKETS):
        if number % loud_every == 0:
            rows.append(f"{ticket},Leak {number},Sink,ON_HOLD,1,email,ana@example.com,,0")
        else:
            rows.append(f"{ticket},Leak {number},Sink,ON_HOLD,0,,,,0")
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def start(cli: Cli, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "gui", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli.env,
    )


def wait_for(condition: object, *, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_a_file_stopped_part_way_is_one_batch_and_a_rerun_sends_each_row_once(
    cli: Cli, server: SandboxServer, tmp_path: Path
) -> None:
    path = write_rows(tmp_path / "floor.csv")
    process = start(cli, "update", "--from-csv", str(path), *signed_in(server.url))
    wait_for(lambda: len(server.requests) >= 50)
    server.behaviour = Behaviour.UNAVAILABLE  # the server goes busy part-way through
    server.retry_after = 1
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 3, err
    busy = len(server.requests) - 1  # the command stopped at its first 503: the last request
    left = outbox(cli)
    batches = {item["batch"] for item in left}
    assert len(batches) == 1 and len(left) == 200 - len(puts(server)) + 1  # + the busy one
    (batch,) = batches
    assert (
        f"{len(left)} updates of this file wait in the outbox as batch {batch}: "
        f"`particle-tickets outbox send --batch {batch}` sends them, "
        f"`particle-tickets outbox discard --batch {batch}` gives them up."
    ) in err
    # the row the server turned away says why; the rest are that one line, not a line each
    assert err.count("It waits in the outbox as item") == 1
    # An unrelated command sends its own update only.
    before = len(server.requests)
    server.behaviour = Behaviour.NORMAL
    time.sleep(1.1)  # the Retry-After
    assert cli("update", "tic_199", *QUIET[:-1], "NEW", *signed_in(server.url)).returncode == 0
    assert [ticket for ticket, _f in puts(server)[before:]] == ["tic_199"] or (
        # tic_199's own row, still waiting in the batch, must go first: it is its ticket
        [ticket for ticket, _f in puts(server)[before:]] == ["tic_199", "tic_199"]
    )
    # The same file again: the waiting rows are not queued twice, the notifying rows already
    # sent are not sent again (the repeat rule), and everything else goes out.
    rerun = cli("update", "--from-csv", str(path), "--skip-invalid", *signed_in(server.url))
    assert rerun.returncode == 0, rerun.stderr
    assert outbox(cli) == []
    applied = [put for index, put in enumerate(puts(server)) if index != busy]
    loud = Counter(ticket for ticket, fields in applied if fields["notify"] == "1")
    assert loud == Counter(TICKETS[::10])  # each notifying row texted once, no more
    sent_once = Counter(ticket for ticket, _fields in puts(server))
    assert set(sent_once) == set(TICKETS)


def test_ctrl_c_while_sending_leaves_the_rest_as_the_file_s_batch(
    cli: Cli, server: SandboxServer, tmp_path: Path
) -> None:
    path = write_rows(tmp_path / "floor.csv", loud_every=1000)
    server.behaviour = Behaviour.SLOW
    server.slow_seconds = 0.05
    process = start(cli, "update", "--from-csv", str(path), *signed_in(server.url))
    wait_for(lambda: len(server.requests) >= 5)
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=60)
    assert "Traceback" not in err
    left = outbox(cli)
    assert 0 < len(left) < 200
    (batch,) = {item["batch"] for item in left}
    assert f"as batch {batch}: `particle-tickets outbox send --batch {batch}`" in err
    discarded = cli("outbox", "discard", "--batch", str(batch))
    assert discarded.returncode == 0, discarded.stderr
    assert f"Discarded {len(left)} items of batch {batch}." in discarded.stdout
    assert outbox(cli) == []


# --- Bounded waits ---------------------------------------------------------------------------


def test_a_dripping_server_is_cut_off_by_the_deadline(cli: Cli, server: SandboxServer) -> None:
    server.behaviour = Behaviour.DRIP
    cli.env["PARTICLESPACE_DEADLINE"] = "1"
    started = time.monotonic()
    quiet = cli("update", "tic_001", *QUIET, *signed_in(server.url))
    loud = cli("update", "tic_002", *LOUD, *signed_in(server.url))
    assert time.monotonic() - started < 30  # (not a timing test: the drip lasts 500 s)
    assert quiet.returncode == 3 and loud.returncode == 3
    assert "No complete answer within 1 s" in quiet.stderr
    states = {item["ticketId"]: item["state"] for item in outbox(cli)}
    # nobody notified: it goes out again by itself; texted people: it waits for a decision
    assert states == {"tic_001": "waiting", "tic_002": "needs_decision"}
    (held,) = [item for item in outbox(cli) if item["ticketId"] == "tic_002"]
    assert cli("outbox", "discard", str(held["id"])).returncode == 0


def test_a_deadline_that_is_not_a_number_is_said_plainly(cli: Cli, server: SandboxServer) -> None:
    cli.env["PARTICLESPACE_DEADLINE"] = "soon"
    result = cli("update", "tic_001", *QUIET, *signed_in(server.url))
    assert result.returncode == 1
    assert result.stderr.startswith("“soon” is not a number of seconds.")
    assert server.requests == []


# --- Smaller ones ----------------------------------------------------------------------------


def test_outbox_list_into_head_ends_quietly(cli: Cli, tmp_path: Path) -> None:
    data = tmp_path / "data" / "ParticleTickets" / "particle-tickets"
    store = OutboxStore(data / "outbox.sqlite3")
    here = destination_of(Connection("https://api.example.com/api/v1", Credentials(token="t")))
    store.add_batch(
        [TicketUpdate(f"tic_{n}", "Leak", "Sink", "NEW", automated=False) for n in range(3000)],
        destination=here,
    )
    store.close()
    reader, writer = os.pipe()
    process = subprocess.Popen(
        [sys.executable, "-m", "gui", "outbox", "list"],
        stdout=writer,
        stderr=subprocess.PIPE,
        text=True,
        env=cli.env,
    )
    os.close(writer)
    with os.fdopen(reader) as head:
        first = head.readline()  # then `head` goes away
    _out, err = process.communicate(timeout=60)
    assert first.split()[:2] == ["ID", "TICKET"]
    assert err == ""
    assert process.returncode == 0


def test_an_id_out_of_range_is_a_plain_message(cli: Cli) -> None:
    result = cli("outbox", "discard", "99999999999999999999")
    assert result.returncode == 2
    assert "is not an id the outbox can hold" in result.stderr
    assert "Traceback" not in result.stderr


def test_progress_lines_are_not_repeated(cli: Cli, server: SandboxServer, tmp_path: Path) -> None:
    path = tmp_path / "two.csv"
    path.write_text(HEADER + "tic_001,A,d,NEW,0,,,,0\ntic_002,B,d,NEW,0,,,,0\n", encoding="utf-8")
    result = cli("update", "--from-csv", str(path), *signed_in(server.url))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == ["sent 1/2", "sent 2/2"]


# --- Proxies and what a server says back, through the real command line ----------------------


def test_a_proxy_in_the_environment_never_sees_a_loopback_request(
    cli: Cli, server: SandboxServer
) -> None:
    from tests.unit.loopback import LoopbackServer
    from tests.unit.test_proxies import refusing_tunnels

    with LoopbackServer(refusing_tunnels) as proxy:
        for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "ALL_PROXY"):
            cli.env[name] = proxy.url
        result = cli("update", "tic_001", *QUIET, *signed_in(server.url))
        assert result.returncode == 0, result.stderr
        assert proxy.connections == 0 and proxy.requests == []
    (request,) = server.requests
    assert request.header("Authorization") == f"Bearer {SandboxServer.TOKEN}"


def test_a_secret_a_server_echoes_is_neither_printed_nor_stored(cli: Cli, tmp_path: Path) -> None:
    from tests.unit.loopback import LoopbackServer, answering

    secret = "sk_live_ab-12"
    body = json.dumps({"message": f"bad token {SandboxServer.TOKEN}-x, key {secret}"}).encode()
    answer = answering("422 Unprocessable Entity", body, {"Content-Type": "application/json"})
    with LoopbackServer(answer) as echoing:
        result = cli("update", "tic_001", *QUIET, *signed_in(f"{echoing.url}/api/v1"), "--json")
    assert result.returncode == 1
    assert secret not in result.stdout + result.stderr
    assert "[redacted]" in json.loads(result.stdout)["message"]
    data = tmp_path / "data" / "ParticleTickets" / "particle-tickets"
    store = OutboxStore(data / "outbox.sqlite3")
    (entry,) = store.history()
    store.close()
    assert secret not in str(entry.message) and "[redacted]" in str(entry.message)
