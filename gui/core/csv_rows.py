"""Many tickets from one CSV file: one row per ticket, the header names the form's fields.

The header holds field names from `gui.core.fields.FIELD_TABLE` (``ticketId``, ``title``, …);
a column that is not a field, a field given twice or a required column that is missing is an
error naming the column. Cells are read by their field's kind as the form reads what is typed:
flags (``notify``, ``automated``) are ``0`` or ``1``; ``type`` is ``email`` or ``sms``; ``time``
is ISO 8601 with a UTC offset, or without one meaning this computer's local time, or empty for
"send now"; the rest is text as typed. Every row is then checked by
`gui.core.validation.validate`, with the window's messages; a ``contacts`` cell may name people
and groups of the contact book (`gui.core.address_book.expand`).

Rows are numbered as a spreadsheet shows them: the header is row 1, the first ticket row 2 (a
cell with a line break inside quotes is still one row). Rows whose cells are all empty are
skipped.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from gui.core.contacts import DEFAULT_REGION
from gui.core.errors import FieldError, InvalidTicket
from gui.core.fields import FIELD_BY_NAME, FIELD_TABLE, FIELDS, ContactType, Kind, Operation
from gui.core.messages import QT_TRANSLATE_NOOP, plain
from gui.core.ticket import TicketDraft, TicketUpdate, draft_from_values

if TYPE_CHECKING:
    from gui.core.address_book import AddressBook


def _required_columns(operation: Operation) -> tuple[str, ...]:
    # The notify-only fields are required only with notify=1: a row says whether it notifies.
    return tuple(
        field.name
        for field in FIELD_TABLE
        if field.required_for(operation) and not field.notify_only
    )


#: Columns every file must have, for updates and for new tickets.
REQUIRED_FOR_UPDATE: tuple[str, ...] = _required_columns(Operation.UPDATE)
REQUIRED_FOR_NEW: tuple[str, ...] = _required_columns(Operation.CREATE)

HEADER_ROW = 1


class CsvUnreadable(Exception):
    """The file as a whole cannot be used (not found, not UTF-8, not CSV, a bad header).

    `problems` lists each one as (row, column, message); row is 1 for the header.
    """

    def __init__(self, problems: Iterable[tuple[int, str, str]]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(f"row {row}: {col}: {text}" for row, col, text in self.problems))


@dataclass(frozen=True)
class CsvRow:
    """One ticket row: the draft as read, or what is wrong with its cells."""

    row: int  # as a spreadsheet numbers it (the header is row 1)
    draft: TicketDraft | None
    errors: tuple[FieldError, ...] = ()


@dataclass(frozen=True)
class CheckedRow:
    """One ticket row after validation: the update to send, or every problem with it."""

    row: int
    ticket_id: str  # as typed (empty for a new ticket)
    update: TicketUpdate | None
    errors: tuple[FieldError, ...] = ()

    @property
    def ok(self) -> bool:
        return self.update is not None


def read_file(path: Path, *, operation: Operation = Operation.UPDATE) -> list[CsvRow]:
    """The rows of the CSV file at `path`; `CsvUnreadable` if the file cannot be used."""
    try:
        # utf-8-sig: spreadsheets often start a UTF-8 file with a byte order mark.
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise CsvUnreadable(
            [
                (
                    0,
                    "file",
                    QT_TRANSLATE_NOOP(
                        "csv_rows", "{path} is not UTF-8 text (byte {byte}); save it as CSV UTF-8."
                    ).format(path=plain(str(path)), byte=error.start),
                )
            ]
        ) from None
    except OSError as error:
        reason = plain(error.strerror or str(error))
        said = QT_TRANSLATE_NOOP("csv_rows", "{path}: {reason}")
        raise CsvUnreadable(
            [(0, "file", said.format(path=plain(str(path)), reason=reason))]
        ) from None
    return read_text(text, operation=operation)


def read_text(text: str, *, operation: Operation = Operation.UPDATE) -> list[CsvRow]:
    """The rows of CSV `text` (see the module docstring); `CsvUnreadable` for a bad header.

    For new tickets (`Operation.CREATE`) the ticketId and description columns may be left out;
    a ticketId given anyway is refused by validation, as in the window.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise CsvUnreadable(
                [
                    (
                        HEADER_ROW,
                        "header",
                        QT_TRANSLATE_NOOP("csv_rows", "The file is empty; row 1 names the fields."),
                    )
                ]
            )
        columns = _check_header([cell.strip() for cell in header], operation=operation)
        rows: list[CsvRow] = []
        for number, cells in enumerate(reader, start=HEADER_ROW + 1):
            if not any(cell.strip() for cell in cells):
                continue
            rows.append(_read_row(number, cells, columns, operation=operation))
    except csv.Error as error:
        raise CsvUnreadable(
            [
                (
                    reader.line_num,
                    "file",
                    QT_TRANSLATE_NOOP("csv_rows", "This is not valid CSV: {error}.").format(
                        error=plain(str(error))
                    ),
                )
            ]
        ) from None
    return rows


def check_rows(
    rows: Iterable[CsvRow],
    *,
    now: datetime,
    region: str = DEFAULT_REGION,
    book: AddressBook | None = None,
) -> list[CheckedRow]:
    """Every row validated as the window validates its form (`validate_with`, the same
    messages, the names and groups of `book` in its contacts expanded), after the problems
    found while reading its cells."""
    from gui.core.address_book import AddressBook, validate_with

    checked: list[CheckedRow] = []
    for row in rows:
        if row.draft is None:
            checked.append(CheckedRow(row.row, "", None, row.errors))
            continue
        ticket_id = row.draft.ticket_id.strip()
        try:
            update = validate_with(row.draft, book or AddressBook(), now=now, region=region)
        except InvalidTicket as invalid:
            # A cell that could not be read was left at the form's default: what validation
            # says about that field would only repeat the problem less precisely.
            unread = {error.field for error in row.errors}
            found = [error for error in invalid.field_errors if error.field not in unread]
            checked.append(
                CheckedRow(row.row, ticket_id, None, _in_field_order([*row.errors, *found]))
            )
            continue
        if row.errors:
            checked.append(CheckedRow(row.row, ticket_id, None, row.errors))
        else:
            checked.append(CheckedRow(row.row, ticket_id, update))
    return checked


def parse_time(text: str) -> datetime | None:
    """A notification time as typed: ISO 8601 with a UTC offset, or without one meaning local
    time (the result always carries an offset); None for empty ("send now").

    `ValueError` with the user's message if it is not a date and time, or a local time the
    clocks skip or repeat (`gui.core.local_time.place`: the message names the time to use).
    """
    text = text.strip()
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            QT_TRANSLATE_NOOP(
                "csv_rows",
                "“{text}” is not a date and time; write it as ISO 8601, like "
                "2026-12-01T09:00 (local time) or 2026-12-01T09:00:00-05:00.",
            ).format(text=plain(text))
        ) from None
    if moment.tzinfo is not None:
        return moment
    from gui.core.local_time import place

    return place(moment)


def parse_flag(text: str) -> bool:
    """``0`` or ``1`` (around blanks); `ValueError` with the user's message otherwise."""
    value = text.strip()
    if value in ("0", "1"):
        return value == "1"
    if not value:
        raise ValueError(QT_TRANSLATE_NOOP("csv_rows", "Write 0 or 1, not an empty cell."))
    said = QT_TRANSLATE_NOOP("csv_rows", "Write 0 or 1, not “{value}”.")
    raise ValueError(said.format(value=plain(value)))


def parse_type(text: str) -> ContactType | None:
    """``email`` or ``sms`` (any case); None when empty (validation then asks to choose)."""
    value = text.strip().lower()
    if not value:
        return None
    try:
        return ContactType(value)
    except ValueError:
        said = QT_TRANSLATE_NOOP("csv_rows", "Write email or sms, not “{value}”.")
        raise ValueError(said.format(value=plain(text.strip()))) from None


def _check_header(header: list[str], *, operation: Operation) -> list[str]:
    problems: list[tuple[int, str, str]] = []
    seen: set[str] = set()
    for name in header:
        if not name:
            nameless = QT_TRANSLATE_NOOP("csv_rows", "A column has no name; name it or delete it.")
            problems.append((HEADER_ROW, "header", nameless))
        elif name not in FIELDS:
            unknown = QT_TRANSLATE_NOOP(
                "csv_rows", "Not a field of the form (the fields: {known})."
            )
            problems.append((HEADER_ROW, name, unknown.format(known=plain(", ".join(FIELDS)))))
        elif name in seen:
            twice = QT_TRANSLATE_NOOP("csv_rows", "This column appears more than once.")
            problems.append((HEADER_ROW, name, twice))
        seen.add(name)
    required = REQUIRED_FOR_NEW if operation is Operation.CREATE else REQUIRED_FOR_UPDATE
    for name in required:
        if name not in seen:
            missing = QT_TRANSLATE_NOOP("csv_rows", "This column is missing; every file needs it.")
            problems.append((HEADER_ROW, name, missing))
    if problems:
        raise CsvUnreadable(problems)
    return header


def _read_row(number: int, cells: list[str], columns: list[str], *, operation: Operation) -> CsvRow:
    if len(cells) > len(columns) and any(cell.strip() for cell in cells[len(columns) :]):
        message = QT_TRANSLATE_NOOP(
            "csv_rows", "This row has {cells} cells but the header names {columns} columns."
        ).format(cells=len(cells), columns=len(columns))
        return CsvRow(number, None, (FieldError("row", message),))
    cells = cells + [""] * (len(columns) - len(cells))  # spreadsheets drop empty trailing cells
    values: dict[str, object] = {}
    errors: list[FieldError] = []
    for column, value in zip(columns, cells, strict=False):
        try:
            values[column] = _read_cell(FIELD_BY_NAME[column].kind, value)
        except ValueError as error:  # the Message of parse_flag, parse_time or parse_type
            said = error.args[0] if error.args and isinstance(error.args[0], str) else str(error)
            errors.append(FieldError(column, said))
    draft = draft_from_values(values, operation=operation)
    return CsvRow(number, draft, _in_field_order(errors))


def _read_cell(kind: Kind, text: str) -> object:
    if kind is Kind.FLAG:
        return parse_flag(text)
    if kind is Kind.TIME:
        return parse_time(text)
    if kind is Kind.CONTACT_TYPE:
        return parse_type(text)
    return text


def _in_field_order(errors: Iterable[FieldError]) -> tuple[FieldError, ...]:
    def key(error: FieldError) -> int:
        return FIELDS.index(error.field) if error.field in FIELDS else -1

    return tuple(sorted(errors, key=key))
