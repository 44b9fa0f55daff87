"""A time on this computer's clock as a moment: refusing the times that do not exist on the
local clock (the spring-forward gap) and asking about those that happen twice (the autumn
repeat), for the window's time field and the command line's ``--time`` and CSV ``time`` alike.

`place` is the one function that turns a local wall time (a naive datetime) into an aware one.
By default it uses the system's zone as Python's own local time does (the C library's, which
follows ``TZ``); a `zoneinfo.ZoneInfo` may be given instead. Both are read the PEP 495 way: a
wall time is tried with ``fold=0`` and ``fold=1`` and each result is taken round through UTC
back to the local clock. A time that comes back as itself with both folds at two different
offsets is ambiguous; one that comes back with neither is in a gap.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import NamedTuple

from gui.core.messages import QT_TRANSLATE_NOOP, Message

_GAP = QT_TRANSLATE_NOOP(
    "local_time",
    "{time} does not exist here: the clocks jump from {start} to {end} that day. Use {suggestion}.",
)
_TWICE = QT_TRANSLATE_NOOP(
    "local_time",
    "{time} happens twice here: the clocks go back from {start} to {end} that day. Give "
    "{earlier} (before they go back) or {later} (after).",
)


class Transition(NamedTuple):
    """Where the local clock changes: at `moment` (aware, UTC) it goes from `before` to `after`
    (naive wall times: 02:00 → 03:00 in spring, 02:00 → 01:00 in autumn)."""

    moment: datetime
    before: datetime
    after: datetime


class NonexistentTime(ValueError):
    """`wall` is skipped by the local clock; `suggestion` is the first time after the gap (the
    moment the clocks jump to), as an aware datetime. `message` says so, for the user."""

    def __init__(self, wall: datetime, transition: Transition, suggestion: datetime) -> None:
        self.wall = wall
        self.transition = transition
        self.suggestion = suggestion
        self.message: Message = _GAP.format(
            time=_iso(wall),
            start=_clock(transition.before, transition.after),
            end=_clock(transition.after, transition.before),
            suggestion=_iso(suggestion.replace(tzinfo=None)),
        )
        super().__init__(self.message)


class AmbiguousTime(ValueError):
    """`wall` happens twice on the local clock: `earlier` (before the clocks go back) and
    `later` (after), both aware. `message` spells out both offsets, for the user."""

    def __init__(
        self, wall: datetime, transition: Transition, earlier: datetime, later: datetime
    ) -> None:
        self.wall = wall
        self.transition = transition
        self.earlier = earlier
        self.later = later
        self.message: Message = _TWICE.format(
            time=_iso(wall),
            start=_clock(transition.before, transition.after),
            end=_clock(transition.after, transition.before),
            earlier=_iso(earlier),
            later=_iso(later),
        )
        super().__init__(self.message)


def place(wall: datetime, zone: tzinfo | None = None) -> datetime:
    """`wall`, a time on the local clock (naive), as the moment it names (aware, with its UTC
    offset). `NonexistentTime` when the clocks skip it, `AmbiguousTime` when it happens twice.

    `zone` is the system's local time when None, else a tzinfo such as `zoneinfo.ZoneInfo`.
    """
    if wall.tzinfo is not None:
        raise ValueError("place takes a wall time without a UTC offset")
    wall = wall.replace(fold=0)
    first, second = _aware(wall, 0, zone), _aware(wall.replace(fold=1), 1, zone)
    exists_first = _wall(first, zone) == wall
    exists_second = _wall(second, zone) == wall
    if exists_first and exists_second and first.utcoffset() != second.utcoffset():
        earlier, later = sorted((first, second), key=lambda moment: moment.astimezone(UTC))
        transition = _transition(earlier, later, zone)
        raise AmbiguousTime(wall, transition, earlier, later)
    if exists_first:
        return first
    if exists_second:
        return second
    # In a gap, fold=0 reads the wall time with the offset from before the jump and fold=1 with
    # the one after: the jump happened between the two moments.
    low, high = sorted((first, second), key=lambda moment: moment.astimezone(UTC))
    transition = _transition(low, high, zone)
    suggestion = _aware(transition.after, 0, zone)
    raise NonexistentTime(wall, transition, suggestion)


def local_wall(moment: datetime, zone: tzinfo | None = None) -> datetime:
    """The local clock's reading (naive) at the aware `moment`."""
    return _wall(moment, zone)


def _aware(wall: datetime, fold: int, zone: tzinfo | None) -> datetime:
    if zone is None:  # Python's local time: the C library's zone, fold as PEP 495 says
        return wall.replace(fold=fold).astimezone()
    local = wall.replace(tzinfo=zone, fold=fold)
    offset = local.utcoffset()
    if offset is None:
        raise ValueError(f"{zone!r} gives no UTC offset")
    return local.replace(tzinfo=timezone(offset), fold=0)


def _wall(moment: datetime, zone: tzinfo | None) -> datetime:
    local = moment.astimezone() if zone is None else moment.astimezone(zone)
    return local.replace(tzinfo=None, fold=0)


def _offset_at(moment: datetime, zone: tzinfo | None) -> timedelta | None:
    local = moment.astimezone() if zone is None else moment.astimezone(zone)
    return local.utcoffset()


def _transition(low: datetime, high: datetime, zone: tzinfo | None) -> Transition:
    """The change of offset between the moments `low` and `high` (to the second)."""
    start = low.astimezone(UTC)
    end = high.astimezone(UTC)
    offset_before = _offset_at(start, zone)
    while end - start > timedelta(seconds=1):
        middle = start + (end - start) / 2
        middle = middle.replace(microsecond=0)
        if middle <= start:
            break
        if _offset_at(middle, zone) == offset_before:
            start = middle
        else:
            end = middle
    moment = end
    before_offset = offset_before or timedelta(0)
    after_offset = _offset_at(moment, zone) or timedelta(0)
    naive = moment.replace(tzinfo=None)
    return Transition(moment, naive + before_offset, naive + after_offset)


def _iso(moment: datetime) -> str:
    """ISO 8601 to the minute (to the second when it has seconds), with the offset if aware."""
    timespec = "seconds" if moment.second else "minutes"
    return moment.isoformat(timespec=timespec)


def _clock(wall: datetime, other: datetime) -> str:
    """The time of day of `wall`, with its date when `other` is on another day (Samoa skipped
    30 December 2011 whole)."""
    if wall.date() != other.date():
        return _iso(wall)
    return wall.strftime("%H:%M:%S" if wall.second else "%H:%M")
