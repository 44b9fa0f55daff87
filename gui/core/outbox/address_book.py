"""The contact book in the outbox file (schema 7's ``people``, ``contact_groups`` and
``group_members``): `AddressBookStore`, and the SQL on a connection it runs (the caller holds
the transaction).

The file is the real outbox (``data_folder()/outbox.sqlite3``) for both windows, as for the
templates: the book is the user's, and one contact added while trying the sandbox is there
after signing in.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from gui.core.address_book import AddressBook, Person, check, cleaned, merged
from gui.core.contacts import DEFAULT_REGION
from gui.core.outbox.database import Database
from gui.core.vcards import people_of_file


class SavedPerson(NamedTuple):
    """A person as `AddressBookStore.save` stored it (with its row), and the book after."""

    person: Person
    book: AddressBook


class AddressBookStore:
    """The user's contacts in the outbox file at `path`.

    Safe to use from several threads, each with its own connection (`Database`); the window
    uses it from one worker thread, as `gui.core.outbox.templates.TemplateStore`.

    Errors: `gui.core.address_book.ContactError` (a contact that cannot be saved; nothing
    changed), `sqlite3.Error` or `OSError` when the file cannot be written,
    `gui.core.outbox.OutboxCorrupt` when it turned out damaged.
    """

    def __init__(self, path: Path, *, database: Database | None = None) -> None:
        self.path = Path(path)
        self._database = database if database is not None else Database(self.path)

    def book(self) -> AddressBook:
        with self._database.guarded():
            return read_book(self._database.connection())

    def save(self, person: Person, *, region: str = DEFAULT_REGION) -> SavedPerson:
        """Store `person`: a new one (no id) or a changed one (its row), with its groups.
        Refused (`ContactError`) when it has problems or another contact has its name."""
        person = cleaned(person)
        with self._writing() as connection:
            check(person, read_book(connection).people, region=region)
            stored = store(connection, person)
            return SavedPerson(stored, read_book(connection))

    def import_file(self, data: bytes, *, region: str = DEFAULT_REGION) -> tuple[int, AddressBook]:
        """Add the people of a contacts file's `data` and update those of the same name, in one
        transaction; how many were imported, and the book after. The file is a vCard file if
        its first non-blank bytes are ``BEGIN:VCARD`` (in any case), else a CSV file
        (`gui.core.vcards.people_of_file`); its name does not matter. A file with any problem
        (`ContactError`, naming its rows or cards) changes nothing."""
        incoming, row_message = people_of_file(data)
        with self._writing() as connection:
            existing = read_book(connection).people
            people = merged(existing, incoming, region=region, row_message=row_message)
            for person in people:
                store(connection, person)
            return len(people), read_book(connection)

    def delete(self, person: Person) -> AddressBook:
        """Remove `person` (and the groups it was the last member of)."""
        with self._writing() as connection:
            if person.id is not None:
                remove(connection, person.id)
            return read_book(connection)

    def close(self) -> None:
        """Close the calling thread's connection."""
        self._database.close()

    @contextlib.contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        with self._database.guarded(), self._database.writing() as connection:
            yield connection


def read_book(connection: sqlite3.Connection) -> AddressBook:
    """Everyone, in name order (case-insensitive), each with its groups by name."""
    groups: dict[int, list[str]] = {}
    for person_id, name in connection.execute(
        "SELECT m.person_id, g.name FROM group_members m JOIN contact_groups g"
        " ON g.id = m.group_id ORDER BY g.name COLLATE NOCASE"
    ):
        groups.setdefault(int(person_id), []).append(str(name))
    people = tuple(
        Person(name, email=email, phone=phone, groups=tuple(groups.get(row, ())), id=row)
        for row, name, email, phone in connection.execute(
            "SELECT id, name, email, phone FROM people ORDER BY name COLLATE NOCASE, id"
        )
    )
    return AddressBook(people)


def store(connection: sqlite3.Connection, person: Person) -> Person:
    """Write `person` (its row, or a new one) and its groups; the person as stored."""
    values = (person.name, person.email, person.phone)
    if person.id is not None:
        connection.execute(
            "UPDATE people SET name = ?, email = ?, phone = ? WHERE id = ?", (*values, person.id)
        )
        row = person.id
    else:
        cursor = connection.execute(
            "INSERT INTO people (name, email, phone) VALUES (?, ?, ?)", values
        )
        row = int(cursor.lastrowid or 0)
    connection.execute("DELETE FROM group_members WHERE person_id = ?", (row,))
    for group in person.groups:
        connection.execute(
            "INSERT INTO contact_groups (name) VALUES (?) ON CONFLICT (name) DO NOTHING", (group,)
        )
        connection.execute(
            "INSERT OR IGNORE INTO group_members (group_id, person_id)"
            " SELECT id, ? FROM contact_groups WHERE name = ?",
            (row, group),
        )
    _drop_empty_groups(connection)
    (stored,) = (p for p in read_book(connection).people if p.id == row)
    return stored


def remove(connection: sqlite3.Connection, person_id: int) -> None:
    """Delete the person `person_id` and its memberships."""
    connection.execute("DELETE FROM group_members WHERE person_id = ?", (person_id,))
    connection.execute("DELETE FROM people WHERE id = ?", (person_id,))
    _drop_empty_groups(connection)


def _drop_empty_groups(connection: sqlite3.Connection) -> None:
    connection.execute(
        "DELETE FROM contact_groups WHERE id NOT IN (SELECT group_id FROM group_members)"
    )
