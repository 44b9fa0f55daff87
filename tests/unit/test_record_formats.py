"""Draft files, outbox rows and request bodies as this app writes them, checked in as text.

Today's texts must come out byte for byte from equal values and read back to them; the texts
version 0.1.0 wrote (before new tickets, without ``operation``) must still load. Whatever
drives the encodings, these do not change.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from gui.core.fields import ContactType, Operation
from gui.core.ticket import (
    Notification,
    TicketDraft,
    TicketUpdate,
    draft_from_json,
    draft_to_json,
    update_from_json,
    update_to_json,
)
from gui.core.wire import decode_pairs, encode_body, encode_pairs

EASTERN = timezone(timedelta(hours=-5))

FULL_DRAFT = TicketDraft(
    ticket_id="tic_1001",
    title="Fuite d\u2019eau 🚰",
    description='Two\nlines\t"q"',
    status="ON_HOLD",
    notify=True,
    time=datetime(2026, 12, 1, 9, 0, tzinfo=EASTERN),
    type=ContactType.SMS,
    contacts="(202) 555-0123, x",
    notify_subject="Heads up",
    notify_message="Water off",
    automated=True,
)
NEW_DRAFT = TicketDraft(
    title="New", time=datetime(2026, 12, 1, 9, 0), type=None, operation=Operation.CREATE
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
        time=datetime(2026, 12, 1, 9, 0, 30, 5, tzinfo=EASTERN),
        subject="Heads up",
        message="Water is off from 9 to 11.",
    ),
)
PLAIN = TicketUpdate("tic_ü", "Leaking faucet", "", "ON_HOLD", automated=True)
CREATING = TicketUpdate(
    "",
    "New one",
    "",
    "NEW",
    automated=True,
    notification=Notification(ContactType.EMAIL, ("a@example.com",)),
    operation=Operation.CREATE,
)

DRAFTS = [
    (
        FULL_DRAFT,
        '{"automated":true,"contacts":"(202) 555-0123, x","description":"Two\\nlines\\t\\"q\\"",'
        '"notify":true,"notify_message":"Water off","notify_subject":"Heads up",'
        '"operation":"update","status":"ON_HOLD","ticket_id":"tic_1001",'
        '"time":"2026-12-01T09:00:00-05:00","title":"Fuite d\\u2019eau \\ud83d\\udeb0",'
        '"type":"sms"}',
    ),
    (
        TicketDraft(),
        '{"automated":false,"contacts":"","description":"","notify":false,"notify_message":"",'
        '"notify_subject":"","operation":"update","status":"","ticket_id":"","time":null,'
        '"title":"","type":"email"}',
    ),
    (
        NEW_DRAFT,
        '{"automated":false,"contacts":"","description":"","notify":false,"notify_message":"",'
        '"notify_subject":"","operation":"new","status":"","ticket_id":"",'
        '"time":"2026-12-01T09:00:00","title":"New","type":null}',
    ),
]

UPDATES = [
    (
        NOTIFYING,
        '{"automated":false,"description":"Line 1\\nLine 2","notification":{"contacts":'
        '["2025550123","+442079460958"],"message":"Water is off from 9 to 11.",'
        '"subject":"Heads up","time":"2026-12-01T09:00:30.000005-05:00","type":"sms"},'
        '"operation":"update","status":"NEW","ticket_id":"tic_1002","title":"Water shut-off"}',
    ),
    (
        PLAIN,
        '{"automated":true,"description":"","notification":null,"operation":"update",'
        '"status":"ON_HOLD","ticket_id":"tic_\\u00fc","title":"Leaking faucet"}',
    ),
    (
        CREATING,
        '{"automated":true,"description":"","notification":{"contacts":["a@example.com"],'
        '"message":"","subject":"","time":null,"type":"email"},"operation":"new",'
        '"status":"NEW","ticket_id":"","title":"New one"}',
    ),
]

BODIES = [
    (
        NOTIFYING,
        "title=Water%20shut-off&description=Line%201%0ALine%202&status=NEW&notify=1"
        "&time=2026-12-01T09%3A00%3A30-05%3A00&type=sms&contacts=2025550123%2C%2B442079460958"
        "&notifySubject=Heads%20up&notifyMessage=Water%20is%20off%20from%209%20to%2011."
        "&automated=0",
    ),
    (PLAIN, "title=Leaking%20faucet&description=&status=ON_HOLD&notify=0&automated=1"),
    (
        CREATING,
        "title=New%20one&status=NEW&notify=1&time=&type=email&contacts=a%40example.com&automated=1",
    ),
]

# Written by version 0.1.0 of this app (FULL_DRAFT, TicketDraft() and NOTIFYING, PLAIN).
DRAFTS_0_1_0 = [
    (
        FULL_DRAFT,
        '{"automated":true,"contacts":"(202) 555-0123, x","description":"Two\\nlines\\t\\"q\\"",'
        '"notify":true,"notify_message":"Water off","notify_subject":"Heads up",'
        '"status":"ON_HOLD","ticket_id":"tic_1001","time":"2026-12-01T09:00:00-05:00",'
        '"title":"Fuite d\\u2019eau \\ud83d\\udeb0","type":"sms"}',
    ),
    (
        TicketDraft(),
        '{"automated":false,"contacts":"","description":"","notify":false,"notify_message":"",'
        '"notify_subject":"","status":"","ticket_id":"","time":null,"title":"","type":"email"}',
    ),
]
UPDATES_0_1_0 = [
    (
        NOTIFYING,
        '{"automated":false,"description":"Line 1\\nLine 2","notification":{"contacts":'
        '["2025550123","+442079460958"],"message":"Water is off from 9 to 11.",'
        '"subject":"Heads up","time":"2026-12-01T09:00:30.000005-05:00","type":"sms"},'
        '"status":"NEW","ticket_id":"tic_1002","title":"Water shut-off"}',
    ),
    (
        PLAIN,
        '{"automated":true,"description":"","notification":null,"status":"ON_HOLD",'
        '"ticket_id":"tic_\\u00fc","title":"Leaking faucet"}',
    ),
]


@pytest.mark.parametrize(("draft", "text"), DRAFTS, ids=["full", "empty", "new"])
def test_a_draft_file_is_written_and_read_as_today(draft: TicketDraft, text: str) -> None:
    assert draft_to_json(draft) == text
    assert draft_from_json(text) == draft


@pytest.mark.parametrize(("update", "text"), UPDATES, ids=["notify", "plain", "new"])
def test_an_outbox_row_is_written_and_read_as_today(update: TicketUpdate, text: str) -> None:
    assert update_to_json(update) == text
    assert update_from_json(text) == update


@pytest.mark.parametrize(("draft", "text"), DRAFTS_0_1_0, ids=["full", "empty"])
def test_a_draft_file_of_version_0_1_0_loads(draft: TicketDraft, text: str) -> None:
    assert draft_from_json(text) == draft


@pytest.mark.parametrize(("update", "text"), UPDATES_0_1_0, ids=["notify", "plain"])
def test_an_outbox_row_of_version_0_1_0_loads(update: TicketUpdate, text: str) -> None:
    assert update_from_json(text) == update


@pytest.mark.parametrize(("update", "body"), BODIES, ids=["notify", "plain", "new"])
def test_the_request_body_is_as_today(update: TicketUpdate, body: str) -> None:
    assert encode_body(update) == body


def test_a_history_entry_opens_as_today() -> None:
    assert decode_pairs("tic_1002", encode_pairs(NOTIFYING)) == TicketDraft(
        ticket_id="tic_1002",
        title="Water shut-off",
        description="Line 1\nLine 2",
        status="NEW",
        notify=True,
        time=datetime(2026, 12, 1, 9, 0, 30, tzinfo=EASTERN),  # the wire keeps seconds
        type=ContactType.SMS,
        contacts="2025550123, +442079460958",
        notify_subject="Heads up",
        notify_message="Water is off from 9 to 11.",
        automated=False,
    )
