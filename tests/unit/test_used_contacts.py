"""`not_in_book`: which contacts used in sends no one in the book has, compared as the form
sends them (normalised), so "(202) 555-0123" in the book hides the history's "2025550123"."""

from __future__ import annotations

from gui.core.address_book import AddressBook, Person, not_in_book
from gui.core.fields import ContactType

BOOK = AddressBook(
    (
        Person("María López", email="Maria.Lopez@Example.com", phone="(202) 555-0123"),
        Person("Joe Park", email="joe@example.com"),
        Person("Bad Number", phone="555-01"),  # an older book may hold one the form refuses
    )
)


def test_numbers_in_the_book_are_left_out_however_they_are_written() -> None:
    used = ["2025550177", "2025550123", "+1 202 555 0123", "555-01", "2025550144"]
    assert not_in_book(used, BOOK, ContactType.SMS) == ["2025550177", "2025550144"]


def test_addresses_in_the_book_are_left_out_in_any_case() -> None:
    used = ["maria.lopez@example.com", "new@example.com", "JOE@example.com", "ana@example.com"]
    assert not_in_book(used, BOOK, ContactType.EMAIL) == ["new@example.com", "ana@example.com"]


def test_each_once_in_order_and_only_the_type_asked_for_counts() -> None:
    used = ["ana@example.com", " ANA@example.com ", "", "not an address"]
    assert not_in_book(used, AddressBook(), ContactType.EMAIL) == [
        "ana@example.com",
        "not an address",
    ]
    # The history of a type is compared with the book's addresses of that type only.
    assert not_in_book(["2025550123"], BOOK, ContactType.EMAIL) == ["2025550123"]


def test_a_region_reads_local_numbers_as_its_own() -> None:
    book = AddressBook((Person("Ana Ruiz", phone="612 34 56 78"),))
    assert not_in_book(["+34612345678", "+34612345679"], book, ContactType.SMS, region="ES") == [
        "+34612345679"
    ]
