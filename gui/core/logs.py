"""The app's logging: stderr and a rotating file for support, with every secret redacted.

`SecretRedactor` is attached to every handler (not to loggers), so whatever logger a record
comes from, Qt's own messages included, nothing reaches a handler before it is cleaned: key
patterns, Bearer tokens, ``secret_key=`` form fields, ``"token": "…"`` in JSON, and every
exact secret the app was given (`SecretRedactor.remember`).
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import re
import threading
from pathlib import Path

REDACTED = "[redacted]"

_PATTERNS = (
    re.compile(r"\b[sp]k_(?:test|live)_[A-Za-z0-9_\-]+"),
    re.compile(r"(?i)(\bBearer\s+)[^\s\"',;]+"),
    re.compile(r"(?i)((?:secret_key|publish_key|token)=)[^&\s]+"),
    re.compile(r"(?i)([\"'](?:secret_key|publish_key|token)[\"']\s*:\s*[\"'])[^\"']+"),
)

LOG_FILE = "particle-tickets.log"
_MAX_BYTES = 1024 * 1024
_BACKUPS = 3


class SecretRedactor(logging.Filter):
    """Rewrites each record's message (and traceback) with secrets replaced by [redacted]."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._secrets: set[str] = set()

    def remember(self, *secrets: str) -> None:
        """Also redact these exact values (keys and tokens the app holds)."""
        with self._lock:
            self._secrets.update(secret for secret in secrets if len(secret) >= 4)

    def redact(self, text: str) -> str:
        with self._lock:
            secrets = sorted(self._secrets, key=len, reverse=True)
        for secret in secrets:
            text = text.replace(secret, REDACTED)
        for pattern in _PATTERNS:
            text = pattern.sub(lambda match: (match.groups() or ("",))[0] + REDACTED, text)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self.redact(record.getMessage())
        record.args = None
        if record.exc_info:
            record.exc_text = self.redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Opens every log file, the first and each one after a rollover, for the user only."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)


#: The one redactor of this process: `setup_logging` puts it on every handler.
redactor = SecretRedactor()


def setup_logging(log_folder: Path | None, *, level: int = logging.INFO) -> Path | None:
    """Log to stderr and, when `log_folder` is given, to a rotating file there (only the user
    may read it). Returns the log file's path, or None when the folder cannot be written."""
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    log_file = None
    if log_folder is not None:
        try:
            log_folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            log_file = log_folder / LOG_FILE
            handlers.append(
                _PrivateRotatingFileHandler(
                    log_file, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8"
                )
            )
            log_file.chmod(0o600)
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
