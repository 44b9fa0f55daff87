"""`SignInSection` on its own, as the window's sign-in page uses it: test the keys with the
stored settings, save only the keys to the keychain, and say each answer in words."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import keyring
import pytest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

import gui.ui.keychain_writer
from gui.core.config import Connection
from gui.core.credentials import Credentials
from gui.core.keychain import SERVICE, Keychain
from gui.core.messages import QT_TRANSLATE_NOOP
from gui.sandbox import SandboxServer
from gui.ui.sign_in_section import SignInSection
from gui.ui.worker import JobRunner
from tests.memory_keyring import MemoryKeyring
from tests.ui.conftest import click, focused, type_into

SECRET = "sk_test_ab12"
PUBLISH = "pk_test_ab12"

SectionFactory = Callable[..., SignInSection]


@pytest.fixture
def jobs() -> Iterator[JobRunner]:
    runner = JobRunner()
    yield runner
    assert runner.wait(10_000), "a sign-in job was still running"


@pytest.fixture
def make_section(qtbot: QtBot, jobs: JobRunner) -> SectionFactory:
    """A section on its own, shown, testing against `api_base` (the stored settings)."""

    def make(api_base: str = "http://127.0.0.1:9/api/v1", **connection: object) -> SignInSection:
        section = SignInSection(
            jobs=jobs,
            connection_for=lambda keys: Connection(api_base, keys, **connection),  # type: ignore[arg-type]
            keychain=Keychain(),
        )
        qtbot.addWidget(section)
        with qtbot.waitExposed(section), qtbot.waitActive(section):
            section.show()
            section.activateWindow()
        return section

    return make


def type_keys(qtbot: QtBot, section: SignInSection, secret: str, publish: str) -> None:
    type_into(qtbot, section.findChild(QLineEdit, "secretKey"), secret)
    type_into(qtbot, section.findChild(QLineEdit, "publishKey"), publish)


def test_it_has_the_fields_the_page_and_automation_find_by_name(
    make_section: SectionFactory,
) -> None:
    section = make_section()
    for name in ("secretKey", "publishKey"):
        editor = section.findChild(QLineEdit, name)
        assert editor.echoMode() == QLineEdit.EchoMode.Password
        assert editor.accessibleName() and editor.accessibleDescription()
        assert not section.findChild(QLabel, f"{name}Error").isVisible()
    assert section.findChild(QLabel, "keysHelp").isVisible()
    assert section.findChild(QWidget, "testConnectionButton").isVisible()
    assert not section.findChild(QLabel, "testResult").isVisible()  # nothing to say yet


def test_show_the_keys_shows_them(qtbot: QtBot, make_section: SectionFactory) -> None:
    section = make_section()
    click(qtbot, section.findChild(QWidget, "showSecrets"))
    assert section.secret_key.echoMode() == QLineEdit.EchoMode.Normal
    assert section.publish_key.echoMode() == QLineEdit.EchoMode.Normal


def test_it_tests_with_the_connection_it_is_given(
    qtbot: QtBot, make_section: SectionFactory, sandbox: SandboxServer
) -> None:
    section = make_section(sandbox.url)
    type_keys(qtbot, section, SECRET, PUBLISH)
    with qtbot.waitSignal(section.tested, timeout=10_000) as tested:
        click(qtbot, section.test_button)
    assert tested.args == [True]
    assert section.test_result.text() == (
        f"Signed in to {sandbox.url} as a test account. Nothing was changed."
    )


def test_a_connection_that_cannot_be_used_is_said_without_a_request(
    qtbot: QtBot, make_section: SectionFactory
) -> None:
    problem = QT_TRANSLATE_NOOP("config", "The API address contains control characters.")
    section = make_section(problem=problem)
    type_keys(qtbot, section, SECRET, PUBLISH)
    with qtbot.waitSignal(section.tested, timeout=1000) as tested:
        click(qtbot, section.test_button)
    assert tested.args == [False] and not section.busy
    assert section.test_result.text() == "The API address contains control characters."


def test_keys_that_cannot_be_right_are_shown_under_their_field(
    qtbot: QtBot, make_section: SectionFactory, memory_keyring: MemoryKeyring
) -> None:
    section = make_section()
    saved: list[Credentials] = []
    section.saved.connect(saved.append)
    click(qtbot, section.test_button)  # nothing typed
    assert section.findChild(QLabel, "secretKeyError").text() == "Enter this to sign in."
    assert focused() == "secretKey"

    type_keys(qtbot, section, SECRET, "pk_live_ab12")
    section.save_keys()
    error = section.findChild(QLabel, "publishKeyError")
    assert error.isVisible() and error.text() == (
        "This is a live key but the secret key is a test key: use the two keys of one pair."
    )
    assert section.publish_key.accessibleDescription().startswith(error.text())
    assert memory_keyring.stored == {} and saved == []
    assert not section.test_result.isVisible()

    qtbot.keyClicks(section.publish_key, "x")  # typing in a field clears its error
    assert not error.isVisible()


def test_save_keys_stores_only_the_keys(
    qtbot: QtBot, make_section: SectionFactory, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.set_password(SERVICE, "token", "tok_old")  # left over from a Bearer token
    section = make_section()
    type_keys(qtbot, section, f" {SECRET} ", PUBLISH)  # a paste with blanks around it
    with qtbot.waitSignal(section.saved, timeout=10_000) as saved:
        section.save_keys()
    assert saved.args == [Credentials(secret_key=SECRET, publish_key=PUBLISH)]
    assert memory_keyring.stored == {
        (SERVICE, "secret_key"): SECRET,
        (SERVICE, "publish_key"): PUBLISH,
    }
    assert not section.busy and not section.test_result.isVisible()


class _SlowKeyring(MemoryKeyring):
    """Saving waits until `release` is set, like a keychain showing its unlock prompt."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()
        self.writes = 0

    def set_password(self, service: str, username: str, password: str) -> None:
        self.writes += 1
        self.release.wait(10)
        super().set_password(service, username, password)


def test_while_the_keychain_saves_the_keys_stay_as_they_are_saved(
    qtbot: QtBot, make_section: SectionFactory
) -> None:
    slow = _SlowKeyring()
    keyring.set_keyring(slow)
    section = make_section()
    type_keys(qtbot, section, SECRET, PUBLISH)
    section.save_keys()
    assert section.busy and section.test_result.text() == "Saving your keys in the keychain…"
    assert section.secret_key.isReadOnly() and not section.test_button.isEnabled()
    section.save_keys()  # a second press does nothing
    section.test()
    with qtbot.waitSignal(section.saved, timeout=10_000):
        slow.release.set()
    assert slow.writes == 2  # one save: the two keys
    assert not section.secret_key.isReadOnly() and section.test_button.isEnabled()


def test_a_keychain_that_does_not_answer_is_said_and_its_late_answer_ignored(
    qtbot: QtBot, make_section: SectionFactory, jobs: JobRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gui.ui.keychain_writer, "KEYCHAIN_WAIT_SECONDS", 0.05)
    slow = _SlowKeyring()
    keyring.set_keyring(slow)
    section = make_section()
    type_keys(qtbot, section, SECRET, PUBLISH)
    saved: list[Credentials] = []
    section.saved.connect(saved.append)
    section.save_keys()
    qtbot.waitUntil(lambda: not section.busy, timeout=5000)
    assert section.test_result.text() == (
        "The keychain did not answer within 0.05 s. It may be waiting for you to unlock it; "
        "try again once it is unlocked."
    )
    slow.release.set()
    assert jobs.wait(10_000)
    QApplication.processEvents()
    assert saved == []  # the user was told it failed: a late success would contradict it
