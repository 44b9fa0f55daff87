"""`Abort`: ends a request from another thread.

`requests` has no way to stop a call in progress, and its read timeout restarts with every
byte, so a server that drips one byte at a time keeps a call alive forever. While a request runs
under ``with abort.watching():`` every socket it uses is registered (by the connection classes in
`gui.core.transport`), and ``abort.abort()``, from any thread, shuts those sockets down, so the
blocked call returns at once. This module imports nothing heavy: the UI uses it at start-up.
"""

from __future__ import annotations

import contextlib
import math
import threading
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import socket  # loaded by the connections it shuts down, never at start-up (2 ms)

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
    import socket  # loaded already: `sock` is one

    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def register_socket(sock: socket.socket | None) -> None:
    """Called by the connection classes: put `sock` under the current thread's `Abort`."""
    abort: Abort | None = getattr(_current, "abort", None)
    if abort is not None:
        abort._register(sock)


class Watchdog:
    """One thread that ends the requests whose deadline passed (`within`), for all the
    requests of its owner: a thread per request would cost more than a loopback request. The
    thread starts with the first request watched; `close` ends it (the window's outbox at
    shutdown, a command when it is done), so nothing outlives its owner.

    The thread is woken only for a deadline earlier than the one it sleeps until: one request
    after another, each with the same allowance, then wakes it about once per allowance, not
    once per request (a wake per request cost a draining outbox a fifth of its time)."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._watched: dict[int, tuple[float, float, Abort]] = {}  # key: (due, seconds, abort)
        self._next_key = 0
        self._thread: threading.Thread | None = None
        self._closed = False
        self._sleeps_until = math.inf  # when the thread wakes by itself (inf: not before told)

    @contextlib.contextmanager
    def within(self, abort: Abort, seconds: float) -> Iterator[None]:
        """While in this block, `abort` is aborted (``deadline=seconds``) once `seconds`
        pass."""
        with self._changed:
            key = self._next_key
            self._next_key += 1
            due = time.monotonic() + seconds
            self._watched[key] = (due, seconds, abort)
            if self._thread is None:
                self._closed = False
                self._sleeps_until = math.inf
                self._thread = threading.Thread(target=self._run, name="deadlines", daemon=True)
                self._thread.start()
            elif due < self._sleeps_until:
                self._changed.notify()
        try:
            yield
        finally:
            with self._changed:
                self._watched.pop(key, None)  # (gone already if its deadline passed)

    def close(self) -> None:
        """End the thread (a later `within` starts another)."""
        with self._changed:
            thread, self._thread = self._thread, None
            self._closed = True
            self._changed.notify()
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        with self._changed:
            while not self._closed:
                now = time.monotonic()
                for key, (due, seconds, abort) in list(self._watched.items()):
                    if due <= now:
                        del self._watched[key]
                        abort.abort(deadline=seconds)
                self._sleeps_until = min(
                    (due for due, _seconds, _abort in self._watched.values()), default=math.inf
                )
                forever = self._sleeps_until == math.inf
                self._changed.wait(None if forever else max(0.0, self._sleeps_until - now))
