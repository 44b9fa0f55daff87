"""How each ticket of a command ended: its `Result`, and the exit status of them all.

Exit status: 0 sent; 2 invalid input, nothing sent; 3 could not be sent now and waits in the
outbox; 1 any other failure (the server refused it, no credentials, the outbox unusable, …).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gui.core.messages import QT_TRANSLATE_NOOP, join

if TYPE_CHECKING:
    from gui.core.delivery import Delivery
    from gui.core.errors import FieldError
    from gui.core.outbox import OutboxItem, OutboxStore, Repeat
    from gui.core.ticket import TicketUpdate

# The states a ticket ends a command in.
SENT = "sent"
WAITING = "waiting"  # in the outbox, goes out by itself (outbox send, or the window)
NEEDS_DECISION = "needs_decision"  # in the outbox, sent again only on request (--retry)
REFUSED = "refused"  # the server refused it (4xx); not in the outbox
FAILED = "failed"  # anything else
INVALID = "invalid"  # not valid: nothing was sent

EXIT_SENT = 0
EXIT_FAILED = 1
EXIT_INVALID = 2
EXIT_WAITING = 3

#: What a command says when Ctrl+C stopped it.
STOPPED = QT_TRANSLATE_NOOP("cli", "Stopped.")


@dataclass
class Result:
    """How one ticket (one CSV row, one outbox item) ended."""

    state: str
    ticket_id: str = ""
    message: str = ""
    errors: Sequence[FieldError] = ()
    outbox: int | None = None  # the outbox item id, while the update waits there
    http_status: int | None = None
    row: int | None = None
    #: The server rejected the token or keys: the update waits in the outbox for a decision
    #: (NEEDS_DECISION), and the command failed (exit status 1): nothing will send it until
    #: the credentials are mended.
    credentials_rejected: bool = False

    @property
    def ok(self) -> bool:
        return self.state == SENT

    def to_json(self) -> dict[str, Any]:
        document: dict[str, Any] = {}
        if self.row is not None:
            document["row"] = self.row
        document.update(
            ok=self.ok,
            ticketId=self.ticket_id,
            status=self.state,
            outbox=self.outbox,
            httpStatus=self.http_status,
            message=self.message,
            errors=[{"field": error.field, "message": error.message} for error in self.errors],
        )
        return document


def exit_code(results: Iterable[Result]) -> int:
    """1 if any failed, was refused or met rejected credentials, else 3 if any waits in the
    outbox, else 2 if any was invalid, else 0."""
    results = list(results)
    states = {result.state for result in results}
    if states & {REFUSED, FAILED} or any(result.credentials_rejected for result in results):
        return EXIT_FAILED
    if states & {WAITING, NEEDS_DECISION}:
        return EXIT_WAITING
    if INVALID in states:
        return EXIT_INVALID
    return EXIT_SENT


def delivered(delivery: Delivery) -> Result:
    """How the attempt at an outbox item ended, in the core's words (gui/core/reports.py)."""
    from gui.core import reports
    from gui.core.errors import ServerBusy, TicketError
    from gui.core.outcome import Succeeded
    from gui.core.retry import Action

    item = delivery.item
    outcome = delivery.outcome
    if isinstance(outcome, Succeeded):
        answer = outcome.value
        ticket_id = answer.ticket_id or item.ticket_id
        sentence = reports.sent(ticket_id, created=item.update.creates)
        return Result(SENT, ticket_id, sentence, http_status=answer.status)
    from gui.cli.remedies import for_command_line

    error = outcome.error
    status = getattr(error, "status", None)
    errors = error.field_errors if isinstance(error, TicketError) else ()
    message = for_command_line(error.message) if isinstance(error, TicketError) else str(error)
    verdict = delivery.verdict
    if verdict is not None:
        verdict = verdict._replace(reason=for_command_line(verdict.reason))
    if verdict is not None and verdict.action is Action.REFUSED:
        return Result(REFUSED, item.ticket_id, message, errors, http_status=status)
    if verdict is not None and verdict.action is Action.RETRY:
        # A busy server's own words say only what it asked; the verdict says when the next
        # try really is (a Retry-After is honoured for an hour at most).
        busy = isinstance(error, ServerBusy)
        state, text = WAITING, verdict.reason if busy else message
    else:
        reason = verdict.reason if verdict is not None else ""
        state, text = NEEDS_DECISION, join([message, reason]) if reason else message
        if credentials_rejected(error):
            text = message  # it names the flags already; the verdict's reason would repeat it
    return Result(
        state,
        item.ticket_id,
        text,
        errors,
        outbox=item.id,
        http_status=status,
        credentials_rejected=credentials_rejected(error),
    )


def credentials_rejected(error: Exception) -> bool:
    """Whether `error` is the server refusing the token or keys (401/403): every later update
    of the same command would meet it too."""
    from gui.core.errors import KeysRejected, TokenRejected

    return isinstance(error, TokenRejected | KeysRejected)


def not_attempted(store: OutboxStore, item_id: int, why: str) -> Result:
    """An item of this command that the drain did not get to (`why`, when it stopped short)."""
    from gui.cli.remedies import for_command_line
    from gui.core.outbox import ItemState

    item = store.get(item_id)
    if item is None:  # gone meanwhile (the window sent or discarded it)
        gone = QT_TRANSLATE_NOOP("cli", "Item {item} left the outbox while this command ran.")
        return Result(FAILED, "", gone.format(item=item_id))
    if item.state is ItemState.NEEDS_DECISION:
        return Result(
            NEEDS_DECISION, item.ticket_id, for_command_line(item.last_error), outbox=item.id
        )
    if why:
        message = QT_TRANSLATE_NOOP("cli", "Not sent yet: {why}").format(why=for_command_line(why))
    else:
        message = QT_TRANSLATE_NOOP(
            "cli",
            "Not sent yet: it goes out after the earlier update to ticket {ticket} that waits in "
            "the outbox.",
        ).format(ticket=item.ticket_id)
    return Result(WAITING, item.ticket_id, message, outbox=item.id)


def already_in_outbox(item: OutboxItem, *, row: int | None = None) -> Result:
    """A row exactly like `item`, which is in the outbox already but cannot join this
    command's batch (it waits for a decision, or is being sent): not queued a second time."""
    from gui.cli.remedies import for_command_line
    from gui.core.outbox import ItemState

    if item.state is ItemState.SENDING:
        return Result(
            WAITING,
            item.ticket_id,
            QT_TRANSLATE_NOOP(
                "cli",
                "Not queued again: exactly this is being sent right now (by the window or "
                "another command).",
            ),
            outbox=item.id,
            row=row,
        )
    waits = QT_TRANSLATE_NOOP("cli", "Not queued again: exactly this waits in the outbox already.")
    why = for_command_line(item.last_error)
    return Result(
        NEEDS_DECISION,
        item.ticket_id,
        join([waits, why]) if why.strip() else waits,
        outbox=item.id,
        row=row,
    )


def repeated(update: TicketUpdate, repeat: Repeat, *, row: int | None = None) -> Result:
    """`update` not sent, since it repeats one sent a short while ago or still in the outbox
    (`OutboxStore.find_repeat`): when it was sent, or where it waits, and that --again sends
    it all the same. The time is this computer's local time."""
    from datetime import datetime

    from gui.core import reports

    told = reports.who_was_told(repeat.contact_type, repeat.people)
    when = datetime.fromtimestamp(repeat.at).strftime("%Y-%m-%d %H:%M")
    values = {"ticket": repeat.ticket_id, "item": repeat.outbox_id, "told": told, "when": when}
    if repeat.waiting and repeat.creates:
        line = QT_TRANSLATE_NOOP(
            "cli",
            "Not sent: exactly this new ticket already waits in the outbox as item {item} "
            "({told}). --again creates another.",
        )
    elif repeat.waiting:
        line = QT_TRANSLATE_NOOP(
            "cli",
            "Not sent: exactly this update to {ticket} already waits in the outbox as item "
            "{item} ({told}). --again sends it again.",
        )
    elif repeat.creates and repeat.ticket_id:
        line = QT_TRANSLATE_NOOP(
            "cli",
            "Not sent: exactly this ticket was created at {when} as {ticket} ({told}). --again "
            "creates another.",
        )
    elif repeat.creates:
        line = QT_TRANSLATE_NOOP(
            "cli",
            "Not sent: exactly this ticket was created at {when} ({told}). --again creates "
            "another.",
        )
    else:
        line = QT_TRANSLATE_NOOP(
            "cli",
            "Not sent: exactly this update went to {ticket} at {when} ({told}). --again sends "
            "it again.",
        )
    return Result(INVALID, update.ticket_id, line.format(**values), row=row)
