"""Every way in: the sign-in page when no credentials are found, the sandbox tried from it, and
File ▸ Sign in… leaving the sandbox, each window with its own outbox, history and draft."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from gui.core.app_folders import OUTBOX_FILE_NAME, data_folder, sandbox_data_folder
from gui.core.keychain import SERVICE
from gui.sandbox import SandboxServer
from gui.ui.main_window import MainWindow
from gui.ui.settings import AppSettings
from tests.memory_keyring import MemoryKeyring
from tests.ui.conftest import VENDOR, WindowFactory, click, fill, type_into

SECRET = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"
PUBLISH = "pk_test_TYooMQauvdEDq54NiTphI7jx"


def history_of(folder) -> list[str]:
    """The tickets of the history kept in `folder`'s outbox."""
    from gui.core.outbox import OutboxStore

    path = folder / OUTBOX_FILE_NAME
    if not path.exists():
        return []
    store = OutboxStore(path)
    try:
        return [entry.ticket_id for entry in store.history()]
    finally:
        store.close_all()


def settled(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the window has read the keychain (or knows it need not)."""
    qtbot.waitUntil(lambda: window.sign_in.keychain_read, timeout=10_000)


def current_page(window: MainWindow) -> str:
    return window.pages.currentWidget().objectName()


def replaced(qtbot: QtBot, window: MainWindow, press) -> MainWindow:
    """Do `press`, wait for `window` to give way, and return the window now shown."""
    with qtbot.waitSignal(window.replaced, timeout=10_000) as blocker:
        press()
    new = blocker.args[0]
    new.confirm_quit = lambda waiting: True
    qtbot.addWidget(new)
    qtbot.waitExposed(new)
    return new


def sign_in_on(qtbot: QtBot, page_or_dialog, secret: str = SECRET, publish: str = PUBLISH):
    type_into(qtbot, page_or_dialog.findChild(QLineEdit, "secretKey"), secret)
    type_into(qtbot, page_or_dialog.findChild(QLineEdit, "publishKey"), publish)
    click(qtbot, page_or_dialog.findChild(QPushButton, "signInButton"))


def test_with_no_credentials_anywhere_the_window_opens_on_the_sign_in_page(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(argv=[])
    settled(qtbot, window)
    page = window.sign_in_page
    assert page is not None and current_page(window) == "signInPage" and page.isVisible()
    for name in ("secretKey", "publishKey"):
        assert page.findChild(QLineEdit, name).isVisible()
    for name in ("testConnectionButton", "signInButton", "trySandboxButton"):
        assert page.findChild(QPushButton, name).isVisible()
    assert "dashboard" in page.findChild(type(page.title), "keysHelp").text()
    assert not window.form.isVisible()
    assert not window.new_ticket_action.isEnabled()  # nothing to do with a form not shown
    assert window.sign_in_action is None  # that is the sandbox's
    assert "--demo" not in page.grab().toImage().text()  # nothing tells people to type options


def test_keys_in_the_environment_open_the_form_signed_in(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PARTICLESPACE_SECRET_KEY", SECRET)
    monkeypatch.setenv("PARTICLESPACE_PUBLISH_KEY", PUBLISH)
    window = make_window(argv=[])
    settled(qtbot, window)
    assert current_page(window) == "ticketPage" or window.pages.currentWidget() is window.page
    assert window.sign_in_page is None and window.form.isVisible()
    assert window.connection.usable and not window.connection.sandbox


def test_keys_the_keychain_held_last_time_open_the_form_without_the_page_flashing_by(
    qtbot: QtBot, make_window: WindowFactory, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.set_password(SERVICE, "secret_key", SECRET)
    memory_keyring.set_password(SERVICE, "publish_key", PUBLISH)
    AppSettings().remember_keys_saved(True)  # what the last start found

    window = make_window(argv=[])
    shown = [window.pages.currentWidget()]
    window.pages.currentChanged.connect(lambda _: shown.append(window.pages.currentWidget()))
    said = [window.banner.text()] if window.banner.isVisible() else []
    show_message = window.banner.show_message
    window.banner.show_message = lambda kind, text: (said.append(text), show_message(kind, text))
    settled(qtbot, window)
    assert shown == [window.page] and window.sign_in_page is None
    assert not any("Not signed in" in text for text in said)  # not while the keys are read
    assert window.connection.credentials.secret_key == SECRET


def test_keys_saved_by_0_1_0_give_way_to_the_form_once_the_keychain_is_read(
    qtbot: QtBot, make_window: WindowFactory, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.set_password(SERVICE, "secret_key", SECRET)
    memory_keyring.set_password(SERVICE, "publish_key", PUBLISH)
    window = make_window(argv=[])  # no record of the keychain's keys: the page, at first
    settled(qtbot, window)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.page)
    assert window.connection.usable
    assert AppSettings().keys_saved()  # the next start opens on the form at once


def test_signing_in_on_the_page_saves_the_keys_shows_the_form_and_sends_with_them(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer, memory_keyring: MemoryKeyring
) -> None:
    window = make_window(argv=["--api-base", sandbox.url])
    settled(qtbot, window)
    page = window.sign_in_page
    assert page is not None
    sign_in_on(qtbot, page)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.page, timeout=10_000)

    assert memory_keyring.stored == {
        (SERVICE, "secret_key"): SECRET,
        (SERVICE, "publish_key"): PUBLISH,
    }
    assert window.new_ticket_action.isEnabled()
    assert window.windowTitle() == "Particle Tickets — TEST"
    fill(qtbot, window, **{**VENDOR, "ticketId": "tic_1001"})
    with qtbot.waitSignal(window.sent, timeout=10_000):
        click(qtbot, window.submit_button)
    sign_in, put = sandbox.requests
    assert sign_in.form == [("secret_key", SECRET), ("publish_key", PUBLISH)]
    assert put.method == "PUT" and put.path == "/api/v1/ticket/tic_1001"


def test_wrong_keys_on_the_page_stay_there_with_the_error_at_the_field(
    qtbot: QtBot, make_window: WindowFactory, memory_keyring: MemoryKeyring
) -> None:
    window = make_window(argv=[])
    settled(qtbot, window)
    page = window.sign_in_page
    sign_in_on(qtbot, page, secret="pk_test_swapped", publish=PUBLISH)
    error = page.findChild(type(page.title), "secretKeyError")
    qtbot.waitUntil(lambda: error.isVisible() and bool(error.text()))
    assert window.pages.currentWidget() is page and memory_keyring.stored == {}


def test_try_the_sandbox_then_sign_in_each_window_keeps_its_own_outbox_and_draft(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer, memory_keyring: MemoryKeyring
) -> None:
    first = make_window(argv=["--api-base", sandbox.url])
    settled(qtbot, first)
    geometry = first.geometry()
    demo = replaced(qtbot, first, lambda: click(qtbot, first.sign_in_page.try_sandbox_button))
    assert demo.sandbox is not None and demo.connection.sandbox
    assert demo.geometry().size() == geometry.size()
    assert demo.sign_in_action is not None and demo.sign_in_action.isEnabled()
    settled(qtbot, demo)

    # Something tried in the sandbox: a sent update (its history) and a draft left in the form.
    fill(qtbot, demo, **{**VENDOR, "ticketId": "tic_1001"})
    with qtbot.waitSignal(demo.sent, timeout=10_000):
        click(qtbot, demo.submit_button)
    type_into(qtbot, demo.form.title, "Tried in the sandbox")

    demo.sign_in_action.trigger()
    dialog = demo.sign_in_flow.dialog
    assert dialog is not None and dialog.objectName() == "signInDialog"
    qtbot.waitExposed(dialog)
    real = replaced(qtbot, demo, lambda: sign_in_on(qtbot, dialog))
    assert real.sandbox is None and not real.connection.sandbox
    assert real.connection.credentials.secret_key == SECRET
    assert real.connection.api_base == sandbox.url  # the options the app was started with
    settled(qtbot, real)
    assert real.pages.currentWidget() is real.page
    assert real.form.title.text() == ""  # the sandbox's draft stayed in the sandbox
    assert not real.banner.isVisible()  # no "Restored your unsent draft." of an empty form
    real.shutdown()
    assert history_of(sandbox_data_folder()) == ["tic_1001"]  # the sandbox's, kept there
    assert history_of(data_folder()) == []
    assert "Tried in the sandbox" in (sandbox_data_folder() / "draft.json").read_text("utf-8")
    real_draft = data_folder() / "draft.json"
    assert not real_draft.exists() or "Tried" not in real_draft.read_text("utf-8")
    qtbot.waitUntil(lambda: not shiboken6.isValid(demo))  # each window it gave way to is gone
    assert not shiboken6.isValid(first) and demo.sandbox is not None
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)] == [real]


def test_without_a_keychain_the_page_says_the_keys_last_until_the_app_closes(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())  # a desktop without a Secret Service
    window = make_window(argv=[])
    settled(qtbot, window)
    intro = window.sign_in_page.intro.text()
    assert "no keychain" in intro and "until you close the app" in intro
    assert "kept in this computer's keychain" not in intro


def test_a_draft_restored_behind_the_sign_in_page_is_still_announced_after_signing_in(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    from gui.core.drafts import DraftStore
    from gui.core.ticket import TicketDraft

    DraftStore(data_folder() / "draft.json").save(
        TicketDraft(ticket_id="tic_1002", title="Half-typed")
    )
    window = make_window(argv=["--api-base", sandbox.url])
    settled(qtbot, window)
    qtbot.waitUntil(lambda: window.form.title.text() == "Half-typed")
    assert window.pages.currentWidget() is window.sign_in_page  # the draft waits behind it
    sign_in_on(qtbot, window.sign_in_page)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.page, timeout=10_000)
    assert window.banner.isVisible() and window.banner.text() == "Restored your unsent draft."
    assert window.form.ticket_id.text() == "tic_1002"


def test_return_in_a_key_field_of_the_sign_in_page_signs_in(
    qtbot: QtBot, make_window: WindowFactory, memory_keyring: MemoryKeyring
) -> None:
    window = make_window(argv=[])
    settled(qtbot, window)
    page = window.sign_in_page
    type_into(qtbot, page.findChild(QLineEdit, "secretKey"), SECRET)
    type_into(qtbot, page.findChild(QLineEdit, "publishKey"), PUBLISH)
    qtbot.keyClick(page.findChild(QLineEdit, "publishKey"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.page, timeout=10_000)


def test_return_in_a_key_field_of_the_sandbox_s_sign_in_dialog_signs_in(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    demo = make_window(argv=["--demo"])
    demo.sign_in_action.trigger()
    dialog = demo.sign_in_flow.dialog
    qtbot.waitExposed(dialog)
    assert dialog.sign_in_button.isDefault()
    type_into(qtbot, dialog.findChild(QLineEdit, "secretKey"), SECRET)
    type_into(qtbot, dialog.findChild(QLineEdit, "publishKey"), PUBLISH)
    with qtbot.waitSignal(demo.replaced, timeout=10_000) as blocker:
        qtbot.keyClick(dialog.findChild(QLineEdit, "publishKey"), Qt.Key.Key_Return)
    qtbot.addWidget(blocker.args[0])
    assert not blocker.args[0].connection.sandbox


def test_with_keys_saved_already_the_sandbox_s_sign_in_leaves_at_once(
    qtbot: QtBot, make_window: WindowFactory, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.set_password(SERVICE, "secret_key", SECRET)
    memory_keyring.set_password(SERVICE, "publish_key", PUBLISH)
    AppSettings().remember_keys_saved(True)
    demo = make_window(argv=["--demo"])
    real = replaced(qtbot, demo, demo.sign_in_action.trigger)
    assert demo.sign_in_flow.dialog is None  # nothing asked
    settled(qtbot, real)
    assert real.connection.credentials.secret_key == SECRET and not real.connection.sandbox
    assert real.pages.currentWidget() is real.page


def test_what_waits_for_particle_space_never_shows_up_in_the_sandbox(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    from gui.core.credentials import Credentials
    from gui.core.destination import Destination, account_of
    from gui.core.outbox import OutboxStore
    from gui.core.ticket import TicketUpdate

    store = OutboxStore(data_folder() / OUTBOX_FILE_NAME)  # left by an earlier session
    real = Destination("https://api.particlespace.com/api/v1", account_of(Credentials("t")))
    store.add(TicketUpdate("tic_1001", "Leak", "Sink", "NEW", automated=False), destination=real)
    store.close_all()

    first = make_window(argv=[])
    settled(qtbot, first)
    qtbot.waitUntil(lambda: first.status_bar.waiting == 1)  # its own outbox, behind the page
    demo = replaced(qtbot, first, lambda: click(qtbot, first.sign_in_page.try_sandbox_button))
    settled(qtbot, demo)
    fill(qtbot, demo, **{**VENDOR, "ticketId": "tic_1002"})  # its outbox at work
    with qtbot.waitSignal(demo.sent, timeout=10_000):
        click(qtbot, demo.submit_button)
    # Once the outbox has counted again after the send: nothing of Particle Space's.
    qtbot.waitUntil(lambda: demo.status_bar.waiting == 0, timeout=5_000)
    assert not demo.outbox_status.isVisible()
    demo.show_outbox_panel()
    assert demo.outbox_panel.isVisible() and demo.outbox_panel.table.rowCount() == 0
