"""A ticket update: what the user typed (`TicketDraft`), what is sent (`TicketUpdate`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from gui.core.fields import ContactType

if TYPE_CHECKING:
    from datetime import datetime


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

    @property
    def notify(self) -> bool:
        return self.notification is not None
