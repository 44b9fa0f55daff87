"""The form's fields by their API names, and the values some of them take.

Widgets (their object names), error labels (`<field>Error`), validation and the mapping of
server errors all use these names.
"""

from __future__ import annotations

import enum


class ContactType(enum.StrEnum):
    """How people are notified; the values are the API's `type` values."""

    EMAIL = "email"
    SMS = "sms"


class Operation(enum.StrEnum):
    """What sending does: update an existing ticket or create a new one."""

    UPDATE = "update"  # PUT /ticket/{id}
    CREATE = "new"  # POST /ticket/new; the server gives the id


#: Every field of the form, in form order.
FIELDS: tuple[str, ...] = (
    "ticketId",
    "title",
    "description",
    "status",
    "notify",
    "time",
    "type",
    "contacts",
    "notifySubject",
    "notifyMessage",
    "automated",
)

#: The fields that only exist while notify is on.
NOTIFY_FIELDS: tuple[str, ...] = ("time", "type", "contacts", "notifySubject", "notifyMessage")

#: Statuses the vendor's examples use; the form also offers the ones the user typed before.
KNOWN_STATUSES: tuple[str, ...] = ("NEW", "ON_HOLD")
