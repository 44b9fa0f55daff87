"""Who the app signs in as: a Bearer token, or the vendor's key pair, and its test/live mode.

Keys come from the vendor's dashboard: a secret key ``sk_test_…`` / ``sk_live_…`` and a
publishable key ``pk_test_…`` / ``pk_live_…``. Test keys act on test data, live keys on real
tenants, so the mode is shown to the user and a mixed pair is refused.
"""

from __future__ import annotations

import enum
import re
from typing import NamedTuple

from gui.core.errors import FieldError, InvalidCredentials
from gui.core.messages import QT_TRANSLATE_NOOP

#: Tokens and keys are printable ASCII without spaces; anything else (a line break, a no-break
#: space, "€") would break the HTTP header or hide a paste error.
_UNPRINTABLE = re.compile(r"[^\x21-\x7e]")


class Mode(enum.StrEnum):
    """Which data the keys act on."""

    TEST = "test"
    LIVE = "live"


class Credentials(NamedTuple):
    """A Bearer token, or a key pair the app exchanges for one (keys win when both are set)."""

    token: str = ""
    secret_key: str = ""
    publish_key: str = ""

    @property
    def uses_keys(self) -> bool:
        return bool(self.secret_key or self.publish_key)

    @property
    def empty(self) -> bool:
        return not (self.token or self.uses_keys)

    @property
    def mode(self) -> Mode | None:
        """Test or live, from the secret key; None for a bare token (its mode is unknown)."""
        for mode in Mode:
            if self.secret_key.startswith(f"sk_{mode.value}_"):
                return mode
        return None

    def __repr__(self) -> str:  # never print a secret, not even in a traceback
        held = [name for name, value in zip(self._fields, self, strict=True) if value]
        return f"Credentials({', '.join(held) or 'none'})"

    def secrets(self) -> tuple[str, ...]:
        """Every secret value held, for the log redaction."""
        return tuple(value for value in self if value)


def check_credentials(credentials: Credentials) -> Credentials:
    """The credentials with surrounding blanks removed; `InvalidCredentials` naming each problem.

    Field names are those of the settings dialog: ``token``, ``secretKey``, ``publishKey``.
    """
    cleaned = Credentials(*(value.strip() for value in credentials))
    problems: list[FieldError] = []
    for field, value in zip(("token", "secretKey", "publishKey"), cleaned, strict=True):
        if _UNPRINTABLE.search(value):
            problems.append(
                FieldError(
                    field,
                    QT_TRANSLATE_NOOP(
                        "credentials", "This contains spaces, line breaks or control characters."
                    ),
                )
            )
    if cleaned.uses_keys and not problems:
        problems += _key_pair_problems(cleaned.secret_key, cleaned.publish_key)
    if problems:
        raise InvalidCredentials(problems)
    return cleaned


def _key_pair_problems(secret_key: str, publish_key: str) -> list[FieldError]:
    secret_mode = _mode_of(secret_key, "sk")
    publish_mode = _mode_of(publish_key, "pk")
    problems = []
    if secret_mode is None:
        problems.append(
            FieldError(
                "secretKey",
                QT_TRANSLATE_NOOP("credentials", "A secret key starts with sk_test_ or sk_live_."),
            )
        )
    if publish_mode is None:
        problems.append(
            FieldError(
                "publishKey",
                QT_TRANSLATE_NOOP(
                    "credentials", "A publishable key starts with pk_test_ or pk_live_."
                ),
            )
        )
    if secret_mode is Mode.LIVE and publish_mode is Mode.TEST:
        problems.append(
            FieldError(
                "publishKey",
                QT_TRANSLATE_NOOP(
                    "credentials",
                    "This is a test key but the secret key is a live key: use the two keys of "
                    "one pair.",
                ),
            )
        )
    if secret_mode is Mode.TEST and publish_mode is Mode.LIVE:
        problems.append(
            FieldError(
                "publishKey",
                QT_TRANSLATE_NOOP(
                    "credentials",
                    "This is a live key but the secret key is a test key: use the two keys of "
                    "one pair.",
                ),
            )
        )
    return problems


def _mode_of(key: str, kind: str) -> Mode | None:
    for mode in Mode:
        prefix = f"{kind}_{mode.value}_"
        if key.startswith(prefix) and len(key) > len(prefix):
            return mode
    return None
