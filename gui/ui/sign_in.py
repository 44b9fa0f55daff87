"""`SignInController`: the connection the window sends with, and how it changes.

It starts with what the options, the environment and the stored settings give; after the first
paint it reads the keys from the OS keychain on a worker thread (for at most
`KEYCHAIN_WAIT_SECONDS`: a locked keychain may wait for a password forever), and Settings can
replace them. Each change gives a new `TicketSender` for the new connection.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from gui.core.credentials import Credentials
from gui.core.keychain import KEYCHAIN_WAIT_SECONDS
from gui.core.messages import QT_TRANSLATE_NOOP, join
from gui.ui.worker import JobRunner

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from gui.core.config import Connection
    from gui.core.keychain import Keychain
    from gui.core.sender import TicketSender
    from gui.ui.settings import AppSettings
    from gui.ui.settings_dialog import SettingsDialog
    from gui.ui.sign_in_section import SignInSection

log = logging.getLogger(__name__)

#: How long shutting down waits for a keychain or settings job.
_SHUTDOWN_WAIT_MS = 3000


class SignInController(QObject):
    """Owns the connection in use, its sender, the keychain read and the Settings dialog.

    Without a `keychain` (the sandbox, which signs itself in) there is nothing to read and no
    Settings to open; `resolve` turns the keychain's credentials into a connection (options
    and environment win over them).

    Signals:
        connection_changed(Connection): sending uses this connection from now on.
        problem(Message): the keychain could not be read, or did not answer in time.
        keychain_settled(): the keychain has answered (keys or none), failed or not answered in
            time, or did not need to be read: `keychain_settled` is True from then on.
    """

    connection_changed = Signal(object)
    problem = Signal(object)
    keychain_settled = Signal()

    def __init__(
        self,
        *,
        connection: Connection,
        settings: AppSettings,
        keychain: Keychain | None = None,
        resolve: Callable[[Credentials], Connection] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.connection = connection
        self._sender: TicketSender | None = None  # `ticket_sender`, once asked for
        #: False once the keychain said this computer has none (keys then last one session).
        self.keychain_available = True
        #: True once nothing more will come from the keychain (see `keychain_settled`).
        self.keychain_read = keychain is None
        #: Keychain and Settings jobs (Settings shares them for its keychain calls).
        self.jobs = JobRunner(parent=self)
        self._settings = settings
        self._keychain = keychain
        self._resolve = resolve
        self._dialog: SettingsDialog | None = None
        self._keychain_deadline = QTimer(
            self, singleShot=True, interval=round(KEYCHAIN_WAIT_SECONDS * 1000)
        )
        self._keychain_deadline.timeout.connect(self._on_keychain_deadline)

    @property
    def ticket_sender(self) -> TicketSender:
        """What sends with the current connection. Made when first asked for (the first
        send): its module and the redactor's are not in the first frame (see `warm_up`)."""
        from gui.core.sender import TicketSender

        if self._sender is None:
            self._sender = TicketSender(self.connection)
        return self._sender

    @staticmethod
    def warm_up(stopped: Callable[[], bool]) -> None:
        """Load what sending needs, the sender's own module first (blocking: the window runs
        it on its warm-up thread, so that none of it is imported on the GUI thread)."""
        from gui.core.sender import warm_up

        warm_up(stopped)

    @property
    def can_open_settings(self) -> bool:
        return self._keychain is not None

    def new_section(self) -> SignInSection:
        """The key fields, Test connection and Save for the sign-in page or dialog: tested
        with the stored settings, saved to the keychain."""
        from gui.ui.sign_in_section import SignInSection

        if self._resolve is None:
            raise RuntimeError("signing in needs a way to resolve the connection")
        return SignInSection(jobs=self.jobs, connection_for=self._resolve, keychain=self._keychain)

    @property
    def settings_dialog(self) -> SettingsDialog | None:
        """The Settings dialog while it is open."""
        return self._dialog

    def set_connection(self, connection: Connection) -> None:
        """Send with `connection` from now on (new settings, or keys read from the keychain)."""
        old, self._sender = self._sender, None  # the next one sends with `connection`
        if old is not None:
            old.close()
        self.connection = connection
        self.connection_changed.emit(connection)

    def problem_text(self) -> str | None:
        """Why the connection cannot be used, for the banner (a Message); None when it can."""
        connection = self.connection
        if connection.usable:
            return None
        if connection.credentials.empty and not self.keychain_read:
            return None  # the keychain is being read: "not signed in" may not be true
        problem = connection.problem or ""
        if not connection.credentials.empty or self.keychain_available:
            return problem
        return join(
            [
                problem,
                QT_TRANSLATE_NOOP(
                    "SignInController",
                    "This computer has no keychain: keys entered in Settings are kept only "
                    "until the app closes.",
                ),
            ]
        )

    # --- The keychain --------------------------------------------------------------------------

    def load_keychain(self) -> None:
        """Read the keys from the keychain on a worker thread, if nothing else gave any."""
        if self._keychain is None or self._resolve is None:
            return
        if not self.connection.credentials.empty:
            # Options, the environment or the keys just saved sign in: leave the keychain alone.
            self._settle()
            return
        keychain = self._keychain
        self._keychain_deadline.start()
        self.jobs.run(
            lambda: (keychain.load(), keychain.available),
            self._on_keychain_loaded,
            self._on_keychain_failed,
        )

    def _on_keychain_loaded(self, result: tuple[Credentials, bool]) -> None:
        if not self._keychain_deadline.isActive():
            return  # too late: the window already said the keychain did not answer
        self._keychain_deadline.stop()
        credentials, self.keychain_available = result
        self._settings.remember_keys_saved(not credentials.empty)
        if self._resolve is not None:  # always: the keychain is only read when it is set
            self.set_connection(self._resolve(credentials))
        self._settle()

    def _settle(self) -> None:
        if not self.keychain_read:
            self.keychain_read = True
            self.keychain_settled.emit()

    def _on_keychain_failed(self, error: Exception) -> None:
        if not self._keychain_deadline.isActive():
            return
        from gui.core.errors import TicketError

        self._keychain_deadline.stop()
        log.warning("could not read the keychain: %s", type(error).__name__)
        reason = error.message if isinstance(error, TicketError) else str(error)
        self.problem.emit(
            join(
                [
                    reason,
                    QT_TRANSLATE_NOOP("SignInController", "Enter your keys to sign in."),
                ]
            )
        )
        self._settle()

    def _on_keychain_deadline(self) -> None:
        self.problem.emit(
            QT_TRANSLATE_NOOP(
                "SignInController",
                "The keychain did not answer within {seconds:g} s; it may be waiting for you to "
                "unlock it. Enter your keys to sign in, or restart the app once it is "
                "unlocked.",
            ).format(seconds=KEYCHAIN_WAIT_SECONDS)
        )
        self._settle()

    # --- Settings ----------------------------------------------------------------------------

    def open_settings(self, parent: QWidget) -> None:
        """Show the Settings dialog over `parent` (nothing without a keychain)."""
        if self._keychain is None:
            return
        if self._dialog is None:
            from gui.ui.settings_dialog import SettingsDialog

            self._dialog = SettingsDialog(
                settings=self._settings,
                keychain=self._keychain,
                credentials=self.connection.credentials,
                keychain_available=self.keychain_available,
                jobs=self.jobs,
                parent=parent,
            )
            self._dialog.saved.connect(self._on_settings_saved)
            self._dialog.finished.connect(self._on_settings_closed)
        self._dialog.open()

    def _on_settings_saved(self) -> None:
        if self._dialog is not None:
            self.use_saved(self._dialog.saved_credentials())

    def use_saved(self, credentials: Credentials) -> None:
        """Sign in with `credentials`, just saved (in Settings or on the sign-in page)."""
        self._keychain_deadline.stop()  # a keychain read still under way is out of date now
        self._settings.remember_keys_saved(self.keychain_available and not credentials.empty)
        if self._resolve is not None:
            self.set_connection(self._resolve(credentials))
        self._settle()

    def _on_settings_closed(self) -> None:
        if self._dialog is not None:
            self._dialog.deleteLater()
            self._dialog = None

    def shutdown(self) -> None:
        """Stop the keychain's deadline, wait (bounded) for the jobs, close the sender."""
        self._keychain_deadline.stop()
        if not self.jobs.wait(_SHUTDOWN_WAIT_MS):
            log.warning("a keychain or settings job was still running when the window closed")
        if self._sender is not None:
            self._sender.close()
