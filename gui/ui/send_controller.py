"""`SendController`: the one update the window is waiting for, from Update to its answer.

Update checks the form and puts the update in the outbox (`OutboxDispatcher` sends it); the
controller then waits for the answer to that one item, for at most the deadline, and says what
happened through its signals. Cancel (or the deadline) stops the wait at once: the request
cannot be recalled, so its item then waits in the outbox for the user's decision.

Nothing goes out by accident: an update that changes nothing Particle Space has and notifies
nobody is sent only on a second press (`unchanged`), and one identical to an update sent in the
last 24 hours or still in the outbox only when asked again (`repeated`, then `again=True`).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, QTimer, Signal

from gui.core import reports
from gui.core.config import DEADLINE
from gui.core.messages import join

if TYPE_CHECKING:
    from collections.abc import Callable

    from gui.core.address_book import AddressBook
    from gui.core.config import Connection
    from gui.core.delivery import Delivery
    from gui.core.messages import Message
    from gui.core.outbox import KnownTicket
    from gui.core.ticket import TicketDraft, TicketUpdate
    from gui.ui.dispatcher import OutboxDispatcher, Queued, Repeated

#: How long the window waits for an answer before it gives up, whatever the socket does, unless
#: PARTICLESPACE_DEADLINE says otherwise (`gui.core.config.Connection.deadline`).
DEADLINE_SECONDS = DEADLINE


class Waiting(NamedTuple):
    """The update the window waits for; `item_id` is None until the outbox has stored it."""

    update: TicketUpdate
    item_id: int | None = None


class SendController(QObject):
    """Sends the form's update and follows it to its first answer.

    Signals:
        invalid(InvalidTicket): the form has mistakes; nothing was sent.
        blocked(Message): sending is not possible now (no usable connection); nothing was sent.
        unchanged(TicketUpdate): it changes nothing and notifies nobody; a second press sends.
        repeated(Repeated): exactly this was sent or waits already; `again` sends it.
        started(TicketUpdate): the update is being stored and sent; the window waits.
        queued_behind(Queued): stored, but it goes out after older updates to its ticket.
        sent(Delivery): the server confirmed it.
        failed(Delivery): the attempt failed (its verdict says whether it waits in the outbox).
        cancelled(Message, object): the user stopped waiting; says what that means, and the
            outbox item it waits in (None if it was not stored yet).
        timed_out(Message, object): the deadline passed; as `cancelled`.
        busy_changed(bool): waiting started (True) or ended (False), however it ended.
    """

    invalid = Signal(object)
    blocked = Signal(object)
    unchanged = Signal(object)
    repeated = Signal(object)
    started = Signal(object)
    queued_behind = Signal(object)
    sent = Signal(object)
    failed = Signal(object)
    cancelled = Signal(object, object)
    timed_out = Signal(object, object)
    busy_changed = Signal(bool)

    def __init__(
        self,
        *,
        outbox: OutboxDispatcher,
        connection: Callable[[], Connection],
        deadline_seconds: float | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`deadline_seconds` overrides the connection's deadline (tests)."""
        super().__init__(parent)
        self._outbox = outbox
        self._connection = connection
        self._waiting: Waiting | None = None
        self._unchanged: TicketUpdate | None = None  # said once: the next press sends it
        self._fixed_deadline = deadline_seconds
        #: The contact book whose names and groups the contacts field may hold (expanded to
        #: their addresses before the draft is checked: `gui.core.address_book.validate_with`);
        #: None: addresses and numbers only.
        self.address_book: Callable[[], AddressBook] | None = None
        interval = round((deadline_seconds or DEADLINE_SECONDS) * 1000)
        self._deadline = QTimer(self, singleShot=True, interval=interval)
        self._deadline.timeout.connect(self._on_deadline_timeout)
        outbox.queued.connect(self._on_queued)
        outbox.repeated.connect(self._on_repeated)
        outbox.attempted.connect(self._on_attempted)
        outbox.failed.connect(self._on_outbox_failed)

    @property
    def busy(self) -> bool:
        """Whether an update is on its way and the window waits for its answer."""
        return self._waiting is not None

    @property
    def deadline_seconds(self) -> float:
        return self._deadline.interval() / 1000

    def submit(
        self,
        draft: TicketDraft,
        *,
        region: str,
        known: KnownTicket | None = None,
        again: bool = False,
    ) -> None:
        """Check `draft` and send it; `invalid` or `blocked` instead when that cannot be done.

        `known` is what Particle Space last confirmed of the ticket: an update that changes
        none of it and notifies nobody waits for a second press (`unchanged`). Unless `again`,
        one identical to an update sent or waiting is not sent (`repeated`). A second press
        while sending sends nothing.
        """
        if self.busy:
            return
        from gui.core.address_book import AddressBook, validate_with
        from gui.core.errors import InvalidTicket  # loaded by the warm-up, not at start-up

        book = self.address_book() if self.address_book is not None else AddressBook()
        try:
            update = validate_with(draft, book, now=datetime.now().astimezone(), region=region)
        except InvalidTicket as invalid:
            self.invalid.emit(invalid)
            return
        connection = self._connection()
        if not connection.usable:
            self.blocked.emit(connection.problem or "")
            return
        if not again and _changes_nothing(update, known):
            if update != self._unchanged:
                self._unchanged = update
                self.unchanged.emit(update)
                return
            again = True  # the second press on the same update: the user means it
        self._unchanged = None
        from gui.core.destination import destination_of

        self._waiting = Waiting(update)
        self._deadline.start(round((self._fixed_deadline or connection.deadline) * 1000))
        self.busy_changed.emit(True)
        self.started.emit(update)
        self._outbox.enqueue(
            update, destination=destination_of(connection), unless_repeat=not again
        )

    def forget_unchanged(self) -> None:
        """The form changed: "changes nothing" must be said again before it is sent."""
        self._unchanged = None

    def cancel(self) -> None:
        """Stop waiting for the answer and give the controls back at once."""
        waiting = self._waiting
        if waiting is not None:
            self._stop_waiting()
            text = join([reports.STOPPED_WAITING, reports.may_have_arrived(waiting.update)])
            self.cancelled.emit(text, waiting.item_id)

    def shutdown(self) -> None:
        """Stop waiting, without a word (the window is closing)."""
        self._stop_waiting()

    # --- What the outbox says ----------------------------------------------------------------

    def _on_queued(self, queued: Queued) -> None:
        waiting = self._waiting
        if waiting is None or waiting.item_id is not None:
            return  # not the update the window sent (another process's, or one given up)
        if queued.behind:
            self._stop_waiting()
            self.queued_behind.emit(queued)
            return
        self._waiting = waiting._replace(item_id=queued.item.id)

    def _on_repeated(self, repeated: Repeated) -> None:
        waiting = self._waiting
        if waiting is None or waiting.item_id is not None or waiting.update != repeated.update:
            return
        self._stop_waiting()
        self.repeated.emit(repeated)

    def _on_attempted(self, delivery: Delivery) -> None:
        waiting = self._waiting
        if waiting is None or delivery.item.id != waiting.item_id:
            return  # another item of the outbox, or one the user stopped waiting for
        self._stop_waiting()
        (self.sent if delivery.succeeded else self.failed).emit(delivery)

    def _on_outbox_failed(self, _message: Message) -> None:
        self._stop_waiting()  # the window says what went wrong

    def _on_deadline_timeout(self) -> None:
        waiting = self._waiting
        if waiting is None:
            return
        self._stop_waiting(deadline=self.deadline_seconds)
        lead = reports.no_answer_within(self.deadline_seconds)
        text = join([lead, reports.may_have_arrived(waiting.update)])
        self.timed_out.emit(text, waiting.item_id)

    def _stop_waiting(self, *, deadline: float | None = None) -> None:
        waiting, self._waiting = self._waiting, None
        self._deadline.stop()
        if waiting is None:
            return
        if waiting.item_id is not None:
            # It then waits there for a decision (after the deadline: unless safe to resend).
            self._outbox.stop_waiting(waiting.item_id, deadline=deadline)
        self.busy_changed.emit(False)


def _changes_nothing(update: TicketUpdate, known: KnownTicket | None) -> bool:
    """Whether `update` would leave Particle Space as it last confirmed and notify nobody."""
    return (
        known is not None
        and not update.creates
        and not update.notify
        and known.ticket_id == update.ticket_id
        and (known.title, known.description, known.status)
        == (update.title, update.description, update.status)
    )
