"""The app's files at rest are the user's alone: folders 0700, files 0600, on POSIX systems.

The outbox holds tenants' phone numbers and e-mail addresses, and the draft, the preferences
and the logs say who was told what; none of it is for the other accounts of the computer. Under
the usual umask (022) a folder would be created 0755 and a file 0644, so the app never leaves
it to the umask:

- `private_folder` creates a folder (and any missing parent) 0700 — what the XDG base
  directory specification asks of a missing ``~/.local/share`` too — and takes group and
  others' access away from that folder if it already existed. It never changes a folder it did
  not create other than the one named: not ``~/.config``, not ``~/.local/share``, not the
  folder ``PARTICLE_TICKETS_FOLDER`` names.
- `create_private_file` and `private_database` create a file 0600 before anything writes to
  it (SQLite gives its ``-wal`` and ``-shm`` the database file's mode, so creating the database
  file first makes those private too); files the app writes itself are opened with mode 0600
  (`gui.core.durable`, `gui.core.logs`, `gui.core.liveness`).
- `tighten` walks a folder at start-up and takes group and others' access away from every
  folder and file below it, never through a symbolic link: what 0.1.0 (and this version before
  it kept its files private) left readable. `tighten_app_folders` does it for the config and
  data folders; the window (gui.app.main) and the command line
  (gui.cli.environment.default_environment) call it first thing.

"Private" takes bits away and never adds them: a folder made read-only by hand (0500) stays
so, as does a file at 0400. A file or folder whose mode cannot be changed (another account's,
or on a file system without modes) is logged, never fatal: the app works on, as it did.

On Windows (``os.name != "posix"``) nothing here changes anything: the per-user AppData
folders are private by their access control lists, which every file inherits.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path

#: Group and others: the bits "private" takes away.
_OTHERS = 0o077
#: The companions SQLite keeps next to a database file.
_SQLITE_SUFFIXES = ("-wal", "-shm", "-journal")


def private_folder(path: Path) -> Path:
    """The folder `path`, created 0700 with any missing parent (each 0700), or, when it
    exists, without group and others' access. Returns `path`.

    `OSError` when it cannot be created (as `Path.mkdir` raises it); a mode that cannot be
    changed is only logged. On Windows: `Path.mkdir` with its parents, nothing else.
    """
    path = Path(path)
    if os.name != "posix":
        path.mkdir(parents=True, exist_ok=True)
        return path
    missing: list[Path] = []
    current = path
    while not os.path.lexists(current) and current.parent != current:
        missing.append(current)
        current = current.parent
    for folder in reversed(missing):
        try:
            os.mkdir(folder, 0o700)  # the umask can only take bits away from 0700
        except FileExistsError:
            if not folder.is_dir():
                raise
    restrict(path)
    return path


def create_private_file(path: Path) -> None:
    """Create an empty file at `path`, 0600, in a `private_folder`, unless one is there; an
    existing one loses group and others' access. For files another library writes (QSettings,
    which copies the mode of the file it replaces, and SQLite). Raises `OSError` as
    `private_folder` does."""
    path = Path(path)
    private_folder(path.parent)
    if os.name != "posix":
        return
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except FileExistsError:
        restrict(path)
    else:
        os.close(descriptor)


def private_database(path: Path) -> None:
    """Before SQLite opens `path`: its folder private, the database file created 0600 (SQLite
    creates its ``-wal`` and ``-shm`` with the database file's mode), and companions an older
    version left readable made private."""
    path = Path(path)
    create_private_file(path)
    if os.name != "posix":
        return
    for suffix in _SQLITE_SUFFIXES:
        restrict(path.with_name(path.name + suffix))


def restrict(path: Path | str) -> None:
    """Take group and others' access away from the file or folder `path`, never through a
    symbolic link (a link is left as it is, and so is what it points at). Nothing when `path`
    does not exist; a mode that cannot be changed is logged."""
    if os.name != "posix":
        return
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        _not_private(path, error)
        return
    _restrict(path, mode)


def tighten(folder: Path) -> None:
    """Take group and others' access away from `folder` and every folder and file below it,
    without following symbolic links (not even when `folder` itself is one). Nothing when it
    does not exist. What cannot be changed or listed is logged, and the walk goes on."""
    if os.name != "posix":
        return
    try:
        mode = os.lstat(folder).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        _not_private(folder, error)
        return
    if not stat.S_ISDIR(mode):
        return
    _restrict(folder, mode)
    pending = [os.fspath(folder)]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    try:
                        mode = entry.stat(follow_symlinks=False).st_mode
                    except FileNotFoundError:
                        continue  # gone meanwhile (a rotated log, a released life mark)
                    except OSError as error:
                        _not_private(entry.path, error)
                        continue
                    _restrict(entry.path, mode)
                    if stat.S_ISDIR(mode):
                        pending.append(entry.path)
        except FileNotFoundError:
            continue
        except OSError as error:
            _not_private(current, error)


def tighten_app_folders(environ: Mapping[str, str] | None = None) -> None:
    """`tighten` the app's config and data folders (`gui.core.app_folders`, with `environ`
    deciding whether ``PARTICLE_TICKETS_FOLDER`` is set): called once at start-up."""
    if os.name != "posix":
        return
    from gui.core import app_folders

    folders = (app_folders.config_folder(environ), app_folders.data_folder(environ))
    for folder in dict.fromkeys(folders):  # the same folder on macOS
        tighten(folder)


def _restrict(path: Path | str, mode: int) -> None:
    """chmod `path` (whose `lstat` mode is `mode`) to `mode` without group and others' bits."""
    if stat.S_ISLNK(mode) or not mode & _OTHERS:
        return
    private = stat.S_IMODE(mode) & ~_OTHERS
    try:
        try:
            os.chmod(path, private, follow_symlinks=False)
        except NotImplementedError:
            # Linux has no lchmod; fchmodat refuses "no follow" on a link (and on old C
            # libraries on anything). `mode` came from lstat: `path` was no link just now, and
            # only the user can swap an entry of the user's own folder for one.
            os.chmod(path, private)
    except FileNotFoundError:
        return
    except OSError as error:
        _not_private(path, error)


def _not_private(path: Path | str, error: OSError) -> None:
    import logging  # here: only a failure logs

    logging.getLogger(__name__).warning(
        "could not make %s private: %s", path, error.strerror or error
    )
