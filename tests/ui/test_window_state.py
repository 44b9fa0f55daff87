"""What is the window's alone, remembered in window.ini: its size and where its panels were."""

from __future__ import annotations

from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from gui.core import app_folders
from tests.ui.conftest import WindowFactory


def test_the_window_and_its_panels_come_back_as_they_were(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(argv=["--demo"])
    assert window.size() == QSize(640, 720)  # the first start
    window.resize(720, 560)  # within the offscreen screen (800x600)
    window.show_outbox_panel()
    window.outbox_panel.setFloating(True)
    window.close()
    assert app_folders.window_state_file().is_file()
    assert not app_folders.preferences_file().exists()  # nothing of the window's goes there

    again = make_window(argv=["--demo"])
    assert again.size() == QSize(720, 560)
    again.show_outbox_panel()
    assert again.outbox_panel.isFloating()
    assert not again.history_panel.isVisible()  # built now, and hidden as it was
