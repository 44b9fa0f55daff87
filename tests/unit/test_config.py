"""Where updates go and with which token: checks without DNS, precedence, the command line."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from gui.core.api_contract import DEFAULT_API_BASE
from gui.core.config import (
    ENV_API_BASE,
    ENV_TOKEN,
    Connection,
    Options,
    check_api_base,
    check_token,
    parse_options,
    resolve_connection,
)
from gui.core.errors import ConfigurationError

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


@pytest.mark.parametrize(
    ("url", "checked"),
    [
        ("https://api.particlespace.com/api/v1", "https://api.particlespace.com/api/v1"),
        ("https://api.example.com/api/v1/", "https://api.example.com/api/v1"),
        ("  https://api.example.com:8443/v1//  ", "https://api.example.com:8443/v1"),
        ("HTTPS://API.EXAMPLE.COM", "HTTPS://API.EXAMPLE.COM"),
        ("http://127.0.0.1:8080/api/v1", "http://127.0.0.1:8080/api/v1"),
        ("http://127.5.6.7", "http://127.5.6.7"),
        ("http://localhost:8080/", "http://localhost:8080"),
        ("http://LOCALHOST", "http://LOCALHOST"),
        ("http://sandbox.localhost/api", "http://sandbox.localhost/api"),
        ("http://[::1]:8080/api/", "http://[::1]:8080/api"),
    ],
)
def test_usable_api_bases(url: str, checked: str) -> None:
    # The names are not loopback: a DNS lookup would fail the test (see conftest).
    assert check_api_base(url) == checked


@pytest.mark.parametrize(
    "url",
    [
        "http://api.example.com/api/v1",
        "http://api.particlespace.com/api/v1",
        "http://10.0.0.5:8080",
        "http://[2001:db8::1]/",
        "http://localhost.example.com",
        "http://127.0.0.1.example.com",
        "http://127.0.0.1@api.example.com/",
        "http://[::ffff:8.8.8.8]/",
    ],
)
def test_plain_http_to_another_host_is_refused(url: str) -> None:
    with pytest.raises(ConfigurationError, match="Refusing plain http") as caught:
        check_api_base(url)
    assert "https://" in caught.value.message


@pytest.mark.parametrize(
    "url",
    [
        "",
        "   ",
        "api.particlespace.com/api/v1",
        "ftp://api.example.com",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "ws://127.0.0.1:8080",
        "https://",
        "https:///api/v1",
        "http://[::1",  # unclosed IPv6 bracket
        "https://api.example.com:port/",
        "https://api.example.com:70000/",
        "https://127.0.0.1\uff03@api.example.com",  # FULLWIDTH NUMBER SIGN: "#" under NFKC
        "http://api.example.com\\@127.0.0.1/",  # requests would go to api.example.com
        "https://api.example.com/api/v1?x=1",  # /ticket/{id} would land in the query
        "https://api.example.com/api/v1#top",
        "https://api.example.com/api/v1?",
        "not a url at all",
    ],
)
def test_garbage_api_bases_are_refused(url: str) -> None:
    with pytest.raises(ConfigurationError, match="not a usable API address"):
        check_api_base(url)


@pytest.mark.parametrize("url", ["https://api.example.com/\r\nX: 1", "https://api\x00.example.com"])
def test_api_base_with_control_characters_is_refused(url: str) -> None:
    with pytest.raises(ConfigurationError, match="control characters"):
        check_api_base(url)


@pytest.mark.parametrize("token", ["tok\r\nX-Evil: 1", "tok\n", "tok\x00en", " tok", "tok en\t"])
def test_tokens_that_cannot_be_a_header_are_refused(token: str) -> None:
    with pytest.raises(ConfigurationError, match="copy it again"):
        check_token(token)


def test_a_printable_token_is_kept() -> None:
    assert check_token("sk_test_abc.DEF-123/+=") == "sk_test_abc.DEF-123/+="


def test_options_win_over_environment_and_settings() -> None:
    connection = resolve_connection(
        Options(api_base="https://options.example.com", token="from-options"),
        {ENV_API_BASE: "https://environment.example.com", ENV_TOKEN: "from-environment"},
        {"api_base": "https://stored.example.com"},
    )
    assert connection == Connection("https://options.example.com", "from-options")
    assert connection.usable


def test_environment_wins_over_settings() -> None:
    connection = resolve_connection(
        Options(),
        {ENV_API_BASE: "https://environment.example.com/", ENV_TOKEN: "from-environment"},
        {"api_base": "https://stored.example.com"},
    )
    assert connection == Connection("https://environment.example.com", "from-environment")


def test_settings_give_the_api_base_when_nothing_else_does() -> None:
    connection = resolve_connection(
        Options(token="t"), {}, {"api_base": "https://stored.example.com"}
    )
    assert connection == Connection("https://stored.example.com", "t")


def test_default_api_base() -> None:
    connection = resolve_connection(Options(), {ENV_TOKEN: "t"}, {})
    assert connection == Connection(DEFAULT_API_BASE, "t")


def test_empty_values_fall_through_to_the_next_source() -> None:
    connection = resolve_connection(
        Options(api_base="", token=""),
        {ENV_API_BASE: "", ENV_TOKEN: "from-environment"},
        {"api_base": "https://stored.example.com"},
    )
    assert connection == Connection("https://stored.example.com", "from-environment")


@pytest.mark.parametrize(
    "stored", [{}, {"token": "stored-token"}, {"api_base": "https://stored.example.com"}]
)
def test_missing_token_is_a_problem(stored: dict[str, str]) -> None:
    connection = resolve_connection(Options(), {}, stored)
    assert not connection.usable
    assert connection.token == ""
    assert connection.problem is not None
    assert "--token" in connection.problem
    assert ENV_TOKEN in connection.problem
    assert "--demo" in connection.problem


def test_token_with_a_line_break_is_a_problem() -> None:
    connection = resolve_connection(Options(token="abc\r\nX-Evil: 1"), {}, {})
    assert not connection.usable
    assert connection.problem is not None
    assert "copy it again" in connection.problem


def test_refused_api_base_is_a_problem_and_names_the_host() -> None:
    connection = resolve_connection(Options(api_base="http://api.example.com", token="t"), {}, {})
    assert not connection.usable
    assert connection.problem is not None
    assert "api.example.com" in connection.problem


def test_environment_api_base_is_checked_too() -> None:
    connection = resolve_connection(Options(token="t"), {ENV_API_BASE: "ftp://x.example"}, {})
    assert not connection.usable
    assert connection.problem is not None
    assert "not a usable API address" in connection.problem


def test_parse_options_defaults() -> None:
    assert parse_options([]) == Options(api_base=None, token=None, ticket=None, demo=False)


def test_parse_options_reads_every_flag() -> None:
    options = parse_options(
        ["--api-base", "https://api.example.com", "--token", "tok", "--ticket", "tic_1", "--demo"]
    )
    assert options == Options(
        api_base="https://api.example.com", token="tok", ticket="tic_1", demo=True
    )


def test_parse_options_accepts_equals_form() -> None:
    options = parse_options(["--api-base=http://127.0.0.1:9", "--ticket=tic_2"])
    assert options == Options(api_base="http://127.0.0.1:9", ticket="tic_2")


def test_unknown_option_exits_with_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        parse_options(["--colour"])
    assert caught.value.code == 2
    assert "--colour" in capsys.readouterr().err


def test_version_prints_the_package_version_and_exits_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    version = tomllib.loads(PYPROJECT.read_text("utf-8"))["project"]["version"]
    with pytest.raises(SystemExit) as caught:
        parse_options(["--version"])
    assert caught.value.code == 0
    captured = capsys.readouterr()
    assert captured.out == f"particle-tickets {version}\n"
    assert captured.err == ""


def test_help_names_the_environment_variables(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        parse_options(["--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    for text in ("--api-base", "--token", "--ticket", "--demo", "--version", ENV_TOKEN):
        assert text in out
