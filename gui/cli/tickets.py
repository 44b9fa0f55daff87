"""`particle-tickets update` and `new`: one ticket from the options, or one per CSV row.

Validation, the outbox and sending are the window's own (`validate`, `OutboxStore`,
`gui.core.delivery`); nothing goes out unless every row is valid (or --skip-invalid).

The repeat rule: an update that notifies people, or a new ticket, identical to one sent in the
last 24 hours to the same destination or still waiting in the outbox is not sent (exit 2, a
line saying when it went, or where it waits), unless --again; a repeat counts as an invalid row
of a CSV file. An update without notification is sent again as usual: a PUT of the same values
changes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gui.cli.arguments import TICKET_FLAGS, flag_given, operation, ticket_draft
from gui.cli.output import row_prefix
from gui.cli.results import (
    EXIT_FAILED,
    EXIT_INVALID,
    INVALID,
    STOPPED,
    Result,
    already_in_outbox,
    exit_code,
    repeated,
)
from gui.cli.session import Session, now
from gui.core.messages import QT_TRANSLATE_NOOP, Context, join

#: The context of the command line's sentences with a number (lupdate reads it by this name).
cli = Context("cli")

if TYPE_CHECKING:
    from gui.core.ticket import TicketUpdate


class TicketCommand(Session):
    """`update` or `new`, for the ticket of the options or every row of --from-csv."""

    def run(self) -> int:
        return self.many() if self.args.from_csv is not None else self.one()

    def one(self) -> int:
        from gui.core.address_book import AddressBook, validate_with
        from gui.core.errors import InvalidTicket

        draft, problems = ticket_draft(self.args)
        if not problems:
            book = self.address_book() if draft.notify else AddressBook()
            try:
                update = validate_with(draft, book, now=now(), region=self.region())
            except InvalidTicket as invalid:
                problems = list(invalid.field_errors)
        if problems:
            self.out.ticket(
                Result(
                    INVALID,
                    draft.ticket_id.strip(),
                    QT_TRANSLATE_NOOP("cli", "Nothing was sent."),
                    errors=problems,
                )
            )
            return EXIT_INVALID
        repeats = self.repeats([update])
        if repeats is None:
            return EXIT_FAILED
        (repeat,) = repeats
        if repeat is not None:
            self.out.ticket(repeated(update, repeat))
            return EXIT_INVALID
        sent = self.store_and_send([update])
        if sent is None:
            return EXIT_FAILED
        result = sent.results[sent.ours[0]]
        self.out.ticket(result, earlier=sent.earlier)
        if sent.stopped:
            self.out.problem(STOPPED)
            return EXIT_FAILED
        return exit_code([result, *sent.earlier])

    def many(self) -> int:
        from gui.core.csv_rows import CsvUnreadable, check_rows, read_file

        args = self.args
        single = [flag for flag in TICKET_FLAGS if flag_given(args, flag)]
        if getattr(args, "ticket_id", None):
            single.insert(0, "TICKET_ID")
        if single:
            self.out.problem(
                QT_TRANSLATE_NOOP(
                    "cli", "With --from-csv the file gives every field; leave out {options}."
                ).format(options=", ".join(single))
            )
            return EXIT_INVALID
        try:
            rows = read_file(args.from_csv, operation=operation(args))
        except CsvUnreadable as unreadable:
            for number, column, message in unreadable.problems:
                said = join([f"{column}:", message])  # the column's name is the file's
                self.out.problem(join([row_prefix(number), said]) if number else said)
            errors = [
                {"row": row, "field": column, "message": text}
                for row, column, text in unreadable.problems
            ]
            self.out.document({"ok": False, "rows": 0, "errors": errors})
            return EXIT_INVALID
        notifying = any(row.draft is not None and row.draft.notify for row in rows)
        book = self.address_book() if notifying else None
        checked = check_rows(rows, now=now(), region=self.region(), book=book)
        invalid = [row for row in checked if not row.ok]
        results = {
            row.row: Result(
                INVALID,
                row.ticket_id,
                QT_TRANSLATE_NOOP("cli", "Not sent."),
                row.errors,
                row=row.row,
            )
            for row in invalid
        }
        for row in invalid:
            self.out.field_errors(row.errors, row=row.row)
        if not checked:
            self.out.problem(
                QT_TRANSLATE_NOOP("cli", "{file} has no ticket rows.").format(
                    file=str(args.from_csv)
                )
            )
        updates = {row.row: row.update for row in checked if row.update is not None}
        held: dict[int, Result] = {}  # rows already in the outbox, not to be queued again
        adopted: dict[int, int] = {}  # rows waiting in the outbox already: row -> item id
        if updates and (not invalid or args.skip_invalid):
            queued = self.already_queued(updates)
            if queued is None:
                return EXIT_FAILED
            adopted, held = queued
            for number in [*adopted, *held]:
                del updates[number]
            for result in held.values():
                self.out.attempt(result)
            repeats = self.repeats(list(updates.values()))
            if repeats is None:
                return EXIT_FAILED
            for (number, update), repeat in zip(list(updates.items()), repeats, strict=True):
                if repeat is not None:
                    results[number] = repeated(update, repeat, row=number)
                    self.out.attempt(results[number])
                    del updates[number]
        if not (updates or adopted) or (results and not args.skip_invalid):
            attention = len(results)
            if attention and args.skip_invalid:
                self.out.problem(
                    cli.tr(
                        "Nothing was sent: %n of {rows} rows need attention.",
                        "Nothing was sent: %n of {rows} rows needs attention.",
                        attention,
                    ).format(rows=len(checked))
                )
            elif attention:
                self.out.problem(
                    cli.tr(
                        "Nothing was sent: %n of {rows} rows need attention (--skip-invalid "
                        "sends the others).",
                        "Nothing was sent: %n of {rows} rows needs attention (--skip-invalid "
                        "sends the others).",
                        attention,
                    ).format(rows=len(checked))
                )
            elif held:
                self.out.problem(
                    cli.tr(
                        "Nothing was sent: %n rows already wait in the outbox.",
                        "Nothing was sent: %n row already waits in the outbox.",
                        len(held),
                    )
                )
            results.update(held)
            self.out.document(
                {
                    "ok": False,
                    "rows": len(checked),
                    "sent": 0,
                    "invalid": attention,
                    "results": [results[number].to_json() for number in sorted(results)],
                }
            )
            return EXIT_INVALID if attention or not held else exit_code(held.values())
        sent = self.store_and_send(
            list(updates.values()),
            progress=True,
            source=args.from_csv.name,
            adopt=list(adopted.values()),
        )
        if sent is None:
            return EXIT_FAILED
        item_of_row = dict(zip(updates, sent.ours, strict=False)) | adopted
        for row_number, item_id in item_of_row.items():
            result = sent.results[item_id]
            result.row = row_number
            results[row_number] = result
        results.update(held)
        ordered = [results[number] for number in sorted(results)]
        self.out.rows(ordered, total_rows=len(checked), sent=sent)
        if sent.stopped:
            self.out.problem(STOPPED)
            return EXIT_FAILED
        return exit_code([*(r for r in ordered if r.state != INVALID), *sent.earlier])

    def already_queued(
        self, updates: dict[int, TicketUpdate]
    ) -> tuple[dict[int, int], dict[int, Result]] | None:
        """Rows (of `updates`, by row number) exactly like an item in the outbox, which a
        re-run of the file must not queue a second time: those waiting to go out by
        themselves (row -> item id; the new batch adopts them) and the others (waiting for a
        decision, or being sent), as a Result each. None, after saying why, without a
        connection."""
        destination = self.destination()
        if destination is None:
            return None
        from gui.core.outbox import ItemState

        store = self.recovered()  # what a killed run left being sent is settled first
        try:
            found = store.identical_items(destination, list(updates.values()))
        finally:
            store.close()
        adopted: dict[int, int] = {}
        held: dict[int, Result] = {}
        for number, item in zip(updates, found, strict=True):
            if item is None:
                continue
            if item.state is ItemState.WAITING and item.destination == destination:
                adopted[number] = item.id
            else:
                held[number] = already_in_outbox(item, row=number)
        return adopted, held
