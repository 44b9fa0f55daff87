"""Private at rest, as real processes under umask 022: the command line and the window leave
every folder they make 0700 and every file 0600, and tighten what 0.1.0 left readable by every
account of the computer, without following a symbolic link out of the app's folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gui.core import app_folders
from gui.sandbox import SandboxServer
from tests.private_modes import mode_of, modes_below, wider_than_private

ROOT = Path(__file__).resolve().parents[2]
V0_1_0 = ROOT / "tests" / "data" / "v0_1_0"
#: The app's entry point (`python -m gui`) in a process whose umask is the usual 022, whatever
#: the test runner's is. Run from the worktree, so `gui` is this checkout's.
UNDER_UMASK_022 = "import os, sys; os.umask(0o022); from gui.__main__ import main; sys.exit(main())"
UPDATE = [
    "--title",
    "Leaking faucet",
    "--description",
    "Leak under the kitchen sink in 1A requires new part.",
    "--status",
    "ON_HOLD",
    "--notify",
    "--type",
    "sms",
    "--contacts",
    "(202) 555-0123",
]


class Folders:
    """A home of its own for the child processes: the user's XDG folders (0755, as a desktop
    makes them) and, with `own`, a PARTICLE_TICKETS_FOLDER (0755 too)."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, own: bool) -> None:
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("PARTICLESPACE_")}
        self.env.pop(app_folders.ENV_FOLDER, None)
        self.user_folders = [tmp_path / name for name in ("config", "data", "cache", "home")]
        for folder in self.user_folders:
            folder.mkdir(mode=0o755)
            folder.chmod(0o755)
        self.env.update(
            XDG_CONFIG_HOME=str(tmp_path / "config"),
            XDG_DATA_HOME=str(tmp_path / "data"),
            XDG_CACHE_HOME=str(tmp_path / "cache"),
            HOME=str(tmp_path / "home"),
            QT_QPA_PLATFORM="offscreen",
            PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
            PYTHONFAULTHANDLER="1",
        )
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME"):  # platformdirs reads os.environ
            monkeypatch.setenv(name, self.env[name])
        if own:
            own_folder = tmp_path / "own"
            own_folder.mkdir(mode=0o755)
            own_folder.chmod(0o755)
            self.user_folders.append(own_folder)
            self.env[app_folders.ENV_FOLDER] = str(own_folder)
        self.config = app_folders.config_folder(self.env)
        self.data = app_folders.data_folder(self.env)

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", UNDER_UMASK_022, *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    def app_folders(self) -> list[Path]:
        return [folder for folder in (self.config, self.data) if folder.exists()]

    def assert_user_folders_untouched(self) -> None:
        """The folders the user (or the desktop) made are not the app's to change."""
        assert {str(f): oct(mode_of(f)) for f in self.user_folders} == {
            str(f): "0o755" for f in self.user_folders
        }


@pytest.mark.parametrize("own", [False, True], ids=["user-folders", "PARTICLE_TICKETS_FOLDER"])
def test_the_command_line_writes_its_outbox_and_history_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, own: bool
) -> None:
    folders = Folders(tmp_path, monkeypatch, own=own)
    with SandboxServer(tickets=["tic_1001"]) as server:
        on = ["--api-base", server.url, "--token", SandboxServer.TOKEN]
        down = ["--api-base", "http://127.0.0.1:1/api/v1", "--token", SandboxServer.TOKEN]
        sent = folders.run("update", "tic_1001", *UPDATE, *on)
        assert sent.returncode == 0, sent.stderr
        created = folders.run("new", "--title", "Door", "--status", "NEW", *on)
        assert created.returncode == 0, created.stderr
        waiting = folders.run("update", "tic_1001", *UPDATE, "--status", "DONE", *down)
        assert waiting.returncode == 3, waiting.stderr
        listed = folders.run("outbox", "list")
        assert listed.returncode == 0, listed.stderr
        assert "tic_1001" in listed.stdout
    outbox = folders.data / app_folders.OUTBOX_FILE_NAME
    assert outbox.is_file()
    assert (folders.data / f"{app_folders.OUTBOX_FILE_NAME}.claims").is_dir()
    assert len(modes_below(*folders.app_folders())) >= 3
    assert wider_than_private(*folders.app_folders()) == {}
    folders.assert_user_folders_untouched()
    if not own:  # created by the app, with the app's folder: private too
        assert mode_of(folders.data.parent) == 0o700


def install_0_1_0_leftovers(folders: Folders, outside: Path) -> None:
    """The files 0.1.0 (and this version before it made them private) left: folders 0755,
    files 0644; and two links out of the data folder, to a file and a folder elsewhere."""
    config = app_folders.settings_file_0_1_0(folders.env).parent
    for folder in (config, folders.data, folders.data / "logs", folders.data / "x.claims"):
        folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(V0_1_0 / "settings.ini", config / "settings.ini")
    (config / "window.ini").write_text("[form]\nstatuses=DONE\n")
    for name in (app_folders.OUTBOX_FILE_NAME, app_folders.DRAFT_FILE_NAME):
        shutil.copyfile(V0_1_0 / name, folders.data / name)
    (folders.data / "logs" / "particle-tickets.log").write_text("0.1.0's log\n")
    (folders.data / "logs" / "particle-tickets.log.1").write_text("older\n")
    (folders.data / "x.claims" / "0123456789abcdef.alive").write_text("")
    (folders.data / "draft.json.corrupt-20261201T000000Z").write_text("{not json")
    outside.mkdir()
    (outside / "notes.txt").write_text("not the app's\n")
    (outside / "folder").mkdir()
    (outside / "folder" / "inside.txt").write_text("not the app's either\n")
    (folders.data / "notes-link").symlink_to(outside / "notes.txt")
    (folders.data / "folder-link").symlink_to(outside / "folder", target_is_directory=True)
    for root in (config, folders.data, outside):
        for folder, _folders, files in os.walk(root):
            os.chmod(folder, 0o755)
            for name in files:  # through the links too: the files outside are 0644 as well
                os.chmod(os.path.join(folder, name), 0o644)
    if app_folders.ENV_FOLDER not in folders.env:  # ParticleTickets/, as 0.1.0 made it
        config.parent.chmod(0o755)
        folders.data.parent.chmod(0o755)
    assert len(wider_than_private(config, folders.data)) >= 10


def assert_outside_untouched(outside: Path) -> None:
    assert {str(p): oct(mode_of(p)) for p in modes_below(outside)} == {
        str(outside): "0o755",
        str(outside / "notes.txt"): "0o644",
        str(outside / "folder"): "0o755",
        str(outside / "folder" / "inside.txt"): "0o644",
    }


def test_the_command_line_tightens_what_0_1_0_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders = Folders(tmp_path, monkeypatch, own=False)
    outside = tmp_path / "outside"
    install_0_1_0_leftovers(folders, outside)

    listed = folders.run("outbox", "list")

    assert listed.returncode == 0, listed.stderr
    assert "tic_2001" in listed.stdout  # 0.1.0's outbox still works
    assert wider_than_private(folders.config, folders.data) == {}
    assert (folders.data / "notes-link").is_symlink()
    assert (folders.data / "folder-link").is_symlink()
    assert_outside_untouched(outside)
    folders.assert_user_folders_untouched()
    # ParticleTickets/, which 0.1.0 made 0755, holds only the app's folder: left as it was
    assert mode_of(folders.data.parent) == 0o755


def test_the_window_tightens_what_0_1_0_left_before_it_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders = Folders(tmp_path, monkeypatch, own=True)
    outside = tmp_path / "outside"
    install_0_1_0_leftovers(folders, outside)
    process = subprocess.Popen(
        [sys.executable, "-c", UNDER_UMASK_022, "--demo"],
        cwd=ROOT,
        env=folders.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        lines = []
        for line in process.stderr:
            lines.append(line)
            if "window shown" in line:
                break
        assert "window shown" in lines[-1], "".join(lines)
        assert wider_than_private(folders.config, folders.data) == {}
        assert_outside_untouched(outside)
        folders.assert_user_folders_untouched()
    finally:
        process.kill()
        process.communicate(timeout=30)
