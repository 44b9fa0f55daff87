"""The command line as a real process (`python -m gui …`) against a real loopback sandbox."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from gui.sandbox import SandboxServer

HEADER = "ticketId,title,description,status,notify,type,contacts,time,automated\n"
VENDOR_BODY = (
    "title=Leaking%20faucet&description=Leak%20under%20the%20kitchen%20sink%20in%201A%20"
    "requires%20new%20part.&status=ON_HOLD&notify=1&time=&type=email"
    "&contacts=example%40example.com&automated=1"
)
VENDOR_FLAGS = [
    "--title",
    "Leaking faucet",
    "--description",
    "Leak under the kitchen sink in 1A requires new part.",
    "--status",
    "ON_HOLD",
    "--notify",
    "--type",
    "email",
    "--contacts",
    "example@example.com",
    "--automated",
]


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    with SandboxServer(tickets=["tic_1001", "TICKET_ID_HERE"]) as sandbox:
        yield sandbox


class Cli:
    """Runs `python -m gui ARGS` with its own home, settings and data, and no real keychain."""

    def __init__(self, tmp_path: Path) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PARTICLESPACE_")}
        env.update(
            HOME=str(tmp_path / "home"),
            XDG_CONFIG_HOME=str(tmp_path / "config"),
            XDG_DATA_HOME=str(tmp_path / "data"),
            XDG_CACHE_HOME=str(tmp_path / "cache"),
            PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
            PYTHONFAULTHANDLER="1",
        )
        self.env = env

    def __call__(
        self, *args: str, python: tuple[str, ...] = ()
    ) -> subprocess.CompletedProcess[str]:
        """Run the command; every line it prints is checked for the window's remedies (a
        command line names its flags and environment variables, never a menu or Settings)."""
        from tests.unit.test_cli_remedies import window_words

        result = subprocess.run(
            [sys.executable, *python, "-m", "gui", *args],
            capture_output=True,
            text=True,
            timeout=120,
            env=self.env,
        )
        for line in (result.stdout + result.stderr).splitlines():
            assert not window_words(line), line
        return result


def on(server: SandboxServer) -> list[str]:
    return ["--api-base", server.url, "--token", SandboxServer.TOKEN]


def test_an_update_goes_out_as_the_vendor_s_example(cli: Cli, server: SandboxServer) -> None:
    result = cli("update", "TICKET_ID_HERE", *VENDOR_FLAGS, *on(server))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Ticket TICKET_ID_HERE updated.\n"
    (request,) = server.requests
    assert (request.method, request.path) == ("PUT", "/api/v1/ticket/TICKET_ID_HERE")
    assert request.body == VENDOR_BODY
    assert request.header("Authorization") == "Bearer sandbox-token"


def test_a_ticket_opened_in_a_script_and_closed_from_a_script(
    cli: Cli, server: SandboxServer
) -> None:
    created = cli("new", "--title", "Door", "--status", "NEW", *on(server), "--json")
    assert created.returncode == 0, created.stderr
    ticket_id = json.loads(created.stdout)["ticketId"]
    closed = cli(
        "update",
        ticket_id,
        "--title",
        "Door",
        "--description",
        "Fixed",
        "--status",
        "DONE",
        *on(server),
    )
    assert closed.returncode == 0, closed.stderr
    assert server.tickets[ticket_id]["status"] == "DONE"


def test_invalid_input_exits_2_and_sends_nothing(cli: Cli, server: SandboxServer) -> None:
    result = cli("update", "tic_1001", "--description", "d", "--status", "NEW", *on(server))
    assert result.returncode == 2
    assert result.stderr == "title: Enter a title.\n"
    assert server.requests == []


def test_a_refusal_exits_1(cli: Cli, server: SandboxServer) -> None:
    result = cli("update", "tic_404", *VENDOR_FLAGS, *on(server))
    assert result.returncode == 1
    assert "ticketId: No ticket with this id." in result.stderr


def test_server_down_exits_3_and_outbox_send_delivers_it_once_up(cli: Cli) -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:  # a port nothing listens on now
        port = probe.getsockname()[1]
    down = ["--api-base", f"http://127.0.0.1:{port}/api/v1", "--token", SandboxServer.TOKEN]
    result = cli("update", "tic_1001", *VENDOR_FLAGS, *down)
    assert result.returncode == 3, result.stderr
    assert "waits in the outbox" in result.stderr
    listed = cli("outbox", "list", "--json")
    (item,) = json.loads(listed.stdout)
    assert (item["ticketId"], item["state"]) == ("tic_1001", "waiting")
    # The first retry is due a second later (the backoff), like the window's.
    time.sleep(max(0.0, datetime.fromisoformat(item["nextTry"]).timestamp() - time.time() + 0.1))
    with SandboxServer(port=port) as server:  # the server is back, where it was
        sent = cli("outbox", "send", *down)
        assert sent.returncode == 0, sent.stderr
        assert len(server.requests) == 1 and server.requests[0].body.endswith("automated=1")
    assert json.loads(cli("outbox", "list", "--json").stdout) == []


def test_500_csv_rows_go_out_with_a_progress_line(
    cli: Cli, server: SandboxServer, tmp_path: Path
) -> None:
    path = tmp_path / "many.csv"
    rows = "".join(f"tic_1001,Title {i},d,ON_HOLD,0,,,,0\n" for i in range(500))
    path.write_text(HEADER + rows, encoding="utf-8")
    result = cli("update", "--from-csv", str(path), *on(server))
    assert result.returncode == 0, result.stderr
    assert "sent 250/500" in result.stderr.splitlines()
    assert result.stderr.splitlines()[-1] == "sent 500/500"
    assert result.stdout == "500 rows: 500 sent.\n"
    assert len(server.requests) == 500
    assert server.requests[-1].body.startswith("title=Title%20499&")  # in the file's order


def test_a_csv_with_a_bad_row_sends_none_unless_skip_invalid(
    cli: Cli, server: SandboxServer, tmp_path: Path
) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(
        HEADER + "tic_1001,A,d,NEW,0,,,,0\ntic_1001,B,d,NEW,maybe,,,,0\n", encoding="utf-8"
    )
    result = cli("update", "--from-csv", str(path), *on(server))
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == "row 3: notify: Write 0 or 1, not “maybe”."
    assert server.requests == []
    skipped = cli("update", "--from-csv", str(path), "--skip-invalid", *on(server))
    assert skipped.returncode == 0, skipped.stderr
    assert len(server.requests) == 1


@pytest.mark.parametrize(
    "args",
    [
        ["outbox", "list"],
        ["update", "tic_1001", "--title", "t", "--description", "d", "--status", "NEW"],
        ["new", "--title", "t", "--status", "NEW"],
    ],
)
@pytest.mark.parametrize("lang", ["C.UTF-8", "es_ES.UTF-8"])
def test_the_command_line_never_loads_qt(
    cli: Cli, server: SandboxServer, args: list[str], lang: str
) -> None:
    """Not the widgets, and not even QtCore: the settings and folders come from gui.core, the
    Spanish from gui.core.catalogue."""
    cli.env.update(LANG=lang, LANGUAGE="", LC_ALL="", LC_MESSAGES="")
    preferences = Path(cli.env["XDG_CONFIG_HOME"]) / "ParticleTickets/particle-tickets"
    preferences.mkdir(parents=True)
    (preferences / "preferences.ini").write_text("[connection]\nsms_region=US\nread_timeout=30\n")
    result = cli(*args, *on(server), python=("-X", "importtime"))
    assert result.returncode == 0, result.stderr
    imported = {
        line.rsplit("|", 1)[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "gui.cli.main" in imported
    if args[0] != "outbox":  # it reads the stored connection (sms_region) as the window does
        assert "gui.core.preferences" in imported
    assert not {name for name in imported if name.split(".")[0] in ("PySide6", "shiboken6")}
    assert not {name for name in imported if name.startswith(("gui.ui", "gui.app"))}


def test_the_console_script_runs_the_command_line(cli: Cli) -> None:
    script = Path(sys.executable).parent / "particle-tickets"
    result = subprocess.run(
        [str(script), "outbox", "list"], capture_output=True, text=True, timeout=60, env=cli.env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "The outbox is empty.\n"


def test_help_lists_the_window_and_the_commands_without_loading_qt(cli: Cli) -> None:
    script = Path(sys.executable).parent / "particle-tickets"
    result = subprocess.run(
        [str(script), "--help"], capture_output=True, text=True, timeout=60, env=cli.env
    )
    assert result.returncode == 0, result.stderr
    for text in ("--demo", "--ticket", "--self-test", "update", "new", "outbox", "exit status"):
        assert text in result.stdout.lower(), text
    imported = cli("--help", python=("-X", "importtime")).stderr
    assert "PySide6" not in imported and "gui.app" not in imported
    for command in ("update", "new", "outbox"):  # and each command as before
        result = cli(command, "--help")
        assert result.returncode == 0 and result.stdout.startswith(
            f"usage: particle-tickets {command}"
        ), result.stderr
