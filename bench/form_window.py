"""Start-up, the app's floor: the app's ticket page alone, in a bare QMainWindow.

Run by bench/run.py beside app_window.py and bare_window.py: ``python bench/form_window.py``;
prints one PAINTED line (see first_paint.py) and exits. It imports only what the form needs
(`gui.ui.ticket_page` and the palette), builds the page as the window does, with a menu bar and
a status bar as bare_window.py has them, and nothing else of the app: no settings, command-line
options, connection, menus' actions, outbox, drafts or sign-in. What app_window.py costs above
this is the rest of the window; what this costs above bare_window.py is the form itself (its
modules, its widgets, its style sheet).
"""

from __future__ import annotations

import time

STAMPS = {"script": time.perf_counter()}


def main() -> int:
    import sys

    import first_paint
    from PySide6.QtWidgets import QApplication, QMainWindow

    STAMPS["qt"] = time.perf_counter()
    from gui.ui.palette import ColourScheme
    from gui.ui.ticket_page import TicketPage

    STAMPS["imported"] = time.perf_counter()
    app = QApplication(sys.argv[:1])
    STAMPS["app"] = time.perf_counter()
    window = QMainWindow()
    statuses = ["NEW", "IN_PROGRESS", "ON_HOLD", "DONE"]
    # As in the window's first frame: the notification's rows come after it.
    window.setCentralWidget(TicketPage(statuses=statuses, notify_rows_later=True))
    for title in ("&File", "&Edit", "&View", "&Help"):
        window.menuBar().addMenu(title)
    window.statusBar().showMessage("Sends to api.particlespace.com")
    ColourScheme(window)
    window.resize(640, 720)
    STAMPS["built"] = time.perf_counter()
    return first_paint.show_and_report(app, window, STAMPS)


if __name__ == "__main__":
    raise SystemExit(main())
