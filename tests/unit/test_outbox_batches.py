"""The outbox's batches and destinations on a real SQLite file: what one command queued is
added all together or not at all, a command takes only its own batch (and what must go
before it), and an item goes only to the server and account it was written for."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from gui.core.destination import Destination
from gui.core.outbox import UNBOUND, ItemState, OutboxStore, queue
from gui.core.ticket import TicketUpdate

HERE = Destination("https://api.example.com/api/v1", "acct-a")
OTHER_BASE = Destination("https://other.example.com/api/v1", "acct-a")
OTHER_ACCOUNT = Destination("https://api.example.com/api/v1", "acct-b")


def update(ticket: str, title: str = "Leak") -> TicketUpdate:
    return TicketUpdate(ticket, title, "Sink", "NEW", automated=False)


@pytest.fixture
def store(tmp_path: Path) -> OutboxStore:
    return OutboxStore(tmp_path / "outbox.sqlite3")


def test_a_stop_while_adding_a_batch_leaves_none_of_it(
    store: OutboxStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    added = queue.add
    calls = {"n": 0}

    def add_then_stop(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == 500:
            raise KeyboardInterrupt  # Ctrl+C, or a full disk, half-way through the file
        return added(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(queue, "add", add_then_stop)
    with pytest.raises(KeyboardInterrupt):
        store.add_batch([update(f"tic_{n}") for n in range(1000)], destination=HERE)
    assert store.items() == []
    assert store.batch(1) is None  # not even the batch


def test_a_batch_is_its_items_in_order_and_ids_are_never_reused(store: OutboxStore) -> None:
    first = store.add_batch([update("tic_1"), update("tic_2")], destination=HERE, source="a.csv")
    second = store.add_batch([update("tic_3")], destination=HERE)
    assert second.id > first.id
    assert [item.ticket_id for item in store.batch(first.id) or []] == ["tic_1", "tic_2"]
    assert all(item.batch == first.id for item in first.items)


def test_a_command_takes_its_batch_and_the_older_items_of_its_tickets_only(
    store: OutboxStore,
) -> None:
    older_same = store.add(update("tic_1", "older"), destination=HERE)
    store.add(update("tic_9", "unrelated"), destination=HERE)
    batch = store.add_batch([update("tic_1", "mine"), update("tic_2")], destination=HERE)
    claimed = []
    while (item := store.claim_next(HERE, batch=batch.id)) is not None:
        claimed.append(item.id)
        store.complete(item.id, status=200)
    assert claimed == [older_same.id, *(item.id for item in batch.items)]
    assert [item.ticket_id for item in store.items()] == ["tic_9"]


def test_an_item_goes_only_where_it_was_written_for(store: OutboxStore) -> None:
    elsewhere = store.add(update("tic_1"), destination=OTHER_BASE)
    other_account = store.add(update("tic_2"), destination=OTHER_ACCOUNT)
    assert store.claim_next(HERE) is None
    assert store.next_due(HERE) is None
    assert not store.retry_now(elsewhere.id, HERE)
    assert not store.retry_now(other_account.id, HERE)
    # and a ticket of another server does not hold this server's ticket of that id back
    mine = store.add(update("tic_1"), destination=HERE)
    claimed = store.claim_next(HERE)
    assert claimed is not None and claimed.id == mine.id
    assert (store.claim_next(OTHER_BASE) or elsewhere).id == elsewhere.id


def test_an_item_0_1_0_queued_waits_for_a_decision_and_resend_binds_it(
    store: OutboxStore, tmp_path: Path
) -> None:
    item = store.add(update("tic_1"), destination=HERE)
    later = store.add(update("tic_1", "later"), destination=HERE)
    raw = sqlite3.connect(tmp_path / "outbox.sqlite3")  # as 0.1.0 wrote it: nowhere recorded
    raw.execute("UPDATE outbox SET api_base = '', account = '' WHERE id = ?", (item.id,))
    raw.commit()
    raw.close()
    assert store.claim_next(HERE) is None  # nor does it let its ticket's later update by
    (held,) = store.recover()
    assert (held.state, held.last_error, held.destination) == (
        ItemState.NEEDS_DECISION,
        UNBOUND,
        None,
    )
    assert store.retry_now(item.id, HERE)
    claimed = store.claim_next(HERE)
    assert claimed is not None and (claimed.id, claimed.destination) == (item.id, HERE)
    store.complete(claimed.id, status=200)
    assert (store.claim_next(HERE) or item).id == later.id


def test_discarding_a_batch_keeps_what_is_being_sent(store: OutboxStore) -> None:
    batch = store.add_batch([update("tic_1"), update("tic_2"), update("tic_3")], destination=HERE)
    sending = store.claim_next(HERE, batch=batch.id)
    assert sending is not None
    discarded, left = store.discard_batch(batch.id)
    assert [item.ticket_id for item in discarded] == ["tic_2", "tic_3"]
    assert [item.id for item in left] == [sending.id]
    assert [entry.outcome for entry in store.history()] == ["discarded", "discarded"]


def test_waiting_rows_queued_again_join_the_new_batch_instead_of_a_copy(
    store: OutboxStore,
) -> None:
    first = store.add_batch([update("tic_1"), update("tic_2")], destination=HERE)
    found = store.identical_items(HERE, [update("tic_1"), update("tic_3")])
    assert [item.id if item else None for item in found] == [first.items[0].id, None]
    again = store.add_batch([update("tic_3")], destination=HERE, adopt=[first.items[0].id])
    assert [item.ticket_id for item in store.batch(again.id) or []] == ["tic_1", "tic_3"]
    assert len(store.items()) == 3
