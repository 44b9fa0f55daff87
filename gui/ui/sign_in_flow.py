"""`SignInFlow`: which page the window shows (the ticket form, or the sign-in page when no keys
were found anywhere), and the ways between the sandbox and Particle Space.

The real service's window opens on the ticket form whenever the options, the environment or
the keychain give credentials. With none of them it shows the sign-in page; while the keychain
is being read it shows the ticket form if the keychain held keys last time (no sign-in page
flashing by at every start), else the sign-in page, which gives way to the form as soon as the
keychain's keys arrive.

Leaving the sandbox, or trying it, is a new window of its own (gui.app builds it, from the
signals here): each has its own outbox, draft and history, so nothing tried in the sandbox meets
the real service's updates, nor theirs the sandbox.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QStackedWidget, QWidget

    from gui.core.credentials import Credentials
    from gui.ui.settings import AppSettings
    from gui.ui.sign_in import SignInController
    from gui.ui.sign_in_dialog import SignInDialog
    from gui.ui.sign_in_page import SignInPage


def sign_in_page_wanted(sign_in: SignInController, settings: AppSettings, *, sandbox: bool) -> bool:
    """Whether the window shows the sign-in page: not in the sandbox (it signs itself in) nor
    without a keychain (nowhere to save the keys), and only when the connection has no
    credentials and the keychain has none either, or held none last time (no sign-in page
    flashing by while it is read)."""
    if sandbox or not sign_in.can_open_settings:
        return False
    if not sign_in.connection.credentials.empty:
        return False
    return sign_in.keychain_read or not settings.keys_saved()


class SignInFlow(QObject):
    """Keeps `pages` on the ticket page or the sign-in page as `sign_in`'s connection and the
    keychain say; `form_actions` work only on the ticket page. `ticket_page` gives the ticket
    page (the window may build it only when first asked: gui/ui/window_pages.py).

    `sandbox`: this is the sandbox's window (never a sign-in page; File ▸ Sign in…,
    `sign_in_action`, instead: `ask_for_keys`). `signed_in_elsewhere` says whether the real
    service has credentials already (options, environment, or keys the keychain held last
    time): Sign in… then leaves the sandbox without asking for keys.

    Signals:
        sandbox_requested(): Try the sandbox first.
        real_service_requested(object): leave the sandbox for Particle Space, with the keys
            just saved (Credentials) or None to find them as at start.
    """

    sandbox_requested = Signal()
    real_service_requested = Signal(object)

    def __init__(
        self,
        *,
        window: QWidget,
        pages: QStackedWidget,
        ticket_page: Callable[[], QWidget],
        sign_in: SignInController,
        settings: AppSettings,
        sandbox: bool,
        form_actions: tuple[QAction, ...],
        sign_in_action: QAction | None,
        open_settings: Callable[[], None],
        busy: Callable[[], bool],
        signed_in_elsewhere: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._pages = pages
        self._ticket_page = ticket_page
        self._sign_in = sign_in
        self._settings = settings
        self._sandbox = sandbox
        self._form_actions = form_actions
        self._open_settings = open_settings
        self._busy = busy
        self._signed_in_elsewhere = signed_in_elsewhere
        self.page: SignInPage | None = None
        self.dialog: SignInDialog | None = None
        sign_in.connection_changed.connect(self.choose_page)
        sign_in.keychain_settled.connect(self.choose_page)
        sign_in.problem.connect(self._on_problem)
        if sign_in_action is not None:
            sign_in_action.triggered.connect(self.ask_for_keys)
        self.choose_page()

    @property
    def signing_in(self) -> bool:
        """Whether the window shows the sign-in page."""
        return self.page is not None and self._pages.currentWidget() is self.page

    def choose_page(self, *_: object) -> None:
        """The sign-in page when there is nothing to sign in with, else the ticket page."""
        if self._wants_sign_in_page():
            page = self._sign_in_page()
            page.set_keychain_available(self._sign_in.keychain_available)
            if self._pages.currentWidget() is not page:
                self._pages.setCurrentWidget(page)
                page.section.setFocus()
        elif self._pages.currentWidget() is not (ticket_page := self._ticket_page()):
            self._pages.setCurrentWidget(ticket_page)
            if self.page is not None:
                self.page.say("")
        for action in self._form_actions:
            action.setEnabled(not self.signing_in)

    def _wants_sign_in_page(self) -> bool:
        return sign_in_page_wanted(self._sign_in, self._settings, sandbox=self._sandbox)

    def _sign_in_page(self) -> SignInPage:
        if self.page is None:
            from gui.ui.sign_in_page import SignInPage

            section = self._sign_in.new_section()
            section.saved.connect(self._sign_in.use_saved)
            self.page = SignInPage(section=section)
            self.page.sandbox_requested.connect(self.sandbox_requested)
            self.page.settings_requested.connect(self._open_settings)
            self._pages.addWidget(self.page)
        return self.page

    def _on_problem(self, message: str) -> None:
        if self.page is not None:
            self.page.say(message)

    # --- The sandbox's Sign in… --------------------------------------------------------------

    def ask_for_keys(self) -> None:
        """File ▸ Sign in… (`signInAction`): leave the sandbox for Particle Space, at once when
        it has credentials already, else once the user has saved keys in the Sign in dialog
        (not while an update is on its way)."""
        if not self._sandbox or self._busy():
            return
        if self._signed_in_elsewhere():
            self.real_service_requested.emit(None)
            return
        if self.dialog is None:
            from gui.ui.sign_in_dialog import SignInDialog

            self.dialog = SignInDialog(section=self._sign_in.new_section(), parent=self._window)
            self.dialog.signed_in.connect(self._on_signed_in)
            self.dialog.finished.connect(self._on_dialog_closed)
        self.dialog.open()

    def _on_signed_in(self, credentials: Credentials) -> None:
        self._settings.remember_keys_saved(
            self._sign_in.keychain_available and not credentials.empty
        )
        self.real_service_requested.emit(credentials)

    def _on_dialog_closed(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
