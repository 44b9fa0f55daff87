"""The Templates button by the message (`templateButton`) and what inserting a template does.

`TemplateButton` (message_buttons.py) is the button and its menu: the templates by name, then
Manage… (`manageTemplatesAction`). `TemplatesMenu` fills the menu once the window has been painted
(from `TemplateKeeper`, off the GUI thread), inserts the template chosen into the form, and opens
the Manage dialog (`gui.ui.templates_dialog`).
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QTime
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QWidget

from gui.core.app_folders import OUTBOX_FILE_NAME
from gui.core.fields import Operation
from gui.ui import shortcuts
from gui.ui.template_keeper import TemplateKeeper

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

    from gui.core.templates import Template
    from gui.ui.dispatcher import OutboxDispatcher
    from gui.ui.main_window import MainWindow
    from gui.ui.templates_dialog import TemplatesDialog
    from gui.ui.ticket_form import TicketForm

log = logging.getLogger(__name__)

#: Opens the Templates menu from anywhere in the window (also while the message is hidden).
SHORTCUT = shortcuts.TEMPLATES


class TemplatesMenu(QObject):
    """Templates for `form`: the button's menu (filled by `load`, once the window is painted),
    inserting the one chosen, and the Manage dialog. Templates are kept in the outbox file of
    `folder` (the real data folder, for the sandbox's window too), through `outbox` when that is
    the dispatcher of that file (`TemplateKeeper`)."""

    @classmethod
    def of(cls, window: MainWindow) -> TemplatesMenu:
        """The window's: in the real data folder's outbox (the sandbox's window too), through
        the window's own outbox when that is the real one; the menu filled once it is painted."""
        menu = cls(
            form=window.form,
            folder=window.settings.data_folder(),
            outbox=window.outbox if window.sandbox is None else None,
            parent=window,
        )
        window.first_painted.connect(menu.load)
        return menu

    def __init__(
        self,
        *,
        form: TicketForm,
        folder: Path,
        outbox: OutboxDispatcher | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._form = form
        self.button = form.template_button
        self.keeper = TemplateKeeper(path=folder / OUTBOX_FILE_NAME, outbox=outbox, parent=self)
        self.dialog: TemplatesDialog | None = None
        self.keeper.changed.connect(self.button.show_templates)
        self.button.chosen.connect(self.insert)
        self.button.manage_requested.connect(self.manage)
        self.button.installEventFilter(self)
        self.shortcut = QShortcut(QKeySequence(SHORTCUT), form, self.popup)

    def popup(self) -> None:
        """Open the menu under the button (under Notify people while the message is hidden);
        never while sending."""
        form = self._form
        if not form.isEnabled():
            return
        anchor: QWidget = self.button if self.button.isVisible() else form.notify
        self.button.templates_menu.popup(anchor.mapToGlobal(anchor.rect().bottomLeft()))

    def load(self) -> None:
        """Read the templates for the menu (off the GUI thread)."""
        self.keeper.load()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.button and event.type() == QEvent.Type.LanguageChange:
            self.keeper.load()  # the starters the user never changed speak the new language
        return False

    def insert(self, template: Template) -> None:
        """Fill the subject and the message from `template` (each one step of its editor's
        undo), and its type and status when it has them; Notify people goes on."""
        from gui.core.templates import TemplateError, fill

        form = self._form
        if not form.isEnabled():
            return  # sending: the form holds what is on its way
        if not form.notify.isChecked():
            form.notify.setChecked(True)
        if template.contact_type is not None:
            form.type.setCurrentIndex(max(form.type.findData(template.contact_type.value), 0))
        if template.status:
            form.status.set_code(template.status)
        values = self.values()
        try:
            subject, message = fill(template.subject, values), fill(template.message, values)
        except TemplateError:  # never stored so (saving and importing check), but say it
            log.warning("template %r has a wrong placeholder; not inserted", template.name)
            return
        _replace_line(form.notify_subject, subject)
        _replace_text(form.notify_message, message)
        form.notify_message.setFocus()
        form.edited.emit()

    def values(self) -> dict[str, str]:
        """The placeholders' values from the form now; the date and time are the notification's
        send time if the form has one, else now, in the user's locale (short formats)."""
        form = self._form
        moment = form.time.wall() if form.time.later.isChecked() else datetime.now()
        locale = QLocale()
        short = QLocale.FormatType.ShortFormat
        return {
            "ticket": form.ticket_id.text() if form.operation() is Operation.UPDATE else "",
            "title": form.title.text(),
            "status": form.status.code(),
            "date": locale.toString(QDate(moment.year, moment.month, moment.day), short),
            "time": locale.toString(QTime(moment.hour, moment.minute), short),
        }

    def manage(self) -> TemplatesDialog:
        """Show Templates ▸ Manage… (`templatesDialog`), or raise it if it is open."""
        from gui.ui.templates_dialog import TemplatesDialog

        if self.dialog is None:  # kept once made: a save it started still reports to it
            self.dialog = TemplatesDialog(keeper=self.keeper, parent=self._form.window())
        self.dialog.open()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def shutdown(self) -> None:
        """The window is closing: the dialog's edits are saved if they can be (before the
        keeper's thread ends), and the dialog goes without asking anything."""
        if self.dialog is not None:
            self.dialog.save()
            self.dialog.hide()
        self.keeper.shutdown()


def _replace_line(editor: QLineEdit, text: str) -> None:
    """Replace what `editor` holds with `text`, as one step Ctrl+Z takes back."""
    kept = text[: editor.maxLength()]
    editor.selectAll()
    editor.insert(kept)
    if len(kept) < len(text) and hasattr(editor, "overflowed"):
        editor.overflowed.emit(len(text) - len(kept))  # said under the field, as for a paste
    editor.setCursorPosition(0)


def _replace_text(editor: QPlainTextEdit, text: str) -> None:
    cursor = editor.textCursor()
    cursor.beginEditBlock()
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.insertText(text)
    cursor.endEditBlock()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    editor.setTextCursor(cursor)
