"""The outbox file's tables, and the steps that bring an older file up to date.

The schema carries its version in ``PRAGMA user_version``: step i of `MIGRATIONS` brings a file
from version i to i + 1, so a new file goes through every step. A file written by a newer app
is refused and left as it is.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from gui.core.messages import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

SCHEMA_V1: tuple[str, ...] = (
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
SCHEMA_V2: tuple[str, ...] = (
    "ALTER TABLE history ADD COLUMN operation TEXT NOT NULL DEFAULT 'update'",
    "ALTER TABLE outbox ADD COLUMN claimed_by TEXT NOT NULL DEFAULT ''",
)

#: Version 3: where updates go, and what Particle Space confirmed.
#: Items and history rows carry their destination (`gui.core.destination`: the API base and an
#: account identity that is no secret; '' in rows written before) and the digest of their wire
#: pairs (`gui.core.wire.pairs_digest`; '' before), so an identical update is found by index.
#: ``known_tickets`` holds, per destination and ticket, the last state the server confirmed
#: (the update's title, description and status, or what the server echoed instead).
SCHEMA_V3: tuple[str, ...] = (
    "ALTER TABLE outbox ADD COLUMN api_base TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE outbox ADD COLUMN account TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE outbox ADD COLUMN digest TEXT NOT NULL DEFAULT ''",
    "CREATE INDEX outbox_by_digest ON outbox (digest)",
    "ALTER TABLE history ADD COLUMN api_base TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE history ADD COLUMN account TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE history ADD COLUMN digest TEXT NOT NULL DEFAULT ''",
    "CREATE INDEX history_by_digest ON history (digest, at)",
    """
    CREATE TABLE known_tickets (
        api_base TEXT NOT NULL,
        account TEXT NOT NULL,
        ticket_id TEXT NOT NULL,
        title TEXT NOT NULL,
        description TEXT NOT NULL,
        status TEXT NOT NULL,
        at REAL NOT NULL,                      -- when the server confirmed it, epoch seconds
        operation TEXT NOT NULL,               -- 'update' or 'new' (gui.core.fields.Operation)
        PRIMARY KEY (api_base, account, ticket_id)
    )
    """,
    "CREATE INDEX known_tickets_by_recency ON known_tickets (api_base, account, at)",
)

#: Version 4: batches. What one command queued (every row of a CSV file, or one update) is one
#: batch: its rows are added in one transaction, the command sends its own batch (and, first,
#: older items of the same tickets), and what a stopped command left is sent or discarded by
#: its batch id. ``batch`` is NULL for items the window queued. ``source`` says where the batch
#: came from (the CSV file's name, or '' for the options of one command).
SCHEMA_V4: tuple[str, ...] = (
    """
    CREATE TABLE batches (
        id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: commands name batches by id
        source TEXT NOT NULL,
        created_at REAL NOT NULL
    )
    """,
    "ALTER TABLE outbox ADD COLUMN batch INTEGER REFERENCES batches (id)",
    "CREATE INDEX outbox_by_batch ON outbox (batch, id)",
)

#: Version 5: a server's Retry-After apart from the backoff. ``next_try`` is when an item goes
#: out by itself (the backoff, or the server's wait if longer); ``not_before`` is the moment
#: before which the server asked not to be sent anything (its Retry-After, capped at an hour;
#: NULL when it asked nothing). An explicit `outbox send` sends an item before its backoff has
#: run out, never before its ``not_before``. Items of older files have none.
SCHEMA_V5: tuple[str, ...] = ("ALTER TABLE outbox ADD COLUMN not_before REAL",)

#: Version 6: message templates (gui.core.templates), the user's: the window keeps them in the
#: real outbox file whichever window (the sandbox's too) made them. A row is one of the user's
#: own (``starter`` '') or a starter the user changed (its key; its texts no longer follow the
#: language) or deleted (``hidden`` 1). Starters never changed have no row.
SCHEMA_V6: tuple[str, ...] = (
    """
    CREATE TABLE templates (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        starter TEXT NOT NULL DEFAULT '',      -- gui.core.templates.STARTERS key, or ''
        hidden INTEGER NOT NULL DEFAULT 0,     -- 1: a starter the user deleted
        name TEXT NOT NULL,
        subject TEXT NOT NULL,
        message TEXT NOT NULL,
        type TEXT NOT NULL DEFAULT '' CHECK (type IN ('', 'email', 'sms')),  -- '': the form's
        status TEXT NOT NULL DEFAULT ''        -- '': the form's
    )
    """,
    "CREATE UNIQUE INDEX templates_by_starter ON templates (starter) WHERE starter != ''",
)

#: Version 7: the contact book (gui.core.address_book), the user's, kept in the real outbox
#: file like the templates. A person has a name (unique, whatever its case) and an email address
#: and/or a phone number ('' when none); a group is a name (unique likewise) and its members.
#: A group without members is deleted with its last member.
SCHEMA_V7: tuple[str, ...] = (
    """
    CREATE TABLE people (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        email TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT ''
    )
    """,
    """
    CREATE TABLE contact_groups (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE
    )
    """,
    """
    CREATE TABLE group_members (
        group_id INTEGER NOT NULL REFERENCES contact_groups (id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        PRIMARY KEY (group_id, person_id)
    )
    """,
    "CREATE INDEX group_members_by_person ON group_members (person_id)",
)

#: Step i brings a database from ``user_version`` i to i + 1.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    SCHEMA_V1,
    SCHEMA_V2,
    SCHEMA_V3,
    SCHEMA_V4,
    SCHEMA_V5,
    SCHEMA_V6,
    SCHEMA_V7,
)
SCHEMA_VERSION = len(MIGRATIONS)


def is_current(connection: sqlite3.Connection) -> bool:
    """Whether the file is at this app's `SCHEMA_VERSION` already (nothing to migrate)."""
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    return bool(version == SCHEMA_VERSION)


def migrate(connection: sqlite3.Connection, path: Path) -> None:
    """Bring the file at `path` up to `SCHEMA_VERSION`. Call it inside a write transaction
    (``BEGIN IMMEDIATE``): the version is read again under the write lock, since another
    connection may have migrated the file meanwhile."""
    version = refuse_newer(connection, path)
    for step in range(version, SCHEMA_VERSION):
        for statement in MIGRATIONS[step]:
            connection.execute(statement)
        log.info("outbox schema migrated from version %d to %d", step, step + 1)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def refuse_newer(connection: sqlite3.Connection, path: Path) -> int:
    """The file's schema version; `sqlite3.DatabaseError` if a newer app wrote it (its data
    is left as it is: this app would not understand it, nor should it throw it away)."""
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    if version > SCHEMA_VERSION:
        raise sqlite3.DatabaseError(
            QT_TRANSLATE_NOOP(
                "outbox",
                "The outbox {path} was written by a newer version of the app "
                "(schema {version}; this app knows {known}).",
            ).format(path=str(path), version=version, known=SCHEMA_VERSION)
        )
    return int(version)
