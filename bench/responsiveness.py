"""Responsiveness while an update is in flight, in one process with its own loopback sandbox.

Run by bench/run.py: ``python bench/responsiveness.py --folder <folder> [--slow 2.0]``.

It starts `SandboxServer(slow_seconds=...)` answering SLOW on 127.0.0.1, builds a `MainWindow`
for it as `gui.app.create_window` builds the app's first window (its style sheet, and its
controllers on the turn after the first paint), shows it and waits for the warm-up (the
controllers, then the sending modules loading on a pool thread), fills the form with a valid
update and calls `submit()`. A 10 ms precise QTimer on the GUI thread records
`time.perf_counter()` at every tick:

* from the first paint until `warmed_up` (informational: imports on a pool thread hold the GIL);
* from just before `submit()` until `sent` (or `failed`, which makes the run a failure);
* then, as the baseline, for an idle period exactly as long as the request took.

The last stdout line is ``RESULT <json>``; the exit code is 0 when the update was sent.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from gui.core.app_folders import ENV_FOLDER
from gui.core.config import Connection
from gui.core.credentials import Credentials
from gui.sandbox import Behaviour, SandboxServer
from gui.ui.main_window import MainWindow
from gui.ui.palette import ColourScheme
from gui.ui.settings import AppSettings

TICK_MS = 10


class Ticks(QObject):
    """Runs a 10 ms timer in a nested event loop until one of `until` fires or time runs out."""

    def __init__(self, *, until: tuple[Any, ...] = (), limit_seconds: float) -> None:
        super().__init__()
        self.stamps: list[float] = []
        self.outcome: str | None = None
        self.payload: object = None
        self._loop = QEventLoop()
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._limit = QTimer(self, singleShot=True, interval=round(limit_seconds * 1000))
        self._limit.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse one may end 5 % early
        self._limit.timeout.connect(lambda: self._finish("time limit", None))
        for name, signal in until:
            signal.connect(lambda payload=None, name=name: self._finish(name, payload))

    def run(self, action: Any = None) -> None:
        self.stamps.append(time.perf_counter())
        self._timer.start()
        self._limit.start()
        if action is not None:
            action()
        if self.outcome is None:
            self._loop.exec()
        self._timer.stop()
        self._limit.stop()

    def _tick(self) -> None:
        if self.outcome is None:
            self.stamps.append(time.perf_counter())

    def _finish(self, outcome: str, payload: object) -> None:
        if self.outcome is not None:
            return
        self.stamps.append(time.perf_counter())
        self.outcome = outcome
        self.payload = payload
        self._loop.quit()

    def summary(self) -> dict[str, float | int]:
        gaps = [b - a for a, b in zip(self.stamps, self.stamps[1:], strict=False)]
        largest = max(range(len(gaps)), key=gaps.__getitem__, default=None)
        return {
            "seconds": self.stamps[-1] - self.stamps[0],
            "ticks": len(self.stamps) - 2,  # without the start and end stamps
            "max_gap_ms": gaps[largest] * 1000 if largest is not None else 0.0,
            # when the largest gap ended, in ms after the start (0 = the first gap)
            "max_gap_at_ms": (self.stamps[largest + 1] - self.stamps[0]) * 1000
            if largest is not None
            else 0.0,
            "median_gap_ms": sorted(gaps)[len(gaps) // 2] * 1000 if gaps else 0.0,
        }


class PaintWaiter(QObject):
    """Quits `loop` at the first Paint event of the watched widget."""

    def __init__(self, widget: QWidget, loop: QEventLoop) -> None:
        super().__init__()
        self._loop = loop
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._loop.quit)
        return False


def fill_form(window: MainWindow) -> None:
    form = window.form
    form.ticket_id.setText("tic_1001")
    switcher = getattr(window, "switcher", None)  # releases before 0.2 take the id as it is
    if switcher is not None:  # the ticket first, as a user does (leaving the id field)
        switcher.switch_to("tic_1001")
        deadline = time.monotonic() + 30
        while switcher.ticket_id != "tic_1001" and time.monotonic() < deadline:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    form.title.setText("Dripping kitchen tap (benchmark)")
    form.description.setPlainText("The kitchen tap in 1A drips all night. Plumber booked.")
    form.status.setCurrentText("ON_HOLD")


def measure(slow_seconds: float) -> dict[str, Any]:
    result: dict[str, Any] = {"ok": False}
    server = SandboxServer(slow_seconds=slow_seconds)
    server.start()
    try:
        server.behaviour = Behaviour.SLOW
        window = MainWindow(
            connection=Connection(server.url, Credentials(token=SandboxServer.TOKEN)),
            settings=AppSettings(),
            controllers_after_first_paint=True,  # as gui.app builds its first window
        )
        try:
            ColourScheme(window)

            warm_up = Ticks(until=(("warmed_up", window.warmed_up),), limit_seconds=30)
            first_paint = QEventLoop()
            waiter = PaintWaiter(window, first_paint)
            QTimer.singleShot(10_000, first_paint.quit)
            window.show()
            first_paint.exec()
            del waiter
            warm_up.run()  # the controllers are built on its first turn, then the warm-up
            result["warm_up"] = {"outcome": warm_up.outcome, **warm_up.summary()}
            fill_form(window)  # as a user does once the window is there

            request = Ticks(
                until=(("sent", window.sent), ("failed", window.failed)),
                limit_seconds=slow_seconds + 30,
            )
            request.run(window.submit)
            result["request"] = {"outcome": request.outcome, **request.summary()}
            if request.outcome == "failed":
                error = request.payload
                result["error"] = f"{type(error).__name__}: {getattr(error, 'message', error)}"
            elif request.outcome != "sent":
                result["error"] = f"no answer within {slow_seconds + 30:g} s"

            idle = Ticks(limit_seconds=max(0.05, request.summary()["seconds"]))
            idle.run()
            result["idle"] = {"outcome": idle.outcome, **idle.summary()}
            result["requests_received"] = len(server.requests)
            result["ok"] = request.outcome == "sent"
        finally:
            window.close()
            window.deleteLater()
            QApplication.processEvents()
    finally:
        server.stop()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--folder", type=Path, required=True, help="a folder for the settings and data of the run"
    )
    parser.add_argument("--slow", type=float, default=2.0, help="seconds the sandbox waits")
    args = parser.parse_args()
    os.environ[ENV_FOLDER] = str(args.folder)  # the window's files, never the user's
    app = QApplication(sys.argv[:1])
    result = measure(args.slow)
    app.processEvents()
    sys.stdout.write("RESULT " + json.dumps(result) + "\n")
    sys.stdout.flush()
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
