"""The one worker idiom: a Job on a QThreadPool hands its typed outcome back to the GUI thread."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from gui.core.outcome import Failed, Succeeded
from gui.ui.worker import Job, JobRunner


def test_a_result_comes_back_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = JobRunner()
    ran_on: list[threading.Thread] = []

    def work() -> int:
        ran_on.append(threading.current_thread())
        return 42

    received: list[tuple[int, threading.Thread]] = []
    failures: list[Exception] = []
    runner.run(
        work, lambda value: received.append((value, threading.current_thread())), failures.append
    )
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert received == [(42, threading.main_thread())]
    assert failures == []
    assert ran_on and ran_on[0] is not threading.main_thread()
    assert runner.wait(5000)


def test_an_exception_comes_back_as_the_failure(qtbot: QtBot) -> None:
    runner = JobRunner()
    results: list[float] = []
    failures: list[Exception] = []
    runner.run(lambda: 1 / 0, results.append, failures.append)
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert results == []
    assert len(failures) == 1 and isinstance(failures[0], ZeroDivisionError)
    assert runner.wait(5000)


def test_a_job_keeps_its_outcome_and_says_when_it_is_done(qtbot: QtBot) -> None:
    pool = QThreadPool()
    good, bad = Job(lambda: "done", request_id=7), Job(lambda: [][1], request_id=8)
    with qtbot.waitSignal(good.signals.finished, timeout=5000) as finished:
        pool.start(good)
    assert finished.args == [7]
    assert good.outcome == Succeeded("done")
    with qtbot.waitSignal(bad.signals.finished, timeout=5000):
        pool.start(bad)
    assert isinstance(bad.outcome, Failed) and isinstance(bad.outcome.error, IndexError)
    assert pool.waitForDone(5000)


def test_a_job_that_outlives_its_signals_ends_quietly(capfd) -> None:
    pool = QThreadPool()
    release = threading.Event()
    job = Job(lambda: release.wait(5), request_id=1)
    pool.start(job)
    shiboken6.delete(job.signals)  # its owner went away while the job was running
    release.set()
    assert pool.waitForDone(5000)
    assert "Traceback" not in capfd.readouterr().err
