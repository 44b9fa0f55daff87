"""`Abort`: ends a request from another thread.

`requests` has no way to stop a call in progress, and its read timeout restarts with every
byte, so a server that drips one byte at a time keeps a call alive forever. While a request runs
under ``with abort.watching():`` every socket it uses is registered (by the connection classes in
`gui.core.transport`), and ``abort.abort()``, from any thread, shuts those sockets down, so the
blocked call returns at once. This module imports nothing heavy: the UI uses it at start-up.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator

_current = threading.local()


class Abort:
    """A cancel flag for one request that also tears down the request's sockets."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        #: The deadline (in seconds) that ended the request, if that is what ended it (rather
        #: than the user, or the app closing).
        self.deadline_passed: float | None = None

    @property
    def aborted(self) -> bool:
        return self._event.is_set()

    def abort(self, *, deadline: float | None = None) -> None:
        """Stop the request now; safe to call from any thread, any number of times. With
        `deadline`, because that deadline (seconds) passed (`deadline_passed`)."""
        with self._lock:
            if not self._event.is_set():
                self.deadline_passed = deadline
            self._event.set()
            sockets, self._sockets = self._sockets, set()
        for sock in sockets:
            _shut_down(sock)

    @contextlib.contextmanager
    def watching(self) -> Iterator[None]:
        """Register the sockets of the requests made in this block on this thread."""
        _current.abort = self
        try:
            yield
        finally:
            _current.abort = None
            with self._lock:
                self._sockets.clear()

    def _register(self, sock: socket.socket | None) -> None:
        if sock is None:
            return
        with self._lock:
            if not self._event.is_set():
                self._sockets.add(sock)
                return
        _shut_down(sock)


def _shut_down(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def register_socket(sock: socket.socket | None) -> None:
    """Called by the connection classes: put `sock` under the current thread's `Abort`."""
    abort: Abort | None = getattr(_current, "abort", None)
    if abort is not None:
        abort._register(sock)
