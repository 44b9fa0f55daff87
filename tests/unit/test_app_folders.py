"""The app's folders without Qt: the override that keeps a run's files in a folder of its own
(tests/ui/test_app_folders.py compares the usual folders with Qt's)."""

from __future__ import annotations

from pathlib import Path

from gui.core import app_folders


def test_one_folder_of_its_own_overrides_the_system_s(tmp_path: Path) -> None:
    """PARTICLE_TICKETS_FOLDER (the self-test, tools/screenshots) moves settings and data, for
    the window and the command line alike, on every system."""
    environ = {"HOME": "/home/someone", app_folders.ENV_FOLDER: str(tmp_path)}
    assert app_folders.config_folder(environ) == tmp_path / "config"
    assert app_folders.data_folder(environ) == tmp_path / "data"
    assert app_folders.settings_file(environ) == tmp_path / "config" / "settings.ini"
