"""Updates and drafts as JSON: the outbox and the draft file store them this way."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from gui.core.fields import ContactType
from gui.core.ticket import (
    Notification,
    TicketDraft,
    TicketUpdate,
    draft_from_json,
    draft_to_json,
    update_from_json,
    update_to_json,
)
from gui.core.validation import validate

EASTERN = timezone(timedelta(hours=-5))
KOLKATA = timezone(timedelta(hours=5, minutes=30))

PLAIN = TicketUpdate(
    ticket_id="tic_1001",
    title="Leaking faucet",
    description="Leak under the kitchen sink in 1A requires new part.",
    status="ON_HOLD",
    automated=True,
)
NOTIFYING = TicketUpdate(
    ticket_id="tic_1002",
    title="Water shut-off",
    description="Line 1\nLine 2",
    status="NEW",
    automated=False,
    notification=Notification(
        type=ContactType.SMS,
        contacts=("2025550123", "+442079460958"),
        time=datetime(2026, 12, 1, 9, 0, tzinfo=EASTERN),
        subject="Heads up",
        message="Water is off from 9 to 11.",
    ),
)
UNICODE = TicketUpdate(
    ticket_id="tic_ü",
    title="Fuite d\u2019eau — 水漏れ 🚰",
    description='Küche: «robinet» \u2028 \U0001f6b0 \\ " \t end',
    status="EN_ATTENTE",
    automated=False,
    notification=Notification(
        type=ContactType.EMAIL,
        contacts=("zoë@example.com",),
        time=None,
        subject="Ça fuit",
        message="",
    ),
)


@pytest.mark.parametrize("update", [PLAIN, NOTIFYING, UNICODE], ids=["plain", "notify", "unicode"])
def test_update_round_trips(update: TicketUpdate) -> None:
    assert update_from_json(update_to_json(update)) == update


def test_update_json_is_stable_and_readable() -> None:
    text = update_to_json(NOTIFYING)
    assert text == update_to_json(NOTIFYING)
    document = json.loads(text)
    assert list(document) == sorted(document)
    assert document["notification"]["time"] == "2026-12-01T09:00:00-05:00"
    assert document["notification"]["type"] == "sms"
    assert document["notification"]["contacts"] == ["2025550123", "+442079460958"]
    assert json.loads(update_to_json(PLAIN))["notification"] is None


def test_update_json_is_ascii_so_any_text_can_be_stored() -> None:
    text = update_to_json(UNICODE)
    assert text.isascii()
    lone_surrogate = TicketUpdate("tic_1", "a\ud800b", "d", "NEW", automated=False)
    assert update_from_json(update_to_json(lone_surrogate)) == lone_surrogate


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 12, 1, 9, 0, tzinfo=EASTERN),
        datetime(2026, 12, 1, 9, 0, 5, 123456, tzinfo=KOLKATA),
        datetime(2026, 12, 1, 14, 0, tzinfo=UTC),
    ],
)
def test_time_keeps_its_offset(moment: datetime) -> None:
    update = TicketUpdate(
        "tic_1",
        "t",
        "d",
        "NEW",
        automated=False,
        notification=Notification(ContactType.EMAIL, ("a@example.com",), time=moment),
    )
    back = update_from_json(update_to_json(update))
    assert back.notification is not None and back.notification.time is not None
    assert back.notification.time == moment
    assert back.notification.time.utcoffset() == moment.utcoffset()


def test_a_validated_update_round_trips() -> None:
    draft = TicketDraft(
        ticket_id="tic_9",
        title="Heating",
        description="Radiator cold",
        status="NEW",
        notify=True,
        time=datetime(2027, 1, 5, 8, 30, tzinfo=EASTERN),
        type=ContactType.SMS,
        contacts="(202) 555-0123, +44 20 7946 0958",
        notify_subject="",
        notify_message="Engineer at 8:30",
    )
    update = validate(draft, now=datetime(2026, 12, 1, tzinfo=UTC))
    assert update_from_json(update_to_json(update)) == update


def test_an_update_without_an_offset_is_refused() -> None:
    naive = TicketUpdate(
        "tic_1",
        "t",
        "d",
        "NEW",
        automated=False,
        notification=Notification(
            ContactType.EMAIL, ("a@example.com",), time=datetime(2026, 12, 1, 9)
        ),
    )
    with pytest.raises(ValueError, match="offset"):
        update_to_json(naive)


def _update_document(**changes: object) -> str:
    document = json.loads(update_to_json(NOTIFYING))
    for key, value in changes.items():
        if "." in key:
            outer, inner = key.split(".")
            if value is _DELETE:
                del document[outer][inner]
            else:
                document[outer][inner] = value
        elif value is _DELETE:
            del document[key]
        else:
            document[key] = value
    return json.dumps(document)


_DELETE = object()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not json",
        "{",
        "[]",
        "null",
        '"tic_1"',
        "42",
        _update_document(ticket_id=_DELETE),
        _update_document(title=None),
        _update_document(ticket_id=1001),
        _update_document(automated=1),
        _update_document(automated="true"),
        _update_document(status=["NEW"]),
        _update_document(notification=[]),
        _update_document(notification="sms"),
        _update_document(**{"notification.type": "fax"}),
        _update_document(**{"notification.type": _DELETE}),
        _update_document(**{"notification.contacts": "2025550123"}),
        _update_document(**{"notification.contacts": [2025550123]}),
        _update_document(**{"notification.time": "tomorrow at nine"}),
        _update_document(**{"notification.time": "2026-12-01T09:00:00"}),
        _update_document(**{"notification.time": 1796000000}),
        _update_document(**{"notification.subject": None}),
        "[" * 100_000,
    ],
)
def test_malformed_update_json_raises_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        update_from_json(text)


def test_update_json_ignores_unknown_keys_and_a_missing_notification() -> None:
    document = json.loads(update_to_json(PLAIN))
    document["added_by_a_newer_app"] = {"x": 1}
    del document["notification"]
    assert update_from_json(json.dumps(document)) == PLAIN


def test_update_from_json_refuses_bytes() -> None:
    with pytest.raises(ValueError):
        update_from_json(update_to_json(PLAIN).encode())  # type: ignore[arg-type]


# --- Drafts ----------------------------------------------------------------------------------

FULL_DRAFT = TicketDraft(
    ticket_id="tic_1001",
    title="Fuite d\u2019eau 🚰",
    description="Two\nlines",
    status="ON_HOLD",
    notify=True,
    time=datetime(2026, 12, 1, 9, 0, tzinfo=EASTERN),
    type=ContactType.SMS,
    contacts="(202) 555-0123, not yet a numb",
    notify_subject="Heads up",
    notify_message="Water off",
    automated=True,
)


@pytest.mark.parametrize(
    "draft",
    [
        TicketDraft(),
        FULL_DRAFT,
        TicketDraft(type=None, notify=True),
        TicketDraft(time=datetime(2026, 12, 1, 9, 0, tzinfo=KOLKATA)),
        TicketDraft(ticket_id="  tic_ spaces kept  ", contacts=" , , "),
    ],
    ids=["empty", "full", "no-type", "time", "as-typed"],
)
def test_draft_round_trips(draft: TicketDraft) -> None:
    assert draft_from_json(draft_to_json(draft)) == draft


def test_draft_json_is_stable_and_uses_api_values() -> None:
    text = draft_to_json(FULL_DRAFT)
    assert text == draft_to_json(FULL_DRAFT)
    document = json.loads(text)
    assert document["type"] == "sms"
    assert document["time"] == "2026-12-01T09:00:00-05:00"
    assert json.loads(draft_to_json(TicketDraft(type=None)))["type"] is None


def test_missing_draft_keys_take_the_defaults_and_unknown_keys_are_ignored() -> None:
    assert draft_from_json("{}") == TicketDraft()
    assert draft_from_json('{"title": "Only this", "from_the_future": [1, 2]}') == TicketDraft(
        title="Only this"
    )
    assert draft_from_json('{"type": null}').type is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "garbage",
        '{"title": "cut off',
        "[]",
        "null",
        '{"title": 5}',
        '{"notify": "yes"}',
        '{"notify": 1}',
        '{"type": "fax"}',
        '{"type": 1}',
        '{"time": "tomorrow"}',
        '{"time": 1796000000}',
        '{"contacts": ["a@example.com"]}',
    ],
)
def test_malformed_draft_json_raises_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        draft_from_json(text)
