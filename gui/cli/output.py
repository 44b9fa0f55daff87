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
from gui.core.messages import QT_TRANSLATE_NOOP, Context, Message, join

#: The context of the command line's sentences with a number (lupdate reads it by this name).
cli = Context("cli")

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
        prefix = row_prefix(row)
        for error in errors:
            self.problem(prefixed(prefix, join([f"{error.field}:", error.message])))

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
            self._describe(
                result,
                prefix=QT_TRANSLATE_NOOP(
                    "cli", "Sent first, from the outbox (item {item}):"
                ).format(item=result.outbox),
            )

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
            self._describe(result, prefix=row_prefix(result.row))
        parts = [_counted(state, counts[state]) for state in _STATES if counts[state]]
        summary = join(parts, ", ") if parts else QT_TRANSLATE_NOOP("cli", "nothing sent")
        self.say(
            cli.tr("%n rows: {summary}.", "%n row: {summary}.", total_rows).format(summary=summary)
        )
        if sent.left:
            self.batch_left(sent.batch, sent.left)

    def batch_left(self, batch: int | None, left: int) -> None:
        """How many updates of the command's batch wait in the outbox, and what to do."""
        self.problem(
            cli.tr(
                "%n updates of this file wait in the outbox as batch {batch}: "
                "`particle-tickets outbox send --batch {batch}` sends them, "
                "`particle-tickets outbox discard --batch {batch}` gives them up.",
                "%n update of this file waits in the outbox as batch {batch}: "
                "`particle-tickets outbox send --batch {batch}` sends it, "
                "`particle-tickets outbox discard --batch {batch}` gives it up.",
                left,
            ).format(batch=batch)
        )

    def items(self, items: Sequence[OutboxItem], *, api_base: str) -> None:
        """The outbox, oldest first, with the server each item goes to (`api_base` is where
        this command would send: where one 0.1.0 queued without saying would go)."""
        self.document([item_to_json(item) for item in items])
        if not items:
            self.say(QT_TRANSLATE_NOOP("cli", "The outbox is empty."))
            return
        from gui.cli.language import say
        from gui.cli.remedies import for_command_line

        # The cells are said before the columns are measured. The states are the outbox's own
        # names (those of --json), not sentences, and stay as they are.
        rows = [tuple(say(heading) for heading in _HEADINGS)]
        for i in items:
            error = for_command_line(i.last_error)
            if i.destination is None:
                retry = QT_TRANSLATE_NOOP("cli", "`--retry {item}` sends it to {server}.")
                error = join([error, retry.format(item=i.id, server=api_base)])
            rows.append(
                (
                    str(i.id),
                    i.ticket_id,
                    i.state.value,
                    str(i.attempts),
                    str(i.batch) if i.batch is not None else "-",
                    say(
                        describe(i.destination.api_base)
                        if i.destination
                        else QT_TRANSLATE_NOOP("cli", "(not recorded)")
                    ),
                    say(error),
                )
            )
        columns = len(rows[0]) - 1
        widths = [max(len(row[column]) for row in rows) for column in range(columns)]
        for row in rows:
            cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
            self.say("  ".join([*cells, row[-1]]).rstrip())

    def _describe(self, result: Result, *, prefix: str) -> None:
        if result.ticket_id:
            where = QT_TRANSLATE_NOOP("cli", "ticket {ticket}").format(ticket=result.ticket_id)
        else:
            where = QT_TRANSLATE_NOOP("cli", "the ticket")
        if result.state == SENT:
            self.say(prefixed(prefix, result.message))
        elif result.state == WAITING:
            then = QT_TRANSLATE_NOOP(
                "cli",
                "It waits in the outbox as item {item} (`particle-tickets outbox send` sends it).",
            ).format(item=result.outbox)
            self.problem(prefixed(prefix, join([result.message, then])))
        elif result.state == NEEDS_DECISION:
            then = QT_TRANSLATE_NOOP(
                "cli",
                "It waits in the outbox as item {item}: `particle-tickets outbox send --retry "
                "{item}` sends it again, `particle-tickets outbox discard {item}` gives it up.",
            ).format(item=result.outbox)
            self.problem(prefixed(prefix, join([result.message, then])))
        elif result.state == INVALID and not result.errors:  # a repeat (`results.repeated`)
            where_row = row_prefix(result.row) if result.row is not None else prefix
            self.problem(prefixed(where_row, result.message))
        elif result.state == INVALID:
            self.field_errors(result.errors, row=result.row)
        else:
            self.problem(prefixed(prefix, join([join([where, ":"], ""), result.message])))
            self.field_errors(result.errors, row=result.row)

    def _write(self, stream: TextIO, text: str) -> None:
        from gui.cli.language import say
        from gui.core.redaction import redactor

        if stream in self._closed:
            return
        try:
            stream.write(redactor.redact(say(text)) + "\n")
            stream.flush()
        except BrokenPipeError:
            # The reader went away (`outbox list | head`): the command goes on quietly, and
            # Python's own flush at exit must not complain either.
            self._closed.add(stream)
            _silence(stream)


_STATES = (SENT, WAITING, NEEDS_DECISION, REFUSED, FAILED, INVALID)
#: The columns of `outbox list`.
_HEADINGS = (
    QT_TRANSLATE_NOOP("cli", "ID"),
    QT_TRANSLATE_NOOP("cli", "TICKET"),
    QT_TRANSLATE_NOOP("cli", "STATE"),
    QT_TRANSLATE_NOOP("cli", "ATTEMPTS"),
    QT_TRANSLATE_NOOP("cli", "BATCH"),
    QT_TRANSLATE_NOOP("cli", "SERVER"),
    QT_TRANSLATE_NOOP("cli", "LAST ERROR"),
)


def row_prefix(row: int | None) -> str:
    """ "row 3:" before what is said of a CSV row ("" for no row)."""
    if row is None:
        return ""
    return QT_TRANSLATE_NOOP("cli", "row {row}:").format(row=row)


def prefixed(prefix: str, text: str) -> str:
    """`text` after `prefix` ("row 3:", …) and a space; `text` alone without one."""
    return join([prefix, text]) if prefix else text


def _counted(state: str, count: int) -> Message:
    """ "3 sent", "1 waiting in the outbox", … for a CSV file's summary."""
    if state == SENT:
        return cli.tr("%n sent", "%n sent", count)
    if state == WAITING:
        return cli.tr("%n waiting in the outbox", "%n waiting in the outbox", count)
    if state == NEEDS_DECISION:
        return cli.tr(
            "%n waiting in the outbox for a decision",
            "%n waiting in the outbox for a decision",
            count,
        )
    if state == REFUSED:
        return cli.tr("%n refused by the server", "%n refused by the server", count)
    if state == FAILED:
        return cli.tr("%n failed", "%n failed", count)
    return cli.tr("%n invalid (skipped)", "%n invalid (skipped)", count)


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
