"""Every exit status the README's table gives, from real processes against real loopback
servers: 0 done, 1 not sent (refused, credentials rejected, not signed in, the outbox unusable),
2 invalid input, 3 waits in the outbox."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from gui.sandbox import Behaviour, SandboxServer
from tests.e2e.test_cli import HEADER, VENDOR_FLAGS, Cli

QUIET = ["--title", "Leak", "--description", "Sink", "--status", "ON_HOLD"]


def on(server: SandboxServer, token: str = SandboxServer.TOKEN) -> list[str]:
    return ["--api-base", server.url, "--token", token]


def listed(cli: Cli) -> list[dict[str, object]]:
    items: list[dict[str, object]] = json.loads(cli("outbox", "list", "--json").stdout)
    return items


# --- 0 ---------------------------------------------------------------------------------------


def test_0_sent_listed_discarded_and_help(cli: Cli, server: SandboxServer) -> None:
    assert cli("update", "tic_1001", *QUIET, *on(server)).returncode == 0
    assert cli("outbox", "list").returncode == 0
    assert cli("outbox", "send", *on(server)).returncode == 0  # nothing left: done
    assert cli("--help").returncode == 0
    assert cli("--version").returncode == 0
    server.behaviour = Behaviour.SERVER_ERROR
    assert cli("update", "tic_1001", *VENDOR_FLAGS, *on(server)).returncode == 3
    (item,) = listed(cli)
    assert cli("outbox", "discard", str(item["id"])).returncode == 0


# --- 1 ---------------------------------------------------------------------------------------


def test_1_a_refusal_4xx(cli: Cli, server: SandboxServer) -> None:
    result = cli("update", "tic_404", *QUIET, *on(server))
    assert result.returncode == 1
    assert listed(cli) == []


def test_1_a_rejected_token_and_the_update_waits_for_a_decision(
    cli: Cli, server: SandboxServer, tmp_path: Path
) -> None:
    result = cli("update", "tic_1001", *VENDOR_FLAGS, *on(server, "sk_test_wrong1"))
    assert result.returncode == 1, result.stderr
    (item,) = listed(cli)
    assert (item["ticketId"], item["state"]) == ("tic_1001", "needs_decision")
    assert f"outbox send --retry {item['id']}" in result.stderr
    as_json = cli("update", "tic_1002", *QUIET, *on(server, "sk_test_wrong1"), "--json")
    assert as_json.returncode == 1
    assert json.loads(as_json.stdout)["status"] == "needs_decision"
    # Another token is another account: the update does not go with it (tests/e2e/
    # test_wrong_place.py); it can be discarded.
    assert cli("outbox", "discard", str(item["id"])).returncode == 0


def test_1_rejected_keys_and_the_update_waits_for_a_decision(
    cli: Cli, server: SandboxServer
) -> None:
    live = ["--secret-key", "sk_live_ab12", "--publish-key", "pk_live_ab12"]  # test keys only
    result = cli("update", "tic_1001", *VENDOR_FLAGS, "--api-base", server.url, *live)
    assert result.returncode == 1, result.stderr
    (item,) = listed(cli)
    assert item["state"] == "needs_decision"
    assert f"outbox send --retry {item['id']}" in result.stderr


def test_1_a_rejected_token_stops_a_file_at_its_first_row(
    cli: Cli, server: SandboxServer, tmp_path: Path
) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(HEADER + "".join(f"tic_1001,T{n},d,NEW,0,,,,0\n" for n in range(5)), "utf-8")
    result = cli("update", "--from-csv", str(path), *on(server, "sk_test_wrong1"))
    assert result.returncode == 1
    assert len(server.requests) == 1  # not five rejections
    states = [item["state"] for item in listed(cli)]
    assert states == ["needs_decision", "waiting", "waiting", "waiting", "waiting"]


def test_1_not_signed_in(cli: Cli, server: SandboxServer) -> None:
    result = cli("update", "tic_1001", *QUIET, "--api-base", server.url)
    assert result.returncode == 1
    assert listed(cli) == []
    assert cli("outbox", "send", "--api-base", server.url).returncode == 1


def test_1_the_outbox_unusable(cli: Cli, server: SandboxServer, tmp_path: Path) -> None:
    data = Path(cli.env["XDG_DATA_HOME"]) / "ParticleTickets"
    data.mkdir(parents=True)
    (data / "particle-tickets").write_text("not a folder")
    result = cli("update", "tic_1001", *QUIET, *on(server))
    assert result.returncode == 1
    assert result.stderr.startswith("The outbox could not be used")
    assert server.requests == []


def test_1_an_item_another_process_is_sending(cli: Cli, server: SandboxServer) -> None:
    server.behaviour = Behaviour.SLOW
    server.slow_seconds = 60
    process = subprocess.Popen(
        [sys.executable, "-m", "gui", "update", "tic_1001", *QUIET, *on(server)],
        env=cli.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        server.wait_for_requests(1, timeout=60)
        (item,) = listed(cli)
        assert cli("outbox", "discard", str(item["id"])).returncode == 1
        assert cli("outbox", "send", "--retry", str(item["id"]), *on(server)).returncode == 1
    finally:
        process.kill()
        process.wait(timeout=60)


# --- 2 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["update", "tic_1001", "--colour", "red"],  # a mistyped option
        ["update", "tic_1001", "--description", "d", "--status", "NEW"],  # no title
        ["outbox", "discard", "77"],  # no such item
        ["outbox", "discard"],  # nothing named
        ["outbox", "discard", "--batch", "9"],  # no such batch
        ["outbox", "send", "--retry", "77"],
        ["outbox", "send", "--batch", "9"],
        ["outbox", "send", "--retry", "x"],
        ["--ticket", "tic_1001", "outbox", "list"],  # the window's option
    ],
)
def test_2_invalid_input(cli: Cli, server: SandboxServer, args: list[str]) -> None:
    result = cli(*args, *on(server))
    assert result.returncode == 2, result.stderr
    assert result.stderr
    assert server.requests == []


def test_2_a_repeat_and_an_item_for_another_server(cli: Cli, server: SandboxServer) -> None:
    assert cli("update", "tic_1001", *VENDOR_FLAGS, *on(server)).returncode == 0
    repeat = cli("update", "tic_1001", *VENDOR_FLAGS, *on(server))
    assert repeat.returncode == 2
    assert "--again sends it again." in repeat.stderr
    server.behaviour = Behaviour.SERVER_ERROR
    assert cli("update", "tic_1002", *VENDOR_FLAGS, *on(server)).returncode == 3
    (item,) = listed(cli)
    with SandboxServer() as other:
        elsewhere = cli("outbox", "send", "--retry", str(item["id"]), *on(other))
        assert elsewhere.returncode == 2
        assert other.requests == []


def test_2_a_file_with_a_bad_row(cli: Cli, server: SandboxServer, tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(HEADER + "tic_1001,A,d,NEW,maybe,,,,0\n", "utf-8")
    assert cli("update", "--from-csv", str(path), *on(server)).returncode == 2
    path.write_text("ticket,title\n", "utf-8")
    assert cli("update", "--from-csv", str(path), *on(server)).returncode == 2


# --- 3 ---------------------------------------------------------------------------------------


def test_3_down_busy_or_a_decision(cli: Cli, server: SandboxServer) -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    down = ["--api-base", f"http://127.0.0.1:{port}/api/v1", "--token", SandboxServer.TOKEN]
    assert cli("update", "tic_1001", *QUIET, *down).returncode == 3
    server.behaviour = Behaviour.BUSY
    assert cli("update", "tic_1002", *QUIET, *on(server)).returncode == 3
    assert cli("outbox", "send", *on(server)).returncode == 3  # Retry-After still runs
    server.behaviour = Behaviour.SERVER_ERROR
    assert cli("update", "tic_1003", *VENDOR_FLAGS, *on(server)).returncode == 3
    assert {item["state"] for item in listed(cli)} == {"waiting", "needs_decision"}
