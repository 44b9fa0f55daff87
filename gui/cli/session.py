"""`Session`: what every command shares: its arguments, the window's preferences, the
connection the window would use, the outbox, and sending items of it."""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from gui.cli.results import Result, delivered, not_attempted

if TYPE_CHECKING:
    from gui.cli.environment import Environment
    from gui.cli.output import Output
    from gui.core.config import Connection
    from gui.core.delivery import Delivery
    from gui.core.outbox import OutboxStore, Repeat
    from gui.core.ticket import TicketUpdate


class Session:
    """One command's run: `args` as parsed, the `env` it finds things in, the `out` it says
    things to."""

    def __init__(self, args: argparse.Namespace, env: Environment, out: Output) -> None:
        self.args = args
        self.env = env
        self.out = out
        self._stored_values: dict[str, str] | None = None
        self._connection: tuple[Connection | None] | None = None  # once resolved
        self._store: OutboxStore | None = None

    def region(self) -> str:
        """The SMS region of phone numbers without a +country code (Settings')."""
        from gui.core.contacts import DEFAULT_REGION

        return self.stored().get("sms_region", DEFAULT_REGION)

    def stored(self) -> dict[str, str]:
        """The connection values Settings stored, read once."""
        if self._stored_values is None:
            self._stored_values = self.env.stored()
        return self._stored_values

    def connection(self) -> Connection | None:
        """As the window resolves it: options, environment, Settings, then the keychain (read
        only when nothing else signs in). None, after saying why, if it cannot be used.
        Resolved once per command (the keychain is read, and a problem said, once)."""
        if self._connection is None:
            self._connection = (self._resolve_connection(),)
        return self._connection[0]

    def _resolve_connection(self) -> Connection | None:
        from gui.core.config import Options, resolve_connection
        from gui.core.credentials import Credentials
        from gui.core.errors import TicketError

        args = self.args
        options = Options(
            api_base=args.api_base,
            token=args.token,
            secret_key=args.secret_key,
            publish_key=args.publish_key,
        )
        stored = self.stored()
        connection = resolve_connection(options, self.env.environ, stored, Credentials())
        if connection.credentials.empty:
            try:
                credentials = self.env.keychain()
            except TicketError as error:
                self.out.problem(error.message)
                self.out.document({"ok": False, "message": error.message})
                return None
            connection = resolve_connection(options, self.env.environ, stored, credentials)
        if not connection.usable:
            message = connection.problem or "Sending is not set up."
            self.out.problem(message)
            if connection.credentials.empty:
                self.out.problem("On the command line: --token, or PARTICLESPACE_TOKEN.")
            self.out.document({"ok": False, "message": message})
            return None
        return connection

    def store(self) -> OutboxStore:
        """The window's outbox, one store per command (its file is checked once). Callers
        `close` it when done: that closes the connection, the next use opens another."""
        if self._store is None:
            from gui.core.app_folders import OUTBOX_FILE_NAME
            from gui.core.outbox import OutboxStore

            self._store = OutboxStore(self.env.data_folder() / OUTBOX_FILE_NAME)
        return self._store

    def repeats(self, updates: Sequence[TicketUpdate]) -> list[Repeat | None] | None:
        """For each of `updates`, the identical one it would repeat (`OutboxStore.find_repeat`
        at the destination this command sends to), or None. Only an update that notifies people
        and a new ticket can repeat (a PUT of the same values again changes nothing), and none
        with --again. None altogether, after saying why, when there is no connection."""
        if getattr(self.args, "again", False):
            return [None] * len(updates)
        if not any(update.notify or update.creates for update in updates):
            return [None] * len(updates)
        connection = self.connection()
        if connection is None:
            return None
        from gui.core.destination import destination_of

        destination = destination_of(connection)
        store = self.store()
        moment = time.time()
        try:
            return [
                store.find_repeat(destination, update, now=moment)
                if update.notify or update.creates
                else None
                for update in updates
            ]
        finally:
            store.close()

    def store_and_send(
        self, updates: Sequence[TicketUpdate], *, progress: bool = False
    ) -> list[Result] | None:
        """Put `updates` in the outbox and send them (and what is due before them); a Result
        for each, in order. None, after saying why, when there is no connection to send with:
        then nothing is stored either."""
        connection = self.connection()
        if connection is None:
            return None
        from gui.core.destination import destination_of

        destination = destination_of(connection)
        store = self.store()
        try:
            ids = [store.add(update, destination=destination).id for update in updates]
            sent = self.send(store, connection, ids, progress=progress)
        finally:
            store.close()
        return [sent[item_id] for item_id in ids]

    def send(
        self,
        store: OutboxStore,
        connection: Connection,
        ids: Sequence[int],
        *,
        progress: bool = False,
        only_ours: bool = True,
    ) -> dict[int, Result]:
        """Drain the outbox until every item of `ids` had its attempt; a Result for each (for
        every item attempted, when not `only_ours`)."""
        from gui.cli.sending import Progress, drain
        from gui.core.sender import TicketSender

        meter = Progress(len(ids), self.out.stderr, enabled=progress)
        counted = {"done": 0, "sent": 0}
        wanted = set(ids)

        def on_delivered(delivery: Delivery) -> None:
            if delivery.item.id in wanted:
                counted["done"] += 1
                counted["sent"] += delivery.succeeded
                meter.update(counted["done"], counted["sent"])

        sender = TicketSender(connection)
        try:
            drained = drain(
                store, sender, ours=ids if only_ours else None, on_delivered=on_delivered
            )
        finally:
            sender.close()
        meter.finish(counted["done"], counted["sent"])
        results: dict[int, Result] = {}
        for item_id in ids if only_ours else list(drained.deliveries):
            delivery = drained.deliveries.get(item_id)
            results[item_id] = (
                delivered(delivery)
                if delivery is not None
                else not_attempted(store, item_id, drained.stopped_early)
            )
        return results


def now() -> datetime:
    """This moment, with this computer's UTC offset (what validation compares times with)."""
    return datetime.now().astimezone()
