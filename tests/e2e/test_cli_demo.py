"""`--demo` with every command, in real processes: the sandbox runs inside the command, its own
outbox (the window's sandbox's, `gui.core.app_folders.sandbox_data_folder`) is used, and nothing
leaves the computer: a recording server standing in for the real API, named by the environment
and by the stored preferences, never hears a word."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from gui.core.app_folders import OUTBOX_FILE_NAME, SANDBOX_FOLDER_NAME
from gui.core.config import Connection
from gui.core.credentials import Credentials
from gui.core.destination import SANDBOX, destination_of
from gui.core.outbox import OutboxStore
from gui.core.ticket import TicketUpdate
from gui.sandbox import SandboxServer
from tests.e2e.test_cli import HEADER, Cli

QUIET = ["--title", "Leak", "--description", "Sink", "--status", "ON_HOLD"]
SANDBOX_DESTINATION = destination_of(
    Connection("", Credentials(token=SandboxServer.TOKEN), sandbox=True)
)


@pytest.fixture
def real_api() -> Iterator[SandboxServer]:
    """Stands in for Particle Space: every request it receives would have left the computer."""
    with SandboxServer(tickets=["tic_1001", "tic_1002"]) as server:
        yield server


@pytest.fixture
def cli(tmp_path: Path, real_api: SandboxServer) -> Cli:
    """A command line whose environment and stored preferences point at `real_api`."""
    cli = Cli(tmp_path)
    cli.env.update(PARTICLESPACE_API_BASE=real_api.url, PARTICLESPACE_TOKEN=SandboxServer.TOKEN)
    preferences = Path(cli.env["XDG_CONFIG_HOME"]) / "ParticleTickets/particle-tickets"
    preferences.mkdir(parents=True)
    (preferences / "preferences.ini").write_text(f"[connection]\napi_base={real_api.url}\n")
    return cli


def data_folder(cli: Cli) -> Path:
    return Path(cli.env["XDG_DATA_HOME"]) / "ParticleTickets/particle-tickets"


def store_in(folder: Path) -> OutboxStore:
    folder.mkdir(parents=True, exist_ok=True)
    return OutboxStore(folder / OUTBOX_FILE_NAME)


def listed(cli: Cli, *args: str) -> list[dict[str, object]]:
    result = cli("outbox", "list", "--json", *args)
    assert result.returncode == 0, result.stderr
    items: list[dict[str, object]] = json.loads(result.stdout)
    return items


def test_every_command_works_with_demo_and_nothing_leaves_the_computer(
    cli: Cli, real_api: SandboxServer, tmp_path: Path
) -> None:
    updated = cli("update", "tic_1001", *QUIET, "--demo")
    assert (updated.returncode, updated.stdout) == (0, "Ticket tic_1001 updated.\n"), updated.stderr
    created = cli("new", "--title", "Door", "--status", "NEW", "--demo", "--json")
    assert created.returncode == 0, created.stderr
    new_id = json.loads(created.stdout)["ticketId"]
    # A later command's sandbox knows the ticket an earlier one created.
    closed = cli("--demo", "update", new_id, "--title", "Door", "--description", "Done")
    assert closed.returncode == 2  # no status: invalid, as without --demo
    closed = cli(
        "--demo", "update", new_id, "--title", "Door", "--description", "x", "--status", "DONE"
    )
    assert closed.returncode == 0, closed.stderr
    rows = tmp_path / "rows.csv"
    rows.write_text(HEADER + "tic_1002,A,d,NEW,0,,,,0\ntic_1003,B,d,DONE,0,,,,0\n", "utf-8")
    from_csv = cli("update", "--from-csv", str(rows), "--demo")
    assert (from_csv.returncode, from_csv.stdout) == (0, "2 rows: 2 sent.\n"), from_csv.stderr
    assert cli("outbox", "list", "--demo").stdout == "The outbox is empty.\n"
    sent = cli("outbox", "send", "--demo")
    assert sent.returncode == 0, sent.stderr
    assert real_api.requests == []
    # The real outbox was never made; the sandbox's was.
    assert not (data_folder(cli) / OUTBOX_FILE_NAME).exists()
    assert (data_folder(cli) / SANDBOX_FOLDER_NAME / OUTBOX_FILE_NAME).is_file()


def test_the_sandbox_s_outbox_is_the_demo_commands_and_the_real_one_is_not(
    cli: Cli, real_api: SandboxServer
) -> None:
    sandbox_store = store_in(data_folder(cli) / SANDBOX_FOLDER_NAME)
    real_store = store_in(data_folder(cli))
    try:
        tried = sandbox_store.add(
            TicketUpdate("tic_1001", "Tried", "in the sandbox", "NEW", automated=False),
            destination=SANDBOX_DESTINATION,
        )
        real = real_store.add(
            TicketUpdate("tic_1002", "Real", "for Particle Space", "NEW", automated=False),
            destination=destination_of(
                Connection(real_api.url, Credentials(token=SandboxServer.TOKEN))
            ),
        )
    finally:
        sandbox_store.close()
        real_store.close()
    in_demo = listed(cli, "--demo")
    assert [(item["id"], item["apiBase"]) for item in in_demo] == [(tried.id, SANDBOX)]
    assert "the sandbox" in cli("outbox", "list", "--demo").stdout
    assert [item["ticketId"] for item in listed(cli)] == ["tic_1002"]
    # Sent to the command's own sandbox, never to the real API, and the real item stays.
    sent = cli("outbox", "send", "--demo")
    assert sent.returncode == 0, sent.stderr
    assert "Sent 1 of 1 attempted; 0 left in the outbox." in sent.stdout
    assert listed(cli, "--demo") == []
    assert [item["id"] for item in listed(cli)] == [real.id]
    discarded = cli("outbox", "discard", str(real.id), "--demo")
    assert discarded.returncode == 2  # not in the sandbox's outbox
    assert f"There is no item {real.id} in the outbox." in discarded.stderr
    assert [item["id"] for item in listed(cli)] == [real.id]
    assert real_api.requests == []


@pytest.mark.parametrize(
    "given",
    [
        ["--token", "sandbox-token"],
        ["--secret-key", "sk_test_ab12", "--publish-key", "pk_test_ab12"],
        ["--api-base", "https://api.example.com/api/v1"],
    ],
)
def test_demo_with_a_token_keys_or_an_address_is_refused_in_words(
    cli: Cli, real_api: SandboxServer, given: list[str]
) -> None:
    result = cli("update", "tic_1001", *QUIET, "--demo", *given)
    assert result.returncode == 2
    assert "--demo sends to the built-in sandbox, which signs itself in: leave out" in (
        result.stderr
    )
    assert given[0] in result.stderr.splitlines()[-1]
    assert real_api.requests == []
