"""`Abort` ends a blocked request from another thread, over real loopback sockets."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable, Iterator

import pytest

from gui.core import errors
from gui.core.abort import Abort, register_socket
from gui.core.client import TicketClient, UpdateResult
from gui.core.credentials import Credentials
from gui.core.ticket import TicketUpdate
from tests.unit.loopback import LoopbackServer, answering, dripping, response_bytes, silent

UPDATE = TicketUpdate("tic_1", "Leaking faucet", "Leak", "ON_HOLD", automated=False)
#: Liveness bound: an aborted call must end well within this; without Abort it never would.
PROMPTLY = 5.0


@contextlib.contextmanager
def ticket_client(api_base: str, *, read_timeout: float = 30.0) -> Iterator[TicketClient]:
    client = TicketClient(
        api_base=api_base, credentials=Credentials(token="t"), read_timeout=read_timeout
    )
    try:
        yield client
    finally:
        client.close()


class Call:
    """`update_ticket` on its own thread; `outcome` is its result or the exception it raised."""

    def __init__(self, call: Callable[[], UpdateResult]) -> None:
        self.outcome: UpdateResult | BaseException | None = None
        self._call = call
        self.thread = threading.Thread(target=self._run, name="update-ticket")
        self.thread.start()

    def _run(self) -> None:
        try:
            self.outcome = self._call()
        except BaseException as error:
            self.outcome = error

    def join(self) -> bool:
        """Whether the call ended within `PROMPTLY` seconds."""
        self.thread.join(timeout=PROMPTLY)
        return not self.thread.is_alive()


def test_abort_ends_a_response_that_drips_forever() -> None:
    abort = Abort()
    with (
        LoopbackServer(dripping(interval=0.2)) as server,
        ticket_client(server.url, read_timeout=30) as client,
    ):
        call = Call(lambda: client.update_ticket(UPDATE, abort=abort))
        assert server.body_started.wait(timeout=PROMPTLY), "the request never reached the server"
        abort.abort()
        ended = call.join()
    assert ended, "update_ticket was still running after abort()"
    assert isinstance(call.outcome, errors.Cancelled)
    assert call.outcome.message == "Stopped waiting for the server."
    assert call.outcome.may_have_reached_server
    assert abort.aborted


def test_a_dripping_response_outlives_the_read_timeout_without_abort() -> None:
    # Why Abort exists: 25 bytes 0.1 s apart take longer than the 2 s read timeout, yet the
    # call only ends when the server gives up (the body stays short of its 1000 bytes), and
    # then as a lost connection, not as a timeout.
    with (
        LoopbackServer(dripping(interval=0.1, limit=25)) as server,
        ticket_client(server.url, read_timeout=2.0) as client,
        pytest.raises(errors.TicketError) as caught,
    ):
        client.update_ticket(UPDATE)
    assert isinstance(caught.value, errors.ConnectionLost)


def test_abort_ends_a_wait_for_the_headers() -> None:
    abort = Abort()
    with (
        LoopbackServer(silent) as server,
        ticket_client(server.url, read_timeout=30) as client,
    ):
        call = Call(lambda: client.update_ticket(UPDATE, abort=abort))
        assert server.request_seen.wait(timeout=PROMPTLY), "the request never reached the server"
        abort.abort()
        ended = call.join()
    assert ended, "update_ticket was still running after abort()"
    assert isinstance(call.outcome, errors.Cancelled)
    assert len(server.requests) == 1


def test_abort_before_the_call_sends_nothing() -> None:
    abort = Abort()
    abort.abort()
    with (
        LoopbackServer(answering("200 OK")) as server,
        ticket_client(server.url) as client,
        pytest.raises(errors.Cancelled, match="before anything was sent"),
    ):
        client.update_ticket(UPDATE, abort=abort)
    assert server.connections == 0
    assert server.requests == []


def test_abort_after_completion_leaves_the_kept_alive_connection_alone() -> None:
    first = Abort()
    with LoopbackServer(answering("200 OK")) as server, ticket_client(server.url) as client:
        assert client.update_ticket(UPDATE, abort=first).status == 200
        first.abort()
        assert client.update_ticket(UPDATE, abort=Abort()).status == 200
        assert client.update_ticket(UPDATE).status == 200
    assert len(server.requests) == 3
    assert server.connections == 1  # the pooled socket survived the late abort()


def test_abort_ends_a_request_on_a_reused_connection() -> None:
    second_seen = threading.Event()

    def answer_once_then_hang(conn: socket.socket, server: LoopbackServer) -> None:
        if server.receive(conn) is not None:
            conn.sendall(response_bytes("200 OK"))
        if server.receive(conn) is not None:
            second_seen.set()
            server.stop.wait()

    abort = Abort()
    with (
        LoopbackServer(answer_once_then_hang) as server,
        ticket_client(server.url) as client,
    ):
        assert client.update_ticket(UPDATE).status == 200
        call = Call(lambda: client.update_ticket(UPDATE, abort=abort))
        assert second_seen.wait(timeout=PROMPTLY), "the second request never reached the server"
        abort.abort()
        ended = call.join()
    assert ended, "update_ticket was still running after abort()"
    assert isinstance(call.outcome, errors.Cancelled)
    assert server.connections == 1  # the second request went over the kept-alive socket


def test_abort_only_ends_its_own_request() -> None:
    release = threading.Event()

    def answer_when_released(conn: socket.socket, server: LoopbackServer) -> None:
        if server.receive(conn) is not None:
            release.wait(timeout=PROMPTLY)
            conn.sendall(response_bytes("200 OK"))

    mine, theirs = Abort(), Abort()
    with (
        LoopbackServer(silent) as slow,
        LoopbackServer(answer_when_released) as held,
        ticket_client(slow.url) as client,
        ticket_client(held.url) as other_client,
    ):
        cancelled = Call(lambda: client.update_ticket(UPDATE, abort=mine))
        kept = Call(lambda: other_client.update_ticket(UPDATE, abort=theirs))
        assert slow.request_seen.wait(timeout=PROMPTLY)
        assert held.request_seen.wait(timeout=PROMPTLY)
        mine.abort()
        assert cancelled.join()
        release.set()
        assert kept.join()
    assert isinstance(cancelled.outcome, errors.Cancelled)
    assert isinstance(kept.outcome, UpdateResult)
    assert kept.outcome.status == 200
    assert not theirs.aborted


# --- The socket registry, without HTTP ---------------------------------------------------------


@pytest.fixture
def pair() -> Iterator[tuple[socket.socket, socket.socket]]:
    left, right = socket.socketpair()
    right.settimeout(PROMPTLY)  # a failing test must not hang
    with left, right:
        yield left, right


def test_abort_shuts_down_the_registered_sockets(
    pair: tuple[socket.socket, socket.socket],
) -> None:
    left, right = pair
    abort = Abort()
    with abort.watching():
        register_socket(left)
        abort.abort()
        assert right.recv(1) == b""  # end of stream: `left` was shut down
    assert abort.aborted


def test_a_socket_registered_after_abort_is_shut_down_at_once(
    pair: tuple[socket.socket, socket.socket],
) -> None:
    left, right = pair
    abort = Abort()
    abort.abort()
    with abort.watching():
        register_socket(left)
    assert right.recv(1) == b""


def test_sockets_outside_watching_are_not_touched(
    pair: tuple[socket.socket, socket.socket],
) -> None:
    left, right = pair
    abort = Abort()
    register_socket(left)  # no request is being watched on this thread
    with abort.watching():
        pass
    abort.abort()
    abort.abort()  # twice is fine
    left.sendall(b"x")
    assert right.recv(1) == b"x"


def test_registrations_end_with_the_watched_block(
    pair: tuple[socket.socket, socket.socket],
) -> None:
    left, right = pair
    abort = Abort()
    with abort.watching():
        register_socket(left)
    abort.abort()
    left.sendall(b"x")
    assert right.recv(1) == b"x"


def test_watching_is_per_thread(pair: tuple[socket.socket, socket.socket]) -> None:
    left, right = pair
    abort = Abort()

    def register_elsewhere() -> None:
        register_socket(left)

    with abort.watching():
        other = threading.Thread(target=register_elsewhere)
        other.start()
        other.join()
        abort.abort()
    left.sendall(b"x")
    assert right.recv(1) == b"x"


def test_a_deadline_aborts_only_the_request_that_runs_past_it() -> None:
    import time

    from gui.core.abort import Watchdog

    watchdog = Watchdog()
    late, on_time = Abort(), Abort()
    try:
        with watchdog.within(late, 0.05), watchdog.within(on_time, 30.0):
            time.sleep(0.3)  # a request that takes too long
        assert late.aborted and late.deadline_passed == 0.05
        assert not on_time.aborted and on_time.deadline_passed is None
    finally:
        watchdog.close()
    # nothing is left running once it is closed
    assert "deadlines" not in {thread.name for thread in threading.enumerate()}


def test_a_deadline_earlier_than_the_one_watched_still_aborts_on_time() -> None:
    """The watchdog sleeps until the earliest deadline it knows of; a request that comes later
    with a shorter allowance must wake it, or it would be aborted only when the first one is."""
    import time

    from gui.core.abort import Watchdog

    watchdog = Watchdog()
    patient, hasty = Abort(), Abort()
    try:
        with watchdog.within(patient, 30.0):
            time.sleep(0.05)  # the thread now sleeps until the 30 s deadline
            started = time.monotonic()
            with watchdog.within(hasty, 0.05):
                while not hasty.aborted and time.monotonic() - started < 5:
                    time.sleep(0.005)
            assert hasty.aborted and hasty.deadline_passed == 0.05
            assert time.monotonic() - started < 5
            assert not patient.aborted
    finally:
        watchdog.close()


def test_one_request_after_another_does_not_wake_the_watchdog_each_time() -> None:
    """A drain sends hundreds of requests a second, each with the same allowance: each new
    deadline comes after the one the thread sleeps until, so the thread is not woken for it.
    Counted by the thread's own lock: every wake takes it."""
    import time

    from gui.core.abort import Watchdog

    watchdog = Watchdog()
    wakes = 0

    class CountingCondition(threading.Condition):
        def wait(self, timeout: float | None = None) -> bool:
            nonlocal wakes
            woken = super().wait(timeout)
            wakes += 1
            return woken

    watchdog._changed = CountingCondition()
    try:
        for _request in range(200):
            with watchdog.within(Abort(), 30.0):
                time.sleep(0.0005)  # the request waits for its answer, without the GIL
        with watchdog._changed:
            pass  # the thread is waiting (or has not started yet)
    finally:
        watchdog.close()
    assert wakes <= 2  # at most the wake at start-up and the one for closing
