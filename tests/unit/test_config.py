"""Where updates go and with which token: checks without DNS, and which source wins."""

from __future__ import annotations

from pathlib import Path

import pytest

from gui.core.api_contract import DEFAULT_API_BASE
from gui.core.config import (
    CONNECT_TIMEOUT,
    ENV_API_BASE,
    ENV_CONNECT_TIMEOUT,
    ENV_PUBLISH_KEY,
    ENV_READ_TIMEOUT,
    ENV_SECRET_KEY,
    ENV_TOKEN,
    READ_TIMEOUT,
    Connection,
    Options,
    check_api_base,
    resolve_connection,
)
from gui.core.credentials import Credentials, Mode, check_credentials
from gui.core.errors import ConfigurationError, InvalidCredentials

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


@pytest.mark.parametrize("token", ["tok\r\nX-Evil: 1", "tok\nen", "tok\x00en", "tok en\t"])
def test_tokens_that_cannot_be_a_header_are_refused(token: str) -> None:
    with pytest.raises(InvalidCredentials, match="line breaks or control characters") as caught:
        check_credentials(Credentials(token=token))
    assert [error.field for error in caught.value.field_errors] == ["token"]


@pytest.mark.parametrize("token", ["tok\n", " tok", "tok\r\n", "\ttok  "])
def test_blanks_around_a_pasted_token_are_removed(token: str) -> None:
    # What is left can go into a header as it is: one printable word.
    assert check_credentials(Credentials(token=token)) == Credentials(token="tok")


def test_a_printable_token_is_kept() -> None:
    assert check_credentials(Credentials(token="sk_test_abc.DEF-123/+=")) == Credentials(
        token="sk_test_abc.DEF-123/+="
    )


def test_options_win_over_environment_and_settings() -> None:
    connection = resolve_connection(
        Options(api_base="https://options.example.com", token="from-options"),
        {ENV_API_BASE: "https://environment.example.com", ENV_TOKEN: "from-environment"},
        {"api_base": "https://stored.example.com"},
    )
    assert connection == Connection(
        "https://options.example.com", Credentials(token="from-options")
    )
    assert connection.usable


def test_environment_wins_over_settings() -> None:
    connection = resolve_connection(
        Options(),
        {ENV_API_BASE: "https://environment.example.com/", ENV_TOKEN: "from-environment"},
        {"api_base": "https://stored.example.com"},
    )
    assert connection == Connection(
        "https://environment.example.com", Credentials(token="from-environment")
    )


def test_settings_give_the_api_base_when_nothing_else_does() -> None:
    connection = resolve_connection(
        Options(token="t"), {}, {"api_base": "https://stored.example.com"}
    )
    assert connection == Connection("https://stored.example.com", Credentials(token="t"))


def test_default_api_base() -> None:
    connection = resolve_connection(Options(), {ENV_TOKEN: "t"}, {})
    assert connection == Connection(DEFAULT_API_BASE, Credentials(token="t"))


def test_empty_values_fall_through_to_the_next_source() -> None:
    connection = resolve_connection(
        Options(api_base="", token=""),
        {ENV_API_BASE: "", ENV_TOKEN: "from-environment"},
        {"api_base": "https://stored.example.com"},
    )
    assert connection == Connection(
        "https://stored.example.com", Credentials(token="from-environment")
    )


@pytest.mark.parametrize(
    "stored",
    [
        {},
        # Settings never hold credentials: a token or keys found there are not used.
        {"token": "stored-token"},
        {"secret_key": "sk_test_stored", "publish_key": "pk_test_stored"},
        {"api_base": "https://stored.example.com"},
    ],
)
def test_missing_token_is_a_problem(stored: dict[str, str]) -> None:
    connection = resolve_connection(Options(), {}, stored)
    assert not connection.usable
    assert connection.credentials == Credentials()
    assert connection.problem is not None
    assert connection.problem.startswith("Not signed in")
    assert "Settings" in connection.problem
    assert "--demo" not in connection.problem  # the window's sign-in page offers the sandbox


def test_token_with_a_line_break_is_a_problem() -> None:
    connection = resolve_connection(Options(token="abc\r\nX-Evil: 1"), {}, {})
    assert not connection.usable
    assert connection.problem is not None
    assert "line breaks or control characters" in connection.problem


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


# --- Credentials: options, then environment, then the keychain ------------------------------

OPTION_KEYS = Options(secret_key="sk_test_options", publish_key="pk_test_options")
ENV_KEYS = {ENV_SECRET_KEY: "sk_test_environment", ENV_PUBLISH_KEY: "pk_test_environment"}
KEYCHAIN_KEYS = Credentials(secret_key="sk_live_key-chain", publish_key="pk_live_key-chain")


def test_option_keys_win_over_environment_and_keychain() -> None:
    connection = resolve_connection(OPTION_KEYS, ENV_KEYS, {}, KEYCHAIN_KEYS)
    assert connection.usable
    assert connection.credentials == Credentials(
        secret_key="sk_test_options", publish_key="pk_test_options"
    )


def test_environment_keys_win_over_the_keychain() -> None:
    connection = resolve_connection(Options(), ENV_KEYS, {}, KEYCHAIN_KEYS)
    assert connection.usable
    assert connection.credentials == Credentials(
        secret_key="sk_test_environment", publish_key="pk_test_environment"
    )
    assert connection.credentials.mode is Mode.TEST


def test_keychain_keys_when_nothing_else_gives_any() -> None:
    connection = resolve_connection(Options(), {}, {}, KEYCHAIN_KEYS)
    assert connection.usable
    assert connection.credentials == KEYCHAIN_KEYS
    assert connection.credentials.mode is Mode.LIVE


def test_one_source_gives_all_credentials_never_a_mix() -> None:
    # A token from the options is not paired with keys from the environment or keychain.
    connection = resolve_connection(Options(token="from-options"), ENV_KEYS, {}, KEYCHAIN_KEYS)
    assert connection.credentials == Credentials(token="from-options")
    connection = resolve_connection(Options(), {ENV_TOKEN: "from-env"}, {}, KEYCHAIN_KEYS)
    assert connection.credentials == Credentials(token="from-env")


def test_keys_from_the_environment_are_checked() -> None:
    environ = {ENV_SECRET_KEY: "sk_test_a", ENV_PUBLISH_KEY: "pk_live_b"}
    connection = resolve_connection(Options(), environ, {})
    assert not connection.usable
    assert connection.problem is not None
    assert "live key but the secret key is a test key" in connection.problem


def test_half_a_key_pair_is_a_problem() -> None:
    connection = resolve_connection(Options(), {ENV_SECRET_KEY: "sk_test_a"}, {})
    assert not connection.usable
    assert connection.problem == "A publishable key starts with pk_test_ or pk_live_."


def test_keys_are_trimmed_when_resolved() -> None:
    environ = {ENV_SECRET_KEY: " sk_test_a\n", ENV_PUBLISH_KEY: "\tpk_test_b "}
    connection = resolve_connection(Options(), environ, {})
    assert connection.usable
    assert connection.credentials == Credentials(secret_key="sk_test_a", publish_key="pk_test_b")


# --- Timeouts and the CA bundle ---------------------------------------------------------------


def test_default_timeouts_and_no_ca_bundle() -> None:
    connection = resolve_connection(Options(token="t"), {}, {})
    assert (connection.connect_timeout, connection.read_timeout) == (CONNECT_TIMEOUT, READ_TIMEOUT)
    assert connection.ca_bundle is None


def test_stored_timeouts_are_used() -> None:
    stored = {"connect_timeout": "2.5", "read_timeout": "45"}
    connection = resolve_connection(Options(token="t"), {}, stored)
    assert connection.usable
    assert (connection.connect_timeout, connection.read_timeout) == (2.5, 45.0)


def test_environment_timeouts_win_over_stored_ones() -> None:
    environ = {ENV_TOKEN: "t", ENV_CONNECT_TIMEOUT: "1", ENV_READ_TIMEOUT: "0.5"}
    stored = {"connect_timeout": "2.5", "read_timeout": "45"}
    connection = resolve_connection(Options(), environ, stored)
    assert connection.usable
    assert (connection.connect_timeout, connection.read_timeout) == (1.0, 0.5)


def test_empty_timeouts_fall_through() -> None:
    environ = {ENV_TOKEN: "t", ENV_CONNECT_TIMEOUT: "", ENV_READ_TIMEOUT: ""}
    connection = resolve_connection(Options(), environ, {"read_timeout": "12"})
    assert (connection.connect_timeout, connection.read_timeout) == (CONNECT_TIMEOUT, 12.0)


@pytest.mark.parametrize(
    ("environ", "stored", "says"),
    [
        ({ENV_CONNECT_TIMEOUT: "soon"}, {}, "“soon” is not a number of seconds."),
        ({ENV_READ_TIMEOUT: "0"}, {}, "outside 0.1 to 600 s"),
        ({}, {"read_timeout": "601"}, "outside 0.1 to 600 s"),
        ({}, {"connect_timeout": "-1"}, "outside 0.1 to 600 s"),
        ({}, {"connect_timeout": "nan"}, "outside 0.1 to 600 s"),
        ({}, {"read_timeout": "inf"}, "outside 0.1 to 600 s"),
        ({}, {"read_timeout": "1e9"}, "outside 0.1 to 600 s"),
    ],
)
def test_bad_timeouts_are_a_problem(
    environ: dict[str, str], stored: dict[str, str], says: str
) -> None:
    connection = resolve_connection(Options(token="t"), environ, stored)
    assert not connection.usable
    assert connection.problem is not None
    assert says in connection.problem


def test_ca_bundle_comes_from_the_stored_settings() -> None:
    connection = resolve_connection(Options(token="t"), {}, {"ca_bundle": "/etc/corp/ca.pem"})
    assert connection.usable
    assert connection.ca_bundle == "/etc/corp/ca.pem"
    assert resolve_connection(Options(token="t"), {}, {"ca_bundle": ""}).ca_bundle is None
