"""Draining the outbox from the command line: claim, send, record, item after item.

The same per-item code as the window (`gui.core.delivery.deliver`); what differs is the loop
around it. It runs in the foreground and stops as soon as the server cannot take updates now
(the first verdict to retry later): the items left wait in the outbox for the next
`outbox send` or the window, which send them when they fall due.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from gui.core.delivery import STOPPED_WAITING, Delivery, deliver

if TYPE_CHECKING:
    from gui.core.outbox import OutboxStore
    from gui.core.sender import TicketSender

#: The least time between two rewrites of the progress line on a terminal, in seconds.
_TTY_EVERY = 0.1


class Progress:
    """``sent 120/500`` on stderr: rewritten in place on a terminal, else one line per 10 %."""

    def __init__(self, total: int, stream: TextIO, *, enabled: bool = True) -> None:
        self.total = total
        self._stream = stream
        self._enabled = enabled and total > 1
        self._tty = _is_tty(stream)
        self._next_step = 1  # the next tenth to report (non-terminal)
        self._shown_at = 0.0
        self._dirty = False
        self._finished = False
        self._written: set[str] = set()  # the lines written (non-terminal): never twice

    def update(self, done: int, sent: int) -> None:
        if not self._enabled:
            return
        if self._tty:
            now = time.monotonic()
            if now - self._shown_at >= _TTY_EVERY or done == self.total:
                self._shown_at = now
                self._stream.write(f"\r{_line(sent, done, self.total)}")
                self._stream.flush()
                self._dirty = True
            return
        crossed = False
        while self._next_step <= 10 and done >= math.ceil(self.total * self._next_step / 10):
            self._next_step += 1  # a jump over several tenths is one line, not one per tenth
            crossed = True
        if crossed:
            self._emit(_line(sent, done, self.total))

    def finish(self, done: int, sent: int) -> None:
        """End the line (a terminal) or say where it stopped (when it stopped short)."""
        if not self._enabled:
            return
        if self._tty:
            if self._dirty or done:
                self._stream.write(f"\r{_line(sent, done, self.total)}\n")
                self._stream.flush()
        elif done < self.total and self._next_step <= 10 and not self._finished:
            self._finished = True  # where it stopped short, once
            self._emit(_line(sent, done, self.total))

    def _emit(self, line: str) -> None:
        if line not in self._written:
            self._written.add(line)
            self._stream.write(line + "\n")
            self._stream.flush()


def _line(sent: int, done: int, total: int) -> str:
    """ "sent 20/200", or "sent 18/20 (2 not sent)", in the command line's language."""
    from gui.cli.language import say
    from gui.core.messages import QT_TRANSLATE_NOOP

    if done > sent:
        line = QT_TRANSLATE_NOOP("cli", "sent {sent}/{total} ({failed} not sent)")
        return say(line.format(sent=sent, total=total, failed=done - sent))
    return say(QT_TRANSLATE_NOOP("cli", "sent {sent}/{total}").format(sent=sent, total=total))


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _signed_out(delivery: Delivery) -> bool:
    from gui.cli.results import credentials_rejected
    from gui.core.outcome import Failed

    return isinstance(delivery.outcome, Failed) and credentials_rejected(delivery.outcome.error)


@dataclass
class Drained:
    """What one drain did: every attempt, by item id, and whether it was cut short."""

    deliveries: dict[int, Delivery] = field(default_factory=dict)
    stopped_early: str = ""  # why the drain stopped before the outbox was empty of due items
    stopped: bool = False  # the user pressed Ctrl+C (the item in flight then waits for a decision)


def drain(
    store: OutboxStore,
    sender: TicketSender,
    *,
    batch: int | None = None,
    whatever_backoff: bool = False,
    on_delivered: Callable[[Delivery], None] = lambda _delivery: None,
) -> Drained:
    """Send the due items for the sender's destination, oldest first, until none is due; with
    `batch`, only that batch's items and the older items of its tickets (which must go
    first). Stops at the first failure to be retried later, and at Ctrl+C, which holds the item
    in flight for a decision (it may have arrived).

    With `whatever_backoff` (an explicit `outbox send`) every waiting item is due, however long
    its backoff still runs, except one whose server asked to wait longer (Retry-After: see
    `OutboxStore.claim_next`); without it (a command's drain before its own update) only the
    items whose next try has come.

    Items made for another API base or account are never sent (`OutboxStore.claim_next`). Each
    request has the connection's deadline (PARTICLESPACE_DEADLINE): when it passes, the request
    is ended and the item waits as after a read timeout (`gui.core.delivery.deliver`). The
    caller settles what a killed process left "being sent" first (`Session.recovered`).
    """
    from gui.core.abort import Abort, Watchdog
    from gui.core.destination import destination_of
    from gui.core.retry import Action

    drained = Drained()
    here = destination_of(sender.connection)
    item = None
    deadline = (Watchdog(), sender.connection.deadline)
    try:
        while True:
            item = store.claim_next(here, batch=batch, whatever_backoff=whatever_backoff)
            if item is None:
                break
            delivery = deliver(store, item, sender, Abort(), deadline=deadline)
            assert delivery is not None  # nosec B101 - only None while closing, never here
            item = None  # recorded: nothing to hold if Ctrl+C comes now
            drained.deliveries[delivery.item.id] = delivery
            on_delivered(delivery)
            if delivery.verdict is not None and (
                delivery.verdict.action is Action.RETRY or _signed_out(delivery)
            ):
                # The server cannot take updates now, or will take none with these
                # credentials: the rest wait as they are.
                drained.stopped_early = delivery.verdict.reason
                break
    except KeyboardInterrupt:
        drained.stopped = True
        if item is not None:
            store.hold(item.id, error=STOPPED_WAITING)
    finally:
        deadline[0].close()
    return drained
