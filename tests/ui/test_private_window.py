"""The window under umask 022 keeps every file it writes the user's alone: the outbox, its
history and claims, the draft, preferences.ini, window.ini and the log
(gui/core/private_files.py)."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gui.core import app_folders
from gui.core.logs import LOG_FILE, setup_logging
from gui.sandbox import SandboxServer
from tests.private_modes import mode_of, modes_below, wider_than_private
from tests.ui.conftest import VENDOR, WindowFactory, click, fill


@pytest.fixture
def umask_022() -> Iterator[None]:
    """The usual umask, under which Python and Qt create folders 0755 and files 0644."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture
def own_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """PARTICLE_TICKETS_FOLDER, made 0755 by the user: the app makes config/ and data/ in it."""
    folder = tmp_path / "own"
    folder.mkdir()
    folder.chmod(0o755)
    monkeypatch.setenv(app_folders.ENV_FOLDER, str(folder))
    return folder


@pytest.fixture
def log_file() -> Iterator[Path]:
    """The app's log set up as gui.app.main sets it up; its handlers removed afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    path = setup_logging(app_folders.data_folder() / "logs")
    assert path is not None
    yield path
    for handler in [handler for handler in root.handlers if handler not in handlers]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def test_everything_the_window_writes_is_private(
    qtbot: QtBot,
    make_window: WindowFactory,
    sandbox: SandboxServer,
    umask_022: None,
    own_folder: Path,
    log_file: Path,
) -> None:
    config, data = app_folders.config_folder(), app_folders.data_folder()
    window = make_window(sandbox.url)
    # an update sent: the outbox, its history and known tickets, the claims' life mark
    fill(qtbot, window, notify=True, **{**VENDOR, "ticketId": "tic_1001"})
    with qtbot.waitSignal(window.sent, timeout=10_000):
        click(qtbot, window.submit_button)
    # the next one half-typed: the draft
    fill(qtbot, window, ticketId="tic_1002", title="Half-written", description="d")
    draft = data / app_folders.DRAFT_FILE_NAME
    qtbot.waitUntil(lambda: draft.exists() and "Half-written" in draft.read_text(), timeout=5000)
    # a preference (preferences.ini, by the settings' writer thread) and a typed status
    window.settings.set_language("en")
    window.settings.remember_status("WAITING_FOR_PARTS")
    window.settings.sync()
    logging.getLogger("gui").info("a line for the log")

    # (SQLite's -wal and -shm come and go with the outbox's connections: tests/unit/
    # test_private_files.py holds one open)
    while_open = modes_below(config, data)
    assert str(data / f"{app_folders.OUTBOX_FILE_NAME}.claims") in while_open
    assert any(path.endswith(".alive") for path in while_open)  # the window's life mark
    assert wider_than_private(config, data) == {}

    window.close()  # window.ini gets the window's geometry
    written = modes_below(config, data)
    for path in (
        config / app_folders.PREFERENCES_FILE_NAME,
        config / app_folders.WINDOW_STATE_FILE_NAME,
        data / app_folders.OUTBOX_FILE_NAME,
        draft,
        log_file,
    ):
        assert written[str(path)] == "0o600", path
    assert log_file.parent == data / app_folders.LOGS_FOLDER_NAME
    assert "a line for the log" in (data / "logs" / LOG_FILE).read_text()
    assert wider_than_private(config, data) == {}
    assert mode_of(own_folder) == 0o755  # the user's folder, not the app's
