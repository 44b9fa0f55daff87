"""`FieldErrors`: the inline error under each of a few fields, for the Settings dialog's form
and the sign-in section alike; `error_label` and `field_cell`, every form's error label and
field cell (the ticket form's, the templates dialog's too)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui.ui.palette import mark

if TYPE_CHECKING:
    from gui.core.errors import FieldError


def error_label(field: str) -> QLabel:
    """The hidden, word-wrapped label for `field`'s error (`<field>Error`, role fieldError)."""
    label = QLabel(wordWrap=True)
    label.setObjectName(f"{field}Error")
    mark(label, "fieldError")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


def field_cell(*widgets: QWidget) -> QWidget:
    """A form's field cell: `widgets` one under the other, 2 px apart (the editor, what stands
    under it, its error label)."""
    cell = QWidget()
    column = QVBoxLayout(cell)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    for widget in widgets:
        column.addWidget(widget)
    return cell


class FieldErrors:
    """Which of `fields` (in their order on screen) has which error, and its label.

    The messages are kept as given (Messages), so the owner's retranslation, `retranslate`,
    says them in the current language: it is called whenever what is shown changes, and reads
    `messages` to fill the labels' texts and the fields' accessible descriptions.
    """

    def __init__(self, fields: Sequence[str], retranslate: Callable[[], None]) -> None:
        self.fields = tuple(fields)
        self.labels = {field: error_label(field) for field in self.fields}
        self.messages: dict[str, str] = {}
        self._retranslate = retranslate

    def show(self, problems: Sequence[FieldError]) -> str | None:
        """Show each problem of these fields under its field; the first such field in screen
        order, or None when none of `problems` is theirs (other fields' are left alone)."""
        mine = [problem for problem in problems if problem.field in self.fields]
        if not mine:
            return None
        for problem in mine:
            self.messages[problem.field] = problem.message
            self.labels[problem.field].show()
        self._retranslate()
        return min((problem.field for problem in mine), key=self.fields.index)

    def clear(self, field: str) -> None:
        self.labels[field].hide()
        if self.messages.pop(field, None) is not None:
            self._retranslate()

    def clear_all(self) -> None:
        for label in self.labels.values():
            label.hide()
        if self.messages:
            self.messages.clear()
            self._retranslate()
