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

from gui.cli.arguments import TICKET_FLAGS, flag_given, operation, ticket_draft
from gui.cli.results import EXIT_FAILED, EXIT_INVALID, INVALID, Result, exit_code, repeated
from gui.cli.session import Session, now


class TicketCommand(Session):
    """`update` or `new`, for the ticket of the options or every row of --from-csv."""

    def run(self) -> int:
        return self.many() if self.args.from_csv is not None else self.one()

    def one(self) -> int:
        from gui.core.errors import InvalidTicket
        from gui.core.validation import validate

        draft, problems = ticket_draft(self.args)
        if not problems:
            try:
                update = validate(draft, now=now(), region=self.region())
            except InvalidTicket as invalid:
                problems = list(invalid.field_errors)
        if problems:
            self.out.ticket(
                Result(INVALID, draft.ticket_id.strip(), "Nothing was sent.", errors=problems)
            )
            return EXIT_INVALID
        repeats = self.repeats([update])
        if repeats is None:
            return EXIT_FAILED
        (repeat,) = repeats
        if repeat is not None:
            self.out.ticket(repeated(update, repeat))
            return EXIT_INVALID
        results = self.store_and_send([update])
        if results is None:
            return EXIT_FAILED
        (result,) = results
        self.out.ticket(result)
        return exit_code([result])

    def many(self) -> int:
        from gui.core.csv_rows import CsvUnreadable, check_rows, read_file

        args = self.args
        single = [flag for flag in TICKET_FLAGS if flag_given(args, flag)]
        if getattr(args, "ticket_id", None):
            single.insert(0, "TICKET_ID")
        if single:
            self.out.problem(
                f"With --from-csv the file gives every field; leave out {', '.join(single)}."
            )
            return EXIT_INVALID
        try:
            rows = read_file(args.from_csv, operation=operation(args))
        except CsvUnreadable as unreadable:
            for number, column, message in unreadable.problems:
                where = f"row {number}: " if number else ""
                self.out.problem(f"{where}{column}: {message}")
            errors = [
                {"row": row, "field": column, "message": text}
                for row, column, text in unreadable.problems
            ]
            self.out.document({"ok": False, "rows": 0, "errors": errors})
            return EXIT_INVALID
        checked = check_rows(rows, now=now(), region=self.region())
        invalid = [row for row in checked if not row.ok]
        results = {
            row.row: Result(INVALID, row.ticket_id, "Not sent.", row.errors, row=row.row)
            for row in invalid
        }
        for row in invalid:
            self.out.field_errors(row.errors, row=row.row)
        if not checked:
            self.out.problem(f"{args.from_csv} has no ticket rows.")
        updates = {row.row: row.update for row in checked if row.update is not None}
        if updates and (not invalid or args.skip_invalid):
            repeats = self.repeats(list(updates.values()))
            if repeats is None:
                return EXIT_FAILED
            for (number, update), repeat in zip(list(updates.items()), repeats, strict=True):
                if repeat is not None:
                    results[number] = repeated(update, repeat, row=number)
                    self.out.attempt(results[number])
                    del updates[number]
        if not updates or (results and not args.skip_invalid):
            if results:
                self.out.problem(
                    f"Nothing was sent: {len(results)} of {len(checked)} rows need attention"
                    + ("." if args.skip_invalid else " (--skip-invalid sends the others).")
                )
            self.out.document(
                {
                    "ok": False,
                    "rows": len(checked),
                    "sent": 0,
                    "invalid": len(results),
                    "results": [results[number].to_json() for number in sorted(results)],
                }
            )
            return EXIT_INVALID
        sent = self.store_and_send(list(updates.values()), progress=True)
        if sent is None:
            return EXIT_FAILED
        for row_number, result in zip(updates, sent, strict=True):
            result.row = row_number
            results[row_number] = result
        ordered = [results[number] for number in sorted(results)]
        self.out.rows(ordered, total_rows=len(checked))
        return exit_code(result for result in ordered if result.state != INVALID)
