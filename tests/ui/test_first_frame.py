"""The app's first window is painted before its controllers are built (window_controllers.py):
what it shows does not change when they come, it works from the turn after its first paint, a
window closed before that never builds them. A window opened on a ticket (--ticket), and one that
replaces another, are built whole."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from gui.app import create_window
from gui.core.app_folders import OUTBOX_FILE_NAME, SANDBOX_FOLDER_NAME
from gui.ui.banner import BannerKind
from gui.ui.palette import SCHEME_VARIABLE
from gui.ui.settings import AppSettings
from tests.ui.conftest import VENDOR, click, fill, focused
from tests.ui.test_start_up_imports import offscreen_python

#: What only the controllers need: loaded after the app window's first paint.
CONTROLLER_MODULES = (
    "gui.ui.window_controllers",
    "gui.ui.dispatcher",
    "gui.ui.send_controller",
    "gui.ui.send_report",
    "gui.ui.draft_keeper",
    "gui.ui.ticket_switcher",
    "gui.ui.form_filler",
    "gui.ui.start_notice",
    "gui.ui.contacts_book",
    "gui.ui.batch_launcher",
    "gui.ui.panels",
    "gui.ui.templates_menu",
    "gui.ui.template_keeper",
    "gui.ui.notification_preview",
    "gui.ui.known_tickets",
    "gui.ui.list_completer",
    # The notification's rows (TicketForm.add_notify_rows), hidden in the first frame:
    "gui.ui.time_field",
    "gui.ui.message_counter",
    "gui.ui.message_buttons",
    "gui.ui.focus_chain",
    # What the status bar says of the outbox:
    "gui.core.reports",
)
#: Not in the first frame either, loaded by the warm-up's thread (SignInController.warm_up): what
#: sends, and its redactor.
WARM_UP_MODULES = ("gui.core.sender", "gui.core.redaction")


def _picture(window) -> QImage:
    return window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


class _FirstFrame(QObject):
    """What `window` shows at its first paint: grabbed on the turn after that paint, before
    the window's own work after it (the filter's turn is queued first)."""

    def __init__(self, window) -> None:
        super().__init__()
        self.picture: QImage | None = None
        self.controllers_then: bool | None = None
        self.sheet_then: str | None = None
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.picture is None:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._grab)
        return False

    def _grab(self) -> None:
        self.controllers_then = self._window.controllers_added()
        self.sheet_then = self._window.styleSheet()
        self.picture = _picture(self._window)


@pytest.fixture
def scheme(request, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Each colour scheme; the app's palette is Qt's own again afterwards."""
    monkeypatch.setenv(SCHEME_VARIABLE, request.param)
    yield request.param
    QApplication.setPalette(QPalette())


@pytest.mark.parametrize("scheme", ["light", "dark"], indirect=True)
def test_a_first_start_s_sign_in_page_looks_the_same_once_styled(qtbot, scheme: str) -> None:
    window = create_window([])  # no keys anywhere: the sign-in page is the first frame
    qtbot.addWidget(window)
    first = _FirstFrame(window)
    with qtbot.waitExposed(window):
        window.show()
    qtbot.waitUntil(lambda: first.picture is not None)
    assert window.pages.currentWidget().objectName() == "signInPage"
    assert first.sheet_then == ""
    qtbot.waitUntil(lambda: window.controllers_added() and bool(window.styleSheet()))
    assert _picture(window) == first.picture


@pytest.mark.parametrize("scheme", ["light", "dark"], indirect=True)
def test_the_app_s_window_is_painted_first_and_works_on_the_next_turn(
    qtbot, sandbox, scheme: str
) -> None:
    window = create_window(["--api-base", sandbox.url, "--token", sandbox.TOKEN])
    qtbot.addWidget(window)
    window.confirm_quit = lambda waiting: True
    assert not window.controllers_added()
    first = _FirstFrame(window)
    with qtbot.waitExposed(window):
        window.show()
    qtbot.waitUntil(lambda: first.picture is not None)
    assert first.controllers_then is False and first.sheet_then == ""  # neither was there
    qtbot.waitUntil(lambda: window.controllers_added() and bool(window.styleSheet()))
    assert _picture(window) == first.picture  # and nothing seen changed when they came

    fill(qtbot, window, **{**VENDOR, "ticketId": "tic_1001"})
    with qtbot.waitSignal(window.sent, timeout=10_000):
        click(qtbot, window.submit_button)
    (request,) = sandbox.requests
    assert (request.method, request.path) == ("PUT", "/api/v1/ticket/tic_1001")
    assert window.banner.text().startswith("Ticket tic_1001 updated at ")


def test_tab_finds_the_notification_s_rows_that_came_after_the_first_paint(qtbot, sandbox) -> None:
    window = create_window(["--api-base", sandbox.url, "--token", sandbox.TOKEN])
    qtbot.addWidget(window)
    assert window.form.findChild(QWidget, "contacts") is None
    with qtbot.waitExposed(window):
        window.show()
    qtbot.waitUntil(window.controllers_added)
    window.form.ticket_id.setFocus()
    forward = [focused()]
    for _ in range(14):
        if focused() == "notify":
            qtbot.keyClick(window.form.notify, Qt.Key.Key_Space)  # the rows show
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        forward.append(focused())
    assert forward == [
        *("ticketId", "title", "description", "status", "notify"),
        *("timeLater", "type", "contacts", "notifySubject", "notifyMessage"),
        *("templateButton", "notifyPreviewButton", "automated", "submitButton", "ticketId"),
    ]


def test_a_box_shown_before_the_style_sheet_came_brings_it(qtbot, sandbox) -> None:
    """The banner, shown between the window's build and its sheet's turn, is drawn styled."""
    window = create_window(["--api-base", sandbox.url, "--token", sandbox.TOKEN])
    qtbot.addWidget(window)
    assert window.styleSheet() == ""
    window.page.say(BannerKind.ERROR, "The outbox could not be read.")
    window.show()  # the banner's Show, before any paint
    assert window.banner.isVisible()
    assert window.styleSheet()


def test_a_first_frame_with_a_box_has_its_style_sheet_before_it(qtbot, make_window) -> None:
    """The sandbox's notice is a box the sheet draws: its window is styled as it is built."""
    window = create_window(["--demo"])
    qtbot.addWidget(window)
    assert window.sandbox_notice is not None and not window.sandbox_notice.isHidden()
    assert window.styleSheet()


def test_a_window_opened_on_a_ticket_is_built_whole(qtbot, sandbox) -> None:
    argv = ["--api-base", sandbox.url, "--token", sandbox.TOKEN, "--ticket", "tic_1002"]
    window = create_window(argv)
    qtbot.addWidget(window)
    # Its first frame says what the switcher knows of the ticket, beside Update.
    assert window.controllers_added()
    assert window.page.change_summary.text() == (
        "Title, description and status will replace what Particle Space has"
    )


def test_a_controller_asked_for_before_the_first_paint_is_there(qtbot, sandbox) -> None:
    window = create_window(["--api-base", sandbox.url, "--token", sandbox.TOKEN])
    qtbot.addWidget(window)
    assert not window.controllers_added()
    assert window.outbox.parent() is window  # a tool or a test reaching for one gets it
    assert window.controllers_added() and window.drafts.parent() is window
    try:
        window.no_such_part  # noqa: B018
    except AttributeError as error:
        assert "no_such_part" in str(error)
    else:
        raise AssertionError("an unknown attribute was found")


def test_a_window_closed_before_its_first_paint_builds_no_controllers(qtbot, sandbox) -> None:
    window = create_window(["--demo"])
    qtbot.addWidget(window)
    window.show()
    window.close()  # before the event loop's next turn: the user closed it at once
    qtbot.wait(50)
    assert not window.controllers_added()
    folder = AppSettings.data_folder() / SANDBOX_FOLDER_NAME
    assert not (folder / OUTBOX_FILE_NAME).exists()  # no outbox was opened
    try:
        window.outbox  # noqa: B018
    except AttributeError:
        pass
    else:
        raise AssertionError("a window already shut down built its controllers")


def test_the_window_a_sandbox_switch_opens_is_whole(qtbot, make_window) -> None:
    window = make_window(argv=["--demo"])
    with qtbot.waitSignal(window.replaced) as replaced:
        window.sign_in_flow.real_service_requested.emit(None)
    new = replaced.args[0]
    qtbot.addWidget(new)
    assert new.controllers_added()  # its modules are loaded already: nothing to wait for


def test_the_first_paint_comes_before_the_controllers_modules_load() -> None:
    code = f"""
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from gui.app import create_window
        app = QApplication(sys.argv[:1])
        window = create_window(["--api-base", "https://api.example.com/api/v1", "--token", "t"])
        seen = []
        def look(names):
            seen.append(len([name for name in names if name in sys.modules]))
        window.show()
        look({CONTROLLER_MODULES + WARM_UP_MODULES!r})  # the first paint comes with the loop
        # On the turn after it, with the controllers; then the warm-up's.
        window.first_painted.connect(lambda: look({CONTROLLER_MODULES!r}))
        window.warmed_up.connect(lambda: look({WARM_UP_MODULES!r}))
        window.warmed_up.connect(app.quit)
        app.exec()
        print(*seen)
        window.shutdown()
        """
    printed = offscreen_python(code)
    expected = [0, len(CONTROLLER_MODULES), len(WARM_UP_MODULES)]
    assert printed.split() == [str(count) for count in expected], printed


#: The ticket page's own modules: not in the first frame of a first start's sign-in page.
TICKET_PAGE_MODULES = ("gui.ui.ticket_page", "gui.ui.ticket_form", "gui.ui.status_field")


def test_a_first_start_s_ticket_page_comes_after_the_sign_in_page_s_first_paint() -> None:
    code = f"""
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from gui.app import create_window
        app = QApplication(sys.argv[:1])
        window = create_window([])  # no keys anywhere: the sign-in page
        seen = []
        def look():
            loaded = [name for name in {TICKET_PAGE_MODULES!r} if name in sys.modules]
            seen.append(f"{{window.page_added()}},{{len(loaded)}}")
        window.show()
        look()
        window.first_painted.connect(look)
        window.first_painted.connect(lambda: QTimer.singleShot(0, app.quit))
        app.exec()
        print(*seen, window.pages.currentWidget().objectName(), window.pages.indexOf(window.page))
        window.shutdown()
        """
    printed = offscreen_python(code).split()
    assert printed == ["False,0", f"True,{len(TICKET_PAGE_MODULES)}", "signInPage", "0"], printed


def test_the_ticket_page_asked_for_before_the_first_paint_is_built_then(qtbot) -> None:
    window = create_window([])
    qtbot.addWidget(window)
    assert not window.page_added()
    assert window.form.ticket_id.objectName() == "ticketId"  # built there and then
    assert window.page_added() and window.pages.indexOf(window.page) == 0
    with qtbot.waitExposed(window):
        window.show()
    qtbot.waitUntil(window.controllers_added)
    assert window.pages.currentWidget().objectName() == "signInPage"  # still shown
    assert QApplication.focusWidget() is not None
    assert QApplication.focusWidget().objectName() == "secretKey"  # not taken by the form
