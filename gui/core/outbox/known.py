"""Known tickets: per destination (API base and account) and ticket, the last state Particle
Space confirmed, as functions on a connection (the caller holds the transaction; see
`gui.core.outbox.store`).

A ticket's state is what the last update or creation that the server answered with 2xx sent:
its title, description and status, each replaced by what the server echoed back when the echo
holds it (`gui.core.api_contract.confirmed_state`). The window fills a known ticket in when the
user switches to it, and says what an update will change against it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any, NamedTuple

from gui.core.api_contract import confirmed_state
from gui.core.destination import Destination
from gui.core.ticket import Operation, TicketUpdate

_OPERATIONS = frozenset(operation.value for operation in Operation)
#: The columns `_known` reads, in its order. Queries put it in with an f-string (bandit's B608
#: then asks to look): only this constant, never a value, which go in as parameters.
_COLUMNS = "ticket_id, title, description, status, at, operation"


class KnownTicket(NamedTuple):
    """The last state of a ticket that Particle Space confirmed, and when (epoch seconds)."""

    ticket_id: str
    title: str
    description: str
    status: str
    at: float
    operation: Operation  # what confirmed it: an update, or the ticket's creation


def record(
    connection: sqlite3.Connection,
    destination: Destination,
    ticket_id: str,
    update: TicketUpdate,
    *,
    echoed: Mapping[str, object] | None,
    at: float,
) -> None:
    """Remember ticket `ticket_id` at `destination` as `update` (and `echoed`) left it at `at`."""
    title, description, status = confirmed_state(
        update.title, update.description, update.status, echoed
    )
    connection.execute(
        "INSERT INTO known_tickets"
        " (api_base, account, ticket_id, title, description, status, at, operation)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (api_base, account, ticket_id) DO UPDATE SET"
        " title = excluded.title, description = excluded.description,"
        " status = excluded.status, at = excluded.at, operation = excluded.operation",
        (
            destination.api_base,
            destination.account,
            ticket_id,
            title,
            description,
            status,
            at,
            update.operation.value,
        ),
    )


def get(
    connection: sqlite3.Connection, destination: Destination, ticket_id: str
) -> KnownTicket | None:
    row = connection.execute(
        f"SELECT {_COLUMNS} FROM known_tickets"  # nosec B608
        " WHERE api_base = ? AND account = ? AND ticket_id = ?",
        (destination.api_base, destination.account, ticket_id),
    ).fetchone()
    return _known(row) if row is not None else None


def recent(
    connection: sqlite3.Connection, destination: Destination, *, limit: int
) -> list[KnownTicket]:
    """The known tickets of `destination`, most recently confirmed first."""
    rows = connection.execute(
        f"SELECT {_COLUMNS} FROM known_tickets"  # nosec B608
        " WHERE api_base = ? AND account = ? ORDER BY at DESC, rowid DESC LIMIT ?",
        (destination.api_base, destination.account, max(0, limit)),
    )
    return [_known(row) for row in rows]


def statuses(connection: sqlite3.Connection, destination: Destination) -> list[str]:
    """The statuses the known tickets of `destination` have (what the server accepted or
    echoed), the most recently confirmed first, each once (case kept: GROUP BY compares
    exactly)."""
    rows = connection.execute(
        "SELECT status FROM known_tickets WHERE api_base = ? AND account = ? AND status != ''"
        " GROUP BY status ORDER BY max(at) DESC, max(rowid) DESC",
        (destination.api_base, destination.account),
    )
    return [str(row[0]) for row in rows]


def _known(row: tuple[Any, ...]) -> KnownTicket:
    ticket_id, title, description, status, at, operation = row
    return KnownTicket(
        ticket_id=ticket_id,
        title=title,
        description=description,
        status=status,
        at=at,
        operation=Operation(operation) if operation in _OPERATIONS else Operation.UPDATE,
    )
