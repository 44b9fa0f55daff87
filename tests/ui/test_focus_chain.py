"""`take_into_place`: a part added to a window already shown is where Tab finds it, and none of
its containers with a focus proxy catches Tab or Shift+Tab at the end of the round."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
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


def test_a_part_added_to_a_shown_window_takes_its_place_in_the_tab_order(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    column = QVBoxLayout(window)
    first = _named(QLineEdit(), "first")
    after = _named(QCheckBox("after"), "after")
    last = _named(QPushButton("last"), "last")
    for widget in (first, after, last):
        column.addWidget(widget)
    with qtbot.waitExposed(window):
        window.show()

    # Later, built apart: a time field (a container whose focus proxy is its check box), a
    # combo box and a multi-line editor (whose viewport's focus proxy is the editor), with a
    # label first and an error label last.
    part = _named(QWidget(), "part")
    rows = QVBoxLayout(part)
    label = _named(QLabel("When"), "label")
    time = _named(QWidget(), "time")
    later = _named(QCheckBox("later"), "later")
    moment = _named(QLineEdit(), "moment")
    line = QHBoxLayout(time)
    line.addWidget(later)
    line.addWidget(moment)
    time.setFocusProxy(later)
    error = _named(QLabel(), "error")
    message = _named(QPlainTextEdit(tabChangesFocus=True), "message")
    for widget in (label, time, _named(QComboBox(), "kind"), message):
        rows.addWidget(widget)
    rows.addWidget(error)
    column.insertWidget(1, part)
    take_into_place(part, after=first, first=label, last=error)
    qtbot.waitUntil(error.isVisible)  # Qt shows them on the next turn

    first.setFocus()
    forward = _walk(qtbot, Qt.Key.Key_Tab, 7)
    assert forward == ["first", "later", "moment", "kind", "message", "after", "last", "first"]
    assert _walk(qtbot, Qt.Key.Key_Backtab, 7) == list(reversed(forward))
    # What the move changed for its time is given back.
    assert part.focusProxy() is None and part.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert error.focusPolicy() == Qt.FocusPolicy.NoFocus and time.focusProxy() is later
