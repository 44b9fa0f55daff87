"""Storing, reading and deleting the credentials through the Secret Service, the path a Linux
desktop takes (see conftest.py for when these run)."""

from __future__ import annotations

import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.backends import SecretService

from gui.core import keychain
from gui.core.credentials import Credentials
from gui.core.keychain import Keychain

KEYS = Credentials(secret_key="sk_test_DBus0123456789", publish_key="pk_test_DBus0123456789")
ALL = Credentials("dbus-token-0123456789", "sk_test_DBus0123456789", "pk_test_DBus0123456789")


def test_the_secret_service_is_a_real_keychain(secret_service: KeyringBackend) -> None:
    chain = Keychain(secret_service)
    assert chain.available
    assert chain.backend_name == "keyring.backends.SecretService.Keyring"


def test_store_read_delete(secret_service: KeyringBackend) -> None:
    chain = Keychain(secret_service)
    assert chain.load() == Credentials()
    chain.save(KEYS)
    # Another Keychain over a new connection (as at the next start) reads the same entries,
    # and they are in the service under the app's name, one entry per credential.
    assert Keychain(SecretService.Keyring()).load() == KEYS
    assert secret_service.get_password(keychain.SERVICE, "secret_key") == KEYS.secret_key
    assert secret_service.get_password(keychain.SERVICE, "publish_key") == KEYS.publish_key
    assert secret_service.get_password(keychain.SERVICE, "token") is None
    chain.delete()
    assert chain.load() == Credentials()
    assert secret_service.get_password(keychain.SERVICE, "secret_key") is None


def test_empty_entries_are_deleted(secret_service: KeyringBackend) -> None:
    chain = Keychain(secret_service)
    chain.save(ALL)
    assert chain.load() == ALL
    chain.save(Credentials(token=ALL.token))
    assert chain.load() == Credentials(token=ALL.token)
    assert secret_service.get_password(keychain.SERVICE, "secret_key") is None


def test_nothing_is_written_to_the_apps_folders(secret_service: KeyringBackend) -> None:
    Keychain(secret_service).save(ALL)
    names = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")
    assert [path for name in names for path in Path(os.environ[name]).rglob("*")] == []


def test_the_packaged_app_names_the_secret_service(
    secret_service: KeyringBackend, monkeypatch
) -> None:
    # A PyInstaller bundle may lack keyring's entry points; it names the backend instead.
    monkeypatch.setattr("sys.frozen", True, raising=False)
    assert type(keychain.default_backend()) is SecretService.Keyring
