"""The vendor's field rules, as the sandbox applies them to a ticket update or a new ticket."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime

CONTACT_RULES: dict[str, tuple[re.Pattern[str], str]] = {
    "email": (re.compile(r"[^@\s,]+@[^@\s,]+\.[^@\s,]+"), "email address"),
    "sms": (re.compile(r"\+?\d{10,15}"), "phone number"),
}
SMS_MAX_LENGTH = 1600


def validate_ticket_fields(fields: Mapping[str, str], *, creating: bool) -> dict[str, list[str]]:
    """Check a ticket form against the vendor's rules; return the messages per field."""
    errors: dict[str, list[str]] = {}

    def fail(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    required = ("title", "status") if creating else ("title", "description", "status")
    for name in required:
        if not fields.get(name, "").strip():
            fail(name, f"The {name} is required.")
    for flag in ("notify", "automated"):
        value = fields.get(flag, "")
        if not value:
            fail(flag, f"The {flag} field is required.")
        elif value not in ("0", "1"):
            fail(flag, f"The {flag} field must be 0 or 1.")
    if fields.get("notify") == "1":
        _validate_notification(fields, fail)
    return errors


def _validate_notification(fields: Mapping[str, str], fail: Callable[[str, str], None]) -> None:
    """Check the fields that only count when notify is 1."""
    kind = fields.get("type", "")
    if not kind:
        fail("type", "The type is required when notify is 1.")
    elif kind not in CONTACT_RULES:
        fail("type", "The type must be email or sms.")

    contacts = fields.get("contacts", "")
    if not contacts.strip():
        fail("contacts", "The contacts are required when notify is 1.")
    elif any(character.isspace() for character in contacts):
        fail("contacts", "Separate the contacts with commas, without spaces.")
    elif kind in CONTACT_RULES:
        pattern, noun = CONTACT_RULES[kind]
        for contact in contacts.split(","):
            if not pattern.fullmatch(contact):
                fail("contacts", f'Contact "{contact}" is not a valid {noun}.')

    if (problem := _time_problem(fields.get("time", ""))) is not None:
        fail("time", problem)

    if kind == "sms" and len(fields.get("notifyMessage", "")) > SMS_MAX_LENGTH:
        fail("notifyMessage", f"An SMS message can be at most {SMS_MAX_LENGTH} characters.")


def _time_problem(value: str) -> str | None:
    """Say what is wrong with a notification time, or None if it is empty or fine."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return "The time must be an ISO 8601 date and time, like 2026-12-01T09:00:00-05:00."
    if moment.tzinfo is None:
        return "The time must include a UTC offset, like -05:00."
    if moment <= datetime.now(UTC):
        return "The time must be in the future."
    return None
