"""Credentials as typed: test or live mode from the keys, mixed pairs, prefixes, and values that
could not travel in a form field or a header."""

from __future__ import annotations

import pytest

from gui.core.credentials import Credentials, Mode, check_credentials
from gui.core.errors import FieldError, InvalidCredentials

# --- Checking credentials ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("secret_key", "publish_key", "mode"),
    [
        ("sk_test_abc", "pk_test_def", Mode.TEST),
        ("sk_live_abc", "pk_live_def", Mode.LIVE),
    ],
)
def test_key_pairs_have_the_mode_of_their_secret_key(
    secret_key: str, publish_key: str, mode: Mode
) -> None:
    credentials = check_credentials(Credentials(secret_key=secret_key, publish_key=publish_key))
    assert credentials.mode is mode
    assert credentials.uses_keys
    assert not credentials.empty


def test_a_token_alone_has_no_mode() -> None:
    credentials = check_credentials(Credentials(token="sk_test_looks_like_a_key"))
    assert credentials.mode is None
    assert not credentials.uses_keys


@pytest.mark.parametrize(
    ("secret_key", "publish_key", "secret_mode", "publish_mode"),
    [("sk_test_a", "pk_live_b", "test", "live"), ("sk_live_a", "pk_test_b", "live", "test")],
)
def test_a_mixed_pair_is_refused_on_the_publishable_key(
    secret_key: str, publish_key: str, secret_mode: str, publish_mode: str
) -> None:
    with pytest.raises(InvalidCredentials) as caught:
        check_credentials(Credentials(secret_key=secret_key, publish_key=publish_key))
    message = (
        f"This is a {publish_mode} key but the secret key is a {secret_mode} key: "
        "use the two keys of one pair."
    )
    assert caught.value.field_errors == (FieldError("publishKey", message),)
    assert caught.value.message == message


@pytest.mark.parametrize(
    ("secret_key", "publish_key", "fields"),
    [
        ("abc", "pk_test_b", ["secretKey"]),
        ("sk_test_a", "abc", ["publishKey"]),
        ("pk_test_a", "sk_test_b", ["secretKey", "publishKey"]),  # swapped
        ("sk_test_", "pk_test_", ["secretKey", "publishKey"]),  # a prefix alone
        ("sk_prod_a", "pk_prod_b", ["secretKey", "publishKey"]),
        ("sk_test_a", "", ["publishKey"]),
        ("", "pk_test_b", ["secretKey"]),
    ],
)
def test_keys_without_their_prefix_are_refused(
    secret_key: str, publish_key: str, fields: list[str]
) -> None:
    with pytest.raises(InvalidCredentials) as caught:
        check_credentials(Credentials(secret_key=secret_key, publish_key=publish_key))
    assert [error.field for error in caught.value.field_errors] == fields
    assert all("starts with" in error.message for error in caught.value.field_errors)


@pytest.mark.parametrize(
    "bad", ["a\r\nX-Evil: 1", "a\nb", "a\rb", "a b", "a\tb", "a\x00b", "a\x7fb", "a\x85b"]
)
@pytest.mark.parametrize("field", ["token", "secretKey", "publishKey"])
def test_unprintable_characters_are_refused_on_their_field(bad: str, field: str) -> None:
    values = {"token": "", "secretKey": "sk_test_ok", "publishKey": "pk_test_ok"}
    if field == "token":
        values = {"token": bad, "secretKey": "", "publishKey": ""}
    else:
        values[field] = values[field] + bad
    credentials = Credentials(values["token"], values["secretKey"], values["publishKey"])
    with pytest.raises(InvalidCredentials) as caught:
        check_credentials(credentials)
    assert caught.value.field_errors == (
        FieldError(field, "This contains spaces, line breaks or control characters."),
    )


def test_every_bad_field_is_named() -> None:
    with pytest.raises(InvalidCredentials) as caught:
        check_credentials(Credentials("t\n1", "sk_test_\x00", "pk test"))
    assert [error.field for error in caught.value.field_errors] == [
        "token",
        "secretKey",
        "publishKey",
    ]


def test_secrets_lists_every_value_held() -> None:
    assert Credentials("t0k3n", "sk_test_a", "").secrets() == ("t0k3n", "sk_test_a")
    assert Credentials().secrets() == ()
    assert Credentials().empty


@pytest.mark.parametrize("token", ["tok\u2028en", "tok\u20acen", "tok\u00a0en"])
def test_tokens_outside_printable_ascii_are_refused(token: str) -> None:
    with pytest.raises(InvalidCredentials):
        check_credentials(Credentials(token=token))
