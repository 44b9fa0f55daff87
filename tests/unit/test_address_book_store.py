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
