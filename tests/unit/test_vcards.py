"""Contacts from vCard files: real 2.1, 3.0 and 4.0 texts as phones and mail programs write
them, read by `from_vcard`, and imported through the store into a real SQLite file (tmp_path),
where one bad card imports nothing."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from gui.core.address_book import MAX_CSV_BYTES, ContactError, Person
from gui.core.outbox.address_book import AddressBookStore
from gui.core.vcards import from_vcard, is_vcard, people_of_file

#: vCard 2.1 (an Android export): quoted-printable UTF-8 with a soft line break, a bare CELL.
VCARD_21 = (
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:L=C3=B3pez;Mar=C3=ADa;;;\r\n"
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Mar=C3=ADa L=\r\n"
    "=C3=B3pez\r\n"
    "TEL;WORK;VOICE:(202) 555-0100\r\n"
    "TEL;CELL:+1 202 555 0123\r\n"
    "EMAIL;INTERNET:maria@example.com\r\n"
    "EMAIL;INTERNET:maria.lopez@example.com\r\n"
    "END:VCARD\r\n"
).encode("ascii")

#: vCard 3.0 (macOS Contacts): folded lines, escaped commas, TYPE=WORK before TYPE=CELL.
VCARD_30 = (
    b"BEGIN:VCARD\r\n"
    b"VERSION:3.0\r\n"
    b"N:Park;Joe;;;\r\n"
    b"FN:Park\\, Joe\r\n"
    b"ORG:Pipes\\, Valves and Sons;\r\n"
    b"EMAIL;TYPE=INTERNET;TYPE=WORK:joe.park@exam\r\n"
    b" ple.com\r\n"
    b"TEL;TYPE=WORK:(202) 555-0100\r\n"
    b"TEL;TYPE=CELL:(202) 555-\r\n"
    b" 0188\r\n"
    b"CATEGORIES:Tenants 3C,Plumbers\r\n"
    b"NOTE:Comes on Tuesdays\\, after 9\r\n"
    b"END:VCARD\r\n"
)

#: vCard 4.0 (RFC 6350): the number as a tel: URI, a lower-case type.
VCARD_40 = (
    b"BEGIN:VCARD\n"
    b"VERSION:4.0\n"
    b"FN:Ana Ruiz\n"
    b'TEL;VALUE=uri;TYPE="voice,cell":tel:+1-202-555-0123;ext=5\n'
    b"CATEGORIES:Tenants 3C\n"
    b"END:VCARD\n"
)


def test_a_vcard_2_1_card_with_quoted_printable_utf_8() -> None:
    assert from_vcard(VCARD_21) == [
        (1, Person("María López", email="maria@example.com", phone="+1 202 555 0123"))
    ]


def test_a_vcard_2_1_card_in_another_charset_is_read_through_its_charset() -> None:
    card = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
        b"FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Jos=E9 Pe=F1a\r\n"
        b"TEL:202-555-0144\r\nEND:VCARD\r\n"
    )
    assert from_vcard(card) == [(1, Person("José Peña", phone="202-555-0144"))]


def test_a_vcard_3_0_card_with_folded_lines_escapes_and_categories() -> None:
    # FN "Park, Joe" cannot be a name (the contacts field splits at commas): N gives it.
    assert from_vcard(VCARD_30) == [
        (
            1,
            Person(
                "Joe Park",
                email="joe.park@example.com",
                phone="(202) 555-0188",
                groups=("Tenants 3C", "Plumbers"),
            ),
        )
    ]


def test_a_vcard_4_0_card_with_a_tel_uri() -> None:
    assert from_vcard(VCARD_40) == [
        (1, Person("Ana Ruiz", phone="+1-202-555-0123", groups=("Tenants 3C",)))
    ]


def test_several_cards_in_one_file_are_numbered_and_a_name_comes_from_n() -> None:
    no_fn = b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Kim;Lee;;;\r\nTEL:(202) 555-0199\r\nEND:VCARD\r\n"
    people = from_vcard(b"\xef\xbb\xbf" + VCARD_30 + no_fn + VCARD_40)
    assert [(number, person.name) for number, person in people] == [
        (1, "Joe Park"),
        (2, "Lee Kim"),
        (3, "Ana Ruiz"),
    ]


def test_the_first_tel_when_none_is_a_cell_phone() -> None:
    card = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Office\r\n"
        b"TEL;TYPE=WORK:(202) 555-0100\r\nTEL;TYPE=HOME:(202) 555-0101\r\nEND:VCARD\r\n"
    )
    assert from_vcard(card)[0][1].phone == "(202) 555-0100"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty."),
        (b" \r\n\r\n", "The file is empty."),
        (b"PK\x03\x04\x14\x00\x08\x08\xff\xfe garbage", "The file is not a vCard file"),
        (b"name,email\nAna,ana@example.com\n", "The file is not a vCard file"),
        (b"BEGIN:VCARD\r\nVERSION:3.0\r\nthis is no vCard line\r\n", "(at line 3)"),
        (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\n", "could not be read as vCard"),
        (
            b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=NO-SUCH;ENCODING=QUOTED-PRINTABLE:A=E9\r\n"
            b"END:VCARD\r\n",
            "could not be read as vCard",
        ),
        (
            "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:José\r\nEND:VCARD\r\n".encode("latin-1"),
            "The file is not UTF-8 text.",
        ),
        (b"BEGIN:VCARD" + b"x" * MAX_CSV_BYTES, "The file is over 5 MB."),
    ],
)
def test_a_file_that_is_not_a_readable_vcard_is_refused_in_words(data: bytes, message: str) -> None:
    with pytest.raises(ContactError) as raised:
        from_vcard(data)
    assert message in raised.value.message
    assert "Error" not in raised.value.message  # no exception's name or text for the user


def test_what_vobject_said_goes_to_the_log(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("INFO", logger="gui.core.vcards"), pytest.raises(ContactError):
        from_vcard(b"BEGIN:VCARD\r\nVERSION:3.0\r\nthis is no vCard line\r\n")
    assert "Failed to parse line: this is no vCard line" in caplog.text


def test_a_file_is_a_vcard_by_its_first_bytes_not_its_name() -> None:
    assert is_vcard(b"\xef\xbb\xbf\r\n  begin:vcard\r\n")
    assert not is_vcard(b"name,email\n")
    assert not is_vcard(b"")
    people, _message = people_of_file(b"name,phone\nAna Ruiz,(202) 555-0177\n")
    assert people == [(2, Person("Ana Ruiz", phone="(202) 555-0177"))]
    with pytest.raises(ContactError, match="The file is empty"):
        people_of_file(b"\xef\xbb\xbf\n")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[AddressBookStore]:
    opened = AddressBookStore(tmp_path / "outbox.sqlite3")
    yield opened
    opened.close()


def stored(path: Path) -> list[tuple[str, str, str, tuple[str, ...]]]:
    fresh = AddressBookStore(path)
    try:
        return [(p.name, p.email, p.phone, p.groups) for p in fresh.book().people]
    finally:
        fresh.close()


def test_a_vcard_file_is_imported_into_the_real_file_and_updates_by_name(
    store: AddressBookStore,
) -> None:
    store.save(Person("joe park", email="joe@example.com", groups=("Boilers",)))
    count, book = store.import_file(VCARD_21 + VCARD_30 + VCARD_40)
    assert count == 3
    assert stored(store.path) == [
        ("Ana Ruiz", "", "+1-202-555-0123", ("Tenants 3C",)),
        (
            "joe park",
            "joe.park@example.com",
            "(202) 555-0188",
            ("Boilers", "Plumbers", "Tenants 3C"),
        ),
        ("María López", "maria@example.com", "+1 202 555 0123", ()),
    ]
    assert [p.name for p in book.group("tenants 3c") or ()] == ["Ana Ruiz", "joe park"]


def test_a_card_with_a_bad_phone_imports_nothing_and_names_the_card(
    store: AddressBookStore,
) -> None:
    bad = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Wrong Number\r\nTEL;TYPE=CELL:555-01\r\nEND:VCARD\r\n"
    nameless = b"BEGIN:VCARD\r\nVERSION:3.0\r\nEMAIL:who@example.com\r\nEND:VCARD\r\n"
    with pytest.raises(ContactError) as raised:
        store.import_file(VCARD_40 + bad + nameless)
    message = raised.value.message
    assert "Card 2: “555-01” is not" in message
    assert "Card 3: Enter the contact's name." in message
    assert message.endswith("Nothing was imported.")
    assert stored(store.path) == []


def test_a_garbage_or_empty_file_changes_nothing(store: AddressBookStore) -> None:
    with pytest.raises(ContactError, match="could not be read as vCard"):
        store.import_file(VCARD_40 + b"BEGIN:VCARD\r\n\x01\x02 not a line\r\n")
    with pytest.raises(ContactError, match="The file is empty"):
        store.import_file(b"")
    assert stored(store.path) == []


def test_vobject_is_imported_only_when_a_vcard_file_is_read() -> None:
    code = textwrap.dedent(
        """
        import sys
        import gui.core.vcards, gui.core.outbox.address_book
        from gui.core.vcards import people_of_file
        people_of_file(b"name\\nAna Ruiz\\n")
        assert "vobject" not in sys.modules
        people_of_file(b"BEGIN:VCARD\\r\\nVERSION:3.0\\r\\nFN:Ana\\r\\nEND:VCARD\\r\\n")
        assert "vobject" in sys.modules
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
