"""Shared by the start-up children: show a window, report once it has been painted, then exit.

Both children (bare_window.py and app_window.py) import this module first, so both pay the same
cost for it. It imports PySide6 only, never anything from the app.

The report is one line on stdout::

    PAINTED script=<t> qt=<t> imported=<t> app=<t> built=<t> shown=<t> painted=<t>

Every <t> is an absolute `time.perf_counter()` value. On Linux that clock is CLOCK_MONOTONIC,
shared by all processes, so the parent can set them against the moment it called Popen.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

MARKER = "PAINTED"


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
    watcher = FirstPaint(window, stamps)
    window.show()
    stamps["shown"] = time.perf_counter()
    # If no paint ever comes, the parent's timeout ends this process.
    code = app.exec()
    del watcher
    return code
