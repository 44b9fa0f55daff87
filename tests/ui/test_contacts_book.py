"""The contact book in the window, used like a user: the contacts field completes people and
groups by name or number, a group's name goes out as its members' numbers (to the real
loopback sandbox), a contact without the address sent to is named, and File ▸ Contacts… adds,
changes and deletes people, in the real outbox file."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from gui.core.address_book import Person
from gui.core.app_folders import OUTBOX_FILE_NAME, data_folder, sandbox_data_folder
from gui.core.outbox.address_book import AddressBookStore
from gui.sandbox import SandboxServer
from gui.ui.contacts_dialog import ContactsDialog
from gui.ui.list_completer import MATCH_ROLE
from gui.ui.main_window import MainWindow
from tests.ui.conftest import VENDOR, WindowFactory, click, fill, type_into

MARIA = Person("María López", phone="(202) 555-0123", groups=("Tenants 3C",))
ANA = Person("Ana Ruiz", email="ana@example.com", phone="(202) 555-0177", groups=("Tenants 3C",))
JOE = Person("Joe Park", email="joe@example.com", groups=("Tenants 3C", "Plumbers"))


def store_file() -> Path:
    return data_folder() / OUTBOX_FILE_NAME


def seed(*people: Person) -> None:
    """People saved before the window opens (as an earlier run left them)."""
    store = AddressBookStore(store_file())
    try:
        for person in people:
            store.save(person)
    finally:
        store.close()


def stored_names() -> list[str]:
    store = AddressBookStore(store_file())
    try:
        return [person.name for person in store.book().people]
    finally:
        store.close()


def opened(qtbot: QtBot, make_window: WindowFactory, url: str, count: int) -> MainWindow:
    """A window whose book (read after its first paint) has `count` people."""
    window = make_window(url)
    qtbot.waitUntil(lambda: len(window.contacts.keeper.book.people) == count, timeout=5000)
    return window


def as_sms(window: MainWindow) -> None:
    window.form.type.setCurrentIndex(window.form.type.findData("sms"))


def offered(qtbot: QtBot, window: MainWindow, typed: str) -> list[str]:
    """What the contacts field's list shows once `typed` is typed into it."""
    field = window.form.contacts
    type_into(qtbot, field, typed)
    popup = field.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    model = popup.model()
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def test_a_group_goes_out_as_its_members_numbers(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    seed(MARIA, ANA)
    window = opened(qtbot, make_window, sandbox.url, 2)
    fill(qtbot, window, notify=True, **{**VENDOR, "contacts": ""})
    as_sms(window)
    type_into(qtbot, window.form.contacts, "tenants 3c, (202) 555-0123")
    with qtbot.waitSignal(window.sent, timeout=10_000):
        click(qtbot, window.submit_button)
    (request,) = sandbox.requests
    assert request.method == "PUT"
    assert dict(request.form)["contacts"] == "2025550177,2025550123"
    assert window.form.contacts.text() == "tenants 3c, (202) 555-0123"  # the form keeps names


def test_the_field_completes_names_numbers_and_groups_and_inserts_the_name(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    seed(MARIA, ANA, JOE)
    window = opened(qtbot, make_window, sandbox.url, 3)
    click(qtbot, window.form.notify)
    as_sms(window)
    completer = window.form.contacts.completer()
    qtbot.waitUntil(
        lambda: bool(
            completer.model().match(completer.model().index(0, 0), MATCH_ROLE, "(202) 555-0177")
        )
    )
    assert offered(qtbot, window, "mar") == ["María López · (202) 555-0123"]
    assert offered(qtbot, window, "(202) 555-017") == ["Ana Ruiz · (202) 555-0177"]
    assert offered(qtbot, window, "Ten") == ["Tenants 3C · group of 3"]
    field = window.form.contacts
    popup = field.completer().popup()
    type_into(qtbot, field, "Joe")
    assert not popup.isVisible()  # no phone number: not offered for SMS
    type_into(qtbot, field, "Ana Ruiz, mar")
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert field.text() == "Ana Ruiz, María López"


def test_a_member_without_a_number_is_named_and_nothing_is_sent(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    seed(MARIA, JOE)
    window = opened(qtbot, make_window, sandbox.url, 2)
    fill(qtbot, window, notify=True, **{**VENDOR, "contacts": ""})
    as_sms(window)
    type_into(qtbot, window.form.contacts, "Tenants 3C")
    click(qtbot, window.submit_button)
    error = window.form.findChild(QLabel, "contactsError")
    assert error is not None
    qtbot.waitUntil(lambda: "Joe Park has no phone number." in error.text())
    assert sandbox.requests == []


def open_dialog(qtbot: QtBot, window: MainWindow) -> ContactsDialog:
    window.menus.contacts_action.trigger()
    dialog = window.contacts.dialog
    assert dialog is not None and dialog.objectName() == "contactsDialog"
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def test_the_dialog_adds_changes_and_deletes_people_in_the_real_file(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    seed(MARIA)
    window = opened(qtbot, make_window, sandbox.url, 1)
    dialog = open_dialog(qtbot, window)
    assert dialog.people_names() == ["María López"]
    click(qtbot, dialog.add_button)
    assert dialog.name.text() == "" and dialog.name.hasFocus()
    type_into(qtbot, dialog.name, "Joe Park")
    type_into(qtbot, dialog.phone, "(202) 555-01")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    assert "not a valid phone number" in dialog.error.text()
    assert stored_names() == ["María López"]
    type_into(qtbot, dialog.phone, "(202) 555-0188")
    type_into(qtbot, dialog.groups, "Plumbers, Tenants 3C")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.people_names() == ["Joe Park", "María López"], timeout=5000)
    assert stored_names() == ["Joe Park", "María López"]
    assert dialog.table.item(0, 3).text() == "Plumbers, Tenants 3C"
    # The window offers the new group at once.
    assert window.contacts.keeper.book.group("Tenants 3C") is not None
    # Choose María, change her email, then delete Joe.
    rect = dialog.table.visualItemRect(dialog.table.item(1, 0))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.name.text() == "María López"
    type_into(qtbot, dialog.email, "maria@example.com")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.table.item(1, 1).text() == "maria@example.com", timeout=5000)
    rect = dialog.table.visualItemRect(dialog.table.item(0, 0))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    click(qtbot, dialog.delete_button)
    qtbot.waitUntil(lambda: dialog.people_names() == ["María López"], timeout=5000)
    assert stored_names() == ["María López"]


def test_the_sandbox_window_keeps_its_contacts_in_the_real_file(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(argv=["--demo"])
    assert window.sandbox is not None
    dialog = open_dialog(qtbot, window)
    click(qtbot, dialog.add_button)
    type_into(qtbot, dialog.name, "Tried in the sandbox")
    type_into(qtbot, dialog.email, "tried@example.com")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.people_names() == ["Tried in the sandbox"], timeout=5000)
    window.close()
    assert stored_names() == ["Tried in the sandbox"]
    sandbox_file = sandbox_data_folder() / OUTBOX_FILE_NAME
    with contextlib.closing(sqlite3.connect(sandbox_file)) as check:  # the sandbox's outbox
        tables = {name for (name,) in check.execute("SELECT name FROM sqlite_master")}
        assert "people" not in tables or check.execute("SELECT * FROM people").fetchall() == []


def test_the_dialog_imports_a_csv_file(
    qtbot: QtBot,
    make_window: WindowFactory,
    sandbox: SandboxServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = opened(qtbot, make_window, sandbox.url, 0)
    dialog = open_dialog(qtbot, window)
    csv_file = tmp_path / "tenants.csv"
    csv_file.write_text(
        'name,email,phone,groups\nMaría López,maria@example.com,,"Tenants 3C"\n', encoding="utf-8"
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (str(csv_file), ""))
    )
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: dialog.note.text() == "Imported 1 contact.", timeout=5000)
    assert dialog.people_names() == stored_names() == ["María López"]
    csv_file.write_text("name,email\nNobody,\n", encoding="utf-8")
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    assert dialog.error.text().startswith("Row 2: Enter an email address or a phone number.")
