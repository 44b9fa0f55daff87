"""Checking a `TicketDraft` before anything is sent, with one message per problem field."""

from __future__ import annotations

import re
from datetime import datetime

from gui.core.contacts import DEFAULT_REGION, parse_contacts
from gui.core.errors import FieldError, InvalidTicket
from gui.core.fields import FIELD_BY_NAME, FIELDS, ContactType
from gui.core.messages import QT_TRANSLATE_NOOP, join
from gui.core.sms import MAX_SMS_CHARACTERS, sms_length
from gui.core.ticket import Notification, Operation, TicketDraft, TicketUpdate

_NEW_TICKET_ID = QT_TRANSLATE_NOOP(
    "validation", "A new ticket gets its id from Particle Space: leave the ticket id empty."
)
_CONTROL_CHARACTERS = QT_TRANSLATE_NOOP("validation", "Remove the invisible control characters.")
_DESCRIPTION = FIELD_BY_NAME["description"]  # optional on create
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_LINE_BREAK = re.compile(r"[\r\n\u2028\u2029]")


def validate(draft: TicketDraft, *, now: datetime, region: str = DEFAULT_REGION) -> TicketUpdate:
    """The checked, normalised update; `InvalidTicket` listing every problem in form order.

    A new ticket (`Operation.CREATE`) has no id yet and may have no description.
    """
    errors: list[FieldError] = []

    def check(field: str, message: str | None) -> None:
        if message:
            errors.append(FieldError(field, message))

    ticket_id = draft.ticket_id.strip()
    title = draft.title.strip()
    status = draft.status.strip()
    creating = draft.operation is Operation.CREATE
    if creating:
        check("ticketId", _NEW_TICKET_ID if ticket_id else None)
    else:
        check("ticketId", _ticket_id_problem(ticket_id))
    check("title", _required_line(title, QT_TRANSLATE_NOOP("validation", "Enter a title.")))
    if _DESCRIPTION.required_for(draft.operation) and not draft.description.strip():
        check("description", QT_TRANSLATE_NOOP("validation", "Enter a description."))
    check(
        "status",
        _required_line(status, QT_TRANSLATE_NOOP("validation", "Choose or type a status.")),
    )

    notification = None
    if draft.notify:
        notification, notify_errors = _check_notification(draft, now=now, region=region)
        errors.extend(notify_errors)

    if errors:
        errors.sort(key=lambda error: FIELDS.index(error.field))
        raise InvalidTicket(errors)
    return TicketUpdate(
        ticket_id=ticket_id,
        title=title,
        description=draft.description,
        status=status,
        automated=draft.automated,
        notification=notification,
        operation=draft.operation,
    )


def _check_notification(
    draft: TicketDraft, *, now: datetime, region: str
) -> tuple[Notification | None, list[FieldError]]:
    errors: list[FieldError] = []
    if draft.time is not None:
        if draft.time.tzinfo is None:
            raise ValueError("the notification time must carry its UTC offset")
        if draft.time <= now:
            errors.append(
                FieldError(
                    "time",
                    QT_TRANSLATE_NOOP(
                        "validation", "Pick a time in the future, or choose “Send now”."
                    ),
                )
            )

    contact_type = draft.type
    contacts: tuple[str, ...] = ()
    if contact_type is None:
        errors.append(FieldError("type", QT_TRANSLATE_NOOP("validation", "Choose email or SMS.")))
    else:
        contacts, problem = _parse_contacts(draft.contacts, contact_type, region)
        if problem:
            errors.append(FieldError("contacts", problem))

    subject = draft.notify_subject.strip()
    if _LINE_BREAK.search(subject):
        errors.append(
            FieldError(
                "notifySubject", QT_TRANSLATE_NOOP("validation", "Keep the subject on one line.")
            )
        )
    elif _CONTROL.search(subject):
        errors.append(FieldError("notifySubject", _CONTROL_CHARACTERS))
    message = draft.notify_message if draft.notify_message.strip() else ""
    if contact_type is ContactType.SMS:
        length = sms_length(message)
        if length.too_long:
            errors.append(
                FieldError(
                    "notifyMessage",
                    QT_TRANSLATE_NOOP(
                        "validation",
                        "A text message can have at most {maximum:,} characters; "
                        "this one has {count:,}.",
                    ).format(maximum=MAX_SMS_CHARACTERS, count=length.characters),
                )
            )
    if errors or contact_type is None:
        return None, errors
    notification = Notification(
        type=contact_type,
        contacts=contacts,
        time=draft.time,
        subject=subject,
        message=message,
    )
    return notification, errors


def _parse_contacts(
    text: str, contact_type: ContactType, region: str
) -> tuple[tuple[str, ...], str | None]:
    parsed = parse_contacts(text, contact_type, region=region)
    if parsed.problems:
        return parsed.contacts, join(parsed.problems)
    if not parsed.contacts:
        if contact_type is ContactType.EMAIL:
            return parsed.contacts, QT_TRANSLATE_NOOP(
                "validation", "Add at least one email address to notify."
            )
        return parsed.contacts, QT_TRANSLATE_NOOP(
            "validation", "Add at least one phone number to notify."
        )
    return parsed.contacts, None


def _required_line(value: str, missing: str) -> str | None:
    if not value:
        return missing
    if _LINE_BREAK.search(value):
        return QT_TRANSLATE_NOOP("validation", "Keep this on one line.")
    if _CONTROL.search(value):
        return _CONTROL_CHARACTERS
    return None


def _ticket_id_problem(ticket_id: str) -> str | None:
    if not ticket_id:
        return QT_TRANSLATE_NOOP("validation", "Enter the ticket id (it looks like tic_…).")
    for character in ("/", "?", "#"):
        if character in ticket_id:
            return QT_TRANSLATE_NOOP(
                "validation", "A ticket id cannot contain “{character}”."
            ).format(character=character)
    if _LINE_BREAK.search(ticket_id) or _CONTROL.search(ticket_id):
        return QT_TRANSLATE_NOOP(
            "validation", "A ticket id cannot contain line breaks or control characters."
        )
    if any(character.isspace() for character in ticket_id):
        return QT_TRANSLATE_NOOP("validation", "A ticket id cannot contain spaces.")
    if ticket_id in {".", ".."}:  # URLs drop dot segments: /ticket/.. would be the API root
        return QT_TRANSLATE_NOOP("validation", "A ticket id cannot be “.” or “..”.")
    return None
