"""`take_into_place`: widgets added to a window already shown are where Tab finds them, and a
container of theirs with a focus proxy does not catch Tab at the end of the round."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from gui.ui.focus_chain import take_into_place


def _named(widget: QWidget, name: str) -> QWidget:
    widget.setObjectName(name)
    return widget


def _walk(qtbot: QtBot, key: Qt.Key, steps: int) -> list[str]:
    seen = [QApplication.focusWidget().objectName()]
    modifier = (
        Qt.KeyboardModifier.ShiftModifier
        if key == Qt.Key.Key_Backtab
        else Qt.KeyboardModifier.NoModifier
    )
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)
        seen.append(QApplication.focusWidget().objectName())
    return seen


def test_rows_added_to_a_shown_window_take_their_place_in_the_tab_order(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    column = QVBoxLayout(window)
    first = _named(QLineEdit(), "first")
    section = _named(QWidget(), "section")  # empty when the window is shown
    rows = QVBoxLayout(section)
    after = _named(QCheckBox("after"), "after")
    last = _named(QPushButton("last"), "last")
    for widget in (first, section, after, last):
        column.addWidget(widget)
    with qtbot.waitExposed(window):
        window.show()

    # Later: a time field (a container whose focus proxy is its check box) and two editors.
    time = _named(QWidget(), "time")
    later = _named(QCheckBox("later"), "later")
    moment = _named(QLineEdit(), "moment")
    line = QHBoxLayout(time)
    line.addWidget(later)
    line.addWidget(moment)
    time.setFocusProxy(later)
    contacts = _named(QLineEdit(), "contacts")
    for widget in (time, _named(QComboBox(), "kind"), contacts):
        rows.addWidget(widget)
    take_into_place(section)
    qtbot.waitUntil(contacts.isVisible)  # Qt shows them on the next turn

    first.setFocus()
    forward = _walk(qtbot, Qt.Key.Key_Tab, 7)
    assert forward == ["first", "later", "moment", "kind", "contacts", "after", "last", "first"]
    assert _walk(qtbot, Qt.Key.Key_Backtab, 7) == list(reversed(forward))
    assert time.focusProxy() is later  # what the moves changed for their time is given back
    assert section.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert time.focusPolicy() == Qt.FocusPolicy.NoFocus
