"""`AppSettings`: what the app remembers between runs, never a secret.

Two files, each owned by the part that needs it:

- the preferences (API address, timeouts, CA bundle, SMS region, language) are the core's
  preferences.ini (gui/core/preferences.py), which the command line reads too;
- what is the window's alone (the statuses typed before, where the window and its panels
  were) is window.ini, through QSettings.

Both live in the config folder of `gui.core.app_folders`, readable by the user only (see
gui/core/private_files.py). Reading happens once, at start-up; a change is kept in memory at
once and written by a worker thread, so the GUI thread never waits for the disk.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal

from gui.core import app_folders
from gui.core.app_folders import APPLICATION, ORGANIZATION
from gui.core.errors import ConfigurationError
from gui.core.preferences import CONNECTION_KEYS, Preferences, load_preferences
from gui.ui.worker import JobRunner

if TYPE_CHECKING:
    from PySide6.QtCore import QByteArray
    from PySide6.QtWidgets import QMainWindow

__all__ = ["APPLICATION", "CONNECTION_KEYS", "ORGANIZATION", "AppSettings", "identify_app"]

log = logging.getLogger(__name__)

#: How many typed statuses the status list remembers.
_MAX_STATUSES = 20
#: How long `sync` waits for the preferences to be written, in milliseconds.
_SYNC_WAIT_MS = 5000


class AppSettings(QObject):
    """The preferences and the window's own state, read at construction.

    `problem` is set when preferences.ini could not be read: the window then says so and
    sends nothing until Settings saves good values (which clears it).

    Signals:
        failed(Message): the preferences could not be written; says why.
    """

    failed = Signal(object)

    def __init__(self, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        identify_app()
        self.problem: str | None = None  # a Message
        try:
            self._preferences = load_preferences()
        except ConfigurationError as error:
            log.warning("the preferences could not be read: %s", error.message)
            self.problem = error.message
            self._preferences = Preferences()
        state_file = app_folders.window_state_file()
        first_start = not state_file.exists()
        if first_start:
            _create_private(state_file)
        self._window = QSettings(str(state_file), QSettings.Format.IniFormat)
        if first_start:
            self._move_statuses_of_0_1_0()
        self._writer = JobRunner(threads=1, parent=self)  # one thread: writes land in order

    # --- The preferences (preferences.ini) ---------------------------------------------------

    @property
    def preferences(self) -> Preferences:
        return self._preferences

    def stored_connection(self) -> dict[str, str]:
        """The stored connection values that are set (see CONNECTION_KEYS)."""
        return self._preferences.connection()

    def sms_region(self) -> str:
        """Where phone numbers without a +country code are (Settings' SMS region)."""
        from gui.core.contacts import DEFAULT_REGION

        return self._preferences.connection().get("sms_region", DEFAULT_REGION)

    def store_connection(self, values: dict[str, str]) -> None:
        """Store the connection values; empty or missing ones are removed. A value that
        cannot be kept (one that looks like a key) is refused through `failed`."""
        try:
            preferences = self._preferences.with_values(
                {key: values.get(key, "") for key in CONNECTION_KEYS}
            )
        except ConfigurationError as error:
            self.failed.emit(error.message)
            return
        self._save(preferences)

    def language(self) -> str | None:
        """The language chosen in Settings ("en", "es"), or None to follow the system."""
        return self._preferences.language or None

    def set_language(self, code: str | None) -> None:
        """Remember `code` as the language; None follows the system's language."""
        self._save(self._preferences._replace(language=code or ""))

    def sync(self) -> None:
        """Wait (bounded) until every change is on disk."""
        if not self._writer.wait(_SYNC_WAIT_MS):
            log.warning("the preferences were still being written")
        self._window.sync()

    def _save(self, preferences: Preferences) -> None:
        from gui.core.preferences import save_preferences

        self._preferences = preferences
        self.problem = None  # what is in memory now is what the user chose
        self._writer.run(
            lambda: save_preferences(preferences), lambda _none: None, self._on_write_failed
        )

    def _on_write_failed(self, error: Exception) -> None:
        log.warning("the preferences could not be written: %s", error)
        if isinstance(error, ConfigurationError):
            self.failed.emit(error.message)

    # --- The window's own state (window.ini) -------------------------------------------------

    def statuses(self) -> list[str]:
        """Statuses the user typed before, most recent first."""
        value = self._window.value("form/statuses", [], type=list)
        return [str(status) for status in value if status] if isinstance(value, list) else []

    def remember_status(self, status: str) -> None:
        statuses = [status, *(known for known in self.statuses() if known != status)]
        self._window.setValue("form/statuses", statuses[:_MAX_STATUSES])

    def window_state(self) -> tuple[QByteArray, QByteArray]:
        """Where the window was (`QWidget.saveGeometry`) and how its panels were docked
        (`QMainWindow.saveState`); empty when nothing was saved."""
        return self._bytes("window/geometry"), self._bytes("window/state")

    def restore_window(self, window: QMainWindow) -> None:
        """Put `window` where it was and dock its panels as they were (`window_state`)."""
        geometry, docks = self.window_state()
        if not geometry.isEmpty():
            window.restoreGeometry(geometry)
        if not docks.isEmpty():
            window.restoreState(docks)

    def _bytes(self, key: str) -> QByteArray:
        from PySide6.QtCore import QByteArray

        value = self._window.value(key, QByteArray(), type=QByteArray)
        return value if isinstance(value, QByteArray) else QByteArray()

    def remember_window_state(self, geometry: QByteArray, docks: QByteArray) -> None:
        self._window.setValue("window/geometry", geometry)
        self._window.setValue("window/state", docks)

    def keys_saved(self) -> bool:
        """Whether the keychain held keys the last time the window looked (or saved some): the
        window then opens on the ticket form while it reads them, not on the sign-in page."""
        return bool(self._window.value("signIn/keysSaved", False, type=bool))

    def remember_keys_saved(self, saved: bool) -> None:
        self._window.setValue("signIn/keysSaved", saved)

    def _move_statuses_of_0_1_0(self) -> None:
        """The statuses typed in 0.1.0, from its settings.ini (QSettings reads its own file)."""
        old = app_folders.settings_file_0_1_0()
        if old.exists():
            value = QSettings(str(old), QSettings.Format.IniFormat).value("form/statuses", [])
            statuses = value if isinstance(value, list) else [value] if value else []
            self._window.setValue("form/statuses", [str(status) for status in statuses])
            # Now, not at the next turn of the event loop: window.ini exists from the first
            # start on (`_create_private`), so a crash before it held them would lose them.
            self._window.sync()

    @staticmethod
    def data_folder() -> Path:
        """Where the outbox, the draft and the logs live."""
        return app_folders.data_folder()


def _create_private(state_file: Path) -> None:
    """window.ini, empty, 0600 in a 0700 config folder, before QSettings writes it: QSettings
    creates a missing folder and file with the umask's permissions (0755, 0644) but gives a
    file it replaces the mode that file had. Once, at the first start (a few microseconds)."""
    from gui.core.private_files import create_private_file

    try:
        create_private_file(state_file)
    except OSError as error:  # QSettings will not write there either; the window works on
        log.warning("could not create %s: %s", state_file, error.strerror or error)


def identify_app() -> None:
    """The names Qt builds the app's identity from (Wayland's app id, the log's name)."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
