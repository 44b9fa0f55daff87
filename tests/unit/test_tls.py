"""Certificate checks against a real TLS server on 127.0.0.1 with a throwaway CA (`trustme`):
a trusted CA works, an untrusted one fails in plain words before any request goes out."""

from __future__ import annotations

import json
import socket
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any

import pytest
import trustme

from gui.core import errors
from gui.core.client import TicketClient
from gui.core.credentials import Credentials
from gui.core.ticket import TicketUpdate

UPDATE = TicketUpdate("tic_1001", "Leaking faucet", "Leak under the sink.", "ON_HOLD", False)
TOKEN = "tls-token-0123456789"
KEYS = Credentials(secret_key="sk_test_Tls0123456789", publish_key="pk_test_Tls0123456789")


class _Recorder(BaseHTTPRequestHandler):
    """Records every request line and header that made it through TLS, answers 200."""

    server: _TlsHTTPServer
    timeout = 10

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        self.server.requests.append((self.command, self.path, dict(self.headers), body))
        if self.path.endswith("/authenticate"):
            document: dict[str, Any] = {"data": {"token": TOKEN}}
        else:
            document = {"data": {"id": "tic_1001"}}
        payload = json.dumps(document).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _TlsHTTPServer(HTTPServer):
    """One connection at a time; the TLS handshake happens in `get_request`, so a client that
    gives up during it never reaches the request handler."""

    def __init__(self, context: ssl.SSLContext) -> None:
        self.context = context
        self.connections = 0
        self.handshake_failures: list[str] = []
        self.handshake_failed = threading.Event()
        self.requests: list[tuple[str, str, dict[str, str], bytes]] = []
        super().__init__(("127.0.0.1", 0), _Recorder)

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks up the host's full name: a DNS query this can skip.
        self.socket.bind(self.server_address)
        self.server_address = self.socket.getsockname()
        self.server_name, self.server_port = "127.0.0.1", self.server_address[1]

    def get_request(self) -> tuple[socket.socket, Any]:
        raw, address = self.socket.accept()
        self.connections += 1
        raw.settimeout(10)
        try:
            return self.context.wrap_socket(raw, server_side=True), address
        except (ssl.SSLError, OSError) as error:
            self.handshake_failures.append(str(error))
            self.handshake_failed.set()
            raw.close()
            raise


class TlsServer:
    """A real HTTPS server on 127.0.0.1 in a thread that is joined on exit."""

    def __init__(self, cert: trustme.LeafCert) -> None:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        cert.configure_cert(context)
        self.httpd = _TlsHTTPServer(context)
        self.port = self.httpd.server_port
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="tls-server"
        )

    def __enter__(self) -> TlsServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.httpd.shutdown()
        self._thread.join(timeout=10)
        self.httpd.server_close()
        assert not self._thread.is_alive(), "the TLS server did not stop"

    @property
    def requests(self) -> list[tuple[str, str, dict[str, str], bytes]]:
        return self.httpd.requests


@pytest.fixture(autouse=True)
def _no_ca_bundle_from_outside(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE", "SSL_CERT_DIR"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def ca_file(ca: trustme.CA, tmp_path: Path) -> str:
    path = tmp_path / "corporate-ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return str(path)


@pytest.fixture
def server(ca: trustme.CA) -> Iterator[TlsServer]:
    with TlsServer(ca.issue_cert("localhost", "127.0.0.1")) as tls_server:
        yield tls_server


def update(
    api_base: str, *, ca_bundle: str | None = None, credentials: Credentials | None = None
) -> int:
    client = TicketClient(
        api_base=api_base,
        credentials=credentials or Credentials(token=TOKEN),
        read_timeout=10,
        ca_bundle=ca_bundle,
    )
    try:
        return client.update_ticket(UPDATE).status
    finally:
        client.close()


def failure(api_base: str, **options: Any) -> errors.TicketError:
    with pytest.raises(errors.TicketError) as caught:
        update(api_base, **options)
    return caught.value


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_a_trusted_ca_bundle_works(server: TlsServer, ca_file: str, host: str) -> None:
    assert update(f"https://{host}:{server.port}/api/v1", ca_bundle=ca_file) == 200
    [(method, path, headers, _)] = server.requests
    assert (method, path) == ("PUT", "/api/v1/ticket/tic_1001")
    assert headers["Authorization"] == f"Bearer {TOKEN}"


def test_keys_sign_in_over_tls(server: TlsServer, ca_file: str) -> None:
    assert update(f"https://127.0.0.1:{server.port}", ca_bundle=ca_file, credentials=KEYS) == 200
    sign_in, put = server.requests
    assert sign_in[:2] == ("POST", "/authenticate")
    assert put[2]["Authorization"] == f"Bearer {TOKEN}"


def test_requests_ca_bundle_from_the_environment_works(
    server: TlsServer, ca_file: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", ca_file)
    assert update(f"https://127.0.0.1:{server.port}", ca_bundle=None) == 200
    assert len(server.requests) == 1


@pytest.mark.parametrize("credentials", [Credentials(token=TOKEN), KEYS])
def test_an_untrusted_certificate_stops_before_any_request(
    server: TlsServer, credentials: Credentials
) -> None:
    error = failure(f"https://127.0.0.1:{server.port}", credentials=credentials)
    assert isinstance(error, errors.TlsFailed)
    assert error.message == (
        f"Could not connect securely to 127.0.0.1:{server.port}: its certificate is not "
        "trusted. Nothing was sent."
    )
    assert not error.may_have_reached_server
    # The client did connect, gave up during the handshake, and no request line (no token, no
    # keys) was ever read.
    assert server.httpd.handshake_failed.wait(timeout=10)
    assert server.httpd.connections == 1
    assert server.requests == []


def test_another_ca_is_not_trusted(server: TlsServer, tmp_path: Path) -> None:
    other = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(other))
    error = failure(f"https://127.0.0.1:{server.port}", ca_bundle=str(other))
    assert isinstance(error, errors.TlsFailed)
    assert "certificate is not trusted" in error.message
    assert server.requests == []


def test_a_certificate_for_another_host_is_not_trusted(ca: trustme.CA, ca_file: str) -> None:
    with TlsServer(ca.issue_cert("api.particlespace.com")) as wrong_host:
        error = failure(f"https://127.0.0.1:{wrong_host.port}", ca_bundle=ca_file)
    assert isinstance(error, errors.TlsFailed)
    assert "certificate is not trusted" in error.message
    assert wrong_host.requests == []


def test_the_environment_bundle_does_not_override_the_setting(
    server: TlsServer, ca_file: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The CA bundle chosen in Settings wins over REQUESTS_CA_BUNDLE.
    other = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(other))
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(other))
    assert update(f"https://127.0.0.1:{server.port}", ca_bundle=ca_file) == 200


def test_a_ca_bundle_that_is_not_pem_fails_plainly(server: TlsServer, tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.pem"
    garbage.write_text("not a certificate\n")
    error = failure(f"https://127.0.0.1:{server.port}", ca_bundle=str(garbage))
    assert isinstance(error, errors.TlsFailed)
    assert error.message.startswith(f"Could not connect securely to 127.0.0.1:{server.port}")
    assert server.requests == []


def test_a_missing_ca_bundle_fails_plainly(server: TlsServer, tmp_path: Path) -> None:
    error = failure(f"https://127.0.0.1:{server.port}", ca_bundle=str(tmp_path / "gone.pem"))
    assert "gone.pem" in error.message
    assert server.requests == []
