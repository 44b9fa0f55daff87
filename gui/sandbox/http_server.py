"""`SandboxHTTPServer`: the socket server under a sandbox, one tracked thread per connection."""

from __future__ import annotations

import contextlib
import logging
import socket
import socketserver
import threading
import time
from http.server import ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

from gui.sandbox.handler import SandboxHandler

if TYPE_CHECKING:
    from gui.sandbox.server import SandboxServer

_log = logging.getLogger("gui.sandbox")

HOST = "127.0.0.1"  # the only address a sandbox ever listens on

_Request = socket.socket | tuple[bytes, socket.socket]  # what socketserver hands to handlers


class SandboxHTTPServer(ThreadingHTTPServer):
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
        super().__init__((HOST, port), SandboxHandler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind() looks up the host's full name, a DNS query loopback can skip.
        socketserver.TCPServer.server_bind(self)
        self.server_name = HOST
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
