"""Names and groups of the contact book in many tickets at once: pasted ids with one change
(`check_ids`) and the rows of a CSV file (`check_rows`), expanded as the form expands them."""

from __future__ import annotations

from datetime import UTC, datetime

from gui.core.address_book import AddressBook, Person
from gui.core.batch import Change, check_ids
from gui.core.csv_rows import check_rows, read_text
from gui.core.fields import ContactType, Operation
from gui.core.outbox import KnownTicket

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
BOOK = AddressBook(
    (
        Person("María López", phone="(202) 555-0123", groups=("Tenants 3C",)),
        Person("Ana Ruiz", phone="202-555-0187", email="ana@example.com", groups=("Tenants 3C",)),
        Person("Bo Chen", email="bo@example.com", groups=("Plumbers",)),
    )
)
KNOWN = {
    ticket: KnownTicket(ticket, "Water", "Shut-off", "NEW", 1.0, Operation.UPDATE)
    for ticket in ("tic_1", "tic_2", "tic_3")
}


def texting(contacts: str) -> Change:
    return Change(
        status="DONE",
        notify=True,
        type=ContactType.SMS,
        contacts=contacts,
        notify_message="Mañana no hay agua de 9 a 11.",
    )


def test_a_group_named_in_the_change_is_its_members_numbers_on_every_ticket() -> None:
    rows = check_ids(
        ["tic_1", "tic_2", "tic_3"], texting("Tenants 3C"), KNOWN.get, now=NOW, book=BOOK
    )
    for row in rows:
        assert row.update is not None, row.errors
        assert row.update.notification is not None
        assert row.update.notification.contacts == ("2025550123", "2025550187")


def test_without_the_book_a_group_name_is_refused_as_an_address() -> None:
    (row,) = check_ids(["tic_1"], texting("Tenants 3C"), KNOWN.get, now=NOW)
    assert row.update is None
    assert [error.field for error in row.errors] == ["contacts"]


def test_a_member_who_cannot_be_texted_is_named_in_every_row() -> None:
    rows = check_ids(
        ["tic_1", "tic_2"], texting("Tenants 3C, Plumbers"), KNOWN.get, now=NOW, book=BOOK
    )
    for row in rows:
        assert row.update is None
        (error,) = row.errors
        assert error.field == "contacts"
        assert "Bo Chen has no phone number." in str(error.message)


def test_a_csv_rows_contacts_cell_may_name_a_group() -> None:
    text = (
        "ticketId,title,description,status,notify,type,contacts,time,automated\n"
        'tic_1,Water,Shut-off,DONE,1,email,"Ana Ruiz, bo@example.com",,0\n'
        "tic_2,Water,Shut-off,DONE,1,sms,Tenants 3C,,0\n"
        "tic_3,Water,Shut-off,DONE,1,email,Nobody Known,,0\n"
    )
    first, second, third = check_rows(read_text(text), now=NOW, book=BOOK)
    assert first.update is not None and first.update.notification is not None
    assert first.update.notification.contacts == ("ana@example.com", "bo@example.com")
    assert second.update is not None and second.update.notification is not None
    assert second.update.notification.contacts == ("2025550123", "2025550187")
    assert third.update is None
    assert [error.field for error in third.errors] == ["contacts"]
