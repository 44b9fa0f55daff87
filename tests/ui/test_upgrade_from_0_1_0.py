"""A user of 0.1.0 upgrades: the settings, outbox and draft that 0.1.0's own code wrote still
work, in the window and on the command line.

tests/data/v0_1_0 holds those files, written by the 0.1.0 code itself (commit 4a3f88b: its
AppSettings with QSettings, its OutboxStore, its DraftStore): Settings' connection values, the
language and two typed statuses; an outbox with one update waiting and one waiting for a
decision; an unsent draft with a notification.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from gui.cli.main import main as command_line
from gui.core import app_folders
from gui.core.preferences import Preferences, read_preferences
from tests.ui.conftest import WindowFactory

FILES = Path(__file__).resolve().parents[1] / "data" / "v0_1_0"
MOVED = Preferences(
    api_base="https://api.example.test/api/v1",
    connect_timeout="7",
    read_timeout="45",
    ca_bundle="/etc/ssl/certs/Corp CA (Ñandú).pem",
    sms_region="GB",
    language="es",
)


def install_0_1_0_files() -> Path:
    """0.1.0's files where 0.1.0 kept them; returns its settings.ini."""
    settings = app_folders.settings_file_0_1_0()
    settings.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FILES / "settings.ini", settings)
    data = app_folders.data_folder()
    data.mkdir(parents=True, exist_ok=True)
    for name in (app_folders.OUTBOX_FILE_NAME, app_folders.DRAFT_FILE_NAME):
        shutil.copyfile(FILES / name, data / name)
    return settings


def test_the_window_finds_everything_0_1_0_kept(qtbot: QtBot, make_window: WindowFactory) -> None:
    old_settings = install_0_1_0_files()
    before = old_settings.read_bytes()
    window = make_window(argv=[])

    # Settings' values and the language, moved once into the core's preferences.ini
    assert window.settings.preferences == MOVED
    assert read_preferences(app_folders.preferences_file()) == MOVED
    assert old_settings.read_bytes() == before  # 0.1.0 still finds its own file
    connection = window.connection
    assert connection.api_base == "https://api.example.test/api/v1"
    assert (connection.connect_timeout, connection.read_timeout) == (7.0, 45.0)
    assert connection.ca_bundle == "/etc/ssl/certs/Corp CA (Ñandú).pem"
    # the statuses typed in 0.1.0, offered again
    assert {"DONE", "ON_HOLD"} <= set(window.form.status.codes())
    # the outbox: both updates, the one that waits for a decision still waiting for it
    qtbot.waitUntil(lambda: window.outbox_status.text() == "2 updates waiting", timeout=10_000)
    window.show_outbox_panel()
    items = {item.ticket_id: item for item in window.outbox_panel.items}
    assert items["tic_2001"].state.value == "needs_decision"
    assert items["tic_2001"].update.notification is not None
    assert items["tic_2002"].update.status == "DONE"
    # the unsent draft, with its notification
    qtbot.waitUntil(lambda: window.form.ticket_id.text() == "tic_2003", timeout=10_000)
    assert window.form.draft().contacts == "ana@example.com"
    assert window.form.notify.isChecked() and window.form.automated.isChecked()


def test_the_command_line_finds_them_too() -> None:
    install_0_1_0_files()
    out, err = io.StringIO(), io.StringIO()
    assert command_line(["outbox", "list"], stdout=out, stderr=err) == 0, err.getvalue()
    listed = out.getvalue().splitlines()
    assert listed[0].split() == [
        "ID",
        "TICKET",
        "STATE",
        "ATTEMPTS",
        "BATCH",
        "SERVER",
        "LAST",
        "ERROR",
    ]
    # 0.1.0 did not record where they go: the list says so, and where --retry sends them
    assert [line.split()[:3] for line in listed[1:]] == [
        ["1", "tic_2001", "needs_decision"],
        ["2", "tic_2002", "waiting"],
    ]
    assert all("(not recorded)" in line for line in listed[1:])
    assert f"`--retry 2` sends it to {MOVED.api_base}." in listed[2]  # Settings' address
    # a command that sends reads the moved preferences as the window does
    out, err = io.StringIO(), io.StringIO()
    code = command_line(
        ["update", "tic_1", "--title", "t", "--description", "d", "--status", "NEW"],
        stdout=out,
        stderr=err,
    )
    assert code == 1  # not signed in: nothing is sent, and it says how to sign in
    assert "Not signed in" in err.getvalue()
    assert read_preferences(app_folders.preferences_file()) == MOVED
