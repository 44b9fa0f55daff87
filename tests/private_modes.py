"""What "private at rest" means in a test: under the app's folders, every folder 0700 and every
file 0600 (gui/core/private_files.py). The listing walks everything and follows no link."""

from __future__ import annotations

import os
import stat
from pathlib import Path


def modes_below(*roots: Path) -> dict[str, str]:
    """Every folder and file at and below `roots` (which must exist), by path, with its
    permission bits in octal; symbolic links are listed as ``link`` and not followed."""
    found: dict[str, str] = {}
    for root in roots:
        assert root.is_dir(), f"{root} was not created"
        for folder, folders, files in os.walk(root):
            for name in [".", *folders, *files]:
                path = os.path.normpath(os.path.join(folder, name))
                mode = os.lstat(path).st_mode
                found[path] = "link" if stat.S_ISLNK(mode) else oct(stat.S_IMODE(mode))
    return found


def wider_than_private(*roots: Path) -> dict[str, str]:
    """The folders not 0700 and files not 0600 at and below `roots` (links left out): {} when
    everything is the user's alone."""
    wider = {}
    for path, mode in modes_below(*roots).items():
        if mode == "link":
            continue
        wanted = "0o700" if os.path.isdir(path) else "0o600"
        if mode != wanted:
            wider[path] = mode
    return wider


def mode_of(path: Path) -> int:
    """`path`'s permission bits, without following a link."""
    return stat.S_IMODE(os.lstat(path).st_mode)
