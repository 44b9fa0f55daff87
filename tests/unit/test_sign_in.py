"""Signing in with the key pair: POST /authenticate, the issued token on every PUT, one new
sign-in and one retry on a 401, and no loop when the server keeps refusing."""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from gui.core import errors
from gui.core.abort import Abort
from gui.core.client import TicketClient, UpdateResult
from gui.core.config import Connection
from gui.core.credentials import Credentials
from gui.core.sender import TicketSender
from gui.core.ticket import TicketUpdate
from gui.sandbox import SandboxServer
from tests.unit.loopback import LoopbackServer, response_bytes

SECRET_KEY = "sk_test_SignIn0123456789"
PUBLISH_KEY = "pk_test_SignIn0123456789"
KEYS = Credentials(secret_key=SECRET_KEY, publish_key=PUBLISH_KEY)
UPDATE = TicketUpdate("tic_1001", "Leaking faucet", "Leak under the sink.", "ON_HOLD", False)
SIGN_IN_FORM = f"secret_key={SECRET_KEY}&publish_key={PUBLISH_KEY}"


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer() as server:
        yield server


def client_for(api_base: str, credentials: Credentials = KEYS) -> TicketClient:
    return TicketClient(api_base=api_base, credentials=credentials, read_timeout=10)


def xdg_files() -> list[Path]:
    names = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")
    return [path for name in names for path in Path(os.environ[name]).rglob("*") if path.is_file()]


# --- Against the sandbox ----------------------------------------------------------------------


def test_keys_sign_in_then_the_issued_token_goes_on_every_put(sandbox: SandboxServer) -> None:
    client = client_for(sandbox.url)
    try:
        first = client.update_ticket(UPDATE)
        second = client.update_ticket(UPDATE)
    finally:
        client.close()
    assert first.status == second.status == 200
    sign_in, put, put_again = sandbox.requests  # one sign-in for both updates
    assert (sign_in.method, sign_in.path) == ("POST", "/api/v1/authenticate")
    assert sign_in.body == SIGN_IN_FORM
    assert sign_in.form == [("secret_key", SECRET_KEY), ("publish_key", PUBLISH_KEY)]
    assert sign_in.header("Content-Type") == "application/x-www-form-urlencoded"
    assert sign_in.header("Authorization") is None
    assert (put.method, put.path) == ("PUT", "/api/v1/ticket/tic_1001")
    scheme, _, token = (put.header("Authorization") or "").partition(" ")
    assert scheme == "Bearer"
    assert token
    assert token != SandboxServer.TOKEN  # the issued one, not the sandbox's fixed token
    assert put_again.header("Authorization") == f"Bearer {token}"
    assert SECRET_KEY not in put.body
    assert PUBLISH_KEY not in put.body


def test_the_token_is_kept_in_memory_only(sandbox: SandboxServer) -> None:
    sender = TicketSender(Connection(sandbox.url, KEYS))
    try:
        assert sender.send(UPDATE, Abort()).status == 200
    finally:
        sender.close()
    token = (sandbox.requests[1].header("Authorization") or "").removeprefix("Bearer ")
    assert token
    assert xdg_files() == []  # no settings, no cache, no token file


def test_bad_keys_are_rejected_before_any_update(sandbox: SandboxServer) -> None:
    # The sandbox takes test keys only, as the vendor's test environment would.
    live = Credentials(secret_key="sk_live_abc", publish_key="pk_live_def")
    client = client_for(sandbox.url, live)
    try:
        with pytest.raises(errors.KeysRejected) as caught:
            client.update_ticket(UPDATE)
    finally:
        client.close()
    assert caught.value.status == 401
    assert caught.value.message == "Your keys were rejected (HTTP 401). Check them in Settings."
    assert [request.method for request in sandbox.requests] == ["POST"]
    assert sandbox.tickets["tic_1001"]["status"] == "NEW"


def test_check_connection_with_keys_signs_in(sandbox: SandboxServer) -> None:
    sender = TicketSender(Connection(sandbox.url, KEYS))
    try:
        said = sender.check_connection(Abort())
    finally:
        sender.close()
    host = urlsplit(sandbox.url).netloc
    assert said == f"Signed in to {host} with your test keys."
    assert [(request.method, request.path) for request in sandbox.requests] == [
        ("POST", "/api/v1/authenticate")
    ]
    assert sandbox.tickets["tic_1001"]["status"] == "NEW"  # a check changes nothing


def test_check_connection_with_bad_keys(sandbox: SandboxServer) -> None:
    sender = TicketSender(Connection(sandbox.url, Credentials("", "sk_test_a", "pk_live_b")))
    try:
        with pytest.raises(errors.KeysRejected, match="Check them in Settings"):
            sender.check_connection(Abort())
    finally:
        sender.close()


def test_check_connection_with_a_token_reaches_the_server(sandbox: SandboxServer) -> None:
    client = client_for(sandbox.url, Credentials(token=SandboxServer.TOKEN))
    try:
        said = client.check_connection()
    finally:
        client.close()
    host = urlsplit(sandbox.url).netloc
    assert said == f"Reached {host}. The token is checked with the first update."
    [request] = sandbox.requests
    assert request.method == "GET"
    assert request.header("Authorization") == f"Bearer {SandboxServer.TOKEN}"


def test_check_connection_of_an_unusable_connection_sends_nothing() -> None:
    sender = TicketSender(Connection("https://api.example.com", Credentials(), problem="No keys."))
    try:
        with pytest.raises(errors.ConfigurationError, match=r"No keys\."):
            sender.check_connection(Abort())
    finally:
        sender.close()


# --- A vendor that lets tokens expire ---------------------------------------------------------


class Vendor:
    """Hands out tok-1, tok-2, ... on POST /authenticate; answers each PUT with the next status
    of `put_statuses` (200 once they run out); records every request."""

    def __init__(self, put_statuses: list[int], sign_in: tuple[int, object] | None = None) -> None:
        self.put_statuses = list(put_statuses)
        self.sign_in = sign_in
        self.issued = 0

    def __call__(self, conn: socket.socket, server: LoopbackServer) -> None:
        while (request := server.receive(conn)) is not None:
            if request.method == "POST" and request.target.endswith("/authenticate"):
                if self.sign_in is not None:
                    status, document = self.sign_in
                else:
                    self.issued += 1
                    status, document = 200, {"data": {"token": f"tok-{self.issued}"}}
            else:
                status = self.put_statuses.pop(0) if self.put_statuses else 200
                document = {"data": {"id": "tic_1001"}} if status == 200 else {"error": "no"}
            body = json.dumps(document).encode()
            conn.sendall(response_bytes(f"{status} X", body, {"Content-Type": "application/json"}))


def exchanges(server: LoopbackServer) -> list[tuple[str, str, str]]:
    return [
        (request.method, request.target, request.headers.get("authorization", ""))
        for request in server.requests
    ]


def test_a_401_signs_in_again_once_and_retries_once() -> None:
    with LoopbackServer(Vendor(put_statuses=[401, 200])) as server:
        client = client_for(server.url + "/api/v1")
        try:
            result = client.update_ticket(UPDATE)
        finally:
            client.close()
    assert result == UpdateResult("tic_1001", 200, {"id": "tic_1001"})
    assert exchanges(server) == [
        ("POST", "/api/v1/authenticate", ""),
        ("PUT", "/api/v1/ticket/tic_1001", "Bearer tok-1"),
        ("POST", "/api/v1/authenticate", ""),
        ("PUT", "/api/v1/ticket/tic_1001", "Bearer tok-2"),
    ]
    assert server.requests[2].body == SIGN_IN_FORM.encode()


def test_a_token_that_expires_later_is_renewed_then() -> None:
    with LoopbackServer(Vendor(put_statuses=[200, 401, 200])) as server:
        client = client_for(server.url)
        try:
            assert client.update_ticket(UPDATE).status == 200
            assert client.update_ticket(UPDATE).status == 200
        finally:
            client.close()
    assert [authorization for _, _, authorization in exchanges(server)] == [
        "",
        "Bearer tok-1",
        "Bearer tok-1",
        "",
        "Bearer tok-2",
    ]


def test_a_second_401_is_keys_rejected_without_a_loop() -> None:
    with LoopbackServer(Vendor(put_statuses=[401, 401, 401, 401])) as server:
        client = client_for(server.url)
        try:
            with pytest.raises(errors.KeysRejected) as caught:
                client.update_ticket(UPDATE)
        finally:
            client.close()
    assert caught.value.status == 401
    assert "Your keys were rejected" in caught.value.message
    assert "in Settings" in caught.value.message
    assert not caught.value.may_have_reached_server  # a 401 applied nothing
    methods = [method for method, _, _ in exchanges(server)]
    assert methods == ["POST", "PUT", "POST", "PUT"]  # exactly 2 sign-ins, 2 PUTs


def test_a_401_with_a_token_is_not_retried() -> None:
    # Without keys there is nothing to sign in again with: the 401 is the answer.
    with LoopbackServer(Vendor(put_statuses=[401])) as server:
        client = client_for(server.url, Credentials(token="given-token"))
        try:
            with pytest.raises(errors.TokenRejected):
                client.update_ticket(UPDATE)
        finally:
            client.close()
    assert exchanges(server) == [("PUT", "/ticket/tic_1001", "Bearer given-token")]


@pytest.mark.parametrize("status", [400, 401, 403, 422])
def test_a_refused_sign_in_is_keys_rejected(status: int) -> None:
    with LoopbackServer(Vendor([], sign_in=(status, {"error": "Invalid API keys."}))) as server:
        client = client_for(server.url)
        try:
            with pytest.raises(errors.KeysRejected) as caught:
                client.update_ticket(UPDATE)
        finally:
            client.close()
    assert caught.value.message == (
        f"Your keys were rejected (HTTP {status}). Check them in Settings."
    )
    assert [method for method, _, _ in exchanges(server)] == ["POST"]


@pytest.mark.parametrize(
    "document",
    [
        {},
        {"data": {}},
        {"token": "at-the-top"},
        {"data": {"token": ""}},
        {"data": {"token": 42}},
        {"data": {"token": "two words"}},
        {"data": {"token": "line\r\nX-Evil: 1"}},
    ],
)
def test_a_sign_in_without_a_usable_token(document: object) -> None:
    with LoopbackServer(Vendor([], sign_in=(200, document))) as server:
        client = client_for(server.url)
        try:
            with pytest.raises(errors.ServerFailed, match="sent no usable token"):
                client.update_ticket(UPDATE)
        finally:
            client.close()
    assert [method for method, _, _ in exchanges(server)] == ["POST"]


def test_a_sign_in_token_that_cannot_be_a_header() -> None:
    with LoopbackServer(Vendor([], sign_in=(200, {"data": {"token": "tok\u20acen"}}))) as server:
        client = client_for(server.url)
        try:
            with pytest.raises(errors.ServerFailed, match="sent no usable token"):
                client.update_ticket(UPDATE)
        finally:
            client.close()


@pytest.mark.parametrize(
    ("status", "expected"), [(500, errors.ServerFailed), (429, errors.ServerBusy)]
)
def test_a_failed_sign_in_is_the_servers_failure(
    status: int, expected: type[errors.ApiError]
) -> None:
    with LoopbackServer(Vendor([], sign_in=(status, {"message": "down"}))) as server:
        client = client_for(server.url)
        try:
            with pytest.raises(expected) as caught:
                client.update_ticket(UPDATE)
        finally:
            client.close()
    assert caught.value.status == status
    assert [method for method, _, _ in exchanges(server)] == ["POST"]
