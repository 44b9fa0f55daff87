"""The app's one way to run blocking work: a `Job` on a `QThreadPool`.

A job takes plain data in (a callable with its arguments bound) and hands plain data out through
the signals of `JobSignals`, which lives in the thread that created the job (the GUI thread), so
receivers run there. The callable never touches a widget. Every signal carries the job's
`request_id`, so a receiver can drop answers to requests it no longer waits for.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance

log = logging.getLogger(__name__)


class JobSignals(QObject):
    """Signals of one `Job`.

    Signals:
        succeeded(request_id, result): the callable returned `result`.
        failed(request_id, error): the callable raised `error` (an Exception).
        finished(request_id): after either of the above; the job is done with its thread.
    """

    succeeded = Signal(int, object)
    failed = Signal(int, object)
    finished = Signal(int)


class Job(QRunnable):
    """Runs `function()` on a pool thread and reports through `signals`."""

    def __init__(self, function: Callable[[], Any], *, request_id: int = 0) -> None:
        super().__init__()
        # Python owns the job: whoever starts it keeps a reference until `finished`.
        self.setAutoDelete(False)
        self.request_id = request_id
        self.signals = JobSignals()
        self._function = function

    def run(self) -> None:
        try:
            result = self._function()
        except Exception as error:  # handed to the GUI thread, which decides what to show
            self._emit(self.signals.failed, error)
        else:
            self._emit(self.signals.succeeded, result)
        finally:
            self._emit(self.signals.finished)

    def _emit(self, signal: SignalInstance, *payload: object) -> None:
        try:
            signal.emit(self.request_id, *payload)
        except RuntimeError:  # the signals object is gone: nobody is left to tell
            log.debug("job %d ended after its owner was destroyed", self.request_id)


class JobRunner(QObject):
    """Starts `Job`s on one pool, keeps each alive until it ends, and calls back on the GUI
    thread: the bookkeeping every owner of background work would otherwise repeat.

    `run` returns the job's id; owners that may stop caring about an answer compare it with the
    id they still wait for.
    """

    def __init__(
        self,
        *,
        threads: int | None = None,
        keep_thread: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        if threads is not None:
            self.pool.setMaxThreadCount(threads)
        if keep_thread:
            self.pool.setExpiryTimeout(-1)  # e.g. the thread that owns a database connection
        self._jobs: dict[int, tuple[Job, Callable[[Any], None], Callable[[Exception], None]]] = {}
        self._last_id = 0

    def run(
        self,
        function: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[Exception], None],
    ) -> int:
        self._last_id += 1
        job = Job(function, request_id=self._last_id)
        job.signals.succeeded.connect(self._on_succeeded)
        job.signals.failed.connect(self._on_failed)
        job.signals.finished.connect(self._on_finished)
        self._jobs[self._last_id] = (job, on_success, on_failure)
        self.pool.start(job)
        return self._last_id

    @property
    def busy(self) -> bool:
        """Whether a job started here has not ended yet."""
        return bool(self._jobs)

    def wait(self, msecs: int) -> bool:
        """Wait (bounded) for every job to end; False if one is still running."""
        return self.pool.waitForDone(msecs)

    def _on_succeeded(self, job_id: int, result: object) -> None:
        if job_id in self._jobs:
            self._jobs[job_id][1](result)

    def _on_failed(self, job_id: int, error: Exception) -> None:
        if job_id in self._jobs:
            self._jobs[job_id][2](error)

    def _on_finished(self, job_id: int) -> None:
        self._jobs.pop(job_id, None)
