"""Repeats (OutboxStore.find_repeat): an update identical to one still in the outbox, or to one
sent with success to the same destination in the last 24 hours. Real SQLite files in tmp_path."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from gui.core.destination import Destination
from gui.core.fields import ContactType, Operation
from gui.core.outbox import REPEAT_WINDOW, OutboxStore, Repeat
from gui.core.ticket import Notification, TicketUpdate
from tests.unit.clocked_store import START, Clock

HERE = Destination("https://api.example.test/api/v1", "acct-a")
DAY = 86_400.0


SMS = Notification(type=ContactType.SMS, contacts=("2025550123", "2025550124"), message="Hi")
UPDATE = TicketUpdate(
    "tic_1001", "Leaking faucet", "Under the sink", "ON_HOLD", automated=True, notification=SMS
)
CREATION = dataclasses.replace(
    UPDATE,
    ticket_id="",
    operation=Operation.CREATE,
    notification=None,
)


def send(store: OutboxStore, update: TicketUpdate, *, created_id: str = "") -> None:
    item = store.add(update, destination=HERE)
    claimed = store.claim_next(HERE)
    assert claimed is not None and claimed.id == item.id
    store.complete(item.id, status=200, created_id=created_id, destination=HERE)


def test_the_window_is_a_day() -> None:
    assert REPEAT_WINDOW == DAY


def test_nothing_sent_is_no_repeat(store: OutboxStore) -> None:
    assert store.find_repeat(HERE, UPDATE, now=START) is None


def test_an_update_sent_within_a_day_is_a_repeat(store: OutboxStore, clock: Clock) -> None:
    send(store, UPDATE)
    assert store.find_repeat(HERE, UPDATE, now=START + DAY - 1) == Repeat(
        at=START,
        waiting=False,
        ticket_id="tic_1001",
        contact_type=ContactType.SMS,
        people=2,
        creates=False,
    )


def test_the_most_recent_sending_is_the_one_found(store: OutboxStore, clock: Clock) -> None:
    send(store, UPDATE)
    clock.now += 600
    send(store, UPDATE)
    repeat = store.find_repeat(HERE, UPDATE, now=clock.now)
    assert repeat is not None and repeat.at == START + 600


def test_an_update_sent_more_than_a_day_ago_is_not(store: OutboxStore) -> None:
    send(store, UPDATE)
    assert store.find_repeat(HERE, UPDATE, now=START + DAY + 1) is None
    # a shorter window, on request
    assert store.find_repeat(HERE, UPDATE, now=START + 120, within=60) is None
    assert store.find_repeat(HERE, UPDATE, now=START + 120, within=180) is not None


def test_an_update_waiting_in_the_outbox_is_a_repeat_in_any_state(
    store: OutboxStore, clock: Clock
) -> None:
    item = store.add(UPDATE, destination=HERE)
    expected = Repeat(START, True, "tic_1001", ContactType.SMS, 2, False, outbox_id=item.id)
    clock.now += 5 * DAY  # in the outbox, age does not matter
    assert store.find_repeat(HERE, UPDATE, now=clock.now) == expected
    store.claim_next(HERE)
    assert store.find_repeat(HERE, UPDATE, now=clock.now) == expected  # being sent
    store.hold(item.id, error="Bad gateway", status=502)
    assert store.find_repeat(HERE, UPDATE, now=clock.now) == expected  # needs a decision
    store.discard(item.id)
    assert store.find_repeat(HERE, UPDATE, now=clock.now) is None  # given up: not sent


def test_the_waiting_one_is_preferred_to_one_sent(store: OutboxStore, clock: Clock) -> None:
    send(store, UPDATE)
    clock.now += 60
    item = store.add(UPDATE, destination=HERE)
    repeat = store.find_repeat(HERE, UPDATE, now=clock.now)
    assert repeat is not None and repeat.waiting and repeat.outbox_id == item.id


@pytest.mark.parametrize(
    "different",
    [
        dataclasses.replace(UPDATE, ticket_id="tic_1002"),
        dataclasses.replace(UPDATE, status="DONE"),
        dataclasses.replace(UPDATE, automated=False),
        dataclasses.replace(UPDATE, notification=dataclasses.replace(SMS, message="Hello")),
        dataclasses.replace(
            UPDATE, notification=dataclasses.replace(SMS, contacts=SMS.contacts[:1])
        ),
        dataclasses.replace(UPDATE, notification=None),
        dataclasses.replace(UPDATE, operation=Operation.CREATE),
    ],
    ids=["ticket", "status", "automated", "message", "contacts", "no-notify", "operation"],
)
def test_different_pairs_ticket_or_operation_are_no_repeat(
    store: OutboxStore, different: TicketUpdate
) -> None:
    send(store, UPDATE)
    store.add(UPDATE, destination=HERE)
    assert store.find_repeat(HERE, different, now=START) is None


def test_another_destination_sees_no_repeat(store: OutboxStore) -> None:
    send(store, UPDATE)
    store.add(UPDATE, destination=HERE)
    for elsewhere in (
        Destination("https://other.example.test/api/v1", HERE.account),
        Destination(HERE.api_base, "acct-b"),
    ):
        assert store.find_repeat(elsewhere, UPDATE, now=START) is None


def test_failed_and_refused_attempts_are_no_repeat(store: OutboxStore) -> None:
    item = store.add(UPDATE, destination=HERE)
    store.claim_next(HERE)
    store.refuse(item.id, error="No ticket with this id.", status=404)
    assert [entry.outcome for entry in store.history()] == ["refused"]
    assert store.find_repeat(HERE, UPDATE, now=START) is None


def test_a_creation_is_compared_by_its_pairs_not_its_new_id(store: OutboxStore) -> None:
    send(store, CREATION, created_id="tic_9")
    assert store.find_repeat(HERE, CREATION, now=START + 60) == Repeat(
        START, False, "tic_9", None, 0, True
    )
    # an update of the created ticket with the same values is not a creation
    assert (
        store.find_repeat(HERE, dataclasses.replace(UPDATE, ticket_id="tic_9"), now=START) is None
    )
    other = dataclasses.replace(CREATION, title="Another faucet")
    assert store.find_repeat(HERE, other, now=START) is None


def test_a_creation_without_an_id_and_one_waiting(store: OutboxStore) -> None:
    send(store, CREATION)
    repeat = store.find_repeat(HERE, CREATION, now=START)
    assert repeat is not None and (repeat.ticket_id, repeat.waiting) == ("", False)
    item = store.add(CREATION, destination=HERE)
    assert store.find_repeat(HERE, CREATION, now=START) == Repeat(
        START, True, "", None, 0, True, outbox_id=item.id
    )


def test_items_queued_without_a_destination_count_for_every_one(
    store: OutboxStore, tmp_path: Path
) -> None:
    item = store.add(UPDATE, destination=HERE)
    old = sqlite3.connect(tmp_path / "outbox.sqlite3")  # as 0.1.0 wrote it: nowhere
    old.execute("UPDATE outbox SET api_base = '', account = ''")
    old.commit()
    old.close()
    elsewhere = Destination("https://other.example.test/api/v1", "acct-b")
    repeat = store.find_repeat(elsewhere, UPDATE, now=START)
    assert repeat is not None and repeat.outbox_id == item.id


def test_an_entry_written_before_digests_is_compared_by_its_pairs(
    store: OutboxStore, tmp_path: Path
) -> None:
    send(store, UPDATE)
    old = sqlite3.connect(tmp_path / "outbox.sqlite3")  # as 0.1.0 wrote it: no digest, nowhere
    old.execute("UPDATE history SET digest = '', api_base = '', account = ''")
    old.commit()
    old.close()
    elsewhere = Destination("https://other.example.test/api/v1", "acct-b")
    repeat = store.find_repeat(elsewhere, UPDATE, now=START)
    assert repeat is not None and (repeat.waiting, repeat.at) == (False, START)
    assert store.find_repeat(elsewhere, dataclasses.replace(UPDATE, status="X"), now=START) is None
