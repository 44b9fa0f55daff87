"""Window fixtures: a window on a given API, a sandbox on loopback, and a user who types."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QCheckBox, QWidget
from pytestqt.qtbot import QtBot

from gui.app import create_window
from gui.core.config import Connection
from gui.core.credentials import Credentials
from gui.sandbox import SandboxServer
from gui.ui.main_window import MainWindow
from gui.ui.settings import AppSettings

VENDOR = {
    "ticketId": "TICKET_ID_HERE",
    "title": "Leaking faucet",
    "description": "Leak under the kitchen sink in 1A requires new part.",
    "status": "ON_HOLD",
    "contacts": "example@example.com",
}
VENDOR_BODY = (
    "title=Leaking%20faucet&description=Leak%20under%20the%20kitchen%20sink%20in%201A%20"
    "requires%20new%20part.&status=ON_HOLD&notify=1&time=&type=email"
    "&contacts=example%40example.com&automated=1"
)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """A window the app replaced (the sandbox's, left for Particle Space's) was deleted by the
    app: qtbot closes only the widgets that still exist."""
    import shiboken6

    widgets = getattr(item, "qt_widgets", None)
    if widgets:
        item.qt_widgets = [  # type: ignore[attr-defined]
            (ref, before) for ref, before in widgets if ref() is None or shiboken6.isValid(ref())
        ]
    return (yield)


@pytest.fixture(autouse=True)
def _qt_pools_idle() -> Iterator[None]:
    yield
    assert QThreadPool.globalInstance().waitForDone(5000), "a global pool job was left running"


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(tickets=("tic_1001", "tic_1002", "TICKET_ID_HERE")) as server:
        yield server


WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot) -> WindowFactory:
    """Build a window on `api_base` (or from `argv`) the way the app does, shown and focused."""

    def make(api_base: str | None = None, *, argv: list[str] | None = None, **options: Any):
        if argv is not None:
            window = create_window(argv)
        else:
            assert api_base is not None
            window = MainWindow(
                connection=Connection(api_base, Credentials(token=SandboxServer.TOKEN)),
                settings=AppSettings(),
                **options,
            )
        window.confirm_quit = lambda waiting: True  # no question box when a test closes it
        qtbot.addWidget(window)
        with qtbot.waitExposed(window), qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        if argv is not None:  # the app's window works once it is painted, as a user sees it
            qtbot.waitUntil(window.controllers_added)
        return window

    return make


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Click into `widget`, select what is there and type `text` over it, like a user."""
    target = widget.lineEdit() if hasattr(widget, "lineEdit") and widget.lineEdit() else widget
    target.setFocus()
    qtbot.keyClick(target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(target, Qt.Key.Key_Delete)
    if text:
        qtbot.keyClicks(target, text)


def fill(qtbot: QtBot, window: MainWindow, *, notify: bool = False, **fields: str) -> None:
    """Fill the form field by field (API names as keys)."""
    form = window.form
    if notify and not form.notify.isChecked():
        click(qtbot, form.notify)
    for field, value in fields.items():
        type_into(qtbot, form.editor(field), value)


def click(qtbot: QtBot, widget: QWidget) -> None:
    """Click where a user would: a check box on its box, anything else in its middle."""
    if isinstance(widget, QCheckBox):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def focused() -> str:
    widget = QApplication.focusWidget()
    return widget.objectName() if widget is not None else ""
