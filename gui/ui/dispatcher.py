"""`OutboxDispatcher`: sends what the outbox holds, oldest first, one request at a time.

Every database call and every request runs as a `Job` on the dispatcher's own pool of exactly
one thread that never expires, so the SQLite connection lives on that one thread and the GUI
thread never touches the file. Due items are claimed, sent, and then completed, rescheduled or
held according to `gui.core.retry.decide` (`gui.core.delivery.attempt`, the command line's
code path too). Where the server answers within milliseconds, the items safe to send twice are
claimed a group at a time and their answers recorded in one commit with the next claim (see
`_drain`); a timer on the GUI thread wakes the dispatcher when the next waiting item falls due.
"""

from __future__ import annotations

import collections
import functools
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from gui.core.abort import Watchdog
from gui.core.messages import QT_TRANSLATE_NOOP, Message, plain
from gui.ui.worker import JobRunner

if TYPE_CHECKING:
    from gui.core.abort import Abort
    from gui.core.delivery import Delivery
    from gui.core.destination import Destination
    from gui.core.outbox import OutboxItem, OutboxStore, Repeat
    from gui.core.sender import TicketSender
    from gui.core.ticket import TicketUpdate

log = logging.getLogger(__name__)

T = TypeVar("T")

#: How long shutting down waits for the worker (its request is aborted first).
_SHUTDOWN_WAIT_MS = 3000
#: How long one batch of sends runs before other outbox jobs get their turn. Its end lists
#: the whole outbox for the panel (`Drained`): re-reading a long outbox after every send
#: would cost more than the send.
_BATCH_SECONDS = 0.25
#: While a long outbox drains, it is read for the panel at most once per so many times the
#: time its last reading took (`_list_for_panel`), but often enough that the status bar's
#: count of waiting updates, which comes from that reading, is at most a second old: a reading
#: happens at the end of a batch, so one is due this long after the last one ended.
_LIST_SHARE = 50
_LIST_AT_LEAST_EVERY = 1.0 - _BATCH_SECONDS
#: The most items claimed in one commit (`OutboxStore.claim_group`), and how long a group is
#: meant to take: as many items as the last request's time fits in it, so that a group holds
#: more than one only where the server answers within milliseconds (loopback, a LAN server),
#: and the answers of a group wait for their commit about that long.
_GROUP_MOST = 32
_GROUP_SECONDS = 0.02
#: While the outbox drains, the attempts that ended are announced this often (`_announce`).
_ANNOUNCE_EVERY_MS = 15


def _group_size(last_request_seconds: float) -> int:
    """How many items to claim next, after a request that took `last_request_seconds`."""
    if last_request_seconds <= 0:
        return 1
    return max(1, min(_GROUP_MOST, int(_GROUP_SECONDS / last_request_seconds)))


class Drained(NamedTuple):
    """The end of one batch of attempts."""

    attempted: bool
    items: list[OutboxItem] | None  # None: not read this time (`_list_for_panel`)
    next_due: float | None  # (only when nothing was attempted)


class _Sent(NamedTuple):
    """What `_send_group` did with a group."""

    answered: list[Delivery]  # the successes, to be recorded
    unsent: list[OutboxItem]  # claimed but not sent: to be given back
    closing: bool  # the app is closing (the item aborted in flight stays SENDING)
    seconds: float  # how long the last request took
    attempted: bool  # whether any item was attempted


class Queued(NamedTuple):
    """An update just stored in the outbox."""

    item: OutboxItem
    behind: int  # older items for the same ticket that go first
    items: list[OutboxItem]


class Repeated(NamedTuple):
    """An update that was not stored: exactly this was sent (or waits) already."""

    update: TicketUpdate
    repeat: Repeat


class OutboxDispatcher(QObject):
    """Runs the outbox for the window.

    Signals:
        queued(Queued): an update was stored in the outbox.
        repeated(Repeated): an update was not stored, as it repeats one sent or waiting.
        attempted(Delivery): an attempt to send an item ended: a failure once it is recorded,
            a success as soon as the server confirmed it (it is recorded with the rest of its
            group before any other outbox job runs). Emitted on the GUI thread within
            `_ANNOUNCE_EVERY_MS` of the attempt's end (`_announce`), and always before any
            result of the worker that came after it (`changed`).
        changed(list): the outbox's items (OutboxItem) after any change; while it drains, at
            the end of a batch, as often as `_list_for_panel` reads them.
        failed(Message): the outbox cannot be used (disk full, read-only folder, …).
    """

    queued = Signal(object)
    repeated = Signal(object)
    attempted = Signal(object)
    changed = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        *,
        store: Callable[[], OutboxStore],
        sender: Callable[[], TicketSender],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._open_store = store  # called on the worker thread: sqlite3 loads there, not at start
        self._opened: OutboxStore | None = None
        self._sender = sender
        # One thread for good: it owns the SQLite connection.
        self._jobs = JobRunner(threads=1, keep_thread=True, parent=self)
        self._pumping = False
        self._pump_again = False  # pump() was called while a batch ran
        self._abort: Abort | None = None
        self._current: int | None = None  # the item being sent (set on the worker thread)
        self._stopped = False
        self._watchdog = Watchdog()  # the deadline of every request (one thread, at need)
        self._listed_at = 0.0  # when the worker last read the outbox for the panel
        self._list_seconds = 0.0  # and how long that took
        self._wake = QTimer(self, singleShot=True)
        self._wake.timeout.connect(self.pump)
        # The attempts that ended on the worker, not yet announced: the GUI thread picks them
        # up on a timer while the outbox drains, since waking it once per attempt costs the
        # worker a hand-over of the GIL each time (deque appends and pops are thread-safe).
        self._ended: collections.deque[Delivery] = collections.deque()
        self._announcer = QTimer(self, interval=_ANNOUNCE_EVERY_MS)
        self._announcer.timeout.connect(self._announce)

    # --- What the window asks for ------------------------------------------------------------

    def start(self) -> None:
        """Recover from a previous run that died mid-request, show the outbox, start sending."""
        self._run(self._recover, self._on_recovered)

    def enqueue(
        self,
        update: TicketUpdate,
        *,
        destination: Destination,
        unless_repeat: bool = False,
    ) -> None:
        """Store `update` for `destination` and send it; with `unless_repeat`, not when exactly
        this update was sent there in the last 24 hours or waits in the outbox (`repeated`)."""
        add = functools.partial(self._add, update, destination, unless_repeat)
        self._run(add, self._on_added)

    def retry_now(self, item_id: int) -> None:
        """Send the item at the next opportunity (also "Resend" for one that needs a decision).
        Only an item for where the window sends now goes; one 0.1.0 queued without saying
        where is bound to it (`OutboxStore.retry_now`)."""
        self._run(functools.partial(self._retry_now, item_id), self._on_listed)

    def discard(self, item_id: int) -> None:
        self._run(functools.partial(self._discard, item_id), self._on_listed)

    def run_on_store(
        self, function: Callable[[OutboxStore], T], on_result: Callable[[T], None]
    ) -> None:
        """Run `function(store)` on the store's thread (history, contacts) and hand back."""
        self._run(lambda: function(self._store), on_result, pump=False)

    def stop_waiting(self, item_id: int | None = None, *, deadline: float | None = None) -> None:
        """Abort the request in flight (only if it is `item_id`'s, when given); its item then
        waits for the user's decision. With `deadline`, because that deadline (seconds) passed:
        then an item that is safe to resend goes out again by itself
        (`gui.core.delivery.deliver`)."""
        if self._abort is not None and item_id in (None, self._current):
            self._abort.abort(deadline=deadline)

    def shutdown(self) -> None:
        """Stop timers and the request in flight, wait (bounded) for the worker, close the file."""
        if self._stopped:
            return
        self._stopped = True
        self._wake.stop()
        self._announcer.stop()
        self.stop_waiting()
        # Closed on the thread whose connection it is.
        self._jobs.run(self._close_store, lambda _result: None, self._on_job_failed)
        if not self._jobs.wait(_SHUTDOWN_WAIT_MS):
            log.warning("the outbox worker was still busy when the window closed")
        self._watchdog.close()
        self._announce()  # the attempts that ended before it stopped

    # --- Pumping: one attempt per job, then the next -----------------------------------------

    def pump(self) -> None:
        """Send the due items, if any. Asked while a batch runs, another batch follows it: the
        running one may have looked for due items before these came (another connection may
        add to the outbox file)."""
        if self._stopped:
            return
        if self._pumping:
            self._pump_again = True
            return
        self._pumping, self._pump_again = True, False
        self._wake.stop()
        self._announcer.start()
        self._run(self._drain, self._on_drained, pump=False)

    def _drain(self) -> Drained:
        """Worker: send due items one after the other for up to `_BATCH_SECONDS`.

        Items are claimed in groups (`OutboxStore.claim_group`), sent one by one, and the
        group's answers are recorded with the claim of the next group in one commit
        (`OutboxStore.record_answers`). A group holds several items only when each is safe to
        send twice and the server answers within milliseconds (`_group_size`): should the app
        die meanwhile, the next start sends them again, which changes nothing. Each attempt is
        announced as it ends (`attempted`). The batch then returns, so that jobs queued
        meanwhile (a new update, Retry now) get their turn, and the GUI thread pumps again.
        """
        from gui.core.delivery import answer_of

        store = self._store
        sender = self._sender()
        here = self._destination(sender)
        started = time.monotonic()
        attempted = False

        def slice_over() -> bool:
            return self._stopped or time.monotonic() - started >= _BATCH_SECONDS

        # never an item made for another server or account
        group = [] if self._stopped else store.claim_group(here, up_to=1)
        while group:
            sent = self._send_group(group, sender, slice_over)
            attempted = attempted or sent.attempted
            claimed = store.record_answers(
                [answer_of(delivery, sender) for delivery in sent.answered],
                release=[item.id for item in sent.unsent],
                then_claim=None if sent.closing or slice_over() else here,
                up_to=_group_size(sent.seconds),
            )
            if sent.closing:
                break  # the app is closing: the item in flight stays SENDING for the next start
            group = claimed
        if attempted:
            return Drained(True, self._list_for_panel(store, finished=False), None)
        return Drained(False, self._list_for_panel(store, finished=True), store.next_due(here))

    def _list_for_panel(self, store: OutboxStore, *, finished: bool) -> list[OutboxItem] | None:
        """Worker: the whole outbox for the panel, at the end of a batch; while it drains, only
        as often as keeps reading it to about 2% of the time (`_LIST_SHARE`), and never more
        than a second apart (`_LIST_AT_LEAST_EVERY`): a long outbox takes milliseconds to read
        (8 ms for 1,000 items here)."""
        began = time.monotonic()
        wait = min(self._list_seconds * _LIST_SHARE, _LIST_AT_LEAST_EVERY)
        if not finished and began - self._listed_at < wait:
            return None
        items = store.items()
        self._listed_at = time.monotonic()
        self._list_seconds = self._listed_at - began
        return items

    def _send_group(
        self, group: list[OutboxItem], sender: TicketSender, slice_over: Callable[[], bool]
    ) -> _Sent:
        """Worker: send the claimed `group` one item after the other, in order, until the slice
        is over. Each attempt is announced as it ends, and a failure recorded; the successes
        are returned for the caller to record. After a ticket's item fails, the group's later
        items of that ticket are not sent: they wait behind it."""
        from gui.core.abort import Abort
        from gui.core.delivery import attempt

        answered: list[Delivery] = []
        unsent: list[OutboxItem] = []
        failed: set[str] = set()  # tickets whose item failed in this group
        seconds = 0.0
        tried = 0
        for position, item in enumerate(group):
            if tried and slice_over():  # the rest go back: their turn comes
                return _Sent(answered, unsent + group[position:], False, seconds, True)
            if item.ticket_id in failed:
                unsent.append(item)
                continue
            abort = Abort()
            self._abort, self._current = abort, item.id
            began = time.monotonic()
            delivery = attempt(
                self._store,
                item,
                sender,
                abort,
                closing=lambda: self._stopped,
                # every request, not only the one the window waits for
                deadline=(self._watchdog, sender.connection.deadline),
            )
            seconds = time.monotonic() - began
            self._abort, self._current = None, None
            if delivery is None:  # closing: the item aborted in flight stays SENDING
                rest = unsent + group[position + 1 :]
                return _Sent(answered, rest, True, seconds, tried > 0)
            tried += 1
            if delivery.succeeded:
                answered.append(delivery)
            elif item.ticket_id:
                failed.add(item.ticket_id)
            # Handed to the window at once, a success too: should the next request hang, the
            # window must not wait for it to hear that this one arrived. Whoever reads the
            # outbox after it, reads it on this thread, after the group's answers are recorded.
            self._ended.append(delivery)
        return _Sent(answered, unsent, False, seconds, tried > 0)

    def _announce(self) -> None:
        """GUI thread: say the attempts that ended since the last time (`attempted`)."""
        ended = self._ended
        while ended:
            self.attempted.emit(ended.popleft())

    def _batch_over(self) -> None:
        """GUI thread: a batch returned (or failed): say the rest of its attempts, before
        anything it read of the outbox, and stop announcing until the next."""
        self._announcer.stop()
        self._announce()
        self._pumping = False

    def _on_drained(self, drained: Drained) -> None:
        self._batch_over()
        if drained.items is not None:
            self.changed.emit(drained.items)
        if drained.attempted or self._pump_again:
            self.pump()  # more may be due (or were queued meanwhile)
        else:
            self._wake_at(drained.next_due)

    def _wake_at(self, due: float | None) -> None:
        if due is None or self._stopped:
            return
        delay_ms = max(0, round((due - time.time()) * 1000))
        self._wake.start(min(delay_ms, 2**31 - 1))

    # --- Worker-side bodies ------------------------------------------------------------------

    def _recover(self) -> tuple[list[OutboxItem], Path | None]:
        recovered = self._store.recover()
        if recovered:
            log.info("recovered %d update(s) left in flight by the last run", len(recovered))
        return self._store.items(), self._store.moved_aside

    def _add(
        self, update: TicketUpdate, destination: Destination, unless_repeat: bool
    ) -> Queued | Repeated:
        from gui.core.outbox import goes_before  # loaded with the store, off the GUI thread

        if unless_repeat:
            repeat = self._store.find_repeat(destination, update, now=time.time())
            if repeat is not None:
                return Repeated(update, repeat)
        item = self._store.add(update, destination=destination)
        items = self._store.items()
        behind = sum(1 for other in items if goes_before(other, item))
        return Queued(item, behind, items)

    def _retry_now(self, item_id: int) -> list[OutboxItem]:
        self._store.retry_now(item_id, self._destination(self._sender()))
        return self._store.items()

    def _discard(self, item_id: int) -> list[OutboxItem]:
        self._store.discard(item_id)
        return self._store.items()

    @staticmethod
    def _destination(sender: TicketSender) -> Destination:
        from gui.core.destination import destination_of

        return destination_of(sender.connection)

    @property
    def _store(self) -> OutboxStore:
        """The store, opened on first use (only ever called on the worker thread)."""
        if self._opened is None:
            self._opened = self._open_store()
        return self._opened

    def _close_store(self) -> None:
        if self._opened is not None:
            self._opened.close()

    # --- GUI-side results --------------------------------------------------------------------

    def _on_added(self, added: Queued | Repeated) -> None:
        if isinstance(added, Repeated):
            self.repeated.emit(added)
            return
        self.queued.emit(added)
        self.changed.emit(added.items)

    def _on_listed(self, items: list[OutboxItem]) -> None:
        self.changed.emit(items)

    def _on_recovered(self, result: tuple[list[OutboxItem], Path | None]) -> None:
        items, moved_aside = result
        self.changed.emit(items)
        if moved_aside is not None:
            self.failed.emit(
                QT_TRANSLATE_NOOP(
                    "OutboxDispatcher",
                    "The outbox file was damaged and could not be read; it was moved to "
                    "{path} and a new, empty outbox was started.",
                ).format(path=plain(str(moved_aside)))
            )

    def _run(
        self, function: Callable[[], T], on_result: Callable[[T], None], *, pump: bool = True
    ) -> None:
        if self._stopped:
            return

        def succeeded(result: T) -> None:
            on_result(result)
            if pump:
                self.pump()

        self._jobs.run(function, succeeded, self._on_job_failed)

    def _on_job_failed(self, error: Exception) -> None:
        self._batch_over()
        self._abort = None
        log.error("the outbox failed", exc_info=error)
        self.failed.emit(_describe(error))


#: Held while the outbox's modules are first imported (see `import_outbox`).
_IMPORTING = threading.Lock()


def import_outbox() -> None:
    """Import the outbox's package and its stores, one thread at a time.

    The window's outbox thread and a keeper's own thread (the sandbox window's templates and
    contact book, on the real file) may import them at the same moment; the package's
    ``__init__`` and a submodule imported first on another thread then wait on each other, and
    Python breaks the cycle by handing one of them a half-initialised module
    (``cannot import name … from partially initialized module``), seen on Xvfb. One lock around
    the first import makes it happen once, whole; later calls return at once.
    """
    with _IMPORTING:
        import gui.core.outbox
        import gui.core.outbox.address_book
        import gui.core.outbox.templates  # noqa: F401


def open_outbox(path: Path) -> OutboxStore:
    """The outbox database at `path` (for `OutboxDispatcher(store=partial(open_outbox, path))`)."""
    import_outbox()
    from gui.core.outbox import OutboxStore

    return OutboxStore(path)


def _describe(error: Exception) -> Message:
    from gui.core.outbox import OutboxCorrupt
    from gui.core.reports import outbox_unusable

    if isinstance(error, OutboxCorrupt) and isinstance(error.message, Message):
        return error.message
    return outbox_unusable(error)
