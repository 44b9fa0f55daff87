"""Settings for people: sign in first (Test connection before Save, its answer in words), the
language and SMS region on their own, and Advanced folded until it is needed."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QGroupBox, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from gui.core.credentials import Credentials
from gui.core.keychain import SERVICE, Keychain
from gui.sandbox import SandboxServer
from gui.ui.settings import AppSettings
from gui.ui.settings_dialog import SettingsDialog
from gui.ui.worker import JobRunner
from tests.memory_keyring import MemoryKeyring
from tests.ui.conftest import click, focused, type_into
from tests.unit.loopback import LoopbackServer, free_port, response_bytes

SECRET = "sk_test_ab12"
PUBLISH = "pk_test_ab12"
NO_CREDENTIALS = Credentials()

DialogFactory = Callable[..., SettingsDialog]


@pytest.fixture
def jobs() -> Iterator[JobRunner]:
    runner = JobRunner()
    yield runner
    assert runner.wait(10_000), "a Settings job was still running"


@pytest.fixture
def open_dialog(qtbot: QtBot, jobs: JobRunner) -> DialogFactory:
    """Settings as the window opens it: shown, active, on an in-memory keychain."""

    def make(
        credentials: Credentials = NO_CREDENTIALS, settings: AppSettings | None = None
    ) -> SettingsDialog:
        dialog = SettingsDialog(
            settings=settings or AppSettings(),
            keychain=Keychain(),
            credentials=credentials,
            keychain_available=True,
            jobs=jobs,
        )
        qtbot.addWidget(dialog)
        with qtbot.waitExposed(dialog), qtbot.waitActive(dialog):
            dialog.show()
            dialog.activateWindow()
        return dialog

    return make


def unfold(qtbot: QtBot, dialog: SettingsDialog) -> None:
    if not dialog.form.advanced.isVisible():
        click(qtbot, dialog.findChild(QWidget, "advancedToggle"))
    assert dialog.findChild(QWidget, "advancedSettings").isVisible()


def enter(
    qtbot: QtBot,
    dialog: SettingsDialog,
    *,
    api_base: str | None = None,
    secret: str = SECRET,
    publish: str = PUBLISH,
) -> None:
    """Type the keys, and the API address under Advanced when given, like a user."""
    if api_base is not None:
        unfold(qtbot, dialog)
        type_into(qtbot, dialog.findChild(QWidget, "apiBase"), api_base)
    type_into(qtbot, dialog.findChild(QWidget, "secretKey"), secret)
    type_into(qtbot, dialog.findChild(QWidget, "publishKey"), publish)


def answer_of(dialog: SettingsDialog) -> QLabel:
    return dialog.findChild(QLabel, "testResult")


def press_test(qtbot: QtBot, dialog: SettingsDialog) -> list[object]:
    """Click Test connection and wait for its answer; the `tested` arguments."""
    with qtbot.waitSignal(dialog.sign_in.tested, timeout=10_000) as tested:
        click(qtbot, dialog.findChild(QWidget, "testConnectionButton"))
    return list(tested.args)


def tab_order(dialog: SettingsDialog) -> list[str]:
    """Object names of what Tab reaches from the secret key on, up to Save."""
    dialog.findChild(QWidget, "secretKey").setFocus()
    order = [focused()]
    while order[-1] != "saveButton" and len(order) < 40:
        widget = QApplication.focusWidget()
        QtBot.keyClick(widget, Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        # A spin box's focus is on its inner line edit (qt_spinbox_lineedit): name the box.
        while focus is not None and focus.objectName().startswith("qt_"):
            focus = focus.parentWidget()
        order.append(focus.objectName() if focus is not None else "")
    return order


# --- The layout ----------------------------------------------------------------------------


def test_sign_in_comes_first_and_test_connection_before_save(
    open_dialog: DialogFactory,
) -> None:
    dialog = open_dialog()
    groups = sorted(
        (group for group in dialog.findChildren(QGroupBox) if group.title()),
        key=lambda group: group.mapTo(dialog, QPoint(0, 0)).y(),
    )
    assert [group.title() for group in groups] == ["Sign in", "Language and SMS region"]
    sign_in = dialog.findChild(QGroupBox, "signInGroup")
    for name in ("secretKey", "publishKey", "keysHelp", "testConnectionButton", "testResult"):
        assert sign_in.isAncestorOf(dialog.findChild(QWidget, name)), name
    preferences = dialog.findChild(QGroupBox, "preferencesGroup")
    for name in ("languageChoice", "smsRegion"):
        assert preferences.isAncestorOf(dialog.findChild(QWidget, name)), name
    advanced = dialog.findChild(QWidget, "advancedSettings")
    for name in ("apiBase", "token", "useToken", "connectTimeout", "readTimeout", "caBundle"):
        assert advanced.isAncestorOf(dialog.findChild(QWidget, name)), name

    def top(name: str) -> int:
        return dialog.findChild(QWidget, name).mapTo(dialog, QPoint(0, 0)).y()

    assert top("secretKey") < top("testConnectionButton") < top("languageChoice")
    assert top("languageChoice") < top("advancedToggle") < top("saveButton")
    help_text = dialog.findChild(QLabel, "keysHelp").text().replace("\N{NO-BREAK SPACE}", " ")
    assert "Developers ▸ API keys" in help_text
    assert "sk_test_" in help_text and "pk_live_" in help_text
    assert "Test keys reach only test data." in help_text


def test_tab_goes_from_the_keys_to_test_connection_and_on_to_save(
    qtbot: QtBot, open_dialog: DialogFactory
) -> None:
    dialog = open_dialog()
    folded = tab_order(dialog)
    assert folded == [
        "secretKey",
        "publishKey",
        "showSecrets",
        "testConnectionButton",
        "languageChoice",
        "smsRegion",
        "advancedToggle",
        "removeCredentialsButton",
        "saveButton",
    ]
    unfold(qtbot, dialog)
    unfolded = tab_order(dialog)
    assert unfolded[:7] == folded[:7] and unfolded[-2:] == folded[-2:]
    advanced = unfolded[7:-2]
    for name in ("apiBase", "connectTimeout", "readTimeout", "caBundle", "caBundleBrowse"):
        assert name in advanced
    assert advanced.index("apiBase") < advanced.index("caBundle")


def test_advanced_is_folded_at_open_and_the_dialog_grows_and_shrinks_with_it(
    qtbot: QtBot, open_dialog: DialogFactory
) -> None:
    dialog = open_dialog()
    toggle = dialog.findChild(QWidget, "advancedToggle")
    advanced = dialog.findChild(QWidget, "advancedSettings")
    assert not advanced.isVisible() and not toggle.isChecked()
    folded = dialog.height()

    click(qtbot, toggle)
    assert advanced.isVisible() and toggle.isChecked()
    qtbot.waitUntil(lambda: dialog.height() > folded + advanced.height() // 2)
    assert dialog.findChild(QWidget, "apiBase").isVisible()
    assert dialog.geometry().contains(dialog.mapToGlobal(advanced.geometry().bottomLeft()))

    click(qtbot, toggle)
    assert not advanced.isVisible()
    qtbot.waitUntil(lambda: dialog.height() == folded)


def test_advanced_starts_unfolded_when_a_value_there_is_not_its_default(
    open_dialog: DialogFactory,
) -> None:
    settings = AppSettings()
    settings.store_connection({"connect_timeout": "9"})
    assert open_dialog(settings=settings).findChild(QWidget, "advancedSettings").isVisible()
    token_user = open_dialog(credentials=Credentials(token="tok_ab12"))
    assert token_user.findChild(QWidget, "advancedSettings").isVisible()
    assert not token_user.findChild(QWidget, "secretKey").isEnabled()  # the token signs in


def test_an_error_under_advanced_unfolds_it_on_save_and_on_test(
    qtbot: QtBot, open_dialog: DialogFactory, memory_keyring: MemoryKeyring
) -> None:
    dialog = open_dialog()
    enter(qtbot, dialog, api_base="http://example.com/api/v1")
    click(qtbot, dialog.findChild(QWidget, "advancedToggle"))  # folded again
    click(qtbot, dialog.save_button)
    assert dialog.findChild(QWidget, "advancedSettings").isVisible()
    error = dialog.findChild(QLabel, "apiBaseError")
    assert error.isVisible() and error.text().startswith("Refusing plain http to example.com")
    assert memory_keyring.stored == {} and dialog.isVisible()

    type_into(qtbot, dialog.findChild(QWidget, "apiBase"), "")
    type_into(qtbot, dialog.findChild(QWidget, "caBundle"), "no-such-file.pem")
    click(qtbot, dialog.findChild(QWidget, "advancedToggle"))
    click(qtbot, dialog.test_button)
    assert dialog.findChild(QWidget, "advancedSettings").isVisible()
    assert dialog.findChild(QLabel, "caBundleError").text() == "There is no file at this path."
    assert not answer_of(dialog).isVisible()  # nothing was tested
    assert not dialog.sign_in.busy


# --- Test connection, in words -------------------------------------------------------------


def test_a_good_test_says_whom_it_signed_in_as_and_that_nothing_changed(
    qtbot: QtBot, open_dialog: DialogFactory, sandbox: SandboxServer
) -> None:
    dialog = open_dialog()
    enter(qtbot, dialog, api_base=sandbox.url)
    assert press_test(qtbot, dialog) == [True]
    assert answer_of(dialog).isVisible()
    assert answer_of(dialog).text() == (
        f"Signed in to {sandbox.url} as a test account. Nothing was changed."
    )
    assert [request.path for request in sandbox.requests] == ["/api/v1/authenticate"]


def test_refused_keys_are_said_so(
    qtbot: QtBot, open_dialog: DialogFactory, sandbox: SandboxServer
) -> None:
    dialog = open_dialog()
    enter(qtbot, dialog, api_base=sandbox.url, secret="sk_live_ab12", publish="pk_live_ab12")
    assert press_test(qtbot, dialog) == [False]
    assert answer_of(dialog).text() == (
        "Particle Space refused these keys: it answered HTTP 401. Copy both keys again from "
        "Developers ▸ API keys in the dashboard."
    )
    assert answer_of(dialog).property("role") == "fieldError"


def test_an_address_where_nothing_listens_is_said_so(
    qtbot: QtBot, open_dialog: DialogFactory
) -> None:
    dialog = open_dialog()
    port = free_port()
    address = f"http://127.0.0.1:{port}/api/v1"
    enter(qtbot, dialog, api_base=address)
    assert press_test(qtbot, dialog) == [False]
    assert answer_of(dialog).text() == (
        f"Could not reach {address}: 127.0.0.1:{port} refused the connection: the service is "
        "down or the address is wrong."
    )


def test_with_the_bearer_token_chosen_test_connection_tests_the_token(
    qtbot: QtBot, open_dialog: DialogFactory, sandbox: SandboxServer
) -> None:
    dialog = open_dialog(credentials=Credentials(token=SandboxServer.TOKEN))
    unfold(qtbot, dialog)  # it opened unfolded: the token is not a default
    type_into(qtbot, dialog.findChild(QWidget, "apiBase"), sandbox.url)
    assert not dialog.findChild(QWidget, "secretKey").isEnabled()
    click(qtbot, dialog.findChild(QWidget, "showSecrets"))  # shows the token too
    assert dialog.findChild(QLineEdit, "token").echoMode() == QLineEdit.EchoMode.Normal
    assert press_test(qtbot, dialog) == [True]
    host = sandbox.url.split("/")[2]
    assert answer_of(dialog).text() == (
        f"Reached {host}. The token is checked with the first update. Nothing was changed."
    )
    assert [request.path for request in sandbox.requests] == ["/api/v1"]


def test_editing_a_key_or_the_address_after_a_test_clears_its_answer(
    qtbot: QtBot, open_dialog: DialogFactory, sandbox: SandboxServer
) -> None:
    dialog = open_dialog()
    enter(qtbot, dialog, api_base=sandbox.url)
    press_test(qtbot, dialog)
    assert answer_of(dialog).isVisible()
    qtbot.keyClicks(dialog.findChild(QWidget, "publishKey"), "x")
    assert not answer_of(dialog).isVisible() and dialog.sign_in.answer() is None

    press_test(qtbot, dialog)
    assert answer_of(dialog).isVisible()
    qtbot.keyClicks(dialog.findChild(QWidget, "apiBase"), "/")
    assert not answer_of(dialog).isVisible()


class _HeldSignIn:
    """A sign-in server that answers only once `release` is set."""

    def __init__(self) -> None:
        self.release = threading.Event()

    def __call__(self, conn: socket.socket, server: LoopbackServer) -> None:
        if server.receive(conn) is None:
            return
        self.release.wait(10)
        body = b'{"data": {"token": "tok_ab12"}}'
        conn.sendall(response_bytes(body=body, headers={"Content-Type": "application/json"}))


def test_a_second_press_while_testing_does_nothing(
    qtbot: QtBot, open_dialog: DialogFactory
) -> None:
    held = _HeldSignIn()
    with LoopbackServer(held) as server:
        dialog = open_dialog()
        enter(qtbot, dialog, api_base=server.url)
        test_button = dialog.findChild(QWidget, "testConnectionButton")
        results: list[bool] = []
        dialog.sign_in.tested.connect(results.append)
        click(qtbot, test_button)
        qtbot.waitUntil(server.request_seen.is_set)
        assert dialog.sign_in.busy
        assert answer_of(dialog).text() == f"Testing the connection to {server.url}…"
        assert not test_button.isEnabled() and not dialog.save_button.isEnabled()
        click(qtbot, test_button)  # disabled: nothing
        dialog.sign_in.test()  # nor a press that gets through some other way (a shortcut)
        with qtbot.waitSignal(dialog.sign_in.tested, timeout=10_000):
            held.release.set()
    assert results == [True] and server.connections == 1
    assert test_button.isEnabled() and dialog.save_button.isEnabled()
    assert answer_of(dialog).text().startswith(f"Signed in to {server.url} as a test account")


def test_an_answer_for_keys_edited_meanwhile_is_not_shown(
    qtbot: QtBot, open_dialog: DialogFactory, jobs: JobRunner
) -> None:
    held = _HeldSignIn()
    with LoopbackServer(held) as server:
        dialog = open_dialog()
        enter(qtbot, dialog, api_base=server.url)
        results: list[bool] = []
        dialog.sign_in.tested.connect(results.append)
        click(qtbot, dialog.test_button)
        qtbot.waitUntil(server.request_seen.is_set)
        qtbot.keyClicks(dialog.findChild(QWidget, "secretKey"), "9")  # the keys change
        assert not answer_of(dialog).isVisible()
        assert not dialog.sign_in.busy and dialog.test_button.isEnabled()
        held.release.set()
        assert jobs.wait(10_000)
    QApplication.processEvents()  # the old answer arrives: it is for keys no longer there
    assert results == [] and not answer_of(dialog).isVisible()


# --- Saving, languages ---------------------------------------------------------------------


def test_save_stores_the_keys_and_the_advanced_values(
    qtbot: QtBot, open_dialog: DialogFactory, sandbox: SandboxServer, memory_keyring: MemoryKeyring
) -> None:
    settings = AppSettings()
    dialog = open_dialog(settings=settings)
    enter(qtbot, dialog, api_base=sandbox.url)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        click(qtbot, dialog.save_button)
    assert memory_keyring.stored == {
        (SERVICE, "secret_key"): SECRET,
        (SERVICE, "publish_key"): PUBLISH,
    }
    assert dialog.saved_credentials() == Credentials(secret_key=SECRET, publish_key=PUBLISH)
    assert settings.stored_connection()["api_base"] == sandbox.url
    assert not dialog.isVisible()


class _Prefixing(QTranslator):
    """A catalogue that knows only the sign-in section's texts: each gets «es» in front."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return f"«es» {source}" if context == "SignInSection" else None

    def isEmpty(self) -> bool:
        return False


def test_a_change_of_language_says_the_section_and_its_answer_again(
    qtbot: QtBot, open_dialog: DialogFactory, sandbox: SandboxServer
) -> None:
    dialog = open_dialog()
    enter(qtbot, dialog, api_base=sandbox.url)
    press_test(qtbot, dialog)
    app = QApplication.instance()
    translator = _Prefixing()
    app.installTranslator(translator)  # Qt sends every widget a LanguageChange
    try:
        QApplication.processEvents()
        assert dialog.test_button.text() == "«es» &Test connection"
        assert dialog.findChild(QLabel, "keysHelp").text().startswith("«es» Both keys are in")
        assert dialog.findChild(QLabel, "secretKeyLabel").text() == "«es» S&ecret key"
        assert answer_of(dialog).text() == (
            f"«es» Signed in to {sandbox.url} as a test account. Nothing was changed."
        )
    finally:
        app.removeTranslator(translator)
        QApplication.processEvents()
    assert dialog.test_button.text() == "&Test connection"
    assert answer_of(dialog).text().startswith("Signed in to")
