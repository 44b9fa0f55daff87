"""`SettingsForm`: Settings below the sign-in: language and SMS region, and Advanced, folded."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.api_contract import DEFAULT_API_BASE
from gui.core.config import CONNECT_TIMEOUT, READ_TIMEOUT
from gui.core.contacts import DEFAULT_REGION
from gui.core.credentials import Credentials
from gui.core.errors import FieldError
from gui.ui.field_errors import FieldErrors, field_cell
from gui.ui.form_texts import accessible_label
from gui.ui.i18n import available_languages, translated

# The fields that can show an inline error, in form order (all of them under Advanced).
FIELDS = ("token", "apiBase", "caBundle")


class SettingsForm(QWidget):
    """The language and the default SMS region in a group of their own, and under Advanced
    (`advancedToggle` folds and unfolds `advancedSettings`, folded at first) the key pair or
    Bearer token choice, the token, the API address, the timeouts and the CA bundle. Each field
    has its label, its rule (the editor's accessible description) and, where it can be wrong,
    its inline error; an error under Advanced unfolds it.

    It neither checks nor stores anything: `SettingsDialog` fills it (`fill`), reads its
    widgets, and shows what is wrong with them (`show_errors`).

    Signals:
        advanced_edited(): the user changed a value under Advanced.
        keys_chosen(bool): the key pair (True) or the Bearer token (False) signs in now.
    """

    advanced_edited = Signal()
    keys_chosen = Signal(bool)

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsForm")
        self._errors = FieldErrors(FIELDS, self._retranslate)  # shown as given (_retranslate)
        self._labels: dict[str, QLabel] = {}
        self.error_labels = self._errors.labels
        self._build()
        self._retranslate()

    # --- Building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.language = QComboBox()
        self.language.setObjectName("languageChoice")
        self.language.addItem("", None)  # the system's language; texts: _retranslate
        for code, name in available_languages().items():
            self.language.addItem(name, code)  # each in its own language, never translated
        self.sms_region = QComboBox()
        self.sms_region.setObjectName("smsRegion")
        self._fill_regions()
        self.preferences = QGroupBox()
        self.preferences.setObjectName("preferencesGroup")
        preferences = QFormLayout(self.preferences)
        self._row(preferences, "language", self.language)
        self._row(preferences, "smsRegion", self.sms_region)

        self.advanced_toggle = QToolButton(autoRaise=True)
        self.advanced_toggle.setCheckable(True)
        self.advanced_toggle.setObjectName("advancedToggle")
        self.advanced_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced = QGroupBox()  # untitled: the toggle above is its title
        self.advanced.setObjectName("advancedSettings")
        self.advanced.hide()
        self._build_advanced()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)  # the dialog's layout gives the margins
        layout.addWidget(self.preferences)
        layout.addWidget(self.advanced_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.advanced)
        self.advanced_toggle.toggled.connect(self.set_advanced_shown)

    def _build_advanced(self) -> None:
        self.use_keys = QRadioButton()
        self.use_keys.setObjectName("useKeys")
        self.use_token = QRadioButton()
        self.use_token.setObjectName("useToken")
        self.token = self._line_edit("token")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.api_base = self._line_edit("apiBase", placeholder=DEFAULT_API_BASE)
        self.connect_timeout = self._seconds("connectTimeout", 0.5, 120.0)
        self.read_timeout = self._seconds("readTimeout", 1.0, 600.0)
        self.ca_bundle = self._line_edit("caBundle")
        self.browse_button = QPushButton()
        self.browse_button.setObjectName("caBundleBrowse")
        self.browse_button.clicked.connect(self._on_browse_clicked)

        form = self._advanced_layout = QFormLayout(self.advanced)
        form.addRow(self.use_keys)
        form.addRow(self.use_token)
        self._row(form, "token", self.token, "token")
        self._row(form, "apiBase", self.api_base, "apiBase")
        self._row(form, "connectTimeout", self.connect_timeout)
        self._row(form, "readTimeout", self.read_timeout)
        ca_cell = QWidget()
        ca_row = QHBoxLayout(ca_cell)
        ca_row.setContentsMargins(0, 0, 0, 0)
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(self.browse_button)
        self._row(form, "caBundle", ca_cell, "caBundle", buddy=self.ca_bundle)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.use_keys.toggled.connect(self._on_mode_toggled)
        for edit in (self.token, self.api_base, self.ca_bundle):
            edit.textChanged.connect(self._on_advanced_edited)
        for box in (self.connect_timeout, self.read_timeout):
            box.valueChanged.connect(self._on_advanced_edited)

    def _line_edit(self, name: str, *, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(placeholderText=placeholder)
        edit.setObjectName(name)
        edit.textEdited.connect(functools.partial(self.clear_error, name))
        return edit

    def _seconds(self, name: str, minimum: float, maximum: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox(decimals=1, singleStep=1.0)
        box.setObjectName(name)
        box.setRange(minimum, maximum)
        box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        return box

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
        form.addRow(label, field_cell(editor, self.error_labels[error_field]))

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
        self.preferences.setTitle(self.tr("Language and SMS region"))
        self.advanced_toggle.setText(self.tr("A&dvanced"))
        self.advanced_toggle.setToolTip(
            self.tr("The Bearer token, the API address, the timeouts and the CA bundle.")
        )
        self.api_base.setPlaceholderText(DEFAULT_API_BASE)
        self.use_keys.setText(self.tr("Sign in with the &key pair (recommended)"))
        self.use_token.setText(self.tr("Use a Bearer t&oken"))
        for box in (self.connect_timeout, self.read_timeout):
            box.setSuffix(self.tr(" s"))
            box.setLocale(QLocale())  # the decimal separator of the language's locale
        self.ca_bundle.setPlaceholderText(self.tr("none: the system's CAs"))
        self.browse_button.setText(self.tr("Bro&wse…"))
        self.language.setItemText(0, self.tr("System language"))
        labels = {
            "apiBase": self.tr("&API address"),
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
            if key in self._errors.messages:
                description = f"{translated(self._errors.messages[key])} {description}"
                self.error_labels[key].setText(translated(self._errors.messages[key]))
            editor.setAccessibleDescription(description)
            if key in self.error_labels:
                self.error_labels[key].setAccessibleName(
                    self.tr("Problem with {field}").format(field=accessible_label(labels[key]))
                )
        # Lay the new texts out now, so the dialog fits them in its next turn of the event
        # loop, as it did when these rows were in its own layout (not one turn later).
        self._advanced_layout.activate()

    # --- Values ------------------------------------------------------------------------------

    def fill(
        self, stored: Mapping[str, str], credentials: Credentials, *, language: str | None
    ) -> None:
        """Show the stored connection values, the token of `credentials` and the language.

        Advanced starts unfolded when a value there is not its default (a token signs in, an
        API address, timeouts or a CA bundle were set): Settings never hides what is in use.
        """
        self.api_base.setText(stored.get("api_base", ""))
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
        self.set_advanced_shown(self.advanced_changed())

    def advanced_changed(self) -> bool:
        """Whether a value under Advanced is not its default."""
        return (
            self.use_token.isChecked()
            or bool(self.api_base.text().strip() or self.ca_bundle.text().strip())
            or self.connect_timeout.value() != CONNECT_TIMEOUT
            or self.read_timeout.value() != READ_TIMEOUT
        )

    @property
    def uses_keys(self) -> bool:
        """Whether the key pair signs in (not the Bearer token)."""
        return self.use_keys.isChecked()

    def token_credentials(self) -> Credentials:
        """The token as typed, as credentials."""
        return Credentials(token=self.token.text())

    def clear_token(self) -> None:
        self.token.clear()

    def show_token(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.token.setEchoMode(mode)

    def set_advanced_shown(self, shown: bool) -> None:
        """Unfold (True) or fold Advanced."""
        self.advanced_toggle.setChecked(shown)  # toggled calls back here: nothing to do then
        self.advanced_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.advanced.setVisible(shown)

    # --- Errors ------------------------------------------------------------------------------

    def show_errors(self, problems: Sequence[FieldError]) -> None:
        """Show each of the form's problems under its field (unfolding Advanced) and focus the
        first in form order; problems of other fields are left alone."""
        first = self._errors.show(problems)
        if first is None:
            return
        self.set_advanced_shown(True)
        editor = self.findChild(QWidget, first)
        if editor is not None:
            editor.setFocus()

    def clear_error(self, field: str, *_: object) -> None:
        self._errors.clear(field)

    def clear_errors(self) -> None:
        self._errors.clear_all()

    # --- Reacting to the user ----------------------------------------------------------------

    def _on_mode_toggled(self, *_: object) -> None:
        keys = self.use_keys.isChecked()
        self.token.setEnabled(not keys)
        if keys:
            self.clear_error("token")
        self.keys_chosen.emit(keys)
        self.advanced_edited.emit()

    def _on_advanced_edited(self, *_: object) -> None:
        self.advanced_edited.emit()

    def _on_browse_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("CA bundle"), self.ca_bundle.text(), self.tr("PEM files (*.pem *.crt)")
        )
        if path:
            self.ca_bundle.setText(path)
            self.clear_error("caBundle")
