"""The assumptions about the API: paths, error and success bodies, Retry-After."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from gui.core.api_contract import (
    ErrorBody,
    clean_message,
    confirmed_state,
    format_time,
    read_error_body,
    read_success_body,
    retry_after_seconds,
    update_path,
)
from gui.core.errors import FieldError

NOW = datetime(2026, 6, 1, 12, 0, 0, tzinfo=UTC)


def body(document: object) -> bytes:
    return json.dumps(document).encode()


@pytest.mark.parametrize(
    ("ticket_id", "path"),
    [
        ("TICKET_ID_HERE", "/ticket/TICKET_ID_HERE"),
        ("tic_abc-123.x~", "/ticket/tic_abc-123.x~"),
        ("a/b", "/ticket/a%2Fb"),
        ("a?b#c", "/ticket/a%3Fb%23c"),
        ("a b", "/ticket/a%20b"),
        ("100%", "/ticket/100%25"),
        ("ü", "/ticket/%C3%BC"),
        ("..%2F", "/ticket/..%252F"),
    ],
)
def test_update_path_encodes_the_id_as_one_segment(ticket_id: str, path: str) -> None:
    assert update_path(ticket_id) == path
    assert path.count("/") == 2


@pytest.mark.parametrize(
    ("document", "field_errors", "messages"),
    [
        (
            {"errors": {"title": ["Title is too long."], "contacts": ["Bad email.", "Bad sms."]}},
            [
                FieldError("title", "Title is too long."),
                FieldError("contacts", "Bad email."),
                FieldError("contacts", "Bad sms."),
            ],
            [],
        ),
        ({"errors": {"status": "Unknown flow."}}, [FieldError("status", "Unknown flow.")], []),
        (
            {"errors": [{"field": "notify", "message": "Must be 0 or 1."}]},
            [FieldError("notify", "Must be 0 or 1.")],
            [],
        ),
        (
            {"errors": [{"field": "type", "msg": "Bad type."}]},
            [FieldError("type", "Bad type.")],
            [],
        ),
        ({"errors": ["Something is off."]}, [], ["Something is off."]),
        ({"error": "Ticket is locked."}, [], ["Ticket is locked."]),
        ({"error": {"message": "Ticket is locked."}}, [], ["Ticket is locked."]),
        ({"message": "Validation failed."}, [], ["Validation failed."]),
        # A general message next to field errors would repeat them; the fields win.
        (
            {"message": "Validation failed.", "errors": {"title": ["Required."]}},
            [FieldError("title", "Required.")],
            [],
        ),
    ],
)
def test_read_error_body_shapes(
    document: object, field_errors: list[FieldError], messages: list[str]
) -> None:
    assert read_error_body(body(document)) == ErrorBody(tuple(field_errors), tuple(messages))


@pytest.mark.parametrize(
    "raw",
    [
        b"<html><body><h1>502 Bad Gateway</h1></body></html>",
        b"",
        b"Service Unavailable",
        b"\xff\xfe\x00garbage",
        b"[1, 2]",
        b'"just a string"',
        b"null",
        b"[" * 100_000,  # nests deeper than the JSON parser recurses
    ],
)
def test_read_error_body_without_a_json_object_gives_nothing(raw: bytes) -> None:
    assert read_error_body(raw) == ErrorBody()


def test_unknown_field_names_become_banner_messages() -> None:
    parsed = read_error_body(
        body({"errors": {"tenant": ["Tenant is archived."], "title": "Required."}})
    )
    assert parsed.field_errors == (FieldError("title", "Required."),)
    assert parsed.messages == ("tenant: Tenant is archived.",)


def test_list_errors_with_an_unknown_field_become_banner_messages() -> None:
    parsed = read_error_body(body({"errors": [{"field": "f", "message": "m"}]}))
    assert parsed == ErrorBody((), ("f: m",))


@pytest.mark.parametrize(
    ("server_name", "field"),
    [
        ("notify_subject", "notifySubject"),
        ("notify-message", "notifyMessage"),
        ("NOTIFYSUBJECT", "notifySubject"),
        ("id", "ticketId"),
        ("ticket", "ticketId"),
        ("ticket_id", "ticketId"),
        ("automated", "automated"),
        ("Contacts", "contacts"),
    ],
)
def test_server_field_names_map_to_form_fields(server_name: str, field: str) -> None:
    parsed = read_error_body(body({"errors": {server_name: ["Wrong."]}}))
    assert parsed == ErrorBody((FieldError(field, "Wrong."),), ())


def test_empty_and_null_messages_are_dropped() -> None:
    parsed = read_error_body(body({"errors": {"title": ["", None, "  "], "status": []}}))
    assert parsed == ErrorBody()


def test_messages_from_the_server_are_cleaned() -> None:
    parsed = read_error_body(body({"errors": {"title": ["Line 1\r\nLine 2\x00\x1b[31m"]}}))
    assert parsed.field_errors == (FieldError("title", "Line 1 Line 2 [31m"),)


@pytest.mark.parametrize(
    ("value", "cleaned"),
    [
        (None, ""),
        ("  plain  ", "plain"),
        ("a\nb", "a b"),
        ("a\r\n\tb", "a b"),
        ("bell\x07 and del\x7f", "bell  and del"),
        ("C1\x85control\x9b", "C1 control"),
        ("file\u202egpj.exe", "file gpj.exe"),  # a right-to-left override disguises text
        ("\u2066isolated\u2069", "isolated"),
        (42, "42"),
    ],
)
def test_clean_message(value: object, cleaned: str) -> None:
    assert clean_message(value) == cleaned


def test_clean_message_truncates_long_text() -> None:
    text = "x" * 1000
    cleaned = clean_message(text)
    assert len(cleaned) == 300
    assert cleaned.endswith("…")
    assert cleaned[:-1] == text[:299]
    assert clean_message("y" * 300) == "y" * 300


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("7", 7),
        (" 120 ", 120),
        ("0", 0),
        ("Mon, 01 Jun 2026 12:00:30 GMT", 30),
        ("Mon, 01 Jun 2026 14:02:00 +0200", 120),
        ("Mon, 01 Jun 2026 12:01:00 -0000", 60),  # "-0000": UTC, zone unknown
        ("Mon, 01 Jun 2026 12:00:05", 5),  # no zone: HTTP dates are GMT
        ("Mon, 01 Jun 2026 11:00:00 GMT", 0),  # already past
    ],
)
def test_retry_after_seconds(header: str, seconds: int) -> None:
    assert retry_after_seconds(header, now=NOW) == seconds


@pytest.mark.parametrize(
    "header",
    [None, "", "   ", "soon", "-5", "1.5", "1e3", "\xb2", "Mon, 99 Foo 2026"],
)
def test_retry_after_garbage_gives_none(header: str | None) -> None:
    assert retry_after_seconds(header, now=NOW) is None


@pytest.mark.parametrize(
    ("raw", "echoed"),
    [
        (
            body({"data": {"id": "tic_1", "status": "ON_HOLD"}}),
            {"id": "tic_1", "status": "ON_HOLD"},
        ),
        (body({"id": "tic_1"}), {"id": "tic_1"}),
        (body({"data": {}}), None),
        (body({"data": "ok"}), None),
        (body({"data": [1]}), None),
        (body({}), None),
        (body([{"id": "tic_1"}]), None),
        (b"", None),
        (b"OK", None),
        (b"<html>fine</html>", None),
    ],
)
def test_read_success_body(raw: bytes, echoed: dict[str, object] | None) -> None:
    assert read_success_body(raw) == echoed


def test_format_time() -> None:
    assert format_time(None) == ""
    moment = datetime(2026, 12, 1, 9, 0, 0, 999, tzinfo=timezone(timedelta(hours=-5)))
    assert format_time(moment) == "2026-12-01T09:00:00-05:00"
    assert format_time(datetime(2026, 12, 1, 14, 0, tzinfo=UTC)) == "2026-12-01T14:00:00+00:00"
    with pytest.raises(ValueError, match="UTC offset"):
        format_time(datetime(2026, 12, 1, 9, 0))


def test_what_the_ticket_has_after_a_2xx_is_the_echo_where_it_says_and_what_was_sent_else() -> None:
    sent = ("Leak", "Sink", "done")
    assert confirmed_state(*sent, None) == sent
    assert confirmed_state(*sent, {}) == sent
    echoed = {"status": "DONE", "title": "", "description": 7, "id": "tic_1"}
    assert confirmed_state(*sent, echoed) == ("Leak", "Sink", "DONE")
