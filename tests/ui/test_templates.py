"""Templates in the window, used like a user: the Templates menu by the message inserts a saved
notice, Templates ▸ Manage… adds, changes, deletes, exports and imports them; all of it in the
real outbox file, which the sandbox's window shares."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, Qt, QTime
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from gui.core.app_folders import OUTBOX_FILE_NAME, data_folder, sandbox_data_folder
from gui.core.fields import ContactType
from gui.core.outbox.templates import TemplateStore
from gui.core.templates import Template
from gui.ui.main_window import MainWindow
from gui.ui.templates_dialog import TemplatesDialog
from tests.ui.conftest import WindowFactory, click, fill, type_into
from tests.ui.test_i18n import switch_to

API = "http://127.0.0.1:9/api/v1"  # nothing is sent in these tests
STARTERS_EN = ["Water shut-off", "Technician visit", "Waiting for a part", "Work done"]
STARTERS_ES = ["Corte de agua", "Visita del técnico", "Esperando una pieza", "Trabajo terminado"]


def store_file() -> Path:
    return data_folder() / OUTBOX_FILE_NAME


def seed(*templates: Template) -> None:
    """Templates saved before the window opens (as an earlier run left them)."""
    store = TemplateStore(store_file())
    try:
        for template in templates:
            store.save(template, "en")
    finally:
        store.close()


def names(window: MainWindow) -> list[str]:
    return [
        action.text().replace("&&", "&") for action in window.templates.button.template_actions()
    ]


def loaded(qtbot: QtBot, window: MainWindow) -> list[str]:
    """The menu's templates, once the window has read them (after its first paint)."""
    qtbot.waitUntil(lambda: bool(names(window)))
    return names(window)


def open_menu(qtbot: QtBot, window: MainWindow) -> None:
    """Press the window's Templates shortcut where the user is (back in the window)."""
    target = QApplication.focusWidget()
    if target is None or target.window() is not window:
        if QApplication.activeWindow() is not window:
            with qtbot.waitActive(window):
                window.activateWindow()
        target = window.form.title
        target.setFocus()
    qtbot.keyClick(
        target,
        Qt.Key.Key_T,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(window.templates.button.templates_menu.isVisible)


def choose(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Open the Templates menu from the keyboard and click `text` in it."""
    open_menu(qtbot, window)
    menu = window.templates.button.templates_menu
    (action,) = [a for a in menu.actions() if a.text().replace("&", "") == text.replace("&", "")]
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def manage(qtbot: QtBot, window: MainWindow) -> TemplatesDialog:
    loaded(qtbot, window)
    choose(qtbot, window, "Manage…")
    dialog = window.templates.dialog
    assert dialog is not None and dialog.objectName() == "templatesDialog"
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def select(qtbot: QtBot, dialog: TemplatesDialog, name: str) -> None:
    (item,) = dialog.list.findItems(name, Qt.MatchFlag.MatchExactly)
    rect = dialog.list.visualItemRect(item)
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.name.text() == name


def save(qtbot: QtBot, dialog: TemplatesDialog) -> None:
    dialog.note.clear()
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.note.text() == "Saved.")


def add(qtbot: QtBot, dialog: TemplatesDialog, name: str, subject: str, message: str) -> None:
    count = dialog.list.count()
    click(qtbot, dialog.add_button)
    qtbot.waitUntil(lambda: dialog.list.count() == count + 1)
    assert dialog.name.text() == "New template" and dialog.name.hasFocus()
    type_into(qtbot, dialog.name, name)
    type_into(qtbot, dialog.subject, subject)
    type_into(qtbot, dialog.message, message)


def test_inserting_fills_the_notice_from_the_form_and_ctrl_z_gives_the_old_text_back(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    seed(
        Template(
            "Lift",
            "Lift {ticket}: {title}",
            "Status {status}, from {date} at {time}. {{Braces}} stay.",
            ContactType.SMS,
            "ON_HOLD",
        )
    )
    window = make_window(API)
    assert loaded(qtbot, window) == [*STARTERS_EN, "Lift"]
    form = window.form
    fill(qtbot, window, notify=True, ticketId="tic_1001", title="Lift stuck")
    type_into(qtbot, form.notify_subject, "Old subject")
    type_into(qtbot, form.notify_message, "Old message")
    click(qtbot, form.time.later)
    form.time.set_value(datetime(2027, 5, 3, 9, 30))  # Send later: a moment picked

    choose(qtbot, window, "Lift")

    locale = QLocale()
    date = locale.toString(QDate(2027, 5, 3), QLocale.FormatType.ShortFormat)
    time = locale.toString(QTime(9, 30), QLocale.FormatType.ShortFormat)
    assert form.notify_subject.text() == "Lift tic_1001: Lift stuck"
    assert form.notify_message.toPlainText() == (
        f"Status ON_HOLD, from {date} at {time}. {{Braces}} stay."
    )
    assert (form.contact_type(), form.status.code()) == (ContactType.SMS, "ON_HOLD")
    assert form.notify_message.hasFocus()
    draft = form.draft()
    assert (draft.notify_subject, draft.type) == ("Lift tic_1001: Lift stuck", ContactType.SMS)
    qtbot.keyClick(form.notify_message, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert form.notify_message.toPlainText() == "Old message"
    form.notify_subject.setFocus()
    qtbot.keyClick(form.notify_subject, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert form.notify_subject.text() == "Old subject"


def test_without_a_send_time_it_is_now_and_notify_goes_on(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    seed(Template("Today", "{date}", "{ticket}|{title}"))
    window = make_window(API)
    loaded(qtbot, window)
    window.new_ticket_action.trigger()  # a new ticket has no id yet
    fill(qtbot, window, title="Boiler")
    assert not window.form.notify.isChecked()  # the message is hidden: the shortcut still works
    before = datetime.now()
    choose(qtbot, window, "Today")
    form = window.form
    assert form.notify.isChecked() and form.notify_section.isVisible()
    today = {
        QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)
        for day in (before, datetime.now())
    }
    assert form.notify_subject.text() in today
    assert form.notify_message.toPlainText() == "|Boiler"
    assert form.contact_type() is ContactType.EMAIL  # the template keeps the form's type


def test_an_unknown_placeholder_is_an_inline_error_and_saving_waits_for_the_fix(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(API)
    dialog = manage(qtbot, window)
    add(qtbot, dialog, "Visit", "Hello {tikcet}", "On {date")
    subject_error = dialog.findChild(type(dialog.note), "templateSubjectError")
    message_error = dialog.findChild(type(dialog.note), "templateMessageError")
    assert subject_error.isVisible() and "Unknown placeholder {tikcet}" in subject_error.text()
    assert message_error.isVisible() and "brace" in message_error.text()
    assert not dialog.save_button.isEnabled()
    select_other = dialog.list.item(0).text()
    (item,) = dialog.list.findItems(select_other, Qt.MatchFlag.MatchExactly)
    qtbot.mouseClick(
        dialog.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=dialog.list.visualItemRect(item).center(),
    )
    assert dialog.name.text() == "Visit"  # it stays until fixed
    assert "Fix the problems" in dialog.note.text()
    type_into(qtbot, dialog.subject, "Hello {ticket}")
    type_into(qtbot, dialog.message, "On {date}")
    assert not subject_error.isVisible() and not message_error.isVisible()
    save(qtbot, dialog)
    assert names(window)[-1] == "Visit"
    click(qtbot, dialog.add_button)
    qtbot.waitUntil(lambda: dialog.name.text() == "New template")
    type_into(qtbot, dialog.name, "visit ")
    name_error = dialog.findChild(type(dialog.note), "templateNameError")
    assert name_error.isVisible() and "Another template is named visit." in name_error.text()


def test_added_changed_and_deleted_templates_are_there_in_a_new_window(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(API)
    dialog = manage(qtbot, window)
    add(qtbot, dialog, "Lift & stairs", "Lift {date}", "The lift is out of order.")
    dialog.type.setCurrentIndex(dialog.type.findData(ContactType.SMS))
    type_into(qtbot, dialog.status, "ON_HOLD")
    save(qtbot, dialog)
    select(qtbot, dialog, "Work done")
    type_into(qtbot, dialog.message, "All fixed.")
    select(qtbot, dialog, "Technician visit")  # picking another saves the change
    click(qtbot, dialog.delete_button)
    qtbot.waitUntil(
        lambda: not dialog.list.findItems("Technician visit", Qt.MatchFlag.MatchExactly)
    )
    click(qtbot, dialog.close_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    expected = ["Water shut-off", "Waiting for a part", "Work done", "Lift & stairs"]
    qtbot.waitUntil(lambda: names(window) == expected)
    window.close()

    again = make_window(API)
    assert loaded(qtbot, again) == expected
    choose(qtbot, again, "Work done")
    assert again.form.notify_message.toPlainText() == "All fixed."
    choose(qtbot, again, "Lift & stairs")
    assert (again.form.contact_type(), again.form.status.code()) == (ContactType.SMS, "ON_HOLD")


def test_starters_follow_the_language_and_the_users_own_stay_as_written(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    seed(Template("Lift", "Lift", "Out of order"))
    window = make_window(API)
    dialog = manage(qtbot, window)
    select(qtbot, dialog, "Work done")
    type_into(qtbot, dialog.name, "Done, my way")
    save(qtbot, dialog)
    click(qtbot, dialog.close_button)
    try:
        switch_to("es")
        spanish = [*STARTERS_ES[:3], "Done, my way", "Lift"]
        qtbot.waitUntil(lambda: names(window) == spanish)
        choose(qtbot, window, "Corte de agua")
        assert window.form.notify_message.toPlainText().startswith("Estimados inquilinos")
        assert window.templates.button.text() != ""  # said again in the new language
    finally:
        switch_to("en")
    qtbot.waitUntil(lambda: names(window) == [*STARTERS_EN[:3], "Done, my way", "Lift"])


def test_export_then_import_into_a_fresh_folder_gives_the_same_templates(
    qtbot: QtBot,
    make_window: WindowFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seed(
        Template("Lift", "Lift {date}", "Out «ñ»", ContactType.SMS, "ON_HOLD"),
        Template("My water", "Water", "Off", starter="water-shut-off"),
    )
    exported = tmp_path / "shared" / "office"
    exported.parent.mkdir()
    window = make_window(API)
    dialog = manage(qtbot, window)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(exported), ""))
    )
    click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: dialog.note.text() == "Exported 5 templates to office.json.")
    before = [t.content() for t in window.templates.keeper.templates]
    window.close()

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "another computer"))
    fresh = make_window(API)
    assert loaded(qtbot, fresh) == STARTERS_EN
    dialog = manage(qtbot, fresh)
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        staticmethod(lambda *args, **kwargs: (str(exported.with_suffix(".json")), "")),
    )
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: dialog.note.text() == "Added 2 templates.")
    # Every template exported is here, with its texts, type and status; the starter changed
    # there ("My water") is one of the user's own here, next to this computer's starter.
    assert set(before) <= {t.content() for t in fresh.templates.keeper.templates}
    assert names(fresh) == [*STARTERS_EN, "My water", "Lift"]
    click(qtbot, dialog.import_button)  # the same file again changes nothing
    qtbot.waitUntil(lambda: dialog.note.text().startswith("Nothing was imported"))


def test_a_damaged_import_file_changes_nothing_and_says_why(
    qtbot: QtBot,
    make_window: WindowFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(API)
    dialog = manage(qtbot, window)
    damaged = tmp_path / "templates.json"
    damaged.write_text(
        '{"format": "particle-tickets-templates", "version": 1, "templates": ['
        '{"name": "Good", "subject": "", "message": ""},'
        '{"name": "Bad", "subject": "{tikcet}", "message": ""}]}',
        encoding="utf-8",
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (str(damaged), ""))
    )
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: "Nothing was imported" in dialog.note.text())
    assert "Template 2 (Bad) in the file" in dialog.note.text()
    assert "{tikcet}" in dialog.note.text()
    damaged.write_bytes(b'{"format": "particle-tickets-templates", "versi')
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: "line 1, column" in dialog.note.text())
    damaged.unlink()
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: "could not be used" in dialog.note.text())
    assert names(window) == STARTERS_EN


def test_the_sandbox_window_and_the_real_one_share_the_templates(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    sandbox = make_window(argv=["--demo"])
    assert sandbox.sandbox is not None
    dialog = manage(qtbot, sandbox)
    add(qtbot, dialog, "Tried in the sandbox", "Hi", "Hello {title}")
    save(qtbot, dialog)
    click(qtbot, dialog.close_button)
    sandbox.close()

    real = make_window(API)
    assert loaded(qtbot, real)[-1] == "Tried in the sandbox"
    with sqlite3.connect(store_file()) as check:
        assert check.execute("SELECT name FROM templates").fetchall() == [("Tried in the sandbox",)]
    with sqlite3.connect(sandbox_data_folder() / OUTBOX_FILE_NAME) as check:
        assert check.execute("SELECT count(*) FROM templates").fetchone() == (0,)
