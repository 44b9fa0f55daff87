"""Redirects are never followed: a loopback server on 127.0.0.1 points to another one (localhost,
another port), and the second never sees a request, let alone the Authorization header."""

from __future__ import annotations

import pytest
import requests

from gui.core import errors
from gui.core.client import TicketClient
from gui.core.credentials import Credentials
from gui.core.ticket import TicketUpdate
from tests.unit.loopback import LoopbackServer, answering

UPDATE = TicketUpdate("tic_1001", "Leaking faucet", "Leak under the sink.", "ON_HOLD", False)
TOKEN = "redirect-token-0123456789"
KEYS = Credentials(secret_key="sk_test_Redirect0123", publish_key="pk_test_Redirect0123")
STATUSES = [
    "301 Moved Permanently",
    "302 Found",
    "307 Temporary Redirect",
    "308 Permanent Redirect",
]


def client_for(api_base: str, credentials: Credentials) -> TicketClient:
    return TicketClient(api_base=api_base, credentials=credentials, read_timeout=10)


def redirect_failure(api_base: str, credentials: Credentials) -> errors.TicketError:
    client = client_for(api_base, credentials)
    try:
        with pytest.raises(errors.TicketError) as caught:
            client.update_ticket(UPDATE)
    finally:
        client.close()
    return caught.value


def test_the_target_would_be_reached_by_a_client_that_follows() -> None:
    # The control: plain `requests` follows the 307 to the second server, so the tests below
    # would see it if the app's client followed too.
    with LoopbackServer(answering("200 OK")) as target:
        location = f"http://localhost:{target.port}/api/v1/ticket/tic_1001"
        with (
            LoopbackServer(answering("307 Temporary Redirect", b"", {"Location": location})) as a,
            requests.Session() as session,
        ):
            response = session.put(a.url + "/api/v1/ticket/tic_1001", data="x=1", timeout=10)
            response.close()
    assert response.status_code == 200
    assert len(target.requests) == 1


@pytest.mark.parametrize("status", STATUSES)
def test_a_redirect_to_another_host_is_not_followed(status: str) -> None:
    with LoopbackServer(answering("200 OK")) as target:
        location = f"http://localhost:{target.port}/api/v1/ticket/tic_1001"
        with LoopbackServer(answering(status, b"", {"Location": location})) as first:
            error = redirect_failure(first.url + "/api/v1", Credentials(token=TOKEN))
    assert isinstance(error, errors.Redirected)
    assert error.status == int(status.split()[0])
    assert f"localhost:{target.port}" in error.message
    assert "nothing was sent there" in error.message
    assert not error.may_have_reached_server
    [request] = first.requests
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert target.connections == 0  # not a connection, so no request and no header
    assert target.requests == []


@pytest.mark.parametrize("status", STATUSES)
def test_a_redirected_sign_in_never_sends_the_keys_on(status: str) -> None:
    with LoopbackServer(answering("200 OK")) as target:
        location = f"http://localhost:{target.port}/api/v1/authenticate"
        with LoopbackServer(answering(status, b"", {"Location": location})) as first:
            error = redirect_failure(first.url + "/api/v1", KEYS)
    assert isinstance(error, errors.Redirected)
    assert f"localhost:{target.port}" in error.message
    [request] = first.requests
    assert (request.method, request.target) == ("POST", "/api/v1/authenticate")
    assert target.connections == 0


@pytest.mark.parametrize(
    "location",
    [
        "http://127.0.0.1:{port}/api/v1/ticket/tic_1001",  # same host, another port
        "//localhost:{port}/api/v1/ticket/tic_1001",  # scheme-relative
    ],
)
def test_other_forms_of_location_are_not_followed(location: str) -> None:
    with LoopbackServer(answering("200 OK")) as target:
        headers = {"Location": location.format(port=target.port)}
        with LoopbackServer(answering("302 Found", b"", headers)) as first:
            error = redirect_failure(first.url, Credentials(token=TOKEN))
    assert isinstance(error, errors.Redirected)
    assert f":{target.port}" in error.message
    assert target.connections == 0


def test_a_redirect_on_the_same_server_is_not_followed_either() -> None:
    with LoopbackServer(answering("307 Temporary Redirect", b"", {"Location": "/v2/x"})) as first:
        error = redirect_failure(first.url, Credentials(token=TOKEN))
    assert isinstance(error, errors.Redirected)
    assert "another address" in error.message
    assert len(first.requests) == 1


def test_test_connection_with_a_token_reports_a_redirect() -> None:
    with LoopbackServer(answering("200 OK")) as target:
        location = f"http://localhost:{target.port}/api/v1"
        with LoopbackServer(answering("308 Permanent Redirect", b"", {"Location": location})) as a:
            client = client_for(a.url + "/api/v1", Credentials(token=TOKEN))
            try:
                with pytest.raises(errors.Redirected) as caught:
                    client.check_connection()
            finally:
                client.close()
    assert f"localhost:{target.port}" in caught.value.message
    assert target.requests == []
