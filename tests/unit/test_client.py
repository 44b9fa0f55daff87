"""The HTTP client: the request it sends and what it makes of every answer (or its absence).

Answers come from `responses` (fast, no socket) or from tiny servers on 127.0.0.1 (real
sockets, for refusals, timeouts and hang-ups).
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
from collections.abc import Iterator

import pytest
import requests
import responses
import urllib3.exceptions

from gui.core import errors
from gui.core.client import TicketClient, UpdateResult
from gui.core.credentials import Credentials
from gui.core.fields import ContactType
from gui.core.ticket import Notification, TicketUpdate
from tests.unit.loopback import LoopbackServer, answering, free_port, hanging_up, silent

API_BASE = "https://api.particlespace.com/api/v1"
HOST = "api.particlespace.com"
TOKEN = "sk_test_s3cret-token"
TICKET_URL = f"{API_BASE}/ticket/TICKET_ID_HERE"

VENDOR_UPDATE = TicketUpdate(
    ticket_id="TICKET_ID_HERE",
    title="Leaking faucet",
    description="Leak under the kitchen sink in 1A requires new part.",
    status="ON_HOLD",
    automated=True,
    notification=Notification(type=ContactType.EMAIL, contacts=("example@example.com",)),
)
# What `qs.stringify` (default format RFC 3986) prints for the vendor's example object.
VENDOR_BODY = (
    "title=Leaking%20faucet"
    "&description=Leak%20under%20the%20kitchen%20sink%20in%201A%20requires%20new%20part."
    "&status=ON_HOLD&notify=1&time=&type=email&contacts=example%40example.com&automated=1"
)


@pytest.fixture
def client() -> Iterator[TicketClient]:
    ticket_client = TicketClient(api_base=API_BASE, credentials=Credentials(token=TOKEN))
    yield ticket_client
    ticket_client.close()


@pytest.fixture
def mock() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock() as requests_mock:
        yield requests_mock


def failure(client: TicketClient, update: TicketUpdate = VENDOR_UPDATE) -> errors.TicketError:
    with pytest.raises(errors.TicketError) as caught:
        client.update_ticket(update)
    assert TOKEN not in caught.value.message
    return caught.value


# --- The request ------------------------------------------------------------------------------


def test_put_is_the_vendor_request(client: TicketClient, mock: responses.RequestsMock) -> None:
    mock.put(TICKET_URL, json={"data": {"id": "TICKET_ID_HERE"}})
    client.update_ticket(VENDOR_UPDATE)
    [call] = mock.calls
    request = call.request
    assert request.method == "PUT"
    assert request.url == TICKET_URL
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert request.headers["User-Agent"].startswith("particle-tickets/")
    assert request.body == VENDOR_BODY.encode()


@pytest.mark.parametrize(
    ("ticket_id", "path"),
    [
        ("tic 1/2?#ü", "/ticket/tic%201%2F2%3F%23%C3%BC"),
        ("100%", "/ticket/100%25"),
        ("tic_a.b~c-d", "/ticket/tic_a.b~c-d"),
    ],
)
def test_ticket_id_is_one_percent_encoded_segment(
    client: TicketClient, mock: responses.RequestsMock, ticket_id: str, path: str
) -> None:
    mock.put(re.compile(re.escape(API_BASE) + "/.*"))
    client.update_ticket(TicketUpdate(ticket_id, "T", "D", "NEW", automated=False))
    [call] = mock.calls
    assert call.request.url == API_BASE + path


def test_trailing_slash_of_the_api_base_is_ignored(mock: responses.RequestsMock) -> None:
    mock.put(TICKET_URL)
    ticket_client = TicketClient(api_base=API_BASE + "/", credentials=Credentials(token=TOKEN))
    try:
        ticket_client.update_ticket(VENDOR_UPDATE)
    finally:
        ticket_client.close()
    assert mock.calls[0].request.url == TICKET_URL


# --- Success ----------------------------------------------------------------------------------


def test_success_with_data_is_echoed(client: TicketClient, mock: responses.RequestsMock) -> None:
    mock.put(TICKET_URL, json={"data": {"id": "TICKET_ID_HERE", "status": "ON_HOLD"}})
    result = client.update_ticket(VENDOR_UPDATE)
    assert result == UpdateResult(
        ticket_id="TICKET_ID_HERE", status=200, echoed={"id": "TICKET_ID_HERE", "status": "ON_HOLD"}
    )


@pytest.mark.parametrize(
    ("status", "body"),
    [(200, b""), (200, b"OK"), (200, b"<html>saved</html>"), (201, b"{}"), (204, b"")],
)
def test_success_without_a_usable_body(
    client: TicketClient, mock: responses.RequestsMock, status: int, body: bytes
) -> None:
    mock.put(TICKET_URL, status=status, body=body)
    assert client.update_ticket(VENDOR_UPDATE) == UpdateResult("TICKET_ID_HERE", status, None)


# --- The server says no -----------------------------------------------------------------------


def test_404_is_ticket_not_found(client: TicketClient, mock: responses.RequestsMock) -> None:
    mock.put(TICKET_URL, status=404, json={"message": "Not found"})
    error = failure(client)
    assert isinstance(error, errors.TicketNotFound)
    assert error.status == 404
    assert "TICKET_ID_HERE" in error.message
    assert [field_error.field for field_error in error.field_errors] == ["ticketId"]
    assert not error.may_have_reached_server


@pytest.mark.parametrize("status", [401, 403])
def test_401_and_403_are_token_rejected(
    client: TicketClient, mock: responses.RequestsMock, status: int
) -> None:
    mock.put(TICKET_URL, status=status, json={"error": f"bad token {TOKEN}"})
    error = failure(client)
    assert isinstance(error, errors.TokenRejected)
    assert error.status == status
    assert str(status) in error.message
    assert error.field_errors == ()


@pytest.mark.parametrize(
    "document",
    [
        {"errors": {"contacts": ["Invalid contact."], "notify_subject": ["Too long."]}},
        {"errors": {"contacts": "Invalid contact.", "notifySubject": "Too long."}},
        {
            "errors": [
                {"field": "contacts", "message": "Invalid contact."},
                {"field": "notifySubject", "message": "Too long."},
            ]
        },
    ],
)
def test_422_field_errors_land_on_their_fields(
    client: TicketClient, mock: responses.RequestsMock, document: object
) -> None:
    mock.put(TICKET_URL, status=422, json=document)
    error = failure(client)
    assert isinstance(error, errors.RejectedByServer)
    assert error.status == 422
    assert error.field_errors == (
        errors.FieldError("contacts", "Invalid contact."),
        errors.FieldError("notifySubject", "Too long."),
    )
    assert error.message == "Particle Space refused some values; see the marked fields."


@pytest.mark.parametrize(
    "document",
    [{"error": "Status DONE does not exist."}, {"message": "Status DONE does not exist."}],
)
def test_4xx_message_goes_to_the_banner(
    client: TicketClient, mock: responses.RequestsMock, document: object
) -> None:
    mock.put(TICKET_URL, status=400, json=document)
    error = failure(client)
    assert isinstance(error, errors.RejectedByServer)
    assert error.message == "Particle Space refused the update: Status DONE does not exist."
    assert error.field_errors == ()


def test_4xx_without_a_readable_body(client: TicketClient, mock: responses.RequestsMock) -> None:
    mock.put(TICKET_URL, status=409, body=b"<html><body>Conflict</body></html>")
    error = failure(client)
    assert isinstance(error, errors.RejectedByServer)
    assert "409" in error.message
    assert "<" not in error.message


@pytest.mark.parametrize(
    ("status", "retry_after", "seconds", "wait"),
    [
        (429, "7", 7, "Particle Space is busy (HTTP 429) and asked to wait 7 s."),
        (503, "120", 120, "Particle Space is busy (HTTP 503) and asked to wait 2 min."),
        (503, None, None, "Particle Space is busy (HTTP 503)."),
        (429, "soon", None, "Particle Space is busy (HTTP 429)."),
        (429, "Mon, 01 Jan 2001 00:00:00 GMT", 0, "Particle Space is busy (HTTP 429)."),
        (429, "Mon, 01 Jan 2001 00:00:00 -0000", 0, "Particle Space is busy (HTTP 429)."),
    ],
)
def test_busy_server_honours_retry_after(
    client: TicketClient,
    mock: responses.RequestsMock,
    status: int,
    retry_after: str | None,
    seconds: int | None,
    wait: str,
) -> None:
    headers = {} if retry_after is None else {"Retry-After": retry_after}
    mock.put(TICKET_URL, status=status, headers=headers, body=b"")
    error = failure(client)
    assert isinstance(error, errors.ServerBusy)
    assert error.status == status
    assert error.retry_after == seconds
    # what the server asked, never a promise of when the next try is (the outbox says that)
    assert error.message == wait


def test_500_with_a_json_message(client: TicketClient, mock: responses.RequestsMock) -> None:
    mock.put(TICKET_URL, status=500, json={"message": "Database\nis down"})
    error = failure(client)
    assert isinstance(error, errors.ServerFailed)
    assert error.status == 500
    assert "500" in error.message
    assert "It said: Database is down" in error.message
    assert error.may_have_reached_server


def test_502_html_page_is_not_shown(client: TicketClient, mock: responses.RequestsMock) -> None:
    page = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
    mock.put(TICKET_URL, status=502, body=page, content_type="text/html")
    error = failure(client)
    assert isinstance(error, errors.ServerFailed)
    assert error.status == 502
    assert "502" in error.message
    assert "<" not in error.message
    assert "nginx" not in error.message
    assert error.may_have_reached_server


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_redirects_are_not_followed(
    client: TicketClient, mock: responses.RequestsMock, status: int
) -> None:
    elsewhere = "https://elsewhere.example.com/collect"
    mock.put(TICKET_URL, status=status, headers={"Location": elsewhere})
    error = failure(client)
    assert isinstance(error, errors.Redirected)
    assert error.status == status
    assert str(status) in error.message
    assert "elsewhere.example.com" in error.message
    assert not error.may_have_reached_server  # a 3xx applied nothing
    # Only the one call: the token never went to the other host (responses would have
    # refused an unregistered URL and this would be a ConnectionLost).
    assert [call.request.url for call in mock.calls] == [TICKET_URL]


def test_a_body_over_a_megabyte_is_not_read_to_the_end(
    client: TicketClient, mock: responses.RequestsMock
) -> None:
    # Cut after 1 MB, this JSON is no longer JSON, so its message is not shown.
    huge = json.dumps({"message": "Database is down" + " " * (2 * 1024 * 1024) + "!"})
    mock.put(TICKET_URL, status=500, body=huge.encode())
    error = failure(client)
    assert isinstance(error, errors.ServerFailed)
    assert "It said" not in error.message


# --- No answer (the errors `requests` raises, as it wraps urllib3's) --------------------------


def _wrapped(reason: Exception, cause: BaseException | None = None) -> requests.ConnectionError:
    reason.__cause__ = cause
    retry = urllib3.exceptions.MaxRetryError(None, TICKET_URL, reason)  # type: ignore[arg-type]
    return requests.exceptions.ConnectionError(retry)


_REFUSED = _wrapped(
    urllib3.exceptions.NewConnectionError(None, "Failed to establish a new connection"),  # type: ignore[arg-type]
    ConnectionRefusedError(111, "Connection refused"),
)
_UNREACHABLE = _wrapped(
    urllib3.exceptions.NewConnectionError(None, "Failed to establish a new connection"),  # type: ignore[arg-type]
    OSError(101, "Network is unreachable"),
)
_NO_NAME = _wrapped(
    urllib3.exceptions.NameResolutionError(HOST, None, socket.gaierror(-2, "Name unknown")),  # type: ignore[arg-type]
)
_HUNG_UP = requests.exceptions.ConnectionError(
    urllib3.exceptions.ProtocolError(
        "Connection aborted.", ConnectionResetError(104, "Connection reset by peer")
    )
)


@pytest.mark.parametrize(
    ("raised", "expected", "may_have_arrived", "says"),
    [
        (_REFUSED, errors.ConnectionRefused, False, "refused the connection"),
        (_UNREACHABLE, errors.Unreachable, False, "Could not connect"),
        (_NO_NAME, errors.HostNotFound, False, "Could not find"),
        (requests.exceptions.ConnectTimeout("x"), errors.TimedOut, False, "within 5 s"),
        (requests.exceptions.ReadTimeout("x"), errors.TimedOut, True, "within 30 s"),
        (
            requests.exceptions.SSLError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify"),
            errors.TlsFailed,
            False,
            "certificate is not trusted",
        ),
        (
            requests.exceptions.SSLError("[SSL: WRONG_VERSION_NUMBER] wrong version number"),
            errors.TlsFailed,
            False,
            "secure (TLS) connection failed",
        ),
        (_HUNG_UP, errors.ConnectionLost, True, "broke"),
        (requests.exceptions.ChunkedEncodingError("x"), errors.ConnectionLost, True, "broke"),
        (
            requests.exceptions.InvalidHeader("x"),
            errors.ConfigurationError,
            False,
            "cannot be used",
        ),
    ],
)
def test_request_failures_are_mapped(
    client: TicketClient,
    mock: responses.RequestsMock,
    raised: Exception,
    expected: type[errors.TicketError],
    may_have_arrived: bool,
    says: str,
) -> None:
    mock.put(TICKET_URL, body=raised)
    error = failure(client)
    assert type(error) is expected
    assert error.may_have_reached_server is may_have_arrived
    assert says in error.message
    if expected is not errors.ConfigurationError:
        assert HOST in error.message
    assert "urllib3" not in error.message
    assert "Max retries" not in error.message


# --- No answer, over real loopback sockets ----------------------------------------------------


@contextlib.contextmanager
def loopback_client(api_base: str, *, read_timeout: float = 30.0) -> Iterator[TicketClient]:
    ticket_client = TicketClient(
        api_base=api_base, credentials=Credentials(token=TOKEN), read_timeout=read_timeout
    )
    try:
        yield ticket_client
    finally:
        ticket_client.close()


def test_real_round_trip_sends_the_vendor_request() -> None:
    answer = json.dumps({"data": {"id": "TICKET_ID_HERE"}}).encode()
    with (
        LoopbackServer(answering("200 OK", answer, {"Content-Type": "application/json"})) as server,
        loopback_client(server.url + "/api/v1") as ticket_client,
    ):
        result = ticket_client.update_ticket(VENDOR_UPDATE)
    assert result == UpdateResult("TICKET_ID_HERE", 200, {"id": "TICKET_ID_HERE"})
    [request] = server.requests
    assert (request.method, request.target) == ("PUT", "/api/v1/ticket/TICKET_ID_HERE")
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert request.body == VENDOR_BODY.encode()


def test_keep_alive_reuses_one_connection() -> None:
    with (
        LoopbackServer(answering("200 OK")) as server,
        loopback_client(server.url) as ticket_client,
    ):
        for _ in range(3):
            assert ticket_client.update_ticket(VENDOR_UPDATE).status == 200
    assert len(server.requests) == 3
    assert server.connections == 1


def test_connection_refused() -> None:
    port = free_port()
    with loopback_client(f"http://127.0.0.1:{port}") as ticket_client:
        error = failure(ticket_client)
    assert isinstance(error, errors.ConnectionRefused)
    assert error.message == (
        f"127.0.0.1:{port} refused the connection: the service is down or the address is wrong."
    )
    assert not error.may_have_reached_server


def test_read_timeout_may_have_reached_the_server() -> None:
    with (
        LoopbackServer(silent) as server,
        loopback_client(server.url, read_timeout=0.3) as ticket_client,
    ):
        error = failure(ticket_client)
    assert isinstance(error, errors.TimedOut)
    assert error.may_have_reached_server
    assert f"No answer from 127.0.0.1:{server.port} within 0.3 s." in error.message
    assert len(server.requests) == 1


def test_read_timeout_in_the_middle_of_the_body_is_a_timeout() -> None:
    def stall_in_body(conn: socket.socket, server: LoopbackServer) -> None:
        if server.receive(conn) is not None:
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{")
            server.stop.wait()

    with (
        LoopbackServer(stall_in_body) as server,
        loopback_client(server.url, read_timeout=0.3) as ticket_client,
    ):
        error = failure(ticket_client)
    assert isinstance(error, errors.TimedOut)
    assert error.may_have_reached_server
    assert "within 0.3 s" in error.message


def test_server_hanging_up_after_the_request_is_connection_lost() -> None:
    with LoopbackServer(hanging_up) as server, loopback_client(server.url) as ticket_client:
        error = failure(ticket_client)
    assert isinstance(error, errors.ConnectionLost)
    assert error.may_have_reached_server
    assert error.message.startswith(f"The connection to 127.0.0.1:{server.port} broke.")
    assert len(server.requests) == 1


def test_host_not_found(monkeypatch: pytest.MonkeyPatch) -> None:
    unknown = "api.unknown-host.example"
    guarded_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
        if host == unknown:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return guarded_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    with loopback_client(f"https://{unknown}/api/v1") as ticket_client:
        error = failure(ticket_client)
    assert isinstance(error, errors.HostNotFound)
    assert error.message == (
        f"Could not find {unknown}. Check the API address and that this computer is online."
    )
    assert not error.may_have_reached_server


def test_a_netrc_entry_for_the_host_never_replaces_the_bearer_token(
    tmp_path, monkeypatch: pytest.MonkeyPatch, client: TicketClient, mock: responses.RequestsMock
) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine {HOST} login someone password hunter2\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    mock.put(TICKET_URL, json={})
    client.update_ticket(VENDOR_UPDATE)
    assert mock.calls[0].request.headers["Authorization"] == f"Bearer {TOKEN}"
