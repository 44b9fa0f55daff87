"""A ticket with every field of `gui.core.fields.FIELD_TABLE` filled in, built from the table.

Each field gets a value of its kind that differs from the form's default and from every other
field's, so an encoding that drops or swaps a field cannot give the same ticket back. A field
added to the table is in these tickets at once; a kind added to `Kind` needs a sample here.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from gui.core.fields import FIELD_TABLE, ContactType, Field, Kind, Operation
from gui.core.ticket import TicketDraft, TicketUpdate, draft_from_values
from gui.core.validation import validate

EASTERN = timezone(timedelta(hours=-5))
#: Before every sample time, so validation takes them.
NOW = datetime(2026, 12, 1, tzinfo=UTC)


def typed(field: Field) -> object:
    """What a user could type into `field` (as a `TicketDraft` holds it)."""
    samples: dict[Kind, object] = {
        Kind.ID: "tic_every_field",
        Kind.LINE: f"The {field.name}",
        Kind.LINES: f"The {field.name}\non two lines",
        Kind.STATUS: "ON_HOLD",
        Kind.FLAG: True,
        Kind.CONTACT_TYPE: ContactType.SMS,
        Kind.CONTACTS: "2025550123, +442079460958",
        Kind.TIME: datetime(2027, 1, 5, 8, 30, tzinfo=EASTERN),  # whole seconds, as the wire
    }
    return samples[field.kind]


def full_draft(operation: Operation = Operation.UPDATE) -> TicketDraft:
    values = {field.name: typed(field) for field in FIELD_TABLE}
    if operation is Operation.CREATE:
        values["ticketId"] = ""  # a new ticket gets its id from the server
    return draft_from_values(values, operation=operation)


def full_update(operation: Operation = Operation.UPDATE) -> TicketUpdate:
    return validate(full_draft(operation), now=NOW)


def as_text(field: Field, value: object) -> str:
    """`value` as a CSV cell or a command-line argument gives it."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, ContactType):
        return value.value
    assert isinstance(value, str), field
    return value
