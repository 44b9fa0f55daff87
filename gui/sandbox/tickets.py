"""What a sandbox ticket stores, how a ticket answer shows it, and the made-up sample tickets."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

# The made-up tickets the sandbox knows unless told otherwise.
SAMPLE_TICKETS: dict[str, dict[str, str]] = {
    "tic_1001": {
        "title": "Dripping kitchen tap",
        "description": "The kitchen tap in 1A drips all night.",
        "status": "NEW",
    },
    "tic_1002": {
        "title": "Hallway light out",
        "description": "The light outside 3C flickers and then goes out.",
        "status": "IN_PROGRESS",
    },
    "tic_1003": {
        "title": "Radiator stays cold",
        "description": "The bedroom radiator in 2B does not heat up.",
        "status": "ON_HOLD",
    },
}

# The documented fields a ticket stores; the notification ones only count when notify is 1.
TICKET_FIELDS = ("title", "description", "status", "notify", "automated")
NOTIFICATION_FIELDS = ("time", "type", "contacts", "notifySubject", "notifyMessage")


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def stored_fields(fields: Mapping[str, str]) -> dict[str, str]:
    """The documented fields of a valid form, as the ticket stores them."""
    names = TICKET_FIELDS + (NOTIFICATION_FIELDS if fields["notify"] == "1" else ())
    stored = {name: fields[name] for name in names if name in fields}
    stored["updated_at"] = now_iso()
    return stored


def ticket_data(ticket_id: str, ticket: Mapping[str, str]) -> dict[str, object]:
    """The ``data`` object of a ticket answer."""
    return {
        "id": ticket_id,
        "title": ticket.get("title", ""),
        "description": ticket.get("description", ""),
        "status": ticket.get("status", ""),
        "notify": int(ticket.get("notify") == "1"),
        "automated": int(ticket.get("automated") == "1"),
        "updated_at": ticket.get("updated_at", ""),
    }
