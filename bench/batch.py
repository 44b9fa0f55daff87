"""The many-tickets benchmark: checking and sending 500 rows from File ▸ Many tickets….

Usage (from the project folder, with the project's virtual environment)::

    .venv/bin/python bench/batch.py [--count 500] [--runs 1]

The machine is shared and noisy, so only figures against a baseline measured in the same run mean
anything. This process imports no Qt: it runs a `SandboxServer` (Behaviour.NORMAL) on 127.0.0.1
with ``--count`` tickets and starts children of this same script (``--child …``), each with
QT_QPA_PLATFORM=offscreen and its data in a temporary folder removed at the end:

1. batch: ``--count`` tickets are made known in a fresh outbox file (each confirmed once, as a
   send from the form leaves it), then a shown, warmed-up `MainWindow` on it opens the
   `BatchDialog`, the ids are pasted and the change set (status DONE, SMS to two numbers and a
   message). The check of all rows is timed from `BatchDialog.check` to the table showing them;
   Send is timed from the click to the last row's result. A 5 ms precise QTimer on the GUI thread
   stamps every tick meanwhile: the largest gap while checking and while sending, and the same
   timer idle for a second (what the machine itself costs).
2. plain: the same bodies PUT to the same sandbox by plain sequential `requests` calls over one
   Session: the baseline of the send time.

It prints the figures and the ratio of the batch's send time to the plain PUTs'. The exit code is
0 whatever the figures (a measurement, not a test), and 1 when the measurement failed (a child
crashed or timed out, or the sandbox did not get exactly ``--count`` PUTs from each child).
Targets (the issue's): 500 rows checked in under a second, no GUI-thread gap above 16 ms.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(__file__).resolve()
TICK_MS = 5
CHILD_TIMEOUT = 600.0
PHONES = "(202) 555-0123, (202) 555-0188"
MESSAGE = "The water is off tomorrow 9-11."


def ticket_ids(count: int) -> list[str]:
    return [f"tic_{10_001 + number}" for number in range(count)]


def make_updates(count: int) -> list[Any]:
    """What the batch sends: each ticket's known title and description, DONE, the SMS."""
    from gui.core.fields import ContactType
    from gui.core.ticket import Notification, TicketUpdate

    notification = Notification(
        type=ContactType.SMS, contacts=("2025550123", "2025550188"), message=MESSAGE
    )
    return [
        TicketUpdate(
            ticket_id=ticket_id,
            title=f"Water in {ticket_id}",
            description=f"Flat of {ticket_id}: the tap leaks.",
            status="DONE",
            automated=False,
            notification=notification,
        )
        for ticket_id in ticket_ids(count)
    ]


# --- Children ----------------------------------------------------------------------------------


def child_plain(api_base: str, count: int) -> dict[str, Any]:
    """The baseline: the same bodies, plain sequential `requests` PUTs over one Session (the
    outbox benchmark's, bench/outbox.py, which is beside this file on sys.path)."""
    from outbox import plain_puts

    return plain_puts(api_base, make_updates(count))


def _seed(api_base: str, count: int) -> None:
    """Make the tickets known at the window's destination, as the form's sends leave them."""
    import dataclasses

    from gui.core import app_folders
    from gui.core.config import Connection
    from gui.core.credentials import Credentials
    from gui.core.destination import destination_of
    from gui.core.outbox import OutboxStore
    from gui.sandbox import SandboxServer

    destination = destination_of(Connection(api_base, Credentials(token=SandboxServer.TOKEN)))
    store = OutboxStore(app_folders.data_folder() / app_folders.OUTBOX_FILE_NAME)
    updates = [
        dataclasses.replace(update, status="ON_HOLD", notification=None)
        for update in make_updates(count)
    ]
    store.add_batch(updates, destination=destination)
    while (item := store.claim_next(destination)) is not None:
        store.complete(item.id, status=200, destination=destination)
    store.close_all()


def child_batch(api_base: str, count: int) -> dict[str, Any]:
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from gui.core.config import Connection
    from gui.core.credentials import Credentials
    from gui.sandbox import SandboxServer
    from gui.ui.main_window import MainWindow
    from gui.ui.settings import AppSettings

    _seed(api_base, count)
    app = QApplication(sys.argv[:1])
    window = MainWindow(
        connection=Connection(api_base, Credentials(token=SandboxServer.TOKEN)),
        settings=AppSettings(),
    )
    window.confirm_quit = lambda waiting: True
    window.show()

    def wait_for(condition: Any, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while not condition() and time.monotonic() < deadline:
            loop = QEventLoop()
            QTimer.singleShot(2, loop.quit)
            loop.exec()
        return bool(condition())

    loop = QEventLoop()
    window.warmed_up.connect(loop.quit)
    QTimer.singleShot(20_000, loop.quit)
    loop.exec()
    dialog = window.batch.open()
    assert dialog is not None
    dialog.ids.setPlainText("\n".join(ticket_ids(count)))
    change = dialog.change
    change.status.setCurrentText("DONE")
    change.notify.setChecked(True)
    change.type.setCurrentIndex(change.type.findData("sms"))
    change.contacts.setText(PHONES)
    change.message.setPlainText(MESSAGE)
    dialog.check()
    if not wait_for(lambda: "checked" in dialog.summary.text(), 30):
        return {"ok": False, "error": f"the first check did not end: {dialog.summary.text()}"}

    stamps: list[float] = []
    timer = QTimer(interval=TICK_MS)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(lambda: stamps.append(time.perf_counter()))

    def gaps_ms() -> float:
        return max(b - a for a, b in itertools.pairwise(stamps)) * 1000

    # Idle: what the machine costs the timer.
    stamps.append(time.perf_counter())
    timer.start()
    wait_for(lambda: False, 1.0)
    idle_gap = gaps_ms()

    # Checking.
    shown: list[float] = []
    dialog.sender_.checked.connect(lambda _checked: shown.append(time.perf_counter()))
    stamps[:] = [time.perf_counter()]
    started = time.perf_counter()
    dialog.check()
    if not wait_for(lambda: bool(shown), 30):
        return {"ok": False, "error": "the check did not end"}
    app.processEvents()  # the table's reset
    check_seconds = time.perf_counter() - started
    wait_for(lambda: False, 0.1)
    check_gap = gaps_ms()
    rows, invalid = dialog.model.rowCount(), dialog._checked.invalid if dialog._checked else -1

    # Sending.
    stamps[:] = [time.perf_counter()]
    started = time.perf_counter()
    dialog.send_button.click()
    ended = wait_for(
        lambda: dialog.send_button.isEnabled() and "sent" in dialog.summary.text(), 300
    )
    send_seconds = time.perf_counter() - started
    timer.stop()
    stamps.append(time.perf_counter())
    send_gap = gaps_ms()
    summary = dialog.summary.text()
    window.close()
    app.processEvents()
    if not ended:
        return {"ok": False, "error": f"the batch did not end: {summary}"}
    return {
        "ok": True,
        "rows": rows,
        "invalid": invalid,
        "check_ms": check_seconds * 1000,
        "check_gap_ms": check_gap,
        "send_seconds": send_seconds,
        "send_gap_ms": send_gap,
        "idle_gap_ms": idle_gap,
        "summary": summary,
    }


# --- The parent --------------------------------------------------------------------------------


def run_child(kind: str, api_base: str, count: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="batch-bench-") as folder:
        environment = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "PARTICLE_TICKETS_FOLDER": folder,
            "PYTHONPATH": str(ROOT),
        }
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            environment[name] = str(Path(folder) / name.lower())
        done = subprocess.run(  # this same script
            [sys.executable, str(SCRIPT), "--child", kind, api_base, str(count)],
            capture_output=True,
            text=True,
            timeout=CHILD_TIMEOUT,
            env=environment,
            cwd=ROOT,
            check=False,
        )
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        return {"ok": False, "error": f"{kind} exited {done.returncode}: {done.stderr[-2000:]}"}
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--child", nargs=3, metavar=("KIND", "API_BASE", "COUNT"))
    args = parser.parse_args(argv)
    if args.child:
        kind, api_base, count = args.child
        work = child_batch if kind == "batch" else child_plain
        print(json.dumps(work(api_base, int(count))))
        return 0

    sys.path.insert(0, str(ROOT))
    from gui.sandbox import SandboxServer

    plain: list[float] = []
    batches: list[dict[str, Any]] = []
    with SandboxServer(tickets=ticket_ids(args.count)) as sandbox:
        for run in range(1, args.runs + 1):
            for kind in ("plain", "batch"):
                before = len(sandbox.requests)
                result = run_child(kind, sandbox.url, args.count)
                if not result.get("ok"):
                    print(f"run {run}: {kind} failed: {result.get('error')}", file=sys.stderr)
                    return 1
                got = sum(1 for r in sandbox.requests[before:] if r.method == "PUT")
                if got != args.count:
                    print(f"run {run}: {kind} sent {got} PUTs, not {args.count}", file=sys.stderr)
                    return 1
                if kind == "plain":
                    plain.append(result["seconds"])
                else:
                    batches.append(result)
            last = batches[-1]
            print(
                f"run {run}: {last['rows']} rows checked in {last['check_ms']:.0f} ms "
                f"(largest GUI gap {last['check_gap_ms']:.1f} ms); sent in "
                f"{last['send_seconds']:.2f} s (largest GUI gap {last['send_gap_ms']:.1f} ms; "
                f"idle {last['idle_gap_ms']:.1f} ms); plain PUTs {plain[-1]:.2f} s"
            )
    send = statistics.median(result["send_seconds"] for result in batches)
    print()
    print(f"rows                        {args.count}")
    print(f"check, median               {statistics.median(r['check_ms'] for r in batches):.0f} ms")
    print(f"GUI gap while checking, max {max(r['check_gap_ms'] for r in batches):.1f} ms")
    print(f"GUI gap while sending, max  {max(r['send_gap_ms'] for r in batches):.1f} ms")
    print(f"GUI gap idle, max           {max(r['idle_gap_ms'] for r in batches):.1f} ms")
    print(f"send, median                {send:.2f} s")
    print(f"plain sequential PUTs       {statistics.median(plain):.2f} s")
    print(f"ratio batch / plain         {send / statistics.median(plain):.2f}")
    print(f"last summary                {batches[-1]['summary']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
