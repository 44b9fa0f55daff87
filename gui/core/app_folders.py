"""Where the app keeps its files: the config folder (settings.ini) and the data folder (outbox,
draft, logs), without Qt.

The folders are the ones Qt's `QStandardPaths.writableLocation` gives for organisation
`ORGANIZATION` and application `APPLICATION` (AppConfigLocation and AppDataLocation), worked out
the way Qt 6 does on each system, so that the window (`gui.ui.settings.AppSettings`, which uses
these functions) and the command line (which must not load Qt) find the same files.
tests/ui/test_app_folders.py checks them against Qt on the platform the tests run on.

- Linux: ``$XDG_CONFIG_HOME`` and ``$XDG_DATA_HOME`` when they are absolute paths, else
  ``~/.config`` and ``~/.local/share``;
- Windows: the known folders LocalAppData (config, ``%LOCALAPPDATA%``) and RoamingAppData
  (data, ``%APPDATA%``);
- macOS: ``~/Library/Preferences`` (config) and ``~/Library/Application Support`` (data);

each followed by ``ParticleTickets/particle-tickets``. With `ENV_FOLDER` set, both are in that
folder instead, on every system.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

#: The names Qt builds the folders from (QCoreApplication's organisation and application name).
ORGANIZATION = "ParticleTickets"
APPLICATION = "particle-tickets"

#: Keeps the app's files (settings, outbox, draft, logs) in a folder of their own: ``config/``
#: and ``data/`` in it. The self-test and tools/screenshots set it so that they never touch the
#: user's files; Qt's test mode cannot do that, since the folders are worked out here.
ENV_FOLDER = "PARTICLE_TICKETS_FOLDER"

#: The window's settings (QSettings, IniFormat) in the config folder.
SETTINGS_FILE_NAME = "settings.ini"
#: The outbox in the data folder, shared by the window and the command line.
OUTBOX_FILE_NAME = "outbox.sqlite3"

# Windows' known folders (SHGetKnownFolderPath), as Qt maps the two locations.
_FOLDERID_LOCAL_APP_DATA = "F1B32785-6FBA-4FCF-9D55-7B8E7F157091"
_FOLDERID_ROAMING_APP_DATA = "3EB685DB-65F9-4CF6-A03A-E3EF65729F3D"


def config_folder(environ: Mapping[str, str] | None = None) -> Path:
    """QStandardPaths' AppConfigLocation for this app: where settings.ini lives."""
    environ = os.environ if environ is None else environ
    if environ.get(ENV_FOLDER):
        return Path(environ[ENV_FOLDER], "config")
    if sys.platform == "win32":
        base = _windows_folder(_FOLDERID_LOCAL_APP_DATA, "LOCALAPPDATA", environ)
    elif sys.platform == "darwin":
        base = _mac_home(environ) + "/Library/Preferences"
    else:
        base = _xdg_home(environ, "XDG_CONFIG_HOME", "/.config")
    return Path(base, ORGANIZATION, APPLICATION)


def data_folder(environ: Mapping[str, str] | None = None) -> Path:
    """QStandardPaths' AppDataLocation for this app: the outbox, the draft and the logs."""
    environ = os.environ if environ is None else environ
    if environ.get(ENV_FOLDER):
        return Path(environ[ENV_FOLDER], "data")
    if sys.platform == "win32":
        base = _windows_folder(_FOLDERID_ROAMING_APP_DATA, "APPDATA", environ)
    elif sys.platform == "darwin":
        base = _mac_home(environ) + "/Library/Application Support"
    else:
        base = _xdg_home(environ, "XDG_DATA_HOME", "/.local/share")
    return Path(base, ORGANIZATION, APPLICATION)


def settings_file(environ: Mapping[str, str] | None = None) -> Path:
    """The window's settings file."""
    return config_folder(environ) / SETTINGS_FILE_NAME


def _xdg_home(environ: Mapping[str, str], variable: str, default: str) -> str:
    """An XDG base folder as Qt reads it: the variable if it is an absolute path (Qt ignores
    an empty or relative one), else the default under the home folder."""
    value = environ.get(variable, "")
    if value.startswith("/"):
        return value
    return _unix_home(environ) + default


def _unix_home(environ: Mapping[str, str]) -> str:
    """QDir::homePath() on Linux: $HOME cleaned as QDir::cleanPath does, or "/" when it is empty
    (Qt then gives "//.config", which the caller's concatenation reproduces)."""
    home = environ.get("HOME", "")
    if not home:
        return "/"
    cleaned = os.path.normpath(home)  # keeps a leading "//", which cleanPath does not
    return cleaned[1:] if cleaned.startswith("//") else cleaned


def _mac_home(environ: Mapping[str, str]) -> str:
    """The home folder as macOS' NSSearchPathForDirectoriesInDomains (which Qt uses) sees it:
    CoreFoundation's CFFIXED_USER_HOME if set, else the account's home, not $HOME."""
    fixed = environ.get("CFFIXED_USER_HOME", "")
    if fixed:
        return fixed
    import pwd

    return pwd.getpwuid(os.getuid()).pw_dir


def _windows_folder(folder_id: str, variable: str, environ: Mapping[str, str]) -> str:
    """A known folder as Qt asks Windows for it (SHGetKnownFolderPath); the environment variable
    Windows sets from the same folder if the call fails."""
    if sys.platform == "win32":  # narrows the ctypes calls for mypy on other systems
        import ctypes
        import uuid
        from ctypes import wintypes

        class Guid(ctypes.Structure):
            _fields_ = [
                ("data1", wintypes.DWORD),
                ("data2", wintypes.WORD),
                ("data3", wintypes.WORD),
                ("data4", ctypes.c_ubyte * 8),
            ]

        kf_flag_dont_verify = 0x4000
        guid = Guid.from_buffer_copy(uuid.UUID(folder_id).bytes_le)
        path = ctypes.c_wchar_p()
        shell32 = ctypes.windll.shell32
        shell32.SHGetKnownFolderPath.argtypes = [
            ctypes.POINTER(Guid),
            wintypes.DWORD,
            wintypes.HANDLE,
            ctypes.POINTER(ctypes.c_wchar_p),
        ]
        shell32.SHGetKnownFolderPath.restype = ctypes.c_long
        status = shell32.SHGetKnownFolderPath(
            ctypes.byref(guid), kf_flag_dont_verify, None, ctypes.byref(path)
        )
        try:
            if status == 0 and path.value:
                return path.value
        finally:
            ctypes.windll.ole32.CoTaskMemFree(path)
    return environ.get(variable, "")
