"""The app's logging: stderr and a rotating file for support, every line through `redactor`.

The redaction filter is attached to every handler (not to loggers), so whatever logger a
record comes from, Qt's own messages included, nothing reaches a handler before it is cleaned
(see gui.core.redaction).
"""

from __future__ import annotations

import io
import logging
import os
import threading
from pathlib import Path

from gui.core.private_files import private_folder, restrict
from gui.core.redaction import redactor

LOG_FILE = "particle-tickets.log"
_MAX_BYTES = 1024 * 1024
_BACKUPS = 3


def _private_file_handler(path: Path) -> logging.Handler:
    """A rotating file handler that opens every file, the first and each one after a rollover,
    for the user only. (logging.handlers costs 6 ms of imports: loaded here, when used.)"""
    import logging.handlers

    class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
        def _open(self) -> io.TextIOWrapper:
            fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            return open(fd, "a", encoding=self.encoding, errors=self.errors)

    return PrivateRotatingFileHandler(
        path, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8"
    )


def setup_logging(log_folder: Path | None, *, level: int = logging.INFO) -> Path | None:
    """Log to stderr and, when `log_folder` is given, to a rotating file there (only the user
    may read it). Returns the log file's path, or None when the folder cannot be written."""
    handlers: list[logging.Handler] = [_to_stderr()]
    log_file = None
    if log_folder is not None:
        try:
            log_file, to_file = _open_file(log_folder)
            handlers.append(to_file)
        except OSError as error:
            logging.getLogger(__name__).warning("no log file in %s: %s", log_folder, error)
            log_file = None
    _install(handlers, level)
    return log_file


class LaterFile(logging.Handler):
    """The log file, opened by `open()` rather than at once: the window's start-up logs to
    stderr and keeps its records (up to `HELD_RECORDS`) until its first paint, then opens the
    file off the GUI thread (logging.handlers and the folder's checks cost it 5 ms).

    Records logged before `open()` are written first, in order; later ones go straight to the
    file. Without a file (no folder, or it cannot be written) they are dropped, as
    `setup_logging` drops them.
    """

    HELD_RECORDS = 1000

    def __init__(self, log_folder: Path | None) -> None:
        super().__init__()
        self.log_folder = log_folder
        self._held: list[logging.LogRecord] | None = []  # None once open() has run
        self._to_file: logging.Handler | None = None
        self._opening = threading.Lock()  # one open() at a time, and one file
        self.path: Path | None = None

    def emit(self, record: logging.LogRecord) -> None:  # under self.lock (Handler.handle)
        if self._held is not None:
            if len(self._held) < self.HELD_RECORDS:
                self._held.append(record)
        elif self._to_file is not None:
            self._to_file.handle(record)

    def open(self) -> Path | None:
        """Open the file and write what was held; returns its path (None: there is none).
        Any thread; idempotent."""
        with self._opening:
            if self._held is None:
                return self.path
            return self._open()

    def _open(self) -> Path | None:
        to_file, problem = None, None
        if self.log_folder is not None:
            try:
                self.path, to_file = _open_file(self.log_folder)
            except OSError as error:
                problem = error
        self.acquire()
        try:
            held, self._held, self._to_file = self._held or [], None, to_file
            if to_file is not None:
                for record in held:
                    to_file.handle(record)
        finally:
            self.release()
        if problem is not None:
            logging.getLogger(__name__).warning("no log file in %s: %s", self.log_folder, problem)
        return self.path

    def flush(self) -> None:
        if self._to_file is not None:
            self._to_file.flush()

    def close(self) -> None:
        if self._to_file is not None:
            self._to_file.close()
        super().close()


def start_logging(log_folder: Path | None, *, level: int = logging.INFO) -> LaterFile:
    """Log to stderr now and to the file in `log_folder` once `LaterFile.open()` is called
    (the window's start-up; see `LaterFile`). Returns the file's handler."""
    later = LaterFile(log_folder)  # (the file's own handler formats what `later` passes on)
    _install([_to_stderr(), later], level)
    return later


def _install(handlers: list[logging.Handler], level: int) -> None:
    """On the root logger, each behind the redactor."""
    root = logging.getLogger()
    root.setLevel(level)
    for handler in handlers:
        handler.addFilter(redactor)
        root.addHandler(handler)


def _to_stderr() -> logging.Handler:
    handler = logging.StreamHandler()
    handler.setFormatter(_formatter())
    return handler


def _formatter() -> logging.Formatter:
    return logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")


def _open_file(log_folder: Path) -> tuple[Path, logging.Handler]:
    """The private folder and file (0700, 0600, also one an older version left readable), and
    its handler, formatted."""
    private_folder(log_folder)  # 0700, and so is any parent it creates
    log_file = log_folder / LOG_FILE
    handler = _private_file_handler(log_file)
    restrict(log_file)  # one an older version wrote, 0644
    handler.setFormatter(_formatter())
    return log_file, handler
