"""`particle-tickets update|new|outbox`: the window's work, from a script.

Exit status: 0 sent; 2 invalid input, nothing sent; 3 could not be sent now and waits in the
outbox; 1 any other failure (the server refused it, no credentials, the outbox unusable, …).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from gui.cli.output import (
    EXIT_FAILED,
    EXIT_INVALID,
    EXIT_SENT,
    EXIT_WAITING,
    FAILED,
    INVALID,
    NEEDS_DECISION,
    REFUSED,
    SENT,
    WAITING,
    Output,
    Result,
    exit_code,
)
from gui.core.errors import FieldError
from gui.core.fields import FIELD_TABLE, TICKET_ID, ContactType, Field, Kind

if TYPE_CHECKING:
    from gui.core.config import Connection
    from gui.core.delivery import Delivery
    from gui.core.fields import Operation
    from gui.core.outbox import OutboxStore
    from gui.core.ticket import TicketDraft

#: The fields given as options, by option (--title …), in form order; the notify-only ones
#: only count with --notify, and are None when not given.
_FLAGS: dict[str, Field] = {field.flag: field for field in FIELD_TABLE if field.flag is not None}


def _flag_value(args: argparse.Namespace, flag: str) -> object:
    return getattr(args, flag.removeprefix("--").replace("-", "_"))


def _flag_given(args: argparse.Namespace, flag: str) -> bool:
    value = _flag_value(args, flag)
    return value is not None if _FLAGS[flag].notify_only else bool(value)


@dataclass
class Environment:
    """Where the command finds its settings, credentials and outbox (tests replace these)."""

    environ: Mapping[str, str]
    stored: Callable[[], dict[str, str]]  # the window's stored Settings values
    keychain: Callable[[], object]  # returns Credentials; may raise KeychainError
    data_folder: Callable[[], Path]


def default_environment() -> Environment:
    """The window's own files and keychain, found without Qt (gui.core.app_folders)."""
    from gui.core import app_folders

    environ = dict(os.environ)

    def stored() -> dict[str, str]:
        from gui.core.stored_connection import read_stored_connection

        return read_stored_connection(app_folders.settings_file(environ))

    def keychain() -> object:
        from gui.core.keychain import Keychain

        return Keychain().load()

    return Environment(environ, stored, keychain, lambda: app_folders.data_folder(environ))


# --- Arguments -------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    connection = argparse.ArgumentParser(add_help=False)
    group = connection.add_argument_group("connection (as the window's options)")
    group.add_argument("--api-base", metavar="URL", help="API address")
    group.add_argument("--token", metavar="TOKEN", help="Bearer token for the API")
    group.add_argument("--secret-key", metavar="KEY", help="secret key (sk_test_… or sk_live_…)")
    group.add_argument("--publish-key", metavar="KEY", help="publishable key (pk_…)")
    group.add_argument("--json", action="store_true", help="print one JSON document on stdout")

    parser = argparse.ArgumentParser(
        prog="particle-tickets",
        description="Update Particle Space maintenance tickets from a script.",
        epilog=(
            "Exit status: 0 sent; 2 invalid input, nothing sent; 3 could not be sent now and "
            "waits in the outbox; 1 any other failure. Without a command the window opens."
        ),
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    update = commands.add_parser(
        "update",
        parents=[connection],
        help="update a ticket (or many, --from-csv)",
        description="Update a ticket, or one ticket per row of a CSV file.",
    )
    update.add_argument("ticket_id", metavar="TICKET_ID", nargs="?", help="the ticket, tic_…")
    _ticket_arguments(update)
    new = commands.add_parser(
        "new",
        parents=[connection],
        help="create a ticket (or many, --from-csv)",
        description="Create a ticket, or one ticket per row of a CSV file.",
    )
    _ticket_arguments(new)

    outbox = commands.add_parser(
        "outbox",
        parents=[connection],
        help="list, send or discard what waits in the outbox",
        description="The window's outbox: what could not be sent yet.",
    )
    actions = outbox.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("list", parents=[connection], help="list the waiting updates")
    send = actions.add_parser("send", parents=[connection], help="send what is due now")
    send.add_argument(
        "--retry",
        metavar="ID",
        type=int,
        nargs="+",
        default=[],
        help="also send these items now, those waiting for a decision included (Resend)",
    )
    discard = actions.add_parser("discard", parents=[connection], help="give up updates")
    discard.add_argument("ids", metavar="ID", type=int, nargs="+", help="outbox item ids")
    return parser


def _ticket_arguments(parser: argparse.ArgumentParser) -> None:
    for flag, field in _FLAGS.items():
        if field.kind is Kind.FLAG:
            parser.add_argument(flag, action="store_true", help=field.flag_help)
        elif field.kind is Kind.CONTACT_TYPE:
            choices = tuple(contact_type.value for contact_type in ContactType)
            parser.add_argument(flag, choices=choices, help=field.flag_help)
        elif field.kind is Kind.TIME:
            parser.add_argument(flag, metavar="ISO8601", help=field.flag_help)
        else:  # text: empty unless given; a notify-only one None, to tell it was given
            default = None if field.notify_only else ""
            parser.add_argument(flag, default=default, help=field.flag_help)
    parser.add_argument("--from-csv", metavar="FILE", type=Path, help="one ticket per row")
    parser.add_argument(
        "--skip-invalid",
        action="store_true",
        help="with --from-csv: send the valid rows even if some are not",
    )


# --- Running ---------------------------------------------------------------------------------


def main(
    argv: Sequence[str] | None = None,
    *,
    env: Environment | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run one command; returns the exit status."""
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    out = Output(stdout or sys.stdout, stderr or sys.stderr, as_json=args.json)
    command = Command(args, env or default_environment(), out)
    try:
        return command.run()
    except KeyboardInterrupt:
        out.problem("Stopped.")
        return EXIT_FAILED
    except Exception as error:  # the outbox unusable (disk full, damaged file), and the like
        out.problem(_describe_failure(error))
        return EXIT_FAILED


class Command:
    def __init__(self, args: argparse.Namespace, env: Environment, out: Output) -> None:
        self.args = args
        self.env = env
        self.out = out

    def run(self) -> int:
        if self.args.command == "outbox":
            return {"list": self.list, "send": self.send_outbox, "discard": self.discard}[
                self.args.action
            ]()
        if self.args.from_csv is not None:
            return self.many()
        return self.one()

    # --- One ticket from the flags -------------------------------------------------------------

    def one(self) -> int:
        from gui.core.errors import InvalidTicket
        from gui.core.validation import validate

        draft, problems = self._draft()
        if not problems:
            try:
                update = validate(draft, now=_now(), region=self._region())
            except InvalidTicket as invalid:
                problems = list(invalid.field_errors)
        if problems:
            self.out.ticket(
                Result(INVALID, draft.ticket_id.strip(), "Nothing was sent.", errors=problems)
            )
            return EXIT_INVALID
        connection = self._connection()
        if connection is None:
            return EXIT_FAILED
        store = self._store()
        try:
            item = store.add(update)
            results = self._send(store, connection, [item.id])
        finally:
            store.close()
        result = results[item.id]
        self.out.ticket(result)
        return exit_code([result])

    def _draft(self) -> tuple[TicketDraft, list[FieldError]]:
        from gui.core.csv_rows import parse_time
        from gui.core.ticket import draft_from_values

        args = self.args
        problems: list[FieldError] = []
        if not args.notify:
            for flag, field in _FLAGS.items():
                if field.notify_only and _flag_given(args, flag):
                    message = f"{flag} only counts with --notify; add --notify."
                    problems.append(FieldError(field.name, message))
        values: dict[str, object] = {TICKET_ID: getattr(args, "ticket_id", None) or ""}
        for flag, field in _FLAGS.items():
            given = _flag_value(args, flag)
            if field.kind is Kind.TIME:
                try:
                    values[field.name] = parse_time(given if isinstance(given, str) else "")
                except ValueError as error:
                    problems.append(FieldError(field.name, str(error)))
            elif field.kind is Kind.CONTACT_TYPE:
                values[field.name] = (
                    ContactType(given) if isinstance(given, str) else ContactType.EMAIL
                )
            else:  # text as given (empty if not), or a flag's True/False
                values[field.name] = given if field.kind is Kind.FLAG else given or ""
        return draft_from_values(values, operation=self._operation()), problems

    def _operation(self) -> Operation:
        from gui.core.fields import Operation

        return Operation.CREATE if self.args.command == "new" else Operation.UPDATE

    # --- Many tickets from a CSV file ----------------------------------------------------------

    def many(self) -> int:
        from gui.core.csv_rows import CsvUnreadable, check_rows, read_file

        args = self.args
        single = [flag for flag in _FLAGS if _flag_given(args, flag)]
        if getattr(args, "ticket_id", None):
            single.insert(0, "TICKET_ID")
        if single:
            self.out.problem(
                f"With --from-csv the file gives every field; leave out {', '.join(single)}."
            )
            return EXIT_INVALID
        try:
            rows = read_file(args.from_csv, operation=self._operation())
        except CsvUnreadable as unreadable:
            for number, column, message in unreadable.problems:
                where = f"row {number}: " if number else ""
                self.out.problem(f"{where}{column}: {message}")
            self.out.document({"ok": False, "rows": 0, "errors": _file_errors(unreadable)})
            return EXIT_INVALID
        checked = check_rows(rows, now=_now(), region=self._region())
        invalid = [row for row in checked if not row.ok]
        valid = [row for row in checked if row.ok]
        results = {
            row.row: Result(INVALID, row.ticket_id, "Not sent.", row.errors, row=row.row)
            for row in invalid
        }
        for row in invalid:
            self.out.field_errors(row.errors, row=row.row)
        if not checked:
            self.out.problem(f"{args.from_csv} has no ticket rows.")
        if not valid or (invalid and not args.skip_invalid):
            if invalid:
                self.out.problem(
                    f"Nothing was sent: {len(invalid)} of {len(checked)} rows need attention"
                    + ("." if args.skip_invalid else " (--skip-invalid sends the others).")
                )
            self.out.document(
                {
                    "ok": False,
                    "rows": len(checked),
                    "sent": 0,
                    "invalid": len(invalid),
                    "results": [results[row.row].to_json() for row in invalid],
                }
            )
            return EXIT_INVALID
        connection = self._connection()
        if connection is None:
            return EXIT_FAILED
        store = self._store()
        try:
            item_rows: dict[int, int] = {}
            for row in valid:
                assert row.update is not None  # nosec B101 - valid rows have one
                item_rows[store.add(row.update).id] = row.row
            sent = self._send(store, connection, list(item_rows), progress=True)
        finally:
            store.close()
        for item_id, row_number in item_rows.items():
            result = sent[item_id]
            result.row = row_number
            results[row_number] = result
        ordered = [results[number] for number in sorted(results)]
        self.out.rows(ordered, total_rows=len(checked))
        return exit_code(result for result in ordered if result.state != INVALID)

    # --- The outbox ----------------------------------------------------------------------------

    def list(self) -> int:
        store = self._store()
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

    def send_outbox(self) -> int:
        connection = self._connection()
        if connection is None:
            return EXIT_FAILED
        store = self._store()
        try:
            for item_id in self.args.retry:
                item = store.get(item_id)
                if item is None:
                    self.out.problem(f"There is no item {item_id} in the outbox.")
                    return EXIT_INVALID
                store.retry_now(item_id)
            due = _due_ids(store)
            results = self._send(store, connection, due, progress=True, only_ours=False)
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

        store = self._store()
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

    # --- Shared ----------------------------------------------------------------------------

    def _send(
        self,
        store: OutboxStore,
        connection: Connection,
        ids: Sequence[int],
        *,
        progress: bool = False,
        only_ours: bool = True,
    ) -> dict[int, Result]:
        """Drain the outbox until every item of `ids` had its attempt; a Result for each."""
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
                _delivered(delivery)
                if delivery is not None
                else _not_attempted(store, item_id, drained.stopped_early)
            )
        return results

    def _region(self) -> str:
        from gui.core.contacts import DEFAULT_REGION

        return self._stored().get("sms_region", DEFAULT_REGION)

    def _stored(self) -> dict[str, str]:
        if not hasattr(self, "_stored_values"):
            self._stored_values = self.env.stored()
        return self._stored_values

    def _connection(self) -> Connection | None:
        """As the window resolves it: options, environment, Settings, then the keychain (read
        only when nothing else signs in). None, after saying why, if it cannot be used."""
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
        stored = self._stored()
        connection = resolve_connection(options, self.env.environ, stored, Credentials())
        if connection.credentials.empty:
            try:
                credentials = self.env.keychain()
            except TicketError as error:
                self.out.problem(error.message)
                self.out.document({"ok": False, "message": error.message})
                return None
            assert isinstance(credentials, Credentials)  # nosec B101
            connection = resolve_connection(options, self.env.environ, stored, credentials)
        if not connection.usable:
            message = connection.problem or "Sending is not set up."
            self.out.problem(message)
            if connection.credentials.empty:
                self.out.problem("On the command line: --token, or PARTICLESPACE_TOKEN.")
            self.out.document({"ok": False, "message": message})
            return None
        return connection

    def _store(self) -> OutboxStore:
        from gui.core.app_folders import OUTBOX_FILE_NAME
        from gui.core.outbox import OutboxStore

        return OutboxStore(self.env.data_folder() / OUTBOX_FILE_NAME)


def _due_ids(store: OutboxStore) -> list[int]:
    import time

    from gui.core.outbox import ItemState

    now = time.time()
    return [
        item.id
        for item in store.items()
        if item.state is ItemState.WAITING and item.next_try is not None and item.next_try <= now
    ]


def _delivered(delivery: Delivery) -> Result:
    from gui.core import reports
    from gui.core.errors import TicketError
    from gui.core.outcome import Succeeded
    from gui.core.retry import Action

    item = delivery.item
    outcome = delivery.outcome
    if isinstance(outcome, Succeeded):
        result = outcome.value
        ticket_id = result.ticket_id or item.ticket_id
        sentence = reports.sent(ticket_id, created=item.update.creates)
        return Result(SENT, ticket_id, sentence, http_status=result.status)
    error = outcome.error
    status = getattr(error, "status", None)
    errors = error.field_errors if isinstance(error, TicketError) else ()
    message = error.message if isinstance(error, TicketError) else str(error)
    verdict = delivery.verdict
    action = verdict.action if verdict is not None else Action.DECIDE
    if action is Action.REFUSED:
        return Result(REFUSED, item.ticket_id, message, errors, http_status=status)
    if action is Action.RETRY:  # the core's message; when it goes out is said after it
        state, text = WAITING, message
    else:
        state, text = NEEDS_DECISION, f"{message} {verdict.reason if verdict else ''}".strip()
    return Result(
        state,
        item.ticket_id,
        text,
        errors,
        outbox=item.id,
        http_status=status,
    )


def _not_attempted(store: OutboxStore, item_id: int, why: str) -> Result:
    from gui.core.outbox import ItemState

    item = store.get(item_id)
    if item is None:  # gone meanwhile (the window sent or discarded it)
        return Result(FAILED, "", f"Item {item_id} left the outbox while this command ran.")
    if item.state is ItemState.NEEDS_DECISION:
        return Result(NEEDS_DECISION, item.ticket_id, item.last_error, outbox=item.id)
    if why:
        message = f"Not sent yet: {why}"
    else:
        message = (
            f"Not sent yet: it goes out after the earlier update to ticket {item.ticket_id} "
            "that waits in the outbox."
        )
    return Result(WAITING, item.ticket_id, message, outbox=item.id)


def _now() -> datetime:
    return datetime.now().astimezone()


def _file_errors(unreadable: object) -> list[dict[str, object]]:
    problems = getattr(unreadable, "problems", ())
    return [{"row": row, "field": column, "message": text} for row, column, text in problems]


def _describe_failure(error: Exception) -> str:
    import sqlite3

    from gui.core.errors import TicketError

    if isinstance(error, TicketError):
        return error.message
    if isinstance(error, OSError):
        return f"The outbox could not be used: {error.strerror or error}."
    if isinstance(error, sqlite3.Error):
        return f"The outbox could not be used (disk full, read-only or damaged): {error}."
    return f"Something unexpected went wrong: {type(error).__name__}: {error}"


# Make the names the tests and the README use importable from here.
__all__ = ["EXIT_FAILED", "EXIT_INVALID", "EXIT_SENT", "EXIT_WAITING", "main"]
