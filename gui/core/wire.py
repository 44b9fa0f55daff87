"""Encoding a `TicketUpdate` exactly as the vendor's example request does.

The vendor builds the body with ``qs.stringify`` of a flat object: keys in the object's order,
numbers as digits, empty strings kept as ``key=``, and RFC 3986 percent-encoding (a space is
``%20``, never ``+``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from urllib.parse import quote, urlencode

from gui.core.api_contract import format_time
from gui.core.credentials import Credentials
from gui.core.fields import ContactType
from gui.core.ticket import TicketDraft, TicketUpdate


def encode_pairs(update: TicketUpdate) -> list[tuple[str, str]]:
    """The form pairs for `update`, in the order of the vendor's example.

    A new ticket's empty description is left out: the field is optional on create.
    """
    pairs = [("title", update.title)]
    if update.description or not update.creates:
        pairs.append(("description", update.description))
    pairs += [("status", update.status), ("notify", _flag(update.notify))]
    notification = update.notification
    if notification is not None:
        pairs += [
            ("time", format_time(notification.time)),
            ("type", notification.type.value),
            ("contacts", ",".join(notification.contacts)),
        ]
        if notification.subject:
            pairs.append(("notifySubject", notification.subject))
        if notification.message:
            pairs.append(("notifyMessage", notification.message))
    pairs.append(("automated", _flag(update.automated)))
    return pairs


def form_body(pairs: list[tuple[str, str]]) -> str:
    """``application/x-www-form-urlencoded`` as ``qs.stringify`` writes it."""
    return urlencode(pairs, quote_via=quote)


def encode_body(update: TicketUpdate) -> str:
    return form_body(encode_pairs(update))


def encode_sign_in(credentials: Credentials) -> str:
    """The ``POST /authenticate`` form: ``secret_key`` and ``publish_key``."""
    return form_body(
        [("secret_key", credentials.secret_key), ("publish_key", credentials.publish_key)]
    )


def _flag(value: bool) -> str:
    return "1" if value else "0"


def decode_pairs(ticket_id: str, pairs: Iterable[tuple[str, str]]) -> TicketDraft:
    """The form that would send `pairs` (from the history) again: the inverse of encode_pairs."""
    fields = dict(pairs)
    notify = fields.get("notify") == "1"
    try:
        contact_type: ContactType | None = ContactType(fields.get("type", ContactType.EMAIL))
    except ValueError:
        contact_type = None
    return TicketDraft(
        ticket_id=ticket_id,
        title=fields.get("title", ""),
        description=fields.get("description", ""),
        status=fields.get("status", ""),
        notify=notify,
        time=_parse_time(fields.get("time", "")) if notify else None,
        type=contact_type,
        contacts=fields.get("contacts", "").replace(",", ", "),
        notify_subject=fields.get("notifySubject", ""),
        notify_message=fields.get("notifyMessage", ""),
        automated=fields.get("automated") == "1",
    )


def _parse_time(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text) if text else None
    except ValueError:
        return None
    return moment if moment is not None and moment.tzinfo is not None else None
