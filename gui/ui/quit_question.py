"""The question before quitting with updates still in the outbox or one on its way: it says
what is true of them (where they go, and when), and the user answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gui.core.messages import QT_TRANSLATE_NOOP, join
from gui.ui.i18n import translated

if TYPE_CHECKING:
    from gui.ui.main_window import MainWindow


def ask_before_quitting(window: MainWindow, waiting: int) -> bool:
    """Whether to quit with `waiting` updates in the outbox (or one being sent): the user's
    answer to the question."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from gui.core import reports  # loaded with the window's controllers, as is this:
    from gui.core.destination import destination_of  # not in its first frame

    if window.busy:
        waits = reports.quit_while_sending()
    else:
        here = destination_of(window.connection)
        items = window.outbox_items
        elsewhere = sum(1 for item in items if item.destination not in (None, here))
        waits = reports.still_in_outbox(
            max(waiting - elsewhere, 0), elsewhere=elsewhere, sandbox=window.sandbox is not None
        )
    question = join([waits, QT_TRANSLATE_NOOP("MainWindow", "Quit now?")])
    title = QCoreApplication.translate("MainWindow", "Updates are waiting")
    answer = QMessageBox.question(window, title, translated(question))
    return answer == QMessageBox.StandardButton.Yes
