"""Signing in: Settings, the keychain, test mode, rejected keys, and no secret on disk."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from keyring.errors import KeyringError
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from gui.app import create_window
from gui.core.keychain import SERVICE
from gui.sandbox import SandboxServer
from gui.ui.settings import AppSettings
from tests.memory_keyring import MemoryKeyring
from tests.ui.conftest import VENDOR, WindowFactory, click, fill, type_into

SECRET = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"
PUBLISH = "pk_test_TYooMQauvdEDq54NiTphI7jx"


def open_settings(qtbot: QtBot, window):
    click(qtbot, window.open_settings_button)
    dialog = window.sign_in.settings_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def enter_keys(qtbot: QtBot, dialog, api_base: str, secret: str, publish: str) -> None:
    """The API address under Advanced (unfolded first, like a user), then the keys."""
    if not dialog.form.advanced.isVisible():
        click(qtbot, dialog.form.advanced_toggle)
    type_into(qtbot, dialog.form.api_base, api_base)
    click(qtbot, dialog.form.use_keys)
    type_into(qtbot, dialog.sign_in.secret_key, secret)
    type_into(qtbot, dialog.sign_in.publish_key, publish)


def every_byte_under(*folders: Path) -> bytes:
    return b"".join(
        path.read_bytes() for folder in folders for path in folder.rglob("*") if path.is_file()
    )


def xdg_folders() -> list[Path]:
    import os

    return [Path(os.environ[name]) for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME")]


def test_a_first_start_opens_on_the_sign_in_page_without_test_mode(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(argv=[])
    qtbot.waitUntil(lambda: window.sign_in.keychain_read, timeout=10_000)
    assert window.sign_in_page is not None and window.sign_in_page.isVisible()
    assert not window.banner.isVisible() and not window.open_settings_button.isVisible()
    assert not window.findChild(QLabel, "testModeBadge").isVisible()


def test_saving_test_keys_signs_in_shows_test_mode_and_sends_with_the_issued_token(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer, memory_keyring: MemoryKeyring
) -> None:
    window = make_window(argv=[])
    dialog = open_settings(qtbot, window)
    enter_keys(qtbot, dialog, sandbox.url, SECRET, PUBLISH)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        click(qtbot, dialog.save_button)

    assert memory_keyring.stored == {
        (SERVICE, "secret_key"): SECRET,
        (SERVICE, "publish_key"): PUBLISH,
    }
    assert window.connection.usable and not window.banner.isVisible()
    assert window.test_mode_badge.isVisible() and window.test_mode_badge.text() == "TEST MODE"
    assert window.windowTitle() == "Particle Tickets — TEST"

    fill(qtbot, window, **{**VENDOR, "ticketId": "tic_1001"})
    with qtbot.waitSignal(window.sent, timeout=10_000):
        click(qtbot, window.submit_button)
    sign_in, put = sandbox.requests
    assert (sign_in.method, sign_in.path) == ("POST", "/api/v1/authenticate")
    assert sign_in.form == [("secret_key", SECRET), ("publish_key", PUBLISH)]
    assert put.method == "PUT" and put.header("Authorization").startswith("Bearer ")
    token = put.header("Authorization").removeprefix("Bearer ")
    assert token != SandboxServer.TOKEN  # the one /authenticate issued

    window.close()
    AppSettings().sync()
    on_disk = every_byte_under(*xdg_folders())
    assert sandbox.url.encode() in on_disk  # the API address is a setting...
    for secret in (SECRET, PUBLISH, token):  # ...the keys and the token are not
        assert secret.encode() not in on_disk


def test_a_mixed_key_pair_is_refused_in_the_dialog(
    qtbot: QtBot, make_window: WindowFactory, memory_keyring: MemoryKeyring
) -> None:
    window = make_window(argv=[])
    dialog = open_settings(qtbot, window)
    enter_keys(qtbot, dialog, "", SECRET, "pk_live_TYooMQauvdEDq54NiTphI7jx")
    click(qtbot, dialog.save_button)
    error = dialog.findChild(QLabel, "publishKeyError")
    assert error.isVisible()
    assert error.text() == (
        "This is a live key but the secret key is a test key: use the two keys of one pair."
    )
    assert memory_keyring.stored == {}
    assert dialog.isVisible()


def test_test_connection_says_what_happened(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    window = make_window(argv=[])
    dialog = open_settings(qtbot, window)
    enter_keys(qtbot, dialog, sandbox.url, SECRET, PUBLISH)
    answer = dialog.findChild(QLabel, "testResult")
    with qtbot.waitSignal(dialog.sign_in.tested, timeout=10_000) as tested:
        click(qtbot, dialog.test_button)
    assert tested.args == [True]
    assert answer.text() == f"Signed in to {sandbox.url} as a test account. Nothing was changed."

    enter_keys(qtbot, dialog, sandbox.url, "sk_live_no-pe-1234", "pk_live_no-pe-1234")
    with qtbot.waitSignal(dialog.sign_in.tested, timeout=10_000) as tested:
        click(qtbot, dialog.test_button)
    assert tested.args == [False]
    assert answer.text() == (
        "Particle Space refused these keys: it answered HTTP 401. Copy both keys again from "
        "Developers ▸ API keys in the dashboard."
    )
    assert [request.path for request in sandbox.requests] == ["/api/v1/authenticate"] * 2


def test_keys_in_the_keychain_sign_in_at_the_next_start(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer, memory_keyring: MemoryKeyring
) -> None:
    AppSettings().store_connection({"api_base": sandbox.url})
    memory_keyring.set_password(SERVICE, "secret_key", SECRET)
    memory_keyring.set_password(SERVICE, "publish_key", PUBLISH)
    window = make_window(argv=[])
    qtbot.waitUntil(lambda: window.connection.usable, timeout=10_000)
    assert window.connection.credentials.secret_key == SECRET
    assert window.test_mode_badge.isVisible()
    assert not window.open_settings_button.isVisible()


class _CountingKeyring(MemoryKeyring):
    def __init__(self) -> None:
        super().__init__()
        self.reads = 0

    def get_password(self, service: str, username: str) -> str | None:
        self.reads += 1
        return super().get_password(service, username)


def test_options_win_over_the_keychain(qtbot: QtBot) -> None:
    counting = _CountingKeyring()
    counting.set_password(SERVICE, "secret_key", SECRET)
    counting.set_password(SERVICE, "publish_key", PUBLISH)
    keyring.set_keyring(counting)
    window = create_window(["--token", "option-token"])
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.warmed_up, timeout=10_000):  # after the keychain would be read
        window.show()
    assert window.sign_in.jobs.wait(10_000)
    assert window.connection.credentials.token == "option-token"
    assert counting.reads == 0  # the keychain is left alone (no unlock prompt for nothing)
    assert not window.test_mode_badge.isVisible()  # a bare token's mode is unknown


def test_removing_the_keys_deletes_them_from_the_keychain(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer, memory_keyring: MemoryKeyring
) -> None:
    AppSettings().store_connection({"api_base": sandbox.url})
    memory_keyring.set_password(SERVICE, "secret_key", SECRET)
    memory_keyring.set_password(SERVICE, "publish_key", PUBLISH)
    window = make_window(argv=[])
    qtbot.waitUntil(lambda: window.connection.usable, timeout=10_000)
    window.open_settings()
    dialog = window.sign_in.settings_dialog
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        click(qtbot, dialog.remove_button)
    assert memory_keyring.stored == {}
    assert dialog.sign_in.secret_key.text() == ""
    dialog.reject()
    # Nothing to sign in with any more: the sign-in page, now and at the next start.
    assert window.sign_in_page is not None and window.sign_in_page.isVisible()
    assert not window.test_mode_badge.isVisible()
    assert not AppSettings().keys_saved()


def test_rejected_keys_point_to_settings(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    window = make_window(
        argv=[
            "--api-base",
            sandbox.url,
            "--secret-key",
            "sk_live_x1-y2-z3",
            "--publish-key",
            "pk_live_a1b2c3",
        ]
    )
    assert not window.test_mode_badge.isVisible()  # live keys: no badge
    assert window.windowTitle() == "Particle Tickets"
    fill(qtbot, window, **{**VENDOR, "ticketId": "tic_1001"})
    with qtbot.waitSignal(window.failed, timeout=10_000):
        click(qtbot, window.submit_button)
    assert window.banner.text() == (
        "Your keys were rejected (HTTP 401). Check them in Settings. "
        "It waits in the outbox: resend or discard it there."
    )
    assert window.open_settings_button.isVisible()
    assert all(request.method == "POST" for request in sandbox.requests)  # no PUT went out


def test_without_a_keychain_the_app_says_so_and_writes_nothing(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    keyring.set_keyring(fail.Keyring())  # a headless box: keyring finds no backend
    window = make_window(argv=["--api-base", sandbox.url])
    qtbot.waitUntil(lambda: window.sign_in_page is not None, timeout=10_000)
    page = window.sign_in_page
    qtbot.waitUntil(lambda: "no keychain" in page.intro.text(), timeout=10_000)
    click(qtbot, page.settings_button)  # Settings says it too
    dialog = window.sign_in.settings_dialog
    assert dialog is not None and dialog.findChild(QLabel, "keychainNote").isVisible()
    dialog.reject()
    type_into(qtbot, page.section.secret_key, SECRET)
    type_into(qtbot, page.section.publish_key, PUBLISH)
    click(qtbot, page.sign_in_button)
    qtbot.waitUntil(lambda: window.connection.usable, timeout=10_000)  # for this session
    assert window.pages.currentWidget() is window.page
    window.close()
    AppSettings().sync()
    on_disk = every_byte_under(*xdg_folders())
    assert SECRET.encode() not in on_disk and PUBLISH.encode() not in on_disk


class _SlowKeyring(MemoryKeyring):
    """Saving waits until `release` is set, like a keychain showing its unlock prompt."""

    def __init__(self) -> None:
        super().__init__()
        import threading

        self.release = threading.Event()

    def set_password(self, service: str, username: str, password: str) -> None:
        self.release.wait(10)
        super().set_password(service, username, password)


def test_an_answer_that_comes_after_settings_closed_is_for_nobody(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    slow = _SlowKeyring()
    keyring.set_keyring(slow)
    window = make_window(argv=[])
    dialog = open_settings(qtbot, window)
    enter_keys(qtbot, dialog, sandbox.url, SECRET, PUBLISH)
    saved: list[bool] = []
    dialog.saved.connect(lambda: saved.append(True))
    click(qtbot, dialog.save_button)  # the keychain now waits for its "password"
    dialog.reject()  # the user gives up waiting and closes Settings
    qtbot.waitUntil(lambda: window.sign_in.settings_dialog is None, timeout=5000)
    slow.release.set()
    assert window.sign_in.jobs.wait(10_000)
    QApplication.processEvents()  # the late answer arrives: nothing raises, nothing changes
    assert saved == []
    assert not window.connection.usable


class _BrokenKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringError("the collection is locked")


def test_a_keychain_error_is_a_plain_message(qtbot: QtBot, make_window: WindowFactory) -> None:
    keyring.set_keyring(_BrokenKeyring())
    window = make_window(argv=[])
    qtbot.waitUntil(lambda: window.sign_in_page is not None, timeout=10_000)
    status = window.sign_in_page.status
    qtbot.waitUntil(lambda: "keychain refused" in status.text(), timeout=10_000)
    assert status.isVisible() and status.text() == (
        "The keychain refused to read your keys (the collection is locked). "
        "Enter your keys to sign in."
    )


@pytest.fixture(autouse=True)
def _close_dialogs() -> None:
    yield
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == "settingsDialog":
            widget.close()
