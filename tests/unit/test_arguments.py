"""The one parser of `particle-tickets` (gui/cli/arguments.py): the window's options, the
commands, their help, and which options go where."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from gui.cli.arguments import COMMANDS, parse, window_options
from gui.core.config import (
    ENV_CONNECT_TIMEOUT,
    ENV_PUBLISH_KEY,
    ENV_READ_TIMEOUT,
    ENV_SECRET_KEY,
    ENV_TOKEN,
    Options,
)

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def test_without_a_command_it_is_the_window_with_its_defaults() -> None:
    args = parse([])
    assert args.command is None
    assert window_options(args) == Options(
        api_base=None,
        token=None,
        secret_key=None,
        publish_key=None,
        ticket=None,
        demo=False,
        self_test=False,
    )


def test_the_window_reads_every_option() -> None:
    options = window_options(
        parse(
            [
                "--api-base",
                "https://api.example.com",
                "--token",
                "tok",
                "--ticket",
                "tic_1",
                "--demo",
            ]
        )
    )
    assert options == Options(
        api_base="https://api.example.com", token="tok", ticket="tic_1", demo=True
    )
    options = window_options(
        parse(["--secret-key", "sk_test_a", "--publish-key=pk_test_b", "--self-test"])
    )
    assert options == Options(secret_key="sk_test_a", publish_key="pk_test_b", self_test=True)
    options = window_options(parse(["--api-base=http://127.0.0.1:9", "--ticket=tic_2"]))
    assert options == Options(api_base="http://127.0.0.1:9", ticket="tic_2")


@pytest.mark.parametrize(
    "argv",
    [
        ["--api-base", "https://x.test", "--token", "t", "outbox", "list", "--json"],
        ["outbox", "--api-base", "https://x.test", "--token", "t", "--json", "list"],
        ["outbox", "list", "--api-base", "https://x.test", "--token", "t", "--json"],
        ["--token", "t", "update", "tic_1", "--api-base", "https://x.test", "--json"],
    ],
)
def test_connection_options_count_on_either_side_of_the_command(argv: list[str]) -> None:
    args = parse(argv)
    assert (args.api_base, args.token, args.json) == ("https://x.test", "t", True)


@pytest.mark.parametrize("option", [["--ticket", "tic_1"], ["--self-test"]])
def test_the_windows_own_options_are_refused_with_a_command(
    option: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        parse([*option, "outbox", "list"])
    assert caught.value.code == 2
    assert f"{option[0]}: an option of the window, not of a command" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["--demo", "outbox", "list"],
        ["outbox", "send", "--demo"],
        ["update", "tic_1001", "--demo", "--title", "t"],
        ["new", "--demo", "--json"],
    ],
)
def test_demo_is_an_option_of_every_command(argv: list[str]) -> None:
    assert parse(argv).demo is True


@pytest.mark.parametrize(
    ("given", "named"),
    [
        (["--token", "t"], "--token"),
        (["--secret-key", "sk_test_ab12", "--publish-key", "pk_test_ab12"], "--secret-key"),
        (["--api-base", "https://api.example.com"], "--api-base"),
    ],
)
def test_demo_with_a_token_keys_or_address_is_refused_in_words(
    given: list[str], named: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        parse(["outbox", "list", "--demo", *given])
    assert caught.value.code == 2
    error = capsys.readouterr().err
    assert "--demo sends to the built-in sandbox, which signs itself in: leave out" in error
    assert named in error


def test_unknown_option_exits_with_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        parse(["--colour"])
    assert caught.value.code == 2
    assert "--colour" in capsys.readouterr().err


def test_version_prints_the_package_version_and_exits_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    version = tomllib.loads(PYPROJECT.read_text("utf-8"))["project"]["version"]
    with pytest.raises(SystemExit) as caught:
        parse(["--version"])
    assert caught.value.code == 0
    captured = capsys.readouterr()
    assert captured.out == f"particle-tickets {version}\n"
    assert captured.err == ""


def test_help_lists_the_windows_options_the_commands_and_the_environment(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as caught:
        parse(["--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    for text in (
        "--api-base",
        "--token",
        "--secret-key",
        "--publish-key",
        "--ticket",
        "--demo",
        "--self-test",
        "--version",
        *COMMANDS,
        "update a ticket (or many, --from-csv)",
        "create a ticket (or many, --from-csv)",
        "list, send or discard what waits in the outbox",
        ENV_TOKEN,
        ENV_SECRET_KEY,
        ENV_PUBLISH_KEY,
        ENV_CONNECT_TIMEOUT,
        ENV_READ_TIMEOUT,
        "exit status of a command",
    ):
        assert text in out, text


@pytest.mark.parametrize(
    ("argv", "shown"),
    [
        (["update", "--help"], ["TICKET_ID", "--from-csv", "--skip-invalid", "--json", "--notify"]),
        (["new", "--help"], ["--from-csv", "--title", "--json"]),
        (["outbox", "--help"], ["list", "send", "discard"]),
        (["outbox", "send", "--help"], ["--retry"]),
    ],
)
def test_each_command_has_its_own_help(
    argv: list[str], shown: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        parse(argv)
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: particle-tickets {' '.join(argv[:-1])}")
    for text in shown:
        assert text in out, text


def test_a_value_that_is_a_commands_name_is_still_the_windows() -> None:
    args = parse(["--ticket", "update"])  # a ticket called "update": odd, but not a command
    assert args.command is None
    assert window_options(args).ticket == "update"
