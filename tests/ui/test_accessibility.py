"""Keyboard and screen readers: Tab order, Ctrl+Tab, F1, shortcuts, mnemonics, names, errors."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QWidget,
)
from pytestqt.qtbot import QtBot

from gui.core.fields import FIELDS
from gui.ui.form_texts import accessible_label
from gui.ui.i18n import install_language
from tests.ui.conftest import WindowFactory, click, focused, type_into


@pytest.fixture
def window(make_window: WindowFactory):
    return make_window("http://127.0.0.1:9/api/v1")  # nothing is sent in these tests


@pytest.fixture(params=["en", "es"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    locale = QLocale()
    install_language(qapp, request.param)
    QApplication.processEvents()
    yield request.param
    install_language(qapp, "en")
    QLocale.setDefault(locale)
    QApplication.processEvents()


def press(qtbot: QtBot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


# --- Tab, Ctrl+Tab and the tab order -------------------------------------------------------------


@pytest.mark.parametrize("field", ["description", "notifyMessage"])
def test_tab_leaves_a_multi_line_field_and_ctrl_tab_types_a_tab(
    qtbot: QtBot, window, field: str
) -> None:
    click(qtbot, window.form.notify)
    editor = window.form.editor(field)
    type_into(qtbot, editor, "a")
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "b")
    assert editor.toPlainText() == "a\tb"
    assert focused() == field
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() != field
    assert editor.toPlainText() == "a\tb"  # Tab typed nothing
    editor.setFocus()
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() != field
    assert editor.toPlainText() == "a\tb"


def test_walking_the_whole_tab_order_with_the_keyboard(qtbot: QtBot, make_window) -> None:
    # A connection Settings must fix (plain http to another computer): the banner offers
    # Open Settings.
    window = make_window(argv=["--api-base", "http://tickets.example/api/v1", "--token", "t"])
    window.discard_draft_button.show()  # as after a restored draft
    window.status_bar.show_waiting(1)  # "1 update waiting" in the status bar
    window.form.ticket_id.setFocus()  # where the cursor starts
    forward = [focused()]
    for _ in range(17):
        if focused() == "notify":
            press(qtbot, Qt.Key.Key_Space)  # the notify section opens: its fields join in
        press(qtbot, Qt.Key.Key_Tab)
        forward.append(focused())
    assert forward == [
        "ticketId",
        "title",
        "description",
        "status",
        "notify",
        "timeLater",
        "type",
        "contacts",
        "notifySubject",
        "notifyMessage",
        "templateButton",  # the message's Templates menu
        "notifyPreviewButton",  # what the recipients get
        "automated",
        "submitButton",  # Cancel is skipped: disabled while nothing is being sent
        "outboxStatus",
        "openSettingsButton",  # round again, top to bottom
        "discardDraftButton",
        "ticketId",
    ]
    backward = [focused()]
    for _ in range(17):
        press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        backward.append(focused())
    assert backward == list(reversed(forward))


def test_the_time_editor_is_in_the_tab_order_once_send_later_is_chosen(
    qtbot: QtBot, window
) -> None:
    click(qtbot, window.form.notify)
    window.form.time.later.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert window.form.time.later.isChecked()
    stops = []
    while focused() != "type" and len(stops) < 10:
        press(qtbot, Qt.Key.Key_Tab)
        stops.append(focused())
    # Qt's date-time editor: Tab goes through its sections (day, month, year, hour, minute).
    assert set(stops[:-1]) == {"timeEdit"} and stops[-1] == "type"


# --- Shortcuts -----------------------------------------------------------------------------------


def test_f1_opens_the_help_and_esc_closes_it(qtbot: QtBot, window) -> None:
    window.form.title.setFocus()
    press(qtbot, Qt.Key.Key_F1)
    dialog = window.findChild(QDialog, "helpDialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    text = dialog.findChild(QWidget, "helpText").toPlainText()
    for expected in ("Ctrl+Shift+O", "Ctrl+Tab", "Title", "Required. One line."):
        assert expected in text
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.help_action.text() in [a.text() for a in window.menus.help_menu.actions()]


def test_every_shortcut_in_the_help_is_bound_and_named(window) -> None:
    """The help lists the window's own bindings (gui/ui/shortcuts.py), none of them empty:
    Settings and Quit fall back to Ctrl+, and Ctrl+Q where the platform has no standard key."""
    window.show_help()
    dialog = window.findChild(QDialog, "helpDialog")
    text = dialog.findChild(QWidget, "helpText").toPlainText()
    bound = {
        "new ticket": window.new_ticket_action,
        "settings": window.settings_action,
        "quit": window.menus.quit_action,
        "outbox": window.outbox_action,
        "history": window.history_action,
        "help": window.help_action,
        "many tickets": window.menus.batch_action,
    }
    for name, action in bound.items():
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert keys, f"{name} has no shortcut"
        assert keys in text, f"the help does not name {keys} ({name})"
    templates = window.templates.shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)
    assert templates and templates in text, "the help does not name the Templates menu's keys"


def test_ctrl_shift_o_and_h_show_the_outbox_and_history(qtbot: QtBot, window) -> None:
    window.form.title.setFocus()
    press(
        qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.outbox_panel.isVisible()
    press(
        qtbot, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.history_panel.isVisible()


# --- Mnemonics -----------------------------------------------------------------------------------

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def _mnemonic(text: str) -> str | None:
    match = _MNEMONIC.search(text)
    return match[1].lower() if match else None


def _duplicates(letters: list[tuple[str, str]]) -> dict[str, list[str]]:
    by_letter: dict[str, list[str]] = {}
    for letter, text in letters:
        by_letter.setdefault(letter, []).append(text)
    return {letter: texts for letter, texts in by_letter.items() if len(texts) > 1}


def _window_mnemonics(top: QWidget) -> list[tuple[str, str]]:
    """The Alt+letter mnemonics that act in `top`: buddy labels, buttons, menu bar titles."""
    letters = []
    for widget in top.findChildren(QWidget):
        if widget.window() is not top:
            continue  # another window (a dialog) has its own
        text = ""
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            text = widget.text()
        if (letter := _mnemonic(text)) is not None:
            letters.append((letter, text))
    if isinstance(top, QMainWindow):
        for action in top.menuBar().actions():
            if (letter := _mnemonic(action.text())) is not None:
                letters.append((letter, action.text()))
    return letters


def test_mnemonics_are_unique_in_each_window_and_menu(
    qtbot: QtBot, make_window: WindowFactory, language: str
) -> None:
    from gui.ui.settings_dialog import SettingsDialog

    window = make_window(argv=["--demo"])  # with the Sandbox menu
    window.discard_draft_button.show()
    window.open_settings_button.show()
    window.show_outbox_panel()
    window.show_history_panel()
    window.show_help()
    assert not _duplicates(_window_mnemonics(window)), language
    for menu in (action.menu() for action in window.menuBar().actions()):
        letters = [(m, a.text()) for a in menu.actions() if (m := _mnemonic(a.text()))]
        assert not _duplicates(letters), (language, menu.title())
    settings = SettingsDialog(
        settings=window.settings,
        keychain=object(),  # type: ignore[arg-type]
        credentials=window.connection.credentials,
        keychain_available=True,
        jobs=window.sign_in.jobs,
        parent=window,
    )
    letters = _window_mnemonics(settings)
    assert len(letters) >= 15
    assert not _duplicates(letters), language
    help_dialog = window.findChild(QDialog, "helpDialog")
    assert not _duplicates(_window_mnemonics(help_dialog)), language


def test_mnemonics_are_unique_on_the_sign_in_page_and_in_the_sign_in_dialog(
    qtbot: QtBot, make_window: WindowFactory, language: str
) -> None:
    window = make_window(argv=[])  # no keys anywhere: the sign-in page
    qtbot.waitUntil(lambda: window.sign_in_page is not None and window.sign_in_page.isVisible())
    page = window.sign_in_page
    on_page = [pair for pair in _window_mnemonics(page.window()) if pair[1] in _texts(page)]
    menus = [(m, a.text()) for a in window.menuBar().actions() if (m := _mnemonic(a.text()))]
    assert len(on_page) >= 6
    assert not _duplicates(on_page + menus), language

    demo = make_window(argv=["--demo"])
    demo.sign_in_action.trigger()
    dialog = demo.sign_in_flow.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    letters = _window_mnemonics(dialog)
    assert len(letters) >= 5
    assert not _duplicates(letters), language
    dialog.reject()


def test_mnemonics_are_unique_in_the_many_tickets_dialog(
    qtbot: QtBot, make_window: WindowFactory, language: str
) -> None:
    window = make_window(argv=["--demo"])
    window.menus.batch_action.trigger()
    dialog = window.batch.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    letters = _window_mnemonics(dialog)
    assert len(letters) >= 7
    assert not _duplicates(letters), language
    assert dialog.focusWidget() is dialog.ids  # ready for the pasted ids
    dialog.close()


def test_mnemonics_are_unique_in_the_contact_book(
    qtbot: QtBot, make_window: WindowFactory, language: str
) -> None:
    window = make_window(argv=["--demo"])
    window.menus.contacts_action.trigger()
    dialog = window.findChild(QDialog, "contactsDialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    letters = _window_mnemonics(dialog)
    assert len(letters) >= 7
    assert not _duplicates(letters), language
    dialog.close()


def _texts(page: QWidget) -> set[str]:
    """The texts of `page`'s buttons and buddy labels."""
    return {
        widget.text()
        for widget in page.findChildren(QWidget)
        if isinstance(widget, QAbstractButton)
        or (isinstance(widget, QLabel) and widget.buddy() is not None)
    }


def test_every_form_field_has_a_mnemonic_in_spanish_too(window, language: str) -> None:
    form = window.form
    for field in FIELDS:
        text = form._labels[field].text() if field in form._labels else form.editor(field).text()
        assert _mnemonic(text), (language, field, text)


# --- Names, descriptions and errors for screen readers -------------------------------------------


def test_every_input_has_its_label_as_name_and_its_rule_as_description(
    window, language: str
) -> None:
    form = window.form
    rules = dict(form.field_help())
    for field in FIELDS:
        editor = form.editor(field)
        label = form._labels[field].text() if field in form._labels else editor.text()
        name = editor.accessibleName()
        assert name == accessible_label(label), field
        assert "&" not in name and not name.endswith("*"), field
        assert editor.accessibleDescription() == rules[name], field
        assert editor.accessibleDescription(), field
    assert form.title.accessibleDescription() == (
        "Required. One line." if language == "en" else "Obligatorio. Una línea."
    )
    interface = QAccessible.queryAccessibleInterface(form.title)
    assert interface.text(QAccessible.Text.Name) == form.title.accessibleName()
    assert interface.text(QAccessible.Text.Description) == form.title.accessibleDescription()
    for widget in (form.time.later, form.time.editor):
        assert widget.accessibleName() or widget.text()
        assert widget.accessibleDescription()


def test_the_settings_inputs_are_named_and_described(make_window: WindowFactory) -> None:
    from gui.ui.settings_dialog import SettingsDialog

    window = make_window(argv=[])
    dialog = SettingsDialog(
        settings=window.settings,
        keychain=object(),  # type: ignore[arg-type]
        credentials=window.connection.credentials,
        keychain_available=True,
        jobs=window.sign_in.jobs,
        parent=window,
    )
    # Every row's label, found by its objectName (<key>Label) as automation finds it.
    labels = [
        label for label in dialog.findChildren(QLabel) if label.objectName().endswith("Label")
    ]
    assert len(labels) == 9
    for label in labels:
        editor = label.buddy()
        assert editor.accessibleName() == accessible_label(label.text())
        assert editor.accessibleDescription()


def test_an_inline_error_is_announced_linked_and_cleared(qtbot: QtBot, window) -> None:
    form = window.form
    rule = form.title.accessibleDescription()
    click(qtbot, window.submit_button)  # everything required is empty
    error = form.visible_errors()["title"]
    assert form.title.accessibleDescription() == f"{error} {rule}"
    interface = QAccessible.queryAccessibleInterface(form.title)
    assert interface.text(QAccessible.Text.Description) == f"{error} {rule}"
    label = form.error_labels["title"]
    assert label.accessibleName() == "Problem with Title"
    assert focused() == "ticketId"  # the first field with a problem

    type_into(qtbot, form.title, "Leaking faucet")
    assert "title" not in form.visible_errors()
    assert form.title.accessibleDescription() == rule


def test_the_contacts_rule_follows_the_contact_type(window) -> None:
    form = window.form
    assert "Email addresses" in form.contacts.accessibleDescription()
    form.type.setCurrentIndex(form.type.findData("sms"))
    assert "Phone numbers" in form.contacts.accessibleDescription()


# --- The "done when" -----------------------------------------------------------------


def announced() -> tuple[str, str]:
    """What a screen reader says for the focused widget: its name and its description."""
    interface = QAccessible.queryAccessibleInterface(QApplication.focusWidget())
    return (
        interface.text(QAccessible.Text.Name),
        interface.text(QAccessible.Text.Description),
    )


def test_a_spanish_technician_updates_a_ticket_with_the_keyboard_alone(
    qtbot: QtBot, make_window: WindowFactory, sandbox, qapp: QApplication
) -> None:
    """Spanish, no mouse: every step by keys, and every field announced by name and rule."""
    locale = QLocale()
    install_language(qapp, "es")
    QApplication.processEvents()
    try:
        window = make_window(sandbox.url)
        assert announced()[0] == "ID del ticket"
        qtbot.keyClicks(QApplication.focusWidget(), "tic_1001")
        press(qtbot, Qt.Key.Key_Tab)
        assert announced() == ("Título", "Obligatorio. Una línea.")
        press(qtbot, Qt.Key.Key_Tab)  # leave the title empty for now
        assert announced()[0] == "Descripción"
        qtbot.keyClicks(QApplication.focusWidget(), "Fuga bajo el fregadero del 1A.")
        press(qtbot, Qt.Key.Key_Tab)  # Tab leaves the multi-line field
        assert announced()[0] == "Estado"
        qtbot.keyClicks(QApplication.focusWidget(), "ON_HOLD")

        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert sandbox.requests == []  # the title is missing: nothing sent
        name, description = announced()  # the focus went to the field to fix, with its error
        assert (focused(), name) == ("title", "Título")
        assert description.startswith("Escriba un título.")

        qtbot.keyClicks(QApplication.focusWidget(), "Grifo que gotea")
        assert announced()[1] == "Obligatorio. Una línea."  # the error is gone
        with qtbot.waitSignal(window.sent, timeout=10_000):
            press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert window.banner.text().startswith("Ticket tic_1001 actualizado a las ")
        assert sandbox.tickets["tic_1001"]["title"] == "Grifo que gotea"
    finally:
        install_language(qapp, "en")
        QLocale.setDefault(locale)
        QApplication.processEvents()
