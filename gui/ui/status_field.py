"""`StatusField`: the ticket's status, as a list of flows with readable names, or typed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from gui.core.statuses import closest, display_name, offered
from gui.ui.i18n import translated
from gui.ui.palette import mark

if TYPE_CHECKING:
    from PySide6.QtWidgets import QCompleter


class StatusField(QComboBox):
    """An editable list of the statuses ("flows") a ticket can go to: NEW and ON_HOLD, those
    this server accepted or echoed, and those the user added, each shown by its readable name
    and its code ("On hold · ON_HOLD"). What is sent is always the code: a listed status's, or
    what the user typed, case kept.

    `note` (`statusNote`) sits under the field: for a typed status that is not in the list it
    says Particle Space may refuse it and, when one listed status differs from it only by case
    or spaces, offers that one (`statusSuggestionButton`).

    Signals:
        code_changed(): the status the form would send changed.
    """

    code_changed = Signal()

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent, editable=True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Qt's own completion writes the rest of a listed name into what is typed ("on hold"
        # becomes "on hold · ON_HOLD"): `add_completer` replaces it with a list of the names, on
        # the window's second turn after the first paint. (Turning it off here would cost the
        # first frame the QCompleter class all the same.)
        self._completer: QCompleter | None = None
        self.note = QWidget()
        self.note.setObjectName("statusNote")
        self._note_text = QLabel()
        mark(self._note_text, "hint")
        self._note_text.setWordWrap(True)
        self._suggestion = QPushButton()
        self._suggestion.setObjectName("statusSuggestionButton")
        self._suggestion.setFlat(True)
        self._suggestion.clicked.connect(self._on_suggestion_clicked)
        row = QHBoxLayout(self.note)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._note_text, 1)
        row.addWidget(self._suggestion)
        self.note.hide()
        self._suggested = ""
        self.set_offered([], [])
        self.setCurrentText("")
        self.editTextChanged.connect(self._on_text_changed)

    # --- The list and the value --------------------------------------------------------------

    def set_offered(self, seen: Iterable[str], added: Iterable[str]) -> None:
        """Offer NEW and ON_HOLD, the statuses this server accepted or echoed (`seen`) and
        those the user added, keeping what the field holds."""
        code = self.code()
        self._hide_completions()  # they listed the old names, filtered for the old text
        self.blockSignals(True)
        self.clear()
        for status in offered(seen, added):
            self.addItem(translated(display_name(status)), status)
        self.blockSignals(False)
        self.set_code(code)

    def add_completer(self) -> None:
        """Offer the listed names that contain what is typed in a list under the field, keeping
        the text as typed. Added with the form's other completers after the window's first
        frame (`TicketForm.add_completers`): their Qt classes cost that frame 0.4 ms."""
        from PySide6.QtWidgets import QCompleter

        completer = QCompleter(self.model(), self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        self._completer = completer

    def _hide_completions(self) -> None:
        if self._completer is None or not self.isVisible():
            return  # nor is any list of completions; asking for it would build one (2 ms)
        popup = self._completer.popup()
        if popup is not None:
            popup.hide()

    def codes(self) -> list[str]:
        """The statuses offered, in order."""
        return [str(self.itemData(index)) for index in range(self.count())]

    def code(self) -> str:
        """What would be sent: the code of the listed status shown, or the text as typed."""
        text = self.currentText()
        index = self.findText(text)
        return str(self.itemData(index)) if index >= 0 and text else text

    def set_code(self, code: str) -> None:
        """Show `code`: by its listed name when it is listed, else as it is."""
        index = self.findData(code) if code else -1
        self.setCurrentText(self.itemText(index) if index >= 0 else code)

    # --- The note ----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.set_offered(self.codes(), [])  # the same list, named in the new language
            self._update_note()
        super().changeEvent(event)

    def _on_text_changed(self, _text: str) -> None:
        self._update_note()
        self.code_changed.emit()

    def _update_note(self) -> None:
        code = self.code()
        listed = self.codes()
        if not code or code in listed:
            self._suggested = ""
            self.note.hide()
            return
        self._suggested = closest(code, listed) or ""
        self._note_text.setText(
            self.tr("Not one of the listed statuses: Particle Space may refuse it.")
        )
        self._suggestion.setVisible(bool(self._suggested))
        if self._suggested:
            self._suggestion.setText(
                self.tr("Use {status}").format(status=translated(display_name(self._suggested)))
            )
        self.note.show()

    def _on_suggestion_clicked(self) -> None:
        if self._suggested:
            self.set_code(self._suggested)
