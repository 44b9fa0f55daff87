"""The command line (a real process, TZ=America/New_York) refuses local times the clocks skip
or repeat, invisible characters and over-long values, with the time to use, and sends nothing
to the loopback sandbox."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gui.sandbox import SandboxServer
from tests.e2e.test_cli import VENDOR_FLAGS, Cli, on
from tests.new_york import ZONE, autumn_repeat, spring_gap


@pytest.fixture
def server():
    with SandboxServer(tickets=["tic_1001"]) as sandbox:
        yield sandbox


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    runner = Cli(tmp_path)
    runner.env["TZ"] = ZONE
    return runner


def test_a_time_the_clocks_skip_exits_2_and_names_the_time_to_use(cli, server) -> None:
    gap = spring_gap()
    day = gap.date().isoformat()
    result = cli("update", "tic_1001", *VENDOR_FLAGS, "--time", f"{day}T02:30", *on(server))
    assert result.returncode == 2
    assert result.stderr == (
        f"time: {day}T02:30 does not exist here: the clocks jump from 02:00 to 03:00 that "
        f"day. Use {day}T03:00.\n"
    )
    assert server.requests == []


def test_a_time_the_clocks_repeat_exits_2_with_both_offsets(cli, server) -> None:
    day = autumn_repeat().date().isoformat()
    result = cli("update", "tic_1001", *VENDOR_FLAGS, "--time", f"{day}T01:30", *on(server))
    assert result.returncode == 2
    assert result.stderr == (
        f"time: {day}T01:30 happens twice here: the clocks go back from 02:00 to 01:00 that "
        f"day. Give {day}T01:30-04:00 (before they go back) or {day}T01:30-05:00 (after).\n"
    )
    assert server.requests == []


def test_the_time_given_with_its_offset_goes_out_as_given(cli, server) -> None:
    day = autumn_repeat().date().isoformat()
    flags = [*VENDOR_FLAGS, "--time", f"{day}T01:30-05:00"]
    result = cli("update", "tic_1001", *flags, *on(server))
    assert result.returncode == 0, result.stderr
    assert dict(server.requests[-1].form)["time"] == f"{day}T01:30:00-05:00"


def test_a_csv_row_in_the_gap_is_refused_by_row(cli, server, tmp_path: Path) -> None:
    day = spring_gap().date().isoformat()
    path = tmp_path / "tickets.csv"
    path.write_text(
        "ticketId,title,description,status,notify,type,contacts,time,automated\n"
        f"tic_1001,Tap,Leak,ON_HOLD,1,email,a@example.com,{day}T02:30,1\n",
        encoding="utf-8",
    )
    result = cli("update", "--from-csv", str(path), *on(server))
    assert result.returncode == 2
    assert f"row 2: time: {day}T02:30 does not exist here" in result.stderr
    assert server.requests == []


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        ("--title", "Invoice \u202efdp.exe", "Remove the invisible character U+202E"),
        ("--title", "Tap\u0085drips", "Remove the invisible character U+0085 (next line)."),
        ("--description", "a\u200bb", "Remove the invisible character U+200B"),
        ("--title", "x" * 600, "This can have at most 500 characters; this one has 600."),
        ("--description", "x" * 100_000, "at most 20,000 characters; this one has 100,000."),
    ],
)
def test_invisible_characters_and_over_long_values_exit_2(
    cli, server, flag: str, value: str, message: str
) -> None:
    flags = list(VENDOR_FLAGS)
    flags[flags.index(flag) + 1] = value
    result = cli("update", "tic_1001", *flags, *on(server), "--json")
    assert result.returncode == 2
    [error] = json.loads(result.stdout)["errors"]
    assert message in error["message"]
    assert server.requests == []
