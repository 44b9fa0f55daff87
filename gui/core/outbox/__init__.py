"""The outbox: every update that the server has not confirmed yet, in an SQLite file that survives
crashes and kills, with the history of every attempt, the contacts used before and the tickets
whose state the server confirmed (known tickets).

One file (stdlib `sqlite3`) in WAL mode with ``synchronous=FULL``: once `OutboxStore.add` has
returned, the update is on disk. Every write is one ``BEGIN IMMEDIATE`` transaction, so two
threads or two processes never claim the same item. The schema carries its version in
``PRAGMA user_version`` and is brought up to date by the steps in `schema.MIGRATIONS`.

Nothing here stores a token or a key: an item holds the `TicketUpdate` (the form's values only),
a history entry holds the form pairs as they went over the wire (`gui.core.wire.encode_pairs`).

The package, by concern:

- `schema`: the tables, their version and the migrations;
- `database`: the file's connections (one per thread), transactions, damaged files moved aside
  (`OutboxCorrupt`);
- `queue`: the items (`OutboxItem`, `ItemState`) and the SQL that moves them from state to
  state;
- `claims`: whose turn it is (`goes_before`: updates to one ticket in order, each only where it
  was written for) and the claim that takes them, a group at a time, for sending;
- `history`: the attempts (`HistoryEntry`) and the remembered contacts;
- `known`: the last state Particle Space confirmed of each ticket, per destination
  (`KnownTicket`), and the statuses seen;
- `repeats`: an update identical to one waiting or sent a short while ago (`Repeat`);
- `store`: `OutboxStore`, the one the rest of the app uses, which wires them together.

Items, history entries and known tickets carry their `gui.core.destination.Destination`: the API
base and an account identity that is never a secret itself.

Import these names from here (``from gui.core.outbox import OutboxStore``), not from the modules.
"""

from gui.core.outbox.claims import goes_before
from gui.core.outbox.database import BUSY_TIMEOUT, OutboxCorrupt
from gui.core.outbox.history import MAX_CONTACTS, HistoryEntry
from gui.core.outbox.known import KnownTicket
from gui.core.outbox.queue import (
    STOPPED_MAY_HAVE_ARRIVED,
    STOPPED_RESENDING,
    UNBOUND,
    ItemState,
    OutboxItem,
)
from gui.core.outbox.repeats import Repeat
from gui.core.outbox.schema import SCHEMA_VERSION
from gui.core.outbox.store import REPEAT_WINDOW, Answer, Batch, OutboxStore

__all__ = [
    "BUSY_TIMEOUT",
    "MAX_CONTACTS",
    "REPEAT_WINDOW",
    "SCHEMA_VERSION",
    "STOPPED_MAY_HAVE_ARRIVED",
    "STOPPED_RESENDING",
    "UNBOUND",
    "Answer",
    "Batch",
    "HistoryEntry",
    "ItemState",
    "KnownTicket",
    "OutboxCorrupt",
    "OutboxItem",
    "OutboxStore",
    "Repeat",
    "goes_before",
]
