"""The Qt-free folders (gui.core.app_folders) are the ones QStandardPaths gives the window.

The command line finds settings.ini and the outbox with gui.core.app_folders, the window through
AppSettings, which uses the same functions; this checks them against Qt itself on the platform
the tests run on, for the environments a user may have.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from gui.core import app_folders
from gui.ui.settings import AppSettings, identify_app

Location = QStandardPaths.StandardLocation

LINUX_ENVIRONMENTS = {
    "XDG variables set": {"HOME": "/home/ana", "XDG_CONFIG_HOME": "/x/c", "XDG_DATA_HOME": "/x/d"},
    "XDG variables unset": {"HOME": "/home/ana"},
    "XDG variables empty": {"HOME": "/home/ana", "XDG_CONFIG_HOME": "", "XDG_DATA_HOME": ""},
    "relative XDG variables are ignored": {
        "HOME": "/home/ana",
        "XDG_CONFIG_HOME": "config",
        "XDG_DATA_HOME": "~/share",
    },
    "trailing and double slashes": {
        "HOME": "/home//ana/",
        "XDG_CONFIG_HOME": "/x//c/",
        "XDG_DATA_HOME": "/x/./d/../e",
    },
    "HOME with dots": {"HOME": "/home/ana/../bea"},
    "HOME empty": {"HOME": ""},
    "HOME unset": {},
    "non-ASCII": {"HOME": "/home/Ñandú", "XDG_DATA_HOME": "/datos/Ñandú"},
}


def qt_folder(location: QStandardPaths.StandardLocation) -> Path:
    identify_app()
    return Path(QStandardPaths.writableLocation(location))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's variables")
@pytest.mark.parametrize("environ", LINUX_ENVIRONMENTS.values(), ids=LINUX_ENVIRONMENTS.keys())
def test_the_folders_are_qt_s_on_linux(
    monkeypatch: pytest.MonkeyPatch, environ: dict[str, str]
) -> None:
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert app_folders.config_folder() == qt_folder(Location.AppConfigLocation)
    assert app_folders.data_folder() == qt_folder(Location.AppDataLocation)
    assert app_folders.config_folder(environ) == qt_folder(Location.AppConfigLocation)
    assert app_folders.data_folder(environ) == qt_folder(Location.AppDataLocation)


def test_the_folders_are_qt_s_here() -> None:
    """On whatever system the tests run (the test environment's folders)."""
    assert app_folders.config_folder() == qt_folder(Location.AppConfigLocation)
    assert app_folders.data_folder() == qt_folder(Location.AppDataLocation)


def test_the_window_uses_the_same_files() -> None:
    assert AppSettings().path == app_folders.settings_file()
    assert AppSettings().path.name == "settings.ini"
    assert AppSettings.data_folder() == app_folders.data_folder()
