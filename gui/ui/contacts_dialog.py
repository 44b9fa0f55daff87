"""`ContactsDialog` (`contactsDialog`): File ▸ Contacts…, the contact book.

The people in a table (name, email, phone, groups); the one chosen is edited in the fields
under it (`contactName`, `contactEmail`, `contactPhone`, `contactGroups` as comma-separated
group names) and saved with Save (`saveContactButton`). Add (`addContactButton`) empties the
fields for a new person; Delete (`deleteContactButton`) removes the one chosen. Every change is
written off the GUI thread (`ContactsKeeper`), which checks the email and phone as the form
does; what it refuses is said under the fields (`contactError`).

Under them, the addresses and numbers used in sends that are no contact's (`UsedContacts`) in
`contactsSuggestions`; Add to contacts… (`contactsAddSuggestionButton`, or a double-click or
Return on one) starts a new contact with it. The list is read again when the dialog is shown,
when the book changes and after a send with a notification; it is hidden while it is empty.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.core.address_book import AddressBook, Person, split_groups
from gui.core.fields import ContactType
from gui.ui.i18n import translated

if TYPE_CHECKING:
    from gui.core.messages import Message
    from gui.ui.contacts_book import ContactsKeeper, UsedContacts

_ID_ROLE = Qt.ItemDataRole.UserRole


class _SuggestionList(QListWidget):
    """A list whose Return chooses the item (`itemActivated`) and goes no further: the
    dialog's default button (Save) would take it."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            self.itemActivated.emit(item)
            event.accept()
            return
        super().keyPressEvent(event)


class ContactsDialog(QDialog):
    """The contact book of `keeper`, edited in place; `region` is the SMS region the phone
    numbers are checked for (the form's); `used`, the contacts used in sends that it offers
    for adding (none without)."""

    def __init__(
        self,
        *,
        keeper: ContactsKeeper,
        region: Callable[[], str],
        used: UsedContacts | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contactsDialog")
        self._keeper = keeper
        self._region = region
        self._used = used
        self._suggested: list[tuple[ContactType, str]] = []  # what `suggestions` lists
        self._book = AddressBook()
        self._editing: int | None = None  # the id of the person in the fields; None: new

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("contactsTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.name = self._line("contactName")
        self.email = self._line("contactEmail")
        self.phone = self._line("contactPhone")
        self.groups = self._line("contactGroups")
        self.error = QLabel()
        self.error.setObjectName("contactError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()
        self.add_button = _button("addContactButton")
        self.delete_button = _button("deleteContactButton")
        self.save_button = _button("saveContactButton")
        self.import_button = _button("importContactsButton")
        self.note = QLabel()
        self.note.setObjectName("contactsNote")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button.setDefault(True)
        self.suggestions = _SuggestionList()
        self.suggestions.setObjectName("contactsSuggestions")
        rows = self.suggestions.fontMetrics().lineSpacing() + 4  # a row's height, about
        self.suggestions.setMinimumHeight(rows * 3)
        self.suggestions.setMaximumHeight(rows * 5)
        self.suggestions_label = QLabel()
        self.suggestions_label.setBuddy(self.suggestions)
        self.add_suggestion_button = _button("contactsAddSuggestionButton")
        self.add_suggestion_button.setAutoDefault(False)
        self.add_suggestion_button.setEnabled(False)

        fields = self._fields = QFormLayout()
        self._labels = [QLabel() for _ in range(4)]
        for label, editor in zip(
            self._labels, (self.name, self.email, self.phone, self.groups), strict=True
        ):
            label.setBuddy(editor)
            fields.addRow(label, editor)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(fields)
        layout.addWidget(self.error)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        suggested = QHBoxLayout()
        suggested.addWidget(self.suggestions, 1)
        suggested.addWidget(self.add_suggestion_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.suggestions_label)
        layout.addLayout(suggested)
        layout.addWidget(close)
        self._show_suggestions([])

        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.add_button.clicked.connect(self.add)
        self.delete_button.clicked.connect(self.delete)
        self.save_button.clicked.connect(self.save)
        self.import_button.clicked.connect(lambda: self.import_contacts())  # not its checked flag
        keeper.changed.connect(self.show_book)
        keeper.failed.connect(self._show_error)
        self.suggestions.currentItemChanged.connect(
            lambda item, _before: self.add_suggestion_button.setEnabled(item is not None)
        )
        self.suggestions.itemActivated.connect(lambda _item: self.add_suggestion())
        self.add_suggestion_button.clicked.connect(lambda: self.add_suggestion())
        if used is not None:
            used.changed.connect(self._show_suggestions)
            used.outdated.connect(self._refresh_suggestions)
            keeper.changed.connect(self._refresh_suggestions)
        self._retranslate()
        self.show_book(keeper.book)
        self.resize(640, 560)

    # --- What the user does ------------------------------------------------------------------

    def add(self) -> None:
        """Empty the fields for a new person."""
        self.table.clearSelection()
        self._fill(None)
        self.name.setFocus()

    def save(self) -> None:
        """Store the fields (the person chosen, or a new one) off the GUI thread."""
        person = Person(
            self.name.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            groups=split_groups(self.groups.text()),
            id=self._editing,
        )
        self.error.hide()
        self.save_button.setEnabled(False)
        self._keeper.save(
            person, region=self._region(), on_saved=self._on_saved, on_refused=self._on_refused
        )

    def delete(self) -> None:
        """Remove the person chosen."""
        person = self._chosen()
        if person is not None:
            self._keeper.delete(person)
            self._fill(None)

    def import_contacts(self, path: Path | None = None) -> None:
        """Add and update the people of a CSV file (name, email, phone, groups) or a vCard
        file: `path`, or the one the user picks."""
        if path is None:
            filters = ";;".join(
                (
                    self.tr("Contacts (*.csv *.vcf *.vcard)"),
                    self.tr("CSV files (*.csv)"),
                    self.tr("vCard files (*.vcf *.vcard)"),
                    self.tr("All files (*)"),
                )
            )
            chosen, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Import contacts"), "", filters
            )
            if not chosen:
                return
            path = Path(chosen)
        self.note.clear()
        self.error.hide()
        self._keeper.import_file(
            path, region=self._region(), on_done=self._say, on_refused=self._on_refused
        )

    def add_suggestion(self) -> None:
        """Start a new contact with the suggestion chosen (its email or phone filled in), its
        name to be typed; Save stores it and the suggestion leaves the list."""
        row = self.suggestions.currentRow()
        if not 0 <= row < len(self._suggested):
            return
        kind, address = self._suggested[row]
        self.add()
        (self.email if kind is ContactType.EMAIL else self.phone).setText(address)

    def suggested(self) -> list[str]:
        """The contacts offered for adding, in order (for tests and automation)."""
        suggestions = self.suggestions
        return [suggestions.item(row).text() for row in range(suggestions.count())]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refresh_suggestions()

    def _refresh_suggestions(self, *_: object) -> None:
        if self._used is not None and self.isVisible():
            self._used.refresh()

    def _show_suggestions(self, found: list[tuple[ContactType, str]]) -> None:
        row = self.suggestions.currentRow()
        before = self._suggested[row] if 0 <= row < len(self._suggested) else None
        self._suggested = list(found)
        self.suggestions.clear()
        self.suggestions.addItems([address for _kind, address in found])
        if before in found:
            self.suggestions.setCurrentRow(found.index(before))
        self.add_suggestion_button.setEnabled(self.suggestions.currentItem() is not None)
        for widget in (self.suggestions_label, self.suggestions, self.add_suggestion_button):
            widget.setVisible(bool(found))

    # --- The book ----------------------------------------------------------------------------

    def show_book(self, book: AddressBook) -> None:
        """List `book`'s people, keeping the one being edited chosen."""
        self._book = book
        table = self.table
        table.blockSignals(True)
        table.setRowCount(len(book.people))
        for row, person in enumerate(book.people):
            values = (person.name, person.email, person.phone, ", ".join(person.groups))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(_ID_ROLE, person.id)
                table.setItem(row, column, item)
            if person.id is not None and person.id == self._editing:
                table.selectRow(row)
        table.blockSignals(False)
        self.delete_button.setEnabled(self._chosen() is not None)

    def people_names(self) -> list[str]:
        """The names listed, in order (for tests and automation)."""
        return [person.name for person in self._book.people]

    def _chosen(self) -> Person | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        chosen = item.data(_ID_ROLE) if item is not None else None
        return next((p for p in self._book.people if p.id == chosen), None)

    def _fill(self, person: Person | None) -> None:
        self._editing = person.id if person is not None else None
        self.name.setText(person.name if person else "")
        self.email.setText(person.email if person else "")
        self.phone.setText(person.phone if person else "")
        self.groups.setText(", ".join(person.groups) if person else "")
        self.error.hide()
        self.delete_button.setEnabled(person is not None)

    def _on_selection_changed(self) -> None:
        person = self._chosen()
        if person is not None:
            self._fill(person)

    def _on_saved(self, person: Person) -> None:
        self.save_button.setEnabled(True)
        self._editing = person.id
        self.show_book(self._book)  # chooses it

    def _say(self, text: str) -> None:
        self.note.setText(translated(text))

    def _on_refused(self, why: Message) -> None:
        self.save_button.setEnabled(True)
        self._show_error(why)

    def _show_error(self, why: Message) -> None:
        self.error.setText(translated(why))
        self.error.show()

    # --- Texts -------------------------------------------------------------------------------

    def _line(self, name: str) -> QLineEdit:
        editor = QLineEdit()
        editor.setObjectName(name)
        return editor

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Contacts"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Email"), self.tr("Phone"), self.tr("Groups")]
        )
        texts = (self.tr("&Name:"), self.tr("&Email:"), self.tr("&Phone:"), self.tr("&Groups:"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.groups.setPlaceholderText(self.tr("Tenants 3C, Plumbers"))
        self.add_button.setText(self.tr("&Add"))
        self.delete_button.setText(self.tr("&Delete"))
        self.save_button.setText(self.tr("&Save"))
        self.suggestions_label.setText(self.tr("Used in sends, not in &your contacts:"))
        self.add_suggestion_button.setText(self.tr("Add t&o contacts…"))
        self.add_suggestion_button.setToolTip(
            self.tr("A new contact with this address or number; type the name and save it")
        )
        self.import_button.setText(self.tr("&Import CSV or vCard…"))
        self.import_button.setToolTip(
            self.tr(
                "A CSV file with the columns name, email, phone, groups, or a vCard file"
                " (.vcf) as phones and mail programs export them"
            )
        )


def _button(name: str) -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    return button
