"""Where an update goes: the API base it is sent to and the account it is sent as.

The account is an identity derived from the credentials that is never a secret itself: a short
hash of the publishable key (with a key pair) or of the token (with a bare token), so that the
outbox can tell two accounts apart without storing either. The outbox files its known tickets
and its history under a `Destination` (gui/core/outbox).

The window imports this module at start-up: hashlib loads only when an account is derived.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from gui.core.config import Connection
    from gui.core.credentials import Credentials

#: How many hex digits of the hash name an account (64 bits: two accounts of one computer
#: never meet by chance, and the hash says nothing usable about the key).
_ACCOUNT_DIGITS = 16


#: The API base of what the built-in sandbox queues (its address changes with every start).
SANDBOX = "sandbox"


class Destination(NamedTuple):
    """The API base an update was sent to and the account it was sent as (`account_of`)."""

    api_base: str
    account: str


def account_of(credentials: Credentials) -> str:
    """A short, stable identity of the account `credentials` sign in as; never a key or token.

    With a key pair it comes from the publishable key (the secret key of the same account may be
    rolled), with a bare token from the token; the two kinds are hashed with different prefixes
    so that they never collide. "" for no credentials.
    """
    if credentials.publish_key:
        kind, value = b"pk:", credentials.publish_key
    elif credentials.token:
        kind, value = b"token:", credentials.token
    else:
        return ""
    import hashlib

    return hashlib.sha256(kind + value.encode("utf-8")).hexdigest()[:_ACCOUNT_DIGITS]


def destination_of(connection: Connection) -> Destination:
    """Where `connection` sends: its API base (`SANDBOX` for the built-in sandbox) and its
    account."""
    api_base = SANDBOX if connection.sandbox else connection.api_base
    return Destination(api_base, account_of(connection.credentials))


def describe(api_base: str) -> str:
    """An API base as the user reads it: the address, or "the sandbox" (a `Message`)."""
    if api_base == SANDBOX:
        from gui.core.messages import QT_TRANSLATE_NOOP

        return QT_TRANSLATE_NOOP("destination", "the sandbox")
    return api_base
