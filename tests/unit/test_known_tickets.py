"""Where updates go (gui/core/destination.py) and what the outbox knows of each ticket there: known
tickets recorded on success (with the server's echo), per destination, the statuses seen, and the
migration of 0.1.0's outbox file. Real SQLite files in tmp_path, real loopback servers."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from gui.core.abort import Abort
from gui.core.config import Connection
from gui.core.credentials import Credentials
from gui.core.delivery import deliver
from gui.core.destination import Destination, account_of, destination_of
from gui.core.fields import ContactType, Operation
from gui.core.outbox import SCHEMA_VERSION, ItemState, KnownTicket, OutboxStore
from gui.core.sender import TicketSender
from gui.core.ticket import Notification, TicketUpdate
from gui.sandbox import SandboxServer
from tests.unit.clocked_store import START, Clock
from tests.unit.loopback import LoopbackServer, answering

OLD_FILES = Path(__file__).resolve().parents[1] / "data" / "v0_1_0"
HERE = Destination("https://api.example.test/api/v1", "acct-a")
OTHER_BASE = Destination("https://other.example.test/api/v1", "acct-a")
OTHER_ACCOUNT = Destination("https://api.example.test/api/v1", "acct-b")


def update(
    ticket: str = "tic_1",
    *,
    status: str = "ON_HOLD",
    notify: bool = False,
    operation: Operation = Operation.UPDATE,
) -> TicketUpdate:
    notification = None
    if notify:
        notification = Notification(
            type=ContactType.SMS,
            contacts=("2025550123", "2025550124"),
            time=datetime(2026, 12, 1, 9, tzinfo=timezone(timedelta(hours=-5))),
        )
    return TicketUpdate(
        ticket_id=ticket,
        title="Leaking faucet",
        description="Under the sink",
        status=status,
        automated=False,
        notification=notification,
        operation=operation,
    )


def sent(
    store: OutboxStore,
    change: TicketUpdate,
    destination: Destination = HERE,
    **complete: object,
) -> None:
    """`change` goes through the outbox and the server confirms it."""
    item = store.add(change, destination=destination)
    claimed = store.claim_next(destination)
    assert claimed is not None and claimed.id == item.id
    store.complete(item.id, status=200, destination=destination, **complete)  # type: ignore[arg-type]


# --- The destination ---------------------------------------------------------------------------

SECRET = "sk_test_ab-12"
PUBLISHABLE = "pk_test_cd-34"
TOKEN = "tok_ef-56"


def test_an_account_is_a_short_stable_hash_that_holds_no_secret() -> None:
    keys = Credentials(secret_key=SECRET, publish_key=PUBLISHABLE)
    token = Credentials(token=TOKEN)
    for credentials in (keys, token):
        account = account_of(credentials)
        assert account == account_of(Credentials(*credentials))  # stable
        assert len(account) == 16 and int(account, 16) >= 0
        for secret in (SECRET, PUBLISHABLE, TOKEN):
            assert secret not in account
    assert account_of(keys) != account_of(token)
    assert account_of(Credentials()) == ""


def test_a_key_pair_is_known_by_its_publishable_key() -> None:
    rolled = Credentials(secret_key="sk_test_gh-78", publish_key=PUBLISHABLE)
    assert account_of(rolled) == account_of(Credentials(secret_key=SECRET, publish_key=PUBLISHABLE))
    # keys win over a token, as they do when signing in
    both = Credentials(token=TOKEN, secret_key=SECRET, publish_key=PUBLISHABLE)
    assert account_of(both) == account_of(rolled)


def test_a_token_and_a_publishable_key_of_the_same_text_are_two_accounts() -> None:
    assert account_of(Credentials(token="same")) != account_of(Credentials(publish_key="same"))


def test_the_destination_of_a_connection() -> None:
    connection = Connection("https://api.example.test/api/v1", Credentials(token=TOKEN))
    assert destination_of(connection) == Destination(
        "https://api.example.test/api/v1", account_of(Credentials(token=TOKEN))
    )


def test_importing_the_destination_costs_no_hashlib() -> None:
    code = "import sys, gui.core.destination; print('hashlib' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"


# --- Known tickets -----------------------------------------------------------------------------


def test_a_confirmed_update_makes_its_ticket_known(store: OutboxStore, clock: Clock) -> None:
    assert store.known_ticket(HERE, "tic_1") is None
    sent(store, update())
    assert store.known_ticket(HERE, "tic_1") == KnownTicket(
        "tic_1", "Leaking faucet", "Under the sink", "ON_HOLD", START, Operation.UPDATE
    )
    (entry,) = store.history()
    assert entry.destination == HERE


def test_what_the_server_echoed_wins_over_what_was_sent(store: OutboxStore) -> None:
    echoed = {"title": "Leaking faucet (kitchen)", "status": "", "description": 5, "id": "x"}
    sent(store, update(status="done"), echoed=echoed)
    known = store.known_ticket(HERE, "tic_1")
    assert known is not None
    # an empty or non-text echo keeps what was sent
    assert (known.title, known.description, known.status) == (
        "Leaking faucet (kitchen)",
        "Under the sink",
        "done",
    )
    sent(store, update(status="done"), echoed={"status": "DONE", "description": "Fixed"})
    known = store.known_ticket(HERE, "tic_1")
    assert known is not None and (known.description, known.status) == ("Fixed", "DONE")


def test_the_latest_confirmation_replaces_the_known_state(store: OutboxStore, clock: Clock) -> None:
    sent(store, update(status="NEW"))
    clock.now += 60
    sent(store, update(status="DONE"))
    known = store.known_ticket(HERE, "tic_1")
    assert known is not None and (known.status, known.at) == ("DONE", START + 60)
    assert len(store.known_tickets(HERE)) == 1


def test_failures_refusals_and_discards_leave_the_ticket_unknown(store: OutboxStore) -> None:
    first = store.add(update("tic_1"), destination=HERE)
    store.claim_next(HERE)
    store.hold(first.id, error="Busy.", status=502)
    second = store.add(update("tic_2"), destination=HERE)
    store.claim_next(HERE)
    store.refuse(second.id, error="No ticket with this id.", status=404)
    third = store.add(update("tic_3"), destination=HERE)
    store.claim_next(HERE)
    store.reschedule(third.id, delay=5, error="Busy.", status=503)
    store.discard(third.id)
    store.discard(first.id)
    assert store.known_tickets(HERE) == []
    assert store.statuses_seen(HERE) == []
    # every history entry of an item records where it was made for
    assert {entry.destination for entry in store.history()} == {HERE}
    assert [entry.outcome for entry in store.history()] == [
        "discarded",
        "discarded",
        "failed",
        "refused",
        "failed",
    ]


def test_a_completion_without_a_destination_records_no_known_ticket(store: OutboxStore) -> None:
    item = store.add(update(), destination=HERE)
    store.claim_next(HERE)
    store.complete(item.id, status=200)
    assert store.known_tickets(HERE) == []
    (entry,) = store.history()
    assert entry.destination == HERE  # where the item was written for


def test_known_tickets_belong_to_their_destination(store: OutboxStore) -> None:
    sent(store, update("tic_1", status="NEW"))
    assert store.known_ticket(OTHER_BASE, "tic_1") is None
    assert store.known_ticket(OTHER_ACCOUNT, "tic_1") is None
    assert store.known_tickets(OTHER_BASE) == store.known_tickets(OTHER_ACCOUNT) == []
    assert store.statuses_seen(OTHER_ACCOUNT) == []
    sent(store, update("tic_1", status="DONE"), OTHER_ACCOUNT)
    mine, theirs = store.known_ticket(HERE, "tic_1"), store.known_ticket(OTHER_ACCOUNT, "tic_1")
    assert mine is not None and mine.status == "NEW"
    assert theirs is not None and theirs.status == "DONE"


def test_a_created_ticket_is_known_by_the_id_the_server_gave(store: OutboxStore) -> None:
    creation = update("", status="NEW", operation=Operation.CREATE)
    sent(store, creation, created_id="tic_9")
    known = store.known_ticket(HERE, "tic_9")
    assert known is not None
    assert (known.title, known.operation) == ("Leaking faucet", Operation.CREATE)
    (entry,) = store.history()
    assert (entry.ticket_id, entry.created, entry.destination) == ("tic_9", True, HERE)
    sent(store, creation)  # created, but the server did not say its id
    assert [ticket.ticket_id for ticket in store.known_tickets(HERE)] == ["tic_9"]


def test_known_tickets_come_most_recent_first(store: OutboxStore, clock: Clock) -> None:
    for number in range(1, 6):
        sent(store, update(f"tic_{number}"))
        clock.now += 1
    sent(store, update("tic_2"))
    assert [known.ticket_id for known in store.known_tickets(HERE)] == [
        "tic_2",
        "tic_5",
        "tic_4",
        "tic_3",
        "tic_1",
    ]
    assert [known.ticket_id for known in store.known_tickets(HERE, limit=2)] == ["tic_2", "tic_5"]


def test_statuses_seen_most_recent_first_each_once_case_kept(
    store: OutboxStore, clock: Clock
) -> None:
    for ticket, status in [
        ("tic_1", "NEW"),
        ("tic_2", "Waiting for parts"),
        ("tic_3", "done"),
        ("tic_4", "NEW"),
    ]:
        sent(store, update(ticket, status=status))
        clock.now += 1
    sent(store, update("tic_5", status="sent"), echoed={"status": "DONE"})
    assert store.statuses_seen(HERE) == ["DONE", "NEW", "done", "Waiting for parts"]
    assert store.statuses_seen(OTHER_BASE) == []


def test_the_known_ticket_and_the_history_are_one_transaction(
    store: OutboxStore, tmp_path: Path
) -> None:
    item = store.add(update(), destination=HERE)
    store.claim_next(HERE)
    blocker = sqlite3.connect(tmp_path / "outbox.sqlite3")
    blocker.execute(
        "CREATE TRIGGER no_known BEFORE INSERT ON known_tickets BEGIN"
        " SELECT RAISE(ABORT, 'disk says no'); END"
    )
    blocker.commit()
    blocker.close()
    with pytest.raises(sqlite3.IntegrityError, match="disk says no"):
        store.complete(item.id, status=200, destination=HERE)
    # nothing was written: the item is still there, being sent, and the history is empty
    (still,) = store.items()
    assert (still.id, still.state) == (item.id, ItemState.SENDING)
    assert store.history() == []


# --- Through delivery, against real servers ----------------------------------------------------


def test_delivery_records_the_ticket_as_the_sandbox_echoed_it(store: OutboxStore) -> None:
    with SandboxServer() as server:
        connection = Connection(server.url, Credentials(token=SandboxServer.TOKEN))
        destination = destination_of(connection)
        store.add(update("tic_1001", status="DONE"), destination=destination)
        item = store.claim_next(destination)
        assert item is not None
        sender = TicketSender(connection)
        try:
            delivery = deliver(store, item, sender, Abort())
        finally:
            sender.close()
    assert delivery is not None and delivery.succeeded
    known = store.known_ticket(destination, "tic_1001")
    assert known is not None
    assert (known.title, known.description, known.status) == (
        "Leaking faucet",
        "Under the sink",
        "DONE",
    )
    assert store.statuses_seen(destination) == ["DONE"]
    (entry,) = store.history()
    assert entry.destination == destination


def test_delivery_keeps_the_echo_of_a_server_that_says_otherwise(store: OutboxStore) -> None:
    body = json.dumps({"data": {"id": "tic_1", "status": "ON_HOLD", "title": "Faucet"}}).encode()
    with LoopbackServer(answering("200 OK", body, {"Content-Type": "application/json"})) as server:
        connection = Connection(f"{server.url}/api/v1", Credentials(token="t"))
        store.add(update("tic_1", status="on hold"), destination=destination_of(connection))
        item = store.claim_next(destination_of(connection))
        assert item is not None
        sender = TicketSender(connection)
        try:
            deliver(store, item, sender, Abort())
        finally:
            sender.close()
    known = store.known_ticket(destination_of(connection), "tic_1")
    assert known is not None and (known.title, known.status) == ("Faucet", "ON_HOLD")


def test_a_failed_delivery_records_no_known_ticket(store: OutboxStore) -> None:
    with LoopbackServer(answering("500 Internal Server Error", b"oops")) as server:
        connection = Connection(f"{server.url}/api/v1", Credentials(token="t"))
        destination = destination_of(connection)
        store.add(update("tic_1"), destination=destination)
        item = store.claim_next(destination)
        assert item is not None
        sender = TicketSender(connection)
        try:
            delivery = deliver(store, item, sender, Abort())
        finally:
            sender.close()
    assert delivery is not None and not delivery.succeeded
    assert store.known_tickets(destination) == []
    (entry,) = store.history()
    assert (entry.outcome, entry.status, entry.destination) == ("failed", 500, destination)


# --- The 0.1.0 file ----------------------------------------------------------------------------


def _rows(path: Path, table: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
        wanted = [
            c for c in columns if c not in ("api_base", "account", "digest", "batch", "not_before")
        ]
        return connection.execute(f"SELECT {', '.join(wanted)} FROM {table} ORDER BY 1").fetchall()
    finally:
        connection.close()


def test_0_1_0_s_outbox_migrates_and_keeps_every_item_and_history_row(
    tmp_path: Path, clock: Clock
) -> None:
    path = tmp_path / "outbox.sqlite3"
    shutil.copyfile(OLD_FILES / "outbox.sqlite3", path)
    old = sqlite3.connect(path)
    assert old.execute("PRAGMA user_version").fetchone() == (2,)
    old.close()
    before = {table: _rows(path, table) for table in ("outbox", "history", "contacts")}
    assert len(before["outbox"]) == 2 and len(before["history"]) == 1

    clock.now = 1_796_600_000.0  # a little after 0.1.0 wrote the file
    store = OutboxStore(path, clock=clock)
    try:
        items = store.items()
        (entry,) = store.history()
        assert {item.ticket_id: item.state for item in items} == {
            "tic_2001": ItemState.NEEDS_DECISION,
            "tic_2002": ItemState.WAITING,
        }
        assert all(item.destination is None for item in items)
        assert (entry.ticket_id, entry.outcome, entry.destination) == ("tic_2001", "failed", None)
        assert store.known_tickets(HERE) == []
        # an item of 0.1.0 has no destination: it may go to any, so an identical update is a
        # repeat wherever it is sent
        needs_decision = next(item for item in items if item.ticket_id == "tic_2001")
        repeat = store.find_repeat(HERE, needs_decision.update, now=clock.now)
        assert repeat is not None and repeat.waiting and repeat.outbox_id == needs_decision.id
        assert (repeat.contact_type, repeat.people) == (ContactType.SMS, 1)
        # 0.1.0 did not record where its waiting update goes: it waits for a decision, and
        # goes out where the user resends it
        assert store.claim_next(HERE) is None
        held = {item.ticket_id: item for item in store.recover()}
        assert held["tic_2002"].state is ItemState.NEEDS_DECISION
        assert store.retry_now(held["tic_2002"].id, HERE)
        # and the migrated file works as a new one: its waiting update goes out and is known
        item = store.claim_next(HERE)
        assert item is not None and item.ticket_id == "tic_2002"
        store.complete(item.id, status=200, destination=HERE)
        known = store.known_ticket(HERE, "tic_2002")
        assert known is not None and (known.title, known.status) == ("Hallway light", "DONE")
    finally:
        store.close_all()
    check = sqlite3.connect(path)
    try:
        assert check.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,) == (7,)
    finally:
        check.close()
    after = {table: _rows(path, table) for table in ("outbox", "history", "contacts")}
    assert after["outbox"] == [row for row in before["outbox"] if row[1] != "tic_2002"]
    assert after["history"][: len(before["history"])] == before["history"]
    assert after["contacts"] == before["contacts"]
