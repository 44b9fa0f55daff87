"""What a server echoes is redacted: a token or key in an error body or in the echo of a
successful update never reaches a message, an exception, `UpdateResult.echoed` or the history.

The server is a real one on 127.0.0.1 that repeats the request's own Bearer token back."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from gui.core import errors
from gui.core.abort import Abort
from gui.core.client import TicketClient
from gui.core.config import Connection
from gui.core.credentials import Credentials
from gui.core.delivery import deliver
from gui.core.destination import destination_of
from gui.core.outbox import OutboxStore
from gui.core.redaction import REDACTED
from gui.core.sender import TicketSender
from gui.core.ticket import TicketUpdate
from tests.unit.loopback import Handler, LoopbackServer, response_bytes

TOKEN = "tok-echo-ab-12"
KEY = "sk_live_ab-12"
JSON_TOKEN = "json-tok-cd-34"
UPDATE = TicketUpdate("tic_1", "Leaking faucet", "Under the sink", "ON_HOLD", automated=False)
SECRETS = (TOKEN, KEY, JSON_TOKEN)


def echoing(status: str, document: Callable[[str], object]) -> Handler:
    """Answers `status` with the JSON `document(token)`, the token the request carried."""

    def handle(conn: socket.socket, server: LoopbackServer) -> None:
        while (request := server.receive(conn)) is not None:
            token = request.headers.get("authorization", "").removeprefix("Bearer ")
            body = json.dumps(document(token)).encode("utf-8")
            conn.sendall(response_bytes(status, body, {"Content-Type": "application/json"}))

    return handle


def said(token: str) -> str:
    return f'refused {token} with key {KEY} and {{"token": "{JSON_TOKEN}"}}'


def send(server: LoopbackServer) -> TicketClient:
    return TicketClient(api_base=f"{server.url}/api/v1", credentials=Credentials(token=TOKEN))


def assert_clean(text: str) -> None:
    assert REDACTED in text
    for secret in SECRETS:
        assert secret not in text


@pytest.mark.parametrize(
    ("status", "document"),
    [
        ("422 Unprocessable Entity", lambda token: {"error": said(token)}),
        ("400 Bad Request", lambda token: {"errors": [said(token)]}),
        ("500 Internal Server Error", lambda token: {"message": said(token)}),
    ],
)
def test_an_error_body_that_echoes_secrets_is_redacted(
    status: str, document: Callable[[str], object]
) -> None:
    with LoopbackServer(echoing(status, document)) as server:
        client = send(server)
        try:
            with pytest.raises(errors.ApiError) as caught:
                client.update_ticket(UPDATE)
        finally:
            client.close()
    assert TOKEN in server.requests[0].headers["authorization"]  # it did echo the real one
    assert_clean(caught.value.message)
    assert_clean(str(caught.value))


def test_field_errors_that_echo_secrets_are_redacted() -> None:
    document = {"errors": {"title": [said(TOKEN)], "status": f"Bearer {TOKEN}"}}
    with LoopbackServer(echoing("422 Unprocessable Entity", lambda _: document)) as server:
        client = send(server)
        try:
            with pytest.raises(errors.RejectedByServer) as caught:
                client.update_ticket(UPDATE)
        finally:
            client.close()
    fields = dict(caught.value.field_errors)
    assert set(fields) == {"title", "status"}
    for message in fields.values():
        assert_clean(message)


def test_a_long_message_cut_short_never_keeps_half_a_token() -> None:
    long_token = "tok-long-" + "ab-12" * 80
    message = "x" * 250 + long_token

    def handle(conn: socket.socket, server: LoopbackServer) -> None:
        while server.receive(conn) is not None:
            body = json.dumps({"error": message}).encode("utf-8")
            conn.sendall(response_bytes("422 Unprocessable Entity", body))

    with LoopbackServer(handle) as server:
        client = TicketClient(
            api_base=f"{server.url}/api/v1", credentials=Credentials(token=long_token)
        )
        try:
            with pytest.raises(errors.RejectedByServer) as caught:
                client.update_ticket(UPDATE)
        finally:
            client.close()
    assert "tok-long-ab-12ab" not in caught.value.message
    assert REDACTED in caught.value.message


def echo_document(token: str) -> dict[str, object]:
    return {
        "data": {
            "id": "tic_1",
            "title": f"Leaking faucet ({token})",
            "description": KEY,
            "note": said(token),
            "nested": {"tokens": [token, {"deeper": f"Bearer {token}"}]},
            token: "a key that is the token",
            "count": 3,
        }
    }


def test_a_success_echo_that_holds_secrets_is_redacted() -> None:
    with LoopbackServer(echoing("200 OK", echo_document)) as server:
        client = send(server)
        try:
            result = client.update_ticket(UPDATE)
        finally:
            client.close()
    assert result.echoed is not None
    dumped = json.dumps(result.echoed)
    assert_clean(dumped)
    assert result.echoed["id"] == "tic_1" and result.echoed["count"] == 3
    assert result.echoed["title"] == f"Leaking faucet ({REDACTED})"
    assert result.echoed["description"] == REDACTED


def test_the_history_stores_no_echoed_secret(tmp_path: Path) -> None:
    store = OutboxStore(tmp_path / "outbox.sqlite3")
    try:
        with LoopbackServer(echoing("200 OK", echo_document)) as server:
            connection = Connection(f"{server.url}/api/v1", Credentials(token=TOKEN))
            store.add(UPDATE, destination=destination_of(connection))
            item = store.claim_next(destination_of(connection))
            assert item is not None
            sender = TicketSender(connection)
            try:
                delivery = deliver(store, item, sender, Abort())
            finally:
                sender.close()
        assert delivery is not None and delivery.succeeded
        (entry,) = store.history()
        assert entry.outcome == "sent"
        assert_clean(entry.message)
        known = store.known_ticket(destination_of(connection), "tic_1")
        assert known is not None and TOKEN not in known.title
    finally:
        store.close_all()
    assert all(
        secret.encode() not in path.read_bytes()
        for path in tmp_path.iterdir()
        for secret in SECRETS
        if path.is_file()
    )


def test_the_history_of_a_refused_update_stores_no_echoed_secret(tmp_path: Path) -> None:
    store = OutboxStore(tmp_path / "outbox.sqlite3")
    try:
        with LoopbackServer(
            echoing("422 Unprocessable Entity", lambda token: {"error": said(token)})
        ) as server:
            connection = Connection(f"{server.url}/api/v1", Credentials(token=TOKEN))
            store.add(UPDATE, destination=destination_of(connection))
            item = store.claim_next(destination_of(connection))
            assert item is not None
            sender = TicketSender(connection)
            try:
                deliver(store, item, sender, Abort())
            finally:
                sender.close()
        (entry,) = store.history()
        assert entry.outcome == "refused"
        assert_clean(entry.message)
    finally:
        store.close_all()
