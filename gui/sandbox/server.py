"""An embedded look-alike of the Particle Space ticket API, for the demo mode and the tests.

The sandbox answers like the vendor documents it: ``POST /authenticate`` hands out Bearer tokens,
``PUT /ticket/{id}`` updates a ticket and ``POST /ticket/new`` creates one, with the vendor's field
rules.  Where the vendor's behaviour is undocumented (error bodies, status codes) it makes the same
assumptions the client does.  A :class:`Behaviour` switch makes it misbehave on purpose: slow,
failing, rate-limited, behind a broken proxy, or dripping a body byte by byte.

It is a fake of the vendor, not part of our client: it uses the standard library only, never
imports from ``gui.core`` or Qt, and only ever listens on 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import enum
import json
import logging
import re
import secrets
import socket
import socketserver
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, ClassVar, Self
from urllib.parse import parse_qsl, unquote, urlsplit

__all__ = ["Behaviour", "RecordedRequest", "SandboxServer"]

_log = logging.getLogger("gui.sandbox")

_HOST = "127.0.0.1"
_API_PREFIX = "/api/v1"
_JSON = "application/json; charset=utf-8"
_HTML = "text/html; charset=utf-8"
_FORM = "application/x-www-form-urlencoded"

_POLL_INTERVAL = 0.05  # how often serve_forever() looks for a shutdown request, in seconds
_STOP_TIMEOUT = 0.9  # the most stop() waits for the server's threads, in seconds
_REQUEST_TIMEOUT = 10.0  # socket timeout, so a stalled client cannot pin a handler thread
_DRIP_LENGTH = 1000  # the Content-Length a DRIP answer announces
_DRIP_INTERVAL = 0.5  # seconds between two bytes of a DRIP answer


class Behaviour(enum.Enum):
    """How the sandbox answers every request from now on, until it is changed again."""

    NORMAL = "normal"  # follow the vendor's rules
    SLOW = "slow"  # wait `slow_seconds`, then answer as NORMAL
    SERVER_ERROR = "server_error"  # 500 with a JSON message
    BUSY = "busy"  # 429 with Retry-After: 7
    UNAVAILABLE = "unavailable"  # 503 with Retry-After: 30
    PROXY_HTML = "proxy_html"  # 502 with an HTML page, as a misbehaving proxy sends
    DRIP = "drip"  # 200 announcing 1000 bytes, then one byte every 0.5 s


@dataclass(frozen=True)
class RecordedRequest:
    """One request exactly as the sandbox received it."""

    method: str
    path: str  # the raw request target, percent-encoding and query included
    headers: dict[str, str]  # header names spelled as the client sent them
    body: str
    form: list[tuple[str, str]]  # the body parsed as a form, blank values kept

    def header(self, name: str) -> str | None:
        """Return the value of header ``name`` (case-insensitive), or None if it was not sent."""
        wanted = name.lower()
        return next((value for key, value in self.headers.items() if key.lower() == wanted), None)


_Headers = tuple[tuple[str, str], ...]
_Request = socket.socket | tuple[bytes, socket.socket]  # what socketserver hands to handlers


@dataclass(frozen=True)
class _Reply:
    """A complete HTTP answer, ready to be written."""

    status: int
    body: bytes
    content_type: str = _JSON
    headers: _Headers = ()


def _json_reply(status: int, payload: object, *, headers: _Headers = ()) -> _Reply:
    return _Reply(status, json.dumps(payload).encode("utf-8"), _JSON, headers)


_NOT_FOUND = _json_reply(404, {"message": "Not found."})
_METHOD_NOT_ALLOWED = _json_reply(405, {"message": "Method not allowed."})
_UNAUTHENTICATED = _json_reply(401, {"error": "Unauthenticated."})
_NOT_A_FORM = _json_reply(415, {"error": "Send the fields as application/x-www-form-urlencoded."})
_UNKNOWN_TICKET = _json_reply(404, {"error": "Ticket not found."})
_INVALID_KEYS = _json_reply(401, {"error": "Invalid API keys."})

_PROXY_PAGE = (
    "<html><body><h1>502 Bad Gateway</h1>"
    "<p>The proxy received an invalid response from the upstream server.</p></body></html>"
)
_FAULT_REPLIES: dict[Behaviour, _Reply] = {
    Behaviour.SERVER_ERROR: _json_reply(500, {"message": "Internal server error (sandbox)."}),
    Behaviour.BUSY: _json_reply(
        429, {"message": "Too many requests."}, headers=(("Retry-After", "7"),)
    ),
    Behaviour.UNAVAILABLE: _json_reply(
        503, {"message": "Service unavailable."}, headers=(("Retry-After", "30"),)
    ),
    Behaviour.PROXY_HTML: _Reply(502, _PROXY_PAGE.encode("utf-8"), _HTML),
}

# The made-up tickets the sandbox knows unless told otherwise.
_SAMPLE_TICKETS: dict[str, dict[str, str]] = {
    "tic_1001": {
        "title": "Dripping kitchen tap",
        "description": "The kitchen tap in 1A drips all night.",
        "status": "NEW",
    },
    "tic_1002": {
        "title": "Hallway light out",
        "description": "The light outside 3C flickers and then goes out.",
        "status": "IN_PROGRESS",
    },
    "tic_1003": {
        "title": "Radiator stays cold",
        "description": "The bedroom radiator in 2B does not heat up.",
        "status": "ON_HOLD",
    },
}

# The documented fields a ticket stores; the notification ones only count when notify is 1.
_TICKET_FIELDS = ("title", "description", "status", "notify", "automated")
_NOTIFICATION_FIELDS = ("time", "type", "contacts", "notifySubject", "notifyMessage")

_CONTACT_RULES: dict[str, tuple[re.Pattern[str], str]] = {
    "email": (re.compile(r"[^@\s,]+@[^@\s,]+\.[^@\s,]+"), "email address"),
    "sms": (re.compile(r"\+?\d{10,15}"), "phone number"),
}
_SMS_MAX_LENGTH = 1600


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _validate_ticket_fields(fields: Mapping[str, str], *, creating: bool) -> dict[str, list[str]]:
    """Check a ticket form against the vendor's rules; return the messages per field."""
    errors: dict[str, list[str]] = {}

    def fail(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    required = ("title", "status") if creating else ("title", "description", "status")
    for name in required:
        if not fields.get(name, "").strip():
            fail(name, f"The {name} is required.")
    for flag in ("notify", "automated"):
        value = fields.get(flag, "")
        if not value:
            fail(flag, f"The {flag} field is required.")
        elif value not in ("0", "1"):
            fail(flag, f"The {flag} field must be 0 or 1.")
    if fields.get("notify") == "1":
        _validate_notification(fields, fail)
    return errors


def _validate_notification(fields: Mapping[str, str], fail: Callable[[str, str], None]) -> None:
    """Check the fields that only count when notify is 1."""
    kind = fields.get("type", "")
    if not kind:
        fail("type", "The type is required when notify is 1.")
    elif kind not in _CONTACT_RULES:
        fail("type", "The type must be email or sms.")

    contacts = fields.get("contacts", "")
    if not contacts.strip():
        fail("contacts", "The contacts are required when notify is 1.")
    elif any(character.isspace() for character in contacts):
        fail("contacts", "Separate the contacts with commas, without spaces.")
    elif kind in _CONTACT_RULES:
        pattern, noun = _CONTACT_RULES[kind]
        for contact in contacts.split(","):
            if not pattern.fullmatch(contact):
                fail("contacts", f'Contact "{contact}" is not a valid {noun}.')

    if (problem := _time_problem(fields.get("time", ""))) is not None:
        fail("time", problem)

    if kind == "sms" and len(fields.get("notifyMessage", "")) > _SMS_MAX_LENGTH:
        fail("notifyMessage", f"An SMS message can be at most {_SMS_MAX_LENGTH} characters.")


def _time_problem(value: str) -> str | None:
    """Say what is wrong with a notification time, or None if it is empty or fine."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return "The time must be an ISO 8601 date and time, like 2026-12-01T09:00:00-05:00."
    if moment.tzinfo is None:
        return "The time must include a UTC offset, like -05:00."
    if moment <= datetime.now(UTC):
        return "The time must be in the future."
    return None


def _stored_fields(fields: Mapping[str, str]) -> dict[str, str]:
    """The documented fields of a valid form, as the ticket stores them."""
    names = _TICKET_FIELDS + (_NOTIFICATION_FIELDS if fields["notify"] == "1" else ())
    stored = {name: fields[name] for name in names if name in fields}
    stored["updated_at"] = _now_iso()
    return stored


def _ticket_data(ticket_id: str, ticket: Mapping[str, str]) -> dict[str, object]:
    """The ``data`` object of a ticket answer."""
    return {
        "id": ticket_id,
        "title": ticket.get("title", ""),
        "description": ticket.get("description", ""),
        "status": ticket.get("status", ""),
        "notify": int(ticket.get("notify") == "1"),
        "automated": int(ticket.get("automated") == "1"),
        "updated_at": ticket.get("updated_at", ""),
    }


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
        self._port = port
        self._lock = threading.Lock()
        self._requests_recorded = threading.Condition(self._lock)
        self._behaviour = Behaviour.NORMAL
        self._requests: list[RecordedRequest] = []
        self._tickets: dict[str, dict[str, str]] = {}
        self._issued_tokens: set[str] = set()
        self._httpd: _SandboxHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._stopped = False
        for ticket_id in _SAMPLE_TICKETS if tickets is None else tickets:
            self.add_ticket(ticket_id, **_SAMPLE_TICKETS.get(ticket_id, {}))

    # -- lifecycle -------------------------------------------------------------------------------

    def start(self) -> None:
        """Listen on 127.0.0.1 and serve from a daemon thread named ``sandbox-server``."""
        with self._lock:
            if self._httpd is not None:
                raise RuntimeError("A sandbox server can only be started once.")
            httpd = _SandboxHTTPServer(self._port, self)
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
        return f"http://{_HOST}:{self._httpd.server_port}{_API_PREFIX}"

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
            "updated_at": _now_iso(),
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

    # -- the fake vendor, called by the request handler ------------------------------------------

    def _record(self, request: RecordedRequest) -> None:
        with self._requests_recorded:
            self._requests.append(request)
            self._requests_recorded.notify_all()

    def _answer(self, request: RecordedRequest) -> _Reply:
        """Answer a request the way the vendor would (the NORMAL behaviour)."""
        path = urlsplit(request.path).path
        if not path.startswith(_API_PREFIX + "/"):
            return _NOT_FOUND
        match path.removeprefix(_API_PREFIX + "/").split("/"):
            case ["authenticate"]:
                if request.method != "POST":
                    return _METHOD_NOT_ALLOWED
                return self._authenticate(request)
            case ["ticket", "new"] if request.method == "POST":
                return self._create_ticket(request)
            case ["ticket", quoted_id] if quoted_id:
                if request.method != "PUT":
                    return _METHOD_NOT_ALLOWED
                return self._update_ticket(unquote(quoted_id), request)
            case _:
                return _NOT_FOUND

    def _authenticate(self, request: RecordedRequest) -> _Reply:
        form = dict(request.form)
        # The sandbox only ever acts on test data, so it only takes test keys.
        if not (
            form.get("secret_key", "").startswith("sk_test_")
            and form.get("publish_key", "").startswith("pk_test_")
        ):
            return _INVALID_KEYS
        token = secrets.token_urlsafe(24)
        with self._lock:
            self._issued_tokens.add(token)
        return _json_reply(200, {"data": {"token": token}})

    def _update_ticket(self, ticket_id: str, request: RecordedRequest) -> _Reply:
        if (refusal := self._refusal(request)) is not None:
            return refusal
        with self._lock:
            known = ticket_id in self._tickets
        if not known:
            return _UNKNOWN_TICKET
        fields = dict(request.form)
        if errors := _validate_ticket_fields(fields, creating=False):
            return _json_reply(422, {"errors": errors})
        with self._lock:
            ticket = self._tickets[ticket_id]
            ticket.update(_stored_fields(fields))
            data = _ticket_data(ticket_id, ticket)
        return _json_reply(200, {"data": data})

    def _create_ticket(self, request: RecordedRequest) -> _Reply:
        if (refusal := self._refusal(request)) is not None:
            return refusal
        fields = dict(request.form)
        if errors := _validate_ticket_fields(fields, creating=True):
            return _json_reply(422, {"errors": errors})
        ticket_id = "tic_" + secrets.token_hex(6)
        ticket = {"description": "", **_stored_fields(fields)}
        with self._lock:
            self._tickets[ticket_id] = ticket
        return _json_reply(201, {"data": _ticket_data(ticket_id, ticket)})

    def _refusal(self, request: RecordedRequest) -> _Reply | None:
        """The 401 or 415 a ticket request gets before its fields are looked at, if any."""
        scheme, _, token = (request.header("Authorization") or "").partition(" ")
        with self._lock:
            accepted = token == self.TOKEN or token in self._issued_tokens
        if scheme != "Bearer" or not accepted:
            return _UNAUTHENTICATED
        if not (request.header("Content-Type") or "").lower().startswith(_FORM):
            return _NOT_A_FORM
        return None


class _SandboxHTTPServer(ThreadingHTTPServer):
    """The HTTP server under a sandbox: one named daemon thread per connection, all tracked.

    Tracking the connections lets :meth:`drop_connections` cut them on stop, so no handler thread
    outlives the sandbox, not even one waiting for a client that never sends its request.
    """

    daemon_threads = True
    block_on_close = False

    def __init__(self, port: int, sandbox: SandboxServer) -> None:
        self.sandbox = sandbox
        self.stopping = threading.Event()  # set when the sandbox stops; SLOW and DRIP wait on it
        self._connections: dict[threading.Thread, _Request] = {}
        self._connections_lock = threading.Lock()
        super().__init__((_HOST, port), _SandboxHandler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind() looks up the host's full name, a DNS query loopback can skip.
        socketserver.TCPServer.server_bind(self)
        self.server_name = _HOST
        self.server_port = self.socket.getsockname()[1]

    def process_request(self, request: _Request, client_address: Any) -> None:
        thread = threading.Thread(
            target=self.process_request_thread,
            args=(request, client_address),
            name="sandbox-handler",
            daemon=True,
        )
        with self._connections_lock:
            self._connections[thread] = request
        thread.start()

    def process_request_thread(self, request: _Request, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self._connections_lock:
                self._connections.pop(threading.current_thread(), None)

    def handle_error(self, request: _Request, client_address: Any) -> None:
        _log.exception("The sandbox failed to answer %s", client_address)

    def drop_connections(self, timeout: float) -> list[threading.Thread]:
        """Cut every open connection, wait up to ``timeout`` s for their threads to end.

        Returns the threads still running after that.
        """
        with self._connections_lock:
            connections = list(self._connections.items())
        for _thread, connection in connections:
            if isinstance(connection, socket.socket):  # always, for TCP
                with contextlib.suppress(OSError):  # the handler may have closed it meanwhile
                    connection.shutdown(socket.SHUT_RDWR)
        deadline = time.monotonic() + timeout
        for thread, _connection in connections:
            thread.join(max(0.0, deadline - time.monotonic()))
        return [thread for thread, _connection in connections if thread.is_alive()]


class _SandboxHandler(BaseHTTPRequestHandler):
    """Records one request, applies the sandbox's behaviour and writes the answer."""

    server: _SandboxHTTPServer
    protocol_version = "HTTP/1.1"
    server_version = "ParticleSpaceSandbox/1.0"
    timeout = _REQUEST_TIMEOUT

    def do_GET(self) -> None:
        self._exchange()

    def do_POST(self) -> None:
        self._exchange()

    def do_PUT(self) -> None:
        self._exchange()

    def do_PATCH(self) -> None:
        self._exchange()

    def do_DELETE(self) -> None:
        self._exchange()

    def handle(self) -> None:
        try:
            super().handle()
        except ConnectionError:  # the client went away, or stop() cut the connection
            _log.debug("Connection from %s closed early", self.client_address[0])

    def log_message(self, format: str, *args: Any) -> None:
        _log.debug("%s - %s", self.address_string(), format % args)

    def _exchange(self) -> None:
        self.close_connection = True  # one request per connection keeps stop() simple
        sandbox = self.server.sandbox
        request = self._read_request()
        sandbox._record(request)
        behaviour = sandbox.behaviour
        if behaviour is Behaviour.DRIP:
            self._drip()
            return
        if behaviour is Behaviour.SLOW and self.server.stopping.wait(sandbox.slow_seconds):
            return  # the sandbox is stopping: hang up without an answer
        self._send(_FAULT_REPLIES.get(behaviour) or sandbox._answer(request))

    def _read_request(self) -> RecordedRequest:
        # Form bodies come with a Content-Length; a missing or broken one means no body.
        try:
            length = max(0, int(self.headers.get("Content-Length") or 0))
        except ValueError:
            length = 0
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        return RecordedRequest(
            method=self.command,
            path=self.path,
            headers=dict(self.headers.items()),
            body=body,
            form=parse_qsl(body, keep_blank_values=True),
        )

    def _send_head(self, status: int, content_type: str, length: int) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(length))
        self.send_header("Connection", "close")

    def _send(self, reply: _Reply) -> None:
        self._send_head(reply.status, reply.content_type, len(reply.body))
        for name, value in reply.headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(reply.body)

    def _drip(self) -> None:
        """Announce a body, then trickle it out until the client or the sandbox gives up."""
        self._send_head(200, _JSON, _DRIP_LENGTH)
        self.end_headers()
        for _ in range(_DRIP_LENGTH):  # 1000 bytes at 2 per second: over eight minutes
            if self.server.stopping.wait(_DRIP_INTERVAL):
                return
            self.wfile.write(b" ")
