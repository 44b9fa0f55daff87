"""The notification preview's core (gui/core/preview.py) and SMS parts (gui/core/sms.py)."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from gui.core.address_book import AddressBook, Person
from gui.core.errors import InvalidTicket
from gui.core.fields import ContactType
from gui.core.preview import Recipient, preview
from gui.core.sms import GSM_EXTENSION, Encoding, sms_length, sms_parts
from gui.core.ticket import TicketDraft

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
BOOK = AddressBook(
    (
        Person("Ana Ruiz", email="Ana@Example.com", phone="(202) 555-0177", groups=("Planta 3",)),
        Person("María López", phone="(202) 555-0123", groups=("Planta 3",)),
    )
)


def draft(**changes: object) -> TicketDraft:
    values: dict[str, object] = {
        "ticket_id": "tic_1001",
        "title": "Water",
        "description": "Off",
        "status": "NEW",
        "notify": True,
        "type": ContactType.SMS,
        "contacts": "Planta 3, (202) 555-0188",
        "notify_message": "Mañana no habrá agua de 9 a 11.",
    }
    values.update(changes)
    return TicketDraft(**values)  # type: ignore[arg-type]


def test_an_sms_to_a_group_lists_each_member_by_name_and_a_typed_number_without_one() -> None:
    shown = preview(draft(), BOOK, now=NOW)
    assert shown is not None
    assert shown.recipients == (
        Recipient("2025550177", "Ana Ruiz"),
        Recipient("2025550123", "María López"),
        Recipient("2025550188", ""),
    )
    assert shown.length is not None and shown.length.encoding is Encoding.UCS2
    assert shown.parts == ("Mañana no habrá agua de 9 a 11.",)


def test_an_email_shows_its_subject_and_body_and_names_by_address() -> None:
    shown = preview(
        draft(
            type=ContactType.EMAIL,
            contacts="ana@example.com",
            notify_subject="Corte de agua",
            notify_message="Mañana de 9 a 11.",
        ),
        BOOK,
        now=NOW,
    )
    assert shown is not None
    assert (shown.subject, shown.message) == ("Corte de agua", "Mañana de 9 a 11.")
    assert [r.name for r in shown.recipients] == ["Ana Ruiz"]
    assert shown.length is None and shown.parts == ()


def test_nothing_to_preview_without_notify_and_what_sending_refuses_is_raised() -> None:
    assert preview(draft(notify=False), BOOK, now=NOW) is None
    with pytest.raises(InvalidTicket) as refused:
        preview(draft(contacts="Nobody"), BOOK, now=NOW)
    assert [error.field for error in refused.value.field_errors] == ["contacts"]


def test_parts_are_cut_as_carriers_cut_them() -> None:
    assert sms_parts("") == []
    assert sms_parts("x" * 160) == ["x" * 160]
    assert sms_parts("x" * 320) == ["x" * 153, "x" * 153, "x" * 14]
    # An extension character counts two and is never cut from its escape.
    assert sms_parts("x" * 152 + "{" + "x" * 152) == ["x" * 152, "{" + "x" * 151, "x"]
    # UCS-2: 67 units a part, and an emoji (two units) stays whole.
    assert sms_parts("á" + "x" * 65 + "💧" + "y" * 10) == ["á" + "x" * 65, "💧" + "y" * 10]


def test_the_parts_agree_with_the_count_and_give_back_the_text() -> None:
    rng = random.Random(15)
    alphabet = "abc xyz" + "".join(GSM_EXTENSION) + "áñ€💧“"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 700)))
        parts = sms_parts(text)
        assert "".join(parts) == text
        assert len(parts) == sms_length(text).segments


def test_a_batchs_change_is_previewed_without_any_tickets_fields() -> None:
    from gui.core.batch import Change
    from gui.core.preview import preview_change

    change = Change(notify=True, type=ContactType.SMS, contacts="planta 3", notify_message="Hoy.")
    shown = preview_change(change, BOOK, now=NOW)
    assert shown is not None
    assert [r.name for r in shown.recipients] == ["Ana Ruiz", "María López"]
    assert preview_change(Change(), BOOK, now=NOW) is None  # it notifies nobody
    with pytest.raises(InvalidTicket) as refused:
        preview_change(
            Change(notify=True, type=ContactType.EMAIL, contacts="Planta 3"), BOOK, now=NOW
        )
    assert "María López has no email address." in str(refused.value.field_errors[0].message)
