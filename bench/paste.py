"""Pasting one long line into the form: how long the paste takes and the GUI thread's stall.

Usage (from the project folder, with the project's virtual environment)::

    .venv/bin/python bench/paste.py [--chars 1000000] [--fields description title]
                                    [--platforms offscreen xcb] [--root FOLDER]

Each (platform, field) runs in its own child process of this script (``--child``), with its
settings and data in a temporary folder. The child builds a `MainWindow` on a closed port
(nothing is sent), shows it, waits for the warm-up, puts ``--chars`` characters of one line
("Leak under the sink. " repeated, no line break) on the clipboard, focuses the field and
presses Ctrl+V with a real key event. A 10 ms precise QTimer on the GUI thread stamps every
tick from just before the key press until 2 s after it returned (the draft keeper's autosave
and the change summary run in that time). It prints the time the key press took, the largest
gap between ticks and how many characters the field then holds.

``xcb`` starts its own Xvfb on a free display number (Debian: ``apt-get install xvfb``).
``--root`` runs another copy of the app (say ``git archive`` of an older revision unpacked in a
folder), for before/after figures from the same machine. It prints figures and never fails on
them (exit 1 only when a child crashed or timed out).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(__file__).resolve()
TICK_MS = 10
AFTER_SECONDS = 2.0
CHILD_TIMEOUT = 900.0


def child(field: str, chars: int) -> dict[str, Any]:
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

    import gui
    from gui.core.config import Connection
    from gui.core.credentials import Credentials
    from gui.ui.main_window import MainWindow
    from gui.ui.settings import AppSettings

    app = QApplication(sys.argv[:1])
    window = MainWindow(
        connection=Connection("http://127.0.0.1:9/api/v1", Credentials(token="bench")),
        settings=AppSettings(),
    )
    window.show()
    loop = QEventLoop()
    window.warmed_up.connect(loop.quit)
    QTimer.singleShot(20_000, loop.quit)
    loop.exec()
    editor = window.form.editor(field)
    text = ("Leak under the sink. " * (chars // 21 + 1))[:chars]
    QGuiApplication.clipboard().setText(text)
    editor.setFocus()
    app.processEvents()

    stamps: list[float] = []
    timer = QTimer(interval=TICK_MS)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(lambda: stamps.append(time.perf_counter()))
    stamps.append(time.perf_counter())
    timer.start()
    started = time.perf_counter()
    QTest.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    pasted = time.perf_counter() - started
    after = QEventLoop()
    QTimer.singleShot(round(AFTER_SECONDS * 1000), after.quit)
    after.exec()
    started = time.perf_counter()
    QTest.keyClicks(editor, " more")  # typing on after the paste
    typed = time.perf_counter() - started
    started = time.perf_counter()
    window.submit()  # Update: the checks and the inline errors
    app.processEvents()
    submitted = time.perf_counter() - started
    after = QEventLoop()
    QTimer.singleShot(round(AFTER_SECONDS * 1000), after.quit)
    after.exec()
    timer.stop()
    stamps.append(time.perf_counter())
    gaps = [b - a for a, b in itertools.pairwise(stamps)]
    if isinstance(editor, QLineEdit):
        held = len(editor.text())
    elif isinstance(editor, QPlainTextEdit):
        held = len(editor.toPlainText())
    else:
        held = -1
    error = window.form.visible_errors().get(field, "")
    window.close()
    return {
        "gui": gui.__file__,
        "paste_ms": pasted * 1000,
        "max_gap_ms": max(gaps) * 1000,
        "type_5_ms": typed * 1000,
        "update_ms": submitted * 1000,
        "held": held,
        "inline": error,
    }


def run_child(root: Path, platform: str, field: str, chars: int, display: str | None) -> Any:
    with tempfile.TemporaryDirectory(prefix="paste-bench-") as folder:
        environment = {
            **os.environ,
            "QT_QPA_PLATFORM": platform,
            "PARTICLE_TICKETS_FOLDER": folder,
            "XDG_RUNTIME_DIR": folder,
            "PYTHONPATH": str(root),  # that copy's gui, not the installed one
        }
        if display is not None:
            environment["DISPLAY"] = display
        command = [sys.executable, str(SCRIPT), "--child", field, "--chars", str(chars)]
        done = subprocess.run(
            command,
            cwd=root,
            env=environment,
            capture_output=True,
            text=True,
            timeout=CHILD_TIMEOUT,
            check=False,
        )
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line.removeprefix("RESULT "))
    raise RuntimeError(f"{platform}/{field} failed ({done.returncode}): {done.stderr[-2000:]}")


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    for number in range(91, 120):
        if not Path(f"/tmp/.X11-unix/X{number}").exists():
            display = f":{number}"
            server = subprocess.Popen(
                ["Xvfb", display, "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            deadline = time.monotonic() + 10
            while not Path(f"/tmp/.X11-unix/X{number}").exists():
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("Xvfb did not start")
                time.sleep(0.05)
            return server, display
    raise RuntimeError("no free display number")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--fields", nargs="+", default=["description", "title"])
    parser.add_argument("--platforms", nargs="+", default=["offscreen", "xcb"])
    parser.add_argument("--root", type=Path, default=ROOT, help="the copy of the app to run")
    args = parser.parse_args()
    if args.child:
        result = child(args.child, args.chars)
        sys.stdout.write("RESULT " + json.dumps(result) + "\n")
        return 0
    print(f"{args.root}: pasting {args.chars:,} characters on one line")
    print(
        f"{'platform':10} {'field':12} {'paste':>10} {'max stall':>10} {'type 5':>9}"
        f" {'Update':>9} {'held':>9}  inline"
    )
    for platform in args.platforms:
        server, display = start_xvfb() if platform == "xcb" else (None, None)
        try:
            for field in args.fields:
                try:
                    got = run_child(args.root, platform, field, args.chars, display)
                except (RuntimeError, subprocess.TimeoutExpired) as error:
                    print(f"{platform:10} {field:12} failed: {error}")
                    continue
                print(
                    f"{platform:10} {field:12} {got['paste_ms']:>8.0f}ms"
                    f" {got['max_gap_ms']:>8.0f}ms"
                    f" {got['type_5_ms']:>7.0f}ms {got['update_ms']:>7.0f}ms"
                    f" {got['held']:>9,}  {got['inline']}  ({got['gui']})",
                    flush=True,
                )
        finally:
            if server is not None:
                server.terminate()
                server.wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
