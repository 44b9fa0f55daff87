"""Whose turn it is: the order in which the outbox's items may go, and the claim that takes them
for sending, as functions on a connection (the caller holds the transaction; see
`gui.core.outbox.store`).

Updates to one ticket go out in order, one that needs a decision holds back the later ones, and an
item goes only where it was written for (its API base and account). Claiming a group at a time,
and giving back what was claimed but never sent, live here too: the rest of the items' life is
in `gui.core.outbox.queue`.
"""

from __future__ import annotations

import dataclasses
import sqlite3

from gui.core.destination import Destination
from gui.core.outbox.queue import COLUMNS, ItemState, OutboxItem, item_of


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
        f"SELECT {COLUMNS} FROM outbox AS item"  # nosec B608
        f" WHERE {waiting} AND {_FIRST_OF_ITS_TICKET}{of_batch} ORDER BY id LIMIT 1",
        (now, *destination, *batch_parameters),
    ).fetchone()
    group = [item_of(first)] if first is not None else []
    if group and group[0].update.resend_is_safe and up_to > 1:
        # Only among the next few waiting items (a search of the whole outbox would cost more
        # than the commit it saves); each may join if its ticket's nearest older item is gone
        # or in the group (and so, in turn, all older ones).
        rows = connection.execute(
            f"SELECT {_NEAREST_OLDER}, {COLUMNS} FROM (SELECT * FROM outbox AS item"  # nosec B608
            f" WHERE {waiting} AND id > ? ORDER BY id LIMIT ?) AS item"
            f" WHERE 1{of_batch} ORDER BY id",
            (now, *destination, group[0].id, 4 * up_to, *batch_parameters),
        ).fetchall()
        joined = {group[0].id}
        for row in rows:
            if row[0] is not None and row[0] not in joined:
                continue  # after an item of its ticket that is not going now
            item = item_of(row[1:])
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
