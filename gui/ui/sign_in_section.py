"""`SignInSection`: the keys, where to find them, and Test connection with its answer in words.

Settings shows it first, and the window shows it on its sign-in page when nothing signs in.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.credentials import Credentials, Mode, check_credentials
from gui.core.errors import (
    ApiError,
    FieldError,
    InvalidCredentials,
    KeysRejected,
    NetworkError,
    TicketError,
    TokenRejected,
)
from gui.core.messages import QT_TRANSLATE_NOOP, join
from gui.ui.banner import BannerKind
from gui.ui.field_errors import FieldErrors, field_cell
from gui.ui.form_texts import accessible_label
from gui.ui.i18n import translated
from gui.ui.keychain_writer import SAVING, KeychainWriter
from gui.ui.palette import mark

if TYPE_CHECKING:
    from gui.core.config import Connection
    from gui.core.keychain import Keychain
    from gui.ui.worker import JobRunner

log = logging.getLogger(__name__)

#: Where the Particle Space dashboard lists the keys. An assumption: the vendor documents no
#: such page, and its dashboard is not ours to check (README ▸ Using it with Particle Space).
DASHBOARD_KEYS_PAGE = "Developers ▸ API keys"
#: The fields this section shows errors for, in its order.
FIELDS = ("secretKey", "publishKey")
#: The error under an empty key (or token) field.
ENTER_TO_SIGN_IN = QT_TRANSLATE_NOOP("SettingsDialog", "Enter this to sign in.")

#: Gives the connection to test the keys with (API address, CA bundle, timeouts), or None after
#: showing what is wrong with those values; see `SignInSection`.
ConnectionFor = Callable[[Credentials], "Connection | None"]


class SignInSection(QWidget):
    """The secret and publishable key (`secretKey`, `publishKey`) with their inline errors, a
    sentence on where to find them (`keysHelp`), Test connection (`testConnectionButton`) and
    its answer in words (`testResult`).

    `connection_for(credentials)` gives the connection a test uses with the checked keys: the
    window's page passes the stored settings, Settings its Advanced values. With the keys
    turned off (`set_keys_enabled(False)`: Settings' Bearer token) they are not checked and it
    is given empty credentials. The test runs on `jobs`, never on the GUI thread; a press while
    one runs does nothing, and editing a key drops the answer, which is then no longer true.

    With a `keychain`, `save_keys` stores the checked keys there (through `KeychainWriter`).

    Signals:
        tested(bool): a test ended: whether it signed in.
        saved(Credentials): `save_keys` stored these keys in the keychain.
        busy_changed(bool): a test or a save started, or ended.
    """

    tested = Signal(bool)
    saved = Signal(object)
    busy_changed = Signal(bool)

    def __init__(
        self,
        *,
        jobs: JobRunner,
        connection_for: ConnectionFor,
        keychain: Keychain | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInSection")
        self._jobs = jobs
        self._connection_for = connection_for
        self._testing: object | None = None  # the test whose answer counts
        self._answer: str | None = None  # what `testResult` says, as given (a Message)
        self._errors = FieldErrors(FIELDS, self._retranslate)  # under the keys, as given
        self._actions_enabled = True
        self._keys_enabled = True
        self._writer: KeychainWriter | None = None
        if keychain is not None:
            self._writer = KeychainWriter(keychain=keychain, jobs=jobs, parent=self)
            self._writer.saved.connect(self._on_writer_saved)
            self._writer.failed.connect(self._on_writer_failed)
            self._writer.busy_changed.connect(self._on_busy_changed)
        self._build()
        self._retranslate()

    # --- Building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.keys_help = QLabel(wordWrap=True)
        self.keys_help.setObjectName("keysHelp")
        self.keys_help.setTextFormat(Qt.TextFormat.PlainText)
        mark(self.keys_help, "hint")  # in the first frame of a first start
        self.secret_key = self._key_edit("secretKey")
        self.publish_key = self._key_edit("publishKey")
        self.error_labels = self._errors.labels
        self.show_secrets = QCheckBox()
        self.show_secrets.setObjectName("showSecrets")
        self.test_button = QPushButton()
        self.test_button.setObjectName("testConnectionButton")
        self.test_result = QLabel(wordWrap=True)
        self.test_result.setObjectName("testResult")
        self.test_result.setTextFormat(Qt.TextFormat.PlainText)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_result.hide()

        self._labels: dict[str, QLabel] = {}
        form = self._form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field, editor in (("secretKey", self.secret_key), ("publishKey", self.publish_key)):
            label = self._labels[field] = QLabel()
            label.setObjectName(f"{field}Label")
            label.setBuddy(editor)
            form.addRow(label, field_cell(editor, self.error_labels[field]))
        form.addRow("", self.show_secrets)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.keys_help)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addWidget(self.test_result)
        self.secret_key.setMinimumWidth(320)
        self.setFocusProxy(self.secret_key)  # focusing the section starts at the first key

        self.show_secrets.toggled.connect(self._on_show_secrets_toggled)
        self.test_button.clicked.connect(self.test)

    def _key_edit(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.textEdited.connect(functools.partial(self._on_key_edited, name))
        return edit

    # --- Texts -------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        """Every text of the section in the current language (at start and on a change)."""
        self.keys_help.setText(
            self.tr(
                "Both keys are in the Particle Space dashboard, under {page}: the secret key "
                "starts with sk_test_ or sk_live_, the publishable key with pk_test_ or "
                "pk_live_. Test keys reach only test data."
            ).format(page=DASHBOARD_KEYS_PAGE.replace(" ", "\N{NO-BREAK SPACE}"))  # one piece
        )
        self.secret_key.setPlaceholderText(self.tr("sk_test_… or sk_live_…"))
        self.publish_key.setPlaceholderText(self.tr("pk_test_… or pk_live_…"))
        self.show_secrets.setText(self.tr("Show the ke&ys"))
        self.test_button.setText(self.tr("&Test connection"))
        labels = {"secretKey": self.tr("S&ecret key"), "publishKey": self.tr("&Publishable key")}
        rules = {
            "secretKey": self.tr("The secret key from the Particle Space dashboard."),
            "publishKey": self.tr("The publishable key from the Particle Space dashboard."),
        }
        for field, label in self._labels.items():
            label.setText(labels[field])
            editor = label.buddy()
            name = accessible_label(labels[field])
            editor.setAccessibleName(name)
            description = rules[field]
            if field in self._errors.messages:
                error = translated(self._errors.messages[field])
                description = f"{error} {description}"
                self.error_labels[field].setText(error)
            editor.setAccessibleDescription(description)
            self.error_labels[field].setAccessibleName(
                self.tr("Problem with {field}").format(field=name)
            )
        if self._answer is not None:
            self.test_result.setText(translated(self._answer))
            self.test_result.setAccessibleDescription(self.test_result.text())

    # --- Values ------------------------------------------------------------------------------

    def credentials(self) -> Credentials:
        """The keys as typed (not checked)."""
        return Credentials(secret_key=self.secret_key.text(), publish_key=self.publish_key.text())

    def fill(self, credentials: Credentials) -> None:
        """Show the keys of `credentials` (a token is not this section's); no answer, no error."""
        self.secret_key.setText(credentials.secret_key)
        self.publish_key.setText(credentials.publish_key)
        self.clear_errors()
        self.clear_answer()

    def checked_keys(self) -> tuple[Credentials, list[FieldError]]:
        """The keys without surrounding blanks, and what is wrong with them (nothing shown)."""
        credentials = self.credentials()
        if not credentials.uses_keys:
            return credentials, [FieldError("secretKey", ENTER_TO_SIGN_IN)]
        try:
            return check_credentials(credentials), []
        except InvalidCredentials as invalid:
            return credentials, list(invalid.field_errors)

    def set_keys_enabled(self, enabled: bool) -> None:
        """Turn the keys on or off (off: Settings signs in with a Bearer token instead)."""
        self._keys_enabled = enabled
        for editor in (self.secret_key, self.publish_key):
            editor.setEnabled(enabled)
        if not enabled:
            self.clear_errors()

    @property
    def keys_enabled(self) -> bool:
        return self._keys_enabled

    # --- Errors ------------------------------------------------------------------------------

    def show_errors(self, problems: Sequence[FieldError]) -> None:
        """Show each of this section's problems under its field and focus the first one; the
        problems of other fields are not this section's and are left alone."""
        first = self._errors.show(problems)
        if first is not None:
            (self.secret_key if first == "secretKey" else self.publish_key).setFocus()

    def clear_error(self, field: str) -> None:
        self._errors.clear(field)

    def clear_errors(self) -> None:
        self._errors.clear_all()

    # --- The answer --------------------------------------------------------------------------

    def answer(self) -> str | None:
        """What `testResult` says now (a Message), if anything."""
        return self._answer

    def clear_answer(self) -> None:
        """Say nothing any more (the values it was about changed); a test under way is
        dropped: its answer would be about values that are no longer there."""
        if self._testing is not None:
            self._testing = None
            self._on_busy_changed()
        self._answer = None
        self.test_result.clear()
        self.test_result.hide()

    def _say(self, kind: BannerKind, text: str) -> None:
        self._answer = text
        self.test_result.setProperty("kind", kind.value)
        roles = {BannerKind.ERROR: "fieldError", BannerKind.INFO: "hint"}
        self.test_result.setProperty("role", roles.get(kind, ""))
        self.test_result.style().unpolish(self.test_result)
        self.test_result.style().polish(self.test_result)
        self.test_result.setText(translated(text))
        self.test_result.setAccessibleDescription(self.test_result.text())
        self.test_result.show()

    # --- Test connection ---------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """Whether a test or a save is under way."""
        return self._testing is not None or (self._writer is not None and self._writer.busy)

    def set_actions_enabled(self, enabled: bool) -> None:
        """Let the owner hold Test connection while it does something else (Settings' Save)."""
        self._actions_enabled = enabled
        self._update_buttons()

    def test(self) -> None:
        """Check the keys, then test them on a job; `tested` tells how it went."""
        if self.busy or not self._actions_enabled:
            return
        connection = self.checked_connection()
        if connection is None:
            return
        if connection.problem is not None:  # e.g. a stored API address that cannot be used
            self._say(BannerKind.ERROR, connection.problem)
            self.tested.emit(False)
            return
        token = self._testing = object()
        self._on_busy_changed()
        self._say(
            BannerKind.INFO,
            QT_TRANSLATE_NOOP("SignInSection", "Testing the connection to {address}…").format(
                address=connection.api_base
            ),
        )
        self._jobs.run(
            functools.partial(_check_connection, connection),
            lambda sentence: self._on_test_succeeded(token, connection, sentence),
            lambda error: self._on_test_failed(token, connection, error),
        )

    def checked_connection(self) -> Connection | None:
        """The checked keys in the connection `connection_for` gives, or None after showing
        what is wrong (Settings' Save checks its values with this too)."""
        self.clear_errors()
        credentials, problems = Credentials(), list[FieldError]()
        if self.keys_enabled:
            credentials, problems = self.checked_keys()
        connection = self._connection_for(credentials)  # the owner shows its own problems
        if problems:
            self.show_errors(problems)  # after the owner's: the focus goes to the keys
            return None
        return connection

    def _on_test_succeeded(self, token: object, connection: Connection, sentence: str) -> None:
        if token is not self._testing:
            return  # the keys changed meanwhile: this answer is about keys no longer there
        self._testing = None
        self._on_busy_changed()
        self._say(BannerKind.SUCCESS, _success(connection, sentence))
        self.tested.emit(True)

    def _on_test_failed(self, token: object, connection: Connection, error: Exception) -> None:
        if token is not self._testing:
            return
        self._testing = None
        self._on_busy_changed()
        if not isinstance(error, TicketError):
            log.error("the connection test failed", exc_info=error)
        self._say(BannerKind.ERROR, _failure(connection, error))
        self.tested.emit(False)

    # --- Saving the keys ---------------------------------------------------------------------

    def save_keys(self) -> None:
        """Check the keys and store them in the keychain; then `saved(credentials)`, or the
        keychain's refusal in `testResult`. Needs the `keychain` of the constructor."""
        if self._writer is None:
            raise RuntimeError("SignInSection.save_keys needs a keychain")
        if self.busy or not self._actions_enabled:
            return
        self.clear_errors()
        credentials, problems = self.checked_keys()
        if problems:
            self.show_errors(problems)
            return
        self._say(BannerKind.INFO, SAVING)
        self._writer.save(credentials)

    def _on_writer_saved(self, credentials: Credentials) -> None:
        self.clear_answer()
        self.saved.emit(credentials)

    def _on_writer_failed(self, message: str) -> None:
        self._say(BannerKind.ERROR, message)

    # --- Reacting to the user ----------------------------------------------------------------

    def _on_key_edited(self, field: str, _text: str) -> None:
        self.clear_error(field)
        self.clear_answer()

    def _on_show_secrets_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for editor in (self.secret_key, self.publish_key):
            editor.setEchoMode(mode)

    def _on_busy_changed(self, *_: object) -> None:
        self._update_buttons()
        saving = self._writer is not None and self._writer.busy
        for editor in (self.secret_key, self.publish_key):
            editor.setReadOnly(saving)  # what is saved is what the fields show
        self.busy_changed.emit(self.busy)

    def _update_buttons(self) -> None:
        self.test_button.setEnabled(self._actions_enabled and not self.busy)


def _check_connection(connection: Connection) -> str:
    """Sign in (or reach the server with a token) without touching any ticket; on a job."""
    from gui.core.abort import Abort
    from gui.core.sender import TicketSender

    sender = TicketSender(connection)
    try:
        return sender.check_connection(Abort())
    finally:
        sender.close()


def _success(connection: Connection, sentence: str) -> str:
    """What a test that worked says: whom it signed in as, and that nothing changed."""
    address = connection.api_base
    match connection.credentials.mode if connection.credentials.uses_keys else None:
        case Mode.TEST:
            return QT_TRANSLATE_NOOP(
                "SignInSection", "Signed in to {address} as a test account. Nothing was changed."
            ).format(address=address)
        case Mode.LIVE:
            return QT_TRANSLATE_NOOP(
                "SignInSection",
                "Signed in to {address} with live keys: updates change real tickets. Nothing "
                "was changed.",
            ).format(address=address)
    return join([sentence, QT_TRANSLATE_NOOP("SignInSection", "Nothing was changed.")])


def _failure(connection: Connection, error: Exception) -> str:
    """What a test that did not work says, in words: refused, unreachable, or what else."""
    address = connection.api_base
    if isinstance(error, KeysRejected):
        return QT_TRANSLATE_NOOP(
            "SignInSection",
            "Particle Space refused these keys: it answered HTTP {status}. Copy both keys "
            "again from {page} in the dashboard.",
        ).format(status=error.status, page=DASHBOARD_KEYS_PAGE)
    if isinstance(error, TokenRejected):
        return QT_TRANSLATE_NOOP(
            "SignInSection", "Particle Space refused this token: it answered HTTP {status}."
        ).format(status=error.status)
    if isinstance(error, NetworkError):
        return QT_TRANSLATE_NOOP("SignInSection", "Could not reach {address}: {reason}").format(
            address=address, reason=error.message
        )
    if isinstance(error, ApiError):
        return QT_TRANSLATE_NOOP(
            "SignInSection", "Could not sign in at {address}: {reason}"
        ).format(address=address, reason=error.message)
    if isinstance(error, TicketError):
        return error.message
    return QT_TRANSLATE_NOOP("SettingsDialog", "Something unexpected went wrong; see the log.")
