"""The issue's "done when" (issue 15): the water is off tomorrow, texted in Spanish to every
tenant of a floor, on the twenty tickets of that floor, from File ▸ Many tickets…, naming the
floor's group instead of typing a phone number; against a real sandbox on 127.0.0.1."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.core.address_book import Person
from gui.sandbox import SandboxServer
from gui.ui.batch_dialog import BatchDialog
from gui.ui.batch_table import CHECK
from gui.ui.main_window import MainWindow
from tests.ui.conftest import WindowFactory, click, type_into
from tests.ui.test_batch import FLOOR, checked, done, open_dialog, paste_ids, puts, seed_known
from tests.ui.test_batch import sandbox as sandbox  # the floor's tickets
from tests.ui.test_contacts_book import seed

MARIA = Person("María López", phone="(202) 555-0123", groups=("Planta 3",))
ANA = Person("Ana Ruiz", phone="(202) 555-0177", groups=("Planta 3",))
MESSAGE = "Mañana cortamos el agua de 9 a 11. Disculpen las molestias."


def opened(qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer) -> MainWindow:
    seed_known(sandbox, FLOOR)
    seed(MARIA, ANA)
    window = make_window(sandbox.url)
    qtbot.waitUntil(lambda: len(window.contacts.keeper.book.people) == 2, timeout=5000)
    return window


def texting_the_floor(qtbot: QtBot, dialog: BatchDialog) -> None:
    """Status DONE and an SMS to the group, chosen from the contacts field's list."""
    change = dialog.change
    type_into(qtbot, change.status, "DONE")
    click(qtbot, change.notify)
    change.type.setCurrentIndex(change.type.findData("sms"))
    dialog.activateWindow()  # as the user's click in it does; the popup then completes
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    change.contacts.setFocus()
    type_into(qtbot, change.contacts, "pla")
    popup = change.contacts.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    model = popup.model()
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == [
        "Planta 3 · group of 2"
    ]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert change.contacts.text() == "Planta 3"
    change.message.setPlainText(MESSAGE)  # pasted: QTest types ASCII only


def test_the_floors_group_is_texted_on_twenty_tickets_without_a_number_typed(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    window = opened(qtbot, make_window, sandbox)
    dialog = open_dialog(qtbot, window)
    paste_ids(qtbot, dialog, "\n".join(FLOOR))
    texting_the_floor(qtbot, dialog)
    assert checked(qtbot, dialog) == "20 rows checked: all ready to send."

    # Before sending: what each tenant gets, from the change's Preview….
    click(qtbot, dialog.change.preview_button)
    preview = window.batch.preview_dialog
    assert preview is not None and preview.objectName() == "notificationPreview"
    qtbot.waitExposed(preview)
    assert preview.heading.text() == "On each of 20 tickets: An SMS to 2 people"
    assert preview.recipient_texts() == ["Ana Ruiz · 2025550177", "María López · 2025550123"]
    assert preview.message.toPlainText() == MESSAGE
    assert preview.counter.property("segments") == 1
    assert puts(sandbox) == []
    click(qtbot, preview.send_button)  # sends the batch, as the dialog's Send
    assert not preview.isVisible()
    assert done(qtbot, dialog) == "20 rows: 20 sent"
    sent = puts(sandbox)
    assert [ticket for ticket, _form in sent] == FLOOR
    for _ticket, form in sent:
        assert (form["status"], form["type"], form["notifyMessage"]) == ("DONE", "sms", MESSAGE)
        assert form["contacts"] == "2025550177,2025550123"  # names never go over the wire


def test_a_change_in_the_book_checks_the_rows_again_but_keeps_results_of_rows_sent(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    window = opened(qtbot, make_window, sandbox)
    dialog = open_dialog(qtbot, window)
    paste_ids(qtbot, dialog, "\n".join(FLOOR[:3]))
    texting_the_floor(qtbot, dialog)
    assert checked(qtbot, dialog) == "3 rows checked: all ready to send."

    # Someone without a mobile number joins the floor's group in File ▸ Contacts….
    keeper = window.contacts.keeper
    joe = Person("Joe Park", email="joe@example.com", groups=("Planta 3",))
    with qtbot.waitSignal(keeper.changed, timeout=5000):
        keeper.save(joe, region="US", on_saved=lambda _p: None, on_refused=lambda _w: None)
    assert checked(qtbot, dialog) == "3 rows checked: 3 need attention (see the Check column)."
    assert "Joe Park has no phone number." in dialog.model.index(0, CHECK).data()

    # He leaves the group again: the rows are ready, and once sent their results stay.
    saved = next(p for p in keeper.book.people if p.name == "Joe Park")
    with qtbot.waitSignal(keeper.changed, timeout=5000):
        keeper.delete(saved)
    assert checked(qtbot, dialog) == "3 rows checked: all ready to send."
    click(qtbot, dialog.send_button)
    assert done(qtbot, dialog) == "3 rows: 3 sent"
    with qtbot.waitSignal(keeper.changed, timeout=5000):
        keeper.save(joe, region="US", on_saved=lambda _p: None, on_refused=lambda _w: None)
    assert dialog.summary.text() == "3 rows: 3 sent"
    assert dialog.model.index(0, 4).data().startswith("Ticket tic_2001 updated")


def test_tab_goes_from_the_message_to_preview_then_on(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    window = opened(qtbot, make_window, sandbox)
    dialog = open_dialog(qtbot, window)
    change = dialog.change
    click(qtbot, change.notify)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    change.message.setFocus()
    order = [change.focusWidget().objectName()]
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget().objectName())
    assert order == ["batchNotifyMessage", "batchPreviewButton", "batchAutomated"]
