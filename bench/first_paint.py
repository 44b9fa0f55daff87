"""Shared by the start-up children: show a window, report once it has been painted, then exit.

Both children (bare_window.py and app_window.py) import this module first, so both pay the same
cost for it. It imports PySide6 only, never anything from the app.

The report is one line on stdout::

    PAINTED script=<t> qt=<t> imported=<t> app=<t> built=<t> shown=<t> painted=<t>

Every <t> is an absolute `time.perf_counter()` value. On Linux that clock is CLOCK_MONOTONIC,
shared by all processes, so the parent can set them against the moment it called Popen.

With ``--quit-at-first-turn`` on the child's command line (bench/xmap.py's spawn-to-exit runs),
the child does not wait for a paint: on the event loop's first turn it prints
``TURN script=<t> … shown=<t> turn=<t>``, closes the window and quits, as a user closing it at
once would, so the parent can time the whole process from spawn to exit. Once the event loop
has returned it prints ``RETURNED returned=<t>``.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

MARKER = "PAINTED"
QUIT_AT_FIRST_TURN = "--quit-at-first-turn"


class FirstPaint(QObject):
    """Watches `window` for its first Paint event; after it, reports and quits the app."""

    def __init__(self, window: QWidget, stamps: dict[str, float]) -> None:
        super().__init__()
        self._window = window
        self._stamps = stamps
        self._seen = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._seen and event.type() == QEvent.Type.Paint:
            self._seen = True
            # Report on the next turn of the event loop, once this paint (and the children's,
            # which follow in the same backing-store flush) has finished.
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        self._stamps["painted"] = time.perf_counter()
        self._window.removeEventFilter(self)
        fields = " ".join(f"{name}={value:.6f}" for name, value in self._stamps.items())
        sys.stdout.write(f"{MARKER} {fields}\n")
        sys.stdout.flush()
        self._window.close()
        QTimer.singleShot(0, QApplication.quit)


def show_and_report(app: QApplication, window: QWidget, stamps: dict[str, float]) -> int:
    """Show `window`, run the event loop until the first paint was reported; the exit code."""
    if QUIT_AT_FIRST_TURN in sys.argv[1:]:
        return _show_and_quit(app, window, stamps)
    watcher = FirstPaint(window, stamps)
    window.show()
    stamps["shown"] = time.perf_counter()
    # If no paint ever comes, the parent's timeout ends this process.
    code = app.exec()
    del watcher
    return code


def _show_and_quit(app: QApplication, window: QWidget, stamps: dict[str, float]) -> int:
    """Show `window`; on the event loop's first turn, report, close it and quit."""

    def first_turn() -> None:
        stamps["turn"] = time.perf_counter()
        fields = " ".join(f"{name}={value:.6f}" for name, value in stamps.items())
        sys.stdout.write(f"TURN {fields}\n")
        sys.stdout.flush()
        window.close()
        QApplication.quit()

    QTimer.singleShot(0, first_turn)
    window.show()
    stamps["shown"] = time.perf_counter()
    code = app.exec()
    # What is left after this is the interpreter's (and Qt's) shutdown.
    sys.stdout.write(f"RETURNED returned={time.perf_counter():.6f}\n")
    sys.stdout.flush()
    return code
