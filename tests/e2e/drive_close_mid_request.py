"""Run as a script by test_processes.py: close the window while a request hangs, then quit.

Exits 0 only if the app shut down by itself; the test reads stderr for Qt's complaints.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from gui.app import create_window
from gui.sandbox import Behaviour


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = create_window(["--demo", "--ticket", "tic_1001"])
    window.confirm_quit = lambda waiting: True  # the user answers "Quit" to the question
    app.aboutToQuit.connect(window.shutdown)
    sandbox = window.sandbox
    assert sandbox is not None
    sandbox.behaviour = Behaviour.DRIP  # never finishes answering
    form = window.form
    form.title.setText("Leaking faucet")
    form.description.setPlainText("Leak under the kitchen sink in 1A requires new part.")
    form.status.setCurrentText("ON_HOLD")
    window.show()

    def close_once_in_flight() -> None:
        if not sandbox.requests:  # the outbox sends it from its worker thread
            QTimer.singleShot(10, close_once_in_flight)
            return
        print("request in flight; closing", flush=True)
        window.close()

    QTimer.singleShot(0, window.submit)
    QTimer.singleShot(0, close_once_in_flight)
    app.setQuitOnLastWindowClosed(True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
