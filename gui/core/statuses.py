"""Statuses as flows: the ticket's "flow or column", by its API code, with a readable name for the
flows the vendor documents.

Particle Space takes any status text and the app sends the code as it is typed, so the list the
form offers holds the documented flows (NEW, ON_HOLD), the statuses this server accepted or
echoed (`gui.core.outbox.OutboxStore.statuses_seen`) and those the user added, case kept. A typed
status that differs from an offered one only by case or spaces is probably that one (`closest`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from gui.core.fields import KNOWN_STATUSES
from gui.core.messages import QT_TRANSLATE_NOOP, Message, join

#: The documented flows (`gui.core.fields.KNOWN_STATUSES`) and their readable names.
FLOW_NAMES: dict[str, Message] = {
    "NEW": QT_TRANSLATE_NOOP("statuses", "New"),
    "ON_HOLD": QT_TRANSLATE_NOOP("statuses", "On hold"),
}

#: Runs of blanks and underscores inside a status: "on hold", "on_hold", "On  Hold" and
#: "ON_HOLD" compare alike.
_SEPARATORS = re.compile(r"[\s_]+")


def display_name(code: str) -> str:
    """How the form shows a status: "On hold · ON_HOLD" for a documented flow (a Message, so the
    window says it in the user's language), the code itself for any other."""
    name = FLOW_NAMES.get(code)
    if name is None:
        return code
    return join([name, code], " · ")


def offered(seen: Iterable[str], added: Iterable[str]) -> list[str]:
    """The statuses to offer: the documented flows, then those this server accepted or echoed
    (`seen`), then those the user added; each once (compared exactly), case kept, none blank."""
    statuses: dict[str, None] = {}
    for status in (*KNOWN_STATUSES, *seen, *added):
        if status.strip():
            statuses.setdefault(status)
    return list(statuses)


def closest(typed: str, offered: Sequence[str]) -> str | None:
    """The offered status that `typed` differs from only by case or by spaces around or inside
    it (or spaces for underscores): "on hold", " on_hold ", "On Hold" give "ON_HOLD". None when
    `typed` is offered exactly as it is, or no offered status is that close; the first offered
    when several are."""
    if typed in offered:
        return None
    key = _key(typed)
    if not key:
        return None
    return next((status for status in offered if _key(status) == key), None)


def _key(status: str) -> str:
    return _SEPARATORS.sub("_", status.strip()).casefold()
