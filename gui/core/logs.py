"""The app's logging: stderr and a rotating file for support, every line through `redactor`.

The redaction filter is attached to every handler (not to loggers), so whatever logger a
record comes from, Qt's own messages included, nothing reaches a handler before it is cleaned
(see gui.core.redaction).
"""

from __future__ import annotations

import io
import logging
import os
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
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    log_file = None
    if log_folder is not None:
        try:
            private_folder(log_folder)  # 0700, and so is any parent it creates
            log_file = log_folder / LOG_FILE
            handlers.append(_private_file_handler(log_file))
            restrict(log_file)  # one an older version wrote, 0644
        except OSError as error:
            logging.getLogger(__name__).warning("no log file in %s: %s", log_folder, error)
            log_file = None
    root = logging.getLogger()
    root.setLevel(level)
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.addFilter(redactor)
        root.addHandler(handler)
    return log_file
