"""The Particle Space HTTP client: sends a `TicketUpdate`, turns every outcome into a result or
a `TicketError` with a plain-language message. Blocking; the UI runs it on a worker thread."""

from __future__ import annotations

import http
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import requests
import urllib3.exceptions

from gui.core import errors
from gui.core.abort import Abort
from gui.core.api_contract import (
    FORM_CONTENT_TYPE,
    clean_message,
    read_error_body,
    read_success_body,
    retry_after_seconds,
    update_path,
)
from gui.core.ticket import TicketUpdate
from gui.core.transport import new_session
from gui.core.wire import encode_body

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 30.0
#: Bodies are read up to this size; anything longer is an error page we will not show anyway.
_MAX_BODY = 1024 * 1024

_MAY_HAVE_ARRIVED = (
    "The update may or may not have been applied; check the ticket before sending it again."
)


@dataclass(frozen=True)
class UpdateResult:
    """A confirmed update: the HTTP status and what the server echoed (if anything)."""

    ticket_id: str
    status: int
    echoed: dict[str, Any] | None


class TicketClient:
    """Talks to one Particle Space API base with one Bearer token over one `requests.Session`.

    Use it from one thread at a time. `abort` (optional, per call) lets another thread end a call.
    """

    def __init__(
        self,
        *,
        api_base: str,
        token: str,
        connect_timeout: float = CONNECT_TIMEOUT,
        read_timeout: float = READ_TIMEOUT,
        session: requests.Session | None = None,
    ) -> None:
        self.api_base = api_base.rstrip("/")
        self._token = token
        self._timeouts = (connect_timeout, read_timeout)
        self._session = session or new_session()
        self._host = urlsplit(self.api_base).netloc

    def close(self) -> None:
        self._session.close()

    def update_ticket(self, update: TicketUpdate, *, abort: Abort | None = None) -> UpdateResult:
        """PUT the update; `UpdateResult` on 2xx, else a `TicketError` subclass is raised."""
        abort = abort or Abort()
        if abort.aborted:
            raise errors.Cancelled("Cancelled before anything was sent.")
        try:
            with abort.watching():
                status, reason, headers, body = self._put(update)
        except requests.RequestException as error:
            if abort.aborted:
                raise errors.Cancelled("Stopped waiting for the server.") from None
            raise self._network_error(error) from None
        if abort.aborted:  # the user already walked away from this answer
            raise errors.Cancelled("Stopped waiting for the server.")
        if 200 <= status < 300:
            return UpdateResult(update.ticket_id, status, read_success_body(body))
        raise _api_error(update.ticket_id, status, reason, headers, body)

    def _put(self, update: TicketUpdate) -> tuple[int, str, dict[str, str], bytes]:
        response = self._session.put(
            self.api_base + update_path(update.ticket_id),
            data=encode_body(update).encode("utf-8"),
            auth=_BearerAuth(self._token),
            headers={
                "Content-Type": FORM_CONTENT_TYPE,
                "Accept": "application/json",
            },
            timeout=self._timeouts,
            allow_redirects=False,  # never carry the token somewhere else
            stream=True,
        )
        with response:
            body = bytearray()
            for chunk in response.iter_content(64 * 1024):
                body += chunk
                if len(body) > _MAX_BODY:
                    break
            return response.status_code, response.reason or "", dict(response.headers), bytes(body)

    def _network_error(self, error: requests.RequestException) -> errors.TicketError:
        host = self._host
        connect, read = self._timeouts
        if isinstance(error, requests.exceptions.SSLError):
            if "CERTIFICATE_VERIFY" in str(error):
                why = "its certificate is not trusted"
            else:
                why = "the secure (TLS) connection failed"
            return errors.TlsFailed(
                f"Could not connect securely to {host}: {why}. Nothing was sent."
            )
        if isinstance(error, requests.exceptions.ConnectTimeout):
            return errors.TimedOut(
                f"{host} did not answer within {connect:g} s. Check the network; nothing was sent.",
                may_have_reached_server=False,
            )
        causes = list(_causes(error))
        # A stall in the body comes as ConnectionError(ReadTimeoutError), not as ReadTimeout.
        if isinstance(error, requests.exceptions.ReadTimeout) or any(
            isinstance(cause, urllib3.exceptions.ReadTimeoutError) for cause in causes
        ):
            return errors.TimedOut(
                f"No answer from {host} within {read:g} s. {_MAY_HAVE_ARRIVED}",
                may_have_reached_server=True,
            )
        if any(isinstance(cause, urllib3.exceptions.NameResolutionError) for cause in causes):
            return errors.HostNotFound(
                f"Could not find {host}. Check the API address and that this computer is online."
            )
        if any(isinstance(cause, ConnectionRefusedError) for cause in causes):
            return errors.ConnectionRefused(
                f"{host} refused the connection: the service is down or the address is wrong."
            )
        if any(isinstance(cause, urllib3.exceptions.NewConnectionError) for cause in causes):
            return errors.Unreachable(
                f"Could not connect to {host}. Check that this computer is online."
            )
        if isinstance(error, requests.exceptions.InvalidURL | requests.exceptions.InvalidHeader):
            return errors.ConfigurationError(f"The API address or token cannot be used: {error}")
        return errors.ConnectionLost(f"The connection to {host} broke. {_MAY_HAVE_ARRIVED}")


class _BearerAuth(requests.auth.AuthBase):
    """``Authorization: Bearer <token>``, given as `auth` so that requests never replaces it
    with credentials from the user's ~/.netrc (it only looks there when `auth` is None)."""

    def __init__(self, token: str) -> None:
        self._token = token

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers["Authorization"] = f"Bearer {self._token}"
        return request


def _api_error(
    ticket_id: str, status: int, reason: str, headers: dict[str, str], body: bytes
) -> errors.ApiError:
    label = f"HTTP {status} {reason or _phrase(status)}".strip()
    parsed = read_error_body(body)
    said = " ".join(parsed.messages)
    if status in (401, 403):
        return errors.TokenRejected(
            f"The token was rejected ({label}). Check the token or ask for a new one.",
            status=status,
        )
    if status == 404:
        return errors.TicketNotFound(
            f"Particle Space has no ticket “{ticket_id}”.",
            status=status,
            field_errors=[errors.FieldError("ticketId", "No ticket with this id.")],
        )
    if status in (429, 503):
        seconds = retry_after_seconds(_header(headers, "Retry-After"), now=datetime.now(UTC))
        wait = f"in {seconds} s" if seconds is not None else "in a minute"
        return errors.ServerBusy(
            f"Particle Space is busy. Try again {wait}.", status=status, retry_after=seconds
        )
    if 400 <= status < 500:
        if said:
            message = f"Particle Space refused the update: {said}"
        elif parsed.field_errors:
            message = "Particle Space refused some values; see the marked fields."
        else:
            message = f"Particle Space refused the update ({label})."
        return errors.RejectedByServer(message, status=status, field_errors=parsed.field_errors)
    if status >= 500:
        detail = f" It said: {clean_message(said)}" if said else ""
        return errors.ServerFailed(
            f"Particle Space had a problem ({label}).{detail} {_MAY_HAVE_ARRIVED}", status=status
        )
    return errors.ServerFailed(f"Unexpected answer from Particle Space ({label}).", status=status)


def _header(headers: dict[str, str], name: str) -> str | None:
    return next((value for key, value in headers.items() if key.lower() == name.lower()), None)


def _phrase(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return ""


def _causes(error: BaseException) -> Iterator[BaseException]:
    """The error, what it wraps (`args`, `reason`, causes), depth first, each once."""
    seen: set[int] = set()
    stack: list[BaseException] = [error]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        linked = [current.__cause__, current.__context__, getattr(current, "reason", None)]
        linked += list(current.args)
        stack.extend(item for item in linked if isinstance(item, BaseException))
