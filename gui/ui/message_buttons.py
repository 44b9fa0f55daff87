"""The buttons under the message's label: Templates (`templateButton`, with its menu) and
Preview… (`notifyPreviewButton`).

They are in the form's first frame; what they do is elsewhere and comes later: `TemplatesMenu`
(templates_menu.py) fills the menu and inserts a template, `NotificationPreviewer`
(notification_preview.py) opens the preview.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QToolButton, QVBoxLayout, QWidget

from gui.ui import shortcuts

if TYPE_CHECKING:
    from gui.core.templates import Template


class TemplateButton(QToolButton):
    """A button that pops up the templates by name and, last, Manage….

    Signals:
        chosen(Template): the user picked a template to insert.
        manage_requested(): the user picked Manage….
    """

    chosen = Signal(object)
    manage_requested = Signal()

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateButton")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.templates_menu = QMenu(self)
        self.templates_menu.setObjectName("templatesMenu")
        self.setMenu(self.templates_menu)
        self.manage_action = QAction(self)
        self.manage_action.setObjectName("manageTemplatesAction")
        self.manage_action.triggered.connect(self.manage_requested)
        self._templates: list[Template] = []
        self._retranslate()
        self.show_templates([])

    def show_templates(self, templates: list[Template]) -> None:
        """List `templates` by name, then Manage…."""
        self._templates = list(templates)
        menu = self.templates_menu
        menu.clear()  # deletes the menu's own actions; Manage… is the button's
        for template in self._templates:
            action = menu.addAction(template.name.replace("&", "&&"))
            action.setObjectName("templateAction")
            action.setData(template)
            action.triggered.connect(
                lambda _checked=False, chosen=template: self.chosen.emit(chosen)
            )
        if self._templates:
            menu.addSeparator()
        menu.addAction(self.manage_action)

    def under(self, label: QLabel, *more: QWidget) -> QWidget:
        """`label` with this button under it, then `more`, for a form's label column (the
        message's)."""
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        for widget in (self, *more):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return column

    def template_actions(self) -> list[QAction]:
        """The menu's templates, in order (for tests and automation)."""
        return [a for a in self.templates_menu.actions() if a.objectName() == "templateAction"]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        # No mnemonic: Alt and every letter of the word are taken in one language or another;
        # the window's shortcut (shortcuts.TEMPLATES) opens the menu instead.
        self.setText(self.tr("Templates"))
        keys = QKeySequence(shortcuts.TEMPLATES).toString(QKeySequence.SequenceFormat.NativeText)
        self.setToolTip(
            self.tr("Insert a saved notice: its subject and message ({keys})").format(keys=keys)
        )
        self.setAccessibleName(self.tr("Templates"))
        self.manage_action.setText(self.tr("&Manage…"))


class PreviewButton(QToolButton):
    """Preview… (`notifyPreviewButton`), under the message's label, below Templates."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notifyPreviewButton")
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        # No mnemonic, as Templates: the form's letters are taken in one language or another.
        self.setText(self.tr("Preview…"))
        keys = QKeySequence(shortcuts.PREVIEW).toString(QKeySequence.SequenceFormat.NativeText)
        self.setToolTip(
            self.tr("What the recipients get, names and groups expanded ({keys})").format(keys=keys)
        )
