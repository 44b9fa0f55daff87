"""The Particle Space HTTP client: sends a `TicketUpdate`, turns every outcome into a result or
a `TicketError` with a plain-language message. Blocking; the UI runs it on a worker thread."""

from __future__ import annotations

import http
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import requests
import urllib3.exceptions

from gui.core import errors
from gui.core.abort import Abort
from gui.core.api_contract import (
    AUTHENTICATE_PATH,
    FORM_CONTENT_TYPE,
    NEW_TICKET_PATH,
    ErrorBody,
    clean_message,
    read_created_id,
    read_error_body,
    read_success_body,
    read_token,
    retry_after_seconds,
    update_path,
)
from gui.core.config import CONNECT_TIMEOUT, READ_TIMEOUT
from gui.core.credentials import Credentials, Mode
from gui.core.messages import QT_TRANSLATE_NOOP, Message, join, plain
from gui.core.redaction import redactor
from gui.core.retry import duration
from gui.core.ticket import TicketUpdate
from gui.core.transport import PeerNotLoopback, exchange, new_session
from gui.core.wire import encode_body, encode_sign_in

log = logging.getLogger(__name__)

#: Bodies are read up to this size; anything longer is an error page we will not show anyway.
_MAX_BODY = 1024 * 1024

_MAY_HAVE_ARRIVED = QT_TRANSLATE_NOOP(
    "client",
    "The update may or may not have been applied; check the ticket before sending it again.",
)

_HEADERS = {"Content-Type": FORM_CONTENT_TYPE, "Accept": "application/json"}

_STOPPED_WAITING = QT_TRANSLATE_NOOP("client", "Stopped waiting for the server.")


@dataclass(frozen=True)
class UpdateResult:
    """A confirmed update or creation: the ticket's id (for a new ticket the one the server
    gave it, "" if it did not say), the HTTP status and what the server echoed (if anything)."""

    ticket_id: str
    status: int
    echoed: dict[str, Any] | None


class _Answer(NamedTuple):
    status: int
    reason: str
    headers: dict[str, str]
    body: bytes

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


class TicketClient:
    """Talks to one Particle Space API base over one `requests.Session`.

    With a Bearer token it sends that; with a key pair it signs in (``POST /authenticate``)
    when first needed, keeps the token in memory only, and on a 401 signs in once more and
    retries once. Use it from one thread at a time; `abort` (per call) lets another thread
    end a call. Certificates are always verified, against `ca_bundle` when one is given.
    """

    def __init__(
        self,
        *,
        api_base: str,
        credentials: Credentials,
        connect_timeout: float = CONNECT_TIMEOUT,
        read_timeout: float = READ_TIMEOUT,
        ca_bundle: str | None = None,
        session: requests.Session | None = None,
    ) -> None:
        self.api_base = api_base.rstrip("/")
        self._credentials = credentials
        self._token: str | None = None if credentials.uses_keys else credentials.token
        self._timeouts = (connect_timeout, read_timeout)
        self._verify: str | bool = ca_bundle or True
        self._session = session or new_session()
        self._host = urlsplit(self.api_base).netloc
        redactor.remember(*credentials.secrets())  # a server may echo them back

    def close(self) -> None:
        self._session.close()

    def send(self, update: TicketUpdate, *, abort: Abort | None = None) -> UpdateResult:
        """Create or update the ticket, as `update.operation` says."""
        if update.creates:
            return self.create_ticket(update, abort=abort)
        return self.update_ticket(update, abort=abort)

    def update_ticket(self, update: TicketUpdate, *, abort: Abort | None = None) -> UpdateResult:
        """PUT the update; `UpdateResult` on 2xx, else a `TicketError` subclass is raised."""
        path = update_path(update.ticket_id)
        answer = self._signed(abort or Abort(), "PUT", path, encode_body(update))
        if answer.ok:
            return UpdateResult(update.ticket_id, answer.status, _echoed(answer.body))
        raise _api_error(update.ticket_id, *answer)

    def create_ticket(self, update: TicketUpdate, *, abort: Abort | None = None) -> UpdateResult:
        """POST a new ticket; its id (from the answer) in the `UpdateResult`."""
        answer = self._signed(abort or Abort(), "POST", NEW_TICKET_PATH, encode_body(update))
        if answer.ok:
            created = redactor.redact(read_created_id(answer.body) or "")
            return UpdateResult(created, answer.status, _echoed(answer.body))
        raise _api_error("", *answer, creating=True)

    def check_connection(self, *, abort: Abort | None = None) -> str:
        """Whether these credentials work here, in a sentence (a `Message`); changes nothing on
        the server."""
        abort = abort or Abort()
        if self._credentials.uses_keys:
            self._token = self._sign_in(abort)
            mode = self._credentials.mode
            if mode is Mode.TEST:
                return QT_TRANSLATE_NOOP(
                    "client", "Signed in to {host} with your test keys."
                ).format(host=self._host)
            if mode is Mode.LIVE:
                return QT_TRANSLATE_NOOP(
                    "client", "Signed in to {host} with your live keys."
                ).format(host=self._host)
            return QT_TRANSLATE_NOOP("client", "Signed in.")
        answer = self._request(abort, "GET", "", None, token=self._token)
        if answer.status in (401, 403) or 300 <= answer.status < 400:
            raise _api_error("", *answer)
        return QT_TRANSLATE_NOOP(
            "client", "Reached {host}. The token is checked with the first update."
        ).format(host=self._host)

    def _signed(self, abort: Abort, method: str, path: str, body: str) -> _Answer:
        """PUT with a valid token: a 401 with keys means the token expired, so sign in again
        once and retry once (a 401 was not applied, so the retry cannot apply it twice)."""
        for attempt in (1, 2):
            if self._token is None:
                self._token = self._sign_in(abort)
            answer = self._request(abort, method, path, body, token=self._token)
            if answer.status != 401 or not self._credentials.uses_keys:
                return answer
            self._token = None
            log.info("token refused (attempt %d); signing in again", attempt)
        raise errors.KeysRejected(
            QT_TRANSLATE_NOOP(
                "client",
                "Your keys were rejected: Particle Space refused the token it had just given. "
                "Check them in Settings.",
            ),
            status=401,
        )

    def _sign_in(self, abort: Abort) -> str:
        answer = self._request(abort, "POST", AUTHENTICATE_PATH, encode_sign_in(self._credentials))
        if answer.status in (400, 401, 403, 422):
            raise errors.KeysRejected(
                QT_TRANSLATE_NOOP(
                    "client", "Your keys were rejected (HTTP {status}). Check them in Settings."
                ).format(status=answer.status),
                status=answer.status,
            )
        if not answer.ok:
            raise _api_error("", *answer)
        token = read_token(answer.body)
        if not token or not (token.isascii() and token.isprintable()) or " " in token:
            raise errors.ServerFailed(
                QT_TRANSLATE_NOOP(
                    "client", "Particle Space accepted the keys but sent no usable token."
                ),
                status=answer.status,
            )
        redactor.remember(token)
        return token

    def _request(
        self, abort: Abort, method: str, path: str, body: str | None, *, token: str | None = None
    ) -> _Answer:
        if abort.aborted:
            raise errors.Cancelled(
                QT_TRANSLATE_NOOP("client", "Cancelled before anything was sent.")
            )
        started = time.monotonic()
        try:
            with abort.watching():
                answer = self._exchange(method, path, body, token)
        except requests.RequestException as error:
            if abort.aborted:
                raise errors.Cancelled(_STOPPED_WAITING) from None
            log.info("%s %s: %s", method, path or "/", type(error).__name__)
            raise self._network_error(error) from None
        except PeerNotLoopback as error:  # a ConfigurationError: nothing was written
            log.warning("%s %s: plain http led to %s", method, path or "/", error.peer or "?")
            raise
        except OSError as error:  # requests: a CA bundle path that does not exist
            raise errors.ConfigurationError(
                QT_TRANSLATE_NOOP("client", "The CA bundle cannot be used: {reason}").format(
                    reason=plain(str(error))
                )
            ) from None
        if abort.aborted:  # the user already walked away from this answer
            raise errors.Cancelled(_STOPPED_WAITING)
        log.info(
            "%s %s: HTTP %d in %.2f s",
            method,
            path or "/",
            answer.status,
            time.monotonic() - started,
        )
        return answer

    def _exchange(self, method: str, path: str, body: str | None, token: str | None) -> _Answer:
        response = exchange(
            self._session,
            method,
            self.api_base + path,
            data=body.encode("utf-8") if body is not None else None,
            headers=_HEADERS,
            auth=_BearerAuth(token) if token else None,
            timeout=self._timeouts,
            verify=self._verify,
        )
        with response:
            content = bytearray()
            for chunk in response.iter_content(64 * 1024):
                content += chunk
                if len(content) > _MAX_BODY:
                    break
            return _Answer(
                response.status_code,
                redactor.redact(response.reason or ""),
                dict(response.headers),
                bytes(content),
            )

    def _network_error(self, error: requests.RequestException) -> errors.TicketError:
        host = self._host
        connect, read = self._timeouts
        if isinstance(error, requests.exceptions.SSLError):
            if "CERTIFICATE_VERIFY" in str(error):
                return errors.TlsFailed(
                    QT_TRANSLATE_NOOP(
                        "client",
                        "Could not connect securely to {host}: its certificate is not trusted. "
                        "Nothing was sent.",
                    ).format(host=host)
                )
            return errors.TlsFailed(
                QT_TRANSLATE_NOOP(
                    "client",
                    "Could not connect securely to {host}: the secure (TLS) connection failed. "
                    "Nothing was sent.",
                ).format(host=host)
            )
        if isinstance(error, requests.exceptions.ProxyError):  # no tunnel: nothing was sent
            return errors.Unreachable(
                QT_TRANSLATE_NOOP(
                    "client",
                    "Could not connect to {host} through the proxy (HTTPS_PROXY); nothing was "
                    "sent. Check the proxy setting, or NO_PROXY.",
                ).format(host=host)
            )
        if isinstance(error, requests.exceptions.ConnectTimeout):
            return errors.TimedOut(
                QT_TRANSLATE_NOOP(
                    "client",
                    "{host} did not answer within {seconds:g} s. Check the network; nothing was "
                    "sent.",
                ).format(host=host, seconds=connect),
                may_have_reached_server=False,
            )
        causes = list(_causes(error))
        # A stall in the body comes as ConnectionError(ReadTimeoutError), not as ReadTimeout.
        if isinstance(error, requests.exceptions.ReadTimeout) or any(
            isinstance(cause, urllib3.exceptions.ReadTimeoutError) for cause in causes
        ):
            no_answer = QT_TRANSLATE_NOOP("client", "No answer from {host} within {seconds:g} s.")
            return errors.TimedOut(
                join([no_answer.format(host=host, seconds=read), _MAY_HAVE_ARRIVED]),
                may_have_reached_server=True,
            )
        if any(isinstance(cause, urllib3.exceptions.NameResolutionError) for cause in causes):
            return errors.HostNotFound(
                QT_TRANSLATE_NOOP(
                    "client",
                    "Could not find {host}. Check the API address and that this computer is "
                    "online.",
                ).format(host=host)
            )
        if any(isinstance(cause, ConnectionRefusedError) for cause in causes):
            return errors.ConnectionRefused(
                QT_TRANSLATE_NOOP(
                    "client",
                    "{host} refused the connection: the service is down or the address is wrong.",
                ).format(host=host)
            )
        if any(isinstance(cause, urllib3.exceptions.NewConnectionError) for cause in causes):
            return errors.Unreachable(
                QT_TRANSLATE_NOOP(
                    "client", "Could not connect to {host}. Check that this computer is online."
                ).format(host=host)
            )
        if isinstance(error, requests.exceptions.InvalidURL | requests.exceptions.InvalidHeader):
            return errors.ConfigurationError(
                QT_TRANSLATE_NOOP(
                    "client", "The API address or token cannot be used: {reason}"
                ).format(reason=plain(str(error)))
            )
        broke = QT_TRANSLATE_NOOP("client", "The connection to {host} broke.").format(host=host)
        return errors.ConnectionLost(join([broke, _MAY_HAVE_ARRIVED]))


class _BearerAuth(requests.auth.AuthBase):
    """``Authorization: Bearer <token>``, given as `auth` so that requests never replaces it
    with credentials from the user's ~/.netrc (it only looks there when `auth` is None)."""

    def __init__(self, token: str) -> None:
        self._token = token

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers["Authorization"] = f"Bearer {self._token}"
        return request


def _api_error(
    ticket_id: str,
    status: int,
    reason: str,
    headers: dict[str, str],
    body: bytes,
    *,
    creating: bool = False,
) -> errors.ApiError:
    # The status line and whatever the server said are its own words: arguments, not translated.
    label = plain(f"HTTP {status} {reason or _phrase(status)}".strip())
    parsed = _redacted_errors(read_error_body(_without_secrets(body)))
    said = plain(" ".join(parsed.messages))
    if status in (401, 403):
        return errors.TokenRejected(
            QT_TRANSLATE_NOOP(
                "client", "The token was rejected ({label}). Check the token or ask for a new one."
            ).format(label=label),
            status=status,
        )
    if status == 404 and creating:  # POST /ticket/new: the address itself is wrong
        return errors.RejectedByServer(
            QT_TRANSLATE_NOOP(
                "client",
                "Particle Space does not offer creating tickets at this address ({label}). "
                "Check the API address in Settings.",
            ).format(label=label),
            status=status,
        )
    if status == 404:
        return errors.TicketNotFound(
            QT_TRANSLATE_NOOP("client", "Particle Space has no ticket “{ticket_id}”.").format(
                ticket_id=ticket_id
            ),
            status=status,
            field_errors=[
                errors.FieldError(
                    "ticketId", QT_TRANSLATE_NOOP("client", "No ticket with this id.")
                )
            ],
        )
    if status in (429, 503):
        # What the server asked, never when the next try is: the outbox decides that
        # (gui.core.retry.decide, whose reason says it) and caps what it honours.
        seconds = retry_after_seconds(_header(headers, "Retry-After"), now=datetime.now(UTC))
        if not seconds:
            busy = QT_TRANSLATE_NOOP("client", "Particle Space is busy (HTTP {status}).").format(
                status=status
            )
        else:
            busy = QT_TRANSLATE_NOOP(
                "client", "Particle Space is busy (HTTP {status}) and asked to wait {wait}."
            ).format(status=status, wait=duration(seconds))
        return errors.ServerBusy(busy, status=status, retry_after=seconds)
    if 400 <= status < 500:
        message: Message
        if said:
            message = QT_TRANSLATE_NOOP(
                "client", "Particle Space refused the update: {said}"
            ).format(said=said)
        elif parsed.field_errors:
            message = QT_TRANSLATE_NOOP(
                "client", "Particle Space refused some values; see the marked fields."
            )
        else:
            message = QT_TRANSLATE_NOOP(
                "client", "Particle Space refused the update ({label})."
            ).format(label=label)
        return errors.RejectedByServer(message, status=status, field_errors=parsed.field_errors)
    if status >= 500:
        had_problem = QT_TRANSLATE_NOOP("client", "Particle Space had a problem ({label}).")
        parts = [had_problem.format(label=label)]
        if said:
            parts.append(
                QT_TRANSLATE_NOOP("client", "It said: {said}").format(
                    said=plain(clean_message(said))
                )
            )
        parts.append(_MAY_HAVE_ARRIVED)
        return errors.ServerFailed(join(parts), status=status)
    if 300 <= status < 400:
        target = redactor.redact(urlsplit(_header(headers, "Location") or "").netloc)
        if target:
            redirected = QT_TRANSLATE_NOOP(
                "client",
                "Particle Space sent the request on to {target} ({label}). The app does not "
                "follow redirects, so nothing was sent there and nothing was applied. Check the "
                "API address in Settings.",
            ).format(target=target, label=label)
        else:
            redirected = QT_TRANSLATE_NOOP(
                "client",
                "Particle Space sent the request on to another address ({label}). The app does "
                "not follow redirects, so nothing was sent there and nothing was applied. Check "
                "the API address in Settings.",
            ).format(label=label)
        return errors.Redirected(redirected, status=status)
    return errors.ServerFailed(
        QT_TRANSLATE_NOOP("client", "Unexpected answer from Particle Space ({label}).").format(
            label=label
        ),
        status=status,
    )


# A server may echo a token or key (in an error, in the echo of an update): every text taken
# from a body is redacted, the exact secrets before parsing (a long message is cut short, which
# could keep half a token), the patterns once parsed (on raw JSON they could eat a quote).


def _without_secrets(body: bytes) -> bytes:
    text = redactor.redact_secrets(body.decode("utf-8", "surrogateescape"))
    return text.encode("utf-8", "surrogateescape")


def _echoed(body: bytes) -> dict[str, Any] | None:
    return redactor.redact_data(read_success_body(_without_secrets(body)))


def _redacted_errors(parsed: ErrorBody) -> ErrorBody:
    return ErrorBody(
        tuple(
            errors.FieldError(error.field, plain(redactor.redact(error.message)))
            for error in parsed.field_errors
        ),
        tuple(redactor.redact(message) for message in parsed.messages),
    )


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
