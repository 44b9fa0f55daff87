"""`Keychain` over an in-memory keyring backend, a refusing one, and keyring's "fail" backend."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from keyring.backends import fail, null
from keyring.errors import KeyringError, KeyringLocked, PasswordDeleteError, PasswordSetError

from gui.core.credentials import Credentials
from gui.core.errors import KeychainError
from gui.core.keychain import SERVICE, Keychain, default_backend
from tests.memory_keyring import MemoryKeyring

KEYS = Credentials(secret_key="sk_test_kc_secret", publish_key="pk_test_kc_publish")
TOKEN = Credentials(token="kc-token-0123456789")
ALL = Credentials("kc-token-0123456789", "sk_test_a", "pk_test_b")


def xdg_files() -> list[Path]:
    """Every file under the test's private XDG folders (conftest points them at tmp)."""
    found: list[Path] = []
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        found += [path for path in Path(os.environ[name]).rglob("*") if path.is_file()]
    return found


class RefusingKeyring(MemoryKeyring):
    """A keychain that refuses every call the way a locked or broken one does."""

    def __init__(self, error: KeyringError) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error

    def delete_password(self, service: str, username: str) -> None:
        raise self.error


@pytest.fixture
def backend() -> MemoryKeyring:
    return MemoryKeyring()


def test_round_trip(backend: MemoryKeyring) -> None:
    keychain = Keychain(backend)
    assert keychain.available
    assert keychain.load() == Credentials()
    keychain.save(KEYS)
    assert backend.stored == {
        (SERVICE, "secret_key"): "sk_test_kc_secret",
        (SERVICE, "publish_key"): "pk_test_kc_publish",
    }
    assert keychain.load() == KEYS
    assert Keychain(backend).load() == KEYS  # another Keychain (a later start) reads the same
    keychain.delete()
    assert backend.stored == {}
    assert keychain.load() == Credentials()
    assert xdg_files() == []


def test_saving_empty_entries_deletes_them(backend: MemoryKeyring) -> None:
    keychain = Keychain(backend)
    keychain.save(ALL)
    keychain.save(TOKEN)  # switching from keys to a token leaves no keys behind
    assert backend.stored == {(SERVICE, "token"): "kc-token-0123456789"}
    assert keychain.load() == TOKEN
    keychain.save(Credentials())
    assert backend.stored == {}


def test_delete_when_nothing_is_stored(backend: MemoryKeyring) -> None:
    keychain = Keychain(backend)
    keychain.delete()  # "not there" is not an error
    keychain.save(Credentials())
    assert backend.stored == {}


def test_other_services_entries_are_left_alone(backend: MemoryKeyring) -> None:
    backend.set_password("Another App", "token", "theirs")
    keychain = Keychain(backend)
    keychain.save(KEYS)
    keychain.delete()
    assert backend.stored == {("Another App", "token"): "theirs"}


def test_backend_name(backend: MemoryKeyring) -> None:
    assert Keychain(backend).backend_name == "tests.memory_keyring.MemoryKeyring"


@pytest.mark.parametrize(
    ("call", "verb"),
    [
        (lambda keychain: keychain.load(), "read"),
        (lambda keychain: keychain.save(ALL), "store"),
        (lambda keychain: keychain.delete(), "remove"),
    ],
)
@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (KeyringError("the keychain daemon is not running"), "the keychain daemon is not running"),
        (PasswordSetError("Failed to unlock the collection!"), "Failed to unlock the collection!"),
        (KeyringLocked(), "KeyringLocked"),  # no text of its own: its name says what happened
    ],
)
def test_keyring_errors_become_a_plain_message(
    call: Callable[[Keychain], object], verb: str, error: KeyringError, reason: str
) -> None:
    keychain = Keychain(RefusingKeyring(error))
    with pytest.raises(KeychainError) as caught:
        call(keychain)
    message = caught.value.message
    assert message.startswith(f"The keychain refused to {verb} your keys")
    assert reason in message
    assert "Traceback" not in message
    assert caught.value.__cause__ is error


def test_a_failed_delete_of_a_stored_entry_is_reported() -> None:
    # PasswordDeleteError means "not there" and is ignored; any other refusal is not.
    keychain = Keychain(RefusingKeyring(KeyringLocked("locked")))
    with pytest.raises(KeychainError, match="refused to remove your keys") as caught:
        keychain.save(Credentials())
    assert "locked" in caught.value.message


def test_not_there_is_ignored_but_only_on_delete() -> None:
    keychain = Keychain(RefusingKeyring(PasswordDeleteError("not found")))
    keychain.delete()
    with pytest.raises(KeychainError, match="refused to read your keys"):
        keychain.load()


@pytest.mark.parametrize("no_keychain", [fail.Keyring, null.Keyring])
def test_without_a_keychain_the_keys_live_for_this_session_only(
    no_keychain: type[fail.Keyring] | type[null.Keyring],
) -> None:
    keychain = Keychain(no_keychain())
    assert not keychain.available
    assert keychain.load() == Credentials()
    keychain.save(KEYS)
    assert keychain.load() == KEYS
    assert Keychain(no_keychain()).load() == Credentials()  # the next start has nothing
    assert xdg_files() == []  # never a plain file instead
    keychain.delete()
    assert keychain.load() == Credentials()


def test_the_default_backend_is_keyrings_choice(memory_keyring: MemoryKeyring) -> None:
    # conftest installs an in-memory backend as keyring's choice for every test.
    keychain = Keychain()
    keychain.save(TOKEN)
    assert memory_keyring.stored == {(SERVICE, "token"): "kc-token-0123456789"}
    assert keychain.backend_name == "tests.memory_keyring.MemoryKeyring"


def test_the_packaged_app_falls_back_to_no_keychain_without_a_secret_service(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", "/nonexistent")  # no session bus to find
    assert type(default_backend()) is fail.Keyring
