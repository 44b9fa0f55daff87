"""`particle-tickets outbox list|send|discard`: the window's outbox from a script.

A command sends only what was made for its own destination (the API base and account it is
configured for, `gui.core.destination`); the items made for another are listed, never sent.
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import TYPE_CHECKING

from gui.cli.results import (
    EXIT_FAILED,
    EXIT_INVALID,
    EXIT_SENT,
    EXIT_WAITING,
    FAILED,
    REFUSED,
    SENT,
    STOPPED,
)
from gui.cli.session import Session
from gui.core.messages import QT_TRANSLATE_NOOP, Context, Message
from gui.core.outbox.queue import ItemState

#: The context of the command line's sentences with a number (lupdate reads it by this name).
cli = Context("cli")
#: Said of an item, or a batch, that is not in the outbox.
_NO_ITEM = QT_TRANSLATE_NOOP("cli", "There is no item {item} in the outbox.")
_NO_BATCH = QT_TRANSLATE_NOOP("cli", "There is no batch {batch} in the outbox.")

if TYPE_CHECKING:
    from gui.core.destination import Destination
    from gui.core.outbox import OutboxItem, OutboxStore


class OutboxCommand(Session):
    """`outbox list`, `outbox send [--retry ID …] [--batch ID]` and
    `outbox discard ID … | --batch ID`."""

    def run(self) -> int:
        actions = {"list": self.list_items, "send": self.send_due, "discard": self.discard}
        return actions[self.args.action]()

    def list_items(self) -> int:
        store = self.store()
        try:
            items = store.items()
        finally:
            store.close()
        if store.moved_aside is not None:
            self.out.problem(
                QT_TRANSLATE_NOOP(
                    "cli",
                    "The outbox file was damaged; it was kept as {path} and a new, empty outbox "
                    "was started.",
                ).format(path=str(store.moved_aside))
            )
        self.out.items(items, api_base=self.api_base())
        return EXIT_SENT

    def api_base(self) -> str:
        """Where this command would send (options, environment, the window's stored values),
        credentials aside; the sandbox with --demo."""
        from gui.core.config import Options, resolve_connection
        from gui.core.destination import SANDBOX, describe

        if self.demo:
            return describe(SANDBOX)
        args = self.args
        options = Options(api_base=args.api_base)
        return describe(resolve_connection(options, self.env.environ, self.stored()).api_base)

    def send_due(self) -> int:
        connection, here = self.connection(), self.destination()
        if connection is None or here is None:
            return EXIT_FAILED
        batch = self.args.batch
        store = self.recovered()  # what a killed process left being sent can be retried
        try:
            for item_id in self.args.retry:
                refused = self._retry(store, item_id, here)
                if refused is not None:
                    return refused
            if batch is not None and store.batch(batch) is None:
                self.out.problem(_NO_BATCH.format(batch=batch))
                return EXIT_INVALID
            sent = self.send(store, connection, batch=batch, progress=True, whatever_backoff=True)
            items = store.items() if batch is None else store.batch(batch) or []
        finally:
            store.close()
        done = list(sent.results.values())
        elsewhere = [item for item in items if item.destination not in (here, None)]
        left = [item for item in items if item not in elsewhere]
        self.out.document(
            {
                "ok": not left and all(result.ok for result in done),
                "results": [result.to_json() for result in done],
                "left": len(left),
                "elsewhere": len(elsewhere),
            }
        )
        for result in done:
            if result.state != SENT:
                self.out.attempt(result)
        sent_count = sum(result.ok for result in done)
        attempted = {result.outbox for result in done}
        asked = [
            item
            for item in left
            if item.id not in attempted
            and item.state is ItemState.WAITING
            and (item.not_before or 0) > time.time()
        ]
        self._say_held_back(left, attempted)
        for item in asked:
            self.out.problem(
                QT_TRANSLATE_NOOP(
                    "cli",
                    "Item {item} (ticket {ticket}) was not sent: the server asked to wait until "
                    "{time}.",
                ).format(
                    item=item.id,
                    ticket=item.ticket_id or QT_TRANSLATE_NOOP("cli", "new"),
                    time=clock_time(item.not_before or 0),
                )
            )
        summary: Message
        if done:
            summary = cli.tr(
                "Sent {sent} of %n attempted", "Sent {sent} of %n attempted", len(done)
            ).format(sent=sent_count)
        elif asked:
            latest = max(item.not_before or 0 for item in asked)
            summary = QT_TRANSLATE_NOOP(
                "cli", "Nothing was sent: the server asked to wait until {time}"
            ).format(time=clock_time(latest))
        else:
            summary = QT_TRANSLATE_NOOP("cli", "Nothing was sent")
        self.out.say(
            cli.tr(
                "{summary}; %n left in the outbox.", "{summary}; %n left in the outbox.", len(left)
            ).format(summary=summary)
        )
        if elsewhere:
            self._say_elsewhere(elsewhere)
        if sent.stopped:
            self.out.problem(STOPPED)
            return EXIT_FAILED
        if any(result.state in (REFUSED, FAILED) or result.credentials_rejected for result in done):
            return EXIT_FAILED
        return EXIT_WAITING if left else EXIT_SENT

    def _retry(self, store: OutboxStore, item_id: int, here: Destination) -> int | None:
        """Make item `item_id` due now; the exit status if it cannot be (after saying why)."""
        from gui.core.destination import describe

        item = store.get(item_id)
        if item is None:
            self.out.problem(_NO_ITEM.format(item=item_id))
            return EXIT_INVALID
        if store.retry_now(item_id, here):
            return None
        if item.destination not in (here, None):
            if item.destination.api_base == here.api_base:
                elsewhere = QT_TRANSLATE_NOOP(
                    "cli",
                    "Item {item} was written for {server} with another account; this command "
                    "sends to {here} and did not send it. Run it with that address and account, "
                    "or `particle-tickets outbox discard {item}` gives it up.",
                )
            else:
                elsewhere = QT_TRANSLATE_NOOP(
                    "cli",
                    "Item {item} was written for {server}; this command sends to {here} and did "
                    "not send it. Run it with that address and account, or `particle-tickets "
                    "outbox discard {item}` gives it up.",
                )
            self.out.problem(
                elsewhere.format(
                    item=item_id,
                    server=describe(item.destination.api_base),
                    here=describe(here.api_base),
                )
            )
            return EXIT_INVALID
        self.out.problem(
            QT_TRANSLATE_NOOP("cli", "Item {item} is being sent right now.").format(item=item_id)
        )
        return EXIT_FAILED

    def _say_held_back(self, left: list[OutboxItem], attempted: set[int | None]) -> None:
        """Say which item holds back each --retry item that could not go (an older update of
        its ticket, which must go first)."""
        from gui.core.outbox import goes_before

        for item in left:
            if item.id not in self.args.retry or item.id in attempted:
                continue
            older = next((other for other in left if goes_before(other, item)), None)
            if older is not None:
                self.out.problem(
                    QT_TRANSLATE_NOOP(
                        "cli",
                        "Item {item} was not sent: it goes after item {older}, the earlier update "
                        "to ticket {ticket} that waits in the outbox (`particle-tickets outbox "
                        "send --retry {older} {item}` sends both).",
                    ).format(item=item.id, older=older.id, ticket=item.ticket_id)
                )

    def _say_elsewhere(self, items: list[OutboxItem]) -> None:
        from gui.core.destination import describe
        from gui.core.messages import join

        bases = sorted({describe(item.destination.api_base) for item in items if item.destination})
        self.out.problem(
            cli.tr(
                "%n items were written for another server or account ({servers}) and not sent "
                "from here (`particle-tickets outbox list` shows them).",
                "%n item was written for another server or account ({servers}) and not sent "
                "from here (`particle-tickets outbox list` shows them).",
                len(items),
            ).format(servers=join(bases, ", "))
        )

    def discard(self) -> int:
        if self.args.batch is not None:
            return self.discard_batch(self.args.batch)
        if not self.args.ids:
            self.out.problem(
                QT_TRANSLATE_NOOP("cli", "Name the items to discard (their ids), or --batch ID.")
            )
            return EXIT_INVALID
        from gui.core.outbox import ItemState

        store = self.store()
        code = EXIT_SENT
        try:
            for item_id in self.args.ids:
                item = store.get(item_id)
                if item is None:
                    self.out.problem(_NO_ITEM.format(item=item_id))
                    code = max(code, EXIT_INVALID)
                elif item.state is ItemState.SENDING:
                    self.out.problem(
                        QT_TRANSLATE_NOOP(
                            "cli", "Item {item} is being sent right now; it cannot be discarded."
                        ).format(item=item_id)
                    )
                    code = EXIT_FAILED
                else:
                    store.discard(item_id)
                    self.out.say(
                        QT_TRANSLATE_NOOP("cli", "Discarded item {item} (ticket {ticket}).").format(
                            item=item_id, ticket=item.ticket_id
                        )
                    )
        finally:
            store.close()
        self.out.document({"ok": code == EXIT_SENT, "discarded": self.args.ids})
        return code

    def discard_batch(self, batch: int) -> int:
        store = self.recovered()  # an item a killed command left "being sent" can go too
        try:
            if store.batch(batch) is None:
                self.out.problem(_NO_BATCH.format(batch=batch))
                self.out.document({"ok": False, "discarded": []})
                return EXIT_INVALID
            discarded, sending = store.discard_batch(batch)
        finally:
            store.close()
        self.out.say(
            cli.tr(
                "Discarded %n items of batch {batch}.",
                "Discarded %n item of batch {batch}.",
                len(discarded),
            ).format(batch=batch)
        )
        if sending:
            ids = ", ".join(str(item.id) for item in sending)
            self.out.problem(
                QT_TRANSLATE_NOOP("cli", "Being sent right now, so not discarded: {ids}.").format(
                    ids=ids
                )
            )
        self.out.document(
            {"ok": not sending, "discarded": [item.id for item in discarded], "batch": batch}
        )
        return EXIT_FAILED if sending else EXIT_SENT


def clock_time(moment: float) -> str:
    """`moment` (epoch seconds) in this computer's local time: "14:05:30" today, else with its
    date ("2026-12-07 14:05:30")."""
    when = datetime.fromtimestamp(moment)
    if when.date() == datetime.now().date():
        return when.strftime("%H:%M:%S")
    return when.strftime("%Y-%m-%d %H:%M:%S")
