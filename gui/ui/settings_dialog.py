"""`SettingsDialog`: where the user signs in and sets how the app reaches Particle Space."""

from __future__ import annotations

import itertools
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.api_contract import DEFAULT_API_BASE
from gui.core.config import Connection, check_api_base
from gui.core.credentials import Credentials, check_credentials
from gui.core.errors import ConfigurationError, FieldError, InvalidCredentials
from gui.core.messages import QT_TRANSLATE_NOOP
from gui.ui.banner import BannerKind
from gui.ui.i18n import choose_language, translated
from gui.ui.keychain_writer import REMOVING, SAVING, KeychainWriter
from gui.ui.settings_form import SettingsForm
from gui.ui.sign_in_section import ENTER_TO_SIGN_IN, SignInSection
from gui.ui.worker import JobRunner

if TYPE_CHECKING:
    from collections.abc import Callable

    from gui.core.keychain import Keychain
    from gui.ui.settings import AppSettings

log = logging.getLogger(__name__)


class SettingsDialog(QDialog):
    """Signing in first, then the language and SMS region, then Advanced, folded.

    **Sign in** is a `SignInSection` (`sign_in`): the keys, where to find them, and Test
    connection with its answer, before Save. The language and the default SMS region
    (`SettingsForm.preferences`) and Advanced (the Bearer token, the API address, the timeouts
    and the CA bundle) are the `SettingsForm` (`form`). The dialog checks the values, stores
    them, and writes the keychain.

    The language applies at once when the user picks it (the window keeps what its form
    holds) and is remembered for the next start.

    Secrets go to the OS keychain through a `KeychainWriter` on `jobs` (never the GUI thread),
    the other values to `AppSettings`. "Test connection" signs in (or reaches the server with
    the token) with the values under Advanced, without touching any ticket.

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
        self._saved = credentials
        self._status = ""  # the status line as given
        self._writer = KeychainWriter(keychain=keychain, jobs=jobs, parent=self)
        self._after_write: Callable[[Credentials], None] = self._on_saved
        self._build(jobs, keychain_available)
        self._retranslate()
        self._load(credentials)
        self.form.language.currentIndexChanged.connect(self._on_language_chosen)
        # A keychain job may end after the dialog closed (Cancel stays available while a
        # locked keychain keeps it waiting): from then on its answer is for nobody.
        self.finished.connect(self._on_finished)

    # --- Building ----------------------------------------------------------------------------

    def _build(self, jobs: JobRunner, keychain_available: bool) -> None:
        self.sign_in = SignInSection(jobs=jobs, connection_for=self._connection_for)
        self.test_button = self.sign_in.test_button
        self.form = SettingsForm(parent=self)
        self.status = QLabel()
        self.status.setObjectName("settingsStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.hide()

        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeCredentialsButton")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveButton")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ResetRole)

        self.sign_in_group = QGroupBox()
        self.sign_in_group.setObjectName("signInGroup")
        group = QVBoxLayout(self.sign_in_group)
        group.addWidget(self.sign_in)
        self.keychain_note: QLabel | None = None
        if not keychain_available:
            self.keychain_note = QLabel()
            self.keychain_note.setObjectName("keychainNote")
            self.keychain_note.setWordWrap(True)
            self.keychain_note.setProperty("role", "hint")
            group.addWidget(self.keychain_note)

        layout = QVBoxLayout(self)
        # Grow and shrink with Advanced, the error and the status lines instead of squeezing
        # the form: unfolding Advanced makes the dialog taller, folding it shorter again.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        layout.addWidget(self.sign_in_group)
        layout.addWidget(self.form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._set_tab_order()

        self.sign_in.busy_changed.connect(self._update_buttons)
        self.sign_in.show_secrets.toggled.connect(self.form.show_token)
        self.form.keys_chosen.connect(self.sign_in.set_keys_enabled)
        self.form.advanced_edited.connect(self.sign_in.clear_answer)  # it was about the old
        self._writer.busy_changed.connect(self._update_buttons)
        self._writer.saved.connect(self._on_written)
        self._writer.failed.connect(self._on_write_failed)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)

    def _set_tab_order(self) -> None:
        """Top to bottom: the keys, Test connection, language and region, Advanced, then the
        buttons with Save last but Cancel (hidden widgets, like folded Advanced, are skipped)."""
        section, form = self.sign_in, self.form
        chain = [
            section.secret_key,
            section.publish_key,
            section.show_secrets,
            section.test_button,
            form.language,
            form.sms_region,
            form.advanced_toggle,
            form.use_keys,
            form.use_token,
            form.token,
            form.api_base,
            form.connect_timeout,
            form.read_timeout,
            form.ca_bundle,
            form.browse_button,
            self.remove_button,
            self.save_button,
            self.cancel_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        """The dialog's own texts in the current language (at start and on a change); the
        section's and the form's are set by `SignInSection` and `SettingsForm`."""
        self.setWindowTitle(self.tr("Settings"))
        self.sign_in_group.setTitle(self.tr("Sign in"))
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
        self.sign_in.fill(credentials)
        self.form.fill(
            self._settings.stored_connection(), credentials, language=self._settings.language()
        )

    def _store(self, stored: dict[str, str]) -> None:
        """Remember the connection values `_stored_values` gave (keys of `stored_connection`)."""
        self._settings.store_connection(stored)

    def _on_language_chosen(self, _index: int) -> None:
        choose_language(self._settings, self.form.language.currentData())

    # --- Reading and checking ----------------------------------------------------------------

    def saved_credentials(self) -> Credentials:
        """What the keychain holds after the last save or removal."""
        return self._saved

    def credentials(self) -> Credentials:
        """What the user entered for the chosen way of signing in."""
        return self.sign_in.credentials() if self.form.uses_keys else self.form.token_credentials()

    def _connection_for(self, keys: Credentials) -> Connection | None:
        """The connection the values under Advanced give, signing in with `keys` or, when the
        token is chosen, the token; None after showing what is wrong (Advanced unfolds)."""
        form = self.form
        form.clear_errors()
        problems: list[FieldError] = []
        api_base = form.api_base.text().strip()
        try:
            api_base = check_api_base(api_base) if api_base else ""
        except ConfigurationError as error:
            problems.append(FieldError("apiBase", error.message))
        credentials = keys
        if not form.uses_keys:
            credentials = form.token_credentials()
            if credentials.empty:
                problems.append(FieldError("token", ENTER_TO_SIGN_IN))
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
        return Connection(
            api_base or DEFAULT_API_BASE,
            credentials,
            connect_timeout=form.connect_timeout.value(),
            read_timeout=form.read_timeout.value(),
            ca_bundle=ca_bundle or None,
        )

    def _stored_values(self) -> dict[str, str]:
        """The values AppSettings keeps (checked by `_connection_for` before)."""
        form = self.form
        api_base = form.api_base.text().strip()
        return {
            "api_base": check_api_base(api_base) if api_base else "",
            "connect_timeout": f"{form.connect_timeout.value():g}",
            "read_timeout": f"{form.read_timeout.value():g}",
            "ca_bundle": form.ca_bundle.text().strip(),
            "sms_region": str(form.sms_region.currentData()),
        }

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

    def _on_save_clicked(self) -> None:
        if self.sign_in.busy or self._writer.busy:
            return
        connection = self.sign_in.checked_connection()
        if connection is None:
            return
        self._store(self._stored_values())
        self._say(BannerKind.INFO, SAVING)
        self._after_write = self._on_saved
        self._writer.save(connection.credentials)

    def _on_saved(self, credentials: Credentials) -> None:
        self._saved = credentials
        self.saved.emit()
        self.accept()

    def _on_remove_clicked(self) -> None:
        if self.sign_in.busy or self._writer.busy:
            return
        self._say(BannerKind.INFO, REMOVING)
        self._after_write = self._on_removed
        self._writer.remove()

    def _on_removed(self, credentials: Credentials) -> None:
        self._saved = credentials
        self.sign_in.fill(credentials)
        self.form.clear_token()
        self._say(
            BannerKind.SUCCESS,
            QT_TRANSLATE_NOOP("SettingsDialog", "Your keys were removed from this computer."),
        )
        self.saved.emit()

    def _on_written(self, credentials: Credentials) -> None:
        self._after_write(credentials)

    def _on_write_failed(self, message: str) -> None:
        self._say(BannerKind.ERROR, message)

    def _on_finished(self, _result: int) -> None:
        self._writer.forget()
        self.sign_in.clear_answer()  # a test under way is for nobody now

    def _update_buttons(self, *_: object) -> None:
        writing = self._writer.busy
        self.sign_in.set_actions_enabled(not writing)
        for button in (self.remove_button, self.save_button):
            button.setEnabled(not (writing or self.sign_in.busy))
