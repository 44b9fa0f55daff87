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
from gui.core.fields import FIELD_BY_NAME, FIELD_TABLE, TICKET_ID, ContactType, Kind
from gui.core.ticket import TicketDraft, TicketUpdate, draft_from_values, field_values


def encode_pairs(update: TicketUpdate) -> list[tuple[str, str]]:
    """The form pairs for `update`, in the order of the vendor's example (the field table's).

    The ticket id goes in the URL, not here; the notify-only fields only with notify=1; a field
    the table leaves off when empty is left off then (the subject and message; a new ticket's
    description, optional on create).
    """
    pairs: list[tuple[str, str]] = []
    for name, value in field_values(update).items():
        field = FIELD_BY_NAME[name]
        if field.kind is Kind.ID:
            continue
        text = _wire_text(value)
        if text or update.operation not in field.left_off_when_empty:
            pairs.append((name, text))
    return pairs


def pairs_digest(pairs: Iterable[tuple[str, str]]) -> str:
    """A short fingerprint of `pairs` (names and values, in order): equal pairs give equal
    digests. The outbox indexes items and history by it, to find an identical update quickly;
    a match is then checked against the pairs themselves."""
    import hashlib
    import json

    text = json.dumps([list(pair) for pair in pairs], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


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


def _wire_text(value: object) -> str:
    """A field's value as ``qs.stringify`` writes it: flags as 1 or 0, the time as
    `format_time` writes it, the contact type by its value, contacts comma-joined."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if value is None or isinstance(value, datetime):
        return format_time(value)
    if isinstance(value, ContactType):
        return value.value
    if isinstance(value, tuple):
        return ",".join(value)
    if isinstance(value, str):
        return value
    raise TypeError(f"no wire text for {type(value).__name__}")


def decode_pairs(ticket_id: str, pairs: Iterable[tuple[str, str]]) -> TicketDraft:
    """The form that would send `pairs` (from the history) again: the inverse of encode_pairs.

    A field that is not in `pairs` takes the form's default; a time or contact type that
    cannot be read is left empty.
    """
    sent = dict(pairs)
    values: dict[str, object] = {TICKET_ID: ticket_id}
    for field in FIELD_TABLE:
        if field.name in sent and field.kind is not Kind.ID:
            values[field.name] = _from_wire(field.kind, sent[field.name])
    return draft_from_values(values)


def _from_wire(kind: Kind, text: str) -> object:
    if kind is Kind.FLAG:
        return text == "1"
    if kind is Kind.TIME:
        return _parse_time(text)
    if kind is Kind.CONTACT_TYPE:
        try:
            return ContactType(text)
        except ValueError:
            return None
    if kind is Kind.CONTACTS:
        return text.replace(",", ", ")  # as the form shows them
    return text


def _parse_time(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text) if text else None
    except ValueError:
        return None
    return moment if moment is not None and moment.tzinfo is not None else None
