"""Secrets out of every log line: `redactor`, the filter every log handler goes through.

It replaces key patterns, Bearer tokens, ``secret_key=`` form fields, ``"token": "…"`` in JSON
and every exact secret the app was given (`SecretRedactor.remember`) with [redacted], in the
message and in tracebacks. Cheap to import: the sending code registers secrets at start-up.
The client passes every text a server sent through it too (a server may echo a token back).
"""

from __future__ import annotations

import logging
import re
import threading
from typing import TypeVar, cast

REDACTED = "[redacted]"

_Data = TypeVar("_Data")

#: The shapes of secrets in a text. They are compiled (by `re`, which keeps them) the first time
#: a text has one of `_CLUES`, not at every start: 0.4 ms of the window's first frame.
_PATTERNS = (
    r"\b[sp]k_(?:test|live)_[A-Za-z0-9_\-]+",
    r"(?i)(\bBearer\s+)[^\s\"',;]+",
    r"(?i)((?:secret_key|publish_key|token)=)[^&\s]+",
    r"(?i)([\"'](?:secret_key|publish_key|token)[\"']\s*:\s*[\"'])[^\"']+",
)
#: What every one of `_PATTERNS` needs in a text to match it (in any case): a text without any
#: of these is left as it is after one search, instead of four substitutions. A server's echo
#: is a dozen short texts per request.
_CLUES = re.compile(r"(?i)k_(?:test|live)_|bearer|secret_key|publish_key|token")


class SecretRedactor(logging.Filter):
    """Rewrites each record's message (and traceback) with secrets replaced by [redacted]."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._secrets: set[str] = set()
        self._longest_first: tuple[str, ...] = ()  # `_secrets`, as they are replaced

    def remember(self, *secrets: str) -> None:
        """Also redact these exact values (keys and tokens the app holds)."""
        with self._lock:
            self._secrets.update(secret for secret in secrets if len(secret) >= 4)
            self._longest_first = tuple(sorted(self._secrets, key=len, reverse=True))

    def redact(self, text: str) -> str:
        text = self.redact_secrets(text)
        if _CLUES.search(text) is None:
            return text
        for pattern in _PATTERNS:
            text = re.sub(pattern, lambda match: (match.groups() or ("",))[0] + REDACTED, text)
        return text

    def redact_secrets(self, text: str) -> str:
        """Only the exact secrets replaced: safe on raw JSON text, where a pattern could eat a
        closing quote (and before a message is cut short, which could keep half a token)."""
        for secret in self._longest_first:  # (a tuple: `remember` replaces it whole)
            text = text.replace(secret, REDACTED)
        return text

    def redact_data(self, value: _Data) -> _Data:
        """`value` from a JSON document with every string in it (keys too) redacted."""
        redacted: object = value
        if isinstance(value, str):
            redacted = self.redact(value)
        elif isinstance(value, dict):
            redacted = {
                self.redact(str(key)): self.redact_data(item) for key, item in value.items()
            }
        elif isinstance(value, list):
            redacted = [self.redact_data(item) for item in value]
        return cast("_Data", redacted)

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self.redact(record.getMessage())
        record.args = None
        if record.exc_info:
            record.exc_text = self.redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


#: The one redactor of this process: `gui.core.logs` puts it on every handler it installs.
redactor = SecretRedactor()
