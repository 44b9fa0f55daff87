"""Checking a `TicketDraft` before anything is sent, with one message per problem field."""

from __future__ import annotations

import re
from datetime import datetime

from gui.core.contacts import DEFAULT_REGION, parse_contacts
from gui.core.errors import FieldError, InvalidTicket
from gui.core.fields import FIELD_BY_NAME, FIELD_TABLE, FIELDS, ContactType, Kind, utf16_length
from gui.core.local_time import AmbiguousTime, NonexistentTime, place
from gui.core.messages import QT_TRANSLATE_NOOP, Message, join
from gui.core.sms import sms_length, too_long_problem
from gui.core.ticket import Notification, Operation, TicketDraft, TicketUpdate

_NEW_TICKET_ID = QT_TRANSLATE_NOOP(
    "validation", "A new ticket gets its id from Particle Space: leave the ticket id empty."
)
_CONTROL_CHARACTERS = QT_TRANSLATE_NOOP("validation", "Remove the invisible control characters.")
_DESCRIPTION = FIELD_BY_NAME["description"]  # optional on create
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_LINE_BREAK = re.compile(r"[\r\n]")
#: Control characters a multi-line field refuses: all but tab and the line breaks.
_CONTROL_IN_LINES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TOO_LONG = QT_TRANSLATE_NOOP(
    "validation", "This can have at most {maximum:,} characters; this one has {count:,}."
)
_INVISIBLE = QT_TRANSLATE_NOOP("validation", "Remove the invisible character {code} ({name}).")
_C1_CONTROL = QT_TRANSLATE_NOOP("validation", "a control character")
#: Refused in every text field, one line or several: invisible characters that change the
#: direction of the text around them (a title that reads otherwise than it is), hide text
#: (zero-width) or are C1 controls a terminal obeys (U+009B starts an escape sequence).
#: Allowed: the zero-width joiner and non-joiner (emoji sequences, Persian and Indic text) and
#: the left-to-right and right-to-left marks (U+200E, U+200F, U+061C), which direct only the
#: neutral characters beside them.
_INVISIBLE_NAMES: dict[str, str] = {
    "\u0085": QT_TRANSLATE_NOOP("validation", "next line"),
    "\u009b": QT_TRANSLATE_NOOP("validation", "control sequence introducer"),
    "\u180e": QT_TRANSLATE_NOOP("validation", "Mongolian vowel separator"),
    "\u200b": QT_TRANSLATE_NOOP("validation", "zero width space"),
    "\u2028": QT_TRANSLATE_NOOP("validation", "line separator"),
    "\u2029": QT_TRANSLATE_NOOP("validation", "paragraph separator"),
    "\u202a": QT_TRANSLATE_NOOP("validation", "left-to-right embedding"),
    "\u202b": QT_TRANSLATE_NOOP("validation", "right-to-left embedding"),
    "\u202c": QT_TRANSLATE_NOOP("validation", "pop directional formatting"),
    "\u202d": QT_TRANSLATE_NOOP("validation", "left-to-right override"),
    "\u202e": QT_TRANSLATE_NOOP("validation", "right-to-left override"),
    "\u2060": QT_TRANSLATE_NOOP("validation", "word joiner"),
    "\u2066": QT_TRANSLATE_NOOP("validation", "left-to-right isolate"),
    "\u2067": QT_TRANSLATE_NOOP("validation", "right-to-left isolate"),
    "\u2068": QT_TRANSLATE_NOOP("validation", "first strong isolate"),
    "\u2069": QT_TRANSLATE_NOOP("validation", "pop directional isolate"),
    "\ufeff": QT_TRANSLATE_NOOP("validation", "zero width no-break space"),
}
_INVISIBLE_CHARACTER = re.compile(
    "[\u0080-\u009f\u180e\u200b\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
)


def validate(draft: TicketDraft, *, now: datetime, region: str = DEFAULT_REGION) -> TicketUpdate:
    """The checked, normalised update; `InvalidTicket` listing every problem in form order.

    A new ticket (`Operation.CREATE`) has no id yet and may have no description. A time
    without a UTC offset is on this computer's clock (`gui.core.local_time.place`): one the
    clocks skip or repeat is refused with the time to use.
    """
    errors = _text_problems(draft)
    refused = {error.field for error in errors}  # their other checks would only repeat them

    def check(field: str, message: str | None) -> None:
        if message and field not in refused:
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
        notification, notify_errors = _check_notification(
            draft, now=now, region=region, refused=refused
        )
        errors.extend(error for error in notify_errors if error.field not in refused)

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


def _text_problems(draft: TicketDraft) -> list[FieldError]:
    """Text fields that are too long or hold a refused invisible character (checked before
    anything else looks at them: a megabyte is not parsed for contacts)."""
    errors: list[FieldError] = []
    for field in FIELD_TABLE:
        if field.max_length == 0 or (field.notify_only and not draft.notify):
            continue
        value = getattr(draft, field.attribute)
        if not isinstance(value, str):
            continue
        count = utf16_length(value)
        message: Message | None
        if count > field.max_length:
            message = _TOO_LONG.format(maximum=field.max_length, count=count)
        else:
            message = invisible_problem(value, several_lines=field.kind is Kind.LINES)
        if message:
            errors.append(FieldError(field.name, message))
    return errors


def invisible_problem(text: str, *, several_lines: bool) -> Message | None:
    """What is wrong with the invisible characters in `text`, naming the first refused one;
    None when there is none. A field of several lines may hold tabs and line breaks (its other
    control characters are refused); the one-line fields' are refused by their own checks."""
    found = _INVISIBLE_CHARACTER.search(text)
    if found is not None:
        character = found.group()
        name = _INVISIBLE_NAMES.get(character, _C1_CONTROL)
        return _INVISIBLE.format(code=f"U+{ord(character):04X}", name=name)
    if several_lines and _CONTROL_IN_LINES.search(text):
        return _CONTROL_CHARACTERS
    return None


def _check_notification(
    draft: TicketDraft, *, now: datetime, region: str, refused: set[str]
) -> tuple[Notification | None, list[FieldError]]:
    errors: list[FieldError] = []
    time = draft.time
    if time is not None and time.tzinfo is None:  # the window's local clock: placed here
        try:
            time = place(time)
        except (NonexistentTime, AmbiguousTime) as unplaced:
            errors.append(FieldError("time", unplaced.message))
            time = None
    if time is not None and time <= now:
        errors.append(
            FieldError(
                "time",
                QT_TRANSLATE_NOOP("validation", "Pick a time in the future, or choose “Send now”."),
            )
        )

    contact_type = draft.type
    contacts: tuple[str, ...] = ()
    if contact_type is None:
        errors.append(FieldError("type", QT_TRANSLATE_NOOP("validation", "Choose email or SMS.")))
    elif "contacts" not in refused:
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
            errors.append(FieldError("notifyMessage", too_long_problem(length)))
    if errors or contact_type is None:
        return None, errors
    notification = Notification(
        type=contact_type,
        contacts=contacts,
        time=time,
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
