"""`Session`: what every command shares: its arguments, the window's preferences, the
connection the window would use, the outbox, and sending items of it."""

from __future__ import annotations

import argparse
import dataclasses
import logging
import time
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from gui.cli.results import Result, delivered, not_attempted

if TYPE_CHECKING:
    from gui.cli.environment import Environment
    from gui.cli.output import Output
    from gui.core.address_book import AddressBook
    from gui.core.config import Connection
    from gui.core.delivery import Delivery
    from gui.core.destination import Destination
    from gui.core.outbox import OutboxStore, Repeat
    from gui.core.ticket import TicketUpdate
    from gui.sandbox import SandboxServer

log = logging.getLogger(__name__)


class Session:
    """One command's run: `args` as parsed, the `env` it finds things in, the `out` it says
    things to.

    With --demo it sends to the built-in sandbox, started in this process when the command
    first needs a connection (`close` stops it), and uses the sandbox's own outbox (the one
    the window's sandbox uses): nothing leaves the computer, and the real outbox is never
    touched. The environment's PARTICLESPACE_* values do not count then, as in the window's
    --demo; --api-base and the credentials options are refused with it (`arguments.parse`).
    """

    def __init__(self, args: argparse.Namespace, env: Environment, out: Output) -> None:
        self.args = args
        self.env = env
        self.out = out
        self._stored_values: dict[str, str] | None = None
        self._connection: tuple[Connection | None] | None = None  # once resolved
        self._store: OutboxStore | None = None
        self._recovered = False  # `recovered` settled the store already
        self._sandbox: SandboxServer | None = None

    @property
    def demo(self) -> bool:
        """Whether this command works with the built-in sandbox (--demo)."""
        return bool(getattr(self.args, "demo", False))

    def close(self) -> None:
        """Stop the sandbox, if this command started one."""
        if self._sandbox is not None:
            self._sandbox.stop()
            self._sandbox = None

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
            self._connection = (
                self._sandbox_connection() if self.demo else self._resolve_connection(),
            )
        return self._connection[0]

    def _sandbox_connection(self) -> Connection:
        """The window's --demo connection: a sandbox of this process, which signs itself in.

        A sandbox forgets its tickets when it stops; this one starts with its sample tickets and
        those the sandbox's outbox knows it confirmed (created or updated by an earlier --demo
        command or the window's sandbox), as they were then."""
        from gui.core.config import Connection
        from gui.core.credentials import Credentials
        from gui.core.destination import destination_of
        from gui.sandbox import SandboxServer

        sandbox = SandboxServer()
        # The address comes once it listens; the destination (what the outbox files it under)
        # is the sandbox whatever its address.
        connection = Connection("", Credentials(token=SandboxServer.TOKEN), sandbox=True)
        store = self.store()
        try:
            known = store.known_tickets(destination_of(connection))
        finally:
            store.close()
        for ticket in known:
            fields = {"title": ticket.title, "description": ticket.description}
            sandbox.add_ticket(ticket.ticket_id, **fields, status=ticket.status)
        sandbox.start()
        self._sandbox = sandbox
        return connection._replace(api_base=sandbox.url)

    def _resolve_connection(self) -> Connection | None:
        from gui.cli.remedies import for_command_line
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
                message = for_command_line(error.message)
                self.out.problem(message)
                self.out.document({"ok": False, "message": message})
                return None
            connection = resolve_connection(options, self.env.environ, stored, credentials)
        if not connection.usable:
            from gui.core.messages import QT_TRANSLATE_NOOP

            unusable = connection.problem or QT_TRANSLATE_NOOP("cli", "Sending is not set up.")
            message = for_command_line(unusable)
            self.out.problem(message)
            self.out.document({"ok": False, "message": message})
            return None
        return connection

    def store(self) -> OutboxStore:
        """The window's outbox, one store per command (its file is checked once). Callers
        `close` it when done: that closes the connection, the next use opens another."""
        if self._store is None:
            from gui.core.app_folders import OUTBOX_FILE_NAME
            from gui.core.outbox import OutboxStore

            folder = self.env.outbox_folder(demo=self.demo)
            self._store = OutboxStore(folder / OUTBOX_FILE_NAME)
        return self._store

    def address_book(self) -> AddressBook:
        """The user's contact book, whose people and groups the contacts may name: in the real
        outbox file, with --demo too (as the sandbox's window reads it). Empty when there is
        none yet or it cannot be read (a name is then refused as an address, with its words)."""
        import sqlite3

        from gui.core.address_book import AddressBook
        from gui.core.app_folders import OUTBOX_FILE_NAME
        from gui.core.outbox import OutboxCorrupt
        from gui.core.outbox.address_book import AddressBookStore

        path = self.env.outbox_folder(demo=False) / OUTBOX_FILE_NAME
        if not path.exists():
            return AddressBook()
        reader = AddressBookStore(path) if self.demo else self.store().address_book
        try:
            return reader.book()
        except (OSError, sqlite3.Error, OutboxCorrupt) as error:
            log.warning("the contact book could not be read: %s", error)
            return AddressBook()
        finally:
            if self.demo:
                reader.close()  # the outbox's own connection stays for the command

    def recovered(self) -> OutboxStore:
        """The outbox, with the items a process that died mid-request left SENDING settled
        first, as the window does at start-up (items a running window or command is sending
        right now are left to it): once per command, before it sends, retries or discards."""
        store = self.store()
        if not self._recovered:
            store.recover()
            self._recovered = True
        return store

    def repeats(self, updates: Sequence[TicketUpdate]) -> list[Repeat | None] | None:
        """For each of `updates`, the identical one it would repeat (`OutboxStore.find_repeat`
        at the destination this command sends to), or None. Only an update that notifies people
        and a new ticket can repeat (a PUT of the same values again changes nothing), and none
        with --again. None altogether, after saying why, when there is no connection."""
        if getattr(self.args, "again", False):
            return [None] * len(updates)
        if not any(update.notify or update.creates for update in updates):
            return [None] * len(updates)
        destination = self.destination()
        if destination is None:
            return None
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

    def destination(self) -> Destination | None:
        """Where this command sends (`gui.core.destination`); None, after saying why, when
        there is no connection."""
        connection = self.connection()
        if connection is None:
            return None
        from gui.core.destination import destination_of

        return destination_of(connection)

    def store_and_send(
        self,
        updates: Sequence[TicketUpdate],
        *,
        progress: bool = False,
        source: str = "",
        adopt: Sequence[int] = (),
    ) -> Sent | None:
        """Put `updates` in the outbox as one batch (in one transaction: all or none), with the
        waiting items `adopt` that are exactly some of them already, and send the batch (and,
        first, older items of its tickets). None, after saying why, when there is no
        connection to send with: then nothing is stored either."""
        connection, destination = self.connection(), self.destination()
        if connection is None or destination is None:
            return None
        store = self.store()
        try:
            batch = store.add_batch(updates, destination=destination, source=source, adopt=adopt)
            ours = [item.id for item in batch.items] + list(adopt)
            return self.send(store, connection, batch=batch.id, ours=ours, progress=progress)
        finally:
            store.close()

    def send(
        self,
        store: OutboxStore,
        connection: Connection,
        *,
        batch: int | None = None,
        ours: Sequence[int] = (),
        progress: bool = False,
        whatever_backoff: bool = False,
    ) -> Sent:
        """Send what is due for this command's destination (with `batch`, that batch and what
        must go before it; with `whatever_backoff`, also what waits for its backoff to run out,
        see `sending.drain`); a Result for each item of `ours` (attempted or not) and for each
        other item attempted on the way, in the order they were attempted."""
        from gui.cli.sending import Progress, drain
        from gui.core.sender import TicketSender

        self.recovered()
        total = len(ours) or len(_due(store, connection, whatever_backoff=whatever_backoff))
        meter = Progress(total, self.out.stderr, enabled=progress)
        counted = {"done": 0, "sent": 0}

        def on_delivered(delivery: Delivery) -> None:
            counted["done"] += 1
            counted["sent"] += delivery.succeeded
            meter.update(min(counted["done"], total), counted["sent"])

        sender = TicketSender(connection)
        try:
            drained = drain(
                store,
                sender,
                batch=batch,
                whatever_backoff=whatever_backoff,
                on_delivered=on_delivered,
            )
        finally:
            sender.close()
        meter.finish(min(counted["done"], total), counted["sent"])
        wanted = set(ours)
        results = {
            item_id: delivered(delivery)
            for item_id, delivery in drained.deliveries.items()
            if item_id in wanted or not wanted
        }
        for item_id in ours:
            if item_id not in results:
                results[item_id] = not_attempted(store, item_id, drained.stopped_early)
        # (each with its outbox id, which a sent one no longer has: the lines name it)
        earlier = [
            dataclasses.replace(delivered(delivery), outbox=item_id)
            for item_id, delivery in drained.deliveries.items()
            if wanted and item_id not in wanted
        ]
        left = len(store.batch(batch) or []) if batch is not None else 0
        return Sent(list(ours), results, earlier, batch, left, drained.stopped)


class Sent(NamedTuple):
    """What `Session.send` did."""

    ours: list[int]  # the command's own outbox items, in order
    results: dict[int, Result]  # by outbox item id: the command's own (or, without, all sent)
    earlier: list[Result]  # older items of the same tickets, sent first
    batch: int | None  # the command's batch
    left: int  # how many items of the batch are still in the outbox
    stopped: bool  # the user pressed Ctrl+C


def _due(store: OutboxStore, connection: Connection, *, whatever_backoff: bool) -> list[int]:
    """The items for `connection`'s destination that would go out by themselves now (with
    `whatever_backoff`: that a user's explicit send takes now)."""
    from gui.core.destination import destination_of
    from gui.core.outbox import ItemState

    here = destination_of(connection)
    moment = time.time()
    return [
        item.id
        for item in store.items()
        if item.state is ItemState.WAITING
        and item.destination == here
        and (
            (item.not_before or 0) <= moment
            if whatever_backoff
            else item.next_try is not None and item.next_try <= moment
        )
    ]


def now() -> datetime:
    """This moment, with this computer's UTC offset (what validation compares times with)."""
    return datetime.now().astimezone()
