"""Where the app keeps its files, without Qt: the config folder (preferences, the window's own
state) and the data folder (outbox, draft, logs).

The system's per-user folders come from `platformdirs`, so the window and the command line find
the same files. Each is the system's base folder followed by ``ParticleTickets/particle-tickets``
(`ORGANIZATION`, `APPLICATION`), the layout 0.1.0 had from Qt's QStandardPaths:

============  ==========================================  =====================================
system        config folder (`config_folder`)             data folder (`data_folder`)
============  ==========================================  =====================================
Linux         ``$XDG_CONFIG_HOME`` or ``~/.config``       ``$XDG_DATA_HOME`` or ``~/.local/share``
Windows       ``%LOCALAPPDATA%``                          ``%APPDATA%`` (roaming)
macOS         ``~/Library/Application Support`` (or       ``~/Library/Application Support``
              ``$XDG_CONFIG_HOME``, as platformdirs says)
============  ==========================================  =====================================

The data folder is exactly 0.1.0's (Qt's AppDataLocation), so an existing outbox, draft and log
are found where they are; tests/ui/test_app_folders.py checks it against Qt. On macOS it is
built here rather than asked of platformdirs, which follows ``$XDG_DATA_HOME`` there when it is
set while Qt never did. The config folder is 0.1.0's on Linux and Windows; on macOS 0.1.0 kept
settings.ini in ``~/Library/Preferences`` (`settings_file_0_1_0` knows where, for the one-time
move of its values: gui.core.preferences).

Folders differ from 0.1.0's only where the environment is broken: with ``$HOME`` empty, unset or
relative, platformdirs takes the account's home folder where Qt took ``/`` or the relative path.

With `ENV_FOLDER` set, the files are in ``config/`` and ``data/`` of that folder instead, on
every system (0.1.0's settings.ini included: ``config/settings.ini``). `environ` decides only
that; the system folders follow the process environment (platformdirs reads ``os.environ``).

On Linux, where the rule is the XDG one, an environment with nothing unusual in it (each XDG
variable unset, empty or an absolute path; ``$HOME`` an absolute path) is answered here without
importing platformdirs, which costs 3 ms of every start before the first paint. Anything else
(a relative or ``~`` value, no ``$HOME``) goes to platformdirs. tests/unit/test_app_folders.py
checks the two agree, over every such environment, with the platformdirs installed.
"""

from __future__ import annotations

import os
import posixpath
import sys
from collections.abc import Mapping
from pathlib import Path

#: The names 0.1.0 gave Qt (QCoreApplication's organisation and application name); the folders
#: are still built from them.
ORGANIZATION = "ParticleTickets"
APPLICATION = "particle-tickets"

#: Keeps the app's files (preferences, outbox, draft, logs) in a folder of their own: ``config/``
#: and ``data/`` in it. The self-test and tools/screenshots set it so that they never touch the
#: user's files.
ENV_FOLDER = "PARTICLE_TICKETS_FOLDER"

#: The connection settings and the language, in the config folder (gui.core.preferences).
PREFERENCES_FILE_NAME = "preferences.ini"
#: What is the window's alone (geometry, dock state): QSettings, IniFormat, in the config folder.
WINDOW_STATE_FILE_NAME = "window.ini"
#: 0.1.0's QSettings file (connection values, language, typed statuses).
SETTINGS_FILE_NAME = "settings.ini"
#: The outbox in the data folder, shared by the window and the command line.
OUTBOX_FILE_NAME = "outbox.sqlite3"
#: The unsent form, in the data folder.
DRAFT_FILE_NAME = "draft.json"
#: The log files' folder, in the data folder.
LOGS_FOLDER_NAME = "logs"
#: The built-in sandbox's own outbox and draft, in the data folder: what is tried there never
#: meets the real service's updates, and theirs never show up in the sandbox.
SANDBOX_FOLDER_NAME = "sandbox"


def config_folder(environ: Mapping[str, str] | None = None) -> Path:
    """The app's folder in the user's config folder: the preferences and the window's state."""
    own = _own_folder(environ, "config")
    if own is not None:
        return own
    base = _plain_xdg_home("XDG_CONFIG_HOME", "~/.config")
    if base is None:
        import platformdirs  # here: importing this module for its names costs nothing

        base = platformdirs.user_config_path()
    return base / ORGANIZATION / APPLICATION


def data_folder(environ: Mapping[str, str] | None = None) -> Path:
    """The app's folder in the user's data folder: the outbox, the draft and the logs, where
    0.1.0 kept them (Qt's AppDataLocation)."""
    own = _own_folder(environ, "data")
    if own is not None:
        return own
    if sys.platform == "darwin":
        base = _mac_library("Application Support")
    elif (plain := _plain_xdg_home("XDG_DATA_HOME", "~/.local/share")) is not None:
        base = plain
    else:
        import platformdirs

        # No app name: platformdirs would add it once on Linux, twice on Windows; 0.1.0 had
        # organisation then application everywhere. Roaming: Qt's AppDataLocation on Windows.
        base = platformdirs.user_data_path(roaming=True)
    return base / ORGANIZATION / APPLICATION


def sandbox_data_folder(environ: Mapping[str, str] | None = None) -> Path:
    """The sandbox's data folder (its outbox and draft), inside `data_folder`."""
    return data_folder(environ) / SANDBOX_FOLDER_NAME


def preferences_file(environ: Mapping[str, str] | None = None) -> Path:
    """The connection settings and the language (gui.core.preferences reads and writes it)."""
    return config_folder(environ) / PREFERENCES_FILE_NAME


def window_state_file(environ: Mapping[str, str] | None = None) -> Path:
    """The window's own QSettings file (geometry, dock state)."""
    return config_folder(environ) / WINDOW_STATE_FILE_NAME


def settings_file_0_1_0(environ: Mapping[str, str] | None = None) -> Path:
    """Where 0.1.0 kept settings.ini (Qt's AppConfigLocation): the config folder, except on
    macOS, where it was in ``~/Library/Preferences``."""
    own = _own_folder(environ, "config")
    if own is not None:
        folder = own
    elif sys.platform == "darwin":
        folder = _mac_library("Preferences") / ORGANIZATION / APPLICATION
    else:
        folder = config_folder(environ)
    return folder / SETTINGS_FILE_NAME


def _own_folder(environ: Mapping[str, str] | None, name: str) -> Path | None:
    """``<ENV_FOLDER>/<name>`` when `ENV_FOLDER` is set."""
    environ = os.environ if environ is None else environ
    folder = environ.get(ENV_FOLDER)
    return Path(folder, name) if folder else None


def _plain_xdg_home(variable: str, default: str) -> Path | None:
    """On Linux, the XDG base folder `variable` names (``$XDG_CONFIG_HOME``), or `default`
    (``~/.config``) in the home folder when it is unset or empty: what platformdirs gives when
    both are plain absolute paths. None when anything is unusual: platformdirs decides then."""
    if not sys.platform.startswith("linux"):
        return None
    value = os.environ.get(variable, "")
    if value:
        return Path(value) if _plain_absolute(value) else None
    home = os.environ.get("HOME", "")
    return Path(os.path.expanduser(default)) if _plain_absolute(home) else None


def _plain_absolute(path: str) -> bool:
    """An absolute POSIX path with no space around it (platformdirs releases differ on those)."""
    return posixpath.isabs(path) and path == path.strip()


def _mac_library(name: str) -> Path:
    """A folder of the user's ``~/Library``, with the home folder as platformdirs finds it
    (``$HOME``; Qt asked macOS, which gives the same unless ``$HOME`` was changed by hand)."""
    return Path.home() / "Library" / name
