"""The sandbox server, exercised over real loopback sockets with `requests`."""

from __future__ import annotations

import threading
import time
import urllib.parse
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import requests

from gui.sandbox import Behaviour, SandboxServer

VENDOR_EXAMPLE = {
    "title": "Leaking faucet",
    "description": "Leak under the kitchen sink in 1A requires new part.",
    "status": "ON_HOLD",
    "notify": "1",
    "time": "",
    "type": "email",
    "contacts": "example@example.com",
    "automated": "1",
}
FORM_TYPE = "application/x-www-form-urlencoded"
AUTHORISED = {"Authorization": f"Bearer {SandboxServer.TOKEN}", "Content-Type": FORM_TYPE}


def encode(fields: dict[str, str]) -> str:
    """Encode a form like the vendor's `qs.stringify` does (spaces as %20)."""
    return urllib.parse.urlencode(fields, quote_via=urllib.parse.quote)


def sandbox_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name.startswith("sandbox-")]


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(slow_seconds=0.2) as server:
        yield server
    assert not sandbox_threads()


@pytest.fixture
def session() -> Iterator[requests.Session]:
    with requests.Session() as client:
        yield client


def put_ticket(
    session: requests.Session,
    sandbox: SandboxServer,
    ticket_id: str,
    fields: dict[str, str],
    headers: dict[str, str] = AUTHORISED,
) -> requests.Response:
    return session.put(
        f"{sandbox.url}/ticket/{ticket_id}", data=encode(fields), headers=headers, timeout=5
    )


# -- updating a ticket -------------------------------------------------------------------------


def test_vendor_example_updates_the_ticket(
    sandbox: SandboxServer, session: requests.Session
) -> None:
    response = put_ticket(session, sandbox, "tic_1001", VENDOR_EXAMPLE)

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json; charset=utf-8"
    data = response.json()["data"]
    assert data == {
        "id": "tic_1001",
        "title": "Leaking faucet",
        "description": "Leak under the kitchen sink in 1A requires new part.",
        "status": "ON_HOLD",
        "notify": 1,
        "automated": 1,
        "updated_at": data["updated_at"],
    }
    assert datetime.fromisoformat(data["updated_at"]).utcoffset() == timedelta(0)
    assert sandbox.tickets["tic_1001"]["status"] == "ON_HOLD"
    assert sandbox.tickets["tic_1001"]["contacts"] == "example@example.com"


def test_records_the_request_as_sent(sandbox: SandboxServer, session: requests.Session) -> None:
    put_ticket(session, sandbox, "tic_1001", VENDOR_EXAMPLE).close()

    [recorded] = sandbox.requests
    assert recorded.method == "PUT"
    assert recorded.path == "/api/v1/ticket/tic_1001"
    assert recorded.body == (
        "title=Leaking%20faucet"
        "&description=Leak%20under%20the%20kitchen%20sink%20in%201A%20requires%20new%20part."
        "&status=ON_HOLD&notify=1&time=&type=email&contacts=example%40example.com&automated=1"
    )
    assert recorded.form == list(VENDOR_EXAMPLE.items())
    assert recorded.headers["Authorization"] == "Bearer sandbox-token"
    assert recorded.header("content-type") == FORM_TYPE
    assert recorded.header("X-Not-Sent") is None


def test_ticket_id_is_one_percent_encoded_segment(
    sandbox: SandboxServer, session: requests.Session
) -> None:
    sandbox.add_ticket("tic/odd one", title="Odd")

    response = put_ticket(session, sandbox, "tic%2Fodd%20one", VENDOR_EXAMPLE)

    assert response.status_code == 200
    assert response.json()["data"]["id"] == "tic/odd one"
    assert sandbox.requests[0].path == "/api/v1/ticket/tic%2Fodd%20one"


def test_unknown_ticket_is_not_found(sandbox: SandboxServer, session: requests.Session) -> None:
    response = put_ticket(session, sandbox, "tic_missing", VENDOR_EXAMPLE)

    assert response.status_code == 404
    assert response.json() == {"error": "Ticket not found."}


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer wrong-token", f"Token {SandboxServer.TOKEN}", "Bearer ", SandboxServer.TOKEN],
)
def test_ticket_calls_need_a_valid_token(
    sandbox: SandboxServer, session: requests.Session, authorization: str | None
) -> None:
    headers = {"Content-Type": FORM_TYPE}
    if authorization is not None:
        headers["Authorization"] = authorization

    response = put_ticket(session, sandbox, "tic_1001", VENDOR_EXAMPLE, headers)

    assert response.status_code == 401
    assert response.json() == {"error": "Unauthenticated."}


def test_fields_must_be_form_encoded(sandbox: SandboxServer, session: requests.Session) -> None:
    response = session.put(
        f"{sandbox.url}/ticket/tic_1001",
        json=VENDOR_EXAMPLE,
        headers={"Authorization": AUTHORISED["Authorization"]},
        timeout=5,
    )

    assert response.status_code == 415
    assert "application/x-www-form-urlencoded" in response.json()["error"]


def valid_with(**changes: str) -> dict[str, str]:
    return {**VENDOR_EXAMPLE, **changes}


def in_hours(hours: int, *, offset: bool = True) -> str:
    moment = datetime.now(UTC) + timedelta(hours=hours)
    return moment.isoformat(timespec="seconds") if offset else moment.strftime("%Y-%m-%dT%H:%M:%S")


@pytest.mark.parametrize(
    ("fields", "field", "message_part"),
    [
        (valid_with(title=""), "title", "The title is required."),
        ({k: v for k, v in VENDOR_EXAMPLE.items() if k != "title"}, "title", "required"),
        (valid_with(description="  "), "description", "The description is required."),
        (valid_with(status=""), "status", "The status is required."),
        (valid_with(notify="yes"), "notify", "must be 0 or 1"),
        (valid_with(automated=""), "automated", "required"),
        (valid_with(contacts="x@"), "contacts", 'Contact "x@" is not a valid email address.'),
        (valid_with(contacts=""), "contacts", "required"),
        (valid_with(contacts="a@example.com, b@example.com"), "contacts", "without spaces"),
        (valid_with(type="sms", contacts="12345"), "contacts", '"12345" is not a valid phone'),
        (valid_with(type="fax"), "type", "email or sms"),
        (valid_with(time=in_hours(-1)), "time", "in the future"),
        (valid_with(time=in_hours(24, offset=False)), "time", "UTC offset"),
        (valid_with(time="tomorrow"), "time", "ISO 8601"),
        (
            valid_with(type="sms", contacts="+15551234567", notifyMessage="x" * 1601),
            "notifyMessage",
            "1600",
        ),
    ],
    ids=[
        "blank-title",
        "missing-title",
        "blank-description",
        "blank-status",
        "bad-notify",
        "missing-automated",
        "bad-email",
        "notify-without-contacts",
        "contacts-with-spaces",
        "bad-phone",
        "bad-type",
        "time-in-the-past",
        "time-without-offset",
        "time-not-iso",
        "sms-too-long",
    ],
)
def test_invalid_fields_are_unprocessable(
    sandbox: SandboxServer,
    session: requests.Session,
    fields: dict[str, str],
    field: str,
    message_part: str,
) -> None:
    before = sandbox.tickets["tic_1001"]

    response = put_ticket(session, sandbox, "tic_1001", fields)

    assert response.status_code == 422
    errors = response.json()["errors"]
    assert list(errors) == [field]
    assert any(message_part in message for message in errors[field])
    assert sandbox.tickets["tic_1001"] == before


def test_every_bad_contact_is_named(sandbox: SandboxServer, session: requests.Session) -> None:
    fields = valid_with(contacts="ok@example.com,first@,second@nowhere")

    response = put_ticket(session, sandbox, "tic_1001", fields)

    assert response.json()["errors"]["contacts"] == [
        'Contact "first@" is not a valid email address.',
        'Contact "second@nowhere" is not a valid email address.',
    ]


def test_valid_notification_options_are_accepted(
    sandbox: SandboxServer, session: requests.Session
) -> None:
    fields = valid_with(
        type="sms",
        contacts="1112223333,+444555666777",
        time=in_hours(24),
        notifySubject="Faucet",
        notifyMessage="x" * 1600,
        unknownExtra="ignored",
    )

    response = put_ticket(session, sandbox, "tic_1001", fields)

    assert response.status_code == 200
    assert "unknownExtra" not in sandbox.tickets["tic_1001"]


def test_notify_0_ignores_the_notification_fields(
    sandbox: SandboxServer, session: requests.Session
) -> None:
    fields = valid_with(notify="0", type="fax", contacts="not a contact", time="yesterday")

    response = put_ticket(session, sandbox, "tic_1001", fields)

    assert response.status_code == 200
    assert response.json()["data"]["notify"] == 0
    assert "type" not in sandbox.tickets["tic_1001"]


def test_wrong_method_is_not_allowed(sandbox: SandboxServer, session: requests.Session) -> None:
    response = session.get(f"{sandbox.url}/ticket/tic_1001", timeout=5)

    assert response.status_code == 405
    assert response.json() == {"message": "Method not allowed."}


@pytest.mark.parametrize("path", ["/api/v1/tickets", "/api/v1/ticket/tic_1001/extra", "/"])
def test_unknown_paths_are_not_found(
    sandbox: SandboxServer, session: requests.Session, path: str
) -> None:
    base = sandbox.url.removesuffix("/api/v1")

    response = session.put(base + path, data=encode(VENDOR_EXAMPLE), headers=AUTHORISED, timeout=5)

    assert response.status_code == 404
    assert response.json() == {"message": "Not found."}


# -- creating a ticket -------------------------------------------------------------------------


def test_new_ticket_can_then_be_updated(sandbox: SandboxServer, session: requests.Session) -> None:
    fields = {
        "title": "Broken window",
        "status": "NEW",
        "notify": "1",
        "type": "sms",
        "contacts": "1112223333",
        "automated": "0",
    }

    created = session.post(
        f"{sandbox.url}/ticket/new", data=encode(fields), headers=AUTHORISED, timeout=5
    )

    assert created.status_code == 201
    data = created.json()["data"]
    assert data["id"].startswith("tic_")
    assert (data["title"], data["description"], data["notify"]) == ("Broken window", "", 1)
    assert put_ticket(session, sandbox, data["id"], VENDOR_EXAMPLE).status_code == 200
    assert sandbox.tickets[data["id"]]["title"] == "Leaking faucet"


def test_new_ticket_is_validated(sandbox: SandboxServer, session: requests.Session) -> None:
    response = session.post(
        f"{sandbox.url}/ticket/new", data=encode({"notify": "0"}), headers=AUTHORISED, timeout=5
    )

    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"title", "status", "automated"}
    assert set(sandbox.tickets) == {"tic_1001", "tic_1002", "tic_1003"}


# -- authentication ----------------------------------------------------------------------------


def test_issued_token_is_accepted(sandbox: SandboxServer, session: requests.Session) -> None:
    keys = {"secret_key": "sk_test_abc", "publish_key": "pk_test_def"}

    response = session.post(f"{sandbox.url}/authenticate", data=keys, timeout=5)

    assert response.status_code == 200
    token = response.json()["data"]["token"]
    assert token != SandboxServer.TOKEN
    headers = {"Authorization": f"Bearer {token}", "Content-Type": FORM_TYPE}
    assert put_ticket(session, sandbox, "tic_1002", VENDOR_EXAMPLE, headers).status_code == 200
    assert sandbox.requests[0].form == list(keys.items())


@pytest.mark.parametrize(
    "keys",
    [
        {"secret_key": "sk_live_abc", "publish_key": "pk_live_def"},
        {"secret_key": "sk_test_abc", "publish_key": "pk_live_def"},
        {"secret_key": "sk_test_abc"},
        {},
    ],
)
def test_bad_keys_are_refused(
    sandbox: SandboxServer, session: requests.Session, keys: dict[str, str]
) -> None:
    response = session.post(f"{sandbox.url}/authenticate", data=keys, timeout=5)

    assert response.status_code == 401
    assert response.json() == {"error": "Invalid API keys."}


# -- behaviours --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("behaviour", "status", "retry_after", "payload"),
    [
        (Behaviour.SERVER_ERROR, 500, None, {"message": "Internal server error (sandbox)."}),
        (Behaviour.BUSY, 429, "7", {"message": "Too many requests."}),
        (Behaviour.UNAVAILABLE, 503, "30", {"message": "Service unavailable."}),
    ],
)
def test_json_faults(
    sandbox: SandboxServer,
    session: requests.Session,
    behaviour: Behaviour,
    status: int,
    retry_after: str | None,
    payload: dict[str, str],
) -> None:
    sandbox.behaviour = behaviour

    response = put_ticket(session, sandbox, "tic_1001", VENDOR_EXAMPLE)

    assert response.status_code == status
    assert response.headers.get("Retry-After") == retry_after
    assert response.json() == payload
    assert len(sandbox.requests) == 1
    assert sandbox.tickets["tic_1001"]["status"] == "NEW"


def test_proxy_html(sandbox: SandboxServer, session: requests.Session) -> None:
    sandbox.behaviour = Behaviour.PROXY_HTML

    response = put_ticket(session, sandbox, "tic_1001", VENDOR_EXAMPLE)

    assert response.status_code == 502
    assert response.headers["Content-Type"].startswith("text/html")
    assert "<h1>502 Bad Gateway</h1>" in response.text


def test_behaviour_applies_until_changed(sandbox: SandboxServer, session: requests.Session) -> None:
    sandbox.behaviour = Behaviour.BUSY
    assert put_ticket(session, sandbox, "tic_1001", VENDOR_EXAMPLE).status_code == 429
    assert put_ticket(session, sandbox, "tic_1001", VENDOR_EXAMPLE).status_code == 429

    sandbox.behaviour = Behaviour.NORMAL

    assert sandbox.behaviour is Behaviour.NORMAL
    assert put_ticket(session, sandbox, "tic_1001", VENDOR_EXAMPLE).status_code == 200


def test_slow_answers_normally_after_the_delay(
    sandbox: SandboxServer, session: requests.Session
) -> None:
    sandbox.behaviour = Behaviour.SLOW
    started = time.monotonic()

    response = put_ticket(session, sandbox, "tic_1001", VENDOR_EXAMPLE)

    assert time.monotonic() - started >= 0.2
    assert response.status_code == 200


def test_drip_announces_a_body_and_trickles_it(
    sandbox: SandboxServer, session: requests.Session
) -> None:
    sandbox.behaviour = Behaviour.DRIP

    with session.put(
        f"{sandbox.url}/ticket/tic_1001",
        data=encode(VENDOR_EXAMPLE),
        headers=AUTHORISED,
        timeout=(2, 1.5),
        stream=True,
    ) as response:
        assert response.status_code == 200
        assert response.headers["Content-Length"] == "1000"
        assert response.raw.read(1) == b" "


class _Client(threading.Thread):
    """Sends one PUT from its own thread and keeps what came of it."""

    def __init__(self, url: str) -> None:
        super().__init__(name="test-sandbox-client")
        self.url = url
        self.outcome: requests.Response | requests.RequestException | None = None

    def run(self) -> None:
        try:
            with requests.put(
                self.url, data=encode(VENDOR_EXAMPLE), headers=AUTHORISED, timeout=(2, 1.5)
            ) as response:
                self.outcome = response
        except requests.RequestException as error:
            self.outcome = error


@pytest.mark.parametrize("behaviour", [Behaviour.DRIP, Behaviour.SLOW])
def test_stop_is_prompt_while_answering(behaviour: Behaviour) -> None:
    sandbox = SandboxServer(slow_seconds=30.0)
    sandbox.behaviour = behaviour
    sandbox.start()
    client = _Client(f"{sandbox.url}/ticket/tic_1001")
    client.start()
    try:
        sandbox.wait_for_requests(1)
        started = time.monotonic()

        sandbox.stop()

        assert time.monotonic() - started < 1.5
    finally:
        sandbox.stop()
        client.join(timeout=5)
    assert not client.is_alive()
    assert isinstance(client.outcome, requests.RequestException)
    assert not sandbox_threads()


# -- lifecycle and bookkeeping -----------------------------------------------------------------


def test_serves_on_loopback_only(sandbox: SandboxServer) -> None:
    assert sandbox.url.startswith("http://127.0.0.1:")
    assert sandbox.url.endswith("/api/v1")
    assert [thread.name for thread in sandbox_threads()] == ["sandbox-server"]


def test_stop_is_idempotent() -> None:
    sandbox = SandboxServer()
    sandbox.stop()  # never started: nothing to do
    sandbox.start()
    url = sandbox.url

    sandbox.stop()
    sandbox.stop()

    assert not sandbox_threads()
    with requests.Session() as client, pytest.raises(requests.ConnectionError):
        client.get(url, timeout=2)


def test_starts_only_once(sandbox: SandboxServer) -> None:
    with pytest.raises(RuntimeError):
        sandbox.start()


def test_url_needs_a_started_sandbox() -> None:
    with pytest.raises(RuntimeError):
        _ = SandboxServer().url


def test_custom_tickets() -> None:
    sandbox = SandboxServer(tickets=["tic_a", "tic_1002"])

    tickets = sandbox.tickets

    assert set(tickets) == {"tic_a", "tic_1002"}
    assert all(tickets["tic_a"][name] for name in ("title", "description", "status"))


def test_state_is_handed_out_as_copies(sandbox: SandboxServer, session: requests.Session) -> None:
    put_ticket(session, sandbox, "tic_1001", VENDOR_EXAMPLE).close()

    sandbox.tickets["tic_1001"]["title"] = "changed"
    sandbox.requests.clear()

    assert sandbox.tickets["tic_1001"]["title"] == "Leaking faucet"
    assert len(sandbox.requests) == 1


def test_wait_for_requests(sandbox: SandboxServer) -> None:
    client = _Client(f"{sandbox.url}/ticket/tic_1001")
    client.start()

    recorded = sandbox.wait_for_requests(1)

    client.join(timeout=5)
    assert [request.path for request in recorded] == ["/api/v1/ticket/tic_1001"]
    assert isinstance(client.outcome, requests.Response)
    assert client.outcome.status_code == 200
    with pytest.raises(TimeoutError):
        sandbox.wait_for_requests(2, timeout=0.05)
