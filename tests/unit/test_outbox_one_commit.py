"""Draining the outbox spends one durable commit per item in steady state: the server's answer
to one item and the claim of the next go in one transaction (`OutboxStore.complete` with
`then_claim`, `gui.core.delivery.deliver`), and an item claimed that way but never sent is given
back (`OutboxStore.release`). Counted on a real SQLite file, against a real loopback sandbox."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from gui.core.abort import Abort
from gui.core.config import Connection
from gui.core.credentials import Credentials
from gui.core.delivery import deliver
from gui.core.destination import destination_of
from gui.core.fields import ContactType
from gui.core.outbox import Answer, ItemState, OutboxStore
from gui.core.sender import TicketSender
from gui.sandbox import SandboxServer
from tests.unit.test_outbox import HERE, Clock, update


def commits(store: OutboxStore) -> list[str]:
    """Every COMMIT the calling thread's connection runs from now on."""
    said: list[str] = []
    store._database.connection().set_trace_callback(
        lambda statement: said.append(statement) if statement.strip() == "COMMIT" else None
    )
    return said


@pytest.fixture
def store(tmp_path: Path) -> Iterator[OutboxStore]:
    outbox = OutboxStore(tmp_path / "outbox.sqlite3", clock=Clock())
    yield outbox
    outbox.close_all()


def test_the_answer_and_the_next_claim_are_one_commit(store: OutboxStore) -> None:
    for ticket in ("tic_1", "tic_2", "tic_3"):
        store.add(update(ticket, notify=True, contacts=f"{ticket}@example.com"), destination=HERE)
    first = store.claim_next(HERE)
    assert first is not None
    said = commits(store)
    second = store.complete(first.id, status=200, destination=HERE, then_claim=HERE)
    assert len(said) == 1
    assert second is not None and second.update.ticket_id == "tic_2"
    assert (second.state, second.attempts) == (ItemState.SENDING, 1)
    stored = {item.id: item for item in store.items()}
    assert first.id not in stored and stored[second.id].state is ItemState.SENDING
    # The contacts it notified are remembered in that same commit.
    assert store.contacts(ContactType.EMAIL) == ["tic_1@example.com"]
    # Without `then_claim`, nothing more is claimed.
    assert store.complete(second.id, status=200, destination=HERE) is None
    assert [item.state for item in store.items()] == [ItemState.WAITING]


def test_an_item_claimed_but_not_sent_is_given_back_as_it_was(store: OutboxStore) -> None:
    store.add(update("tic_1"), destination=HERE)
    store.add(update("tic_2"), destination=HERE)
    first = store.claim_next(HERE)
    assert first is not None
    second = store.complete(first.id, status=200, destination=HERE, then_claim=HERE)
    assert second is not None
    store.release(second.id)
    (waiting,) = store.items()
    assert (waiting.id, waiting.state, waiting.attempts) == (second.id, ItemState.WAITING, 0)
    again = store.claim_next(HERE)  # due at once, as before its claim
    assert again is not None and (again.id, again.attempts) == (second.id, 1)
    store.hold(again.id, error="decide")
    store.release(again.id)  # an item no longer being sent is left alone
    assert store.items()[0].state is ItemState.NEEDS_DECISION


def test_a_drain_of_twenty_costs_twenty_one_commits(store: OutboxStore) -> None:
    with SandboxServer(tickets=[f"tic_{n}" for n in range(20)]) as sandbox:
        connection = Connection(sandbox.url, Credentials(token=SandboxServer.TOKEN))
        here = destination_of(connection)
        for n in range(20):
            store.add(update(f"tic_{n}"), destination=here)
        sender = TicketSender(connection)
        try:
            said = commits(store)
            item = store.claim_next(here)
            sent = 0
            while item is not None:
                delivery = deliver(store, item, sender, Abort(), then_claim=here)
                assert delivery is not None and delivery.succeeded
                sent += 1
                item = delivery.next_item
        finally:
            sender.close()
        puts = [request for request in sandbox.requests if request.method == "PUT"]
    assert sent == len(puts) == 20
    assert len(said) == 21  # the first claim, then one per answer (with the next claim)
    assert store.items() == []


def test_a_group_is_the_run_of_updates_safe_to_send_twice_in_order(store: OutboxStore) -> None:
    for ticket in ("tic_1", "tic_2", "tic_1", "tic_3"):
        store.add(update(ticket), destination=HERE)
    store.add(update("tic_4", notify=True), destination=HERE)
    store.add(update("tic_5"), destination=HERE)
    said = commits(store)
    group = store.claim_group(HERE, up_to=16)
    assert len(said) == 1
    # tic_1's second update goes right after its first, in the same group; the one that
    # notifies stops the run.
    assert [item.ticket_id for item in group] == ["tic_1", "tic_2", "tic_1", "tic_3"]
    assert [item.id for item in group] == sorted(item.id for item in group)
    assert {(item.state, item.attempts) for item in group} == {(ItemState.SENDING, 1)}
    stored = {item.id: item.state for item in store.items()}
    assert [stored[item.id] for item in group] == [ItemState.SENDING] * 4
    answers = [Answer(item.id, status=200, destination=HERE) for item in group]
    alone = store.record_answers(answers, then_claim=HERE, up_to=16)
    assert len(said) == 2  # four answers and the next claim: one commit
    # The one that notifies goes alone, in its turn; then the one after it.
    assert [(item.ticket_id, item.notify) for item in alone] == [("tic_4", True)]
    (last,) = store.record_answers([Answer(alone[0].id, 200)], then_claim=HERE, up_to=16)
    assert last.ticket_id == "tic_5"
    assert [entry.outcome for entry in store.history(ticket_id="tic_1")] == ["sent", "sent"]


def test_a_group_leaves_out_what_waits_behind_an_update_not_going_now(store: OutboxStore) -> None:
    """tic_1's first update failed and waits for its next try: the group skips tic_1's later
    update (it must not overtake), and takes what comes after it."""
    store.add(update("tic_1", "first"), destination=HERE)
    for ticket in ("tic_2", "tic_1", "tic_3"):
        store.add(update(ticket), destination=HERE)
    (failed,) = store.claim_group(HERE, up_to=1)
    store.reschedule(failed.id, delay=60.0, error="HTTP 503")
    group = store.claim_group(HERE, up_to=16)
    assert [item.ticket_id for item in group] == ["tic_2", "tic_3"]
    answers = [Answer(item.id, 200) for item in group]
    assert store.record_answers(answers, then_claim=HERE, up_to=16) == []
    # tic_1's second update still waits, behind its first.
    assert sorted((item.ticket_id, item.attempts) for item in store.items()) == [
        ("tic_1", 0),
        ("tic_1", 1),
    ]


def test_a_group_looks_only_a_little_way_past_its_first_item(store: OutboxStore) -> None:
    """Finding more items that may go is a search of the outbox; a group looks for them only
    among the next few waiting items (four times as many as it may hold), so that the search
    never costs more than the commit it saves."""
    store.add(update("tic_1", "held"), destination=HERE)
    (held,) = store.claim_group(HERE, up_to=1)
    store.hold(held.id, error="decide")  # tic_1's later updates wait behind it
    store.add(update("tic_9"), destination=HERE)
    for _ in range(8):
        store.add(update("tic_1"), destination=HERE)
    store.add(update("tic_2"), destination=HERE)
    assert [item.ticket_id for item in store.claim_group(HERE, up_to=2)] == ["tic_9"]
    store.add(update("tic_3"), destination=HERE)
    later = store.claim_group(HERE, up_to=16)  # tic_2 and tic_3 are within 64 now
    assert [item.ticket_id for item in later] == ["tic_2", "tic_3"]


def test_answers_and_the_items_given_back_are_one_commit(store: OutboxStore) -> None:
    for ticket in ("tic_1", "tic_2", "tic_3"):
        store.add(update(ticket), destination=HERE)
    group = store.claim_group(HERE, up_to=3)
    said = commits(store)
    assert store.record_answers([Answer(group[0].id, 200)], release=[g.id for g in group[1:]]) == []
    assert len(said) == 1
    assert [(item.state, item.attempts) for item in store.items()] == [(ItemState.WAITING, 0)] * 2


def test_answers_are_recorded_from_the_claimed_items_unless_they_went_meanwhile(
    store: OutboxStore,
) -> None:
    """A drain records each answer from the item its claim returned (the row is not read
    again); an item that is no longer in the outbox by then records nothing."""
    store.add(update("tic_1", "kept"), destination=HERE)
    store.add(update("tic_2", "gone"), destination=HERE)
    kept, gone = store.claim_group(HERE, up_to=2)
    with store._writing() as connection:  # as Discard would, while it was in flight
        connection.execute("DELETE FROM outbox WHERE id = ?", (gone.id,))
    answers = [Answer(item.id, 200, destination=HERE, claimed=item) for item in (kept, gone)]
    assert store.record_answers(answers) == []
    assert [(e.ticket_id, e.outcome) for e in store.history(limit=10)] == [("tic_1", "sent")]
    assert store.items() == []
