"""Where a command finds the window's preferences, credentials and outbox (tests replace them)."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gui.core.credentials import Credentials


@dataclass
class Environment:
    """The process environment, the stored connection values (the window's preferences.ini),
    the keychain's credentials (may raise `KeychainError`), the data folder of the outbox and
    the sandbox's own data folder (--demo; None: ``sandbox`` in the data folder, as
    `gui.core.app_folders.sandbox_data_folder`)."""

    environ: Mapping[str, str]
    stored: Callable[[], dict[str, str]]
    keychain: Callable[[], Credentials]
    data_folder: Callable[[], Path]
    sandbox_folder: Callable[[], Path] | None = None

    def outbox_folder(self, *, demo: bool) -> Path:
        """Where the outbox is: the sandbox's own with `demo`, else the window's."""
        if not demo:
            return self.data_folder()
        if self.sandbox_folder is not None:
            return self.sandbox_folder()
        from gui.core.app_folders import SANDBOX_FOLDER_NAME

        return self.data_folder() / SANDBOX_FOLDER_NAME


def default_environment() -> Environment:
    """The window's own files and keychain, through the core (gui.core.preferences and
    gui.core.app_folders): never Qt.

    Made at every command's start, before anything reads or writes those files, so this is
    where the command line makes what 0.1.0 left readable by every account the user's alone
    (gui.core.private_files, as the window does at its start)."""
    from gui.core import app_folders
    from gui.core.private_files import tighten_app_folders

    environ = dict(os.environ)
    tighten_app_folders(environ)

    def stored() -> dict[str, str]:
        from gui.core.preferences import load_preferences

        return load_preferences(environ).connection()

    def keychain() -> Credentials:
        from gui.core.keychain import Keychain

        return Keychain().load()

    return Environment(
        environ,
        stored,
        keychain,
        lambda: app_folders.data_folder(environ),
        lambda: app_folders.sandbox_data_folder(environ),
    )
