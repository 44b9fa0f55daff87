"""The command line's repeat rule, in-process against a real loopback sandbox: an update that
notifies people, or a new ticket, exactly like one sent in the last 24 hours (or still waiting
in the outbox) to the same server and account is not sent without --again."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from gui.cli.arguments import build_parser
from gui.core.app_folders import OUTBOX_FILE_NAME
from gui.core.outbox import HistoryEntry, OutboxStore
from gui.sandbox import SandboxServer
from tests.unit.test_cli_main import HEADER, Run, connect

NOTIFY = [
    "--title",
    "Leaking faucet",
    "--description",
    "Leak under the sink",
    "--status",
    "ON_HOLD",
    "--notify",
    "--type",
    "sms",
    "--contacts",
    "(202) 555-0123, (202) 555-0124",
    "--message",
    "We come tomorrow at 9",
]
QUIET = ["--title", "Leaking faucet", "--description", "Leak", "--status", "ON_HOLD"]
KEYS = ["--secret-key", "sk_test_ab-12", "--publish-key", "pk_test_cd-34"]


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    with SandboxServer() as sandbox:
        yield sandbox


@pytest.fixture
def run(tmp_path: Path) -> Run:
    return Run(tmp_path / "data")


def history(run: Run) -> list[HistoryEntry]:
    store = OutboxStore(run.folder / OUTBOX_FILE_NAME)
    try:
        return store.history()
    finally:
        store.close_all()


def local(at: float) -> str:
    return datetime.fromtimestamp(at).strftime("%Y-%m-%d %H:%M")


def test_again_is_an_option_of_update_and_new_with_its_rule_in_the_help(
    capsys: pytest.CaptureFixture[str],
) -> None:
    parser = build_parser()
    assert parser.parse_args(["update", "tic_1", "--again"]).again
    assert parser.parse_args(["new", "--again"]).again
    assert not parser.parse_args(["new"]).again
    for command in ("update", "new"):
        with pytest.raises(SystemExit):
            parser.parse_args([command, "--help"])
        text = " ".join(capsys.readouterr().out.split())
        assert "--again send it even if exactly this was sent" in text
        assert "24 hours" in text and "exit status 2" in text


def test_a_notifying_repeat_exits_2_with_one_line_and_again_sends_it(
    run: Run, server: SandboxServer
) -> None:
    assert run("update", "tic_1001", *NOTIFY, *connect(server)) == 0, run.stderr
    (sent,) = history(run)
    assert run("update", "tic_1001", *NOTIFY, *connect(server)) == 2
    assert run.stdout == ""
    assert run.stderr == (
        f"Not sent: exactly this update went to tic_1001 at {local(sent.at)} "
        "(SMS to 2 people). --again sends it again.\n"
    )
    assert len(server.requests) == 1 and run.items() == []
    assert run("update", "tic_1001", *NOTIFY, *connect(server), "--again") == 0, run.stderr
    assert len(server.requests) == 2


def test_the_repeat_in_json_is_an_invalid_result_with_that_line(
    run: Run, server: SandboxServer
) -> None:
    assert run("update", "tic_1001", *NOTIFY, *connect(server)) == 0
    assert run("update", "tic_1001", *NOTIFY, *connect(server), "--json") == 2
    document = json.loads(run.stdout)
    assert document["ok"] is False and document["status"] == "invalid"
    assert document["ticketId"] == "tic_1001" and document["errors"] == []
    assert document["message"].startswith("Not sent: exactly this update went to tic_1001 at ")
    assert run.stderr == document["message"] + "\n"


def test_a_repeat_without_notification_is_sent(run: Run, server: SandboxServer) -> None:
    assert run("update", "tic_1001", *QUIET, *connect(server)) == 0
    assert run("update", "tic_1001", *QUIET, *connect(server)) == 0, run.stderr
    assert len(server.requests) == 2


def test_a_different_update_is_no_repeat(run: Run, server: SandboxServer) -> None:
    assert run("update", "tic_1001", *NOTIFY, *connect(server)) == 0
    assert run("update", "tic_1002", *NOTIFY, *connect(server)) == 0, run.stderr
    changed = [*NOTIFY[:-1], "We come tomorrow at 10"]
    assert run("update", "tic_1001", *changed, *connect(server)) == 0, run.stderr
    assert len(server.requests) == 3


def test_another_server_or_account_is_no_repeat(run: Run, server: SandboxServer) -> None:
    assert run("update", "tic_1001", *NOTIFY, *connect(server)) == 0
    with SandboxServer() as other:
        assert run("update", "tic_1001", *NOTIFY, *connect(other)) == 0, run.stderr
        assert len(other.requests) == 1
    # the same server with the keys of another account (the sandbox signs them in)
    assert run("update", "tic_1001", *NOTIFY, "--api-base", server.url, *KEYS) == 0, run.stderr
    assert run("update", "tic_1001", *NOTIFY, "--api-base", server.url, *KEYS) == 2
    assert [request.path.rsplit("/", 1)[-1] for request in server.requests] == [
        "tic_1001",
        "authenticate",
        "tic_1001",
    ]


def test_a_new_ticket_twice_is_a_repeat(run: Run, server: SandboxServer) -> None:
    assert run("new", "--title", "Door", "--status", "NEW", *connect(server), "--json") == 0
    created = json.loads(run.stdout)["ticketId"]
    (entry,) = history(run)
    assert run("new", "--title", "Door", "--status", "NEW", *connect(server)) == 2
    assert run.stderr == (
        f"Not sent: exactly this ticket was created at {local(entry.at)} as {created} "
        "(nobody notified). --again creates another.\n"
    )
    assert run("new", "--title", "Door", "--status", "NEW", *connect(server), "--again") == 0
    assert len([r for r in server.requests if r.method == "POST"]) == 2


def test_an_update_waiting_in_the_outbox_is_a_repeat(run: Run, server: SandboxServer) -> None:
    down = ["--api-base", "http://127.0.0.1:1/api/v1", "--token", SandboxServer.TOKEN]
    assert run("update", "tic_1001", *NOTIFY, *down) == 3
    (item,) = run.items()
    assert run("update", "tic_1001", *NOTIFY, *down) == 2
    assert run.stderr == (
        f"Not sent: exactly this update to tic_1001 already waits in the outbox as item {item.id} "
        "(SMS to 2 people). --again sends it again.\n"
    )
    assert len(run.items()) == 1
    assert run("update", "tic_1001", *NOTIFY, *down, "--again") == 3
    assert len(run.items()) == 2


def test_csv_repeats_are_invalid_rows(run: Run, server: SandboxServer, tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    rows = HEADER + (
        "tic_1001,Leak,Sink,ON_HOLD,1,sms,(202) 555-0123,,0\n"
        "tic_1002,Light,Bulb,DONE,0,,,,0\n"
        "tic_1003,Radiator,Cold,NEW,1,email,a@example.com,,0\n"
    )
    path.write_text(rows, encoding="utf-8")
    assert run("update", "--from-csv", str(path), *connect(server)) == 0, run.stderr
    assert len(server.requests) == 3
    sent = {entry.ticket_id: entry.at for entry in history(run)}

    # the same file again: both notifying rows repeat, so nothing goes out
    assert run("update", "--from-csv", str(path), *connect(server)) == 2
    assert run.stderr.splitlines() == [
        f"row 2: Not sent: exactly this update went to tic_1001 at {local(sent['tic_1001'])} "
        "(SMS to 1 person). --again sends it again.",
        f"row 4: Not sent: exactly this update went to tic_1003 at {local(sent['tic_1003'])} "
        "(email to 1 person). --again sends it again.",
        "Nothing was sent: 2 of 3 rows need attention (--skip-invalid sends the others).",
    ]
    assert len(server.requests) == 3

    # --skip-invalid sends the others, the quiet repeat included
    assert run("update", "--from-csv", str(path), *connect(server), "--skip-invalid", "--json") == 0
    document = json.loads(run.stdout)
    assert [r["status"] for r in document["results"]] == ["invalid", "sent", "invalid"]
    assert document["results"][0]["message"].startswith("Not sent: exactly this update went")
    assert len(server.requests) == 4

    # --again sends every row
    assert run("update", "--from-csv", str(path), *connect(server), "--again") == 0, run.stderr
    assert len(server.requests) == 7


def test_invalid_rows_are_reported_before_repeats_are_looked_for(
    run: Run, server: SandboxServer, tmp_path: Path
) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(
        HEADER + "tic_1001,Leak,Sink,ON_HOLD,1,sms,(202) 555-0123,,0\n", encoding="utf-8"
    )
    assert run("update", "--from-csv", str(path), *connect(server)) == 0
    path.write_text(
        HEADER
        + "tic_1001,Leak,Sink,ON_HOLD,1,sms,(202) 555-0123,,0\n"
        + "tic_1002,,Bulb,DONE,0,,,,0\n",
        encoding="utf-8",
    )
    assert run("update", "--from-csv", str(path), *connect(server)) == 2
    assert run.stderr.splitlines() == [
        "row 3: title: Enter a title.",
        "Nothing was sent: 1 of 2 rows needs attention (--skip-invalid sends the others).",
    ]
    assert run("update", "--from-csv", str(path), *connect(server), "--skip-invalid") == 2
    assert run.stderr.splitlines()[1].startswith("row 2: Not sent: exactly this update went")
    assert run.stderr.splitlines()[2] == "Nothing was sent: 2 of 2 rows need attention."
    assert len(server.requests) == 1
