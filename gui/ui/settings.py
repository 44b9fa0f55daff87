"""`AppSettings`: the few small values the app remembers between runs, never secrets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings

from gui.core import app_folders
from gui.core.app_folders import APPLICATION, ORGANIZATION
from gui.core.stored_connection import CONNECTION_KEYS

__all__ = ["APPLICATION", "CONNECTION_KEYS", "ORGANIZATION", "AppSettings", "identify_app"]

#: How many typed statuses the status list remembers.
_MAX_STATUSES = 20


class AppSettings:
    """QSettings in an INI file in the user's config folder, read per call.

    The folders come from `gui.core.app_folders` (QStandardPaths' locations, worked out without
    Qt), so the command line, which reads this file with `gui.core.stored_connection`, finds the
    same files as the window.
    """

    def __init__(self, path: Path | None = None) -> None:
        identify_app()
        if path is None:
            path = app_folders.settings_file()
        self.path = path
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    def stored_connection(self) -> dict[str, str]:
        """The stored connection values that are set (see CONNECTION_KEYS)."""
        values = {
            key: str(self._settings.value(f"connection/{key}", "", type=str))
            for key in CONNECTION_KEYS
        }
        return {key: value for key, value in values.items() if value}

    def store_connection(self, values: dict[str, str]) -> None:
        """Store the connection values; empty or missing ones are removed."""
        for key in CONNECTION_KEYS:
            if values.get(key):
                self._settings.setValue(f"connection/{key}", values[key])
            else:
                self._settings.remove(f"connection/{key}")

    def statuses(self) -> list[str]:
        """Statuses the user typed before, most recent first."""
        value = self._settings.value("form/statuses", [], type=list)
        return [str(status) for status in value if status] if isinstance(value, list) else []

    def remember_status(self, status: str) -> None:
        statuses = [status, *(known for known in self.statuses() if known != status)]
        self._settings.setValue("form/statuses", statuses[:_MAX_STATUSES])

    def language(self) -> str | None:
        """The language chosen in Settings ("en", "es"), or None to follow the system."""
        value = str(self._settings.value("ui/language", "", type=str))
        return value or None

    def set_language(self, code: str | None) -> None:
        """Remember `code` as the language; None follows the system's language."""
        if code:
            self._settings.setValue("ui/language", code)
        else:
            self._settings.remove("ui/language")

    def sync(self) -> None:
        self._settings.sync()

    @staticmethod
    def data_folder() -> Path:
        """Where the outbox, the draft and the logs live (QStandardPaths' AppDataLocation)."""
        identify_app()
        return app_folders.data_folder()


def identify_app() -> None:
    """The names QStandardPaths and QSettings build the app's folders from."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
