"""What the command line prints: plain sentences, or one JSON document with `--json`.

Results go to stdout (with --json, exactly one JSON document); problems, one per line, and the
progress line go to stderr. Every line passes through the log redaction first, so a token or key
can never be printed, whatever a message contains.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, TextIO

from gui.cli.results import (
    EXIT_SENT,
    FAILED,
    INVALID,
    NEEDS_DECISION,
    REFUSED,
    SENT,
    WAITING,
    Result,
    exit_code,
)

# json and gui.core.redaction (which loads logging) are imported where they are first used:
# `--help` and a mistyped argument need neither.

if TYPE_CHECKING:
    from gui.core.errors import FieldError
    from gui.core.outbox import OutboxItem


class Output:
    """Where the command's words go."""

    def __init__(self, stdout: TextIO, stderr: TextIO, *, as_json: bool) -> None:
        self.stdout = stdout
        self.stderr = stderr
        self.as_json = as_json

    def say(self, text: str) -> None:
        """A result line for people (stdout; nothing with --json)."""
        if not self.as_json:
            self._write(self.stdout, text)

    def problem(self, text: str) -> None:
        """A problem line (stderr, also with --json)."""
        self._write(self.stderr, text)

    def field_errors(self, errors: Iterable[FieldError], *, row: int | None = None) -> None:
        prefix = f"row {row}: " if row is not None else ""
        for error in errors:
            self.problem(f"{prefix}{error.field}: {error.message}")

    def document(self, document: object) -> None:
        """The one JSON document of --json (stdout)."""
        if self.as_json:
            import json

            self._write(self.stdout, json.dumps(document, ensure_ascii=False, indent=2))

    def ticket(self, result: Result) -> None:
        """The outcome of one ticket given on the command line."""
        self.document(result.to_json())
        self._describe(result, prefix="")

    def attempt(self, result: Result) -> None:
        """An outbox item that was not sent (the --json document lists every attempt)."""
        self._describe(result, prefix="")

    def rows(self, results: Sequence[Result], *, total_rows: int) -> None:
        """The outcome of a CSV file: rows that need attention, then a summary."""
        counts = {state: sum(r.state == state for r in results) for state in _STATES}
        self.document(
            {
                # As the exit status: skipped invalid rows (--skip-invalid) do not count.
                "ok": exit_code(r for r in results if r.state != INVALID) == EXIT_SENT,
                "rows": total_rows,
                **{_JSON_COUNT[state]: counts[state] for state in _STATES},
                "results": [result.to_json() for result in results],
            }
        )
        for result in results:
            if result.state not in (SENT, INVALID):
                self._describe(result, prefix=f"row {result.row}: ")
        parts = [f"{counts[state]} {_WORDS[state]}" for state in _STATES if counts[state]]
        noun = "row" if total_rows == 1 else "rows"
        self.say(f"{total_rows} {noun}: {', '.join(parts) or 'nothing sent'}.")

    def items(self, items: Sequence[OutboxItem]) -> None:
        """The outbox, oldest first."""
        self.document([item_to_json(item) for item in items])
        if not items:
            self.say("The outbox is empty.")
            return
        rows = [("ID", "TICKET", "STATE", "ATTEMPTS", "LAST ERROR")]
        rows += [
            (str(i.id), i.ticket_id, i.state.value, str(i.attempts), i.last_error) for i in items
        ]
        widths = [max(len(row[column]) for row in rows) for column in range(4)]
        for row in rows:
            cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
            self.say("  ".join([*cells, row[4]]).rstrip())

    def _describe(self, result: Result, *, prefix: str) -> None:
        where = f"ticket {result.ticket_id}" if result.ticket_id else "the ticket"
        if result.state == SENT:
            self.say(f"{prefix}{result.message}")
        elif result.state == WAITING:
            self.problem(
                f"{prefix}{result.message} It waits in the outbox as item {result.outbox} "
                "(`particle-tickets outbox send` sends it)."
            )
        elif result.state == NEEDS_DECISION:
            self.problem(
                f"{prefix}{result.message} It waits in the outbox as item {result.outbox}: "
                f"`particle-tickets outbox send --retry {result.outbox}` sends it again, "
                f"`particle-tickets outbox discard {result.outbox}` gives it up."
            )
        elif result.state == INVALID and not result.errors:  # a repeat (`results.repeated`)
            where_row = f"row {result.row}: " if result.row is not None else prefix
            self.problem(f"{where_row}{result.message}")
        elif result.state == INVALID:
            self.field_errors(result.errors, row=result.row)
        else:
            self.problem(f"{prefix}{where}: {result.message}")
            self.field_errors(result.errors, row=result.row)

    def _write(self, stream: TextIO, text: str) -> None:
        from gui.core.redaction import redactor

        stream.write(redactor.redact(text) + "\n")
        stream.flush()


_STATES = (SENT, WAITING, NEEDS_DECISION, REFUSED, FAILED, INVALID)
_WORDS = {
    SENT: "sent",
    WAITING: "waiting in the outbox",
    NEEDS_DECISION: "waiting in the outbox for a decision",
    REFUSED: "refused by the server",
    FAILED: "failed",
    INVALID: "invalid (skipped)",
}
_JSON_COUNT = {
    SENT: "sent",
    WAITING: "waiting",
    NEEDS_DECISION: "needsDecision",
    REFUSED: "refused",
    FAILED: "failed",
    INVALID: "invalid",
}


def item_to_json(item: OutboxItem) -> dict[str, Any]:
    from gui.core.redaction import redactor

    return {
        "id": item.id,
        "ticketId": item.ticket_id,
        "state": item.state.value,
        "attempts": item.attempts,
        "notify": item.notify,
        "createdAt": _iso(item.created_at),
        "nextTry": _iso(item.next_try),
        "lastError": redactor.redact(item.last_error),
    }


def _iso(epoch: float | None) -> str | None:
    if epoch is None:
        return None
    return datetime.fromtimestamp(epoch).astimezone().isoformat(timespec="milliseconds")
