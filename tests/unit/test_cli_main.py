"""The command line in-process (gui/cli): arguments, exit codes, --json, progress, the outbox.

The sandbox is a real loopback server; settings, keychain and data folder are test fakes.
"""

from __future__ import annotations

import io
import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from gui.cli.arguments import build_parser
from gui.cli.environment import Environment
from gui.cli.main import main
from gui.cli.sending import Progress
from gui.core.app_folders import OUTBOX_FILE_NAME
from gui.core.credentials import Credentials
from gui.core.outbox import ItemState, OutboxStore
from gui.sandbox import Behaviour, SandboxServer
from tests.unit.test_cli_remedies import window_words

NO_CREDENTIALS = Credentials()
HEADER = "ticketId,title,description,status,notify,type,contacts,time,automated\n"


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    with SandboxServer() as sandbox:
        yield sandbox


class Run:
    def __init__(self, folder: Path, keychain: Credentials = NO_CREDENTIALS) -> None:
        self.folder = folder
        self.env = Environment(
            environ={},
            stored=dict,
            keychain=lambda: keychain,
            data_folder=lambda: folder,
        )
        self.stdout = ""
        self.stderr = ""

    def __call__(self, *argv: str) -> int:
        out, err = io.StringIO(), io.StringIO()
        code = main(list(argv), env=self.env, stdout=out, stderr=err)
        self.stdout, self.stderr = out.getvalue(), err.getvalue()
        for line in (self.stdout + self.stderr).splitlines():  # the command line's own remedies
            assert not window_words(line), line
        return code

    def items(self):  # type: ignore[no-untyped-def]
        store = OutboxStore(self.folder / OUTBOX_FILE_NAME)
        try:
            return store.items()
        finally:
            store.close()


@pytest.fixture
def run(tmp_path: Path) -> Run:
    return Run(tmp_path / "data")


def connect(server: SandboxServer) -> list[str]:
    return ["--api-base", server.url, "--token", SandboxServer.TOKEN]


TICKET = ["--title", "Leaking faucet", "--description", "Leak", "--status", "ON_HOLD"]


def test_every_subcommand_takes_the_connection_options() -> None:
    parser = build_parser()
    for argv in (
        ["update", "tic_1"],
        ["new"],
        ["outbox", "list"],
        ["outbox", "send"],
        ["outbox", "discard", "1"],
    ):
        args = parser.parse_args([*argv, "--api-base", "https://x.test", "--token", "t", "--json"])
        assert args.api_base == "https://x.test" and args.token == "t" and args.json


def test_a_sent_update_exits_0_with_the_json_shape(run: Run, server: SandboxServer) -> None:
    assert run("update", "tic_1001", *TICKET, *connect(server), "--json") == 0
    document = json.loads(run.stdout)
    assert document == {
        "ok": True,
        "ticketId": "tic_1001",
        "status": "sent",
        "outbox": None,
        "httpStatus": 200,
        "message": "Ticket tic_1001 updated.",
        "errors": [],
        "earlier": [],
    }
    (request,) = server.requests
    assert request.body == (
        "title=Leaking%20faucet&description=Leak&status=ON_HOLD&notify=0&automated=0"
    )
    assert run.items() == []


def test_invalid_input_exits_2_one_line_per_error_and_sends_nothing(
    run: Run, server: SandboxServer
) -> None:
    code = run(
        "update", "tic_1001", "--status", "NEW", "--notify", "--contacts", "x", *connect(server)
    )
    assert code == 2
    assert run.stderr.splitlines() == [
        "title: Enter a title.",
        "description: Enter a description.",
        "contacts: “x” is not a valid email address: An email address must have an @-sign.",
    ]
    assert server.requests == [] and run.items() == []


def test_notify_flags_without_notify_are_invalid(run: Run, server: SandboxServer) -> None:
    assert run("update", "tic_1001", *TICKET, "--contacts", "a@b.org", *connect(server)) == 2
    assert "contacts: --contacts only counts with --notify" in run.stderr
    assert server.requests == []


def test_a_server_refusal_exits_1_and_leaves_nothing_in_the_outbox(
    run: Run, server: SandboxServer
) -> None:
    assert run("update", "tic_nope", *TICKET, *connect(server), "--json") == 1
    document = json.loads(run.stdout)
    assert document["status"] == "refused" and document["httpStatus"] == 404
    assert document["errors"] == [{"field": "ticketId", "message": "No ticket with this id."}]
    assert run.items() == []


def test_a_server_that_is_down_exits_3_and_outbox_send_sends_it_when_it_is_back(
    run: Run,
) -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:  # a port nothing listens on now
        port = probe.getsockname()[1]
    api_base = f"http://127.0.0.1:{port}/api/v1"
    token = ["--api-base", api_base, "--token", SandboxServer.TOKEN]
    assert run("update", "tic_1001", *TICKET, *token, "--json") == 3
    document = json.loads(run.stdout)
    assert document["status"] == "waiting" and document["outbox"] is not None
    (item,) = run.items()
    assert item.state is ItemState.WAITING
    with SandboxServer(port=port) as back:
        # Not due yet (backoff): --retry makes it go now.
        assert run("outbox", "send", "--retry", str(item.id), *token) == 0, run.stderr
        assert run.items() == [] and len(back.requests) == 1


def test_an_item_is_never_sent_to_another_server_or_account(
    run: Run, server: SandboxServer
) -> None:
    down = server.url.replace(str(server.url.split(":")[2].split("/")[0]), "1")  # port 1
    assert run("update", "tic_1001", *TICKET, "--api-base", down, "--token", "t") == 3
    (item,) = run.items()
    assert run("outbox", "send", "--retry", str(item.id), *connect(server)) == 2
    assert f"Item {item.id} was written for {down}" in run.stderr
    assert run("outbox", "send", *connect(server), "--json") == 0
    assert json.loads(run.stdout)["elsewhere"] == 1
    assert "1 item was written for another server or account" in run.stderr
    assert server.requests == [] and run.items() == [item]


def test_5xx_waits_for_a_decision_and_only_retry_resends_it(
    run: Run, server: SandboxServer
) -> None:
    server.behaviour = Behaviour.SERVER_ERROR
    assert run("update", "tic_1001", *TICKET, *connect(server)) == 3
    (item,) = run.items()
    assert item.state is ItemState.NEEDS_DECISION
    assert f"outbox send --retry {item.id}" in run.stderr
    server.behaviour = Behaviour.NORMAL
    assert run("outbox", "send", *connect(server)) == 3  # still held: not sent on its own
    assert len(server.requests) == 1
    assert run("outbox", "send", "--retry", str(item.id), *connect(server)) == 0
    assert len(server.requests) == 2 and run.items() == []


def test_outbox_list_and_discard(run: Run, server: SandboxServer) -> None:
    server.behaviour = Behaviour.SERVER_ERROR
    run("update", "tic_1001", *TICKET, *connect(server))
    assert run("outbox", "list", "--json") == 0
    (listed,) = json.loads(run.stdout)
    assert listed["ticketId"] == "tic_1001" and listed["state"] == "needs_decision"
    assert set(listed) == {
        "id",
        "ticketId",
        "state",
        "attempts",
        "notify",
        "createdAt",
        "nextTry",
        "lastError",
        "apiBase",
        "account",
        "batch",
        "notBefore",
    }
    assert run("outbox", "list") == 0
    assert "tic_1001" in run.stdout and "needs_decision" in run.stdout
    assert run("outbox", "discard", str(listed["id"]), "999") == 2
    assert "no item 999" in run.stderr
    assert run.items() == []


def test_no_credentials_exits_1_and_queues_nothing(run: Run) -> None:
    assert run("update", "tic_1001", *TICKET, "--api-base", "http://127.0.0.1:1/api/v1") == 1
    assert "Not signed in" in run.stderr and run.items() == []


def test_the_keychain_is_used_when_nothing_else_signs_in(
    tmp_path: Path, server: SandboxServer
) -> None:
    run = Run(tmp_path / "data", keychain=Credentials(token=SandboxServer.TOKEN))
    assert run("update", "tic_1001", *TICKET, "--api-base", server.url) == 0, run.stderr


def test_no_secret_is_ever_printed(run: Run, server: SandboxServer) -> None:
    token = "sk_test_" + "a1b2c3d4e5f6"
    run(
        "update",
        "tic_1001",
        *TICKET,
        "--api-base",
        server.url,
        "--secret-key",
        token,
        "--publish-key",
        "pk_test_x",
        "--json",
    )
    assert token not in run.stdout + run.stderr


def test_new_prints_the_created_id(run: Run, server: SandboxServer) -> None:
    assert run("new", "--title", "Door", "--status", "NEW", *connect(server), "--json") == 0
    document = json.loads(run.stdout)
    assert document["ticketId"].startswith("tic_") and document["ticketId"] in server.tickets
    # a second ticket exactly like the first is a repeat: --again creates it all the same
    assert run("new", "--title", "Door", "--status", "NEW", "--again", *connect(server)) == 0
    assert run.stdout.startswith("Ticket tic_") and run.stdout.rstrip().endswith("created.")


def test_csv_with_a_bad_row_sends_nothing_unless_skip_invalid(
    run: Run, server: SandboxServer, tmp_path: Path
) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(
        HEADER
        + "tic_1001,A,d,NEW,0,,,,0\n"
        + "tic_1002,B,d,NEW,1,email,x,,0\n"
        + "tic_1003,C,d,NEW,0,,,,1\n",
        encoding="utf-8",
    )
    assert run("update", "--from-csv", str(path), *connect(server)) == 2
    assert run.stderr.splitlines()[0] == (
        "row 3: contacts: “x” is not a valid email address: An email address must have an @-sign."
    )
    assert server.requests == [] and run.items() == []
    assert run("update", "--from-csv", str(path), "--skip-invalid", *connect(server), "--json") == 0
    document = json.loads(run.stdout)
    assert document["ok"] and document["sent"] == 2 and document["invalid"] == 1
    assert [r["row"] for r in document["results"]] == [2, 3, 4]
    assert [r["status"] for r in document["results"]] == ["sent", "invalid", "sent"]
    assert len(server.requests) == 2


def test_csv_header_problems_name_the_column(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text("ticketId,title,colour\n", encoding="utf-8")
    assert run("update", "--from-csv", str(path)) == 2
    assert "row 1: colour: Not a field of the form" in run.stderr
    assert "row 1: status: This column is missing" in run.stderr


def test_csv_and_ticket_flags_do_not_mix(run: Run, tmp_path: Path) -> None:
    assert run("update", "tic_1", "--title", "x", "--from-csv", str(tmp_path / "x.csv")) == 2
    assert "leave out TICKET_ID, --title" in run.stderr


def test_a_busy_server_stops_the_drain_and_everything_waits(
    run: Run, server: SandboxServer, tmp_path: Path
) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(HEADER + "tic_1001,A,d,NEW,0,,,,0\n" * 5, encoding="utf-8")
    server.behaviour = Behaviour.BUSY
    assert run("update", "--from-csv", str(path), *connect(server)) == 3
    assert len(server.requests) == 1  # it does not hammer a server that asked us to wait
    assert len(run.items()) == 5


def test_progress_without_a_terminal_is_one_line_per_tenth() -> None:
    stream = io.StringIO()
    progress = Progress(500, stream)
    for done in range(1, 501):
        progress.update(done, done)
    progress.finish(500, 500)
    lines = stream.getvalue().splitlines()
    assert lines[0] == "sent 50/500" and lines[-1] == "sent 500/500" and len(lines) == 10


def test_progress_on_a_terminal_rewrites_one_line() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    progress = Progress(3, stream)
    for done in range(1, 4):
        progress.update(done, done - 1)
    progress.finish(3, 2)
    assert stream.getvalue().startswith("\rsent 0/3 (1 not sent)")
    assert stream.getvalue().endswith("\rsent 2/3 (1 not sent)\n")
    assert "\n" not in stream.getvalue()[:-1]
