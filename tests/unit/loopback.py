"""Tiny HTTP servers on 127.0.0.1 for the client tests, written on raw sockets so that they can
misbehave on purpose (stay silent, drip bytes, hang up). One thread each, joined on exit."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType


@dataclass(frozen=True)
class Request:
    method: str
    target: str
    headers: dict[str, str]  # names lowercased
    body: bytes


Handler = Callable[[socket.socket, "LoopbackServer"], None]


class LoopbackServer:
    """Accepts connections one after the other and gives each to `handler`.

    `requests` lists what arrived, `connections` counts accepted connections, `request_seen` is
    set once a whole request was read, `body_started` once a handler began to send a body, `stop`
    tells handlers that the test is over.
    """

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[Request] = []
        self.connections = 0
        self.request_seen = threading.Event()
        self.body_started = threading.Event()
        self.stop = threading.Event()
        self._current: socket.socket | None = None
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._serve, name="loopback-server")

    def __enter__(self) -> LoopbackServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop.set()
        current = self._current
        if current is not None:  # wake a handler blocked in recv()
            with contextlib.suppress(OSError):
                current.shutdown(socket.SHUT_RDWR)
        # Wake accept() with a connection of our own; the loop sees `stop` and ends.
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port)):
            pass
        self._thread.join(timeout=10)
        self._listener.close()
        assert not self._thread.is_alive(), "the loopback server did not stop"

    def receive(self, conn: socket.socket) -> Request | None:
        """Read one request from `conn` (None if the client hung up first) and record it."""
        request = read_request(conn)
        if request is not None:
            self.requests.append(request)
            self.request_seen.set()
        return request

    def _serve(self) -> None:
        while True:
            conn, _ = self._listener.accept()
            with conn:
                if self.stop.is_set():
                    return
                self.connections += 1
                self._current = conn
                try:
                    self.handler(conn, self)
                except OSError:  # the client went away: that is what several tests do
                    pass
                finally:
                    self._current = None


def read_request(conn: socket.socket) -> Request | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    request_line, *header_lines = head.decode("latin-1").split("\r\n")
    method, target, _ = request_line.split(" ", 2)
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        body += chunk
    return Request(method, target, headers, body)


def response_bytes(
    status: str = "200 OK", body: bytes = b"", headers: dict[str, str] | None = None
) -> bytes:
    lines = [f"HTTP/1.1 {status}", f"Content-Length: {len(body)}"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def answering(
    status: str = "200 OK", body: bytes = b"", headers: dict[str, str] | None = None
) -> Handler:
    """A well-behaved keep-alive server: the same answer to every request on a connection."""

    def handle(conn: socket.socket, server: LoopbackServer) -> None:
        while server.receive(conn) is not None:
            conn.sendall(response_bytes(status, body, headers))

    return handle


def hanging_up(conn: socket.socket, server: LoopbackServer) -> None:
    """Reads the request, then closes the connection without a word."""
    server.receive(conn)


def silent(conn: socket.socket, server: LoopbackServer) -> None:
    """Reads the request and never answers, until the test is over."""
    if server.receive(conn) is not None:
        server.stop.wait()


def dripping(interval: float, limit: int | None = None) -> Handler:
    """Sends a status line and headers promising 1000 bytes, then one byte every `interval`
    seconds: forever (until the client hangs up or the test ends), or `limit` bytes."""

    def handle(conn: socket.socket, server: LoopbackServer) -> None:
        if server.receive(conn) is None:
            return
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n")
        conn.sendall(b"Content-Length: 1000\r\n\r\n")
        sent = 0
        while limit is None or sent < limit:
            conn.sendall(b" ")
            sent += 1
            server.body_started.set()
            if server.stop.wait(interval):
                return

    return handle


def free_port() -> int:
    """A port on 127.0.0.1 where nothing listens (it was just bound, then released)."""
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return int(probe.getsockname()[1])
