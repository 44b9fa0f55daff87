"""The outbox's history (every attempt to send an update, and how it ended) and the contacts
used before (for completion), as functions on a connection.

A history entry holds the form pairs as they went over the wire (`gui.core.wire.encode_pairs`),
never a token or a key. Its `message` is stored with `gui.core.messages.to_json`, so a `Message`
comes back as one; rows written as plain text read back as that text. The search column holds
the English text.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from gui.core.destination import Destination
from gui.core.fields import ContactType
from gui.core.messages import from_json, to_json
from gui.core.ticket import Operation, TicketUpdate
from gui.core.wire import encode_pairs, pairs_digest

#: How many contacts of each type are remembered for completion.
MAX_CONTACTS = 500

_OPERATIONS = frozenset(operation.value for operation in Operation)
#: The columns `_entry` reads, in its order. Queries put it in with an f-string (bandit's B608
#: then asks to look): only this constant, never a value, which go in as parameters.
_COLUMNS = "id, at, ticket_id, fields, outcome, status, message, operation, api_base, account"


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
    #: Where it was sent (or meant to go); None in entries written before schema 3 (0.1.0's).
    destination: Destination | None = None

    @property
    def created(self) -> bool:
        return self.operation is Operation.CREATE


def record(
    connection: sqlite3.Connection,
    at: float,
    update: TicketUpdate,
    outcome: str,
    status: int | None,
    message: str,
    destination: Destination | None = None,
) -> None:
    """Add an entry: `update` was sent (or given up) at `at` to `destination`, and ended in
    `outcome`."""
    pairs = encode_pairs(update)
    search = "\x1f".join([update.ticket_id, message, *(value for _, value in pairs)]).casefold()
    api_base, account = destination or ("", "")
    connection.execute(
        "INSERT INTO history (at, ticket_id, fields, outcome, status, message, search, operation,"
        " api_base, account, digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            at,
            update.ticket_id,
            json.dumps(pairs),
            outcome,
            status,
            to_json(message),
            search,
            update.operation.value,
            api_base,
            account,
            pairs_digest(pairs),
        ),
    )


def sent_identical(
    connection: sqlite3.Connection,
    destination: Destination,
    update: TicketUpdate,
    *,
    since: float,
) -> HistoryEntry | None:
    """The newest entry since `since` of `update` sent with success ("sent") to `destination`:
    the same operation, the same wire pairs and, for an update, the same ticket (a new ticket's
    entry carries the id it was given, so only its pairs count). Entries written without a
    destination count for every one, and those written before digests ('') are compared by
    their pairs."""
    pairs = encode_pairs(update)
    ticket_id = "" if update.creates else update.ticket_id
    rows = connection.execute(
        f"SELECT {_COLUMNS} FROM history"  # nosec B608
        " WHERE digest IN (?, '') AND at >= ? AND outcome = 'sent' AND operation = ?"
        " AND (? = '' OR ticket_id = ?)"
        " AND (api_base = '' OR (api_base = ? AND account = ?))"
        " ORDER BY at DESC, id DESC",
        (
            pairs_digest(pairs),
            since,
            update.operation.value,
            ticket_id,
            ticket_id,
            destination.api_base,
            destination.account,
        ),
    )
    wanted = [list(pair) for pair in pairs]
    for row in rows:
        if json.loads(row[3]) == wanted:
            return _entry(row)
    return None


def entries(
    connection: sqlite3.Connection, *, ticket_id: str, text: str, limit: int
) -> list[HistoryEntry]:
    """Entries, newest first: for one ticket id (exact) when given, and containing `text` (any
    case) in the ticket id, the message or a sent value when given."""
    needle = text.strip().casefold()
    rows = connection.execute(
        f"SELECT {_COLUMNS} FROM history"  # nosec B608
        " WHERE (? = '' OR ticket_id = ?) AND (? = '' OR instr(search, ?) > 0)"
        " ORDER BY id DESC LIMIT ?",
        (ticket_id, ticket_id, needle, needle, max(0, limit)),
    )
    return [_entry(row) for row in rows]


def _entry(row: tuple[Any, ...]) -> HistoryEntry:
    return HistoryEntry(
        id=row[0],
        at=row[1],
        ticket_id=row[2],
        fields=tuple((str(name), str(value)) for name, value in json.loads(row[3])),
        outcome=row[4],
        status=row[5],
        message=from_json(row[6]),
        operation=Operation(row[7]) if row[7] in _OPERATIONS else Operation.UPDATE,
        destination=Destination(row[8], row[9]) if row[8] else None,
    )


def remember_contacts(
    connection: sqlite3.Connection, contact_type: ContactType, contacts: Iterable[str]
) -> None:
    """Remember `contacts` (stripped, each once, empty ones left out) as the most recently used
    of their type, the first one first; only the `MAX_CONTACTS` most recent of a type are
    kept. Nothing is written when none is left."""
    contacts = list(dict.fromkeys(contact.strip() for contact in contacts if contact.strip()))
    if not contacts:
        return
    kind = ContactType(contact_type).value
    (top,) = connection.execute("SELECT coalesce(max(seq), 0) FROM contacts").fetchone()
    for offset, contact in enumerate(reversed(contacts), start=1):
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


def contacts(connection: sqlite3.Connection, contact_type: ContactType, *, limit: int) -> list[str]:
    """Contacts of `contact_type` used before, most recent first."""
    rows = connection.execute(
        "SELECT contact FROM contacts WHERE type = ? ORDER BY seq DESC LIMIT ?",
        (ContactType(contact_type).value, max(0, limit)),
    )
    return [str(row[0]) for row in rows]
