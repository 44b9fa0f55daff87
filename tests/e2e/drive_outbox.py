"""Run as a script by test_kill_and_restart.py and tools/stress-outbox: the real app in a process
of its own, so that the parent can SIGKILL it at any moment and start it again.

    python tests/e2e/drive_outbox.py --api-base URL --token TOKEN [--notify] [--title T]
        (--send | --type-draft TEXT | --just-open [--until-empty])

The window is built as the app builds it (`gui.app.create_window`), shown, and answers "Quit"
to the "updates are waiting" question. Every line it prints is flushed at once; the first one is
``folder <data folder>`` (where the outbox and the draft live). Then, by mode:

--send        once last run's draft had its chance to come back, fill in a valid update (ticket
              tic_1001, title T, status ON_HOLD; notify by email with --notify) and press Update;
              print ``queued`` once the outbox lists the item (it is on disk then), and keep
              running: the parent kills the process.
--type-draft  type TEXT into the description one character at a time (real key events from a
              QTimer). After every character the driver asks the draft keeper to save at once
              (`DraftKeeper.save_now`, what its debounce timer calls), waiting for the previous
              write before typing on, so the keeper's thread writes drafts back to back and a
              kill lands in the middle of one. Prints ``typing <characters typed>`` every 20
              characters and keeps running.
--just-open   wait until the outbox has been listed and the draft restore had its chance (with
              --until-empty: until the outbox is empty, too), print one JSON line (the outbox
              items, the form's title and description, the banner) and quit cleanly (exit 0).

It gives up by itself after --max-seconds (exit 3), so a parent that died cannot leave it behind.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui.app import create_window
from gui.ui.main_window import MainWindow
from gui.ui.settings import AppSettings

TICKET = "tic_1001"
DESCRIPTION = "Leak under the kitchen sink in 1A requires new part."
CONTACT = "pat@example.com"
TYPING_REPORT_EVERY = 20  # characters


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


_restore_finished: set[int] = set()


def restore_settled(window: MainWindow) -> bool:
    """Whether the draft keeper has looked for last run's draft (and put it back, if any)."""
    return id(window) in _restore_finished


def when(condition: Any, then: Any, *, every_ms: int = 10) -> None:
    """Call `then()` once `condition()` holds, checking from the event loop."""
    if condition():
        then()
    else:
        QTimer.singleShot(every_ms, lambda: when(condition, then, every_ms=every_ms))


def send(window: MainWindow, title: str, notify: bool) -> None:
    announced = False

    def on_changed(items: list[Any]) -> None:
        nonlocal announced
        if not announced and any(item.update.title == title for item in items):
            announced = True
            say("queued")

    window.outbox.changed.connect(on_changed)
    window.failed.connect(lambda error: say(f"failed {getattr(error, 'message', error)}"))
    window.outbox.failed.connect(lambda message: say(f"outbox failed {message}"))

    def fill_and_submit() -> None:
        form = window.form
        form.title.setText(title)
        form.description.setPlainText(DESCRIPTION)
        form.status.setCurrentText("ON_HOLD")
        form.notify.setChecked(notify)
        form.automated.setChecked(False)
        if notify:
            form.type.setCurrentIndex(form.type.findData("email"))
            form.contacts.setText(CONTACT)
        window.submit()
        if not window.busy and not announced:
            say(f"not sent: {window.banner.text()}")

    def switch_then_fill() -> None:  # as a user does: the ticket first, then its fields
        window.form.ticket_id.setText(TICKET)
        window.switcher.switch_to(TICKET)
        when(lambda: window.switcher.ticket_id == TICKET, fill_and_submit)

    when(lambda: restore_settled(window), switch_then_fill)


def type_draft(window: MainWindow, text: str) -> None:
    editor = window.form.description
    typed = 0

    def tick() -> None:
        nonlocal typed
        if typed >= len(text):
            timer.stop()
            say(f"typed {typed}")
            return
        if window.drafts.writing:
            return  # the previous draft is still being written
        QTest.keyClicks(editor, text[typed])
        typed += 1
        window.drafts.save_now()
        if typed % TYPING_REPORT_EVERY == 0:
            say(f"typing {typed}")

    timer = QTimer(window, interval=1)
    timer.timeout.connect(tick)

    def start() -> None:
        editor.setFocus()
        timer.start()

    when(lambda: restore_settled(window), start)


def just_open(window: MainWindow, until_empty: bool) -> None:
    listed: list[list[Any]] = []
    window.outbox.changed.connect(listed.append)

    def ready() -> bool:
        if not listed or not restore_settled(window):
            return False
        return not until_empty or (not listed[-1] and not window.busy)

    def report() -> None:
        items = [
            {
                "id": item.id,
                "ticket": item.ticket_id,
                "state": item.state.value,
                "attempts": item.attempts,
                "title": item.update.title,
                "last_error": item.last_error,
            }
            for item in listed[-1]
        ]
        say(
            json.dumps(
                {
                    "items": items,
                    "title": window.form.title.text(),
                    "description": window.form.description.toPlainText(),
                    "banner": window.banner.text(),
                }
            )
        )
        window.close()

    when(ready, report)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--api-base", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--notify", action="store_true")
    parser.add_argument("--title", default="Leaking faucet")
    parser.add_argument("--until-empty", action="store_true")
    parser.add_argument("--max-seconds", type=float, default=120.0)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--send", action="store_true")
    mode.add_argument("--type-draft", metavar="TEXT")
    mode.add_argument("--just-open", action="store_true")
    options = parser.parse_args()

    app = QApplication(sys.argv[:1])
    window = create_window(["--api-base", options.api_base, "--token", options.token])
    window.confirm_quit = lambda waiting: True  # the user answers "Quit" to the question
    window.drafts.restore_finished.connect(lambda: _restore_finished.add(id(window)))
    app.aboutToQuit.connect(window.shutdown)
    say(f"folder {AppSettings.data_folder()}")
    window.show()

    if options.send:
        send(window, options.title, options.notify)
    elif options.type_draft is not None:
        type_draft(window, options.type_draft)
    else:
        just_open(window, options.until_empty)

    def give_up() -> None:
        say(f"gave up after {options.max_seconds:g} s")
        app.exit(3)

    QTimer.singleShot(round(options.max_seconds * 1000), give_up)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
