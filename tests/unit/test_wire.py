"""The request body, compared with the vendor's example request byte for byte."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from urllib.parse import parse_qsl

import pytest

from gui.core.fields import ContactType
from gui.core.ticket import Notification, TicketDraft, TicketUpdate
from gui.core.validation import validate
from gui.core.wire import encode_body, encode_pairs, form_body

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)

VENDOR_DRAFT = TicketDraft(
    ticket_id="TICKET_ID_HERE",
    title="Leaking faucet",
    description="Leak under the kitchen sink in 1A requires new part.",
    status="ON_HOLD",
    notify=True,
    time=None,
    type=ContactType.EMAIL,
    contacts="example@example.com",
    automated=True,
)

VENDOR_PAIRS = [
    ("title", "Leaking faucet"),
    ("description", "Leak under the kitchen sink in 1A requires new part."),
    ("status", "ON_HOLD"),
    ("notify", "1"),
    ("time", ""),
    ("type", "email"),
    ("contacts", "example@example.com"),
    ("automated", "1"),
]

# What `qs.stringify` (default format RFC 3986) prints for the vendor's example object.
VENDOR_BODY = (
    "title=Leaking%20faucet"
    "&description=Leak%20under%20the%20kitchen%20sink%20in%201A%20requires%20new%20part."
    "&status=ON_HOLD&notify=1&time=&type=email&contacts=example%40example.com&automated=1"
)


def update(**changes: object) -> TicketUpdate:
    fields: dict[str, object] = {
        "ticket_id": "tic_1",
        "title": "Leaking faucet",
        "description": "Leak",
        "status": "NEW",
        "automated": False,
        "notification": None,
    }
    fields.update(changes)
    return TicketUpdate(**fields)  # type: ignore[arg-type]


def test_vendor_example_gives_the_vendor_pairs() -> None:
    assert encode_pairs(validate(VENDOR_DRAFT, now=NOW)) == VENDOR_PAIRS


def test_vendor_example_gives_the_body_qs_stringify_writes() -> None:
    checked = validate(VENDOR_DRAFT, now=NOW)
    assert form_body(encode_pairs(checked)) == VENDOR_BODY
    assert encode_body(checked) == VENDOR_BODY


def test_notify_off_sends_no_notification_fields_even_when_typed() -> None:
    draft = TicketDraft(
        ticket_id="tic_1",
        title="Leaking faucet",
        description="Leak",
        status="NEW",
        notify=False,
        time=NOW + timedelta(days=1),
        type=ContactType.SMS,
        contacts="(202) 555-0123",
        notify_subject="Subject",
        notify_message="Message",
        automated=True,
    )
    pairs = encode_pairs(validate(draft, now=NOW))
    assert pairs == [
        ("title", "Leaking faucet"),
        ("description", "Leak"),
        ("status", "NEW"),
        ("notify", "0"),
        ("automated", "1"),
    ]


@pytest.mark.parametrize(
    ("subject", "message", "expected"),
    [
        ("", "", []),
        ("Faucet", "", [("notifySubject", "Faucet")]),
        ("", "Plumber at 3", [("notifyMessage", "Plumber at 3")]),
        (
            "Faucet",
            "Plumber at 3",
            [("notifySubject", "Faucet"), ("notifyMessage", "Plumber at 3")],
        ),
    ],
)
def test_subject_and_message_are_sent_only_when_given(
    subject: str, message: str, expected: list[tuple[str, str]]
) -> None:
    notification = Notification(
        type=ContactType.EMAIL, contacts=("a@example.com",), subject=subject, message=message
    )
    pairs = encode_pairs(update(notification=notification))
    assert pairs[4:7] == [("time", ""), ("type", "email"), ("contacts", "a@example.com")]
    assert pairs[7:-1] == expected
    assert pairs[-1] == ("automated", "0")


def test_time_is_iso_8601_with_the_utc_offset() -> None:
    eastern = timezone(timedelta(hours=-5))
    draft = TicketDraft(
        ticket_id="tic_1",
        title="T",
        description="D",
        status="NEW",
        notify=True,
        time=datetime(2026, 12, 1, 9, 0, tzinfo=eastern),
        contacts="a@example.com",
    )
    pairs = dict(encode_pairs(validate(draft, now=NOW)))
    assert pairs["time"] == "2026-12-01T09:00:00-05:00"
    assert "time=2026-12-01T09%3A00%3A00-05%3A00&" in encode_body(validate(draft, now=NOW))


def test_positive_offset_plus_sign_is_percent_encoded() -> None:
    moment = datetime(2026, 12, 1, 9, 30, 15, 123456, tzinfo=timezone(timedelta(hours=1)))
    notification = Notification(type=ContactType.EMAIL, contacts=("a@example.com",), time=moment)
    body = encode_body(update(notification=notification))
    assert "&time=2026-12-01T09%3A30%3A15%2B01%3A00&" in body


def test_several_contacts_are_comma_joined_without_spaces() -> None:
    draft = TicketDraft(
        ticket_id="tic_1",
        title="T",
        description="D",
        status="NEW",
        notify=True,
        contacts="a@example.com; b@example.com,\nc@example.com",
    )
    pairs = dict(encode_pairs(validate(draft, now=NOW)))
    assert pairs["contacts"] == "a@example.com,b@example.com,c@example.com"


def test_phones_are_sent_as_ten_digits() -> None:
    draft = TicketDraft(
        ticket_id="tic_1",
        title="T",
        description="D",
        status="NEW",
        notify=True,
        type=ContactType.SMS,
        contacts="(202) 555-0123, +1 202.555.0124",
    )
    body = encode_body(validate(draft, now=NOW))
    assert "&type=sms&contacts=2025550123%2C2025550124&" in body


@pytest.mark.parametrize(
    ("text", "encoded"),
    [
        ("a b", "a%20b"),
        ("a+b", "a%2Bb"),
        ("a&b=c", "a%26b%3Dc"),
        ("line 1\nline 2", "line%201%0Aline%202"),
        ("crlf\r\n", "crlf%0D%0A"),
        ("café", "caf%C3%A9"),
        ("🚰", "%F0%9F%9A%B0"),
        ("50% off?#", "50%25%20off%3F%23"),
        ("a/b", "a%2Fb"),
        ("(it's)*!", "%28it%27s%29%2A%21"),
        ("keep-these_.~", "keep-these_.~"),
    ],
)
def test_values_are_percent_encoded_as_qs_does(text: str, encoded: str) -> None:
    body = encode_body(update(description=text))
    assert f"&description={encoded}&" in body
    assert "+" not in body
    assert parse_qsl(body, keep_blank_values=True)[1] == ("description", text)


def test_empty_values_stay_as_key_equals() -> None:
    assert form_body([("a", ""), ("b", "x"), ("c", "")]) == "a=&b=x&c="


def test_naive_notification_time_is_refused() -> None:
    notification = Notification(
        type=ContactType.EMAIL, contacts=("a@example.com",), time=datetime(2026, 12, 1, 9, 0)
    )
    with pytest.raises(ValueError, match="UTC offset"):
        encode_pairs(update(notification=notification))
