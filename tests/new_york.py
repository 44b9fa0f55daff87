"""New York's clock for tests of local times: a fixture that puts this process in
America/New_York (TZ and `time.tzset`, which Python's local time and Qt's both follow) and the
next wall times the clocks skip and repeat there, so the tests never fall into the past."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest

ZONE = "America/New_York"


@pytest.fixture
def new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", ZONE)
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _sunday(year: int, month: int, nth: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (nth - 1))


def spring_gap(after: datetime | None = None) -> datetime:
    """02:30 on the next second Sunday of March: New York's clocks jump from 02:00 to 03:00."""
    now = after or datetime.now()
    year = (
        now.year
        if datetime.combine(_sunday(now.year, 3, 2), datetime.min.time()) > now
        else now.year + 1
    )
    return datetime.combine(_sunday(year, 3, 2), datetime.min.time()).replace(hour=2, minute=30)


def autumn_repeat(after: datetime | None = None) -> datetime:
    """01:30 on the next first Sunday of November: New York's clocks go back from 02:00 to
    01:00, so 01:30 happens at -04:00 and again at -05:00."""
    now = after or datetime.now()
    year = (
        now.year
        if datetime.combine(_sunday(now.year, 11, 1), datetime.min.time()) > now
        else now.year + 1
    )
    return datetime.combine(_sunday(year, 11, 1), datetime.min.time()).replace(hour=1, minute=30)
