"""`MainMenuBar`: the window's menus (File, View, Sandbox, Help) and their actions.

The menu bar builds every action, sets every text in the current language (again on a language
change) and does what needs nothing of the window: the language and the sandbox's behaviour.
The window connects the other actions to what they do.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from gui.ui import shortcuts
from gui.ui.i18n import available_languages, choose_language

if TYPE_CHECKING:
    from gui.sandbox import Behaviour, SandboxServer
    from gui.ui.settings import AppSettings


class MainMenuBar(QMenuBar):
    """File (New ticket, Settings, Quit), View (Outbox, History, Language), Sandbox (only with
    a sandbox: how it answers) and Help (the keys and fields, About).

    Object names: newTicketAction, clearFormAction, batchAction, contactsAction,
    settingsAction, helpAction, language_<code|system>, sandbox_<behaviour>.
    """

    def __init__(
        self,
        *,
        settings: AppSettings,
        sandbox: SandboxServer | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self.file_menu = self.addMenu("")  # every text: _retranslate
        self.new_ticket_action = self._action(self.file_menu, "newTicketAction")
        self.new_ticket_action.setCheckable(True)
        self.new_ticket_action.setShortcut(QKeySequence(shortcuts.NEW_TICKET))
        self.clear_form_action = self._action(self.file_menu, "clearFormAction")
        self.batch_action = self._action(self.file_menu, "batchAction")
        self.batch_action.setShortcut(QKeySequence(shortcuts.BATCH))
        self.contacts_action = self._action(self.file_menu, "contactsAction")
        #: The actions that work only on the ticket page (`SignInFlow`'s form actions).
        self.form_actions = (self.clear_form_action, self.batch_action)
        self.file_menu.addSeparator()
        self.settings_action = self._action(self.file_menu, "settingsAction")
        self.settings_action.setShortcuts(shortcuts.settings())
        self.settings_action.setEnabled(sandbox is None)  # the sandbox signs itself in
        #: The sandbox's way to Particle Space (File ▸ Sign in…, `signInAction`).
        self.sign_in_action: QAction | None = None
        if sandbox is not None:
            self.sign_in_action = self._action(self.file_menu, "signInAction")
            self.file_menu.insertAction(self.settings_action, self.sign_in_action)
        self.quit_action = self._action(self.file_menu, "quitAction")
        self.quit_action.setShortcuts(shortcuts.quit_app())

        self.view_menu = self.addMenu("")
        self.outbox_action = self._action(self.view_menu, "outboxAction")
        self.outbox_action.setShortcut(QKeySequence(shortcuts.OUTBOX))
        self.history_action = self._action(self.view_menu, "historyAction")
        self.history_action.setShortcut(QKeySequence(shortcuts.HISTORY))
        self.view_menu.addSeparator()
        # The language, also here because Settings is off in the sandbox (where people try
        # the app first); the same choice as Settings ▸ Language, remembered the same way.
        self.language_menu = self.view_menu.addMenu("")
        self.language_actions: dict[str | None, QAction] = {}
        languages = QActionGroup(self)
        for code in (None, *available_languages()):
            action = self._action(self.language_menu, f"language_{code or 'system'}")
            action.setCheckable(True)
            action.triggered.connect(functools.partial(choose_language, settings, code))
            languages.addAction(action)
            self.language_actions[code] = action

        self.sandbox_menu: QMenu | None = None
        self.sandbox_actions: dict[Behaviour, QAction] = {}
        if sandbox is not None:
            self._add_sandbox_menu(sandbox)

        self.help_menu = self.addMenu("")
        self.help_action = self._action(self.help_menu, "helpAction")
        self.help_action.setShortcut(QKeySequence(shortcuts.HELP))
        self.about_action = self._action(self.help_menu, "aboutAction")
        self._retranslate()

    def _action(self, menu: QMenu, name: str) -> QAction:
        action = menu.addAction("")
        action.setObjectName(name)
        return action

    def _add_sandbox_menu(self, sandbox: SandboxServer) -> None:
        from gui.sandbox import Behaviour

        self.sandbox_menu = self.addMenu("")
        behaviours = QActionGroup(self)
        for behaviour in Behaviour:
            action = self._action(self.sandbox_menu, f"sandbox_{behaviour.value}")
            action.setCheckable(True)
            action.setChecked(behaviour is Behaviour.NORMAL)
            action.triggered.connect(functools.partial(_answer_with, sandbox, behaviour))
            behaviours.addAction(action)
            self.sandbox_actions[behaviour] = action

    # --- Texts -------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.new_ticket_action.setText(self.tr("&New ticket"))
        self.new_ticket_action.setToolTip(
            self.tr("Open a new ticket instead of updating one (Ctrl+N switches back)")
        )
        self.clear_form_action.setText(self.tr("&Clear form"))
        self.clear_form_action.setToolTip(self.tr("Empty the form (Undo brings it back)"))
        self.batch_action.setText(self.tr("&Many tickets…"))
        self.batch_action.setToolTip(
            self.tr("One change to many known tickets, or the rows of a CSV file, sent at once")
        )
        self.contacts_action.setText(self.tr("C&ontacts…"))
        self.contacts_action.setToolTip(
            self.tr("People and groups the contacts field completes and sends to by name")
        )
        self.settings_action.setText(self.tr("&Settings…"))
        if self.sign_in_action is not None:
            self.sign_in_action.setText(self.tr("Sign &in to Particle Space…"))
            self.sign_in_action.setToolTip(
                self.tr("Leave the sandbox: send to Particle Space with your account's keys")
            )
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.outbox_action.setText(self.tr("&Outbox"))
        self.history_action.setText(self.tr("&History"))
        self.language_menu.setTitle(self.tr("&Language"))
        names = available_languages()
        for code, action in self.language_actions.items():
            action.setText(names[code] if code else self.tr("&System language"))
        chosen = self._settings.language()
        self.language_actions.get(chosen, self.language_actions[None]).setChecked(True)
        if self.sandbox_menu is not None:
            self._retranslate_sandbox_menu(self.sandbox_menu)
        self.help_menu.setTitle(self.tr("&Help"))
        self.help_action.setText(self.tr("&Keyboard and fields"))
        self.about_action.setText(self.tr("&About Particle Tickets"))

    def _retranslate_sandbox_menu(self, menu: QMenu) -> None:
        from gui.sandbox import Behaviour

        menu.setTitle(self.tr("Sandbo&x"))
        labels = {
            Behaviour.NORMAL: self.tr("Answer normally"),
            Behaviour.SLOW: self.tr("Answer slowly"),
            Behaviour.SERVER_ERROR: self.tr("Fail with a server error (500)"),
            Behaviour.BUSY: self.tr("Say it is busy (429)"),
            Behaviour.UNAVAILABLE: self.tr("Say it is unavailable (503)"),
            Behaviour.PROXY_HTML: self.tr("Answer with a proxy's error page (502)"),
            Behaviour.DRIP: self.tr("Never finish answering"),
        }
        for behaviour, action in self.sandbox_actions.items():
            action.setText(labels.get(behaviour, behaviour.value))


def _answer_with(sandbox: SandboxServer, behaviour: Behaviour) -> None:
    sandbox.behaviour = behaviour
