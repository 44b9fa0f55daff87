"""`AppSettings`: the few small values the app remembers between runs, never secrets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

#: How many typed statuses the status list remembers.
_MAX_STATUSES = 20


class AppSettings:
    """QSettings in an INI file in the user's config folder (QStandardPaths), read per call."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.AppConfigLocation
            )
            path = Path(folder) / "settings.ini"
        self.path = path
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    def stored_connection(self) -> dict[str, str]:
        """The stored API base, if any (the token never lives here)."""
        api_base = str(self._settings.value("connection/api_base", "", type=str))
        return {"api_base": api_base} if api_base else {}

    def statuses(self) -> list[str]:
        """Statuses the user typed before, most recent first."""
        value = self._settings.value("form/statuses", [], type=list)
        return [str(status) for status in value if status] if isinstance(value, list) else []

    def remember_status(self, status: str) -> None:
        statuses = [status, *(known for known in self.statuses() if known != status)]
        self._settings.setValue("form/statuses", statuses[:_MAX_STATUSES])

    def sync(self) -> None:
        self._settings.sync()
