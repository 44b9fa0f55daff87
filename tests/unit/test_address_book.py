"""The contact book: names and groups in the contacts field, expanded before validation."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from gui.core.address_book import (
    AddressBook,
    ContactError,
    Person,
    check,
    cleaned,
    expand,
    validate_with,
)
from gui.core.errors import InvalidTicket
from gui.core.fields import ContactType
from gui.core.ticket import TicketDraft

MARIA = Person(
    "María López",
    email="maria@example.com",
    phone="(202) 555-0123",
    groups=("Tenants 3C",),
    id=1,
)
JOE = Person("Joe Park", email="joe@example.com", groups=("Tenants 3C", "Plumbers"), id=2)
ANA = Person("Ana Ruiz", phone="(202) 555-0177", groups=("tenants 3c",), id=3)
BOOK = AddressBook((ANA, JOE, MARIA))
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_addresses_typed_as_such_stay_as_they_are() -> None:
    assert expand("a@example.com, b@example.com", BOOK, ContactType.EMAIL) == (
        "a@example.com, b@example.com"
    )


def test_a_persons_name_is_their_address_by_the_type_case_insensitive() -> None:
    assert expand("maría lópez", BOOK, ContactType.EMAIL) == "maria@example.com"
    assert expand("MARÍA LÓPEZ", BOOK, ContactType.SMS) == "2025550123"


def test_a_groups_name_is_its_members_and_duplicates_are_dropped() -> None:
    assert expand("Plumbers, joe@example.com, Joe Park", BOOK, ContactType.EMAIL) == (
        "joe@example.com"
    )
    with_emails = AddressBook((JOE, MARIA))
    assert expand("tenants 3c, María López", with_emails, ContactType.EMAIL) == (
        "joe@example.com, maria@example.com"
    )


def test_a_group_is_named_as_first_written_and_matched_whatever_its_case() -> None:
    assert list(BOOK.groups()) == ["Plumbers", "tenants 3c"]  # Ana's comes first
    assert BOOK.group("TENANTS 3C") == (ANA, JOE, MARIA)
    assert BOOK.group("Tenants") is None


def test_a_member_without_an_address_of_the_type_is_named() -> None:
    with pytest.raises(InvalidTicket) as raised:
        expand("Tenants 3C", BOOK, ContactType.SMS)
    (error,) = raised.value.field_errors
    assert error.field == "contacts"
    assert error.message == "Joe Park has no phone number."
    with pytest.raises(InvalidTicket) as raised:
        expand("Ana Ruiz", BOOK, ContactType.EMAIL)
    assert raised.value.field_errors[0].message == "Ana Ruiz has no email address."


def test_a_members_invalid_address_names_the_member() -> None:
    wrong = Person("Bad Number", phone="555", groups=("Plumbers",))
    with pytest.raises(InvalidTicket) as raised:
        expand("Plumbers", AddressBook((JOE, wrong)), ContactType.SMS)
    message = raised.value.field_errors[0].message
    assert "Bad Number: “555” is not" in message
    assert "Joe Park has no phone number." in message


def _draft(contacts: str, contact_type: ContactType = ContactType.SMS) -> TicketDraft:
    return TicketDraft(
        ticket_id="tic_1001",
        title="Leak",
        description="Under the sink",
        status="NEW",
        notify=True,
        type=contact_type,
        contacts=contacts,
    )


def test_validation_sees_the_expanded_list() -> None:
    update = validate_with(_draft("Ana Ruiz, María López, 2025550123"), BOOK, now=NOW)
    assert update.notification is not None
    assert update.notification.contacts == ("2025550177", "2025550123")


def test_an_address_typed_wrong_is_refused_as_today() -> None:
    with pytest.raises(InvalidTicket) as raised:
        validate_with(_draft("María López, nobody"), BOOK, now=NOW)
    (error,) = raised.value.field_errors
    assert error.field == "contacts"
    assert "“nobody” is not a phone number." in error.message


def test_the_expansions_problems_come_with_the_other_fields() -> None:
    draft = dataclasses.replace(_draft("Joe Park"), title="")
    with pytest.raises(InvalidTicket) as raised:
        validate_with(draft, BOOK, now=NOW)
    assert [e.field for e in raised.value.field_errors] == ["title", "contacts"]


def test_without_notify_the_book_is_not_used() -> None:
    draft = dataclasses.replace(_draft("Joe Park"), notify=False)
    assert validate_with(draft, BOOK, now=NOW).notification is None


def test_a_contact_needs_a_name_of_its_own_and_a_valid_address() -> None:
    with pytest.raises(ContactError, match="name"):
        check(Person(" ", email="x@example.com"), [])
    with pytest.raises(ContactError, match="Another contact is called"):
        check(Person("maría lópez", email="x@example.com"), [MARIA])
    check(dataclasses.replace(MARIA, email="new@example.com"), [MARIA])  # itself
    with pytest.raises(ContactError, match="Enter an email address or a phone number"):
        check(Person("Nobody"), [])
    with pytest.raises(ContactError, match="not a valid email address"):
        check(Person("Wrong", email="wrong@"), [])
    with pytest.raises(ContactError, match="commas"):
        check(Person("López, María", email="x@example.com"), [])


def test_cleaned_trims_and_drops_repeated_groups() -> None:
    person = cleaned(Person(" A ", email=" a@example.com ", groups=("X", " x ", "", "Y")))
    assert person == Person("A", email="a@example.com", groups=("X", "Y"))
