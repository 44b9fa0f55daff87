"""`BatchSender`: checks the rows of File ▸ Many tickets… and sends them through the window's
outbox, row by row as the outbox answers.

Everything blocking runs on the outbox's own thread (`OutboxDispatcher.run_on_store`): reading
the known tickets and checking the rows, reading a CSV file, queuing the batch in one
transaction, holding what is left at Cancel. The window's dispatcher then sends the batch like
any other items (they survive a crash and show in the outbox panel); this object only listens to
its `attempted` signal for the items of its batch.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale, QObject, Signal

if TYPE_CHECKING:
    from gui.core.address_book import AddressBook
    from gui.core.batch import BatchRow, Change, Checked, Queued
    from gui.core.delivery import Delivery
    from gui.core.destination import Destination
    from gui.core.outbox import OutboxItem, OutboxStore
    from gui.ui.dispatcher import OutboxDispatcher


class BatchSender(QObject):
    """Checks and sends one batch at a time for the dialog.

    Signals:
        checked(Checked): the rows of the latest input (an answer for an older one is dropped).
        queued(Queued): the batch is in the outbox (`batch` None: nothing was queued).
        row_ended(int, RowResult): how the row at this position (of the rows sent) ended.
        cancelled(Message): Cancel held the rest of the batch; says how many, and where.
        failed(Message): the outbox could not be used.
    """

    checked = Signal(object)
    queued = Signal(object)
    row_ended = Signal(int, object)
    cancelled = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        *,
        outbox: OutboxDispatcher,
        destination: Callable[[], Destination],
        region: Callable[[], str],
        address_book: Callable[[], AddressBook] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`address_book`: the contact book whose names and groups the contacts may hold."""
        super().__init__(parent)
        self._outbox = outbox
        self._destination = destination
        self._region = region
        self._book = address_book
        self._generation = 0  # of the latest check asked for
        self._positions: dict[int, int] = {}  # outbox item id -> position of its row
        self._early: list[Delivery] = []  # attempts that came before the batch's item ids
        self._following: dict[int, int] = {}  # items that wait to be tried again -> position
        self._total = 0  # updates in the batch
        self._queuing = False
        self.batch_id: int | None = None
        outbox.attempted.connect(self._on_attempted)
        outbox.failed.connect(self._on_outbox_failed)

    # --- Checking ----------------------------------------------------------------------------

    def check_pasted(self, text: str, change: Change) -> None:
        """Check the pasted ids with `change` (`checked` comes with the rows)."""
        from gui.core.batch import check_pasted

        work = functools.partial(
            check_pasted,
            destination=self._destination(),
            text=text,
            change=change,
            now=datetime.now().astimezone(),
            region=self._region(),
            book=self._book() if self._book is not None else None,
        )
        self._check(lambda store: work(store))

    def check_csv(self, path: Path) -> None:
        """Check the rows of the CSV file at `path`."""
        from gui.core.batch import check_csv

        work = functools.partial(
            check_csv,
            path,
            now=datetime.now().astimezone(),
            region=self._region(),
            book=self._book() if self._book is not None else None,
        )
        self._check(lambda _store: work())

    def forget_checks(self) -> None:
        """The input changed: an answer still on its way is for an old input."""
        self._generation += 1

    def _check(self, function: Callable[[OutboxStore], Checked]) -> None:
        self._generation += 1
        generation = self._generation

        def on_result(checked: Checked) -> None:
            if generation == self._generation:
                self.checked.emit(checked)

        self._outbox.run_on_store(function, on_result)

    # --- Sending -----------------------------------------------------------------------------

    @property
    def sending(self) -> bool:
        """Whether rows of the batch have not ended yet (or it is being queued)."""
        return self._queuing or bool(self._positions)

    def send(self, rows: Sequence[BatchRow], *, again: bool, source: str = "") -> None:
        """Queue the valid `rows` as one batch and let the outbox send it; each row's end comes
        as `row_ended` (by its position in `rows`)."""
        from gui.core.batch import queue_rows

        updates = {index: row.update for index, row in enumerate(rows) if row.update is not None}
        work = functools.partial(
            queue_rows,
            destination=self._destination(),
            updates=updates,
            again=again,
            now=time.time(),
            source=source,
        )
        self._queuing = True
        self._positions = {}
        self._following = {}
        self._early = []
        self.batch_id = None
        self._outbox.run_on_store(lambda store: work(store), self._on_queued)

    def cancel(self) -> None:
        """Stop after the update in flight: the rest of the batch waits for a decision."""
        batch_id = self.batch_id
        if batch_id is None or not (self._positions or self._following):
            return
        from gui.core.batch import hold_batch

        self._outbox.run_on_store(
            lambda store: hold_batch(store, batch_id),
            functools.partial(self._on_held, batch_id),
        )

    def _on_queued(self, queued: Queued) -> None:
        from gui.core.batch import repeated, waits_already, waits_behind

        self._queuing = False
        self.batch_id = queued.batch
        for position, repeat in queued.repeats.items():
            self.row_ended.emit(position, repeated(repeat, _when(repeat.at)))
        for position, item in queued.held.items():
            self.row_ended.emit(position, waits_already(item))
        self._positions = {item_id: position for position, item_id in queued.items.items()}
        self._total = len(self._positions)
        for position, older in queued.behind.items():
            # It goes out only after the user's decision on `older`: said now, and its row
            # is said again should it go out while the dialog is open.
            item_id = queued.items[position]
            self._following[item_id] = self._positions.pop(item_id)
            self.row_ended.emit(position, waits_behind(older))
        self.queued.emit(queued)
        early, self._early = self._early, []
        for delivery in early:
            self._on_attempted(delivery)
        if queued.batch is not None:
            self._outbox.pump()

    def _on_attempted(self, delivery: Delivery) -> None:
        if self._queuing:
            self._early.append(delivery)
            return
        item_id = delivery.item.id
        position = self._positions.pop(item_id, None)
        if position is None:
            position = self._following.pop(item_id, None)
        if position is None:
            return  # another item of the outbox
        from gui.core.batch import WAITING, delivered

        result = delivered(delivery)
        if result.state == WAITING:  # tried again later: its row then says how that went
            self._following[item_id] = position
        self.row_ended.emit(position, result)

    def _on_held(self, batch_id: int, held: list[OutboxItem]) -> None:
        from gui.core.batch import CANCELLED, NEEDS_DECISION, RowResult, cancelled

        for item in held:
            position = self._positions.pop(item.id, None)
            if position is None:
                position = self._following.pop(item.id, None)
            if position is not None:
                self.row_ended.emit(position, RowResult(NEEDS_DECISION, CANCELLED))
        self.cancelled.emit(cancelled(len(held), max(self._total, len(held)), batch_id))

    def _on_outbox_failed(self, message: str) -> None:
        if self._queuing:
            self._queuing = False
            self.failed.emit(message)


def _when(at: float) -> str:
    """`at` (epoch seconds) as the window writes a time."""
    moment = QDateTime.fromSecsSinceEpoch(round(at))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)
