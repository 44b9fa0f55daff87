"""`SettingsForm`: the fields of Settings, with their labels, rules and inline errors."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.api_contract import DEFAULT_API_BASE
from gui.core.config import CONNECT_TIMEOUT, READ_TIMEOUT
from gui.core.contacts import DEFAULT_REGION
from gui.core.credentials import Credentials
from gui.core.errors import FieldError
from gui.ui.i18n import available_languages, translated
from gui.ui.ticket_form import accessible_label

# The fields that can show an inline error, in form order.
FIELDS = ("apiBase", "secretKey", "publishKey", "token", "caBundle")


class SettingsForm(QWidget):
    """API address, key pair or token, timeouts, SMS region, CA bundle and language, each with
    its label, its rule (the editor's accessible description) and, where it can be wrong, its
    inline error.

    It neither checks nor stores anything: `SettingsDialog` fills it (`fill`), reads its
    widgets, and shows what is wrong with them (`show_errors`).
    """

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsForm")
        self._errors: dict[str, str] = {}  # shown errors as given, by field (see _retranslate)
        self._labels: dict[str, QLabel] = {}
        self._build()
        self._retranslate()

    # --- Building ----------------------------------------------------------------------------

    def _build(self) -> None:
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
        self.error_labels = {field: self._error_label(field) for field in FIELDS}

        form = self._layout = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)  # the dialog's layout gives the margins
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
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.api_base.setMinimumWidth(360)

        self.use_keys.toggled.connect(self._on_mode_toggled)
        self.show_secrets.toggled.connect(self._on_show_secrets_toggled)

    def _line_edit(self, name: str, *, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(placeholderText=placeholder)
        edit.setObjectName(name)
        edit.textEdited.connect(functools.partial(self.clear_error, name))
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

    # --- Texts -------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        """Every text of the form in the current language (at start and on a change)."""
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
        # Lay the new texts out now, so the dialog fits them in its next turn of the event
        # loop, as it did when these rows were in its own layout (not one turn later).
        self._layout.activate()

    # --- Values ------------------------------------------------------------------------------

    def fill(
        self, stored: Mapping[str, str], credentials: Credentials, *, language: str | None
    ) -> None:
        """Show the stored connection values, the credentials and the chosen language."""
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
        self.language.setCurrentIndex(max(self.language.findData(language), 0))

    def credentials(self) -> Credentials:
        """What the user entered for the chosen way of signing in."""
        if self.use_keys.isChecked():
            return Credentials(
                secret_key=self.secret_key.text(), publish_key=self.publish_key.text()
            )
        return Credentials(token=self.token.text())

    def clear_secrets(self) -> None:
        for secret in (self.secret_key, self.publish_key, self.token):
            secret.clear()

    # --- Errors ------------------------------------------------------------------------------

    def show_errors(self, problems: Sequence[FieldError]) -> None:
        """Show each message under its field and focus the first field in form order."""
        for problem in problems:
            self._errors[problem.field] = problem.message
            self.error_labels[problem.field].show()
        self._retranslate()  # the texts, and the fields' accessible descriptions
        first = min(problems, key=lambda problem: FIELDS.index(problem.field))
        editor = self.findChild(QWidget, first.field)
        if editor is not None:
            editor.setFocus()

    def clear_error(self, field: str, *_: object) -> None:
        self.error_labels[field].hide()
        if self._errors.pop(field, None) is not None:
            self._retranslate()

    def clear_errors(self) -> None:
        for label in self.error_labels.values():
            label.hide()
        if self._errors:
            self._errors.clear()
            self._retranslate()

    # --- Reacting to the user ----------------------------------------------------------------

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
            self.clear_error("caBundle")
