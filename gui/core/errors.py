"""What can go wrong, as exceptions that carry a plain-language message for the user.

Every exception here is a `TicketError`: the UI shows `message` in the banner and each entry of
`field_errors` under its field. Messages are `gui.core.messages.Message`s (English `str`s the UI
translates) wherever the core writes them. Nothing here holds a token or a raw server body.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from gui.core.messages import Context, join

#: The context of this module's sentences with a number (lupdate reads it by this name).
errors = Context("errors")


class FieldError(NamedTuple):
    """One problem with one form field (named by its API name, e.g. ``"contacts"``)."""

    field: str
    message: str


class TicketError(Exception):
    """Base of everything the user is told about. `message` is for the banner."""

    #: True when the server may already have applied the update although we got no answer.
    may_have_reached_server: bool = False

    def __init__(self, message: str, *, field_errors: Iterable[FieldError] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.field_errors: tuple[FieldError, ...] = tuple(field_errors)


class InvalidTicket(TicketError):
    """The form has mistakes; nothing was sent."""

    def __init__(self, field_errors: Iterable[FieldError]) -> None:
        problems = tuple(field_errors)
        message = errors.tr(
            "%n fields need your attention.", "%n field needs your attention.", len(problems)
        )
        super().__init__(message, field_errors=problems)


class InvalidCredentials(TicketError):
    """The token or keys cannot be used as typed; nothing was sent."""

    def __init__(self, field_errors: Iterable[FieldError]) -> None:
        errors = tuple(field_errors)
        super().__init__(join(error.message for error in errors), field_errors=errors)


class KeychainError(TicketError):
    """The OS keychain refused or did not answer."""


class ConfigurationError(TicketError):
    """The API address or token cannot be used; nothing was sent."""


class Cancelled(TicketError):
    """The user stopped waiting. The request may still have reached the server."""

    may_have_reached_server = True


# --- The server answered with an error -------------------------------------------------------


class ApiError(TicketError):
    """The server answered, and the answer was not a success."""

    def __init__(
        self, message: str, *, status: int, field_errors: Iterable[FieldError] = ()
    ) -> None:
        super().__init__(message, field_errors=field_errors)
        self.status = status


class TicketNotFound(ApiError):
    """404: no ticket with this id."""


class TokenRejected(ApiError):
    """401/403: the server does not accept the token."""


class KeysRejected(ApiError):
    """The server refused to sign in with the key pair (or its token, twice)."""


class RejectedByServer(ApiError):
    """Another 4xx: the server refused the values (field errors when it named fields)."""


class ServerBusy(ApiError):
    """429/503: the server asks us to come back later."""

    def __init__(self, message: str, *, status: int, retry_after: int | None) -> None:
        super().__init__(message, status=status)
        self.retry_after = retry_after


class Redirected(ApiError):
    """3xx: the server points elsewhere; the app does not follow, so nothing was applied."""


class ServerFailed(ApiError):
    """5xx or an answer we cannot make sense of."""

    may_have_reached_server = True


# --- No answer from the server ---------------------------------------------------------------


class NetworkError(TicketError):
    """The request got no answer from the server."""


class ConnectionRefused(NetworkError):
    """Nothing listens at the address: the request provably did not arrive."""


class Unreachable(NetworkError):
    """No connection could be opened (network down or unreachable): nothing arrived."""


class HostNotFound(NetworkError):
    """DNS could not resolve the host: the request provably did not arrive."""


class TlsFailed(NetworkError):
    """The secure connection could not be set up: the request provably did not arrive."""


class TimedOut(NetworkError):
    """No answer in time. After a read timeout the server may have applied the update."""

    def __init__(self, message: str, *, may_have_reached_server: bool) -> None:
        super().__init__(message)
        self.may_have_reached_server = may_have_reached_server


class ConnectionLost(NetworkError):
    """The connection broke after the request was sent."""

    may_have_reached_server = True
