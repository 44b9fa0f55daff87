"""Plain http goes to this computer only: by the address typed (`check_api_base`), and by the
address the connection actually reached (gui/core/transport.py), checked before a byte is sent.

The peer check is tested without any traffic beyond this process: urllib3's connection factory
hands back one end of a socket pair, whose other end must receive nothing."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
import urllib3.util.connection

from gui.core import errors
from gui.core.client import TicketClient
from gui.core.config import check_api_base, is_loopback
from gui.core.credentials import Credentials
from gui.core.retry import Action, decide
from gui.core.ticket import TicketUpdate
from gui.core.transport import PeerNotLoopback, is_loopback_peer
from tests.unit.loopback import LoopbackServer, answering

UPDATE = TicketUpdate("tic_1", "Leaking faucet", "Under the sink", "ON_HOLD", automated=False)
RULE = (
    "Plain http is allowed only to 127.0.0.1 to 127.255.255.255, ::1 and localhost; use https://."
)


@pytest.mark.parametrize(
    "url",
    [
        "http://evil.localhost:1",
        "http://sandbox.localhost/api",
        "http://localhost.evil.example",
        "http://localhost.:1",  # the trailing dot: a resolver may ask DNS for it
        "http://127.1:1",  # shorthand: not an address ipaddress reads, so not trusted
    ],
)
def test_plain_http_to_a_name_that_only_looks_local_is_refused(url: str) -> None:
    with pytest.raises(errors.ConfigurationError) as caught:
        check_api_base(url)
    assert caught.value.message.startswith("Refusing plain http to ")
    assert "allowed only to 127.0.0.1 to 127.255.255.255, ::1 and localhost" in (
        caught.value.message
    )


@pytest.mark.parametrize(
    "url",
    ["http://localhost:1", "http://LocalHost:1", "http://127.5.6.7:1", "http://[::1]:1"],
)
def test_plain_http_to_this_computer_is_accepted(url: str) -> None:
    assert check_api_base(url) == url


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("localhost", True),
        ("LOCALHOST", True),
        ("127.0.0.1", True),
        ("127.255.255.254", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost.", False),
        ("evil.localhost", False),
        ("128.0.0.1", False),
        ("", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


@pytest.mark.parametrize(
    ("peer", "loopback"),
    [
        (("127.0.0.1", 80), True),
        (("127.9.9.9", 80), True),
        (("::1", 80, 0, 0), True),
        (("::ffff:127.0.0.1", 80, 0, 0), True),
        (("10.0.0.5", 80), False),
        (("::ffff:10.0.0.5", 80, 0, 0), False),
        (("fe80::1%eth0", 80, 0, 2), False),
        ("", False),  # an AF_UNIX peer
        (None, False),
    ],
)
def test_is_loopback_peer(peer: object, loopback: bool) -> None:
    assert is_loopback_peer(peer) is loopback


class _ElsewherePeer(socket.socket):
    """A socket that says it is connected to 10.0.0.5 (it is one end of a local pair)."""

    def getpeername(self) -> tuple[str, int]:
        return ("10.0.0.5", 80)


@pytest.fixture
def pair() -> Iterator[tuple[socket.socket, socket.socket]]:
    ours, theirs = socket.socketpair()
    with ours, theirs:
        theirs.settimeout(5)
        yield ours, theirs


def _send_through(
    monkeypatch: pytest.MonkeyPatch, handed: socket.socket, api_base: str
) -> errors.TicketError:
    def create_connection(*args: object, **kwargs: object) -> socket.socket:
        return handed

    monkeypatch.setattr(urllib3.util.connection, "create_connection", create_connection)
    client = TicketClient(api_base=api_base, credentials=Credentials(token="tok-peer-ab-12"))
    try:
        with pytest.raises(errors.ConfigurationError) as caught:
            client.update_ticket(UPDATE)
    finally:
        client.close()
    return caught.value


def test_a_connection_that_reached_no_ip_address_is_closed_before_a_byte_is_sent(
    monkeypatch: pytest.MonkeyPatch, pair: tuple[socket.socket, socket.socket]
) -> None:
    ours, theirs = pair
    error = _send_through(monkeypatch, ours, "http://localhost:1/api/v1")
    assert isinstance(error, PeerNotLoopback)
    assert theirs.recv(65536) == b""  # closed, and nothing was written first
    assert error.message == (
        f"Refusing plain http to localhost: it did not lead to this computer. {RULE}"
    )


def test_a_connection_that_reached_another_address_is_refused_in_plain_words(
    monkeypatch: pytest.MonkeyPatch, pair: tuple[socket.socket, socket.socket]
) -> None:
    ours, theirs = pair
    elsewhere = _ElsewherePeer(ours.family, ours.type, fileno=ours.detach())
    with elsewhere:
        error = _send_through(monkeypatch, elsewhere, "http://localhost:1/api/v1")
        assert elsewhere.fileno() == -1  # closed
    assert theirs.recv(65536) == b""
    assert error.message == (
        f"Refusing plain http to localhost: it led to 10.0.0.5, not this computer. {RULE}"
    )


def test_the_outbox_holds_such_an_update_for_a_decision() -> None:
    verdict = decide(PeerNotLoopback("localhost", "10.0.0.5"), notify=True, attempts=1)
    assert verdict.action is Action.DECIDE
    assert verdict.delay is None


def test_a_real_loopback_server_is_still_reached() -> None:
    with LoopbackServer(answering("200 OK")) as server:
        client = TicketClient(
            api_base=f"http://localhost:{server.port}/api/v1",
            credentials=Credentials(token="tok-peer-ab-12"),
        )
        try:
            assert client.update_ticket(UPDATE).status == 200
        finally:
            client.close()
    assert len(server.requests) == 1
