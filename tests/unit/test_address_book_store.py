"""The contact book in the outbox file (schema 7): saved, changed, deleted, read again by a new
store on a real SQLite file, and a version 6 file brought up to date."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from gui.core.address_book import ContactError, Person
from gui.core.outbox import SCHEMA_VERSION, OutboxStore
from gui.core.outbox.address_book import AddressBookStore
from gui.core.outbox.schema import MIGRATIONS
from gui.core.templates import Template


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "outbox.sqlite3"


@pytest.fixture
def store(path: Path) -> Iterator[AddressBookStore]:
    opened = AddressBookStore(path)
    yield opened
    opened.close()


def again(path: Path) -> tuple[Person, ...]:
    fresh = AddressBookStore(path)
    try:
        return fresh.book().people
    finally:
        fresh.close()


def test_people_and_their_groups_are_kept(store: AddressBookStore, path: Path) -> None:
    maria = Person(
        " María López ", email="maria@example.com", phone="(202) 555-0123", groups=("Tenants 3C",)
    )
    saved = store.save(maria)
    assert saved.person.id is not None and saved.person.name == "María López"
    store.save(Person("Joe Park", email="joe@example.com", groups=("Plumbers", "tenants 3c")))
    people = again(path)
    assert [(p.name, p.groups) for p in people] == [
        ("Joe Park", ("Plumbers", "Tenants 3C")),  # the group keeps its first spelling
        ("María López", ("Tenants 3C",)),
    ]
    assert [p.name for p in store.book().group("TENANTS 3C") or ()] == ["Joe Park", "María López"]


def test_a_change_and_a_delete_are_kept_and_empty_groups_go(
    store: AddressBookStore, path: Path
) -> None:
    joe = store.save(Person("Joe Park", email="joe@example.com", groups=("Plumbers",))).person
    changed = store.save(dataclasses.replace(joe, phone="(202) 555-0188", groups=("Boilers",)))
    assert changed.person.id == joe.id
    assert again(path) == (changed.person,)
    assert list(changed.book.groups()) == ["Boilers"]
    assert store.delete(changed.person).people == ()
    assert again(path) == ()
    check = sqlite3.connect(path)
    try:
        assert check.execute("SELECT COUNT(*) FROM contact_groups").fetchone() == (0,)
    finally:
        check.close()


def test_a_contact_with_problems_is_refused_and_nothing_changes(
    store: AddressBookStore, path: Path
) -> None:
    store.save(Person("Joe Park", email="joe@example.com"))
    with pytest.raises(ContactError, match="Another contact is called"):
        store.save(Person("JOE PARK", phone="(202) 555-0188"))
    with pytest.raises(ContactError, match="not a valid phone number"):
        store.save(Person("Ana", phone="(202) 555-01"))
    assert [p.name for p in again(path)] == ["Joe Park"]


def test_the_outbox_store_reaches_the_same_book(path: Path) -> None:
    outbox = OutboxStore(path)
    try:
        outbox.address_book.save(Person("Joe Park", email="joe@example.com"))
    finally:
        outbox.close_all()
    assert [p.name for p in again(path)] == ["Joe Park"]


def test_a_version_6_file_gets_the_book_and_keeps_its_templates(path: Path) -> None:
    old = sqlite3.connect(path)
    for step in MIGRATIONS[:6]:
        for statement in step:
            old.execute(statement)
    old.execute(
        "INSERT INTO templates (name, subject, message) VALUES ('Mine', 'S', 'M')",
    )
    old.execute("PRAGMA user_version = 6")
    old.commit()
    old.close()
    outbox = OutboxStore(path)
    try:
        assert outbox.address_book.book().people == ()
        outbox.address_book.save(Person("Joe Park", email="joe@example.com", groups=("P",)))
        assert Template("Mine", "S", "M", id=1) in outbox.templates.templates("en")
    finally:
        outbox.close_all()
    check = sqlite3.connect(path)
    try:
        assert check.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,) == (7,)
        assert check.execute("SELECT name FROM people").fetchall() == [("Joe Park",)]
    finally:
        check.close()


CSV = (
    "\ufeffName,Email,Phone,Groups\n"
    'María López,,(202) 555-0123,"Tenants 3C, Plumbers"\n'
    "Joe Park,joe@example.com,,Tenants 3C\n"
    ",,,\n"
)


def test_a_csv_file_adds_people_and_updates_those_of_the_same_name(
    store: AddressBookStore, path: Path
) -> None:
    store.save(Person("joe park", phone="(202) 555-0188", groups=("Boilers",)))
    count, book = store.import_file(CSV.encode())
    assert count == 2
    assert [(p.name, p.email, p.phone, p.groups) for p in again(path)] == [
        ("joe park", "joe@example.com", "(202) 555-0188", ("Boilers", "Tenants 3C")),
        ("María López", "", "(202) 555-0123", ("Plumbers", "Tenants 3C")),
    ]
    assert len(book.group("tenants 3c") or ()) == 2


def test_a_csv_file_with_a_bad_row_imports_nothing_and_names_the_row(
    store: AddressBookStore, path: Path
) -> None:
    bad = CSV + "Nobody,,,\nWrong,wrong@,,\n"
    with pytest.raises(ContactError) as raised:
        store.import_file(bad.encode())
    message = raised.value.message
    assert "Row 5: Enter an email address or a phone number." in message
    assert "Row 6: “wrong@” is not a valid email address" in message
    assert message.endswith("Nothing was imported.")
    assert again(path) == ()
    with pytest.raises(ContactError, match="first row must name its columns"):
        store.import_file(b"email\nx@example.com\n")
    with pytest.raises(ContactError, match="not UTF-8"):
        store.import_file("name\nJos\u00e9\n".encode("latin-1"))
