"""The proxy rule (gui/core/transport.py): a loopback or plain-http target never goes through a
proxy; an https target only through a CONNECT tunnel, so a proxy never sees the token or body.

The proxy is a recording server on 127.0.0.1; the https host is a name nobody resolves (the
client asks the proxy for a tunnel to it, which the proxy refuses)."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from gui.core import errors
from gui.core.client import TicketClient
from gui.core.credentials import Credentials
from gui.core.ticket import TicketUpdate
from gui.core.transport import allowed_proxies
from tests.unit.loopback import LoopbackServer, answering, response_bytes

TOKEN = "tok-proxy-ab-12"
UPDATE = TicketUpdate("tic_1", "Leaking faucet", "Under the sink", "ON_HOLD", automated=False)
_PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


@pytest.fixture(autouse=True)
def _no_proxy_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the proxy variables a test sets count, whatever the machine has."""
    for name in _PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


def closing_at_once(conn: socket.socket, server: LoopbackServer) -> None:
    """Accepts and hangs up: a TLS handshake with it fails at once."""


def refusing_tunnels(conn: socket.socket, server: LoopbackServer) -> None:
    """A proxy that records what it is asked, answers 502 and hangs up."""
    if server.receive(conn) is not None:
        conn.sendall(response_bytes("502 Bad Gateway", b"no tunnel here"))


@pytest.fixture
def proxy() -> Iterator[LoopbackServer]:
    with LoopbackServer(refusing_tunnels) as server:
        yield server


def client_for(api_base: str) -> TicketClient:
    return TicketClient(api_base=api_base, credentials=Credentials(token=TOKEN))


@pytest.mark.parametrize(
    "names",
    [("HTTP_PROXY", "ALL_PROXY"), ("http_proxy", "all_proxy"), ("HTTPS_PROXY", "https_proxy")],
)
def test_a_loopback_target_never_goes_through_the_proxy(
    monkeypatch: pytest.MonkeyPatch, proxy: LoopbackServer, names: tuple[str, ...]
) -> None:
    for name in names:
        monkeypatch.setenv(name, proxy.url)
    with LoopbackServer(answering("200 OK", b'{"data": {}}')) as server:
        client = client_for(f"{server.url}/api/v1")
        try:
            result = client.update_ticket(UPDATE)
        finally:
            client.close()
    assert result.status == 200
    (request,) = server.requests
    assert request.method == "PUT" and request.target == "/api/v1/ticket/tic_1"
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert proxy.connections == 0 and proxy.requests == []


def test_an_https_loopback_target_does_not_use_the_https_proxy_either(
    monkeypatch: pytest.MonkeyPatch, proxy: LoopbackServer
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    monkeypatch.setenv("ALL_PROXY", proxy.url)
    with LoopbackServer(closing_at_once) as server:
        client = client_for(f"https://localhost:{server.port}/api/v1")
        try:
            with pytest.raises(errors.TicketError):
                client.update_ticket(UPDATE)
        finally:
            client.close()
    assert server.connections == 1  # it went straight there
    assert proxy.connections == 0


@pytest.mark.parametrize("name", ["HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"])
def test_an_https_target_goes_through_the_proxy_only_as_a_tunnel(
    monkeypatch: pytest.MonkeyPatch, proxy: LoopbackServer, name: str
) -> None:
    monkeypatch.setenv(name, proxy.url)
    monkeypatch.setenv("HTTP_PROXY", proxy.url)  # never used for https
    client = client_for("https://tickets.example/api/v1")
    try:
        with pytest.raises(errors.Unreachable) as caught:
            client.update_ticket(UPDATE)
    finally:
        client.close()
    (request,) = proxy.requests
    assert request.method == "CONNECT"
    assert request.target == "tickets.example:443"
    assert "authorization" not in request.headers
    assert request.body == b""
    assert TOKEN not in repr(request)
    assert caught.value.message == (
        "Could not connect to tickets.example through the proxy (HTTPS_PROXY); nothing was "
        "sent. Check the proxy setting, or NO_PROXY."
    )
    assert not caught.value.may_have_reached_server


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("http://127.0.0.1:8080/x", False),
        ("http://localhost/x", False),
        ("http://api.example.com/x", False),  # plain http never goes through a proxy
        ("https://127.0.0.1/x", False),
        ("https://[::1]:8443/x", False),
        ("https://LOCALHOST/x", False),
        ("https://api.example.com/x", True),
        ("https://evil.localhost/x", True),  # a name, not this computer: tunnelled like any other
    ],
)
def test_allowed_proxies(url: str, kept: bool) -> None:
    proxies = {"https": "http://127.0.0.1:3128", "http": "http://127.0.0.1:3128"}
    assert allowed_proxies(url, proxies) == (proxies if kept else {})


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/v1/tickets/tic_1",
        "https://127.0.0.1:8443/v1/tickets/tic_1",
        "https://api.example.com/v1/tickets/tic_1",
    ],
)
@pytest.mark.parametrize("bundle", [None, "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"])
def test_the_session_settles_each_request_as_requests_does_but_for_unusable_proxies(
    monkeypatch: pytest.MonkeyPatch, url: str, bundle: str | None
) -> None:
    """The session skips requests' search of the environment for a proxy only where
    `allowed_proxies` would drop it; what the request ends up with is the same as with a plain
    `requests.Session`, the CA bundle variables included."""
    import requests

    from gui.core.transport import may_use_proxy, new_session

    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:3128")
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:3129")
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        monkeypatch.delenv(name, raising=False)
    if bundle is not None:
        monkeypatch.setenv(bundle, "/etc/ssl/certs/bundle-from-the-environment.pem")
    ours = new_session().merge_environment_settings(url, {}, True, None, None)
    theirs = requests.Session().merge_environment_settings(url, {}, True, None, None)
    assert ours["verify"] == theirs["verify"]
    assert (ours["verify"] != True) is (bundle is not None)  # noqa: E712 (True, or a path)
    assert ours["stream"] == theirs["stream"] is True
    assert allowed_proxies(url, ours["proxies"]) == allowed_proxies(url, theirs["proxies"])
    assert bool(ours["proxies"]) is may_use_proxy(url)
