"""Everything the app knows or assumes about the Particle Space API, in one place.

Documented by the vendor (see README, "The API"): the base URL, the path, the field names and
their rules, form encoding and the Bearer header. NOT documented, and therefore assumed here and
nowhere else:

* success bodies are JSON, probably ``{"data": {...}}``; any 2xx counts as success;
* error bodies come in the shapes `read_error_body` accepts, or are not JSON at all;
* ``time`` is ISO 8601 with the UTC offset, ``""`` meaning "send now";
* a created ticket's id is at ``data.id`` of the answer to ``POST /ticket/new``, and an empty
  description (optional on create) is left out of the form rather than sent as ``description=``;
* 429 and 503 may carry ``Retry-After`` (seconds or an HTTP date);
* a sign-in answer holds its token at ``data.token``, and the token's lifetime is unknown: an
  expired one gives 401.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import quote

from gui.core.fields import FIELDS, TICKET_ID
from gui.core.messages import plain

if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import datetime

    from gui.core.errors import FieldError

DEFAULT_API_BASE = "https://api.particlespace.com/api/v1"
FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"
#: ``POST`` with form fields ``secret_key`` and ``publish_key`` gives a time-limited token.
AUTHENTICATE_PATH = "/authenticate"

#: How long a server message may be before the banner cuts it.
_MAX_MESSAGE = 300
#: Control characters (C0, DEL, C1) and bidirectional overrides, which could disguise a message
#: (compiled by `re` when a message first comes, not at start-up).
_UNSAFE = "[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]+"


#: ``POST`` with the ticket's fields creates a ticket (description optional).
NEW_TICKET_PATH = "/ticket/new"


def update_path(ticket_id: str) -> str:
    """``/ticket/{id}``, the id percent-encoded as exactly one path segment."""
    return "/ticket/" + quote(ticket_id, safe="")


def format_time(moment: datetime | None) -> str:
    """The ``time`` field: "" for now, else ISO 8601 with the UTC offset (assumed format)."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        raise ValueError("the notification time must carry its UTC offset")
    return moment.isoformat(timespec="seconds")


def read_success_body(body: bytes) -> dict[str, Any] | None:
    """What the server echoed on success: the ``data`` object (or the whole object), if any."""
    document = _json(body)
    if not isinstance(document, dict):
        return None
    data = document.get("data", document)
    return data if isinstance(data, dict) and data else None


def confirmed_state(
    title: str, description: str, status: str, echoed: Mapping[str, object] | None
) -> tuple[str, str, str]:
    """The title, description and status a ticket has after the server answered 2xx to an
    update or creation that sent these: each replaced by the echoed one (`read_success_body`)
    when the echo holds it as a non-empty string; the vendor does not say what it echoes."""
    echoed = echoed or {}

    def value(name: str, sent: str) -> str:
        answer = echoed.get(name)
        return answer if isinstance(answer, str) and answer else sent

    return value("title", title), value("description", description), value("status", status)


def read_created_id(body: bytes) -> str | None:
    """The id of a ticket ``POST /ticket/new`` created: ``{"data": {"id": "tic_…"}}`` (assumed,
    like the update's echo); None when the answer does not say."""
    data = read_success_body(body)
    ticket_id = data.get("id") if data is not None else None
    if isinstance(ticket_id, int) and not isinstance(ticket_id, bool):
        ticket_id = str(ticket_id)
    if (
        not isinstance(ticket_id, str)
        or not ticket_id.isprintable()
        or not 0 < len(ticket_id) <= 200
    ):
        return None
    return ticket_id


def read_token(body: bytes) -> str | None:
    """The token of a sign-in answer: ``{"data": {"token": "…"}}``, as the vendor's public client
    code reads it (``response.data.token``); its lifetime is unknown, a 401 says it ended."""
    document = _json(body)
    data = document.get("data") if isinstance(document, dict) else None
    token = data.get("token") if isinstance(data, dict) else None
    return token if isinstance(token, str) and token else None


class ErrorBody(NamedTuple):
    """An error answer split into messages for form fields and messages for the banner."""

    field_errors: tuple[FieldError, ...] = ()
    messages: tuple[str, ...] = ()


def read_error_body(body: bytes) -> ErrorBody:
    """Accepts every error shape we have seen or expect; non-JSON bodies give nothing."""
    from gui.core.errors import FieldError

    document = _json(body)
    if not isinstance(document, dict):
        return ErrorBody()
    fields: list[FieldError] = []
    messages: list[str] = []

    def add(name: object, message: object) -> None:
        text = clean_message(message)
        if not text:
            return
        field = form_field(str(name)) if name is not None else None
        if field:
            fields.append(FieldError(field, plain(text)))  # the server's words
        else:
            messages.append(f"{name}: {text}" if name else text)

    errors = document.get("errors")
    if isinstance(errors, dict):  # {"errors": {"title": ["msg"]}} or {"errors": {"title": "msg"}}
        for name, value in errors.items():
            for message in value if isinstance(value, list) else [value]:
                add(name, message)
    elif isinstance(errors, list):  # [{"field": "f", "message": "m"}] or ["msg"]
        for item in errors:
            if isinstance(item, dict):
                add(item.get("field"), item.get("message") or item.get("msg"))
            else:
                add(None, item)
    for key in ("error", "message"):  # {"error": "msg"}, {"message": "msg"}
        value = document.get(key)
        if isinstance(value, dict):
            value = value.get("message")
        if value is not None and not (fields or messages):
            add(None, value)
    return ErrorBody(tuple(fields), tuple(messages))


#: Any Retry-After longer than this (about 31,700 years) reads as this many seconds: what the
#: server asked is still said ("more than a year"), and no arithmetic runs on a 5,000-digit
#: number. How long the app really waits is capped far lower (`gui.core.retry.MAX_RETRY_AFTER`).
LONGEST_RETRY_AFTER = 10**12


def retry_after_seconds(value: str | None, *, now: datetime) -> int | None:
    """Seconds the server asks us to wait, from a ``Retry-After`` header (delta-seconds or an
    HTTP date), at most `LONGEST_RETRY_AFTER`; None when there is none or it cannot be read.
    What is asked, not what is honoured: `gui.core.retry.decide` caps that."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():  # "²" and other digits int() refuses are not
        digits = value.lstrip("0") or "0"
        if len(digits) > len(str(LONGEST_RETRY_AFTER)):  # int() refuses 4,300+ digits
            return LONGEST_RETRY_AFTER
        return min(LONGEST_RETRY_AFTER, int(digits))
    from datetime import UTC
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, OverflowError):
        return None
    if when.tzinfo is None:  # "-0000" or no zone at all: HTTP dates are in GMT
        when = when.replace(tzinfo=UTC)
    return min(LONGEST_RETRY_AFTER, max(0, round((when - now).total_seconds())))


def form_field(name: str) -> str | None:
    """The form field a server error names (``notify_subject`` → ``notifySubject``), if any."""
    key = name.replace("_", "").replace("-", "").lower()
    if key in {"id", "ticket"}:
        return TICKET_ID
    return _FIELDS_BY_KEY.get(key)


#: Each field by its name in lower case without separators (the API's name and the attribute's
#: give the same key: notifySubject, notify_subject).
_FIELDS_BY_KEY = {field.lower(): field for field in FIELDS}


def clean_message(value: object) -> str:
    """A server message made safe for a label: one line, no control characters, short."""
    if value is None:
        return ""
    text = re.sub(_UNSAFE, " ", str(value)).strip()
    return text if len(text) <= _MAX_MESSAGE else text[: _MAX_MESSAGE - 1] + "…"


def _json(body: bytes) -> Any:
    import json  # parsing happens on worker threads; start-up does not pay for it

    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):  # "[[[[…" nests too deep
        return None
