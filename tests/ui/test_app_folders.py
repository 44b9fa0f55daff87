"""The Qt-free folders (gui.core.app_folders, on platformdirs) are where 0.1.0 had its files.

0.1.0 had its folders from Qt's QStandardPaths (AppDataLocation for the outbox, the draft and the
logs; AppConfigLocation for settings.ini). This checks the folders against Qt itself on the
platform the tests run on, for the environments a user may have, and that files 0.1.0's code
wrote in Qt's data folder are found.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from gui.core import app_folders
from gui.core.destination import Destination
from gui.core.drafts import DraftStore
from gui.core.logs import LOG_FILE, setup_logging
from gui.core.outbox import OutboxStore
from gui.core.ticket import TicketDraft, TicketUpdate
from gui.ui.settings import AppSettings, identify_app

HERE = Destination("https://api.example.com/api/v1", "acct-a")  # where these items are for

Location = QStandardPaths.StandardLocation

#: platformdirs takes the account's home folder when $HOME is not an absolute path; Qt took "/"
#: (or the relative path). 0.1.0's files were then somewhere no user keeps them.
BROKEN_HOME = pytest.mark.xfail(
    raises=AssertionError,
    strict=True,
    reason="no absolute $HOME: platformdirs asks the account's home, Qt took '/'",
)

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
    "non-ASCII": {"HOME": "/home/Ñandú", "XDG_DATA_HOME": "/datos/Ñandú"},
}
BROKEN_LINUX_ENVIRONMENTS = {
    "HOME empty": {"HOME": ""},
    "HOME unset": {},
    "HOME relative": {"HOME": "ana"},
}


def qt_folder(location: QStandardPaths.StandardLocation) -> Path:
    identify_app()
    return Path(QStandardPaths.writableLocation(location))


def same_folder(path: Path) -> str:
    """The folder with "." and ".." resolved as the system does when the folders exist (Qt
    resolves them in $HOME, platformdirs leaves them)."""
    return os.path.normpath(path)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's variables")
@pytest.mark.parametrize(
    "environ",
    [
        *LINUX_ENVIRONMENTS.values(),
        *(pytest.param(env, marks=BROKEN_HOME) for env in BROKEN_LINUX_ENVIRONMENTS.values()),
    ],
    ids=[*LINUX_ENVIRONMENTS, *BROKEN_LINUX_ENVIRONMENTS],
)
def test_the_folders_are_0_1_0_s_on_linux(
    monkeypatch: pytest.MonkeyPatch, environ: dict[str, str]
) -> None:
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    qt_data, qt_config = qt_folder(Location.AppDataLocation), qt_folder(Location.AppConfigLocation)
    assert same_folder(app_folders.data_folder()) == same_folder(qt_data)
    assert same_folder(app_folders.settings_file_0_1_0().parent) == same_folder(qt_config)
    # On Linux the new files are in 0.1.0's config folder, beside settings.ini.
    assert same_folder(app_folders.config_folder()) == same_folder(qt_config)


def test_the_folders_are_0_1_0_s_here() -> None:
    """On whatever system the tests run (the test environment's folders)."""
    assert app_folders.data_folder() == qt_folder(Location.AppDataLocation)
    assert app_folders.settings_file_0_1_0().parent == qt_folder(Location.AppConfigLocation)
    if sys.platform != "darwin":  # macOS: Application Support now, 0.1.0 had Preferences
        assert app_folders.config_folder() == qt_folder(Location.AppConfigLocation)


def test_0_1_0_s_outbox_draft_and_logs_are_found_where_they_are() -> None:
    """Written by 0.1.0's code (the stores and the log set-up, unchanged) in 0.1.0's data
    folder, Qt's AppDataLocation; found through the new data folder."""
    old = qt_folder(Location.AppDataLocation)
    update = TicketUpdate(
        ticket_id="tic_1001", title="Leak", description="Sink", status="NEW", automated=False
    )
    outbox = OutboxStore(old / app_folders.OUTBOX_FILE_NAME)
    queued = outbox.add(update, destination=HERE)
    outbox.close()
    draft = TicketDraft(ticket_id="tic_1002", title="Half typed", description="", status="")
    DraftStore(old / app_folders.DRAFT_FILE_NAME).save(draft)
    root = logging.getLogger()
    before = list(root.handlers)
    level = root.level
    try:
        setup_logging(old / app_folders.LOGS_FOLDER_NAME)
        logging.getLogger("gui").info("0.1.0 was here")
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)

    found = app_folders.data_folder()
    outbox = OutboxStore(found / app_folders.OUTBOX_FILE_NAME)
    try:
        assert [item.id for item in outbox.items()] == [queued.id]
    finally:
        outbox.close()
    assert DraftStore(found / app_folders.DRAFT_FILE_NAME).load() == draft
    log = found / app_folders.LOGS_FOLDER_NAME / LOG_FILE
    assert "0.1.0 was here" in log.read_text(encoding="utf-8")


def test_the_window_uses_the_same_files(qapp: object) -> None:
    from gui.core.preferences import Preferences, save_preferences

    save_preferences(Preferences(api_base="https://api.example.test", language="es"))
    settings = AppSettings()
    assert settings.stored_connection() == {"api_base": "https://api.example.test"}
    assert settings.language() == "es"
    settings.remember_status("DONE")
    settings.sync()
    assert app_folders.window_state_file().is_file()  # the window's own state, apart
    assert "DONE" not in app_folders.preferences_file().read_text(encoding="utf-8")
    assert AppSettings.data_folder() == app_folders.data_folder()
