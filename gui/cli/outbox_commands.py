"""`particle-tickets outbox list|send|discard`: the window's outbox from a script."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gui.cli.results import (
    EXIT_FAILED,
    EXIT_INVALID,
    EXIT_SENT,
    EXIT_WAITING,
    FAILED,
    REFUSED,
    SENT,
)
from gui.cli.session import Session

if TYPE_CHECKING:
    from gui.core.outbox import OutboxStore


class OutboxCommand(Session):
    """`outbox list`, `outbox send [--retry ID …]` and `outbox discard ID …`."""

    def run(self) -> int:
        actions = {"list": self.list, "send": self.send_due, "discard": self.discard}
        return actions[self.args.action]()

    def list(self) -> int:
        store = self.store()
        try:
            items = store.items()
        finally:
            store.close()
        if store.moved_aside is not None:
            self.out.problem(
                f"The outbox file was damaged; it was kept as {store.moved_aside} and a new, "
                "empty outbox was started."
            )
        self.out.items(items)
        return EXIT_SENT

    def send_due(self) -> int:
        connection = self.connection()
        if connection is None:
            return EXIT_FAILED
        store = self.store()
        try:
            for item_id in self.args.retry:
                if store.get(item_id) is None:
                    self.out.problem(f"There is no item {item_id} in the outbox.")
                    return EXIT_INVALID
                store.retry_now(item_id)
            results = self.send(store, connection, _due(store), progress=True, only_ours=False)
            left = store.items()
        finally:
            store.close()
        done = list(results.values())
        self.out.document(
            {
                "ok": not left and all(result.ok for result in done),
                "results": [result.to_json() for result in done],
                "left": len(left),
            }
        )
        for result in done:
            if result.state != SENT:
                self.out.attempt(result)
        sent = sum(result.ok for result in done)
        self.out.say(
            f"Sent {sent} of {len(done)} attempted; {len(left)} left in the outbox."
            if done
            else f"Nothing was due; {len(left)} left in the outbox."
        )
        if any(result.state in (REFUSED, FAILED) for result in done):
            return EXIT_FAILED
        return EXIT_WAITING if left else EXIT_SENT

    def discard(self) -> int:
        from gui.core.outbox import ItemState

        store = self.store()
        code = EXIT_SENT
        try:
            for item_id in self.args.ids:
                item = store.get(item_id)
                if item is None:
                    self.out.problem(f"There is no item {item_id} in the outbox.")
                    code = max(code, EXIT_INVALID)
                elif item.state is ItemState.SENDING:
                    self.out.problem(
                        f"Item {item_id} is being sent right now; it cannot be discarded."
                    )
                    code = EXIT_FAILED
                else:
                    store.discard(item_id)
                    self.out.say(f"Discarded item {item_id} (ticket {item.ticket_id}).")
        finally:
            store.close()
        self.out.document({"ok": code == EXIT_SENT, "discarded": self.args.ids})
        return code


def _due(store: OutboxStore) -> list[int]:
    """The items that would go out by themselves now."""
    import time

    from gui.core.outbox import ItemState

    moment = time.time()
    return [
        item.id
        for item in store.items()
        if item.state is ItemState.WAITING and item.next_try is not None and item.next_try <= moment
    ]
