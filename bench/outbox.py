"""The outbox benchmark: draining queued updates, and autosave while typing, against baselines.

Usage (from the project folder, with the project's virtual environment)::

    .venv/bin/python bench/outbox.py [--count 1000] [--chars 5000] [--runs 1] [--before REV]

The machine is shared and noisy, so only figures against a baseline measured in the same run mean
anything. This process imports no Qt: it runs a `SandboxServer` (Behaviour.NORMAL) on 127.0.0.1
and starts children of this same script (``--child …``), each with QT_QPA_PLATFORM=offscreen and
XDG folders in a temporary folder removed at the end:

1. drain: ``--count`` updates (notify=0, four tickets in turn) are put in a fresh OutboxStore file
   with `OutboxStore.add`, while a shown, warmed-up `MainWindow` on that file sits idle; then the
   clock starts and `window.outbox.pump()` starts the dispatcher, which sends them one by one
   until the outbox is empty (the window's `outbox.changed` lists no item). The baseline, in its
   own child, is the same bodies PUT to the same sandbox by plain sequential `requests` calls
   over one Session. Run ``--runs`` times, baseline first; medians and their ratio (target
   ≤ 1.2 times). The sandbox must have received exactly ``--count`` PUTs from each child. With
   ``--before REVISION`` the drain of that git revision (checked out with ``git worktree``, its
   own code on PYTHONPATH) runs in the same rounds, after this one's, so a change's cost is a
   ratio measured in one run.
2. While the dispatcher drains, a 10 ms precise QTimer on the GUI thread stamps every tick: the
   largest gap (target ≤ 16 ms), against the same timer idle for as long right after, and how
   many full garbage collections ran meanwhile (they hold the GIL: the GUI thread waits them out).
3. autosave while typing: ``--chars`` characters are typed into the description with real key
   events (QTest.keyClicks, 5 characters per 10 ms tick) in bursts of 250, each followed by a
   pause of the draft keeper's save delay + 150 ms (the keeper also writes during steady
   typing; the pauses make the bursts comparable). The largest gap of the 10 ms timer while
   typing with the keeper active, against the same typing with autosave disconnected (the
   form's `edited` no longer reaches `window.drafts._on_edited`). Target: at most 16 ms and at
   most 5 ms above the run without autosave. Each run says how many drafts were
   written, so a run where autosave did nothing cannot pass for one where it cost nothing.

It ends with a verdict table. The exit code is 0 whether or not the targets are met (this is a
measurement, not a test), and 1 when the measurement itself failed (a child crashed or timed out,
an update was not sent, or not sent exactly once).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from run import TIMES, MeasurementFailed, checkout_of, environment_of, format_table
from run import child_environment as run_child_environment

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(__file__).resolve()

CHILD_TIMEOUT = 600.0  # seconds any child may take before it is killed
TARGET_RATIO = 1.2  # drain time / plain requests time (issue 16)
TARGET_GAP_MS = 16.0
TYPING_ALLOWANCE_MS = 5.0  # autosave may add at most this to the largest gap while typing
TICKETS = ("tic_2001", "tic_2002", "tic_2003", "tic_2004")
TICK_MS = 10
CHUNK = 5  # characters typed per tick
BURST = 250  # characters typed before a pause


# --- Shared by parent and children -----------------------------------------------------------


def make_updates(count: int) -> list[Any]:
    from gui.core.ticket import TicketUpdate

    return [
        TicketUpdate(
            ticket_id=TICKETS[number % len(TICKETS)],
            title=f"Benchmark update {number:04d}",
            description=(
                f"Update {number} of {count}: the kitchen tap in 1A drips all night; plumber "
                "booked for Tuesday morning, tenant informed."
            ),
            status="ON_HOLD",
            automated=False,
        )
        for number in range(count)
    ]


def gap_summary(stamps: list[float]) -> dict[str, float | int]:
    """The gaps between successive timer stamps, in ms; `max_gap_at_ms`: when the largest gap
    ended, counted from the first stamp."""
    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(stamps)]
    if not gaps:
        return {"seconds": 0.0, "ticks": 0, "max_gap_ms": 0.0, "p99_gap_ms": 0.0, "over": 0}
    largest = max(range(len(gaps)), key=gaps.__getitem__)
    ordered = sorted(gaps)
    return {
        "seconds": stamps[-1] - stamps[0],
        "ticks": len(gaps),
        "max_gap_ms": gaps[largest],
        "max_gap_at_ms": (stamps[largest + 1] - stamps[0]) * 1000,
        "p99_gap_ms": ordered[min(len(gaps) - 1, int(len(gaps) * 0.99))],
        "median_gap_ms": ordered[len(gaps) // 2],
        "over": sum(1 for gap in gaps if gap > TARGET_GAP_MS),
    }


class CollectionTimer:
    """Times Python's full (generation 2) garbage collections: they hold the GIL, so while one
    runs on any thread the GUI thread cannot run Python either."""

    def __init__(self) -> None:
        self.durations: list[float] = []
        self._started = 0.0

    def __enter__(self) -> CollectionTimer:
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *_: object) -> None:
        gc.callbacks.remove(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.durations.append((time.perf_counter() - self._started) * 1000)

    def summary(self) -> dict[str, float | int]:
        return {"full": len(self.durations), "longest_ms": max(self.durations, default=0.0)}


# --- Children ----------------------------------------------------------------------------------


def child_plain(api_base: str, count: int) -> dict[str, Any]:
    """The baseline: the same bodies, plain sequential `requests` PUTs over one Session."""
    return plain_puts(api_base, make_updates(count))


def plain_puts(api_base: str, updates: list[Any]) -> dict[str, Any]:
    """Send `updates` as plain sequential `requests` PUTs over one Session, timed (bench/batch.py
    takes its baseline from here too)."""
    import requests

    from gui.core.api_contract import FORM_CONTENT_TYPE, update_path
    from gui.core.wire import encode_body
    from gui.sandbox import SandboxServer

    prepared = [
        (api_base + update_path(update.ticket_id), encode_body(update).encode("utf-8"))
        for update in updates
    ]
    headers = {
        "Authorization": f"Bearer {SandboxServer.TOKEN}",
        "Content-Type": FORM_CONTENT_TYPE,
        "Accept": "application/json",
    }
    with requests.Session() as session:
        started = time.perf_counter()
        for url, body in prepared:
            response = session.put(url, data=body, headers=headers, timeout=(5, 30))
            if response.status_code != 200:
                return {"ok": False, "error": f"HTTP {response.status_code} from {url}"}
        seconds = time.perf_counter() - started
    return {"ok": True, "seconds": seconds, "puts": len(prepared)}


def _window(api_base: str, folder: Path, draft_store: Any = None, outbox: Path | None = None):
    from gui.core.app_folders import ENV_FOLDER
    from gui.core.config import Connection
    from gui.core.credentials import Credentials
    from gui.core.drafts import DraftStore
    from gui.core.outbox import OutboxStore
    from gui.sandbox import SandboxServer
    from gui.ui.main_window import MainWindow
    from gui.ui.palette import ColourScheme
    from gui.ui.settings import AppSettings

    os.environ[ENV_FOLDER] = str(folder)  # its preferences and window state, never the user's
    window = MainWindow(
        connection=Connection(api_base, Credentials(token=SandboxServer.TOKEN)),
        settings=AppSettings(),
        outbox_store=OutboxStore(outbox or folder / "outbox.sqlite3"),
        draft_store=draft_store or DraftStore(folder / "draft.json"),
    )
    window.confirm_quit = lambda waiting: True
    ColourScheme(window)
    return window


def _show_and_settle(window: Any) -> None:
    """Show the window, wait for its first paint, its warm-up, its first outbox listing and
    the end of its first batch."""
    from PySide6.QtCore import QEventLoop, QTimer
    from responsiveness import PaintWaiter, Ticks

    listed: list[bool] = []

    def on_listed(_items: object) -> None:
        listed[:] = [True]  # a flag: keeping the lists would grow the heap while it drains

    window.outbox.changed.connect(on_listed)
    first_paint = QEventLoop()
    waiter = PaintWaiter(window, first_paint)
    QTimer.singleShot(10_000, first_paint.quit)
    window.show()
    first_paint.exec()
    del waiter
    Ticks(until=(("warmed_up", window.warmed_up),), limit_seconds=30).run()
    loop = QEventLoop()
    deadline = time.monotonic() + 30
    while not listed and time.monotonic() < deadline:
        QTimer.singleShot(10, loop.quit)
        loop.exec()
    # and its first batch over: one still running when the outbox is filled would send some
    # of the updates before the clock starts
    while getattr(window.outbox, "_pumping", False) and time.monotonic() < deadline:
        QTimer.singleShot(10, loop.quit)
        loop.exec()
    window.outbox.changed.disconnect(on_listed)
    if not listed:
        raise MeasurementFailed("the outbox was never listed")


def child_drain(api_base: str, count: int, folder: Path) -> dict[str, Any]:
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication
    from responsiveness import Ticks

    from gui.core.destination import destination_of
    from gui.core.outbox import OutboxStore

    class Drained(QObject):
        done = Signal()

        def __init__(self) -> None:
            super().__init__()
            self.attempts = 0
            self.failures: list[str] = []

        def on_changed(self, items: list[object]) -> None:
            # (a listing from before the outbox was filled may still arrive: only one after
            # an attempt says that the drain is over)
            if not items and self.attempts:
                self.done.emit()

        def on_attempted(self, attempt: Any) -> None:
            self.attempts += 1
            if attempt.verdict is not None:
                self.failures.append(attempt.verdict.reason)

    path = folder / "outbox.sqlite3"
    window = _window(api_base, folder, outbox=path)
    try:
        _show_and_settle(window)
        filler = OutboxStore(path)  # straight into the file, while the window sits idle
        here = destination_of(window.sign_in.connection)  # where the window sends
        for update in make_updates(count):
            filler.add(update, destination=here)
        if filler.waiting_count() != count:
            return {"ok": False, "error": "the outbox does not hold every update"}
        filler.close()
        drained = Drained()
        window.outbox.changed.connect(drained.on_changed)
        window.outbox.attempted.connect(drained.on_attempted)
        ticks = Ticks(
            until=(("drained", drained.done), ("outbox failed", window.outbox.failed)),
            limit_seconds=CHILD_TIMEOUT - 60,
        )
        with CollectionTimer() as collections:
            ticks.run(window.outbox.pump)
        draining = gap_summary(ticks.stamps)
        idle = Ticks(limit_seconds=max(0.05, float(draining["seconds"])))
        idle.run()
        result = {
            "ok": ticks.outcome == "drained" and not drained.failures,
            "outcome": ticks.outcome,
            "seconds": draining["seconds"],
            "attempts": drained.attempts,
            "failures": drained.failures[:3],
            "draining": draining,
            "idle": gap_summary(idle.stamps),
            "gc": collections.summary(),
        }
        if not result["ok"]:
            result["error"] = f"{ticks.outcome}: {drained.failures[:3] or ticks.payload}"
        return result
    finally:
        window.close()
        window.deleteLater()
        QApplication.processEvents()


def child_typing(api_base: str, chars: int, folder: Path) -> dict[str, Any]:
    from PySide6.QtCore import QObject, Qt, QTimer, Signal
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from responsiveness import Ticks

    from gui.core.drafts import DraftStore
    from gui.ui.draft_keeper import SAVE_DELAY_MS

    class CountingDraftStore(DraftStore):
        saves = 0

        def save(self, draft: Any) -> None:
            CountingDraftStore.saves += 1
            super().save(draft)

    class Typist(QObject):
        """Types `text` in chunks from a 10 ms timer, pausing after every burst."""

        done = Signal()

        def __init__(self, editor: Any, text: str) -> None:
            super().__init__()
            self._editor = editor
            self._text = text
            self._typed = 0
            self._timer = QTimer(self, interval=TICK_MS)
            self._timer.setTimerType(Qt.TimerType.PreciseTimer)
            self._timer.timeout.connect(self._tick)

        def start(self) -> None:
            self._editor.setFocus()
            self._timer.start()

        def _tick(self) -> None:
            chunk = self._text[self._typed : self._typed + CHUNK]
            QTest.keyClicks(self._editor, chunk)
            self._typed += len(chunk)
            if self._typed >= len(self._text):
                self._timer.stop()
                # Give the keeper its chance at the last burst too, then stop measuring.
                QTimer.singleShot(SAVE_DELAY_MS + 150, self.done.emit)
            elif self._typed % BURST < CHUNK:
                self._timer.stop()
                QTimer.singleShot(SAVE_DELAY_MS + 150, self._timer.start)

    words = " ".join(f"word{number}" for number in range(chars))
    text = words[:chars]
    window = _window(api_base, folder, draft_store=CountingDraftStore(folder / "draft.json"))
    editor = window.form.description
    results: dict[str, Any] = {"ok": False}

    def typing_run(label: str, length: int) -> None:
        editor.setPlainText("")
        QApplication.processEvents()
        before = CountingDraftStore.saves
        typist = Typist(editor, text[:length])
        ticks = Ticks(until=(("typed", typist.done),), limit_seconds=CHILD_TIMEOUT - 60)
        ticks.run(typist.start)
        if ticks.outcome != "typed" or editor.toPlainText() != text[:length]:
            raise MeasurementFailed(f"{label}: the typed text did not arrive ({ticks.outcome})")
        results[label] = {**gap_summary(ticks.stamps), "saves": CountingDraftStore.saves - before}

    try:
        _show_and_settle(window)
        typing_run("warm_up", min(chars, 2 * BURST))
        typing_run("autosave", chars)
        window.form.edited.disconnect(window.drafts._on_edited)
        window.drafts._timer.stop()
        typing_run("no_autosave", chars)
        results["ok"] = results["autosave"]["saves"] > 0 and results["no_autosave"]["saves"] == 0
        if not results["ok"]:
            results["error"] = "autosave wrote no draft, or wrote one while disconnected"
        return results
    except MeasurementFailed as failure:
        return {**results, "ok": False, "error": str(failure)}
    finally:
        window.close()
        window.deleteLater()
        QApplication.processEvents()


def child_main(options: argparse.Namespace) -> int:
    result: dict[str, Any]
    if options.child == "plain":
        result = child_plain(options.api_base, options.count)
    else:
        from PySide6.QtWidgets import QApplication

        app = QApplication(sys.argv[:1])
        folder = Path(options.folder)
        if options.child == "drain":
            result = child_drain(options.api_base, options.count, folder)
        else:
            result = child_typing(options.api_base, options.chars, folder)
        app.processEvents()
    sys.stdout.write("RESULT " + json.dumps(result) + "\n")
    sys.stdout.flush()
    return 0 if result.get("ok") else 1


# --- Parent ------------------------------------------------------------------------------------


def child_environment(folder: Path) -> dict[str, str]:
    """bench/run.py's child environment, talking straight to the loopback sandbox (no proxy)
    and to no keychain."""
    env = {
        name: value
        for name, value in run_child_environment(folder).items()
        if not name.lower().endswith("_proxy")
    }
    env.update(NO_PROXY="*", PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    return env


def run_child(env: dict[str, str], what: str, *args: str, checkout: Path = ROOT) -> dict[str, Any]:
    """Run this script's child `args` of `checkout` (another checkout runs its own code)."""
    env = environment_of(checkout, env)
    try:
        done = subprocess.run(
            [sys.executable, str(checkout / "bench" / SCRIPT.name), "--child", *args],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            env=env,
            cwd=checkout,
            timeout=CHILD_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise MeasurementFailed(f"{what} took over {CHILD_TIMEOUT:g} s and was killed") from None
    stdout = done.stdout.decode("utf-8", errors="replace")
    line = next((line for line in stdout.splitlines() if line.startswith("RESULT ")), None)
    if line is None:
        tail = "\n".join(done.stderr.decode("utf-8", errors="replace").splitlines()[-15:])
        raise MeasurementFailed(f"{what} exited with code {done.returncode}; stderr:\n{tail}")
    result: dict[str, Any] = json.loads(line.removeprefix("RESULT "))
    if not result.get("ok"):
        raise MeasurementFailed(f"{what}: {result.get('error', 'no reason given')}")
    return result


def measure_drain(
    env: dict[str, str], folder: Path, count: int, runs: int, earlier: Path | None = None
) -> tuple[float, float, dict[str, Any], dict[str, Any], float | None]:
    """Returns (median drain s, median plain s, worst drain gaps, idle gaps of that run, median
    drain s of the checkout `earlier` or None)."""
    from gui.sandbox import SandboxServer

    print(f"\n1-2. drain {count} queued updates to a loopback sandbox, {runs} run(s)")
    plain: list[float] = []
    drain: list[float] = []
    drained_before: list[float] = []
    worst: tuple[dict[str, Any], dict[str, Any]] | None = None
    with SandboxServer(tickets=TICKETS) as sandbox:
        for run in range(1, runs + 1):
            before = len(sandbox.requests)
            result = run_child(
                env, "plain requests", "plain", "--api-base", sandbox.url, "--count", str(count)
            )
            _check_puts(sandbox, before, count, "the plain requests")
            plain.append(result["seconds"])
            result = _drain_child(env, sandbox, folder / f"drain-{run}", count)
            drain.append(result["seconds"])
            gaps, idle = result["draining"], result["idle"]
            print(
                f"   run {run}: plain requests {plain[-1]:6.2f} s "
                f"({plain[-1] / count * 1000:.2f} ms each)   "
                f"outbox drain {drain[-1]:6.2f} s ({drain[-1] / count * 1000:.2f} ms each), "
                f"ratio {drain[-1] / plain[-1]:.2f}{TIMES}"
            )
            _print_gaps("      GUI timer while draining", gaps)
            _print_gaps("      GUI timer idle, as long  ", idle)
            print(
                f"      full garbage collections while draining: {result['gc']['full']}, "
                f"the longest {result['gc']['longest_ms']:.1f} ms"
            )
            if worst is None or gaps["max_gap_ms"] > worst[0]["max_gap_ms"]:
                worst = (gaps, idle)
            if earlier is not None:
                then = _drain_child(env, sandbox, folder / f"before-{run}", count, earlier)
                drained_before.append(then["seconds"])
                print(
                    f"          the app before {drained_before[-1]:6.2f} s, "
                    f"ratio {drained_before[-1] / plain[-1]:.2f}{TIMES}; "
                    f"now / before {drain[-1] / drained_before[-1]:.2f}{TIMES}"
                )
    assert worst is not None  # nosec B101
    median_before = statistics.median(drained_before) if drained_before else None
    return statistics.median(drain), statistics.median(plain), worst[0], worst[1], median_before


def _drain_child(
    env: dict[str, str], sandbox: Any, run_folder: Path, count: int, checkout: Path = ROOT
) -> dict[str, Any]:
    """One drain child of `checkout` to `sandbox`, its files in `run_folder`; its result, once
    the sandbox has had exactly `count` PUTs from it."""
    start = len(sandbox.requests)
    run_folder.mkdir()
    who = "the dispatcher" if checkout == ROOT else "the dispatcher before"
    result = run_child(
        env,
        who,
        "drain",
        "--api-base",
        sandbox.url,
        "--count",
        str(count),
        "--folder",
        str(run_folder),
        checkout=checkout,
    )
    _check_puts(sandbox, start, count, who)
    return result


def _check_puts(sandbox: Any, before: int, count: int, who: str) -> None:
    got = [r for r in sandbox.requests[before:] if r.method == "PUT"]
    titles = {dict(r.form).get("title") for r in got}
    if len(got) != count or len(titles) != count:
        raise MeasurementFailed(
            f"{who} sent {len(got)} PUTs for {len(titles)} updates; expected {count} of each"
        )


def _print_gaps(label: str, gaps: dict[str, Any]) -> None:
    print(
        f"{label}: {gaps['ticks']} ticks, median {gaps.get('median_gap_ms', 0):.1f} ms, "
        f"p99 {gaps['p99_gap_ms']:.1f} ms, largest {gaps['max_gap_ms']:.1f} ms "
        f"(ending {gaps.get('max_gap_at_ms', 0):.0f} ms in), "
        f"{gaps['over']} over {TARGET_GAP_MS:.0f} ms"
    )


def measure_typing(env: dict[str, str], folder: Path, chars: int) -> tuple[dict, dict]:
    print(
        f"\n3. type {chars} characters into the description ({CHUNK} per {TICK_MS} ms tick, "
        f"a pause after every {BURST} so that autosave writes)"
    )
    typing_folder = folder / "typing"
    typing_folder.mkdir()
    result = run_child(
        env,
        "typing",
        "typing",
        "--api-base",
        "http://127.0.0.1:9/api/v1",
        "--chars",
        str(chars),
        "--folder",
        str(typing_folder),
    )
    for label, name in (
        ("warm-up typing (discarded)", "warm_up"),
        ("typing, autosave active   ", "autosave"),
        ("typing, autosave off      ", "no_autosave"),
    ):
        data = result[name]
        _print_gaps(f"   {label} {data['seconds']:5.1f} s, {data['saves']:2d} drafts written", data)
    return result["autosave"], result["no_autosave"]


def verdict_table(
    drain: tuple[float, float, dict[str, Any], dict[str, Any], float | None] | None,
    typing: tuple[dict[str, Any], dict[str, Any]] | None,
) -> list[str]:
    rows = [("measure", "app", "baseline", "ratio", "target", "verdict")]
    if drain is not None:
        app, plain, gaps, idle, before = drain
        ratio = app / plain
        rows.append(
            (
                "drain the outbox (median)",
                f"{app:.2f} s",
                f"{plain:.2f} s plain requests",
                f"{ratio:.2f}{TIMES}",
                f"≤{TARGET_RATIO:.1f}{TIMES}",
                "ok" if ratio <= TARGET_RATIO else "MISSED",
            )
        )
        if before is not None:
            rows.append(
                (
                    "drain against the app before",
                    f"{app:.2f} s",
                    f"{before:.2f} s before",
                    f"{app / before:.2f}{TIMES}",
                    "-",
                    "-",
                )
            )
        during, still = gaps["max_gap_ms"], idle["max_gap_ms"]
        rows.append(
            (
                "largest GUI gap while draining",
                f"{during:.0f} ms",
                f"{still:.0f} ms idle",
                "-",
                f"≤{TARGET_GAP_MS:.0f} ms",
                _gap_verdict(during, still, during <= TARGET_GAP_MS),
            )
        )
    else:
        rows.append(("drain the outbox (median)", "-", "-", "-", f"≤{TARGET_RATIO}", "FAILED"))
        rows.append(("largest GUI gap while draining", "-", "-", "-", "≤16 ms", "FAILED"))
    if typing is not None:
        on, off = typing
        with_autosave, without = on["max_gap_ms"], off["max_gap_ms"]
        fine = with_autosave <= TARGET_GAP_MS and with_autosave <= without + TYPING_ALLOWANCE_MS
        rows.append(
            (
                "largest GUI gap typing, autosave",
                f"{with_autosave:.0f} ms",
                f"{without:.0f} ms without",
                f"{with_autosave - without:+.0f} ms",
                f"≤{TARGET_GAP_MS:.0f}, ≤+{TYPING_ALLOWANCE_MS:.0f} ms",
                _gap_verdict(with_autosave, without, fine),
            )
        )
    else:
        rows.append(("largest GUI gap typing, autosave", "-", "-", "-", "≤16 ms", "FAILED"))
    return format_table(rows)


def _gap_verdict(measured: float, baseline: float, fine: bool) -> str:
    if fine:
        return "ok"
    # The baseline missing the target too means the machine, not the app, stalled the thread.
    return "MISSED (noisy*)" if baseline > TARGET_GAP_MS else "MISSED"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="updates to drain (1000)")
    parser.add_argument(
        "--chars", type=int, default=None, help="characters to type (5 times --count)"
    )
    parser.add_argument("--runs", type=int, default=1, help="drain runs, each with its baseline")
    parser.add_argument(
        "--before", metavar="REVISION", help="also drain this git revision's app, same rounds"
    )
    parser.add_argument("--child", choices=("plain", "drain", "typing"), help=argparse.SUPPRESS)
    parser.add_argument("--api-base", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.chars is None:
        options.chars = 5 * options.count
    if options.child:
        return child_main(options)
    if options.count < 1 or options.chars < 1 or options.runs < 1:
        parser.error("--count, --chars and --runs must be at least 1")
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="replace")

    began = time.perf_counter()
    print(f"Particle Tickets outbox benchmark — {sys.executable}, {os.cpu_count()} CPUs")
    folder = Path(tempfile.mkdtemp(prefix="particle-tickets-bench-outbox-"))
    failures: list[str] = []
    drain = typing = None
    try:
        env = child_environment(folder)
        try:
            with contextlib.ExitStack() as stack:
                before = None
                if options.before:
                    before = stack.enter_context(checkout_of(options.before, folder))
                drain = measure_drain(env, folder, options.count, options.runs, before)
        except (MeasurementFailed, subprocess.CalledProcessError) as failure:
            failures.append(f"drain: {failure}")
        try:
            typing = measure_typing(env, folder, options.chars)
        except MeasurementFailed as failure:
            failures.append(f"typing: {failure}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    print(f"\nfinished in {time.perf_counter() - began:.1f} s\n")
    for line in verdict_table(drain, typing):
        print(line)
    if any("noisy" in line for line in verdict_table(drain, typing)):
        print(
            f"* the baseline also had a gap over {TARGET_GAP_MS:.0f} ms: the machine was too "
            "busy for this figure to mean much; run again when it is quieter"
        )
    for failure in failures:
        print(f"\nMEASUREMENT FAILED — {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
