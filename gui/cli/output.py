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
from gui.core.destination import describe

if TYPE_CHECKING:
    from gui.cli.session import Sent
    from gui.core.errors import FieldError
    from gui.core.outbox import OutboxItem


class Output:
    """Where the command's words go."""

    def __init__(self, stdout: TextIO, stderr: TextIO, *, as_json: bool) -> None:
        self.stdout = stdout
        self.stderr = stderr
        self.as_json = as_json
        self._closed: set[TextIO] = set()  # streams whose reader went away

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

    def ticket(self, result: Result, *, earlier: Sequence[Result] = ()) -> None:
        """The outcome of one ticket given on the command line, after the older updates of its
        ticket that were sent first (`earlier`), each on its own line."""
        self.document(result.to_json() | {"earlier": [each.to_json() for each in earlier]})
        self.earlier(earlier)
        self._describe(result, prefix="")

    def earlier(self, results: Sequence[Result]) -> None:
        """Older updates of the command's tickets that waited in the outbox and went first."""
        for result in results:
            self._describe(result, prefix=f"Sent first, from the outbox (item {result.outbox}): ")

    def attempt(self, result: Result) -> None:
        """An outbox item that was not sent (the --json document lists every attempt)."""
        self._describe(result, prefix="")

    def rows(self, results: Sequence[Result], *, total_rows: int, sent: Sent) -> None:
        """The outcome of a CSV file: the older updates sent first, rows that need attention,
        a summary, and what of the file's batch is left in the outbox."""
        counts = {state: sum(r.state == state for r in results) for state in _STATES}
        earlier = sent.earlier
        self.document(
            {
                # As the exit status: skipped invalid rows (--skip-invalid) do not count.
                "ok": exit_code([*(r for r in results if r.state != INVALID), *earlier])
                == EXIT_SENT,
                "rows": total_rows,
                **{_JSON_COUNT[state]: counts[state] for state in _STATES},
                "results": [result.to_json() for result in results],
                "earlier": [result.to_json() for result in earlier],
                "batch": sent.batch,
                "left": sent.left,
            }
        )
        self.earlier(earlier)
        told_waiting = False
        for result in results:
            if result.state in (SENT, INVALID):
                continue
            if result.state == WAITING and sent.left and told_waiting:
                continue  # the rest that wait as the file's batch: one line below says so
            told_waiting = told_waiting or result.state == WAITING
            self._describe(result, prefix=f"row {result.row}: ")
        parts = [f"{counts[state]} {_WORDS[state]}" for state in _STATES if counts[state]]
        noun = "row" if total_rows == 1 else "rows"
        self.say(f"{total_rows} {noun}: {', '.join(parts) or 'nothing sent'}.")
        if sent.left:
            self.batch_left(sent.batch, sent.left)

    def batch_left(self, batch: int | None, left: int) -> None:
        """How many updates of the command's batch wait in the outbox, and what to do."""
        noun = "update of this file waits" if left == 1 else "updates of this file wait"
        self.problem(
            f"{left} {noun} in the outbox as batch {batch}: "
            f"`particle-tickets outbox send --batch {batch}` sends them, "
            f"`particle-tickets outbox discard --batch {batch}` gives them up."
        )

    def items(self, items: Sequence[OutboxItem], *, api_base: str) -> None:
        """The outbox, oldest first, with the server each item goes to (`api_base` is where
        this command would send: where one 0.1.0 queued without saying would go)."""
        self.document([item_to_json(item) for item in items])
        if not items:
            self.say("The outbox is empty.")
            return
        rows = [("ID", "TICKET", "STATE", "ATTEMPTS", "BATCH", "SERVER", "LAST ERROR")]
        from gui.cli.remedies import for_command_line

        for i in items:
            error = for_command_line(i.last_error)
            if i.destination is None:
                error += f" `--retry {i.id}` sends it to {api_base}."
            rows.append(
                (
                    str(i.id),
                    i.ticket_id,
                    i.state.value,
                    str(i.attempts),
                    str(i.batch) if i.batch is not None else "-",
                    describe(i.destination.api_base) if i.destination else "(not recorded)",
                    error,
                )
            )
        columns = len(rows[0]) - 1
        widths = [max(len(row[column]) for row in rows) for column in range(columns)]
        for row in rows:
            cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
            self.say("  ".join([*cells, row[-1]]).rstrip())

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

        if stream in self._closed:
            return
        try:
            stream.write(redactor.redact(text) + "\n")
            stream.flush()
        except BrokenPipeError:
            # The reader went away (`outbox list | head`): the command goes on quietly, and
            # Python's own flush at exit must not complain either.
            self._closed.add(stream)
            _silence(stream)


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
    from gui.cli.remedies import for_command_line
    from gui.core.redaction import redactor

    destination = item.destination
    return {
        "id": item.id,
        "ticketId": item.ticket_id,
        "state": item.state.value,
        "attempts": item.attempts,
        "notify": item.notify,
        "createdAt": _iso(item.created_at),
        "nextTry": _iso(item.next_try),
        # Not before then, whoever sends it: the server asked to wait (Retry-After).
        "notBefore": _iso(item.not_before),
        "lastError": redactor.redact(for_command_line(item.last_error)),
        # Where it goes (None: 0.1.0 did not record it), as whom (a hash, never a secret).
        "apiBase": destination.api_base if destination is not None else None,
        "account": destination.account if destination is not None else None,
        "batch": item.batch,
    }


def _silence(stream: TextIO) -> None:
    """Point `stream`'s file descriptor at the null device (its reader went away)."""
    import contextlib
    import os

    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)


def _iso(epoch: float | None) -> str | None:
    if epoch is None:
        return None
    return datetime.fromtimestamp(epoch).astimezone().isoformat(timespec="milliseconds")
