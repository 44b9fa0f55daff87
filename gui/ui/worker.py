"""The app's one way to run blocking work: a `Job` on a `QThreadPool`.

A job takes plain data in (a callable with its arguments bound) and hands plain data out: its
`Outcome` (gui/core/outcome.py), typed by what the callable returns. The callable never touches
a widget. `JobRunner` starts jobs and calls back on the GUI thread, with the answer or the
error, once the job has ended.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from gui.core.outcome import Failed, Outcome, Succeeded

log = logging.getLogger(__name__)

T = TypeVar("T")


class JobSignals(QObject):
    """Signals of one `Job`.

    Signals:
        finished(request_id): the job is done with its thread; its `outcome` is set.
    """

    finished = Signal(int)


class Job(QRunnable, Generic[T]):
    """Runs `function()` on a pool thread, keeps how it ended in `outcome`, then emits
    `signals.finished` (which lives in the thread that created the job, the GUI thread)."""

    def __init__(self, function: Callable[[], T], *, request_id: int = 0) -> None:
        super().__init__()
        # Python owns the job: whoever starts it keeps a reference until `finished`.
        self.setAutoDelete(False)
        self.request_id = request_id
        self.signals = JobSignals()
        self.outcome: Outcome[T] | None = None  # written by the pool thread before `finished`
        self._function = function

    def run(self) -> None:
        try:
            self.outcome = Succeeded(self._function())
        except Exception as error:  # handed to the GUI thread, which decides what to show
            self.outcome = Failed(error)
        try:
            self.signals.finished.emit(self.request_id)
        except RuntimeError:  # the signals object is gone: nobody is left to tell
            log.debug("job %d ended after its owner was destroyed", self.request_id)


class _Pending(Generic[T]):
    """A job that was started, and whom to tell how it ended."""

    __slots__ = ("job", "on_failure", "on_success")

    def __init__(
        self,
        job: Job[T],
        on_success: Callable[[T], None],
        on_failure: Callable[[Exception], None],
    ) -> None:
        self.job = job
        self.on_success = on_success
        self.on_failure = on_failure

    def settle(self) -> None:
        match self.job.outcome:
            case Succeeded(value):
                self.on_success(value)
            case Failed(error):
                self.on_failure(error)


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
        self._jobs: dict[int, Callable[[], None]] = {}  # each job's way to call back
        self._last_id = 0

    def run(
        self,
        function: Callable[[], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[Exception], None],
    ) -> int:
        """Run `function` on the pool; then `on_success(result)` or `on_failure(error)`."""
        self._last_id += 1
        job = Job(function, request_id=self._last_id)
        job.signals.finished.connect(self._on_finished)
        self._jobs[self._last_id] = _Pending(job, on_success, on_failure).settle
        self.pool.start(job)
        return self._last_id

    @property
    def busy(self) -> bool:
        """Whether a job started here has not ended yet."""
        return bool(self._jobs)

    def wait(self, msecs: int) -> bool:
        """Wait (bounded) for every job to end; False if one is still running."""
        return self.pool.waitForDone(msecs)

    def _on_finished(self, job_id: int) -> None:
        settle = self._jobs.pop(job_id, None)
        if settle is not None:
            settle()
