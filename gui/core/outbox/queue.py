"""The outbox's queue: the items and their states, and the SQL that moves an item from one state
to the next, as functions on a connection (the caller holds the transaction; see
`gui.core.outbox.store`).

An item's `last_error` is stored with `gui.core.messages.to_json`, so a `Message` comes back as
one (the panels show it in the user's language); rows written as plain text read back as that
text. These functions touch the ``outbox`` table only: the store records each attempt in the
history (`gui.core.outbox.history`) in the same transaction. Which item's turn it is, and the
claim that takes it for sending, are in `gui.core.outbox.claims`.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gui.core.destination import Destination
from gui.core.liveness import is_alive
from gui.core.messages import QT_TRANSLATE_NOOP, from_json, to_json
from gui.core.ticket import TicketUpdate, update_from_json
from gui.core.wire import encode_pairs, pairs_digest

#: What `settle_abandoned` (`OutboxStore.recover`) writes on items that were being sent when the
#: app stopped.
STOPPED_MAY_HAVE_ARRIVED = QT_TRANSLATE_NOOP(
    "outbox", "The app stopped while this update was being sent; it may have arrived."
)
STOPPED_RESENDING = QT_TRANSLATE_NOOP(
    "outbox",
    "The app stopped while this update was being sent; it goes out again (no one is notified).",
)
#: What `hold_unbound` writes on items queued without the server and account they were for.
UNBOUND = QT_TRANSLATE_NOOP(
    "outbox",
    "Queued by an earlier version of the app, which did not record the server and account it "
    "was for: nothing sends it by itself.",
)


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
    #: Where it was made for (API base and account); None for 0.1.0's, never sent by themselves.
    destination: Destination | None = None
    #: The batch of the command that queued it (`schema.SCHEMA_V4`); None for the window's.
    batch: int | None = None
    #: The server's Retry-After, as epoch seconds (`schema.SCHEMA_V5`); None if it asked none.
    not_before: float | None = None

    @property
    def ticket_id(self) -> str:
        return self.update.ticket_id

    @property
    def notify(self) -> bool:
        return self.update.notify


#: The columns `_item` reads, in its order. Queries put it in with an f-string (bandit's B608
#: then asks to look): only this constant, never a value, which go in as parameters.
COLUMNS = (
    "id, payload, state, attempts, created_at, next_try, last_error, api_base, account, batch,"
    " not_before"
)


def add(
    connection: sqlite3.Connection,
    update: TicketUpdate,
    *,
    payload: str,
    digest: str,
    now: float,
    destination: Destination,
    batch: int | None = None,
) -> OutboxItem:
    """Store `update` as WAITING, due `now`, made for `destination` (in `batch`, if given).
    `payload` is `update_to_json(update)` and `digest` the `pairs_digest` of its wire pairs,
    which the caller encodes before its transaction (an update that cannot be stored then fails
    before the file is touched)."""
    api_base, account = destination
    cursor = connection.execute(
        "INSERT INTO outbox (ticket_id, payload, state, attempts, created_at, next_try,"
        " api_base, account, digest, batch) VALUES (?, ?, 'waiting', 0, ?, ?, ?, ?, ?, ?)",
        (update.ticket_id, payload, now, now, api_base, account, digest, batch),
    )
    item_id = cursor.lastrowid
    assert item_id is not None  # nosec B101
    return OutboxItem(
        item_id,
        update,
        ItemState.WAITING,
        0,
        now,
        now,
        "",
        _destination(api_base, account),
        batch,
    )


def new_batch(connection: sqlite3.Connection, *, source: str, now: float) -> int:
    """A new batch id (never reused), for the items one command queues from `source`."""
    cursor = connection.execute(
        "INSERT INTO batches (source, created_at) VALUES (?, ?)", (source, now)
    )
    batch = cursor.lastrowid
    assert batch is not None  # nosec B101
    return batch


def adopt(connection: sqlite3.Connection, item_ids: list[int], *, batch: int) -> None:
    """Move the WAITING items `item_ids` into `batch` (a command that queued exactly them again
    sends these instead of copies)."""
    connection.executemany(
        "UPDATE outbox SET batch = ? WHERE id = ? AND state = 'waiting'",
        [(batch, item_id) for item_id in item_ids],
    )


def of_batch(connection: sqlite3.Connection, batch: int) -> list[OutboxItem]:
    """The items of `batch`, oldest first."""
    rows = connection.execute(
        f"SELECT {COLUMNS} FROM outbox WHERE batch = ? ORDER BY id",  # nosec B608
        (batch,),
    )
    return [item_of(row) for row in rows]


def batch_source(connection: sqlite3.Connection, batch: int) -> str | None:
    """Where `batch` came from (a file's name, or ''); None if there is no such batch."""
    row = connection.execute("SELECT source FROM batches WHERE id = ?", (batch,)).fetchone()
    return str(row[0]) if row is not None else None


def items(connection: sqlite3.Connection) -> list[OutboxItem]:
    """Every item, oldest first."""
    rows = connection.execute(f"SELECT {COLUMNS} FROM outbox ORDER BY id")  # nosec B608
    return [item_of(row) for row in rows]


def count(connection: sqlite3.Connection) -> int:
    """How many items the outbox holds, in any state."""
    row = connection.execute("SELECT count(*) FROM outbox").fetchone()
    return int(row[0])


def get(connection: sqlite3.Connection, item_id: int) -> OutboxItem | None:
    row = connection.execute(
        f"SELECT {COLUMNS} FROM outbox WHERE id = ?",  # nosec B608
        (item_id,),
    ).fetchone()
    return item_of(row) if row is not None else None


def remove(
    connection: sqlite3.Connection, item_id: int, *, claimed: OutboxItem | None = None
) -> OutboxItem | None:
    """Remove the item: as it was (`claimed` when given, not read again), or None if gone."""
    if claimed is None:
        return _change(connection, item_id, "DELETE FROM outbox WHERE id = ?", (item_id,))
    gone = connection.execute("DELETE FROM outbox WHERE id = ?", (item_id,)).rowcount
    return claimed if gone else None


def reschedule(
    connection: sqlite3.Connection,
    item_id: int,
    *,
    next_try: float,
    error: str,
    not_before: float | None = None,
) -> OutboxItem | None:
    """Make the item WAITING again, due at `next_try`, not to be sent before `not_before` (the
    server's Retry-After, or None); the item as it was before, or None if it is gone."""
    return _change(
        connection,
        item_id,
        "UPDATE outbox SET state = 'waiting', next_try = ?, not_before = ?, last_error = ?"
        " WHERE id = ?",
        (next_try, not_before, to_json(error), item_id),
    )


def hold(connection: sqlite3.Connection, item_id: int, *, error: str) -> OutboxItem | None:
    """Make the item wait for the user's decision; the item as it was before, or None if it is
    gone."""
    return _change(
        connection,
        item_id,
        "UPDATE outbox SET state = 'needs_decision', next_try = NULL, not_before = NULL,"
        " last_error = ? WHERE id = ?",
        (to_json(error), item_id),
    )


def make_due(
    connection: sqlite3.Connection, item_id: int, *, now: float, destination: Destination
) -> bool:
    """Make a WAITING or NEEDS_DECISION item for `destination` due `now`; attempts stay. An item
    that recorded no destination (0.1.0's) is bound to `destination` first: the user chose to
    send it there. An item being sent is left alone (it must not go out twice at once), and so
    is one made for another destination. Whether the item was made due."""
    cursor = connection.execute(
        "UPDATE outbox SET state = 'waiting', next_try = ?, api_base = ?, account = ?"
        " WHERE id = ? AND state IN ('waiting', 'needs_decision')"
        " AND (api_base = '' OR (api_base = ? AND account = ?))",
        (now, *destination, item_id, *destination),
    )
    return cursor.rowcount > 0


def hold_unbound(connection: sqlite3.Connection) -> list[OutboxItem]:
    """Make the WAITING items that recorded no destination (0.1.0's) wait for a decision
    (`UNBOUND`): where they were meant to go is not known, so nothing sends them by itself.
    Returns them as changed."""
    rows = connection.execute(
        f"SELECT {COLUMNS} FROM outbox"  # nosec B608
        " WHERE state = 'waiting' AND api_base = '' ORDER BY id"
    ).fetchall()
    changed = []
    for row in rows:
        item = item_of(row)
        connection.execute(
            "UPDATE outbox SET state = 'needs_decision', next_try = NULL, last_error = ?"
            " WHERE id = ?",
            (to_json(UNBOUND), item.id),
        )
        changed.append(
            dataclasses.replace(
                item, state=ItemState.NEEDS_DECISION, next_try=None, last_error=UNBOUND
            )
        )
    return changed


def settle_abandoned(
    connection: sqlite3.Connection, *, now: float, claims: Path
) -> list[OutboxItem]:
    """Settle the items a process that died mid-request left SENDING; returns them as changed.

    Items another running process is sending (the window, or the command line) are left to it:
    their claimer's life mark in the folder `claims` is still locked (gui.core.liveness).

    They may have reached the server. An update with notify off waits to go out again `now` (a
    PUT is idempotent); one with notify on, and a new ticket, wait for the user's decision.
    """
    changed: list[OutboxItem] = []
    rows = connection.execute(
        f"SELECT claimed_by, {COLUMNS} FROM outbox"  # nosec B608
        " WHERE state = 'sending' ORDER BY id"
    ).fetchall()
    for row in rows:
        if is_alive(claims, row[0]):
            continue  # a live process is sending it right now
        item = item_of(row[1:])
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
        changed.append(dataclasses.replace(item, state=state, next_try=next_try, last_error=error))
    return changed


def identical(
    connection: sqlite3.Connection,
    destination: Destination,
    update: TicketUpdate,
) -> list[OutboxItem]:
    """The items, in any state, that are exactly `update` (the same operation, for an update
    the same ticket, the same wire pairs) for `destination`, newest first. Items queued without
    a destination count for every one: they go wherever the app sends.

    Items stored before digests existed ('') are compared by their pairs."""
    pairs = encode_pairs(update)
    rows = connection.execute(
        f"SELECT {COLUMNS} FROM outbox"  # nosec B608
        " WHERE ticket_id = ? AND digest IN (?, '')"
        " AND (api_base = '' OR (api_base = ? AND account = ?))"
        " ORDER BY id DESC",
        (update.ticket_id, pairs_digest(pairs), destination.api_base, destination.account),
    ).fetchall()
    found = []
    for row in rows:
        item = item_of(row)
        if item.update.operation is update.operation and encode_pairs(item.update) == pairs:
            found.append(item)
    return found


def _change(
    connection: sqlite3.Connection,
    item_id: int,
    statement: str,
    parameters: tuple[object, ...],
) -> OutboxItem | None:
    """Run `statement` on the item; the item as it was before, or None if it is gone already."""
    row = connection.execute(
        f"SELECT {COLUMNS} FROM outbox WHERE id = ?",  # nosec B608
        (item_id,),
    ).fetchone()
    if row is None:
        return None
    connection.execute(statement, parameters)
    return item_of(row)


def _destination(api_base: str, account: str) -> Destination | None:
    return Destination(api_base, account) if api_base else None


@functools.lru_cache(maxsize=2048)
def _update_of(payload: str) -> TicketUpdate:
    """The update stored as `payload`: read once, since a batch's drain lists the whole outbox
    every quarter of a second for the panel, and reading 500 updates again each time held the
    GIL long enough to pause the window (`bench/batch.py`). A `TicketUpdate` is immutable."""
    return update_from_json(payload)


def item_of(row: tuple[Any, ...]) -> OutboxItem:
    (
        item_id,
        payload,
        state,
        attempts,
        created_at,
        next_try,
        last_error,
        api_base,
        account,
        batch,
        not_before,
    ) = row
    return OutboxItem(
        id=item_id,
        update=_update_of(payload),
        state=ItemState(state),
        attempts=attempts,
        created_at=created_at,
        next_try=next_try,
        last_error=from_json(last_error),
        destination=_destination(api_base, account),
        batch=batch,
        not_before=not_before,
    )
