"""The one worker idiom: a Job on a QThreadPool hands plain data back through signals."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from gui.ui.worker import Job


def test_a_result_comes_back_on_the_gui_thread_with_its_request_id(qtbot: QtBot) -> None:
    pool = QThreadPool()
    ran_on: list[threading.Thread] = []

    def work() -> int:
        ran_on.append(threading.current_thread())
        return 42

    job = Job(work, request_id=7)
    received: list[tuple[int, object, threading.Thread]] = []
    job.signals.succeeded.connect(
        lambda request_id, result: received.append((request_id, result, threading.current_thread()))
    )
    with qtbot.waitSignal(job.signals.finished, timeout=5000) as finished:
        pool.start(job)
    assert finished.args == [7]
    assert received == [(7, 42, threading.main_thread())]
    assert ran_on and ran_on[0] is not threading.main_thread()
    assert pool.waitForDone(5000)


def test_an_exception_comes_back_as_failed(qtbot: QtBot) -> None:
    pool = QThreadPool()
    job = Job(lambda: 1 / 0, request_id=3)
    with qtbot.waitSignal(job.signals.failed, timeout=5000) as failed:
        pool.start(job)
    request_id, error = failed.args
    assert request_id == 3 and isinstance(error, ZeroDivisionError)
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
