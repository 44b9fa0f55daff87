"""`SandboxHandler`: one request, recorded, then answered as the behaviour says, or dripped."""

from __future__ import annotations

import logging
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from gui.sandbox.behaviour import Behaviour
from gui.sandbox.recorded import RecordedRequest
from gui.sandbox.replies import JSON, MAX_BODY, TOO_LARGE, Reply

if TYPE_CHECKING:
    from gui.sandbox.http_server import SandboxHTTPServer

_log = logging.getLogger("gui.sandbox")

_REQUEST_TIMEOUT = 10.0  # socket timeout, so a stalled client cannot pin a handler thread
_DRIP_LENGTH = 1000  # the Content-Length a DRIP answer announces
_DRIP_INTERVAL = 0.5  # seconds between two bytes of a DRIP answer


class SandboxHandler(BaseHTTPRequestHandler):
    """Records one request, applies the sandbox's behaviour and writes the answer."""

    server: SandboxHTTPServer
    protocol_version = "HTTP/1.1"
    server_version = "ParticleSpaceSandbox/1.0"
    timeout = _REQUEST_TIMEOUT
    #: The answer is buffered and goes out in one send when the request ends (`wfile.flush()`
    #: in `handle_one_request`), as a real server's would: head and body in separate sends
    #: would charge the client's benchmarks for the sandbox's writes.
    wbufsize = 64 * 1024

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
        # An answered request keeps its connection for the next one, as a real server does
        # (`stop` cuts the connections left open), unless the client asked to close it
        # (`parse_request` read its Connection header); anything else closes it.
        client_closes = self.close_connection
        self.close_connection = True
        if self._announced_length() > MAX_BODY:  # refused unread, and the connection closed
            self._send(TOO_LARGE)
            return
        sandbox = self.server.sandbox
        request = self._read_request()
        sandbox._record(request)
        behaviour = sandbox.behaviour
        if behaviour is Behaviour.DRIP:
            self._drip()
            return
        if behaviour is Behaviour.SLOW and self.server.stopping.wait(sandbox.slow_seconds):
            return  # the sandbox is stopping: hang up without an answer
        fault = sandbox._fault(behaviour)
        self.close_connection = client_closes or fault is not None
        self._send(fault or sandbox._answer(request))

    def _announced_length(self) -> int:
        # Form bodies come with a Content-Length; a missing or broken one means no body.
        value = (self.headers.get("Content-Length") or "").strip()
        if not (value.isascii() and value.isdigit()):
            return 0
        return int(value) if len(value) <= 18 else MAX_BODY + 1  # int() refuses 4,300 digits

    def _read_request(self) -> RecordedRequest:
        body = self.rfile.read(self._announced_length()).decode("utf-8", errors="replace")
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
        if self.close_connection:
            self.send_header("Connection", "close")

    def _send(self, reply: Reply) -> None:
        self._send_head(reply.status, reply.content_type, len(reply.body))
        for name, value in reply.headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(reply.body)

    def _drip(self) -> None:
        """Announce a body, then trickle it out until the client or the sandbox gives up."""
        self._send_head(200, JSON, _DRIP_LENGTH)
        self.end_headers()
        for _ in range(_DRIP_LENGTH):  # 1000 bytes at 2 per second: over eight minutes
            if self.server.stopping.wait(_DRIP_INTERVAL):
                return
            self.wfile.write(b" ")
            self.wfile.flush()  # byte by byte, past the buffer
