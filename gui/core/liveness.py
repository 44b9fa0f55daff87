"""Telling whether the process that claimed an outbox item is still running.

The window and the command line share one outbox. When one of them starts it settles the items
a dead process left half-sent (`OutboxStore.recover`); it must not take the items another live
process is sending at that moment, or the same update could go out twice.

Each process that claims items holds a `LifeMark`: a small file in a folder next to the outbox,
locked exclusively for as long as the process lives. The operating system drops the lock when
the process ends, however it ends (even SIGKILL or a power cut), so "can I lock that file?"
answers "is that process gone?" without PIDs, which the system reuses. Locks are `flock` on
Linux and macOS and `msvcrt.locking` on Windows; both refuse a second lock on the file even
from another handle of the same process, so a process sees its own mark as alive.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sys
from pathlib import Path

from gui.core.private_files import private_folder

_SUFFIX = ".alive"


class LifeMark:
    """This process's mark in `folder`: created and locked by `acquire`, gone with `release`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.name = ""
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> str:
        """Lock a new mark file (once; later calls return the same name)."""
        if self._fd is not None:
            return self.name
        private_folder(self.folder)  # 0700, as the outbox's folder is
        name = secrets.token_hex(8)
        fd = os.open(self._path(name), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if not _try_lock(fd):  # a fresh random name: nobody else can hold it
                raise OSError(f"could not lock the outbox's life mark {name}")
        except BaseException:
            os.close(fd)
            raise
        self._fd, self.name = fd, name
        _sweep(self.folder, keep=name)
        return name

    def release(self) -> None:
        """Unlock and remove the mark (the process's claims then count as abandoned)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        os.close(fd)  # closing the descriptor drops the lock
        with contextlib.suppress(OSError):
            self._path(self.name).unlink()

    def _path(self, name: str) -> Path:
        return self.folder / f"{name}{_SUFFIX}"


def is_alive(folder: Path, name: str) -> bool:
    """Whether the process that holds mark `name` in `folder` is still running."""
    if not name or not name.isalnum():
        return False
    path = folder / f"{name}{_SUFFIX}"
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return False
    except OSError:
        return True  # cannot tell: assume it lives, so nothing is sent twice
    try:
        return not _try_lock(fd)
    finally:
        os.close(fd)  # also drops the lock this check may just have taken


def _sweep(folder: Path, *, keep: str) -> None:
    """Remove the marks of processes that ended (best effort: only tidiness depends on it)."""
    with contextlib.suppress(OSError):
        for path in folder.glob(f"*{_SUFFIX}"):
            name = path.name.removesuffix(_SUFFIX)
            if name != keep and not is_alive(folder, name):
                with contextlib.suppress(OSError):
                    path.unlink()


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
