"""Invisible and direction-changing characters, and the length limits, as `validate` checks
them for the window, the command line and CSV rows alike."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any

import pytest

from gui.core.errors import InvalidTicket
from gui.core.fields import FIELD_BY_NAME, FIELD_TABLE, TEXT_KINDS, Kind, utf16_length
from gui.core.ticket import TicketDraft
from gui.core.validation import validate

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
VALID = TicketDraft(
    ticket_id="tic_123",
    title="Leaking faucet",
    description="Leak under the kitchen sink in 1A.",
    status="ON_HOLD",
    notify=True,
    contacts="example@example.com",
    notify_subject="Leak",
    notify_message="The plumber comes at nine.",
)
TEXT_FIELDS = [field.name for field in FIELD_TABLE if field.kind in TEXT_KINDS]

# (character, what the message calls it): one of each class the rule refuses.
REFUSED = [
    ("\u0085", "U+0085 (next line)"),
    ("\u0080", "U+0080 (a control character)"),
    ("\u009b", "U+009B (control sequence introducer)"),
    ("\u009f", "U+009F (a control character)"),
    ("\u2028", "U+2028 (line separator)"),
    ("\u2029", "U+2029 (paragraph separator)"),
    ("\u202a", "U+202A (left-to-right embedding)"),
    ("\u202b", "U+202B (right-to-left embedding)"),
    ("\u202c", "U+202C (pop directional formatting)"),
    ("\u202d", "U+202D (left-to-right override)"),
    ("\u202e", "U+202E (right-to-left override)"),
    ("\u2066", "U+2066 (left-to-right isolate)"),
    ("\u2067", "U+2067 (right-to-left isolate)"),
    ("\u2068", "U+2068 (first strong isolate)"),
    ("\u2069", "U+2069 (pop directional isolate)"),
    ("\u200b", "U+200B (zero width space)"),
    ("\u2060", "U+2060 (word joiner)"),
    ("\ufeff", "U+FEFF (zero width no-break space)"),
    ("\u180e", "U+180E (Mongolian vowel separator)"),
]
# Kept: emoji sequences, Persian and Indic text need the joiners; the marks direct neutrals.
ALLOWED = [
    "\U0001f469\u200d\U0001f527",  # woman mechanic: a ZWJ sequence
    "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian: a zero-width non-joiner
    "\u0915\u094d\u200d\u0937",  # Devanagari with a zero-width joiner
    "Room \u200f12\u200e B",  # right-to-left and left-to-right marks
    "\u061c",  # Arabic letter mark
]


def draft_with(field: str, value: str) -> TicketDraft:
    changes: dict[str, Any] = {FIELD_BY_NAME[field].attribute: value}
    return dataclasses.replace(VALID, **changes)


def errors_of(draft: TicketDraft) -> dict[str, str]:
    with pytest.raises(InvalidTicket) as caught:
        validate(draft, now=NOW)
    return {error.field: error.message for error in caught.value.field_errors}


def value_of(field: str, inside: str) -> str:
    base = {"ticketId": "tic_12", "contacts": "a@example.com", "status": "ON_HOLD"}
    text = base.get(field, "Leak under the sink")
    return text[:3] + inside + text[3:]


@pytest.mark.parametrize("field", TEXT_FIELDS)
@pytest.mark.parametrize(("character", "named"), REFUSED, ids=[code for _, code in REFUSED])
def test_every_text_field_refuses_the_invisible_character_by_name(field, character, named):
    errors = errors_of(draft_with(field, value_of(field, character)))
    assert errors == {field: f"Remove the invisible character {named}."}


@pytest.mark.parametrize("field", ["title", "description", "notifySubject", "notifyMessage"])
@pytest.mark.parametrize("text", ALLOWED)
def test_joiners_and_direction_marks_are_kept(field: str, text: str) -> None:
    update = validate(draft_with(field, f"Leak {text}"), now=NOW)
    sent = {"title": update.title, "description": update.description}
    if update.notification is not None:
        sent |= {
            "notifySubject": update.notification.subject,
            "notifyMessage": update.notification.message,
        }
    assert sent[field] == f"Leak {text}"


@pytest.mark.parametrize("field", ["description", "notifyMessage"])
def test_several_lines_keep_line_breaks_and_tabs_but_not_other_controls(field: str) -> None:
    validate(draft_with(field, "Line 1\r\nLine 2\n\tindented"), now=NOW)
    errors = errors_of(draft_with(field, "colour \x1b[31mred"))
    assert errors == {field: "Remove the invisible control characters."}


def test_a_hidden_field_is_not_checked() -> None:
    draft = dataclasses.replace(VALID, notify=False, notify_subject="a\u202eb")
    assert validate(draft, now=NOW).notification is None


def test_every_text_field_has_a_limit_and_nothing_else_has_one() -> None:
    for field in FIELD_TABLE:
        assert (field.max_length > 0) is (field.kind in TEXT_KINDS), field.name
    one_line = [
        field.max_length for field in FIELD_TABLE if field.kind in TEXT_KINDS - {Kind.LINES}
    ]
    several = [field.max_length for field in FIELD_TABLE if field.kind is Kind.LINES]
    assert max(one_line) <= 5_000 and min(several) >= 10_000


@pytest.mark.parametrize("field", TEXT_FIELDS)
def test_a_value_at_the_limit_passes_and_one_more_is_refused(field: str) -> None:
    limit = FIELD_BY_NAME[field].max_length
    if field == "contacts":
        emails = ",".join(f"person{number}@example.com" for number in range(limit // 26))
        validate(draft_with(field, emails + " " * (limit - len(emails))), now=NOW)
    else:
        filler = "x" * limit if field != "ticketId" else "t" * limit
        validate(draft_with(field, filler), now=NOW)
    errors = errors_of(draft_with(field, "x" * (limit + 1)))
    assert errors == {
        field: f"This can have at most {limit:,} characters; this one has {limit + 1:,}."
    }


def test_the_limit_counts_as_qt_and_javascript_do() -> None:
    assert utf16_length("\U0001f6b0 tap") == 6  # the emoji is two UTF-16 code units
    limit = FIELD_BY_NAME["title"].max_length
    errors = errors_of(draft_with("title", "\U0001f6b0" * (limit // 2 + 1)))
    assert errors["title"].startswith(f"This can have at most {limit:,} characters")


def test_a_megabyte_is_refused_quickly_without_being_parsed() -> None:
    huge = "a@example.com," * 80_000  # over a megabyte of contacts
    errors = errors_of(dataclasses.replace(VALID, contacts=huge, description="x" * 1_000_000))
    assert set(errors) == {"description", "contacts"}
    assert "1,120,000" in errors["contacts"]
