"""The app's folders without Qt: the override that keeps a run's files in a folder of its own, and
the system folders as platformdirs gives them (tests/ui/test_app_folders.py compares them with
Qt's, where 0.1.0 had them from)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from gui.core import app_folders

APP = Path(app_folders.ORGANIZATION, app_folders.APPLICATION)


def test_one_folder_of_its_own_overrides_the_system_s(tmp_path: Path) -> None:
    """PARTICLE_TICKETS_FOLDER (the self-test, tools/screenshots) moves settings and data, for
    the window and the command line alike, on every system; 0.1.0's settings.ini was there too."""
    environ = {"HOME": "/home/someone", app_folders.ENV_FOLDER: str(tmp_path)}
    assert app_folders.config_folder(environ) == tmp_path / "config"
    assert app_folders.data_folder(environ) == tmp_path / "data"
    assert app_folders.preferences_file(environ) == tmp_path / "config" / "preferences.ini"
    assert app_folders.window_state_file(environ) == tmp_path / "config" / "window.ini"
    assert app_folders.settings_file_0_1_0(environ) == tmp_path / "config" / "settings.ini"


def test_the_override_is_read_from_the_process_environment_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(app_folders.ENV_FOLDER, str(tmp_path))
    assert app_folders.data_folder() == tmp_path / "data"
    assert app_folders.preferences_file() == tmp_path / "config" / "preferences.ini"


def test_the_new_files_do_not_take_0_1_0_s_name() -> None:
    """On Linux and Windows the config folder is 0.1.0's: its settings.ini stays beside them."""
    names = {
        app_folders.PREFERENCES_FILE_NAME,
        app_folders.WINDOW_STATE_FILE_NAME,
        app_folders.SETTINGS_FILE_NAME,
    }
    assert len(names) == 3


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's XDG variables")
def test_linux_folders_follow_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "c"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "d"))
    assert app_folders.config_folder() == tmp_path / "c" / APP
    assert app_folders.data_folder() == tmp_path / "d" / APP
    assert app_folders.settings_file_0_1_0() == tmp_path / "c" / APP / "settings.ini"
    assert app_folders.preferences_file() == tmp_path / "c" / APP / "preferences.ini"
    assert app_folders.window_state_file() == tmp_path / "c" / APP / "window.ini"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's XDG variables")
def test_linux_folders_without_xdg_are_in_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/is/ignored")
    monkeypatch.delenv("XDG_DATA_HOME")
    assert app_folders.config_folder() == tmp_path / ".config" / APP
    assert app_folders.data_folder() == tmp_path / ".local" / "share" / APP


def test_macos_data_stays_in_application_support_whatever_xdg_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qt (0.1.0) never followed $XDG_DATA_HOME on macOS; platformdirs does when it is set, so
    the data folder is built without it there. settings.ini was in ~/Library/Preferences."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(sys, "platform", "darwin")
    library = tmp_path / "Library"
    assert app_folders.data_folder() == library / "Application Support" / APP
    assert app_folders.settings_file_0_1_0() == library / "Preferences" / APP / "settings.ini"


@pytest.mark.skipif(sys.platform != "win32", reason="Windows' known folders")
def test_windows_data_roams_and_config_stays_local() -> None:
    """0.1.0 (Qt): AppDataLocation in RoamingAppData, AppConfigLocation in LocalAppData."""
    import os

    assert app_folders.data_folder() == Path(os.environ["APPDATA"]) / APP
    assert app_folders.config_folder() == Path(os.environ["LOCALAPPDATA"]) / APP
    assert app_folders.settings_file_0_1_0() == app_folders.config_folder() / "settings.ini"


#: Values of $HOME and of an XDG variable: plain ones (answered without platformdirs) and
#: unusual ones (platformdirs answers), as a broken or hand-made environment has them.
HOMES = (None, "", "/home/someone", "/home/someone/", "/", "relative/home", " /home/spaced ", "~")
XDG_VALUES = (None, "", "/xdg/base", "/xdg/base/", "relative/xdg", "~/xdg", " /xdg/spaced", "//x")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's XDG variables")
@pytest.mark.parametrize("home", HOMES)
@pytest.mark.parametrize("xdg", XDG_VALUES)
def test_the_folders_are_platformdirs_folders_in_every_environment(
    home: str | None, xdg: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What app_folders answers itself for a plain environment is what platformdirs gives; for
    the rest it asks platformdirs (tests/ui/test_app_folders.py: and 0.1.0's Qt)."""
    import platformdirs

    monkeypatch.delenv(app_folders.ENV_FOLDER, raising=False)
    for name, value in (("HOME", home), ("XDG_CONFIG_HOME", xdg), ("XDG_DATA_HOME", xdg)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    try:
        config = platformdirs.user_config_path() / APP
        data = platformdirs.user_data_path(roaming=True) / APP
    except RuntimeError:  # platformdirs finds no home folder at all: nor may we
        with pytest.raises(RuntimeError):
            app_folders.config_folder()
        return
    assert app_folders.config_folder() == config
    assert app_folders.data_folder() == data


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's XDG variables")
def test_a_plain_environment_is_answered_without_importing_platformdirs(tmp_path: Path) -> None:
    import os
    import subprocess

    code = (
        "import sys; from gui.core import app_folders as f; f.config_folder(); f.data_folder(); "
        "print('platformdirs' in sys.modules)"
    )
    environ = {k: v for k, v in os.environ.items() if k != app_folders.ENV_FOLDER}
    environ.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "c"), XDG_DATA_HOME="")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environ, timeout=60
    )
    assert result.stdout.split() == ["False"], result.stderr
