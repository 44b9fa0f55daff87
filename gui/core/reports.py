"""What the app tells the user about an update: sent, created, waiting, stopped, unknown.

The window's banner and status bar and the command line say the same things in the same words,
so they are written once here, as Messages (the window shows them in the user's language).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from gui.core.messages import QT_TRANSLATE_NOOP, Context, Message, join, plain

if TYPE_CHECKING:
    from gui.core.fields import ContactType
    from gui.core.outbox import KnownTicket, Repeat
    from gui.core.retry import Action
    from gui.core.ticket import TicketUpdate

reports = Context("reports")

#: What the server echoed that is worth repeating, and how long a value may be.
_ECHO_LENGTH = 60

UNEXPECTED_FAILURE = QT_TRANSLATE_NOOP(
    "reports",
    "Something unexpected went wrong (the details are in the log). "
    "Check the ticket before sending the update again.",
)
STOPPED_WAITING = QT_TRANSLATE_NOOP("reports", "Stopped waiting for the server.")


def sent(ticket_id: str, *, created: bool) -> Message:
    """ "Ticket tic_… updated." or "… created." (or created without an id the server gave)."""
    if created and ticket_id:
        return QT_TRANSLATE_NOOP("reports", "Ticket {ticket} created.").format(ticket=ticket_id)
    if created:
        return QT_TRANSLATE_NOOP("reports", "Ticket created; Particle Space did not say its id.")
    return QT_TRANSLATE_NOOP("reports", "Ticket {ticket} updated.").format(ticket=ticket_id)


def server_now_has(echoed: Mapping[str, object] | None) -> Message | None:
    """The status and title the server echoed back, if it did: "Particle Space now has …"."""
    from gui.core.api_contract import clean_message

    echoed = echoed or {}
    details: list[str] = []
    status, title, message = echoed.get("status"), echoed.get("title"), echoed.get("message")
    if isinstance(status, str) and status:
        details.append(
            QT_TRANSLATE_NOOP("reports", "status {status}").format(
                status=clean_message(status)[:_ECHO_LENGTH]
            )
        )
    if isinstance(title, str) and title:
        details.append(
            QT_TRANSLATE_NOOP("reports", "title “{title}”").format(
                title=clean_message(title)[:_ECHO_LENGTH]
            )
        )
    if not details and isinstance(message, str):
        details.append(plain(clean_message(message)))
    if not details:
        return None
    now_has = QT_TRANSLATE_NOOP("reports", "Particle Space now has {details}.")
    return now_has.format(details=join(details, ", "))


def queued_behind(count: int, ticket_id: str) -> Message:
    """An update stored in the outbox that goes out after `count` older ones of its ticket."""
    return reports.tr(
        "Saved in the outbox. It goes out after the %n earlier updates to ticket {ticket} that "
        "are still waiting there.",
        "Saved in the outbox. It goes out after the earlier update to ticket {ticket} that is "
        "still waiting there.",
        count,
    ).format(ticket=ticket_id)


def may_have_arrived(update: TicketUpdate | None) -> Message:
    """Why an update the app stopped waiting for must be checked before it is sent again."""
    if update is not None and update.creates:
        return QT_TRANSLATE_NOOP(
            "reports",
            "The server may already have created the ticket (a request cannot be taken back "
            "once sent); check Particle Space before sending it again.",
        )
    return QT_TRANSLATE_NOOP(
        "reports",
        "The server may already have applied the update (a request cannot be taken back once "
        "sent); check ticket {ticket} before sending it again.",
    ).format(ticket=update.ticket_id if update is not None else "")


#: What sets the deadline `no_answer_within` speaks of (`gui.core.config.ENV_DEADLINE`).
DEADLINE_SETTING = QT_TRANSLATE_NOOP(
    "reports", "PARTICLESPACE_DEADLINE sets how long the app waits (in seconds)."
)


def no_answer_within(seconds: float) -> Message:
    """The lead of the banner when the window's deadline ran out."""
    return QT_TRANSLATE_NOOP(
        "reports", "No complete answer within {seconds:g} s, so the app stopped waiting."
    ).format(seconds=seconds)


def where_it_waits(action: Action) -> Message | None:
    """What happens next to a failed update that stays in the outbox (None: it does not)."""
    from gui.core.retry import Action

    if action is Action.RETRY:
        return QT_TRANSLATE_NOOP(
            "reports", "The update waits in the outbox and goes out by itself."
        )
    if action is Action.DECIDE:
        return QT_TRANSLATE_NOOP("reports", "It waits in the outbox: resend or discard it there.")
    return None


def updates_waiting(count: int) -> Message:
    """The status bar's count of what the outbox holds."""
    return reports.tr("%n updates waiting", "%n update waiting", count)


def still_in_outbox(count: int, *, elsewhere: int = 0, sandbox: bool = False) -> Message:
    """Asked before quitting with `count` updates in the outbox that the window would send,
    and `elsewhere` written for another server or account (which only that one sends); in the
    `sandbox`, its own outbox, which only the sandbox sends."""
    parts: list[str] = []
    if count and sandbox:
        parts.append(
            reports.tr(
                "%n updates are still in the sandbox's outbox. They stay there and go out the "
                "next time you try the sandbox.",
                "%n update is still in the sandbox's outbox. It stays there and goes out the "
                "next time you try the sandbox.",
                count,
            )
        )
    elif count:
        parts.append(
            reports.tr(
                "%n updates are still in the outbox. They stay there and go out the next time "
                "you open Particle Tickets.",
                "%n update is still in the outbox. It stays there and goes out the next time "
                "you open Particle Tickets.",
                count,
            )
        )
    if elsewhere:
        parts.append(
            reports.tr(
                "%n updates in the outbox were written for another server or account; they go "
                "out only when the app sends there again.",
                "%n update in the outbox was written for another server or account; it goes "
                "out only when the app sends there again.",
                elsewhere,
            )
        )
    return join(parts)


def outbox_unusable(error: Exception) -> Message:
    """Why the outbox cannot be written or read, for an `OSError` or `sqlite3.Error`."""
    import sqlite3

    if isinstance(error, OSError):
        return QT_TRANSLATE_NOOP(
            "reports",
            "The outbox could not be written (the disk may be full or the data folder "
            "read-only: {reason}). What you typed is still in the form.",
        ).format(reason=plain(str(error.strerror or error)))
    if isinstance(error, sqlite3.Error):
        return QT_TRANSLATE_NOOP(
            "reports",
            "The outbox could not be written (disk full, read-only data folder or a damaged "
            "file: {reason}). What you typed is still in the form.",
        ).format(reason=plain(str(error)))
    return QT_TRANSLATE_NOOP(
        "reports", "Something unexpected went wrong with the outbox; the details are in the log."
    )


# --- Who was told, when, and repeats (the times come in formatted: the core has no locale) -----


def who_was_told(contact_type: ContactType | None, people: int) -> Message:
    """ "SMS to 2 people", "email to 1 person", or "nobody notified"."""
    from gui.core.fields import ContactType

    if contact_type is None or people <= 0:
        return QT_TRANSLATE_NOOP("reports", "nobody notified")
    if contact_type is ContactType.SMS:
        return reports.tr("SMS to %n people", "SMS to %n person", people)
    return reports.tr("email to %n people", "email to %n person", people)


def sent_at(ticket_id: str, *, created: bool, when: str, told: Message) -> Message:
    """ "Ticket tic_1001 updated at 19:05 · SMS to 2 people" (or created), `when` as the window
    writes the time, `told` from `who_was_told`."""
    if created and ticket_id:
        text = QT_TRANSLATE_NOOP("reports", "Ticket {ticket} created at {when} · {told}.")
    elif created:
        text = QT_TRANSLATE_NOOP(
            "reports", "Ticket created at {when} · {told}. Particle Space did not say its id."
        )
    else:
        text = QT_TRANSLATE_NOOP("reports", "Ticket {ticket} updated at {when} · {told}.")
    return text.format(ticket=ticket_id, when=when, told=told)


def repeat_question(repeat: Repeat, when: str) -> Message:
    """What the window asks before sending `repeat`'s update again; `when` is `repeat.at` as
    the window writes it."""
    told = who_was_told(repeat.contact_type, repeat.people)
    if repeat.waiting and repeat.creates:
        text = QT_TRANSLATE_NOOP(
            "reports",
            "Exactly this new ticket is already waiting in the outbox ({told}). Create another?",
        )
    elif repeat.waiting:
        text = QT_TRANSLATE_NOOP(
            "reports",
            "Exactly this update to {ticket} is already waiting in the outbox ({told}). "
            "Send it again?",
        )
    elif repeat.creates:
        text = QT_TRANSLATE_NOOP(
            "reports", "You created exactly this ticket at {when} ({told}). Create another?"
        )
    else:
        text = QT_TRANSLATE_NOOP(
            "reports", "You sent exactly this to {ticket} at {when} ({told}). Send it again?"
        )
    return text.format(ticket=repeat.ticket_id, when=when, told=told)


def nothing_changes(ticket_id: str) -> Message:
    """Said on the first press of Update when the update changes nothing and notifies nobody."""
    return QT_TRANSLATE_NOOP(
        "reports",
        "Nothing changes for {ticket} and nobody is notified: press Update again to send it "
        "anyway.",
    ).format(ticket=ticket_id)


def decisions_waiting(count: int) -> Message:
    """Said at start-up when items of the outbox wait for the user's decision."""
    return reports.tr(
        "%n updates need your decision in the outbox.",
        "%n update needs your decision in the outbox.",
        count,
    )


def quit_while_sending() -> Message:
    """Said when the user quits while an update is being sent."""
    return QT_TRANSLATE_NOOP(
        "reports",
        "The server may already have the update that is being sent. It waits in the outbox for "
        "your decision: resend or discard it there at the next start.",
    )


def change_summary(known: KnownTicket | None, title: str, description: str, status: str) -> Message:
    """What an update with `title`, `description` and `status` changes against the last state
    Particle Space confirmed (`known`): "Status ON_HOLD → DONE · description"."""
    if known is None:
        return QT_TRANSLATE_NOOP(
            "reports", "Title, description and status will replace what Particle Space has"
        )
    parts: list[Message] = []
    if status != known.status:
        parts.append(
            QT_TRANSLATE_NOOP("reports", "Status {old} → {new}").format(
                old=known.status, new=status
            )
        )
    if title != known.title:
        parts.append(
            QT_TRANSLATE_NOOP("reports", "title")
            if parts
            else QT_TRANSLATE_NOOP("reports", "Title")
        )
    if description != known.description:
        parts.append(
            QT_TRANSLATE_NOOP("reports", "description")
            if parts
            else QT_TRANSLATE_NOOP("reports", "Description")
        )
    if not parts:
        return QT_TRANSLATE_NOOP("reports", "No change to title, description or status")
    return join(parts, " · ")
