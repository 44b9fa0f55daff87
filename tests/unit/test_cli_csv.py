"""Reading tickets from CSV (gui/core/csv_rows.py): header, cells, row numbers, validation."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from gui.core.csv_rows import CsvUnreadable, check_rows, parse_time, read_file, read_text
from gui.core.fields import ContactType, Operation

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
HEADER = "ticketId,title,description,status,notify,type,contacts,time,automated\n"


def checked(text: str, operation: Operation = Operation.UPDATE):  # type: ignore[no-untyped-def]
    return check_rows(read_text(text, operation=operation), now=NOW)


def test_a_good_row_becomes_the_update_the_form_would_send() -> None:
    (row,) = checked(HEADER + "tic_1,Leak,Under the sink,ON_HOLD,1,sms,(202) 555-0123,,1\n")
    assert row.ok and row.row == 2
    assert row.update is not None
    assert row.update.ticket_id == "tic_1"
    assert row.update.automated
    assert row.update.notification is not None
    assert row.update.notification.type is ContactType.SMS
    assert row.update.notification.contacts == ("2025550123",)
    assert row.update.notification.time is None


def test_unknown_duplicate_and_missing_columns_are_named() -> None:
    with pytest.raises(CsvUnreadable) as raised:
        read_text("ticketId,title,title,colour,notify,automated\n")
    problems = {(row, column) for row, column, _ in raised.value.problems}
    assert problems == {(1, "title"), (1, "colour"), (1, "description"), (1, "status")}


def test_new_tickets_need_neither_id_nor_description_columns() -> None:
    (row,) = checked("title,status,notify,automated\nDoor,NEW,0,0\n", Operation.CREATE)
    assert row.ok and row.update is not None and row.update.creates


def test_a_new_ticket_row_with_an_id_is_refused_with_the_window_s_message() -> None:
    text = "ticketId,title,status,notify,automated\ntic_1,Door,NEW,0,0\n"
    (row,) = checked(text, Operation.CREATE)
    assert not row.ok
    assert [error.field for error in row.errors] == ["ticketId"]


def test_rows_are_numbered_as_a_spreadsheet_shows_them() -> None:
    text = (
        HEADER
        + 'tic_1,"Two\nlines",d,NEW,0,,,,0\n'  # a line break inside a cell: still row 2
        + "\n"  # an empty row 3 is skipped but counted
        + "tic_1,,d,NEW,0,,,,0\n"  # row 4: no title
    )
    rows = checked(text)
    assert [row.row for row in rows] == [2, 4]
    assert rows[0].errors[0].field == "title"  # "Keep this on one line."
    assert [(error.field, error.message) for error in rows[1].errors] == [
        ("title", "Enter a title.")
    ]


def test_every_bad_cell_and_every_validation_problem_of_a_row_is_reported() -> None:
    (row,) = checked(HEADER + "tic_1,,d,NEW,yes,fax,x,tomorrow,2\n")
    fields = [error.field for error in row.errors]
    assert fields == ["title", "notify", "time", "type", "automated"]
    assert row.errors[1].message == "Write 0 or 1, not “yes”."
    assert row.errors[3].message == "Write email or sms, not “fax”."


def test_contacts_get_the_window_s_message() -> None:
    (row,) = checked(HEADER + "tic_1,t,d,NEW,1,email,x,,0\n")
    assert [(e.field, e.message) for e in row.errors] == [
        ("contacts", "“x” is not a valid email address: An email address must have an @-sign.")
    ]


def test_time_with_offset_without_offset_and_empty() -> None:
    assert parse_time("") is None
    with_offset = parse_time("2026-12-01T09:00:00-05:00")
    assert with_offset is not None and with_offset.utcoffset() == timedelta(hours=-5)
    local = parse_time("2026-12-01T09:00")
    assert local is not None and local.tzinfo is not None
    assert local.replace(tzinfo=None) == datetime(2026, 12, 1, 9, 0)
    with pytest.raises(ValueError, match="ISO 8601"):
        parse_time("next week")


def test_extra_cells_in_a_row_are_an_error(tmp_path: Path) -> None:
    (row,) = checked(HEADER + "tic_1,t,d,NEW,0,,,,0,surplus\n")
    assert row.errors[0].field == "row"


def test_a_byte_order_mark_is_fine_and_other_encodings_are_named(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes("\ufeff".encode() + (HEADER + "tic_1,Café,d,NEW,0,,,,0\n").encode())
    assert read_file(path)[0].draft is not None
    path.write_bytes((HEADER + "tic_1,Café,d,NEW,0,,,,0\n").encode("latin-1"))
    with pytest.raises(CsvUnreadable, match="not UTF-8"):
        read_file(path)


def test_500_rows_are_read_and_validated_in_well_under_a_second(tmp_path: Path) -> None:
    lines = [HEADER]
    for i in range(500):
        contacts = f"a{i}@example.com,b{i}@example.org" if i % 2 else f"(202) 555-{i:04d}"
        kind = "email" if i % 2 else "sms"
        lines.append(f'tic_{i},Title {i},Description,ON_HOLD,1,{kind},"{contacts}",,0\n')
    path = tmp_path / "many.csv"
    path.write_text("".join(lines), encoding="utf-8")
    check_rows(read_text(HEADER + "tic_1,t,d,NEW,1,sms,2025550123,,0\n"), now=NOW)  # imports
    started = time.perf_counter()
    rows = check_rows(read_file(path), now=NOW)
    elapsed = time.perf_counter() - started
    assert len(rows) == 500 and all(row.ok for row in rows), [r.errors for r in rows if not r.ok]
    assert elapsed < 1.0
