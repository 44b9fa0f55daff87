"""Splitting and normalising the contacts field (email-validator and libphonenumber)."""

from __future__ import annotations

import pytest

from gui.core.contacts import ParsedContacts, parse_contacts, split_contacts
from gui.core.fields import ContactType


@pytest.mark.parametrize(
    ("text", "entries"),
    [
        ("", []),
        (" , ;\n", []),
        ("a@example.com", ["a@example.com"]),
        ("a@example.com,b@example.com", ["a@example.com", "b@example.com"]),
        ("a@example.com; b@example.com", ["a@example.com", "b@example.com"]),
        (
            "a@example.com\nb@example.com\r\nc@example.com",
            ["a@example.com", "b@example.com", "c@example.com"],
        ),
        (" a@example.com ,, ;; b@example.com ", ["a@example.com", "b@example.com"]),
        ("(202) 555-0123", ["(202) 555-0123"]),  # spaces do not separate
    ],
)
def test_split_contacts(text: str, entries: list[str]) -> None:
    assert split_contacts(text) == entries


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("someone@example.com", "someone@example.com"),
        ("Someone@EXAMPLE.COM", "Someone@example.com"),
        ("  padded@example.com  ", "padded@example.com"),
        ("josé@example.com", "josé@example.com"),
    ],
)
def test_emails_are_normalised(text: str, normalised: str) -> None:
    assert parse_contacts(text, ContactType.EMAIL) == ParsedContacts((normalised,), ())


@pytest.mark.parametrize("entry", ["not an email", "a@b", "@example.com", "a@@example.com"])
def test_invalid_emails_are_named(entry: str) -> None:
    parsed = parse_contacts(f"ok@example.com, {entry}", ContactType.EMAIL)
    assert parsed.contacts == ("ok@example.com",)
    assert len(parsed.problems) == 1
    assert f"“{entry}”" in parsed.problems[0]
    assert "not a valid email address" in parsed.problems[0]


def test_every_invalid_entry_gets_its_own_problem() -> None:
    parsed = parse_contacts("x, a@example.com, y", ContactType.EMAIL)
    assert parsed.contacts == ("a@example.com",)
    assert [("“x”" in p, "“y”" in p) for p in parsed.problems] == [(True, False), (False, True)]


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("(202) 555-0123", "2025550123"),
        ("202.555.0123", "2025550123"),
        ("202-555-0123", "2025550123"),
        ("2025550123", "2025550123"),
        ("+1 202-555-0123", "2025550123"),
        ("1-202-555-0123", "2025550123"),
        ("+44 20 7946 0958", "+442079460958"),
    ],
)
def test_phones_are_normalised(text: str, normalised: str) -> None:
    parsed = parse_contacts(text, ContactType.SMS)
    assert parsed.contacts == (normalised,)
    assert parsed.problems == ()


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ("1112223333", "is not a valid phone number"),  # the vendor's placeholder: no such number
        ("555-0123", "is not a valid phone number"),
        ("call me", "is not a phone number"),
        ("202-555-0123 ext. 45", "has an extension"),
        ("(202) 555-0124 x7", "has an extension"),
    ],
)
def test_unusable_phones_are_named(entry: str, problem: str) -> None:
    parsed = parse_contacts(entry, ContactType.SMS)
    assert parsed.contacts == ()
    assert len(parsed.problems) == 1
    assert parsed.problems[0].startswith(f"“{entry}” {problem}")


def test_a_region_decides_numbers_without_a_country_code() -> None:
    assert parse_contacts("020 7946 0958", ContactType.SMS, region="GB").contacts == (
        "+442079460958",
    )
    assert parse_contacts("020 7946 0958", ContactType.SMS).contacts == ()


def test_duplicates_are_dropped_after_normalising() -> None:
    phones = parse_contacts(
        "(202) 555-0123; 202.555.0123\n+1 202 555 0123, 202-555-0124", ContactType.SMS
    )
    assert phones.contacts == ("2025550123", "2025550124")
    emails = parse_contacts("a@Example.com, a@example.COM; b@example.com", ContactType.EMAIL)
    assert emails.contacts == ("a@example.com", "b@example.com")


def test_phones_are_not_emails_and_emails_are_not_phones() -> None:
    assert parse_contacts("2025550123", ContactType.EMAIL).contacts == ()
    assert parse_contacts("a@example.com", ContactType.SMS).contacts == ()
