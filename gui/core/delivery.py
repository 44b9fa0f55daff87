"""Sending one claimed outbox item and recording what happened, for the window and the CLI alike.

`attempt` is the one code path both use: the window's dispatcher (gui/ui/dispatcher.py) calls it
on its worker thread, the command line (gui/cli) in its own process through `deliver`. It sends
the item with a `TicketSender`, then asks `gui.core.retry.decide` what a failure means and
applies that verdict to the `OutboxStore`: reschedule, hold for a decision, or refuse. A success
is recorded by `deliver` at once, or by the dispatcher with the rest of its group
(`answer_of`, `OutboxStore.record_answers`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from gui.core.messages import QT_TRANSLATE_NOOP
from gui.core.outcome import Failed, Outcome, Succeeded

if TYPE_CHECKING:
    from gui.core.abort import Abort, Watchdog
    from gui.core.client import UpdateResult
    from gui.core.destination import Destination
    from gui.core.outbox import Answer, OutboxItem, OutboxStore
    from gui.core.retry import Verdict
    from gui.core.sender import TicketSender

#: Why an item waits for a decision after the user stopped waiting for the server.
STOPPED_WAITING = QT_TRANSLATE_NOOP(
    "delivery", "You stopped waiting for the server; it may already have applied this update."
)


class Delivery(NamedTuple):
    """One attempt to send an item, as it ended: the server's answer, or the error and what
    the outbox does about it (`verdict`, None exactly when it succeeded)."""

    item: OutboxItem
    outcome: Outcome[UpdateResult]
    verdict: Verdict | None
    #: The item claimed with the answer, when `deliver` was asked to (`then_claim`).
    next_item: OutboxItem | None = None

    @property
    def succeeded(self) -> bool:
        return isinstance(self.outcome, Succeeded)


def _never() -> bool:
    return False


def deliver(
    store: OutboxStore,
    item: OutboxItem,
    sender: TicketSender,
    abort: Abort,
    *,
    closing: Callable[[], bool] = _never,
    deadline: tuple[Watchdog, float] | None = None,
    then_claim: Destination | None = None,
) -> Delivery | None:
    """One attempt at the claimed `item`, recorded in `store` as its outcome says (blocking):
    `attempt`, then, when it succeeded, its `answer_of` recorded.

    With `then_claim`, a success also claims the next item due for that destination, in the
    same transaction as its answer (`Delivery.next_item`): one durable commit per item while
    the outbox drains. After a failure nothing is claimed.
    """
    delivery = attempt(store, item, sender, abort, closing=closing, deadline=deadline)
    if delivery is None or not delivery.succeeded:
        return delivery
    claimed = store.record_answers([answer_of(delivery, sender)], then_claim=then_claim)
    return delivery._replace(next_item=claimed[0] if claimed else None)


def answer_of(delivery: Delivery, sender: TicketSender) -> Answer:
    """What the outbox records of a successful `delivery` by `sender` (`OutboxStore.complete`,
    `OutboxStore.record_answers`)."""
    from gui.core.destination import destination_of
    from gui.core.outbox import Answer

    item, outcome = delivery.item, delivery.outcome
    if not isinstance(outcome, Succeeded):
        raise ValueError("only a delivery that succeeded has an answer to record")
    result = outcome.value
    return Answer(
        item.id,
        status=result.status,
        message=_echo(result.echoed),
        created_id=result.ticket_id if item.update.creates else "",
        destination=destination_of(sender.connection),
        echoed=result.echoed,
        claimed=item,
    )


def attempt(
    store: OutboxStore,
    item: OutboxItem,
    sender: TicketSender,
    abort: Abort,
    *,
    closing: Callable[[], bool] = _never,
    deadline: tuple[Watchdog, float] | None = None,
) -> Delivery | None:
    """One attempt at the claimed `item` (blocking). A failure is recorded in `store` as its
    verdict says; a success is not: the caller records its `answer_of`, with others in one
    commit if it likes (`OutboxStore.record_answers`), and the item stays SENDING until then.

    Returns None, leaving the item SENDING, when `abort` ended the request because the app is
    `closing`: the next start then treats it like an item whose process died (see
    `OutboxStore.recover`). `deadline` (a watchdog and seconds) bounds the request, however
    the socket behaves: when it, or another deadline (`Abort.deadline_passed`), ends it, that
    counts as a read timeout: resent by itself only if that is safe, else it waits for a
    decision. An abort for any other reason means the user stopped waiting, and such an item is
    never resent on its own.
    """
    from gui.core.retry import Action, decide

    try:
        if deadline is None:
            result = sender.send(item.update, abort)
        else:
            watchdog, seconds = deadline
            with watchdog.within(abort, seconds):
                result = sender.send(item.update, abort)
    except Exception as failure:
        error: Exception = failure
        if abort.aborted and closing():
            return None
        if abort.aborted and abort.deadline_passed is not None:
            # As a read timeout: it may have arrived, so it is resent by itself only when
            # that cannot notify anybody twice nor create a second ticket.
            error = _deadline_passed(abort.deadline_passed)
        if abort.aborted and abort.deadline_passed is None:
            verdict = stopped_verdict()
        else:
            verdict = decide(
                error, notify=item.notify, creates=item.update.creates, attempts=item.attempts
            )
        status = getattr(error, "status", None)
        if verdict.action is Action.RETRY:
            store.reschedule(
                item.id,
                delay=verdict.delay or 1.0,
                error=verdict.reason,
                status=status,
                asked=verdict.asked,
            )
        elif verdict.action is Action.REFUSED:
            store.refuse(item.id, error=verdict.reason, status=status)
        else:
            store.hold(item.id, error=verdict.reason, status=status)
        return Delivery(item, Failed(error), verdict)
    return Delivery(item, Succeeded(result), None)


def stopped_verdict() -> Verdict:
    """The verdict on an item whose request the user stopped waiting for."""
    from gui.core.retry import Action, Verdict

    return Verdict(Action.DECIDE, None, STOPPED_WAITING)


def _deadline_passed(seconds: float) -> Exception:
    from gui.core import errors, reports
    from gui.core.messages import join

    return errors.TimedOut(
        join([reports.no_answer_within(seconds), reports.DEADLINE_SETTING]),
        may_have_reached_server=True,
    )


def _echo(echoed: dict[str, Any] | None) -> str:
    if not echoed:
        return ""
    from gui.core.api_contract import clean_message

    return clean_message(", ".join(f"{key}: {value}" for key, value in echoed.items()))
