"""What the recipients of a notification get (`notificationPreview`): the form's draft checked
and its contacts expanded exactly as sending does (`gui.core.address_book.validate_with`), each
recipient with the contact book's name for it, and an SMS cut into the parts a carrier sends."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from gui.core.address_book import AddressBook, validate_with
from gui.core.contacts import DEFAULT_REGION
from gui.core.fields import ContactType
from gui.core.sms import SmsLength, sms_length, sms_parts
from gui.core.ticket import TicketDraft

if TYPE_CHECKING:
    from gui.core.batch import Change

#: What stands in for each ticket's own fields when a batch's change is previewed.
_STAND_IN = "-"


@dataclass(frozen=True)
class Recipient:
    """One address or number the notification goes to; `name` is the contact book's person
    with it ('' when nobody in the book has it)."""

    address: str
    name: str = ""


@dataclass(frozen=True)
class NotificationPreview:
    """The notification as it goes: to whom, when (None: as soon as it is sent), and what."""

    type: ContactType
    recipients: tuple[Recipient, ...]
    time: datetime | None
    subject: str
    message: str
    #: The SMS's length and its parts, in order (None and () for an email).
    length: SmsLength | None = None
    parts: tuple[str, ...] = ()


def preview(
    draft: TicketDraft, book: AddressBook, *, now: datetime, region: str = DEFAULT_REGION
) -> NotificationPreview | None:
    """The notification `draft` sends, or None when it notifies nobody. Raises
    `gui.core.errors.InvalidTicket` with what sending would refuse (the same messages)."""
    update = validate_with(draft, book, now=now, region=region)
    notification = update.notification
    if notification is None:
        return None
    people = book.addresses(notification.type, region=region)
    recipients = tuple(
        Recipient(c, person.name if (person := people.get(c.casefold())) else "")
        for c in notification.contacts
    )
    message = notification.message
    sms = notification.type is ContactType.SMS
    return NotificationPreview(
        type=notification.type,
        recipients=recipients,
        time=notification.time,
        subject=notification.subject,
        message=message,
        length=sms_length(message) if sms else None,
        parts=tuple(sms_parts(message)) if sms else (),
    )


def preview_change(
    change: Change, book: AddressBook, *, now: datetime, region: str = DEFAULT_REGION
) -> NotificationPreview | None:
    """The notification a batch's `change` adds to every ticket (the same on each row). Only
    the notification is checked here: each row's own fields are checked in its table."""
    draft = replace(
        change.draft(_STAND_IN, None),
        title=_STAND_IN,
        description=_STAND_IN,
        status=_STAND_IN,
    )
    return preview(draft, book, now=now, region=region)
