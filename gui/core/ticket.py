"""A ticket update: what the user typed (`TicketDraft`), what is sent (`TicketUpdate`), and
both as JSON for the draft file and the outbox.

The JSON is stable (sorted keys, no insignificant spaces, ASCII only: equal values give equal
text), writes times as ISO 8601 with their UTC offset and contact types by their API value.
Reading it back raises `ValueError` for anything malformed, never another exception.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from gui.core.fields import ContactType, Operation

__all__ = [
    "Notification",
    "Operation",
    "TicketDraft",
    "TicketUpdate",
    "draft_from_json",
    "draft_to_json",
    "update_from_json",
    "update_to_json",
]


@dataclass(frozen=True)
class TicketDraft:
    """The form as the user filled it in: raw text, nothing checked yet."""

    ticket_id: str = ""
    title: str = ""
    description: str = ""
    status: str = ""
    notify: bool = False
    time: datetime | None = None  # None means "send now"
    type: ContactType | None = ContactType.EMAIL
    contacts: str = ""
    notify_subject: str = ""
    notify_message: str = ""
    automated: bool = False
    operation: Operation = Operation.UPDATE


@dataclass(frozen=True)
class Notification:
    """Who is told about the update, how and when; only exists when notify is on."""

    type: ContactType
    contacts: tuple[str, ...]  # normalised: emails as email-validator gives them, phones as digits
    time: datetime | None = None  # timezone-aware; None means "send now"
    subject: str = ""
    message: str = ""


@dataclass(frozen=True)
class TicketUpdate:
    """A checked update, ready to be encoded for the wire."""

    ticket_id: str
    title: str
    description: str
    status: str
    automated: bool
    notification: Notification | None = None
    operation: Operation = Operation.UPDATE

    @property
    def notify(self) -> bool:
        return self.notification is not None

    @property
    def creates(self) -> bool:
        return self.operation is Operation.CREATE

    @property
    def resend_is_safe(self) -> bool:
        """Whether sending it twice changes nothing: an update without notification (a PUT of
        the same values). A second create would make a second ticket; a second notification
        would text people twice."""
        return not self.notify and not self.creates


# --- JSON ------------------------------------------------------------------------------------


def update_to_json(update: TicketUpdate) -> str:
    """`update` as stable JSON; `ValueError` if its notification time has no UTC offset."""
    notification = update.notification
    document: dict[str, Any] = {
        "ticket_id": update.ticket_id,
        "title": update.title,
        "description": update.description,
        "status": update.status,
        "automated": update.automated,
        "notification": None,
        "operation": update.operation.value,
    }
    if notification is not None:
        document["notification"] = {
            "type": notification.type.value,
            "contacts": list(notification.contacts),
            "time": _time_to_json(notification.time, required_offset=True),
            "subject": notification.subject,
            "message": notification.message,
        }
    return _dumps(document)


def update_from_json(text: str) -> TicketUpdate:
    """The `TicketUpdate` that `update_to_json` wrote; `ValueError` on anything malformed.

    Every field is required except ``notification`` (missing means none) and ``operation``
    (missing means an update, as records written before new tickets existed); unknown keys are
    ignored so that a newer app's records still load.
    """
    document = _loads(text)
    notification: Notification | None = None
    raw = document.get("notification")
    if raw is not None:
        if not isinstance(raw, dict):
            raise ValueError("notification: expected an object or null")
        contacts = _required(raw, "contacts", list)
        if not all(isinstance(contact, str) for contact in contacts):
            raise ValueError("notification.contacts: expected a list of strings")
        notification = Notification(
            type=_contact_type(_required(raw, "type", str)),
            contacts=tuple(contacts),
            time=_time_from_json(raw.get("time"), "notification.time", required_offset=True),
            subject=_optional(raw, "subject", str, ""),
            message=_optional(raw, "message", str, ""),
        )
    return TicketUpdate(
        ticket_id=_required(document, "ticket_id", str),
        title=_required(document, "title", str),
        description=_required(document, "description", str),
        status=_required(document, "status", str),
        automated=_required(document, "automated", bool),
        notification=notification,
        operation=_operation(_optional(document, "operation", str, Operation.UPDATE.value)),
    )


def draft_to_json(draft: TicketDraft) -> str:
    """`draft` as stable JSON (a time without an offset is kept as typed, without one)."""
    document: dict[str, Any] = {
        "ticket_id": draft.ticket_id,
        "title": draft.title,
        "description": draft.description,
        "status": draft.status,
        "notify": draft.notify,
        "time": _time_to_json(draft.time, required_offset=False),
        "type": draft.type.value if draft.type is not None else None,
        "contacts": draft.contacts,
        "notify_subject": draft.notify_subject,
        "notify_message": draft.notify_message,
        "automated": draft.automated,
        "operation": draft.operation.value,
    }
    return _dumps(document)


def draft_from_json(text: str) -> TicketDraft:
    """The `TicketDraft` that `draft_to_json` wrote; `ValueError` on anything malformed.

    Missing keys take the form's defaults and unknown keys are ignored, so drafts written by an
    older or newer app still load.
    """
    document = _loads(text)
    default = TicketDraft()
    raw_type = document.get("type", _MISSING)
    if raw_type is _MISSING:
        contact_type = default.type
    elif raw_type is None:
        contact_type = None
    elif isinstance(raw_type, str):
        contact_type = _contact_type(raw_type)
    else:
        raise ValueError("type: expected a string or null")
    return TicketDraft(
        ticket_id=_optional(document, "ticket_id", str, default.ticket_id),
        title=_optional(document, "title", str, default.title),
        description=_optional(document, "description", str, default.description),
        status=_optional(document, "status", str, default.status),
        notify=_optional(document, "notify", bool, default.notify),
        time=_time_from_json(document.get("time"), "time", required_offset=False),
        type=contact_type,
        contacts=_optional(document, "contacts", str, default.contacts),
        notify_subject=_optional(document, "notify_subject", str, default.notify_subject),
        notify_message=_optional(document, "notify_message", str, default.notify_message),
        automated=_optional(document, "automated", bool, default.automated),
        operation=_operation(_optional(document, "operation", str, default.operation.value)),
    )


_MISSING = object()
_T = TypeVar("_T")


def _dumps(document: dict[str, Any]) -> str:
    # ASCII only: a lone surrogate from a paste cannot make the file or the database unwritable.
    return json.dumps(document, sort_keys=True, separators=(",", ":"))


def _loads(text: str) -> dict[str, Any]:
    if not isinstance(text, str):
        raise ValueError(f"expected JSON text, got {type(text).__name__}")
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:  # JSONDecodeError is a ValueError
        raise ValueError(f"not valid JSON: {error}") from None
    if not isinstance(document, dict):
        raise ValueError("expected a JSON object")
    return document


def _required(document: dict[str, Any], key: str, kind: type[_T]) -> _T:
    if key not in document:
        raise ValueError(f"{key}: missing")
    return _checked(document[key], key, kind)


def _optional(document: dict[str, Any], key: str, kind: type[_T], default: _T) -> _T:
    if key not in document:
        return default
    return _checked(document[key], key, kind)


def _checked(value: object, key: str, kind: type[_T]) -> _T:
    # bool is an int in Python, never the other way round here: JSON true is not a number.
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise ValueError(f"{key}: expected {kind.__name__}, got {type(value).__name__}")
    return value


def _contact_type(value: str) -> ContactType:
    try:
        return ContactType(value)
    except ValueError:
        raise ValueError(f"type: unknown contact type {value!r}") from None


def _operation(value: str) -> Operation:
    try:
        return Operation(value)
    except ValueError:
        raise ValueError(f"operation: unknown operation {value!r}") from None


def _time_to_json(moment: datetime | None, *, required_offset: bool) -> str | None:
    if moment is None:
        return None
    if required_offset and moment.tzinfo is None:
        raise ValueError("the notification time must carry its UTC offset")
    return moment.isoformat()


def _time_from_json(value: object, key: str, *, required_offset: bool) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{key}: expected an ISO 8601 string or null")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{key}: not an ISO 8601 time: {value!r}") from None
    if required_offset and moment.tzinfo is None:
        raise ValueError(f"{key}: the time has no UTC offset")
    return moment
