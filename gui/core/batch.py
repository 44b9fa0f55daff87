"""Many tickets at once: the rows of File ▸ Many tickets…, checked, queued as one batch, and
what became of each.

Two inputs give the rows. Pasted ticket ids (`parse_ids`) with one change for all of them
(`Change`: a status, a notification): each row is the ticket's last state Particle Space
confirmed at the destination (`gui.core.outbox.KnownTicket`) with the change applied, so its
title and description need no retyping; a ticket never confirmed there cannot be sent
(`UNKNOWN_TICKET`). Or a CSV file with the command line's columns (`gui.core.csv_rows`), whose
rows give every field. Every row is checked by `gui.core.validation.validate`, with the form's
messages and the contact book's names and groups expanded as the form expands them
(`check_ids`, `check_csv`).

`queue_rows` puts the valid rows in the outbox as one batch (`OutboxStore.add_batch`, one
transaction), with the command line's repeat rule: a notifying update identical to one sent in
the last 24 hours or waiting is not queued unless asked again, and an update exactly like an
item in the outbox is not queued twice. `hold_batch` is Cancel; `delivered` and `summary` say
how each row and the whole batch ended. Nothing here sends: the window's outbox does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from gui.core.contacts import DEFAULT_REGION
from gui.core.errors import FieldError, InvalidTicket
from gui.core.fields import ContactType
from gui.core.messages import QT_TRANSLATE_NOOP, Context, Message, join, plain
from gui.core.ticket import TicketDraft, TicketUpdate

if TYPE_CHECKING:
    from gui.core.address_book import AddressBook
    from gui.core.delivery import Delivery
    from gui.core.destination import Destination
    from gui.core.outbox import KnownTicket, OutboxItem, OutboxStore, Repeat

#: The context of this module's sentences with a number (lupdate reads it by this name).
batch = Context("batch")

#: What a row for a ticket this computer never had confirmed at the destination lacks.
UNKNOWN_TICKET = QT_TRANSLATE_NOOP(
    "batch",
    "Title and description unknown: update it once in the form or give them in a CSV file.",
)
#: Why an item of a cancelled batch waits in the outbox (`hold_batch`).
CANCELLED = QT_TRANSLATE_NOOP(
    "batch",
    "Not sent: the batch was cancelled before this update went out. Resend sends it, Discard "
    "gives it up.",
)
SKIPPED = QT_TRANSLATE_NOOP("batch", "Not sent: this row needs attention.")

_SEPARATORS = re.compile(r"[\s,;]+")


# --- The rows --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PastedIds:
    """Ticket ids as pasted: each once, in the order first given, and those given again."""

    ids: tuple[str, ...]
    merged: tuple[str, ...] = ()  # ids given more than once (each once here)


def parse_ids(text: str) -> PastedIds:
    """The ids in `text`: one per line, or separated by commas, semicolons or blanks."""
    ids: dict[str, None] = {}
    merged: dict[str, None] = {}
    for word in _SEPARATORS.split(text):
        if not word:
            continue
        if word in ids:
            merged[word] = None
        ids[word] = None
    return PastedIds(tuple(ids), tuple(merged))


@dataclass(frozen=True)
class Change:
    """What pasted ids change on every ticket: the status (empty keeps each ticket's own) and
    the notification, as the form takes them (raw, unchecked)."""

    status: str = ""
    notify: bool = False
    time: datetime | None = None
    type: ContactType | None = ContactType.EMAIL
    contacts: str = ""
    notify_subject: str = ""
    notify_message: str = ""
    automated: bool = False

    def draft(self, ticket_id: str, known: KnownTicket | None) -> TicketDraft:
        """The form that sends this change to `ticket_id`, from its last known state."""
        return TicketDraft(
            ticket_id=ticket_id,
            title=known.title if known is not None else "",
            description=known.description if known is not None else "",
            status=self.status.strip() or (known.status if known is not None else ""),
            notify=self.notify,
            time=self.time,
            type=self.type,
            contacts=self.contacts,
            notify_subject=self.notify_subject,
            notify_message=self.notify_message,
            automated=self.automated,
        )


@dataclass(frozen=True)
class BatchRow:
    """One ticket of the batch, checked: the update to send, or every problem with it."""

    row: int  # the line of the pasted ids (from 1), or the CSV file's row number
    ticket_id: str
    title: str
    status: str  # what would be sent
    update: TicketUpdate | None
    errors: tuple[FieldError, ...] = ()

    @property
    def ok(self) -> bool:
        return self.update is not None


@dataclass(frozen=True)
class Checked:
    """The rows of one input, and what else the dialog says about it."""

    rows: tuple[BatchRow, ...]
    merged: tuple[str, ...] = ()  # pasted ids given more than once
    problems: tuple[tuple[int, str, str], ...] = ()  # a CSV file that cannot be used at all
    source: str = ""  # the CSV file's name

    @property
    def invalid(self) -> int:
        return sum(1 for row in self.rows if not row.ok)


def check_ids(
    ids: Iterable[str],
    change: Change,
    known: Callable[[str], KnownTicket | None],
    *,
    now: datetime,
    region: str = DEFAULT_REGION,
    book: AddressBook | None = None,
) -> list[BatchRow]:
    """A row per id: its last known state (`known`) with `change`, validated as the form is
    (the names and groups of `book` in its contacts expanded)."""
    from gui.core.address_book import AddressBook, validate_with

    rows: list[BatchRow] = []
    for number, ticket_id in enumerate(ids, start=1):
        last = known(ticket_id)
        draft = change.draft(ticket_id, last)
        try:
            update = validate_with(draft, book or AddressBook(), now=now, region=region)
        except InvalidTicket as invalid:
            errors = list(invalid.field_errors)
            if last is None:  # what it lacks, said once instead of "Enter a title." etc.
                lacking = {"title", "description"}
                errors = [FieldError("title", UNKNOWN_TICKET)] + [
                    error for error in errors if error.field not in lacking
                ]
                errors.sort(key=_field_order)
            rows.append(BatchRow(number, ticket_id, draft.title, draft.status, None, tuple(errors)))
            continue
        rows.append(BatchRow(number, ticket_id, update.title, update.status, update))
    return rows


def check_pasted(
    store: OutboxStore,
    destination: Destination,
    text: str,
    change: Change,
    *,
    now: datetime,
    region: str = DEFAULT_REGION,
    book: AddressBook | None = None,
) -> Checked:
    """The rows of pasted `text` at `destination` (blocking: it reads the known tickets)."""
    pasted = parse_ids(text)
    wanted = set(pasted.ids)
    # One query for the recent ones; the rest one by one (an old ticket is still known).
    found = {
        ticket.ticket_id: ticket
        for ticket in store.known_tickets(destination, limit=max(200, 2 * len(wanted)))
        if ticket.ticket_id in wanted
    }

    def known(ticket_id: str) -> KnownTicket | None:
        if ticket_id in found:
            return found[ticket_id]
        return store.known_ticket(destination, ticket_id)

    rows = check_ids(pasted.ids, change, known, now=now, region=region, book=book)
    return Checked(tuple(rows), merged=pasted.merged)


def check_csv(
    path: Path, *, now: datetime, region: str = DEFAULT_REGION, book: AddressBook | None = None
) -> Checked:
    """The rows of the CSV file at `path` (blocking: it reads the file), or its `problems`
    when it cannot be used at all."""
    from gui.core.csv_rows import CsvUnreadable, check_rows, read_file

    try:
        read = read_file(path)
    except CsvUnreadable as unreadable:
        return Checked((), problems=unreadable.problems, source=path.name)
    drafts = {row.row: row.draft for row in read}
    rows = []
    for checked in check_rows(read, now=now, region=region, book=book):
        draft = drafts.get(checked.row)
        title = draft.title.strip() if draft is not None else ""
        status = draft.status.strip() if draft is not None else ""
        rows.append(
            BatchRow(checked.row, checked.ticket_id, title, status, checked.update, checked.errors)
        )
    return Checked(tuple(rows), source=path.name)


def _field_order(error: FieldError) -> int:
    from gui.core.fields import FIELDS

    return FIELDS.index(error.field) if error.field in FIELDS else -1


# --- Into the outbox -------------------------------------------------------------------------


@dataclass(frozen=True)
class Queued:
    """What `queue_rows` did with each row (by row number)."""

    batch: int | None  # the new batch; None when nothing was queued
    items: Mapping[int, int] = field(default_factory=dict)  # row -> its item in the batch
    repeats: Mapping[int, Repeat] = field(default_factory=dict)  # not queued: a repeat
    held: Mapping[int, OutboxItem] = field(default_factory=dict)  # not queued: it waits already
    #: queued, but behind an earlier update of its ticket that waits for the user's decision:
    #: it goes out only once that one is resent or discarded (row -> that earlier item)
    behind: Mapping[int, OutboxItem] = field(default_factory=dict)


def queue_rows(
    store: OutboxStore,
    destination: Destination,
    updates: Mapping[int, TicketUpdate],
    *,
    again: bool = False,
    now: float,
    source: str = "",
) -> Queued:
    """Queue `updates` (row -> update) for `destination` as one batch (blocking).

    As the command line does: an update exactly like an item waiting to go out by itself joins
    the batch instead of being copied; one exactly like an item waiting for a decision or being
    sent is not queued again (`held`); unless `again`, a notifying update (or a new ticket)
    identical to one sent within 24 hours is not queued (`repeats`)."""
    from gui.core.outbox import ItemState

    rows = dict(updates)
    adopted: dict[int, int] = {}
    held: dict[int, OutboxItem] = {}
    for number, item in zip(
        list(rows), store.identical_items(destination, list(rows.values())), strict=True
    ):
        if item is None:
            continue
        if item.state is ItemState.WAITING and item.destination == destination:
            adopted[number] = item.id
        else:
            held[number] = item
        del rows[number]
    repeats: dict[int, Repeat] = {}
    if not again:
        for number, update in list(rows.items()):
            if not (update.notify or update.creates):
                continue  # a PUT of the same values again changes nothing
            repeat = store.find_repeat(destination, update, now=now)
            if repeat is not None:
                repeats[number] = repeat
                del rows[number]
    if not rows and not adopted:
        return Queued(None, {}, repeats, held)
    stored = store.add_batch(
        list(rows.values()), destination=destination, source=source, adopt=adopted.values()
    )
    items = dict(zip(rows, (item.id for item in stored.items), strict=True)) | adopted
    return Queued(stored.id, items, repeats, held, _behind(store, destination, items))


def _behind(
    store: OutboxStore, destination: Destination, items: Mapping[int, int]
) -> dict[int, OutboxItem]:
    """The rows whose item waits behind an earlier item of its ticket that needs a decision."""
    from gui.core.outbox import ItemState

    waiting = store.items()
    by_id = {item.id: item for item in waiting}
    deciding = [
        item
        for item in waiting
        if item.state is ItemState.NEEDS_DECISION and item.destination in (None, destination)
    ]
    behind: dict[int, OutboxItem] = {}
    for row, item_id in items.items():
        mine = by_id.get(item_id)
        if mine is None or not mine.ticket_id:
            continue
        for older in deciding:
            if older.id < item_id and older.ticket_id == mine.ticket_id:
                behind[row] = older
                break
    return behind


def hold_batch(store: OutboxStore, batch_id: int) -> list[OutboxItem]:
    """Cancel: the items of `batch_id` still waiting to go out wait for the user's decision
    instead (`CANCELLED`); the one being sent finishes. Returns the items held (blocking)."""
    from gui.core.outbox import ItemState

    held = []
    for item in store.batch(batch_id) or []:
        if item.state is ItemState.WAITING:
            store.hold(item.id, error=CANCELLED)
            held.append(replace(item, state=ItemState.NEEDS_DECISION, last_error=CANCELLED))
    return held


# --- How each row ended ----------------------------------------------------------------------

SENT = "sent"
WAITING = "waiting"  # in the outbox, goes out by itself
NEEDS_DECISION = "needs_decision"  # in the outbox: Resend or Discard
REFUSED = "refused"  # the server refused the values
REPEAT = "repeat"  # not queued: exactly this went (or waits) already
NOT_SENT = "not_sent"  # a row that needs attention, skipped


@dataclass(frozen=True)
class RowResult:
    state: str
    message: str = ""
    errors: tuple[FieldError, ...] = ()


def delivered(delivery: Delivery) -> RowResult:
    """How the attempt at a row's item ended, in the window's words."""
    from gui.core import reports
    from gui.core.errors import ServerBusy, TicketError
    from gui.core.outcome import Failed, Succeeded
    from gui.core.retry import Action

    outcome, verdict = delivery.outcome, delivery.verdict
    if isinstance(outcome, Succeeded):
        return RowResult(SENT, reports.sent(delivery.item.ticket_id, created=False))
    assert isinstance(outcome, Failed)  # nosec B101 - an outcome is one or the other
    error = outcome.error
    errors: tuple[FieldError, ...] = ()
    text: str = reports.UNEXPECTED_FAILURE
    if isinstance(error, TicketError):
        errors = error.field_errors
        text = verdict.reason if isinstance(error, ServerBusy) and verdict else error.message
    if verdict is None or verdict.action is Action.REFUSED:
        return RowResult(REFUSED, text, errors)
    next_step = reports.where_it_waits(verdict.action)
    said = join([text, next_step]) if next_step is not None else text
    state = WAITING if verdict.action is Action.RETRY else NEEDS_DECISION
    return RowResult(state, said, errors)


def repeated(repeat: Repeat, when: str) -> RowResult:
    """A row not queued as it repeats `repeat`; `when` is its time as the window writes it."""
    from gui.core import reports

    told = reports.who_was_told(repeat.contact_type, repeat.people)
    if repeat.waiting:
        text = QT_TRANSLATE_NOOP(
            "batch",
            "Not sent: exactly this waits in the outbox already ({told}). “Send again” sends "
            "it again.",
        )
    else:
        text = QT_TRANSLATE_NOOP(
            "batch",
            "Not sent: exactly this went to {ticket} at {when} ({told}). “Send again” sends "
            "it again.",
        )
    return RowResult(REPEAT, text.format(ticket=repeat.ticket_id, when=when, told=told))


def waits_behind(older: OutboxItem) -> RowResult:
    """A row queued behind `older`, an earlier update of its ticket waiting for a decision."""
    return RowResult(
        WAITING,
        QT_TRANSLATE_NOOP(
            "batch",
            "Waits behind item {item}, an earlier update of {ticket} that needs your decision: "
            "resend or discard that one in the outbox, and this one follows.",
        ).format(item=older.id, ticket=plain(older.ticket_id)),
    )


def waits_already(item: OutboxItem) -> RowResult:
    """A row exactly like `item`, in the outbox already for a decision or being sent."""
    from gui.core.outbox import ItemState

    if item.state is ItemState.SENDING:
        return RowResult(
            WAITING, QT_TRANSLATE_NOOP("batch", "Not queued again: exactly this is being sent.")
        )
    waits = QT_TRANSLATE_NOOP("batch", "Not queued again: exactly this waits in the outbox.")
    return RowResult(NEEDS_DECISION, join([waits, item.last_error]) if item.last_error else waits)


def summary(results: Sequence[RowResult | None]) -> Message:
    """ "20 rows: 18 sent, 1 waits in the outbox, 1 refused." (rows without a result yet are
    not sent yet)."""
    counts: dict[str | None, int] = {}
    for result in results:
        state = result.state if result is not None else None
        counts[state] = counts.get(state, 0) + 1

    def n(state: str | None) -> int:
        return counts.get(state, 0)

    parts = [
        batch.tr("%n sent", "%n sent", n(SENT)),
        batch.tr("%n wait in the outbox", "%n waits in the outbox", n(WAITING)),
        batch.tr("%n wait for your decision", "%n waits for your decision", n(NEEDS_DECISION)),
        batch.tr("%n refused", "%n refused", n(REFUSED)),
        batch.tr("%n repeats, not sent", "%n repeat, not sent", n(REPEAT)),
        batch.tr("%n need attention, not sent", "%n needs attention, not sent", n(NOT_SENT)),
        batch.tr("%n not sent yet", "%n not sent yet", n(None)),
    ]
    said = [part for part in parts if part.n]
    lead = batch.tr("%n rows:", "%n row:", len(results))
    return join([lead, join(said, ", ")]) if said else lead


def cancelled(held: int, total: int, batch_id: int) -> Message:
    """What Cancel did: how many of the batch wait in the outbox, and as which batch."""
    return batch.tr(
        "Cancelled: %n of {total} updates were not sent; they wait in the outbox as batch "
        "{batch}, for you to resend or discard.",
        "Cancelled: %n of {total} updates was not sent; it waits in the outbox as batch "
        "{batch}, for you to resend or discard.",
        held,
    ).format(total=total, batch=batch_id)
