"""The outbox on real SQLite files: order, holds, history, contacts, recovery after a crash, damaged
files, migrations, threads, and SIGKILL of a real process mid-write and mid-request."""

from __future__ import annotations

import sqlite3
import sys
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from gui.core.destination import Destination
from gui.core.fields import FIELDS, TICKET_ID, ContactType
from gui.core.outbox import (
    SCHEMA_VERSION,
    STOPPED_MAY_HAVE_ARRIVED,
    UNBOUND,
    HistoryEntry,
    ItemState,
    OutboxCorrupt,
    OutboxItem,
    OutboxStore,
)
from gui.core.outbox.database import Database
from gui.core.outbox.schema import SCHEMA_V1
from gui.core.ticket import Notification, TicketUpdate, update_to_json
from gui.core.wire import encode_pairs
from tests.unit.durable_writer import Child

HERE = Destination("https://api.example.com/api/v1", "acct-a")  # where these items are for

START = 1_800_000_000.0


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def update(
    ticket: str = "tic_1", note: str = "first", *, notify: bool = False, contacts: str = ""
) -> TicketUpdate:
    notification = None
    if notify:
        notification = Notification(
            type=ContactType.EMAIL,
            contacts=(contacts or "tenant@example.com",),
            time=datetime(2026, 12, 1, 9, tzinfo=timezone(timedelta(hours=-5))),
            subject="Water",
            message=f"Notice: {note}",
        )
    return TicketUpdate(
        ticket_id=ticket,
        title=f"Leak {note}",
        description=f"Under the sink — {note}",
        status="ON_HOLD",
        automated=False,
        notification=notification,
    )


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "outbox.sqlite3"


@pytest.fixture
def store(db: Path, clock: Clock) -> Iterator[OutboxStore]:
    outbox = OutboxStore(db, clock=clock)
    yield outbox
    outbox.close_all()


@pytest.fixture
def database(db: Path) -> Iterator[Database]:
    """The store's connections on their own (gui.core.outbox.database)."""
    opened = Database(db)
    yield opened
    opened.close_all()


def reopen(db: Path, clock: Clock) -> OutboxStore:
    return OutboxStore(db, clock=clock)


def raw(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(db)


# --- Adding and listing ----------------------------------------------------------------------


def test_a_new_outbox_is_empty(store: OutboxStore) -> None:
    assert store.items() == []
    assert store.waiting_count() == 0
    assert store.claim_next(HERE) is None
    assert store.next_due(HERE) is None
    assert store.history() == []
    assert store.moved_aside is None


def test_add_stores_a_waiting_item_due_now(store: OutboxStore, clock: Clock) -> None:
    item = store.add(update(notify=True), destination=HERE)
    assert item == OutboxItem(
        id=item.id,
        update=update(notify=True),
        state=ItemState.WAITING,
        attempts=0,
        created_at=START,
        next_try=START,
        last_error="",
        destination=HERE,
    )
    assert item.ticket_id == "tic_1"
    assert item.notify is True
    assert store.get(item.id) == item
    assert store.get(item.id + 1) is None
    assert store.items() == [item]


def test_items_are_listed_oldest_first_and_survive_a_reopen(
    store: OutboxStore, db: Path, clock: Clock
) -> None:
    added = []
    for index, ticket in enumerate(["tic_2", "tic_1", "tic_2", "tic_3"]):
        clock.advance(1)
        added.append(store.add(update(ticket, f"n{index}"), destination=HERE))
    assert store.items() == added
    assert store.waiting_count() == 4
    other = reopen(db, clock)
    try:
        assert other.items() == added
    finally:
        other.close_all()


def test_ids_are_never_reused(store: OutboxStore) -> None:
    first = store.add(update(), destination=HERE)
    store.discard(first.id)
    assert store.add(update(), destination=HERE).id > first.id


def test_the_file_uses_wal_and_full_sync(database: Database) -> None:
    connection = database.connection()
    assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert connection.execute("PRAGMA synchronous").fetchone() == (2,)  # FULL
    assert connection.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert connection.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)


# --- Claiming, in order ----------------------------------------------------------------------


def test_claim_takes_the_oldest_due_item_and_counts_the_attempt(store: OutboxStore) -> None:
    first = store.add(update("tic_1"), destination=HERE)
    second = store.add(update("tic_2"), destination=HERE)
    claimed = store.claim_next(HERE)
    assert claimed is not None
    assert claimed.id == first.id
    assert claimed.state is ItemState.SENDING
    assert claimed.attempts == 1
    assert store.get(first.id) == claimed
    again = store.claim_next(HERE)
    assert again is not None and again.id == second.id
    assert store.claim_next(HERE) is None


def test_an_item_due_later_is_not_claimed_before_its_time(store: OutboxStore, clock: Clock) -> None:
    item = store.add(update(), destination=HERE)
    assert store.claim_next(HERE) is not None
    store.reschedule(item.id, delay=30, error="Could not reach the server; next try in 30 s.")
    waiting = store.get(item.id)
    assert waiting is not None
    assert waiting.state is ItemState.WAITING
    assert waiting.next_try == START + 30
    assert waiting.attempts == 1
    assert waiting.last_error.startswith("Could not reach")
    assert store.next_due(HERE) == START + 30
    clock.advance(29.9)
    assert store.claim_next(HERE) is None
    clock.advance(0.1)
    claimed = store.claim_next(HERE)
    assert claimed is not None and claimed.attempts == 2


def test_updates_to_one_ticket_go_out_in_order(store: OutboxStore, clock: Clock) -> None:
    a1 = store.add(update("tic_a", "1"), destination=HERE)
    a2 = store.add(update("tic_a", "2"), destination=HERE)
    b1 = store.add(update("tic_b", "1"), destination=HERE)
    claimed = store.claim_next(HERE)
    assert claimed is not None and claimed.id == a1.id
    claimed = store.claim_next(HERE)  # a2 waits behind a1, which is being sent
    assert claimed is not None and claimed.id == b1.id
    assert store.claim_next(HERE) is None
    store.reschedule(a1.id, delay=60, error="busy")
    assert store.claim_next(HERE) is None  # a2 is due, but a1 is older and still waiting
    assert store.next_due(HERE) == START + 60  # a2's earlier next_try does not count
    clock.advance(60)
    claimed = store.claim_next(HERE)
    assert claimed is not None and claimed.id == a1.id
    store.complete(a1.id, status=200)
    claimed = store.claim_next(HERE)
    assert claimed is not None and claimed.id == a2.id


def test_an_item_needing_a_decision_holds_back_its_ticket_only(store: OutboxStore) -> None:
    a1 = store.add(update("tic_a", "1", notify=True), destination=HERE)
    a2 = store.add(update("tic_a", "2"), destination=HERE)
    b1 = store.add(update("tic_b", "1"), destination=HERE)
    assert store.claim_next(HERE) is not None
    store.hold(a1.id, error="No answer in time.", status=None)
    held = store.get(a1.id)
    assert held is not None
    assert held.state is ItemState.NEEDS_DECISION
    assert held.next_try is None
    assert held.last_error == "No answer in time."
    claimed = store.claim_next(HERE)
    assert claimed is not None and claimed.id == b1.id  # not a2
    assert store.claim_next(HERE) is None
    assert store.next_due(HERE) is None  # a2 is held back, b1 is being sent
    store.discard(a1.id)
    assert store.next_due(HERE) == START
    claimed = store.claim_next(HERE)
    assert claimed is not None and claimed.id == a2.id


def test_retry_now_resends_a_held_item_without_counting_an_attempt(
    store: OutboxStore, clock: Clock
) -> None:
    item = store.add(update(notify=True), destination=HERE)
    store.claim_next(HERE)
    store.hold(item.id, error="Gateway timeout.", status=504)
    clock.advance(100)
    store.retry_now(item.id, HERE)
    waiting = store.get(item.id)
    assert waiting is not None
    assert (waiting.state, waiting.next_try, waiting.attempts) == (
        ItemState.WAITING,
        START + 100,
        1,
    )
    assert waiting.last_error == "Gateway timeout."  # what happened last time, still shown
    assert store.next_due(HERE) == START + 100


def test_retry_now_brings_a_rescheduled_item_forward(store: OutboxStore, clock: Clock) -> None:
    item = store.add(update(), destination=HERE)
    store.claim_next(HERE)
    store.reschedule(item.id, delay=300, error="busy")
    clock.advance(5)
    store.retry_now(item.id, HERE)
    claimed = store.claim_next(HERE)
    assert claimed is not None and claimed.id == item.id


def test_retry_now_leaves_an_item_being_sent_alone(store: OutboxStore) -> None:
    item = store.add(update(), destination=HERE)
    claimed = store.claim_next(HERE)
    store.retry_now(item.id, HERE)
    assert store.get(item.id) == claimed
    assert store.claim_next(HERE) is None  # never sent twice at once


def test_next_due_is_the_earliest_of_the_items_free_to_go(store: OutboxStore, clock: Clock) -> None:
    first = store.add(update("tic_1"), destination=HERE)
    clock.advance(10)
    store.add(update("tic_2"), destination=HERE)
    assert store.next_due(HERE) == START
    store.claim_next(HERE)
    store.reschedule(first.id, delay=50, error="x")
    assert store.next_due(HERE) == START + 10


# --- Outcomes and the history ----------------------------------------------------------------


def only(entries: list[HistoryEntry]) -> HistoryEntry:
    assert len(entries) == 1, entries
    return entries[0]


def test_complete_removes_the_item_and_records_what_was_sent(
    store: OutboxStore, clock: Clock
) -> None:
    sent = update(notify=True)
    item = store.add(sent, destination=HERE)
    store.claim_next(HERE)
    clock.advance(2)
    store.complete(item.id, status=200, message="Ticket updated")
    assert store.items() == []
    entry = only(store.history())
    assert entry.at == START + 2
    assert entry.ticket_id == "tic_1"
    assert entry.fields == tuple(encode_pairs(sent))
    assert (entry.outcome, entry.status, entry.message) == ("sent", 200, "Ticket updated")


def test_every_failed_attempt_is_in_the_history(store: OutboxStore, clock: Clock) -> None:
    item = store.add(update(), destination=HERE)
    store.claim_next(HERE)
    store.reschedule(item.id, delay=1, error="Refused; next try in 1 s.")
    clock.advance(1)
    store.claim_next(HERE)
    store.reschedule(item.id, delay=2, error="Busy; next try in 2 s.", status=503)
    clock.advance(2)
    store.claim_next(HERE)
    store.hold(item.id, error="Particle Space had a problem (HTTP 500).", status=500)
    history = store.history()
    assert [(e.outcome, e.status) for e in history] == [
        ("failed", 500),
        ("failed", 503),
        ("failed", None),
    ]
    assert [e.at for e in history] == [START + 3, START + 1, START]


def test_refuse_removes_the_item_and_records_the_refusal(store: OutboxStore) -> None:
    item = store.add(update(), destination=HERE)
    store.claim_next(HERE)
    store.refuse(item.id, error="Particle Space refused the update: bad status", status=422)
    assert store.items() == []
    entry = only(store.history())
    assert (entry.outcome, entry.status) == ("refused", 422)
    assert "bad status" in entry.message


def test_discard_removes_the_item_and_records_it(store: OutboxStore) -> None:
    item = store.add(update(), destination=HERE)
    store.discard(item.id)
    assert store.items() == []
    entry = only(store.history())
    assert (entry.outcome, entry.status, entry.message) == ("discarded", None, "")


def test_changes_to_an_item_that_is_gone_do_nothing(store: OutboxStore) -> None:
    item = store.add(update(), destination=HERE)
    store.claim_next(HERE)
    store.discard(item.id)  # the user discarded it while it was being sent
    store.complete(item.id, status=200)
    store.reschedule(item.id, delay=5, error="x")
    store.hold(item.id, error="x")
    store.refuse(item.id, error="x", status=400)
    store.retry_now(item.id, HERE)
    store.discard(item.id)
    assert store.items() == []
    assert [e.outcome for e in store.history()] == ["discarded"]


def test_history_filters_by_ticket_and_text(store: OutboxStore) -> None:
    for ticket, note, notify, contacts in [
        ("tic_1", "Küche tap", False, ""),
        ("tic_10", "boiler", True, "Zoë@Example.com"),
        ("tic_2", "window", False, ""),
    ]:
        item = store.add(update(ticket, note, notify=notify, contacts=contacts), destination=HERE)
        store.claim_next(HERE)
        store.complete(item.id, status=200, message=f"Server says OK for {ticket}")
    item = store.add(update("tic_1", "second"), destination=HERE)
    store.claim_next(HERE)
    store.hold(item.id, error="Gateway Timeout at the proxy")

    assert [e.ticket_id for e in store.history()] == ["tic_1", "tic_2", "tic_10", "tic_1"]
    assert [e.fields[0][1] for e in store.history(ticket_id="tic_1")] == [
        "Leak second",
        "Leak Küche tap",
    ]
    assert store.history(ticket_id="tic_") == []  # exact match only
    # text: in a sent value (any case), the message, the ticket id
    assert [e.ticket_id for e in store.history(text="KÜCHE")] == ["tic_1"]
    assert [e.ticket_id for e in store.history(text="zoë@example")] == ["tic_10"]
    assert [e.ticket_id for e in store.history(text="gateway timeout")] == ["tic_1"]
    assert [e.ticket_id for e in store.history(text="TIC_1")] == ["tic_1", "tic_10", "tic_1"]
    assert [e.ticket_id for e in store.history(text="ok for tic_2")] == ["tic_2"]
    assert [e.ticket_id for e in store.history(ticket_id="tic_1", text="second")] == ["tic_1"]
    assert store.history(text="%") == []  # no wildcards
    assert store.history(text="title") == []  # field names are not values
    assert len(store.history(limit=2)) == 2
    assert store.history(limit=0) == []


def test_history_holds_the_form_fields_only(store: OutboxStore, db: Path) -> None:
    item = store.add(update(notify=True), destination=HERE)
    store.claim_next(HERE)
    store.complete(item.id, status=200)
    names = {name for name, _ in only(store.history()).fields}
    assert names <= set(FIELDS) - {TICKET_ID}  # the id is in the URL
    assert "time" in names
    assert only(store.history()).fields[4] == ("time", "2026-12-01T09:00:00-05:00")


# --- Contacts --------------------------------------------------------------------------------


def test_contacts_are_remembered_most_recent_first_per_type(store: OutboxStore) -> None:
    store.remember_contacts(ContactType.EMAIL, ["a@example.com", "b@example.com"])
    store.remember_contacts(ContactType.SMS, ["2025550123"])
    store.remember_contacts(ContactType.EMAIL, ["c@example.com", "a@example.com", "c@example.com"])
    assert store.contacts(ContactType.EMAIL) == ["c@example.com", "a@example.com", "b@example.com"]
    assert store.contacts(ContactType.SMS) == ["2025550123"]
    assert store.contacts(ContactType.EMAIL, limit=2) == ["c@example.com", "a@example.com"]
    store.remember_contacts(ContactType.SMS, [])
    store.remember_contacts(ContactType.SMS, ["", "  "])
    assert store.contacts(ContactType.SMS) == ["2025550123"]


def test_contacts_outlive_the_store(store: OutboxStore, db: Path, clock: Clock) -> None:
    store.remember_contacts(ContactType.SMS, ("2025550123", "+442079460958"))
    other = reopen(db, clock)
    try:
        assert other.contacts(ContactType.SMS) == ["2025550123", "+442079460958"]
    finally:
        other.close_all()


# --- Recovery after a crash ------------------------------------------------------------------


def test_recover_settles_items_left_sending(db: Path, clock: Clock) -> None:
    crashed = reopen(db, clock)
    quiet = crashed.add(update("tic_q", notify=False), destination=HERE)
    loud = crashed.add(update("tic_l", notify=True), destination=HERE)
    untouched = crashed.add(update("tic_u"), destination=HERE)
    crashed.claim_next(HERE)
    crashed.claim_next(HERE)
    crashed.close_all()  # as its process ends: what it was sending is abandoned
    clock.advance(50)
    store = reopen(db, clock)
    changed = store.recover()
    assert [item.id for item in changed] == [quiet.id, loud.id]
    assert changed == [store.get(quiet.id), store.get(loud.id)]
    resent, waiting = changed
    assert (resent.state, resent.next_try, resent.attempts) == (ItemState.WAITING, START + 50, 1)
    assert (waiting.state, waiting.next_try) == (ItemState.NEEDS_DECISION, None)
    assert waiting.last_error == STOPPED_MAY_HAVE_ARRIVED
    assert store.get(untouched.id) == untouched
    assert [e.outcome for e in store.history()] == ["failed", "failed"]
    assert store.recover() == []  # once is enough
    store.close_all()


def test_recover_leaves_the_items_a_live_store_is_sending(db: Path, clock: Clock) -> None:
    """The window and the command line share the outbox: one starting up must not take what
    the other is sending right now (each store holds its own life mark, even in one process)."""
    sending = reopen(db, clock)
    starting = reopen(db, clock)
    try:
        item = sending.add(update("tic_1", notify=False), destination=HERE)
        assert sending.claim_next(HERE) is not None
        assert starting.recover() == []
        assert starting.get(item.id).state is ItemState.SENDING
        sending.close_all()  # it ends without an answer
        (recovered,) = starting.recover()
        assert (recovered.id, recovered.state) == (item.id, ItemState.WAITING)
    finally:
        sending.close_all()
        starting.close_all()


# --- Damaged files and migrations ------------------------------------------------------------


def test_a_file_that_is_not_a_database_is_moved_aside(db: Path, clock: Clock) -> None:
    db.parent.mkdir(parents=True)
    garbage = b"this is not SQLite\x00\xff" * 200
    db.write_bytes(garbage)
    wal = db.with_name(db.name + "-wal")
    wal.write_bytes(b"stale wal")
    store = reopen(db, clock)
    try:
        assert store.items() == []  # the first call raises nothing
        moved = store.moved_aside
        assert moved is not None
        assert moved.parent == db.parent
        assert moved.name.startswith("outbox.sqlite3.corrupt-")
        assert moved.read_bytes() == garbage
        assert moved.with_name(moved.name + "-wal").read_bytes() == b"stale wal"
        item = store.add(update(), destination=HERE)  # a fresh outbox that works
        assert store.items() == [item]
    finally:
        store.close_all()
    with raw(db) as check:
        assert check.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    check.close()


def test_a_database_failing_its_check_is_moved_aside(db: Path, clock: Clock) -> None:
    store = reopen(db, clock)
    for index in range(200):
        store.add(update(f"tic_{index}", "x" * 200), destination=HERE)
    store.close_all()
    data = bytearray(db.read_bytes())
    for offset in range(4096 * 2, 4096 * 5, 7):  # scribble over some table pages
        data[offset] = 0x5A
    db.write_bytes(bytes(data))
    store = reopen(db, clock)
    try:
        assert store.waiting_count() == 0
        assert store.moved_aside is not None
        assert store.moved_aside.read_bytes() == bytes(data)
    finally:
        store.close_all()


def test_damage_found_while_running_raises_outbox_corrupt_then_starts_afresh(
    store: OutboxStore, db: Path
) -> None:
    store.add(update(), destination=HERE)
    store.close()  # the last connection: SQLite folds the WAL into the file
    db.write_bytes(b"\x00garbage" * 1000)
    with pytest.raises(OutboxCorrupt) as caught:
        store.items()
    moved = caught.value.moved_to
    assert moved.name.startswith("outbox.sqlite3.corrupt-")
    assert moved.read_bytes() == b"\x00garbage" * 1000
    assert store.moved_aside == moved
    assert store.items() == []
    assert store.add(update(), destination=HERE).id == 1


def test_an_empty_version_0_database_is_migrated(db: Path, clock: Clock) -> None:
    db.parent.mkdir(parents=True)
    old = raw(db)
    old.execute("CREATE TABLE scratch (x)")
    old.execute("DROP TABLE scratch")
    old.commit()
    assert old.execute("PRAGMA user_version").fetchone() == (0,)
    old.close()
    store = reopen(db, clock)
    try:
        item = store.add(update(), destination=HERE)
        assert store.items() == [item]
        assert store.moved_aside is None
    finally:
        store.close_all()
    check = raw(db)
    try:
        assert check.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        tables = {row[0] for row in check.execute("SELECT name FROM sqlite_master")}
        assert {"outbox", "history", "contacts"} <= tables
    finally:
        check.close()


def test_a_version_1_file_is_migrated_and_keeps_its_items_and_history(
    db: Path, clock: Clock
) -> None:
    """A file with the first schema's tables (`SCHEMA_V1`, no `operation` nor `claimed_by`)
    and an item left SENDING: it opens, keeps everything, and the new columns work."""
    db.parent.mkdir(parents=True)
    old = raw(db)
    for statement in SCHEMA_V1:
        old.execute(statement)
    old.execute(
        "INSERT INTO outbox (ticket_id, payload, state, attempts, created_at, next_try)"
        " VALUES ('tic_1', ?, 'sending', 1, ?, NULL)",
        (update_to_json(update()), START),
    )
    old.execute(
        "INSERT INTO history (at, ticket_id, fields, outcome, status, message, search)"
        " VALUES (?, 'tic_1', '[[\"title\", \"Leak first\"]]', 'failed', 503, 'Busy.', 'busy.')",
        (START,),
    )
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()
    store = reopen(db, clock)
    try:
        (entry,) = store.history()
        assert (entry.ticket_id, entry.outcome, entry.status, entry.created) == (
            "tic_1",
            "failed",
            503,
            False,
        )
        (recovered,) = store.recover()  # claimed_by '' after the migration: nobody's, abandoned
        # 0.1.0 did not record where it was going: it waits for the user's decision.
        assert (recovered.ticket_id, recovered.state) == ("tic_1", ItemState.NEEDS_DECISION)
        assert recovered.last_error == UNBOUND and recovered.destination is None
        assert store.claim_next(HERE) is None
        assert store.retry_now(recovered.id, HERE)  # Resend: the user sends it here
        claimed = store.claim_next(HERE)
        assert claimed is not None and claimed.attempts == 2 and claimed.destination == HERE
    finally:
        store.close_all()
    check = raw(db)
    try:
        assert check.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    finally:
        check.close()


def test_a_current_database_is_opened_as_it_is(db: Path, clock: Clock) -> None:
    first = reopen(db, clock)
    item = first.add(update(), destination=HERE)
    first.close_all()
    second = reopen(db, clock)
    try:
        assert second.items() == [item]
    finally:
        second.close_all()


def test_a_database_from_a_newer_app_is_left_alone(db: Path, clock: Clock) -> None:
    db.parent.mkdir(parents=True)
    newer = raw(db)
    newer.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    newer.close()
    before = db.read_bytes()
    store = reopen(db, clock)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="newer version"):
            store.items()
        assert store.moved_aside is None
    finally:
        store.close_all()
    assert db.read_bytes() == before


def test_an_unwritable_folder_raises_an_error_the_caller_can_show(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    store = OutboxStore(blocker / "outbox.sqlite3")
    try:
        with pytest.raises(OSError):
            store.add(update(), destination=HERE)
    finally:
        store.close_all()


# --- Threads ---------------------------------------------------------------------------------


def test_each_thread_gets_its_own_connection(database: Database) -> None:
    mine = database.connection()
    theirs: list[sqlite3.Connection] = []
    same_again: list[bool] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            connection = database.connection()
            connection.execute("INSERT INTO contacts (type, contact, seq) VALUES ('sms', 'x', 1)")
            theirs.append(connection)
            same_again.append(database.connection() is connection)
        except BaseException as error:
            errors.append(error)
        finally:
            database.close()

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive()
    assert errors == []
    assert theirs[0] is not mine
    assert same_again == [True]
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        theirs[0].execute("SELECT 1")  # close() closed it
    assert database.connection() is mine
    assert mine.execute("SELECT contact FROM contacts").fetchall() == [("x",)]


def test_a_store_used_from_another_thread_shares_its_file(store: OutboxStore) -> None:
    errors: list[BaseException] = []
    seen: list[OutboxItem] = []

    def work() -> None:
        try:
            store.add(update("tic_thread"), destination=HERE)
            seen.extend(store.items())
        except BaseException as error:
            errors.append(error)
        finally:
            store.close()

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive()
    assert errors == []
    assert [item.ticket_id for item in seen] == ["tic_thread"]
    assert store.items() == seen


def test_a_thread_that_ends_without_closing_does_not_leak_its_connection(
    database: Database,
) -> None:
    box: list[sqlite3.Connection] = []

    def work() -> None:
        box.append(database.connection())

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive()
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        box[0].execute("SELECT 1")


def test_close_all_closes_every_thread_s_connection_and_use_reopens(database: Database) -> None:
    opened = threading.Event()
    release = threading.Event()
    box: list[sqlite3.Connection] = []
    after: list[int] = []
    then: list[str] = []

    def work() -> None:
        box.append(database.connection())
        opened.set()
        release.wait(timeout=30)
        (one,) = database.connection().execute("SELECT 1").fetchone()  # a connection of its own
        after.append(one)
        database.close()

    worker = threading.Thread(target=work)
    worker.start()
    assert opened.wait(timeout=30)
    mine = database.connection()
    database.close_all(then=lambda: then.append("released"))
    assert then == ["released"]
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        box[0].execute("SELECT 1")
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        mine.execute("SELECT 1")
    release.set()
    worker.join(timeout=30)
    assert not worker.is_alive()
    assert after == [1]
    assert database.connection() is not mine


def test_a_store_closed_everywhere_reopens_on_use(store: OutboxStore) -> None:
    opened = threading.Event()
    release = threading.Event()
    after: list[int] = []

    def work() -> None:
        store.add(update(), destination=HERE)
        opened.set()
        release.wait(timeout=30)
        after.append(store.waiting_count())  # reopens a connection of its own
        store.close()

    worker = threading.Thread(target=work)
    worker.start()
    assert opened.wait(timeout=30)
    store.close_all()
    release.set()
    worker.join(timeout=30)
    assert not worker.is_alive()
    assert after == [1]
    assert store.waiting_count() == 1


def test_two_threads_on_two_stores_never_claim_the_same_item(db: Path, clock: Clock) -> None:
    setup = reopen(db, clock)
    added = [
        setup.add(update(f"tic_{index % 13}", str(index)), destination=HERE) for index in range(240)
    ]
    setup.close_all()
    stores = [reopen(db, clock), reopen(db, clock)]
    start = threading.Barrier(2, timeout=30)
    claimed: list[list[int]] = [[], []]
    errors: list[BaseException] = []

    def work(number: int) -> None:
        store = stores[number]
        try:
            start.wait()
            while (item := store.claim_next(HERE)) is not None:
                claimed[number].append(item.id)
                store.complete(item.id, status=200, message=str(item.id))
        except BaseException as error:
            errors.append(error)
        finally:
            store.close()

    workers = [threading.Thread(target=work, args=(n,)) for n in (0, 1)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    try:
        assert not any(worker.is_alive() for worker in workers)
        assert errors == []
        assert not set(claimed[0]) & set(claimed[1])
        assert sorted(claimed[0] + claimed[1]) == [item.id for item in added]
        assert stores[0].items() == []
        # Per ticket, the updates were completed in the order they were made.
        sent = list(reversed(stores[0].history(limit=1000)))
        for ticket in {item.ticket_id for item in added}:
            order = [int(e.message) for e in sent if e.ticket_id == ticket]
            assert order == sorted(order)
    finally:
        for store in stores:
            store.close_all()


# --- SIGKILL of a real process ---------------------------------------------------------------

needs_sigkill = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


@needs_sigkill
def test_sigkill_while_adding_loses_and_duplicates_nothing(db: Path, clock: Clock) -> None:
    """A real process adds updates in a loop and prints each id once `add` returned; killed at a
    random moment, every printed item is there exactly once, and nothing else but possibly the
    one it was adding when it died."""
    committed: dict[int, str] = {}
    for round_ in range(3):
        start = round_ * 1_000_000
        child = Child("add", str(db), "100000", str(start))
        printed = [child.read_line() for _ in range(5 + 7 * round_)]
        printed += child.kill()
        assert child.process.returncode == -9
        for line in printed:
            item_id, number = map(int, line.split())
            committed[item_id] = f"update {number}"
        last = int(printed[-1].split()[1])
        store = reopen(db, clock)
        try:
            items = store.items()
        finally:
            store.close_all()
        titles = [item.update.title for item in items]
        assert len(titles) == len(set(titles))  # nothing twice
        found = {item.id: item.update.title for item in items}
        assert {i: found.get(i) for i in committed} == committed  # nothing lost
        # This round's items: a gap-free run from START to the last printed, or one past it.
        mine = [int(t.split()[1]) for t in titles if int(t.split()[1]) >= start]
        assert mine == list(range(start, start + len(mine)))
        assert mine[-1] in (last, last + 1)
        committed.update({i: t for i, t in found.items()})  # the one in flight, if it made it


@needs_sigkill
def test_sigkill_mid_request_makes_recover_resend_or_ask(db: Path, clock: Clock) -> None:
    child = Child("claim", str(db))
    line = child.read_line()
    assert line.startswith("claimed ")
    quiet_id, loud_id = map(int, line.split()[1:])
    store = reopen(db, clock)
    try:
        assert store.recover() == []  # the child lives: its items are its own
        child.kill()
        assert child.process.returncode == -9
        assert [item.state for item in store.items()] == [ItemState.SENDING, ItemState.SENDING]
        changed = {item.id: item for item in store.recover()}
        assert changed[quiet_id].state is ItemState.WAITING
        assert changed[quiet_id].next_try == START
        assert changed[quiet_id].notify is False
        assert changed[loud_id].state is ItemState.NEEDS_DECISION
        assert changed[loud_id].notify is True
        assert changed[loud_id].last_error == STOPPED_MAY_HAVE_ARRIVED
        resent = store.claim_next(HERE)
        assert resent is not None and resent.id == quiet_id and resent.attempts == 2
        assert store.claim_next(HERE) is None
        assert store.waiting_count() == 2
    finally:
        store.close_all()
