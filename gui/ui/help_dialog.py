"""`HelpDialog`: the fields of the form, what each takes, and every keyboard shortcut (F1)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from gui.ui import shortcuts


class HelpDialog(QDialog):
    """Help for keyboard and screen-reader users: the shortcuts, then each field and its rule.

    `fields` gives (name, rule) pairs in form order, in the current language (the form's
    `field_help`); it is asked again when the language changes.
    """

    def __init__(
        self,
        *,
        fields: Callable[[], Sequence[tuple[str, str]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self._fields = fields
        self.text = QTextBrowser()
        self.text.setObjectName("helpText")
        self.text.setOpenLinks(False)
        self.text.setMinimumSize(520, 440)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Help: keyboard and fields"))
        self.text.setAccessibleName(self.tr("Help"))

        def keys(*sequences: QKeySequence | str) -> str:
            # As the user's keyboard names them (Qt translates "Shift", "Return", …).
            native = QKeySequence.SequenceFormat.NativeText
            return ", ".join(QKeySequence(sequence).toString(native) for sequence in sequences)

        rows = [
            (keys(*shortcuts.SEND[:1]), self.tr("Update the ticket (send the form)")),
            (keys(shortcuts.CANCEL), self.tr("Stop waiting for the server")),
            (
                keys("Tab", "Shift+Tab"),
                self.tr("Next or previous field, also out of the multi-line fields"),
            ),
            (keys("Ctrl+Tab"), self.tr("Type a tab in Description or Message")),
            (
                self.tr("Alt+underlined letter"),
                self.tr("Go to that field, or press that button"),
            ),
            (
                keys(shortcuts.NEW_TICKET),
                self.tr("Open a new ticket, or go back to updating one"),
            ),
            (keys(shortcuts.TEMPLATES), self.tr("Insert a saved notice into the message")),
            (keys(shortcuts.PREVIEW), self.tr("Preview what the notification's recipients get")),
            (keys(shortcuts.BATCH), self.tr("One change to many tickets at once")),
            (keys(shortcuts.OUTBOX), self.tr("Show the outbox: updates waiting to be sent")),
            (keys(shortcuts.HISTORY), self.tr("Show the history of updates")),
            (keys(*shortcuts.settings()), self.tr("Settings: sign-in, connection, language")),
            (keys(shortcuts.HELP), self.tr("This help")),
            (keys(*shortcuts.quit_app()), self.tr("Quit")),
        ]
        keyboard, fields = self.tr("Keyboard"), self.tr("Fields")
        parts = [f"<h2>{escape(keyboard)}</h2>", "<table cellpadding='3'>"]
        parts += [
            f"<tr><td><b>{escape(keys)}</b></td><td>{escape(what)}</td></tr>" for keys, what in rows
        ]
        parts += ["</table>", f"<h2>{escape(fields)}</h2>", "<dl>"]
        parts += [
            f"<dt><b>{escape(name)}</b></dt><dd>{escape(rule)}</dd>"
            for name, rule in self._fields()
        ]
        parts.append("</dl>")
        self.text.setHtml("".join(parts))


def show_help(parent: QWidget, fields: Callable[[], Sequence[tuple[str, str]]]) -> None:
    """Open the help over `parent` (F1), or bring back the one it has open."""
    dialog = parent.findChild(HelpDialog)
    if dialog is None:
        dialog = HelpDialog(fields=fields, parent=parent)
        dialog.finished.connect(dialog.deleteLater)
    dialog.open()


def show_about(parent: QWidget) -> None:
    """Help ▸ About: the app's name and version."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    import gui

    translate = QCoreApplication.translate
    QMessageBox.about(
        parent,
        translate("HelpDialog", "About Particle Tickets"),
        translate(
            "HelpDialog", "Particle Tickets {version}\nUpdate Particle Space maintenance tickets."
        ).format(version=gui.__version__),
    )
