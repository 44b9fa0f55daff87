"""Repeats: an update identical to one still in the outbox, or to one sent with success a short
while ago, to the same destination. Sending it again would text the same people twice, or create
a second ticket, so the window asks first and the command line wants ``--again``.

Identical means the same operation, for an update the same ticket id, and the same wire pairs
(`gui.core.wire.encode_pairs`): the same values, the notification's included. A new ticket's
history entry carries the id the server gave it, so for a creation only the pairs count.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from gui.core.destination import Destination
from gui.core.fields import ContactType
from gui.core.outbox import history, queue
from gui.core.ticket import TicketUpdate


class Repeat(NamedTuple):
    """An update found identical to the one about to go (see the module's docstring)."""

    at: float  # when it was sent, or queued (epoch seconds)
    waiting: bool  # it is still in the outbox (in any state)
    ticket_id: str  # its ticket; for a creation the id it got ("" if none, or not sent yet)
    contact_type: ContactType | None  # how people were (or will be) told; None: nobody
    people: int  # how many contacts were told (0 without notification)
    creates: bool  # a new ticket, rather than an update
    outbox_id: int | None = None  # the outbox item, while it waits there


def find(
    connection: sqlite3.Connection,
    destination: Destination,
    update: TicketUpdate,
    *,
    now: float,
    within: float,
) -> Repeat | None:
    """The repeat of `update` at `destination`: the newest identical item still in the outbox,
    else the newest identical update sent with success within `within` seconds before `now`;
    None if there is neither."""
    notification = update.notification
    contact_type = notification.type if notification is not None else None
    people = len(notification.contacts) if notification is not None else 0
    waiting = queue.identical(connection, destination, update)
    if waiting:
        item = waiting[0]
        return Repeat(
            item.created_at,
            True,
            item.ticket_id,
            contact_type,
            people,
            update.creates,
            outbox_id=item.id,
        )
    sent = history.sent_identical(connection, destination, update, since=now - within)
    if sent is not None:
        return Repeat(sent.at, False, sent.ticket_id, contact_type, people, update.creates)
    return None
