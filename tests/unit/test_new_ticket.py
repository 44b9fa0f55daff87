"""New tickets in the core: validation, the wire, the client, the outbox and retries, and the
sandbox answering a real POST /ticket/new on 127.0.0.1."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
import responses

from gui.core import errors
from gui.core.abort import Abort
from gui.core.api_contract import read_created_id
from gui.core.client import TicketClient
from gui.core.config import Connection
from gui.core.credentials import Credentials
from gui.core.destination import Destination
from gui.core.fields import ContactType
from gui.core.outbox import STOPPED_MAY_HAVE_ARRIVED, ItemState, OutboxStore
from gui.core.retry import Action, decide
from gui.core.sender import TicketSender
from gui.core.ticket import (
    Notification,
    Operation,
    TicketDraft,
    TicketUpdate,
    draft_from_json,
    draft_to_json,
    update_from_json,
    update_to_json,
)
from gui.core.validation import validate
from gui.core.wire import encode_body
from gui.sandbox import SandboxServer

HERE = Destination("https://api.example.com/api/v1", "acct-a")  # where these items are for

API_BASE = "https://api.particlespace.com/api/v1"
NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)

# The vendor's create example (API.md): status NEW, type sms, contacts 1112223333.
VENDOR_NEW = TicketDraft(
    title="Leaking faucet",
    description="Leak under the kitchen sink in 1A requires new part.",
    status="NEW",
    notify=True,
    type=ContactType.SMS,
    contacts="1112223333",
    automated=True,
    operation=Operation.CREATE,
)


def new_ticket(**changes: object) -> TicketUpdate:
    base = TicketUpdate(
        ticket_id="",
        title="Broken window",
        description="",
        status="NEW",
        automated=False,
        operation=Operation.CREATE,
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


# --- Validation and the wire -----------------------------------------------------------------


def test_a_new_ticket_needs_no_id_and_no_description() -> None:
    checked = validate(TicketDraft(title="Door", status="NEW", operation=Operation.CREATE), now=NOW)
    assert checked.creates and checked.ticket_id == "" and checked.description == ""


def test_an_update_still_needs_both() -> None:
    with pytest.raises(errors.InvalidTicket) as caught:
        validate(TicketDraft(title="Door", status="NEW"), now=NOW)
    assert [error.field for error in caught.value.field_errors] == ["ticketId", "description"]


def test_a_new_ticket_with_an_id_is_refused_with_a_sentence() -> None:
    draft = TicketDraft(ticket_id="tic_1", title="Door", status="NEW", operation=Operation.CREATE)
    with pytest.raises(errors.InvalidTicket) as caught:
        validate(draft, now=NOW)
    assert caught.value.field_errors[0].field == "ticketId"
    assert "leave the ticket id empty" in caught.value.field_errors[0].message


def test_the_vendor_create_example_encodes_like_qs_stringify() -> None:
    # Built directly: 111 is no real area code, so validation would refuse the vendor's number.
    vendor = TicketUpdate(
        ticket_id="",
        title=VENDOR_NEW.title,
        description=VENDOR_NEW.description,
        status="NEW",
        automated=True,
        notification=Notification(type=ContactType.SMS, contacts=("1112223333",)),
        operation=Operation.CREATE,
    )
    body = encode_body(vendor)
    assert body == (
        "title=Leaking%20faucet"
        "&description=Leak%20under%20the%20kitchen%20sink%20in%201A%20requires%20new%20part."
        "&status=NEW&notify=1&time=&type=sms&contacts=1112223333&automated=1"
    )


def test_an_empty_description_is_left_out_of_a_new_ticket_only() -> None:
    assert encode_body(new_ticket()) == "title=Broken%20window&status=NEW&notify=0&automated=0"
    update = dataclasses.replace(new_ticket(), ticket_id="tic_1", operation=Operation.UPDATE)
    assert "&description=&" in encode_body(update)


def test_the_operation_survives_the_outbox_and_draft_json() -> None:
    assert update_from_json(update_to_json(new_ticket())).creates
    assert draft_from_json(draft_to_json(VENDOR_NEW)).operation is Operation.CREATE
    old_record = update_to_json(new_ticket()).replace(',"operation":"new"', "")
    assert update_from_json(old_record).operation is Operation.UPDATE  # written before v2
    with pytest.raises(ValueError, match="operation"):
        update_from_json(update_to_json(new_ticket()).replace('"new"', '"delete"'))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b'{"data": {"id": "tic_9f"}}', "tic_9f"),
        (b'{"data": {"id": 42}}', "42"),
        (b'{"id": "tic_top"}', "tic_top"),
        (b'{"data": {"id": ""}}', None),
        (b'{"data": {"id": "a\\nb"}}', None),
        (b'{"data": {"id": true}}', None),
        (b"<html>created</html>", None),
        (b"", None),
    ],
)
def test_the_created_id_is_read_from_data_id(body: bytes, expected: str | None) -> None:
    assert read_created_id(body) == expected


# --- The client ------------------------------------------------------------------------------


@responses.activate
def test_the_client_posts_a_new_ticket_and_returns_its_id() -> None:
    responses.post(f"{API_BASE}/ticket/new", json={"data": {"id": "tic_new1"}}, status=201)
    client = TicketClient(api_base=API_BASE, credentials=Credentials(token="token-123"))
    try:
        result = client.send(new_ticket())
    finally:
        client.close()
    assert (result.ticket_id, result.status) == ("tic_new1", 201)
    request = responses.calls[0].request
    assert request.method == "POST"
    assert request.headers["Authorization"] == "Bearer token-123"
    assert request.body == b"title=Broken%20window&status=NEW&notify=0&automated=0"


@responses.activate
def test_a_404_on_create_names_the_address_not_a_ticket() -> None:
    responses.post(f"{API_BASE}/ticket/new", status=404)
    client = TicketClient(api_base=API_BASE, credentials=Credentials(token="token-123"))
    try:
        with pytest.raises(errors.RejectedByServer) as caught:
            client.send(new_ticket())
    finally:
        client.close()
    assert "does not offer creating tickets" in caught.value.message


def test_the_sandbox_creates_a_ticket_that_can_then_be_updated() -> None:
    server = SandboxServer()
    server.start()
    sender = TicketSender(Connection(server.url, Credentials(token=SandboxServer.TOKEN)))
    try:
        created = sender.send(new_ticket(), Abort())
        assert created.status == 201 and created.ticket_id.startswith("tic_")
        update = dataclasses.replace(
            new_ticket(),
            ticket_id=created.ticket_id,
            operation=Operation.UPDATE,
            status="DONE",
            description="Frame cracked",
        )
        updated = sender.send(update, Abort())
        assert updated.echoed is not None and updated.echoed["status"] == "DONE"
        methods = [(request.method, request.path) for request in server.requests]
        assert methods[-2:] == [
            ("POST", "/api/v1/ticket/new"),
            ("PUT", f"/api/v1/ticket/{created.ticket_id}"),
        ]
    finally:
        sender.close()
        server.stop()


# --- Retries and the outbox ------------------------------------------------------------------


def test_a_new_ticket_that_may_have_arrived_waits_for_a_decision() -> None:
    lost = errors.ConnectionLost("The connection broke.")
    verdict = decide(lost, notify=False, creates=True, attempts=1)
    assert verdict.action is Action.DECIDE and "may already have been created" in verdict.reason
    assert decide(lost, notify=False, attempts=1).action is Action.RETRY  # an update: safe
    refused = errors.ConnectionRefused("Nothing listens.")
    assert decide(refused, notify=False, creates=True, attempts=1).action is Action.RETRY


def test_new_tickets_do_not_hold_each_other_back(tmp_path: Path) -> None:
    store = OutboxStore(tmp_path / "outbox.sqlite3")
    try:
        first = store.add(new_ticket(title="First"), destination=HERE)
        second = store.add(new_ticket(title="Second"), destination=HERE)
        assert store.claim_next(HERE) is not None
        store.hold(first.id, error="may have arrived")
        claimed = store.claim_next(HERE)
        assert claimed is not None and claimed.id == second.id
    finally:
        store.close_all()


def test_a_sent_new_ticket_is_recorded_with_its_new_id(tmp_path: Path) -> None:
    store = OutboxStore(tmp_path / "outbox.sqlite3")
    try:
        item = store.add(new_ticket(), destination=HERE)
        assert store.claim_next(HERE) is not None
        store.complete(item.id, status=201, created_id="tic_abc")
        (entry,) = store.history()
        assert (entry.ticket_id, entry.created, entry.outcome) == ("tic_abc", True, "sent")
        assert store.history(ticket_id="tic_abc") == [entry]
    finally:
        store.close_all()


def test_a_new_ticket_in_flight_when_the_app_died_waits_for_a_decision(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    store = OutboxStore(path)
    item = store.add(new_ticket(), destination=HERE)
    assert store.claim_next(HERE) is not None
    store.close_all()
    store = OutboxStore(path)
    try:
        (recovered,) = store.recover()
        assert recovered.id == item.id
        assert recovered.state is ItemState.NEEDS_DECISION
        assert recovered.last_error == STOPPED_MAY_HAVE_ARRIVED
    finally:
        store.close_all()


def test_a_version_1_history_reads_as_updates(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    store = OutboxStore(path)
    update = TicketUpdate("tic_1", "Leak", "Sink", "NEW", automated=False)
    item = store.add(update, destination=HERE)
    store.claim_next(HERE)
    store.complete(item.id, status=200)
    store.close_all()
    old = sqlite3.connect(path)  # back to version 1, as an older app left it
    for table in ("group_members", "contact_groups", "people"):  # version 7's additions
        old.execute(f"DROP TABLE {table}")
    old.execute("DROP TABLE templates")  # version 6's addition
    old.execute("ALTER TABLE outbox DROP COLUMN not_before")  # version 5's addition
    old.execute("DROP INDEX outbox_by_batch")  # version 4's additions
    old.execute("ALTER TABLE outbox DROP COLUMN batch")
    old.execute("DROP TABLE batches")
    for table in ("outbox", "history"):  # version 3's additions
        old.execute(f"DROP INDEX {table}_by_digest")
        for column in ("api_base", "account", "digest"):
            old.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    old.execute("DROP TABLE known_tickets")
    old.execute("ALTER TABLE history DROP COLUMN operation")
    old.execute("ALTER TABLE outbox DROP COLUMN claimed_by")
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()
    store = OutboxStore(path)
    try:
        (entry,) = store.history()
        assert entry.ticket_id == "tic_1" and not entry.created
        store.add(new_ticket(), destination=HERE)  # and the migrated file takes new tickets
    finally:
        store.close_all()


def test_a_notification_on_a_new_ticket_is_kept() -> None:
    checked = validate(dataclasses.replace(VENDOR_NEW, contacts="(202) 555-0123"), now=NOW)
    assert checked.notification == Notification(type=ContactType.SMS, contacts=("2025550123",))
    assert not checked.resend_is_safe
