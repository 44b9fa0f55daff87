"""`Keychain`: the credentials in the OS keychain, through `keyring`; never in a file.

Windows Credential Manager, the macOS Keychain or the Secret Service on Linux desktops. Where
keyring finds none (a headless Linux box) the keychain is "unavailable": it keeps what it is
given in memory for this session only and writes nothing anywhere.

Every call can block (a locked keychain waits for its unlock prompt) and `keyring` takes ~50 ms
to import: call this from a worker thread, never the GUI thread.
"""

from __future__ import annotations

import logging
import sys
import threading
from typing import TYPE_CHECKING

from gui.core.credentials import Credentials
from gui.core.errors import KeychainError
from gui.core.messages import QT_TRANSLATE_NOOP, plain

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

#: The keychain entries' service name; each credential is one entry under it.
SERVICE = "Particle Tickets"
#: How long the window waits for the keychain (it may be waiting for its unlock prompt).
KEYCHAIN_WAIT_SECONDS = 15.0
_ENTRIES = ("token", "secret_key", "publish_key")
#: What the user reads when the keychain refuses to read, store or remove the keys.
_REFUSED = {
    "read": QT_TRANSLATE_NOOP("keychain", "The keychain refused to read your keys ({reason})."),
    "store": QT_TRANSLATE_NOOP("keychain", "The keychain refused to store your keys ({reason})."),
    "remove": QT_TRANSLATE_NOOP("keychain", "The keychain refused to remove your keys ({reason})."),
}


class Keychain:
    """Loads, saves and deletes the app's credentials; thread-safe."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend
        self._lock = threading.Lock()
        self._session = Credentials()  # used only where no keychain exists

    @property
    def available(self) -> bool:
        """Whether a real keychain is there (not keyring's "fail" or "null" backend)."""
        from keyring.backends import fail, null

        return not isinstance(self._keyring(), fail.Keyring | null.Keyring)

    @property
    def backend_name(self) -> str:
        backend = self._keyring()
        return f"{type(backend).__module__}.{type(backend).__name__}"

    def load(self) -> Credentials:
        with self._lock:
            if not self.available:
                return self._session
            return Credentials(
                *(self._call("read", "get_password", entry) or "" for entry in _ENTRIES)
            )

    def save(self, credentials: Credentials) -> None:
        """Store the given credentials; entries given empty are deleted."""
        with self._lock:
            if not self.available:
                self._session = credentials
                return
            for entry, value in zip(_ENTRIES, credentials, strict=True):
                if value:
                    self._call("store", "set_password", entry, value)
                else:
                    self._delete(entry)

    def delete(self) -> None:
        """Remove every stored credential."""
        with self._lock:
            self._session = Credentials()
            if self.available:
                for entry in _ENTRIES:
                    self._delete(entry)

    def _delete(self, entry: str) -> None:
        from keyring.errors import PasswordDeleteError

        try:
            self._call("remove", "delete_password", entry)
        except KeychainError as error:
            if not isinstance(error.__cause__, PasswordDeleteError):  # "not there" is fine
                raise

    def _call(self, verb: str, method: str, *args: str) -> str | None:
        """keyring's `method`; a KeyringError becomes a KeychainError saying it could not `verb`."""
        from keyring.errors import KeyringError

        try:
            result: str | None = getattr(self._keyring(), method)(SERVICE, *args)
        except KeyringError as error:
            reason = plain(str(error) or type(error).__name__)  # the keychain's own words
            raise KeychainError(_REFUSED[verb].format(reason=reason)) from error
        return result

    def _keyring(self) -> KeyringBackend:
        if self._backend is None:
            self._backend = default_backend()
        return self._backend


def default_backend() -> KeyringBackend:
    """keyring's own choice; in the packaged app, the OS's keychain by name.

    keyring finds backends through package entry points, which a PyInstaller bundle may not
    carry, and silently falls back to its "fail" backend. The bundle names the backend of its
    OS instead: Credential Manager, the macOS Keychain, or the Secret Service (falling back to
    "fail" only where no Secret Service answers, as on a headless box).
    """
    import keyring

    if not getattr(sys, "frozen", False):
        return keyring.get_keyring()
    from keyring.backends import fail

    try:
        if sys.platform == "win32":
            from keyring.backends.Windows import WinVaultKeyring

            return WinVaultKeyring()
        if sys.platform == "darwin":
            from keyring.backends.macOS import Keyring as MacKeyring

            return MacKeyring()  # type: ignore[no-untyped-call]
        from keyring.backends.SecretService import Keyring as SecretServiceKeyring

        backend = SecretServiceKeyring()  # type: ignore[no-untyped-call]
        backend.priority  # noqa: B018 - raises when no Secret Service answers on the bus
        return backend
    except Exception as error:  # keyring's backends signal "not here" with any exception
        log.info("no keychain: %s", error)
        return fail.Keyring()  # type: ignore[no-untyped-call]
