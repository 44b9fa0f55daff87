"""The progress line through a pipe (stderr not a terminal): at most once per tenth of the rows
and the last, never the same line twice, in a real process."""

from __future__ import annotations

import io
import re
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from gui.cli.sending import Progress
from gui.sandbox import SandboxServer
from tests.e2e.test_cli import HEADER, Cli

TICKETS = [f"tic_{number:03d}" for number in range(200)]
PROGRESS = re.compile(r"^sent \d+/\d+( \(\d+ not sent\))?$")


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    with SandboxServer(tickets=TICKETS) as sandbox:
        yield sandbox


def on(api_base: str) -> list[str]:
    return ["--api-base", api_base, "--token", SandboxServer.TOKEN]


def rows(path: Path, *, notify_every: int = 0) -> Path:
    lines = []
    for number, ticket in enumerate(TICKETS):
        loud = notify_every and number % notify_every == 0
        notify = "1,email,ana@example.com" if loud else "0,,"
        lines.append(f"{ticket},Leak {number},Sink,ON_HOLD,{notify},,0\n")
    path.write_text(HEADER + "".join(lines), "utf-8")
    return path


def progress_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if PROGRESS.match(line)]


def test_200_rows_write_at_most_11_progress_lines_none_repeated(
    cli: Cli, server: SandboxServer, tmp_path: Path
) -> None:
    result = cli("update", "--from-csv", str(rows(tmp_path / "a.csv")), *on(server.url))
    assert result.returncode == 0, result.stderr
    lines = progress_lines(result.stderr)
    assert 1 <= len(lines) <= 11
    assert len(set(lines)) == len(lines)
    assert lines[-1] == "sent 200/200"
    assert lines == [f"sent {20 * tenth}/200" for tenth in range(1, 11)]


def test_outbox_send_of_200_waiting_rows_writes_at_most_11_lines(
    cli: Cli, server: SandboxServer, tmp_path: Path
) -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    down = on(f"http://127.0.0.1:{port}/api/v1")
    queued = cli("update", "--from-csv", str(rows(tmp_path / "b.csv")), *down)
    assert queued.returncode == 3
    assert len(progress_lines(queued.stderr)) <= 1  # stopped at the first row
    with SandboxServer(port=port, tickets=TICKETS) as back:
        sent = cli("outbox", "send", *down)
        assert sent.returncode == 0, sent.stderr
        assert len(back.requests) == 200
    lines = progress_lines(sent.stderr)
    assert 1 <= len(lines) <= 11 and len(set(lines)) == len(lines)
    assert lines[-1] == "sent 200/200"


def test_two_updates_say_each_count_once_and_a_stop_short_once_more() -> None:
    """The issue's "sent 1/2" five times: each tenth crossed is one line at most, and a line
    is never written again."""
    stream = io.StringIO()
    meter = Progress(2, stream)
    for done, sent in [(1, 1), (1, 1), (1, 1), (2, 1), (2, 1)]:
        meter.update(done, sent)
    meter.finish(2, 1)
    assert stream.getvalue() == "sent 1/2\nsent 1/2 (1 not sent)\n"
    stream = io.StringIO()
    meter = Progress(200, stream)
    for done in range(1, 51):
        meter.update(done, done)
    meter.finish(50, 50)
    meter.finish(50, 50)
    assert stream.getvalue().splitlines() == ["sent 20/200", "sent 40/200", "sent 50/200"]
