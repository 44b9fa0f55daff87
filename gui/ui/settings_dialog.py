"""`SettingsDialog`: where the user signs in and sets how the app reaches Particle Space."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.api_contract import DEFAULT_API_BASE
from gui.core.config import Connection, check_api_base
from gui.core.credentials import Credentials, check_credentials
from gui.core.errors import ConfigurationError, FieldError, InvalidCredentials, TicketError
from gui.core.keychain import KEYCHAIN_WAIT_SECONDS
from gui.core.messages import QT_TRANSLATE_NOOP
from gui.ui.banner import BannerKind
from gui.ui.i18n import choose_language, translated
from gui.ui.settings_form import SettingsForm
from gui.ui.worker import JobRunner

if TYPE_CHECKING:
    from gui.core.keychain import Keychain
    from gui.ui.settings import AppSettings

log = logging.getLogger(__name__)

T = TypeVar("T")


class SettingsDialog(QDialog):
    """API address, key pair or token, timeouts, SMS region, CA bundle and language.

    The fields, their texts and their inline errors are a `SettingsForm` (`form`); the dialog
    adds the buttons and the status line, checks the values, and runs the jobs.

    The language applies at once when the user picks it (the window keeps what its form
    holds) and is remembered for the next start.

    Secrets go to the OS keychain through a job on `jobs` (never the GUI thread), the other
    values to `AppSettings`. "Test connection" signs in (or reaches the server with the token)
    without touching any ticket.

    Signals:
        saved(): settings or credentials changed; the window resolves its connection again.
    """

    saved = Signal()

    def __init__(
        self,
        *,
        settings: AppSettings,
        keychain: Keychain,
        credentials: Credentials,
        keychain_available: bool,
        jobs: JobRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self._settings = settings
        self._keychain = keychain
        self._jobs = jobs
        self._awaiting: object | None = None
        self._saved = credentials
        self._status = ""  # the status line as given
        self._keychain_deadline = QTimer(
            self, singleShot=True, interval=round(KEYCHAIN_WAIT_SECONDS * 1000)
        )
        self._keychain_deadline.timeout.connect(self._on_keychain_deadline)
        self._build(keychain_available)
        self._retranslate()
        self._load(credentials)
        self.form.language.currentIndexChanged.connect(self._on_language_chosen)
        # A keychain job may end after the dialog closed (Cancel stays available while a
        # locked keychain keeps it waiting): from then on its answer is for nobody.
        self.finished.connect(self._on_finished)

    # --- Building ----------------------------------------------------------------------------

    def _build(self, keychain_available: bool) -> None:
        self.form = SettingsForm(parent=self)
        self.status = QLabel()
        self.status.setObjectName("settingsStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.hide()

        self.test_button = QPushButton()
        self.test_button.setObjectName("testConnectionButton")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeCredentialsButton")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveButton")
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ResetRole)

        layout = QVBoxLayout(self)
        # Grow and shrink with the error and status lines instead of squeezing the form.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        layout.addWidget(self.form)
        self.keychain_note: QLabel | None = None
        if not keychain_available:
            self.keychain_note = QLabel()
            self.keychain_note.setObjectName("keychainNote")
            self.keychain_note.setWordWrap(True)
            layout.addWidget(self.keychain_note)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self.test_button.clicked.connect(self._on_test_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        """The dialog's own texts in the current language (at start and on a change); the
        form's are set by `SettingsForm`."""
        self.setWindowTitle(self.tr("Settings"))
        self.test_button.setText(self.tr("&Test connection"))
        self.remove_button.setText(self.tr("Remo&ve keys"))
        if self.keychain_note is not None:
            self.keychain_note.setText(
                self.tr(
                    "This computer has no keychain, so keys you enter here are kept only until "
                    "you close the app. Nothing is written to disk."
                )
            )
        if self._status:
            self.status.setText(translated(self._status))

    # --- What AppSettings stores (every call to it is here) ---------------------------------

    def _load(self, credentials: Credentials) -> None:
        """Fill the form with the stored values, `credentials` and the chosen language."""
        self.form.fill(
            self._settings.stored_connection(), credentials, language=self._settings.language()
        )

    def _store(self, stored: dict[str, str]) -> None:
        """Remember the connection values `_checked` gave (the keys of `stored_connection`)."""
        self._settings.store_connection(stored)

    def _on_language_chosen(self, _index: int) -> None:
        choose_language(self._settings, self.form.language.currentData())

    # --- Reading and checking ----------------------------------------------------------------

    def saved_credentials(self) -> Credentials:
        """What the keychain holds after the last save or removal."""
        return self._saved

    def credentials(self) -> Credentials:
        """What the user entered for the chosen way of signing in."""
        return self.form.credentials()

    def _checked(self) -> tuple[Connection, dict[str, str]] | None:
        """The connection and the values to store, or None after showing what is wrong."""
        form = self.form
        form.clear_errors()
        problems: list[FieldError] = []
        api_base = form.api_base.text().strip()
        try:
            api_base = check_api_base(api_base) if api_base else ""
        except ConfigurationError as error:
            problems.append(FieldError("apiBase", error.message))
        credentials = self.credentials()
        if credentials.empty:
            field = "secretKey" if form.use_keys.isChecked() else "token"
            problems.append(
                FieldError(field, QT_TRANSLATE_NOOP("SettingsDialog", "Enter this to sign in."))
            )
        else:
            try:
                credentials = check_credentials(credentials)
            except InvalidCredentials as invalid:
                problems += invalid.field_errors
        ca_bundle = form.ca_bundle.text().strip()
        if ca_bundle and not Path(ca_bundle).is_file():
            problems.append(
                FieldError(
                    "caBundle",
                    QT_TRANSLATE_NOOP("SettingsDialog", "There is no file at this path."),
                )
            )
        if problems:
            form.show_errors(problems)
            return None
        stored = {
            "api_base": api_base,
            "connect_timeout": f"{form.connect_timeout.value():g}",
            "read_timeout": f"{form.read_timeout.value():g}",
            "ca_bundle": ca_bundle,
            "sms_region": str(form.sms_region.currentData()),
        }
        connection = Connection(
            api_base or DEFAULT_API_BASE,
            credentials,
            connect_timeout=form.connect_timeout.value(),
            read_timeout=form.read_timeout.value(),
            ca_bundle=ca_bundle or None,
        )
        return connection, stored

    def _say(self, kind: BannerKind, text: str) -> None:
        self.status.setProperty("kind", kind.value)
        self.status.setProperty("role", "fieldError" if kind is BannerKind.ERROR else "hint")
        self._status = text
        self.status.setText(translated(text))
        self.status.setAccessibleDescription(translated(text))
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.show()

    # --- Actions -----------------------------------------------------------------------------

    def _on_test_clicked(self) -> None:
        checked = self._checked()
        if checked is None:
            return
        from gui.core.abort import Abort
        from gui.core.sender import TicketSender

        sender = TicketSender(checked[0])

        def check() -> str:
            try:
                return sender.check_connection(Abort())
            finally:
                sender.close()

        self._say(BannerKind.INFO, QT_TRANSLATE_NOOP("SettingsDialog", "Checking…"))
        self._run(check, self._on_test_succeeded)

    def _on_test_succeeded(self, sentence: str) -> None:
        self._say(BannerKind.SUCCESS, sentence)

    def _on_save_clicked(self) -> None:
        checked = self._checked()
        if checked is None:
            return
        connection, stored = checked
        self._store(stored)
        self._saved = connection.credentials
        self._say(
            BannerKind.INFO,
            QT_TRANSLATE_NOOP("SettingsDialog", "Saving your keys in the keychain…"),
        )
        self._run(
            functools.partial(self._keychain.save, connection.credentials),
            self._on_saved,
            keychain=True,
        )

    def _on_saved(self, _result: None) -> None:
        self.saved.emit()
        self.accept()

    def _on_remove_clicked(self) -> None:
        self._say(
            BannerKind.INFO,
            QT_TRANSLATE_NOOP("SettingsDialog", "Removing your keys from the keychain…"),
        )
        self._run(self._keychain.delete, self._on_removed, keychain=True)

    def _on_removed(self, _result: None) -> None:
        self._saved = Credentials()
        self.form.clear_secrets()
        self._say(
            BannerKind.SUCCESS,
            QT_TRANSLATE_NOOP("SettingsDialog", "Your keys were removed from this computer."),
        )
        self.saved.emit()

    # --- Jobs --------------------------------------------------------------------------------

    def _run(
        self,
        function: Callable[[], T],
        on_success: Callable[[T], None],
        *,
        keychain: bool = False,
    ) -> None:
        token = object()  # the answer the dialog waits for; a later action replaces it
        self._awaiting = token
        self._set_busy(True)
        if keychain:
            self._keychain_deadline.start()
        self._jobs.run(
            function,
            lambda result: self._on_job_succeeded(token, on_success, result),
            lambda error: self._on_job_failed(token, error),
        )

    def _on_job_succeeded(self, token: object, on_success: Callable[[T], None], result: T) -> None:
        if token is self._awaiting:
            self._done()
            on_success(result)

    def _on_job_failed(self, token: object, error: Exception) -> None:
        if token is not self._awaiting:
            return
        self._done()
        if isinstance(error, TicketError):
            self._say(BannerKind.ERROR, error.message)
        else:
            log.error("settings action failed", exc_info=error)
            self._say(
                BannerKind.ERROR,
                QT_TRANSLATE_NOOP(
                    "SettingsDialog", "Something unexpected went wrong; see the log."
                ),
            )

    def _on_keychain_deadline(self) -> None:
        self._done()
        self._say(
            BannerKind.ERROR,
            QT_TRANSLATE_NOOP(
                "SettingsDialog",
                "The keychain did not answer within {seconds:g} s. It may be waiting for you to "
                "unlock it; try again once it is unlocked.",
            ).format(seconds=KEYCHAIN_WAIT_SECONDS),
        )

    def _on_finished(self, _result: int) -> None:
        self._awaiting = None
        self._keychain_deadline.stop()

    def _done(self) -> None:
        self._awaiting = None
        self._keychain_deadline.stop()
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.test_button, self.remove_button, self.save_button):
            button.setEnabled(not busy)
