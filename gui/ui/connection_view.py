"""`ConnectionView`: where the window says updates go, and whether they can.

The window title ("Particle Tickets — TEST", "— Sandbox", "— New ticket"), the status bar's
"Sends to …", the TEST MODE badge, Open Settings when the window is signed out, and in the
banner why sending is not possible, unless the banner is telling the user something else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject

from gui.core.credentials import Mode
from gui.core.fields import Operation
from gui.ui.banner import BannerKind

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QMainWindow

    from gui.sandbox import SandboxServer
    from gui.ui.sign_in import SignInController
    from gui.ui.ticket_page import TicketPage


class ConnectionView(QObject):
    """Keeps `window`'s title, `label`, and `page`'s badge, Open Settings and banner true to
    `sign_in`'s connection, the form's operation and the language. The ticket page joins once
    it is built (`add_page`: with the window, or behind a first start's sign-in page after the
    first paint, gui/ui/window_pages.py)."""

    def __init__(
        self,
        *,
        window: QMainWindow,
        label: QLabel,
        sign_in: SignInController,
        sandbox: SandboxServer | None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._page: TicketPage | None = None
        self._label = label
        self._sign_in = sign_in
        self._sandbox = sandbox
        self._problem_shown = ""  # what the banner says about the connection, if anything
        sign_in.connection_changed.connect(self.show_connection)
        window.installEventFilter(self)  # its LanguageChange: the title in the new language
        self.show_where()

    def add_page(self, page: TicketPage) -> None:
        """Keep `page` true to the connection as well, from now on."""
        self._page = page
        page.form.operation_changed.connect(self.show_where)
        self.show_connection()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self.show_where()
        return False

    def show_where(self, *_: object) -> None:
        """The window title and the status bar's connection label."""
        connection = self._sign_in.connection
        title = self.tr("Particle Tickets")
        if self._page is not None and self._page.form.operation() is Operation.CREATE:
            title += self.tr(" — New ticket")
        if self._sandbox is not None:
            title += self.tr(" — Sandbox")
        elif connection.credentials.mode is Mode.TEST:
            title += self.tr(" — TEST")
        self._window.setWindowTitle(title)
        if self._sandbox is not None:
            where = self.tr("Sandbox at {address}").format(address=self._sandbox.url)
        else:
            where = self.tr("Sends to {address}").format(address=connection.api_base)
        self._label.setText(where)

    def show_connection(self, *_: object) -> None:
        """Everything above, and what the banner says about the connection."""
        connection = self._sign_in.connection
        self.show_where()
        page = self._page
        if page is None:
            return
        banner = page.banner
        in_sandbox = self._sandbox is not None
        page.test_mode_badge.setVisible(connection.credentials.mode is Mode.TEST and not in_sandbox)
        signed_out = connection.credentials.empty or not connection.usable
        page.open_settings_button.setVisible(signed_out and not in_sandbox)
        # The banner says what is wrong with the connection unless it is telling the user
        # something else (a restored draft, an answer); Open Settings stays visible anyway.
        showing_other = not banner.isHidden() and banner.message() != self._problem_shown
        problem = self._sign_in.problem_text()
        self._problem_shown = problem or ""
        if showing_other:
            return
        if problem is None:
            page.clear_message()
        else:
            page.say(BannerKind.ERROR, problem)
