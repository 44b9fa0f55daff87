"""`particle-tickets --help` and each command's --help, as a real process prints them."""

from __future__ import annotations

import re

import pytest

from tests.e2e.test_cli import Cli


def helped(cli: Cli, *args: str) -> str:
    result = cli(*args)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def one_line(text: str, name: str) -> str:
    """The line of the help that lists `name`, with what it does on the same line."""
    (line,) = [line for line in text.splitlines() if re.match(rf"\s+{name}\s{{2,}}\S", line)]
    return line.split(maxsplit=1)[1]


def test_the_top_level_help_lists_every_command_with_one_line_and_the_window_s_options(
    cli: Cli,
) -> None:
    text = helped(cli, "--help")
    assert text.startswith("usage: particle-tickets ")
    assert one_line(text, "update") == "update a ticket (or many, --from-csv)"
    assert one_line(text, "new") == "create a ticket (or many, --from-csv)"
    assert one_line(text, "outbox") == "list, send or discard what waits in the outbox"
    for option in ("--ticket ID", "--self-test", "--demo", "--api-base URL", "--token TOKEN"):
        assert re.search(rf"^\s+{re.escape(option)}\s", text, re.MULTILINE), option
    # The exit statuses, each on its own line.
    for status in "0123":
        assert re.search(rf"^  {status}  \S", text, re.MULTILINE), status


def test_outbox_help_lists_its_actions_with_one_line_each(cli: Cli) -> None:
    text = helped(cli, "outbox", "--help")
    assert one_line(text, "list") == "list the waiting updates and the server each goes to"
    assert one_line(text, "send") == "send every waiting update that is safe to send, now"
    assert one_line(text, "discard") == "give up updates"


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        (["update"], ["TICKET_ID", "--from-csv", "--again", "--demo", "--json"]),
        (["new"], ["--title", "--from-csv", "--again", "--demo"]),
        (["outbox"], ["ACTION", "--demo"]),
        (["outbox", "list"], ["--demo", "--json"]),
        (["outbox", "send"], ["--retry ID", "--batch ID", "Retry-After", "--demo"]),
        (["outbox", "discard"], ["--batch ID", "--demo"]),
    ],
)
def test_each_command_has_its_own_help(cli: Cli, command: list[str], shown: list[str]) -> None:
    text = helped(cli, *command, "--help")
    assert text.startswith(f"usage: particle-tickets {' '.join(command)} ")
    for word in shown:
        assert word in text, word
    assert "exit status of a command:" in text


@pytest.mark.parametrize("asked", [["-h"], ["--he"], ["--hel"], ["--demo", "-h"]])
def test_every_way_of_asking_for_help_lists_the_commands(cli: Cli, asked: list[str]) -> None:
    assert "outbox           list, send or discard" in helped(cli, *asked)


def test_the_help_fits_a_terminal_of_80_columns(cli: Cli) -> None:
    for command in ([], ["update"], ["outbox", "send"]):
        for line in helped(cli, *command, "--help").splitlines():
            assert len(line) <= 100 if line.startswith("usage") else len(line) <= 80, line
