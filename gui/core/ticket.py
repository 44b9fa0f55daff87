"""A ticket update: what the user typed (`TicketDraft`), what is sent (`TicketUpdate`), and
both as JSON for the draft file and the outbox.

Both records are read and written field by field from `gui.core.fields.FIELD_TABLE`, as the
wire pairs (`gui.core.wire`), the CSV rows and the form are.

The JSON is stable (sorted keys, no insignificant spaces, ASCII only: equal values give equal
text), writes times as ISO 8601 with their UTC offset and contact types by their API value.
Reading it back raises `ValueError` for anything malformed, never another exception. A key
the record has a default for may be missing (so files written before a field existed still
load); unknown keys are ignored (so a newer app's files still load).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from gui.core.fields import (
    FIELD_BY_NAME,
    FIELD_TABLE,
    NOTIFY,
    ContactType,
    Field,
    Kind,
    Operation,
)

__all__ = [
    "Notification",
    "Operation",
    "TicketDraft",
    "TicketUpdate",
    "draft_from_json",
    "draft_from_update",
    "draft_from_values",
    "draft_to_json",
    "field_values",
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

    @property
    def blank(self) -> bool:
        """Nothing typed or chosen: an empty form, for an update or a new ticket."""
        return dataclasses.replace(self, operation=Operation.UPDATE) == TicketDraft()


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


# --- Field by field ----------------------------------------------------------------------------

#: What a draft holds for each kind of field (what the user typed, unchecked).
_DRAFT_TYPES: dict[Kind, tuple[type, ...]] = {
    Kind.ID: (str,),
    Kind.LINE: (str,),
    Kind.LINES: (str,),
    Kind.STATUS: (str,),
    Kind.FLAG: (bool,),
    Kind.CONTACT_TYPE: (ContactType, type(None)),
    Kind.CONTACTS: (str,),
    Kind.TIME: (datetime, type(None)),
}


def draft_from_values(
    values: Mapping[str, object], *, operation: Operation = Operation.UPDATE
) -> TicketDraft:
    """A draft from field values by API name (what a form, a CSV row or the command line gave);
    a field left out takes the form's default.

    `ValueError` for a name that is not a field, `TypeError` for a value its kind does not take.
    """
    attributes: dict[str, Any] = {}
    for name, value in values.items():
        field = FIELD_BY_NAME.get(name)
        if field is None:
            raise ValueError(f"{name}: not a field of a ticket")
        if not isinstance(value, _DRAFT_TYPES[field.kind]):
            raise TypeError(f"{name}: a draft holds no {type(value).__name__} for {field.kind}")
        attributes[field.attribute] = value
    return TicketDraft(**attributes, operation=operation)


def field_values(update: TicketUpdate) -> dict[str, object]:
    """Each field's value in `update` by API name, in form order; the notify-only fields only
    when it notifies (contacts a tuple, type a ContactType, time with its offset or None)."""
    values: dict[str, object] = {}
    for field in FIELD_TABLE:
        if field.name == NOTIFY:
            values[field.name] = update.notify
        elif not field.notify_only:
            values[field.name] = getattr(update, field.attribute)
        elif update.notification is not None:
            values[field.name] = getattr(update.notification, field.notification_attribute)
    return values


def draft_from_update(update: TicketUpdate) -> TicketDraft:
    """The form that sends `update` again (an outbox item opened in the form), without going
    through the wire: contacts joined with ", " as the form shows them, the operation kept.
    Validating it gives `update` back."""
    values = field_values(update)
    for name, value in values.items():
        if FIELD_BY_NAME[name].kind is Kind.CONTACTS and isinstance(value, tuple):
            values[name] = ", ".join(value)
    return draft_from_values(values, operation=update.operation)


# --- JSON ------------------------------------------------------------------------------------


#: The outbox's keys: the ticket's fields by their `TicketUpdate` attribute (notify is whether
#: there is a notification), the notify-only ones by their `Notification` attribute.
_TICKET_KEYS = {
    field.attribute: field
    for field in FIELD_TABLE
    if not field.notify_only and field.name != NOTIFY
}
_NOTIFICATION_KEYS = {
    field.notification_attribute: field for field in FIELD_TABLE if field.notify_only
}


def update_to_json(update: TicketUpdate) -> str:
    """`update` as stable JSON; `ValueError` if its notification time has no UTC offset.

    The ticket's fields, an ``operation``, and a ``notification``: null, or an object of the
    notify-only fields.
    """
    values = field_values(update)

    def stored(keys: dict[str, Field]) -> dict[str, Any]:
        return {
            key: _to_json(field.kind, values[field.name], required_offset=True)
            for key, field in keys.items()
        }

    document = stored(_TICKET_KEYS)
    document["notification"] = stored(_NOTIFICATION_KEYS) if update.notify else None
    document["operation"] = update.operation.value
    return _dumps(document)


def update_from_json(text: str) -> TicketUpdate:
    """The `TicketUpdate` that `update_to_json` wrote; `ValueError` on anything malformed.

    ``notification`` may be missing (none), and ``operation`` (an update, as records written
    before new tickets existed).
    """
    document = _loads(text)
    raw = document.get("notification")
    if raw is not None and not isinstance(raw, dict):
        raise ValueError("notification: expected an object or null")
    notification = None
    if raw is not None:
        notification = Notification(**_stored_values(Notification, raw, _NOTIFICATION_KEYS))
    return TicketUpdate(
        **_stored_values(TicketUpdate, document, _TICKET_KEYS),
        notification=notification,
        operation=_operation(_optional(document, "operation", str, Operation.UPDATE.value)),
    )


def draft_to_json(draft: TicketDraft) -> str:
    """`draft` as stable JSON, its fields by attribute (a time without an offset is kept as
    typed, without one)."""
    document: dict[str, Any] = {
        field.attribute: _to_json(
            field.kind, getattr(draft, field.attribute), required_offset=False
        )
        for field in FIELD_TABLE
    }
    document["operation"] = draft.operation.value
    return _dumps(document)


def draft_from_json(text: str) -> TicketDraft:
    """The `TicketDraft` that `draft_to_json` wrote; `ValueError` on anything malformed.

    Missing keys take the form's defaults, so drafts written by an older app still load.
    """
    document = _loads(text)
    values = {
        field.name: _draft_value_from_json(field.kind, document[field.attribute], field.attribute)
        for field in FIELD_TABLE
        if field.attribute in document
    }
    operation = _operation(_optional(document, "operation", str, Operation.UPDATE.value))
    return draft_from_values(values, operation=operation)


_T = TypeVar("_T")


def _to_json(kind: Kind, value: object, *, required_offset: bool) -> object:
    if kind is Kind.TIME:
        return _time_to_json(value, required_offset=required_offset)
    if isinstance(value, ContactType):
        return value.value
    if isinstance(value, tuple):  # a checked update's contacts
        return list(value)
    return value


def _draft_value_from_json(kind: Kind, value: object, key: str) -> object:
    if kind is Kind.FLAG:
        return _checked(value, key, bool)
    if kind is Kind.TIME:
        return _time_from_json(value, key, required_offset=False)
    if kind is Kind.CONTACT_TYPE:
        return None if value is None else _contact_type(_checked(value, key, str))
    return _checked(value, key, str)


def _update_value_from_json(kind: Kind, value: object, key: str) -> object:
    if kind is Kind.FLAG:
        return _checked(value, key, bool)
    if kind is Kind.TIME:
        return _time_from_json(value, key, required_offset=True)
    if kind is Kind.CONTACT_TYPE:
        return _contact_type(_checked(value, key, str))
    if kind is Kind.CONTACTS:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ValueError(f"{key}: expected a list of strings")
        return tuple(value)
    return _checked(value, key, str)


def _stored_values(
    record: type[TicketUpdate | Notification], document: dict[str, Any], keys: dict[str, Field]
) -> dict[str, Any]:
    """`record`'s values that `document` holds under `keys`; `ValueError` if one is malformed,
    or missing and `record` has no default for it."""
    where = "notification." if record is Notification else ""
    values = {
        key: _update_value_from_json(field.kind, document[key], where + key)
        for key, field in keys.items()
        if key in document
    }
    for spec in dataclasses.fields(record):
        if (
            spec.name in keys
            and spec.name not in values
            and spec.default is dataclasses.MISSING
            and spec.default_factory is dataclasses.MISSING
        ):
            raise ValueError(f"{where}{spec.name}: missing")
    return values


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


def _time_to_json(moment: object, *, required_offset: bool) -> str | None:
    if moment is None:
        return None
    if not isinstance(moment, datetime):
        raise TypeError(f"expected a datetime, got {type(moment).__name__}")
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
