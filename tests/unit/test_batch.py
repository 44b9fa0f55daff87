"""The rows of File ▸ Many tickets… (gui/core/batch.py), without a window."""

from __future__ import annotations

from datetime import UTC, datetime

from gui.core.batch import UNKNOWN_TICKET, Change, RowResult, check_ids, parse_ids, summary
from gui.core.fields import ContactType, Operation
from gui.core.outbox import KnownTicket

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_pasted_ids_split_on_lines_commas_and_blanks_and_duplicates_are_merged() -> None:
    pasted = parse_ids("tic_1\ntic_2, tic_3;tic_1\t tic_2\n\n")
    assert pasted.ids == ("tic_1", "tic_2", "tic_3")
    assert pasted.merged == ("tic_1", "tic_2")


def test_a_known_ticket_keeps_its_title_and_description_and_an_unknown_one_says_what_it_lacks() -> (
    None
):
    known = {"tic_1": KnownTicket("tic_1", "Leak", "Under the sink", "NEW", 1.0, Operation.UPDATE)}
    change = Change(status="DONE", notify=True, type=ContactType.SMS, contacts="2025550123")
    ok, unknown = check_ids(["tic_1", "tic_2"], change, known.get, now=NOW)
    assert ok.update is not None
    assert (ok.update.title, ok.update.description, ok.update.status) == (
        "Leak",
        "Under the sink",
        "DONE",
    )
    assert ok.update.notification is not None
    assert ok.update.notification.contacts == ("2025550123",)
    assert unknown.update is None
    assert [(error.field, error.message) for error in unknown.errors] == [("title", UNKNOWN_TICKET)]


def test_an_empty_status_keeps_each_tickets_own() -> None:
    known = {"tic_1": KnownTicket("tic_1", "Leak", "Sink", "ON_HOLD", 1.0, Operation.UPDATE)}
    (row,) = check_ids(["tic_1"], Change(), known.get, now=NOW)
    assert row.update is not None and row.update.status == "ON_HOLD" and not row.update.notify


def test_the_summary_counts_each_ending() -> None:
    results = [RowResult("sent"), RowResult("sent"), RowResult("refused"), None]
    assert summary(results) == "4 rows: 2 sent, 1 refused, 1 not sent yet"
