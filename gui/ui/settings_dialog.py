"""`SettingsDialog`: where the user signs in and sets how the app reaches Particle Space."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.api_contract import DEFAULT_API_BASE
from gui.core.config import CONNECT_TIMEOUT, READ_TIMEOUT, Connection, check_api_base
from gui.core.contacts import DEFAULT_REGION
from gui.core.credentials import Credentials, check_credentials
from gui.core.errors import ConfigurationError, FieldError, InvalidCredentials, TicketError
from gui.core.keychain import KEYCHAIN_WAIT_SECONDS
from gui.ui.banner import BannerKind
from gui.ui.i18n import available_languages, choose_language, translated
from gui.ui.ticket_form import accessible_label
from gui.ui.worker import JobRunner

if TYPE_CHECKING:
    from gui.core.keychain import Keychain
    from gui.ui.settings import AppSettings

log = logging.getLogger(__name__)

_FIELDS = ("apiBase", "secretKey", "publishKey", "token", "caBundle")


class SettingsDialog(QDialog):
    """API address, key pair or token, timeouts, SMS region, CA bundle and language.

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
        self._errors: dict[str, str] = {}  # shown errors as given, by field (see _retranslate)
        self._status = ""  # the status line as given
        self._labels: dict[str, QLabel] = {}
        self._keychain_deadline = QTimer(
            self, singleShot=True, interval=round(KEYCHAIN_WAIT_SECONDS * 1000)
        )
        self._keychain_deadline.timeout.connect(self._on_keychain_deadline)
        self._build(keychain_available)
        self._retranslate()
        self._fill(settings.stored_connection(), credentials)
        self.language.currentIndexChanged.connect(self._on_language_chosen)

    # --- Building ----------------------------------------------------------------------------

    def _build(self, keychain_available: bool) -> None:
        self.api_base = self._line_edit("apiBase", placeholder=DEFAULT_API_BASE)
        self.use_keys = QRadioButton()
        self.use_keys.setObjectName("useKeys")
        self.use_token = QRadioButton()
        self.use_token.setObjectName("useToken")
        self.secret_key = self._line_edit("secretKey")
        self.publish_key = self._line_edit("publishKey")
        self.token = self._line_edit("token")
        for secret in (self.secret_key, self.publish_key, self.token):
            secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_secrets = QCheckBox()
        self.show_secrets.setObjectName("showSecrets")
        self.connect_timeout = self._seconds("connectTimeout", 0.5, 120.0)
        self.read_timeout = self._seconds("readTimeout", 1.0, 600.0)
        self.sms_region = QComboBox()
        self.sms_region.setObjectName("smsRegion")
        self._fill_regions()
        self.ca_bundle = self._line_edit("caBundle")
        self.browse_button = QPushButton()
        self.browse_button.setObjectName("caBundleBrowse")
        self.browse_button.clicked.connect(self._on_browse_clicked)
        self.language = QComboBox()
        self.language.setObjectName("languageChoice")
        self.language.addItem("", None)  # the system's language; texts: _retranslate
        for code, name in available_languages().items():
            self.language.addItem(name, code)  # each in its own language, never translated

        self.status = QLabel()
        self.status.setObjectName("settingsStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.hide()
        self.error_labels = {field: self._error_label(field) for field in _FIELDS}

        form = QFormLayout()
        self._row(form, "apiBase", self.api_base, "apiBase")
        form.addRow(self.use_keys)
        self._row(form, "secretKey", self.secret_key, "secretKey")
        self._row(form, "publishKey", self.publish_key, "publishKey")
        form.addRow(self.use_token)
        self._row(form, "token", self.token, "token")
        form.addRow("", self.show_secrets)
        self._row(form, "connectTimeout", self.connect_timeout)
        self._row(form, "readTimeout", self.read_timeout)
        self._row(form, "smsRegion", self.sms_region)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(self.browse_button)
        ca_cell = QWidget()
        ca_cell.setLayout(ca_row)
        ca_row.setContentsMargins(0, 0, 0, 0)
        self._row(form, "caBundle", ca_cell, "caBundle", buddy=self.ca_bundle)
        self._row(form, "language", self.language)

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
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.api_base.setMinimumWidth(360)
        layout.addLayout(form)
        self.keychain_note: QLabel | None = None
        if not keychain_available:
            self.keychain_note = QLabel()
            self.keychain_note.setObjectName("keychainNote")
            self.keychain_note.setWordWrap(True)
            layout.addWidget(self.keychain_note)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self.use_keys.toggled.connect(self._on_mode_toggled)
        self.show_secrets.toggled.connect(self._on_show_secrets_toggled)
        self.test_button.clicked.connect(self._on_test_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)

    def _line_edit(self, name: str, *, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(placeholderText=placeholder)
        edit.setObjectName(name)
        edit.textEdited.connect(functools.partial(self._clear_error, name))
        return edit

    def _seconds(self, name: str, minimum: float, maximum: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox(decimals=1, singleStep=1.0)
        box.setObjectName(name)
        box.setRange(minimum, maximum)
        return box

    def _error_label(self, field: str) -> QLabel:
        label = QLabel(wordWrap=True)
        label.setObjectName(f"{field}Error")
        label.setProperty("role", "fieldError")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.hide()
        return label

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        """Every text of the dialog in the current language (at start and on a change)."""
        self.setWindowTitle(self.tr("Settings"))
        self.api_base.setPlaceholderText(DEFAULT_API_BASE)
        self.use_keys.setText(self.tr("Sign in with the &key pair (recommended)"))
        self.use_token.setText(self.tr("Use a Bearer t&oken"))
        self.secret_key.setPlaceholderText(self.tr("sk_test_… or sk_live_…"))
        self.publish_key.setPlaceholderText(self.tr("pk_test_… or pk_live_…"))
        self.show_secrets.setText(self.tr("S&how the keys"))
        for box in (self.connect_timeout, self.read_timeout):
            box.setSuffix(self.tr(" s"))
            box.setLocale(QLocale())  # the decimal separator of the language's locale
        self.ca_bundle.setPlaceholderText(self.tr("none: the system's CAs"))
        self.browse_button.setText(self.tr("Bro&wse…"))
        self.language.setItemText(0, self.tr("System language"))
        self.test_button.setText(self.tr("&Test connection"))
        self.remove_button.setText(self.tr("Remo&ve keys"))
        if self.keychain_note is not None:
            self.keychain_note.setText(
                self.tr(
                    "This computer has no keychain, so keys you enter here are kept only until "
                    "you close the app. Nothing is written to disk."
                )
            )
        labels = {
            "apiBase": self.tr("&API address"),
            "secretKey": self.tr("S&ecret key"),
            "publishKey": self.tr("&Publishable key"),
            "token": self.tr("Toke&n"),
            "connectTimeout": self.tr("&Connect timeout"),
            "readTimeout": self.tr("&Read timeout"),
            "smsRegion": self.tr("Default SMS re&gion"),
            "caBundle": self.tr("CA &bundle"),
            "language": self.tr("&Language"),
        }
        rules = {
            "apiBase": self.tr(
                "Optional. Empty for Particle Space; plain http only to this computer."
            ),
            "secretKey": self.tr("The secret key from the Particle Space dashboard."),
            "publishKey": self.tr("The publishable key from the Particle Space dashboard."),
            "token": self.tr("A Bearer token, instead of the key pair."),
            "connectTimeout": self.tr("Seconds to wait for the server to accept a connection."),
            "readTimeout": self.tr("Seconds to wait for the server's answer."),
            "smsRegion": self.tr("The country of phone numbers written without +country code."),
            "caBundle": self.tr(
                "Optional. A PEM file of certificate authorities, for networks that inspect TLS."
            ),
            "language": self.tr("Applies at once and at every start."),
        }
        for key, label in self._labels.items():
            label.setText(labels[key])
            editor = label.buddy()
            editor.setAccessibleName(accessible_label(labels[key]))
            description = rules[key]
            if key in self._errors:
                description = f"{translated(self._errors[key])} {description}"
                self.error_labels[key].setText(translated(self._errors[key]))
            editor.setAccessibleDescription(description)
            if key in self.error_labels:
                self.error_labels[key].setAccessibleName(
                    self.tr("Problem with {field}").format(field=accessible_label(labels[key]))
                )
        if self._status:
            self.status.setText(translated(self._status))

    def _row(
        self,
        form: QFormLayout,
        key: str,
        editor: QWidget,
        error_field: str | None = None,
        *,
        buddy: QWidget | None = None,
    ) -> None:
        """A labelled row; the label's text (and the editor's accessible name and
        description) are set by `_retranslate`."""
        label = QLabel()
        label.setObjectName(f"{key}Label")
        label.setBuddy(buddy or editor)
        self._labels[key] = label
        if error_field is None:
            form.addRow(label, editor)
            return
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(editor)
        column.addWidget(self.error_labels[error_field])
        form.addRow(label, cell)

    def _fill_regions(self) -> None:
        import phonenumbers  # loaded by the window's warm-up long before Settings opens

        for code in sorted(phonenumbers.SUPPORTED_REGIONS):
            territory = QLocale.codeToTerritory(code)
            name = QLocale.territoryToString(territory) if territory.value else ""
            self.sms_region.addItem(f"{code} — {name}" if name else code, code)

    def _fill(self, stored: dict[str, str], credentials: Credentials) -> None:
        self.api_base.setText(stored.get("api_base", ""))
        self.secret_key.setText(credentials.secret_key)
        self.publish_key.setText(credentials.publish_key)
        self.token.setText(credentials.token)
        self.use_token.setChecked(bool(credentials.token) and not credentials.uses_keys)
        self.use_keys.setChecked(not self.use_token.isChecked())
        self._on_mode_toggled()
        self.connect_timeout.setValue(float(stored.get("connect_timeout", CONNECT_TIMEOUT)))
        self.read_timeout.setValue(float(stored.get("read_timeout", READ_TIMEOUT)))
        region = self.sms_region.findData(stored.get("sms_region", DEFAULT_REGION))
        self.sms_region.setCurrentIndex(max(region, 0))
        self.ca_bundle.setText(stored.get("ca_bundle", ""))
        self.language.setCurrentIndex(max(self.language.findData(self._settings.language()), 0))

    # --- Reading and checking ----------------------------------------------------------------

    def saved_credentials(self) -> Credentials:
        """What the keychain holds after the last save or removal."""
        return self._saved

    def credentials(self) -> Credentials:
        """What the user entered for the chosen way of signing in."""
        if self.use_keys.isChecked():
            return Credentials(
                secret_key=self.secret_key.text(), publish_key=self.publish_key.text()
            )
        return Credentials(token=self.token.text())

    def _checked(self) -> tuple[Connection, dict[str, str]] | None:
        """The connection and the values to store, or None after showing what is wrong."""
        self._clear_errors()
        problems: list[FieldError] = []
        api_base = self.api_base.text().strip()
        try:
            api_base = check_api_base(api_base) if api_base else ""
        except ConfigurationError as error:
            problems.append(FieldError("apiBase", error.message))
        credentials = self.credentials()
        if credentials.empty:
            field = "secretKey" if self.use_keys.isChecked() else "token"
            problems.append(FieldError(field, self.tr("Enter this to sign in.")))
        else:
            try:
                credentials = check_credentials(credentials)
            except InvalidCredentials as invalid:
                problems += invalid.field_errors
        ca_bundle = self.ca_bundle.text().strip()
        if ca_bundle and not Path(ca_bundle).is_file():
            problems.append(FieldError("caBundle", self.tr("There is no file at this path.")))
        if problems:
            self._show_errors(problems)
            return None
        stored = {
            "api_base": api_base,
            "connect_timeout": f"{self.connect_timeout.value():g}",
            "read_timeout": f"{self.read_timeout.value():g}",
            "ca_bundle": ca_bundle,
            "sms_region": str(self.sms_region.currentData()),
        }
        connection = Connection(
            api_base or DEFAULT_API_BASE,
            credentials,
            connect_timeout=self.connect_timeout.value(),
            read_timeout=self.read_timeout.value(),
            ca_bundle=ca_bundle or None,
        )
        return connection, stored

    def _show_errors(self, problems: list[FieldError]) -> None:
        for problem in problems:
            self._errors[problem.field] = problem.message
            self.error_labels[problem.field].show()
        self._retranslate()  # the texts, and the fields' accessible descriptions
        first = min(problems, key=lambda problem: _FIELDS.index(problem.field))
        editor = self.findChild(QWidget, first.field)
        if editor is not None:
            editor.setFocus()

    def _clear_error(self, field: str, *_: object) -> None:
        self.error_labels[field].hide()
        if self._errors.pop(field, None) is not None:
            self._retranslate()

    def _clear_errors(self) -> None:
        for label in self.error_labels.values():
            label.hide()
        if self._errors:
            self._errors.clear()
            self._retranslate()

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

    def _on_language_chosen(self, _index: int) -> None:
        choose_language(self._settings, self.language.currentData())

    def _on_mode_toggled(self, *_: object) -> None:
        keys = self.use_keys.isChecked()
        for widget in (self.secret_key, self.publish_key):
            widget.setEnabled(keys)
        self.token.setEnabled(not keys)

    def _on_show_secrets_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for secret in (self.secret_key, self.publish_key, self.token):
            secret.setEchoMode(mode)

    def _on_browse_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("CA bundle"), self.ca_bundle.text(), self.tr("PEM files (*.pem *.crt)")
        )
        if path:
            self.ca_bundle.setText(path)
            self._clear_error("caBundle")

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

        self._say(BannerKind.INFO, self.tr("Checking…"))
        self._run(check, self._on_test_succeeded)

    def _on_test_succeeded(self, sentence: object) -> None:
        self._say(BannerKind.SUCCESS, sentence if isinstance(sentence, str) else str(sentence))

    def _on_save_clicked(self) -> None:
        checked = self._checked()
        if checked is None:
            return
        connection, stored = checked
        self._settings.store_connection(stored)
        self._saved = connection.credentials
        self._say(BannerKind.INFO, self.tr("Saving your keys in the keychain…"))
        self._run(
            functools.partial(self._keychain.save, connection.credentials),
            self._on_saved,
            keychain=True,
        )

    def _on_saved(self, _result: object) -> None:
        self.saved.emit()
        self.accept()

    def _on_remove_clicked(self) -> None:
        self._say(BannerKind.INFO, self.tr("Removing your keys from the keychain…"))
        self._run(self._keychain.delete, self._on_removed, keychain=True)

    def _on_removed(self, _result: object) -> None:
        self._saved = Credentials()
        for secret in (self.secret_key, self.publish_key, self.token):
            secret.clear()
        self._say(BannerKind.SUCCESS, self.tr("Your keys were removed from this computer."))
        self.saved.emit()

    # --- Jobs --------------------------------------------------------------------------------

    def _run(
        self,
        function: Callable[[], Any],
        on_success: Callable[[object], None],
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

    def _on_job_succeeded(
        self, token: object, on_success: Callable[[object], None], result: object
    ) -> None:
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
            self._say(BannerKind.ERROR, self.tr("Something unexpected went wrong; see the log."))

    def _on_keychain_deadline(self) -> None:
        self._done()
        self._say(
            BannerKind.ERROR,
            self.tr(
                "The keychain did not answer within {seconds:g} s. It may be waiting for you to "
                "unlock it; try again once it is unlocked."
            ).format(seconds=KEYCHAIN_WAIT_SECONDS),
        )

    def _done(self) -> None:
        self._awaiting = None
        self._keychain_deadline.stop()
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.test_button, self.remove_button, self.save_button):
            button.setEnabled(not busy)
