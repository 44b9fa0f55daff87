"""The outbox keeps the reasons it stores translatable: a `Message` written as `last_error` or as
a history message comes back as the same Message; rows that hold plain text (older app versions,
the server's echo) come back as that text."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from gui.core import errors
from gui.core.destination import Destination
from gui.core.messages import QT_TRANSLATE_NOOP, Message, join, plain, to_json
from gui.core.outbox import STOPPED_MAY_HAVE_ARRIVED, STOPPED_RESENDING, OutboxStore
from gui.core.retry import decide
from tests.unit.test_outbox import Clock, update

HERE = Destination("https://api.example.com/api/v1", "acct-a")  # where these items are for


@pytest.fixture
def store(tmp_path: Path) -> Iterator[OutboxStore]:
    outbox = OutboxStore(tmp_path / "outbox.sqlite3", clock=Clock())
    yield outbox
    outbox.close_all()


def assert_same_message(read: str, written: Message) -> None:
    assert isinstance(read, Message)
    assert read == written
    assert (read.context, read.source) == (written.context, written.source)
    assert read.args == written.args
    assert to_json(read) == to_json(written)  # nested Messages, argument by argument


def test_a_retry_reason_survives_the_store(store: OutboxStore) -> None:
    reason = decide(
        errors.ConnectionRefused("refused"), notify=False, attempts=1, rng=random.Random(1)
    ).reason
    assert isinstance(reason, Message)
    item = store.add(update(), destination=HERE)
    store.claim_next(HERE)
    store.reschedule(item.id, delay=5, error=reason)

    (stored,) = store.items()
    assert_same_message(stored.last_error, reason)
    (entry,) = store.history()
    assert_same_message(entry.message, reason)
    fetched = store.get(item.id)
    assert fetched is not None
    assert_same_message(fetched.last_error, reason)


def test_a_held_message_with_plain_and_numeric_arguments_survives(store: OutboxStore) -> None:
    message = join(
        [
            QT_TRANSLATE_NOOP("client", "Particle Space had a problem ({label}).").format(
                label=plain("HTTP 500 Internal Server Error")
            ),
            QT_TRANSLATE_NOOP("retry", "{minutes} min {seconds} s").format(minutes=2, seconds=5),
        ]
    )
    item = store.add(update(notify=True), destination=HERE)
    store.claim_next(HERE)
    store.hold(item.id, error=message, status=500)

    (stored,) = store.items()
    assert_same_message(stored.last_error, message)
    nested = stored.last_error.args["p0"]
    assert isinstance(nested, Message)
    assert isinstance(nested.args["label"], Message)
    assert nested.args["label"].context == ""  # plain(): never translated
    assert stored.last_error.args["p1"].args == {"minutes": 2, "seconds": 5}


def test_a_refusal_keeps_its_message_in_the_history(store: OutboxStore) -> None:
    message = QT_TRANSLATE_NOOP("client", "Particle Space has no ticket “{ticket_id}”.").format(
        ticket_id="tic_1"
    )
    item = store.add(update(), destination=HERE)
    store.claim_next(HERE)
    store.refuse(item.id, error=message, status=404)
    (entry,) = store.history()
    assert_same_message(entry.message, message)


def test_recovered_items_carry_the_stopped_messages(store: OutboxStore, tmp_path: Path) -> None:
    quiet = store.add(update("tic_1"), destination=HERE)
    loud = store.add(update("tic_2", notify=True), destination=HERE)
    store.claim_next(HERE)
    store.claim_next(HERE)
    store.close_all()

    again = OutboxStore(tmp_path / "outbox.sqlite3", clock=Clock())
    try:
        again.recover()
        by_id = {item.id: item for item in again.items()}
        assert_same_message(by_id[quiet.id].last_error, STOPPED_RESENDING)
        assert_same_message(by_id[loud.id].last_error, STOPPED_MAY_HAVE_ARRIVED)
        for entry in again.history():
            assert isinstance(entry.message, Message)
    finally:
        again.close_all()


def test_plain_text_reads_back_as_plain_text(store: OutboxStore) -> None:
    item = store.add(update(), destination=HERE)
    store.claim_next(HERE)
    store.complete(item.id, status=200, message="title: Leak first")
    (entry,) = store.history()
    assert entry.message == "title: Leak first"
    assert not isinstance(entry.message, Message)


def test_rows_an_older_app_wrote_as_plain_text_read_back(store: OutboxStore) -> None:
    item = store.add(update(), destination=HERE)
    store.claim_next(HERE)
    store.hold(item.id, error=STOPPED_MAY_HAVE_ARRIVED)
    connection = sqlite3.connect(store.path)
    try:
        with connection:
            connection.execute(
                "UPDATE outbox SET last_error = ?", ("Particle Space is busy; next try in 8 s.",)
            )
            connection.execute("UPDATE history SET message = ?", ('{"not": "a message"}',))
    finally:
        connection.close()

    (stored,) = store.items()
    assert stored.last_error == "Particle Space is busy; next try in 8 s."
    assert not isinstance(stored.last_error, Message)
    (entry,) = store.history()
    assert entry.message == '{"not": "a message"}'
    assert not isinstance(entry.message, Message)


def test_the_history_is_searched_in_english_not_in_the_stored_json(store: OutboxStore) -> None:
    message = QT_TRANSLATE_NOOP("client", "Particle Space has no ticket “{ticket_id}”.").format(
        ticket_id="tic_1"
    )
    item = store.add(update(), destination=HERE)
    store.claim_next(HERE)
    store.refuse(item.id, error=message, status=404)
    assert len(store.history(text="PARTICLE SPACE HAS NO TICKET")) == 1
    assert store.history(text="context") == []  # the JSON's keys are not searchable text
    assert store.history(text="{ticket_id}") == []
