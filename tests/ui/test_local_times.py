"""The notification time on New York's clock: a time the clocks skip is offered the one they
jump to, a time they repeat is asked about, and what goes over the wire has the right offset."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from gui.sandbox import SandboxServer
from gui.ui.main_window import MainWindow
from tests.new_york import autumn_repeat, new_york, spring_gap
from tests.ui.conftest import VENDOR, WindowFactory, click, fill

__all__ = ["new_york"]  # the fixture, used by name


def pick_time(qtbot: QtBot, window: MainWindow, wall: datetime) -> None:
    """Check Send later and pick `wall` in the date and time editor (as its calendar and its
    arrows set it; typing into a QDateTimeEdit's sections is not the point here)."""
    field = window.form.time
    if not field.later.isChecked():
        click(qtbot, field.later)
    editor = field.editor
    clock = QTimeZone(QTimeZone.Initialization.UTC)  # the text only: no zone moves it
    target = QDateTime(QDate(wall.year, wall.month, wall.day), QTime(wall.hour, wall.minute), clock)
    editor.setFocus()
    editor.setDateTime(target)
    assert field.wall() == wall
    assert editor.text() == editor.locale().toString(target, editor.displayFormat())


def button(window: MainWindow, name: str) -> QPushButton:
    found = window.form.time.findChild(QPushButton, name)
    assert found is not None, name
    return found


def sent_time(sandbox: SandboxServer) -> str:
    return dict(sandbox.requests[-1].form)["time"]


def test_a_time_the_clocks_skip_is_offered_the_one_they_jump_to(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer, new_york
) -> None:
    window = make_window(sandbox.url)
    fill(qtbot, window, notify=True, **VENDOR)
    gap = spring_gap()
    pick_time(qtbot, window, gap)
    note = window.form.time.note
    assert note.isVisible()
    text = window.form.time.note_text.text()  # the times in the locale's format
    assert f" on {gap.day} March does not exist here: the clocks jump from " in text
    assert button(window, "timeSuggestionButton").isVisible()
    click(qtbot, window.submit_button)  # refused until it is fixed: nothing is sent
    assert "does not exist here" in window.form.visible_errors()["time"]
    assert sandbox.requests == []

    suggestion = button(window, "timeSuggestionButton")
    click(qtbot, suggestion)
    assert window.form.time.wall() == gap.replace(hour=3, minute=0)
    assert not note.isVisible()
    assert window.form.visible_errors() == {}
    with qtbot.waitSignal(window.sent, timeout=10_000):
        click(qtbot, window.submit_button)
    assert sent_time(sandbox) == f"{gap.date().isoformat()}T03:00:00-04:00"


def test_a_time_the_clocks_repeat_is_asked_and_sent_with_the_offset_chosen(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer, new_york
) -> None:
    window = make_window(sandbox.url)
    fill(qtbot, window, notify=True, **VENDOR)
    twice = autumn_repeat()
    pick_time(qtbot, window, twice)
    assert "happens twice here" in window.form.time.note_text.text()
    earlier, later = button(window, "timeEarlierButton"), button(window, "timeLaterButton")
    assert earlier.isVisible() and "UTC-04:00" in earlier.text()
    assert later.isVisible() and "UTC-05:00" in later.text()
    click(qtbot, window.submit_button)
    assert "happens twice here" in window.form.visible_errors()["time"]
    assert sandbox.requests == []

    click(qtbot, later)
    assert later.isChecked() and not earlier.isChecked()
    assert window.form.visible_errors() == {}
    with qtbot.waitSignal(window.sent, timeout=10_000):
        click(qtbot, window.submit_button)
    assert sent_time(sandbox) == f"{twice.date().isoformat()}T01:30:00-05:00"


def test_the_first_of_a_repeated_time_comes_back_from_the_draft(
    qtbot: QtBot, make_window: WindowFactory, new_york
) -> None:
    window = make_window("http://127.0.0.1:9/api/v1")
    fill(qtbot, window, notify=True, **VENDOR)
    pick_time(qtbot, window, autumn_repeat())
    click(qtbot, button(window, "timeEarlierButton"))
    draft = window.form.draft()
    assert draft.time is not None and draft.time.isoformat().endswith("01:30:00-04:00")
    window.form.set_draft(draft)  # a restored draft, an outbox item, a history entry
    assert window.form.draft() == draft
    assert button(window, "timeEarlierButton").isChecked()
