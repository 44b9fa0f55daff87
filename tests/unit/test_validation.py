"""Client-side checks: one message per problem, on the right field, in form order."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from gui.core.errors import FieldError, InvalidTicket
from gui.core.fields import FIELDS, ContactType
from gui.core.ticket import Notification, TicketDraft, TicketUpdate
from gui.core.validation import validate

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)

VALID = TicketDraft(
    ticket_id="tic_123",
    title="Leaking faucet",
    description="Leak under the kitchen sink in 1A requires new part.",
    status="ON_HOLD",
    notify=False,
    automated=True,
)
NOTIFYING = dataclasses.replace(VALID, notify=True, contacts="example@example.com")


def with_field(field: str, value: object) -> TicketDraft:
    changes: dict[str, Any] = {field: value}
    return dataclasses.replace(VALID, **changes)


def problems(draft: TicketDraft) -> list[FieldError]:
    with pytest.raises(InvalidTicket) as caught:
        validate(draft, now=NOW)
    return list(caught.value.field_errors)


def only_problem(draft: TicketDraft, field: str) -> str:
    """The one message of `draft`, which must be on `field`."""
    errors = problems(draft)
    assert [error.field for error in errors] == [field]
    return errors[0].message


def test_a_valid_draft_without_notification() -> None:
    assert validate(VALID, now=NOW) == TicketUpdate(
        ticket_id="tic_123",
        title="Leaking faucet",
        description="Leak under the kitchen sink in 1A requires new part.",
        status="ON_HOLD",
        automated=True,
        notification=None,
    )


def test_a_valid_draft_is_normalised() -> None:
    later = datetime(2026, 12, 1, 9, 0, tzinfo=timezone(timedelta(hours=-5)))
    draft = TicketDraft(
        ticket_id="  tic_123\t",
        title="  Leaking faucet ",
        description="  Keep my indentation\nand lines.\n",
        status=" NEW ",
        notify=True,
        time=later,
        type=ContactType.SMS,
        contacts="(202) 555-0123; +1 202.555.0124, 202-555-0123",
        notify_subject="  Plumber  ",
        notify_message=" On the way.\n",
        automated=False,
    )
    assert validate(draft, now=NOW) == TicketUpdate(
        ticket_id="tic_123",
        title="Leaking faucet",
        description="  Keep my indentation\nand lines.\n",
        status="NEW",
        automated=False,
        notification=Notification(
            type=ContactType.SMS,
            contacts=("2025550123", "2025550124"),
            time=later,
            subject="Plumber",
            message=" On the way.\n",
        ),
    )


@pytest.mark.parametrize(
    ("field", "change", "message"),
    [
        ("ticketId", {"ticket_id": ""}, "Enter the ticket id (it looks like tic_…)."),
        ("ticketId", {"ticket_id": "   "}, "Enter the ticket id (it looks like tic_…)."),
        ("title", {"title": ""}, "Enter a title."),
        ("title", {"title": " \t "}, "Enter a title."),
        ("description", {"description": ""}, "Enter a description."),
        ("description", {"description": "\n \n"}, "Enter a description."),
        ("status", {"status": ""}, "Choose or type a status."),
    ],
)
def test_required_fields(field: str, change: dict[str, Any], message: str) -> None:
    assert only_problem(dataclasses.replace(VALID, **change), field) == message


@pytest.mark.parametrize(
    ("ticket_id", "message"),
    [
        ("tic/123", "A ticket id cannot contain “/”."),
        ("tic?123", "A ticket id cannot contain “?”."),
        ("tic#123", "A ticket id cannot contain “#”."),
        ("tic 123", "A ticket id cannot contain spaces."),
        ("tic\u00a0123", "A ticket id cannot contain spaces."),
        ("tic\t123", "A ticket id cannot contain line breaks or control characters."),
        ("tic\n123", "A ticket id cannot contain line breaks or control characters."),
        ("tic\x00123", "A ticket id cannot contain line breaks or control characters."),
        ("tic\u2028123", "Remove the invisible character U+2028 (line separator)."),
        ("..", "A ticket id cannot be “.” or “..”."),
        (".", "A ticket id cannot be “.” or “..”."),
    ],
)
def test_ticket_id_rules(ticket_id: str, message: str) -> None:
    assert only_problem(dataclasses.replace(VALID, ticket_id=ticket_id), "ticketId") == message


@pytest.mark.parametrize("ticket_id", ["tic_abc-123", "tic.1", "...", "tic_%41", "tic_ü"])
def test_unusual_but_usable_ticket_ids(ticket_id: str) -> None:
    assert validate(dataclasses.replace(VALID, ticket_id=ticket_id), now=NOW).ticket_id == ticket_id


@pytest.mark.parametrize("field", ["title", "status"])
@pytest.mark.parametrize("text", ["Line 1\nLine 2", "Line 1\rLine 2"])
def test_one_line_fields_refuse_line_breaks(field: str, text: str) -> None:
    message = only_problem(with_field(field, text), field)
    assert message == "Keep this on one line."


@pytest.mark.parametrize("field", ["title", "status"])
@pytest.mark.parametrize("text", ["bell\x07", "tab\there", "del\x7f"])
def test_one_line_fields_refuse_control_characters(field: str, text: str) -> None:
    message = only_problem(with_field(field, text), field)
    assert message == "Remove the invisible control characters."


@pytest.mark.parametrize("subject", ["Line 1\nLine 2", "Line 1\r\nLine 2", "a\rb"])
def test_subject_refuses_line_breaks(subject: str) -> None:
    draft = dataclasses.replace(NOTIFYING, notify_subject=subject)
    assert only_problem(draft, "notifySubject") == "Keep the subject on one line."


@pytest.mark.parametrize("subject", ["bell\x07", "tab\there", "escape\x1b[31m"])
def test_subject_refuses_control_characters(subject: str) -> None:
    draft = dataclasses.replace(NOTIFYING, notify_subject=subject)
    assert only_problem(draft, "notifySubject") == "Remove the invisible control characters."


def test_a_message_of_only_spaces_counts_as_no_message() -> None:
    update = validate(dataclasses.replace(NOTIFYING, notify_message=" \n\t "), now=NOW)
    assert update.notification is not None
    assert update.notification.message == ""


def test_description_and_message_may_have_several_lines() -> None:
    draft = dataclasses.replace(NOTIFYING, description="a\nb\r\nc", notify_message="x\ny")
    checked = validate(draft, now=NOW)
    assert checked.description == "a\nb\r\nc"
    assert checked.notification is not None
    assert checked.notification.message == "x\ny"


@pytest.mark.parametrize("contact_type", [ContactType.EMAIL, ContactType.SMS])
def test_notify_without_contacts(contact_type: ContactType) -> None:
    draft = dataclasses.replace(NOTIFYING, type=contact_type, contacts=" ,; ")
    what = "email address" if contact_type is ContactType.EMAIL else "phone number"
    assert only_problem(draft, "contacts") == f"Add at least one {what} to notify."


def test_notify_without_type() -> None:
    draft = dataclasses.replace(NOTIFYING, type=None)
    assert only_problem(draft, "type") == "Choose email or SMS."


def test_invalid_email_is_named_in_the_message() -> None:
    draft = dataclasses.replace(NOTIFYING, contacts="ok@example.com, broken@, also-bad")
    message = only_problem(draft, "contacts")
    assert "“broken@”" in message
    assert "“also-bad”" in message
    assert "ok@example.com" not in message


def test_invalid_phone_is_named_in_the_message() -> None:
    draft = dataclasses.replace(
        NOTIFYING, type=ContactType.SMS, contacts="(202) 555-0123, 1112223333"
    )
    message = only_problem(draft, "contacts")
    assert message == "“1112223333” is not a valid phone number."


def test_region_is_passed_to_the_phone_check() -> None:
    draft = dataclasses.replace(NOTIFYING, type=ContactType.SMS, contacts="020 7946 0958")
    assert only_problem(draft, "contacts") == "“020 7946 0958” is not a valid phone number."
    checked = validate(draft, now=NOW, region="GB")
    assert checked.notification is not None
    assert checked.notification.contacts == ("+442079460958",)


@pytest.mark.parametrize("offset", [timedelta(0), timedelta(seconds=-1), timedelta(days=-30)])
def test_notification_time_in_the_past_is_refused(offset: timedelta) -> None:
    draft = dataclasses.replace(NOTIFYING, time=NOW + offset)
    assert only_problem(draft, "time") == "Pick a time in the future, or choose “Send now”."


def test_notification_time_in_another_zone_is_compared_as_an_instant() -> None:
    tokyo = timezone(timedelta(hours=9))
    past = datetime(2026, 6, 1, 20, 59, tzinfo=tokyo)  # 11:59 UTC
    future = datetime(2026, 6, 1, 21, 1, tzinfo=tokyo)  # 12:01 UTC
    assert only_problem(dataclasses.replace(NOTIFYING, time=past), "time")
    checked = validate(dataclasses.replace(NOTIFYING, time=future), now=NOW)
    assert checked.notification is not None
    assert checked.notification.time == future


def test_notification_time_without_offset_is_on_the_local_clock() -> None:
    wall = datetime(2027, 1, 1, 9, 0)  # the window's time field: this computer's clock
    checked = validate(dataclasses.replace(NOTIFYING, time=wall), now=NOW)
    assert checked.notification is not None and checked.notification.time is not None
    assert checked.notification.time == wall.astimezone()
    assert checked.notification.time.utcoffset() is not None


def test_sms_message_of_ten_parts_is_accepted() -> None:
    draft = dataclasses.replace(
        NOTIFYING, type=ContactType.SMS, contacts="2025550123", notify_message="x" * 1530
    )
    checked = validate(draft, now=NOW)
    assert checked.notification is not None
    assert checked.notification.message == "x" * 1530


def test_sms_message_over_ten_parts_is_refused() -> None:
    draft = dataclasses.replace(
        NOTIFYING, type=ContactType.SMS, contacts="2025550123", notify_message="x" * 1531
    )
    assert only_problem(draft, "notifyMessage") == (
        "This SMS takes 11 parts; at most 10 are sent. A part holds 153 characters."
    )


def test_a_unicode_sms_says_what_made_it_unicode() -> None:
    message = "Mañana será otro día 💧 " * 30  # 690 characters, 720 UTF-16 units: 11 parts
    draft = dataclasses.replace(
        NOTIFYING, type=ContactType.SMS, contacts="2025550123", notify_message=message
    )
    assert only_problem(draft, "notifyMessage") == (
        "This SMS takes 11 parts; at most 10 are sent. "
        "It goes as Unicode, 67 characters a part, because of “á”, “í”, “💧”."
    )


def test_email_message_has_no_sms_limit() -> None:
    draft = dataclasses.replace(NOTIFYING, notify_message="x" * 5000)
    checked = validate(draft, now=NOW)
    assert checked.notification is not None
    assert len(checked.notification.message) == 5000


def test_notify_off_ignores_the_notification_fields() -> None:
    draft = dataclasses.replace(
        VALID,
        notify=False,
        time=NOW - timedelta(days=1),
        type=None,
        contacts="not a contact",
        notify_subject="two\nlines",
        notify_message="x" * 2000,
    )
    checked = validate(draft, now=NOW)
    assert checked.notification is None
    assert checked.notify is False


def test_every_problem_is_reported_in_form_order() -> None:
    draft = TicketDraft(
        ticket_id="a/b",
        title="",
        description="",
        status="two\nlines",
        notify=True,
        time=NOW - timedelta(hours=1),
        type=ContactType.SMS,
        contacts="nope",
        notify_subject="a\nb",
        notify_message="x" * 1601,
    )
    errors = problems(draft)
    fields = [error.field for error in errors]
    assert fields == [
        "ticketId",
        "title",
        "description",
        "status",
        "time",
        "contacts",
        "notifySubject",
        "notifyMessage",
    ]
    assert fields == sorted(fields, key=FIELDS.index)


def test_type_problem_comes_between_time_and_subject() -> None:
    draft = dataclasses.replace(
        NOTIFYING, type=None, time=NOW, notify_subject="a\nb", title="", contacts=""
    )
    assert [error.field for error in problems(draft)] == [
        "title",
        "time",
        "type",
        "notifySubject",
    ]


@pytest.mark.parametrize(
    ("change", "banner"),
    [
        ({"title": ""}, "1 field needs your attention."),
        ({"title": "", "description": "", "status": ""}, "3 fields need your attention."),
    ],
)
def test_banner_message_counts_the_fields(change: dict[str, Any], banner: str) -> None:
    with pytest.raises(InvalidTicket) as caught:
        validate(dataclasses.replace(VALID, **change), now=NOW)
    assert len(caught.value.field_errors) == len(change)
    assert caught.value.message == banner
