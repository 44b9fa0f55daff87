"""Statuses as flows (gui/core/statuses.py): readable names, the list offered, the closest one."""

from __future__ import annotations

import pytest

from gui.core.fields import KNOWN_STATUSES
from gui.core.messages import Message
from gui.core.statuses import FLOW_NAMES, closest, display_name, offered


def test_the_documented_flows_have_translatable_names() -> None:
    assert tuple(FLOW_NAMES) == KNOWN_STATUSES == ("NEW", "ON_HOLD")
    assert FLOW_NAMES["NEW"] == "New" and FLOW_NAMES["ON_HOLD"] == "On hold"
    for name in FLOW_NAMES.values():
        assert isinstance(name, Message) and name.context == "statuses"


def test_a_documented_flow_shows_its_name_and_its_code() -> None:
    shown = display_name("ON_HOLD")
    assert shown == "On hold · ON_HOLD"
    assert isinstance(shown, Message)
    # the name is a Message of its own, so the window translates it; the code stays as it is
    assert shown.args == {"p0": FLOW_NAMES["ON_HOLD"], "p1": "ON_HOLD"}
    assert display_name("NEW") == "New · NEW"


@pytest.mark.parametrize("code", ["DONE", "in progress", "on_hold", ""])
def test_any_other_status_shows_its_code(code: str) -> None:
    assert display_name(code) == code
    assert not isinstance(display_name(code), Message)


def test_offered_holds_the_flows_then_the_servers_then_the_users_each_once() -> None:
    seen = ["DONE", "ON_HOLD", "In progress", "DONE"]
    added = ["done", "NEW", "Waiting for parts", "  ", ""]
    assert offered(seen, added) == [
        "NEW",
        "ON_HOLD",
        "DONE",
        "In progress",
        "done",  # compared exactly: case kept as typed
        "Waiting for parts",
    ]
    assert offered([], []) == ["NEW", "ON_HOLD"]
    assert offered(iter(["A"]), iter(["B"])) == ["NEW", "ON_HOLD", "A", "B"]


@pytest.mark.parametrize(
    "typed", ["on hold", " on_hold ", "On Hold", "ON HOLD", "on  hold", "\ton_hold\n", "On_hold"]
)
def test_a_status_differing_by_case_or_spaces_is_offered_its_flow(typed: str) -> None:
    assert closest(typed, offered([], [])) == "ON_HOLD"


def test_closest_finds_the_servers_statuses_too() -> None:
    statuses = offered(["IN_PROGRESS", "Done"], [])
    assert closest("in progress", statuses) == "IN_PROGRESS"
    assert closest("DONE ", statuses) == "Done"


@pytest.mark.parametrize("typed", ["ON_HOLD", "NEW", "DONE", "ONHOLD", "on-hold", "hold", "", " "])
def test_an_exact_or_a_far_status_has_no_closest(typed: str) -> None:
    assert closest(typed, ["NEW", "ON_HOLD"]) is None


def test_of_several_close_ones_the_first_offered_wins() -> None:
    assert closest("Done", ["DONE", "done"]) == "DONE"
    assert closest("done", ["DONE", "done"]) is None  # offered exactly
