"""`SandboxServer`: the fake vendor's tickets and tokens, its routes, and when it listens.

It answers ``POST /authenticate``, ``PUT /ticket/{id}`` and ``POST /ticket/new`` the way the vendor
documents them (the field checks are in `gui.sandbox.rules`); its listener and request handler
(`gui.sandbox.http_server`, `gui.sandbox.handler`) apply the `Behaviour` and write the answer.
"""

from __future__ import annotations

import dataclasses
import logging
import secrets
import threading
import time
from collections.abc import Iterable
from types import TracebackType
from typing import ClassVar, Self
from urllib.parse import unquote, urlsplit

from gui.sandbox.behaviour import Behaviour
from gui.sandbox.http_server import HOST, SandboxHTTPServer
from gui.sandbox.recorded import RecordedRequest
from gui.sandbox.replies import (
    FAULT_REPLIES,
    INVALID_KEYS,
    METHOD_NOT_ALLOWED,
    NOT_A_FORM,
    NOT_FOUND,
    UNAUTHENTICATED,
    UNKNOWN_TICKET,
    Reply,
    json_reply,
)
from gui.sandbox.rules import validate_ticket_fields
from gui.sandbox.tickets import SAMPLE_TICKETS, now_iso, stored_fields, ticket_data

__all__ = ["SandboxServer"]

_log = logging.getLogger("gui.sandbox")

_API_PREFIX = "/api/v1"
_FORM = "application/x-www-form-urlencoded"

_POLL_INTERVAL = 0.05  # how often serve_forever() looks for a shutdown request, in seconds
_STOP_TIMEOUT = 0.9  # the most stop() waits for the server's threads, in seconds


class SandboxServer:
    """A Particle Space look-alike serving the ticket API on 127.0.0.1.

    Use it as a context manager, or call :meth:`start` and :meth:`stop`.  Everything it receives
    is recorded in :attr:`requests`; :attr:`behaviour` makes it misbehave on purpose.  All public
    members are safe to use from any thread.
    """

    TOKEN: ClassVar[str] = "sandbox-token"  # a Bearer token the sandbox always accepts

    def __init__(
        self, *, port: int = 0, tickets: Iterable[str] | None = None, slow_seconds: float = 3.0
    ) -> None:
        """Prepare a sandbox; ``port`` 0 picks a free port when it starts.

        ``tickets`` are the ids the sandbox knows (``tic_1001`` to ``tic_1003`` by default),
        each with a made-up title, description and status.
        """
        self.slow_seconds = slow_seconds  # how long a SLOW request waits before its answer
        #: The Retry-After a BUSY or UNAVAILABLE answer asks for, in seconds (None: its own).
        self.retry_after: int | None = None
        self._port = port
        self._lock = threading.Lock()
        self._requests_recorded = threading.Condition(self._lock)
        self._behaviour = Behaviour.NORMAL
        self._requests: list[RecordedRequest] = []
        self._tickets: dict[str, dict[str, str]] = {}
        self._issued_tokens: set[str] = set()
        self._httpd: SandboxHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._stopped = False
        for ticket_id in SAMPLE_TICKETS if tickets is None else tickets:
            self.add_ticket(ticket_id, **SAMPLE_TICKETS.get(ticket_id, {}))

    # -- lifecycle -------------------------------------------------------------------------------

    def start(self) -> None:
        """Listen on 127.0.0.1 and serve from a daemon thread named ``sandbox-server``."""
        with self._lock:
            if self._httpd is not None:
                raise RuntimeError("A sandbox server can only be started once.")
            httpd = SandboxHTTPServer(self._port, self)
            self._httpd = httpd
            self._thread = threading.Thread(
                target=httpd.serve_forever,
                kwargs={"poll_interval": _POLL_INTERVAL},
                name="sandbox-server",
                daemon=True,
            )
            self._thread.start()
        _log.debug("Sandbox listening on %s", self.url)

    def stop(self) -> None:
        """Stop serving, cut open connections and close the socket; calling it again does nothing.

        Returns in under a second, even while SLOW or DRIP requests are being answered.
        """
        with self._lock:
            httpd, thread = self._httpd, self._thread
            if httpd is None or thread is None or self._stopped:
                return
            self._stopped = True
        deadline = time.monotonic() + _STOP_TIMEOUT
        httpd.stopping.set()
        httpd.shutdown()
        thread.join(max(0.0, deadline - time.monotonic()))
        stragglers = httpd.drop_connections(max(0.0, deadline - time.monotonic()))
        httpd.server_close()
        if still_running := len(stragglers) + thread.is_alive():
            _log.warning("Sandbox stopped with %d thread(s) still running", still_running)
        _log.debug("Sandbox stopped")

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # -- what tests and the demo look at ---------------------------------------------------------

    @property
    def url(self) -> str:
        """The API base, ``http://127.0.0.1:<port>/api/v1``; known once the sandbox has started."""
        if self._httpd is None:
            raise RuntimeError("Start the sandbox server before asking for its URL.")
        return f"http://{HOST}:{self._httpd.server_port}{_API_PREFIX}"

    @property
    def behaviour(self) -> Behaviour:
        """How the sandbox answers the next requests."""
        with self._lock:
            return self._behaviour

    @behaviour.setter
    def behaviour(self, behaviour: Behaviour) -> None:
        with self._lock:
            self._behaviour = behaviour

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received so far, oldest first (a copy)."""
        with self._lock:
            return list(self._requests)

    @property
    def tickets(self) -> dict[str, dict[str, str]]:
        """The current state of every ticket, by id (a copy)."""
        with self._lock:
            return {ticket_id: dict(ticket) for ticket_id, ticket in self._tickets.items()}

    def add_ticket(self, ticket_id: str, **fields: str) -> None:
        """Make the sandbox know ``ticket_id``; missing fields get made-up values."""
        ticket = {
            "title": f"Sample ticket {ticket_id}",
            "description": "A made-up ticket served by the sandbox.",
            "status": "NEW",
            "notify": "0",
            "automated": "0",
            "updated_at": now_iso(),
            **fields,
        }
        with self._lock:
            self._tickets[ticket_id] = ticket

    def wait_for_requests(self, count: int, timeout: float = 5.0) -> list[RecordedRequest]:
        """Block until at least ``count`` requests were received and return them all.

        Raises TimeoutError if that takes longer than ``timeout`` seconds.
        """
        with self._requests_recorded:
            if not self._requests_recorded.wait_for(lambda: len(self._requests) >= count, timeout):
                raise TimeoutError(
                    f"The sandbox received {len(self._requests)} of {count} requests "
                    f"within {timeout} s."
                )
            return list(self._requests)

    # -- the fake vendor, called by the request handler (gui.sandbox.handler) --------------------

    def _record(self, request: RecordedRequest) -> None:
        with self._requests_recorded:
            self._requests.append(request)
            self._requests_recorded.notify_all()

    def _fault(self, behaviour: Behaviour) -> Reply | None:
        """The answer every request gets while the sandbox has a fault `behaviour`, if any."""
        reply = FAULT_REPLIES.get(behaviour)
        if reply is None or self.retry_after is None or not reply.headers:
            return reply
        return dataclasses.replace(reply, headers=(("Retry-After", str(self.retry_after)),))

    def _answer(self, request: RecordedRequest) -> Reply:
        """Answer a request the way the vendor would (the NORMAL behaviour)."""
        path = urlsplit(request.path).path
        if not path.startswith(_API_PREFIX + "/"):
            return NOT_FOUND
        match path.removeprefix(_API_PREFIX + "/").split("/"):
            case ["authenticate"]:
                if request.method != "POST":
                    return METHOD_NOT_ALLOWED
                return self._authenticate(request)
            case ["ticket", "new"] if request.method == "POST":
                return self._create_ticket(request)
            case ["ticket", quoted_id] if quoted_id:
                if request.method != "PUT":
                    return METHOD_NOT_ALLOWED
                return self._update_ticket(unquote(quoted_id), request)
            case _:
                return NOT_FOUND

    def _authenticate(self, request: RecordedRequest) -> Reply:
        form = dict(request.form)
        # The sandbox only ever acts on test data, so it only takes test keys.
        if not (
            form.get("secret_key", "").startswith("sk_test_")
            and form.get("publish_key", "").startswith("pk_test_")
        ):
            return INVALID_KEYS
        token = secrets.token_urlsafe(24)
        with self._lock:
            self._issued_tokens.add(token)
        return json_reply(200, {"data": {"token": token}})

    def _update_ticket(self, ticket_id: str, request: RecordedRequest) -> Reply:
        if (refusal := self._refusal(request)) is not None:
            return refusal
        with self._lock:
            known = ticket_id in self._tickets
        if not known:
            return UNKNOWN_TICKET
        fields = dict(request.form)
        if errors := validate_ticket_fields(fields, creating=False):
            return json_reply(422, {"errors": errors})
        with self._lock:
            ticket = self._tickets[ticket_id]
            ticket.update(stored_fields(fields))
            data = ticket_data(ticket_id, ticket)
        return json_reply(200, {"data": data})

    def _create_ticket(self, request: RecordedRequest) -> Reply:
        if (refusal := self._refusal(request)) is not None:
            return refusal
        fields = dict(request.form)
        if errors := validate_ticket_fields(fields, creating=True):
            return json_reply(422, {"errors": errors})
        ticket_id = "tic_" + secrets.token_hex(6)
        ticket = {"description": "", **stored_fields(fields)}
        with self._lock:
            self._tickets[ticket_id] = ticket
        return json_reply(201, {"data": ticket_data(ticket_id, ticket)})

    def _refusal(self, request: RecordedRequest) -> Reply | None:
        """The 401 or 415 a ticket request gets before its fields are looked at, if any."""
        scheme, _, token = (request.header("Authorization") or "").partition(" ")
        with self._lock:
            accepted = token == self.TOKEN or token in self._issued_tokens
        if scheme != "Bearer" or not accepted:
            return UNAUTHENTICATED
        if not (request.header("Content-Type") or "").lower().startswith(_FORM):
            return NOT_A_FORM
        return None
