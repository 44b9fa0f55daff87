"""The outbox: every update that the server has not confirmed yet, in an SQLite file that survives
crashes and kills, with the history of every attempt and the contacts used before.

One file (stdlib `sqlite3`) in WAL mode with ``synchronous=FULL``: once `OutboxStore.add` has
returned, the update is on disk. Every write is one ``BEGIN IMMEDIATE`` transaction, so two
threads or two processes never claim the same item. The schema carries its version in
``PRAGMA user_version`` and is brought up to date by the steps in `_MIGRATIONS`.

Nothing here stores a token or a key: an item holds the `TicketUpdate` (the form's values only),
a history entry holds the form pairs as they went over the wire (`gui.core.wire.encode_pairs`).

An item's `last_error` and a history entry's `message` are stored with `gui.core.messages.to_json`,
so a `Message` comes back as one (the panels show it in the user's language); rows written as
plain text read back as that text. The history's search column holds the English text.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import json
import logging
import os
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gui.core.durable import aside_path, fsync_folder
from gui.core.fields import ContactType
from gui.core.liveness import LifeMark, is_alive
from gui.core.messages import QT_TRANSLATE_NOOP, from_json, to_json
from gui.core.ticket import Operation, TicketUpdate, update_from_json, update_to_json
from gui.core.wire import encode_pairs

log = logging.getLogger(__name__)

#: How long a statement waits for another connection's write lock, in seconds.
BUSY_TIMEOUT = 10.0
#: How many contacts of each type are remembered for completion.
MAX_CONTACTS = 500

#: What `recover` writes on items that were being sent when the app stopped.
STOPPED_MAY_HAVE_ARRIVED = QT_TRANSLATE_NOOP(
    "outbox", "The app stopped while this update was being sent; it may have arrived."
)
STOPPED_RESENDING = QT_TRANSLATE_NOOP(
    "outbox",
    "The app stopped while this update was being sent; it goes out again (no one is notified).",
)

# SQLite's primary result codes for a damaged file (extended codes keep these in the low byte).
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


class ItemState(enum.StrEnum):
    WAITING = "waiting"  # goes out by itself at `next_try`
    SENDING = "sending"  # a request is (or was, if the app died) in flight
    NEEDS_DECISION = "needs_decision"  # the user chooses: Resend or Discard


@dataclass(frozen=True)
class OutboxItem:
    id: int
    update: TicketUpdate
    state: ItemState
    attempts: int
    created_at: float  # epoch seconds
    next_try: float | None  # epoch seconds; None unless WAITING
    last_error: str

    @property
    def ticket_id(self) -> str:
        return self.update.ticket_id

    @property
    def notify(self) -> bool:
        return self.update.notify


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    at: float  # epoch seconds
    ticket_id: str
    fields: tuple[tuple[str, str], ...]  # the form pairs exactly as sent; never a token or key
    outcome: str  # "sent" | "failed" | "refused" | "discarded"
    status: int | None  # the HTTP status, if the server answered
    message: str  # the server's message, or why the attempt failed
    operation: Operation = Operation.UPDATE  # a new ticket's entry carries the id it was given

    @property
    def created(self) -> bool:
        return self.operation is Operation.CREATE


def goes_before(older: OutboxItem, item: OutboxItem) -> bool:
    """Whether `older` must be sent before `item` (see `_FIRST_OF_ITS_TICKET`)."""
    return bool(item.ticket_id) and older.ticket_id == item.ticket_id and older.id < item.id


class OutboxCorrupt(Exception):
    """The outbox file turned out to be damaged while the app was using it. It was moved to
    `moved_to`; the next call starts a new, empty outbox."""

    def __init__(self, message: str, *, moved_to: Path) -> None:
        super().__init__(message)
        self.message = message
        self.moved_to = moved_to


# --- Schema ----------------------------------------------------------------------------------

_SCHEMA_V1: tuple[str, ...] = (
    """
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: the UI names items by id
        ticket_id TEXT NOT NULL,
        payload TEXT NOT NULL,                 -- gui.core.ticket.update_to_json
        state TEXT NOT NULL CHECK (state IN ('waiting', 'sending', 'needs_decision')),
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at REAL NOT NULL,
        next_try REAL,
        last_error TEXT NOT NULL DEFAULT ''
    )
    """,
    "CREATE INDEX outbox_by_ticket ON outbox (ticket_id, id)",
    """
    CREATE TABLE history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at REAL NOT NULL,
        ticket_id TEXT NOT NULL,
        fields TEXT NOT NULL,                  -- JSON [[name, value], ...] as sent
        outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'failed', 'refused', 'discarded')),
        status INTEGER,
        message TEXT NOT NULL,
        search TEXT NOT NULL                   -- casefolded id, message and values, for filtering
    )
    """,
    "CREATE INDEX history_by_ticket ON history (ticket_id, id)",
    """
    CREATE TABLE contacts (
        type TEXT NOT NULL,
        contact TEXT NOT NULL,
        seq INTEGER NOT NULL,                  -- higher is more recent
        PRIMARY KEY (type, contact)
    )
    """,
    "CREATE INDEX contacts_by_recency ON contacts (type, seq)",
)

#: Version 2: new tickets. Their outbox rows have ticket_id '' (the server gives the id), and
#: their history rows say they created the ticket.
#: And the process sending an item marks it (gui.core.liveness), so that a second process
#: (the window and the command line share the outbox) never takes it for abandoned.
_SCHEMA_V2: tuple[str, ...] = (
    "ALTER TABLE history ADD COLUMN operation TEXT NOT NULL DEFAULT 'update'",
    "ALTER TABLE outbox ADD COLUMN claimed_by TEXT NOT NULL DEFAULT ''",
)

#: Step i brings a database from ``user_version`` i to i + 1.
_MIGRATIONS: tuple[tuple[str, ...], ...] = (_SCHEMA_V1, _SCHEMA_V2)
SCHEMA_VERSION = len(_MIGRATIONS)

#: SQL for "no older item of its ticket is in the outbox" (the item is aliased ``item``): updates
#: to one ticket go out in order. A new ticket has no id yet (''), so nothing goes before it.
#: `goes_before` says the same for items in hand.
_FIRST_OF_ITS_TICKET = (
    "(item.ticket_id = '' OR NOT EXISTS ("
    " SELECT 1 FROM outbox AS older"
    " WHERE older.ticket_id = item.ticket_id AND older.id < item.id))"
)
_OPERATIONS = frozenset(operation.value for operation in Operation)
_ITEM_COLUMNS = "id, payload, state, attempts, created_at, next_try, last_error"


class _Slot:
    """One thread's connection. When the thread ends, its `threading.local` data goes, and the
    finalizer closes the connection; `close_all` calls the finalizers of every thread."""

    __slots__ = ("__weakref__", "connection", "finalizer", "generation")

    def __init__(self, connection: sqlite3.Connection, generation: int) -> None:
        self.connection = connection
        self.generation = generation
        self.finalizer = weakref.finalize(self, _close_quietly, connection)


def _close_quietly(connection: sqlite3.Connection) -> None:
    with contextlib.suppress(sqlite3.Error):
        connection.close()


class OutboxStore:
    """The outbox, its history and the remembered contacts, in one SQLite file at `path`.

    Safe to use from several threads: each thread gets its own connection (a `threading.local`),
    opened at its first call. The first connection of the store checks the file
    (``PRAGMA quick_check``); a file that is not a database or fails the check is renamed
    ``<name>.corrupt-<UTC timestamp>`` (with its ``-wal`` and ``-shm``), a new one is created,
    and `moved_aside` says where the old one went: that first call raises nothing.

    Connections are opened with ``check_same_thread=False`` only so that `close_all` can close
    other threads' connections at shutdown (sqlite3 refuses even ``close()`` from another thread
    otherwise). The store itself never lets a thread use another thread's connection.

    Errors: `sqlite3.Error` or `OSError` when the file cannot be written (disk full, read-only
    folder), `OutboxCorrupt` when the file is found damaged after it was opened.
    """

    def __init__(self, path: Path, *, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self.moved_aside: Path | None = None
        self._clock = clock
        self._local = threading.local()
        self._lock = threading.Lock()  # guards everything below and opening connections
        self._finalizers: set[weakref.finalize[Any, Any]] = set()
        self._generation = 0  # bumped by close_all: older connections are closed
        self._checked = False  # the file was checked by this store's first connection
        # Held while this process may have items SENDING; see gui.core.liveness.
        self._life_mark = LifeMark(self._claims_folder())

    # --- The queue ---------------------------------------------------------------------------

    def add(self, update: TicketUpdate) -> OutboxItem:
        """Store `update` as WAITING, due now; durable when this returns."""
        payload = update_to_json(update)
        now = self._clock()
        with self._guarded(), self._writing() as connection:
            cursor = connection.execute(
                "INSERT INTO outbox (ticket_id, payload, state, attempts, created_at, next_try)"
                " VALUES (?, ?, 'waiting', 0, ?, ?)",
                (update.ticket_id, payload, now, now),
            )
            item_id = cursor.lastrowid
        assert item_id is not None  # nosec B101
        return OutboxItem(item_id, update, ItemState.WAITING, 0, now, now, "")

    def items(self) -> list[OutboxItem]:
        """Every item, oldest first."""
        with self._guarded():
            rows = self._connection().execute(
                "SELECT id, payload, state, attempts, created_at, next_try, last_error"
                " FROM outbox ORDER BY id"
            )
            return [_item(row) for row in rows]

    def waiting_count(self) -> int:
        """How many items the outbox holds, in any state."""
        with self._guarded():
            row = self._connection().execute("SELECT count(*) FROM outbox").fetchone()
            return int(row[0])

    def get(self, item_id: int) -> OutboxItem | None:
        with self._guarded():
            row = (
                self._connection()
                .execute(
                    "SELECT id, payload, state, attempts, created_at, next_try, last_error"
                    " FROM outbox WHERE id = ?",
                    (item_id,),
                )
                .fetchone()
            )
            return _item(row) if row is not None else None

    def claim_next(self) -> OutboxItem | None:
        """Take the oldest due item for sending: it becomes SENDING and counts one more attempt.

        Only an item with no older item for its ticket (in any state) can go, so updates to one
        ticket go out in order, and one that needs a decision holds back the later ones.
        """
        now = self._clock()
        with self._guarded(), self._writing() as connection:
            claimer = self._life_mark.acquire()
            # The fragment is a constant of this module; values go in as parameters.
            row = connection.execute(
                "SELECT id, payload, state, attempts, created_at, next_try, last_error"  # nosec B608
                " FROM outbox AS item"
                f" WHERE state = 'waiting' AND next_try <= ? AND {_FIRST_OF_ITS_TICKET}"
                " ORDER BY id LIMIT 1",
                (now,),
            ).fetchone()
            if row is None:
                return None
            connection.execute(
                "UPDATE outbox SET state = 'sending', attempts = attempts + 1, next_try = NULL,"
                " claimed_by = ? WHERE id = ?",
                (claimer, row[0]),
            )
        claimed = _item(row)
        return OutboxItem(
            claimed.id,
            claimed.update,
            ItemState.SENDING,
            claimed.attempts + 1,
            claimed.created_at,
            None,
            claimed.last_error,
        )

    def next_due(self) -> float | None:
        """When the next item falls due (it may be in the past); None if nothing waits to go
        out by itself (items held back by an older item of their ticket do not count)."""
        with self._guarded():
            row = (
                self._connection()
                .execute(
                    "SELECT min(next_try) FROM outbox AS item"  # nosec B608 - a constant fragment
                    f" WHERE state = 'waiting' AND {_FIRST_OF_ITS_TICKET}"
                )
                .fetchone()
            )
            return float(row[0]) if row[0] is not None else None

    def complete(
        self, item_id: int, *, status: int, message: str = "", created_id: str = ""
    ) -> None:
        """The server confirmed the item: remove it, record "sent" (with the id the server gave
        a new ticket, if it said)."""
        self._finish(item_id, "sent", status, message, created_id=created_id)

    def reschedule(
        self, item_id: int, *, delay: float, error: str, status: int | None = None
    ) -> None:
        """The attempt failed and the item goes out again by itself in `delay` seconds."""
        now = self._clock()
        self._change(
            item_id,
            "UPDATE outbox SET state = 'waiting', next_try = ?, last_error = ? WHERE id = ?",
            (now + delay, to_json(error), item_id),
            status,
            error,
        )

    def hold(self, item_id: int, *, error: str, status: int | None = None) -> None:
        """The attempt failed and the item waits for the user's decision."""
        self._change(
            item_id,
            "UPDATE outbox SET state = 'needs_decision', next_try = NULL, last_error = ?"
            " WHERE id = ?",
            (to_json(error), item_id),
            status,
            error,
        )

    def refuse(self, item_id: int, *, error: str, status: int | None) -> None:
        """The server refused the values: remove the item (it goes back to the form)."""
        self._finish(item_id, "refused", status, error)

    def retry_now(self, item_id: int) -> None:
        """Make a WAITING or NEEDS_DECISION item due now (Retry now, Resend); attempts stay.
        An item being sent is left alone: it must not go out twice at once."""
        now = self._clock()
        with self._guarded(), self._writing() as connection:
            connection.execute(
                "UPDATE outbox SET state = 'waiting', next_try = ?"
                " WHERE id = ? AND state IN ('waiting', 'needs_decision')",
                (now, item_id),
            )

    def discard(self, item_id: int) -> None:
        """The user gave the item up: remove it, record "discarded"."""
        self._finish(item_id, "discarded", None, "")

    def recover(self) -> list[OutboxItem]:
        """Call at start-up: settle the items a process that died mid-request left SENDING.

        Items another running process is sending (the window, or the command line) are left
        to it: their claimer's life mark is still locked (gui.core.liveness).

        They may have reached the server. An update with notify off waits to go out again now (a
        PUT is idempotent); one with notify on, and a new ticket, wait for the user's decision.
        Returns the items as changed.
        """
        now = self._clock()
        changed: list[OutboxItem] = []
        with self._guarded(), self._writing() as connection:
            rows = connection.execute(
                "SELECT id, payload, state, attempts, created_at, next_try, last_error, claimed_by"
                " FROM outbox WHERE state = 'sending' ORDER BY id"
            ).fetchall()
            folder = self._claims_folder()
            for row in rows:
                if is_alive(folder, row[7]):
                    continue  # a live process is sending it right now
                item = _item(row[:7])
                if not item.update.resend_is_safe:
                    state, next_try, error = (
                        ItemState.NEEDS_DECISION,
                        None,
                        STOPPED_MAY_HAVE_ARRIVED,
                    )
                else:
                    state, next_try, error = ItemState.WAITING, now, STOPPED_RESENDING
                connection.execute(
                    "UPDATE outbox SET state = ?, next_try = ?, last_error = ? WHERE id = ?",
                    (state.value, next_try, to_json(error), item.id),
                )
                _record(connection, now, item.update, "failed", None, error)
                changed.append(
                    OutboxItem(
                        item.id, item.update, state, item.attempts, item.created_at, next_try, error
                    )
                )
        return changed

    # --- History and contacts ----------------------------------------------------------------

    def history(
        self, *, ticket_id: str = "", text: str = "", limit: int = 200
    ) -> list[HistoryEntry]:
        """Attempts, newest first: for one ticket id (exact) when given, and containing `text`
        (any case) in the ticket id, the message or a sent value when given."""
        needle = text.strip().casefold()
        with self._guarded():
            rows = self._connection().execute(
                "SELECT id, at, ticket_id, fields, outcome, status, message, operation"
                " FROM history"
                " WHERE (? = '' OR ticket_id = ?) AND (? = '' OR instr(search, ?) > 0)"
                " ORDER BY id DESC LIMIT ?",
                (ticket_id, ticket_id, needle, needle, max(0, limit)),
            )
            return [
                HistoryEntry(
                    id=row[0],
                    at=row[1],
                    ticket_id=row[2],
                    fields=tuple((str(name), str(value)) for name, value in json.loads(row[3])),
                    outcome=row[4],
                    status=row[5],
                    message=from_json(row[6]),
                    operation=Operation(row[7]) if row[7] in _OPERATIONS else Operation.UPDATE,
                )
                for row in rows
            ]

    def remember_contacts(self, contact_type: ContactType, contacts: Iterable[str]) -> None:
        """Remember `contacts` as the most recently used of their type (the first one first)."""
        unique = list(dict.fromkeys(contact.strip() for contact in contacts if contact.strip()))
        if not unique:
            return
        kind = ContactType(contact_type).value
        with self._guarded(), self._writing() as connection:
            (top,) = connection.execute("SELECT coalesce(max(seq), 0) FROM contacts").fetchone()
            for offset, contact in enumerate(reversed(unique), start=1):
                connection.execute(
                    "INSERT INTO contacts (type, contact, seq) VALUES (?, ?, ?)"
                    " ON CONFLICT (type, contact) DO UPDATE SET seq = excluded.seq",
                    (kind, contact, top + offset),
                )
            connection.execute(
                "DELETE FROM contacts WHERE type = ? AND seq NOT IN"
                " (SELECT seq FROM contacts WHERE type = ? ORDER BY seq DESC LIMIT ?)",
                (kind, kind, MAX_CONTACTS),
            )

    def contacts(self, contact_type: ContactType, *, limit: int = 50) -> list[str]:
        """Contacts of `contact_type` used before, most recent first."""
        with self._guarded():
            rows = self._connection().execute(
                "SELECT contact FROM contacts WHERE type = ? ORDER BY seq DESC LIMIT ?",
                (ContactType(contact_type).value, max(0, limit)),
            )
            return [str(row[0]) for row in rows]

    # --- Connections -------------------------------------------------------------------------

    def close(self) -> None:
        """Close the calling thread's connection (the next call from it opens a new one)."""
        slot: _Slot | None = getattr(self._local, "slot", None)
        if slot is not None:
            del self._local.slot
            slot.finalizer()

    def close_all(self) -> None:
        """Close every connection this store opened, in every thread. Call it at shutdown, once
        the threads that use the store have stopped; a later call opens a new connection.

        An item still SENDING then counts as abandoned: the next `recover` settles it."""
        with self._lock:
            self._close_all_locked()
            self._life_mark.release()
        with contextlib.suppress(AttributeError):
            del self._local.slot

    def _close_all_locked(self) -> None:
        self._generation += 1
        finalizers, self._finalizers = self._finalizers, set()
        for finalizer in finalizers:
            finalizer()

    def _claims_folder(self) -> Path:
        return self.path.with_name(self.path.name + ".claims")

    def _connection(self) -> sqlite3.Connection:
        slot: _Slot | None = getattr(self._local, "slot", None)
        if slot is not None and slot.finalizer.alive and slot.generation == self._generation:
            return slot.connection
        return self._open()

    def _open(self) -> sqlite3.Connection:
        with self._lock:
            old: _Slot | None = getattr(self._local, "slot", None)
            if old is not None:
                del self._local.slot
                old.finalizer()
            if not self._checked:
                self._check_file()
                self._checked = True
            connection = self._connect()
            slot = _Slot(connection, self._generation)
            self._finalizers = {f for f in self._finalizers if f.alive}
            self._finalizers.add(slot.finalizer)
            self._local.slot = slot
            return connection

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(
            self.path,
            timeout=BUSY_TIMEOUT,
            isolation_level=None,  # transactions are explicit: BEGIN IMMEDIATE … COMMIT
            check_same_thread=False,  # see the class docstring; one thread per connection
        )
        try:
            connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
            self._refuse_newer(connection)  # before anything changes the file
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = FULL")
            self._migrate(connection)
        except BaseException:
            connection.close()
            raise
        return connection

    def _migrate(self, connection: sqlite3.Connection) -> None:
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        if version == SCHEMA_VERSION:
            return
        with _transaction(connection):
            # Read again under the write lock: another connection may have migrated meanwhile.
            version = self._refuse_newer(connection)
            for step in range(version, SCHEMA_VERSION):
                for statement in _MIGRATIONS[step]:
                    connection.execute(statement)
                log.info("outbox schema migrated from version %d to %d", step, step + 1)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _refuse_newer(self, connection: sqlite3.Connection) -> int:
        """The file's schema version; `sqlite3.DatabaseError` if a newer app wrote it (its data
        is left as it is: this app would not understand it, nor should it throw it away)."""
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        if version > SCHEMA_VERSION:
            raise sqlite3.DatabaseError(
                QT_TRANSLATE_NOOP(
                    "outbox",
                    "The outbox {path} was written by a newer version of the app "
                    "(schema {version}; this app knows {known}).",
                ).format(path=str(self.path), version=version, known=SCHEMA_VERSION)
            )
        return int(version)

    def _check_file(self) -> None:
        """Move the file aside if it is not a healthy SQLite database (before anything opens
        it for good)."""
        if not self.path.exists():
            return
        problem = _header_problem(self.path)
        if problem is not None:  # moved before SQLite sees it: it would delete the -wal file
            self.moved_aside = self._move_aside()
            log.warning("the outbox was damaged (%s); moved to %s", problem, self.moved_aside)
            return
        try:
            probe = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT)
            try:
                result = probe.execute("PRAGMA quick_check").fetchall()
            finally:
                probe.close()
        except sqlite3.DatabaseError as error:
            if not _is_corrupt(error):
                raise
            problem = str(error)
        else:
            if result == [("ok",)]:
                return
            problem = "; ".join(str(row[0]) for row in result[:5])
        self.moved_aside = self._move_aside()
        log.warning("the outbox was damaged (%s); moved to %s", problem, self.moved_aside)

    def _move_aside(self) -> Path:
        target = aside_path(self.path)
        os.replace(self.path, target)
        for suffix in ("-wal", "-shm", "-journal"):
            companion = self.path.with_name(self.path.name + suffix)
            if companion.exists():
                os.replace(companion, target.with_name(target.name + suffix))
        fsync_folder(self.path.parent)
        return target

    @contextlib.contextmanager
    def _guarded(self) -> Iterator[None]:
        """Turn SQLite's "this file is damaged" into `OutboxCorrupt`, after moving it aside."""
        generation = self._generation
        try:
            yield
        except sqlite3.DatabaseError as error:
            if not _is_corrupt(error):
                raise
            with self._lock:
                if generation != self._generation:
                    moved = self.moved_aside  # another thread handled it already
                else:
                    self._close_all_locked()
                    moved = self._move_aside()
                    self.moved_aside = moved
                    log.warning("the outbox was damaged (%s); moved to %s", error, moved)
            if moved is None:  # close_all ran meanwhile; nothing was moved
                raise
            raise OutboxCorrupt(
                QT_TRANSLATE_NOOP(
                    "outbox",
                    "The outbox file was damaged. It was kept as {name}, and a new, empty "
                    "outbox was started.",
                ).format(name=moved.name),
                moved_to=moved,
            ) from error

    @contextlib.contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        connection = self._connection()
        with _transaction(connection):
            yield connection

    def _finish(
        self, item_id: int, outcome: str, status: int | None, message: str, *, created_id: str = ""
    ) -> None:
        """Remove the item and record `outcome`; nothing if it is gone already."""
        now = self._clock()
        with self._guarded(), self._writing() as connection:
            row = connection.execute(
                "SELECT payload FROM outbox WHERE id = ?", (item_id,)
            ).fetchone()
            if row is None:
                return
            connection.execute("DELETE FROM outbox WHERE id = ?", (item_id,))
            update = update_from_json(row[0])
            if created_id and update.creates:
                update = dataclasses.replace(update, ticket_id=created_id)
            _record(connection, now, update, outcome, status, message)

    def _change(
        self,
        item_id: int,
        statement: str,
        parameters: tuple[object, ...],
        status: int | None,
        error: str,
    ) -> None:
        """Update the item and record a failed attempt; nothing if it is gone already."""
        now = self._clock()
        with self._guarded(), self._writing() as connection:
            row = connection.execute(
                "SELECT payload FROM outbox WHERE id = ?", (item_id,)
            ).fetchone()
            if row is None:
                return
            connection.execute(statement, parameters)
            _record(connection, now, update_from_json(row[0]), "failed", status, error)


@contextlib.contextmanager
def _transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """``BEGIN IMMEDIATE`` (take the write lock first, so two writers never deadlock) …
    ``COMMIT``, or ``ROLLBACK`` on any error."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                connection.execute("ROLLBACK")
        raise


def _record(
    connection: sqlite3.Connection,
    at: float,
    update: TicketUpdate,
    outcome: str,
    status: int | None,
    message: str,
) -> None:
    pairs = encode_pairs(update)
    search = "\x1f".join([update.ticket_id, message, *(value for _, value in pairs)]).casefold()
    connection.execute(
        "INSERT INTO history (at, ticket_id, fields, outcome, status, message, search, operation)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            at,
            update.ticket_id,
            json.dumps(pairs),
            outcome,
            status,
            to_json(message),
            search,
            update.operation.value,
        ),
    )


def _item(row: tuple[Any, ...]) -> OutboxItem:
    item_id, payload, state, attempts, created_at, next_try, last_error = row
    return OutboxItem(
        id=item_id,
        update=update_from_json(payload),
        state=ItemState(state),
        attempts=attempts,
        created_at=created_at,
        next_try=next_try,
        last_error=from_json(last_error),
    )


def _header_problem(path: Path) -> str | None:
    """Why the file cannot be an SQLite database by its first bytes; None if it may be one."""
    with open(path, "rb") as file:
        header = file.read(100)
    if not header:
        return None  # an empty file is an empty database
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return "not an SQLite database"
    return None


def _is_corrupt(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(error).lower()
    return "malformed" in text or "not a database" in text
