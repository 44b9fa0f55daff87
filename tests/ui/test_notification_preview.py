"""The notification preview (`notificationPreview`), used like a user: Preview… under the
message (`notifyPreviewButton`, Ctrl+Shift+P) shows whom the form's notification reaches, with
the contact book's names and groups expanded as sending expands them, and the SMS with its
count and parts or the email's subject and body; Send in it sends once, to the real loopback
sandbox. What it says stays true while it is open, and each opening shows the form as it is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.core.address_book import Person
from gui.sandbox import SandboxServer
from gui.ui.main_window import MainWindow
from gui.ui.preview_dialog import PreviewDialog
from tests.ui.conftest import VENDOR, WindowFactory, click, fill, type_into
from tests.ui.test_contacts_book import seed

MARIA = Person("María López", phone="(202) 555-0123", groups=("Planta 3",))
ANA = Person("Ana Ruiz", phone="(202) 555-0177", email="ana@example.com", groups=("Planta 3",))
#: 100 characters with an accent: Unicode, 67 a part, so 2 parts.
SPANISH = ("Mañana cortarán el agua de 9 a 11 en la planta 3. " * 2)[:100]


def opened(qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer) -> MainWindow:
    seed(MARIA, ANA)
    window = make_window(sandbox.url)
    qtbot.waitUntil(lambda: len(window.contacts.keeper.book.people) == 2, timeout=5000)
    return window


def texting(qtbot: QtBot, window: MainWindow, contacts: str, message: str = SPANISH) -> None:
    fill(qtbot, window, notify=True, **{**VENDOR, "contacts": ""})
    window.form.type.setCurrentIndex(window.form.type.findData("sms"))
    type_into(qtbot, window.form.contacts, "")
    window.form.contacts.insert(contacts)  # pasted, as a name with accents would be
    window.form.notify_message.setPlainText(message)  # pasted: QTest types ASCII only


def preview(qtbot: QtBot, window: MainWindow) -> PreviewDialog:
    button = window.form.preview_button
    assert button.isVisible() and button.text() == "Preview…"
    click(qtbot, button)
    dialog = window.preview.dialog
    assert dialog is not None and dialog.objectName() == "notificationPreview"
    qtbot.waitExposed(dialog)
    return dialog


def test_a_group_and_a_typed_number_are_listed_with_names_and_the_sms_in_its_parts(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    window = opened(qtbot, make_window, sandbox)
    texting(qtbot, window, "Planta 3, (202) 555-0188")
    dialog = preview(qtbot, window)
    assert dialog.heading.text() == "An SMS to 3 people"
    assert dialog.recipient_texts() == [
        "Ana Ruiz · 2025550177",
        "María López · 2025550123",
        "2025550188",
    ]
    assert dialog.when.text() == "As soon as the update is sent"
    assert dialog.message.toPlainText() == SPANISH
    counter = dialog.counter
    assert (counter.property("segments"), counter.property("encoding")) == (2, "ucs2")
    assert counter.text().startswith("2 SMS · Unicode")
    assert not counter.plain_button.isVisible()  # the preview's text is not edited there
    assert dialog.part_texts() == [
        f"Part 1 of 2\n{SPANISH[:67]}",
        f"Part 2 of 2\n{SPANISH[67:]}",
    ]
    assert not dialog.subject.isVisible()
    assert sandbox.requests == []  # a preview sends nothing

    with qtbot.waitSignal(window.sent, timeout=10_000):
        click(qtbot, dialog.send_button)
    assert not dialog.isVisible()
    (request,) = sandbox.requests
    assert dict(request.form)["contacts"] == "2025550177,2025550123,2025550188"


def test_an_email_shows_its_subject_and_body_and_no_parts(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    window = opened(qtbot, make_window, sandbox)
    fill(qtbot, window, notify=True, **{**VENDOR, "contacts": "ana ruiz"})
    type_into(qtbot, window.form.notify_subject, "Water off")
    type_into(qtbot, window.form.notify_message, "Tomorrow 9-11.")
    dialog = preview(qtbot, window)
    assert dialog.heading.text() == "An email to 1 person"
    assert dialog.recipient_texts() == ["Ana Ruiz · ana@example.com"]
    assert (dialog.subject.text(), dialog.message.toPlainText()) == ("Water off", "Tomorrow 9-11.")
    assert dialog.subject.isVisible() and not dialog.parts.isVisible()
    assert not dialog.counter.isVisible()


def test_what_sending_would_refuse_is_said_and_send_waits(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    window = opened(qtbot, make_window, sandbox)
    seed(Person("Joe Park", email="joe@example.com", groups=("Plumbers",)))
    window.contacts.keeper.load()
    qtbot.waitUntil(lambda: len(window.contacts.keeper.book.people) == 3, timeout=5000)
    texting(qtbot, window, "Plumbers")
    dialog = preview(qtbot, window)
    assert dialog.heading.text() == "Not ready to send:"
    assert dialog.problem.text() == "Joe Park has no phone number."
    assert not dialog.send_button.isEnabled()
    assert not dialog.recipients.isVisible()
    click(qtbot, dialog.close_button)
    assert sandbox.requests == []


def test_a_change_in_the_book_while_it_is_open_shows_at_once(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    window = opened(qtbot, make_window, sandbox)
    texting(qtbot, window, "Planta 3")
    dialog = preview(qtbot, window)
    assert dialog.heading.text() == "An SMS to 2 people"
    keeper = window.contacts.keeper
    newcomer = Person("Li Wei", phone="(202) 555-0190", groups=("Planta 3",))
    with qtbot.waitSignal(keeper.changed, timeout=5000):
        keeper.save(newcomer, region="US", on_saved=lambda _p: None, on_refused=lambda _w: None)
    assert dialog.heading.text() == "An SMS to 3 people"
    assert "Li Wei · 2025550190" in dialog.recipient_texts()


def test_each_opening_shows_the_form_as_it_is_then(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    window = opened(qtbot, make_window, sandbox)
    texting(qtbot, window, "María López", message="Short.")
    for use in range(1, 21):
        dialog = preview(qtbot, window)
        assert dialog.recipient_texts() == ["María López · 2025550123"]
        assert dialog.message.toPlainText() == "Short." + "!" * (use - 1)
        assert dialog.part_texts() == []  # one part: nothing to cut
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible()
        window.form.notify_message.setPlainText("Short." + "!" * use)
    assert sandbox.requests == []


def test_without_notify_there_is_nothing_to_preview(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    window = opened(qtbot, make_window, sandbox)
    fill(qtbot, window, **VENDOR)
    assert not window.form.preview_button.isVisible()
    window.activateWindow()
    qtbot.keyClick(
        window.form.title,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.preview.dialog is None
    click(qtbot, window.form.notify)
    qtbot.keyClick(
        window.form.title,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.preview.dialog is not None and window.preview.dialog.isVisible()
