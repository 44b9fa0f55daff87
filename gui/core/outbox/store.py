"""`OutboxStore`: the outbox, its history, the remembered contacts and the known tickets, as the
rest of the app sees them. It wires the concerns of this package together: the file and its
connections (`database`), the queue (`queue`), the history and the contacts (`history`), the
known tickets (`known`), the repeats (`repeats`), the message templates (`templates`), and the
life mark that says this process is still sending what it claimed (`gui.core.liveness`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from gui.core.destination import Destination
from gui.core.fields import ContactType
from gui.core.liveness import LifeMark
from gui.core.outbox import claims, history, known, queue, repeats
from gui.core.outbox.address_book import AddressBookStore
from gui.core.outbox.database import Database
from gui.core.outbox.history import HistoryEntry
from gui.core.outbox.known import KnownTicket
from gui.core.outbox.queue import ItemState, OutboxItem
from gui.core.outbox.repeats import Repeat
from gui.core.outbox.templates import TemplateStore
from gui.core.ticket import TicketUpdate, update_to_json
from gui.core.wire import encode_pairs, pairs_digest

#: How far back `OutboxStore.find_repeat` looks for an identical update sent, in seconds.
REPEAT_WINDOW = 86_400.0


class Batch(NamedTuple):
    """What `OutboxStore.add_batch` stored: the batch's id and its new items, in order."""

    id: int
    items: list[OutboxItem]


class Answer(NamedTuple):
    """The server's confirmation of one item, as `OutboxStore.record_answers` takes it (the
    arguments of `OutboxStore.complete`)."""

    item_id: int
    status: int
    message: str = ""
    created_id: str = ""
    destination: Destination | None = None
    echoed: Mapping[str, object] | None = None
    claimed: OutboxItem | None = None  # as its claim returned it: recorded without a re-read


class OutboxStore:
    """The outbox, its history and the remembered contacts, in one SQLite file at `path`.

    Safe to use from several threads: each thread gets its own connection, opened at its first
    call (`gui.core.outbox.database.Database`). The first connection of the store checks the
    file (``PRAGMA quick_check``); a file that is not a database or fails the check is renamed
    ``<name>.corrupt-<UTC timestamp>`` (with its ``-wal`` and ``-shm``), a new one is created,
    and `moved_aside` says where the old one went: that first call raises nothing.

    Every change is one transaction: an item's new state and the history entry of the attempt
    are written together, or not at all.

    Errors: `sqlite3.Error` or `OSError` when the file cannot be written (disk full, read-only
    folder), `OutboxCorrupt` when the file is found damaged after it was opened.
    """

    def __init__(self, path: Path, *, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self._clock = clock
        self._database = Database(self.path)
        #: The message templates kept in this file, on the same connections.
        self.templates = TemplateStore(self.path, database=self._database)
        #: The contact book kept in this file, likewise.
        self.address_book = AddressBookStore(self.path, database=self._database)
        # Held while this process may have items SENDING; see gui.core.liveness.
        self._life_mark = LifeMark(self._claims_folder())

    @property
    def moved_aside(self) -> Path | None:
        """Where a damaged outbox file was moved to, if this store found one; else None."""
        return self._database.moved_aside

    # --- The queue ---------------------------------------------------------------------------

    def add(self, update: TicketUpdate, *, destination: Destination) -> OutboxItem:
        """Store `update` as WAITING, due now; durable when this returns. `destination` is
        where it is made for: it is sent only there (`claim_next`), and every later history
        entry of the item records it."""
        payload = update_to_json(update)
        digest = pairs_digest(encode_pairs(update))
        now = self._clock()
        with self._writing() as connection:
            return queue.add(
                connection, update, payload=payload, digest=digest, now=now, destination=destination
            )

    def add_batch(
        self,
        updates: Sequence[TicketUpdate],
        *,
        destination: Destination,
        source: str = "",
        adopt: Iterable[int] = (),
    ) -> Batch:
        """Store `updates` as one new batch for `destination`, in one transaction: all of them
        or, if anything fails (a full disk, Ctrl+C), none. The WAITING items `adopt` (a command
        queuing exactly them again) join the batch instead of being copied. `source` says where
        the updates came from (a CSV file's name)."""
        encoded = [
            (update, update_to_json(update), pairs_digest(encode_pairs(update)))
            for update in updates
        ]
        now = self._clock()
        with self._writing() as connection:
            batch = queue.new_batch(connection, source=source, now=now)
            items = [
                queue.add(
                    connection,
                    update,
                    payload=payload,
                    digest=digest,
                    now=now,
                    destination=destination,
                    batch=batch,
                )
                for update, payload, digest in encoded
            ]
            queue.adopt(connection, list(adopt), batch=batch)
        return Batch(batch, items)

    def batch(self, batch: int) -> list[OutboxItem] | None:
        """The items of `batch` still in the outbox, oldest first; None if there never was
        such a batch."""
        with self._reading() as connection:
            if queue.batch_source(connection, batch) is None:
                return None
            return queue.of_batch(connection, batch)

    def items(self) -> list[OutboxItem]:
        """Every item, oldest first."""
        with self._reading() as connection:
            return queue.items(connection)

    def waiting_count(self) -> int:
        """How many items the outbox holds, in any state."""
        with self._reading() as connection:
            return queue.count(connection)

    def get(self, item_id: int) -> OutboxItem | None:
        with self._reading() as connection:
            return queue.get(connection, item_id)

    def claim_next(
        self,
        destination: Destination,
        *,
        batch: int | None = None,
        whatever_backoff: bool = False,
    ) -> OutboxItem | None:
        """Take the oldest due item made for `destination` for sending: it becomes SENDING and
        counts one more attempt. With `batch`, only one of that batch, or an older item of one
        of its tickets (which must go first); `claim_group` to take several. Never one made for
        another API base or account, nor 0.1.0's that recorded none, nor one with an older item
        of its ticket in the outbox (in any state): updates to one ticket go out in order.

        With `whatever_backoff` (an explicit `outbox send`), an item is due before its backoff
        has run out, but never before the moment its server asked for (Retry-After).
        """
        now = self._clock()
        with self._writing() as connection:
            group = _claim(
                connection,
                self._life_mark,
                destination,
                now,
                up_to=1,
                batch=batch,
                whatever_backoff=whatever_backoff,
            )
        return group[0] if group else None

    def claim_group(self, destination: Destination, *, up_to: int) -> list[OutboxItem]:
        """As `claim_next`, up to `up_to` items in one commit (`claims.claim_group` says which)."""
        now = self._clock()
        with self._writing() as connection:
            return _claim(connection, self._life_mark, destination, now, up_to=up_to)

    def next_due(self, destination: Destination) -> float | None:
        """When the next item for `destination` falls due (it may be in the past); None if
        nothing waits to go out by itself (items held back by an older item of their ticket do
        not count)."""
        with self._reading() as connection:
            return claims.next_due(connection, destination)

    def complete(
        self,
        item_id: int,
        *,
        status: int,
        message: str = "",
        created_id: str = "",
        destination: Destination | None = None,
        echoed: Mapping[str, object] | None = None,
        then_claim: Destination | None = None,
    ) -> OutboxItem | None:
        """The server confirmed the item: remove it, record "sent" (with the id the server gave
        a new ticket, if it said) and, for `destination` (where it was sent), the ticket as
        Particle Space now has it: the update's title, description and status, each replaced by
        the `echoed` one when the server's echo holds it. A new ticket is known by the id the
        server gave it (`created_id`), and not at all without one. The contacts it notified
        are remembered (`remember_contacts`).

        With `then_claim`, the next item due there is claimed in the same transaction (as
        `claim_next`) and returned: one durable commit per item while a drain sends."""
        answer = Answer(item_id, status, message, created_id, destination, echoed)
        group = self.record_answers([answer], then_claim=then_claim, up_to=1)
        return group[0] if group else None

    def record_answers(
        self,
        answers: Sequence[Answer],
        *,
        release: Sequence[int] = (),
        then_claim: Destination | None = None,
        up_to: int = 1,
    ) -> list[OutboxItem]:
        """Record each of `answers` as `complete` does, give back the items claimed but never
        sent (`release`), and, with `then_claim`, claim the next group for that destination
        (`claim_group`) and return it: all in one transaction, one durable commit however many
        answers it holds."""
        now = self._clock()
        with self._writing() as connection:
            for answer in answers:
                item = queue.remove(connection, answer.item_id, claimed=answer.claimed)
                if item is not None:
                    _record_sent(connection, item, now, answer)
            for item_id in release:
                claims.release(connection, item_id, now=now)
            if then_claim is None:
                return []
            return _claim(connection, self._life_mark, then_claim, now, up_to=up_to)

    def release(self, item_id: int) -> None:
        """Give back an item claimed but never sent (the app closes before its turn): it waits
        again, due now, without the attempt its claim counted."""
        with self._writing() as connection:
            claims.release(connection, item_id, now=self._clock())

    def reschedule(
        self,
        item_id: int,
        *,
        delay: float,
        error: str,
        status: int | None = None,
        asked: float | None = None,
    ) -> None:
        """The attempt failed and the item goes out again by itself in `delay` seconds; not
        before `asked` seconds from now whoever sends it, when the server asked that (its
        Retry-After)."""
        now = self._clock()
        not_before = now + asked if asked else None
        with self._writing() as connection:
            item = queue.reschedule(
                connection, item_id, next_try=now + delay, error=error, not_before=not_before
            )
            if item is not None:
                history.record(
                    connection, now, item.update, "failed", status, error, item.destination
                )

    def hold(self, item_id: int, *, error: str, status: int | None = None) -> None:
        """The attempt failed and the item waits for the user's decision."""
        now = self._clock()
        with self._writing() as connection:
            item = queue.hold(connection, item_id, error=error)
            if item is not None:
                history.record(
                    connection, now, item.update, "failed", status, error, item.destination
                )

    def refuse(self, item_id: int, *, error: str, status: int | None) -> None:
        """The server refused the values: remove the item (it goes back to the form)."""
        self._finish(item_id, "refused", status, error)

    def retry_now(self, item_id: int, destination: Destination) -> bool:
        """Make a WAITING or NEEDS_DECISION item for `destination` due now (Retry now, Resend);
        attempts stay. One that recorded no destination (0.1.0's) is bound to `destination`:
        the user chose to send it there. An item being sent is left alone (it must not go out
        twice at once), and so is one made for another destination. Whether it was made due."""
        now = self._clock()
        with self._writing() as connection:
            return queue.make_due(connection, item_id, now=now, destination=destination)

    def discard(self, item_id: int) -> None:
        """The user gave the item up: remove it, record "discarded"."""
        self._finish(item_id, "discarded", None, "")

    def recover(self) -> list[OutboxItem]:
        """Call at start-up: settle the items a process that died mid-request left SENDING.

        Items another running process is sending (the window, or the command line) are left
        to it: their claimer's life mark is still locked (gui.core.liveness). Items that
        recorded no destination (0.1.0's) wait for a decision: nothing knows where they were
        meant to go.

        They may have reached the server. An update with notify off waits to go out again now (a
        PUT is idempotent); one with notify on, and a new ticket, wait for the user's decision.
        Returns the items as changed.
        """
        now = self._clock()
        with self._writing() as connection:
            settled = queue.settle_abandoned(connection, now=now, claims=self._claims_folder())
            # An unbound item just settled to go out again waits for a decision instead.
            by_id = {item.id: item for item in settled + queue.hold_unbound(connection)}
            changed = sorted(by_id.values(), key=lambda item: item.id)
            for item in changed:
                history.record(
                    connection,
                    now,
                    item.update,
                    "failed",
                    None,
                    item.last_error,
                    item.destination,
                )
        return changed

    def find_repeat(
        self,
        destination: Destination,
        update: TicketUpdate,
        *,
        now: float,
        within: float = REPEAT_WINDOW,
    ) -> Repeat | None:
        """An update identical to `update` (the same operation, for an update the same ticket,
        the same wire pairs) for `destination`: still in the outbox (in any state), or sent with
        success within `within` seconds before `now`; None if there is none. The one in the
        outbox is preferred. Items and entries stored without a destination (0.1.0's) count
        for every destination, since they may have gone, or go, to this one."""
        with self._reading() as connection:
            return repeats.find(connection, destination, update, now=now, within=within)

    def identical_items(
        self, destination: Destination, updates: Sequence[TicketUpdate]
    ) -> list[OutboxItem | None]:
        """For each of `updates`, the newest item in the outbox (in any state) that is exactly
        it for `destination` (or recorded no destination), or None."""
        with self._reading() as connection:
            found = []
            for update in updates:
                items = queue.identical(connection, destination, update)
                found.append(items[0] if items else None)
            return found

    def discard_batch(self, batch: int) -> tuple[list[OutboxItem], list[OutboxItem]]:
        """Give up the items of `batch`, each recorded "discarded", in one transaction: the
        items discarded, and those left because they are being sent right now."""
        now = self._clock()
        discarded, sending = [], []
        with self._writing() as connection:
            for item in queue.of_batch(connection, batch):
                if item.state is ItemState.SENDING:
                    sending.append(item)
                    continue
                queue.remove(connection, item.id)
                history.record(
                    connection, now, item.update, "discarded", None, "", item.destination
                )
                discarded.append(item)
        return discarded, sending

    # --- History and contacts ----------------------------------------------------------------

    def history(
        self, *, ticket_id: str = "", text: str = "", limit: int = 200
    ) -> list[HistoryEntry]:
        """Attempts, newest first: for one ticket id (exact) when given, and containing `text`
        (any case) in the ticket id, the message or a sent value when given."""
        with self._reading() as connection:
            return history.entries(connection, ticket_id=ticket_id, text=text, limit=limit)

    def remember_contacts(self, contact_type: ContactType, contacts: Iterable[str]) -> None:
        """Remember `contacts` as the most recently used of their type (the first one first)."""
        with self._writing() as connection:
            history.remember_contacts(connection, contact_type, contacts)

    def contacts(self, contact_type: ContactType, *, limit: int = 50) -> list[str]:
        """Contacts of `contact_type` used before, most recent first."""
        with self._reading() as connection:
            return history.contacts(connection, contact_type, limit=limit)

    # --- Known tickets -----------------------------------------------------------------------

    def known_ticket(self, destination: Destination, ticket_id: str) -> KnownTicket | None:
        """The last state of `ticket_id` that Particle Space confirmed at `destination`; None
        if this computer never had one confirmed there."""
        with self._reading() as connection:
            return known.get(connection, destination, ticket_id)

    def known_tickets(self, destination: Destination, *, limit: int = 200) -> list[KnownTicket]:
        """The known tickets of `destination`, most recently confirmed first (for completion)."""
        with self._reading() as connection:
            return known.recent(connection, destination, limit=limit)

    def statuses_seen(self, destination: Destination) -> list[str]:
        """The statuses Particle Space accepted or echoed at `destination` (those its known
        tickets have), most recent first, each once, case kept."""
        with self._reading() as connection:
            return known.statuses(connection, destination)

    # --- Connections -------------------------------------------------------------------------

    def close(self) -> None:
        """Close the calling thread's connection (the next call from it opens a new one)."""
        self._database.close()

    def close_all(self) -> None:
        """Close every connection this store opened, in every thread. Call it at shutdown, once
        the threads that use the store have stopped; a later call opens a new connection.

        An item still SENDING then counts as abandoned: the next `recover` settles it."""
        self._database.close_all(then=self._life_mark.release)

    def _claims_folder(self) -> Path:
        return self.path.with_name(self.path.name + ".claims")

    @contextlib.contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """The calling thread's connection, with damage turned into `OutboxCorrupt`."""
        with self._database.guarded():
            yield self._database.connection()

    @contextlib.contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, with damage turned into `OutboxCorrupt`."""
        with self._database.guarded(), self._database.writing() as connection:
            yield connection

    def _finish(self, item_id: int, outcome: str, status: int | None, message: str) -> None:
        """Remove the item and record `outcome`; nothing if it is gone already."""
        now = self._clock()
        with self._writing() as connection:
            item = queue.remove(connection, item_id)
            if item is not None:
                history.record(
                    connection, now, item.update, outcome, status, message, item.destination
                )


def _claim(
    connection: sqlite3.Connection,
    life_mark: LifeMark,
    destination: Destination,
    now: float,
    *,
    up_to: int,
    batch: int | None = None,
    whatever_backoff: bool = False,
) -> list[OutboxItem]:
    """`claims.claim_group` in the name of this process's `life_mark` (inside a write)."""
    claimer = life_mark.acquire()
    return claims.claim_group(
        connection,
        destination,
        now=now,
        claimer=claimer,
        up_to=up_to,
        batch=batch,
        whatever_backoff=whatever_backoff,
    )


def _record_sent(
    connection: sqlite3.Connection, item: OutboxItem, now: float, answer: Answer
) -> None:
    """`complete`'s records of `item`: "sent", the ticket as Particle Space has it now, and
    the contacts it notified."""
    _item_id, status, message, created_id, destination, echoed, _claimed = answer
    update = item.update
    if created_id and update.creates:
        update = dataclasses.replace(update, ticket_id=created_id)
    history.record(
        connection, now, update, "sent", status, message, destination or item.destination
    )
    if destination is not None and update.ticket_id:
        known.record(connection, destination, update.ticket_id, update, echoed=echoed, at=now)
    if update.notification is not None:
        history.remember_contacts(
            connection, update.notification.type, update.notification.contacts
        )
