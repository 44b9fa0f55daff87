"""Templates ▸ Manage… (`templatesDialog`): add, change, delete, export and import templates."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.fields import ContactType
from gui.core.templates import PLACEHOLDERS, Template, problems
from gui.ui.field_errors import error_label, field_cell
from gui.ui.i18n import translated
from gui.ui.status_field import StatusField

if TYPE_CHECKING:
    from gui.core.messages import Message
    from gui.ui.template_keeper import TemplateKeeper

#: The fields with an inline error under them (`template<Field>Error`), in the editor's order.
_CHECKED = ("name", "subject", "message", "status")


_W = TypeVar("_W", bound=QWidget)


def _named(widget: _W, name: str) -> _W:
    widget.setObjectName(name)  # for tests, styles and automation
    return widget


def _same(one: Template, other: Template) -> bool:
    """The same template, even once a starter was saved (it has a row then)."""
    return one.identity == other.identity or bool(one.starter and one.starter == other.starter)


class TemplatesDialog(QDialog):
    """The templates in a list, and an editor for the one selected. Save (also done when the
    user picks another template or closes) is refused while a field has a problem: a missing or
    taken name, an unknown placeholder or a broken brace, said under the field with its name.

    Export… writes every template to a file; Import… adds a file's templates and updates those
    of the same name. All reading and writing is the `keeper`'s, off the GUI thread.
    """

    def __init__(self, *, keeper: TemplateKeeper, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templatesDialog")
        self._keeper = keeper
        self._templates: list[Template] = []
        self._current: Template | None = None  # the template the editor shows
        self._problems: dict[str, list[str]] = {}
        self._note: str = ""
        self._showing = False  # filling the editor: no edits, no checks
        self._build()
        self._retranslate()
        keeper.changed.connect(self._on_changed)
        keeper.failed.connect(self._say)
        self._on_changed(keeper.templates)
        self.resize(760, 500)

    # --- Building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.list = _named(QListWidget(), "templateList")
        self.add_button = _named(QPushButton(), "addTemplateButton")
        self.delete_button = _named(QPushButton(), "deleteTemplateButton")
        self.name = _named(QLineEdit(), "templateName")
        self.subject = _named(QLineEdit(), "templateSubject")
        self.message = _named(QPlainTextEdit(), "templateMessage")
        self.message.setTabChangesFocus(True)
        self.type = _named(QComboBox(), "templateType")
        for value in ("", *ContactType):
            self.type.addItem("", value)
        self.status = StatusField()
        self.status.setObjectName("templateStatus")
        self.placeholders = _named(QLabel(wordWrap=True), "templatePlaceholders")
        self.placeholders.setProperty("role", "hint")
        self.placeholders.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button = _named(QPushButton(), "saveTemplateButton")
        self.export_button = _named(QPushButton(), "exportTemplatesButton")
        self.import_button = _named(QPushButton(), "importTemplatesButton")
        self.close_button = _named(QPushButton(), "closeTemplatesButton")
        self.note = _named(QLabel(wordWrap=True), "templatesNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}

        editors: dict[str, QWidget] = {
            "name": self.name,
            "subject": self.subject,
            "message": self.message,
            "type": self.type,
            "status": self.status,
        }
        form = QFormLayout()
        under = {"message": self.placeholders, "status": self.status.note}
        for field, editor in editors.items():
            parts = [editor, *((under[field],) if field in under else ())]
            if field in _CHECKED:
                error = self.errors[field] = error_label(f"template{field.title()}")
                parts.append(error)
            label = self.labels[field] = QLabel()
            label.setBuddy(editor)
            form.addRow(label, field_cell(*parts))
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        form.addRow(save_row)
        self.editor = _named(QWidget(), "templateEditor")
        self.editor.setLayout(form)

        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.delete_button)
        left.addLayout(row)
        top = QHBoxLayout()
        top.addLayout(left, 2)
        top.addWidget(self.editor, 5)
        bottom = QHBoxLayout()
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        outer = QVBoxLayout(self)
        outer.addLayout(top, 1)
        outer.addWidget(self.note)
        outer.addLayout(bottom)

        self.list.currentRowChanged.connect(self._on_row_changed)
        for line in (self.name, self.subject):
            line.textChanged.connect(self._on_edited)
        self.message.textChanged.connect(self._on_edited)
        self.type.currentIndexChanged.connect(self._on_edited)
        self.status.code_changed.connect(self._on_edited)
        self.add_button.clicked.connect(self.add)
        self.delete_button.clicked.connect(self.delete)
        self.save_button.clicked.connect(self.save)
        self.export_button.clicked.connect(self.export)
        self.import_button.clicked.connect(self.import_)
        self.close_button.clicked.connect(self.close)
        self.save_button.setDefault(True)

    # --- The list ----------------------------------------------------------------------------

    def _on_changed(self, templates: list[Template]) -> None:
        """The keeper's list: shown, with the template being edited still selected (and its
        unsaved edits kept)."""
        current = self._current
        self._templates = list(templates)
        row = next((i for i, t in enumerate(self._templates) if current and _same(t, current)), -1)
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems([template.name for template in self._templates])
        self.list.blockSignals(False)
        if row < 0 and self._templates:
            row = min(self.list.property("lastRow") or 0, len(self._templates) - 1)
        if row >= 0:
            self.list.blockSignals(True)
            self.list.setCurrentRow(row)
            self.list.blockSignals(False)
            if not self.dirty:
                self._show(self._templates[row])
            else:
                self._current = self._templates[row]  # the stored one; the edits stay
        else:
            self._show(None)

    def _on_row_changed(self, row: int) -> None:
        if not (0 <= row < len(self._templates)):
            return
        chosen = self._templates[row]
        if self._current is not None and _same(chosen, self._current):
            return
        if not self._settle():
            self._select(self._current)  # stay: the edits have a problem to fix first
            return
        self._show(chosen)

    def _select(self, template: Template | None) -> None:
        row = next(
            (i for i, t in enumerate(self._templates) if template and _same(t, template)), -1
        )
        self.list.blockSignals(True)
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        self.list.setProperty("lastRow", max(row, 0))

    # --- The editor --------------------------------------------------------------------------

    def _show(self, template: Template | None) -> None:
        self._showing = True
        self._current = template
        self.editor.setEnabled(template is not None)
        self.delete_button.setEnabled(template is not None)
        shown = template or Template("")
        self.name.setText(shown.name)
        self.subject.setText(shown.subject)
        self.message.setPlainText(shown.message)
        kind = shown.contact_type.value if shown.contact_type else ""
        self.type.setCurrentIndex(max(self.type.findData(kind), 0))
        self.status.set_code(shown.status)
        self._showing = False
        self._select(template)
        self._check()

    def edited(self) -> Template:
        """The template as the editor has it now (the selected one's row and starter kept)."""
        base = self._current or Template("")
        kind = str(self.type.currentData() or "")
        return Template(
            self.name.text(),
            self.subject.text(),
            self.message.toPlainText(),
            contact_type=ContactType(kind) if kind else None,
            status=self.status.code().strip(),
            id=base.id,
            starter=base.starter,
        )

    @property
    def dirty(self) -> bool:
        """Whether the editor holds changes not saved yet."""
        if self._current is None:
            return False
        return self.edited().content() != self._current.content()

    def _on_edited(self, *_: object) -> None:
        if not self._showing:
            self._check()

    def _check(self) -> None:
        """Show each field's problems under it; Save only when there are none to save."""
        found: dict[str, list[Message]] = {}
        if self._current is not None:
            found = problems(self.edited(), self._templates)
        self._problems = {field: list(texts) for field, texts in found.items()}
        self._show_problems()
        self.save_button.setEnabled(self.dirty and not found)

    def _show_problems(self) -> None:
        for field, label in self.errors.items():
            texts = self._problems.get(field, [])
            label.setText("\n".join(translated(text) for text in texts))
            label.setVisible(bool(texts))

    # --- Actions -----------------------------------------------------------------------------

    def save(self) -> bool:
        """Save the edits (on the keeper's thread); False when a problem stops it."""
        if self._current is None or not self.dirty:
            return True
        self._check()
        if self._problems:
            first = next(field for field in _CHECKED if field in self._problems)
            {"name": self.name, "subject": self.subject, "message": self.message}.get(
                first, self.status
            ).setFocus()
            return False
        template = self.edited()
        self._current = template  # the list's refresh keeps it selected
        self._keeper.save(template, self._on_saved, self._say)
        return True

    def _settle(self) -> bool:
        """Save what the editor holds, if anything; False when its problems must be fixed."""
        if self.save():
            return True
        self._say(self.tr("Fix the problems shown first, or put the text back as it was."))
        return False

    def add(self) -> None:
        """A new template, named so that no other has its name, selected for editing."""
        if not self._settle():
            return
        base = self.tr("New template")
        taken = {template.name.casefold() for template in self._templates}
        name = next(
            candidate
            for number in range(1, len(taken) + 2)
            if (candidate := base if number == 1 else f"{base} {number}").casefold() not in taken
        )
        self._keeper.save(Template(name), self._on_added, self._say)

    def delete(self) -> None:
        current = self._current
        if current is None:
            return
        self.list.setProperty("lastRow", self.list.currentRow())
        self._current = None  # nothing of it is kept
        self._keeper.delete(current)

    def export(self) -> None:
        if not self._settle():
            return
        start = Path(_documents(), self.tr("templates") + ".json")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export templates"), str(start), self._filter()
        )
        if path:
            target = Path(path)
            if not target.suffix:
                target = target.with_suffix(".json")
            self._keeper.export(target, self._say, self._say)

    def import_(self) -> None:
        if not self._settle():
            return
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import templates"), _documents(), self._filter()
        )
        if path:
            self._keeper.import_file(Path(path), self._say, self._say)

    def done(self, result: int) -> None:
        """Closing saves the edits; with a problem in them, the user decides."""
        if self.dirty and not self.save():
            answer = QMessageBox.question(
                self,
                self.tr("Templates"),
                self.tr("This template has problems and is not saved. Close and lose the changes?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().done(result)

    def _on_saved(self, template: Template) -> None:
        if self._current is not None and _same(template, self._current):
            self._current = template
        self._say(self.tr("Saved."))

    def _on_added(self, template: Template) -> None:
        self._show(template)
        self.name.setFocus()
        self.name.selectAll()
        self._say("")

    def _say(self, text: str) -> None:
        """Say `text` (a Message is said again in a new language) under the editor."""
        self._note = text
        self.note.setText(translated(text))

    def _filter(self) -> str:
        return self.tr("Templates (*.json);;All files (*)")

    # --- Texts -------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Templates"))
        texts = {
            "name": self.tr("&Name"),
            "subject": self.tr("Su&bject"),
            "message": self.tr("&Message"),
            "type": self.tr("T&ype"),
            "status": self.tr("S&tatus"),
        }
        for field, text in texts.items():
            self.labels[field].setText(text)
        self.type.setItemText(0, self.tr("Keep the form's"))
        self.type.setItemText(1, self.tr("Email"))
        self.type.setItemText(2, self.tr("SMS text message"))
        if (line := self.status.lineEdit()) is not None:
            line.setPlaceholderText(self.tr("Keep the form's"))
        self.placeholders.setText(
            self.tr("Placeholders: {names}. Write a brace itself twice: {braces}.").format(
                names=", ".join("{" + name + "}" for name in PLACEHOLDERS), braces="{{ }}"
            )
        )
        self.list.setAccessibleName(self.tr("Templates"))
        self.add_button.setText(self.tr("&Add"))
        self.delete_button.setText(self.tr("&Delete"))
        self.save_button.setText(self.tr("&Save"))
        self.export_button.setText(self.tr("E&xport…"))
        self.import_button.setText(self.tr("&Import…"))
        self.close_button.setText(self.tr("Close"))
        for field, label in self.errors.items():
            label.setAccessibleName(
                self.tr("Problem with {field}").format(
                    field=self.labels[field].text().replace("&", "")
                )
            )
        self._show_problems()
        self._say(self._note)


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
