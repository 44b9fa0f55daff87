"""Files that survive a crash, a kill or a dead battery: writing one atomically, making a rename
durable, and a name to move a damaged file aside to.

The drafts (`gui.core.drafts`) and the outbox (`gui.core.outbox`) use these; so can any other
small file the app keeps (a settings file, say).
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from gui.core.private_files import private_folder


def write_atomically(path: Path, data: bytes, *, mode: int = 0o600) -> None:
    """Replace the file at `path` with `data`, so that a crash, a kill or a power cut at any
    moment leaves either the previous file or the new one on disk, never half of each.

    How: `data` goes into a temporary file in the same folder (``.<name>.<random>.tmp``), which
    is flushed and fsynced, then renamed over `path` (`os.replace`, atomic on every OS we
    support), and the folder is fsynced where the OS allows (`fsync_folder`), so the rename
    itself survives a power cut. The folder is created if it does not exist, 0700 with any
    missing parent, and loses group and others' access if it had them
    (`gui.core.private_files.private_folder`): the app's files are the user's alone.

    `mode`: the file's permission bits on POSIX, set on the temporary file before anything is
    written to it, whatever the umask (the default: read and write for the user only). Windows
    has no such bits; there the file inherits the folder's access rules.

    Errors: `OSError` (disk full, read-only folder, `path` is a folder) propagates; the previous
    file is then left as it was and the temporary file is removed. A temporary file can only be
    left behind when the process is killed mid-write: `remove_leftovers` deletes those.
    """
    path = Path(path)
    folder = private_folder(path.parent)
    descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=_temp_prefix(path), suffix=".tmp")
    try:
        with open(descriptor, "wb") as file:
            if sys.platform != "win32":
                os.fchmod(descriptor, mode)
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    fsync_folder(folder)


def remove_leftovers(path: Path) -> None:
    """Delete the temporary files that a process killed inside `write_atomically` left next to
    `path` (they never hold the only copy of anything). Quiet about files it cannot delete."""
    path = Path(path)
    with contextlib.suppress(OSError):
        for leftover in path.parent.glob(f"{_temp_prefix(path)}*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()


def aside_path(path: Path) -> Path:
    """``<name>.corrupt-<UTC timestamp>`` next to `path`, not yet taken by another file."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    candidate = path.with_name(f"{path.name}.corrupt-{stamp}")
    number = 1
    while candidate.exists() or candidate.is_symlink():
        number += 1
        candidate = path.with_name(f"{path.name}.corrupt-{stamp}-{number}")
    return candidate


def fsync_folder(folder: Path) -> None:
    """Make a rename or delete in `folder` durable, where the OS allows (not on Windows, where
    a folder cannot be opened, nor on file systems that refuse to fsync one)."""
    if os.name == "nt":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."
