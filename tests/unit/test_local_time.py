"""Local wall times the clocks skip or repeat: refused with the time to use, for the window
(`validate` of a time without offset), the command line and CSV (`parse_time`) alike."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from gui.core.csv_rows import parse_time
from gui.core.errors import InvalidTicket
from gui.core.local_time import AmbiguousTime, NonexistentTime, local_wall, place
from gui.core.ticket import TicketDraft
from gui.core.validation import validate
from tests.new_york import autumn_repeat, new_york, spring_gap

__all__ = ["new_york"]  # the fixture, used by name

EDT = timezone(timedelta(hours=-4))
EST = timezone(timedelta(hours=-5))
GAP = datetime(2026, 3, 8, 2, 30)  # the report's: sent an hour early
TWICE = datetime(2026, 11, 1, 1, 30)
NOTIFYING = TicketDraft(
    ticket_id="tic_1",
    title="Leaking faucet",
    description="Leak",
    status="ON_HOLD",
    notify=True,
    contacts="example@example.com",
)


@pytest.mark.parametrize("zone", [None, ZoneInfo("America/New_York")], ids=["system", "zoneinfo"])
def test_a_time_in_the_spring_gap_is_refused_with_the_time_after_it(new_york, zone) -> None:
    with pytest.raises(NonexistentTime) as caught:
        place(GAP, zone)
    assert caught.value.suggestion == datetime(2026, 3, 8, 3, 0, tzinfo=EDT)
    assert caught.value.transition.before == datetime(2026, 3, 8, 2, 0)
    assert caught.value.transition.after == datetime(2026, 3, 8, 3, 0)
    assert str(caught.value) == (
        "2026-03-08T02:30 does not exist here: the clocks jump from 02:00 to 03:00 that day. "
        "Use 2026-03-08T03:00."
    )


@pytest.mark.parametrize("zone", [None, ZoneInfo("America/New_York")], ids=["system", "zoneinfo"])
def test_a_time_of_the_autumn_repeat_is_refused_with_both_offsets(new_york, zone) -> None:
    with pytest.raises(AmbiguousTime) as caught:
        place(TWICE, zone)
    assert caught.value.earlier == datetime(2026, 11, 1, 1, 30, tzinfo=EDT)
    assert caught.value.later == datetime(2026, 11, 1, 1, 30, tzinfo=EST)
    assert caught.value.earlier.utcoffset() == timedelta(hours=-4)
    assert caught.value.later.utcoffset() == timedelta(hours=-5)
    assert str(caught.value) == (
        "2026-11-01T01:30 happens twice here: the clocks go back from 02:00 to 01:00 that day. "
        "Give 2026-11-01T01:30-04:00 (before they go back) or 2026-11-01T01:30-05:00 (after)."
    )


@pytest.mark.parametrize(
    ("wall", "offset"),
    [
        (datetime(2026, 3, 8, 1, 59), -5),
        (datetime(2026, 3, 8, 3, 0), -4),
        (datetime(2026, 11, 1, 0, 59), -4),
        (datetime(2026, 11, 1, 2, 0), -5),
        (datetime(2026, 12, 1, 9, 0), -5),
    ],
)
def test_times_next_to_a_change_are_placed_as_they_are(new_york, wall, offset) -> None:
    placed = place(wall)
    assert placed.utcoffset() == timedelta(hours=offset)
    assert local_wall(placed) == wall


def test_other_zones_gaps_of_other_sizes() -> None:
    lord_howe = ZoneInfo("Australia/Lord_Howe")  # half an hour, on 4 October 2026
    with pytest.raises(NonexistentTime) as caught:
        place(datetime(2026, 10, 4, 2, 15), lord_howe)
    assert caught.value.suggestion.replace(tzinfo=None) == datetime(2026, 10, 4, 2, 30)
    samoa = ZoneInfo("Pacific/Apia")  # 30 December 2011 never happened there
    with pytest.raises(NonexistentTime, match="from 2011-12-30T00:00 to 2011-12-31T00:00"):
        place(datetime(2011, 12, 30, 12, 0), samoa)


def test_parse_time_refuses_a_local_time_the_clocks_skip(new_york) -> None:
    with pytest.raises(ValueError, match="Use 2026-03-08T03:00") as caught:
        parse_time("2026-03-08T02:30")
    assert isinstance(caught.value, NonexistentTime)


def test_parse_time_asks_which_of_a_repeated_local_time(new_york) -> None:
    with pytest.raises(ValueError, match=r"2026-11-01T01:30-04:00 .* 2026-11-01T01:30-05:00"):
        parse_time("2026-11-01T01:30")
    # Either one, given with its offset, is what it says.
    assert parse_time("2026-11-01T01:30-05:00") == datetime(2026, 11, 1, 6, 30, tzinfo=UTC)
    assert parse_time("2026-11-01T01:30-04:00") == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)


def test_parse_time_of_an_ordinary_local_time_carries_its_offset(new_york) -> None:
    assert parse_time("2026-12-01T09:00") == datetime(2026, 12, 1, 9, 0, tzinfo=EST)


def test_validate_refuses_a_wall_time_in_the_gap_at_the_time_field(new_york) -> None:
    gap = spring_gap()
    draft = dataclasses.replace(NOTIFYING, time=gap)
    with pytest.raises(InvalidTicket) as caught:
        validate(draft, now=datetime.now(UTC))
    [error] = caught.value.field_errors
    assert error.field == "time"
    assert "does not exist here" in error.message
    assert error.message.context == "local_time"  # a Message the window translates


def test_validate_refuses_an_ambiguous_wall_time_and_takes_either_offset(new_york) -> None:
    twice = autumn_repeat()
    with pytest.raises(InvalidTicket) as caught:
        validate(dataclasses.replace(NOTIFYING, time=twice), now=datetime.now(UTC))
    [error] = caught.value.field_errors
    assert (error.field, "happens twice here" in error.message) == ("time", True)
    later = twice.replace(tzinfo=EST)
    checked = validate(dataclasses.replace(NOTIFYING, time=later), now=datetime.now(UTC))
    assert checked.notification is not None and checked.notification.time == later
