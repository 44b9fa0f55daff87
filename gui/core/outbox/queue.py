"""The outbox's queue: the items and their states, and the SQL that moves an item from one state
to the next, as functions on a connection (the caller holds the transaction; see
`gui.core.outbox.store`).

An item's `last_error` is stored with `gui.core.messages.to_json`, so a `Message` comes back as
one (the panels show it in the user's language); rows written as plain text read back as that
text. These functions touch the ``outbox`` table only: the store records each attempt in the
history (`gui.core.outbox.history`) in the same transaction.
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


def goes_before(older: OutboxItem, item: OutboxItem) -> bool:
    """Whether `older` must be sent before `item` (see `_FIRST_OF_ITS_TICKET`)."""
    return (
        bool(item.ticket_id)
        and older.ticket_id == item.ticket_id
        and older.id < item.id
        and older.destination in (None, item.destination)
    )


#: SQL for "no older item of its ticket is in the outbox" (the item is aliased ``item``): updates
#: to one ticket go out in order. A new ticket has no id yet (''), so nothing goes before it.
#: A ticket of another server or account is another ticket; an older item that recorded no
#: destination (0.1.0's) may be for this one, so it holds the later ones back until decided.
#: `goes_before` says the same for items in hand.
_OLDER_OF_ITS_TICKET = (
    "older.ticket_id = item.ticket_id AND older.id < item.id AND (older.api_base = '' OR"
    " (older.api_base = item.api_base AND older.account = item.account))"
)
_FIRST_OF_ITS_TICKET = (
    "(item.ticket_id = '' OR NOT EXISTS ("  # nosec B608 - constant fragments
    f" SELECT 1 FROM outbox AS older WHERE {_OLDER_OF_ITS_TICKET}))"
)
#: SQL for the id of the nearest of those older items, NULL if there is none.
_NEAREST_OLDER = (
    "CASE WHEN item.ticket_id = '' THEN NULL ELSE ("  # nosec B608 - constant fragments
    f" SELECT max(older.id) FROM outbox AS older WHERE {_OLDER_OF_ITS_TICKET}) END"
)
#: SQL for "the item is for this destination" (parameters: the API base, the account).
_FOR_DESTINATION = "item.api_base = ? AND item.account = ?"
#: SQL for "the item is of batch ? or an older item of a ticket batch ? updates" (parameters:
#: the batch twice): what a command sends, its own items and those that must go before them.
_OF_BATCH = (
    "(item.batch = ? OR (item.ticket_id != '' AND EXISTS ("
    " SELECT 1 FROM outbox AS ours"
    " WHERE ours.batch = ? AND ours.ticket_id = item.ticket_id AND ours.id > item.id)))"
)


#: The columns `_item` reads, in its order. Queries put it in with an f-string (bandit's B608
#: then asks to look): only this constant, never a value, which go in as parameters.
_COLUMNS = (
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
        f"SELECT {_COLUMNS} FROM outbox WHERE batch = ? ORDER BY id",  # nosec B608
        (batch,),
    )
    return [_item(row) for row in rows]


def batch_source(connection: sqlite3.Connection, batch: int) -> str | None:
    """Where `batch` came from (a file's name, or ''); None if there is no such batch."""
    row = connection.execute("SELECT source FROM batches WHERE id = ?", (batch,)).fetchone()
    return str(row[0]) if row is not None else None


def items(connection: sqlite3.Connection) -> list[OutboxItem]:
    """Every item, oldest first."""
    rows = connection.execute(f"SELECT {_COLUMNS} FROM outbox ORDER BY id")  # nosec B608
    return [_item(row) for row in rows]


def count(connection: sqlite3.Connection) -> int:
    """How many items the outbox holds, in any state."""
    row = connection.execute("SELECT count(*) FROM outbox").fetchone()
    return int(row[0])


def get(connection: sqlite3.Connection, item_id: int) -> OutboxItem | None:
    row = connection.execute(
        f"SELECT {_COLUMNS} FROM outbox WHERE id = ?",  # nosec B608
        (item_id,),
    ).fetchone()
    return _item(row) if row is not None else None


def claim_group(
    connection: sqlite3.Connection,
    destination: Destination,
    *,
    now: float,
    claimer: str,
    up_to: int,
    batch: int | None = None,
    whatever_backoff: bool = False,
) -> list[OutboxItem]:
    """Take up to `up_to` items for `destination` due at `now` for sending, oldest first, in
    the name of `claimer` (its life mark, `gui.core.liveness`): each becomes SENDING and counts
    one more attempt. With `batch`, only items of that batch or ones that must go before one of
    them. With `whatever_backoff` (the user asked to send now), any waiting item whose server
    did not ask to wait beyond `now` (`not_before`) is due, however long its backoff still runs.

    Never an item made for another API base or account. Only an item whose older items of its
    ticket (in any state) are all gone, or in the group before it, can go: updates to one
    ticket go out in order, and one that needs a decision holds back the later ones.

    The group is the oldest due item alone when sending it twice would notify somebody or
    create a ticket (`TicketUpdate.resend_is_safe`), else it and the due items after it as safe
    to send twice, up to the first that is not: should the app die before it records their
    answers, the next start sends each again, in order, which changes nothing for these
    (`settle_abandoned`). Its sender stops sending a ticket's items at the first that fails.
    """
    # The fragments are constants of this module; values go in as parameters.
    due = "(not_before IS NULL OR not_before <= ?)" if whatever_backoff else "next_try <= ?"
    waiting = f"state = 'waiting' AND {due} AND {_FOR_DESTINATION}"
    of_batch, batch_parameters = (
        ("", ()) if batch is None else (f" AND {_OF_BATCH}", (batch, batch))
    )
    first = connection.execute(
        f"SELECT {_COLUMNS} FROM outbox AS item"  # nosec B608
        f" WHERE {waiting} AND {_FIRST_OF_ITS_TICKET}{of_batch} ORDER BY id LIMIT 1",
        (now, *destination, *batch_parameters),
    ).fetchone()
    group = [_item(first)] if first is not None else []
    if group and group[0].update.resend_is_safe and up_to > 1:
        # Only among the next few waiting items (a search of the whole outbox would cost more
        # than the commit it saves); each may join if its ticket's nearest older item is gone
        # or in the group (and so, in turn, all older ones).
        rows = connection.execute(
            f"SELECT {_NEAREST_OLDER}, {_COLUMNS} FROM (SELECT * FROM outbox AS item"  # nosec B608
            f" WHERE {waiting} AND id > ? ORDER BY id LIMIT ?) AS item"
            f" WHERE 1{of_batch} ORDER BY id",
            (now, *destination, group[0].id, 4 * up_to, *batch_parameters),
        ).fetchall()
        joined = {group[0].id}
        for row in rows:
            if row[0] is not None and row[0] not in joined:
                continue  # after an item of its ticket that is not going now
            item = _item(row[1:])
            if not item.update.resend_is_safe:
                break
            group.append(item)
            joined.add(item.id)
            if len(group) == up_to:
                break
    connection.executemany(
        "UPDATE outbox SET state = 'sending', attempts = attempts + 1, next_try = NULL,"
        " claimed_by = ? WHERE id = ?",
        [(claimer, item.id) for item in group],
    )
    sending = ItemState.SENDING
    return [
        dataclasses.replace(i, state=sending, attempts=i.attempts + 1, next_try=None) for i in group
    ]


def release(connection: sqlite3.Connection, item_id: int, *, now: float) -> None:
    """Undo `claim_group` for an item never sent: waiting, due at `now`, its attempt uncounted
    (an item no longer being sent is left alone)."""
    connection.execute(
        "UPDATE outbox SET state = 'waiting', attempts = max(attempts - 1, 0), next_try = ?,"
        " claimed_by = '' WHERE id = ? AND state = 'sending'",
        (now, item_id),
    )


def next_due(connection: sqlite3.Connection, destination: Destination) -> float | None:
    """When the next item for `destination` falls due (it may be in the past); None if nothing
    waits to go out by itself (items held back by an older item of their ticket do not
    count)."""
    row = connection.execute(
        "SELECT min(next_try) FROM outbox AS item"  # nosec B608 - constant fragments
        f" WHERE state = 'waiting' AND {_FOR_DESTINATION} AND {_FIRST_OF_ITS_TICKET}",
        tuple(destination),
    ).fetchone()
    return float(row[0]) if row[0] is not None else None


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
        f"SELECT {_COLUMNS} FROM outbox"  # nosec B608
        " WHERE state = 'waiting' AND api_base = '' ORDER BY id"
    ).fetchall()
    changed = []
    for row in rows:
        item = _item(row)
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
        f"SELECT claimed_by, {_COLUMNS} FROM outbox"  # nosec B608
        " WHERE state = 'sending' ORDER BY id"
    ).fetchall()
    for row in rows:
        if is_alive(claims, row[0]):
            continue  # a live process is sending it right now
        item = _item(row[1:])
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
        f"SELECT {_COLUMNS} FROM outbox"  # nosec B608
        " WHERE ticket_id = ? AND digest IN (?, '')"
        " AND (api_base = '' OR (api_base = ? AND account = ?))"
        " ORDER BY id DESC",
        (update.ticket_id, pairs_digest(pairs), destination.api_base, destination.account),
    ).fetchall()
    found = []
    for row in rows:
        item = _item(row)
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
        f"SELECT {_COLUMNS} FROM outbox WHERE id = ?",  # nosec B608
        (item_id,),
    ).fetchone()
    if row is None:
        return None
    connection.execute(statement, parameters)
    return _item(row)


def _destination(api_base: str, account: str) -> Destination | None:
    return Destination(api_base, account) if api_base else None


@functools.lru_cache(maxsize=2048)
def _update_of(payload: str) -> TicketUpdate:
    """The update stored as `payload`: read once, since a batch's drain lists the whole outbox
    every quarter of a second for the panel, and reading 500 updates again each time held the
    GIL long enough to pause the window (`bench/batch.py`). A `TicketUpdate` is immutable."""
    return update_from_json(payload)


def _item(row: tuple[Any, ...]) -> OutboxItem:
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
